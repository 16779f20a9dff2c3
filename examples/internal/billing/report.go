package billing

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// row is one patient-week: its summary, its findings and the index of the
// profile it was checked against in the rules (ruleSet.profiles).
type row struct {
	sum      schedule.WeekSummary
	findings iop.Findings
	profile  int
}

// results are the patient-weeks and the claims checked, those not checked
// (no profile in force), with the counts of findings that block and warn.
type results struct {
	rows               []row
	claims             []claimRow
	unchecked          []unchecked // the patient-weeks, then the claims
	blocking, warnings int
}

// count adds the findings that block and warn to the counts.
func (res *results) count(fs iop.Findings) {
	for _, f := range fs {
		switch f.Severity {
		case iop.SeverityBlocking:
			res.blocking++
		case iop.SeverityWarning:
			res.warnings++
		}
	}
}

// checkWeeks checks every patient-week against its profile: the week, and
// the certifications when the patient's episode gave them. The rows come
// from summarize, without findings. A week the profile chosen cannot judge
// is not checked (res.unchecked): schedule's checker judges a week by its
// first day of counted service, later than its first day of service when
// the first session attended or claim line counts no time and no service
// (a code excluded on 2024-12-31, the services from 2025-01-02: one
// profile named, medicare-iop-2024, applied by 2024-12-31, is not in
// force on 2025-01-02). A family's weeks come from summarize each with a
// profile that judges it.
func checkWeeks(rs *ruleSet, in *input, rows []row) (results, error) {
	// One findings slice for the whole batch; each row holds its part.
	res := results{rows: rows}
	var all iop.Findings
	n := 0
	for i := range res.rows {
		rw := &res.rows[i]
		ck := rs.checkers[rw.profile]
		from := len(all)
		var err error
		all, err = ck.AppendWeek(all, &rw.sum, in.episodes[rw.sum.Patient])
		if c, ok := in.certs[rw.sum.Patient]; ok && err == nil {
			all, err = ck.AppendCertification(all, &rw.sum, c)
		}
		var pe *iop.ProfileError
		switch {
		case errors.As(err, &pe) && errors.Is(err, iop.ErrNotInForce):
			all = all[:from]
			res.unchecked = append(res.unchecked, unchecked{patient: rw.sum.Patient, week: rw.sum.Week,
				err: fmt.Errorf("%s is not in force on %s, the week's first day of counted service (it is in force %s)",
					pe.Profile, pe.On, inForce(rs.profiles[rw.profile]))})
			continue
		case err != nil:
			return results{}, fmt.Errorf("%s: %w", quote(rw.sum.Patient), err)
		}
		rw.findings = all[from:len(all):len(all)]
		if len(rw.findings) == 0 {
			rw.findings = nil
		}
		res.rows[n] = *rw
		n++
	}
	res.rows = res.rows[:n]
	res.count(all)
	return res, nil
}

// heading is what the text report says on its first lines, and what a
// format needs besides the results: the rules, for each row's profile and
// each day's tier.
type heading struct {
	weeks, source string
	stats         schedule.BatchStats
	// setting is the provider setting (-setting), zero when not given.
	setting iop.Provider
	rules   *ruleSet
}

// apcs reports whether the report gives each day's APC for a row checked
// against profile pi: with -setting, for a profile that pays days in tiers.
func (h heading) apcs(pi int) bool { return h.setting != 0 && h.rules.tiers[pi] }

// A format writes the report to out, and to errOut what is not data in that
// format. Write errors are left to out (a bufio.Writer) to report.
type format func(out, errOut io.Writer, h heading, in *input, res results)

// formatOf returns the format of a name, nil for none. A switch, not a
// map: a program that never asks for the text report (the web page's
// WebAssembly) links none of it.
func formatOf(name string) format {
	switch name {
	case "text":
		return writeText
	case "json":
		return writeJSON
	case "csv":
		return writeCSV
	}
	return nil
}

var textColumns = []string{"patient", "week", "from", "profile", "counted", "days", "services", "result"}

