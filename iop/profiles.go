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

// ProfileError reports that no single profile governs a level on a date.
type ProfileError struct {
	Level Level
	On    date.Date
	Err   error
}

// Error implements the error interface.
func (e *ProfileError) Error() string {
	return "iop: level " + e.Level.String() + " on " + e.On.String() + ": " + e.Err.Error()
}

// Unwrap returns the sentinel error.
func (e *ProfileError) Unwrap() error { return e.Err }
