package group_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupEnum is what the tests need of each enum of the package.
type groupEnum struct {
	name    string
	names   []string                     // every valid name, in value order
	parse   func(string) (string, error) // parse and String again
	all     int                          // len(AllX())
	invalid string                       // String of an out-of-range value
}

func groupEnums() []groupEnum {
	return []groupEnum{
		{"AgeFocus", []string{"adolescent", "adult", "young-adult"},
			func(s string) (string, error) { v, err := iop.Parse[group.AgeFocus](s); return v.String(), err }, len(iop.All[group.AgeFocus]()), group.AgeFocus(200).String()},
		{"Gender", []string{"woman", "man", "nonbinary", "other", "undisclosed"},
			func(s string) (string, error) { v, err := iop.Parse[group.Gender](s); return v.String(), err }, len(iop.All[group.Gender]()), group.Gender(200).String()},
		{"Enrollment", []string{"open", "closed"},
			func(s string) (string, error) { v, err := iop.Parse[group.Enrollment](s); return v.String(), err }, len(iop.All[group.Enrollment]()), group.Enrollment(200).String()},
		{"ParticipantRole", []string{"patient", "family", "observer"},
			func(s string) (string, error) { v, err := iop.Parse[group.ParticipantRole](s); return v.String(), err }, len(iop.All[group.ParticipantRole]()), group.ParticipantRole(200).String()},
		{"FacilitatorRole", []string{"lead", "co-facilitator", "trainee"},
			func(s string) (string, error) { v, err := iop.Parse[group.FacilitatorRole](s); return v.String(), err }, len(iop.All[group.FacilitatorRole]()), group.FacilitatorRole(200).String()},
	}
}

func TestEnumsParseString(t *testing.T) {
	for _, e := range groupEnums() {
		t.Run(e.name, func(t *testing.T) {
			assert.Len(t, e.names, e.all, "All%s", e.name)
			for _, name := range e.names {
				got, err := e.parse(name)
				require.NoError(t, err, "Parse%s(%q)", e.name, name)
				assert.Equal(t, name, got, "Parse%s(%q).String()", e.name, name)
			}
			for _, bad := range []string{"", "Adult", " open", "cbt ", "%!" + e.name + "(200)", "unknown-x"} {
				_, err := e.parse(bad)
				require.ErrorIs(t, err, iop.ErrUnknown, "Parse%s(%q)", e.name, bad)
				var pe *iop.ParseError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, &iop.ParseError{Func: "group." + e.name + ".UnmarshalText", Err: iop.ErrUnknown}, pe)
			}
			assert.Equal(t, "%!"+e.name+"(200)", e.invalid)
		})
	}
}

func TestEnumsZeroAndValid(t *testing.T) {
	assert.False(t, group.AgeFocus(0).IsValid())
	assert.True(t, group.AgeFocusYoungAdult.IsValid())
	assert.False(t, (group.AgeFocusYoungAdult + 1).IsValid())
	assert.Equal(t, "%!AgeFocus(0)", group.AgeFocus(0).String())
	assert.False(t, group.Gender(0).IsValid())
	assert.False(t, group.ParticipantRole(4).IsValid())
	assert.False(t, group.FacilitatorRole(0).IsValid())
	assert.Equal(t, []group.Enrollment{group.EnrollmentOpen, group.EnrollmentClosed}, iop.All[group.Enrollment]())
}

func TestAgeFocusPopulation(t *testing.T) {
	tests := []struct {
		focus group.AgeFocus
		want  iop.Population
	}{
		{0, 0},
		{group.AgeFocusAdolescent, iop.PopulationAdolescent},
		{group.AgeFocusAdult, iop.PopulationAdult},
		{group.AgeFocusYoungAdult, iop.PopulationAdult},
		{9, 0},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.focus.Population(), "AgeFocus(%d).Population()", tt.focus)
	}
}

func TestEnumsMarshalText(t *testing.T) {
	b, err := json.Marshal(struct {
		A group.AgeFocus        `json:"a"`
		G group.Gender          `json:"g"`
		E group.Enrollment      `json:"e"`
		P group.ParticipantRole `json:"p"`
		F group.FacilitatorRole `json:"f"`
	}{group.AgeFocusYoungAdult, group.GenderNonbinary, group.EnrollmentClosed, group.ParticipantRoleFamily, group.FacilitatorRoleCoFacilitator})
	require.NoError(t, err)
	assert.JSONEq(t, `{"a":"young-adult","g":"nonbinary","e":"closed","p":"family","f":"co-facilitator"}`, string(b))

	for _, v := range []interface{ MarshalText() ([]byte, error) }{
		group.AgeFocus(7), group.Gender(9), group.Enrollment(3), group.ParticipantRole(0), group.FacilitatorRole(8),
	} {
		_, err := v.MarshalText()
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "%T(%v).MarshalText()", v, v)
		assert.ErrorIs(t, err, iop.ErrUnknown)
	}
}

func TestEnumsUnmarshalTextLeavesValueOnError(t *testing.T) {
	e := group.EnrollmentClosed
	require.ErrorIs(t, e.UnmarshalText([]byte("rolling")), iop.ErrUnknown)
	assert.Equal(t, group.EnrollmentClosed, e)
	require.NoError(t, e.UnmarshalText([]byte("open")))
	assert.Equal(t, group.EnrollmentOpen, e)

	g := group.GenderMan
	err := g.UnmarshalText([]byte("female"))
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "group.Gender.UnmarshalText: unknown value", err.Error(), "a misspelt gender stays out of the message")
	assert.Equal(t, group.GenderMan, g)
}