// writeText writes the table of patient-weeks and their findings, then,
// for claim lines, the table of claims and theirs.
func writeText(w, _ io.Writer, h heading, in *input, res results) {
	head := []string{h.rules.describe(), h.weeks}
	if h.setting != 0 {
		head = append(head, "setting "+h.setting.String())
	}
	if h.source != "" {
		head = append(head, h.source)
	}
	fmt.Fprintf(w, "billingcheck: %s\n", strings.Join(head, ", "))
	read := "sessions read"
	if in.kind == inputClaims {
		read = "claim lines read"
	}
	fmt.Fprintf(w, "%s: %d, rows refused: %d, patients: %d, patient-weeks: %d\n\n",
		read, h.stats.Sessions, in.refused(), h.stats.Patients, h.stats.Weeks)

	cells := make([][]string, len(res.rows))
	for i, rw := range res.rows {
		cells[i] = []string{quote(rw.sum.Patient), weekLabel(rw.sum.Week), rw.sum.Week.Start().String(),
			h.rules.profiles[rw.profile].ID, rw.sum.Minutes.String(), strconv.Itoa(rw.sum.Days()), services(rw.sum), result(rw.findings)}
	}
	line := table(w, textColumns, cells)
	line(textColumns)
	for i, rw := range res.rows {
		line(cells[i])
		if h.apcs(rw.profile) {
			fmt.Fprintf(w, "    %-8s %s\n", "per diem", perDiem(h.rules.checkers[rw.profile].DaysIn(rw.sum, h.setting)))
		}
		writeFindings(w, h.rules.checkers[rw.profile].Rules(), rw.findings)
	}
	if in.kind == inputClaims {
		writeClaimTable(w, h.rules, res.claims)
	}
	if len(res.unchecked) > 0 {
		fmt.Fprintln(w, "\nnot checked, no profile in force:")
		for _, u := range res.unchecked {
			fmt.Fprintf(w, "  %s\n", u.describe(weekLabel(u.week)))
		}
	}

	if len(in.derived) > 0 {
		fmt.Fprintf(w, "\nwithout an episode, taken as adults admitted on their first %s: %s\n", in.firstService(), quoteAll(in.derived))
	}
	if len(in.rowErrors) > 0 {
		fmt.Fprintln(w, "\nrows refused:")
		for _, e := range in.rowErrors {
			fmt.Fprintf(w, "  %s\n", e)
		}
		if in.more > 0 {
			fmt.Fprintf(w, "  %s\n", moreRefused(in.more))
		}
	}
	claims := ""
	if in.kind == inputClaims {
		claims = fmt.Sprintf(", claims: %d", len(res.claims)+len(res.unchecked)-res.uncheckedWeeks())
	}
	fmt.Fprintf(w, "\npatient-weeks: %d%s, not checked: %d, blocking findings: %d, warnings: %d, rows refused: %d\n",
		len(res.rows)+res.uncheckedWeeks(), claims, len(res.unchecked), res.blocking, res.warnings, in.refused())
}

// writeFindings writes findings under a row of the text report, in the
// words of rules, the rule table of the checker that made them.
func writeFindings(w io.Writer, rules iop.RuleTable, fs iop.Findings) {
	for _, f := range fs {
		fmt.Fprintf(w, "    %-8s %s: %s\n", f.Severity, f.Code, rules.Message(f))
	}
}

var claimColumnsText = []string{"claim", "patient", "lines", "from", "through", "profile", "result"}

// writeClaimTable writes the table of claims and their findings.
func writeClaimTable(w io.Writer, rs *ruleSet, claims []claimRow) {
	cells := make([][]string, len(claims))
	for i, c := range claims {
		cells[i] = []string{quote(c.claim), quote(c.patient), strconv.Itoa(c.lines),
			c.from.String(), c.through.String(), rs.profiles[c.profile].ID, severityResult(c.findings)}
	}
	fmt.Fprintln(w)
	line := table(w, claimColumnsText, cells)
	line(claimColumnsText)
	for i, c := range claims {
		line(cells[i])
		writeFindings(w, rs.checkers[c.profile].Rules(), c.findings)
	}
}

// table returns a function that writes a row of cells in columns as wide as
// the widest of names and cells, the last column unpadded.
func table(w io.Writer, names []string, cells [][]string) func([]string) {
	width := make([]int, len(names))
	for i, c := range names {
		width[i] = len(c)
	}
	for _, cs := range cells {
		for j, c := range cs {
			width[j] = max(width[j], len(c))
		}
	}
	return func(cs []string) {
		var b strings.Builder
		for j, c := range cs {
			if j > 0 {
				b.WriteString("  ")
			}
			if j == len(cs)-1 {
				b.WriteString(c)
				continue
			}
			fmt.Fprintf(&b, "%-*s", width[j], c)
		}
		fmt.Fprintln(w, b.String())
	}
}

