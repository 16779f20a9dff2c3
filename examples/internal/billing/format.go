package billing

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// jsonWeek is one line of -format json: a patient-week. Summary is the
// library's own value, in its own JSON, so that a pipeline can decode it
// back into a schedule.WeekSummary; each of Findings is an iop.Finding in
// its own JSON with the summary and citation of its rule added; the fields
// before them repeat what a pipeline most often reads.
type jsonWeek struct {
	Patient string        `json:"patient"`
	Week    schedule.Week `json:"week"`
	// From is the week's first day.
	From date.Date `json:"from"`
	// Minutes is the counted time, "9h00m".
	Minutes iop.Minutes `json:"minutes"`
	// Days is the number of days with counted time.
	Days int `json:"days"`
	// DayServices is the countable services of each day of the week, from
	// From.
	DayServices [7]uint16 `json:"day_services"`
	// DayAPCs is the payment classification of each day's tier in the
	// setting given (-setting), "" for a day without; absent without
	// -setting.
	DayAPCs []string `json:"day_apcs,omitempty"`
	// Profile is the ID of the profile the patient-week was checked
	// against.
	Profile string `json:"profile"`
	// Result is the worst severity of the findings, or "ok".
	Result string `json:"result"`
	// Held are the days blocking findings hold (iop.Findings.Held) when
	// nothing holds the whole week: the week is billable except these
	// days. Absent when none is held.
	Held     []date.Date          `json:"held,omitempty"`
	Findings []jsonFinding        `json:"findings"`
	Summary  schedule.WeekSummary `json:"summary"`
}

// jsonFinding is a finding of the JSON report: the iop.Finding's own
// fields, under the names iop.Finding's JSON gives them, then the summary
// and citation of its rule as the checker that made it applies the rule
// (the profile's citation when it has one).
type jsonFinding struct {
	Code     iop.Code         `json:"code"`
	Severity iop.Severity     `json:"severity"`
	Scope    iop.FindingScope `json:"scope,omitzero"`
	Subject  string           `json:"subject,omitzero"`
	Day      date.Date        `json:"day,omitzero"`
	Level    iop.Level        `json:"level,omitzero"`
	Line     int32            `json:"line,omitzero"`
	Ref      string           `json:"ref,omitzero"`
	Need     int64            `json:"need,omitzero"`
	Got      int64            `json:"got,omitzero"`
	Unit     iop.Unit         `json:"unit,omitzero"`
	// Input is where the record the finding is drawn from was read:
	// "input line 12" (a CSV row), "segment 57" (an 837I line's SV2).
	Input   iop.Input    `json:"input,omitzero"`
	Summary string       `json:"summary"`
	Cite    iop.Citation `json:"cite,omitzero"`
}

// finding returns the iop.Finding of f.
func (f jsonFinding) finding() iop.Finding {
	return iop.Finding{Code: f.Code, Severity: f.Severity, Scope: f.Scope, Subject: f.Subject, Day: f.Day, Level: f.Level,
		Line: f.Line, Ref: f.Ref, Need: f.Need, Got: f.Got, Unit: f.Unit, Input: f.Input}
}

// jsonFindings returns fs with their rules' words from rules, the rule
// table of the checker that made them; an empty list, never nil, so that
// the JSON holds [] rather than null.
func jsonFindings(rules iop.RuleTable, fs iop.Findings) []jsonFinding {
	out := make([]jsonFinding, len(fs))
	for i, f := range fs {
		r, _ := rules.Rule(f.Code)
		out[i] = jsonFinding{Code: f.Code, Severity: f.Severity, Scope: f.Scope, Subject: f.Subject, Day: f.Day, Level: f.Level,
			Line: f.Line, Ref: f.Ref, Need: f.Need, Got: f.Got, Unit: f.Unit, Input: f.Input, Summary: r.Summary, Cite: r.Cite}
	}
	return out
}

// jsonClaim is one line of -format json for a claim (-input claims).
type jsonClaim struct {
	Claim   string `json:"claim"`
	Patient string `json:"patient"`
	// Lines is the number of the claim's lines read.
	Lines int `json:"lines"`
	// From and Through are the first and last dates of service.
	From    date.Date `json:"from"`
	Through date.Date `json:"through"`
	// Profile is the ID of the profile the claim was checked against.
	Profile string `json:"profile"`
	// Result is the worst severity of the findings, or "ok".
	Result   string        `json:"result"`
	Findings []jsonFinding `json:"findings"`
}

