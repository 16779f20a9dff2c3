package group

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// Checker holds sessions to one profile's group and age rules, and plans
// rosters under them. Make one with [NewChecker]; it is immutable and safe
// for concurrent use, so one Checker may serve every goroutine. The zero
// Checker is not usable: its methods return an error.
type Checker struct{ r *checker }

// checker is what a Checker shares between its copies.
type checker struct {
	p     iop.Profile
	rules check.Rules
	group Composition
	ages  iop.AgeRules
	cites [len(rules)]iop.Citation // the profile's citation of each rule; zero: the table's
}

// NewChecker returns a Checker for profile p: the group rules of p's
// [Composition] part (none without one), p's age rules, and p's rule
// settings applied to the rule table ([Rules]). It validates p
// ([iop.Profile.Validate], which checks the codes of the settings once for
// every checker: "rules[2].code"). The Checker keeps its own copy of p.
func NewChecker(p iop.Profile) (Checker, error) {
	if err := p.Validate(); err != nil {
		return Checker{}, err
	}
	p = p.Clone()
	rs := check.New(rules[:], &p)
	rs.Tie(ruleAgesNotJudged, ruleAgesMixed)
	comp, _ := iop.PartOf[Composition](&p)
	c := &checker{p: p, rules: rs, group: comp, ages: p.Ages}
	agesCite := comp.Cite
	if p.Ages.AdultAge > 0 && !p.Ages.Cite.IsZero() {
		agesCite = p.Ages.Cite
	}
	for i := range c.cites {
		c.cites[i] = comp.Cite
	}
	for _, i := range [...]int{ruleBelowMinimumAge, ruleAdolescentInAdultGroup, ruleAdultInAdolescentGroup, ruleAgeExceptionUndocumented, ruleAgesMixed} {
		c.cites[i] = agesCite
	}
	return Checker{r: c}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Rules returns the rule table as ck's profile applies it: each rule with
// the profile's severity (zero for a rule the profile turns off) and the
// citation of the profile's group or age rules when it has them, the
// rule's general source otherwise. It gives ck's findings their words
// ([iop.RuleTable.Message]). The zero Checker's table is [Rules].
func (ck Checker) Rules() iop.RuleTable {
	if ck.r == nil {
		return Rules()
	}
	return ck.r.rules.Table(ck.r.cites[:])
}

// Profile returns a copy of the checker's profile; the zero Profile for the
// zero Checker.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	return ck.r.p.Clone()
}

// CheckMeeting holds s to the checker's profile and returns every finding,
// in rule order ([Rules]) and then in the order of the participants: nil
// when the session meets every rule. A session that is not valid
// ([Meeting.Validate]) is an error ([iop.FieldErrors]) and no findings.
//
// The rules, in order, and what triggers each:
//
//   - size: the participants who count (patients; family members and
//     observers when the profile's CountFamily and CountObservers say so)
//     against the sizes Composition.sizeFor gives for the session's
//     kind;
//   - facilitators: MinFacilitators, a licensed facilitator where
//     Composition.licensedRequired, a co-facilitator above
//     CoFacilitatorAbove, and MaxPerFacilitator (trainees count only with
//     CountTrainees);
//   - ages, for patients only: a group without an age focus may not mix
//     adolescents and adults when the profile's SeparateAges says so; a
//     patient below the profile's MinAge is reported in any group; a group
//     with an age focus takes only patients who may be served in its
//     population ([iop.AgeRules.MayJoin] on their Age when the profile has
//     age rules, their Population otherwise, and not at all when neither
//     tells); one who may be there only by the overlap the age rules allow
//     needs AgeException;
//   - focus: the gender of every participant, and for patients the
//     young-adult age band, the co-occurring flag, the trauma flag and the
//     cohort, each where the session's focus sets it;
//   - a confidentiality agreement for every participant when the profile's
//     RequireAgreement says so;
//   - a closed group's patients and family members who joined after its
//     first session;
//   - each patient's level of care against the session's Level, or the
//     profile's when the session names none.
//
// A finding about the group as a whole has the session's ID as its
// Subject, one about a person the person's record ID; every finding's Day
// is the session's date. Size and staffing findings carry the figures
// (UnitCount): the limit and the count (the size allowed and the
// participants counted; the facilitators needed and present; the
// participants the facilitators may lead and those counted). No finding
// holds anything else of the session.
// CheckSession allocates nothing when the session complies.
func (ck Checker) CheckMeeting(s Meeting) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendMeeting(buf[:0], s))
}

// AppendSession is [Checker.CheckMeeting] appending the findings to dst,
// for callers that check many sessions and reuse one list. It allocates
// only when dst must grow. On error it returns dst unchanged.
func (ck Checker) AppendMeeting(dst iop.Findings, s Meeting) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	if err := s.Validate(); err != nil {
		return dst, err
	}
	if err := ck.r.p.JudgeOn(s.Date); err != nil {
		return dst, err
	}
	c := run{ck: ck.r, s: s}
	return c.all(dst), nil
}