// perDiem writes the days of a week that reach a payment tier, each with
// its APC: "Mon APC 5861, Wed APC 5862", or the tier's name in a setting
// paid outside the APCs: "Mon 3 services (no APC)". The days with services
// below the lowest tier are findings.
func perDiem(days [7]schedule.Day) string {
	var b strings.Builder
	for _, d := range days {
		if !d.HasTier {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(d.Weekday.String()[:3])
		if d.APC != "" {
			b.WriteString(" APC " + d.APC)
		} else {
			b.WriteString(" " + d.Tier.Name + " (no APC)")
		}
	}
	if b.Len() == 0 {
		return "no day reaches a payment tier"
	}
	return b.String()
}

// writeNotes writes to w, for the json and csv formats, what the text
// report says after the table: the patients without an episode, the
// patient-weeks and claims not checked and the rows refused.
func writeNotes(w io.Writer, in *input, res results) {
	if len(in.derived) > 0 {
		fmt.Fprintf(w, "billingcheck: without an episode, taken as adults admitted on their first %s: %s\n", in.firstService(), quoteAll(in.derived))
	}
	for _, u := range res.unchecked {
		fmt.Fprintf(w, "billingcheck: not checked: %s\n", u.describe(u.week.String()))
	}
	for _, e := range in.rowErrors {
		fmt.Fprintf(w, "billingcheck: row refused: %s\n", e)
	}
	if in.more > 0 {
		fmt.Fprintf(w, "billingcheck: %s\n", moreRefused(in.more))
	}
}

// moreRefused says how many rows were refused beyond -max-errors.
func moreRefused(n int) string {
	return fmt.Sprintf("and %d more rows refused, not reported (-max-errors raises the cap)", n)
}

// services writes the countable services of each day of the week, "-" for
// none: "3-3-3--".
func services(s schedule.WeekSummary) string {
	var b [7]byte
	for i, n := range s.DayServices {
		switch {
		case n == 0:
			b[i] = '-'
		case n > 9:
			b[i] = '+'
		default:
			b[i] = byte('0' + n)
		}
	}
	return string(b[:])
}

// worst returns the worst severity of the findings, zero for none.
func worst(fs iop.Findings) iop.Severity {
	w := iop.Severity(0)
	for _, f := range fs {
		w = max(w, f.Severity)
	}
	return w
}

// result is the worst severity of the findings, or "ok"; when blocking
// findings hold some days only, "billable except" those days (Medicare
// pays by the day: a day held does not hold the week).
func result(fs iop.Findings) string {
	if days := heldDays(fs); len(days) > 0 {
		b := []byte("billable except ")
		for i, d := range days {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = append(b, d.String()...)
		}
		return string(b)
	}
	return severityResult(fs)
}

// severityResult is the worst severity of the findings, "BLOCKING" in
// capitals, or "ok".
func severityResult(fs iop.Findings) string {
	switch w := worst(fs); w {
	case 0:
		return "ok"
	case iop.SeverityBlocking:
		return "BLOCKING"
	default:
		return w.String()
	}
}

// heldDays returns the days blocking findings hold when nothing holds the
// whole record, nil otherwise.
func heldDays(fs iop.Findings) []date.Date {
	days, whole := fs.Held()
	if whole {
		return nil
	}
	return days
}

// weekLabel names a week for the table: the ISO week ("2025-W10"), the
// first day of a calendar week, or the number of a program week (the
// admission is in the episode).
func weekLabel(w schedule.Week) string {
	switch w.Kind() {
	case schedule.WeekKindCalendar:
		return "week of " + w.Start().String()
	case schedule.WeekKindProgram:
		return "program week " + strconv.Itoa(w.Number())
	}
	return w.String()
}

// firstService names what a derived episode starts on: the patient's first
// session, or first day of service on a claim line.
func (in *input) firstService() string {
	if in.kind == inputClaims {
		return "day of service"
	}
	return "session"
}

// uncheckedWeeks is the number of patient-weeks not checked.
func (res *results) uncheckedWeeks() int {
	n := 0
	for _, u := range res.unchecked {
		if u.claim == "" {
			n++
		}
	}
	return n
}

// describe says what was not checked and why, naming the week by week:
// "p-9 2023-W10: no medicare-iop profile is in force on ...", or "claim
// c-9 of p-9: ...".
func (u unchecked) describe(week string) string {
	if u.claim != "" {
		return "claim " + quote(u.claim) + " of " + quote(u.patient) + ": " + u.err.Error()
	}
	return quote(u.patient) + " " + week + ": " + u.err.Error()
}
