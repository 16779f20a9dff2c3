package iop

import (
	"github.com/rickb777/date/v2"
)

// Profiles is a list of profiles, such as the versions of a payer's rules
// over the years.
type Profiles []Profile

// ByID returns the profile with the given ID.
func (ps Profiles) ByID(id string) (Profile, bool) {
	for _, p := range ps {
		if p.ID == id {
			return p, true
		}
	}
	return Profile{}, false
}

// InForceOn returns the profiles in force on day d, in order.
func (ps Profiles) InForceOn(d date.Date) Profiles {
	var out Profiles
	for _, p := range ps {
		if p.InForceOn(d) {
			out = append(out, p)
		}
	}
	return out
}

// AsOf returns the profile governing level l in force on day d. When several
// are, the one that came into force last wins, because a newer rule replaces
// an older one; two that came into force on the same day are ambiguous. It
// returns an error wrapping [ErrNoProfile] or [ErrAmbiguousProfile].
func (ps Profiles) AsOf(l Level, d date.Date) (Profile, error) {
	best, found, tie := -1, false, false
	for i, p := range ps {
		if p.Level != l || !p.InForceOn(d) {
			continue
		}
		switch {
		case !found || p.From > ps[best].From:
			best, found, tie = i, true, false
		case p.From == ps[best].From:
			tie = true
		}
	}
	switch {
	case !found:
		return Profile{}, &ProfileError{Level: l, On: d, Err: ErrNoProfile}
	case tie:
		return Profile{}, &ProfileError{Level: l, On: d, Err: ErrAmbiguousProfile}
	}
	return ps[best], nil
}

// ProfileError reports that no single profile governs a level on a date
// (from [Profiles.AsOf]), or that a checker's profile is not in force on
// the day it was asked to judge ([ErrNotInForce]): then Profile is the
// profile's ID and From and Until the half-open range of days it is in
// force (Until zero when open-ended), and On the day judged. Error names
// the profile and its range only: On comes from the input (a birth date
// typed in a date-of-service column would be one), so it is a field for the
// caller and never printed.
type ProfileError struct {
	Level   Level
	Profile string
	From    date.Date
	Until   date.Date
	On      date.Date
	Err     error
}

// Error implements the error interface.
func (e *ProfileError) Error() string {
	if e.Profile == "" {
		return "iop: level " + e.Level.String() + ": " + reason(e.Err) + " on the day judged"
	}
	s := "iop: profile " + e.Profile + ": " + reason(e.Err) + " on the day judged (in force from " + e.From.String()
	if e.Until != date.Zero {
		s += " to " + (e.Until - 1).String()
	}
	return s + ")"
}

// Unwrap returns the sentinel error.
func (e *ProfileError) Unwrap() error { return e.Err }

// JudgeOn returns nil when p is in force on day d, and otherwise a
// *[ProfileError] wrapping [ErrNotInForce] that names p's ID, its range and
// d. Every checker calls it with the day a check judges, so that no profile
// judges a day outside its force without a word.
func (p *Profile) JudgeOn(d date.Date) error {
	if p.InForceOn(d) {
		return nil
	}
	return &ProfileError{Level: p.Level, Profile: p.ID, From: p.From, Until: p.Until, On: d, Err: ErrNotInForce}
}
