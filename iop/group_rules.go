package iop

// The rule codes of group composition, as [GroupSession.Check] reports them.
// Each is listed with its default severity and source by [Rules].
const (
	// CodeGroupSizeBelowMinimum: fewer counted participants than the
	// profile's minimum group size.
	CodeGroupSizeBelowMinimum Code = "iop.group-size.below-minimum"
	// CodeGroupSizeAboveMaximum: more counted participants than the
	// profile's maximum group size.
	CodeGroupSizeAboveMaximum Code = "iop.group-size.above-maximum"
	// CodeGroupFacilitatorsTooFew: fewer facilitators than the profile's
	// MinFacilitators.
	CodeGroupFacilitatorsTooFew Code = "iop.group-facilitator.too-few"
	// CodeGroupNoLicensedFacilitator: no licensed facilitator where the
	// profile requires one.
	CodeGroupNoLicensedFacilitator Code = "iop.group-facilitator.no-licensed"
	// CodeGroupCoFacilitatorRequired: a group above the profile's
	// CoFacilitatorAbove with fewer than two facilitators.
	CodeGroupCoFacilitatorRequired Code = "iop.group-facilitator.co-facilitator-required"
	// CodeGroupFacilitatorRatio: more counted participants than
	// MaxPerFacilitator times the facilitators.
	CodeGroupFacilitatorRatio Code = "iop.group-facilitator.ratio-exceeded"
	// CodeGroupAgesMixed: a group without an age focus that mixes
	// adolescents and adults where the profile keeps them apart.
	CodeGroupAgesMixed Code = "iop.group-age.mixed"
	// CodeGroupBelowMinimumAge: a patient younger than the youngest age the
	// profile's program serves.
	CodeGroupBelowMinimumAge Code = "iop.group-age.below-minimum-age"
	// CodeGroupAdolescentInAdultGroup: a patient who may not be served as
	// an adult in an adult or young-adult group.
	CodeGroupAdolescentInAdultGroup Code = "iop.group-age.adolescent-in-adult-group"
	// CodeGroupAdultInAdolescentGroup: a patient who may not be served as
	// an adolescent in an adolescent group.
	CodeGroupAdultInAdolescentGroup Code = "iop.group-age.adult-in-adolescent-group"
	// CodeGroupAgeExceptionUndocumented: a patient served outside the
	// population of their age, as the profile's age rules allow, without
	// the justification on file.
	CodeGroupAgeExceptionUndocumented Code = "iop.group-age.exception-undocumented"
	// CodeGroupGenderMismatch: a participant whose gender identity is not
	// the one of a gender-specific group.
	CodeGroupGenderMismatch Code = "iop.group-focus.gender-mismatch"
	// CodeGroupAgeBandMismatch: a patient older than the profile's
	// YoungAdultMaxAge in a young-adult group.
	CodeGroupAgeBandMismatch Code = "iop.group-focus.age-band-mismatch"
	// CodeGroupCoOccurringMismatch: a patient without a co-occurring
	// condition on record in a dual-diagnosis group.
	CodeGroupCoOccurringMismatch Code = "iop.group-focus.co-occurring-mismatch"
	// CodeGroupTraumaMismatch: a patient without a trauma history on record
	// in a trauma-specific group.
	CodeGroupTraumaMismatch Code = "iop.group-focus.trauma-mismatch"
	// CodeGroupCohortMismatch: a patient outside the cohort of a culture-
	// or language-specific group.
	CodeGroupCohortMismatch Code = "iop.group-focus.cohort-mismatch"
	// CodeGroupAgreementMissing: a participant without a confidentiality
	// agreement on file where the profile requires one.
	CodeGroupAgreementMissing Code = "iop.group-agreement.missing"
	// CodeGroupJoinedClosedGroup: a member who joined a closed group after
	// its first session.
	CodeGroupJoinedClosedGroup Code = "iop.group-enrollment.joined-closed-group"
	// CodeGroupLevelMismatch: a patient whose level of care differs from
	// the level of the group's program.
	CodeGroupLevelMismatch Code = "iop.group-level.mismatch"
)

// Catalog citations of the group rules. A finding carries the citation of
// the profile applied, which names the exact rule.
func citeGroupSize() Citation {
	return Citation{Source: "SAMHSA TIP 41 ch. 2 (6-12 members typical); state caps such as 2 CCR 502-1 §4.6.1(E), 26 TAC §564.902(b), W&I Code §14021.6", Edition: "the limits come from the profile applied"}
}

func citeGroupStaff() Citation {
	return Citation{Source: "SAMHSA TIP 41 ch. 2 (one or two leaders); Wis. Admin. Code DHS 40.10(3)(a)3; NGS LCD L33632 (CPT 90853)", Edition: "the limits come from the profile applied"}
}

func citeGroupAges() Citation {
	return Citation{Source: "77 Ill. Adm. Code 2060.120 (adolescent and adult); 26 TAC §564.905(b)(1) (adults and adolescents apart)", Edition: "the ages come from the profile applied"}
}

func citeGroupFocus() Citation {
	return Citation{Source: "SAMHSA TIP 41 and TIP 47 (specialised groups)", Edition: "2005; 2006", Note: "the group declares its focus; the profile's focus_mismatch sets the severity (default blocking)"}
}

