package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// section returns the lines of s from the line first up to the line end
// (not included), each line compared whole; "" when either is missing or
// end comes before first.
func section(s, first, end string) string {
	var b strings.Builder
	in := false
	for line := range strings.Lines(s) {
		l := strings.TrimSuffix(line, "\n")
		switch {
		case !in && l == first:
			in = true
		case in && l == end:
			return b.String()
		}
		if in {
			b.WriteString(line)
		}
	}
	return ""
}

// runWith runs the program and returns its exit status, stdout and stderr.
func runWith(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestEmbeddedSample(t *testing.T) {
	code, out, errOut := runWith("")
	assert.Equal(t, exitBlocking, code, "the sample has weeks that fall short")
	assert.Empty(t, errOut)
	golden(t, "sample", out)
}

func TestEmbeddedSampleProgramWeeks(t *testing.T) {
	code, out, errOut := runWith("", "-weeks", "program")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	golden(t, "sample-program-weeks", out)
}

// -weeks: each scheme's name in any case of its letters is that scheme,
// the report the same as its golden file's; anything else is a usage
// error naming what was given, and nothing is written to stdout.
func TestWeeksFlag(t *testing.T) {
	const notes = "billingcheck: row refused: sessions line 22: date: invalid date\n" +
		"billingcheck: row refused: sessions line 47: attended: out of range: attended above planned\n"
	for _, tc := range []struct {
		weeks, golden string
	}{
		{"iso", "sample-iso.csv"},
		{"ISO", "sample-iso.csv"},
		{"Iso", "sample-iso.csv"},
		{"program", "sample-program.csv"},
		{"PROGRAM", "sample-program.csv"},
		{"sunday", "sample-sunday.csv"},
		{"SUNDAY", "sample-sunday.csv"},
		{"Sunday", "sample-sunday.csv"},
	} {
		t.Run(tc.weeks, func(t *testing.T) {
			code, out, errOut := runWith("", "-format", "csv", "-weeks", tc.weeks)
			assert.Equal(t, exitBlocking, code)
			assert.Equal(t, notes, errOut)
			want, err := os.ReadFile(filepath.Join("testdata", tc.golden+".golden"))
			require.NoError(t, err)
			assert.Equal(t, string(want), out)
		})
	}
	for _, tc := range []struct {
		weeks, err string
	}{
		{"", "billingcheck: unknown -weeks \"\": want iso, program or a weekday\n"},
		{"isoweeks", "billingcheck: unknown -weeks isoweeks: want iso, program or a weekday\n"},
		{"Sun", "billingcheck: unknown -weeks Sun: want iso, program or a weekday\n"},
		{" sunday", "billingcheck: unknown -weeks \" sunday\": want iso, program or a weekday\n"},
		{"ſunday", "billingcheck: unknown -weeks \"\\u017funday\": want iso, program or a weekday\n"},
	} {
		t.Run(tc.weeks, func(t *testing.T) {
			code, out, errOut := runWith("", "-weeks", tc.weeks)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.err, errOut)
		})
	}
}

func TestFile(t *testing.T) {
	// ASAM 2.1 with a step-down allowance, an adolescent, bad rows in both
	// files, and a patient without an episode.
	code, out, errOut := runWith("", "-profile", "asam3-2.1", "-weeks", "sunday",
		"-episodes", filepath.Join("testdata", "stepdown-episodes.csv"), filepath.Join("testdata", "stepdown.csv"))
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	golden(t, "file", out)
}

func TestStdin(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "compliant.csv"))
	require.NoError(t, err)
	code, out, errOut := runWith(string(in), "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitOK, code, "a week across the year end that meets 9 hours: %s", out)
	assert.Empty(t, errOut)
	golden(t, "stdin", out)
}

func TestStdinMalformed(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" +
		"p-1,2025-03-03,09:00,180,group,attended\n" +
		"p-1,2025-03-04,09:00,180,group\n" +
		"p-1,2025-03-05,09:00,180,group,attended\n" +
		"p-1,2025-03-06,09:00,180,group,attended\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code, "a refused row fails the run, though the week meets 9 hours")
	assert.Empty(t, errOut)
	// Line 3 refused, the rows after it checked: p-1's week is ok.
	golden(t, "stdin-malformed", out)
}

