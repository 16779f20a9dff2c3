package group

import (
	"fmt"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// Composition is group's part of a profile ([iop.Part]): the limits a
// group session must meet. Each rule applies only when its field is set;
// the zero Composition sets none, and a profile without a Composition
// checks no group sizes. In a profile's JSON it is the member "group":
// {"min_size": ..., ...}. Composition is comparable and safe for
// concurrent use.
//
// Who counts toward the size limits is a parameter because the sources are
// silent on it: patients always count, family members and observers only
// when CountFamily and CountObservers say so. A per-kind cap (Texas: 16 in a
// counseling group, 35 in an education group) is held as a set of kinds,
// EducationKinds, with its own bounds, EducationMinSize and
// EducationMaxSize, that replace MinSize and MaxSize for those kinds.
type Composition struct {
	// MinSize and MaxSize bound the number of participants who count
	// (patients, plus family members and observers when the Count flags say
	// so). Zero means no bound. Both ends are included.
	MinSize int `json:"min_size,omitzero"`
	MaxSize int `json:"max_size,omitzero"`
	// EducationKinds are the kinds of group held to EducationMinSize and
	// EducationMaxSize instead of MinSize and MaxSize (Texas: education and
	// life skills training groups). An education bound left zero falls back
	// to the general one. A profile that sets an education bound must say
	// which kinds it covers.
	EducationKinds   iop.Set[iop.GroupKind] `json:"education_kinds,omitzero"`
	EducationMinSize int                    `json:"education_min_size,omitzero"`
	EducationMaxSize int                    `json:"education_max_size,omitzero"`
	// CountFamily and CountObservers say whether family members and
	// observers count toward the size limits and the facilitator ratios.
	CountFamily    bool `json:"count_family,omitzero"`
	CountObservers bool `json:"count_observers,omitzero"`
	// RequireLicensed requires at least one licensed facilitator, except in
	// the kinds of group listed in LicensedExempt (Wisconsin DHS 40.10: a
	// support worker may lead a group that is not psychotherapy).
	RequireLicensed bool                   `json:"require_licensed,omitzero"`
	LicensedExempt  iop.Set[iop.GroupKind] `json:"licensed_exempt,omitzero"`
	// MinFacilitators is the fewest facilitators every group must have
	// (Montana's two staff per group, scope unconfirmed); zero means the
	// count is not checked.
	MinFacilitators int `json:"min_facilitators,omitzero"`
	// CoFacilitatorAbove is the size above which a second facilitator is
	// required; zero means never.
	CoFacilitatorAbove int `json:"co_facilitator_above,omitzero"`
	// MaxPerFacilitator is the most counted participants per facilitator;
	// zero means no limit.
	MaxPerFacilitator int `json:"max_per_facilitator,omitzero"`
	// CountTrainees says whether trainees count as facilitators for
	// MinFacilitators, CoFacilitatorAbove, MaxPerFacilitator and
	// RequireLicensed. The default, false, counts only leads and
	// co-facilitators, because a student under supervision is not staff in
	// the ratios the sources state.
	CountTrainees bool `json:"count_trainees,omitzero"`
	// SeparateAges forbids a group without an age focus to mix patients who
	// may only be served as adolescents with patients who may only be served
	// as adults (Texas 26 TAC §564.905(b)(1): outpatient programs keep adults
	// and adolescents apart). A group with an age focus is always held to it.
	SeparateAges bool `json:"separate_ages,omitzero"`
	// YoungAdultMaxAge is the oldest age a patient may have in a young-adult
	// group; zero means the upper age of such groups is not checked.
	YoungAdultMaxAge int `json:"young_adult_max_age,omitzero"`
	// RequireAgreement requires a confidentiality agreement on file for
	// every participant: patients, family members and observers.
	RequireAgreement bool         `json:"require_agreement,omitzero"`
	Cite             iop.Citation `json:"cite,omitzero"`
}

// sizeFor returns the group sizes the rules allow for a group of kind k:
// EducationMinSize and EducationMaxSize when k is one of EducationKinds and
// they are set, MinSize and MaxSize otherwise. Zero means no bound.
func (r Composition) sizeFor(k iop.GroupKind) (minSize, maxSize int) {
	if r.EducationKinds.Has(k) {
		return r.educationSizes()
	}
	return r.MinSize, r.MaxSize
}

// educationSizes returns the bounds of the education kinds, each falling
// back to the general one when zero.
func (r Composition) educationSizes() (minSize, maxSize int) {
	minSize, maxSize = r.MinSize, r.MaxSize
	if r.EducationMinSize != 0 {
		minSize = r.EducationMinSize
	}
	if r.EducationMaxSize != 0 {
		maxSize = r.EducationMaxSize
	}
	return minSize, maxSize
}

// licensedRequired reports whether a group of kind k needs a licensed
// facilitator under these rules.
func (r Composition) licensedRequired(k iop.GroupKind) bool {
	return r.RequireLicensed && !r.LicensedExempt.Has(k)
}

// facilitators returns the fewest facilitators the rules require for a
// group with counted participants: MinFacilitators, two above
// CoFacilitatorAbove, enough to keep within MaxPerFacilitator, and at least
// one.
func (r Composition) facilitators(counted int) int {
	need := max(1, r.MinFacilitators)
	if r.CoFacilitatorAbove > 0 && counted > r.CoFacilitatorAbove {
		need = max(need, 2)
	}
	if r.MaxPerFacilitator > 0 {
		need = max(need, (counted+r.MaxPerFacilitator-1)/r.MaxPerFacilitator)
	}
	return need
}

// Package returns "group", the part's key in a profile.
func (Composition) Package() string { return "group" }

// Table returns the package's rule table, [Rules].
func (Composition) Table() iop.RuleTable { return Rules() }

// Validate reports every inconsistency of r, with paths relative to the
// part ("max_size"), reading p's ages: sizes and counts out of range or
// out of order, education sizes without their kinds (or kinds without a
// size), unknown kinds, a young-adult age below p's adult age, and rules
// set without a citation.
func (r Composition) Validate(p *iop.Profile) error {
	var v check.Validator
	const maxGroup = 1000
	v.Count("min_size", r.MinSize, maxGroup)
	v.Count("max_size", r.MaxSize, maxGroup)
	if r.MaxSize != 0 && r.MinSize > r.MaxSize {
		v.Add("", fmt.Errorf("%w: min_size %d, max_size %d", iop.ErrOrder, r.MinSize, r.MaxSize))
	}
	if !r.EducationKinds.IsValid() {
		v.Add("education_kinds", iop.ErrUnknown)
	}
	v.Count("education_min_size", r.EducationMinSize, maxGroup)
	v.Count("education_max_size", r.EducationMaxSize, maxGroup)
	if r.EducationKinds == 0 && (r.EducationMinSize != 0 || r.EducationMaxSize != 0) {
		v.Add("education_kinds", fmt.Errorf("%w: education sizes need the kinds they apply to", iop.ErrMissing))
	}
	if r.EducationKinds != 0 && r.EducationMinSize == 0 && r.EducationMaxSize == 0 {
		v.Add("education_max_size", fmt.Errorf("%w: education_kinds need an education size", iop.ErrMissing))
	}
	if emin, emax := r.educationSizes(); r.EducationKinds != 0 && emax > 0 && emin > emax {
		v.Add("", fmt.Errorf("%w: education min %d, max %d", iop.ErrOrder, emin, emax))
	}
	if !r.LicensedExempt.IsValid() {
		v.Add("licensed_exempt", iop.ErrUnknown)
	}
	v.Count("min_facilitators", r.MinFacilitators, maxGroup)
	v.Count("co_facilitator_above", r.CoFacilitatorAbove, maxGroup)
	v.Count("max_per_facilitator", r.MaxPerFacilitator, maxGroup)
	v.Count("young_adult_max_age", r.YoungAdultMaxAge, check.MaxAge)
	if r.YoungAdultMaxAge != 0 && p != nil && p.Ages.AdultAge != 0 && r.YoungAdultMaxAge < p.Ages.AdultAge {
		v.Add("young_adult_max_age", fmt.Errorf("%w: below ages.adult_age", iop.ErrOutOfRange))
	}
	v.Cited("cite", r != (Composition{Cite: r.Cite}), r.Cite)
	return v.Err()
}
