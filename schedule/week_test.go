package schedule_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWeeks(t *testing.T) {
	sunday, err := schedule.CalendarWeeks(time.Sunday)
	require.NoError(t, err)
	program, err := schedule.ProgramWeeks(day(2024, 2, 27)) // a Tuesday
	require.NoError(t, err)
	tests := []struct {
		name   string
		ws     schedule.Weeks
		d      date.Date
		start  date.Date
		number int
		str    string
	}{
		{"ISO: a Wednesday", schedule.ISOWeeks(), day(2025, 3, 5), day(2025, 3, 3), 10, "2025-W10"},
		{"ISO: the Monday itself", schedule.ISOWeeks(), day(2025, 3, 3), day(2025, 3, 3), 10, "2025-W10"},
		{"ISO: the Sunday is the last day", schedule.ISOWeeks(), day(2025, 3, 9), day(2025, 3, 3), 10, "2025-W10"},
		{"ISO: 2024-12-31 is in 2025-W01", schedule.ISOWeeks(), day(2024, 12, 31), day(2024, 12, 30), 1, "2025-W01"},
		{"ISO: 2021-01-03 is in 2020-W53", schedule.ISOWeeks(), day(2021, 1, 3), day(2020, 12, 28), 53, "2020-W53"},
		{"ISO: the leap day", schedule.ISOWeeks(), day(2024, 2, 29), day(2024, 2, 26), 9, "2024-W09"},
		{"ISO: year 1", schedule.ISOWeeks(), day(1, 1, 3), day(1, 1, 1), 1, "0001-W01"},
		{"Sunday weeks across the year end", sunday, day(2025, 1, 1), day(2024, 12, 29), 0, "2024-12-29/P1W"},
		{"Sunday weeks: a Saturday", sunday, day(2025, 1, 4), day(2024, 12, 29), 0, "2024-12-29/P1W"},
		{"Sunday weeks: the Sunday after", sunday, day(2025, 1, 5), day(2025, 1, 5), 0, "2025-01-05/P1W"},
		{"program week 1 from admission", program, day(2024, 2, 27), day(2024, 2, 27), 1, "2024-02-27/W1"},
		{"program week 1 holds the leap day", program, day(2024, 2, 29), day(2024, 2, 27), 1, "2024-02-27/W1"},
		{"program week 2", program, day(2024, 3, 5), day(2024, 3, 5), 2, "2024-02-27/W2"},
		{"the day before admission is week 0", program, day(2024, 2, 26), day(2024, 2, 20), 0, "2024-02-27/W0"},
		{"two weeks before is week -1", program, day(2024, 2, 13), day(2024, 2, 13), -1, "2024-02-27/W-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := tt.ws.Of(tt.d)
			require.True(t, w.IsValid())
			assert.Equal(t, tt.start, w.Start())
			assert.Equal(t, tt.start+6, w.Last())
			assert.Equal(t, tt.start+7, w.End())
			assert.Equal(t, tt.number, w.Number())
			assert.Equal(t, tt.str, w.String())
			assert.True(t, w.Contains(tt.d))
			assert.Equal(t, int(tt.d-tt.start), w.Index(tt.d))
			assert.Equal(t, tt.d, w.Day(w.Index(tt.d)))
			assert.Equal(t, tt.ws, w.Weeks())
			assert.Equal(t, tt.ws.Kind(), w.Kind())
			assert.Equal(t, w, tt.ws.Of(w.Last()), "every day of a week is in it")
			assert.Equal(t, tt.start+7, w.Next().Start())
			assert.Equal(t, tt.start-7, w.Prev().Start())
			assert.Equal(t, w, w.Next().Prev())
			assert.Equal(t, timespan.BetweenDates(tt.start, tt.start+7), w.Range())
			back, err := schedule.ParseWeek(tt.str)
			require.NoError(t, err)
			assert.Equal(t, w, back, "ParseWeek reads String back")
			b, err := json.Marshal(w)
			require.NoError(t, err)
			assert.Equal(t, `"`+tt.str+`"`, string(b))
		})
	}
}

