package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// row is one patient-week: its summary and its findings.
type row struct {
	sum      schedule.WeekSummary
	findings iop.Findings
}

// results are the patient-weeks checked, with the counts of findings that
// block and warn.
type results struct {
	rows               []row
	blocking, warnings int
}

// checkWeeks checks every patient-week: the week, and the certifications
// when the patient's episode gave them.
func checkWeeks(ck schedule.Checker, in *input, sums []schedule.WeekSummary) (results, error) {
	// One findings slice for the whole batch; each row holds its part.
	res := results{rows: make([]row, 0, len(sums))}
	var all iop.Findings
	for _, s := range sums {
		from := len(all)
		var err error
		if all, err = ck.AppendWeek(all, s, in.episodes[s.Patient]); err != nil {
			return results{}, fmt.Errorf("%s: %w", quote(s.Patient), err)
		}
		if c, ok := in.certs[s.Patient]; ok {
			if all, err = ck.AppendCertification(all, s, c); err != nil {
				return results{}, fmt.Errorf("%s: %w", quote(s.Patient), err)
			}
		}
		res.rows = append(res.rows, row{s, all[from:len(all):len(all)]})
	}
	for _, f := range all {
		switch f.Severity {
		case iop.Blocking:
			res.blocking++
		case iop.Warning:
			res.warnings++
		}
	}
	return res, nil
}

// heading is what the text report says on its first lines.
type heading struct {
	profile, weeks, source string
	stats                  schedule.BatchStats
}

// A format writes the report to out, and to errOut what is not data in that
// format. Write errors are left to out (a bufio.Writer) to report.
type format func(out, errOut io.Writer, h heading, in *input, res results)

var formats = map[string]format{"text": writeText, "json": writeJSON, "csv": writeCSV}

var textColumns = []string{"patient", "week", "from", "counted", "days", "services", "result"}

// writeText writes the table of patient-weeks and their findings.
func writeText(w, _ io.Writer, h heading, in *input, res results) {
	fmt.Fprintf(w, "billingcheck: %s, %s, %s\n", h.profile, h.weeks, h.source)
	fmt.Fprintf(w, "sessions read: %d, rows refused: %d, patients: %d, patient-weeks: %d\n\n",
		h.stats.Sessions, len(in.rowErrors), h.stats.Patients, h.stats.Weeks)

	cells := make([][]string, len(res.rows))
	width := make([]int, len(textColumns))
	for i, c := range textColumns {
		width[i] = len(c)
	}
	for i, rw := range res.rows {
		cells[i] = []string{quote(rw.sum.Patient), weekLabel(rw.sum.Week), rw.sum.Week.Start().String(),
			rw.sum.Minutes.String(), strconv.Itoa(rw.sum.Days()), services(rw.sum), result(rw.findings)}
		for j, c := range cells[i] {
			width[j] = max(width[j], len(c))
		}
	}
	line := func(cs []string) {
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
	line(textColumns)
	for i, rw := range res.rows {
		line(cells[i])
		for _, f := range rw.findings {
			fmt.Fprintf(w, "    %-8s %s: %s\n", f.Severity, f.Code, f.Message())
		}
	}

	if len(in.derived) > 0 {
		fmt.Fprintf(w, "\nwithout an episode, taken as adults admitted on their first session: %s\n", quoteAll(in.derived))
	}
	if len(in.rowErrors) > 0 {
		fmt.Fprintln(w, "\nrows refused:")
		for _, e := range in.rowErrors {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	fmt.Fprintf(w, "\npatient-weeks: %d, blocking findings: %d, warnings: %d, rows refused: %d\n",
		len(res.rows), res.blocking, res.warnings, len(in.rowErrors))
}

// writeNotes writes to w, for the json and csv formats, what the text
// report says after the table: the patients without an episode and the
// rows refused.
func writeNotes(w io.Writer, in *input) {
	if len(in.derived) > 0 {
		fmt.Fprintf(w, "billingcheck: without an episode, taken as adults admitted on their first session: %s\n", quoteAll(in.derived))
	}
	for _, e := range in.rowErrors {
		fmt.Fprintf(w, "billingcheck: row refused: %s\n", e)
	}
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

// result is the worst severity of the findings, or "ok".
func result(fs iop.Findings) string {
	switch w := worst(fs); w {
	case 0:
		return "ok"
	case iop.Blocking:
		return "BLOCKING"
	default:
		return w.String()
	}
}

// weekLabel names a week for the table: the ISO week ("2025-W10"), the
// first day of a calendar week, or the number of a program week (the
// admission is in the episode).
func weekLabel(w schedule.Week) string {
	switch w.Kind() {
	case schedule.CalendarWeek:
		return "week of " + w.Start().String()
	case schedule.ProgramWeek:
		return "program week " + strconv.Itoa(w.Number())
	}
	return w.String()
}
