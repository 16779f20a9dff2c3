package eligibility_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
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
	want := assess(t, iopRisks, eligibility.ModifierCoOccurring, eligibility.ModifierCourtOrdered)
	want.Ratings = want.Ratings.
		With(eligibility.Dimension1, eligibility.Rating{Risk: eligibility.Risk1, Note: "n-11"}).
		With(eligibility.Dimension4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-14"})
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
		name string
		in   string
		want []fieldWant
	}{
		{"unknown field", `{"id":"A","name":"x"}`, []fieldWant{{"#1", iop.ErrUnknownField}}},
		{"duplicate field", `{"id":"A","id":"B"}`, []fieldWant{{"id", iop.ErrDuplicate}}},
		{"impossible date", `{"date":"2025-02-30"}`, []fieldWant{{"date", iop.ErrInvalidDate}}},
		{"unknown dimension", `{"ratings":{"D7":{"risk":1}}}`, []fieldWant{{"ratings.#0", iop.ErrUnknownField}}},
		{"repeated dimension", `{"ratings":{"D1":{"risk":1},"D1":{"risk":2}}}`, []fieldWant{{"ratings.D1", iop.ErrDuplicate}}},
		{"risk out of range", `{"ratings":{"D1":{"risk":5}}}`, []fieldWant{{"ratings.D1.risk", iop.ErrUnknown}}},
		{"risk as string", `{"ratings":{"D1":{"risk":"1"}}}`, []fieldWant{{"ratings.D1.risk", iop.ErrUnknown}}},
		{"risk left out", `{"ratings":{"D1":{"note":"n-1"}}}`, []fieldWant{{"ratings.D1.risk", iop.ErrMissing}}},
		{"risk null", `{"ratings":{"D1":{"risk":null}}}`, []fieldWant{{"ratings.D1.risk", iop.ErrMissing}}},
		{"unknown rating field", `{"ratings":{"D1":{"risk":1,"score":3}}}`, []fieldWant{{"ratings.D1.#1", iop.ErrUnknownField}}},
		{"unknown modifier", `{"modifiers":["homeless"]}`, []fieldWant{{"modifiers[0]", iop.ErrUnknown}}},
		{"repeated modifier", `{"modifiers":["court-ordered","court-ordered"]}`, []fieldWant{{"modifiers[1]", iop.ErrDuplicate}}},
		{"unknown edition", `{"edition":"5th"}`, []fieldWant{{"edition", iop.ErrUnknown}}},
		{"trailing data", `{} {}`, []fieldWant{{"", iop.ErrSyntax}}},
		{"ID with a control character", `{"id":"A\u001b[31m"}`, []fieldWant{{"id", iop.ErrSyntax}}},
		{"ID with a NUL", `{"id":"A\u0000"}`, []fieldWant{{"id", iop.ErrSyntax}}},
		{"ID with a bidirectional override", `{"id":"A\u202e"}`, []fieldWant{{"id", iop.ErrSyntax}}},
		{"ID too long", `{"id":"` + strings.Repeat("x", iop.MaxIDLen+1) + `"}`, []fieldWant{{"id", iop.ErrOutOfRange}}},
		{"invalid UTF-8 in an ID", "{\"id\":\"\xff\"}", []fieldWant{{"", iop.ErrSyntax}}},
		{"note ID with a newline", `{"ratings":{"D1":{"risk":1,"note":"n\n1"}}}`, []fieldWant{{"ratings.D1.note", iop.ErrSyntax}}},
		{"year 0000", `{"date":"0000-01-01"}`, []fieldWant{{"date", iop.ErrInvalidDate}}},
		{"year 0025", `{"date":"0025-03-03"}`, []fieldWant{{"date", iop.ErrOutOfRange}}},
		{"the day before 1970", `{"date":"1969-12-31"}`, []fieldWant{{"date", iop.ErrOutOfRange}}},
		{"year 2200", `{"date":"2200-01-01"}`, []fieldWant{{"date", iop.ErrOutOfRange}}},
		{"too large", `{"id":"` + strings.Repeat("x", 8<<20) + `"}`, []fieldWant{{"", iop.ErrTooLarge}}},
		{"every error at once", `{"edition":"5th","date":"2025-02-30","ratings":{"D2":{"risk":7},"D3":{}}}`, []fieldWant{
			{"edition", iop.ErrUnknown}, {"date", iop.ErrInvalidDate},
			{"ratings.D2.risk", iop.ErrUnknown}, {"ratings.D3.risk", iop.ErrMissing},
		}},
		{"valid JSON, invalid assessment", `{"edition":"4th","date":"2025-03-03","population":"adolescent","ratings":{"D1":{"risk":0}}}`, []fieldWant{
			{"id", iop.ErrMissing}, {"population", iop.ErrOutOfRange},
			{"ratings.D2", iop.ErrMissing}, {"ratings.D3", iop.ErrMissing}, {"ratings.D4", iop.ErrMissing},
			{"ratings.D5", iop.ErrMissing}, {"ratings.D6", iop.ErrMissing},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := eligibility.ParseAssessment([]byte(tt.in))
			requireFields(t, err, tt.want...)
			assert.Equal(t, eligibility.Assessment{}, a)
		})
	}
}

