package schedule_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads every row, returning the sessions and the row errors.
func readAll(t *testing.T, in string) ([]schedule.Session, []*schedule.RowError) {
	t.Helper()
	cr, err := schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{})
	require.NoError(t, err)
	var ss []schedule.Session
	var errs []*schedule.RowError
	for s, err := range cr.All() {
		if err != nil {
			var re *schedule.RowError
			require.ErrorAs(t, err, &re)
			errs = append(errs, re)
			continue
		}
		ss = append(ss, s)
	}
	return ss, errs
}

func TestSessionReader(t *testing.T) {
	in := `patient,id,date,start,minutes,kind,attendance,attended,code
p-1,s-1,2025-03-03,09:00,180,group,attended,,H0015
p-1,s-2,2025-02-30,9:00,x,Group,present,,
p-1,s-3,2025-03-04,09:00,180,group,partial,200,
"p-1","s-4","2025-03-05","09:00","180","group","partial","150",""
p-1,"s-""5",2025-03-06,22:00,180,group,attended,,
p-1,s-6,2025-03-07,09:00,+60,group,attended,,
p-1,s-7,2024-02-29,09:00,060,group,attended,,
p-1,s-8,2025-03-08,09:00,60,group,attended
p-1,s-9,2025-03-08,09:00,60,other,excused,,
p-1,s-"10,2025-03-08,09:00,60,group,attended,,
p-1,s-11,2025-03-09,09:00,60,group,attended,,
`
	ss, errs := readAll(t, in)
	want := []schedule.Session{
		{Patient: "p-1", ID: "s-1", Date: day(2025, 3, 3), Start: schedule.MustParseClock("09:00"), Planned: 180, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Code: "H0015"},
		{Patient: "p-1", ID: "s-4", Date: day(2025, 3, 5), Start: schedule.MustParseClock("09:00"), Planned: 180, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendancePartial, Attended: 150},
		{Patient: "p-1", ID: "s-9", Date: day(2025, 3, 8), Start: schedule.MustParseClock("09:00"), Planned: 60, Kind: iop.ServiceKindOther, Attendance: schedule.AttendanceExcused},
		{Patient: "p-1", ID: "s-11", Date: day(2025, 3, 9), Start: schedule.MustParseClock("09:00"), Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended},
	}
	assert.Equal(t, csvLines(2, 5, 10, 12), sessionInputs(ss), "the line each row starts on")
	assert.Equal(t, want, clearSessionInput(ss), "good rows are read around the bad ones")
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Line)
	}
	assert.Equal(t, []int{3, 4, 6, 7, 8, 9, 11}, lines)
	require.Len(t, errs, 7)
	const number = "invalid syntax: want whole minutes"
	assert.Equal(t, map[string]string{
		"date": "invalid date", "start": "invalid syntax: want HH:MM from 00:00 to 23:59", "minutes": number,
		"kind": "unknown value", "attendance": "unknown value",
	}, fieldErrors(t, errs[0].Err), "every problem of a row, none repeated by validation")
	assert.Equal(t, "line 3: date: invalid date\nstart: invalid syntax: want HH:MM from 00:00 to 23:59\n"+
		"minutes: invalid syntax: want whole minutes\nkind: unknown value\nattendance: unknown value", errs[0].Error(), "no cell value in a message")
	assert.Equal(t, map[string]string{"attended": attendedAbove}, fieldErrors(t, errs[1].Err))
	assert.Equal(t, map[string]string{"minutes": crosses}, fieldErrors(t, errs[2].Err))
	assert.Equal(t, map[string]string{"minutes": number}, fieldErrors(t, errs[3].Err), "+60 is not canonical")
	assert.Equal(t, map[string]string{"minutes": number}, fieldErrors(t, errs[4].Err), "nor is 060")
	require.ErrorIs(t, errs[5], iop.ErrSyntax, "a row with too few fields")
	require.ErrorIs(t, errs[5], csv.ErrFieldCount)
	assert.Equal(t, "line 9: invalid syntax: malformed CSV row: wrong number of fields", errs[5].Error())
	require.ErrorIs(t, errs[6], csv.ErrBareQuote)
}

