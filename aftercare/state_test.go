package aftercare_test

import (
	"encoding"
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
	0:                          {aftercare.EventKindRefer: aftercare.StateReferred},
	aftercare.StateReferred:    {aftercare.EventKindAssess: aftercare.StateAssessed, aftercare.EventKindClose: aftercare.StateClosed},
	aftercare.StateAssessed:    {aftercare.EventKindAdmit: aftercare.StateAdmitted, aftercare.EventKindClose: aftercare.StateClosed},
	aftercare.StateAdmitted:    {aftercare.EventKindStart: aftercare.StateActive, aftercare.EventKindDischarge: aftercare.StateDischarged},
	aftercare.StateActive:      {aftercare.EventKindHold: aftercare.StateOnHold, aftercare.EventKindDischarge: aftercare.StateDischarged},
	aftercare.StateOnHold:      {aftercare.EventKindResume: aftercare.StateActive, aftercare.EventKindDischarge: aftercare.StateDischarged},
	aftercare.StateDischarged:  {aftercare.EventKindAftercare: aftercare.StateInAftercare, aftercare.EventKindClose: aftercare.StateClosed},
	aftercare.StateInAftercare: {aftercare.EventKindClose: aftercare.StateClosed},
	aftercare.StateClosed:      {},
}

func TestStateNext(t *testing.T) {
	states := append([]aftercare.State{0}, iop.All[aftercare.State]()...)
	kinds := append(iop.All[aftercare.EventKind](), 0, 10, 255)
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
	assert.Equal(t, []aftercare.EventKind{aftercare.EventKindRefer}, aftercare.State(0).Moves())
	assert.Equal(t, []aftercare.EventKind{aftercare.EventKindHold, aftercare.EventKindDischarge}, aftercare.StateActive.Moves())
	assert.Empty(t, aftercare.StateClosed.Moves())
	assert.Empty(t, aftercare.State(99).Moves())
}

// enumCase is one enum checked for its String/Parse pair, its text
// encoding, through uint8 so that one table covers all.
type enumCase struct {
	name      string // the type's name
	fn        string // its parse function
	values    []uint8
	str       func(uint8) string
	valid     func(uint8) bool
	parse     func(string) (uint8, error)
	marshal   func(uint8) ([]byte, error)
	unmarshal func(start uint8, b []byte) (uint8, error)
}

// enumValue is what every enum of the package implements.
type enumValue interface {
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// enumPtr is what a pointer to every enum of the package implements.
type enumPtr[T any] interface {
	*T
	encoding.TextUnmarshaler
}

func mkEnum[T ~uint8, P enumPtr[T]](name, fn string, all []T, parse func(string) (T, error)) enumCase {
	val := func(v uint8) enumValue { return any(T(v)).(enumValue) }
	return enumCase{
		name: name, fn: fn, values: u8s(all),
		str:   func(v uint8) string { return val(v).String() },
		valid: func(v uint8) bool { return val(v).IsValid() },
		parse: func(s string) (uint8, error) {
			v, err := parse(s)
			return uint8(v), err
		},
		marshal: func(v uint8) ([]byte, error) { return val(v).MarshalText() },
		unmarshal: func(start uint8, b []byte) (uint8, error) {
			v := T(start)
			err := P(&v).UnmarshalText(b)
			return uint8(v), err
		},
	}
}

func enumCases() []enumCase {
	return []enumCase{
		mkEnum("State", "aftercare.State.UnmarshalText", iop.All[aftercare.State](), iop.Parse[aftercare.State]),
		mkEnum("EventKind", "aftercare.EventKind.UnmarshalText", iop.All[aftercare.EventKind](), iop.Parse[aftercare.EventKind]),
		mkEnum("DischargeReason", "aftercare.DischargeReason.UnmarshalText", iop.All[aftercare.DischargeReason](), iop.Parse[aftercare.DischargeReason]),
		mkEnum("Step", "aftercare.Step.UnmarshalText", iop.All[aftercare.Step](), iop.Parse[aftercare.Step]),
		mkEnum("ContactStatus", "aftercare.ContactStatus.UnmarshalText", iop.All[aftercare.ContactStatus](), iop.Parse[aftercare.ContactStatus]),
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
				got, err = c.unmarshal(0, b)
				require.NoError(t, err)
				assert.Equal(t, v, got, "UnmarshalText(MarshalText(%d))", v)
			}
			for _, bad := range []uint8{0, uint8(len(c.values) + 1), 255} {
				assert.False(t, c.valid(bad))
				_, err := c.marshal(bad)
				require.ErrorIs(t, err, iop.ErrUnknown)
			}
			assert.Equal(t, "%!"+c.name+"(0)", c.str(0))
			assert.Equal(t, "%!"+c.name+"(200)", c.str(200))
			for _, bad := range []string{"", " " + c.str(1), c.str(1) + " ", "Referred", "nope"} {
				_, err := c.parse(bad)
				var pe *iop.ParseError
				require.ErrorAs(t, err, &pe, "Parse(%q)", bad)
				assert.Equal(t, &iop.ParseError{Func: c.fn, Err: iop.ErrUnknown}, pe)
				assert.Equal(t, c.fn+": unknown value", err.Error(), "the message does not hold the input")
				got, err := c.unmarshal(1, []byte(bad))
				require.ErrorIs(t, err, iop.ErrUnknown)
				assert.Equal(t, uint8(1), got, "UnmarshalText leaves the value on error")
			}
		})
	}
}

func TestEnumNames(t *testing.T) {
	assert.Equal(t, []string{"referred", "assessed", "admitted", "active", "on-hold", "discharged", "in-aftercare", "closed"}, names(iop.All[aftercare.State]()))
	assert.Equal(t, []string{"refer", "assess", "admit", "start", "hold", "resume", "discharge", "aftercare", "close"}, names(iop.All[aftercare.EventKind]()))
	assert.Equal(t, []string{"completed", "left-against-advice", "terminated-by-facility", "transferred", "incarcerated", "died", "other"}, names(iop.All[aftercare.DischargeReason]()))
	assert.Equal(t, []string{"down", "up", "lateral"}, names(iop.All[aftercare.Step]()))
	assert.Equal(t, []string{"scheduled", "kept", "missed"}, names(iop.All[aftercare.ContactStatus]()))
}

func names[T fmt.Stringer](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return out
}
