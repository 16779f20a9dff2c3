package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// The rule codes this package emits, "eligibility.<subject>.<what>". They
// never change meaning once released. [Rules] lists each with its default
// severity, what it checks and its source. Where a documented variance or a
// step-down makes a finding less serious, the less serious case is a rule
// of its own (a code ending in "-documented" or "-step-down"), so that each
// code has one severity and a profile can set each apart.
const (
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

	// The admission codes name IOP, the program of a level 2.1 profile;
	// under a level 2.5 (PHP) profile they judge the admission to that
	// program, and a finding's figures name the profile's level (need 2.5).

	// CodeAdmissionPlacedElsewhere: the decision places the person at
	// another level than IOP (the profile's level).
	CodeAdmissionPlacedElsewhere iop.Code = "eligibility.admission.placed-elsewhere"
	// CodeAdmissionImminentDanger: the person is in imminent danger.
	CodeAdmissionImminentDanger iop.Code = "eligibility.admission.imminent-danger"
	// CodeAdmissionBelowIOP: the person does not need the hours of IOP.
	CodeAdmissionBelowIOP iop.Code = "eligibility.admission.below-iop"
	// CodeAdmissionBelowIOPDocumented: the person does not need the hours
	// of IOP, and a variance with a reason places them there.
	CodeAdmissionBelowIOPDocumented iop.Code = "eligibility.admission.below-iop-documented"
	// CodeAdmissionBelowIOPStepDown: the person does not need the hours of
	// IOP, and steps down to it from a more intensive level.
	CodeAdmissionBelowIOPStepDown iop.Code = "eligibility.admission.below-iop-step-down"
	// CodeAdmissionAboveIOP: the person needs more than IOP, short of
	// 24-hour care (partial hospitalization).
	CodeAdmissionAboveIOP iop.Code = "eligibility.admission.above-iop"
	// CodeAdmissionAboveIOPDocumented: the person needs more than IOP,
	// short of 24-hour care, and a variance with a reason places them in IOP.
	CodeAdmissionAboveIOPDocumented iop.Code = "eligibility.admission.above-iop-documented"
	// CodeAdmissionNeeds24Hour: the person needs 24-hour care.
	CodeAdmissionNeeds24Hour iop.Code = "eligibility.admission.needs-24-hour"
	// CodeAdmissionNeeds24HourDocumented: the person needs 24-hour care,
	// and a variance with a reason places them in IOP.
	CodeAdmissionNeeds24HourDocumented iop.Code = "eligibility.admission.needs-24-hour-documented"
	// CodeAdmissionPopulationNotServed: the profile has no weekly band for
	// the person's population.
	CodeAdmissionPopulationNotServed iop.Code = "eligibility.admission.population-not-served"
	// CodeAdmissionHoursBelowMinimum: the plan schedules fewer weekly hours
	// than the profile's minimum.
	CodeAdmissionHoursBelowMinimum iop.Code = "eligibility.admission.hours-below-minimum"
	// CodeAdmissionHoursAboveMaximum: the plan schedules more weekly hours
	// than the profile's maximum; the finding's Level is the level whose
	// band the hours fall in (the Above of the profile's weekly rules).
	CodeAdmissionHoursAboveMaximum iop.Code = "eligibility.admission.hours-above-maximum"
	// CodeAdmissionPatientNotMet: the assessment documents a patient
	// criterion of the profile ([PatientRules]) as not met, or contradicts
	// it (imminent danger with "not dangerous" recorded as met); Ref names
	// the criterion ([PatientCriterion]).
	CodeAdmissionPatientNotMet iop.Code = "eligibility.admission.patient-criterion-not-met"
	// CodeAdmissionPatientNotJudged: the assessment does not record a
	// patient criterion the profile requires ([Assessment.Patient]): not
	// judged, at the force of [CodeAdmissionPatientNotMet]; Ref names it.
	CodeAdmissionPatientNotJudged iop.Code = "eligibility.admission.patient-criterion-not-judged"

	// CodeStayCriteriaNotMet: the reassessment no longer recommends IOP.
	CodeStayCriteriaNotMet iop.Code = "eligibility.continued-stay.criteria-not-met"
	// CodeStayCriteriaNotMetDocumented: the reassessment no longer
	// recommends IOP, and a variance with a reason keeps the person there.
	CodeStayCriteriaNotMetDocumented iop.Code = "eligibility.continued-stay.criteria-not-met-documented"
	// CodeStayStepDown: the reassessment recommends a less intensive level
	// and the profile allows a step-down: the stay continues as a
	// step-down for the weeks the profile allows, counted from the
	// step-down ([Review.StepDown], or the reassessment when none is
	// recorded), as [Checker.CheckTransfer] says
	// ([CodeTransferStepDownAllowance]) and the weekly check applies
	// (schedule's Stay.StepDown: the same [iop.StepDown] record). Need is
	// the allowance in days, Got the days since the step-down; after it,
	// or for a record that does not step down from IOP, the criteria are
	// not met.
	CodeStayStepDown iop.Code = "eligibility.continued-stay.step-down"
	// CodeStayProgressUnrecorded: the review does not record progress.
	CodeStayProgressUnrecorded iop.Code = "eligibility.continued-stay.progress-unrecorded"
	// CodeStayNoProgress: no progress and the plan was not revised.
	CodeStayNoProgress iop.Code = "eligibility.continued-stay.no-progress"
	// CodeStayJustificationDue: the stay is longer than the profile allows
	// without a written justification, and there is none.
	CodeStayJustificationDue iop.Code = "eligibility.continued-stay.justification-due"
	// CodeStayBeyondTypical: the stay is longer than the profile's typical
	// length.
	CodeStayBeyondTypical iop.Code = "eligibility.continued-stay.beyond-typical"

	// CodeTransferImminentDanger: imminent danger: transfer to 24-hour care.
	CodeTransferImminentDanger iop.Code = "eligibility.transfer.imminent-danger"
	// CodeTransferUpIndicated: the reassessment recommends a more intensive
	// level.
	CodeTransferUpIndicated iop.Code = "eligibility.transfer.up-indicated"
	// CodeTransferUpIndicatedDocumented: the reassessment recommends a more
	// intensive level, and a variance with a reason keeps the person in IOP.
	CodeTransferUpIndicatedDocumented iop.Code = "eligibility.transfer.up-indicated-documented"
	// CodeTransferRatingsRose: dimension ratings rose since the previous
	// assessment; the figures count them ([Review.Rose] names them).
	CodeTransferRatingsRose iop.Code = "eligibility.transfer.ratings-rose"
	// CodeTransferWorsening: the clinician records the person as worsening.
	CodeTransferWorsening iop.Code = "eligibility.transfer.worsening"
	// CodeTransferDownIndicated: the reassessment recommends a less
	// intensive level.
	CodeTransferDownIndicated iop.Code = "eligibility.transfer.down-indicated"
	// CodeTransferStepDownAllowance: after the step-down, the profile allows
	// fewer weekly hours for a number of weeks; given exactly when the
	// continued-stay check gives [CodeStayStepDown], with the same figures
	// (Need the allowance in days, Got the days since the step-down).
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

// The indices of the rules in the rule table, in the order the checks
// apply them.
const (
	ruleDecisionRaisedByModifier = iota
	ruleDecisionWithdrawalMonitoring
	ruleDecisionCoOccurring

	ruleVarianceUndocumented
	ruleVarianceBelowRecommended
	ruleVarianceAboveJustified
	ruleVarianceReasonMismatch
	ruleVarianceNotNextAvailable

	ruleAdmissionPlacedElsewhere
	ruleAdmissionImminentDanger
	ruleAdmissionBelowIOP
	ruleAdmissionBelowIOPDocumented
	ruleAdmissionBelowIOPStepDown
	ruleAdmissionAboveIOP
	ruleAdmissionAboveIOPDocumented
	ruleAdmissionNeeds24Hour
	ruleAdmissionNeeds24HourDocumented
	ruleAdmissionPopulationNotServed
	ruleAdmissionHoursBelowMinimum
	ruleAdmissionHoursAboveMaximum
	ruleAdmissionPatientNotMet
	ruleAdmissionPatientNotJudged

	ruleStayCriteriaNotMet
	ruleStayCriteriaNotMetDocumented
	ruleStayStepDown
	ruleStayProgressUnrecorded
	ruleStayNoProgress
	ruleStayJustificationDue
	ruleStayBeyondTypical

	ruleTransferImminentDanger
	ruleTransferUpIndicated
	ruleTransferUpIndicatedDocumented
	ruleTransferRatingsRose
	ruleTransferWorsening
	ruleTransferDownIndicated
	ruleTransferStepDownAllowance
	ruleTransferGoalsMetRatingsHigh

	ruleDischargeImminentDanger
	ruleDischargeHigherLevelNeeded
	ruleDischargeCriteriaStillMet
	ruleDischargeNoContinuingCare
	ruleDischargeNextLevelBelow

	numRules
)

// rules is the rule table: the one place that gives each rule its default
// severity, summary and catalog citation. It is read-only after init.
var rules = [numRules]iop.Rule{
	ruleDecisionRaisedByModifier:     mk(CodeDecisionRaisedByModifier, iop.SeverityInfo, "a modifier raised the recommended level above what the dimensions need", citeRaisedByModifier()),
	ruleDecisionWithdrawalMonitoring: mk(CodeDecisionWithdrawalMonitoring, iop.SeverityInfo, "withdrawal monitoring must be provided with the level of care", citeWithdrawalInIOP()),
	ruleDecisionCoOccurring:          mk(CodeDecisionCoOccurring, iop.SeverityInfo, "co-occurring conditions: the program must be co-occurring capable", citeCoOccurring()),

	ruleVarianceUndocumented:     mk(CodeVarianceUndocumented, iop.SeverityBlocking, "a level given that differs from the recommended level needs a recorded reason", citeVariance()),
	ruleVarianceBelowRecommended: mk(CodeVarianceBelowRecommended, iop.SeverityWarning, "the level given is less intensive than the level recommended", citeVariance()),
	ruleVarianceAboveJustified:   mk(CodeVarianceAboveJustified, iop.SeverityWarning, "the level given is more intensive than any rule of the decision justifies", citeTIP47()),
	ruleVarianceReasonMismatch:   mk(CodeVarianceReasonMismatch, iop.SeverityBlocking, "a payer-authorized lower level must be less intensive than the level recommended", citeVariance()),
	ruleVarianceNotNextAvailable: mk(CodeVarianceNotNextAvailable, iop.SeverityWarning, "the recommended level is not available: give the next more intensive level, not a lower one", citeNextAvailable()),

	ruleAdmissionPlacedElsewhere:       mk(CodeAdmissionPlacedElsewhere, iop.SeverityBlocking, "admission: the decision places the person at another level", citeVariance()),
	ruleAdmissionImminentDanger:        mk(CodeAdmissionImminentDanger, iop.SeverityBlocking, "admission: imminent danger calls for 24-hour care, not the program", citeImminentDanger()),
	ruleAdmissionBelowIOP:              mk(CodeAdmissionBelowIOP, iop.SeverityBlocking, "admission: the recommended level is less intensive than the program's level", citeSAMHSAAdvisory()),
	ruleAdmissionBelowIOPDocumented:    mk(CodeAdmissionBelowIOPDocumented, iop.SeverityWarning, "admission: the recommended level is less intensive than the program's level; a documented variance places the person in the program", citeVariance()),
	ruleAdmissionBelowIOPStepDown:      mk(CodeAdmissionBelowIOPStepDown, iop.SeverityWarning, "admission: the recommended level is less intensive than the program's level; the person steps down from a more intensive level", citeSAMHSAAdvisory()),
	ruleAdmissionAboveIOP:              mk(CodeAdmissionAboveIOP, iop.SeverityBlocking, "admission: the recommended level is more intensive than the program's level", citeSAMHSAAdvisory()),
	ruleAdmissionAboveIOPDocumented:    mk(CodeAdmissionAboveIOPDocumented, iop.SeverityWarning, "admission: the recommended level is more intensive than the program's level; a documented variance places the person in the program", citeNextAvailable()),
	ruleAdmissionNeeds24Hour:           mk(CodeAdmissionNeeds24Hour, iop.SeverityBlocking, "admission: the recommended level is 24-hour care", citeSAMHSAAdvisory()),
	ruleAdmissionNeeds24HourDocumented: mk(CodeAdmissionNeeds24HourDocumented, iop.SeverityWarning, "admission: the recommended level is 24-hour care; a documented variance places the person in the program", citeNextAvailable()),
	ruleAdmissionPopulationNotServed:   mk(CodeAdmissionPopulationNotServed, iop.SeverityBlocking, "admission: the profile sets no weekly hours for the person's population", citeLibrary("a zero weekly band for a population means the program does not serve it")),
	ruleAdmissionHoursBelowMinimum:     mk(CodeAdmissionHoursBelowMinimum, iop.SeverityBlocking, "admission: the plan schedules fewer weekly hours than the minimum", citeWeeklyHours()),
	ruleAdmissionHoursAboveMaximum:     mk(CodeAdmissionHoursAboveMaximum, iop.SeverityWarning, "admission: the planned weekly hours are above the band's maximum and fall in another level's band", citeWeeklyHours()),
	ruleAdmissionPatientNotMet:         mk(CodeAdmissionPatientNotMet, iop.SeverityBlocking, "admission: the assessment documents a patient criterion as not met", citePatientCriteria()),
	ruleAdmissionPatientNotJudged:      mk(CodeAdmissionPatientNotJudged, iop.SeverityBlocking, "not judged: the assessment does not record a patient criterion", citePatientCriteria()),

	ruleStayCriteriaNotMet:           mk(CodeStayCriteriaNotMet, iop.SeverityBlocking, "continued stay: the reassessment no longer recommends IOP", citeContinuedStay()),
	ruleStayCriteriaNotMetDocumented: mk(CodeStayCriteriaNotMetDocumented, iop.SeverityWarning, "continued stay: the reassessment no longer recommends IOP; a documented variance keeps the person there", citeContinuedStay()),
	ruleStayStepDown:                 mk(CodeStayStepDown, iop.SeverityInfo, "continued stay: a step-down to a less intensive level, within the profile's allowance", citeStepDown()),
	ruleStayProgressUnrecorded:       mk(CodeStayProgressUnrecorded, iop.SeverityWarning, "continued stay: the review records no judgement of progress", citeContinuedStay()),
	ruleStayNoProgress:               mk(CodeStayNoProgress, iop.SeverityWarning, "continued stay: no progress and the plan of care was not revised", citeContinuedStay()),
	ruleStayJustificationDue:         mk(CodeStayJustificationDue, iop.SeverityBlocking, "continued stay: a written justification is due for a stay this long", citeStayLimit()),
	ruleStayBeyondTypical:            mk(CodeStayBeyondTypical, iop.SeverityInfo, "continued stay: longer than the typical stay", citeTypicalStay()),

	ruleTransferImminentDanger:        mk(CodeTransferImminentDanger, iop.SeverityBlocking, "transfer: imminent danger calls for 24-hour care now", citeImminentDanger()),
	ruleTransferUpIndicated:           mk(CodeTransferUpIndicated, iop.SeverityBlocking, "transfer: the reassessment recommends a more intensive level", citeSAMHSAAdvisory()),
	ruleTransferUpIndicatedDocumented: mk(CodeTransferUpIndicatedDocumented, iop.SeverityWarning, "transfer: the reassessment recommends a more intensive level; a documented variance keeps the person in IOP", citeNextAvailable()),
	ruleTransferRatingsRose:           mk(CodeTransferRatingsRose, iop.SeverityWarning, "transfer: dimension ratings rose since the previous assessment", citeContinuedStay()),
	ruleTransferWorsening:             mk(CodeTransferWorsening, iop.SeverityWarning, "transfer: the review records the person as worsening", citeContinuedStay()),
	ruleTransferDownIndicated:         mk(CodeTransferDownIndicated, iop.SeverityWarning, "transfer: the reassessment recommends a less intensive level: step down", citeSAMHSAAdvisory()),
	ruleTransferStepDownAllowance:     mk(CodeTransferStepDownAllowance, iop.SeverityInfo, "transfer: after the step-down, fewer than the weekly minimum hours may continue for the weeks the profile allows", citeStepDown()),
	ruleTransferGoalsMetRatingsHigh:   mk(CodeTransferGoalsMetRatingsHigh, iop.SeverityWarning, "transfer: goals recorded as met, but the ratings still recommend IOP or more", citeLibrary("consistency of the review")),

	ruleDischargeImminentDanger:    mk(CodeDischargeImminentDanger, iop.SeverityBlocking, "discharge: a person in imminent danger is transferred to 24-hour care, not discharged", citeImminentDanger()),
	ruleDischargeHigherLevelNeeded: mk(CodeDischargeHigherLevelNeeded, iop.SeverityBlocking, "discharge: the reassessment recommends a more intensive level and the person is not referred to it", citeTIP47()),
	ruleDischargeCriteriaStillMet:  mk(CodeDischargeCriteriaStillMet, iop.SeverityWarning, "discharge: planned, but the reassessment still recommends IOP", citeTIP47()),
	ruleDischargeNoContinuingCare:  mk(CodeDischargeNoContinuingCare, iop.SeverityWarning, "discharge: no continuing-care level named", citeTIP47()),
	ruleDischargeNextLevelBelow:    mk(CodeDischargeNextLevelBelow, iop.SeverityWarning, "discharge: the continuing-care level is less intensive than the level recommended", citeTIP47()),
}

// mk makes a line of the rule table.
func mk(code iop.Code, sev iop.Severity, summary string, cite iop.Citation) iop.Rule {
	return iop.Rule{Code: code, Severity: sev, Summary: summary, Cite: cite}
}

// Rules returns the package's rule table, in the order the checks apply
// the rules: each code with its default severity (a profile's
// [iop.RuleSetting] may change it or turn the rule off), what it checks and
// its general source. Each checker's Rules gives the table
// as its profile applies it.
func Rules() iop.RuleTable { return iop.NewRuleTable(rules[:]...) }
