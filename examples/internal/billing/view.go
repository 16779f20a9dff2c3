package billing

import (
	"bufio"
	"cmp"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// View is the summary of a report as the web page shows it, with the
// rows refused and what was not checked; the patient-weeks and claims come
// a page at a time (Report.Weeks, Report.Claims), in the order shown. It
// holds record IDs and figures only, as the reports do.
type View struct {
	// Heading names the rules, the weeks and the setting applied.
	Heading string `json:"heading"`
	// Input is the input's kind: InputSessions or InputClaims.
	Input string `json:"input"`
	// Records is the number of sessions or claim lines read.
	Records  int `json:"records"`
	Patients int `json:"patients"`
	// Weeks and Claims are the numbers of patient-weeks and claims checked.
	Weeks  int `json:"weeks"`
	Claims int `json:"claims"`
	// Blocking and Warnings count the findings that block and warn.
	Blocking int `json:"blocking"`
	Warnings int `json:"warnings"`
	// Unchecked says what was not checked, and why: no profile in force,
	// or no single profile of a family governing a week.
	Unchecked []string `json:"unchecked"`
	// Refused are the rows that could not be read.
	Refused []ViewRefusal `json:"refused"`
	// MoreRefused counts the rows refused past Options.MaxErrors: counted,
	// not reported.
	MoreRefused int `json:"more_refused"`
	// Derived are the patients without an episode, taken as adults
	// admitted on their first day of service.
	Derived []string `json:"derived"`
	// Ignored are the input's columns ignored, by name.
	Ignored []string `json:"ignored"`
	// Hours are the weekly hours of the first patients, in patient and
	// week order, for the chart: at most ChartPatients patients.
	Hours []ViewHours `json:"hours"`
	// ChartPatients is the number of patients in Hours.
	ChartPatients int `json:"chart_patients"`
}

// ViewHours is a patient-week's counted minutes against the weekly
// minimum of the profile applied, for the chart.
type ViewHours struct {
	Patient string `json:"patient"`
	Week    string `json:"week"`
	Label   string `json:"label"`
	Minutes int    `json:"minutes"`
	Min     int    `json:"min"`
}

// ChartPatients is the most patients the chart of a View draws.
const ChartPatients = 20

// ViewWeek is one patient-week.
type ViewWeek struct {
	Patient string `json:"patient"`
	// Week is the week as the reports name it ("2025-W10"), Label as the
	// text report does ("week of 2025-03-09", "program week 2").
	Week  string `json:"week"`
	Label string `json:"label"`
	From  string `json:"from"`
	// Profile is the ID of the profile the week was checked against.
	Profile string `json:"profile"`
	// Minutes is the counted time; Min and Max the weekly band of the
	// patient's population in the profile (0: none).
	Minutes int `json:"minutes"`
	Min     int `json:"min"`
	Max     int `json:"max"`
	// Days is the number of days with counted time.
	Days int `json:"days"`
	// Dates are the days of the week, Services the countable services of
	// each, Tiers the payment tier each reaches ("" for none), APCs the
	// tier's payment classification in the setting given ("" for none).
	Dates    [7]string `json:"dates"`
	Services [7]int    `json:"services"`
	Tiers    [7]string `json:"tiers"`
	APCs     [7]string `json:"apcs"`
	// Result is the worst severity of the findings, or "ok".
	Result   string        `json:"result"`
	Findings []ViewFinding `json:"findings"`
}

// ViewClaim is one claim.
type ViewClaim struct {
	Claim    string        `json:"claim"`
	Patient  string        `json:"patient"`
	Lines    int           `json:"lines"`
	From     string        `json:"from"`
	Through  string        `json:"through"`
	Profile  string        `json:"profile"`
	Result   string        `json:"result"`
	Findings []ViewFinding `json:"findings"`
}

// ViewFinding is a finding with its words: the rule's message with the
// figures, and the citation of the rule as the profile applied it.
type ViewFinding struct {
	Code     string `json:"code"`
	Severity string `json:"severity"`
	Day      string `json:"day"`
	Need     int64  `json:"need"`
	Got      int64  `json:"got"`
	Unit     string `json:"unit"`
	Message  string `json:"message"`
	Cite     string `json:"cite"`
}

// ViewRefusal is a row refused: the file, the line it starts on, and why
// (the columns and the reason, never a cell's text).
type ViewRefusal struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// View returns the summary of the report as the page shows it.
func (r *Report) View() View {
	h, in, res := r.head, r.in, r.res
	heading := h.rules.describe() + ", " + h.weeks
	if h.setting != 0 {
		heading += ", setting " + h.setting.String()
	}
	v := View{Heading: heading, Input: in.kind, Records: h.stats.Sessions, Patients: h.stats.Patients,
		Weeks: len(res.rows), Claims: len(res.claims), Blocking: res.blocking, Warnings: res.warnings,
		Unchecked: []string{}, Refused: make([]ViewRefusal, 0, len(in.rowErrors)), MoreRefused: in.more,
		Derived: append([]string{}, in.derived...), Ignored: append([]string{}, in.ignored...), Hours: []ViewHours{}}
	for _, u := range res.unchecked {
		v.Unchecked = append(v.Unchecked, u.describe(weekLabel(u.week)))
	}
	for _, e := range in.rowErrors {
		v.Refused = append(v.Refused, ViewRefusal{File: e.file, Line: e.line, Message: e.String()})
	}
	// The rows are in patient and week order.
	for i := range res.rows {
		rw := &res.rows[i]
		if i == 0 || rw.sum.Patient != res.rows[i-1].sum.Patient {
			if v.ChartPatients == ChartPatients {
				break
			}
			v.ChartPatients++
		}
		v.Hours = append(v.Hours, ViewHours{Patient: rw.sum.Patient, Week: rw.sum.Week.String(), Label: weekLabel(rw.sum.Week),
			Minutes: int(rw.sum.Minutes), Min: int(r.band(rw).Min)})
	}
	return v
}

// band is the weekly band of a patient-week's population in its profile:
// its schedule.Benefit's, zero for a profile without one.
func (r *Report) band(rw *row) iop.Band {
	b, _ := iop.PartOf[schedule.Benefit](&r.head.rules.profiles[rw.profile])
	return b.Weekly.For(r.in.episodes[rw.sum.Patient].Population)
}

// order returns the indexes of results in the order the page shows them:
// blocking first, then warning, info and ok, each in the report's order.
func order(n int, result func(int) string) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(rank(result(a)), rank(result(b))) })
	return idx
}

