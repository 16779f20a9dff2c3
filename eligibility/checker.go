package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Checker decides assessments and applies the IOP rules of one profile and
// one set of criteria. Make one with [NewChecker] and keep it: it is
// immutable and safe for concurrent use by any number of goroutines. The
// zero Checker is not usable: its methods return an error wrapping
// [iop.ErrMissing].
//
// Every method that judges a subject returns (findings, error): the error
// says the subject is not valid (an [iop.FieldErrors] naming each field),
// and then there are no findings; the findings say what the rules found,
// in rule order, nil when every rule is met.
type Checker struct{ r *checker }

// checker is what a Checker shares between its copies.
type checker struct {
	profile      iop.Profile
	criteria     Criteria
	rules        check.Rules
	weekly       schedule.WeeklyRules     // the weekly band of the profile's schedule part
	stepDown     schedule.StepDownRules   // the step-down allowance of the profile's schedule part
	stay         StayRules                // the stay rules of the profile's placement
	patientRules PatientRules             // the patient criteria of the profile's placement
	cites        [len(rules)]iop.Citation // the profile's citation of each rule; zero: the table's
	levels       levelSet
	level        iop.Level // the program's level: the profile's, 2.1 or 2.5
	// first is the index in criteria.Rules of the first rule of each
	// dimension and rating; modifier the index in criteria.Modifiers of
	// the first rule of each modifier, -1 when none.
	first    [NumDimensions][NumRisks]int
	modifier [numModifiers + 1]int
}

// NewChecker returns a checker for profile p, and validates it
// ([iop.Profile.Validate]), reporting every problem as [iop.FieldErrors]
// with the profile's paths ("eligibility.criteria.rules[3].level"). p must
// govern level 2.1 (intensive outpatient) or level 2.5 (partial
// hospitalization, as the Medicare PHP profiles do); any other level is
// refused ("level", [iop.ErrOutOfRange]). Under a level 2.5 profile the
// admission check judges a PHP admission (the decision's level against
// 2.5, the weekly band of the profile's schedule part, the patient
// criteria of its Placement: 42 CFR 410.43(c) in the Medicare PHP
// profiles), and the decision and variance checks are the same; the
// continued-stay, transfer and discharge checks, whose rules hold the IOP
// stay (its step-down from 2.1, its stay rules), refuse to judge and
// return an error ("level", [iop.ErrOutOfRange]).
//
// The criteria decisions apply are those of p's [Placement], or
// [DefaultCriteria] when p has none (or its criteria are zero); they must
// be of p's ASAM edition when p names one. The checker validates them once,
// so that [Checker.Decide] cannot meet a gap or a contradiction, and
// indexes them, so that deciding allocates nothing. The profile gives the
// numbers: the weekly hours and step-down weeks of its [schedule.Benefit],
// the stay rules of its Placement, and the rule settings.
//
// The checker keeps its own copy of p.
func NewChecker(p iop.Profile) (Checker, error) {
	var errs iop.FieldErrors
	errs.Add("", p.Validate())
	if p.Level.IsValid() && p.Level != iop.Level21 && p.Level != iop.Level25 {
		errs.Add("level", errNotIOPProfile)
	}
	p = p.Clone()
	place, hasPlace := iop.PartOf[Placement](&p)
	c := place.criteria()
	if !hasPlace {
		// No part to validate them with the profile: the default
		// criteria are valid, but may be of another edition.
		errs.Add("", Placement{}.Validate(&p))
	}
	if err := errs.Err(); err != nil {
		return Checker{}, err
	}
	if hasPlace {
		// The checker's own copy: a caller that changes the criteria's
		// slices afterwards does not change the checker.
		p = p.WithPart(place.clone())
	}
	b, _ := iop.PartOf[schedule.Benefit](&p)
	rules := check.New(rules[:], &p)
	rules.Tie(ruleAdmissionPatientNotJudged, ruleAdmissionPatientNotMet) // at the force of the criterion's rule
	r := &checker{profile: p, criteria: c.Clone(), rules: rules, weekly: b.Weekly, stepDown: b.StepDown, stay: place.Stay, patientRules: place.Patient, level: p.Level}
	for _, i := range [...]int{ruleAdmissionPopulationNotServed, ruleAdmissionHoursBelowMinimum, ruleAdmissionHoursAboveMaximum} {
		r.cites[i] = b.Weekly.Cite
	}
	r.cites[ruleStayJustificationDue] = place.Stay.Cite
	r.cites[ruleStayBeyondTypical] = place.Stay.Cite
	r.cites[ruleTransferStepDownAllowance] = b.StepDown.Cite
	r.cites[ruleStayStepDown] = b.StepDown.Cite
	r.cites[ruleAdmissionPatientNotMet] = place.Patient.Cite
	r.cites[ruleAdmissionPatientNotJudged] = place.Patient.Cite
	for _, l := range c.Levels {
		r.levels = r.levels.with(l)
	}
	for d := range r.first {
		for k := range r.first[d] {
			r.first[d][k] = -1
		}
	}
	for i, rule := range r.criteria.Rules {
		if f := &r.first[rule.Dimension-1][rule.Risk]; *f < 0 {
			*f = i
		}
	}
	for i := range r.modifier {
		r.modifier[i] = -1
	}
	for i, mr := range r.criteria.Modifiers {
		if r.modifier[mr.Modifier] < 0 {
			r.modifier[mr.Modifier] = i
		}
	}
	return Checker{r: r}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Rules returns the rule table as ck's profile applies it: each rule with
// the profile's severity (zero for a rule the profile turns off) and the
// citation of the profile's own parameters for the rule (weekly hours,
// stay, step-down) when it has them, the rule's general source otherwise.
// The criteria a decision applied are cited in the decision itself
// ([Decision.Reasons]). It gives ck's findings their words
// ([iop.RuleTable.Message]). The zero Checker's table is [Rules].
func (ck Checker) Rules() iop.RuleTable {
	if ck.r == nil {
		return Rules()
	}
	return ck.r.rules.Table(ck.r.cites[:])
}

// Profile returns a copy of the checker's profile; the zero Profile for
// the zero Checker.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	if x, ok := iop.PartOf[Placement](&ck.r.profile); ok {
		return ck.r.profile.WithPart(x.clone())
	}
	return ck.r.profile.Clone()
}

