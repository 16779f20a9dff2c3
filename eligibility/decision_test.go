package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecideReasons(t *testing.T) {
	a := assess(t, iopRisks, eligibility.ModifierCoOccurring)
	a.Ratings = a.Ratings.With(eligibility.Dimension4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-4"})
	c := eligibility.DefaultCriteria()
	d := decide(t, a)

	var want [eligibility.NumDimensions]eligibility.Reason
	for i, dim := range iop.All[eligibility.Dimension]() {
		rating, ok := a.Ratings.Of(dim)
		require.True(t, ok)
		rule, idx, ok := c.RuleFor(dim, rating.Risk)
		require.True(t, ok)
		want[i] = eligibility.Reason{Dimension: dim, Risk: rating.Risk, Note: rating.Note, Min: rule.Min, Max: rule.Max,
			Drives: rule.Min == iop.Level21, Rule: idx, Cite: rule.Cite}
	}
	assert.Equal(t, want, d.Reasons())
	assert.Equal(t, want[3], d.Reason(eligibility.Dimension4))
	assert.Equal(t, eligibility.Reason{}, d.Reason(0))
	assert.Equal(t, a, d.Assessment())
	assert.Equal(t, "ioprules-public-3rd-v1", d.Criteria())
	assert.Equal(t, c.Levels, d.Levels())

	co := eligibility.ModifierReason{Modifier: eligibility.ModifierCoOccurring, Rule: 2, Cite: c.Modifiers[2].Cite}
	got, ok := d.Modifier(eligibility.ModifierCoOccurring)
	require.True(t, ok)
	assert.Equal(t, co, got)
	_, ok = d.Modifier(eligibility.ModifierCourtOrdered)
	assert.False(t, ok)
	_, ok = d.Modifier(0)
	assert.False(t, ok)
	assert.Equal(t, []eligibility.ModifierReason{co}, d.ModifierReasons())

	court := decideRisks(t, iopRisks, eligibility.ModifierCourtOrdered)
	assert.Equal(t, []eligibility.ModifierReason{{Modifier: eligibility.ModifierCourtOrdered, Rule: -1}}, court.ModifierReasons(),
		"a modifier without a rule is recorded")
	assert.Nil(t, decideRisks(t, iopRisks).ModifierReasons())
}

func TestDecideErrors(t *testing.T) {
	valid := assess(t, iopRisks)
	ck := std(t)
	t.Run("invalid assessment", func(t *testing.T) {
		a := valid
		a.Date = 0
		a.Ratings = a.Ratings.Without(eligibility.Dimension3)
		d, err := ck.Decide(a)
		requireFields(t, err, fieldWant{"date", iop.ErrMissing}, fieldWant{"ratings.D3", iop.ErrMissing})
		assert.True(t, d.IsZero())
	})
	t.Run("edition mismatch", func(t *testing.T) {
		a := valid
		a.Edition = iop.Edition4
		_, err := ck.Decide(a)
		requireFields(t, err, fieldWant{"edition", iop.ErrOutOfRange})
	})
	t.Run("population mismatch", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Population = iop.PopulationAdolescent
		ck, err := eligibility.NewChecker(withCriteria(ioprules.ASAM3Level21(), c))
		require.NoError(t, err)
		_, err = ck.Decide(valid)
		requireFields(t, err, fieldWant{"population", iop.ErrOutOfRange})
	})
	t.Run("zero checker", func(t *testing.T) {
		_, err := eligibility.Checker{}.Decide(valid)
		require.ErrorIs(t, err, iop.ErrMissing)
	})
	t.Run("first rule wins", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Rules = append([]eligibility.Criterion{{Dimension: eligibility.Dimension4, Risk: eligibility.Risk2, Min: iop.Level25,
			Max: iop.Level25, Cite: c.Source}}, c.Rules...)
		// Validate refuses the second mapping of D4 risk 2; the rule
		// order of Decide is shown with criteria that map it once.
		c.Rules = append(c.Rules[:1+ruleIndex(eligibility.Dimension4, 2)], c.Rules[2+ruleIndex(eligibility.Dimension4, 2):]...)
		ck, err := eligibility.NewChecker(withCriteria(ioprules.ASAM3Level21(), c))
		require.NoError(t, err)
		d, err := ck.Decide(valid)
		require.NoError(t, err)
		assert.Equal(t, iop.Level25, d.Recommended())
		assert.Equal(t, 0, d.Reason(eligibility.Dimension4).Rule)
	})
}

