package aftercare

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// State is where an episode of care stands. The zero State is unset: an
// episode that has not been referred. States are comparable and safe for
// concurrent use.
type State uint8

// The states of an episode, in the order an episode passes through them.
const (
	_                State = iota
	StateReferred          // referred to the program; not yet assessed
	StateAssessed          // assessed for the level of care; not yet admitted
	StateAdmitted          // admitted; no service attended yet
	StateActive            // receiving services
	StateOnHold            // services paused (a hospital stay, travel); still enrolled
	StateDischarged        // discharged from the program
	StateInAftercare       // in continuing care after the discharge
	StateClosed            // the episode is over; no move is allowed
)

var states = enum.New[State]("State", "aftercare.State.UnmarshalText", check.EnumFail, []string{
	StateReferred: "referred", StateAssessed: "assessed", StateAdmitted: "admitted", StateActive: "active",
	StateOnHold: "on-hold", StateDischarged: "discharged", StateInAftercare: "in-aftercare", StateClosed: "closed",
})

// IsValid reports whether s is a known state.
func (s State) IsValid() bool { return states.Valid(s) }

// String returns the state's name ("on-hold"), and "%!State(n)" for an
// invalid value.
func (s State) String() string { return states.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid state is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

// EventKind is the kind of a move of an episode. The zero EventKind is
// unset and not valid.
type EventKind uint8

// The kinds of move, in the order an episode usually makes them.
const (
	_                  EventKind = iota
	EventKindRefer               // the referral: opens the episode
	EventKindAssess              // the assessment for the level of care
	EventKindAdmit               // the admission to a level of care
	EventKindStart               // the first service attended
	EventKindHold                // services paused
	EventKindResume              // services resumed after a hold
	EventKindDischarge           // the discharge, with its reason
	EventKindAftercare           // the move into continuing care
	EventKindClose               // the end of the episode
)

var eventKinds = enum.New[EventKind]("EventKind", "aftercare.EventKind.UnmarshalText", check.EnumFail, []string{
	EventKindRefer: "refer", EventKindAssess: "assess", EventKindAdmit: "admit", EventKindStart: "start",
	EventKindHold: "hold", EventKindResume: "resume", EventKindDischarge: "discharge",
	EventKindAftercare: "aftercare", EventKindClose: "close",
})

// IsValid reports whether k is a known kind of event.
func (k EventKind) IsValid() bool { return eventKinds.Valid(k) }

// String returns the kind's name ("discharge"), and "%!EventKind(n)" for an
// invalid value.
func (k EventKind) String() string { return eventKinds.String(k) }

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k EventKind) MarshalText() ([]byte, error) { return eventKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.Unmarshal(k, b) }

// moves is the state machine: moves[from][kind] is the state a move of kind
// leads to from state from, or zero when the move is not allowed. Row 0 is
// the episode before its referral.
var moves = [...][EventKindClose + 1]State{
	0:                {EventKindRefer: StateReferred},
	StateReferred:    {EventKindAssess: StateAssessed, EventKindClose: StateClosed},
	StateAssessed:    {EventKindAdmit: StateAdmitted, EventKindClose: StateClosed},
	StateAdmitted:    {EventKindStart: StateActive, EventKindDischarge: StateDischarged},
	StateActive:      {EventKindHold: StateOnHold, EventKindDischarge: StateDischarged},
	StateOnHold:      {EventKindResume: StateActive, EventKindDischarge: StateDischarged},
	StateDischarged:  {EventKindAftercare: StateInAftercare, EventKindClose: StateClosed},
	StateInAftercare: {EventKindClose: StateClosed},
	StateClosed:      {},
}

// Next returns the state a move of kind k leads to from state s, and false
// when s does not allow it. The zero State stands for an episode not yet
// referred, which allows only [EventKindRefer].
//
//	referred     --assess-->    assessed     (or --close--> closed: not admitted)
//	assessed     --admit-->     admitted     (or --close--> closed: not admitted)
//	admitted     --start-->     active       (or --discharge--> discharged)
//	active       --hold-->      on-hold      (or --discharge--> discharged)
//	on-hold      --resume-->    active       (or --discharge--> discharged)
//	discharged   --aftercare--> in-aftercare (or --close--> closed)
//	in-aftercare --close-->     closed
func (s State) Next(k EventKind) (State, bool) {
	if int(s) >= len(moves) || !k.IsValid() {
		return 0, false
	}
	to := moves[s][k]
	return to, to != 0
}

// Moves returns the kinds of move state s allows, in order; none for
// [StateClosed] or an invalid state.
func (s State) Moves() []EventKind {
	var out []EventKind
	for _, k := range iop.All[EventKind]() {
		if _, ok := s.Next(k); ok {
			out = append(out, k)
		}
	}
	return out
}
