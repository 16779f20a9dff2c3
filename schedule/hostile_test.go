package schedule_test

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases of issue 18 ("Hostile input, round two"), one test each.

// readClaims reads every row of a claim-line CSV with IgnoreExtra, as
// billingcheck does.
func readClaims(t *testing.T, in string) (*schedule.ClaimReader, []schedule.ClaimLine, []*schedule.RowError) {
	t.Helper()
	cr, err := schedule.NewClaimReader(strings.NewReader(in), schedule.CSVOptions{IgnoreExtra: true})
	require.NoError(t, err)
	var ls []schedule.ClaimLine
	var errs []*schedule.RowError
	for l, err := range cr.All() {
		if err != nil {
			var re *schedule.RowError
			require.ErrorAs(t, err, &re)
			errs = append(errs, re)
			continue
		}
		ls = append(ls, l)
	}
	return cr, ls, errs
}

// Case 1: LF, CRLF and a lone CR each end a record; a header is never one
// giant row.
func TestLineEnds(t *testing.T) {
	claim := schedule.ClaimLine{Patient: "p-101", Claim: "c-1", Line: 1, Date: day(2025, 3, 3), Code: "G0410", Units: 2}
	second := claim
	second.Line = 2
	for _, end := range []string{"\n", "\r\n", "\r"} {
		t.Run(strings.NewReplacer("\r", "CR", "\n", "LF").Replace(end), func(t *testing.T) {
			in := "patient,claim,line,date,code,units,member_name" + end +
				"p-101,c-1,1,2025-03-03,G0410,2,Jane Doe" + end +
				"p-101,c-1,2,2025-03-03,G0410,2,Jane Doe" + end
			cr, ls, errs := readClaims(t, in)
			assert.Empty(t, errs)
			assert.Equal(t, csvLines(2, 3), inputLines(ls), "each row's line, whatever ends it")
			assert.Equal(t, []schedule.ClaimLine{claim, second}, clearInput(ls))
			assert.Equal(t, []string{"member_name"}, cr.Extra(), "the header is one row")
		})
	}
	t.Run("mixed", func(t *testing.T) {
		in := "patient,claim,line,date,code,units\rp-101,c-1,1,2025-03-03,G0410,2\r\n\rp-101,c-1,2,2025-03-03,G0410,2\n"
		_, ls, errs := readClaims(t, in)
		assert.Empty(t, errs)
		assert.Equal(t, csvLines(2, 4), inputLines(ls), "CR LF is one line end, a CR after it another")
		assert.Equal(t, []schedule.ClaimLine{claim, second}, clearInput(ls))
	})
	t.Run("a lone CR file of sessions", func(t *testing.T) {
		ss, errs := readAll(t, "patient,date,start,minutes,kind,attendance\rp-1,2025-03-03,09:00,60,group,attended\rp-1,2025-03-04,09:00,60,group,attended")
		assert.Empty(t, errs)
		assert.Equal(t, csvLines(2, 3), sessionInputs(ss))
		assert.Equal(t, []schedule.Session{at(day(2025, 3, 3), 60), at(day(2025, 3, 4), 60)}, clearSessionInput(ss))
	})
	t.Run("a stray quote in the header does not swallow the next line", func(t *testing.T) {
		in := "patient,claim,line,\"date,code,units\np-101,c-1,1,2025-03-03,G0410,2\n"
		_, err := schedule.NewClaimReader(strings.NewReader(in), schedule.CSVOptions{IgnoreExtra: true})
		var re *schedule.RowError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, 1, re.Line)
		assert.Equal(t, 0, re.EndLine, "the header is line 1 only")
		require.ErrorIs(t, err, csv.ErrQuote)
	})
}

// Case 2: a quoted cell cannot hold a line end, in any column: the row is
// refused and the next row is read.
func TestQuotedLineEnd(t *testing.T) {
	header := []string{"patient", "id", "date", "start", "minutes", "kind", "attendance", "attended", "code", "delivery"}
	good := []string{"p-1", "s-1", "2025-03-03", "09:00", "60", "group", "attended", "", "H0015", "in-person"}
	next := "p-1,s-2,2025-03-04,09:00,60,group,attended,,H0015,in-person\n"
	for i := range header {
		t.Run(header[i], func(t *testing.T) {
			row := append([]string(nil), good...)
			row[i] = "\"" + row[i] // a stray quote: the cell runs to the next line
			in := strings.Join(header, ",") + "\n" + strings.Join(row, ",") + "\n" + next
			ss, errs := readAll(t, in)
			require.Len(t, errs, 1, "the row with the stray quote is refused")
			assert.Equal(t, 2, errs[0].Line)
			assert.Equal(t, 0, errs[0].EndLine)
			require.ErrorIs(t, errs[0], iop.ErrSyntax)
			require.Len(t, ss, 1, "the next row is read")
			assert.Equal(t, "s-2", ss[0].ID)
		})
	}
	t.Run("claims", func(t *testing.T) {
		in := "patient,claim,line,date,code,units\np-1,c-1,1,2025-03-03,\"G0410,2\np-2,c-2,1,2025-03-03,G0410,2\n"
		_, ls, errs := readClaims(t, in)
		require.Len(t, errs, 1)
		assert.Equal(t, 2, errs[0].Line)
		require.Len(t, ls, 1)
		assert.Equal(t, "p-2", ls[0].Patient)
	})
	t.Run("a quoted cell over two lines, closed: one row refused, lines 2-3", func(t *testing.T) {
		in := "patient,date,start,minutes,kind,attendance,code\np-1,2025-03-03,09:00,60,group,attended,\"H00\n15\"\np-1,2025-03-04,09:00,60,group,attended,H0015\n"
		ss, errs := readAll(t, in)
		require.Len(t, errs, 1, "one row over two lines")
		assert.Equal(t, 2, errs[0].Line)
		assert.Equal(t, 3, errs[0].EndLine)
		require.ErrorIs(t, errs[0], csv.ErrQuote)
		require.Len(t, ss, 1)
		assert.Equal(t, day(2025, 3, 4), ss[0].Date)
	})
}

