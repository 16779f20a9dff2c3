package eligibility

import "github.com/ioprules/ioprules/iop"

// The rule codes this package emits. They never change meaning once
// released. [Rules] lists each with its default severity, what it checks and
// its source.
const (
	// CodeDecisionMissing: a check was given the zero Decision.
	CodeDecisionMissing iop.Code = "eligibility.decision.missing"
	// CodeDecisionRaisedByModifier: a modifier raised the recommended level
	// above what the dimensions need.
	CodeDecisionRaisedByModifier iop.Code = "eligibility.decision.raised-by-modifier"
	// CodeDecisionWithdrawalMonitoring: withdrawal monitoring must come with
	// the level of care.
	CodeDecisionWithdrawalMonitoring iop.Code = "eligibility.decision.withdrawal-monitoring"
	// CodeDecisionCoOccurring: the program must be able to treat co-occurring
	// conditions.
	CodeDecisionCoOccurring iop.Code = "eligibility.decision.co-occurring"

	// CodeVarianceUndocumented: the level given differs from the level
	// recommended and no reason is recorded.
	CodeVarianceUndocumented iop.Code = "eligibility.variance.undocumented"
	// CodeVarianceBelowRecommended: the level given is less intensive than
	// the level recommended.
	CodeVarianceBelowRecommended iop.Code = "eligibility.variance.below-recommended"
	// CodeVarianceAboveJustified: the level given is more intensive than
	// any rule of the decision justifies.
	CodeVarianceAboveJustified iop.Code = "eligibility.variance.above-justified"
	// CodeVarianceReasonMismatch: the reason does not fit the level given
	// (a payer-authorised lower level that is not lower).
	CodeVarianceReasonMismatch iop.Code = "eligibility.variance.reason-mismatch"
	// CodeVarianceNotNextAvailable: the recommended level is not available
	// and a less intensive level was given instead of the next more
	// intensive one.
	CodeVarianceNotNextAvailable iop.Code = "eligibility.variance.not-next-available"
	// CodeVarianceLevelNotInCriteria: the level given is not a level of the
	// criteria applied.
	CodeVarianceLevelNotInCriteria iop.Code = "eligibility.variance.level-not-in-criteria"

	// CodeProfileNotIOP: an IOP check was given a profile for another level.
	CodeProfileNotIOP iop.Code = "eligibility.profile.not-iop"

	// CodeAdmissionBelowIOP: the person does not need the hours of IOP.
	CodeAdmissionBelowIOP iop.Code = "eligibility.admission.below-iop"
	// CodeAdmissionAboveIOP: the person needs more than IOP, short of
	// 24-hour care (partial hospitalization).
	CodeAdmissionAboveIOP iop.Code = "eligibility.admission.above-iop"
	// CodeAdmissionNeeds24Hour: the person needs 24-hour care.
	CodeAdmissionNeeds24Hour iop.Code = "eligibility.admission.needs-24-hour"
	// CodeAdmissionImminentDanger: the person is in imminent danger.
	CodeAdmissionImminentDanger iop.Code = "eligibility.admission.imminent-danger"
	// CodeAdmissionPlacedElsewhere: the decision places the person at
	// another level than IOP.
	CodeAdmissionPlacedElsewhere iop.Code = "eligibility.admission.placed-elsewhere"
	// CodeAdmissionPopulationNotServed: the profile has no weekly band for
	// the person's population.
	CodeAdmissionPopulationNotServed iop.Code = "eligibility.admission.population-not-served"
	// CodeAdmissionHoursBelowMinimum: the plan schedules fewer weekly hours
	// than the profile's minimum.
	CodeAdmissionHoursBelowMinimum iop.Code = "eligibility.admission.hours-below-minimum"
	// CodeAdmissionHoursAboveMaximum: the plan schedules more weekly hours
	// than the profile's maximum.
	CodeAdmissionHoursAboveMaximum iop.Code = "eligibility.admission.hours-above-maximum"

	// CodeReviewDateOrder: the reassessment is dated before the admission
	// or the previous assessment.
	CodeReviewDateOrder iop.Code = "eligibility.review.date-order"

	// CodeStayCriteriaNotMet: the reassessment no longer recommends IOP.
	CodeStayCriteriaNotMet iop.Code = "eligibility.continued-stay.criteria-not-met"
	// CodeStayNoProgress: no progress and the plan was not revised.
	CodeStayNoProgress iop.Code = "eligibility.continued-stay.no-progress"
	// CodeStayProgressUnrecorded: the review does not record progress.
	CodeStayProgressUnrecorded iop.Code = "eligibility.continued-stay.progress-unrecorded"
	// CodeStayJustificationDue: the stay is longer than the profile allows
	// without a written justification, and there is none.
	CodeStayJustificationDue iop.Code = "eligibility.continued-stay.justification-due"
	// CodeStayBeyondTypical: the stay is longer than the profile's typical
	// length.
	CodeStayBeyondTypical iop.Code = "eligibility.continued-stay.beyond-typical"

	// CodeTransferUpIndicated: the reassessment recommends a more intensive
	// level.
	CodeTransferUpIndicated iop.Code = "eligibility.transfer.up-indicated"
	// CodeTransferImminentDanger: imminent danger: transfer to 24-hour care.
	CodeTransferImminentDanger iop.Code = "eligibility.transfer.imminent-danger"
	// CodeTransferWorsening: a dimension's rating rose, or the clinician
	// records worsening.
	CodeTransferWorsening iop.Code = "eligibility.transfer.worsening"
	// CodeTransferDownIndicated: the reassessment recommends a less
	// intensive level.
	CodeTransferDownIndicated iop.Code = "eligibility.transfer.down-indicated"
	// CodeTransferStepDownAllowance: after the step-down, the profile allows
	// fewer weekly hours for a number of weeks.
	CodeTransferStepDownAllowance iop.Code = "eligibility.transfer.step-down-allowance"
	// CodeTransferGoalsMetRatingsHigh: goals are recorded as met but the
	// ratings still recommend IOP or more.
	CodeTransferGoalsMetRatingsHigh iop.Code = "eligibility.transfer.goals-met-ratings-high"

	// CodeDischargeImminentDanger: discharge of a person in imminent danger.
	CodeDischargeImminentDanger iop.Code = "eligibility.discharge.imminent-danger"
	// CodeDischargeHigherLevelNeeded: the person needs a more intensive
	// level and is not referred to one.
	CodeDischargeHigherLevelNeeded iop.Code = "eligibility.discharge.higher-level-needed"
	// CodeDischargeCriteriaStillMet: a planned discharge while the
	// reassessment still recommends IOP.
	CodeDischargeCriteriaStillMet iop.Code = "eligibility.discharge.criteria-still-met"
	// CodeDischargeNoContinuingCare: no continuing-care level named though
	// the reassessment recommends one.
	CodeDischargeNoContinuingCare iop.Code = "eligibility.discharge.no-continuing-care"
	// CodeDischargeNextLevelBelow: the continuing-care level is less
	// intensive than the level recommended.
	CodeDischargeNextLevelBelow iop.Code = "eligibility.discharge.next-level-below-recommended"
)

