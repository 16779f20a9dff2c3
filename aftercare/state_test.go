package aftercare_test

import (
	"fmt"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allowed is the state machine as the issue states it: from each state,
// the moves allowed and where they lead. The zero State is the episode
// before its referral.
var allowed = map[aftercare.State]map[aftercare.EventKind]aftercare.State{
	0:                     {aftercare.EventRefer: aftercare.Referred},
	aftercare.Referred:    {aftercare.EventAssess: aftercare.Assessed, aftercare.EventClose: aftercare.Closed},
	aftercare.Assessed:    {aftercare.EventAdmit: aftercare.Admitted, aftercare.EventClose: aftercare.Closed},
	aftercare.Admitted:    {aftercare.EventStart: aftercare.Active, aftercare.EventDischarge: aftercare.Discharged},
	aftercare.Active:      {aftercare.EventHold: aftercare.OnHold, aftercare.EventDischarge: aftercare.Discharged},
	aftercare.OnHold:      {aftercare.EventResume: aftercare.Active, aftercare.EventDischarge: aftercare.Discharged},
	aftercare.Discharged:  {aftercare.EventAftercare: aftercare.InAftercare, aftercare.EventClose: aftercare.Closed},
	aftercare.InAftercare: {aftercare.EventClose: aftercare.Closed},
	aftercare.Closed:      {},
}

func TestStateNext(t *testing.T) {
	states := append([]aftercare.State{0}, aftercare.States()...)
	kinds := append(aftercare.EventKinds(), 0, 10, 255)
	for _, s := range append(states, 9, 255) {
		for _, k := range kinds {
			want, wantOK := allowed[s][k]
			got, ok := s.Next(k)
			assert.Equal(t, wantOK, ok, "%v.Next(%v) ok", s, k)
			assert.Equal(t, want, got, "%v.Next(%v)", s, k)
		}
	}
}

func TestStateMoves(t *testing.T) {
	assert.Equal(t, []aftercare.EventKind{aftercare.EventRefer}, aftercare.State(0).Moves())
	assert.Equal(t, []aftercare.EventKind{aftercare.EventHold, aftercare.EventDischarge}, aftercare.Active.Moves())
	assert.Empty(t, aftercare.Closed.Moves())
	assert.Empty(t, aftercare.State(99).Moves())
}

// enumCase is one enum checked for its String/Parse pair and its text
// encoding.
type enumCase struct {
	name    string
	values  []uint8
	str     func(uint8) string
	valid   func(uint8) bool
	parse   func(string) (uint8, error)
	marshal func(uint8) ([]byte, error)
	err     error
	typ     string
}

func enumCases() []enumCase {
	return []enumCase{
		{"State", u8s(aftercare.States()), func(v uint8) string { return aftercare.State(v).String() },
			func(v uint8) bool { return aftercare.State(v).IsValid() },
			func(s string) (uint8, error) { v, err := aftercare.ParseState(s); return uint8(v), err },
			func(v uint8) ([]byte, error) { return aftercare.State(v).MarshalText() }, aftercare.ErrUnknownState, "State"},
		{"EventKind", u8s(aftercare.EventKinds()), func(v uint8) string { return aftercare.EventKind(v).String() },
			func(v uint8) bool { return aftercare.EventKind(v).IsValid() },
			func(s string) (uint8, error) { v, err := aftercare.ParseEventKind(s); return uint8(v), err },
			func(v uint8) ([]byte, error) { return aftercare.EventKind(v).MarshalText() }, aftercare.ErrUnknownEvent, "EventKind"},
		{"Reason", u8s(aftercare.Reasons()), func(v uint8) string { return aftercare.Reason(v).String() },
			func(v uint8) bool { return aftercare.Reason(v).IsValid() },
			func(s string) (uint8, error) { v, err := aftercare.ParseReason(s); return uint8(v), err },
			func(v uint8) ([]byte, error) { return aftercare.Reason(v).MarshalText() }, aftercare.ErrUnknownReason, "Reason"},
		{"Step", []uint8{1, 2, 3}, func(v uint8) string { return aftercare.Step(v).String() },
			func(v uint8) bool { return aftercare.Step(v).IsValid() },
			func(s string) (uint8, error) { v, err := aftercare.ParseStep(s); return uint8(v), err },
			func(v uint8) ([]byte, error) { return aftercare.Step(v).MarshalText() }, aftercare.ErrUnknownStep, "Step"},
		{"ContactStatus", []uint8{1, 2, 3}, func(v uint8) string { return aftercare.ContactStatus(v).String() },
			func(v uint8) bool { return aftercare.ContactStatus(v).IsValid() },
			func(s string) (uint8, error) { v, err := aftercare.ParseContactStatus(s); return uint8(v), err },
			func(v uint8) ([]byte, error) { return aftercare.ContactStatus(v).MarshalText() }, aftercare.ErrUnknownContact, "ContactStatus"},
	}
}

func u8s[T ~uint8](vs []T) []uint8 {
	out := make([]uint8, len(vs))
	for i, v := range vs {
		out[i] = uint8(v)
	}
	return out
}

func TestEnums(t *testing.T) {
	for _, c := range enumCases() {
		t.Run(c.name, func(t *testing.T) {
			for i, v := range c.values {
				require.Equal(t, uint8(i+1), v, "values are 1..n in order")
				assert.True(t, c.valid(v))
				got, err := c.parse(c.str(v))
				require.NoError(t, err)
				assert.Equal(t, v, got, "Parse(String(%d))", v)
				b, err := c.marshal(v)
				require.NoError(t, err)
				assert.Equal(t, c.str(v), string(b))
			}
			for _, bad := range []uint8{0, uint8(len(c.values) + 1), 255} {
				assert.False(t, c.valid(bad))
				_, err := c.marshal(bad)
				require.ErrorIs(t, err, c.err)
			}
			assert.Equal(t, "%!"+c.typ+"(0)", c.str(0))
			assert.Equal(t, "%!"+c.typ+"(200)", c.str(200))
			for _, bad := range []string{"", " " + c.str(1), c.str(1) + " ", "Referred", "nope"} {
				_, err := c.parse(bad)
				require.ErrorIs(t, err, c.err, "Parse(%q)", bad)
				var pe *iop.ParseError
				require.ErrorAs(t, err, &pe)
			}
		})
	}
}

func TestEnumNames(t *testing.T) {
	assert.Equal(t, []string{"referred", "assessed", "admitted", "active", "on-hold", "discharged", "in-aftercare", "closed"}, names(aftercare.States()))
	assert.Equal(t, []string{"refer", "assess", "admit", "start", "hold", "resume", "discharge", "aftercare", "close"}, names(aftercare.EventKinds()))
	assert.Equal(t, []string{"completed", "left-against-advice", "terminated-by-facility", "transferred", "incarcerated", "died", "other"}, names(aftercare.Reasons()))
}

func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}

