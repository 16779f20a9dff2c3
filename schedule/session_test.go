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

const (
	notPositive    = "out of range: must be positive"
	crosses        = "out of range: session crosses midnight"
	attendedAbove  = "out of range: attended above planned"
	mismatch       = "out of range: attended minutes do not fit the attendance"
	attendedBelow0 = "out of range: attended minutes are negative"
)

func TestSessionValidate(t *testing.T) {
	ok := at(mon, 180)
	tests := []struct {
		name string
		edit func(*schedule.Session)
		want map[string]string // field: reason; nil for a valid session
	}{
		{"valid", func(*schedule.Session) {}, nil},
		{"zero duration", func(s *schedule.Session) { s.Planned = 0 }, map[string]string{"minutes": notPositive}},
		{"negative duration", func(s *schedule.Session) { s.Planned = -30 }, map[string]string{"minutes": notPositive}},
		{"ends at midnight", func(s *schedule.Session) { s.Start = schedule.MustParseClock("21:00") }, nil},
		{"crosses midnight by a minute", func(s *schedule.Session) { s.Start = schedule.MustParseClock("21:01") }, map[string]string{"minutes": crosses}},
		{"longer than any day", func(s *schedule.Session) { s.Start = schedule.MustParseClock("00:00"); s.Planned = 1<<31 - 1 }, map[string]string{"minutes": crosses}},
		{"attended above planned", func(s *schedule.Session) { s.Attendance, s.Attended = schedule.AttendancePartial, 181 }, map[string]string{"attended": attendedAbove}},
		{"partial without minutes", func(s *schedule.Session) { s.Attendance = schedule.AttendancePartial }, map[string]string{"attended": mismatch}},
		{"partial of the whole", func(s *schedule.Session) { s.Attendance, s.Attended = schedule.AttendancePartial, 180 }, map[string]string{"attended": mismatch}},
		{"partial, a minute short", func(s *schedule.Session) { s.Attendance, s.Attended = schedule.AttendancePartial, 179 }, nil},
		{"attended with its own length", func(s *schedule.Session) { s.Attended = 180 }, nil},
		{"attended with other minutes", func(s *schedule.Session) { s.Attended = 170 }, map[string]string{"attended": mismatch}},
		{"absent with minutes", func(s *schedule.Session) { s.Attendance, s.Attended = schedule.AttendanceAbsent, 10 }, map[string]string{"attended": mismatch}},
		{"excused", func(s *schedule.Session) { s.Attendance = schedule.AttendanceExcused }, nil},
		{"negative attended", func(s *schedule.Session) { s.Attendance, s.Attended = schedule.AttendancePartial, -1 }, map[string]string{"attended": attendedBelow0}},
		{"unknown kind and attendance", func(s *schedule.Session) { s.Kind, s.Attendance = 99, 99 }, map[string]string{"kind": "unknown value", "attendance": "unknown value"}},
		{"everything missing", func(s *schedule.Session) { *s = schedule.Session{} }, map[string]string{
			"patient": "missing", "date": "missing", "start": "missing",
			"minutes": notPositive, "kind": "missing", "attendance": "missing",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.edit(&s)
			err := s.Validate()
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			assert.Equal(t, tt.want, fieldErrors(t, err))
		})
	}
	err := schedule.Session{}.Validate()
	require.ErrorIs(t, err, iop.ErrMissing)
	require.ErrorIs(t, err, iop.ErrOutOfRange)
}

func TestSessionMinutes(t *testing.T) {
	s := at(mon, 90)
	assert.Equal(t, iop.Minutes(90), s.AttendedMinutes())
	assert.Equal(t, iop.Minutes(9*60+90), s.End())
	s.Attendance, s.Attended = schedule.AttendancePartial, 50
	assert.Equal(t, iop.Minutes(50), s.AttendedMinutes())
	s.Attendance, s.Attended = schedule.AttendanceExcused, 0
	assert.Equal(t, iop.Minutes(0), s.AttendedMinutes())
}

