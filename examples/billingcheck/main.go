// Command billingcheck checks a billing export of program sessions against
// a rule profile, patient-week by patient-week, as a billing pipeline or a
// compliance suite would before claims go out.
//
//	billingcheck [flags] [sessions.csv | -]
//
// It reads sessions from the CSV file named, from standard input when the
// name is "-", or, with no name, from an embedded sample of five patients
// over four weeks (sample/sessions.csv, with sample/episodes.csv). The
// sessions CSV has the columns schedule.CSVReader reads: patient, date,
// start, minutes, kind, attendance, and optionally id, attended and code.
//
// The episodes CSV (-episodes) gives each patient's episode: patient,
// population (adult or adolescent), admitted, discharged, stepped_down and
// certified (the days certifications were signed, separated by ";"); all
// but patient, population and admitted may be empty. A patient without an
// episode is taken as an adult admitted on the day of their first session,
// with no discharge and no certification check.
//
// It prints one row per patient-week (counted time, days with service,
// countable services per day of the week, the result) and, under it, each
// finding. A row that cannot be read is reported with its line number and
// the other rows are still checked.
//
// Exit status: 0 when nothing blocks; 1 when a finding blocks or a row
// could not be read; 2 for a usage error or input that cannot be read at
// all.
//
// Flags:
//
//	-profile ID   the built-in profile to apply (default medicare-iop-2024)
//	-weeks W      iso, program (from each admission), or the weekday
//	              calendar weeks start on: sunday, monday, ... (default iso)
//	-episodes F   the episodes CSV (default: the embedded one with the
//	              embedded sample, none otherwise)
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

var (
	//go:embed sample/sessions.csv
	sampleSessions string
	//go:embed sample/episodes.csv
	sampleEpisodes string
)

// Exit statuses.
const (
	exitOK       = 0
	exitBlocking = 1
	exitUsage    = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// run is the program: it reads args and stdin, writes the report to stdout
// and usage errors to stderr, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("billingcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	profileID := fl.String("profile", "medicare-iop-2024", "the built-in profile to apply")
	weeksName := fl.String("weeks", "iso", "iso, program, or the weekday calendar weeks start on (sunday, monday, ...)")
	episodesPath := fl.String("episodes", "", "the episodes CSV")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: billingcheck [-profile ID] [-weeks W] [-episodes F] [sessions.csv | -]")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "billingcheck: "+format+"\n", a...)
		return exitUsage
	}
	profile, ok := iop.Builtins().ByID(*profileID)
	if !ok {
		var ids []string
		for _, p := range iop.Builtins() {
			ids = append(ids, p.ID)
		}
		return fail("unknown profile %q; the built-in ones are %s", *profileID, strings.Join(ids, ", "))
	}
	program, weeks, err := parseWeeks(*weeksName)
	if err != nil {
		return fail("%v", err)
	}

	var sessionsIn, episodesIn io.Reader
	source := ""
	switch fl.NArg() {
	case 0:
		sessionsIn, episodesIn, source = strings.NewReader(sampleSessions), strings.NewReader(sampleEpisodes), "the embedded sample"
	case 1:
		name := fl.Arg(0)
		if name == "-" {
			sessionsIn, source = stdin, "standard input"
		} else {
			f, err := os.Open(name)
			if err != nil {
				return fail("%v", err)
			}
			defer f.Close()
			sessionsIn, source = f, name
		}
	default:
		fl.Usage()
		return exitUsage
	}
	if *episodesPath != "" {
		f, err := os.Open(*episodesPath)
		if err != nil {
			return fail("%v", err)
		}
		defer f.Close()
		episodesIn = f
	}

	in, err := readInput(sessionsIn, episodesIn)
	if err != nil {
		return fail("%v", err)
	}
	ck, err := schedule.NewChecker(profile)
	if err != nil {
		return fail("%v", err)
	}
	weeksFor := func(patient string) schedule.Weeks {
		if !program {
			return weeks
		}
		ws, _ := schedule.ProgramWeeks(in.episodes[patient].Admitted)
		return ws
	}
	sz, err := schedule.NewSummarizer(ck, weeks, weeksFor)
	if err != nil {
		return fail("%v", err)
	}
	sums, stats := sz.Summarize(nil, in.sessions)
	rep := report{w: stdout, ck: ck, in: in}
	fmt.Fprintf(stdout, "billingcheck: %s, %s, %s\n", profile.ID, describeWeeks(program, weeks), source)
	fmt.Fprintf(stdout, "sessions read: %d, rows refused: %d, patients: %d, patient-weeks: %d\n\n",
		stats.Sessions, len(in.rowErrors), stats.Patients, stats.Weeks)
	if err := rep.write(sums); err != nil {
		return fail("%v", err)
	}
	if rep.blocking > 0 || len(in.rowErrors) > 0 {
		return exitBlocking
	}
	return exitOK
}

// parseWeeks reads the -weeks flag.
func parseWeeks(name string) (program bool, ws schedule.Weeks, err error) {
	switch name {
	case "iso":
		return false, schedule.ISOWeeks(), nil
	case "program":
		return true, schedule.Weeks{}, nil
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(d.String(), name) {
			ws, err := schedule.CalendarWeeks(d)
			return false, ws, err
		}
	}
	return false, schedule.Weeks{}, fmt.Errorf("unknown -weeks %q: want iso, program or a weekday", name)
}

func describeWeeks(program bool, ws schedule.Weeks) string {
	if program {
		return "program weeks from admission"
	}
	return ws.String()
}

// errInput reports input that cannot be read at all.
var errInput = errors.New("cannot read the input")
