package group

import (
	"github.com/ioprules/ioprules/iop"
)

// The rule codes of group composition, "group.<subject>.<what>", as
// [Checker.CheckMeeting] reports them. [Rules] lists each with its default
// severity, summary and source.
const (
	// CodeSizeBelowMinimum: fewer counted participants than the profile's
	// minimum group size.
	CodeSizeBelowMinimum iop.Code = "group.size.below-minimum"
	// CodeSizeAboveMaximum: more counted participants than the profile's
	// maximum group size.
	CodeSizeAboveMaximum iop.Code = "group.size.above-maximum"
	// CodeFacilitatorsTooFew: fewer facilitators than the profile's
	// MinFacilitators.
	CodeFacilitatorsTooFew iop.Code = "group.facilitator.too-few"
	// CodeNoLicensedFacilitator: no licensed facilitator where the profile
	// requires one.
	CodeNoLicensedFacilitator iop.Code = "group.facilitator.no-licensed"
	// CodeCoFacilitatorRequired: a group above the profile's
	// CoFacilitatorAbove with fewer than two facilitators.
	CodeCoFacilitatorRequired iop.Code = "group.facilitator.co-facilitator-required"
	// CodeFacilitatorRatio: more counted participants than
	// MaxPerFacilitator times the facilitators.
	CodeFacilitatorRatio iop.Code = "group.facilitator.ratio-exceeded"
	// CodeAgesMixed: a group without an age focus that mixes adolescents
	// and adults where the profile keeps them apart.
	CodeAgesMixed iop.Code = "group.age.mixed"
	// CodeAgesNotJudged: the profile keeps adolescents and adults apart,
	// but patients of the group (Got: how many) have neither an age nor a
	// population: whether the group mixes them is not judged. Ref names
	// what is missing ("ages"). Its force is that of [CodeAgesMixed], the
	// rule it could not apply: never a silent pass.
	CodeAgesNotJudged iop.Code = "group.age.not-judged"
	// CodeBelowMinimumAge: a patient younger than the youngest age the
	// profile's program serves.
	CodeBelowMinimumAge iop.Code = "group.age.below-minimum"
	// CodeAdolescentInAdultGroup: a patient who may not be served as an
	// adult in an adult or young-adult group.
	CodeAdolescentInAdultGroup iop.Code = "group.age.adolescent-in-adult-group"
	// CodeAdultInAdolescentGroup: a patient who may not be served as an
	// adolescent in an adolescent group.
	CodeAdultInAdolescentGroup iop.Code = "group.age.adult-in-adolescent-group"
	// CodeAgeExceptionUndocumented: a patient served outside the population
	// of their age, as the profile's age rules allow, without the
	// justification on file.
	CodeAgeExceptionUndocumented iop.Code = "group.age.exception-undocumented"
	// CodeGenderMismatch: a participant whose gender identity is not the
	// one of a gender-specific group.
	CodeGenderMismatch iop.Code = "group.focus.gender-mismatch"
	// CodeAgeBandMismatch: a patient older than the profile's
	// YoungAdultMaxAge in a young-adult group.
	CodeAgeBandMismatch iop.Code = "group.focus.age-band-mismatch"
	// CodeCoOccurringMismatch: a patient without a co-occurring condition
	// on record in a dual-diagnosis group.
	CodeCoOccurringMismatch iop.Code = "group.focus.co-occurring-mismatch"
	// CodeTraumaMismatch: a patient without a trauma history on record in a
	// trauma-specific group.
	CodeTraumaMismatch iop.Code = "group.focus.trauma-mismatch"
	// CodeCohortMismatch: a patient outside the cohort of a culture- or
	// language-specific group.
	CodeCohortMismatch iop.Code = "group.focus.cohort-mismatch"
	// CodeAgreementMissing: a participant without a confidentiality
	// agreement on file where the profile requires one.
	CodeAgreementMissing iop.Code = "group.agreement.missing"
	// CodeJoinedClosedGroup: a member who joined a closed group after its
	// first session.
	CodeJoinedClosedGroup iop.Code = "group.enrollment.joined-closed-group"
	// CodeLevelMismatch: a patient whose level of care differs from the
	// level of the group's program.
	CodeLevelMismatch iop.Code = "group.level.mismatch"
)

