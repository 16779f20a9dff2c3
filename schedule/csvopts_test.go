package schedule_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClaimReaderOptions(t *testing.T) {
	in := "\uFEFFmember,claim_id,line,date_of_service,rev,hcpcs,modifier1,units,clinician,bill_type,condition1\n" +
		"p-1,c-1,1,2025-03-03,0915,G0410,,2,Dr Who,0131,92\n" +
		"p-1,c-1,2,2025-03-03,0914,90834,95,,Dr Who,0131,92\n" +
		"p-1,c-1,x,2025-03-03,0914,90834,,1,Dr Who,0131,92\n"
	opt := schedule.CSVOptions{Columns: map[string]string{"member": "patient", "claim_id": "claim", "date_of_service": "date",
		"rev": "revenue", "hcpcs": "code"}, IgnoreExtra: true}
	cr, err := schedule.NewClaimReader(strings.NewReader(in), opt)
	require.NoError(t, err, "a byte order mark, mapped columns, an extra column")
	assert.Equal(t, []string{"clinician"}, cr.Extra())
	var got []schedule.ClaimLine
	var errs []error
	for l, err := range cr.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, l)
	}
	first := line(1, mon, "G0410", 2)
	second := line(2, mon, "90834", 1)
	second.Revenue, second.Modifiers[0] = "0914", "95"
	assert.Equal(t, csvLines(2, 3), inputLines(got))
	assert.Equal(t, []schedule.ClaimLine{first, second}, clearInput(got), "units 1 when the cell is empty")
	require.Len(t, errs, 1)
	var re *schedule.RowError
	require.ErrorAs(t, errs[0], &re)
	assert.Equal(t, 4, re.Line)
	assert.Equal(t, "line 4: line: invalid syntax: want a whole number", re.Error())

	t.Run("missing and unknown columns", func(t *testing.T) {
		_, err := schedule.NewClaimReader(strings.NewReader("patient,line,date,clinician\n"), schedule.CSVOptions{})
		var re *schedule.RowError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, map[string]string{"header[3]": "unknown field",
			"header": "missing: column claim\nheader: missing: column code or revenue"}, joinedFieldErrors(t, re.Err))
		_, err = schedule.NewClaimReader(strings.NewReader("patient\n"), schedule.CSVOptions{Columns: map[string]string{"x": "nope"}})
		require.ErrorIs(t, err, iop.ErrUnknown)
	})
}

// joinedFieldErrors is fieldErrors with the reasons of a field given twice
// joined by a newline and the field.
func joinedFieldErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	out := map[string]string{}
	for _, fe := range es {
		if prev, ok := out[fe.Field]; ok {
			out[fe.Field] = prev + "\n" + fe.Field + ": " + fe.Err.Error()
			continue
		}
		out[fe.Field] = fe.Err.Error()
	}
	return out
}

func TestCSVLosesNothing(t *testing.T) {
	t.Run("a byte order mark before the header", func(t *testing.T) {
		ss, errs := readAll(t, "\uFEFFpatient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,60,group,attended\n")
		assert.Empty(t, errs)
		assert.Len(t, ss, 1)
	})
	t.Run("an unterminated quote costs its own row only", func(t *testing.T) {
		in := "patient,date,start,minutes,kind,attendance\n" +
			"p-1,2025-03-03,09:00,60,group,attended\n" +
			"p-1,\"2025-03-04,09:00,60,group,attended\n" +
			"p-1,2025-03-05,09:00,60,group,attended\n" +
			"p-1,2025-03-06,09:00,60,group,attended\n" +
			"p-1,2025-03-07,09:00,60,group,attended\n"
		ss, errs := readAll(t, in)
		assert.Len(t, ss, 4, "the rows after it are read")
		require.Len(t, errs, 1)
		assert.Equal(t, 3, errs[0].Line)
		assert.Equal(t, 0, errs[0].EndLine, "one line")
		require.ErrorIs(t, errs[0], csv.ErrQuote)
		assert.Equal(t, "line 3: invalid syntax: malformed CSV row: extraneous or missing \" in quoted-field: a quoted cell is not closed on its line (no cell may hold a line end)", errs[0].Error())
	})
	t.Run("a directory is an I/O error", func(t *testing.T) {
		f, err := openDir(t)
		require.NoError(t, err)
		_, err = schedule.NewSessionReader(f, schedule.CSVOptions{})
		var ioe *schedule.IOError
		require.ErrorAs(t, err, &ioe)
		require.NotErrorIs(t, err, iop.ErrSyntax)
	})
}

// repeatReader yields its line forever.
type repeatReader struct {
	line []byte
	at   int
}

func (r *repeatReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], r.line[r.at:])
		n += c
		r.at = (r.at + c) % len(r.line)
	}
	return n, nil
}