// Case 2: Session.Code has a syntax and a length limit.
func TestSessionCode(t *testing.T) {
	for _, tc := range []struct {
		name string
		code string
		ok   bool
	}{
		{"HCPCS", "H0015", true},
		{"CPT", "90853", true},
		{"none", "", true},
		{"control character", "H00\x0015", false},
		{"line end", "H0015\np-2", false},
		{"1 MB", strings.Repeat("H", 1<<20), false},
		{"lower case", "h0015", false},
		{"four", "H001", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := at(day(2025, 3, 3), 60)
			s.Code = tc.code
			err := s.Validate()
			if tc.ok {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, map[string]string{"code": "invalid syntax: want 5 digits and upper-case letters"}, fieldErrors(t, err))
		})
	}
	t.Run("CSV", func(t *testing.T) {
		_, errs := readAll(t, "patient,date,start,minutes,kind,attendance,code\np-1,2025-03-03,09:00,60,group,attended,H0015 p-2\n")
		require.Len(t, errs, 1)
		assert.Equal(t, map[string]string{"code": "invalid syntax: want 5 digits and upper-case letters"}, fieldErrors(t, errs[0].Err))
	})
	t.Run("JSON", func(t *testing.T) {
		_, err := schedule.ParseSessions([]byte(`[{"patient":"p-1","date":"2025-03-03","start":"09:00","minutes":"1h00m","kind":"group","attendance":"attended","code":"H\u0000"}]`))
		assert.Equal(t, map[string]string{"[0].code": "invalid syntax: want 5 digits and upper-case letters"}, fieldErrors(t, err))
	})
}

// Case 4: no header cell is printed; a header-less export is refused.
func TestHeaderCellsNotPrinted(t *testing.T) {
	t.Run("unknown column named by its position", func(t *testing.T) {
		_, err := schedule.NewClaimReader(strings.NewReader("patient,claim,line,date,code,Jane Doe\n"), schedule.CSVOptions{})
		var re *schedule.RowError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, "line 1: header[5]: unknown field", err.Error())
	})
	t.Run("Extra gives names and positions", func(t *testing.T) {
		in := "patient,claim,line,date,code,member_name,Jane Doe,\x1b]0;x\np-1,c-1,1,2025-03-03,G0410,x,y,z\n"
		cr, ls, errs := readClaims(t, in)
		assert.Empty(t, errs)
		assert.Len(t, ls, 1)
		assert.Equal(t, []string{"member_name", "header[6]", "header[7]"}, cr.Extra())
	})
	t.Run("a header-less export is refused", func(t *testing.T) {
		_, err := schedule.NewClaimReader(strings.NewReader("p-101,c-1,1,2025-03-03,G0410,2,Jane Doe\np-101,c-1,2,2025-03-03,G0410,2,Jane Doe\n"), schedule.CSVOptions{IgnoreExtra: true})
		var re *schedule.RowError
		require.ErrorAs(t, err, &re)
		require.ErrorIs(t, err, schedule.ErrNoHeader)
		assert.Equal(t, "line 1: header: invalid syntax: the first row is data, not column names: a header row is required", err.Error())
	})
}

// Case 6: a bad claim line or units cell is not "whole minutes".
func TestClaimNumberMessages(t *testing.T) {
	_, _, errs := readClaims(t, "patient,claim,line,date,code,units\np-1,c-1,x,2025-03-03,G0410,y\n")
	require.Len(t, errs, 1)
	assert.Equal(t, map[string]string{"line": "invalid syntax: want a whole number", "units": "invalid syntax: want a whole number"}, fieldErrors(t, errs[0].Err))
}

