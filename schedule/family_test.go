package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFamilySummarizer: each patient-week is added up by the family's
// profile in force on its first day of service. ISO week 2025-W01 runs
// from 2024-12-30 to 2025-01-05: attended from 2024-12-31 it follows
// medicare-iop-2024, attended from 2025-01-02 only medicare-iop-2025 (a
// session missed on 2024-12-31 is no service); a week of 2023 has no
// profile.
func TestFamilySummarizer(t *testing.T) {
	family := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()}
	f, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
	require.NoError(t, err)
	missed := at(day(2024, 12, 31), 180)
	missed.Patient, missed.Attendance = "p-2", schedule.AttendanceAbsent
	s := func(patient string, d date.Date) schedule.Session {
		x := at(d, 180)
		x.Patient = patient
		return x
	}
	sessions := []schedule.Session{
		s("p-1", day(2024, 12, 31)), s("p-1", day(2025, 1, 2)),
		missed, s("p-2", day(2025, 1, 2)),
		s("p-3", day(2023, 6, 5)),
	}
	got, st := f.Summarize(nil, sessions)
	require.Len(t, got, 3)
	assert.Equal(t, "p-1", got[0].Summary.Patient)
	assert.Equal(t, 0, got[0].Profile)
	assert.Equal(t, iop.Minutes(360), got[0].Summary.Minutes)
	assert.Equal(t, "p-2", got[1].Summary.Patient)
	assert.Equal(t, 1, got[1].Profile)
	assert.Equal(t, iop.Minutes(180), got[1].Summary.Minutes)
	assert.Equal(t, "p-3", got[2].Summary.Patient)
	assert.Equal(t, -1, got[2].Profile)
	require.ErrorIs(t, got[2].Err, iop.ErrNoProfile)
	assert.Equal(t, schedule.BatchStats{Sessions: 5, Patients: 3, Weeks: 3}, st)
	assert.Equal(t, "medicare-iop-2025", f.Checker(got[1].Profile).Profile().ID)
}