// run applies the rules of one checker to one valid session.
type run struct {
	ck *checker
	s  Meeting
}

// tally is the head count of a session.
type tally struct {
	counted      int // participants who count toward the size limits
	facilitators int // facilitators who count toward the staffing rules
	licensed     bool
}

func (c *run) all(out iop.Findings) iop.Findings {
	t := c.tally()
	out = c.size(out, t)
	out = c.staff(out, t)
	out = c.ages(out)
	out = c.focus(out)
	out = c.agreements(out)
	out = c.enrollment(out)
	out = c.level(out)
	return out
}

func (c *run) tally() tally {
	var t tally
	r := &c.ck.group
	for i := range c.s.Participants {
		switch c.s.Participants[i].Role {
		case ParticipantRolePatient:
			t.counted++
		case ParticipantRoleFamily:
			if r.CountFamily {
				t.counted++
			}
		case ParticipantRoleObserver:
			if r.CountObservers {
				t.counted++
			}
		}
	}
	for i := range c.s.Facilitators {
		f := &c.s.Facilitators[i]
		if f.Role == FacilitatorRoleTrainee && !r.CountTrainees {
			continue
		}
		t.facilitators++
		t.licensed = t.licensed || f.Licensed
	}
	return t
}

func (c *run) size(out iop.Findings, t tally) iop.Findings {
	minSize, maxSize := c.ck.group.sizeFor(c.s.Kind)
	if minSize > 0 && t.counted < minSize {
		out = c.group(out, ruleSizeBelowMinimum, minSize, t.counted)
	}
	if maxSize > 0 && t.counted > maxSize {
		out = c.group(out, ruleSizeAboveMaximum, maxSize, t.counted)
	}
	return out
}

func (c *run) staff(out iop.Findings, t tally) iop.Findings {
	r := &c.ck.group
	if r.MinFacilitators > 0 && t.facilitators < r.MinFacilitators {
		out = c.group(out, ruleFacilitatorsTooFew, r.MinFacilitators, t.facilitators)
	}
	if r.licensedRequired(c.s.Kind) && !t.licensed {
		out = c.group(out, ruleNoLicensedFacilitator, 0, 0)
	}
	if r.CoFacilitatorAbove > 0 && t.counted > r.CoFacilitatorAbove && t.facilitators < 2 {
		out = c.group(out, ruleCoFacilitatorRequired, 2, t.facilitators)
	}
	if r.MaxPerFacilitator > 0 && t.counted > r.MaxPerFacilitator*t.facilitators {
		out = c.group(out, ruleFacilitatorRatio, r.MaxPerFacilitator*t.facilitators, t.counted)
	}
	return out
}

// ages applies the age rules to the patients, one rule at a time.
func (c *run) ages(out iop.Findings) iop.Findings {
	a := &c.ck.ages
	target := c.s.Focus.Ages.Population()
	if target == 0 && c.ck.group.SeparateAges {
		out = c.mixedAges(out)
	}
	if target == 0 && (a.AdultAge <= 0 || a.MinAge <= 0) {
		return out
	}
	for _, rule := range [...]int{ruleBelowMinimumAge, ruleAdolescentInAdultGroup, ruleAdultInAdolescentGroup, ruleAgeExceptionUndocumented} {
		if !c.ck.rules.On(rule) {
			continue
		}
		for i := range c.s.Participants {
			pt := &c.s.Participants[i]
			if pt.Role == ParticipantRolePatient && c.ageRule(pt, target) == rule {
				out = c.person(out, rule, pt)
			}
		}
	}
	return out
}

// ageRule returns the age rule patient pt breaks in a group for population
// target (zero: no age focus), or -1.
func (c *run) ageRule(pt *Participant, target iop.Population) int {
	a := &c.ck.ages
	if a.AdultAge > 0 && pt.Age > 0 {
		switch {
		case pt.Age < a.MinAge:
			return ruleBelowMinimumAge
		case target == 0:
		case !a.MayJoin(pt.Age, target):
			return mismatch(target)
		case !pt.AgeException && naturalPopulation(a, pt.Age) != target:
			return ruleAgeExceptionUndocumented
		}
		return -1
	}
	if target != 0 && pt.Population.IsValid() && pt.Population != target {
		return mismatch(target)
	}
	return -1
}

// mismatch returns the rule of a patient who may not be in a group for
// population target.
func mismatch(target iop.Population) int {
	if target == iop.PopulationAdolescent {
		return ruleAdultInAdolescentGroup
	}
	return ruleAdolescentInAdultGroup
}

// naturalPopulation returns the population of age under a, which must have
// an adult age; ages below MinAge are taken as adolescents.
func naturalPopulation(a *iop.AgeRules, age int) iop.Population {
	if age >= a.AdultAge {
		return iop.PopulationAdult
	}
	return iop.PopulationAdolescent
}

