package iop

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
)

// Roster is a list of patients to place in groups of one kind on one day, and
// how to split them: always by population (adolescents apart from adults),
// and by gender identity and by cohort when asked. [Roster.Plan] makes the
// groups; [ParseRoster] decodes a roster from JSON.
//
// Roster is a value; it holds a slice, so it is not comparable. It is safe
// for concurrent use as long as no one writes to it.
type Roster struct {
	// Date is the day of the sessions; ages are taken on it.
	Date date.Date `json:"date"`
	// Kind is the kind of group to form; it decides the sizes allowed
	// ([GroupRules.SizeFor]).
	Kind GroupKind `json:"kind"`
	// ByGender forms gender-specific groups; every patient then needs a
	// Gender.
	ByGender bool `json:"by_gender,omitzero"`
	// ByCohort forms a group per cohort ([Participant.Cohort]); patients
	// without a cohort form groups of their own.
	ByCohort bool `json:"by_cohort,omitzero"`
	// Patients are the patients to place. Their Role is [Patient] or unset.
	Patients []Participant `json:"patients"`
}

// GroupPlan is the outcome of [Roster.Plan]: the groups formed, in the
// order of population, gender identity and cohort, then of the roster.
type GroupPlan struct {
	Groups []PlannedGroup `json:"groups"`
}

// Placed returns the number of patients placed in the plan's groups.
func (pl GroupPlan) Placed() int {
	n := 0
	for _, g := range pl.Groups {
		n += len(g.Patients)
	}
	return n
}

// PlannedGroup is one group of a [GroupPlan]: the focus its members share,
// its patients in roster order (each with Role [Patient]), and the staff the
// profile requires for it.
type PlannedGroup struct {
	Kind  GroupKind  `json:"kind"`
	Date  date.Date  `json:"date"`
	Focus GroupFocus `json:"focus"`
	// Patients are the group's members.
	Patients []Participant `json:"patients"`
	// Facilitators is the fewest facilitators the profile requires for the
	// group's size ([GroupRules.Facilitators]).
	Facilitators int `json:"facilitators"`
	// Licensed says whether one of them must be licensed.
	Licensed bool `json:"licensed,omitzero"`
}

// Session returns template with the planned group filled in: its kind, date
// and patients, and the focus restrictions the plan split by (age always,
// gender and cohort when the roster asked). The rest of template (ID,
// enrollment, length, facilitators, other restrictions) is kept. The session
// shares no memory with the plan.
func (pg PlannedGroup) Session(template GroupSession) GroupSession {
	s := template.Clone()
	s.Kind, s.Date = pg.Kind, pg.Date
	s.Focus.Ages = pg.Focus.Ages
	if pg.Focus.Gender != 0 {
		s.Focus.Gender = pg.Focus.Gender
	}
	if pg.Focus.Cohort != "" {
		s.Focus.Cohort = pg.Focus.Cohort
	}
	s.Participants = slices.Clone(pg.Patients)
	return s
}

