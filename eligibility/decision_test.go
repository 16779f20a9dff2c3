package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecideReasons(t *testing.T) {
	a := assess(t, iopRisks, eligibility.ModCoOccurring)
	a.Ratings = a.Ratings.With(eligibility.D4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-4"})
	c := eligibility.DefaultCriteria()
	d, err := c.Decide(a)
	require.NoError(t, err)

	var want [eligibility.NumDimensions]eligibility.Reason
	for i, dim := range eligibility.Dimensions() {
		rating := a.Ratings.Of(dim)
		rule, idx, ok := c.RuleFor(dim, rating.Risk)
		require.True(t, ok)
		want[i] = eligibility.Reason{Dimension: dim, Risk: rating.Risk, Note: rating.Note, Min: rule.Min, Max: rule.Max,
			Drives: rule.Min == iop.Level21, Rule: idx, Cite: rule.Cite}
	}
	assert.Equal(t, want, d.Reasons())
	assert.Equal(t, want[3], d.Reason(eligibility.D4))
	assert.Equal(t, eligibility.Reason{}, d.Reason(0))
	assert.Equal(t, a, d.Assessment())
	assert.Equal(t, "ioprules-public-3rd-v1", d.Criteria())

	co := eligibility.ModifierReason{Modifier: eligibility.ModCoOccurring, Rule: 2, Cite: c.Modifiers[2].Cite}
	got, ok := d.Modifier(eligibility.ModCoOccurring)
	require.True(t, ok)
	assert.Equal(t, co, got)
	_, ok = d.Modifier(eligibility.ModCourtOrdered)
	assert.False(t, ok)
	_, ok = d.Modifier(0)
	assert.False(t, ok)
	assert.Equal(t, []eligibility.ModifierReason{co}, d.ModifierReasons())

	court := decideRisks(t, iopRisks, eligibility.ModCourtOrdered)
	assert.Equal(t, []eligibility.ModifierReason{{Modifier: eligibility.ModCourtOrdered, Rule: -1}}, court.ModifierReasons(),
		"a modifier without a rule is recorded")
	assert.Nil(t, decideRisks(t, iopRisks).ModifierReasons())
}

func TestDecideErrors(t *testing.T) {
	valid := assess(t, iopRisks)
	t.Run("invalid assessment", func(t *testing.T) {
		a := valid
		a.Date = 0
		d, err := eligibility.DefaultCriteria().Decide(a)
		require.ErrorIs(t, err, iop.ErrMissing)
		assert.True(t, d.IsZero())
	})
	t.Run("edition mismatch", func(t *testing.T) {
		a := valid
		a.Edition = iop.Edition4
		_, err := eligibility.DefaultCriteria().Decide(a)
		require.ErrorIs(t, err, eligibility.ErrEditionMismatch)
		var fe *iop.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, "edition", fe.Field)
	})
	t.Run("population mismatch", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Population = iop.Adolescent
		_, err := c.Decide(valid)
		require.ErrorIs(t, err, eligibility.ErrPopulationMismatch)
	})
	t.Run("unmapped rating", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Rules = c.Rules[:ruleIndex(eligibility.D5, 2)]
		_, err := c.Decide(valid)
		var re *eligibility.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, &eligibility.RuleError{Field: "rules", Dimension: eligibility.D5, Risk: eligibility.Risk2,
			Err: eligibility.ErrUnmapped}, re)
	})
	t.Run("rule mapping to nothing", func(t *testing.T) {
		c := eligibility.DefaultCriteria().Clone()
		c.Rules[ruleIndex(eligibility.D4, 2)].Max = iop.Level1
		_, err := c.Decide(valid)
		var re *eligibility.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, &eligibility.RuleError{Field: "rules[17]", Dimension: eligibility.D4, Risk: eligibility.Risk2,
			Err: eligibility.ErrMapsToNothing}, re)
	})
	t.Run("modifier floor outside the criteria", func(t *testing.T) {
		c := eligibility.DefaultCriteria().Clone()
		c.Modifiers[1].Floor = iop.Level33
		_, err := c.Decide(assess(t, iopRisks, eligibility.ModImminentDanger))
		var re *eligibility.RuleError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, &eligibility.RuleError{Field: "modifiers[1]", Modifier: eligibility.ModImminentDanger,
			Err: eligibility.ErrLevelNotInCriteria}, re)
	})
	t.Run("first rule wins", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Rules = append([]eligibility.Rule{{Dimension: eligibility.D4, Risk: eligibility.Risk2, Min: iop.Level25,
			Max: iop.Level25, Cite: c.Source}}, c.Rules...)
		d, err := c.Decide(valid)
		require.NoError(t, err)
		assert.Equal(t, iop.Level25, d.Recommended())
		assert.Equal(t, 0, d.Reason(eligibility.D4).Rule)
	})
}

func TestPlace(t *testing.T) {
	d := decideRisks(t, iopRisks)
	assert.Equal(t, iop.Level21, d.Placed())
	assert.True(t, d.Variance().IsZero())

	v := d.Place(iop.Level1, eligibility.VariancePayerAuthorizedLower, "n-9")
	assert.Equal(t, eligibility.Variance{Given: iop.Level1, Reason: eligibility.VariancePayerAuthorizedLower, Note: "n-9"}, v.Variance())
	assert.Equal(t, iop.Level1, v.Placed())
	assert.Equal(t, iop.Level21, v.Recommended(), "a variance does not change the recommendation")
	assert.Equal(t, iop.Level21, d.Placed(), "Place returns a new decision")

	back := v.Place(iop.Level21, eligibility.VariancePatientPreference, "n-10")
	assert.Equal(t, d, back, "placing at the recommended level leaves no variance")
}

