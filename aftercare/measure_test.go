package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMeasure(t *testing.T) {
	lateDischarge := dischargedOn + 55
	e6, err := aftercare.Replay("E6", []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: referredOn},
		{Kind: aftercare.EventKindAssess, On: assessedOn},
		{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21},
		{Kind: aftercare.EventKindDischarge, On: lateDischarge, Discharge: completed()},
	})
	require.NoError(t, err)
	cases := []aftercare.Case{
		// Seen on day 3 only: 7-day, 30-day, initiation; engagement closed unmet.
		{Episode: discharged(t, "E1", completed(), false), Plan: planWith(kept(3))},
		// Left; never seen: every window closed unmet, engagement too.
		{Episode: discharged(t, "E2", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, false)},
		// Died: counted as a discharge, left out of follow-up.
		{Episode: discharged(t, "E3", aftercare.Discharge{Reason: aftercare.DischargeReasonDied}, false), Plan: planWith(kept(3))},
		// Stepped up to residential care: left out of follow-up.
		{Episode: discharged(t, "E4", aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level35, ReferredTo: "R-4"}, false)},
		// Still active: not counted.
		{Episode: episodeIn(t, aftercare.StateActive), Plan: planWith(kept(3))},
		// Discharged 5 days before the day judged, seen 2 days after:
		// 7-day met although still open; engagement still open.
		{Episode: e6, Plan: aftercare.Plan{Made: lateDischarge, MutualHelpPerWeek: 2, Contacts: []aftercare.Contact{{On: lateDischarge + 2, Status: aftercare.ContactStatusKept}}}},
	}
	got, err := newChecker(t, asamHEDIS()).Measure(cases, dischargedOn+60)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{
		Discharges: 5, Completed: 2, Transferred: 1, Planned: 3,
		FollowUp: []aftercare.Rate{
			{Name: "iet-initiation", Met: 2, Eligible: 3},
			{Name: "iet-engagement", Met: 0, Eligible: 2},
			{Name: "fui-7", Met: 2, Eligible: 3},
			{Name: "fui-30", Met: 2, Eligible: 3},
		},
	}, got)

	assert.Equal(t, aftercare.Rate{Name: "completion", Met: 2, Eligible: 5}, got.Completion())
	pct, ok := got.Completion().Percent()
	require.True(t, ok)
	assert.InDelta(t, 40.0, pct, 1e-9)
	r, ok := got.Window("fui-30")
	require.True(t, ok)
	assert.Equal(t, aftercare.Rate{Name: "fui-30", Met: 2, Eligible: 3}, r)
	_, ok = got.Window("fui-90")
	assert.False(t, ok)
	_, ok = aftercare.Rate{Name: "x"}.Percent()
	assert.False(t, ok, "nothing eligible")
}

func TestMeasureEmpty(t *testing.T) {
	got, err := newChecker(t, medicareHEDIS(ioprules.MedicareIOP2025())).Measure(nil, dischargedOn)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{FollowUp: []aftercare.Rate{{Name: "fuh-7"}, {Name: "fuh-30"}}}, got)
	got, err = newChecker(t, noWindows()).Measure(nil, dischargedOn)
	require.NoError(t, err)
	assert.Equal(t, aftercare.Measures{FollowUp: []aftercare.Rate{}}, got)
}

func TestMeasureInvalidPlan(t *testing.T) {
	cases := []aftercare.Case{
		{Episode: discharged(t, "E1", completed(), false), Plan: planWith(kept(3))},
		{Episode: discharged(t, "E2", completed(), false), Plan: aftercare.Plan{Made: dischargedOn, Contacts: []aftercare.Contact{{On: dischargedOn}}}},
		// Not discharged: not counted, so its plan is not judged.
		{Episode: episodeIn(t, aftercare.StateActive), Plan: aftercare.Plan{MutualHelpPerWeek: -1}},
		{Episode: discharged(t, "E4", completed(), false), Plan: aftercare.Plan{CounselingPerMonth: 101}},
	}
	m, err := newChecker(t, asamHEDIS()).Measure(cases, dischargedOn+60)
	requireFieldErrors(t, err, []fieldErr{
		{"cases[1].plan.contacts[0].status", iop.ErrMissing},
		{"cases[3].plan.made", iop.ErrMissing},
		{"cases[3].plan.counseling_per_month", iop.ErrOutOfRange},
	})
	assert.Equal(t, aftercare.Measures{}, m)
}

// TestMeasureAgreesWithCheck is the slow twin of Measure: a window counts
// as met for a case exactly when the checker, on the day the window
// closes, reports no miss of it, and is eligible once closed or met.
func TestMeasureAgreesWithCheck(t *testing.T) {
	p := medicareHEDIS(ioprules.MedicareIOP2025()) // FUH 7-day and 30-day windows, no anchors
	ck := newChecker(t, p)
	var cases []aftercare.Case
	for i, days := range [][]int{{}, {1}, {7}, {8}, {30}, {31}, {0}, {3, 40}} {
		var contacts []aftercare.Contact
		for _, d := range days {
			contacts = append(contacts, kept(d))
		}
		cases = append(cases, aftercare.Case{Episode: discharged(t, "E"+itoa(i), completed(), false), Plan: planWith(contacts...)})
	}
	asOf := dischargedOn + 60
	m, err := ck.Measure(cases, asOf)
	require.NoError(t, err)
	for j, w := range followUpOf(p).Windows {
		met := 0
		for _, c := range cases {
			fs, err := checkWith(t, ck, c.Episode, c.Plan, asOf)
			require.NoError(t, err)
			missed := false
			for _, f := range fs {
				missed = missed || f.Code == aftercare.CodeFollowUpMissed && f.Ref == w.Name
				if f.Ref == w.Name {
					assert.Equal(t, dischargedOn+date.Date(w.Days), f.Day, "the window's last day")
				}
			}
			if !missed {
				met++
			}
		}
		assert.Equal(t, aftercare.Rate{Name: w.Name, Met: met, Eligible: len(cases)}, m.FollowUp[j])
	}
}

// TestMeasureByIndexEvent: each HEDIS measure counts from its own index
// event, and the IOP admission is the follow-up (issue 23 case 6, RULES.md
// §6): FUI from the residential discharge before the IOP (the admission 3
// days later follows it up; on the same day it does not), FUA from an ED
// visit (the same day counts), IET from the episode's start (the admission
// is the initiation). None counts from the IOP discharge.
func TestMeasureByIndexEvent(t *testing.T) {
	p := noWindows().WithPart(aftercare.FollowUpOf(aftercare.MeasureIETInitiation, aftercare.MeasureFUI7, aftercare.MeasureFUA7))
	ck := newChecker(t, p)
	ep := episodeIn(t, aftercare.StateActive) // admitted, not discharged
	adm, ok := ep.AdmissionEvent()
	require.True(t, ok)
	cases := []aftercare.Case{
		{Episode: ep, PriorDischarge: adm.On - 3, EDVisit: adm.On},
		{Episode: ep, PriorDischarge: adm.On},
		{Episode: ep},
	}
	got, err := ck.Measure(cases, adm.On+60)
	require.NoError(t, err)
	assert.Equal(t, []aftercare.Rate{
		{Name: "iet-initiation", Met: 3, Eligible: 3},
		{Name: "fui-7", Met: 1, Eligible: 2},
		{Name: "fua-7", Met: 1, Eligible: 1},
	}, got.FollowUp)
	assert.Equal(t, 0, got.Discharges, "no discharge is an index event here")
}
