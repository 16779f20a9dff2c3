package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// jsonWeek is one line of -format json: a patient-week. Summary and
// Findings are the library's own values, in their own JSON, so that a
// pipeline can decode them back into schedule.WeekSummary and iop.Findings;
// the fields before them repeat what a pipeline most often reads.
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
	// Result is the worst severity of the findings, or "ok".
	Result   string               `json:"result"`
	Findings iop.Findings         `json:"findings"`
	Summary  schedule.WeekSummary `json:"summary"`
}

// writeJSON writes one JSON object per patient-week, one a line.
func writeJSON(w, errOut io.Writer, _ heading, in *input, res results) {
	writeNotes(errOut, in)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, rw := range res.rows {
		jw := jsonWeek{
			Patient:     rw.sum.Patient,
			Week:        rw.sum.Week,
			From:        rw.sum.Week.Start(),
			Minutes:     rw.sum.Minutes,
			Days:        rw.sum.Days(),
			DayServices: rw.sum.DayServices,
			Result:      "ok",
			Findings:    rw.findings,
			Summary:     rw.sum,
		}
		if s := worst(rw.findings); s != 0 {
			jw.Result = s.String()
		}
		if jw.Findings == nil {
			jw.Findings = iop.Findings{} // [], not null
		}
		if err := enc.Encode(jw); err != nil {
			// Only a value that cannot be encoded gets here (a write
			// error stays in w for its Flush): say so in the output.
			fmt.Fprintf(errOut, "billingcheck: %s %s: %v\n", quote(rw.sum.Patient), rw.sum.Week, err)
		}
	}
}

// The columns of -format csv.
var csvColumns = []string{"patient", "week", "code", "severity", "day", "need", "got", "unit"}

// writeCSV writes a header row and one row per finding.
func writeCSV(w, errOut io.Writer, _ heading, in *input, res results) {
	writeNotes(errOut, in)
	cw := csv.NewWriter(w)
	cw.Write(csvColumns) //nolint:errcheck // the error stays in cw and in w
	rec := make([]string, len(csvColumns))
	for _, rw := range res.rows {
		week := rw.sum.Week.String()
		for _, f := range rw.findings {
			rec[0], rec[1], rec[2], rec[3] = rw.sum.Patient, week, string(f.Code), f.Severity.String()
			rec[4], rec[5], rec[6], rec[7] = "", "", "", ""
			if f.Day != 0 {
				rec[4] = f.Day.String()
			}
			if f.Unit != 0 {
				rec[5], rec[6], rec[7] = strconv.FormatInt(f.Need, 10), strconv.FormatInt(f.Got, 10), f.Unit.String()
			}
			cw.Write(rec) //nolint:errcheck // as above
		}
	}
	cw.Flush() // into w, whose Flush reports a write error
}
