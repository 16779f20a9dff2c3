// Command billingcheck checks a billing export of program sessions against
// a rule profile, patient-week by patient-week, as a billing pipeline or a
// compliance suite would before claims go out.
//
//	billingcheck [flags] [sessions.csv | -]
//
// It reads sessions from the CSV file named, from standard input when the
// name is "-", or, with no name, from an embedded sample of five patients
// over four weeks (sample/sessions.csv, with sample/episodes.csv).
//
// # Input
//
// The sessions CSV starts with a header row that names its columns, in any
// order: patient, date (YYYY-MM-DD), start (HH:MM, 24-hour), minutes (the
// planned length, whole minutes), kind (group, individual, ...) and
// attendance (attended, partial, absent, excused) are required; id (the
// session's record ID), attended (the minutes attended, with partial) and
// code (the billing code) are optional. billingcheck -h lists every column
// with its format. Columns of other names are ignored and listed by name on
// standard error (a header name is not patient data). -map renames the
// file's columns to these names, for an export whose header says
// "date_of_service" or "member":
//
//	billingcheck -map date_of_service=date,member=patient export.csv
//
// A UTF-8 byte order mark before the header, as spreadsheets write, is
// dropped. Rows keep the line numbers they have in the file, extra columns
// and quoted line breaks included.
//
// The episodes CSV (-episodes) gives each patient's episode: patient,
// population (adult or adolescent), admitted, discharged, stepped_down and
// certified (the days certifications were signed, separated by ";"); all
// but patient, population and admitted may be empty. A patient without an
// episode is taken as an adult admitted on the day of their first session,
// with no discharge and no certification check.
//
// A row that cannot be read is refused: reported with its line number, and
// the other rows are still checked.
//
// # Output
//
// -format text (the default) prints one row per patient-week (counted
// time, days with service, countable services per day of the week, the
// result) and, under it, each finding, then the rows refused. Record IDs
// are printed as they are when they are plain printable ASCII and quoted
// with Go escapes otherwise (iop.AppendID), so that no ID can forge a line
// of the report or a terminal escape.
//
// -format json prints one JSON object per patient-week, one a line:
//
//	{"patient":"p-002","week":"2025-W12","from":"2025-03-17","minutes":"9h00m",
//	 "days":3,"day_services":[3,0,3,0,2,0,0],"result":"blocking",
//	 "findings":[{"code":"schedule.day-services.below-tier","severity":"blocking",...}],
//	 "summary":{"patient":"p-002","week":"2025-W12","minutes":"9h00m",...}}
//
// "summary" is the schedule.WeekSummary and "findings" the iop.Findings of
// the patient-week, in the library's own JSON: each decodes back into those
// types. The fields before them repeat what a pipeline most often reads:
// the week's first day, the counted minutes, the days with service, the
// countable services of each day from the first, and the worst severity
// ("ok" when there is no finding).
//
// -format csv prints a header row and one row per finding: patient, week,
// code, severity, day, need, got, unit (the figures as whole numbers in the
// unit: minutes, days, services).
//
// With json and csv, standard output holds the data only: the rows refused
// and the patients whose episode was taken from their sessions are written
// to standard error. JSON and CSV carry IDs as they are, in their own
// quoting.
//
// # Exit status
//
//   - 0: nothing blocks and every row was read.
//   - 1: a finding blocks, or a row was refused.
//   - 2: a usage error, input that cannot be read (no such file, a
//     directory, a header without a required column, an I/O error), or a
//     report that cannot be written (a full disk, a closed pipe).
//
// # Flags
//
//	-profile ID   the built-in profile to apply (default medicare-iop-2024)
//	-weeks W      iso, program (from each admission), or the weekday
//	              calendar weeks start on: sunday, monday, ... (default iso)
//	-episodes F   the episodes CSV (default: the embedded one with the
//	              embedded sample, none otherwise)
//	-format F     text, json or csv (default text)
//	-map M        renames of the file's columns: from=to,from=to
package main

