package iop

import (
	"iter"
	"strconv"
)

// Check holds the session to profile p and returns every finding, in rule
// order and then in the order of the participants: nil when the session
// meets every rule. It first validates the session ([GroupSession.Validate])
// and returns its error, and no findings, when the session is not valid. The
// profile is taken as valid (built in, or from [ParseProfile]); an invalid
// one gives findings that may not make sense, never a panic.
//
// The rules, in order, and what triggers each:
//
//   - size: the participants who count (patients; family members and
//     observers when the profile's CountFamily and CountObservers say so)
//     against the sizes [GroupRules.SizeFor] gives for the session's kind;
//   - facilitators: MinFacilitators, a licensed facilitator where
//     [GroupRules.LicensedRequired], a co-facilitator above
//     CoFacilitatorAbove, and MaxPerFacilitator (trainees count only with
//     CountTrainees);
//   - ages, for patients only: a group with an age focus takes only
//     patients who may be served in its population ([AgeRules.MayJoin] on
//     their Age when the profile has age rules, their Population
//     otherwise, and not at all when neither tells); one who may be there
//     only by the overlap the age rules allow needs AgeException; a
//     patient below the profile's MinAge is reported in any group; a group
//     without an age focus may not mix adolescents and adults when the
//     profile's SeparateAges says so;
//   - focus: the gender of every participant, and for patients the
//     young-adult age band, the co-occurring flag, the trauma flag and the
//     cohort, each where the session's focus sets it, at the profile's
//     FocusMismatch severity;
//   - a confidentiality agreement for every participant when the profile's
//     RequireAgreement says so;
//   - a closed group's patients and family members who joined after its
//     first session;
//   - each patient's level of care against the session's Level, or the
//     profile's when the session names none, at the profile's
//     LevelMismatch severity.
//
// Messages name the session's and the participants' record IDs and counts,
// nothing else. Check allocates nothing when the session complies.
func (g GroupSession) Check(p Profile) (Findings, error) {
	if err := g.Validate(); err != nil {
		return nil, err
	}
	c := groupCheck{g: g, r: p.Group, a: p.Ages, program: p.Level, source: p.Source}
	c.run()
	return c.out, nil
}

// groupCheck applies the rules of one profile to one valid session. It holds
// values, not pointers, so that it stays on the stack.
type groupCheck struct {
	g       GroupSession
	r       GroupRules
	a       AgeRules // the profile's age rules
	program Level    // the profile's level, for sessions that name none
	source  Citation // the profile's source
	out     Findings
}

// tally is the head count of a session.
type tally struct {
	counted      int // participants who count toward the size limits
	facilitators int // facilitators who count toward the staffing rules
	licensed     bool
}

func (c *groupCheck) run() {
	t := c.tally()
	c.size(t)
	c.staff(t)
	c.ages()
	c.focus()
	c.agreements()
	c.enrollment()
	c.level()
}

func (c *groupCheck) tally() tally {
	var t tally
	for _, pt := range c.g.Participants {
		switch pt.Role {
		case Patient:
			t.counted++
		case Family:
			if c.r.CountFamily {
				t.counted++
			}
		case Observer:
			if c.r.CountObservers {
				t.counted++
			}
		}
	}
	for _, f := range c.g.Facilitators {
		if f.Role == Trainee && !c.r.CountTrainees {
			continue
		}
		t.facilitators++
		t.licensed = t.licensed || f.Licensed
	}
	return t
}

func (c *groupCheck) size(t tally) {
	minSize, maxSize := c.r.SizeFor(c.g.Kind)
	if minSize > 0 && t.counted < minSize {
		c.group(CodeGroupSizeBelowMinimum, Blocking, "has "+counted(t.counted)+" toward its size, below the minimum of "+strconv.Itoa(minSize), minSize, t.counted)
	}
	if maxSize > 0 && t.counted > maxSize {
		c.group(CodeGroupSizeAboveMaximum, Blocking, "has "+counted(t.counted)+" toward its size, above the maximum of "+strconv.Itoa(maxSize), maxSize, t.counted)
	}
}

