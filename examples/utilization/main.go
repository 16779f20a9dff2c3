// Command utilization is a utilization-review screen and a billing check
// on embedded sample data, with package authorization: a payer's review
// terms read from a profile, three patients' authorizations and two weeks
// of sessions. For the day judged it lists, per authorization, the days
// authorized, used and left, the run-out day at the recent rate and the
// day the concurrent review is due (due today, tomorrow, or past due);
// then what a billing run finds in the stays, and whether the payer
// decided each request in time (CMS-0057-F).
//
//	go run ./examples/utilization [-today 2026-03-16]
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

//go:embed sample
var sample embed.FS

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is the program: it reads the flags in args, writes the screen for
// the day judged to stdout, and returns the exit status: 0, 1 when the
// day or the sample cannot be read (said on stderr), 2 for a flag it does
// not know (with the usage on stderr, as -h writes it, with status 0).
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("utilization", flag.ContinueOnError)
	fl.SetOutput(stderr)
	today := fl.String("today", "2026-03-16", "the day judged, YYYY-MM-DD")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	d, err := date.Parse(date.ISO8601, *today)
	if err == nil {
		err = report(stdout, sample, d)
	}
	if err != nil {
		fmt.Fprintln(stderr, "utilization:", err)
		return 1
	}
	return 0
}

// report writes the screen for the day judged from the sample files in
// fsys: sample/payer-profile.json, sample/authorizations.json and
// sample/sessions.json.
func report(w io.Writer, fsys fs.FS, today date.Date) error {
	data, err := fs.ReadFile(fsys, "sample/payer-profile.json")
	if err != nil {
		return err
	}
	payer, err := ioprules.ParseProfile(data)
	if err != nil {
		return fmt.Errorf("payer profile: %w", err)
	}
	ck, err := authorization.NewChecker(payer)
	if err != nil {
		return err
	}
	if data, err = fs.ReadFile(fsys, "sample/authorizations.json"); err != nil {
		return err
	}
	auths, err := authorization.ParseAuthorizations(data)
	if err != nil {
		return fmt.Errorf("authorizations: %w", err)
	}
	weeks, err := summarize(fsys)
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "Utilization review, %s (%s)\n\n", today, payer.Title)
	fmt.Fprintf(w, "%-9s %-7s %-5s %6s %5s %8s %-10s %-10s %s\n", "auth", "patient", "unit", "used", "left", "per week", "runs out", "review by", "status")
	for i := 0; i < len(auths); {
		j := i + 1
		for j < len(auths) && auths[j].Patient == auths[i].Patient {
			j++
		}
		stay, stayWeeks := auths[i:j], weeksOf(weeks, auths[i].Patient)
		rs, err := ck.Remaining(stay, stayWeeks, today)
		if err != nil {
			return err
		}
		for k, r := range rs {
			a := &stay[k]
			unit := "-"
			if a.Unit.IsValid() {
				unit = a.Unit.String()
			}
			fmt.Fprintf(w, "%-9s %-7s %-5s %6s %5d %8d %-10s %-10s %s\n", a.Number, a.Patient, unit,
				fmt.Sprintf("%d/%d", r.Used, r.Authorized), r.Left, r.Rate, show(r.RunOut), show(r.ReviewBy), status(a, r, today))
		}
		i = j
	}

	fmt.Fprintln(w, "\nBilling run: every patient-week against the authorizations on file")
	fs, err := ck.CheckStays(auths, weeks, today)
	if err != nil {
		return err
	}
	at := time.Date(today.Year(), today.Month(), today.Day(), 12, 0, 0, 0, time.UTC)
	for i := range auths {
		if fs, err = ck.AppendTurnaround(fs, &auths[i], at); err != nil {
			return err
		}
	}
	rules := ck.Rules()
	for _, f := range fs {
		fmt.Fprintf(w, "  %-8s %s\n           %s\n", f.Severity, f, rules.Message(f))
	}
	fmt.Fprintf(w, "%d findings, %d blocking\n", len(fs), len(fs.Blocking()))
	return nil
}

// summarize adds up the sample sessions into one summary per
// patient-week, with the counting rules of HCPCS H0015.
func summarize(fsys fs.FS) ([]schedule.WeekSummary, error) {
	data, err := fs.ReadFile(fsys, "sample/sessions.json")
	if err != nil {
		return nil, err
	}
	sessions, err := schedule.ParseSessions(data)
	if err != nil {
		return nil, fmt.Errorf("sessions: %w", err)
	}
	sck, err := schedule.NewChecker(ioprules.H0015())
	if err != nil {
		return nil, err
	}
	sz, err := schedule.NewSummarizer(sck, schedule.ISOWeeks())
	if err != nil {
		return nil, err
	}
	sums, _ := sz.Summarize(nil, sessions)
	return sums, nil
}

// weeksOf returns patient's summaries (the summaries come sorted by
// patient).
func weeksOf(weeks []schedule.WeekSummary, patient string) []schedule.WeekSummary {
	i := 0
	for i < len(weeks) && weeks[i].Patient < patient {
		i++
	}
	j := i
	for j < len(weeks) && weeks[j].Patient == patient {
		j++
	}
	return weeks[i:j]
}

// status says where the authorization's concurrent review stands.
func status(a *authorization.Authorization, r authorization.Remaining, today date.Date) string {
	switch {
	case !a.Action.Certifies():
		return a.Action.String()
	case a.ReviewRequested != 0 && a.ReviewRequested <= today:
		return "review asked " + a.ReviewRequested.String()
	case r.ReviewBy == 0:
		return ""
	case r.ReviewBy < today:
		return "review past due"
	case r.ReviewBy == today:
		return "review due today"
	case r.ReviewBy == today+1:
		return "review due tomorrow"
	}
	return ""
}

func show(d date.Date) string {
	if d == 0 {
		return "-"
	}
	return d.String()
}