func TestDecisionFindings(t *testing.T) {
	iopDecision := decideRisks(t, iopRisks)
	c := eligibility.DefaultCriteria()
	tests := []struct {
		name string
		d    eligibility.Decision
		want iop.Findings
	}{
		{"none", iopDecision, nil},
		{"zero decision", eligibility.Decision{}, iop.Findings{{Code: eligibility.CodeDecisionMissing, Severity: iop.Blocking,
			Message: "no level-of-care decision", Cite: iop.Citation{Source: "ioprules eligibility", Edition: "v0", Note: "input check"}}}},
		{"raised by a modifier", decideRisks(t, iopRisks, eligibility.ModImminentDanger), iop.Findings{{
			Code: eligibility.CodeDecisionRaisedByModifier, Severity: iop.Info, Subject: "A-1",
			Message: "modifier imminent-danger raised the recommended level from 2.1 to 3.7",
			Cite:    c.Modifiers[1].Cite, Need: 37, Got: 21, Unit: iop.UnitIntensity,
		}}},
		{"withdrawal monitoring and co-occurring", decideRisks(t, iopRisks, eligibility.ModWithdrawalMonitoring, eligibility.ModCoOccurring), iop.Findings{
			{Code: eligibility.CodeDecisionWithdrawalMonitoring, Severity: iop.Info, Subject: "A-1",
				Message: "withdrawal monitoring must be provided with level 2.1", Cite: c.Modifiers[0].Cite},
			{Code: eligibility.CodeDecisionCoOccurring, Severity: iop.Info, Subject: "A-1",
				Message: "co-occurring conditions: the level 2.1 program must be co-occurring capable", Cite: c.Modifiers[2].Cite},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.d.Findings())
		})
	}
}

func TestVarianceFindings(t *testing.T) {
	d := decideRisks(t, iopRisks) // 2.1 recommended, 2.5 justified
	below := d.Reason(eligibility.D4).Cite
	tests := []struct {
		name   string
		given  iop.Level
		reason eligibility.VarianceReason
		want   []iop.Code
	}{
		{"payer authorised a lower level", iop.Level1, eligibility.VariancePayerAuthorizedLower,
			[]iop.Code{eligibility.CodeVarianceBelowRecommended}},
		{"no reason", iop.Level25, 0, []iop.Code{eligibility.CodeVarianceUndocumented}},
		{"patient prefers more care, still justified", iop.Level25, eligibility.VariancePatientPreference, nil},
		{"more care than anything justifies", iop.Level35, eligibility.VarianceClinicalJudgement,
			[]iop.Code{eligibility.CodeVarianceAboveJustified}},
		{"payer 'lower' level that is higher", iop.Level25, eligibility.VariancePayerAuthorizedLower,
			[]iop.Code{eligibility.CodeVarianceReasonMismatch}},
		{"not available, placed lower", iop.Level1, eligibility.VarianceLevelNotAvailable,
			[]iop.Code{eligibility.CodeVarianceBelowRecommended, eligibility.CodeVarianceNotNextAvailable}},
		{"not available, next level up", iop.Level25, eligibility.VarianceLevelNotAvailable, nil},
		{"a level the criteria do not have", iop.Level33, eligibility.VarianceCourtOrdered,
			[]iop.Code{eligibility.CodeVarianceLevelNotInCriteria, eligibility.CodeVarianceAboveJustified}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := d.Place(tt.given, tt.reason, "n-v").Findings()
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
		})
	}
	fs := d.Place(iop.Level1, eligibility.VariancePatientPreference, "n-v").Findings()
	require.Len(t, fs, 1)
	assert.Equal(t, iop.Finding{Code: eligibility.CodeVarianceBelowRecommended, Severity: iop.Warning, Subject: "A-1",
		Message: "level 1 given, 2.1 recommended (driven by D4,D5)", Cite: below, Need: 21, Got: 10, Unit: iop.UnitIntensity}, fs[0])
}

func TestDecisionJSON(t *testing.T) {
	a := assess(t, [6]int{0, 0, 0, 0, 0, 0}, eligibility.ModFailedLowerLevel)
	d := decide(t, a).Place(iop.Level1, eligibility.VariancePatientPreference, "n-7")
	b, err := json.Marshal(d)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "A-1", got["assessment"])
	assert.Equal(t, "2025-03-03", got["date"])
	assert.Equal(t, "2.1", got["recommended"])
	assert.Equal(t, "failed-lower-level", got["raised_by"])
	assert.NotContains(t, got, "drivers")
	assert.Equal(t, map[string]any{"given": "1", "reason": "patient-preference", "note": "n-7"}, got["variance"])
	reasons, ok := got["reasons"].([]any)
	require.True(t, ok)
	assert.Len(t, reasons, eligibility.NumDimensions)

	_, err = json.Marshal(eligibility.Decision{})
	require.ErrorIs(t, err, iop.ErrMissing)
}
