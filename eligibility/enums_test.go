package eligibility_test

import (
	"database/sql"
	"database/sql/driver"
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
			assert.Equal(t, eligibility.AllDimensions()[i], tt.d)
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
		_, err := eligibility.ParseDimension(s)
		require.ErrorIs(t, err, iop.ErrUnknown, "ParseDimension(%q)", s)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "eligibility.ParseDimension", pe.Func)
		assert.Equal(t, "eligibility.ParseDimension: unknown value", err.Error())
	}
}

// enumValue is what every enum of the package implements.
type enumValue interface {
	String() string
	IsValid() bool
	encoding.TextMarshaler
	driver.Valuer
}

// TestEnums checks every enum the same way: String and Parse are inverse,
// text and SQL round trips, an invalid value marshals to an error and
// prints as %!Type(n), and parse errors wrap iop.ErrUnknown.
func TestEnums(t *testing.T) {
	type enumCase struct {
		name    string
		values  []enumValue
		bad     enumValue
		badText string
		parse   func(string) (enumValue, error)
		scan    func(any) (enumValue, error)
	}
	all := func(vs ...enumValue) []enumValue { return vs }
	tests := []enumCase{
		{"Dimension", all(eligibility.D1, eligibility.D2, eligibility.D3, eligibility.D4, eligibility.D5, eligibility.D6),
			eligibility.Dimension(9), "%!Dimension(9)",
			func(s string) (enumValue, error) { return eligibility.ParseDimension(s) },
			func(src any) (enumValue, error) { var v eligibility.Dimension; err := v.Scan(src); return v, err }},
		{"Role", all(eligibility.RoleSafety, eligibility.RoleIntensity), eligibility.Role(3), "%!Role(3)",
			func(s string) (enumValue, error) { return eligibility.ParseRole(s) },
			func(src any) (enumValue, error) { var v eligibility.Role; err := v.Scan(src); return v, err }},
		{"Modifier", all(eligibility.ModWithdrawalMonitoring, eligibility.ModImminentDanger, eligibility.ModCoOccurring,
			eligibility.ModUnsupportiveEnvironment, eligibility.ModFailedLowerLevel, eligibility.ModCourtOrdered, eligibility.ModSteppingDown),
			eligibility.Modifier(8), "%!Modifier(8)",
			func(s string) (enumValue, error) { return eligibility.ParseModifier(s) },
			func(src any) (enumValue, error) { var v eligibility.Modifier; err := v.Scan(src); return v, err }},
		{"VarianceReason", all(eligibility.VariancePayerAuthorizedLower, eligibility.VariancePatientPreference,
			eligibility.VarianceLevelNotAvailable, eligibility.VarianceClinicalJudgement, eligibility.VarianceCourtOrdered),
			eligibility.VarianceReason(0), "%!VarianceReason(0)",
			func(s string) (enumValue, error) { return eligibility.ParseVarianceReason(s) },
			func(src any) (enumValue, error) { var v eligibility.VarianceReason; err := v.Scan(src); return v, err }},
		{"Progress", all(eligibility.ProgressMade, eligibility.ProgressNone, eligibility.ProgressGoalsMet, eligibility.ProgressWorsening),
			eligibility.Progress(9), "%!Progress(9)",
			func(s string) (enumValue, error) { return eligibility.ParseProgress(s) },
			func(src any) (enumValue, error) { var v eligibility.Progress; err := v.Scan(src); return v, err }},
		{"Direction", all(eligibility.DirectionStart, eligibility.DirectionUp, eligibility.DirectionDown),
			eligibility.Direction(0), "%!Direction(0)",
			func(s string) (enumValue, error) { return eligibility.ParseDirection(s) },
			func(src any) (enumValue, error) { var v eligibility.Direction; err := v.Scan(src); return v, err }},
		{"Risk", all(eligibility.Risk0, eligibility.Risk1, eligibility.Risk2, eligibility.Risk3, eligibility.Risk4),
			eligibility.Risk(5), "%!Risk(5)",
			func(s string) (enumValue, error) { return eligibility.ParseRisk(s) },
			func(src any) (enumValue, error) { var v eligibility.Risk; err := v.Scan(src); return v, err }},
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
				sv, err := v.Value()
				require.NoError(t, err)
				got, err = tt.scan(sv)
				require.NoError(t, err)
				assert.Equal(t, v, got, "SQL round trip")
			}
			assert.False(t, tt.bad.IsValid())
			assert.Equal(t, tt.badText, tt.bad.String())
			_, err := tt.bad.MarshalText()
			require.ErrorIs(t, err, iop.ErrUnknown)
			_, err = tt.parse(tt.bad.String())
			require.ErrorIs(t, err, iop.ErrUnknown)
			_, err = tt.parse("")
			require.ErrorIs(t, err, iop.ErrUnknown)
			_, err = tt.scan(3.5)
			require.ErrorIs(t, err, iop.ErrSyntax)
		})
	}
	assert.Equal(t, []eligibility.Modifier{eligibility.ModWithdrawalMonitoring, eligibility.ModImminentDanger, eligibility.ModCoOccurring,
		eligibility.ModUnsupportiveEnvironment, eligibility.ModFailedLowerLevel, eligibility.ModCourtOrdered, eligibility.ModSteppingDown},
		eligibility.AllModifiers())
	assert.Equal(t, []eligibility.Role{eligibility.RoleSafety, eligibility.RoleIntensity}, eligibility.AllRoles())
	assert.Len(t, eligibility.AllVarianceReasons(), 5)
	assert.Len(t, eligibility.AllProgress(), 4)
	assert.Len(t, eligibility.AllDirections(), 3)
}

