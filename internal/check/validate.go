package check

import (
	"fmt"

	"github.com/ioprules/ioprules/iop"
)

// Limits that no rule can exceed, used to refuse absurd parts.
const (
	MinutesPerWeek = 7 * 24 * 60
	MinutesPerDay  = 24 * 60
	MaxAge         = 130
	MaxDays        = 3660 // ten years of days: longer than any interval a rule states
)

// Validator collects the field errors of a part's Validate, in the order
// of the checks, with paths relative to the part.
type Validator struct{ Errs iop.FieldErrors }

// Add adds err under field.
func (v *Validator) Add(field string, err error) { v.Errs.Add(field, err) }

// Err returns the errors, nil when there are none.
func (v *Validator) Err() error { return v.Errs.Err() }

// NonNegative refuses a negative n.
func (v *Validator) NonNegative(field string, n int) {
	if n < 0 {
		v.Add(field, fmt.Errorf("%w: negative", iop.ErrOutOfRange))
	}
}

// AtMost refuses an n above max.
func (v *Validator) AtMost(field string, n, max int) {
	if n > max {
		v.Add(field, fmt.Errorf("%w: above %d", iop.ErrOutOfRange, max))
	}
}

// Count refuses an n below 0 or above max.
func (v *Validator) Count(field string, n, max int) {
	v.NonNegative(field, n)
	v.AtMost(field, n, max)
}

// Cited refuses a rule group that is set without a citation.
func (v *Validator) Cited(field string, set bool, c iop.Citation) {
	if set && c.Source == "" {
		v.Add(field, fmt.Errorf("%w: citation", iop.ErrMissing))
	}
}

// Band refuses a band whose ends are out of range or out of order.
func (v *Validator) Band(field string, b iop.Band, max iop.Minutes) {
	v.Count(field+".min", int(b.Min), int(max))
	v.Count(field+".max", int(b.Max), int(max))
	if b.Max != 0 && b.Min > b.Max {
		v.Add(field, fmt.Errorf("%w: min %s, max %s", iop.ErrOrder, b.Min, b.Max))
	}
}