func TestSessionReaderColumns(t *testing.T) {
	ss, errs := readAll(t, "kind,attendance,minutes,start,date,patient\ngroup,attended,60,10:00,2025-03-03,p-9\n")
	assert.Empty(t, errs)
	assert.Equal(t, []schedule.Session{{Patient: "p-9", Date: mon, Start: schedule.MustParseClock("10:00"), Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Input: iop.InputLine(2)}}, ss,
		"columns in any order, the optional ones left out")

	tests := []struct {
		name   string
		header string
		want   map[string]string
	}{
		{"an unknown column, by its position only: no header cell is printed", "patient,id,date,start,minutes,kind,attendance,clinician",
			map[string]string{"header[7]": "unknown field"}},
		{"a header that is not plain names (a data row?) is named by position only", "patient,id,date,start,minutes,kind,attendance,p-001",
			map[string]string{"header[7]": "unknown field"}},
		{"a column twice, another missing", "patient,date,date,start,minutes,kind", map[string]string{"header[2]": "duplicate: column date", "header": "missing: column attendance"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := schedule.NewSessionReader(strings.NewReader(tt.header+"\n"), schedule.CSVOptions{})
			var re *schedule.RowError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, 1, re.Line)
			assert.Equal(t, tt.want, fieldErrors(t, re.Err))
		})
	}
	_, err := schedule.NewSessionReader(strings.NewReader(""), schedule.CSVOptions{})
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.NewSessionReader(strings.NewReader("patient,\"date\n"), schedule.CSVOptions{})
	require.ErrorIs(t, err, csv.ErrQuote)
	_, err = schedule.NewSessionReader(iotest.ErrReader(io.ErrUnexpectedEOF), schedule.CSVOptions{})
	var ioe *schedule.IOError
	require.ErrorAs(t, err, &ioe, "an I/O error is an I/O error, not a malformed row")
	require.ErrorIs(t, err, io.ErrUnexpectedEOF)
	require.NotErrorIs(t, err, iop.ErrSyntax)

	// An error of the underlying reader ends the iteration.
	cr, err := schedule.NewSessionReader(io.MultiReader(strings.NewReader("patient,date,start,minutes,kind,attendance\n"), iotest.ErrReader(io.ErrUnexpectedEOF)), schedule.CSVOptions{})
	require.NoError(t, err)
	var got []error
	for _, err := range cr.All() {
		got = append(got, err)
	}
	require.Len(t, got, 1)
	require.ErrorIs(t, got[0], io.ErrUnexpectedEOF)
	require.ErrorAs(t, got[0], &ioe)
}

func TestWriteCSV(t *testing.T) {
	s := at(day(2024, 2, 29), 90)
	s.ID, s.Code, s.Attendance, s.Attended = "s,1", "90853", schedule.AttendancePartial, 45
	var b bytes.Buffer
	require.NoError(t, schedule.WriteCSV(&b, slices.Values([]schedule.Session{s, at(mon, 60)})))
	assert.Equal(t, "patient,id,date,start,minutes,kind,attendance,attended,code,delivery\n"+
		"p-1,\"s,1\",2024-02-29,09:00,90,group,partial,45,90853,\n"+
		"p-1,,2025-03-03,09:00,60,group,attended,,,\n", b.String())
	ss, errs := readAll(t, b.String())
	assert.Empty(t, errs)
	assert.Equal(t, csvLines(2, 3), sessionInputs(ss))
	assert.Equal(t, []schedule.Session{s, at(mon, 60)}, clearSessionInput(ss))

	bad := at(mon, 0)
	require.ErrorIs(t, schedule.WriteCSV(io.Discard, slices.Values([]schedule.Session{bad})), iop.ErrOutOfRange)
}