// Weeks returns at most n patient-weeks from the from-th in the order the
// page shows them: those with a blocking finding first, then those with a
// warning, then the others, each group in patient and week order (the
// reports' order).
func (r *Report) Weeks(from, n int) []ViewWeek {
	h, res := r.head, r.res
	idx := order(len(res.rows), func(i int) string { return resultName(res.rows[i].findings) })
	from = min(max(from, 0), len(idx))
	idx = idx[from:min(from+max(n, 0), len(idx))]
	out := make([]ViewWeek, 0, len(idx))
	for _, i := range idx {
		rw := &res.rows[i]
		p := h.rules.profiles[rw.profile]
		band := r.band(rw)
		w := ViewWeek{Patient: rw.sum.Patient, Week: rw.sum.Week.String(), Label: weekLabel(rw.sum.Week),
			From: rw.sum.Week.Start().String(), Profile: p.ID, Minutes: int(rw.sum.Minutes),
			Min: int(band.Min), Max: int(band.Max), Days: rw.sum.Days(), Result: resultName(rw.findings),
			Findings: viewFindings(h.rules.checkers[rw.profile].Rules(), rw.findings)}
		for i, d := range h.rules.checkers[rw.profile].DaysIn(rw.sum, h.setting) {
			w.Dates[i], w.Services[i] = d.Date.String(), d.Services
			if d.HasTier {
				w.Tiers[i], w.APCs[i] = d.Tier.Name, d.APC
			}
		}
		out = append(out, w)
	}
	return out
}

// Claims returns at most n claims from the from-th in the order the page
// shows them, as Weeks does.
func (r *Report) Claims(from, n int) []ViewClaim {
	h, res := r.head, r.res
	idx := order(len(res.claims), func(i int) string { return resultName(res.claims[i].findings) })
	from = min(max(from, 0), len(idx))
	idx = idx[from:min(from+max(n, 0), len(idx))]
	out := make([]ViewClaim, 0, len(idx))
	for _, i := range idx {
		c := &res.claims[i]
		out = append(out, ViewClaim{Claim: c.claim, Patient: c.patient, Lines: c.lines,
			From: c.from.String(), Through: c.through.String(), Profile: h.rules.profiles[c.profile].ID,
			Result: resultName(c.findings), Findings: viewFindings(h.rules.checkers[c.profile].Rules(), c.findings)})
	}
	return out
}

// rank orders results: blocking first, then warning, info and ok.
func rank(result string) int {
	switch result {
	case "blocking":
		return 0
	case "warning":
		return 1
	case "info":
		return 2
	}
	return 3
}

// viewFindings returns the findings, those that block first, each with its
// message and citation from rules, the rule table of the checker that made
// them (as the JSON report gives them).
func viewFindings(rules iop.RuleTable, fs iop.Findings) []ViewFinding {
	out := make([]ViewFinding, 0, len(fs))
	for _, f := range fs {
		r, _ := rules.Rule(f.Code)
		vf := ViewFinding{Code: string(f.Code), Severity: f.Severity.String(), Message: rules.Message(f), Cite: r.Cite.String()}
		if f.Day != 0 {
			vf.Day = f.Day.String()
		}
		if f.Unit != 0 {
			vf.Need, vf.Got, vf.Unit = f.Need, f.Got, f.Unit.String()
		}
		out = append(out, vf)
	}
	slices.SortStableFunc(out, func(a, b ViewFinding) int { return cmp.Compare(rank(a.Severity), rank(b.Severity)) })
	return out
}

// GuessInput returns the input kind of an export by its header (its first
// line, renamed by columns): InputClaims when it has a claim column,
// InputSessions otherwise.
func GuessInput(data []byte, columns map[string]string) string {
	sc := bufio.NewScanner(strings.NewReader(string(data[:min(len(data), 64<<10)])))
	sc.Buffer(nil, 64<<10)
	if !sc.Scan() {
		return InputSessions
	}
	header := strings.TrimPrefix(sc.Text(), "\uFEFF")
	for name := range strings.SplitSeq(header, ",") {
		name = strings.Trim(strings.TrimSpace(name), `"`)
		if to, ok := columns[name]; ok {
			name = to
		}
		if name == "claim" {
			return InputClaims
		}
	}
	return InputSessions
}
