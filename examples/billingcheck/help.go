package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// A column of an input CSV, as -h describes it.
type column struct {
	// name is the column's name, or for numbered columns the first name
	// and the last number: "modifier1..4".
	name string
	// need is "required", "optional" or, for the claim-line columns of
	// which a file needs one at least, "either".
	need   string
	format string
}

// names returns the column names c stands for: "modifier1..4" stands for
// modifier1, modifier2, modifier3 and modifier4.
func (c column) names() []string {
	first, last, ok := strings.Cut(c.name, "..")
	if !ok {
		return []string{c.name}
	}
	base := strings.TrimSuffix(first, "1")
	n, _ := strconv.Atoi(last)
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, base+strconv.Itoa(i))
	}
	return out
}

// sessionColumns describes the columns schedule.CSVReader reads; the test
// checks that it names every column schedule.WriteCSV writes.
func sessionColumns() []column {
	var kinds, attendances, deliveries []string
	for _, k := range iop.AllServiceKinds() {
		kinds = append(kinds, k.String())
	}
	for _, a := range schedule.AllAttendances() {
		attendances = append(attendances, a.String())
	}
	for _, d := range iop.AllDeliveries() {
		deliveries = append(deliveries, d.String())
	}
	return []column{
		{"patient", "required", "the patient's record ID: 1 to 128 bytes of UTF-8, no control characters"},
		{"id", "optional", "the session's record ID, as patient"},
		{"date", "required", "the date of service, YYYY-MM-DD (a day that exists)"},
		{"start", "required", "the start time on the program's clock, HH:MM (00:00 to 23:59)"},
		{"minutes", "required", "the planned length, whole minutes; the session ends by midnight"},
		{"kind", "required", "the service: " + strings.Join(kinds, ", ")},
		{"attendance", "required", "one of " + strings.Join(attendances, ", ")},
		{"attended", "optional", "the minutes attended, whole minutes (with partial)"},
		{"code", "optional", "the billing code (HCPCS/CPT: 5 digits or upper-case letters), which may make a session count"},
		{"delivery", "optional", "how it was delivered: " + strings.Join(deliveries, ", ") +
			" (empty: in-person); whether telehealth counts is the profile's rule"},
	}
}

// claimColumns describes the columns schedule.ClaimReader reads; the test
// checks them against the reader.
func claimColumns() []column {
	return []column{
		{"patient", "required", "the patient's record ID: 1 to 128 bytes of UTF-8, no control characters"},
		{"claim", "required", "the claim's record ID, as patient"},
		{"line", "required", "the line's number on the claim, 1 to 65535"},
		{"date", "required", "the date of service, YYYY-MM-DD (a day that exists)"},
		{"revenue", "either", "the revenue code, 4 digits: 0905"},
		{"code", "either", "the HCPCS/CPT code, 5 digits or upper-case letters: G0410, 90834"},
		{"modifier1..4", "optional", "the code's modifiers, 2 characters: 95 or GT (video), 93 or FQ (audio only)"},
		{"units", "optional", "the units billed, 1 to 1440 (empty: 1); a timed code stands for units times its minutes"},
		{"place_of_service", "optional", "2 digits: 02 or 10 (telehealth)"},
		{"minutes", "optional", "the time of service, whole minutes, when the export gives it: it overrides the code's"},
		{"bill_type", "optional", "the claim's type of bill, 3 or 4 digits: 0131 (hospital), 0761 (CMHC)"},
		{"condition1..4", "optional", "the claim's condition codes, 2 characters: 92 (IOP), 41 (PHP)"},
	}
}

// columnsOf describes the columns of an input kind.
func columnsOf(kind string) []column {
	if kind == inputClaims {
		return claimColumns()
	}
	return sessionColumns()
}

// columnSet is the set of the column names of an input kind.
func columnSet(kind string) map[string]bool {
	m := map[string]bool{}
	for _, c := range columnsOf(kind) {
		for _, n := range c.names() {
			m[n] = true
		}
	}
	return m
}

// writeUsage writes the one-line usage, after a usage error.
func writeUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: billingcheck [-input sessions|claims|x12] [-profile P] [-weeks W] [-setting S] [-episodes F] [-format F] [-map M] [file.csv | -]")
	fmt.Fprintln(w, "run billingcheck -h for the flags, the input columns and the exit status")
}

