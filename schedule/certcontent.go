package schedule

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// CertStatement is one thing a physician's certification or
// recertification states about the patient (42 CFR 424.24(d)(1), (d)(3)
// for IOP; (e)(1), (e)(3) for PHP). Which statements a certification must
// hold is the profile's ([CertificationContentRules]); which it holds is
// the record's ([CertificationContent]). The zero CertStatement is not
// valid. CertStatements are comparable and safe for concurrent use.
type CertStatement uint8

// The statements of a certification and a recertification.
const (
	_ CertStatement = iota
	// CertStatementNeedsHours: the patient needs at least the program's
	// weekly minimum of therapeutic services (IOP 9 hours, PHP 20 hours),
	// as the plan of care shows.
	CertStatementNeedsHours
	// CertStatementInpatientOtherwise: the patient would need inpatient
	// psychiatric care without these services (PHP).
	CertStatementInpatientOtherwise
	// CertStatementPlanEstablished: an individualized written plan of
	// care has been established, and is reviewed periodically, by a
	// physician.
	CertStatementPlanEstablished
	// CertStatementUnderCare: the services are, or were, furnished while
	// the patient is, or was, under a physician's care.
	CertStatementUnderCare
	// CertStatementContinuedNeed: the patient still needs the services
	// (IOP: the weekly minimum; PHP: inpatient care otherwise): a
	// recertification's statement.
	CertStatementContinuedNeed
	// CertStatementResponse: the patient's response to the program's
	// therapeutic interventions: a recertification's statement.
	CertStatementResponse
	// CertStatementSymptoms: the psychiatric symptoms that continue to put
	// the patient at risk (PHP: of hospitalization): a recertification's
	// statement.
	CertStatementSymptoms
	// CertStatementDischargeGoals: treatment goals for coordinating
	// services toward discharge from the program: a recertification's
	// statement.
	CertStatementDischargeGoals
)

var certStatements = enum.New[CertStatement]("CertStatement", "schedule.CertStatement.UnmarshalText", check.EnumFail, []string{
	CertStatementNeedsHours: "needs-weekly-hours", CertStatementInpatientOtherwise: "inpatient-otherwise",
	CertStatementPlanEstablished: "plan-established", CertStatementUnderCare: "under-physician-care",
	CertStatementContinuedNeed: "continued-need", CertStatementResponse: "treatment-response",
	CertStatementSymptoms: "continuing-symptoms", CertStatementDischargeGoals: "discharge-goals",
})

// IsValid reports whether s is a known statement.
func (s CertStatement) IsValid() bool { return certStatements.Valid(s) }