// The indices of the rules in the table, in the order the check applies
// them.
const (
	ruleSizeBelowMinimum = iota
	ruleSizeAboveMaximum
	ruleFacilitatorsTooFew
	ruleNoLicensedFacilitator
	ruleCoFacilitatorRequired
	ruleFacilitatorRatio
	ruleAgesMixed
	ruleAgesNotJudged
	ruleBelowMinimumAge
	ruleAdolescentInAdultGroup
	ruleAdultInAdolescentGroup
	ruleAgeExceptionUndocumented
	ruleGenderMismatch
	ruleAgeBandMismatch
	ruleCoOccurringMismatch
	ruleTraumaMismatch
	ruleCohortMismatch
	ruleAgreementMissing
	ruleJoinedClosedGroup
	ruleLevelMismatch
	numRules
)

// The general sources of the rules. A checker's rule table cites the
// profile's rule group instead, which names the exact rule; these are the
// package table's own.
var (
	citeSize = iop.Citation{
		Source:  "SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy, ch. 2 (6-12 members typical); state caps such as 2 CCR 502-1 §4.6.1(E), 26 TAC §564.902(b), Cal. Welf. & Inst. Code §14021.6",
		Edition: "TIP 41 2005; the limits come from the profile applied",
	}
	citeStaff = iop.Citation{
		Source:  "SAMHSA TIP 41, ch. 2 (one or two leaders); Wis. Admin. Code DHS 40.10(3)(a)3; NGS LCD L33632 (CPT 90853)",
		Edition: "TIP 41 2005; the limits come from the profile applied",
	}
	citeAges = iop.Citation{
		Source:  "77 Ill. Adm. Code 2060.120 (adolescent and adult); 26 TAC §564.905(b)(1) (adults and adolescents apart)",
		Edition: "the ages come from the profile applied",
	}
	citeFocus = iop.Citation{
		Source:  "SAMHSA TIP 41 and TIP 47 (specialised groups)",
		Edition: "2005; 2006",
		Note:    "the group declares its focus; a profile's rule settings may lower the default severity",
	}
	citeAgreement = iop.Citation{
		Source: "SAMHSA TIP 41 (group agreements); 42 CFR Part 2", Edition: "2005; 2024 final rule",
		Note: "requiring the agreement on file is the profile's require_agreement",
	}
	citeEnrollment = iop.Citation{
		Source: "SAMHSA TIP 41 (open and closed groups)", Edition: "2005",
		Note: "the group declares itself closed; the rule holds it to that",
	}
	citeLevel = iop.Citation{
		Source: "ioprules default", Edition: "v0",
		Note: "no source forbids groups shared by two levels of care; a warning by default, a profile's rule setting may make it blocking",
	}
)