// Case 3: the errors a CSV reader reports are capped; the rest are counted.
func TestCSVErrorCap(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" + strings.Repeat(",,,,,\n", 250) + "p-1,2025-03-03,09:00,60,group,attended\n"
	for _, tc := range []struct {
		max      int
		reported int
	}{{0, 100}, {10, 10}, {1000, 250}, {-1, 250}} {
		cr, err := schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{MaxErrors: tc.max})
		require.NoError(t, err)
		rows, reported := 0, 0
		var more *schedule.MoreErrors
		for {
			_, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			var re *schedule.RowError
			switch {
			case err == nil:
				rows++
			case errors.As(err, &re):
				reported++
			default:
				require.ErrorAs(t, err, &more)
			}
		}
		assert.Equal(t, 1, rows, "the good row after the bad ones is read")
		assert.Equal(t, tc.reported, reported, "MaxErrors %d", tc.max)
		if tc.reported < 250 {
			require.NotNil(t, more)
			assert.Equal(t, schedule.MoreErrors{Reported: tc.reported, Unreported: 250 - tc.reported}, *more)
			require.ErrorIs(t, more, iop.ErrTooLarge)
		} else {
			assert.Nil(t, more)
		}
	}
}

// Case 3: header errors are capped too.
func TestHeaderErrorCap(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance" + strings.Repeat(",x", 500) + "\n"
	_, err := schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{})
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 101)
	var more *schedule.MoreErrors
	require.ErrorAs(t, es[100], &more)
	assert.Equal(t, schedule.MoreErrors{Reported: 100, Unreported: 400}, *more)
}

// Case 3: ParseSessions and ParseClaimLines keep at most MaxErrors errors,
// then a count of the rest.
func TestJSONErrorCap(t *testing.T) {
	data := []byte("[" + strings.Repeat("{},", 999) + "{}]")
	for _, tc := range []struct {
		name string
		run  func(schedule.ParseOptions) error
	}{
		{"sessions", func(o schedule.ParseOptions) error { _, err := schedule.ParseSessionsWith(data, o); return err }},
		{"claim lines", func(o schedule.ParseOptions) error { _, err := schedule.ParseClaimLinesWith(data, o); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var es iop.FieldErrors
			require.ErrorAs(t, tc.run(schedule.ParseOptions{}), &es)
			require.Len(t, es, 101)
			var more *schedule.MoreErrors
			require.ErrorAs(t, es[100], &more)
			assert.Equal(t, 100, more.Reported)
			assert.Positive(t, more.Unreported)
			require.ErrorAs(t, tc.run(schedule.ParseOptions{MaxErrors: 5}), &es)
			require.Len(t, es, 6)
		})
	}
	_, err := schedule.ParseSessions(data)
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	assert.Len(t, es, 101, "ParseSessions keeps 100 errors")

	// A document cut short past the cap: the count still comes last.
	_, err = schedule.ParseSessions(data[:len(data)-1])
	require.ErrorAs(t, err, &es)
	require.Len(t, es, 101)
	var more *schedule.MoreErrors
	require.ErrorAs(t, es[100], &more)
	assert.Equal(t, schedule.MoreErrors{Reported: 100, Unreported: 3, Unchecked: 982}, *more)
}

// Issue 25: a streaming reader has no total size cap by default; an option
// sets one.
func TestNoTotalCapByDefault(t *testing.T) {
	row := "p-1,c-1,1,2025-03-03,0915,G0410,2\n"
	in := io.MultiReader(strings.NewReader("patient,claim,line,date,revenue,code,units\n"), io.LimitReader(&repeatReader{line: []byte(row)}, int64(70<<20/len(row)*len(row))))
	cr, err := schedule.NewClaimReader(in, schedule.CSVOptions{})
	require.NoError(t, err)
	n := 0
	for _, err := range cr.All() {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 70<<20/len(row), n, "70 MiB read through, above the old default of 64 MiB")
}

// Case 6: a session ID seen in two weeks of one patient is a duplicate on
// the later week, in the single-week path and the batch path.
func TestDuplicateAcrossWeeks(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	first := at(day(2025, 3, 7), 60) // Friday of 2025-W10
	first.ID = "s-1"
	again := at(day(2025, 3, 10), 90) // Monday of 2025-W11: the same ID
	again.ID = "s-1"
	other := again
	other.Patient = "p-2" // another patient's session of that ID is no repeat
	sessions := []schedule.Session{first, again, other}

	w10 := summarize(t, ck, day(2025, 3, 7), sessions...)
	w11 := summarize(t, ck, day(2025, 3, 10), first, again)
	assert.Equal(t, iop.Minutes(60), w10.Minutes)
	assert.Equal(t, schedule.Repeats{}, w10.Duplicates, "the earlier week keeps it")
	assert.Equal(t, iop.Minutes(0), w11.Minutes)
	assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 90, First: "s-1"}, w11.Duplicates, "the later week has the repeat")
	fs := check(t, ck, day(2025, 3, 10), adult(), first, again)
	assert.True(t, fs.Has(schedule.CodeSessionDuplicate))

	for _, order := range [][]schedule.Session{sessions, {other, again, first}} {
		sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
		require.NoError(t, err)
		sums, _ := sz.Summarize(nil, order)
		require.Len(t, sums, 3)
		assert.Equal(t, w10, sums[0])
		assert.Equal(t, w11, sums[1])
		assert.Equal(t, schedule.Repeats{}, sums[2].Duplicates, "p-2")
	}
}
