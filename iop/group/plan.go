package group

import (
	"cmp"
	"slices"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Roster is a list of patients to place in groups of one kind on one day,
// and how to split them: always by population (adolescents apart from
// adults), and by gender identity and by cohort when asked.
// [Checker.PlanRoster] makes the groups; [ParseRoster] decodes a roster
// from JSON.
//
// The zero Roster is not valid. Roster is a value; it holds a slice, so it
// is not comparable. It is safe for concurrent use as long as no one
// writes to it.
type Roster struct {
	// Date is the day of the sessions; ages are taken on it.
	Date date.Date `json:"date"`
	// Kind is the kind of group to form; it decides the sizes allowed
	// (Composition.sizeFor).
	Kind iop.GroupKind `json:"kind"`
	// ByGender forms gender-specific groups; every patient then needs a
	// Gender.
	ByGender bool `json:"by_gender,omitzero"`
	// ByCohort forms a group per cohort ([Participant.Cohort]); patients
	// without a cohort form groups of their own.
	ByCohort bool `json:"by_cohort,omitzero"`
	// Patients are the patients to place. Their Role is [ParticipantRolePatient] or unset.
	Patients []Participant `json:"patients"`
}

// Grouping is the outcome of [Checker.PlanRoster]: the groups formed, in the
// order of population, gender identity and cohort, then of the roster, and
// the patients it could not place. The zero Grouping has no groups.
type Grouping struct {
	// Groups are the groups formed; none when no patient could be placed.
	Groups []PlannedGroup `json:"groups"`
	// Unplaced are the patients left out, by set: those younger than the
	// profile serves first, then in the order of the groups.
	Unplaced []Unplaced `json:"unplaced,omitzero"`
}

// UnmarshalJSON decodes a plan strictly, as json.Marshal writes it: an
// unknown or repeated member or a value of the wrong type is an error
// naming the field ([iop.FieldErrors]). It does not check the plan against
// a profile. On error pl is unchanged.
func (pl *Grouping) UnmarshalJSON(data []byte) error { return check.Unmarshal(data, pl) }

// UnplacedIDs returns the record IDs of every patient left out, in the
// order of Unplaced; nil when every patient was placed.
func (pl Grouping) UnplacedIDs() []string {
	var out []string
	for _, u := range pl.Unplaced {
		out = append(out, u.Patients...)
	}
	return out
}

// Placed returns the number of patients placed in the plan's groups.
func (pl Grouping) Placed() int {
	n := 0
	for _, g := range pl.Groups {
		n += len(g.Patients)
	}
	return n
}

// PlannedGroup is one group of a [Grouping]: the focus its members share, its
// patients in roster order (each with Role [ParticipantRolePatient]), and the staff the
// profile requires for it.
type PlannedGroup struct {
	// Kind and Date are the roster's.
	Kind iop.GroupKind `json:"kind"`
	Date date.Date     `json:"date"`
	// Focus is what the members share: the age focus of their population,
	// and the gender identity and cohort when the roster splits by them.
	Focus Focus `json:"focus"`
	// Patients are the group's members.
	Patients []Participant `json:"patients"`
	// Facilitators is the fewest facilitators the profile requires for the
	// group's size (Composition.facilitators).
	Facilitators int `json:"facilitators"`
	// Licensed says whether one of them must be licensed.
	Licensed bool `json:"licensed,omitzero"`
}

// Meeting returns template with the planned group filled in: its kind,
// date and patients, and the focus restrictions the plan split by (age
// always, gender and cohort when the roster asked). The rest of template
// (ID, enrollment, length, facilitators, other restrictions) is kept. The
// session shares no memory with the plan or the template.
func (pg PlannedGroup) Meeting(template Meeting) Meeting {
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

// PlanRoster splits r into groups that comply with the checker's profile:
// each group holds patients of one population (by their Age under the
// profile's [iop.AgeRules], or their Population), and of one gender
// identity and one cohort when the roster asks; its size is within the
// sizes the profile allows for the roster's kind. It forms the fewest
// groups it can, of sizes that differ by one at most, keeping roster
// order. Each group, with the facilitators the plan names, passes
// [Checker.CheckMeeting] under the size, staffing and age rules.
//
// When the patients of a population (and gender, and cohort) are too few
// for a group, or cannot be split into groups within the sizes (7 patients
// for groups of 4 to 6), PlanRoster places as many as it can and lists the
// rest in the plan's Unplaced, by set; a patient younger than the
// profile's MinAge is listed the same way. That is a result, not an error:
// the roster was valid.
//
// A roster that is not valid ([Roster.Validate]), or a patient whose
// population cannot be told (no Age under age rules, no Population) or,
// with ByGender, whose gender is not recorded, is an error
// ([iop.FieldErrors]) and the zero Plan.
func (ck Checker) PlanRoster(r Roster) (Grouping, error) {
	if ck.r == nil {
		return Grouping{}, check.ZeroChecker()
	}
	if err := r.Validate(); err != nil {
		return Grouping{}, err
	}
	type bucket struct {
		key      Focus
		patients []Participant
	}
	var (
		v       validator
		buckets []bucket
		young   []string
	)
	a := &ck.r.ages
	for i, pt := range r.Patients {
		pt.Role = ParticipantRolePatient
		var pop iop.Population
		switch {
		case a.AdultAge > 0 && pt.Age > 0 && pt.Age < a.MinAge:
			young = append(young, pt.ID)
			continue
		case a.AdultAge > 0 && pt.Age > 0:
			pop = naturalPopulation(a, pt.Age)
		case pt.Population.IsValid():
			pop = pt.Population
		default:
			v.at(elem("patients", i, "age"), errNoPopulation)
			continue
		}
		key := Focus{Ages: focusOf(pop)}
		if r.ByGender {
			if pt.Gender == 0 {
				v.at(elem("patients", i, "gender"), errNoGender)
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
		return Grouping{}, err
	}
	slices.SortStableFunc(buckets, func(a, b bucket) int {
		return cmp.Or(
			cmp.Compare(a.key.Ages, b.key.Ages),
			cmp.Compare(a.key.Gender, b.key.Gender),
			cmp.Compare(a.key.Cohort, b.key.Cohort),
		)
	})

	var plan Grouping
	if len(young) > 0 {
		plan.Unplaced = append(plan.Unplaced, Unplaced{Patients: young, Of: len(young), TooYoung: true})
	}
	g := &ck.r.group
	minSize, maxSize := g.sizeFor(r.Kind)
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
				Facilitators: g.facilitators(size),
				Licensed:     g.licensedRequired(r.Kind),
			})
		}
		if placed < len(b.patients) {
			unplaced := make([]string, 0, len(b.patients)-placed)
			for _, pt := range b.patients[placed:] {
				unplaced = append(unplaced, pt.ID)
			}
			plan.Unplaced = append(plan.Unplaced, Unplaced{Patients: unplaced, Of: len(b.patients), MinSize: minSize, MaxSize: maxSize})
		}
	}
	return plan, nil
}

