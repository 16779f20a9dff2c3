package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of issue 18 ("Hostile input, round two") through the program.

// Case 1: a claims file with old Mac line ends is read as rows; no cell of
// it reaches the output.
func TestLoneCRFile(t *testing.T) {
	in := "patient,claim,line,date,code,units,member_name\rp-101,c-1,1,2025-03-03,G0410,2,Jane Doe\r"
	code, out, errOut := runWith(in, "-input", "claims", "-")
	assert.Equal(t, exitBlocking, code, "one G0410 line is not a week of IOP: %s", out)
	assert.Equal(t, "billingcheck: columns ignored: member_name\n", errOut)
	golden(t, "lone-cr", out)
	// The name never leaks, whatever the golden file is rewritten to.
	assert.NotContains(t, out, "Jane Doe")
	assert.NotContains(t, errOut, "Jane Doe")
}

// Case 2: a stray quote costs its own row only.
func TestStrayQuote(t *testing.T) {
	in := "patient,id,date,start,minutes,kind,attendance,code\n" +
		"p-1,s-1,2025-03-03,09:00,180,group,attended,\"H0015\n" +
		"p-1,s-2,2025-03-04,09:00,180,group,attended,H0015\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// Line 2 refused, line 3 read.
	golden(t, "stray-quote", out)
}

// Case 3: at most -max-errors rows refused are reported, the rest counted.
func TestRowErrorCap(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" + strings.Repeat(",,,,,\n", 250) + "p-1,2025-03-03,09:00,180,group,attended\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// Lines 2 to 101 reported, 150 counted.
	golden(t, "row-error-cap", out)
	code, out, errOut = runWith(in, "-profile", "asam3-2.1", "-max-errors", "1000", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// All 250 reported.
	golden(t, "row-error-cap-1000", out)
	code, out, errOut = runWith(in, "-profile", "asam3-2.1", "-format", "csv", "-")
	assert.Equal(t, exitBlocking, code)
	// The findings on standard output; the rows refused, 100 and a count,
	// on standard error.
	golden(t, "row-error-cap.csv", out)
	golden(t, "row-error-cap.csv.stderr", errOut)
}

// Case 3: the episodes file goes through the same limits: a long line is
// refused, a stray quote costs its row, errors are capped.
func TestEpisodesLimits(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "episodes.csv")
	ep := "patient,population,admitted,discharged,stepped_down,certified\r" +
		"p-1,adult,2025-01-06,,,\r" +
		strings.Repeat("p-1,adult,2025-01-06,,,\r", 300) +
		"\"p-2,adult,2025-01-06,,,\r" +
		strings.Repeat("x", 100<<10) + "\r"
	require.NoError(t, os.WriteFile(path, []byte(ep), 0o600))
	in := "patient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,180,group,attended\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-episodes", path, "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// CR line ends: lines 3 to 102 reported (each a duplicate), 202
	// counted.
	golden(t, "episodes-limits", out)
	code, out, errOut = runWith(in, "-profile", "asam3-2.1", "-episodes", path, "-max-errors", "-1", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// All reported, to the stray quote (303) and the long row (304).
	golden(t, "episodes-limits-all", out)
}

// Case 4: a header-less export is refused, and no cell of it is printed.
func TestHeaderlessExport(t *testing.T) {
	in := "p-101,c-1,1,2025-03-03,G0410,2,Jane Doe\np-101,c-1,2,2025-03-03,G0410,2,Jane Doe\n"
	code, out, errOut := runWith(in, "-input", "claims", "-")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, "billingcheck: cannot read the input: claims: line 1: header: invalid syntax: the first row is data, not column names: a header row is required\n", errOut)
}

// Case 5: -format csv neutralises cells a spreadsheet would run; -h says so.
func TestCSVInjection(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" +
		"=HYPERLINK(1),2025-03-03,09:00,60,group,attended\n" +
		"+1,2025-03-03,09:00,60,group,attended\n" +
		"-1,2025-03-03,09:00,60,group,attended\n" +
		"@SUM(1),2025-03-03,09:00,60,group,attended\n"
	_, out, _ := runWith(in, "-profile", "asam3-2.1", "-format", "csv", "-")
	// Each of the four IDs prefixed with ' on its rows.
	golden(t, "csv-injection.csv", out)
	// Whatever the golden file is rewritten to: no cell starts with a
	// formula character.
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	for _, rec := range recs {
		for _, cell := range rec {
			if cell != "" {
				assert.NotContains(t, []byte("=+-@\t\r"), cell[0], "a cell starts with a formula character: %q", cell)
			}
		}
	}
	_, help, _ := runWith("", "-h")
	assert.Equal(t, "  csv   one row per finding: "+strings.Join(csvColumns, ",")+"\n"+
		"        a cell that starts with =, +, -, @, a tab or a carriage return is written\n"+
		"        with a ' before it, so that a spreadsheet does not run it as a formula\n"+
		"        (OWASP: CSV injection); input is where the finding's claim line,\n"+
		"        claim or session was read: input line 12 (CSV), segment 57 (837I)\n",
		section(help, "  csv   one row per finding: "+strings.Join(csvColumns, ","),
			"  With json and csv, rows refused and what was not checked are reported on"))
}

// Case 5: file names are quoted in errors.
func TestFileNameQuoted(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x\x1b[31m.csv")
	code, _, errOut := runWith("", name)
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "billingcheck: open "+strings.ReplaceAll(`"`+name+`"`, "\x1b", `\x1b`)+": "+syscall.ENOENT.Error()+"\n", errOut)
	code, _, errOut = runWith("", "-episodes", name, "-")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "billingcheck: open "+strings.ReplaceAll(`"`+name+`"`, "\x1b", `\x1b`)+": "+syscall.ENOENT.Error()+"\n", errOut)
	assert.NotContains(t, errOut, "\x1b", "no terminal escape, whatever the message")
}

// Case 2: the episodes' patient cell is a record ID like any other.
func TestEpisodesPatientID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "episodes.csv")
	ep := "patient,population,admitted,discharged,stepped_down,certified\n" +
		"p\x1b[31m,adult,2025-01-06,,,\n" + strings.Repeat("p", 200) + ",adult,2025-01-06,,,\n"
	require.NoError(t, os.WriteFile(path, []byte(ep), 0o600))
	in := "patient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,180,group,attended\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-episodes", path, "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	// Both rows refused, neither ID printed.
	golden(t, "episodes-patient-id", out)
	assert.NotContains(t, out, "\x1b", "no terminal escape, whatever the golden file is rewritten to")
	assert.NotContains(t, out, strings.Repeat("p", 200))
}