// Criteria returns a copy of the checker's criteria; the zero Criteria for
// the zero Checker.
func (ck Checker) Criteria() Criteria {
	if ck.r == nil {
		return Criteria{}
	}
	return ck.r.criteria.Clone()
}

// Decide applies the criteria to an assessment. For each dimension it
// takes the first rule for the dimension's rating; the levels below the
// rule's Min are ruled out. The recommended level is the most intensive of
// those minimums over the six dimensions (the level follows the
// highest-risk dimensions, never an average), raised to the floor of any
// modifier rule for a modifier the assessment has (the first modifier, in
// modifier order, with the highest floor). The dimensions (or the
// modifier) that set it are marked as driving it.
//
// Decide returns the zero Decision and an [iop.FieldErrors] when the
// assessment is not valid ([Assessment.Validate]), when its edition is not
// the criteria's ("edition") or the criteria are limited to another
// population ("population"): each wraps [iop.ErrMissing], [iop.ErrUnknown]
// or [iop.ErrOutOfRange]. It does not allocate, and takes well under a
// microsecond.
func (ck Checker) Decide(a Assessment) (Decision, error) {
	if ck.r == nil {
		return Decision{}, check.ZeroChecker()
	}
	r := ck.r
	c := &r.criteria
	if err := a.Validate(); err != nil {
		return Decision{}, err
	}
	if err := r.judge(a.Date); err != nil {
		return Decision{}, err
	}
	switch {
	case a.Edition != c.Edition:
		return Decision{}, fieldError("edition", errEditionMismatch)
	case c.Population != 0 && c.Population != a.Population:
		return Decision{}, fieldError("population", errPopulationMismatch)
	}
	dec := Decision{assessment: a, criteria: c.ID, continuum: r.levels}
	for d := Dimension1; d <= Dimension6; d++ {
		rating := a.Ratings.of[d-1]
		i := r.first[d-1][rating.Risk]
		rule := &c.Rules[i]
		dec.reasons[d-1] = Reason{Dimension: d, Risk: rating.Risk, Note: rating.Note,
			Min: rule.Min, Max: rule.Max, Rule: i, Cite: rule.Cite}
	}
	for m := Modifier(1); m <= numModifiers; m++ {
		if !a.Modifiers.Has(m) {
			continue
		}
		mr := ModifierReason{Modifier: m, Rule: r.modifier[m]}
		if i := mr.Rule; i >= 0 {
			mr.Floor, mr.Cite = c.Modifiers[i].Floor, c.Modifiers[i].Cite
		}
		dec.modifiers[m-1] = mr
	}
	dec.settle()
	return dec, nil
}

// stayChecks returns the error of a continued-stay, transfer or discharge
// check under a profile that is not of level 2.1: those checks judge an
// IOP stay.
func (r *checker) stayChecks() error {
	if r.level != iop.Level21 {
		return fieldError("level", errStayNotIOP)
	}
	return nil
}

// ready returns the error of a method called on the zero Checker.
func (ck Checker) ready() error {
	if ck.r == nil {
		return check.ZeroChecker()
	}
	return nil
}

// addLevels appends the finding of rule i about decision d whose figures are
// the intensities of the level needed and the level found.
func (r *checker) addLevels(dst iop.Findings, i int, d *Decision, need, got iop.Level) iop.Findings {
	return r.rules.Add(dst, i, iop.Finding{Subject: d.assessment.ID,
		Need: int64(need), Got: int64(got), Unit: iop.UnitLevel})
}

// addPlain appends the finding of rule i about decision d, without figures.
func (r *checker) addPlain(dst iop.Findings, i int, d *Decision) iop.Findings {
	return r.rules.Add(dst, i, iop.Finding{Subject: d.assessment.ID})
}

// is24Hour reports whether l is a residential or inpatient level: ASAM
// levels 3 and 4 provide care 24 hours a day.
func is24Hour(l iop.Level) bool { return l.Compare(iop.Level31) >= 0 }

// judge returns the error of a day outside the profile's force
// ([iop.Profile.JudgeOn]); an assessment without a date is not judged by
// date.
func (r *checker) judge(d date.Date) error {
	if d == date.Zero {
		return nil
	}
	return r.profile.JudgeOn(d)
}
