package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recommendation returns a valid adult 3rd-edition recommendation of level
// l by ASAM CONTINUUM, without ratings.
func recommendation(t testing.TB, l iop.Level) eligibility.Recommendation {
	t.Helper()
	return eligibility.Recommendation{ID: "A-1", Source: "ASAM CONTINUUM", Edition: iop.Edition3, Date: day,
		Population: iop.PopulationAdult, Level: l}
}

// recommended makes the decision of r with the standard checker.
func recommended(t testing.TB, r eligibility.Recommendation) eligibility.Decision {
	t.Helper()
	d, err := std(t).Recommended(r)
	require.NoError(t, err)
	return d
}

var levels3rd = []iop.Level{iop.Level05, iop.Level1, iop.Level21, iop.Level25, iop.Level31, iop.Level33, iop.Level35, iop.Level37, iop.Level4}

func TestRecommended(t *testing.T) {
	t.Run("with ratings", func(t *testing.T) {
		r := recommendation(t, iop.Level25)
		r.Ratings = ratings(t, [6]int{0, 0, 3, 2, 2, 0}).With(eligibility.Dimension3, eligibility.Rating{Risk: 3, Note: "n-3"})
		r.Modifiers = iop.SetOf[eligibility.Modifier](eligibility.ModifierCoOccurring)
		d := recommended(t, r)
		assert.Equal(t, "ASAM CONTINUUM", d.Source())
		assert.Empty(t, d.Criteria())
		assert.Equal(t, iop.Level25, d.Recommended())
		assert.Equal(t, iop.Level25, d.Justified(), "the tool's level is all the decision justifies")
		assert.Equal(t, iop.Level25, d.Placed())
		assert.Equal(t, iop.Level(0), d.SafetyLevel())
		assert.Equal(t, iop.Level(0), d.IntensityLevel())
		assert.Equal(t, iop.Set[eligibility.Dimension](0), d.Drivers(), "the tool does not say which dimensions drove the level")
		assert.Equal(t, eligibility.Modifier(0), d.RaisedBy())
		assert.Equal(t, levels3rd, d.Levels())
		assert.Equal(t, eligibility.Assessment{ID: "A-1", Edition: iop.Edition3, Date: day, Population: iop.PopulationAdult,
			Ratings: r.Ratings, Modifiers: r.Modifiers}, d.Assessment())
		var want [eligibility.NumDimensions]eligibility.Reason
		for i, risk := range [6]eligibility.Risk{0, 0, 3, 2, 2, 0} {
			want[i] = eligibility.Reason{Dimension: eligibility.Dimension(i + 1), Risk: risk, Rule: -1}
		}
		want[2].Note = "n-3"
		assert.Equal(t, want, d.Reasons())
		assert.Equal(t, []eligibility.ModifierReason{{Modifier: eligibility.ModifierCoOccurring, Rule: -1}}, d.ModifierReasons())
		assert.False(t, d.IsZero())
	})
	t.Run("without ratings", func(t *testing.T) {
		d := recommended(t, recommendation(t, iop.Level21))
		assert.Equal(t, [eligibility.NumDimensions]eligibility.Reason{}, d.Reasons())
		assert.True(t, d.Assessment().Ratings.IsZero())
		assert.Nil(t, d.ModifierReasons())
	})
	t.Run("4th edition under a profile without an edition", func(t *testing.T) {
		r := recommendation(t, iop.Level27)
		r.Edition, r.Source = iop.Edition4, "ASAM CO-Triage"
		r.Patient = eligibility.PatientRecord{Met: iop.SetOf(iop.All[eligibility.PatientCriterion]()...)}
		ck := newChecker(t, ioprules.MedicareIOP2025())
		d, err := ck.Recommended(r)
		require.NoError(t, err)
		assert.Equal(t, []iop.Level{iop.Level10, iop.Level15, iop.Level17, iop.Level21, iop.Level25, iop.Level27,
			iop.Level31, iop.Level35, iop.Level37, iop.Level4}, d.Levels())
		want := finding(t, eligibility.CodeAdmissionAboveIOP, "A-1", int64(iop.Level27), int64(iop.Level21), iop.UnitLevel)
		assert.Equal(t, iop.Findings{want}, admission(t, ck, d, iop.Hours(9)))
	})
}

