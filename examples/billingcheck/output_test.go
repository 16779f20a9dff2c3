package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"

	"github.com/ioprules/ioprules/examples/internal/billing"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		t.Run(arg, func(t *testing.T) {
			code, out, errOut := runWith("", arg)
			assert.Equal(t, exitOK, code)
			assert.Empty(t, errOut)
			golden(t, "help", out)
		})
	}
}

// TestHelpColumns checks that -h describes every column schedule's CSV
// reader reads (the columns schedule.WriteCSV writes), and no other.
func TestHelpColumns(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, schedule.WriteCSV(&b, slices.Values([]schedule.Session(nil))))
	header, err := csv.NewReader(&b).Read()
	require.NoError(t, err)
	var described []string
	for _, c := range sessionColumns() {
		described = append(described, c.Name)
	}
	slices.Sort(header)
	slices.Sort(described)
	assert.Equal(t, header, described)
}

// failWriter accepts n bytes, then fails every write.
type failWriter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWriteError checks that a report that cannot be written fails the
// run, whatever the format and wherever the write fails.
func TestWriteError(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		_, full, notes := runWith("", "-format", format)
		if format != "text" {
			// The rows refused, written to standard error before.
			require.Equal(t, "billingcheck: row refused: sessions line 22: date: invalid date\n"+
				"billingcheck: row refused: sessions line 47: attended: out of range: attended above planned\n", notes)
		}
		for _, n := range []int{0, 100, len(full) - 1} {
			t.Run(format+"/"+strconv.Itoa(n), func(t *testing.T) {
				var errOut bytes.Buffer
				code := run([]string{"-format", format}, strings.NewReader(""), &failWriter{n: n}, &errOut)
				assert.Equal(t, exitUsage, code)
				assert.Equal(t, notes+"billingcheck: writing the report: no space left on device\n", errOut.String())
			})
		}
	}
	t.Run("help", func(t *testing.T) {
		var errOut bytes.Buffer
		code := run([]string{"-h"}, strings.NewReader(""), &failWriter{n: 10}, &errOut)
		assert.Equal(t, exitUsage, code)
		assert.Equal(t, "billingcheck: writing the help: no space left on device\n", errOut.String())
	})
	t.Run("/dev/full", func(t *testing.T) {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full here")
		}
		defer full.Close()
		var errOut bytes.Buffer
		code := run(nil, strings.NewReader(""), full, &errOut)
		assert.Equal(t, exitUsage, code)
		// The system's words: Node's under GOOS=js.
		assert.Equal(t, "billingcheck: writing the report: write /dev/full: "+syscall.ENOSPC.Error()+"\n", errOut.String())
	})
}

// TestReadError checks that an I/O error while reading is input that
// cannot be read, not a malformed row.
func TestReadError(t *testing.T) {
	broken := func(s string) io.Reader {
		return io.MultiReader(strings.NewReader(s), iotest.ErrReader(errors.New("input/output error")))
	}
	tests := []struct {
		name string
		in   io.Reader
	}{
		{"in the header", broken("patient,da")},
		{"after a row", broken("patient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,180,group,attended\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run([]string{"-"}, tt.in, &out, &errOut)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out.String())
			assert.Equal(t, "billingcheck: cannot read the input: sessions: input/output error\n", errOut.String())
		})
	}
}

// TestIDsEscaped checks that a record ID cannot forge a line of the text
// report: an ID that is not plain printable ASCII is quoted with escapes,
// when the reader accepts it at all.
func TestIDsEscaped(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" +
		"\"p 1\",2025-03-03,09:00,180,group,attended\n" +
		"\"p-2\nforged   2025-W10  2025-03-03  asam3-2.1  9h00m    3     3-3-3--   ok\",2025-03-03,09:00,180,group,attended\n" +
		"\"p-3\x1b[2K\",2025-03-03,09:00,180,group,attended\n"
	_, out, errOut := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Empty(t, errOut)
	// "p 1" quoted; the reader refuses the other two rows (a line break,
	// a control character in a cell), and their IDs are not printed.
	golden(t, "ids-escaped", out)
	// Whatever the golden file is rewritten to: no line forged, no
	// terminal escape.
	for line := range strings.Lines(out) {
		assert.NotEqual(t, "forged   2025-W10  2025-03-03  asam3-2.1  9h00m    3     3-3-3--   ok\n", line, "a forged line")
	}
	assert.NotContains(t, out, "\x1b", "a terminal escape")
}

// TestFormats runs the sample in each format and week scheme against
// golden files.
func TestFormats(t *testing.T) {
	for _, format := range []string{"json", "csv"} {
		for _, weeks := range []string{"iso", "program", "sunday"} {
			t.Run(format+"/"+weeks, func(t *testing.T) {
				code, out, errOut := runWith("", "-format", format, "-weeks", weeks)
				assert.Equal(t, exitBlocking, code)
				assert.Equal(t, "billingcheck: row refused: sessions line 22: date: invalid date\n"+
					"billingcheck: row refused: sessions line 47: attended: out of range: attended above planned\n", errOut)
				golden(t, "sample-"+weeks+"."+format, out)
			})
		}
	}
}

// jsonFinding is a finding of the JSON report.
type jsonFinding = billing.JSONFinding

