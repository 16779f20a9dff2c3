package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const assessmentJSON = `{
  "id": "A-1",
  "edition": "3rd",
  "date": "2025-03-03",
  "population": "adult",
  "ratings": {
    "D1": {"risk": 1, "note": "n-11"},
    "D2": {"risk": 0},
    "D3": {"risk": 1},
    "D4": {"risk": 2, "note": "n-14"},
    "D5": {"risk": 2},
    "D6": {"risk": 1}
  },
  "modifiers": ["co-occurring", "court-ordered"]
}`

func TestParseAssessment(t *testing.T) {
	a, err := eligibility.ParseAssessment([]byte(assessmentJSON))
	require.NoError(t, err)
	want := assess(t, iopRisks, eligibility.ModCoOccurring, eligibility.ModCourtOrdered)
	want.Ratings = want.Ratings.
		With(eligibility.D1, eligibility.Rating{Risk: eligibility.Risk1, Note: "n-11"}).
		With(eligibility.D4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-14"})
	assert.Equal(t, want, a)

	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.JSONEq(t, assessmentJSON, string(b))
	again, err := eligibility.ParseAssessment(b)
	require.NoError(t, err)
	assert.Equal(t, a, again)
}

func TestParseAssessmentRefuses(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		field string
		err   error
	}{
		{"unknown field", `{"id":"A","name":"x"}`, "name", iop.ErrUnknownField},
		{"duplicate field", `{"id":"A","id":"B"}`, "id", iop.ErrDuplicateField},
		{"impossible date", `{"date":"2025-02-30"}`, "date", iop.ErrInvalidDate},
		{"unknown dimension", `{"ratings":{"D7":{"risk":1}}}`, "ratings.D7", iop.ErrUnknownField},
		{"repeated dimension", `{"ratings":{"D1":{"risk":1},"D1":{"risk":2}}}`, "ratings.D1", iop.ErrDuplicateField},
		{"risk out of range", `{"ratings":{"D1":{"risk":5}}}`, "ratings.D1.risk", eligibility.ErrUnknownRisk},
		{"risk as string", `{"ratings":{"D1":{"risk":"1"}}}`, "ratings.D1.risk", eligibility.ErrUnknownRisk},
		{"unknown rating field", `{"ratings":{"D1":{"risk":1,"score":3}}}`, "ratings.D1.score", iop.ErrUnknownField},
		{"unknown modifier", `{"modifiers":["homeless"]}`, "modifiers[0]", eligibility.ErrUnknownModifier},
		{"repeated modifier", `{"modifiers":["court-ordered","court-ordered"]}`, "modifiers[1]", eligibility.ErrDuplicateEntry},
		{"unknown edition", `{"edition":"5th"}`, "edition", iop.ErrUnknownEdition},
		{"trailing data", `{} {}`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := eligibility.ParseAssessment([]byte(tt.in))
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, eligibility.Assessment{}, a)
		})
	}
}

func TestAssessmentValidate(t *testing.T) {
	valid := assess(t, iopRisks)
	require.NoError(t, valid.Validate())

	type fe = iop.FieldError
	tests := []struct {
		name string
		edit func(*eligibility.Assessment)
		want iop.Errors
	}{
		{"zero", func(a *eligibility.Assessment) { *a = eligibility.Assessment{} }, iop.Errors{
			&fe{Field: "edition", Err: iop.ErrMissing}, &fe{Field: "date", Err: iop.ErrMissing},
			&fe{Field: "population", Err: iop.ErrMissing},
			&fe{Field: "ratings.D1", Err: iop.ErrMissing}, &fe{Field: "ratings.D2", Err: iop.ErrMissing},
			&fe{Field: "ratings.D3", Err: iop.ErrMissing}, &fe{Field: "ratings.D4", Err: iop.ErrMissing},
			&fe{Field: "ratings.D5", Err: iop.ErrMissing}, &fe{Field: "ratings.D6", Err: iop.ErrMissing},
		}},
		{"unknown edition and population", func(a *eligibility.Assessment) { a.Edition, a.Population = 9, 9 }, iop.Errors{
			&fe{Field: "edition", Err: iop.ErrUnknownEdition}, &fe{Field: "population", Err: iop.ErrUnknownPopulation},
		}},
		{"adolescent in the 4th edition", func(a *eligibility.Assessment) { a.Edition, a.Population = iop.Edition4, iop.Adolescent }, iop.Errors{
			&fe{Field: "population", Err: eligibility.ErrPopulationNotInEdition},
		}},
		{"rating out of range", func(a *eligibility.Assessment) {
			a.Ratings = a.Ratings.With(eligibility.D5, eligibility.Rating{Risk: 6})
		}, iop.Errors{&fe{Field: "ratings.D5", Err: eligibility.ErrUnknownRisk}}},
		{"unknown modifier bits", func(a *eligibility.Assessment) { a.Modifiers = 1 << 15 }, iop.Errors{
			&fe{Field: "modifiers", Err: eligibility.ErrUnknownModifier},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := valid
			tt.edit(&a)
			err := a.Validate()
			var got iop.Errors
			require.ErrorAs(t, err, &got)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRatings(t *testing.T) {
	r := eligibility.NewRatings(eligibility.Risk1, eligibility.Risk3, eligibility.Risk0, eligibility.Risk3, eligibility.Risk2, eligibility.Risk1)
	top, dims := r.Highest()
	assert.Equal(t, eligibility.Risk3, top)
	assert.Equal(t, set(eligibility.D2, eligibility.D4), dims)
	assert.Equal(t, eligibility.Rating{}, r.Of(0))
	assert.Equal(t, r, r.With(9, eligibility.Rating{Risk: eligibility.Risk4}))
	top, dims = eligibility.Ratings{}.Highest()
	assert.Equal(t, eligibility.Risk(0), top)
	assert.True(t, dims.IsZero())

	var a eligibility.Assessment
	assert.True(t, a.IsZero())
	a.Date = date.New(2025, 1, 1)
	assert.False(t, a.IsZero())
}