// usage is what a usage error without a message of its own writes.
const usage = "usage: billingcheck [-input sessions|claims|x12] [-profile P] [-weeks W] [-setting S] [-episodes F] [-format F] [-map M] [file.csv | -]\n" +
	"run billingcheck -h for the flags, the input columns and the exit status\n"

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
		err  string
	}{
		{"unknown profile", []string{"-profile", "x"}, "", "billingcheck: unknown profile x; the families are medicare-iop, medicare-php, the built-in IDs " + strings.Join(profileIDs(), ", ") + "\n"},
		{"unknown profile, escaped", []string{"-profile", "x\ny"}, "", "billingcheck: unknown profile \"x\\ny\"; the families are medicare-iop, medicare-php, the built-in IDs " + strings.Join(profileIDs(), ", ") + "\n"},
		{"a family's prefix", []string{"-profile", "medicare"}, "", "billingcheck: unknown profile medicare; the families are medicare-iop, medicare-php, the built-in IDs " + strings.Join(profileIDs(), ", ") + "\n"},
		{"unknown weeks", []string{"-weeks", "fortnight"}, "", "billingcheck: unknown -weeks fortnight: want iso, program or a weekday\n"},
		{"unknown format", []string{"-format", "xml"}, "", "billingcheck: unknown -format xml: want text, json or csv\n"},
		{"a directory", []string{"testdata"}, "", "billingcheck: cannot read the input: \"testdata\" is a directory\n"},
		{"a directory of episodes", []string{"-episodes", "testdata", "-"}, "", "billingcheck: cannot read the input: \"testdata\" is a directory\n"},
		{"a map without =", []string{"-map", "date"}, "", "billingcheck: -map: pair 1: want from=to\n"},
		{"a map to an unknown column", []string{"-map", "a=date,b=when"}, "", "billingcheck: -map: pair 2: when is not a column of the sessions input (see -h)\n"},
		{"a map to a column of the other input", []string{"-input", "claims", "-map", "a=start"}, "", "billingcheck: -map: pair 1: start is not a column of the claims input (see -h)\n"},
		{"unknown input", []string{"-input", "lines"}, "", "billingcheck: unknown -input lines: want sessions, claims or x12\n"},
		{"unknown setting", []string{"-setting", "clinic"}, "", "billingcheck: unknown -setting clinic: want hospital, cmhc, cah, rhc, fqhc, otp\n"},
		{"a map renaming twice", []string{"-map", "a=date,a=patient"}, "", "billingcheck: -map: pair 2: a renamed twice\n"},
		{"a map to one column twice", []string{"-map", "a=date,b=date"}, "", "billingcheck: -map: pair 2: two columns renamed to date\n"},
		{"no such file", []string{filepath.Join("testdata", "none.csv")}, "", "billingcheck: open \"testdata/none.csv\": " + syscall.ENOENT.Error() + "\n"},
		{"no such episodes file", []string{"-episodes", filepath.Join("testdata", "none.csv")}, "", "billingcheck: open \"testdata/none.csv\": " + syscall.ENOENT.Error() + "\n"},
		{"a bad sessions header", []string{"-"}, "patient,date,when\n", "billingcheck: cannot read the input: sessions: line 1: header: missing: column start; header: missing: column minutes; header: missing: column kind; header: missing: column attendance\n"},
		{"a bad claims header", []string{"-input", "claims", "-"}, "patient,claim,dos,clinician\n", "billingcheck: cannot read the input: claims: line 1: header: missing: column line; header: missing: column date; header: missing: column code or revenue\n"},
		{"an empty claims input", []string{"-input", "claims", "-"}, "", "billingcheck: cannot read the input: claims: line 1: header: missing\n"},
		{"an empty input", []string{"-"}, "", "billingcheck: cannot read the input: sessions: line 1: header: missing\n"},
		{"a bad episodes header", []string{"-episodes", filepath.Join("testdata", "compliant.csv"), "-"}, "", "billingcheck: cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified\n"},
		{"no rows refused reported", []string{"-max-errors", "0", "-"}, "", "billingcheck: -max-errors 0: want at least 1, or -1 for all\n"},
		{"a cap below -1", []string{"-max-errors", "-2", "-"}, "", "billingcheck: -max-errors -2: want at least 1, or -1 for all\n"},
		{"an unknown flag", []string{"-x"}, "", "flag provided but not defined: -x\n" + usage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith(tt.in, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Equal(t, tt.err, errOut)
		})
	}
	code, out, errOut := runWith("", "a.csv", "b.csv")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, usage, errOut)
}
