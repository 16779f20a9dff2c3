package eligibility_test

import (
	"database/sql"
	"database/sql/driver"
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
	a := assess(t, iopRisks, eligibility.ModCoOccurring, eligibility.ModSteppingDown)
	a.Ratings = a.Ratings.With(eligibility.D5, eligibility.Rating{Risk: 2, Note: "n-5"})
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
		jsonRoundTrip(t, place(t, d, iop.Level25, eligibility.VarianceClinicalJudgement, "n-p"))
	})
	t.Run("Decision recommended", func(t *testing.T) { jsonRoundTrip(t, recommended(t, r)) })
	t.Run("Recommendation", func(t *testing.T) { jsonRoundTrip(t, r) })
	t.Run("Reasons", func(t *testing.T) { jsonRoundTrip(t, d.Reasons()) })
	t.Run("ModifierReasons", func(t *testing.T) { jsonRoundTrip(t, d.ModifierReasons()) })
	t.Run("Variance", func(t *testing.T) {
		jsonRoundTrip(t, eligibility.Variance{Given: iop.Level1, Reason: eligibility.VariancePatientPreference, Note: "n"})
	})
	t.Run("Moves", func(t *testing.T) { jsonRoundTrip(t, moves) })
	t.Run("Dimensions", func(t *testing.T) {
		jsonRoundTrip(t, eligibility.DimensionsOf(eligibility.D2, eligibility.D6))
		jsonRoundTrip(t, eligibility.Dimensions(0))
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
		}{eligibility.D4, eligibility.RoleIntensity, eligibility.Risk3, eligibility.ModCourtOrdered,
			eligibility.VarianceLevelNotAvailable, eligibility.ProgressWorsening, eligibility.DirectionDown})
	})
	t.Run("map keyed by enums", func(t *testing.T) {
		jsonRoundTrip(t, map[eligibility.Dimension]eligibility.Risk{eligibility.D1: 0, eligibility.D3: 4})
		jsonRoundTrip(t, map[eligibility.Modifier]eligibility.VarianceReason{eligibility.ModCourtOrdered: eligibility.VarianceCourtOrdered})
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

// sqlValue is what every enum and set of the package implements for
// database/sql.
type sqlValue interface {
	driver.Valuer
	String() string
}

// TestSQLRoundTrips: every enum and set stores its text form (the name or
// the digit, never an ordinal) and scans it back; unknown text is refused
// with a typed error that does not hold the text.
func TestSQLRoundTrips(t *testing.T) {
	tests := []struct {
		name  string
		v     sqlValue
		text  string
		scan  func(src any) (sqlValue, error)
		wrong string
	}{
		{"Dimension", eligibility.D3, "D3",
			func(src any) (sqlValue, error) { var v eligibility.Dimension; err := v.Scan(src); return v, err }, "D9"},
		{"Role", eligibility.RoleSafety, "safety",
			func(src any) (sqlValue, error) { var v eligibility.Role; err := v.Scan(src); return v, err }, "Safety"},
		{"Risk 0", eligibility.Risk0, "0",
			func(src any) (sqlValue, error) { var v eligibility.Risk; err := v.Scan(src); return v, err }, "none"},
		{"Risk 4", eligibility.Risk4, "4",
			func(src any) (sqlValue, error) { var v eligibility.Risk; err := v.Scan(src); return v, err }, "5"},
		{"Modifier", eligibility.ModImminentDanger, "imminent-danger",
			func(src any) (sqlValue, error) { var v eligibility.Modifier; err := v.Scan(src); return v, err }, "danger"},
		{"VarianceReason", eligibility.VarianceCourtOrdered, "court-ordered",
			func(src any) (sqlValue, error) { var v eligibility.VarianceReason; err := v.Scan(src); return v, err }, "court"},
		{"Progress", eligibility.ProgressGoalsMet, "goals-met",
			func(src any) (sqlValue, error) { var v eligibility.Progress; err := v.Scan(src); return v, err }, "done"},
		{"Direction", eligibility.DirectionUp, "up",
			func(src any) (sqlValue, error) { var v eligibility.Direction; err := v.Scan(src); return v, err }, "UP"},
		{"Dimensions", eligibility.DimensionsOf(eligibility.D1, eligibility.D6), "D1,D6",
			func(src any) (sqlValue, error) { var v eligibility.Dimensions; err := v.Scan(src); return v, err }, "D1,D7"},
		{"Modifiers", eligibility.ModifiersOf(eligibility.ModCoOccurring, eligibility.ModCourtOrdered), "co-occurring,court-ordered",
			func(src any) (sqlValue, error) { var v eligibility.Modifiers; err := v.Scan(src); return v, err }, "co-occurring,bogus"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored, err := tt.v.Value()
			require.NoError(t, err)
			assert.Equal(t, tt.text, stored, "the text form, never a number")
			for _, src := range []any{stored, []byte(tt.text)} {
				got, err := tt.scan(src)
				require.NoError(t, err)
				assert.Equal(t, tt.v, got)
			}
			_, err = tt.scan(tt.wrong)
			require.ErrorIs(t, err, iop.ErrUnknown)
			var pe *iop.ParseError
			require.ErrorAs(t, err, &pe)
			assert.NotContains(t, err.Error(), tt.wrong)
			_, err = tt.scan(int64(1) << 40)
			require.ErrorAs(t, err, &pe, "an integer is never an ordinal")
		})
	}

	t.Run("empty sets", func(t *testing.T) {
		for _, v := range []sqlValue{eligibility.Dimensions(0), eligibility.Modifiers(0)} {
			stored, err := v.Value()
			require.NoError(t, err)
			assert.IsType(t, "", stored, "the empty set is the empty text, not NULL")
			assert.Empty(t, stored)
		}
		var m eligibility.Modifiers
		require.NoError(t, m.Scan(""))
		assert.True(t, m.IsZero())
	})
	t.Run("a nullable rating", func(t *testing.T) {
		var n sql.Null[eligibility.Risk]
		require.NoError(t, n.Scan("3"))
		assert.Equal(t, sql.Null[eligibility.Risk]{V: eligibility.Risk3, Valid: true}, n)
		v, err := n.Value()
		require.NoError(t, err)
		assert.Equal(t, "3", v)
	})
}