// TestCSVOutput checks that -format csv has one row per finding of the
// JSON output, with the same figures.
func TestCSVOutput(t *testing.T) {
	_, jsonOut, _ := runWith("", "-format", "json")
	var want [][]string
	for line := range strings.Lines(jsonOut) {
		var v struct {
			Patient  string        `json:"patient"`
			Week     schedule.Week `json:"week"`
			Profile  string        `json:"profile"`
			Findings []jsonFinding `json:"findings"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &v))
		for _, f := range v.Findings {
			day, need, got, unit := "", "", "", ""
			if f.Day != 0 {
				day = f.Day.String()
			}
			if f.Unit != 0 {
				need, got, unit = strconv.FormatInt(f.Need, 10), strconv.FormatInt(f.Got, 10), f.Unit.String()
			}
			want = append(want, []string{v.Patient, v.Week.String(), "", v.Profile, string(f.Code), f.Severity.String(), day, need, got, unit,
				f.Input.String()})
		}
	}
	_, csvOut, _ := runWith("", "-format", "csv")
	recs, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	assert.Equal(t, csvColumns, recs[0])
	assert.Equal(t, want, recs[1:])
}

// TestExitStatus checks the documented exit statuses.
func TestExitStatus(t *testing.T) {
	compliant, err := os.ReadFile(filepath.Join("testdata", "compliant.csv"))
	require.NoError(t, err)
	header := "patient,date,start,minutes,kind,attendance\n"
	tests := []struct {
		name string
		in   string
		args []string
		want int
	}{
		{"clean", string(compliant), []string{"-profile", "asam3-2.1", "-"}, exitOK},
		{"clean, json", string(compliant), []string{"-profile", "asam3-2.1", "-format", "json", "-"}, exitOK},
		{"a blocking finding", header + "p-1,2025-03-03,09:00,180,group,attended\n", []string{"-profile", "asam3-2.1", "-"}, exitBlocking},
		{"a warning only", header + threeServices("2025-03-03", 60) + threeServices("2025-03-05", 60) + threeServices("2025-03-07", 59), []string{"-"}, exitOK},
		{"a row refused", string(compliant) + "p-020,2026-01-02,09:00,x,group,attended\n", []string{"-profile", "asam3-2.1", "-"}, exitBlocking},
		{"a row refused, csv", string(compliant) + "p-020,2026-01-02,09:00,x,group,attended\n", []string{"-profile", "asam3-2.1", "-format", "csv", "-"}, exitBlocking},
		{"help", "", []string{"-h"}, exitOK},
		{"usage", "", []string{"-nope"}, exitUsage},
		{"unreadable", "", []string{"testdata"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith(tt.in, tt.args...)
			assert.Equal(t, tt.want, code, "%s\n%s", out, errOut)
		})
	}
}

// threeServices is three group sessions on day, the last of minutes.
func threeServices(day string, minutes int) string {
	return "p-1," + day + ",09:00,60,group,attended\n" +
		"p-1," + day + ",10:00,60,group,attended\n" +
		"p-1," + day + ",11:00," + strconv.Itoa(minutes) + ",group,attended\n"
}

// TestMapAndExtraColumns reads an export with a byte order mark, CRLF
// lines, columns of other names (one with quoted line breaks) and columns
// renamed by -map: the extra columns are ignored and listed, and each
// refused row is reported on its line of the file.
func TestMapAndExtraColumns(t *testing.T) {
	code, out, errOut := runWith("", "-profile", "asam3-2.1", "-map", "member=patient,date_of_service=date",
		filepath.Join("testdata", "export.csv"))
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, "billingcheck: columns ignored: clinician, note\n", errOut)
	golden(t, "export", out)

	t.Run("without -map", func(t *testing.T) {
		code, out, errOut := runWith("", filepath.Join("testdata", "export.csv"))
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, out)
		assert.Equal(t, "billingcheck: cannot read the input: sessions: line 1: header: missing: column patient; header: missing: column date\n", errOut)
	})
	t.Run("renamed onto a column the file has", func(t *testing.T) {
		in := "patient,member,date,start,minutes,kind,attendance\n"
		code, out, errOut := runWith(in, "-map", "member=patient", "-")
		assert.Equal(t, exitUsage, code)
		assert.Empty(t, out)
		assert.Equal(t, "billingcheck: cannot read the input: sessions: line 1: header[1]: duplicate: column patient\n", errOut)
	})
	t.Run("a header cell that is not a plain name is named by its place", func(t *testing.T) {
		in := "patient,date,start,minutes,kind,attendance,\"x\x1b[31my\"\np-1,2025-03-03,09:00,180,group,attended,z\n"
		_, _, errOut := runWith(in, "-profile", "asam3-2.1", "-")
		assert.Equal(t, "billingcheck: columns ignored: header[6]\n", errOut)
	})
	t.Run("a header cell holding a line break is refused", func(t *testing.T) {
		in := "patient,date,start,minutes,kind,attendance,\"x\ny\"\np-1,2025-03-03,09:00,180,group,attended,z\n"
		code, _, errOut := runWith(in, "-profile", "asam3-2.1", "-")
		assert.Equal(t, exitUsage, code)
		assert.Equal(t, "billingcheck: cannot read the input: sessions: line 1: invalid syntax: malformed CSV row: extraneous or missing \" in quoted-field: a quoted cell is not closed on its line (no cell may hold a line end)\n", errOut)
	})
}
