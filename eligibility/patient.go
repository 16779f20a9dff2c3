package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// PatientCriterion is one of the criteria a patient must meet to be
// admitted to a program, as a payer states them (Medicare: 42 CFR
// 410.44(c) for IOP, 410.43(c) for PHP, as amended by the CY2024 OPPS).
// Which criteria apply is the profile's ([PatientRules]); which an
// assessment documents as met is the record's ([PatientRecord]). The zero
// PatientCriterion is not valid. PatientCriteria are comparable and safe
// for concurrent use.
type PatientCriterion uint8

// The patient criteria.
const (
	_ PatientCriterion = iota
	// PatientCriterionNeedsHours: requires at least the program's weekly
	// minimum of therapeutic services (IOP 9 hours, PHP 20), as the plan
	// of care shows.
	PatientCriterionNeedsHours
	// PatientCriterionBenefits: likely to benefit from a coordinated
	// program of services, needing more than isolated outpatient sessions.
	PatientCriterionBenefits
	// PatientCriterionNo24Hour: does not require 24-hour care.
	PatientCriterionNo24Hour
	// PatientCriterionSupport: has an adequate support system while not
	// in the program.
	PatientCriterionSupport
	// PatientCriterionDiagnosis: has a mental health diagnosis (a
	// substance use disorder included) that severely interferes with
	// several areas of daily life.
	PatientCriterionDiagnosis
	// PatientCriterionNotDangerous: is not judged dangerous to self or
	// others.
	PatientCriterionNotDangerous
	// PatientCriterionCanParticipate: has the cognitive and emotional
	// ability to take part in active treatment and can tolerate the
	// program's intensity.
	PatientCriterionCanParticipate
	// PatientCriterionInpatientRisk: would otherwise be at reasonable risk
	// of inpatient psychiatric care, or steps down from it (PHP).
	PatientCriterionInpatientRisk
)

var patientCriteria = enum.New[PatientCriterion]("PatientCriterion", "eligibility.PatientCriterion.UnmarshalText", check.EnumFail, []string{
	PatientCriterionNeedsHours: "needs-weekly-hours", PatientCriterionBenefits: "benefits-from-program",
	PatientCriterionNo24Hour: "no-24-hour-care", PatientCriterionSupport: "support-system",
	PatientCriterionDiagnosis: "mental-health-diagnosis", PatientCriterionNotDangerous: "not-dangerous",
	PatientCriterionCanParticipate: "can-participate", PatientCriterionInpatientRisk: "inpatient-risk",
})

// IsValid reports whether c is a known criterion.
func (c PatientCriterion) IsValid() bool { return patientCriteria.Valid(c) }

// String returns the criterion's name ("support-system"), and
// "%!PatientCriterion(n)" otherwise.
func (c PatientCriterion) String() string { return patientCriteria.String(c) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (c PatientCriterion) MarshalText() ([]byte, error) { return patientCriteria.Marshal(c) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (c *PatientCriterion) UnmarshalText(b []byte) error { return patientCriteria.Unmarshal(c, b) }

// PatientRecord is what an assessment documents of the patient criteria:
// those met and those not met. A criterion in neither set is not
// recorded, and is not judged (a finding at the rule's force, never a
// pass); one in both contradicts itself and is refused
// ([Assessment.Validate]). The zero PatientRecord records nothing. It is
// comparable and safe for concurrent use.
type PatientRecord struct {
	Met    iop.Set[PatientCriterion] `json:"met,omitzero"`
	NotMet iop.Set[PatientCriterion] `json:"not_met,omitzero"`
}

// PatientRules are the patient criteria a profile's program admits by.
// The zero PatientRules require none.
type PatientRules struct {
	Require iop.Set[PatientCriterion] `json:"require,omitzero"`
	Cite    iop.Citation              `json:"cite,omitzero"`
}

// validate adds the problems of the rules to v.
func (p *PatientRules) validate(v *check.Validator) {
	if !p.Require.IsValid() {
		v.Add("patient.require", iop.ErrUnknown)
	}
	v.Cited("patient.cite", p.Require != 0, p.Cite)
}

// validate adds the problems of the record to errs, under path.
func (p *PatientRecord) validate(errs *iop.FieldErrors, path string) {
	if *p == (PatientRecord{}) {
		return
	}
	if !p.Met.IsValid() {
		errs.Add(path+".met", iop.ErrUnknown)
	}
	if !p.NotMet.IsValid() {
		errs.Add(path+".not_met", iop.ErrUnknown)
	}
	if p.Met&p.NotMet != 0 {
		errs.Add(path, errPatientBoth)
	}
}

// patient appends the findings of the patient criteria for the admission
// of decision d: each required criterion documented as not met, or that
// the assessment contradicts (not dangerous, with imminent danger
// recorded), and each not recorded.
func (r *checker) patient(dst iop.Findings, d *Decision) iop.Findings {
	need := r.patientRules.Require
	if need == 0 {
		return dst
	}
	a := &d.assessment
	met, notMet := a.Patient.Met, a.Patient.NotMet
	danger := a.Modifiers.Has(ModifierImminentDanger)
	if need&^met == 0 && !danger {
		return dst // every criterion documented as met: the compliant path
	}
	if danger && met.Has(PatientCriterionNotDangerous) {
		met &^= iop.SetOf(PatientCriterionNotDangerous) // the assessment contradicts the record
		notMet |= iop.SetOf(PatientCriterionNotDangerous)
	}
	for c := range need.All() {
		if notMet.Has(c) {
			dst = r.rules.Add(dst, ruleAdmissionPatientNotMet, iop.Finding{Subject: a.ID, Ref: c.String()})
		}
	}
	for c := range need.All() {
		if !met.Has(c) && !notMet.Has(c) {
			dst = r.rules.Add(dst, ruleAdmissionPatientNotJudged, iop.Finding{Subject: a.ID, Ref: c.String()})
		}
	}
	return dst
}
