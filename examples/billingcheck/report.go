package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// report writes the table of patient-weeks and their findings.
type report struct {
	w  io.Writer
	ck schedule.Checker
	in *input

	blocking, warnings int
}

// row is one patient-week of the table.
type row struct {
	sum      schedule.WeekSummary
	findings iop.Findings
}

var columns = []string{"patient", "week", "from", "counted", "days", "services", "result"}

func (r *report) write(sums []schedule.WeekSummary) error {
	// One findings slice for the whole batch; each row holds its part.
	rows := make([]row, 0, len(sums))
	var all iop.Findings
	for _, s := range sums {
		from := len(all)
		var err error
		if all, err = r.ck.AppendWeek(all, s, r.in.episodes[s.Patient]); err != nil {
			return fmt.Errorf("%s: %w", s.Patient, err)
		}
		if c, ok := r.in.certs[s.Patient]; ok {
			if all, err = r.ck.AppendCertification(all, s, c); err != nil {
				return fmt.Errorf("%s: %w", s.Patient, err)
			}
		}
		rows = append(rows, row{s, all[from:len(all):len(all)]})
	}

	cells := make([][]string, len(rows))
	width := make([]int, len(columns))
	for i, c := range columns {
		width[i] = len(c)
	}
	for i, rw := range rows {
		cells[i] = []string{rw.sum.Patient, weekLabel(rw.sum.Week), rw.sum.Week.Start().String(),
			rw.sum.Minutes.String(), fmt.Sprint(rw.sum.Days()), services(rw.sum), result(rw.findings)}
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
		fmt.Fprintln(r.w, b.String())
	}
	line(columns)
	for i, rw := range rows {
		line(cells[i])
		for _, f := range rw.findings {
			switch f.Severity {
			case iop.Blocking:
				r.blocking++
			case iop.Warning:
				r.warnings++
			}
			fmt.Fprintf(r.w, "    %-8s %s: %s\n", f.Severity, f.Code, f.Message())
		}
	}

	if len(r.in.derived) > 0 {
		fmt.Fprintf(r.w, "\nwithout an episode, taken as adults admitted on their first session: %s\n", strings.Join(r.in.derived, ", "))
	}
	if len(r.in.rowErrors) > 0 {
		fmt.Fprintln(r.w, "\nrows refused:")
		for _, e := range r.in.rowErrors {
			fmt.Fprintf(r.w, "  %s %s\n", e.file, strings.ReplaceAll(e.err.Error(), "\n", "; "))
		}
	}
	fmt.Fprintf(r.w, "\npatient-weeks: %d, blocking findings: %d, warnings: %d, rows refused: %d\n",
		len(rows), r.blocking, r.warnings, len(r.in.rowErrors))
	return nil
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

// result is the worst severity of the findings, or "ok".
func result(fs iop.Findings) string {
	worst := iop.Severity(0)
	for _, f := range fs {
		worst = max(worst, f.Severity)
	}
	switch worst {
	case 0:
		return "ok"
	case iop.Blocking:
		return "BLOCKING"
	}
	return worst.String()
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