func (c *groupCheck) staff(t tally) {
	r := &c.r
	if r.MinFacilitators > 0 && t.facilitators < r.MinFacilitators {
		c.group(CodeGroupFacilitatorsTooFew, Blocking, "has "+facilitators(t.facilitators)+"; the profile requires "+strconv.Itoa(r.MinFacilitators), r.MinFacilitators, t.facilitators)
	}
	if r.LicensedRequired(c.g.Kind) && !t.licensed {
		c.group(CodeGroupNoLicensedFacilitator, Blocking, "has no licensed facilitator", 0, 0)
	}
	if r.CoFacilitatorAbove > 0 && t.counted > r.CoFacilitatorAbove && t.facilitators < 2 {
		c.group(CodeGroupCoFacilitatorRequired, Blocking, "has "+counted(t.counted)+" and "+facilitators(t.facilitators)+"; above "+strconv.Itoa(r.CoFacilitatorAbove)+" a co-facilitator is required", 2, t.facilitators)
	}
	if r.MaxPerFacilitator > 0 && t.counted > r.MaxPerFacilitator*t.facilitators {
		c.group(CodeGroupFacilitatorRatio, Blocking, "has "+counted(t.counted)+" for "+facilitators(t.facilitators)+", more than "+strconv.Itoa(r.MaxPerFacilitator)+" per facilitator", r.MaxPerFacilitator*t.facilitators, t.counted)
	}
}

// ages applies the age rules to the patients.
func (c *groupCheck) ages() {
	a := c.a
	byAge := a.AdultAge > 0
	target := c.g.Focus.Ages.Population()
	if target == 0 && c.r.SeparateAges {
		c.mixedAges(byAge)
	}
	if target == 0 && (!byAge || a.MinAge <= 0) {
		return
	}
	for pt := range c.patients() {
		if byAge && pt.Age > 0 {
			switch {
			case pt.Age < a.MinAge:
				c.person(CodeGroupBelowMinimumAge, Blocking, c.agesCite(), pt, "in group "+c.g.ID+" is younger than the program serves")
			case target == 0:
			case !a.MayJoin(pt.Age, target):
				c.populationMismatch(pt, target)
			case !pt.AgeException && naturalPopulation(a, pt.Age) != target:
				c.person(CodeGroupAgeExceptionUndocumented, Warning, c.agesCite(), pt, "in group "+c.g.ID+" is served outside the population of their age without the justification on file")
			}
			continue
		}
		if target != 0 && pt.Population.IsValid() && pt.Population != target {
			c.populationMismatch(pt, target)
		}
	}
}

// naturalPopulation returns the population of age under a, which must have
// an adult age; ages below MinAge are taken as adolescents.
func naturalPopulation(a AgeRules, age int) Population {
	if age >= a.AdultAge {
		return Adult
	}
	return Adolescent
}

// mixedAges reports a group that holds both patients who may only be served
// as adolescents and patients who may only be served as adults. Patients in
// the overlap the age rules allow count as neither.
func (c *groupCheck) mixedAges(byAge bool) {
	a := c.a
	var adolescents, adults int
	for pt := range c.patients() {
		if byAge && pt.Age > 0 {
			switch {
			case pt.Age < a.MinAge:
			case !a.MayJoin(pt.Age, Adult):
				adolescents++
			case !a.MayJoin(pt.Age, Adolescent):
				adults++
			}
			continue
		}
		switch pt.Population {
		case Adolescent:
			adolescents++
		case Adult:
			adults++
		}
	}
	if adolescents > 0 && adults > 0 {
		c.group(CodeGroupAgesMixed, Blocking, "mixes "+strconv.Itoa(adolescents)+" adolescent and "+strconv.Itoa(adults)+" adult patients", 0, 0)
	}
}

func (c *groupCheck) populationMismatch(pt *Participant, target Population) {
	if target == Adolescent {
		c.person(CodeGroupAdultInAdolescentGroup, Blocking, c.agesCite(), pt, "may not be served in adolescent group "+c.g.ID)
		return
	}
	c.person(CodeGroupAdolescentInAdultGroup, Blocking, c.agesCite(), pt, "may not be served in adult group "+c.g.ID)
}