func TestSessionWithSpan(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	require.NoError(t, err)
	base := schedule.Session{Patient: "p-1", Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}
	tests := []struct {
		name       string
		start, end time.Time
		loc        *time.Location
		date       string
		clock      string
		minutes    iop.Minutes
		err        string // the field error's message
	}{
		{"spring forward: 01:00 to 04:00 lasts 2 hours", time.Date(2025, 3, 9, 1, 0, 0, 0, ny), time.Date(2025, 3, 9, 4, 0, 0, 0, ny), ny, "2025-03-09", "01:00", 120, ""},
		{"fall back: 00:30 to 02:30 lasts 3 hours", time.Date(2025, 11, 2, 0, 30, 0, 0, ny), time.Date(2025, 11, 2, 2, 30, 0, 0, ny), ny, "2025-11-02", "00:30", 180, ""},
		{"the date is read in the location given", time.Date(2025, 3, 4, 1, 0, 0, 0, time.UTC), time.Date(2025, 3, 4, 3, 0, 0, 0, time.UTC), ny, "2025-03-03", "20:00", 120, ""},
		{"seconds are dropped from the start, the length rounds down", time.Date(2024, 2, 29, 9, 0, 59, 0, ny), time.Date(2024, 2, 29, 10, 0, 30, 0, ny), ny, "2024-02-29", "09:00", 59, ""},
		{"ending at the next midnight is allowed", time.Date(2025, 3, 3, 22, 0, 0, 0, ny), time.Date(2025, 3, 4, 0, 0, 0, 0, ny), ny, "2025-03-03", "22:00", 120, ""},
		{"ending after it is not", time.Date(2025, 3, 3, 22, 0, 0, 0, ny), time.Date(2025, 3, 4, 0, 1, 0, 0, ny), ny, "", "", 0, "minutes: " + crosses},
		{"ending before starting", time.Date(2025, 3, 3, 10, 0, 0, 0, ny), time.Date(2025, 3, 3, 9, 0, 0, 0, ny), ny, "", "", 0, "minutes: " + notPositive},
		{"less than a minute", time.Date(2025, 3, 3, 10, 0, 0, 0, ny), time.Date(2025, 3, 3, 10, 0, 59, 0, ny), ny, "", "", 0, "minutes: " + notPositive},
		{"no location", time.Date(2025, 3, 3, 9, 0, 0, 0, ny), time.Date(2025, 3, 3, 10, 0, 0, 0, ny), nil, "", "", 0, "location: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := base.WithSpan(tt.start, tt.end, tt.loc)
			if tt.err != "" {
				assert.Equal(t, tt.err, fieldError(t, err).Error())
				assert.Equal(t, schedule.Session{}, got)
				return
			}
			require.NoError(t, err)
			want := base
			want.Date, want.Start, want.Planned = iop.MustParseDate(tt.date), schedule.MustParseClock(tt.clock), tt.minutes
			assert.Equal(t, want, got)
			require.NoError(t, got.Validate())
		})
	}
}

func TestParseSession(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		want  schedule.Session
		field string
		err   error
	}{
		{"valid", `{"patient":"p-1","id":"s-9","date":"2024-02-29","start":"09:00","minutes":"3h00m","kind":"group","attendance":"partial","attended":"2h30m","code":"H0015"}`,
			schedule.Session{Patient: "p-1", ID: "s-9", Date: day(2024, 2, 29), Start: schedule.MustParseClock("09:00"), Planned: 180,
				Kind: iop.ServiceKindGroupTherapy, Code: "H0015", Attendance: schedule.AttendancePartial, Attended: 150}, "", nil},
		{"a date that does not exist", `{"patient":"p-1","date":"2025-02-30","start":"09:00","minutes":"1h00m","kind":"group","attendance":"attended"}`, schedule.Session{}, "date", iop.ErrInvalidDate},
		{"no leap day in 2023", `{"patient":"p-1","date":"2023-02-29","start":"09:00","minutes":"1h00m","kind":"group","attendance":"attended"}`, schedule.Session{}, "date", iop.ErrInvalidDate},
		{"a time of day out of range", `{"patient":"p-1","date":"2025-02-28","start":"24:00","minutes":"1h00m","kind":"group","attendance":"attended"}`, schedule.Session{}, "start", iop.ErrSyntax},
		{"minutes as a number", `{"patient":"p-1","date":"2025-02-28","start":"09:00","minutes":60,"kind":"group","attendance":"attended"}`, schedule.Session{}, "minutes", iop.ErrSyntax},
		{"an unknown kind", `{"patient":"p-1","date":"2025-02-28","start":"09:00","minutes":"1h00m","kind":"Group","attendance":"attended"}`, schedule.Session{}, "kind", iop.ErrUnknown},
		{"an unknown field", `{"patient":"p-1","name":"x"}`, schedule.Session{}, "#1", iop.ErrUnknownField},
		{"a duplicate field", `{"patient":"p-1","patient":"p-2"}`, schedule.Session{}, "patient", iop.ErrDuplicate},
		{"a number for a string", `{"patient":7}`, schedule.Session{}, "patient", iop.ErrSyntax},
		{"crossing midnight", `{"patient":"p-1","date":"2025-02-28","start":"23:00","minutes":"1h01m","kind":"group","attendance":"attended"}`, schedule.Session{}, "minutes", iop.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := schedule.ParseSession([]byte(tt.json))
			assert.Equal(t, tt.want, got)
			if tt.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.err)
			assert.Equal(t, tt.field, fieldError(t, err).Field)
		})
	}
}