func TestUnmarshalTextLeavesValueOnError(t *testing.T) {
	s := aftercare.Active
	require.ErrorIs(t, s.UnmarshalText([]byte("gone")), aftercare.ErrUnknownState)
	assert.Equal(t, aftercare.Active, s)
	require.NoError(t, s.UnmarshalText([]byte("closed")))
	assert.Equal(t, aftercare.Closed, s)
	var k aftercare.EventKind
	require.NoError(t, k.UnmarshalText([]byte("hold")))
	assert.Equal(t, aftercare.EventHold, k)
	var r aftercare.Reason
	require.NoError(t, r.UnmarshalText([]byte("died")))
	assert.Equal(t, aftercare.ReasonDied, r)
	var st aftercare.Step
	require.NoError(t, st.UnmarshalText([]byte("lateral")))
	assert.Equal(t, aftercare.StepLateral, st)
	var c aftercare.ContactStatus
	require.NoError(t, c.UnmarshalText([]byte("missed")))
	assert.Equal(t, aftercare.ContactMissed, c)
	assert.True(t, aftercare.State(0).IsZero())
	assert.True(t, aftercare.EventKind(0).IsZero())
	assert.True(t, aftercare.Reason(0).IsZero())
	assert.True(t, aftercare.Step(0).IsZero())
	assert.True(t, aftercare.ContactStatus(0).IsZero())
	assert.False(t, aftercare.Closed.IsZero())
}
