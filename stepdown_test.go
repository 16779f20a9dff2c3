package ioprules_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneStepDown reads one step-down record (iop.StepDown) through the
// three packages that judge a step-down, under one profile (ASAM 2.1: 2
// weeks of allowance), and checks that their answers agree (issue 23 case
// 7): within the allowance the stay continues (eligibility's continued
// stay and transfer), the week is not held to the minimum (schedule) and
// the discharge by step-down agrees with the record (aftercare); beyond
// it, or for a record that does not lower the level, none of them gives
// the allowance.
func TestOneStepDown(t *testing.T) {
	p := ioprules.ASAM3Level21()
	el, err := eligibility.NewChecker(p)
	require.NoError(t, err)
	sc, err := schedule.NewChecker(p)
	require.NoError(t, err)
	ac, err := aftercare.NewChecker(p)
	require.NoError(t, err)

	admitted := iop.MustParseDate("2025-03-03") // a Monday
	ratings := func(rs ...eligibility.Risk) eligibility.Ratings {
		r, err := eligibility.NewRatings(rs[0], rs[1], rs[2], rs[3], rs[4], rs[5])
		require.NoError(t, err)
		return r
	}
	decide := func(id string, on date.Date, rs ...eligibility.Risk) eligibility.Decision {
		d, err := el.Decide(eligibility.Assessment{ID: id, Edition: iop.Edition3, Date: on, Population: iop.PopulationAdult, Ratings: ratings(rs...)})
		require.NoError(t, err)
		return d
	}
	reviewDay := admitted + 28 // a Monday, four weeks on
	before := decide("A-1", admitted, 1, 0, 1, 2, 2, 1)
	after := decide("A-2", reviewDay, 0, 0, 0, 1, 1, 1) // recommends level 1
	require.Equal(t, iop.Level1, after.Recommended())

	tests := []struct {
		name    string
		sd      iop.StepDown
		allowed bool // the allowance applies on the review's week
		agrees  bool // the discharge by step-down to level 1 agrees with the record
	}{
		{"stepped down 13 days before the review: its last day allowed", iop.StepDown{Date: reviewDay - 13, From: iop.Level21, To: iop.Level1}, true, true},
		{"stepped down 14 days before: beyond the allowance", iop.StepDown{Date: reviewDay - 14, From: iop.Level21, To: iop.Level1}, false, true},
		{"a record that does not lower the level", iop.StepDown{Date: reviewDay - 3, From: iop.Level21, To: iop.Level21}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// eligibility: continued stay and transfer give the same answer.
			rv := eligibility.Review{Admitted: admitted, Previous: before, Current: after, Progress: eligibility.ProgressGoalsMet, StepDown: tt.sd}
			stay, err := el.CheckContinuedStay(&rv)
			require.NoError(t, err)
			transfer, err := el.CheckTransfer(&rv)
			require.NoError(t, err)
			assert.Equal(t, tt.allowed, stay.Has(eligibility.CodeStayStepDown), "continued stay")
			assert.Equal(t, !tt.allowed, stay.Has(eligibility.CodeStayCriteriaNotMet), "continued stay")
			assert.Equal(t, tt.allowed, transfer.Has(eligibility.CodeTransferStepDownAllowance), "transfer")

			// schedule: the review's week (it starts on the review's day), 5
			// hours attended, is within the allowance exactly when
			// eligibility says so: the allowance's days are the step-down's
			// day and the 13 after it.
			week := schedule.ISOWeeks().Of(reviewDay)
			stayRec := schedule.Stay{Population: iop.PopulationAdult, Admitted: admitted, StepDown: tt.sd}
			sum, err := sc.Summarize(week, []schedule.Session{{Patient: "p-1", Date: week.Start(), Start: schedule.MustParseClock("09:00"),
				Planned: 300, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}})
			require.NoError(t, err)
			fs, err := sc.CheckWeek(&sum, stayRec)
			require.NoError(t, err)
			assert.Equal(t, tt.allowed, fs.Has(schedule.CodeStepDownAllowance), "weekly: allowance")
			assert.Equal(t, !tt.allowed, fs.Has(schedule.CodeWeeklyBelowMinimum), "weekly: below the minimum")

			// aftercare: a discharge on the review's day, stepping down to 1.
			ep, err := aftercare.Replay("E-1", []aftercare.Event{
				{Kind: aftercare.EventKindRefer, On: admitted - 5},
				{Kind: aftercare.EventKindAssess, On: admitted - 3},
				{Kind: aftercare.EventKindAdmit, On: admitted, Level: iop.Level21},
				{Kind: aftercare.EventKindStart, On: admitted},
				{Kind: aftercare.EventKindDischarge, On: reviewDay, Discharge: aftercare.Discharge{
					Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1}},
			})
			require.NoError(t, err)
			dfs, err := ac.CheckStepDown(ep, tt.sd)
			require.NoError(t, err)
			assert.Equal(t, tt.agrees, dfs == nil, "discharge: %v", dfs.Codes())
		})
	}
}
