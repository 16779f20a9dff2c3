package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDimension(t *testing.T) {
	tests := []struct {
		d            eligibility.Dimension
		code         string
		name3, name4 string
		role         eligibility.Role
	}{
		{eligibility.D1, "D1", "Acute Intoxication and/or Withdrawal Potential", "Intoxication, Withdrawal, and Addiction Medications", eligibility.RoleSafety},
		{eligibility.D2, "D2", "Biomedical Conditions and Complications", "Biomedical Conditions", eligibility.RoleSafety},
		{eligibility.D3, "D3", "Emotional, Behavioral, or Cognitive Conditions and Complications", "Psychiatric and Cognitive Conditions", eligibility.RoleSafety},
		{eligibility.D4, "D4", "Readiness to Change", "Substance Use-Related Risks", eligibility.RoleIntensity},
		{eligibility.D5, "D5", "Relapse, Continued Use, or Continued Problem Potential", "Recovery Environment Interactions", eligibility.RoleIntensity},
		{eligibility.D6, "D6", "Recovery/Living Environment", "Person-Centered Considerations", eligibility.RoleIntensity},
	}
	require.Len(t, tests, eligibility.NumDimensions)
	for i, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			assert.Equal(t, eligibility.Dimensions()[i], tt.d)
			assert.Equal(t, tt.code, tt.d.String())
			assert.Equal(t, tt.name3, tt.d.Name(iop.Edition3))
			assert.Equal(t, tt.name4, tt.d.Name(iop.Edition4))
			assert.Empty(t, tt.d.Name(0))
			assert.Equal(t, tt.role, tt.d.Role())
			got, err := eligibility.ParseDimension(tt.code)
			require.NoError(t, err)
			assert.Equal(t, tt.d, got)
			b, err := tt.d.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.code, string(b))
		})
	}
	for _, bad := range []eligibility.Dimension{0, 7, 255} {
		assert.False(t, bad.IsValid())
		assert.Empty(t, bad.Name(iop.Edition3))
		assert.Equal(t, eligibility.Role(0), bad.Role())
		_, err := bad.MarshalText()
		require.ErrorIs(t, err, eligibility.ErrUnknownDimension)
	}
	assert.Equal(t, "%!Dimension(7)", eligibility.Dimension(7).String())
	for _, s := range []string{"", "d1", "D0", "D7", "1", " D1"} {
		_, err := eligibility.ParseDimension(s)
		require.ErrorIs(t, err, eligibility.ErrUnknownDimension, "ParseDimension(%q)", s)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "eligibility.ParseDimension", pe.Func)
	}
	assert.Equal(t, "safety", eligibility.RoleSafety.String())
	assert.Equal(t, "intensity", eligibility.RoleIntensity.String())
	assert.Equal(t, "%!Role(3)", eligibility.Role(3).String())
}

func TestDimensionSet(t *testing.T) {
	s := eligibility.SetOf(eligibility.D3, eligibility.D1, 0, 9)
	assert.Equal(t, "D1,D3", s.String())
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(eligibility.D1))
	assert.False(t, s.Has(eligibility.D2))
	assert.False(t, s.Has(0))
	assert.True(t, eligibility.DimensionSet(0).IsZero())
	assert.Empty(t, eligibility.DimensionSet(0).String())
	var got []eligibility.Dimension
	for d := range allDims.All() {
		if d == eligibility.D3 {
			break
		}
		got = append(got, d)
	}
	assert.Equal(t, []eligibility.Dimension{eligibility.D1, eligibility.D2}, got)
}

func TestRisk(t *testing.T) {
	names := []string{"none", "mild", "moderate", "significant", "severe"}
	for n, r := range eligibility.Risks() {
		got, ok := eligibility.RiskOf(n)
		require.True(t, ok)
		assert.Equal(t, r, got)
		assert.Equal(t, n, r.Int())
		assert.Equal(t, string(rune('0'+n)), r.String())
		assert.Equal(t, names[n], r.Name())
		assert.NotEmpty(t, r.Meaning())
		p, err := eligibility.ParseRisk(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, p)
		j, err := r.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(j))
		var u eligibility.Risk
		require.NoError(t, u.UnmarshalJSON(j))
		assert.Equal(t, r, u)
	}
	assert.Less(t, eligibility.Risk2, eligibility.Risk3)
	for _, n := range []int{-1, 5, 100} {
		_, ok := eligibility.RiskOf(n)
		assert.False(t, ok, "RiskOf(%d)", n)
	}
	var zero eligibility.Risk
	assert.True(t, zero.IsZero())
	assert.Equal(t, -1, zero.Int())
	assert.Empty(t, zero.Name())
	assert.Empty(t, zero.Meaning())
	assert.Equal(t, "%!Risk(0)", zero.String())
	_, err := zero.MarshalJSON()
	require.ErrorIs(t, err, eligibility.ErrUnknownRisk)
	for _, s := range []string{"", "5", "-1", "2.0", "\"2\"", "02", "two", "1e0"} {
		var r eligibility.Risk
		require.ErrorIs(t, r.UnmarshalJSON([]byte(s)), eligibility.ErrUnknownRisk, "UnmarshalJSON(%s)", s)
		assert.Equal(t, eligibility.Risk(0), r)
	}
	r := eligibility.Risk3
	require.NoError(t, r.UnmarshalJSON([]byte("null")))
	assert.True(t, r.IsZero())
	require.NoError(t, r.UnmarshalText([]byte("4")))
	assert.Equal(t, eligibility.Risk4, r)
}

