package eligibility

import (
	"fmt"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// Placement is eligibility's part of a profile ([iop.Part]): the criteria
// that turn an assessment into a level of care, and the stay rules of the
// level. A Placement whose Criteria are zero decides with
// [DefaultCriteria], as does a profile without a Placement; a profile
// without one applies no stay rules. The weekly band an admission is held
// to and the step-down allowance are schedule's parameters: the checker
// reads them from the profile's [schedule.Benefit]. In a profile's JSON it
// is the member "eligibility": {"criteria": ..., "stay": ...}.
//
// Placement is a value; the library never changes it.
type Placement struct {
	// Criteria are the criteria decisions apply; zero for
	// [DefaultCriteria].
	Criteria Criteria  `json:"criteria,omitzero"`
	Stay     StayRules `json:"stay,omitzero"`
	// Patient are the patient criteria an admission must meet (Medicare
	// IOP 42 CFR 410.44(c), PHP 410.43(c)), with their citation; zero for
	// none.
	Patient PatientRules `json:"patient,omitzero"`
}

// Package returns "eligibility", the part's key in a profile.
func (Placement) Package() string { return "eligibility" }

// Table returns the package's rule table, [Rules].
func (Placement) Table() iop.RuleTable { return Rules() }

// clone returns a copy of x that shares no memory with it.
func (x Placement) clone() Placement {
	x.Criteria = x.Criteria.Clone()
	return x
}

// criteria returns the criteria x applies: its own, or [DefaultCriteria].
func (x *Placement) criteria() Criteria {
	if x.Criteria.IsZero() {
		return DefaultCriteria()
	}
	return x.Criteria
}

// Validate reports every inconsistency of x, with paths relative to the
// part: the criteria ([Criteria.Validate], under "criteria"), criteria of
// another edition than p's, and stay rules out of range, out of order or
// without a citation (under "stay").
func (x Placement) Validate(p *iop.Profile) error {
	var v check.Validator
	if !x.Criteria.IsZero() {
		v.Add("criteria", x.Criteria.Validate())
	}
	if c := x.criteria(); p != nil && p.Edition.IsValid() && c.Edition.IsValid() && p.Edition != c.Edition {
		v.Add("criteria.edition", errProfileEdition)
	}
	s := x.Stay
	v.Count("stay.typical_min_days", s.TypicalMinDays, check.MaxDays)
	v.Count("stay.typical_max_days", s.TypicalMaxDays, check.MaxDays)
	v.Count("stay.justify_after_days", s.JustifyAfterDays, check.MaxDays)
	if s.TypicalMaxDays != 0 && s.TypicalMinDays > s.TypicalMaxDays {
		v.Add("stay", fmt.Errorf("%w: typical_min_days %d, typical_max_days %d", iop.ErrOrder, s.TypicalMinDays, s.TypicalMaxDays))
	}
	v.Cited("stay.cite", s != (StayRules{Cite: s.Cite}), s.Cite)
	x.Patient.validate(&v)
	return v.Err()
}

// StayRules are limits on the length of an episode at this level.
type StayRules struct {
	// TypicalMinDays and TypicalMaxDays are the expected length of stay
	// (DC level 2.1: 30 to 60 days); zero when not set.
	TypicalMinDays int `json:"typical_min_days,omitzero"`
	TypicalMaxDays int `json:"typical_max_days,omitzero"`
	// JustifyAfterDays is the length of stay beyond which a written
	// justification is needed (New York S9480: more than 6 weeks).
	JustifyAfterDays int          `json:"justify_after_days,omitzero"`
	Cite             iop.Citation `json:"cite,omitzero"`
}