// groupRules lists the group-composition rule codes in the order
// [GroupSession.Check] applies them.
func groupRules() []RuleInfo {
	return []RuleInfo{
		{CodeGroupSizeBelowMinimum, Blocking, "fewer counted participants than the profile's minimum group size", citeGroupSize()},
		{CodeGroupSizeAboveMaximum, Blocking, "more counted participants than the profile's maximum group size", citeGroupSize()},
		{CodeGroupFacilitatorsTooFew, Blocking, "fewer facilitators than the profile requires for every group", citeGroupStaff()},
		{CodeGroupNoLicensedFacilitator, Blocking, "no licensed facilitator where the profile requires one for the kind of group", citeGroupStaff()},
		{CodeGroupCoFacilitatorRequired, Blocking, "a second facilitator is required above the size the profile names", citeGroupStaff()},
		{CodeGroupFacilitatorRatio, Blocking, "more counted participants per facilitator than the profile allows", citeGroupStaff()},
		{CodeGroupAgesMixed, Blocking, "a group without an age focus mixes adolescents and adults where the profile keeps them apart", citeGroupAges()},
		{CodeGroupBelowMinimumAge, Blocking, "a patient younger than the youngest age the program serves", citeGroupAges()},
		{CodeGroupAdolescentInAdultGroup, Blocking, "a patient who may not be served as an adult is in an adult group", citeGroupAges()},
		{CodeGroupAdultInAdolescentGroup, Blocking, "a patient who may not be served as an adolescent is in an adolescent group", citeGroupAges()},
		{CodeGroupAgeExceptionUndocumented, Warning, "a patient served outside the population of their age without the justification on file", citeGroupAges()},
		{CodeGroupGenderMismatch, Blocking, "a participant does not fit the group's gender focus", citeGroupFocus()},
		{CodeGroupAgeBandMismatch, Blocking, "a patient is older than the profile's young-adult age in a young-adult group", citeGroupFocus()},
		{CodeGroupCoOccurringMismatch, Blocking, "a patient without a co-occurring condition on record is in a dual-diagnosis group", citeGroupFocus()},
		{CodeGroupTraumaMismatch, Blocking, "a patient without a trauma history on record is in a trauma-specific group", citeGroupFocus()},
		{CodeGroupCohortMismatch, Blocking, "a patient outside the cohort of a culture- or language-specific group", citeGroupFocus()},
		{CodeGroupAgreementMissing, Blocking, "a participant has no confidentiality agreement on file", Citation{
			Source: "SAMHSA TIP 41 (group agreements); 42 CFR Part 2", Edition: "2005; 2024 final rule",
			Note: "requiring the agreement on file is the profile's require_agreement",
		}},
		{CodeGroupJoinedClosedGroup, Warning, "a member joined a closed group after its first session", Citation{
			Source: "SAMHSA TIP 41 (open and closed groups)", Edition: "2005",
			Note: "the group declares itself closed; the rule holds it to that",
		}},
		{CodeGroupLevelMismatch, Warning, "a patient's level of care differs from the level of the group's program", Citation{
			Source: "ioprules default", Edition: "v0",
			Note: "no source forbids groups shared by two levels; the profile's level_mismatch sets the severity (default warning)",
		}},
	}
}

// SizeFor returns the group sizes the rules allow for a group of kind k:
// EducationMinSize and EducationMaxSize when k is one of EducationKinds and
// they are set, MinSize and MaxSize otherwise. Zero means no bound.
func (r GroupRules) SizeFor(k GroupKind) (minSize, maxSize int) {
	if r.EducationKinds.Has(k) {
		return r.educationSizes()
	}
	return r.MinSize, r.MaxSize
}

// educationSizes returns the bounds of the education kinds, each falling
// back to the general one when zero.
func (r GroupRules) educationSizes() (minSize, maxSize int) {
	minSize, maxSize = r.MinSize, r.MaxSize
	if r.EducationMinSize != 0 {
		minSize = r.EducationMinSize
	}
	if r.EducationMaxSize != 0 {
		maxSize = r.EducationMaxSize
	}
	return minSize, maxSize
}

// LicensedRequired reports whether a group of kind k needs a licensed
// facilitator under these rules.
func (r GroupRules) LicensedRequired(k GroupKind) bool {
	return r.RequireLicensed && !r.LicensedExempt.Has(k)
}

// Facilitators returns the fewest facilitators the rules require for a
// group with counted participants: MinFacilitators, two above
// CoFacilitatorAbove, enough to keep within MaxPerFacilitator, and at least
// one.
func (r GroupRules) Facilitators(counted int) int {
	need := max(1, r.MinFacilitators)
	if r.CoFacilitatorAbove > 0 && counted > r.CoFacilitatorAbove {
		need = max(need, 2)
	}
	if r.MaxPerFacilitator > 0 {
		need = max(need, (counted+r.MaxPerFacilitator-1)/r.MaxPerFacilitator)
	}
	return need
}

// focusSeverity and levelSeverity return the severities the profile sets,
// or their defaults.
func (r GroupRules) focusSeverity() Severity {
	if r.FocusMismatch.IsValid() {
		return r.FocusMismatch
	}
	return Blocking
}

func (r GroupRules) levelSeverity() Severity {
	if r.LevelMismatch.IsValid() {
		return r.LevelMismatch
	}
	return Warning
}
