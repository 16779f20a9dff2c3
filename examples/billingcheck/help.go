package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// A column of the sessions CSV, as -h describes it.
type column struct {
	name     string
	required bool
	format   string
}

// sessionColumns describes the columns schedule.CSVReader reads; the test
// checks that it names every column schedule.WriteCSV writes.
func sessionColumns() []column {
	names := func(vs []string) string { return strings.Join(vs, ", ") }
	var kinds, attendances []string
	for _, k := range iop.AllServiceKinds() {
		kinds = append(kinds, k.String())
	}
	for _, a := range schedule.AllAttendances() {
		attendances = append(attendances, a.String())
	}
	return []column{
		{"patient", true, "the patient's record ID: 1 to 128 bytes of UTF-8, no control characters"},
		{"id", false, "the session's record ID, as patient"},
		{"date", true, "the date of service, YYYY-MM-DD (a day that exists)"},
		{"start", true, "the start time on the program's clock, HH:MM (00:00 to 23:59)"},
		{"minutes", true, "the planned length, whole minutes; the session ends by midnight"},
		{"kind", true, "the service: " + names(kinds)},
		{"attendance", true, "one of " + names(attendances)},
		{"attended", false, "the minutes attended, whole minutes (with partial)"},
		{"code", false, "the billing code (HCPCS/CPT), which may make a session count"},
	}
}

// sessionColumnSet is the set of the sessions CSV's column names.
func sessionColumnSet() map[string]bool {
	m := map[string]bool{}
	for _, c := range sessionColumns() {
		m[c.name] = true
	}
	return m
}

// writeUsage writes the one-line usage, after a usage error.
func writeUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: billingcheck [-profile ID] [-weeks W] [-episodes F] [-format F] [-map M] [sessions.csv | -]")
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
	p("usage: billingcheck [flags] [sessions.csv | -]",
		"",
		"billingcheck checks a billing export of program sessions against a rule profile,",
		"patient-week by patient-week. It reads the CSV file named, standard input for \"-\",",
		"or with no name an embedded sample.",
		"",
		"Flags:")
	prev := fl.Output()
	fl.SetOutput(w)
	fl.PrintDefaults()
	fl.SetOutput(prev)

	p("",
		"Sessions CSV: a header row names the columns, in any order; columns of other",
		"names are ignored and listed on standard error; -map renames a file's columns.")
	cols := sessionColumns()
	width := 0
	for _, c := range cols {
		width = max(width, len(c.name))
	}
	for _, c := range cols {
		need := "optional"
		if c.required {
			need = "required"
		}
		indent := strings.Repeat(" ", 2+width+2+len(need)+2)
		for i, l := range wrap(c.format, 80-len(indent)) {
			if i == 0 {
				fmt.Fprintf(w, "  %-*s  %s  %s\n", width, c.name, need, l)
				continue
			}
			fmt.Fprintf(w, "%s%s\n", indent, l)
		}
	}
	var pops []string
	for _, p := range iop.AllPopulations() {
		pops = append(pops, p.String())
	}
	p("",
		"Episodes CSV (-episodes): a header row with these columns in this order:",
		"  "+strings.Join(episodeColumns, ","),
		"  population is "+strings.Join(pops, " or ")+"; admitted, discharged and stepped_down are",
		"  YYYY-MM-DD; certified lists the days certifications were signed, separated by \";\".",
		"  Only patient, population and admitted are required.",
		"",
		"Output (-format):",
		"  text  one row per patient-week, its findings under it, then the rows refused",
		"  json  one object per patient-week, one a line: patient, week, from, minutes, days,",
		"        day_services, result, findings (iop.Findings), summary (schedule.WeekSummary)",
		"  csv   one row per finding: "+strings.Join(csvColumns, ","),
		"  With json and csv, rows refused are reported on standard error.",
		"",
		"Profiles (-profile):")
	for _, l := range wrap(strings.Join(profileIDs(), ", "), 78) {
		p("  " + l)
	}
	p("",
		"Exit status:",
		"  0  nothing blocks and every row was read",
		"  1  a finding blocks, or a row was refused",
		"  2  a usage error, input that cannot be read, or a report that cannot be written")
	return w.Flush()
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
	for _, p := range iop.Builtins() {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}
