package group

import (
	"fmt"
	"strconv"
)

// Unplaced is a set of patients [Checker.PlanRoster] could not place in a
// group that complies with the profile: a result of the plan, not an
// error. Patients holds their record IDs, in roster order; Of is how many
// patients shared their population, gender and cohort (as the roster
// splits them); MinSize and MaxSize are the sizes the profile allows for
// the roster's kind of group (zero: no bound). TooYoung marks patients
// younger than the profile's youngest age, whom no group may take (the
// sizes are then zero); otherwise the set could not be split into groups
// within the sizes. Unplaced is safe for concurrent use; it holds a slice,
// so it is not comparable.
type Unplaced struct {
	Patients []string `json:"patients"`
	Of       int      `json:"of"`
	MinSize  int      `json:"min_size,omitzero"`
	MaxSize  int      `json:"max_size,omitzero"`
	TooYoung bool     `json:"too_young,omitzero"`
}

// String returns the set in words, such as
// `1 of 9 patients ("P-9"): cannot be placed in a group within the sizes allowed (groups of 4 to 8)`.
// It holds the record IDs, quoted, and counts: the population, gender and
// cohort the patients share are not in it.
func (u Unplaced) String() string {
	b := strconv.AppendInt(nil, int64(len(u.Patients)), 10)
	b = append(b, " of "...)
	b = strconv.AppendInt(b, int64(u.Of), 10)
	b = append(b, " patients ("...)
	for i, id := range u.Patients {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendQuoteToASCII(b, id)
	}
	b = append(b, "): "...)
	if u.TooYoung {
		b = append(b, "younger than the program serves"...)
	} else {
		b = append(b, "cannot be placed in a group within the sizes allowed"...)
	}
	switch {
	case u.MinSize > 0 && u.MaxSize > 0:
		b = fmt.Appendf(b, " (groups of %d to %d)", u.MinSize, u.MaxSize)
	case u.MinSize > 0:
		b = fmt.Appendf(b, " (groups of at least %d)", u.MinSize)
	case u.MaxSize > 0:
		b = fmt.Appendf(b, " (groups of at most %d)", u.MaxSize)
	}
	return string(b)
}
