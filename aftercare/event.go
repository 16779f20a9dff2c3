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
	// On is the day of the move: a calendar date from 1970-01-01 up to,
	// not including, 2200-01-01 ([iop.CheckServiceDate]). The library
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

// validate checks the event on its own, without the episode: a known kind,
// a plausible service date ([iop.CheckServiceDate]), and exactly the fields
// its kind takes. The error is [iop.FieldErrors] naming the event's
// fields, or nil.
func (ev Event) validate() error {
	var errs iop.FieldErrors
	switch {
	case ev.Kind == 0:
		errs.Add("kind", iop.ErrMissing)
	case !ev.Kind.IsValid():
		errs.Add("kind", iop.ErrUnknown)
	}
	if err := iop.CheckServiceDate(ev.On); err != nil {
		errs.Add("on", err)
	}
	switch {
	case ev.Kind != EventKindAdmit && ev.Level != 0:
		errs.Add("level", errFieldNotAllowed)
	case ev.Kind == EventKindAdmit && ev.Level == 0:
		errs.Add("level", iop.ErrMissing)
	case ev.Kind == EventKindAdmit && !ev.Level.IsValid():
		errs.Add("level", iop.ErrUnknown)
	}
	if ev.CourtOrdered && ev.Kind != EventKindRefer {
		errs.Add("court_ordered", errFieldNotAllowed)
	}
	switch {
	case ev.Kind != EventKindDischarge && !ev.Discharge.IsZero():
		errs.Add("discharge", errFieldNotAllowed)
	case ev.Kind == EventKindDischarge && ev.Discharge.IsZero():
		errs.Add("discharge", iop.ErrMissing)
	case ev.Kind == EventKindDischarge:
		errs.Add("discharge", ev.Discharge.Validate())
	}
	return errs.Err()
}
