package main

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

var (
	//go:embed sample/schedule-week.json
	scheduleWeekJSON []byte
	//go:embed sample/schedule-template.json
	scheduleTemplateJSON []byte
	//go:embed sample/schedule-sessions.csv
	scheduleSessionsCSV []byte
)

// stepSchedule shows weekly hours: a week of sessions checked against the
// Medicare IOP benefit (and the minute that makes the difference), a
// partial first week, per-diem payment tiers, certification due dates, a
// weekly template, and the batch path over a CSV export.
func stepSchedule(w io.Writer) error {
	medicare, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	if err != nil {
		return err
	}
	h0015, err := schedule.NewChecker(ioprules.H0015())
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "== Weekly hours (sample/schedule-week.json, medicare-iop-2025)")
	sessions, err := schedule.ParseSessions(scheduleWeekJSON)
	if err != nil {
		return err
	}
	week := schedule.ISOWeeks().Of(sessions[0].Date)
	episode := schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 2, 24)}
	sum, err := medicare.Summarize(week, sessions)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %s, %s: %d sessions, %s counted on %d days, %s not counted\n",
		sum.Patient, week, sum.Sessions, sum.Minutes, sum.Days(), sum.UncountedMinutes)
	findings, err := medicare.CheckWeek(&sum, episode)
	if err != nil {
		return err
	}
	printWeekFindings(w, medicare.Rules(), findings)
	fmt.Fprintf(w, "  billable: %t\n", findings.BlockingErr() == nil)

	last := len(sessions) - 2 // the session left a minute early
	sessions[last].Attendance, sessions[last].Attended = schedule.AttendanceAttended, 0
	if sum, err = medicare.Summarize(week, sessions); err != nil {
		return err
	}
	// One findings slice, reused: the form a billing job uses.
	if findings, err = medicare.AppendWeek(findings[:0], &sum, episode); err != nil {
		return err
	}
	fmt.Fprintf(w, "  with the last minute attended: %d blocking findings\n", len(findings.Blocking()))
	printWeekFindings(w, medicare.Rules(), findings)

	fmt.Fprintln(w, "\n== A partial first week (admitted on Wednesday: 5 of 7 days, prorated)")
	admitted := week.Day(2)
	findings, err = medicare.AppendWeek(findings[:0], &sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: admitted})
	if err != nil {
		return err
	}
	printWeekFindings(w, medicare.Rules(), findings)

	fmt.Fprintln(w, "\n== Per-diem payment tiers (Medicare: 3 services, 4 or more)")
	for _, d := range medicare.Days(sum) {
		if d.Services == 0 && d.Minutes == 0 {
			continue
		}
		tier := "no tier"
		if d.HasTier {
			tier = d.Tier.Name + ", hospital APC " + d.Tier.APC(iop.ProviderHospitalOutpatient)
		}
		fmt.Fprintf(w, "  %-9s %d services  %s\n", d.Weekday, d.Services, tier)
	}

	fmt.Fprintln(w, "\n== Certification due dates (medicare-php-2025, admitted 2025-01-06, service every day)")
	var due []string
	php := ioprules.MedicarePHP2025()
	phpBenefit, _ := iop.PartOf[schedule.Benefit](&php)
	for d := range schedule.CertificationDueDates(phpBenefit.Certification, date.New(2025, 1, 6), date.New(2025, 4, 30)) {
		due = append(due, d.String())
	}
	fmt.Fprintf(w, "  %s\n", strings.Join(due, ", "))

	fmt.Fprintln(w, "\n== A weekly template (sample/schedule-template.json)")
	tmpl, err := schedule.ParseTemplate(scheduleTemplateJSON)
	if err != nil {
		return err
	}
	for _, ck := range []schedule.Checker{medicare, h0015} {
		fit, err := ck.FitTemplate(tmpl, iop.PopulationAdult)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s against %s: %s a week, margin %s, meets: %t\n",
			tmpl.ID, ck.Profile().ID, fit.Weekly, fit.Margin, fit.Meets())
		printWeekFindings(w, ck.Rules(), fit.Findings)
	}

	fmt.Fprintln(w, "\n== The batch path (sample/schedule-sessions.csv, hcpcs-h0015)")
	cr, err := schedule.NewSessionReader(bytes.NewReader(scheduleSessionsCSV), schedule.CSVOptions{})
	if err != nil {
		return err
	}
	var rows []schedule.Session
	for s, err := range cr.All() {
		var re *schedule.RowError
		switch {
		case errors.As(err, &re):
			fmt.Fprintf(w, "  refused %v\n", err)
			continue
		case err != nil:
			return err
		}
		rows = append(rows, s)
	}
	sz, err := schedule.NewSummarizer(h0015, schedule.ISOWeeks())
	if err != nil {
		return err
	}
	sums, stats := sz.Summarize(nil, rows)
	fmt.Fprintf(w, "  %d sessions, %d patients, %d patient-weeks\n", stats.Sessions, stats.Patients, stats.Weeks)
	var fs iop.Findings
	for _, s := range sums {
		fs, err = h0015.AppendWeek(fs[:0], &s, schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 1, 6)})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s %s  %-6s days: %d, findings: %d\n", s.Patient, s.Week, s.Minutes, s.Days(), len(fs))
		printWeekFindings(w, h0015.Rules(), fs)
	}
	fmt.Fprintln(w)
	return nil
}

// printWeekFindings writes each finding on a line: severity, code, and the
// finding in words with its day and figures, as the checker's profile
// applies the rules (rules: the checker's Rules).
func printWeekFindings(w io.Writer, rules iop.RuleTable, fs iop.Findings) {
	for _, f := range fs {
		fmt.Fprintf(w, "    [%s] %s: %s\n", f.Severity, f.Code, rules.Message(f))
	}
}
