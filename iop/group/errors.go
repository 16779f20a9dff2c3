package group

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The reasons of a [PlanError].
var (
	errCannotPlace = fmt.Errorf("%w: cannot be placed in a group within the sizes allowed", iop.ErrOutOfRange)
	errTooYoung    = fmt.Errorf("%w: younger than the program serves", iop.ErrOutOfRange)
)

// PlanError reports patients that [Checker.PlanRoster] could not place in
// a group that complies with the profile. Unplaced holds their record IDs,
// in roster order; Patients is how many patients shared their population,
// gender and cohort (as the roster splits them); MinSize and MaxSize are
// the sizes the profile allows for the roster's kind of group (zero: no
// bound), both zero for patients younger than the profile's youngest age.
// Err wraps [iop.ErrOutOfRange], with the reason.
//
// The message holds the record IDs, quoted, and counts: the population,
// gender and cohort the patients share are not in it.
type PlanError struct {
	Unplaced         []string // record IDs of the patients left out, in roster order
	Patients         int      // patients of the set they belong to
	MinSize, MaxSize int      // the sizes allowed; zero: no bound
	Err              error    // the reason: wraps iop.ErrOutOfRange
}

// Error returns a message such as
// `group: 1 of 9 patients ("P-9"): out of range: cannot be placed in a group within the sizes allowed (groups of 4 to 8)`.
func (e *PlanError) Error() string {
	b := []byte("group: ")
	b = strconv.AppendInt(b, int64(len(e.Unplaced)), 10)
	b = append(b, " of "...)
	b = strconv.AppendInt(b, int64(e.Patients), 10)
	b = append(b, " patients ("...)
	for i, id := range e.Unplaced {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuoteToASCII(b, id)
	}
	b = append(b, "): "...)
	if e.Err != nil {
		b = append(b, e.Err.Error()...)
	}
	switch {
	case e.MinSize > 0 && e.MaxSize > 0:
		b = fmt.Appendf(b, " (groups of %d to %d)", e.MinSize, e.MaxSize)
	case e.MinSize > 0:
		b = fmt.Appendf(b, " (groups of at least %d)", e.MinSize)
	case e.MaxSize > 0:
		b = fmt.Appendf(b, " (groups of at most %d)", e.MaxSize)
	}
	return string(b)
}

// Unwrap returns the reason.
func (e *PlanError) Unwrap() error { return e.Err }

// PlanErrors is the list of the patients a plan left out, one [*PlanError]
// per set of patients, in the order of the plan's groups; shaped like
// [iop.FieldErrors]. errors.As(err, &planErr) finds the first.
type PlanErrors []*PlanError

// Error returns the messages, one per line.
func (l PlanErrors) Error() string {
	var b []byte
	for i, e := range l {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, e.Error()...)
	}
	return string(b)
}

// Unwrap returns each error, so that errors.Is and errors.As see them.
func (l PlanErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l PlanErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Unplaced returns the record IDs of every patient left out, in the order
// of the list.
func (l PlanErrors) Unplaced() []string {
	var out []string
	for _, e := range l {
		out = append(out, e.Unplaced...)
	}
	return out
}
