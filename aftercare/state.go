package aftercare

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// State is where an episode of care stands. The zero State is unset: an
// episode that has not been referred. States are comparable and safe for
// concurrent use.
type State uint8

// The states of an episode, in the order an episode passes through them.
const (
	_           State = iota
	Referred          // referred to the program; not yet assessed
	Assessed          // assessed for the level of care; not yet admitted
	Admitted          // admitted; no service attended yet
	Active            // receiving services
	OnHold            // services paused (a hospital stay, travel); still enrolled
	Discharged        // discharged from the program
	InAftercare       // in continuing care after the discharge
	Closed            // the episode is over; no move is allowed
)

var states = enum.New[State]("State", "aftercare.ParseState", check.EnumFail, []string{
	Referred: "referred", Assessed: "assessed", Admitted: "admitted", Active: "active",
	OnHold: "on-hold", Discharged: "discharged", InAftercare: "in-aftercare", Closed: "closed",
})

// AllStates returns every state, in order.
func AllStates() []State { return states.Values() }

// IsValid reports whether s is a known state.
func (s State) IsValid() bool { return states.Valid(s) }

// IsZero reports whether s is unset.
func (s State) IsZero() bool { return s == 0 }

// String returns the state's name ("on-hold"), and "%!State(n)" for an
// invalid value.
func (s State) String() string { return states.String(s) }

// ParseState parses a state's name exactly as [State.String] writes it.
// The error is an [*iop.ParseError] wrapping [iop.ErrUnknown].
func ParseState(s string) (State, error) { return states.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid state is an error.
func (s State) MarshalText() ([]byte, error) { return states.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseState].
func (s *State) UnmarshalText(b []byte) error { return states.Unmarshal(s, b) }

// Value implements [driver.Valuer]: the name, never the number; NULL for
// the zero State.
func (s State) Value() (driver.Value, error) { return states.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseState]; NULL is the
// zero State.
func (s *State) Scan(src any) error { return states.Load(s, src) }

// EventKind is the kind of a move of an episode. The zero EventKind is
// unset and not valid.
type EventKind uint8

// The kinds of move, in the order an episode usually makes them.
const (
	_              EventKind = iota
	EventRefer               // the referral: opens the episode
	EventAssess              // the assessment for the level of care
	EventAdmit               // the admission to a level of care
	EventStart               // the first service attended
	EventHold                // services paused
	EventResume              // services resumed after a hold
	EventDischarge           // the discharge, with its reason
	EventAftercare           // the move into continuing care
	EventClose               // the end of the episode
)

var eventKinds = enum.New[EventKind]("EventKind", "aftercare.ParseEventKind", check.EnumFail, []string{
	EventRefer: "refer", EventAssess: "assess", EventAdmit: "admit", EventStart: "start",
	EventHold: "hold", EventResume: "resume", EventDischarge: "discharge",
	EventAftercare: "aftercare", EventClose: "close",
})

// AllEventKinds returns every kind of event, in order.
func AllEventKinds() []EventKind { return eventKinds.Values() }

// IsValid reports whether k is a known kind of event.
func (k EventKind) IsValid() bool { return eventKinds.Valid(k) }

// IsZero reports whether k is unset.
func (k EventKind) IsZero() bool { return k == 0 }

// String returns the kind's name ("discharge"), and "%!EventKind(n)" for an
// invalid value.
func (k EventKind) String() string { return eventKinds.String(k) }

// ParseEventKind parses a kind's name exactly as [EventKind.String] writes
// it. The error is an [*iop.ParseError] wrapping [iop.ErrUnknown].
func ParseEventKind(s string) (EventKind, error) { return eventKinds.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k EventKind) MarshalText() ([]byte, error) { return eventKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEventKind].
func (k *EventKind) UnmarshalText(b []byte) error { return eventKinds.Unmarshal(k, b) }

// Value implements [driver.Valuer]: the name, never the number; NULL for
// the zero EventKind.
func (k EventKind) Value() (driver.Value, error) { return eventKinds.Store(k) }

// Scan implements [database/sql.Scanner] with [ParseEventKind]; NULL is the
// zero EventKind.
func (k *EventKind) Scan(src any) error { return eventKinds.Load(k, src) }

// moves is the state machine: moves[from][kind] is the state a move of kind
// leads to from state from, or zero when the move is not allowed. Row 0 is
// the episode before its referral.
var moves = [...][EventClose + 1]State{
	0:           {EventRefer: Referred},
	Referred:    {EventAssess: Assessed, EventClose: Closed},
	Assessed:    {EventAdmit: Admitted, EventClose: Closed},
	Admitted:    {EventStart: Active, EventDischarge: Discharged},
	Active:      {EventHold: OnHold, EventDischarge: Discharged},
	OnHold:      {EventResume: Active, EventDischarge: Discharged},
	Discharged:  {EventAftercare: InAftercare, EventClose: Closed},
	InAftercare: {EventClose: Closed},
	Closed:      {},
}

// Next returns the state a move of kind k leads to from state s, and false
// when s does not allow it. The zero State stands for an episode not yet
// referred, which allows only [EventRefer].
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
// [Closed] or an invalid state.
func (s State) Moves() []EventKind {
	var out []EventKind
	for _, k := range AllEventKinds() {
		if _, ok := s.Next(k); ok {
			out = append(out, k)
		}
	}
	return out
}
