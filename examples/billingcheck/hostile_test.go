package main

import (
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
	assert.Contains(t, out, "claim lines read: 1, rows refused: 0")
	assert.NotContains(t, out+errOut, "Jane")
}

// Case 2: a stray quote costs its own row only.
func TestStrayQuote(t *testing.T) {
	in := "patient,id,date,start,minutes,kind,attendance,code\n" +
		"p-1,s-1,2025-03-03,09:00,180,group,attended,\"H0015\n" +
		"p-1,s-2,2025-03-04,09:00,180,group,attended,H0015\n"
	code, out, _ := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Contains(t, out, "sessions read: 1, rows refused: 1,")
	assert.Contains(t, out, "  sessions line 2: invalid syntax: malformed CSV row: extraneous or missing \" in quoted-field: a quoted cell is not closed on its line (no cell may hold a line end)\n")
}

// Case 3: at most -max-errors rows refused are reported, the rest counted.
func TestRowErrorCap(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" + strings.Repeat(",,,,,\n", 250) + "p-1,2025-03-03,09:00,180,group,attended\n"
	code, out, errOut := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	assert.Equal(t, 100, strings.Count(out, "  sessions line "), "100 rows refused reported")
	assert.Contains(t, out, "  and 150 more rows refused, not reported (-max-errors raises the cap)\n")
	assert.Contains(t, out, "sessions read: 1, rows refused: 250,")
	_, out, _ = runWith(in, "-profile", "asam3-2.1", "-max-errors", "1000", "-")
	assert.Equal(t, 250, strings.Count(out, "  sessions line "))
	_, _, errOut = runWith(in, "-profile", "asam3-2.1", "-format", "csv", "-")
	assert.Equal(t, 100, strings.Count(errOut, "billingcheck: row refused: "))
	assert.Contains(t, errOut, "billingcheck: and 150 more rows refused, not reported (-max-errors raises the cap)\n")
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
	assert.Equal(t, 100, strings.Count(out, "  episodes line "))
	assert.Contains(t, out, "  episodes line 3: patient: duplicate\n", "CR line ends")
	assert.Contains(t, out, "  and 202 more rows refused, not reported (-max-errors raises the cap)\n")
	_, out, _ = runWith(in, "-profile", "asam3-2.1", "-episodes", path, "-max-errors", "-1", "-")
	assert.Contains(t, out, "  episodes line 303: invalid syntax: malformed CSV row: extraneous or missing \" in quoted-field: a quoted cell is not closed on its line (no cell may hold a line end)\n")
	assert.Contains(t, out, "  episodes line 304: invalid syntax: malformed CSV row: wrong number of fields: a row above 65536 bytes\n")
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
	for _, id := range []string{"'+1", "'-1", "'=HYPERLINK(1)", "'@SUM(1)"} {
		assert.Contains(t, out, "\n"+id+",2025-W10,", "a cell starting with a formula character is prefixed with '")
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.NotContains(t, "=+-@\t\r", line[:1], "no row starts with a formula character: %q", line)
	}
	_, help, _ := runWith("", "-h")
	assert.Contains(t, help, "a cell that starts with =, +, -, @, a tab or a carriage return is written\n        with a ' before it")
}

// Case 5: file names are quoted in errors.
func TestFileNameQuoted(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x\x1b[31m.csv")
	code, _, errOut := runWith("", name)
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "billingcheck: open "+strings.ReplaceAll(`"`+name+`"`, "\x1b", `\x1b`)+": "+syscall.ENOENT.Error()+"\n", errOut)
	code, _, errOut = runWith("", "-episodes", name, "-")
	assert.Equal(t, exitUsage, code)
	assert.NotContains(t, errOut, "\x1b")
}

// Case 2: the episodes' patient cell is a record ID like any other.
func TestEpisodesPatientID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "episodes.csv")
	ep := "patient,population,admitted,discharged,stepped_down,certified\n" +
		"p\x1b[31m,adult,2025-01-06,,,\n" + strings.Repeat("p", 200) + ",adult,2025-01-06,,,\n"
	require.NoError(t, os.WriteFile(path, []byte(ep), 0o600))
	in := "patient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,180,group,attended\n"
	_, out, _ := runWith(in, "-profile", "asam3-2.1", "-episodes", path, "-")
	assert.Contains(t, out, "  episodes line 2: patient: invalid syntax: control or format character\n")
	assert.Contains(t, out, "  episodes line 3: patient: out of range: longer than 128 bytes\n")
	assert.NotContains(t, out, "\x1b")
}