// Plan splits the roster into groups that comply with profile p: each group
// holds patients of one population (by their Age under the profile's
// [AgeRules], or their Population), and of one gender identity and one
// cohort when the roster asks; its size is within the sizes p allows for the
// roster's kind. It forms the fewest groups it can, of sizes that differ by
// one at most, keeping roster order.
//
// When the patients of a population (and gender, and cohort) are too few for
// a group, or cannot be split into groups within the sizes (7 patients for
// groups of 4 to 6), Plan places as many as it can and reports the rest in a
// [*PlanError]; a patient younger than the profile's MinAge is reported the
// same way. The plan then comes with an [Errors] of PlanErrors, and still
// holds the groups it formed. A roster that is not valid
// ([Roster.Validate]), or a patient whose population cannot be told (no Age
// under age rules, no Population) or, with ByGender, whose gender is not
// recorded, gives an error of [*FieldError]s and an empty plan.
func (r Roster) Plan(p Profile) (GroupPlan, error) {
	if err := r.Validate(); err != nil {
		return GroupPlan{}, err
	}
	type bucket struct {
		key      GroupFocus
		patients []Participant
	}
	var (
		v       validator
		buckets []bucket
		young   []string
	)
	for i, pt := range r.Patients {
		pt.Role = Patient
		var pop Population
		switch {
		case p.Ages.AdultAge > 0 && pt.Age > 0 && pt.Age < p.Ages.MinAge:
			young = append(young, pt.ID)
			continue
		case p.Ages.AdultAge > 0 && pt.Age > 0:
			pop = naturalPopulation(p.Ages, pt.Age)
		case pt.Population.IsValid():
			pop = pt.Population
		default:
			v.at(elem("patients", i, "age"), fmt.Errorf("%w: give an age the profile's age rules can place, or a population", ErrMissing))
			continue
		}
		key := GroupFocus{Ages: focusOf(pop)}
		if r.ByGender {
			if pt.Gender == 0 {
				v.at(elem("patients", i, "gender"), fmt.Errorf("%w: the roster splits by gender", ErrMissing))
				continue
			}
			key.Gender = pt.Gender
		}
		if r.ByCohort {
			key.Cohort = pt.Cohort
		}
		j := slices.IndexFunc(buckets, func(b bucket) bool { return b.key == key })
		if j < 0 {
			buckets = append(buckets, bucket{key: key})
			j = len(buckets) - 1
		}
		buckets[j].patients = append(buckets[j].patients, pt)
	}
	if err := v.errs.Err(); err != nil {
		return GroupPlan{}, err
	}
	slices.SortStableFunc(buckets, func(a, b bucket) int {
		return cmp.Or(
			cmp.Compare(a.key.Ages, b.key.Ages),
			cmp.Compare(a.key.Gender, b.key.Gender),
			cmp.Compare(a.key.Cohort, b.key.Cohort),
		)
	})

	var plan GroupPlan
	var errs Errors
	if len(young) > 0 {
		errs = append(errs, &PlanError{
			Unplaced: young, Patients: len(young),
			Err: fmt.Errorf("%w: younger than the program serves", ErrOutOfRange),
		})
	}
	minSize, maxSize := p.Group.SizeFor(r.Kind)
	for _, b := range buckets {
		placed, groups := split(len(b.patients), minSize, maxSize)
		start := 0
		for k := range groups {
			size := placed / groups
			if k < placed%groups {
				size++
			}
			members := slices.Clip(b.patients[start : start+size])
			start += size
			plan.Groups = append(plan.Groups, PlannedGroup{
				Kind: r.Kind, Date: r.Date, Focus: b.key, Patients: members,
				Facilitators: p.Group.Facilitators(size),
				Licensed:     p.Group.LicensedRequired(r.Kind),
			})
		}
		if placed < len(b.patients) {
			unplaced := make([]string, 0, len(b.patients)-placed)
			for _, pt := range b.patients[placed:] {
				unplaced = append(unplaced, pt.ID)
			}
			errs = append(errs, &PlanError{Unplaced: unplaced, Patients: len(b.patients), MinSize: minSize, MaxSize: maxSize, Err: ErrCannotPlace})
		}
	}
	return plan, errs.Err()
}

// split returns how many of n patients can be placed in groups of minSize to
// maxSize (zero: no bound) and in how many groups: the largest count that
// some number of groups can hold, in the fewest groups.
func split(n, minSize, maxSize int) (placed, groups int) {
	lo := max(minSize, 1)
	for m := n; m > 0; m-- {
		k := 1
		if maxSize > 0 {
			k = (m + maxSize - 1) / maxSize
		}
		if k*lo <= m {
			return m, k
		}
	}
	return 0, 0
}

// focusOf returns the age focus of a group for population p.
func focusOf(p Population) AgeFocus {
	if p == Adolescent {
		return FocusAdolescent
	}
	return FocusAdult
}

// Validate reports every problem that keeps r from being planned, in field
// order, as [Errors] of [*FieldError]s: a missing Date, a missing or unknown
// Kind, and for each patient what [GroupSession.Validate] requires of a
// participant (a unique record ID, known enum values, an age from 0 to 130,
// a Joined day not after Date) and a Role that is [Patient] or unset.
func (r Roster) Validate() error {
	var v validator
	if r.Date == 0 {
		v.add("date", ErrMissing)
	}
	v.required(field("kind"), r.Kind.IsZero(), r.Kind.IsValid(), ErrUnknownGroupKind)
	ids := newIDSet(len(r.Patients))
	for i := range r.Patients {
		v.participant("patients", r.Patients, i, &ids, r.Date, GroupFocus{})
		switch role := r.Patients[i].Role; {
		case role != 0 && !role.IsValid():
			v.at(elem("patients", i, "role"), ErrUnknownRole)
		case role != 0 && role != Patient:
			v.at(elem("patients", i, "role"), fmt.Errorf("%w: a roster holds patients only", ErrOutOfRange))
		}
	}
	return v.errs.Err()
}

// ParseRoster decodes a roster from JSON strictly and validates it, as
// [ParseGroupSession] does for a session.
func ParseRoster(data []byte) (Roster, error) {
	var r Roster
	if err := r.UnmarshalJSON(data); err != nil {
		return Roster{}, err
	}
	if err := r.Validate(); err != nil {
		return Roster{}, err
	}
	return r, nil
}

// UnmarshalJSON decodes a roster strictly, as [ParseRoster] does, but does
// not validate it.
func (r *Roster) UnmarshalJSON(data []byte) error {
	type plain Roster
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	*r = Roster(v)
	return nil
}