func TestRisk(t *testing.T) {
	names := []string{"none", "mild", "moderate", "significant", "severe"}
	for n, r := range eligibility.AllRisks() {
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
		v, err := r.Value()
		require.NoError(t, err)
		assert.Equal(t, r.String(), v, "stored as its text form")
		var scanned eligibility.Risk
		require.NoError(t, scanned.Scan(int64(n)), "an integer column gives the digit back as a number")
		assert.Equal(t, r, scanned)
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
	require.ErrorIs(t, r.Scan(nil), iop.ErrMissing, "NULL is not the rating 0")
	require.ErrorIs(t, r.Scan(int64(5)), iop.ErrOutOfRange)
	for _, src := range []any{"5", "severe", "", " 2", []byte("02")} {
		err := r.Scan(src)
		require.ErrorIs(t, err, iop.ErrUnknown, "Scan(%q)", src)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "Risk.Scan", pe.Func)
	}
	_, err = bad.Value()
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, eligibility.Risk4, r)
	var n sql.Null[eligibility.Risk]
	require.NoError(t, n.Scan(nil))
	assert.False(t, n.Valid)
}

func TestDimensionsSet(t *testing.T) {
	s := eligibility.DimensionsOf(eligibility.D3, eligibility.D1, 0, 9)
	assert.Equal(t, "D1,D3", s.String())
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(eligibility.D1))
	assert.False(t, s.Has(eligibility.D2))
	assert.False(t, s.Has(0))
	assert.True(t, s.IsValid())
	assert.Equal(t, []eligibility.Dimension{eligibility.D1, eligibility.D3}, s.Values())
	assert.True(t, eligibility.Dimensions(0).IsZero())
	assert.Empty(t, eligibility.Dimensions(0).String())

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["D1","D3"]`, string(b), "a list of names, never bits")
	var back eligibility.Dimensions
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	p, err := eligibility.ParseDimensions("D3,D1")
	require.NoError(t, err)
	assert.Equal(t, s, p)
	v, err := s.Value()
	require.NoError(t, err)
	require.NoError(t, back.Scan(v))
	assert.Equal(t, s, back)

	_, err = eligibility.ParseDimensions("D1,D1")
	require.ErrorIs(t, err, iop.ErrDuplicate)
	_, err = eligibility.ParseDimensions("D1,D8")
	require.ErrorIs(t, err, iop.ErrUnknown)
	_, err = json.Marshal(eligibility.Dimensions(1 << 7))
	require.ErrorIs(t, err, iop.ErrUnknown)
}

func TestModifiers(t *testing.T) {
	s := eligibility.ModifiersOf(eligibility.ModCourtOrdered, eligibility.ModImminentDanger, 0, 99)
	assert.Equal(t, "imminent-danger,court-ordered", s.String())
	assert.True(t, s.Has(eligibility.ModCourtOrdered))
	assert.True(t, s.IsValid())
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []eligibility.Modifier{eligibility.ModImminentDanger, eligibility.ModCourtOrdered}, s.Values())
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `["imminent-danger","court-ordered"]`, string(b))
	var u eligibility.Modifiers
	require.NoError(t, u.UnmarshalJSON(b))
	assert.Equal(t, s, u)
	p, err := eligibility.ParseModifiers(s.String())
	require.NoError(t, err)
	assert.Equal(t, s, p)

	bad := eligibility.Modifiers(1 << 12)
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
		var m eligibility.Modifiers
		err := m.UnmarshalJSON([]byte(tt.in))
		require.ErrorIs(t, err, tt.err, "UnmarshalJSON(%s)", tt.in)
		var l iop.FieldErrors
		l.Add("", err)
		require.Len(t, l, 1)
		assert.Equal(t, tt.field, l[0].Field)
	}
}
