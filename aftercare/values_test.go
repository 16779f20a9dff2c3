package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonRoundTrip marshals v, unmarshals it into a new T with encoding/json,
// and marshals that again: the bytes must be the same. It returns the
// value read back.
func jsonRoundTrip[T any](t *testing.T, v T) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var again T
	require.NoError(t, json.Unmarshal(b, &again), "%s", b)
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.JSONEq(t, string(b), string(b2))
	return again
}

// TestValuesRoundTripJSON stores what a pipeline or an EHR keeps of this
// package, episodes, plans, cases, findings and measures, as JSON and
// reads each back equal.
func TestValuesRoundTripJSON(t *testing.T) {
	t.Run("episodes", func(t *testing.T) {
		var eps []aftercare.Episode
		for _, s := range iop.All[aftercare.State]() {
			eps = append(eps, episodeIn(t, s))
		}
		eps = append(eps, discharged(t, "E2", aftercare.Discharge{Reason: aftercare.DischargeReasonDied}, true))
		got := jsonRoundTrip(t, eps)
		require.Len(t, got, len(eps))
		for i := range eps {
			assert.True(t, got[i].Equal(eps[i]), "episode %d", i)
			assert.Equal(t, eps[i].State(), got[i].State())
		}
	})
	t.Run("events and discharges", func(t *testing.T) {
		events := fixtureEvents()
		assert.Equal(t, events, jsonRoundTrip(t, events))
		d := aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepLateral, ToLevel: iop.Level21, ReferredTo: "R-9"}
		assert.Equal(t, d, jsonRoundTrip(t, d))
	})
	t.Run("plans", func(t *testing.T) {
		for _, p := range []aftercare.Plan{{}, fullPlan(), planWith(kept(1), scheduled(5), missed(9))} {
			got := jsonRoundTrip(t, p)
			assert.True(t, got.Equal(p), "%+v", p)
		}
	})
	t.Run("cases", func(t *testing.T) {
		cases := []aftercare.Case{
			{Episode: episodeIn(t, aftercare.StateClosed), Plan: fullPlan()},
			{Episode: discharged(t, "E2", completed(), false)},
		}
		got := jsonRoundTrip(t, cases)
		require.Len(t, got, len(cases))
		for i := range cases {
			assert.True(t, got[i].Episode.Equal(cases[i].Episode), "case %d", i)
			assert.True(t, got[i].Plan.Equal(cases[i].Plan), "case %d", i)
		}
	})
	t.Run("findings", func(t *testing.T) {
		// Every kind of figure: a step with its level, a late plan in days,
		// a missed and an open window with their measure, day and counts.
		d := aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level25}
		fs, err := checkDischarge(t, asamHEDIS(), discharged(t, "E1", d, true),
			aftercare.Plan{Made: dischargedOn + 2, Contacts: []aftercare.Contact{kept(9), scheduled(40)}}, dischargedOn+20)
		require.NoError(t, err)
		require.Equal(t, []iop.Code{aftercare.CodePlanLate, aftercare.CodeStepDownNotLower, aftercare.CodeFollowUpMissed,
			aftercare.CodeFollowUpNotScheduled}, fs.Codes())
		require.Equal(t, []string{"", "", "fui-7", "iet-engagement"}, []string{fs[0].Ref, fs[1].Ref, fs[2].Ref, fs[3].Ref})
		assert.Equal(t, fs, jsonRoundTrip(t, fs))
	})
	t.Run("measures", func(t *testing.T) {
		cases := []aftercare.Case{
			{Episode: discharged(t, "E1", completed(), false), Plan: planWith(kept(3))},
			{Episode: discharged(t, "E2", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, false)},
		}
		m, err := newChecker(t, asamHEDIS()).Measure(cases, dischargedOn+60)
		require.NoError(t, err)
		assert.Equal(t, m, jsonRoundTrip(t, m))
	})
}