// Rules returns the catalog of the rule codes this package can emit, with
// the severity each is reported with by default (checks lower some to a
// warning when a variance is documented), what it checks and its source, in
// a fixed order. Each call returns a new slice.
func Rules() []iop.RuleInfo {
	lib := citeLibrary
	ri := func(c iop.Code, s iop.Severity, summary string, cite iop.Citation) iop.RuleInfo {
		return iop.RuleInfo{Code: c, Severity: s, Summary: summary, Cite: cite}
	}
	return []iop.RuleInfo{
		ri(CodeDecisionMissing, iop.Blocking, "a check needs a decision from Criteria.Decide", lib("input check")),
		ri(CodeDecisionRaisedByModifier, iop.Info, "a modifier raised the recommended level above the dimensions' level", citeImminentDanger()),
		ri(CodeDecisionWithdrawalMonitoring, iop.Info, "withdrawal monitoring must be provided with the level of care", citeWithdrawalInIOP()),
		ri(CodeDecisionCoOccurring, iop.Info, "the program must be co-occurring capable", citeCoOccurring()),

		ri(CodeVarianceUndocumented, iop.Blocking, "a level given that differs from the recommended level needs a recorded reason", citeVariance()),
		ri(CodeVarianceBelowRecommended, iop.Warning, "the level given is less intensive than recommended", citeVariance()),
		ri(CodeVarianceAboveJustified, iop.Warning, "the level given is more intensive than any rule justifies", citeTIP47()),
		ri(CodeVarianceReasonMismatch, iop.Blocking, "a payer-authorised lower level must be lower than recommended", citeVariance()),
		ri(CodeVarianceNotNextAvailable, iop.Warning, "when the recommended level is not available, the next more intensive available level", citeNextAvailable()),
		ri(CodeVarianceLevelNotInCriteria, iop.Blocking, "the level given must be a level of the criteria", lib("input check")),

		ri(CodeProfileNotIOP, iop.Blocking, "IOP checks need a profile for level 2.1", lib("input check")),

		ri(CodeAdmissionBelowIOP, iop.Blocking, "IOP admission: the person needs at least the care of level 2.1", citeSAMHSAAdvisory()),
		ri(CodeAdmissionAboveIOP, iop.Blocking, "IOP admission: the person does not need more than level 2.1", citeSAMHSAAdvisory()),
		ri(CodeAdmissionNeeds24Hour, iop.Blocking, "IOP admission: the person does not need 24-hour care", citeSAMHSAAdvisory()),
		ri(CodeAdmissionImminentDanger, iop.Blocking, "IOP admission: no imminent danger", citeImminentDanger()),
		ri(CodeAdmissionPlacedElsewhere, iop.Blocking, "IOP admission: the decision places the person in IOP", citeVariance()),
		ri(CodeAdmissionPopulationNotServed, iop.Blocking, "IOP admission: the profile serves the person's population", lib("a zero weekly band means the program does not serve the population")),
		ri(CodeAdmissionHoursBelowMinimum, iop.Blocking, "IOP admission: the plan schedules at least the profile's weekly minimum", iop.ASAM3Level21().Weekly.Cite),
		ri(CodeAdmissionHoursAboveMaximum, iop.Warning, "IOP admission: the plan schedules at most the profile's weekly maximum", iop.ASAM3Level21().Weekly.Cite),

		ri(CodeReviewDateOrder, iop.Blocking, "a reassessment is dated on or after the admission and the previous assessment", lib("input check")),

		ri(CodeStayCriteriaNotMet, iop.Blocking, "continued stay: the reassessment still recommends level 2.1", citeContinuedStay()),
		ri(CodeStayNoProgress, iop.Warning, "continued stay: without progress the plan is revised", citeContinuedStay()),
		ri(CodeStayProgressUnrecorded, iop.Warning, "continued stay: the review records progress", citeContinuedStay()),
		ri(CodeStayJustificationDue, iop.Blocking, "continued stay: a written justification beyond the profile's limit", iop.S9480NewYork().Stay.Cite),
		ri(CodeStayBeyondTypical, iop.Info, "continued stay: longer than the profile's typical stay", iop.DCLevel21().Stay.Cite),

		ri(CodeTransferUpIndicated, iop.Blocking, "transfer: the reassessment recommends a more intensive level", citeSAMHSAAdvisory()),
		ri(CodeTransferImminentDanger, iop.Blocking, "transfer: imminent danger calls for 24-hour care", citeImminentDanger()),
		ri(CodeTransferWorsening, iop.Warning, "transfer: a dimension's rating rose or the person is worsening", citeContinuedStay()),
		ri(CodeTransferDownIndicated, iop.Warning, "transfer: the reassessment recommends a less intensive level", citeSAMHSAAdvisory()),
		ri(CodeTransferStepDownAllowance, iop.Info, "transfer: the profile's step-down allowance of fewer weekly hours", iop.ASAM3Level21().StepDown.Cite),
		ri(CodeTransferGoalsMetRatingsHigh, iop.Warning, "transfer: goals met but the ratings still recommend level 2.1 or more", lib("consistency of the review")),

		ri(CodeDischargeImminentDanger, iop.Blocking, "discharge: no discharge of a person in imminent danger", citeImminentDanger()),
		ri(CodeDischargeHigherLevelNeeded, iop.Blocking, "discharge: a person who needs more care is referred to it", citeTIP47()),
		ri(CodeDischargeCriteriaStillMet, iop.Warning, "discharge: a planned discharge when the ratings no longer recommend level 2.1", citeTIP47()),
		ri(CodeDischargeNoContinuingCare, iop.Warning, "discharge: the continuing-care level is named", citeTIP47()),
		ri(CodeDischargeNextLevelBelow, iop.Warning, "discharge: the continuing-care level is at least the level recommended", citeTIP47()),
	}
}