// writeHelp writes the help -h asks for.
func writeHelp(out io.Writer, fl *flag.FlagSet) error {
	w := bufio.NewWriter(out)
	p := func(s ...string) {
		for _, l := range s {
			fmt.Fprintln(w, l)
		}
	}
	p("usage: billingcheck [flags] [file.csv | -]",
		"",
		"billingcheck checks a billing export of program sessions, or of claim lines,",
		"against a rule profile, patient-week by patient-week, and claim by claim. It",
		"reads the CSV file named, standard input for \"-\", or with no name an embedded",
		"sample (with -input claims, one read with -map "+sampleClaimsMap+").",
		"",
		"Flags:")
	prev := fl.Output()
	fl.SetOutput(w)
	fl.PrintDefaults()
	fl.SetOutput(prev)

	p("",
		"Input: a header row names the columns, in any order; columns of other names",
		"are ignored and listed on standard error (by name, or by place when a cell is",
		"not a plain name); -map renames a file's columns. A byte order mark before the",
		"header is dropped. A first row of data (no header) is refused. LF, CRLF and CR",
		"each end a row, inside quotes too: no cell may hold a line break, and a row",
		"with one is refused. A row above 64 KiB is refused. The rows refused after",
		"-max-errors of them are counted, not listed. Every file has these limits.",
		"",
		"Sessions CSV (-input sessions):")
	writeColumns(w, sessionColumns())
	p("",
		"Claim-line CSV (-input claims), one row per claim line; a claim's type of bill",
		"and condition codes are repeated on its lines; either: code or revenue, or both:")
	writeColumns(w, claimColumns())
	p("",
		"X12 837I (-input x12, or any input that starts with an ISA segment): the",
		"institutional claims of an 005010X223A2 interchange (package x12); each",
		"service line is a claim line, with REF*EA as the patient; a line, claim or",
		"transaction set refused is reported by its segment. -map does not apply.")
	var pops, settings []string
	for _, p := range iop.AllPopulations() {
		pops = append(pops, p.String())
	}
	for _, s := range iop.AllSettings() {
		settings = append(settings, s.String())
	}
	p("",
		"Episodes CSV (-episodes): a header row with these columns in this order:",
		"  "+strings.Join(episodeColumns, ","),
		"  population is "+strings.Join(pops, " or ")+"; admitted, discharged and stepped_down",
		"  are YYYY-MM-DD; certified lists the days certifications were signed, separated",
		"  by \";\".",
		"  Only patient, population and admitted are required.",
		"",
		"Settings (-setting), for the payment classification (APC) of each day's tier",
		"(Medicare IOP and PHP profiles):",
		"  "+strings.Join(settings, ", "),
		"",
		"Output (-format):",
		"  text  one row per patient-week with the profile applied, its findings under",
		"        it, then one row per claim with its findings (claims), then the",
		"        patient-weeks and claims not checked, then the rows refused",
		"  json  one object per patient-week, one a line: patient, week, from, minutes,",
		"        days, day_services, day_apcs (with -setting), profile, result, findings",
		"        (iop.Findings), summary (schedule.WeekSummary); then one per claim",
		"        (claims): claim, patient, lines, from, through, profile, result,",
		"        findings",
		"  csv   one row per finding: "+strings.Join(csvColumns, ","),
		"        a cell that starts with =, +, -, @, a tab or a carriage return is written",
		"        with a ' before it, so that a spreadsheet does not run it as a formula",
		"        (OWASP: CSV injection)",
		"  With json and csv, rows refused and what was not checked are reported on",
		"  standard error.",
		"",
		"Profiles (-profile): a family checks each patient-week, and each claim, against",
		"its profile in force on the first day of service (the first day with a session",
		"attended in whole or in part, or with a claim line; failing that, the first day",
		"with a session); a built-in ID is applied where it is in force. A patient-week",
		"or claim with no profile in force is not checked, and reported.",
		"Families, by calendar year:")
	width := 0
	for _, f := range families {
		width = max(width, len(f))
	}
	for _, f := range families {
		ps, _ := familyOf(f)
		var each []string
		for _, pr := range ps {
			each = append(each, pr.ID+" "+inForce(pr))
		}
		indent := strings.Repeat(" ", 2+width+2)
		for i, l := range wrap(strings.Join(each, ", "), 80-len(indent)) {
			if i == 0 {
				fmt.Fprintf(w, "  %-*s  %s\n", width, f, l)
				continue
			}
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
	}
	p("Built-in IDs:")
	for _, l := range wrap(strings.Join(profileIDs(), ", "), 78) {
		p("  " + l)
	}
	p("",
		"Exit status:",
		"  0  nothing blocks, every row was read and every patient-week and claim checked",
		"  1  a finding blocks, a row was refused, or a patient-week or claim was not",
		"     checked (no profile in force)",
		"  2  a usage error, input that cannot be read, or a report that cannot be",
		"     written")
	return w.Flush()
}

// writeColumns writes a table of columns, their need and their format.
func writeColumns(w io.Writer, cols []column) {
	width := 0
	for _, c := range cols {
		width = max(width, len(c.name))
	}
	for _, c := range cols {
		indent := strings.Repeat(" ", 2+width+2+len("required")+2)
		for i, l := range wrap(c.format, 80-len(indent)) {
			if i == 0 {
				fmt.Fprintf(w, "  %-*s  %-8s  %s\n", width, c.name, c.need, l)
				continue
			}
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
	}
}

// wrap splits s into lines of at most n bytes, at spaces (a longer word
// is a line of its own).
func wrap(s string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len(line)+1+len(word) > n {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// profileIDs lists the built-in profiles' IDs, sorted.
func profileIDs() []string {
	var ids []string
	for _, p := range ioprules.Builtins() {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}