// focus applies the session's focus, one restriction at a time.
func (c *groupCheck) focus() {
	f, sev, cite := c.g.Focus, c.r.focusSeverity(), c.groupCite()
	if f.Gender != 0 {
		for i := range c.g.Participants {
			if pt := &c.g.Participants[i]; pt.Gender != f.Gender {
				c.person(CodeGroupGenderMismatch, sev, cite, pt, "does not fit the gender focus of group "+c.g.ID)
			}
		}
	}
	if f.Ages == FocusYoungAdult && c.r.YoungAdultMaxAge > 0 {
		for pt := range c.patients() {
			if pt.Age > c.r.YoungAdultMaxAge {
				c.person(CodeGroupAgeBandMismatch, sev, cite, pt, "is above the young-adult age of group "+c.g.ID)
			}
		}
	}
	if f.CoOccurring {
		for pt := range c.patients() {
			if !pt.CoOccurring {
				c.person(CodeGroupCoOccurringMismatch, sev, cite, pt, "has no co-occurring condition on record for dual-diagnosis group "+c.g.ID)
			}
		}
	}
	if f.Trauma {
		for pt := range c.patients() {
			if !pt.Trauma {
				c.person(CodeGroupTraumaMismatch, sev, cite, pt, "has no trauma history on record for trauma-specific group "+c.g.ID)
			}
		}
	}
	if f.Cohort != "" {
		for pt := range c.patients() {
			if pt.Cohort != f.Cohort {
				c.person(CodeGroupCohortMismatch, sev, cite, pt, "is not in the cohort of group "+c.g.ID)
			}
		}
	}
}

func (c *groupCheck) agreements() {
	if !c.r.RequireAgreement {
		return
	}
	for i := range c.g.Participants {
		if pt := &c.g.Participants[i]; !pt.Agreement {
			c.person(CodeGroupAgreementMissing, Blocking, c.groupCite(), pt, "has no confidentiality agreement on file for group "+c.g.ID)
		}
	}
}

func (c *groupCheck) enrollment() {
	if c.g.Enrollment != Closed {
		return
	}
	for i := range c.g.Participants {
		if pt := &c.g.Participants[i]; pt.Role != Observer && pt.Joined > c.g.Started {
			c.person(CodeGroupJoinedClosedGroup, Warning, c.groupCite(), pt, "joined closed group "+c.g.ID+" after its first session")
		}
	}
}

func (c *groupCheck) level() {
	program := c.g.Level
	if program == 0 {
		program = c.program
	}
	if !program.IsValid() {
		return
	}
	sev := c.r.levelSeverity()
	for pt := range c.patients() {
		if pt.Level.IsValid() && pt.Level != program {
			c.person(CodeGroupLevelMismatch, sev, c.groupCite(), pt, "has a level of care other than the program of group "+c.g.ID)
		}
	}
}

// patients yields the session's patients, in order.
func (c *groupCheck) patients() iter.Seq[*Participant] {
	return func(yield func(*Participant) bool) {
		for i := range c.g.Participants {
			if pt := &c.g.Participants[i]; pt.Role == Patient && !yield(pt) {
				return
			}
		}
	}
}

// group adds a finding about the group as a whole; need and got are counts
// (both zero for a finding without figures).
func (c *groupCheck) group(code Code, sev Severity, what string, need, got int) {
	f := Finding{Code: code, Severity: sev, Subject: c.g.ID, Message: "group " + c.g.ID + " " + what, Cite: c.groupCite()}
	if need != 0 || got != 0 {
		f.Need, f.Got, f.Unit = int64(need), int64(got), UnitCount
	}
	c.add(f)
}

// person adds a finding about participant pt: "<role> <ID> <what>".
func (c *groupCheck) person(code Code, sev Severity, cite Citation, pt *Participant, what string) {
	c.add(Finding{Code: code, Severity: sev, Subject: pt.ID, Message: role(pt.Role) + " " + pt.ID + " " + what, Cite: cite})
}

func (c *groupCheck) add(f Finding) { c.out = append(c.out, f) }

// groupCite is the citation of the group rules, or of the profile when it
// has no group rules.
func (c *groupCheck) groupCite() Citation {
	if !c.r.Cite.IsZero() {
		return c.r.Cite
	}
	return c.source
}

// agesCite is the citation of the age rules, when the profile has them.
func (c *groupCheck) agesCite() Citation {
	if c.a.AdultAge > 0 && !c.a.Cite.IsZero() {
		return c.a.Cite
	}
	return c.groupCite()
}

// role names a participant's role in a message.
func role(r ParticipantRole) string {
	switch r {
	case Family:
		return "family member"
	case Observer:
		return "observer"
	}
	return "patient"
}

// counted words the number of participants who count toward a group's size.
func counted(n int) string {
	if n == 1 {
		return "1 participant who counts"
	}
	return strconv.Itoa(n) + " participants who count"
}

func facilitators(n int) string {
	if n == 1 {
		return "1 facilitator"
	}
	return strconv.Itoa(n) + " facilitators"
}
