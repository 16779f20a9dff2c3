package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonRoundTrip marshals v, decodes the bytes into a new T, and requires
// the same value and the same bytes again.
func jsonRoundTrip[T any](t *testing.T, v T) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), "%s", b)
	assert.Equal(t, v, back, "round trip of %s", b)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
}

// TestJSONRoundTrips: every value an EHR or a pipeline stores decodes back
// from its JSON to the same value, and marshals again to the same bytes.
func TestJSONRoundTrips(t *testing.T) {
	ck := std(t)
	a := assess(t, iopRisks, eligibility.ModifierCoOccurring, eligibility.ModifierSteppingDown)
	a.Ratings = a.Ratings.With(eligibility.Dimension5, eligibility.Rating{Risk: 2, Note: "n-5"})
	d := decide(t, a)
	r := recommendation(t, iop.Level25)
	r.Ratings, r.Modifiers = a.Ratings, a.Modifiers
	moves, err := ck.Moves([]eligibility.Assessment{assess(t, lowRisks), a})
	require.NoError(t, err)
	require.Len(t, moves, 2)

	t.Run("Assessment", func(t *testing.T) { jsonRoundTrip(t, a) })
	t.Run("Ratings", func(t *testing.T) { jsonRoundTrip(t, a.Ratings) })
	t.Run("Rating", func(t *testing.T) { jsonRoundTrip(t, eligibility.Rating{Risk: 0, Note: "n-0"}) })
	t.Run("Decision", func(t *testing.T) { jsonRoundTrip(t, d) })
	t.Run("Decision placed", func(t *testing.T) {
		jsonRoundTrip(t, place(t, d, iop.Level25, eligibility.VarianceReasonClinicalJudgement, "n-p"))
	})
	t.Run("Decision recommended", func(t *testing.T) { jsonRoundTrip(t, recommended(t, r)) })
	t.Run("Recommendation", func(t *testing.T) { jsonRoundTrip(t, r) })
	t.Run("Reasons", func(t *testing.T) { jsonRoundTrip(t, d.Reasons()) })
	t.Run("ModifierReasons", func(t *testing.T) { jsonRoundTrip(t, d.ModifierReasons()) })
	t.Run("Variance", func(t *testing.T) {
		jsonRoundTrip(t, eligibility.Variance{Given: iop.Level1, Reason: eligibility.VarianceReasonPatientPreference, Note: "n"})
	})
	t.Run("Moves", func(t *testing.T) { jsonRoundTrip(t, moves) })
	t.Run("Dimensions", func(t *testing.T) {
		jsonRoundTrip(t, iop.SetOf[eligibility.Dimension](eligibility.Dimension2, eligibility.Dimension6))
		jsonRoundTrip(t, iop.Set[eligibility.Dimension](0))
	})
	t.Run("Modifiers", func(t *testing.T) { jsonRoundTrip(t, a.Modifiers) })
	t.Run("enums", func(t *testing.T) {
		jsonRoundTrip(t, struct {
			Dimension eligibility.Dimension
			Role      eligibility.Role
			Risk      eligibility.Risk
			Modifier  eligibility.Modifier
			Reason    eligibility.VarianceReason
			Progress  eligibility.Progress
			Direction eligibility.Direction
		}{eligibility.Dimension4, eligibility.RoleIntensity, eligibility.Risk3, eligibility.ModifierCourtOrdered,
			eligibility.VarianceReasonLevelNotAvailable, eligibility.ProgressWorsening, eligibility.DirectionDown})
	})
	t.Run("map keyed by enums", func(t *testing.T) {
		jsonRoundTrip(t, map[eligibility.Dimension]eligibility.Risk{eligibility.Dimension1: 0, eligibility.Dimension3: 4})
		jsonRoundTrip(t, map[eligibility.Modifier]eligibility.VarianceReason{eligibility.ModifierCourtOrdered: eligibility.VarianceReasonCourtOrdered})
	})
	t.Run("Criteria", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		b, err := json.Marshal(c)
		require.NoError(t, err)
		back, err := eligibility.ParseCriteria(b)
		require.NoError(t, err)
		assert.True(t, c.Equal(back))
	})
}
