package aftercare

import (
	"github.com/ioprules/ioprules/iop"
)

// The rule codes the [Checker] can report, in the order it applies the
// rules. Codes are stable: test suites assert on them. [Rules] lists each
// with its default severity, summary and source; a profile may change the
// severity of a rule or turn it off ([iop.Profile.Rules]).
const (
	// CodePlanMissing: a planned discharge has no aftercare plan.
	CodePlanMissing iop.Code = "aftercare.plan.missing"
	// CodePlanLate: the plan of a planned discharge was made after the
	// discharge day. Figures: Got is the days after the discharge
	// ([iop.UnitDays]); Need is zero.
	CodePlanLate iop.Code = "aftercare.plan.late"
	// CodePlanEmpty: a plan was made but holds no service and no contact.
	CodePlanEmpty iop.Code = "aftercare.plan.empty"
	// CodeStepDownNotLower: a step down goes to a level that is not less
	// intensive than the level admitted to. Level is the level stepped to;
	// no figures.
	CodeStepDownNotLower iop.Code = "aftercare.step-down.not-lower"
	// CodeStepUpNotHigher: a step up goes to a level that is not more
	// intensive. Level is the level stepped to; no figures.
	CodeStepUpNotHigher iop.Code = "aftercare.step-up.not-higher"
	// CodeLateralChangesIntensity: a lateral move goes to a level of
	// another intensity. Level is the level stepped to; no figures.
	CodeLateralChangesIntensity iop.Code = "aftercare.step-lateral.changes-intensity"
	// CodeTransferNoReferral: a transfer names no referral to where the
	// person went.
	CodeTransferNoReferral iop.Code = "aftercare.transfer.no-referral"
	// CodeCourtNotice: court-ordered treatment ended before completion;
	// the referring court or agency is due a notice.
	CodeCourtNotice iop.Code = "aftercare.court-order.notice-due"
	// CodeOutreach: an unplanned discharge; reach out to re-engage the
	// person.
	CodeOutreach iop.Code = "aftercare.unplanned.outreach"
	// CodeFollowUpMissed: a follow-up window of the profile closed with
	// fewer kept contacts than it needs. Ref is the window's name (the
	// HEDIS measure, "fuh-7"), Day its last day; figures: the contacts
	// needed and kept ([iop.UnitCount]); the citation is the window's.
	CodeFollowUpMissed iop.Code = "aftercare.follow-up.missed"
	// CodeFollowUpNotScheduled: a follow-up window is still open but the
	// contacts kept and scheduled in it are fewer than it needs. Ref is the
	// window's name, Day its last day; figures: the contacts needed, and
	// those kept or scheduled ([iop.UnitCount]); the citation is the
	// window's.
	CodeFollowUpNotScheduled iop.Code = "aftercare.follow-up.not-scheduled"
	// CodeStepDownRecordNotLower: the step-down record ([iop.StepDown])
	// goes to a level that is not less intensive than the one it comes
	// from: no step-down. Day is its day, Level the level it names.
	CodeStepDownRecordNotLower iop.Code = "aftercare.step-down.record-not-lower"
	// CodeStepDownAfterDischarge: the step-down record is dated after the
	// episode's discharge. Day is its day; Got the days after the
	// discharge.
	CodeStepDownAfterDischarge iop.Code = "aftercare.step-down.after-discharge"
	// CodeStepDownDischargeMismatch: the discharge names a step that the
	// step-down record contradicts: a step up or lateral, or a step down
	// to another level than the record's (Level, the discharge's). A
	// discharge that names no step, or steps down to the record's level,
	// agrees with it.
	CodeStepDownDischargeMismatch iop.Code = "aftercare.step-down.discharge-mismatch"
)

// The indices of the rules in the rule table.
const (
	rulePlanMissing = iota
	rulePlanLate
	rulePlanEmpty
	ruleStepDownNotLower
	ruleStepUpNotHigher
	ruleLateralChangesIntensity
	ruleTransferNoReferral
	ruleCourtNotice
	ruleOutreach
	ruleFollowUpMissed
	ruleFollowUpNotScheduled
	ruleStepDownRecordNotLower
	ruleStepDownAfterDischarge
	ruleStepDownDischargeMismatch
)

