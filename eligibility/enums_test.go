package eligibility_test

import (
	"encoding"
	"encoding/json"
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
		{eligibility.Dimension1, "D1", "Acute Intoxication and/or Withdrawal Potential", "Intoxication, Withdrawal, and Addiction Medications", eligibility.RoleSafety},
		{eligibility.Dimension2, "D2", "Biomedical Conditions and Complications", "Biomedical Conditions", eligibility.RoleSafety},
		{eligibility.Dimension3, "D3", "Emotional, Behavioral, or Cognitive Conditions and Complications", "Psychiatric and Cognitive Conditions", eligibility.RoleSafety},
		{eligibility.Dimension4, "D4", "Readiness to Change", "Substance Use-Related Risks", eligibility.RoleIntensity},
		{eligibility.Dimension5, "D5", "Relapse, Continued Use, or Continued Problem Potential", "Recovery Environment Interactions", eligibility.RoleIntensity},
		{eligibility.Dimension6, "D6", "Recovery/Living Environment", "Person-Centered Considerations", eligibility.RoleIntensity},
	}
	require.Len(t, tests, eligibility.NumDimensions)
	for i, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			assert.Equal(t, iop.All[eligibility.Dimension]()[i], tt.d)
			assert.Equal(t, tt.code, tt.d.String())
			assert.Equal(t, tt.name3, tt.d.Name(iop.Edition3))
			assert.Equal(t, tt.name4, tt.d.Name(iop.Edition4))
			assert.Empty(t, tt.d.Name(0))
			assert.Equal(t, tt.role, tt.d.Role())
		})
	}
	for _, bad := range []eligibility.Dimension{0, 7, 255} {
		assert.False(t, bad.IsValid())
		assert.Empty(t, bad.Name(iop.Edition3))
		assert.Equal(t, eligibility.Role(0), bad.Role())
	}
	assert.Equal(t, "%!Dimension(7)", eligibility.Dimension(7).String())
	for _, s := range []string{"", "d1", "D0", "D7", "1", " D1"} {
		_, err := iop.Parse[eligibility.Dimension](s)
		require.ErrorIs(t, err, iop.ErrUnknown, "ParseDimension(%q)", s)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "eligibility.Dimension.UnmarshalText", pe.Func)
		assert.Equal(t, "eligibility.Dimension.UnmarshalText: unknown value", err.Error())
	}
}

// enumValue is what every enum of the package implements.
type enumValue interface {
	String() string
	IsValid() bool
	encoding.TextMarshaler
}

