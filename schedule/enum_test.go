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

func TestKind(t *testing.T) {
	enumRoundTrip(t, schedule.Kinds(), schedule.ParseKind, (*schedule.Kind).UnmarshalText)
	assert.Len(t, schedule.Kinds(), 12)
	assert.Equal(t, "case-management", schedule.CaseManagement.String())
	assert.Equal(t, "%!Kind(0)", schedule.Kind(0).String())
	assert.Equal(t, "%!Kind(200)", schedule.Kind(200).String())
	assert.True(t, schedule.Kind(0).IsZero())
	assert.False(t, schedule.Kind(13).IsValid())
	_, err := schedule.ParseKind("Group")
	require.ErrorIs(t, err, schedule.ErrUnknownKind)
	var pe *iop.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, `schedule.ParseKind("Group"): unknown session kind`, err.Error())
	_, err = schedule.Kind(0).MarshalText()
	require.ErrorIs(t, err, schedule.ErrUnknownKind)
	k := schedule.GroupTherapy
	require.ErrorIs(t, k.UnmarshalText([]byte("")), schedule.ErrUnknownKind)
	assert.Equal(t, schedule.GroupTherapy, k, "a failed UnmarshalText leaves the value")
}

func TestKindSet(t *testing.T) {
	s := schedule.KindsOf(schedule.Recreation, schedule.GroupTherapy, 0, 99)
	assert.Equal(t, []schedule.Kind{schedule.GroupTherapy, schedule.Recreation}, s.Kinds())
	assert.Equal(t, "group,recreation", s.String())
	assert.True(t, s.Has(schedule.GroupTherapy))
	assert.False(t, s.Has(schedule.PeerSupport))
	assert.False(t, s.Has(200))
	assert.True(t, s.IsValid())
	assert.False(t, (s | 1<<20).IsValid())
	assert.False(t, (s | 1).IsValid(), "bit 0 is the unset kind")
	assert.Empty(t, schedule.KindSet(0).String())
}

func TestAttendance(t *testing.T) {
	enumRoundTrip(t, []schedule.Attendance{schedule.Attended, schedule.Absent, schedule.Excused, schedule.Partial},
		schedule.ParseAttendance, (*schedule.Attendance).UnmarshalText)
	assert.Equal(t, "%!Attendance(5)", schedule.Attendance(5).String())
	assert.True(t, schedule.Attendance(0).IsZero())
	_, err := schedule.ParseAttendance("present")
	require.ErrorIs(t, err, schedule.ErrUnknownAttendance)
	_, err = schedule.Attendance(9).MarshalText()
	require.ErrorIs(t, err, schedule.ErrUnknownAttendance)
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
				require.ErrorIs(t, err, schedule.ErrInvalidClock)
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
	require.ErrorIs(t, err, schedule.ErrInvalidClock)
	_, err = schedule.ClockOf(24, 0)
	require.ErrorIs(t, err, schedule.ErrInvalidClock)
	assert.NotEqual(t, zero, schedule.MustParseClock("00:00"), "midnight is set")
	assert.Panics(t, func() { schedule.MustParseClock("7am") })
	c := schedule.MustParseClock("07:30")
	require.ErrorIs(t, c.UnmarshalText([]byte("7:30")), schedule.ErrInvalidClock)
	assert.Equal(t, schedule.MustParseClock("07:30"), c)
}

func TestDaySet(t *testing.T) {
	mwf := schedule.DaysOf(time.Friday, time.Monday, time.Wednesday, 9)
	assert.Equal(t, "mon,wed,fri", mwf.String())
	assert.Equal(t, 3, mwf.Len())
	assert.True(t, mwf.Has(time.Monday))
	assert.False(t, mwf.Has(time.Sunday))
	assert.False(t, mwf.Has(-1))
	all := schedule.DaysOf(time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday)
	assert.Equal(t, "mon,tue,wed,thu,fri,sat,sun", all.String())
	for _, in := range []string{"mon,wed,fri", "sun", "", "mon,tue,wed,thu,fri,sat,sun"} {
		got, err := schedule.ParseDays(in)
		require.NoError(t, err, in)
		assert.Equal(t, in, got.String())
	}
	for _, bad := range []string{"wed,mon", "mon,mon", "Mon", "mon,", ",mon", "monday", "mon wed"} {
		_, err := schedule.ParseDays(bad)
		require.ErrorIs(t, err, schedule.ErrInvalidDays, bad)
	}
	assert.False(t, schedule.DaySet(0x80).IsValid())
	assert.Equal(t, ",%!DaySet(invalid)", schedule.DaySet(0x80).String())
	_, err := schedule.DaySet(0x81).MarshalText()
	require.ErrorIs(t, err, schedule.ErrInvalidDays)
	var d schedule.DaySet
	require.NoError(t, d.UnmarshalText([]byte("sat,sun")))
	assert.Equal(t, schedule.DaysOf(time.Saturday, time.Sunday), d)
	require.ErrorIs(t, d.UnmarshalText([]byte("sun,sat")), schedule.ErrInvalidDays)
	assert.True(t, schedule.DaySet(0).IsZero())
}

// FuzzParse checks that the text parsers never panic and accept exactly
// what String writes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"09:00", "23:59", "24:00", "mon,wed,fri", "sun", "group", "case-management", "partial", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := schedule.ParseClock(s); err == nil {
			require.Equal(t, s, c.String())
		}
		if d, err := schedule.ParseDays(s); err == nil {
			require.Equal(t, s, d.String())
		}
		if k, err := schedule.ParseKind(s); err == nil {
			require.Equal(t, s, k.String())
		}
		if a, err := schedule.ParseAttendance(s); err == nil {
			require.Equal(t, s, a.String())
		}
	})
}

func TestKindSetJSON(t *testing.T) {
	for _, ks := range []schedule.KindSet{0, schedule.KindsOf(schedule.GroupTherapy), schedule.KindsOf(schedule.Recreation, schedule.GroupTherapy, schedule.OtherService)} {
		b, err := json.Marshal(ks)
		require.NoError(t, err)
		var back schedule.KindSet
		require.NoError(t, back.UnmarshalJSON(b))
		assert.Equal(t, ks, back)
	}
	b, err := json.Marshal(schedule.KindsOf(schedule.Recreation, schedule.GroupTherapy))
	require.NoError(t, err)
	assert.JSONEq(t, `["group","recreation"]`, string(b))
	var ks schedule.KindSet
	require.NoError(t, ks.UnmarshalJSON([]byte(`["recreation","group"]`)), "any order")
	assert.Equal(t, schedule.KindsOf(schedule.GroupTherapy, schedule.Recreation), ks)
	for bad, want := range map[string]error{`["group","group"]`: iop.ErrDuplicateField, `["Group"]`: schedule.ErrUnknownKind, `"group"`: iop.ErrSyntax} {
		require.ErrorIs(t, ks.UnmarshalJSON([]byte(bad)), want, bad)
	}
	_, err = json.Marshal(schedule.KindSet(1))
	require.ErrorIs(t, err, schedule.ErrUnknownKind)
}