func TestAssessmentValidate(t *testing.T) {
	valid := assess(t, iopRisks)
	require.NoError(t, valid.Validate())

	tests := []struct {
		name string
		edit func(*eligibility.Assessment)
		want []fieldWant
	}{
		{"zero", func(a *eligibility.Assessment) { *a = eligibility.Assessment{} }, []fieldWant{
			{"id", iop.ErrMissing}, {"edition", iop.ErrMissing}, {"date", iop.ErrMissing}, {"population", iop.ErrMissing},
			{"ratings.D1", iop.ErrMissing}, {"ratings.D2", iop.ErrMissing}, {"ratings.D3", iop.ErrMissing},
			{"ratings.D4", iop.ErrMissing}, {"ratings.D5", iop.ErrMissing}, {"ratings.D6", iop.ErrMissing},
		}},
		{"unknown edition and population", func(a *eligibility.Assessment) { a.Edition, a.Population = 9, 9 }, []fieldWant{
			{"edition", iop.ErrUnknown}, {"population", iop.ErrUnknown},
		}},
		{"adolescent in the 4th edition", func(a *eligibility.Assessment) { a.Edition, a.Population = iop.Edition4, iop.PopulationAdolescent },
			[]fieldWant{{"population", iop.ErrOutOfRange}}},
		{"rating out of range", func(a *eligibility.Assessment) {
			a.Ratings = a.Ratings.With(eligibility.Dimension5, eligibility.Rating{Risk: 6})
		}, []fieldWant{{"ratings.D5.risk", iop.ErrOutOfRange}}},
		{"a dimension not rated", func(a *eligibility.Assessment) { a.Ratings = a.Ratings.Without(eligibility.Dimension2) },
			[]fieldWant{{"ratings.D2", iop.ErrMissing}}},
		{"unknown modifier bits", func(a *eligibility.Assessment) { a.Modifiers = 1 << 15 },
			[]fieldWant{{"modifiers", iop.ErrUnknown}}},
		{"ID with invalid UTF-8", func(a *eligibility.Assessment) { a.ID = "A\xff" }, []fieldWant{{"id", iop.ErrSyntax}}},
		{"ID with a line feed", func(a *eligibility.Assessment) { a.ID = "A\n1" }, []fieldWant{{"id", iop.ErrSyntax}}},
		{"note ID with an escape", func(a *eligibility.Assessment) {
			a.Ratings = a.Ratings.With(eligibility.Dimension3, eligibility.Rating{Risk: 1, Note: "\x1b[2J"})
		}, []fieldWant{{"ratings.D3.note", iop.ErrSyntax}}},
		{"date before 1970", func(a *eligibility.Assessment) { a.Date = iop.MustParseDate("1969-12-31") },
			[]fieldWant{{"date", iop.ErrOutOfRange}}},
		{"date in 2200", func(a *eligibility.Assessment) { a.Date = iop.MustParseDate("2200-01-01") },
			[]fieldWant{{"date", iop.ErrOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := valid
			tt.edit(&a)
			requireFields(t, a.Validate(), tt.want...)
		})
	}
}

func TestRatings(t *testing.T) {
	r, err := eligibility.NewRatings(eligibility.Risk1, eligibility.Risk3, eligibility.Risk0, eligibility.Risk3, eligibility.Risk2, eligibility.Risk1)
	require.NoError(t, err)
	assert.True(t, r.IsComplete())
	top, dims := r.Highest()
	assert.Equal(t, eligibility.Risk3, top)
	assert.Equal(t, iop.SetOf[eligibility.Dimension](eligibility.Dimension2, eligibility.Dimension4), dims)
	_, ok := r.Of(0)
	assert.False(t, ok)
	assert.Equal(t, r, r.With(9, eligibility.Rating{Risk: eligibility.Risk4}))

	var zero eligibility.Ratings
	assert.True(t, zero.IsZero())
	assert.False(t, zero.IsComplete())
	top, dims = zero.Highest()
	assert.Equal(t, eligibility.Risk0, top)
	assert.Zero(t, dims)

	one := zero.With(eligibility.Dimension3, eligibility.Rating{})
	rating, ok := one.Of(eligibility.Dimension3)
	require.True(t, ok, "a rating of 0 is a rating")
	assert.Equal(t, eligibility.Rating{Risk: eligibility.Risk0}, rating)
	_, ok = one.Of(eligibility.Dimension4)
	assert.False(t, ok, "a dimension never rated is not rated 0")
	assert.Equal(t, iop.SetOf[eligibility.Dimension](eligibility.Dimension3), one.Rated())
	top, dims = one.Highest()
	assert.Equal(t, eligibility.Risk0, top)
	assert.Equal(t, iop.SetOf[eligibility.Dimension](eligibility.Dimension3), dims)
	assert.Equal(t, zero, one.Without(eligibility.Dimension3))

	var a eligibility.Assessment
	assert.True(t, a.IsZero())
	a.Date = day
	assert.False(t, a.IsZero())
}

// TestRatingsOldMistake: when Risk0 had the value 1, NewRatings(1, 0, 1, 2,
// 2, 1) compiled and meant "0, unset, 0, 1, 1, 0". The value of a Risk is
// now the rating, so the same call means what it says; a number outside
// 0-4 is refused, and leaving a dimension out is refused by Validate.
func TestRatingsOldMistake(t *testing.T) {
	r, err := eligibility.NewRatings(1, 0, 1, 2, 2, 1)
	require.NoError(t, err)
	assert.Equal(t, ratings(t, iopRisks), r)
	for i, want := range iopRisks {
		got, ok := r.Risk(eligibility.Dimension(i + 1))
		require.True(t, ok)
		assert.Equal(t, want, got.Int(), "D%d", i+1)
	}
	assert.Equal(t, iop.Level21, decide(t, eligibility.Assessment{
		ID: "A-1", Edition: iop.Edition3, Date: day, Population: iop.PopulationAdult, Ratings: r,
	}).Recommended())

	_, err = eligibility.NewRatings(1, 0, 1, 2, 2, 5)
	requireFields(t, err, fieldWant{"D6", iop.ErrOutOfRange})
	_, err = eligibility.NewRatings(9, 0, 1, 2, 2, 5)
	requireFields(t, err, fieldWant{"D1", iop.ErrOutOfRange}, fieldWant{"D6", iop.ErrOutOfRange})
	for _, n := range []int{-1, 5, 100} {
		_, err := eligibility.RiskOf(n)
		require.ErrorIs(t, err, iop.ErrOutOfRange, "RiskOf(%d)", n)
	}
	a := assess(t, iopRisks)
	a.Ratings = eligibility.Ratings{}
	requireFields(t, a.Validate(),
		fieldWant{"ratings.D1", iop.ErrMissing}, fieldWant{"ratings.D2", iop.ErrMissing}, fieldWant{"ratings.D3", iop.ErrMissing},
		fieldWant{"ratings.D4", iop.ErrMissing}, fieldWant{"ratings.D5", iop.ErrMissing}, fieldWant{"ratings.D6", iop.ErrMissing})
}

func TestRatingsJSON(t *testing.T) {
	r := eligibility.Ratings{}.With(eligibility.Dimension2, eligibility.Rating{Risk: eligibility.Risk0, Note: "n-2"})
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"D2":{"risk":0,"note":"n-2"}}`, string(b), "a rating of 0 is written, dimensions not rated are not")
	var back eligibility.Ratings
	require.NoError(t, back.UnmarshalJSON(b))
	assert.Equal(t, r, back)
}

// TestAssessmentDateRange: the first and the last plausible service dates
// are accepted, in JSON and in Validate alike.
func TestAssessmentDateRange(t *testing.T) {
	for _, on := range []string{"1970-01-01", "2199-12-31", "2024-02-29"} {
		a := assess(t, iopRisks)
		a.Date = iop.MustParseDate(on)
		require.NoError(t, a.Validate(), on)
		b, err := json.Marshal(a)
		require.NoError(t, err)
		back, err := eligibility.ParseAssessment(b)
		require.NoError(t, err, on)
		assert.Equal(t, a, back)
	}
}
