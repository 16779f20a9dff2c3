package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupEnum is what the tests need of each group enum.
type groupEnum struct {
	name    string
	names   []string                     // every valid name, in value order
	parse   func(string) (string, error) // parse and String again
	invalid string                       // String of an out-of-range value
	err     error                        // sentinel of an unknown name
}

func groupEnums() []groupEnum {
	return []groupEnum{
		{"GroupKind", []string{"psychoeducation", "skills-development", "cbt", "dbt", "process", "support", "family", "trauma-informed", "relapse-prevention", "twelve-step-facilitation", "other"},
			func(s string) (string, error) { v, err := iop.ParseGroupKind(s); return v.String(), err }, iop.GroupKind(200).String(), iop.ErrUnknownGroupKind},
		{"AgeFocus", []string{"adolescent", "adult", "young-adult"},
			func(s string) (string, error) { v, err := iop.ParseAgeFocus(s); return v.String(), err }, iop.AgeFocus(200).String(), iop.ErrUnknownAgeFocus},
		{"Gender", []string{"woman", "man", "nonbinary", "other", "undisclosed"},
			func(s string) (string, error) { v, err := iop.ParseGender(s); return v.String(), err }, iop.Gender(200).String(), iop.ErrUnknownGender},
		{"Enrollment", []string{"open", "closed"},
			func(s string) (string, error) { v, err := iop.ParseEnrollment(s); return v.String(), err }, iop.Enrollment(200).String(), iop.ErrUnknownEnrollment},
		{"ParticipantRole", []string{"patient", "family", "observer"},
			func(s string) (string, error) { v, err := iop.ParseParticipantRole(s); return v.String(), err }, iop.ParticipantRole(200).String(), iop.ErrUnknownRole},
		{"FacilitatorRole", []string{"lead", "co-facilitator", "trainee"},
			func(s string) (string, error) { v, err := iop.ParseFacilitatorRole(s); return v.String(), err }, iop.FacilitatorRole(200).String(), iop.ErrUnknownRole},
	}
}

func TestGroupEnumsParseString(t *testing.T) {
	for _, e := range groupEnums() {
		t.Run(e.name, func(t *testing.T) {
			for _, name := range e.names {
				got, err := e.parse(name)
				require.NoError(t, err, "Parse%s(%q)", e.name, name)
				assert.Equal(t, name, got, "Parse%s(%q).String()", e.name, name)
			}
			for _, bad := range []string{"", "Adult", " open", "cbt ", "%!" + e.name + "(200)", "unknown"} {
				_, err := e.parse(bad)
				require.ErrorIs(t, err, e.err, "Parse%s(%q)", e.name, bad)
				var pe *iop.ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, bad, pe.Input)
			}
			assert.Equal(t, "%!"+e.name+"(200)", e.invalid)
		})
	}
}

func TestGroupEnumsZeroAndValid(t *testing.T) {
	assert.True(t, iop.GroupKind(0).IsZero())
	assert.False(t, iop.GroupKind(0).IsValid())
	assert.True(t, iop.KindOther.IsValid())
	assert.False(t, (iop.KindOther + 1).IsValid())
	assert.Equal(t, "%!GroupKind(0)", iop.GroupKind(0).String())
	assert.True(t, iop.AgeFocus(0).IsZero())
	assert.False(t, iop.Gender(0).IsValid())
	assert.True(t, iop.Enrollment(0).IsZero())
	assert.False(t, iop.ParticipantRole(4).IsValid())
	assert.False(t, iop.FacilitatorRole(0).IsValid())
	assert.Len(t, iop.GroupKindValues(), 11)
}

func TestAgeFocusPopulation(t *testing.T) {
	tests := []struct {
		focus iop.AgeFocus
		want  iop.Population
	}{
		{0, 0},
		{iop.FocusAdolescent, iop.Adolescent},
		{iop.FocusAdult, iop.Adult},
		{iop.FocusYoungAdult, iop.Adult},
		{9, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.focus.Population(), "AgeFocus(%d).Population()", tt.focus)
	}
}