func TestWeeksSchemes(t *testing.T) {
	assert.Equal(t, "ISO weeks", schedule.ISOWeeks().String())
	assert.Equal(t, time.Monday, schedule.ISOWeeks().First())
	assert.Equal(t, schedule.WeekKindISO, schedule.ISOWeeks().Kind())
	thu, err := schedule.CalendarWeeks(time.Thursday)
	require.NoError(t, err)
	assert.Equal(t, "weeks from Thursday", thu.String())
	assert.Equal(t, time.Thursday, thu.First())
	assert.Equal(t, date.Zero, thu.Admitted())
	p, err := schedule.ProgramWeeks(day(2025, 3, 5))
	require.NoError(t, err)
	assert.Equal(t, "program weeks from admission", p.String(), "no date in the name")
	assert.Equal(t, time.Wednesday, p.First())
	assert.Equal(t, day(2025, 3, 5), p.Admitted())
	assert.Equal(t, "program", p.Kind().String())
	assert.Equal(t, "iso", schedule.WeekKindISO.String())
	assert.Equal(t, "%!WeekKind(7)", schedule.WeekKind(7).String())
	assert.True(t, schedule.WeekKind(2).IsValid())

	_, err = schedule.CalendarWeeks(7)
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	_, err = schedule.CalendarWeeks(-1)
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	_, err = schedule.ProgramWeeks(date.Zero)
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.ProgramWeeks(date.Max() + 1)
	require.ErrorIs(t, err, iop.ErrOutOfRange)

	var zero schedule.Weeks
	assert.True(t, zero.IsZero())
	assert.False(t, zero.IsValid())
	assert.Equal(t, "%!Weeks(unset)", zero.String())
	assert.Equal(t, schedule.Week{}, zero.Of(day(2025, 1, 1)))
	var w schedule.Week
	assert.True(t, w.IsZero())
	assert.False(t, w.IsValid())
	assert.Equal(t, "%!Week(unset)", w.String())
	assert.Equal(t, -1, schedule.ISOWeeks().Of(mon).Index(mon-1))
	y, n := schedule.ISOWeeks().Of(day(2024, 12, 30)).ISO()
	assert.Equal(t, [2]int{2025, 1}, [2]int{y, n})
}

func TestWeeksFarDates(t *testing.T) {
	// Weeks of dates far from today are still seven days and never panic.
	for _, d := range []date.Date{date.Min(), date.Max(), -1, 0, 1, -700000} {
		for _, ws := range []schedule.Weeks{schedule.ISOWeeks(), must(schedule.CalendarWeeks(time.Saturday)), must(schedule.ProgramWeeks(day(2025, 3, 5)))} {
			w := ws.Of(d)
			assert.True(t, w.Contains(d), "%s holds %d", ws, d)
			assert.Equal(t, w.Start()+7, w.End())
			assert.Equal(t, ws.First(), weekdayOf(w.Start()), "weeks of %s start on %s", ws, ws.First())
		}
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestParseWeek(t *testing.T) {
	tests := []struct {
		in  string
		err error
	}{
		{"2025-W00", iop.ErrOutOfRange},
		{"2025-W53", iop.ErrOutOfRange}, // 2025 has 52 ISO weeks
		{"2025-W54", iop.ErrOutOfRange},
		{"0000-W01", iop.ErrOutOfRange},
		{"2025-w10", iop.ErrSyntax},
		{"2025-W1", iop.ErrSyntax},
		{"25-W10", iop.ErrSyntax},
		{"2025-02-30/P1W", iop.ErrInvalidDate},
		{"2025-03-02/P7D", iop.ErrSyntax},
		{"2025-03-02/W", iop.ErrSyntax},
		{"2025-03-02/W01", iop.ErrSyntax},
		{"2025-03-02/W+1", iop.ErrSyntax},
		{"2025-03-02/W-0", iop.ErrSyntax},
		{"2025-03-02/W9999999", iop.ErrOutOfRange},
		{"2025-03-02", iop.ErrSyntax},
		{"week of 2025-03-02", iop.ErrSyntax},
		{"", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			w, err := schedule.ParseWeek(tt.in)
			require.ErrorIs(t, err, tt.err)
			var pe *iop.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "schedule.ParseWeek", pe.Func)
			assert.Equal(t, schedule.Week{}, w)
		})
	}
	assert.Equal(t, schedule.ISOWeeks().Of(day(2025, 3, 5)), schedule.MustParseWeek("2025-W10"))
	assert.Panics(t, func() { schedule.MustParseWeek("2025-W99") })
	var w schedule.Week
	require.NoError(t, w.UnmarshalText([]byte("2024-12-18/W2")))
	assert.Equal(t, day(2024, 12, 25), w.Start())
	require.ErrorIs(t, w.UnmarshalText([]byte("x")), iop.ErrSyntax)
	assert.Equal(t, day(2024, 12, 25), w.Start(), "a failed UnmarshalText leaves the value")
	_, err := schedule.Week{}.MarshalText()
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.ISOWeeks().Of(date.Max()).MarshalText()
	require.ErrorIs(t, err, iop.ErrOutOfRange)
}

// weekdayOf is the weekday of d by date's own arithmetic.
func weekdayOf(d date.Date) time.Weekday { return d.Weekday() }
