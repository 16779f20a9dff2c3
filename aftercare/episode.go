package aftercare

import (
	"slices"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Episode is one episode of care, from the referral to its close, as the
// history of its moves. Each move is an [Event] that the episode's
// [State] must allow ([State.Next]), dated no earlier than the move before
// it; a discharge is never dated before the admission. A move returns a new
// Episode and leaves the one it was made on as it was, so a refused move
// changes nothing.
//
// The zero Episode is unset: it has no record ID and no history, and
// [Refer] is how an episode begins. Episode is a value safe for concurrent
// use. It holds its history in a slice, so it is not comparable: use
// [Episode.Equal].
type Episode struct {
	id     string
	events []Event // never written once built; len == cap, so a move copies
	state  State
	admit  int32 // 1 + the index of the admission, or 0
	exit   int32 // 1 + the index of the discharge, or 0
}

// Refer opens the episode with record ID id (an opaque ID chosen by the
// caller, never a name, that [iop.CheckID] accepts: 1 to 128 bytes of
// valid UTF-8 without control or format characters) by a referral on day
// on; courtOrdered marks treatment under a court order. It returns the
// zero Episode and a [*MoveError] when the referral is invalid: an ID
// iop.CheckID refuses, a day [iop.CheckServiceDate] refuses.
func Refer(id string, on date.Date, courtOrdered bool) (Episode, error) {
	e, err := Episode{id: id}.Apply(Event{Kind: EventKindRefer, On: on, CourtOrdered: courtOrdered})
	if err != nil {
		return Episode{}, err
	}
	return e, nil
}

// Replay builds the episode with record ID id by applying events in order,
// from the referral: the one way an episode is built from stored data, so
// that every episode is one the state machine produces. It returns the zero
// Episode and a [*MoveError] naming the first event refused.
func Replay(id string, events []Event) (Episode, error) {
	e := Episode{id: id}
	if len(events) == 0 {
		return Episode{}, e.refuse(Event{Kind: EventKindRefer}, iop.FieldErrors{{Field: "events", Err: iop.ErrMissing}})
	}
	buf := make([]Event, 0, len(events))
	for _, ev := range events {
		to, err := e.check(ev)
		if err != nil {
			return Episode{}, err
		}
		buf = append(buf, ev) // within capacity: e's history is a prefix of buf
		e = e.with(buf, to)
	}
	return e, nil
}

// Apply makes the move ev and returns the episode after it. A move that the
// state does not allow, a date before the previous move's, a discharge
// before the admission, a move into aftercare after a death, or an event
// that is not valid on its own (no date or one outside the range of
// [iop.CheckServiceDate], an unknown kind or level, fields its kind does
// not take, a referral ID that [iop.CheckID] refuses: [iop.FieldErrors]
// naming them) is refused with a [*MoveError], and Apply returns e
// unchanged.
func (e Episode) Apply(ev Event) (Episode, error) {
	to, err := e.check(ev)
	if err != nil {
		return e, err
	}
	events := make([]Event, len(e.events)+1)
	copy(events, e.events)
	events[len(e.events)] = ev
	return e.with(events, to), nil
}

// check returns the state ev leads to, or the reason it is refused.
func (e Episode) check(ev Event) (State, error) {
	if len(e.events) == 0 { // later moves keep the ID the referral checked
		if err := iop.CheckID(e.id); err != nil {
			return 0, e.refuse(ev, iop.FieldErrors{{Field: "id", Err: err}})
		}
	}
	if err := ev.validate(); err != nil {
		return 0, e.refuse(ev, err)
	}
	to, ok := e.state.Next(ev.Kind)
	if !ok {
		return 0, e.refuse(ev, ErrMoveNotAllowed)
	}
	if admit, ok := e.AdmissionEvent(); ok && ev.Kind == EventKindDischarge && ev.On < admit.On {
		return 0, e.refuse(ev, ErrDischargeBeforeAdmission)
	}
	if n := len(e.events); n > 0 && ev.On < e.events[n-1].On {
		return 0, e.refuse(ev, ErrDateBackwards)
	}
	if d, ok := e.DischargeEvent(); ok && ev.Kind == EventKindAftercare && d.Discharge.Reason == DischargeReasonDied {
		return 0, e.refuse(ev, ErrAfterDeath)
	}
	return to, nil
}

func (e Episode) refuse(ev Event, err error) error {
	return &MoveError{Episode: e.id, Index: len(e.events), Kind: ev.Kind, From: e.state, Err: err}
}

// with returns e with the history events, whose last event led to state to.
func (e Episode) with(events []Event, to State) Episode {
	n := int32(len(events))
	switch events[n-1].Kind {
	case EventKindAdmit:
		e.admit = n
	case EventKindDischarge:
		e.exit = n
	}
	e.events, e.state = events, to
	return e
}

// Assess records the assessment on day on.
func (e Episode) Assess(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindAssess, On: on})
}

