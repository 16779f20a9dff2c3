package fhir_test

import (
	"testing"
	"time"
	_ "time/tzdata" // America/Denver whatever the machine holds

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEncounterClockChange: a session starting at a time the program's
// time zone skips (02:30 on the day daylight saving time begins) is
// refused (it was written as 01:30 MST and read back at 01:30); the hour
// repeated when it ends reads back as written, as do the times around.
func TestEncounterClockChange(t *testing.T) {
	loc, err := time.LoadLocation("America/Denver")
	require.NoError(t, err)
	base := schedule.Session{Patient: "P1", ID: "S1", Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Planned: 180, Code: "90853"}
	for _, tt := range []struct{ day, start string }{
		{"2025-03-09", "01:59"}, {"2025-03-09", "03:00"}, {"2025-11-02", "01:00"}, {"2025-11-02", "01:30"}, {"2025-11-02", "02:00"},
	} {
		s := base
		s.Date, s.Start = day(tt.day), schedule.MustParseClock(tt.start)
		data, err := fhir.EncodeEncounter(fhir.Encounter{Session: s}, loc)
		require.NoError(t, err, "%s %s", tt.day, tt.start)
		got, _, err := fhir.DecodeEncounter(data, loc)
		require.NoError(t, err, "%s %s", tt.day, tt.start)
		assert.Equal(t, fhir.Encounter{Session: s}, got, "%s %s", tt.day, tt.start)
	}
	for _, start := range []string{"02:00", "02:30", "02:59"} {
		s := base
		s.Date, s.Start = day("2025-03-09"), schedule.MustParseClock(start)
		_, err := fhir.EncodeEncounter(fhir.Encounter{Session: s}, loc)
		requireFieldErrors(t, err, []wantErr{{"session.start: out of range: a time the program's time zone skips (a clock change)", iop.ErrOutOfRange}})
	}
}