func TestPlace(t *testing.T) {
	d := decideRisks(t, iopRisks)
	assert.Equal(t, iop.Level21, d.Placed())
	assert.True(t, d.Variance().IsZero())

	v := place(t, d, iop.Level1, eligibility.VarianceReasonPayerAuthorizedLower, "n-9")
	assert.Equal(t, eligibility.Variance{Given: iop.Level1, Reason: eligibility.VarianceReasonPayerAuthorizedLower, Note: "n-9"}, v.Variance())
	assert.Equal(t, iop.Level1, v.Placed())
	assert.Equal(t, iop.Level21, v.Recommended(), "a variance does not change the recommendation")
	assert.Equal(t, iop.Level21, d.Placed(), "Place returns a new decision")

	back := place(t, v, iop.Level21, eligibility.VarianceReasonPatientPreference, "n-10")
	assert.Equal(t, d, back, "placing at the recommended level leaves no variance")

	tests := []struct {
		name   string
		d      eligibility.Decision
		given  iop.Level
		reason eligibility.VarianceReason
		want   []fieldWant
	}{
		{"zero decision", eligibility.Decision{}, iop.Level1, 0, []fieldWant{{"decision", iop.ErrMissing}}},
		{"no level", d, 0, eligibility.VarianceReasonPatientPreference, []fieldWant{{"given", iop.ErrMissing}}},
		{"unknown level", d, 99, 0, []fieldWant{{"given", iop.ErrUnknown}}},
		{"a level the criteria do not have", d, iop.Level33, eligibility.VarianceReasonCourtOrdered, []fieldWant{{"given", iop.ErrUnknown}}},
		{"unknown reason", d, iop.Level1, 42, []fieldWant{{"reason", iop.ErrUnknown}}},
		{"both", d, iop.LevelOTS, 42, []fieldWant{{"given", iop.ErrUnknown}, {"reason", iop.ErrUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.d.Place(tt.given, tt.reason, "n")
			requireFields(t, err, tt.want...)
			assert.True(t, got.IsZero())
		})
	}
}

func TestCheckDecision(t *testing.T) {
	ck := std(t)
	raised := finding(t, eligibility.CodeDecisionRaisedByModifier, "A-1", int64(iop.Level37), int64(iop.Level21), iop.UnitLevel)
	wm := finding(t, eligibility.CodeDecisionWithdrawalMonitoring, "A-1", 0, 0, 0)
	co := finding(t, eligibility.CodeDecisionCoOccurring, "A-1", 0, 0, 0)
	tests := []struct {
		name string
		d    eligibility.Decision
		want iop.Findings
	}{
		{"none", decideRisks(t, iopRisks), nil},
		{"raised by a modifier", decideRisks(t, iopRisks, eligibility.ModifierImminentDanger), iop.Findings{raised}},
		{"withdrawal monitoring and co-occurring",
			decideRisks(t, iopRisks, eligibility.ModifierWithdrawalMonitoring, eligibility.ModifierCoOccurring), iop.Findings{wm, co}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, decisionFindings(t, ck, tt.d))
		})
	}
	assert.Equal(t, "a modifier raised the recommended level above what the dimensions need: need 3.7, got 2.1", eligibility.Rules().Message(raised))
	_, err := ck.CheckDecision(&eligibility.Decision{})
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing})
}

func TestCheckVariance(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, iopRisks) // 2.1 recommended, 2.5 justified
	tests := []struct {
		name   string
		given  iop.Level
		reason eligibility.VarianceReason
		want   []iop.Code
	}{
		{"payer authorised a lower level", iop.Level1, eligibility.VarianceReasonPayerAuthorizedLower,
			[]iop.Code{eligibility.CodeVarianceBelowRecommended}},
		{"no reason", iop.Level25, 0, []iop.Code{eligibility.CodeVarianceUndocumented}},
		{"patient prefers more care, still justified", iop.Level25, eligibility.VarianceReasonPatientPreference, nil},
		{"more care than anything justifies", iop.Level31, eligibility.VarianceReasonClinicalJudgement,
			[]iop.Code{eligibility.CodeVarianceAboveJustified}},
		{"payer 'lower' level that is higher", iop.Level25, eligibility.VarianceReasonPayerAuthorizedLower,
			[]iop.Code{eligibility.CodeVarianceReasonMismatch}},
		{"not available, placed lower", iop.Level1, eligibility.VarianceReasonLevelNotAvailable,
			[]iop.Code{eligibility.CodeVarianceBelowRecommended, eligibility.CodeVarianceNotNextAvailable}},
		{"not available, next level up", iop.Level25, eligibility.VarianceReasonLevelNotAvailable, nil},
		{"placed at the recommended level", iop.Level21, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := varianceFindings(t, ck, place(t, d, tt.given, tt.reason, "n-v"))
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, eligibility.Rules(), fs)
		})
	}
	want := finding(t, eligibility.CodeVarianceBelowRecommended, "A-1", int64(iop.Level21), int64(iop.Level1), iop.UnitLevel)
	assert.Equal(t, iop.Findings{want},
		varianceFindings(t, ck, place(t, d, iop.Level1, eligibility.VarianceReasonPatientPreference, "n-v")))
	_, err := ck.CheckVariance(&eligibility.Decision{})
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing})
}