func TestParseSessions(t *testing.T) {
	ss, err := schedule.ParseSessions([]byte(`[
		{"patient":"p-1","date":"2025-03-03","start":"09:00","minutes":"3h00m","kind":"group","attendance":"attended"},
		{"patient":"p-1","date":"2025-03-04","start":"09:00","minutes":"1h00m","kind":"individual","attendance":"absent"}]`))
	require.NoError(t, err)
	require.Len(t, ss, 2)
	assert.Equal(t, at(mon, 180), ss[0])

	_, err = schedule.ParseSessions([]byte(`[
		{"patient":"p-1","date":"2025-03-03","start":"09:00","minutes":"3h00m","kind":"group","attendance":"attended"},
		{"patient":"p-1","date":"2025-03-04","start":"09:00","minutes":"0h00m","kind":"group","attendance":"partial","attended":"0h10m"}]`))
	assert.Equal(t, map[string]string{"[1].minutes": notPositive, "[1].attended": attendedAbove}, fieldErrors(t, err))

	_, err = schedule.ParseSessions([]byte(`[{"patient":"p-1","date":"2025-13-01"}]`))
	assert.Equal(t, "[0].date", fieldError(t, err).Field)
	require.ErrorIs(t, err, iop.ErrInvalidDate)
}

func TestSessionJSONRoundTrip(t *testing.T) {
	s := at(day(2024, 2, 29), 90)
	s.ID, s.Code, s.Attendance, s.Attended = "s-1", "90853", schedule.AttendancePartial, 45
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"patient":"p-1","id":"s-1","date":"2024-02-29","start":"09:00","kind":"group","attendance":"partial","minutes":"1h30m","attended":"0h45m","code":"90853"}`, string(b))
	got, err := schedule.ParseSession(b)
	require.NoError(t, err)
	assert.Equal(t, s, got)
}

// FuzzSessionJSON decodes arbitrary JSON as a session: it never panics, and
// what decodes encodes to bytes that decode to the same session and encode
// to the same bytes.
func FuzzSessionJSON(f *testing.F) {
	f.Add([]byte(`{"patient":"p-1","id":"s-9","date":"2024-02-29","start":"09:00","minutes":"3h00m","kind":"group","attendance":"partial","attended":"2h30m","code":"H0015"}`))
	f.Add([]byte(`{"patient":"p-1","date":"2025-02-30","start":"25:00","minutes":"-0h01m"}`))
	f.Add([]byte(`[{"patient":"p-1"}]`))
	f.Add([]byte(`{"start":"00:00","kind":"other","attendance":"excused","minutes":1e3}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s schedule.Session
		if err := s.UnmarshalJSON(data); err != nil {
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
			_, _ = schedule.ParseSessions(data)
			return
		}
		require.True(t, jsonRoundTrip(t, s, (*schedule.Session).UnmarshalJSON), "a decoded session always encodes")
		if err := s.Validate(); err != nil {
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
		}
	})
}
