package iop

import (
	"fmt"
	"strconv"

	"github.com/rickb777/date/v2"
)

// Validate reports every problem that keeps g from being checked, in field
// order, as [Errors] of [*FieldError]s naming each field by its JSON path
// ("participants[3].id"). It returns nil when g is valid. It requires:
//
//   - an ID, a valid Kind, a valid Enrollment and a Date;
//   - a Started day for a closed group, not after Date;
//   - enum values that are unset or known, and a focus gender other than
//     [GenderUndisclosed];
//   - Minutes from zero to a day;
//   - for each facilitator and participant a record ID, unique among the
//     facilitators and among the participants ([ErrDuplicateID]), and a
//     valid role;
//   - for each participant an Age from 0 to 130 and a Joined day not after
//     Date; in a gender-specific group a Gender; in a group with an age
//     focus, for each patient an Age or a Population.
//
// Validate allocates nothing when g is valid.
func (g GroupSession) Validate() error {
	var v validator
	if g.ID == "" {
		v.add("id", ErrMissing)
	}
	v.required(field("kind"), g.Kind.IsZero(), g.Kind.IsValid(), ErrUnknownGroupKind)
	v.optional(field("focus.ages"), g.Focus.Ages.IsZero(), g.Focus.Ages.IsValid(), ErrUnknownAgeFocus)
	v.optional(field("focus.gender"), g.Focus.Gender.IsZero(), g.Focus.Gender.IsValid(), ErrUnknownGender)
	if g.Focus.Gender == GenderUndisclosed {
		v.add("focus.gender", fmt.Errorf("%w: a group cannot be for undisclosed gender", ErrOutOfRange))
	}
	v.required(field("enrollment"), g.Enrollment.IsZero(), g.Enrollment.IsValid(), ErrUnknownEnrollment)
	switch {
	case g.Enrollment == Closed && g.Started == 0:
		v.add("started", fmt.Errorf("%w: a closed group needs its start day", ErrMissing))
	case g.Started != 0 && g.Date != 0 && g.Started > g.Date:
		v.add("started", fmt.Errorf("%w: started after the session date", ErrDateOrder))
	}
	if g.Date == 0 {
		v.add("date", ErrMissing)
	}
	v.count("minutes", int(g.Minutes), minutesPerDay)
	v.optional(field("level"), g.Level.IsZero(), g.Level.IsValid(), ErrUnknownLevel)

	ids := newIDSet(len(g.Facilitators))
	for i, f := range g.Facilitators {
		if f.ID == "" {
			v.at(elem("facilitators", i, "id"), ErrMissing)
		} else if ids.seen(i, f.ID, func(j int) string { return g.Facilitators[j].ID }) {
			v.at(elem("facilitators", i, "id"), ErrDuplicateID)
		}
		v.required(elem("facilitators", i, "role"), f.Role.IsZero(), f.Role.IsValid(), ErrUnknownRole)
	}
	ids = newIDSet(len(g.Participants))
	for i := range g.Participants {
		v.participant("participants", g.Participants, i, &ids, g.Date, g.Focus)
		if r := g.Participants[i].Role; r.IsZero() {
			v.at(elem("participants", i, "role"), ErrMissing)
		} else if !r.IsValid() {
			v.at(elem("participants", i, "role"), ErrUnknownRole)
		}
	}
	return v.errs.Err()
}

// participant checks ps[i] (all but its role, which sessions and rosters
// treat differently) for a session or roster on day on with focus focus.
func (v *validator) participant(field string, ps []Participant, i int, ids *idSet, on date.Date, focus GroupFocus) {
	p := &ps[i]
	if p.ID == "" {
		v.at(elem(field, i, "id"), ErrMissing)
	} else if ids.seen(i, p.ID, func(j int) string { return ps[j].ID }) {
		v.at(elem(field, i, "id"), ErrDuplicateID)
	}
	if p.Age < 0 {
		v.at(elem(field, i, "age"), ErrNegative)
	} else if p.Age > maxAge {
		v.at(elem(field, i, "age"), fmt.Errorf("%w: above %d", ErrOutOfRange, maxAge))
	}
	if p.Population != 0 && !p.Population.IsValid() {
		v.at(elem(field, i, "population"), ErrUnknownPopulation)
	}
	if p.Gender != 0 && !p.Gender.IsValid() {
		v.at(elem(field, i, "gender"), ErrUnknownGender)
	}
	if focus.Gender != 0 && p.Gender == 0 {
		v.at(elem(field, i, "gender"), fmt.Errorf("%w: the group is gender-specific", ErrMissing))
	}
	if focus.Ages != 0 && p.Role == Patient && p.Age == 0 && p.Population == 0 {
		v.at(elem(field, i, "age"), fmt.Errorf("%w: the group has an age focus; give age or population", ErrMissing))
	}
	if p.Joined != 0 && on != 0 && p.Joined > on {
		v.at(elem(field, i, "joined"), fmt.Errorf("%w: joined after the session date", ErrDateOrder))
	}
	if p.Level != 0 && !p.Level.IsValid() {
		v.at(elem(field, i, "level"), ErrUnknownLevel)
	}
}

// path is the JSON path of a field, built only when an error names it, so
// that validation allocates nothing on valid input: name alone, or member
// name of element i of list ("participants[3].id").
type path struct {
	list string
	i    int
	name string
}

// field returns the path of a top-level field.
func field(name string) path { return path{i: -1, name: name} }

// elem returns the path of member name of element i of list.
func elem(list string, i int, name string) path { return path{list: list, i: i, name: name} }

// String returns the path as JSON names it.
func (p path) String() string {
	if p.i < 0 {
		return p.name
	}
	return p.list + "[" + strconv.Itoa(p.i) + "]." + p.name
}

// at adds err for the field at p.
func (v *validator) at(p path, err error) { v.add(p.String(), err) }

// required reports the field at p as missing when zero, or unknown when not
// valid.
func (v *validator) required(p path, zero, valid bool, unknown error) {
	if zero {
		v.at(p, ErrMissing)
		return
	}
	v.optional(p, zero, valid, unknown)
}

// optional reports the field at p as unknown when it is set but not valid.
func (v *validator) optional(p path, zero, valid bool, unknown error) {
	if !zero && !valid {
		v.at(p, unknown)
	}
}

// shortList is the longest list whose record IDs an [idSet] checks for
// duplicates without a map.
const shortList = 64

// idSet finds record IDs given twice in a list whose elements it sees in
// order. For a list of up to [shortList] elements it keeps a hash of each
// ID on the stack, compares hashes and only compares IDs whose hashes
// match, and allocates nothing; for a longer list it keeps a map.
type idSet struct {
	hashes [shortList]uint64
	long   map[string]struct{}
}

// newIDSet returns the set for a list of n elements.
func newIDSet(n int) idSet {
	if n > shortList {
		return idSet{long: make(map[string]struct{}, n)}
	}
	return idSet{}
}

// seen records id, the ID of element i, and reports whether an earlier
// element had it; idOf returns the ID of an earlier element. It must be
// called in order for each element with a non-empty ID.
func (s *idSet) seen(i int, id string, idOf func(int) string) bool {
	if s.long != nil {
		_, dup := s.long[id]
		s.long[id] = struct{}{}
		return dup
	}
	h := hashID(id)
	s.hashes[i] = h
	for j, hj := range s.hashes[:i] {
		if hj == h && idOf(j) == id {
			return true
		}
	}
	return false
}

// hashID is the 64-bit FNV-1a hash of id.
func hashID(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}