// TestEnums checks every enum the same way: String and Parse are inverse,
// text round trips, an invalid value marshals to an error and
// prints as %!Type(n), and parse errors wrap iop.ErrUnknown.
func TestEnums(t *testing.T) {
	type enumCase struct {
		name    string
		values  []enumValue
		bad     enumValue
		badText string
		parse   func(string) (enumValue, error)
	}
	all := func(vs ...enumValue) []enumValue { return vs }
	tests := []enumCase{
		{"Dimension", all(eligibility.Dimension1, eligibility.Dimension2, eligibility.Dimension3, eligibility.Dimension4, eligibility.Dimension5, eligibility.Dimension6),
			eligibility.Dimension(9), "%!Dimension(9)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Dimension](s) }},
		{"Role", all(eligibility.RoleSafety, eligibility.RoleIntensity), eligibility.Role(3), "%!Role(3)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Role](s) }},
		{"Modifier", all(eligibility.ModifierWithdrawalMonitoring, eligibility.ModifierImminentDanger, eligibility.ModifierCoOccurring,
			eligibility.ModifierUnsupportiveEnvironment, eligibility.ModifierFailedLowerLevel, eligibility.ModifierCourtOrdered, eligibility.ModifierSteppingDown),
			eligibility.Modifier(8), "%!Modifier(8)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Modifier](s) }},
		{"VarianceReason", all(eligibility.VarianceReasonPayerAuthorizedLower, eligibility.VarianceReasonPatientPreference,
			eligibility.VarianceReasonLevelNotAvailable, eligibility.VarianceReasonClinicalJudgement, eligibility.VarianceReasonCourtOrdered),
			eligibility.VarianceReason(0), "%!VarianceReason(0)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.VarianceReason](s) }},
		{"Progress", all(eligibility.ProgressMade, eligibility.ProgressNone, eligibility.ProgressGoalsMet, eligibility.ProgressWorsening),
			eligibility.Progress(9), "%!Progress(9)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Progress](s) }},
		{"Direction", all(eligibility.DirectionStart, eligibility.DirectionUp, eligibility.DirectionDown),
			eligibility.Direction(0), "%!Direction(0)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Direction](s) }},
		{"Risk", all(eligibility.Risk0, eligibility.Risk1, eligibility.Risk2, eligibility.Risk3, eligibility.Risk4),
			eligibility.Risk(5), "%!Risk(5)",
			func(s string) (enumValue, error) { return iop.Parse[eligibility.Risk](s) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range tt.values {
				require.True(t, v.IsValid())
				b, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, v.String(), string(b))
				got, err := tt.parse(v.String())
				require.NoError(t, err)
				assert.Equal(t, v, got)
			}
			assert.False(t, tt.bad.IsValid())
			assert.Equal(t, tt.badText, tt.bad.String())
			_, err := tt.bad.MarshalText()
			require.ErrorIs(t, err, iop.ErrUnknown)
			_, err = tt.parse(tt.bad.String())
			require.ErrorIs(t, err, iop.ErrUnknown)
			_, err = tt.parse("")
			require.ErrorIs(t, err, iop.ErrUnknown)
		})
	}
	assert.Equal(t, []eligibility.Modifier{eligibility.ModifierWithdrawalMonitoring, eligibility.ModifierImminentDanger, eligibility.ModifierCoOccurring,
		eligibility.ModifierUnsupportiveEnvironment, eligibility.ModifierFailedLowerLevel, eligibility.ModifierCourtOrdered, eligibility.ModifierSteppingDown},
		iop.All[eligibility.Modifier]())
	assert.Equal(t, []eligibility.Role{eligibility.RoleSafety, eligibility.RoleIntensity}, iop.All[eligibility.Role]())
	assert.Len(t, iop.All[eligibility.VarianceReason](), 5)
	assert.Len(t, iop.All[eligibility.Progress](), 4)
	assert.Len(t, iop.All[eligibility.Direction](), 3)
}

func TestRisk(t *testing.T) {
	names := []string{"none", "mild", "moderate", "significant", "severe"}
	for n, r := range iop.All[eligibility.Risk]() {
		got, err := eligibility.RiskOf(n)
		require.NoError(t, err)
		assert.Equal(t, r, got)
		assert.Equal(t, eligibility.Risk(n), r, "the value of a Risk is the rating")
		assert.Equal(t, n, r.Int())
		assert.Equal(t, names[n], r.Name())
		assert.NotEmpty(t, r.Meaning())
		j, err := r.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, r.String(), string(j), "a number in JSON")
		var u eligibility.Risk
		require.NoError(t, u.UnmarshalJSON(j))
		assert.Equal(t, r, u)
	}
	assert.Less(t, eligibility.Risk2, eligibility.Risk3)
	var zero eligibility.Risk
	assert.Equal(t, eligibility.Risk0, zero, "the zero Risk is the rating 0")
	assert.True(t, zero.IsValid())
	bad := eligibility.Risk(5)
	assert.Empty(t, bad.Name())
	assert.Empty(t, bad.Meaning())
	_, err := bad.MarshalJSON()
	require.ErrorIs(t, err, iop.ErrUnknown)
	for _, s := range []string{"", "5", "-1", "2.0", "\"2\"", "02", "two", "1e0", "null"} {
		r := eligibility.Risk3
		require.ErrorIs(t, r.UnmarshalJSON([]byte(s)), iop.ErrUnknown, "UnmarshalJSON(%s)", s)
		assert.Equal(t, eligibility.Risk3, r, "unchanged on error")
	}
	var r eligibility.Risk
	require.NoError(t, r.UnmarshalText([]byte("4")))
	assert.Equal(t, eligibility.Risk4, r)
	for _, src := range []string{"5", "severe", "", " 2", "02"} {
		err := r.UnmarshalText([]byte(src))
		require.ErrorIs(t, err, iop.ErrUnknown, "UnmarshalText(%q)", src)
	}
	assert.Equal(t, eligibility.Risk4, r, "unchanged on error")
}

func TestDimensionsSet(t *testing.T) {
	s := iop.SetOf[eligibility.Dimension](eligibility.Dimension3, eligibility.Dimension1, 0, 9)
	assert.Equal(t, "D1,D3", s.String())
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(eligibility.Dimension1))
	assert.False(t, s.Has(eligibility.Dimension2))
	assert.False(t, s.Has(0))
	assert.True(t, s.IsValid())
	assert.Empty(t, iop.Set[eligibility.Dimension](0).String())

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["D1","D3"]`, string(b), "a list of names, never bits")
	var back iop.Set[eligibility.Dimension]
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	p, err := iop.Parse[iop.Set[eligibility.Dimension]]("D3,D1")
	require.NoError(t, err)
	assert.Equal(t, s, p)

	_, err = iop.Parse[iop.Set[eligibility.Dimension]]("D1,D1")
	require.ErrorIs(t, err, iop.ErrDuplicate)
	_, err = iop.Parse[iop.Set[eligibility.Dimension]]("D1,D8")
	require.ErrorIs(t, err, iop.ErrUnknown)
	_, err = json.Marshal(iop.Set[eligibility.Dimension](1 << 7))
	require.ErrorIs(t, err, iop.ErrUnknown)
}

func TestModifiers(t *testing.T) {
	s := iop.SetOf[eligibility.Modifier](eligibility.ModifierCourtOrdered, eligibility.ModifierImminentDanger, 0, 99)
	assert.Equal(t, "imminent-danger,court-ordered", s.String())
	assert.True(t, s.Has(eligibility.ModifierCourtOrdered))
	assert.True(t, s.IsValid())
	assert.Equal(t, 2, s.Len())
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `["imminent-danger","court-ordered"]`, string(b))
	var u iop.Set[eligibility.Modifier]
	require.NoError(t, u.UnmarshalJSON(b))
	assert.Equal(t, s, u)
	p, err := iop.Parse[iop.Set[eligibility.Modifier]](s.String())
	require.NoError(t, err)
	assert.Equal(t, s, p)

	bad := iop.Set[eligibility.Modifier](1 << 12)
	assert.False(t, bad.IsValid())
	_, err = bad.MarshalJSON()
	require.ErrorIs(t, err, iop.ErrUnknown)

	tests := []struct {
		in    string
		field string
		err   error
	}{
		{`["imminent-danger","bogus"]`, "[1]", iop.ErrUnknown},
		{`["court-ordered","court-ordered"]`, "[1]", iop.ErrDuplicate},
		{`"imminent-danger"`, "", iop.ErrSyntax},
		{`[1]`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		var m iop.Set[eligibility.Modifier]
		err := m.UnmarshalJSON([]byte(tt.in))
		require.ErrorIs(t, err, tt.err, "UnmarshalJSON(%s)", tt.in)
		var l iop.FieldErrors
		l.Add("", err)
		require.Len(t, l, 1)
		assert.Equal(t, tt.field, l[0].Field)
	}
}