func TestRecommendedRefuses(t *testing.T) {
	ck := std(t)
	tests := []struct {
		name string
		edit func(r *eligibility.Recommendation)
		want []fieldWant
	}{
		{"zero", func(r *eligibility.Recommendation) { *r = eligibility.Recommendation{} }, []fieldWant{
			{"id", iop.ErrMissing}, {"source", iop.ErrMissing}, {"edition", iop.ErrMissing}, {"date", iop.ErrMissing},
			{"population", iop.ErrMissing}, {"level", iop.ErrMissing},
		}},
		{"ID and source with control characters", func(r *eligibility.Recommendation) { r.ID, r.Source = "A\x00", "tool\n" },
			[]fieldWant{{"id", iop.ErrSyntax}, {"source", iop.ErrSyntax}}},
		{"a level of the 4th edition under the 3rd", func(r *eligibility.Recommendation) { r.Level = iop.Level15 },
			[]fieldWant{{"level", iop.ErrOutOfRange}}},
		{"a level of the 3rd edition under the 4th", func(r *eligibility.Recommendation) {
			r.Edition, r.Level = iop.Edition4, iop.Level33
		}, []fieldWant{{"level", iop.ErrOutOfRange}}},
		{"withdrawal management", func(r *eligibility.Recommendation) { r.Level = iop.Level2WM },
			[]fieldWant{{"level", iop.ErrOutOfRange}}},
		{"OTS", func(r *eligibility.Recommendation) { r.Level = iop.LevelOTS }, []fieldWant{{"level", iop.ErrOutOfRange}}},
		{"unknown level, edition and population", func(r *eligibility.Recommendation) { r.Level, r.Edition, r.Population = 99, 9, 9 },
			[]fieldWant{{"edition", iop.ErrUnknown}, {"population", iop.ErrUnknown}, {"level", iop.ErrUnknown}}},
		{"adolescent under the 4th edition", func(r *eligibility.Recommendation) {
			r.Edition, r.Population, r.Level = iop.Edition4, iop.PopulationAdolescent, iop.Level21
		}, []fieldWant{{"population", iop.ErrOutOfRange}}},
		{"date out of range", func(r *eligibility.Recommendation) { r.Date = iop.MustParseDate("1969-12-31") },
			[]fieldWant{{"date", iop.ErrOutOfRange}}},
		{"ratings leave dimensions out", func(r *eligibility.Recommendation) {
			r.Ratings = ratings(t, iopRisks).Without(eligibility.Dimension2).Without(eligibility.Dimension5)
		}, []fieldWant{{"ratings.D2", iop.ErrMissing}, {"ratings.D5", iop.ErrMissing}}},
		{"a risk above 4 and a bad note", func(r *eligibility.Recommendation) {
			r.Ratings = ratings(t, iopRisks).With(eligibility.Dimension1, eligibility.Rating{Risk: 5, Note: "\x1b"})
		}, []fieldWant{{"ratings.D1.risk", iop.ErrOutOfRange}, {"ratings.D1.note", iop.ErrSyntax}}},
		{"unknown modifiers", func(r *eligibility.Recommendation) { r.Modifiers = 1 << 14 },
			[]fieldWant{{"modifiers", iop.ErrUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := recommendation(t, iop.Level21)
			tt.edit(&r)
			requireFields(t, r.Validate(), tt.want...)
			d, err := ck.Recommended(r)
			requireFields(t, err, tt.want...)
			assert.True(t, d.IsZero())
		})
	}
	t.Run("another edition than the profile's", func(t *testing.T) {
		r := recommendation(t, iop.Level21)
		r.Edition = iop.Edition4
		require.NoError(t, r.Validate())
		_, err := ck.Recommended(r)
		requireFields(t, err, fieldWant{"edition", iop.ErrOutOfRange})
	})
	t.Run("zero checker", func(t *testing.T) {
		_, err := eligibility.Checker{}.Recommended(recommendation(t, iop.Level21))
		require.ErrorIs(t, err, iop.ErrMissing)
	})
}

// TestRecommendedChecks: the admission, variance, decision and review
// checks work on a recommended decision.
func TestRecommendedChecks(t *testing.T) {
	ck := std(t)
	levels := func(c iop.Code, need, got iop.Level) iop.Finding {
		return finding(t, c, "A-1", int64(need), int64(got), iop.UnitLevel)
	}
	below := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", 540, 480, iop.UnitMinutes)
	above := finding(t, eligibility.CodeAdmissionHoursAboveMaximum, "A-1", 1199, 1200, iop.UnitMinutes)
	above.Level = iop.Level25

	t.Run("admission", func(t *testing.T) {
		php := recommended(t, recommendation(t, iop.Level25))
		danger := recommendation(t, iop.Level37)
		danger.Modifiers = iop.SetOf[eligibility.Modifier](eligibility.ModifierImminentDanger)
		down := recommendation(t, iop.Level1)
		down.Modifiers = iop.SetOf[eligibility.Modifier](eligibility.ModifierSteppingDown)
		tests := []struct {
			name    string
			d       eligibility.Decision
			planned iop.Minutes
			want    iop.Findings
		}{
			{"2.1 at 9h00m", recommended(t, recommendation(t, iop.Level21)), iop.Hours(9), nil},
			{"2.1 at 8h00m", recommended(t, recommendation(t, iop.Level21)), iop.Hours(8), iop.Findings{below}},
			{"2.1 at 20h00m", recommended(t, recommendation(t, iop.Level21)), iop.Hours(20), iop.Findings{above}},
			{"2.5", php, iop.Hours(9), iop.Findings{levels(eligibility.CodeAdmissionAboveIOP, iop.Level25, iop.Level21)}},
			{"2.5 not available, IOP documented", place(t, php, iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "n-1"), iop.Hours(9),
				iop.Findings{levels(eligibility.CodeAdmissionAboveIOPDocumented, iop.Level25, iop.Level21)}},
			{"3.7 with imminent danger", recommended(t, danger), iop.Hours(9), iop.Findings{
				finding(t, eligibility.CodeAdmissionImminentDanger, "A-1", 0, 0, 0),
				levels(eligibility.CodeAdmissionNeeds24Hour, iop.Level37, iop.Level21),
			}},
			{"1", recommended(t, recommendation(t, iop.Level1)), iop.Hours(9),
				iop.Findings{levels(eligibility.CodeAdmissionBelowIOP, iop.Level1, iop.Level21)}},
			{"1, stepping down", recommended(t, down), iop.Hours(9),
				iop.Findings{levels(eligibility.CodeAdmissionBelowIOPStepDown, iop.Level1, iop.Level21)}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				assert.Equal(t, tt.want, admission(t, ck, tt.d, tt.planned))
			})
		}
	})
	t.Run("variance", func(t *testing.T) {
		d := recommended(t, recommendation(t, iop.Level21))
		tests := []struct {
			name   string
			given  iop.Level
			reason eligibility.VarianceReason
			want   iop.Findings
		}{
			{"payer authorised a lower level", iop.Level1, eligibility.VarianceReasonPayerAuthorizedLower,
				iop.Findings{levels(eligibility.CodeVarianceBelowRecommended, iop.Level21, iop.Level1)}},
			{"more than the tool justifies", iop.Level25, eligibility.VarianceReasonPatientPreference,
				iop.Findings{levels(eligibility.CodeVarianceAboveJustified, iop.Level21, iop.Level25)}},
			{"no reason", iop.Level25, 0, iop.Findings{
				levels(eligibility.CodeVarianceUndocumented, iop.Level21, iop.Level25),
				levels(eligibility.CodeVarianceAboveJustified, iop.Level21, iop.Level25),
			}},
			{"3.3, a level of the 3rd edition", iop.Level33, eligibility.VarianceReasonClinicalJudgement,
				iop.Findings{levels(eligibility.CodeVarianceAboveJustified, iop.Level21, iop.Level33)}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				assert.Equal(t, tt.want, varianceFindings(t, ck, place(t, d, tt.given, tt.reason, "n-v")))
			})
		}
		_, err := d.Place(iop.Level15, eligibility.VarianceReasonPatientPreference, "n")
		requireFields(t, err, fieldWant{"given", iop.ErrUnknown})
		_, err = d.Place(iop.Level1, eligibility.VarianceReasonPatientPreference, "n\x00")
		requireFields(t, err, fieldWant{"note", iop.ErrSyntax})
	})
	t.Run("decision", func(t *testing.T) {
		r := recommendation(t, iop.Level21)
		r.Modifiers = iop.SetOf[eligibility.Modifier](eligibility.ModifierWithdrawalMonitoring)
		assert.Equal(t, iop.Findings{finding(t, eligibility.CodeDecisionWithdrawalMonitoring, "A-1", 0, 0, 0)},
			decisionFindings(t, ck, recommended(t, r)))
	})
	t.Run("review and discharge", func(t *testing.T) {
		before := decideRisks(t, iopRisks)
		r := recommendation(t, iop.Level25)
		r.ID, r.Date = "A-2", day+14
		after := recommended(t, r)
		rv := eligibility.Review{Admitted: day, Previous: before, Current: after, Progress: eligibility.ProgressMade}
		assert.Equal(t, iop.Set[eligibility.Dimension](0), rv.Rose(), "a decision without ratings has no ratings that rose")
		fs := transfer(t, ck, rv)
		up := finding(t, eligibility.CodeTransferUpIndicated, "A-2", int64(iop.Level25), int64(iop.Level21), iop.UnitLevel)
		assert.Equal(t, iop.Findings{up}, fs)

		r.Ratings = ratings(t, [6]int{1, 0, 1, 3, 2, 1})
		rv.Current = recommended(t, r)
		assert.Equal(t, iop.SetOf[eligibility.Dimension](eligibility.Dimension4), rv.Rose())

		fs = discharge(t, ck, eligibility.DischargeReview{Final: rv.Current, NextLevel: iop.Level25})
		assert.Nil(t, fs)
	})
}

