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

// TestProfileNotInForce: a checker never judges a day outside its
// profile's force without a word. A week of March 2025 under the 2024
// Medicare profile (in force until 2025-01-01) is an error naming the
// profile, its range and the day, and so is a claim of that day; the
// 2025 profile judges both. A week that straddles two calendar years is
// judged by the profile in force on its first day of service.
func TestProfileNotInForce(t *testing.T) {
	ck2024, err := schedule.NewChecker(ioprules.MedicareIOP2024())
	require.NoError(t, err)
	ck2025, ck2026 := medicare2025(t), checker(t, ioprules.MedicareIOP2026())

	ss, w := oneShotWeek([5]int{3, 0, 3, 0, 3})
	sum, err := ck2025.Summarize(w, ss)
	require.NoError(t, err)
	_, err = ck2024.CheckWeek(&sum, benchEpisode)
	var pe *iop.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, iop.ProfileError{Level: iop.Level21, Profile: "medicare-iop-2024", From: date.New(2024, 1, 1),
		Until: date.New(2025, 1, 1), On: date.New(2025, 3, 3), Err: iop.ErrNotInForce}, *pe)
	assert.Equal(t, "iop: profile medicare-iop-2024: profile not in force on the day judged (in force from 2024-01-01 to 2024-12-31)", err.Error())
	_, err = ck2024.CheckCertification(&sum, schedule.Certifications{Admitted: benchEpisode.Admitted, Signed: []date.Date{benchEpisode.Admitted}})
	require.ErrorIs(t, err, iop.ErrNotInForce)
	_, err = ck2024.CheckWeeks([]schedule.WeekSummary{sum}, func(string, schedule.Week) schedule.Stay { return benchEpisode })
	require.ErrorIs(t, err, iop.ErrNotInForce)
	fs, err := ck2025.CheckWeek(&sum, benchEpisode)
	require.NoError(t, err)
	assert.Nil(t, fs)

	_, err = ck2024.CheckClaim(oneShotClaim(false))
	require.ErrorIs(t, err, iop.ErrNotInForce)
	_, err = ck2024.CheckClaims(oneShotClaim(false))
	require.ErrorIs(t, err, iop.ErrNotInForce)

	// ISO week 2026-W01 runs from Monday 2025-12-29 to Sunday 2026-01-04.
	straddle := schedule.ISOWeeks().Of(date.New(2026, 1, 1))
	require.Equal(t, date.New(2025, 12, 29), straddle.Start())
	week := func(first int) schedule.WeekSummary {
		var ss []schedule.Session
		for d := first; d < first+3; d++ {
			for j := range 3 {
				start, _ := schedule.ClockOf(9+j, 0)
				ss = append(ss, schedule.Session{Patient: "p-1", Date: straddle.Day(d), Start: start,
					Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
			}
		}
		s, err := ck2025.Summarize(straddle, ss)
		require.NoError(t, err)
		return s
	}
	fromTuesday, fromFriday := week(1), week(4) // first service 2025-12-30, 2026-01-02
	_, err = ck2025.CheckWeek(&fromTuesday, benchEpisode)
	require.NoError(t, err, "services began in 2025: the 2025 profile judges the week")
	_, err = ck2026.CheckWeek(&fromTuesday, benchEpisode)
	require.ErrorIs(t, err, iop.ErrNotInForce)
	_, err = ck2026.CheckWeek(&fromFriday, benchEpisode)
	require.NoError(t, err, "services began in 2026: the 2026 profile judges the week")
	_, err = ck2025.CheckWeek(&fromFriday, benchEpisode)
	require.ErrorIs(t, err, iop.ErrNotInForce)
}