// split returns how many of n patients can be placed in groups of minSize
// to maxSize (zero: no bound) and in how many groups: the largest count
// that some number of groups can hold, in the fewest groups.
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
func focusOf(p iop.Population) AgeFocus {
	if p == iop.PopulationAdolescent {
		return AgeFocusAdolescent
	}
	return AgeFocusAdult
}

// Validate reports every problem that keeps r from being planned, in field
// order, as [iop.FieldErrors]: a Date that is missing or not a plausible
// service date ([iop.CheckServiceDate]), a missing or unknown Kind, and for
// each patient what [Meeting.Validate] requires of a participant (a unique
// record ID that [iop.CheckID] accepts, known enum values, an age from 0 to
// 130, a Joined day not after Date) and a Role that is [ParticipantRolePatient] or unset.
// No error holds a value of r.
func (r Roster) Validate() error {
	var v validator
	if err := iop.CheckServiceDate(r.Date); err != nil {
		v.at(field("date"), err)
	}
	if err := required(r.Kind == 0, r.Kind.IsValid()); err != nil {
		v.at(field("kind"), err)
	}
	ids := newIDSet(len(r.Patients))
	for i := range r.Patients {
		v.participant("patients", r.Patients, i, &ids, r.Date, Focus{})
		switch role := r.Patients[i].Role; {
		case role != 0 && !role.IsValid():
			v.at(elem("patients", i, "role"), iop.ErrUnknown)
		case role != 0 && role != ParticipantRolePatient:
			v.at(elem("patients", i, "role"), errNotPatient)
		}
	}
	return v.errs.Err()
}

// ParseRoster decodes a roster from JSON strictly and validates it, as
// [ParseMeeting] does for a session. A refused roster comes back as the
// zero Roster.
func ParseRoster(data []byte) (Roster, error) { return check.Parse[Roster](data) }

// UnmarshalJSON decodes a roster strictly, as [ParseRoster] does, but does
// not validate it; like [Meeting.UnmarshalJSON] it refuses a document that
// is not valid UTF-8.
func (r *Roster) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, r)
}
