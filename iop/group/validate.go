package group

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Limits no record can exceed.
const (
	minutesPerDay = 24 * 60
	maxAge        = 130
)

// The reasons of the validation errors: sentinels of package iop with the
// detail. They hold no input.
var (
	errUndisclosedFocus = fmt.Errorf("%w: a group cannot be for undisclosed gender", iop.ErrOutOfRange)
	errClosedNoStart    = fmt.Errorf("%w: a closed group needs its start day", iop.ErrMissing)
	errStartedAfter     = fmt.Errorf("%w: started after the session date", iop.ErrOrder)
	errNegative         = fmt.Errorf("%w: negative", iop.ErrOutOfRange)
	errAboveDay         = fmt.Errorf("%w: above a day", iop.ErrOutOfRange)
	errAboveAge         = fmt.Errorf("%w: above %d", iop.ErrOutOfRange, maxAge)
	errGenderSpecific   = fmt.Errorf("%w: the group is gender-specific", iop.ErrMissing)
	errAgeFocus         = fmt.Errorf("%w: the group has an age focus; give age or population", iop.ErrMissing)
	errJoinedAfter      = fmt.Errorf("%w: joined after the session date", iop.ErrOrder)
	errNotPatient       = fmt.Errorf("%w: a roster holds patients only", iop.ErrOutOfRange)
	errNoPopulation     = fmt.Errorf("%w: give an age the profile's age rules can place, or a population", iop.ErrMissing)
	errNoGender         = fmt.Errorf("%w: the roster splits by gender", iop.ErrMissing)
)

// Validate reports every problem that keeps s from being checked, in field
// order, as [iop.FieldErrors] naming each field by its JSON path
// ("participants[3].id"), each wrapping a sentinel of package iop
// ([iop.ErrMissing], [iop.ErrUnknown], [iop.ErrDuplicate],
// [iop.ErrOutOfRange], [iop.ErrOrder]). It returns nil when s is valid.
// It requires:
//
//   - an ID that [iop.CheckID] accepts, a valid Kind, a valid Enrollment
//     and a Date that [iop.CheckServiceDate] accepts;
//   - a Started day for a closed group, not after Date; Started and each
//     Joined day, when given, are plausible service dates too;
//   - enum values that are unset or known, and a focus gender other than
//     [GenderUndisclosed];
//   - Minutes from zero to a day;
//   - for each facilitator and participant a record ID that
//     [iop.CheckID] accepts (1 to 128 bytes of valid UTF-8 without control
//     or format characters), unique among the facilitators and among the
//     participants, and a valid role;
//   - for each participant an Age from 0 to 130 and a Joined day not after
//     Date; in a gender-specific group a Gender; in a group with an age
//     focus, for each patient an Age or a Population.
//
// No error holds a value of s. Validate allocates nothing when s is valid.
func (s Meeting) Validate() error {
	var v validator
	if err := iop.CheckID(s.ID); err != nil {
		v.at(field("id"), err)
	}
	if err := required(s.Kind == 0, s.Kind.IsValid()); err != nil {
		v.at(field("kind"), err)
	}
	if err := optional(s.Focus.Ages == 0, s.Focus.Ages.IsValid()); err != nil {
		v.at(field("focus.ages"), err)
	}
	if err := optional(s.Focus.Gender == 0, s.Focus.Gender.IsValid()); err != nil {
		v.at(field("focus.gender"), err)
	}
	if s.Focus.Gender == GenderUndisclosed {
		v.at(field("focus.gender"), errUndisclosedFocus)
	}
	if err := required(s.Enrollment == 0, s.Enrollment.IsValid()); err != nil {
		v.at(field("enrollment"), err)
	}
	switch {
	case s.Enrollment == EnrollmentClosed && s.Started == 0:
		v.at(field("started"), errClosedNoStart)
	case s.Started == 0:
	case iop.CheckServiceDate(s.Started) != nil:
		v.at(field("started"), iop.CheckServiceDate(s.Started))
	case s.Date != 0 && s.Started > s.Date:
		v.at(field("started"), errStartedAfter)
	}
	if err := iop.CheckServiceDate(s.Date); err != nil {
		v.at(field("date"), err)
	}
	switch {
	case s.Minutes < 0:
		v.at(field("minutes"), errNegative)
	case s.Minutes > minutesPerDay:
		v.at(field("minutes"), errAboveDay)
	}
	if err := optional(s.Level == 0, s.Level.IsValid()); err != nil {
		v.at(field("level"), err)
	}

	ids := newIDSet(len(s.Facilitators))
	for i := range s.Facilitators {
		f := &s.Facilitators[i]
		if err := iop.CheckID(f.ID); err != nil {
			v.at(elem("facilitators", i, "id"), err)
		} else if seen(&ids, s.Facilitators, i, facilitatorID) {
			v.at(elem("facilitators", i, "id"), iop.ErrDuplicate)
		}
		if err := required(f.Role == 0, f.Role.IsValid()); err != nil {
			v.at(elem("facilitators", i, "role"), err)
		}
	}
	ids = newIDSet(len(s.Participants))
	for i := range s.Participants {
		v.participant("participants", s.Participants, i, &ids, s.Date, s.Focus)
		r := s.Participants[i].Role
		if err := required(r == 0, r.IsValid()); err != nil {
			v.at(elem("participants", i, "role"), err)
		}
	}
	return v.errs.Err()
}