// The general sources of the rules. The numbers (the follow-up windows)
// come from the profile, whose windows carry their own citations.
var (
	citePlan = iop.Citation{
		Source:  "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 3 (IOT and the continuum of care)",
		Edition: "2006; SAMHSA advisory 2021",
		Note:    "the plan is made with the patient before discharge: this library's reading of the continuing-care guidance",
	}
	citeStep = iop.Citation{
		Source:  "SAMHSA TIP 47, ch. 3 (stepping up or down the continuum of care); ASAM levels of care by intensity",
		Edition: "2006; The ASAM Criteria 3rd edition (2013)",
	}
	citeStepDownRecord = iop.Citation{
		Source:  "ioprules: one step-down record (iop.StepDown) read by eligibility, schedule and aftercare",
		Edition: "v1",
		Note:    "not a payer rule: the records of one episode must agree (issue 23); the step-down allowance itself is the profile's (schedule's step_down rules, state Medicaid manuals)",
	}
	citeTEDS = iop.Citation{
		Source:  "SAMHSA Treatment Episode Data Set: Discharges (TEDS-D), reason for discharge 4 (transferred)",
		Edition: "TEDS-D codebook, 2015 onward",
		Note:    "a transfer should name the program referred to",
	}
	citeCourt = iop.Citation{
		Source:  "42 CFR 2.35 (disclosures to the criminal justice system that referred the patient); SAMHSA TIP 47, clients in the criminal justice system",
		Edition: "42 CFR Part 2 as amended 2024 (compliance 2026-02-16); TIP 47 2006",
		Note:    "the notice follows the court order and the patient's written consent under Part 2",
	}
	citeOutreach = iop.Citation{
		Source:  "SAMHSA TIP 47, treatment entry and engagement",
		Edition: "2006",
		Note:    "outreach after an unplanned discharge (not after a death) is this library's reading of the re-engagement guidance",
	}
	citeFollowUp = iop.Citation{
		Source:  "NCQA HEDIS follow-up measures FUH, FUI, FUA, FUM and IET",
		Edition: "HEDIS measurement years 2024-2026",
		Note:    "the windows, their same-day rule and the contacts they need come from the profile applied (Measure gives each measure's); a finding names its window, whose citation is in the profile",
	}
)

// rules is the rule table: the one place that gives each rule its code,
// default severity, summary and general source. It is read-only.
var rules = [...]iop.Rule{
	rulePlanMissing: {Code: CodePlanMissing, Severity: iop.SeverityBlocking,
		Summary: "a planned discharge has no aftercare plan", Cite: citePlan},
	rulePlanLate: {Code: CodePlanLate, Severity: iop.SeverityBlocking,
		Summary: "the aftercare plan of a planned discharge was made after the discharge day", Cite: citePlan},
	rulePlanEmpty: {Code: CodePlanEmpty, Severity: iop.SeverityWarning,
		Summary: "the aftercare plan holds no service and no follow-up contact", Cite: citePlan},
	ruleStepDownNotLower: {Code: CodeStepDownNotLower, Severity: iop.SeverityBlocking,
		Summary: "a step down does not go to a less intensive level of care", Cite: citeStep},
	ruleStepUpNotHigher: {Code: CodeStepUpNotHigher, Severity: iop.SeverityBlocking,
		Summary: "a step up does not go to a more intensive level of care", Cite: citeStep},
	ruleLateralChangesIntensity: {Code: CodeLateralChangesIntensity, Severity: iop.SeverityBlocking,
		Summary: "a lateral move goes to a level of care of another intensity", Cite: citeStep},
	ruleTransferNoReferral: {Code: CodeTransferNoReferral, Severity: iop.SeverityWarning,
		Summary: "a transfer names no referral to where the person went", Cite: citeTEDS},
	ruleCourtNotice: {Code: CodeCourtNotice, Severity: iop.SeverityWarning,
		Summary: "court-ordered treatment ended before completion: notice is due", Cite: citeCourt},
	ruleOutreach: {Code: CodeOutreach, Severity: iop.SeverityWarning,
		Summary: "an unplanned discharge (other than for death) calls for outreach", Cite: citeOutreach},
	ruleFollowUpMissed: {Code: CodeFollowUpMissed, Severity: iop.SeverityWarning,
		Summary: "fewer contacts kept than a follow-up window needs, by its last day", Cite: citeFollowUp},
	ruleFollowUpNotScheduled: {Code: CodeFollowUpNotScheduled, Severity: iop.SeverityWarning,
		Summary: "fewer contacts kept or scheduled than an open follow-up window needs, by its last day", Cite: citeFollowUp},
	ruleStepDownRecordNotLower: {Code: CodeStepDownRecordNotLower, Severity: iop.SeverityBlocking,
		Summary: "the step-down record does not go to a less intensive level of care", Cite: citeStep},
	ruleStepDownAfterDischarge: {Code: CodeStepDownAfterDischarge, Severity: iop.SeverityWarning,
		Summary: "the step-down record is dated after the discharge", Cite: citeStepDownRecord},
	ruleStepDownDischargeMismatch: {Code: CodeStepDownDischargeMismatch, Severity: iop.SeverityWarning,
		Summary: "the discharge's step contradicts the step-down record", Cite: citeStepDownRecord},
}

// Rules returns the package's rule table, in the order the checks apply
// the rules: each code with its default severity, what it checks and its
// general source. Each checker's Rules gives the table
// as its profile applies it.
func Rules() iop.RuleTable { return iop.NewRuleTable(rules[:]...) }