// mixedAges reports a group that holds both patients who may only be served
// as adolescents and patients who may only be served as adults. Patients in
// the overlap the age rules allow count as neither.
func (c *run) mixedAges(out iop.Findings) iop.Findings {
	a := &c.ck.ages
	var adolescents, adults, unknown int
	for i := range c.s.Participants {
		pt := &c.s.Participants[i]
		if pt.Role != ParticipantRolePatient {
			continue
		}
		if pt.Age <= 0 && (pt.Population == 0 || !pt.Population.IsValid()) {
			unknown++
			continue
		}
		if a.AdultAge > 0 && pt.Age > 0 {
			switch {
			case pt.Age < a.MinAge:
			case !a.MayJoin(pt.Age, iop.PopulationAdult):
				adolescents++
			case !a.MayJoin(pt.Age, iop.PopulationAdolescent):
				adults++
			}
			continue
		}
		switch pt.Population {
		case iop.PopulationAdolescent:
			adolescents++
		case iop.PopulationAdult:
			adults++
		}
	}
	switch {
	case adolescents > 0 && adults > 0:
		out = c.ck.rules.Add(out, ruleAgesMixed, iop.Finding{Subject: c.s.ID, Day: c.s.Date})
	case unknown > 0:
		// What the mixed-ages rule needs is missing: not judged, at its
		// force (the rule tables tie the two: NewChecker).
		out = c.ck.rules.Add(out, ruleAgesNotJudged, iop.Finding{Subject: c.s.ID, Day: c.s.Date, Ref: "ages",
			Got: int64(unknown), Unit: iop.UnitCount})
	}
	return out
}

// focus applies the session's focus, one restriction at a time.
func (c *run) focus(out iop.Findings) iop.Findings {
	f := &c.s.Focus
	ps := c.s.Participants
	if f.Gender != 0 {
		for i := range ps {
			if pt := &ps[i]; pt.Gender != f.Gender {
				out = c.person(out, ruleGenderMismatch, pt)
			}
		}
	}
	if maxAge := c.ck.group.YoungAdultMaxAge; f.Ages == AgeFocusYoungAdult && maxAge > 0 {
		for i := range ps {
			if pt := &ps[i]; pt.Role == ParticipantRolePatient && pt.Age > maxAge {
				out = c.person(out, ruleAgeBandMismatch, pt)
			}
		}
	}
	if f.CoOccurring {
		for i := range ps {
			if pt := &ps[i]; pt.Role == ParticipantRolePatient && !pt.CoOccurring {
				out = c.person(out, ruleCoOccurringMismatch, pt)
			}
		}
	}
	if f.Trauma {
		for i := range ps {
			if pt := &ps[i]; pt.Role == ParticipantRolePatient && !pt.Trauma {
				out = c.person(out, ruleTraumaMismatch, pt)
			}
		}
	}
	if f.Cohort != "" {
		for i := range ps {
			if pt := &ps[i]; pt.Role == ParticipantRolePatient && pt.Cohort != f.Cohort {
				out = c.person(out, ruleCohortMismatch, pt)
			}
		}
	}
	return out
}

func (c *run) agreements(out iop.Findings) iop.Findings {
	if !c.ck.group.RequireAgreement {
		return out
	}
	for i := range c.s.Participants {
		if pt := &c.s.Participants[i]; !pt.Agreement {
			out = c.person(out, ruleAgreementMissing, pt)
		}
	}
	return out
}

func (c *run) enrollment(out iop.Findings) iop.Findings {
	if c.s.Enrollment != EnrollmentClosed {
		return out
	}
	for i := range c.s.Participants {
		if pt := &c.s.Participants[i]; pt.Role != ParticipantRoleObserver && pt.Joined > c.s.Started {
			out = c.person(out, ruleJoinedClosedGroup, pt)
		}
	}
	return out
}

func (c *run) level(out iop.Findings) iop.Findings {
	program := c.s.Level
	if program == 0 {
		program = c.ck.p.Level
	}
	if !program.IsValid() {
		return out
	}
	for i := range c.s.Participants {
		if pt := &c.s.Participants[i]; pt.Role == ParticipantRolePatient && pt.Level.IsValid() && pt.Level != program {
			out = c.person(out, ruleLevelMismatch, pt)
		}
	}
	return out
}

// group adds a finding of rule i about the group as a whole; need and got
// are counts, both zero for a finding without figures.
func (c *run) group(out iop.Findings, i, need, got int) iop.Findings {
	f := iop.Finding{Subject: c.s.ID, Day: c.s.Date}
	if need != 0 || got != 0 {
		f.Need, f.Got, f.Unit = int64(need), int64(got), iop.UnitCount
	}
	out = c.ck.rules.Add(out, i, f)
	return out
}

// person adds a finding of rule i about participant pt.
func (c *run) person(out iop.Findings, i int, pt *Participant) iop.Findings {
	out = c.ck.rules.Add(out, i, iop.Finding{Subject: pt.ID, Day: c.s.Date})
	return out
}