// participant checks ps[i] (all but its role, which sessions and rosters
// treat differently) for a session or roster on day on with focus focus.
func (v *validator) participant(list string, ps []Participant, i int, ids *idSet, on date.Date, focus Focus) {
	p := &ps[i]
	if err := iop.CheckID(p.ID); err != nil {
		v.at(elem(list, i, "id"), err)
	} else if seen(ids, ps, i, participantID) {
		v.at(elem(list, i, "id"), iop.ErrDuplicate)
	}
	switch {
	case p.Age < 0:
		v.at(elem(list, i, "age"), errNegative)
	case p.Age > maxAge:
		v.at(elem(list, i, "age"), errAboveAge)
	}
	if err := optional(p.Population == 0, p.Population.IsValid()); err != nil {
		v.at(elem(list, i, "population"), err)
	}
	if err := optional(p.Gender == 0, p.Gender.IsValid()); err != nil {
		v.at(elem(list, i, "gender"), err)
	}
	if focus.Gender != 0 && p.Gender == 0 {
		v.at(elem(list, i, "gender"), errGenderSpecific)
	}
	if focus.Ages != 0 && p.Role == ParticipantRolePatient && p.Age == 0 && p.Population == 0 {
		v.at(elem(list, i, "age"), errAgeFocus)
	}
	switch {
	case p.Joined == 0:
	case iop.CheckServiceDate(p.Joined) != nil:
		v.at(elem(list, i, "joined"), iop.CheckServiceDate(p.Joined))
	case on != 0 && p.Joined > on:
		v.at(elem(list, i, "joined"), errJoinedAfter)
	}
	if err := optional(p.Level == 0, p.Level.IsValid()); err != nil {
		v.at(elem(list, i, "level"), err)
	}
}

// validator collects field errors in the order of the checks.
type validator struct{ errs iop.FieldErrors }

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
func (v *validator) at(p path, err error) { v.errs.Add(p.String(), err) }

// required returns the error of a required enum field: missing when zero,
// unknown when not valid, nil otherwise.
func required(zero, valid bool) error {
	if zero {
		return iop.ErrMissing
	}
	return optional(zero, valid)
}

// optional returns the error of an optional enum field: unknown when it is
// set but not valid, nil otherwise.
func optional(zero, valid bool) error {
	if !zero && !valid {
		return iop.ErrUnknown
	}
	return nil
}

// shortList is the longest list whose record IDs an [idSet] checks for
// duplicates without a map.
const shortList = 64

// idSet finds record IDs given twice in a list whose elements it sees in
// order. For a list of up to [shortList] elements it keeps the hash of
// each ID on the stack, compares hashes and only compares IDs whose hashes
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

// seen records the ID of list[i] in s and reports whether an earlier
// element had it; idOf returns an element's ID. It must be called in order
// for each element with a non-empty ID.
func seen[T any](s *idSet, list []T, i int, idOf func(*T) string) bool {
	id := idOf(&list[i])
	if s.long != nil {
		_, dup := s.long[id]
		s.long[id] = struct{}{}
		return dup
	}
	h := hashID(id)
	s.hashes[i] = h
	for j, hj := range s.hashes[:i] {
		if hj == h && idOf(&list[j]) == id {
			return true
		}
	}
	return false
}

func facilitatorID(f *Facilitator) string { return f.ID }

func participantID(p *Participant) string { return p.ID }

// hashID is the 64-bit FNV-1a hash of id.
func hashID(id string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(id); i++ {
		h ^= uint64(id[i])
		h *= 1099511628211
	}
	return h
}