func TestGroupEnumsMarshalText(t *testing.T) {
	b, err := json.Marshal(struct {
		K iop.GroupKind       `json:"k"`
		A iop.AgeFocus        `json:"a"`
		G iop.Gender          `json:"g"`
		E iop.Enrollment      `json:"e"`
		P iop.ParticipantRole `json:"p"`
		F iop.FacilitatorRole `json:"f"`
	}{iop.KindDBT, iop.FocusYoungAdult, iop.GenderNonbinary, iop.Closed, iop.Family, iop.CoFacilitator})
	require.NoError(t, err)
	assert.JSONEq(t, `{"k":"dbt","a":"young-adult","g":"nonbinary","e":"closed","p":"family","f":"co-facilitator"}`, string(b))

	for _, v := range []interface{ MarshalText() ([]byte, error) }{
		iop.GroupKind(0), iop.AgeFocus(7), iop.Gender(9), iop.Enrollment(3), iop.ParticipantRole(0), iop.FacilitatorRole(8),
	} {
		_, err := v.MarshalText()
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "%T(%v).MarshalText()", v, v)
	}
}

func TestGroupEnumsUnmarshalTextLeavesValueOnError(t *testing.T) {
	k := iop.KindCBT
	require.ErrorIs(t, k.UnmarshalText([]byte("yoga")), iop.ErrUnknownGroupKind)
	assert.Equal(t, iop.KindCBT, k)
	require.NoError(t, k.UnmarshalText([]byte("support")))
	assert.Equal(t, iop.KindSupport, k)

	g := iop.GenderMan
	err := g.UnmarshalText([]byte("female"))
	require.ErrorIs(t, err, iop.ErrUnknownGender)
	assert.Equal(t, "unknown gender identity", err.Error(), "a misspelt gender stays out of the message")
	assert.Equal(t, iop.GenderMan, g)
}

func TestGroupKinds(t *testing.T) {
	s := iop.GroupKindsOf(iop.KindSkillsDevelopment, iop.KindPsychoeducation, iop.KindPsychoeducation, 0, 99)
	assert.Equal(t, []iop.GroupKind{iop.KindPsychoeducation, iop.KindSkillsDevelopment}, s.Kinds())
	assert.True(t, s.Has(iop.KindPsychoeducation))
	assert.False(t, s.Has(iop.KindCBT))
	assert.False(t, s.Has(0))
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.IsValid())
	assert.Equal(t, "psychoeducation,skills-development", s.String())
	assert.True(t, iop.GroupKinds(0).IsZero())
	assert.Empty(t, iop.GroupKinds(0).String())

	bad := s | 1 | 1<<20
	assert.False(t, bad.IsValid())
	assert.Equal(t, "psychoeducation,skills-development,%!GroupKinds(0x100001)", bad.String())
	_, err := json.Marshal(bad)
	require.ErrorIs(t, err, iop.ErrUnknownGroupKind)

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["psychoeducation","skills-development"]`, string(b))
	b, err = json.Marshal(iop.GroupKinds(0))
	require.NoError(t, err)
	assert.JSONEq(t, `[]`, string(b))

	var got iop.GroupKinds
	require.NoError(t, json.Unmarshal([]byte(`["skills-development","psychoeducation"]`), &got))
	assert.Equal(t, s, got)
}

func TestGroupKindsUnmarshalErrors(t *testing.T) {
	tests := []struct {
		in    string
		field string
		err   error
	}{
		{`["cbt","cbt"]`, "[1]", iop.ErrDuplicateKind},
		{`["cbt","yoga"]`, "[1]", iop.ErrUnknownGroupKind},
		{`"cbt"`, "", iop.ErrSyntax},
		{`[1]`, "[0]", iop.ErrSyntax},
	}
	for _, tt := range tests {
		var s iop.GroupKinds
		err := s.UnmarshalJSON([]byte(tt.in))
		require.ErrorIs(t, err, tt.err, "UnmarshalJSON(%s)", tt.in)
		var fe *iop.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, tt.field, fe.Field, "UnmarshalJSON(%s)", tt.in)
	}
}