// resultName is the JSON result of findings: the worst severity, or "ok".
func resultName(fs iop.Findings) string {
	if s := worst(fs); s != 0 {
		return s.String()
	}
	return "ok"
}

// writeJSON writes one JSON object per patient-week, then one per claim,
// one a line.
func writeJSON(w, errOut io.Writer, h heading, in *input, res results) {
	writeNotes(errOut, in, res)
	// Each object is encoded into buf, then written: an object that
	// cannot be encoded is said on errOut, while a write error stays in w
	// for its Flush (an Encoder on w would return it for every object
	// after the first that failed, each said again).
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	encode := func(v any) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		w.Write(buf.Bytes()) //nolint:errcheck // the error stays in w
		return nil
	}
	for _, rw := range res.rows {
		jw := jsonWeek{
			Patient:     rw.sum.Patient,
			Week:        rw.sum.Week,
			From:        rw.sum.Week.Start(),
			Minutes:     rw.sum.Minutes,
			Days:        rw.sum.Days(),
			DayServices: rw.sum.DayServices,
			Profile:     h.rules.profiles[rw.profile].ID,
			Result:      resultName(rw.findings),
			Held:        heldDays(rw.findings),
			Findings:    jsonFindings(h.rules.checkers[rw.profile].Rules(), rw.findings),
			Summary:     rw.sum,
		}
		if h.apcs(rw.profile) {
			jw.DayAPCs = make([]string, 7)
			for i, d := range h.rules.checkers[rw.profile].DaysIn(rw.sum, h.setting) {
				jw.DayAPCs[i] = d.APC
			}
		}
		if err := encode(jw); err != nil {
			fmt.Fprintf(errOut, "billingcheck: %s %s: %v\n", quote(rw.sum.Patient), rw.sum.Week, err)
		}
	}
	for _, c := range res.claims {
		jc := jsonClaim{Claim: c.claim, Patient: c.patient, Lines: c.lines, From: c.from, Through: c.through,
			Profile: h.rules.profiles[c.profile].ID, Result: resultName(c.findings),
			Findings: jsonFindings(h.rules.checkers[c.profile].Rules(), c.findings)}
		if err := encode(jc); err != nil {
			fmt.Fprintf(errOut, "billingcheck: claim %s: %v\n", quote(c.claim), err)
		}
	}
}

// The columns of -format csv: a finding of a patient-week has a week and
// no claim, a finding of a claim a claim and no week; profile is the ID of
// the profile the patient-week or claim was checked against.
var csvColumns = []string{"patient", "week", "claim", "profile", "code", "severity", "day", "need", "got", "unit", "input"}

// safeCell neutralises a cell a spreadsheet would run as a formula: one
// that starts with =, +, -, @, a tab or a carriage return gets a ' before
// it (OWASP's rule against CSV injection), as schedule.WriteCSV writes
// record IDs (check.SafeCell). Record IDs are the only cells of the input
// in the report; the others are the program's own words.
func safeCell(s string) string { return check.SafeCell(s) }

// writeCSV writes a header row and one row per finding: those of the
// patient-weeks, then those of the claims. Cells are neutralised against
// formula injection (safeCell).
func writeCSV(w, errOut io.Writer, h heading, in *input, res results) {
	writeNotes(errOut, in, res)
	cw := csv.NewWriter(w)
	cw.Write(csvColumns) //nolint:errcheck // the error stays in cw and in w
	rec := make([]string, len(csvColumns))
	write := func(patient, week, claim string, profile int, f iop.Finding) {
		rec[0], rec[1], rec[2], rec[3] = safeCell(patient), week, safeCell(claim), h.rules.profiles[profile].ID
		rec[4], rec[5] = string(f.Code), f.Severity.String()
		rec[6], rec[7], rec[8], rec[9], rec[10] = "", "", "", "", f.Input.String()
		if f.Day != 0 {
			rec[6] = f.Day.String()
		}
		if f.Unit != 0 {
			rec[7], rec[8], rec[9] = strconv.FormatInt(f.Need, 10), strconv.FormatInt(f.Got, 10), f.Unit.String()
		}
		cw.Write(rec) //nolint:errcheck // as above
	}
	for _, rw := range res.rows {
		week := rw.sum.Week.String()
		for _, f := range rw.findings {
			write(rw.sum.Patient, week, "", rw.profile, f)
		}
	}
	for _, c := range res.claims {
		for _, f := range c.findings {
			write(c.patient, "", c.claim, c.profile, f)
		}
	}
	cw.Flush() // into w, whose Flush reports a write error
}