func TestDecisionJSON(t *testing.T) {
	a := assess(t, [6]int{0, 0, 0, 0, 0, 0}, eligibility.ModifierFailedLowerLevel, eligibility.ModifierCourtOrdered)
	a.Ratings = a.Ratings.With(eligibility.Dimension2, eligibility.Rating{Risk: 0, Note: "n-2"})
	d := place(t, decide(t, a), iop.Level1, eligibility.VarianceReasonPatientPreference, "n-7")
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "2.1", got["recommended"])
	assert.Equal(t, "failed-lower-level", got["raised_by"])
	assert.Equal(t, []any{}, got["drivers"], "drivers are a list of names, never bits")
	assert.Equal(t, map[string]any{"given": "1", "reason": "patient-preference", "note": "n-7"}, got["variance"])
	reasons, ok := got["reasons"].([]any)
	require.True(t, ok)
	assert.Len(t, reasons, eligibility.NumDimensions)

	var back eligibility.Decision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back, "round trip")
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))

	for _, risks := range [][6]int{iopRisks, {4, 4, 4, 4, 4, 4}, {0, 2, 3, 1, 4, 2}} {
		d := decideRisks(t, risks, eligibility.ModifierImminentDanger, eligibility.ModifierCoOccurring)
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var back eligibility.Decision
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, d, back, "round trip of %v", risks)
	}

	_, err = json.Marshal(eligibility.Decision{})
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestDecisionJSONRefuses(t *testing.T) {
	d := decideRisks(t, iopRisks, eligibility.ModifierCoOccurring)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	edit := func(f func(m map[string]any)) []byte {
		var m map[string]any
		require.NoError(t, json.Unmarshal(b, &m))
		f(m)
		out, err := json.Marshal(m)
		require.NoError(t, err)
		return out
	}
	reason := func(m map[string]any, i int) map[string]any {
		rs, ok := m["reasons"].([]any)
		require.True(t, ok)
		r, ok := rs[i].(map[string]any)
		require.True(t, ok)
		return r
	}
	tests := []struct {
		name string
		in   []byte
		want []fieldWant
	}{
		{"recommended changed", edit(func(m map[string]any) { m["recommended"] = "2.5" }), []fieldWant{{"recommended", iop.ErrOutOfRange}}},
		{"drivers changed", edit(func(m map[string]any) { m["drivers"] = []string{"D1"} }), []fieldWant{{"drivers", iop.ErrOutOfRange}}},
		{"a rating changed in a reason", edit(func(m map[string]any) { reason(m, 2)["risk"] = 3 }), []fieldWant{{"reasons[2].risk", iop.ErrOutOfRange}}},
		{"reasons out of order", edit(func(m map[string]any) {
			reason(m, 0)["dimension"] = "D2"
		}), []fieldWant{{"reasons[0].dimension", iop.ErrOrder}}},
		{"a reason's level outside the criteria", edit(func(m map[string]any) {
			reason(m, 0)["max"] = "3.3"
		}), []fieldWant{{"reasons[0].max", iop.ErrUnknown}}},
		{"a modifier reason left out", edit(func(m map[string]any) { delete(m, "modifiers") }), []fieldWant{{"modifiers", iop.ErrMissing}}},
		{"a variance at the recommended level", edit(func(m map[string]any) {
			m["variance"] = map[string]any{"given": "2.1", "reason": "court-ordered"}
		}), []fieldWant{{"variance.given", iop.ErrOutOfRange}}},
		{"levels out of order", edit(func(m map[string]any) {
			m["levels"] = []string{"0.5", "2.1", "1", "2.5", "3.1", "3.5", "3.7", "4"}
		}), []fieldWant{{"levels[2]", iop.ErrOrder}, {"reasons[1].max", iop.ErrUnknown}, {"reasons[5].min", iop.ErrUnknown}}},
		{"every problem", edit(func(m map[string]any) {
			m["criteria"] = ""
			reason(m, 5)["note"] = "other"
			m["justified"] = "4"
		}), []fieldWant{{"criteria", iop.ErrMissing}, {"reasons[5].note", iop.ErrOutOfRange}}},
		{"an invalid assessment", edit(func(m map[string]any) {
			a, ok := m["assessment"].(map[string]any)
			require.True(t, ok)
			delete(a, "date")
		}), []fieldWant{{"assessment.date", iop.ErrMissing}}},
		{"unknown member", edit(func(m map[string]any) { m["zz"] = 1 }), []fieldWant{{"#10", iop.ErrUnknownField}}},
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
