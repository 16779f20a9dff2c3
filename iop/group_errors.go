package iop

import (
	"errors"
	"strconv"
)

// Sentinel errors of group sessions, rosters and plans. Errors about a field
// are [*FieldError]s wrapping one of these (or [ErrMissing], [ErrNegative],
// [ErrOutOfRange], [ErrDateOrder]), so callers can test with [errors.Is].
var (
	ErrUnknownGroupKind  = errors.New("unknown group kind")
	ErrUnknownAgeFocus   = errors.New("unknown age focus")
	ErrUnknownGender     = errors.New("unknown gender identity")
	ErrUnknownEnrollment = errors.New("unknown enrollment")
	ErrUnknownRole       = errors.New("unknown role")
	ErrDuplicateID       = errors.New("duplicate record ID")
	ErrDuplicateKind     = errors.New("group kind listed twice")
	ErrCannotPlace       = errors.New("cannot be placed in a compliant group")
)

// PlanError reports patients that [Roster.Plan] could not place in a group
// that complies with the profile. Unplaced holds their record IDs, in roster
// order; Patients is how many patients shared their population, gender and
// cohort (as the roster splits them); MinSize and MaxSize are the sizes the
// profile allows for the roster's kind of group (zero: no bound). Err wraps
// [ErrCannotPlace], or [ErrOutOfRange] for a patient younger than the
// profile's youngest age. The message holds counts only: the population and
// gender that the patients share are not in it.
type PlanError struct {
	Unplaced         []string
	Patients         int
	MinSize, MaxSize int
	Err              error
}

// Error returns a message such as
// "iop: 3 of 9 patients cannot be placed in a compliant group (groups of 6 to 8)".
func (e *PlanError) Error() string {
	msg := "iop: " + strconv.Itoa(len(e.Unplaced)) + " of " + strconv.Itoa(e.Patients) +
		" patients: " + e.Err.Error()
	switch {
	case e.MinSize > 0 && e.MaxSize > 0:
		msg += " (groups of " + strconv.Itoa(e.MinSize) + " to " + strconv.Itoa(e.MaxSize) + ")"
	case e.MinSize > 0:
		msg += " (groups of at least " + strconv.Itoa(e.MinSize) + ")"
	case e.MaxSize > 0:
		msg += " (groups of at most " + strconv.Itoa(e.MaxSize) + ")"
	}
	return msg
}

// Unwrap returns the sentinel error.
func (e *PlanError) Unwrap() error { return e.Err }