func TestModifier(t *testing.T) {
	names := []string{"withdrawal-monitoring", "imminent-danger", "co-occurring", "unsupportive-environment",
		"failed-lower-level", "court-ordered", "stepping-down"}
	all := eligibility.AllModifiers()
	require.Len(t, names, len(all))
	for i, m := range all {
		assert.Equal(t, names[i], m.String())
		got, err := eligibility.ParseModifier(names[i])
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	_, err := eligibility.ParseModifier("Imminent-Danger")
	require.ErrorIs(t, err, eligibility.ErrUnknownModifier)
	_, err = eligibility.Modifier(0).MarshalText()
	require.ErrorIs(t, err, eligibility.ErrUnknownModifier)
	assert.Equal(t, "%!Modifier(8)", eligibility.Modifier(8).String())
}

func TestModifiers(t *testing.T) {
	s := eligibility.ModifiersOf(eligibility.ModCourtOrdered, eligibility.ModImminentDanger, 0, 99)
	assert.Equal(t, "imminent-danger,court-ordered", s.String())
	assert.True(t, s.Has(eligibility.ModCourtOrdered))
	assert.False(t, s.Without(eligibility.ModCourtOrdered).Has(eligibility.ModCourtOrdered))
	assert.Equal(t, s, s.Without(0))
	assert.True(t, s.IsValid())
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `["imminent-danger","court-ordered"]`, string(b))
	var u eligibility.Modifiers
	require.NoError(t, u.UnmarshalJSON(b))
	assert.Equal(t, s, u)

	bad := eligibility.Modifiers(1 << 12)
	assert.False(t, bad.IsValid())
	_, err = bad.MarshalJSON()
	require.ErrorIs(t, err, eligibility.ErrUnknownModifier)

	tests := []struct {
		in    string
		field string
		err   error
	}{
		{`["imminent-danger","bogus"]`, "[1]", eligibility.ErrUnknownModifier},
		{`["court-ordered","court-ordered"]`, "[1]", eligibility.ErrDuplicateEntry},
		{`"imminent-danger"`, "", iop.ErrSyntax},
		{`[1]`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		var m eligibility.Modifiers
		err := m.UnmarshalJSON([]byte(tt.in))
		require.ErrorIs(t, err, tt.err, "UnmarshalJSON(%s)", tt.in)
		var fe *iop.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, tt.field, fe.Field)
	}
}

func TestTextEnums(t *testing.T) {
	type enum interface {
		String() string
		MarshalText() ([]byte, error)
	}
	tests := []struct {
		name   string
		values []enum
		parse  func(string) (enum, error)
		err    error
		bad    enum
	}{
		{"VarianceReason", []enum{eligibility.VariancePayerAuthorizedLower, eligibility.VariancePatientPreference,
			eligibility.VarianceLevelNotAvailable, eligibility.VarianceClinicalJudgement, eligibility.VarianceCourtOrdered},
			func(s string) (enum, error) { return eligibility.ParseVarianceReason(s) }, eligibility.ErrUnknownVariance,
			eligibility.VarianceReason(0)},
		{"Progress", []enum{eligibility.ProgressMade, eligibility.ProgressNone, eligibility.ProgressGoalsMet, eligibility.ProgressWorsening},
			func(s string) (enum, error) { return eligibility.ParseProgress(s) }, eligibility.ErrUnknownProgress,
			eligibility.Progress(9)},
		{"Direction", []enum{eligibility.DirectionStart, eligibility.DirectionUp, eligibility.DirectionDown},
			func(s string) (enum, error) { return eligibility.ParseDirection(s) }, eligibility.ErrUnknownDirection,
			eligibility.Direction(0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range tt.values {
				b, err := v.MarshalText()
				require.NoError(t, err)
				got, err := tt.parse(string(b))
				require.NoError(t, err)
				assert.Equal(t, v, got)
			}
			_, err := tt.bad.MarshalText()
			require.ErrorIs(t, err, tt.err)
			_, err = tt.parse("")
			require.ErrorIs(t, err, tt.err)
			_, err = tt.parse(tt.bad.String())
			require.ErrorIs(t, err, tt.err)
		})
	}
	assert.Equal(t, "clinical-judgement", eligibility.VarianceClinicalJudgement.String())
	var v eligibility.VarianceReason
	require.NoError(t, v.UnmarshalText([]byte("level-not-available")))
	assert.Equal(t, eligibility.VarianceLevelNotAvailable, v)
	var p eligibility.Progress
	require.NoError(t, p.UnmarshalText([]byte("goals-met")))
	assert.Equal(t, eligibility.ProgressGoalsMet, p)
	var d eligibility.Direction
	require.NoError(t, d.UnmarshalText([]byte("down")))
	assert.Equal(t, eligibility.DirectionDown, d)
}
