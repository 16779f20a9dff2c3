// Command billingcheck checks a billing export of program sessions, or of
// claim lines, against the rule profile in force on each patient-week's
// and each claim's first day of service, patient-week by patient-week and
// claim by claim, as a billing pipeline or a compliance suite would before
// claims go out.
//
//	billingcheck [flags] [file.csv | -]
//
// It reads the CSV file named, standard input when the name is "-", or,
// with no name, an embedded sample: five patients' sessions over four
// weeks (sessions.csv, with episodes.csv), or with -input claims three
// Medicare IOP claims (claims.csv, read with -map date_of_service=date
// unless -map is given), from examples/internal/billing/sample, which the
// web page (examples/web) shares.
//
// # A billing job on claim lines, in a handful of library calls
//
// What billingcheck -input claims does, without the reporting, for an
// export of 2025 (billingcheck makes one checker per profile of the
// family and picks one per patient-week and per claim; see Profiles):
//
//	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
//	cr, err := schedule.NewClaimReader(export, schedule.CSVOptions{
//		Columns: map[string]string{"date_of_service": "date"}, IgnoreExtra: true})
//	var lines []schedule.ClaimLine
//	for l, err := range cr.All() {
//		if err == nil { // else a *schedule.RowError: report it, read on; another error: stop
//			lines = append(lines, l)
//		}
//	}
//	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
//	weeks, _ := sz.SummarizeClaims(nil, lines)   // one summary per patient-week
//	findings, err := ck.AppendClaims(nil, lines) // each claim: lines grouped by claim
//	for _, w := range weeks {
//		findings, err = ck.AppendWeek(findings, &w, episodes[w.Patient])
//	}
//
// cr.Extra() lists the columns ignored (by name, or by position for a cell
// that is not a plain name), and ck.DaysIn(w,
// iop.ProviderHospitalOutpatient) each day's tier and APC. billingcheck also
// refuses a line whose claim names another patient on its first line,
// sorts the lines by claim and line number before AppendClaims, and
// reports each claim's findings as its own row.
//
// # Profiles
//
// -profile names a family of built-in profiles dated by calendar year,
// medicare-iop (the default) or medicare-php: the built-ins whose ID
// starts with "medicare-iop-" (medicare-iop-2024 for 2024, -2025 for
// 2025, -2026 from 2026 on, open-ended) or "medicare-php-". Each
// patient-week is checked against the family's profile in force on the
// week's first day of service (iop.Profiles.AsOf), and each claim against
// the one in force on its first date of service, so that a week or claim
// that starts in one year and ends in the next follows the rules of the
// year its services began in. A week's first day of service is the one
// schedule's checker judges it by, as schedule.FamilySummarizer has it:
// its first day with time or services that count, or the week's first
// day when nothing counts. What counts is the profile's to say (Medicare
// counts no video session, nor a claim line of a code outside the
// program), so the week is first added up by the profile in force on its
// first day with a session attended (in whole or in part) or a claim
// line, the week's first day when none; when that profile's count puts
// the day out of its force, the week is added up again by the profile in
// force on that day. ISO week 2025-W01 runs from 2024-12-30 to
// 2025-01-05: attended from 2024-12-31, it is checked against
// medicare-iop-2024; attended from 2025-01-02 only, or by video on
// 2024-12-31 and in person from 2025-01-02, against medicare-iop-2025;
// not attended at all, against medicare-iop-2024, even with its one
// session on 2025-01-05. A week that the second profile's count moves
// again (into the first one's force) is governed by no single profile of
// the family: it is not checked, and reported so. billingcheck makes one
// schedule.Checker (and one schedule.Summarizer) per profile of the
// family, and adds each patient-week up with its own profile's.
//
// -profile also takes the ID of any built-in profile (billingcheck -h
// lists them), applied to the patient-weeks and claims whose first day of
// service (with a session attended or a claim line) it is in force on; a
// week its count judges by a day it is not in force on (its first claim
// line a code that counts nothing, in the year before) is not checked,
// and reported so.
//
// A patient-week or claim that no profile applies to (no profile of the
// family in force on its first day of service, say a week of 2023, no
// single one governing it, or the profile named not in force then) is not checked: it is reported as not
// checked, with the rule and the day, and fails the run like a row
// refused.
//
// # Input
//
// -input sessions (the default) reads sessions. The sessions CSV starts
// with a header row that names its columns, in any order: patient, date
// (YYYY-MM-DD), start (HH:MM, 24-hour), minutes (the planned length, whole
// minutes), kind (group, individual, ...) and attendance (attended,
// partial, absent, excused) are required; id (the session's record ID),
// attended (the minutes attended, with partial), code (the billing code)
// and delivery (in-person, video, audio-only; whether telehealth counts is
// the profile's rule) are optional.
//
// -input claims reads claim lines, one row per line of a claim: patient,
// claim, line (its number on the claim) and date (of service) are
// required, and code (HCPCS/CPT) or revenue (four digits) or both;
// modifier1 to modifier4, units (1 when empty), place_of_service, minutes,
// bill_type and condition1 to condition4 (the claim's, repeated on its
// lines) and replaces (the claim a replacement or void names, when not its
// own ID) are optional. Modifiers 95/GT and 93/FQ, and places of service 02
// and 10, mark telehealth.
//
// -input x12 reads an ANSI X12 837I interchange (005010X223A2) with
// package x12: each service line is a claim line (REF*EA the patient, the
// type of bill from CLM05, the condition codes from HI*BG), checked as
// those of a claim-line CSV; a line, claim or transaction set refused is a
// row refused, named by its segment ("x12 segment 141 (DTP), element 3").
// An input that starts with an ISA segment is read as x12 when -input is
// not given; with no file, the embedded sample/claims.x12 holds the claims
// of sample/claims.csv.
//
// billingcheck -h lists every column with its format. Both inputs are read
// by schedule's readers (schedule.NewSessionReader, schedule.NewClaimReader)
// with schedule.CSVOptions: columns of other names are ignored and listed
// on standard error (by name, or by position when a cell is not a plain
// column name: no cell of the input is printed), and -map
// renames the file's columns to these names, for an export whose header
// says "date_of_service" or "member":
//
//	billingcheck -map date_of_service=date,member=patient export.csv
//
// A UTF-8 byte order mark before the header is dropped; a first row of
// data (a header-less export) is refused. LF, CRLF and a lone CR each end
// a row, inside quotes too: no cell may hold a line break, so a row with
// one is refused (with the lines it took when a quote closes it), and a
// stray quote costs its own row only. A row above 64 KiB is refused. Rows
// keep the line numbers they have in the file. The episodes CSV is read
// under the same rules. At most -max-errors rows refused are reported (100
// by default); those after are counted. billingcheck holds the sessions or
// claim lines it reads (to group them by patient-week), never the rows
// refused: its memory grows with the records read, not with hostile input.
//
// The episodes CSV (-episodes) gives each patient's episode: patient,
// population (adult or adolescent), admitted, discharged, stepped_down and
// certified (the days certifications were signed, separated by ";"); all
// but patient, population and admitted may be empty. A patient without an
// episode is taken as an adult admitted on their first day of service,
// with no discharge and no certification check. -setting gives every
// episode its provider setting (hospital, cmhc, cah, rhc, fqhc, otp).
//
// A row that cannot be read is refused: reported with its line number, and
// the other rows are still checked.
//
// # Output
//
// -format text (the default) prints, under a heading that names the
// family ("medicare-iop by first day of service") or the profile, one row
// per patient-week (the profile applied, counted time, days with service,
// countable services per day of the week, the result: the worst severity,
// or "billable except 2025-03-14" when blocking findings hold some days
// only, since Medicare pays by the day and a day held does not hold the
// others) and, under it, with -setting and a profile that pays days in
// tiers, the days that reach a tier with their APC ("per diem Mon APC
// 5861, Wed APC 5862"), then each finding. With claim lines a table of
// claims follows (lines, first and last dates of service, the profile
// applied, result), each claim's findings under it. Then the patient-weeks
// and claims not checked, and the rows refused. Record IDs are printed
// as they are when they are plain printable ASCII and quoted with Go
// escapes otherwise (iop.AppendID), so that no ID can forge a line of the
// report or a terminal escape.
//
// -format json prints one JSON object per patient-week, one a line:
//
//	{"patient":"p-002","week":"2025-W12","from":"2025-03-17","minutes":"9h00m",
//	 "days":3,"day_services":[3,0,3,0,2,0,0],"profile":"medicare-iop-2025","result":"blocking",
//	 "findings":[{"code":"schedule.day-services.below-tier","severity":"blocking",...}],
//	 "summary":{"patient":"p-002","week":"2025-W12","minutes":"9h00m",...}}
//
// "summary" is the schedule.WeekSummary and "findings" the iop.Findings of
// the patient-week, in the library's own JSON: each decodes back into those
// types. The fields before them repeat what a pipeline most often reads:
// the week's first day, the counted minutes, the days with service, the
// countable services of each day from the first, with -setting each day's
// APC ("day_apcs", "" for none), the ID of the profile applied, the
// worst severity ("ok" when there is no finding), and the days blocking
// findings hold when nothing holds the whole week ("held"). With claim lines, one
// object per claim follows:
//
//	{"claim":"c-5002","patient":"p-102","lines":8,"from":"2025-03-03",
//	 "through":"2025-03-07","profile":"medicare-iop-2025","result":"blocking","findings":[...]}
//
// -format csv prints a header row and one row per finding (a cell that
// starts with =, +, -, @, a tab or a CR gets a ' before it, so that a
// spreadsheet does not run it: OWASP's rule against CSV injection):
// patient, week (a patient-week's finding) or claim (a claim's), profile
// (the ID of the profile applied), code, severity, day, need, got, unit
// (the figures as whole numbers in the unit: minutes, days, services),
// input (where the claim line, claim or session the finding is drawn
// from was read: "input line 12" for a CSV row, "segment 57" for the SV2
// segment of an 837I line; empty for a finding of a week or a day). The
// JSON findings carry it as "input", and the text report says "at input
// line 12".
//
// With json and csv, standard output holds the data only: the rows
// refused, the patient-weeks and claims not checked ("billingcheck: not
// checked: p-9 2023-W10: no medicare-iop profile is in force on
// 2023-03-06, the week's first day of service") and the patients whose
// episode was taken from their first day of service are written to
// standard error. JSON and CSV carry IDs as they are, in
// their own quoting.
//
// # Exit status
//
//   - 0: nothing blocks, every row was read, and every patient-week and
//     claim was checked.
//   - 1: a finding blocks, a row was refused, or a patient-week or claim
//     was not checked (no profile in force on its first day of service).
//   - 2: a usage error, input that cannot be read (no such file, a
//     directory, a header without a required column, a header-less
//     export, an I/O error), or a report that cannot be
//     written (a full disk, a closed pipe).
//
// # Flags
//
// The names -input, -profile, -weeks, -setting and -format take are read
// in any case of their ASCII letters (JSON, Sunday, Medicare-IOP), and no
// other letter stands for one (the long s, U+017F, is no s).
//
//	-input K      sessions, claims (claim lines) or x12 (an 837I); an
//	              input that starts with an ISA segment is x12 unless
//	              -input says otherwise (default sessions)
//	-profile P    a family, medicare-iop or medicare-php: the profile in
//	              force on each patient-week's and claim's first day of
//	              service; or the ID of a built-in profile with a schedule
//	              part (default medicare-iop)
//	-weeks W      iso, program (from each admission), or the weekday
//	              calendar weeks start on: sunday, monday, ... (default
//	              iso)
//	-setting S    the provider setting of every episode, for each day's APC:
//	              hospital, cmhc, cah, rhc, fqhc, otp (default none)
//	-episodes F   the episodes CSV (default: the embedded one with the
//	              embedded sessions, none otherwise)
//	-format F     text, json or csv (default text)
//	-map M        renames of the file's columns: from=to,from=to
//	-max-errors N the rows refused reported, at most (default 100; -1: all)
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ioprules/ioprules/examples/internal/billing"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
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
	kind     string
	rules    *billing.Rules
	program  bool
	weeks    schedule.Weeks
	setting  iop.Provider
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
	kind := fl.String("input", inputSessions, "the input's `kind`: sessions, claims (claim lines), or x12 (an 837I); a file starting with an ISA segment is read as x12 unless -input says")
	profileName := fl.String("profile", families[0], "the profiles to apply, by `name`: a family ("+strings.Join(families, ", ")+
		"), whose profile in force on each patient-week's and claim's first day of service applies, or a built-in ID (see Profiles below)")
	weeksName := fl.String("weeks", "iso", "the week `scheme`: iso, program (from each admission), or the weekday calendar weeks start on (sunday, monday, ...)")
	settingName := fl.String("setting", "", "the provider `setting` of every episode (hospital, cmhc, ...), to give each day's APC")
	episodesPath := fl.String("episodes", "", "the episodes CSV `file` (default: the embedded one with the embedded sessions, none otherwise)")
	format := fl.String("format", "text", "the report's `format`: text, json or csv")
	mapFlag := fl.String("map", "", "renames of the input's columns, `from=to,...`: date_of_service=date,member=patient")
	maxErrors := fl.Int("max-errors", schedule.DefaultMaxErrors, "the rows refused reported, at `most`; those after are counted (-1: all)")
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
	var err error
	if opt.kind, err = parseInput(*kind); err != nil {
		return fail("%v", err)
	}
	kindSet := false
	fl.Visit(func(f *flag.Flag) { kindSet = kindSet || f.Name == "input" })
	if opt.rules, ok, err = newRuleSet(*profileName); err != nil {
		return fail("%v", err)
	} else if !ok {
		return fail("unknown profile %s; the families are %s, the built-in IDs %s", quote(*profileName),
			strings.Join(families, ", "), strings.Join(profileIDs(), ", "))
	}
	if opt.program, opt.weeks, err = parseWeeks(*weeksName); err != nil {
		return fail("%v", err)
	}
	opt.episodes = *episodesPath
	if opt.format, err = parseFormat(*format); err != nil {
		return fail("%v", err)
	}
	if *settingName != "" {
		if opt.setting, err = parseSetting(*settingName); err != nil {
			return fail("%v", err)
		}
	}
	if fl.NArg() == 0 && opt.kind == inputClaims && *mapFlag == "" {
		*mapFlag = sampleClaimsMap
	}

	var dataIn, episodesIn io.Reader
	source := ""
	switch fl.NArg() {
	case 0:
		switch opt.kind {
		case inputClaims:
			dataIn, source = strings.NewReader(sampleClaims), "the embedded claims sample"
		case inputX12:
			dataIn, source = strings.NewReader(sampleX12), "the embedded 837I sample"
		default:
			dataIn, episodesIn, source = strings.NewReader(sampleSessions), strings.NewReader(sampleEpisodes), "the embedded sample"
		}
	case 1:
		name := fl.Arg(0)
		if name == "-" {
			dataIn, source = stdin, "standard input"
		} else {
			f, err := openFile(name)
			if err != nil {
				return fail("%v", err)
			}
			defer f.Close()
			dataIn, source = f, quoteFile(name)
		}
	default:
		writeUsage(stderr)
		return exitUsage
	}
	if fl.NArg() == 1 && !kindSet { // an 837I is known by its ISA header
		var x bool
		if dataIn, x = isX12(dataIn); x {
			opt.kind = inputX12
		}
	}
	if opt.kind == inputX12 && *mapFlag != "" {
		return fail("%v", errMapX12)
	}
	if opt.mapping, err = parseMap(*mapFlag, opt.kind); err != nil {
		return fail("%v", err)
	}
	if opt.episodes != "" {
		f, err := openFile(opt.episodes)
		if err != nil {
			return fail("%v", err)
		}
		defer f.Close()
		episodesIn = f
	}

	x := opt.kind == inputX12
	if x {
		opt.kind = inputClaims // its claim lines are checked as a claim-line CSV's
	}
	if *maxErrors == 0 || *maxErrors < -1 {
		return fail("-max-errors %d: want at least 1, or -1 for all", *maxErrors)
	}
	rep, err := billing.Check(dataIn, episodesIn, billing.Options{Input: opt.kind, X12: x, Rules: opt.rules, Program: opt.program,
		Weeks: opt.weeks, Setting: opt.setting, Columns: opt.mapping, Source: source, MaxErrors: *maxErrors})
	if err != nil {
		return fail("%v", err)
	}
	if ignored := rep.Ignored(); len(ignored) > 0 {
		fmt.Fprintf(stderr, "billingcheck: columns ignored: %s\n", quoteAll(ignored))
	}

	out := bufio.NewWriter(stdout)
	rep.Write(opt.format, out, stderr)
	// bufio.Writer keeps the first write error: Flush reports it.
	if err := out.Flush(); err != nil {
		return fail("writing the report: %v", err)
	}
	if rep.Failed() {
		return exitBlocking
	}
	return exitOK
}

// openFile opens a named input. A directory is input that cannot be read,
// said so here rather than as a malformed row when reading it fails.
func openFile(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, err)
	}
	if fi, err := f.Stat(); err != nil || fi.IsDir() {
		f.Close()
		if err == nil {
			return nil, fmt.Errorf("%w: %q is a directory", errInput, name)
		}
		return nil, fileError(name, err)
	}
	return f, nil
}

// fileError is an error of the file system about a file named by the user,
// the name quoted with %q, so that no name can forge a line or a terminal
// escape: "open \"x\\x1b.csv\": no such file or directory".
func fileError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s %q: %w", pe.Op, name, pe.Err)
	}
	return fmt.Errorf("%q: %w", name, err)
}

// quoteFile writes a file name for the report's heading: as it is when it
// is a plain path (letters, digits, and . _ - / only), with %q otherwise.
func quoteFile(name string) string {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '/') {
			return fmt.Sprintf("%q", name)
		}
	}
	return name
}
