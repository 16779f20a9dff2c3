package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasure(t *testing.T) {
	lateDischarge := dischargedOn + 55
	e6, err := aftercare.Replay("E6", []aftercare.Event{
		{Kind: aftercare.EventRefer, On: referredOn},
		{Kind: aftercare.EventAssess, On: assessedOn},
		{Kind: aftercare.EventAdmit, On: admittedOn, Level: iop.Level21},
		{Kind: aftercare.EventDischarge, On: lateDischarge, Discharge: completed()},
	})
	require.NoError(t, err)
	cases := []aftercare.Case{
		// Seen on day 3 only: 7-day, 30-day, initiation; engagement closed unmet.
		{Episode: discharged(t, "E1", completed(), false), Plan: planWith(kept(3))},
		// Left; never seen: every window closed unmet, engagement too.
		{Episode: discharged(t, "E2", aftercare.Discharge{Reason: aftercare.ReasonLeftAgainstAdvice}, false)},
		// Died: counted as a discharge, left out of follow-up.
		{Episode: discharged(t, "E3", aftercare.Discharge{Reason: aftercare.ReasonDied}, false), Plan: planWith(kept(3))},
		// Stepped up to residential care: left out of follow-up.
		{Episode: discharged(t, "E4", aftercare.Discharge{Reason: aftercare.ReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level35, ReferredTo: "R-4"}, false)},
		// Still active: not counted.
		{Episode: episodeIn(t, aftercare.Active), Plan: planWith(kept(3))},
		// Discharged 5 days before the day judged, seen 2 days after:
		// 7-day met although still open; engagement still open.
		{Episode: e6, Plan: aftercare.Plan{Made: lateDischarge, MutualHelpPerWeek: 2, Contacts: []aftercare.Contact{{On: lateDischarge + 2, Status: aftercare.ContactKept}}}},
	}
	got, err := aftercare.Measure(cases, iop.ASAM3Level21(), dischargedOn+60)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{
		Discharges: 5, Completed: 2, Transferred: 1, Planned: 3,
		FollowUp: []aftercare.Rate{
			{Name: "7-day", Met: 2, Eligible: 3},
			{Name: "30-day", Met: 2, Eligible: 3},
			{Name: "iet-initiation", Met: 2, Eligible: 3},
			{Name: "iet-engagement", Met: 0, Eligible: 2},
		},
	}, got)

	assert.Equal(t, aftercare.Rate{Name: "completion", Met: 2, Eligible: 5}, got.Completion())
	pct, ok := got.Completion().Percent()
	require.True(t, ok)
	assert.InDelta(t, 40.0, pct, 1e-9)
	r, ok := got.Window("30-day")
	require.True(t, ok)
	assert.Equal(t, aftercare.Rate{Name: "30-day", Met: 2, Eligible: 3}, r)
	_, ok = got.Window("90-day")
	assert.False(t, ok)
	_, ok = aftercare.Rate{Name: "x"}.Percent()
	assert.False(t, ok, "nothing eligible")
}

func TestMeasureEmpty(t *testing.T) {
	got, err := aftercare.Measure(nil, iop.MedicareIOP2024(), dischargedOn)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{FollowUp: []aftercare.Rate{{Name: "7-day"}, {Name: "30-day"}}}, got)
	got, err = aftercare.Measure(nil, iop.Profile{}, dischargedOn)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{FollowUp: []aftercare.Rate{}}, got)
}

func TestMeasureInvalidPlan(t *testing.T) {
	cases := []aftercare.Case{
		{Episode: discharged(t, "E1", completed(), false), Plan: planWith(kept(3))},
		{Episode: discharged(t, "E2", completed(), false), Plan: aftercare.Plan{Made: dischargedOn, Contacts: []aftercare.Contact{{On: dischargedOn}}}},
	}
	_, err := aftercare.Measure(cases, iop.ASAM3Level21(), dischargedOn+60)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "cases[1].plan.contacts[0].status", fe.Field)
	assert.ErrorIs(t, err, iop.ErrMissing)
}