// Admit records the admission to level l on day on.
func (e Episode) Admit(on date.Date, l iop.Level) (Episode, error) {
	return e.Apply(Event{Kind: EventKindAdmit, On: on, Level: l})
}

// Start records the first service attended, on day on.
func (e Episode) Start(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindStart, On: on})
}

// Hold records a pause in services from day on.
func (e Episode) Hold(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindHold, On: on})
}

// Resume records the end of a hold on day on.
func (e Episode) Resume(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindResume, On: on})
}

// Discharge records the discharge d on day on.
func (e Episode) Discharge(on date.Date, d Discharge) (Episode, error) {
	return e.Apply(Event{Kind: EventKindDischarge, On: on, Discharge: d})
}

// BeginAftercare records the move into continuing care on day on.
func (e Episode) BeginAftercare(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindAftercare, On: on})
}

// Close ends the episode on day on.
func (e Episode) Close(on date.Date) (Episode, error) {
	return e.Apply(Event{Kind: EventKindClose, On: on})
}

// ID returns the episode's record ID.
func (e Episode) ID() string { return e.id }

// State returns the state the episode is in; zero for the zero Episode.
func (e Episode) State() State { return e.state }

// Len returns the number of moves in the history.
func (e Episode) Len() int { return len(e.events) }

// Events returns the history of moves, in order, as a new slice.
func (e Episode) Events() []Event { return slices.Clone(e.events) }

// Last returns the latest move, and false for the zero Episode.
func (e Episode) Last() (Event, bool) {
	if len(e.events) == 0 {
		return Event{}, false
	}
	return e.events[len(e.events)-1], true
}

// CourtOrdered reports whether the episode was referred under a court order.
func (e Episode) CourtOrdered() bool { return len(e.events) > 0 && e.events[0].CourtOrdered }

// AdmissionEvent returns the admission, and false before it.
func (e Episode) AdmissionEvent() (Event, bool) { return e.at(e.admit) }

// DischargeEvent returns the discharge, and false before it (or when the
// episode closed without an admission).
func (e Episode) DischargeEvent() (Event, bool) { return e.at(e.exit) }

func (e Episode) at(i int32) (Event, bool) {
	if i == 0 {
		return Event{}, false
	}
	return e.events[i-1], true
}

// Level returns the level of care admitted to; zero before the admission.
func (e Episode) Level() iop.Level {
	a, _ := e.AdmissionEvent()
	return a.Level
}

// LengthOfStay returns the days from the admission to the discharge (0 for
// a discharge on the day of admission), and false before the discharge.
func (e Episode) LengthOfStay() (int, bool) {
	a, ok1 := e.AdmissionEvent()
	d, ok2 := e.DischargeEvent()
	if !ok1 || !ok2 {
		return 0, false
	}
	return int(d.On - a.On), true
}

// IsZero reports whether e is the zero Episode.
func (e Episode) IsZero() bool { return e.id == "" && len(e.events) == 0 }

// Equal reports whether e and f have the same record ID and history.
func (e Episode) Equal(f Episode) bool {
	return e.id == f.id && slices.Equal(e.events, f.events)
}