import (
	"bufio"
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

// options are the flags.
type options struct {
	profile  iop.Profile
	program  bool
	weeks    schedule.Weeks
	episodes string
	format   string
	mapping  map[string]string
}

// run is the program: it reads args and stdin, writes the report to stdout
// and usage errors to stderr, and returns the exit status. The report goes
// through a buffer whose error is checked at the end: a report that cannot
// be written fails the run.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("billingcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	profileID := fl.String("profile", "medicare-iop-2024", "the built-in `ID` of the profile to apply")
	weeksName := fl.String("weeks", "iso", "the week `scheme`: iso, program (from each admission), or the weekday calendar weeks start on (sunday, monday, ...)")
	episodesPath := fl.String("episodes", "", "the episodes CSV `file` (default: the embedded one with the embedded sample, none otherwise)")
	format := fl.String("format", "text", "the report's `format`: text, json or csv")
	mapFlag := fl.String("map", "", "renames of the input's columns, `from=to,...`: date_of_service=date,member=patient")
	fl.Usage = func() {} // help is written below, to stdout when asked for
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			if err := writeHelp(stdout, fl); err != nil {
				fmt.Fprintf(stderr, "billingcheck: writing the help: %v\n", err)
				return exitUsage
			}
			return exitOK
		}
		writeUsage(stderr)
		return exitUsage
	}
	fail := func(format string, a ...any) int {
		// One line: an error listing several problems puts one a line.
		msg := strings.ReplaceAll(fmt.Sprintf(format, a...), "\n", "; ")
		fmt.Fprintf(stderr, "billingcheck: %s\n", msg)
		return exitUsage
	}
	var opt options
	var ok bool
	opt.profile, ok = iop.Builtins().ByID(*profileID)
	if !ok {
		return fail("unknown profile %s; the built-in ones are %s", quote(*profileID), strings.Join(profileIDs(), ", "))
	}
	var err error
	if opt.program, opt.weeks, err = parseWeeks(*weeksName); err != nil {
		return fail("%v", err)
	}
	opt.format, opt.episodes = *format, *episodesPath
	if _, ok := formats[opt.format]; !ok {
		return fail("unknown -format %s: want text, json or csv", quote(opt.format))
	}
	if opt.mapping, err = parseMap(*mapFlag); err != nil {
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
			f, err := openFile(name)
			if err != nil {
				return fail("%v", err)
			}
			defer f.Close()
			sessionsIn, source = f, quote(name)
		}
	default:
		writeUsage(stderr)
		return exitUsage
	}
	if opt.episodes != "" {
		f, err := openFile(opt.episodes)
		if err != nil {
			return fail("%v", err)
		}
		defer f.Close()
		episodesIn = f
	}

	in, err := readInput(sessionsIn, episodesIn, opt.mapping)
	if in != nil && len(in.ignored) > 0 {
		fmt.Fprintf(stderr, "billingcheck: columns ignored: %s\n", quoteAll(in.ignored))
	}
	if err != nil {
		return fail("%v", err)
	}
	ck, err := schedule.NewChecker(opt.profile)
	if err != nil {
		return fail("%v", err)
	}
	weeksFor := func(patient string) schedule.Weeks {
		if !opt.program {
			return opt.weeks
		}
		ws, _ := schedule.ProgramWeeks(in.episodes[patient].Admitted)
		return ws
	}
	sz, err := schedule.NewSummarizer(ck, opt.weeks, weeksFor)
	if err != nil {
		return fail("%v", err)
	}
	sums, stats := sz.Summarize(nil, in.sessions)
	res, err := checkWeeks(ck, in, sums)
	if err != nil {
		return fail("%v", err)
	}

	out := bufio.NewWriter(stdout)
	head := heading{profile: opt.profile.ID, weeks: describeWeeks(opt.program, opt.weeks), source: source, stats: stats}
	formats[opt.format](out, stderr, head, in, res)
	// bufio.Writer keeps the first write error: Flush reports it.
	if err := out.Flush(); err != nil {
		return fail("writing the report: %v", err)
	}
	if res.blocking > 0 || len(in.rowErrors) > 0 {
		return exitBlocking
	}
	return exitOK
}

// openFile opens a named input. A directory is input that cannot be read,
// said so here rather than as a malformed row when reading it fails.
func openFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || fi.IsDir() {
		f.Close()
		if err == nil {
			err = fmt.Errorf("%w: %s is a directory", errInput, quote(name))
		}
		return nil, err
	}
	return f, nil
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
	return false, schedule.Weeks{}, fmt.Errorf("unknown -weeks %s: want iso, program or a weekday", quote(name))
}

// parseMap reads the -map flag: from=to pairs separated by commas. Each
// "to" is a column of the sessions CSV; a "from" may appear once.
func parseMap(s string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	m := map[string]string{}
	to := map[string]bool{}
	known := sessionColumnSet()
	for i, pair := range strings.Split(s, ",") {
		from, col, ok := strings.Cut(pair, "=")
		from, col = strings.TrimSpace(from), strings.TrimSpace(col)
		switch {
		case !ok || from == "" || col == "":
			return nil, fmt.Errorf("-map: pair %d: want from=to", i+1)
		case !known[col]:
			return nil, fmt.Errorf("-map: pair %d: %s is not a column billingcheck reads (see -h)", i+1, quote(col))
		case m[from] != "":
			return nil, fmt.Errorf("-map: pair %d: %s renamed twice", i+1, quote(from))
		case to[col]:
			return nil, fmt.Errorf("-map: pair %d: two columns renamed to %s", i+1, quote(col))
		}
		m[from], to[col] = col, true
	}
	return m, nil
}

func describeWeeks(program bool, ws schedule.Weeks) string {
	if program {
		return "program weeks from admission"
	}
	return ws.String()
}

// quote writes a name given by the user (an ID, a file or column name) for
// a message: as it is when it is plain printable ASCII, quoted with Go
// escapes otherwise, so that it cannot forge a line or a terminal escape.
func quote(s string) string { return string(iop.AppendID(nil, s)) }

// quoteAll quotes each name and joins them with ", ".
func quoteAll(names []string) string {
	var b []byte
	for i, n := range names {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = iop.AppendID(b, n)
	}
	return string(b)
}

// errInput reports input that cannot be read at all.
var errInput = errors.New("cannot read the input")
