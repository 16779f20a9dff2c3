package aftercare

import "github.com/ioprules/ioprules/iop"

// The rule codes [Check] can emit, in the order it applies the rules.
// Codes are stable: test suites assert on them.
const (
	// CodePlanMissing: a planned discharge has no aftercare plan.
	CodePlanMissing iop.Code = "aftercare.plan.missing"
	// CodePlanLate: the plan of a planned discharge was made after the
	// discharge day. Figures: Got is the days after the discharge.
	CodePlanLate iop.Code = "aftercare.plan.late"
	// CodePlanEmpty: a plan was made but holds no service and no contact.
	CodePlanEmpty iop.Code = "aftercare.plan.empty"
	// CodeStepDownNotLower: a step down goes to a level that is not less
	// intensive than the level admitted to. Figures: the intensity of the
	// level left (Need) and of the level stepped to (Got), as
	// [iop.Level.Intensity].
	CodeStepDownNotLower iop.Code = "aftercare.step-down.not-lower"
	// CodeStepUpNotHigher: a step up goes to a level that is not more
	// intensive. Figures: as [CodeStepDownNotLower].
	CodeStepUpNotHigher iop.Code = "aftercare.step-up.not-higher"
	// CodeLateralChangesIntensity: a lateral move goes to a level of
	// another intensity. Figures: as [CodeStepDownNotLower].
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
	// fewer kept contacts than it needs. Figures: the contacts needed and
	// kept.
	CodeFollowUpMissed iop.Code = "aftercare.follow-up.missed"
	// CodeFollowUpNotScheduled: a follow-up window is still open but the
	// contacts kept and scheduled in it are fewer than it needs. Figures:
	// the contacts needed, and those kept or scheduled.
	CodeFollowUpNotScheduled iop.Code = "aftercare.follow-up.not-scheduled"
)

// Citations of the rules that hold no number (the numbers, the follow-up
// windows, come from the profile). Each call returns a fresh value.

func citePlan() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 3 (IOT and the continuum of care)",
		Edition: "2006; SAMHSA advisory 2021",
		Note:    "the plan is made with the patient before discharge: this library's reading of the continuing-care guidance",
	}
}

func citeStep() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA TIP 47, ch. 3 (stepping up or down the continuum of care); ASAM levels of care by intensity",
		Edition: "2006; The ASAM Criteria 3rd edition (2013)",
	}
}

func citeTEDS() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA Treatment Episode Data Set: Discharges (TEDS-D), reason for discharge 4 (transferred)",
		Edition: "TEDS-D codebook, 2015 onward",
		Note:    "a transfer should name the program referred to",
	}
}

func citeCourt() iop.Citation {
	return iop.Citation{
		Source:  "42 CFR 2.35 (disclosures to the criminal justice system that referred the patient); SAMHSA TIP 47, clients in the criminal justice system",
		Edition: "42 CFR Part 2 as amended 2024 (compliance 2026-02-16); TIP 47 2006",
		Note:    "the notice follows the court order and the patient's written consent under Part 2",
	}
}

func citeOutreach() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA TIP 47, treatment entry and engagement",
		Edition: "2006",
		Note:    "outreach after an unplanned discharge (not after a death) is this library's reading of the re-engagement guidance",
	}
}

func citeFollowUp() iop.Citation {
	return iop.Citation{
		Source:  "NCQA HEDIS follow-up measures FUH, FUI, FUA, FUM and IET",
		Edition: "HEDIS MY2024-2025",
		Note:    "the windows, their same-day rule and the contacts they need come from the profile applied",
	}
}

// severity returns the severity each code is reported with.
func severity(c iop.Code) iop.Severity {
	switch c {
	case CodePlanMissing, CodePlanLate, CodeStepDownNotLower, CodeStepUpNotHigher, CodeLateralChangesIntensity:
		return iop.Blocking
	}
	return iop.Warning
}

// Rules returns the catalog of the rule codes package aftercare can emit,
// with the severity each is reported with, what it checks and its source,
// in the order [Check] applies them. Each call returns a new slice.
func Rules() []iop.RuleInfo {
	rule := func(c iop.Code, summary string, cite iop.Citation) iop.RuleInfo {
		return iop.RuleInfo{Code: c, Severity: severity(c), Summary: summary, Cite: cite}
	}
	return []iop.RuleInfo{
		rule(CodePlanMissing, "a planned discharge has an aftercare plan", citePlan()),
		rule(CodePlanLate, "the plan of a planned discharge is made by the discharge day", citePlan()),
		rule(CodePlanEmpty, "an aftercare plan holds at least one service or follow-up contact", citePlan()),
		rule(CodeStepDownNotLower, "a step down goes to a less intensive level of care", citeStep()),
		rule(CodeStepUpNotHigher, "a step up goes to a more intensive level of care", citeStep()),
		rule(CodeLateralChangesIntensity, "a lateral move goes to a level of the same intensity", citeStep()),
		rule(CodeTransferNoReferral, "a transfer names the referral to where the person went", citeTEDS()),
		rule(CodeCourtNotice, "court-ordered treatment ended before completion is flagged for notice", citeCourt()),
		rule(CodeOutreach, "an unplanned discharge (other than for death) calls for outreach", citeOutreach()),
		rule(CodeFollowUpMissed, "each follow-up window of the profile is met by kept contacts", citeFollowUp()),
		rule(CodeFollowUpNotScheduled, "each open follow-up window has enough contacts kept or scheduled", citeFollowUp()),
	}
}
