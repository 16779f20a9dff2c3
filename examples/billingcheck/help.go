package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ioprules/ioprules/iop"
)

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
		"Flags (the names -input, -profile, -weeks, -setting and -format take are read",
		"in any case of their ASCII letters: JSON, Sunday, Medicare-IOP):")
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
	for _, p := range iop.All[iop.Population]() {
		pops = append(pops, p.String())
	}
	for _, s := range iop.All[iop.Provider]() {
		settings = append(settings, s.String())
	}
	p("",
		"Episodes CSV (-episodes): a header row with these columns in this order:",
		"  "+strings.Join(episodeColumns, ","),
		"  population is "+strings.Join(pops, " or ")+"; admitted and discharged are YYYY-MM-DD;",
		"  stepped_down is the day (YYYY-MM-DD) of a step-down from IOP (level 2.1) to",
		"  outpatient care (level 1), read as one step-down record (iop.StepDown: that",
		"  day, from 2.1, to 1): under a profile with a step-down allowance (asam3-2.1:",
		"  2 weeks) the weeks from that day are not held to the weekly minimums; other",
		"  profiles, and any profile not of level 2.1 (PHP), give no allowance.",
		"  certified lists the days certifications were signed, separated by \";\".",
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
		"        (OWASP: CSV injection); input is where the finding's claim line,",
		"        claim or session was read: input line 12 (CSV), segment 57 (837I)",
		"  With json and csv, rows refused and what was not checked are reported on",
		"  standard error.",
		"",
		"Profiles (-profile): a family checks each patient-week against its profile in",
		"force on the week's first day of service as that profile counts it (the first",
		"day with time or services it counts; failing that, the week's first day), and",
		"each claim against its profile in force on the claim's first day of service;",
		"a built-in ID is applied where it is in force. A patient-week or claim with no",
		"single profile in force is not checked, and reported.",
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
	p("Built-in IDs (the built-in profiles with a schedule part; those of groups only", "have no rule for a billing check):")
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
		width = max(width, len(c.Name))
	}
	for _, c := range cols {
		indent := strings.Repeat(" ", 2+width+2+len("required")+2)
		for i, l := range wrap(c.Format, 80-len(indent)) {
			if i == 0 {
				fmt.Fprintf(w, "  %-*s  %-8s  %s\n", width, c.Name, c.Need, l)
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