// String returns the statement's name ("needs-weekly-hours"), and
// "%!CertStatement(n)" otherwise.
func (s CertStatement) String() string { return certStatements.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (s CertStatement) MarshalText() ([]byte, error) { return certStatements.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *CertStatement) UnmarshalText(b []byte) error { return certStatements.Unmarshal(s, b) }

// PlanElement is one thing the individualized written plan of care sets
// forth (42 CFR 424.24(d)(2), (e)(2)). The zero PlanElement is not valid.
// PlanElements are comparable and safe for concurrent use.
type PlanElement uint8

// The elements of a plan of care.
const (
	_                    PlanElement = iota
	PlanElementDiagnosis             // the physician's diagnosis
	PlanElementType                  // the type of the services
	PlanElementAmount                // their amount
	PlanElementFrequency             // their frequency
	PlanElementDuration              // their duration
	PlanElementGoals                 // the treatment goals
)

var planElements = enum.New[PlanElement]("PlanElement", "schedule.PlanElement.UnmarshalText", check.EnumFail, []string{
	PlanElementDiagnosis: "diagnosis", PlanElementType: "type", PlanElementAmount: "amount",
	PlanElementFrequency: "frequency", PlanElementDuration: "duration", PlanElementGoals: "goals",
})

// IsValid reports whether e is a known element.
func (e PlanElement) IsValid() bool { return planElements.Valid(e) }

// String returns the element's name ("frequency"), and "%!PlanElement(n)"
// otherwise.
func (e PlanElement) String() string { return planElements.String(e) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (e PlanElement) MarshalText() ([]byte, error) { return planElements.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (e *PlanElement) UnmarshalText(b []byte) error { return planElements.Unmarshal(e, b) }

// PlanAuthor is who established a plan of care. The zero PlanAuthor is not
// valid. PlanAuthors are comparable and safe for concurrent use.
type PlanAuthor uint8

// Who may establish a plan of care.
const (
	_                        PlanAuthor = iota
	PlanAuthorPhysician                 // a physician
	PlanAuthorNonphysician              // a nurse practitioner, clinical nurse specialist or physician assistant
	PlanAuthorOtherClinician            // another clinician (a therapist, a counselor)
)

var planAuthors = enum.New[PlanAuthor]("PlanAuthor", "schedule.PlanAuthor.UnmarshalText", check.EnumFail, []string{
	PlanAuthorPhysician: "physician", PlanAuthorNonphysician: "nonphysician-practitioner", PlanAuthorOtherClinician: "other-clinician",
})

// IsValid reports whether a is a known author.
func (a PlanAuthor) IsValid() bool { return planAuthors.Valid(a) }

// String returns the author's name ("physician"), and "%!PlanAuthor(n)"
// otherwise.
func (a PlanAuthor) String() string { return planAuthors.String(a) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (a PlanAuthor) MarshalText() ([]byte, error) { return planAuthors.Marshal(a) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (a *PlanAuthor) UnmarshalText(b []byte) error { return planAuthors.Unmarshal(a, b) }

// CertificationContent is what one certification or recertification
// states ([Certifications.Content]). The zero CertificationContent is "not
// recorded": the content of that certification is not judged (a finding at
// the rule's force, never a pass). It is comparable and safe for
// concurrent use.
type CertificationContent struct {
	// States are the statements the signed certification holds.
	States iop.Set[CertStatement] `json:"states,omitzero"`
}

// TreatmentPlan is the individualized written plan of care a certification
// refers to (42 CFR 424.24(d)(2), (e)(2); 410.43(a)(3), 410.44(a)(3): the
// services are furnished under it). Its reviews are the
// [Certifications.Reviewed] days. It is comparable and safe for concurrent
// use; the zero TreatmentPlan is not valid (a plan needs the day it was
// established).
type TreatmentPlan struct {
	// Established is the day the plan was established.
	Established date.Date `json:"established"`
	// By is who established it.
	By PlanAuthor `json:"by"`
	// Sets are the elements the plan sets forth.
	Sets iop.Set[PlanElement] `json:"sets,omitzero"`
}

// validate adds p's problems to es under field.
func (p *TreatmentPlan) validate(es *iop.FieldErrors, field string) {
	if err := iop.CheckServiceDate(p.Established); err != nil {
		es.Add(field+".established", err)
	}
	if !p.By.IsValid() {
		missingOrUnknown(es, field+".by", p.By == 0, false)
	}
	if !p.Sets.IsValid() {
		es.Add(field+".sets", iop.ErrUnknown)
	}
}

// CertificationContentRules are the statements a certification and a
// recertification must hold. A certification that lacks one does not
// support payment for the days it covers (42 CFR 424.24(b): Part B pays only
// when a physician certifies the content (d)(1) or (e)(1) specifies).
// Zero sets require nothing.
type CertificationContentRules struct {
	// Initial are the statements of the initial certification.
	Initial iop.Set[CertStatement] `json:"initial,omitzero"`
	// Recert are the statements of each recertification.
	Recert iop.Set[CertStatement] `json:"recert,omitzero"`
	Cite   iop.Citation           `json:"cite,omitzero"`
}

// PlanRules are what the plan of care must set forth and who may
// establish it. Zero sets require nothing.
type PlanRules struct {
	// Elements are what the plan must set forth.
	Elements iop.Set[PlanElement] `json:"elements,omitzero"`
	// By are who may establish it; empty means anyone.
	By   iop.Set[PlanAuthor] `json:"by,omitzero"`
	Cite iop.Citation        `json:"cite,omitzero"`
}

// set reports whether r requires anything.
func (r *CertificationContentRules) set() bool { return r.Initial != 0 || r.Recert != 0 }

// set reports whether r requires anything.
func (r *PlanRules) set() bool { return r.Elements != 0 || r.By != 0 }

// validate adds the problems of the content and plan rules to v.
func (c *CertificationRules) validateContent(v *check.Validator) {
	cr := &c.Content
	if !cr.Initial.IsValid() {
		v.Add("certification.content.initial", iop.ErrUnknown)
	}
	if !cr.Recert.IsValid() {
		v.Add("certification.content.recert", iop.ErrUnknown)
	}
	v.Cited("certification.content.cite", cr.set(), cr.Cite)
	pr := &c.Plan
	if !pr.Elements.IsValid() {
		v.Add("certification.plan.elements", iop.ErrUnknown)
	}
	if !pr.By.IsValid() {
		v.Add("certification.plan.by", iop.ErrUnknown)
	}
	v.Cited("certification.plan.cite", pr.set(), pr.Cite)
}

// validateContent adds the problems of c's content and plan to es.
func (c *Certifications) validateContent(es *iop.FieldErrors) {
	if len(c.Content) > len(c.Signed) {
		es.Add("content", fmt.Errorf("%w: more entries than certifications signed", iop.ErrOutOfRange))
	}
	for i, ct := range c.Content {
		if !ct.States.IsValid() {
			es.Add("content["+strconv.Itoa(i)+"].states", iop.ErrUnknown)
		}
	}
	if c.Plan != nil {
		c.Plan.validate(es, "plan")
	}
}

// covering is, for each day of a week, the index of the certification
// covering it (the latest signed that does), -1 for a day with no
// service or no certification.
type covering [daysPerWeek]int

// any reports whether a day of the week has service under a certification.
func (c *covering) any() bool {
	for _, j := range c {
		if j >= 0 {
			return true
		}
	}
	return false
}

// CheckCertificationContent checks what the certifications covering the
// days of counted service of a week's summary state, and the plan of care
// they refer to, under the profile's [CertificationContentRules] and
// [PlanRules] (Medicare: 42 CFR 424.24(d)(1)-(3), (e)(1)-(3); 410.43(a)(3),
// 410.44(a)(3)). Each day is judged under the latest certification signed
// that covers it ([Checker.CheckCertification] reports the days none
// covers), the initial one against Initial, a recertification against
// Recert. It returns, in rule order:
// [CodeCertContentNotJudged] for each day under a certification whose
// content c does not record; [CodeCertContentMissing] for each day and
// each statement its certification lacks (Ref the statement);
// [CodePlanNotJudged] when no plan is recorded; [CodePlanElementMissing]
// for each element the plan lacks (Ref); [CodePlanAuthor] when the plan
// was established by someone the rules do not allow (Ref); and
// [CodePlanAfterService] for each day of service before the plan was
// established. All block by default: payment depends on the certified
// content and services furnished under the plan. A profile without
// content or plan rules gives no findings.
//
// It is separate from [Checker.CheckCertification], which judges the
// certifications' dates: a record of dates alone (a billing export) is
// judged for its dates; a caller that holds the content calls this check
// too, and one that calls it without the content gets "not judged"
// findings, never a pass. It returns an error, and no findings, when c is
// not valid or s has no week, as [Checker.CheckCertification] does. It
// does not allocate when the week complies.
func (ck Checker) CheckCertificationContent(s *WeekSummary, c Certifications) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendCertificationContent(buf[:0], s, c))
}

// AppendCertificationContent is [Checker.CheckCertificationContent] that
// appends the findings to dst and returns the extended slice; on error it
// returns dst unchanged.
func (ck Checker) AppendCertificationContent(dst iop.Findings, s *WeekSummary, c Certifications) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	if err := ck.r.validCert(s, &c); err != nil {
		return dst, err
	}
	r := &ck.r.b.Certification
	if !r.Content.set() && !r.Plan.set() {
		return dst, nil
	}
	cover := coverOf(r, s, &c)
	return ck.r.content(dst, s, &c, &cover), nil
}

// content checks the statements of the certification covering each day of
// service of the week, and the plan of care, and appends the findings in
// rule order. cover[i] is the index of the certification covering the
// week's day i, -1 for none ([covering]).
func (ck *checker) content(fs iop.Findings, s *WeekSummary, c *Certifications, cover *covering) iop.Findings {
	r := &ck.b.Certification
	if cr := &r.Content; cr.set() {
		// Not judged: days under a certification whose content is not recorded.
		for i, j := range cover {
			if j >= 0 && (j >= len(c.Content) || c.Content[j] == (CertificationContent{})) {
				fs = ck.rules.Add(fs, ruleCertContentNotJudged, iop.Finding{Subject: s.Patient, Day: s.Week.Day(i), Ref: "content"})
			}
		}
		for i, j := range cover {
			if j < 0 || j >= len(c.Content) || c.Content[j] == (CertificationContent{}) {
				continue
			}
			need := cr.Initial
			if j > 0 {
				need = cr.Recert
			}
			if need&^c.Content[j].States == 0 {
				continue // states everything: the compliant path
			}
			for st := range need.All() {
				if !c.Content[j].States.Has(st) {
					fs = ck.rules.Add(fs, ruleCertContentMissing, iop.Finding{Subject: s.Patient, Day: s.Week.Day(i), Ref: st.String()})
				}
			}
		}
	}
	pr := &r.Plan
	if !pr.set() || !cover.any() {
		return fs
	}
	p := c.Plan
	if p == nil {
		return ck.rules.Add(fs, rulePlanNotJudged, iop.Finding{Subject: s.Patient, Ref: "plan"})
	}
	for el := range (pr.Elements &^ p.Sets).All() {
		fs = ck.rules.Add(fs, rulePlanElementMissing, iop.Finding{Subject: s.Patient, Ref: el.String()})
	}
	if pr.By != 0 && !pr.By.Has(p.By) {
		fs = ck.rules.Add(fs, rulePlanAuthor, iop.Finding{Subject: s.Patient, Ref: p.By.String()})
	}
	for i, m := range s.DayMinutes {
		if d := s.Week.Day(i); m > 0 && d < p.Established {
			fs = ck.rules.Add(fs, rulePlanAfterService, iop.Finding{Subject: s.Patient, Day: d})
		}
	}
	return fs
}