func TestInputLimits(t *testing.T) {
	row := "p-1,c-1,1,2025-03-03,0915,G0410,2\n"
	header := "patient,claim,line,date,revenue,code,units\n"
	t.Run("100 MB from a reader that knows its size: refused before reading", func(t *testing.T) {
		big := bytes.Repeat([]byte(row), 100<<20/len(row)+1)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := schedule.NewClaimReader(bytes.NewReader(big), schedule.CSVOptions{MaxBytes: schedule.DefaultMaxBytes})
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		require.ErrorIs(t, err, iop.ErrTooLarge)
		assert.Less(t, elapsed, 100*time.Millisecond)
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "refused with little memory")
		_, err = schedule.ParseSessions(big)
		require.ErrorIs(t, err, iop.ErrTooLarge)
		t.Logf("100 MB refused in %v with %d bytes allocated", elapsed, after.TotalAlloc-before.TotalAlloc)
	})
	t.Run("a stream: refused when reading crosses the limit", func(t *testing.T) {
		in := io.MultiReader(strings.NewReader(header), &repeatReader{line: []byte(row)})
		cr, err := schedule.NewClaimReader(in, schedule.CSVOptions{MaxBytes: 1 << 20})
		require.NoError(t, err)
		rows := 0
		var last error
		for _, err := range cr.All() {
			if err != nil {
				last = err
				break
			}
			rows++
		}
		require.ErrorIs(t, last, iop.ErrTooLarge)
		assert.InDelta(t, 1<<20/len(row), rows, 2000)
	})
	t.Run("the limit can be raised", func(t *testing.T) {
		big := header + strings.Repeat(row, 1000)
		_, err := schedule.NewClaimReader(strings.NewReader(big), schedule.CSVOptions{MaxBytes: 1000})
		require.ErrorIs(t, err, iop.ErrTooLarge)
		cr, err := schedule.NewClaimReader(strings.NewReader(big), schedule.CSVOptions{MaxBytes: -1})
		require.NoError(t, err)
		n := 0
		for _, err := range cr.All() {
			require.NoError(t, err)
			n++
		}
		assert.Equal(t, 1000, n)
		_, err = schedule.ParseSessionsWith([]byte(`[]`), schedule.ParseOptions{MaxBytes: 1})
		require.ErrorIs(t, err, iop.ErrTooLarge)
	})
}

func TestWithSpanAgreesWithValidate(t *testing.T) {
	// Zones whose clocks change at midnight: whatever span WithSpan accepts
	// on such a day, Validate accepts the session.
	for _, name := range []string{"America/Havana", "America/Santiago", "Asia/Beirut"} {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Logf("no zone %s: %v", name, err)
			continue
		}
		changes := 0
		for d := time.Date(2024, 1, 1, 0, 0, 0, 0, loc); d.Year() == 2024; d = d.AddDate(0, 0, 1) {
			next := d.AddDate(0, 0, 1)
			if next.Sub(d) == 24*time.Hour {
				continue
			}
			changes++
			for _, span := range [][2]time.Time{{d, next}, {d.Add(30 * time.Minute), next.Add(-time.Minute)}, {d, d.Add(2 * time.Hour)}} {
				s, err := at(mon, 60).WithSpan(span[0], span[1], loc)
				if err != nil {
					require.ErrorIs(t, err, iop.ErrOutOfRange)
					continue
				}
				require.NoError(t, s.Validate(), "%s %v: WithSpan accepted what Validate refuses", name, span)
			}
		}
		assert.Positive(t, changes, "%s changes clocks in 2024", name)
	}
}

func TestNoCellValueInMessages(t *testing.T) {
	// A marker in every column of both readers never reaches a message.
	const marker = "ZZMARKERZZ"
	sessionCols := []string{"patient", "id", "date", "start", "minutes", "kind", "attendance", "attended", "code", "delivery"}
	claimCols := []string{"patient", "claim", "line", "date", "revenue", "code", "modifier1", "units", "place_of_service", "minutes", "bill_type", "condition1"}
	for _, cols := range [][]string{sessionCols, claimCols} {
		for i := range cols {
			row := make([]string, len(cols))
			for j := range row {
				row[j] = "1"
			}
			row[i] = marker + "\x00" // a bad value in column i
			in := strings.Join(cols, ",") + "\n" + strings.Join(row, ",") + "\n"
			var err error
			if len(cols) == len(sessionCols) {
				var cr *schedule.SessionReader
				cr, err = schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{})
				require.NoError(t, err)
				_, err = cr.Read()
			} else {
				var cr *schedule.ClaimReader
				cr, err = schedule.NewClaimReader(strings.NewReader(in), schedule.CSVOptions{})
				require.NoError(t, err)
				_, err = cr.Read()
			}
			var re *schedule.RowError
			require.ErrorAs(t, err, &re, fmt.Sprint(cols[i]))
			assert.NotContains(t, err.Error(), marker)
		}
	}
	_, err := schedule.ParseSessions([]byte(`[{"patient":"` + marker + `\u0000","date":"` + marker + `"}]`))
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	assert.NotContains(t, err.Error(), marker)
}