// rules is the rule table of the package, in the order the check applies
// the rules. It is read-only.
var rules = [numRules]iop.Rule{
	ruleSizeBelowMinimum:         {Code: CodeSizeBelowMinimum, Severity: iop.SeverityBlocking, Summary: "fewer counted participants than the minimum group size", Cite: citeSize},
	ruleSizeAboveMaximum:         {Code: CodeSizeAboveMaximum, Severity: iop.SeverityBlocking, Summary: "more counted participants than the maximum group size", Cite: citeSize},
	ruleFacilitatorsTooFew:       {Code: CodeFacilitatorsTooFew, Severity: iop.SeverityBlocking, Summary: "fewer facilitators than every group needs", Cite: citeStaff},
	ruleNoLicensedFacilitator:    {Code: CodeNoLicensedFacilitator, Severity: iop.SeverityBlocking, Summary: "no licensed facilitator where the kind of group needs one", Cite: citeStaff},
	ruleCoFacilitatorRequired:    {Code: CodeCoFacilitatorRequired, Severity: iop.SeverityBlocking, Summary: "a second facilitator is needed above the group size the profile names", Cite: citeStaff},
	ruleFacilitatorRatio:         {Code: CodeFacilitatorRatio, Severity: iop.SeverityBlocking, Summary: "more counted participants than the facilitators may lead", Cite: citeStaff},
	ruleAgesMixed:                {Code: CodeAgesMixed, Severity: iop.SeverityBlocking, Summary: "a group without an age focus mixes adolescent and adult patients", Cite: citeAges},
	ruleAgesNotJudged:            {Code: CodeAgesNotJudged, Severity: iop.SeverityBlocking, Summary: "not judged: patients without an age or population where the profile keeps ages apart", Cite: citeAges},
	ruleBelowMinimumAge:          {Code: CodeBelowMinimumAge, Severity: iop.SeverityBlocking, Summary: "a patient is younger than the program serves", Cite: citeAges},
	ruleAdolescentInAdultGroup:   {Code: CodeAdolescentInAdultGroup, Severity: iop.SeverityBlocking, Summary: "a patient who may not be served as an adult is in an adult group", Cite: citeAges},
	ruleAdultInAdolescentGroup:   {Code: CodeAdultInAdolescentGroup, Severity: iop.SeverityBlocking, Summary: "a patient who may not be served as an adolescent is in an adolescent group", Cite: citeAges},
	ruleAgeExceptionUndocumented: {Code: CodeAgeExceptionUndocumented, Severity: iop.SeverityWarning, Summary: "a patient is served outside the population of their age without the justification on file", Cite: citeAges},
	ruleGenderMismatch:           {Code: CodeGenderMismatch, Severity: iop.SeverityBlocking, Summary: "a participant does not fit the group's gender focus", Cite: citeFocus},
	ruleAgeBandMismatch:          {Code: CodeAgeBandMismatch, Severity: iop.SeverityBlocking, Summary: "a patient is older than the young-adult age of a young-adult group", Cite: citeFocus},
	ruleCoOccurringMismatch:      {Code: CodeCoOccurringMismatch, Severity: iop.SeverityBlocking, Summary: "a patient without a co-occurring condition on record is in a dual-diagnosis group", Cite: citeFocus},
	ruleTraumaMismatch:           {Code: CodeTraumaMismatch, Severity: iop.SeverityBlocking, Summary: "a patient without a trauma history on record is in a trauma-specific group", Cite: citeFocus},
	ruleCohortMismatch:           {Code: CodeCohortMismatch, Severity: iop.SeverityBlocking, Summary: "a patient is outside the cohort of a culture- or language-specific group", Cite: citeFocus},
	ruleAgreementMissing:         {Code: CodeAgreementMissing, Severity: iop.SeverityBlocking, Summary: "a participant has no confidentiality agreement on file", Cite: citeAgreement},
	ruleJoinedClosedGroup:        {Code: CodeJoinedClosedGroup, Severity: iop.SeverityWarning, Summary: "a member joined a closed group after its first session", Cite: citeEnrollment},
	ruleLevelMismatch:            {Code: CodeLevelMismatch, Severity: iop.SeverityWarning, Summary: "a patient's level of care differs from the level of the group's program", Cite: citeLevel},
}

// Rules returns the package's rule table, in the order the checks apply
// the rules: each code with its default severity, its summary (the words
// of its findings) and its general source. A profile changes a rule's
// severity, or turns it off, with a [iop.RuleSetting]. Each checker's
// Rules gives the table as its profile applies it.
func Rules() iop.RuleTable { return iop.NewRuleTable(rules[:]...) }
