package aftercare

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Event is one move of an episode: its kind, the day it happened, and the
// details that kind takes. Only an admission takes a Level, only a
// referral takes CourtOrdered, only a discharge takes a Discharge; every
// other field must be left zero. Event is comparable and safe for
// concurrent use.
type Event struct {
	Kind EventKind `json:"kind"`
	// On is the day of the move. Days are calendar dates; the library
	// reads no clock.
	On date.Date `json:"on"`
	// Level is the level of care admitted to (EventAdmit only).
	Level iop.Level `json:"level,omitzero"`
	// CourtOrdered marks a referral made under a court order (EventRefer
	// only): ending such treatment before completion calls for notice.
	CourtOrdered bool `json:"court_ordered,omitzero"`
	// Discharge records the discharge (EventDischarge only).
	Discharge Discharge `json:"discharge,omitzero"`
}

// lastDay is 9999-12-31, the last day ISO 8601 writes with four digits:
// later days are refused so that every episode encodes to JSON and decodes
// back. (The first day, 0001-01-01, is [date.Zero]: an unset date.)
const lastDay date.Date = 3652058

// validate checks the event on its own, without the episode: a known kind,
// a date, and exactly the fields its kind takes. The error is a
// [*FieldError] naming the event's field, or nil.
func (ev Event) validate() error {
	switch {
	case !ev.Kind.IsValid():
		if ev.Kind == 0 {
			return &FieldError{Field: "kind", Err: iop.ErrMissing}
		}
		return &FieldError{Field: "kind", Err: ErrUnknownEvent}
	case ev.On == 0:
		return &FieldError{Field: "on", Err: iop.ErrMissing}
	case ev.On < 0 || ev.On > lastDay:
		return &FieldError{Field: "on", Err: iop.ErrOutOfRange}
	}
	if ev.Kind == EventAdmit {
		switch {
		case ev.Level == 0:
			return &FieldError{Field: "level", Err: iop.ErrMissing}
		case !ev.Level.IsValid():
			return &FieldError{Field: "level", Err: iop.ErrUnknownLevel}
		}
	} else if ev.Level != 0 {
		return &FieldError{Field: "level", Err: ErrFieldNotAllowed}
	}
	if ev.CourtOrdered && ev.Kind != EventRefer {
		return &FieldError{Field: "court_ordered", Err: ErrFieldNotAllowed}
	}
	if ev.Kind == EventDischarge {
		if ev.Discharge.IsZero() {
			return &FieldError{Field: "discharge", Err: iop.ErrMissing}
		}
		if err := ev.Discharge.Validate(); err != nil {
			return underField("discharge", err)
		}
	} else if !ev.Discharge.IsZero() {
		return &FieldError{Field: "discharge", Err: ErrFieldNotAllowed}
	}
	return nil
}

// underField places the field errors in err under the path prefix.
func underField(prefix string, err error) error {
	es, ok := err.(iop.Errors)
	if !ok {
		es = iop.Errors{err}
	}
	out := make(iop.Errors, len(es))
	for i, e := range es {
		if fe, ok := e.(*FieldError); ok {
			out[i] = &FieldError{Field: prefix + "." + fe.Field, Err: fe.Err}
		} else {
			out[i] = &FieldError{Field: prefix, Err: e}
		}
	}
	if len(out) == 1 {
		return out[0]
	}
	return out
}
