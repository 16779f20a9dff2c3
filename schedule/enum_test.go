package schedule_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAttendance(t *testing.T) {
	all := iop.All[schedule.Attendance]()
	assert.Equal(t, []schedule.Attendance{schedule.AttendanceAttended, schedule.AttendanceAbsent, schedule.AttendanceExcused, schedule.AttendancePartial}, all)
	enumRoundTrip(t, all, iop.Parse[schedule.Attendance], (*schedule.Attendance).UnmarshalText)
	assert.Equal(t, "%!Attendance(5)", schedule.Attendance(5).String())
	assert.False(t, schedule.Attendance(5).IsValid())
	_, err := iop.Parse[schedule.Attendance]("present")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "schedule.Attendance.UnmarshalText: unknown value", err.Error())
	_, err = schedule.Attendance(9).MarshalText()
	require.ErrorIs(t, err, iop.ErrUnknown)
	a := schedule.AttendancePartial
	require.ErrorIs(t, a.UnmarshalText([]byte("")), iop.ErrUnknown)
	assert.Equal(t, schedule.AttendancePartial, a, "a failed UnmarshalText leaves the value")
}

func TestWeekKind(t *testing.T) {
	all := iop.All[schedule.WeekKind]()
	assert.Equal(t, []schedule.WeekKind{schedule.WeekKindISO, schedule.WeekKindCalendar, schedule.WeekKindProgram}, all)
	enumRoundTrip(t, all, iop.Parse[schedule.WeekKind], (*schedule.WeekKind).UnmarshalText)
	assert.Equal(t, "%!WeekKind(7)", schedule.WeekKind(7).String())
	_, err := iop.Parse[schedule.WeekKind]("ISO")
	require.ErrorIs(t, err, iop.ErrUnknown)
}

func TestClock(t *testing.T) {
	tests := []struct {
		in    string
		h, m  int
		valid bool
	}{
		{"00:00", 0, 0, true}, {"09:05", 9, 5, true}, {"23:59", 23, 59, true},
		{"24:00", 0, 0, false}, {"12:60", 0, 0, false}, {"9:00", 0, 0, false}, {"09:00:00", 0, 0, false},
		{"", 0, 0, false}, {"0a:00", 0, 0, false}, {"-1:00", 0, 0, false}, {"09.00", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			c, err := schedule.ParseClock(tt.in)
			if !tt.valid {
				require.ErrorIs(t, err, iop.ErrSyntax)
				assert.Equal(t, "schedule.ParseClock: invalid syntax: want HH:MM from 00:00 to 23:59", err.Error())
				assert.Equal(t, schedule.Clock{}, c)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, c.String())
			assert.Equal(t, tt.h, c.Hour())
			assert.Equal(t, tt.m, c.Minute())
			assert.Equal(t, iop.Minutes(tt.h*60+tt.m), c.Minutes())
			want, err := schedule.ClockOf(tt.h, tt.m)
			require.NoError(t, err)
			assert.Equal(t, want, c)
		})
	}
	var zero schedule.Clock
	assert.True(t, zero.IsZero())
	assert.False(t, zero.IsValid())
	assert.Equal(t, "%!Clock(unset)", zero.String())
	assert.Equal(t, iop.Minutes(0), zero.Minutes())
	_, err := zero.MarshalText()
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.ClockOf(24, 0)
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	assert.NotEqual(t, zero, schedule.MustParseClock("00:00"), "midnight is set")
	assert.Panics(t, func() { schedule.MustParseClock("7am") })
	c := schedule.MustParseClock("07:30")
	require.ErrorIs(t, c.UnmarshalText([]byte("7:30")), iop.ErrSyntax)
	assert.Equal(t, schedule.MustParseClock("07:30"), c)
}

func TestWeekdays(t *testing.T) {
	mwf := schedule.WeekdaysOf(time.Friday, time.Monday, time.Wednesday, 9)
	assert.Equal(t, "mon,wed,fri", mwf.String())
	assert.True(t, mwf.Has(time.Monday))
	assert.False(t, mwf.Has(time.Sunday))
	assert.False(t, mwf.Has(-1))
	all := schedule.WeekdaysOf(time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday)
	assert.Equal(t, "mon,tue,wed,thu,fri,sat,sun", all.String())
	for _, in := range []string{"mon,wed,fri", "sun", "", "mon,tue,wed,thu,fri,sat,sun"} {
		got, err := iop.Parse[schedule.Weekdays](in)
		require.NoError(t, err, in)
		assert.Equal(t, in, got.String())
	}
	got, err := iop.Parse[schedule.Weekdays]("fri,mon")
	require.NoError(t, err, "any order")
	assert.Equal(t, schedule.WeekdaysOf(time.Monday, time.Friday), got)
	for bad, want := range map[string]error{"mon,mon": iop.ErrDuplicate, "Mon": iop.ErrUnknown, "mon,": iop.ErrUnknown, "monday": iop.ErrUnknown, "mon wed": iop.ErrUnknown} {
		_, err := iop.Parse[schedule.Weekdays](bad)
		require.ErrorIs(t, err, want, bad)
	}
	assert.False(t, schedule.Weekdays(1).IsValid(), "bit 0 is no day")
	_, err = schedule.Weekdays(1).MarshalText()
	require.ErrorIs(t, err, iop.ErrUnknown)
	var d schedule.Weekdays
	require.NoError(t, d.UnmarshalText([]byte("sat,sun")))
	assert.Equal(t, schedule.WeekdaysOf(time.Saturday, time.Sunday), d)
	b, err := json.Marshal(mwf)
	require.NoError(t, err)
	assert.JSONEq(t, `["mon","wed","fri"]`, string(b))
	var back schedule.Weekdays
	require.NoError(t, back.UnmarshalJSON(b))
	assert.Equal(t, mwf, back)
}

// FuzzParse checks that the text parsers never panic, accept exactly what
// String writes, and refuse with a message that does not depend on the
// input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"09:00", "23:59", "24:00", "mon,wed,fri", "sun", "partial", "2025-W10", "2020-W53",
		"2025-W53", "2024-12-29/P1W", "2024-12-18/W2", "2024-12-18/W-1", "2024-02-30/W1", ""} {
		f.Add(s)
	}
	clockErr := "schedule.ParseClock: invalid syntax: want HH:MM from 00:00 to 23:59"
	weekErrs := map[string]bool{
		"schedule.ParseWeek: invalid syntax: want YYYY-Www, YYYY-MM-DD/P1W or YYYY-MM-DD/Wn": true,
		"schedule.ParseWeek: out of range: no such week":                                     true,
		"schedule.ParseWeek: invalid date":                                                   true,
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := schedule.ParseClock(s)
		if err == nil {
			require.Equal(t, s, c.String())
		} else {
			require.Equal(t, clockErr, err.Error())
		}
		if d, err := iop.Parse[schedule.Weekdays](s); err == nil {
			require.Equal(t, d, must(iop.Parse[schedule.Weekdays](d.String())))
		}
		if a, err := iop.Parse[schedule.Attendance](s); err == nil {
			require.Equal(t, s, a.String())
		} else {
			require.Equal(t, "schedule.Attendance.UnmarshalText: unknown value", err.Error())
		}
		w, err := schedule.ParseWeek(s)
		if err != nil {
			require.True(t, weekErrs[err.Error()], "message %q", err.Error())
			return
		}
		require.Equal(t, s, w.String())
		b, err := w.MarshalText()
		require.NoError(t, err)
		require.Equal(t, s, string(b))
		require.True(t, w.Contains(w.Start()))
	})
}