func TestRecommendedDecisionJSON(t *testing.T) {
	r := recommendation(t, iop.Level25)
	r.Ratings = ratings(t, [6]int{0, 0, 3, 2, 2, 0}).With(eligibility.Dimension3, eligibility.Rating{Risk: 3, Note: "n-3"})
	r.Modifiers = iop.SetOf[eligibility.Modifier](eligibility.ModifierCoOccurring, eligibility.ModifierCourtOrdered)
	for name, d := range map[string]eligibility.Decision{
		"with ratings":    recommended(t, r),
		"without ratings": recommended(t, recommendation(t, iop.Level21)),
		"placed":          place(t, recommended(t, r), iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "n-9"),
	} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(d)
			require.NoError(t, err)
			var back eligibility.Decision
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, d, back, "round trip")
			again, err := json.Marshal(back)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again))
		})
	}

	d := recommended(t, recommendation(t, iop.Level21))
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{
	  "assessment": {"id": "A-1", "edition": "3rd", "date": "2025-03-03", "population": "adult"},
	  "source": "ASAM CONTINUUM",
	  "levels": ["0.5", "1", "2.1", "2.5", "3.1", "3.3", "3.5", "3.7", "4"],
	  "recommended": "2.1",
	  "justified": "2.1",
	  "drivers": []
	}`, string(b))

	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		f(m)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		return out
	}
	assessment := func(m map[string]any) map[string]any {
		a, ok := m["assessment"].(map[string]any)
		require.True(t, ok)
		return a
	}
	tests := []struct {
		name string
		in   []byte
		want []fieldWant
	}{
		{"criteria and source", edit(func(m map[string]any) { m["criteria"] = "x" }), []fieldWant{{"criteria", iop.ErrDuplicate}}},
		{"a level not of the edition", edit(func(m map[string]any) { m["recommended"], m["justified"] = "1.5", "1.5" }),
			[]fieldWant{{"recommended", iop.ErrOutOfRange}}},
		{"justified changed", edit(func(m map[string]any) { m["justified"] = "2.5" }), []fieldWant{{"justified", iop.ErrOutOfRange}}},
		{"levels changed", edit(func(m map[string]any) { m["levels"] = []string{"1", "2.1"} }), []fieldWant{{"levels", iop.ErrOutOfRange}}},
		{"drivers given", edit(func(m map[string]any) { m["drivers"] = []string{"D1"} }), []fieldWant{{"drivers", iop.ErrOutOfRange}}},
		{"a safety level given", edit(func(m map[string]any) { m["safety_level"] = "2.1" }), []fieldWant{{"safety_level", iop.ErrOutOfRange}}},
		{"reasons given", edit(func(m map[string]any) {
			m["reasons"] = []any{map[string]any{"dimension": "D1", "risk": 0, "min": "1", "max": "1", "rule": 0}}
		}), []fieldWant{{"reasons", iop.ErrOutOfRange}}},
		{"a modifier reason not of the assessment", edit(func(m map[string]any) {
			m["modifiers"] = []any{map[string]any{"modifier": "court-ordered", "rule": -1}}
		}), []fieldWant{{"modifiers", iop.ErrOutOfRange}}},
		{"partial ratings", edit(func(m map[string]any) {
			assessment(m)["ratings"] = map[string]any{"D1": map[string]any{"risk": 1}}
		}), []fieldWant{{"assessment.ratings.D2", iop.ErrMissing}, {"assessment.ratings.D3", iop.ErrMissing},
			{"assessment.ratings.D4", iop.ErrMissing}, {"assessment.ratings.D5", iop.ErrMissing}, {"assessment.ratings.D6", iop.ErrMissing}}},
		{"no ID", edit(func(m map[string]any) { delete(assessment(m), "id") }), []fieldWant{{"assessment.id", iop.ErrMissing}}},
		{"a source with a control character", edit(func(m map[string]any) { m["source"] = "tool\u0007" }),
			[]fieldWant{{"source", iop.ErrSyntax}}},
		{"a variance at the recommended level", edit(func(m map[string]any) {
			m["variance"] = map[string]any{"given": "2.1", "reason": "court-ordered"}
		}), []fieldWant{{"variance.given", iop.ErrOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d
			err := json.Unmarshal(tt.in, &got)
			requireFields(t, err, tt.want...)
			assert.Equal(t, d, got, "unchanged on error")
		})
	}
}

const recommendationJSON = `{
  "id": "A-7",
  "source": "ASAM CONTINUUM",
  "edition": "3rd",
  "date": "2025-03-03",
  "population": "adolescent",
  "level": "2.5",
  "ratings": {"D1": {"risk": 0}, "D2": {"risk": 0}, "D3": {"risk": 3, "note": "n-3"}, "D4": {"risk": 2}, "D5": {"risk": 2}, "D6": {"risk": 0}},
  "modifiers": ["co-occurring"]
}`

func TestParseRecommendation(t *testing.T) {
	r, err := eligibility.ParseRecommendation([]byte(recommendationJSON))
	require.NoError(t, err)
	want := eligibility.Recommendation{ID: "A-7", Source: "ASAM CONTINUUM", Edition: iop.Edition3, Date: day,
		Population: iop.PopulationAdolescent, Level: iop.Level25,
		Ratings:   ratings(t, [6]int{0, 0, 3, 2, 2, 0}).With(eligibility.Dimension3, eligibility.Rating{Risk: 3, Note: "n-3"}),
		Modifiers: iop.SetOf[eligibility.Modifier](eligibility.ModifierCoOccurring)}
	assert.Equal(t, want, r)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, recommendationJSON, string(b))

	for _, tt := range []struct {
		name string
		in   string
		want []fieldWant
	}{
		{"empty", `{}`, []fieldWant{{"id", iop.ErrMissing}, {"source", iop.ErrMissing}, {"edition", iop.ErrMissing},
			{"date", iop.ErrMissing}, {"population", iop.ErrMissing}, {"level", iop.ErrMissing}}},
		{"unknown field", `{"name":"x"}`, []fieldWant{{"#0", iop.ErrUnknownField}}},
		{"unknown level", `{"level":"2.2"}`, []fieldWant{{"level", iop.ErrUnknown}}},
		{"impossible date", `{"date":"2025-02-30"}`, []fieldWant{{"date", iop.ErrInvalidDate}}},
		{"a source with an escape", `{"source":"\u001b[31m"}`, []fieldWant{{"source", iop.ErrSyntax}}},
		{"invalid UTF-8", "{\"id\":\"\xfe\"}", []fieldWant{{"", iop.ErrSyntax}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eligibility.ParseRecommendation([]byte(tt.in))
			requireFields(t, err, tt.want...)
			assert.True(t, got.IsZero())
		})
	}
}