// FuzzSessionReader reads arbitrary input as CSV sessions: it never panics,
// reports bad rows with a line number within the input and a message in the
// package's own words only (never a cell value), and the sessions it reads
// write back to CSV that reads as the same sessions.
func FuzzSessionReader(f *testing.F) {
	f.Add("patient,id,date,start,minutes,kind,attendance,attended,code\np-1,s-1,2025-03-03,09:00,180,group,attended,,H0015\n")
	f.Add("patient,date,start,minutes,kind,attendance\np-1,2025-02-30,24:00,-5,x,y\n\"p\"\"2\",2024-02-29,23:00,60,group,partial\n")
	f.Add("attendance,kind,minutes,start,date,patient,attended\nabsent,other,1,00:00,2000-01-01,a,0\n")
	f.Add("patient\n\"")
	f.Fuzz(func(t *testing.T, in string) {
		cr, err := schedule.NewSessionReader(strings.NewReader(in), schedule.CSVOptions{MaxErrors: -1})
		if err != nil {
			var re *schedule.RowError
			require.ErrorAs(t, err, &re)
			require.GreaterOrEqual(t, re.Line, 1)
			ownWords(t, err) // no header cell is named
			return
		}
		lines := len(refLines(in))
		covered := map[int]bool{}
		var ss []schedule.Session
		read, refused := 0, 0
		for s, err := range cr.All() {
			first, last := cr.Lines()
			require.True(t, first > headerEnd(in) && first <= last && last <= lines, "lines %d-%d of %d", first, last, lines)
			for l := first; l <= last; l++ {
				covered[l] = true
			}
			if err != nil {
				var re *schedule.RowError
				require.ErrorAs(t, err, &re)
				require.Equal(t, first, re.Line)
				if last > first {
					require.Equal(t, last, re.EndLine, "a row over several lines gives its range")
				}
				ownWords(t, err)
				refused++
				continue
			}
			require.NoError(t, s.Validate())
			require.Equal(t, iop.InputLine(first), s.Input, "a session carries the line its row starts on")
			ss = append(ss, s)
			read++
		}
		// Rows in = rows read + rows refused: every non-blank line after the
		// header is in a row read or refused, each refused row with its line.
		for i, line := range refLines(in) {
			if n := i + 1; n > headerEnd(in) && line != "" {
				require.True(t, covered[n], "line %d was lost", n)
			}
		}
		require.Len(t, ss, read)
		require.LessOrEqual(t, read+refused, lines)
		var b bytes.Buffer
		require.NoError(t, schedule.WriteCSV(&b, slices.Values(ss)))
		again, errs := readAll(t, b.String())
		require.Empty(t, errs)
		if len(ss) == 0 {
			require.Empty(t, again)
			return
		}
		require.Equal(t, clearSessionInput(ss), clearSessionInput(again))
	})
}

// vocabulary is every word the messages of a CSV row error may hold: the
// columns, the reasons, encoding/csv's reasons. A word of the input would
// not be among them.
var vocabulary = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`line header patient id date start minutes kind attendance attended code
		invalid syntax want whole HH MM from to unknown value field duplicate missing out of range must be positive
		session crosses midnight above planned are negative do not fit the malformed CSV row wrong number fields
		bare in non quoted extraneous or extra delimiter at end column lines delivery holds replacement character UTF
		not valid control format service is a longer than bytes claim number digits upper case letters modifiers units
		first row data names required cell closed closing quote on its no may hold after text too large more errors reported
		place_of_service bill_type condition_codes place service bill type condition codes day or revenue a and replaces
		the last one digit an letter`) {
		vocabulary[w] = true
	}
}

// ownWords checks that err's message holds only the package's own words
// and numbers (line numbers, column positions, times in the reasons), and
// the header names allowed.
func ownWords(t *testing.T, err error, allowed ...string) {
	t.Helper()
	ok := map[string]bool{}
	for _, a := range allowed {
		for _, w := range strings.FieldsFunc(a, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
			ok[w] = true
		}
	}
	words := strings.FieldsFunc(err.Error(), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
	})
	for _, w := range words {
		require.True(t, vocabulary[w] || ok[w], "word %q in %q is not the package's", w, err.Error())
	}
}
