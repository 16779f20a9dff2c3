package schedule

import (
	"github.com/ioprules/ioprules/iop"
)

// The codes of the findings package schedule emits, in the order the
// checks apply them. [Rules] lists each with its default severity, what it
// checks and its general source; a profile may change the severity of any,
// or turn it off ([iop.Profile.Rules]).
const (
	// CodeSessionDuplicate: sessions that repeat another of the week (the
	// same session ID, or the same date, start and kind; claim lines: the
	// same claim and line) were counted once. Subject is the record ID of
	// the first session not counted (the patient's when it has none);
	// Need is 0, Got the minutes not counted ([WeekSummary.Duplicates]).
	CodeSessionDuplicate iop.Code = "schedule.session.duplicate"
	// CodeSessionOverlap: sessions of one patient overlap in time on a
	// day; the time overlapped was counted once, and a session that added
	// no time is no service. Subject is the record ID of the first session
	// not counted in full (the patient's when it has none); Need is 0, Got
	// the minutes not counted ([WeekSummary.Overlaps]).
	CodeSessionOverlap iop.Code = "schedule.session.overlap"
	// CodeServiceOutsideEpisode: service time on days before admission or
	// after discharge; it was not counted. Need is the week's counted time
	// with it, Got without it.
	CodeServiceOutsideEpisode iop.Code = "schedule.episode.service-outside"
	// CodePopulationNotServed: the profile sets weekly hours but none for
	// the patient's population.
	CodePopulationNotServed iop.Code = "schedule.population.not-served"
	// CodePartialWeek: a partial first or last week of the episode was held
	// to an adjusted minimum, as the profile's partial-week rule says. Need
	// is the adjusted minimum, in minutes or in service days.
	CodePartialWeek iop.Code = "schedule.partial-week.adjusted"
	// CodePartialWeekNotJudged: the week holds an admission that was
	// assumed ([Stay.AdmissionAssumed]), so whether it is a partial
	// first week, and its minimum, are not known: the weekly minimum is not
	// judged, at the force of the rule it could not apply
	// ([CodeWeeklyBelowMinimum]). Ref names what is missing ("admission");
	// Got is the counted time.
	CodePartialWeekNotJudged iop.Code = "schedule.partial-week.not-judged"
	// CodeWeeklyBelowMinimum: the counted minutes of the week are below the
	// weekly minimum.
	CodeWeeklyBelowMinimum iop.Code = "schedule.weekly-minutes.below-minimum"
	// CodeStepDownAllowance: the week is below a weekly minimum (minutes or
	// service days) but falls in the step-down allowance, so the minimum is
	// not applied.
	CodeStepDownAllowance iop.Code = "schedule.step-down.allowance"
	// CodeWeeklyAboveMaximum: the counted minutes of the week are above the
	// top of the band, where a more intensive level applies.
	CodeWeeklyAboveMaximum iop.Code = "schedule.weekly-minutes.above-maximum"
	// CodeShortDay: a day (Finding.Day) with counted service below the
	// minutes a service day needs; it is not a service day.
	CodeShortDay iop.Code = "schedule.day-minutes.below-minimum"
	// CodeTooFewDays: fewer service days in the week than the profile
	// needs.
	CodeTooFewDays iop.Code = "schedule.service-days.too-few"
	// CodeBelowTier: a day (Finding.Day) with countable services, but fewer
	// than the lowest payment tier needs; it is not paid as a program day.
	// Ref says what the day gets instead in the episode's setting
	// ([DayPay]: "individual", "unpaid", ...; "not-judged" when no setting
	// is given), and the force is the setting's
	// ([ServiceTierRules.ShortDays]): it concerns that day only.
	CodeBelowTier iop.Code = "schedule.day-services.below-tier"
	// CodeUncountedTime: time attended in sessions that do not count toward
	// the program's hours. Got is the time not counted (no Need: the rule
	// has no threshold).
	CodeUncountedTime iop.Code = "schedule.weekly-minutes.uncounted"
	// CodeMissedTime: planned time of countable sessions that was not
	// attended: absences, excused absences, late arrivals and early leaves
	// (the counts are in the [WeekSummary]). Need is the planned time of
	// the week's countable sessions, Got the time attended.
	CodeMissedTime iop.Code = "schedule.attendance.missed"
	// CodeCertificationMissing: a day of service (Finding.Day) under no
	// current certification: one finding a day, holding that day only.
	CodeCertificationMissing iop.Code = "schedule.certification.missing"
	// CodeCertificationDue: a certification or recertification falls due
	// on a day of the week (Finding.Day) and was not signed by then. Need is
	// the number of certifications due by that day, Got those signed.
	CodeCertificationDue iop.Code = "schedule.certification.due"
	// CodePlanReviewOverdue: days of service after the plan of care was due
	// for review. Day is the latest such day; Got the days since the last
	// review.
	CodePlanReviewOverdue iop.Code = "schedule.plan-review.overdue"
	// CodeClaimCodeExcluded: claim lines with a code that must not be
	// reported on a program claim (Medicare: CPT 90853, reported as G0410).
	// Subject is the claim; Ref the first such code (from the profile);
	// Day its date of service; Got the number of such lines.
	CodeClaimCodeExcluded iop.Code = "schedule.claim.code-excluded"
	// CodeClaimOtherProgram: a claim (Subject) of the other Medicare
	// program than the profile's, by its condition code (Ref): under IOP
	// rules (condition code 92) a claim carrying 41 (PHP) and not 92,
	// under PHP rules (41) one carrying 92 and not 41. It is not judged
	// under this profile (no other claim finding is given for it, and its
	// lines count nothing toward the week); judge it under the other
	// program's profile. An IOP claim overlapping a PHP claim is a
	// finding of its own ([CodeClaimIOPPHPOverlap]). Day is the claim's
	// first line's date.
	CodeClaimOtherProgram iop.Code = "schedule.claim.other-program"
	// CodeClaimCodeNotProgram: lines of a program claim whose code is no
	// program service under the profile; they count nothing. Got is their
	// number, Day the first one's date.
	CodeClaimCodeNotProgram iop.Code = "schedule.claim.code-not-program"
	// CodeClaimRevenueCode: program lines with a revenue code the profile
	// does not allow with the program (H0015 with 0906). Got is their
	// number, Day the first one's date.
	CodeClaimRevenueCode iop.Code = "schedule.claim.revenue-code"
	// CodeClaimConditionMissing: a program claim without the condition
	// code the program needs (Medicare IOP 92, PHP 41); Ref is the code.
	CodeClaimConditionMissing iop.Code = "schedule.claim.condition-code-missing"
	// CodeClaimBillType: a program claim whose type of bill is missing or
	// not one the program may be billed on (Medicare IOP: 13x, 76x, 85x,
	// 71x, 77x).
	CodeClaimBillType iop.Code = "schedule.claim.bill-type"
	// CodeClaimReplaced: the lines of a claim (Subject) on the days a
	// replacement (type of bill frequency 7) covers were superseded by it
	// (Ref) and count nothing; Day is the claim's first day.
	CodeClaimReplaced iop.Code = "schedule.claim.replaced"
	// CodeClaimVoided: the lines of a claim (Subject) were removed by a
	// void (frequency 8; Ref) and count nothing, nor do the void's.
	CodeClaimVoided iop.Code = "schedule.claim.voided"
	// CodeClaimReplacesUnknown: a replacement or void (Subject) names a
	// claim (Ref, [ClaimLine.Replaces]: in an 837I the payer's claim
	// control number, REF*F8) that is not in the input, and no earlier
	// claim of its own ID either: nothing was superseded, so the claim
	// it replaces, if it is in the input under another ID, counts beside
	// it.
	CodeClaimReplacesUnknown iop.Code = "schedule.claim.replaces-unknown"
	// CodeClaimLineRepeated: a line (Subject, Line) repeats another
	// (Ref, "claim#line") exactly: the same patient, day (Day), code,
	// modifiers and units, on another claim or line number that does not
	// replace it. Both count unless the profile counts repeats once
	// ([ClaimRules.RepeatsOnce]): no source makes them one service, and a
	// repeated service is marked with modifiers (59, 76, XE/XS/XP/XU).
	CodeClaimLineRepeated iop.Code = "schedule.claim.line-repeated"
	// CodeClaimIOPPHPOverlap: an IOP claim (condition code 92; Subject)
	// whose days overlap a PHP claim (41; Ref) of the same patient: the
	// contractor returns it (MM13222). Day is the first day they share.
	CodeClaimIOPPHPOverlap iop.Code = "schedule.claim.iop-php-overlap"
	// CodeClaimBillTypeContested: a program claim (Subject) on a type of
	// bill (Ref) that one source allows and others do not
	// ([ClaimRules.ContestedBillTypes]: Medicare IOP on 12x).
	CodeClaimBillTypeContested iop.Code = "schedule.claim.bill-type-contested"
	// CodeWeeklyAddOnBelow: a week with fewer services than the weekly
	// add-on needs in the episode's setting ([ServiceTierRules.AddOn]: an
	// OTP bills G0137, Ref, for a week of at least 9 services): the
	// add-on is not billable for the week. Need and Got are services.
	CodeWeeklyAddOnBelow iop.Code = "schedule.weekly-services.below-add-on"
	// CodeCertContentNotJudged: a day of service under a certification
	// whose content is not recorded ([Certifications.Content]), under a
	// profile that says what a certification must state: not judged, at
	// the force of [CodeCertContentMissing]. Ref is "content"; one finding
	// a day, holding that day only.
	CodeCertContentNotJudged iop.Code = "schedule.certification.content-not-judged"
	// CodeCertContentMissing: a day of service under a certification (or
	// recertification) that does not state what the profile's
	// [CertificationContentRules] require: Ref names the missing
	// statement ([CertStatement]), one finding a day and statement.
	CodeCertContentMissing iop.Code = "schedule.certification.content-missing"
	// CodePlanNotJudged: the week has days of service and no plan of care
	// is recorded ([Certifications.Plan]), under a profile that says what
	// the plan must set forth: not judged, at the force of the plan rules;
	// Ref is "plan". It concerns the week.
	CodePlanNotJudged iop.Code = "schedule.plan.not-judged"
	// CodePlanElementMissing: the plan of care does not set forth an
	// element the profile's [PlanRules] require; Ref names it
	// ([PlanElement]). It concerns the week.
	CodePlanElementMissing iop.Code = "schedule.plan.element-missing"
	// CodePlanAuthor: the plan of care was established by someone the
	// profile does not allow (Ref, a [PlanAuthor]). It concerns the week.
	CodePlanAuthor iop.Code = "schedule.plan.author"
	// CodePlanAfterService: a day of service (Day) before the plan of care
	// was established: the services of that day were not furnished under
	// it.
	CodePlanAfterService iop.Code = "schedule.plan.after-service"
	// CodeClaimSettingRevenue: program lines of a claim of a provider
	// setting ([ClaimRules.Settings]: an RHC's or FQHC's IOP claim) without
	// the setting's revenue code (Ref; Medicare: 0905). Got is their
	// number, Day the first one's date.
	CodeClaimSettingRevenue iop.Code = "schedule.claim.setting-revenue-code"
	// CodeClaimDayModifierMissing: a day of service (Day) of a setting's
	// claim on which no program line carries the setting's modifier (Ref;
	// an RHC's CG on the line paid): that day only.
	CodeClaimDayModifierMissing iop.Code = "schedule.claim.day-modifier-missing"
	// CodeClaimDayCodeMissing: a day of service (Day) of a setting's claim
	// with none of the codes a day needs ([SettingClaims.DayCodes]: the
	// RHC/FQHC List A): that day is not paid as a program day.
	CodeClaimDayCodeMissing iop.Code = "schedule.claim.day-code-missing"
)

// The rules' indices in the table, in the order the checks apply them.
const (
	ruleSessionDuplicate = iota
	ruleSessionOverlap
	ruleServiceOutsideEpisode
	rulePopulationNotServed
	rulePartialWeek
	rulePartialWeekNotJudged
	ruleWeeklyBelowMinimum
	ruleStepDownAllowance
	ruleWeeklyAboveMaximum
	ruleShortDay
	ruleTooFewDays
	ruleBelowTier
	ruleUncountedTime
	ruleMissedTime
	ruleCertificationMissing
	ruleCertificationDue
	rulePlanReviewOverdue
	ruleClaimOtherProgram
	ruleClaimCodeExcluded
	ruleClaimCodeNotProgram
	ruleClaimRevenueCode
	ruleClaimConditionMissing
	ruleClaimBillType
	ruleClaimReplaced
	ruleClaimVoided
	ruleClaimReplacesUnknown
	ruleClaimLineRepeated
	ruleClaimIOPPHPOverlap
	ruleClaimBillTypeContested
	ruleWeeklyAddOnBelow
	ruleCertContentNotJudged
	ruleCertContentMissing
	rulePlanNotJudged
	rulePlanElementMissing
	rulePlanAuthor
	rulePlanAfterService
	ruleClaimSettingRevenue
	ruleClaimDayModifierMissing
	ruleClaimDayCodeMissing
)

// The general sources of the rules. A checker's rule table cites the
// profile's own rule group instead when the profile has one.
func citeEpisode() iop.Citation {
	return iop.Citation{Source: "ioprules schedule: service dates", Edition: "v0",
		Note: "not a payer rule: service outside the episode cannot be billed under it"}
}

func citeWeekly() iop.Citation {
	return iop.Citation{Source: "42 CFR 410.44(c) (IOP, 9 hours); 42 CFR 410.43(c)(1) (PHP, 20 hours); ASAM Criteria level 2.1 bands",
		Edition: "CY2024 OPPS/PFS final rules; ASAM 3rd ed. (2013)"}
}

func citePartial() iop.Citation {
	return iop.Citation{Source: "ioprules schedule: partial weeks", Edition: "v0",
		Note: "no federal rule says how a partial week counts; the profile decides"}
}

func citeStepDown() iop.Citation {
	return iop.Citation{Source: "state Medicaid manuals (step-down from level 2.1)",
		Note: "unconfirmed as a general rule"}
}

func citeDaily() iop.Citation {
	return iop.Citation{Source: "HCPCS H0015 (3 hours a day, 3 days a week); NY Medicaid S9480",
		Edition: "as state Medicaid manuals apply them"}
}

func citeTiers() iop.Citation {
	return iop.Citation{Source: "CY2024 OPPS final rule: IOP and PHP per diem in two tiers (3 services, 4 or more)",
		Edition: "88 FR 81540 (2023-11-22)"}
}

func citeCounting() iop.Citation {
	return iop.Citation{Source: "42 CFR 410.43(a)(4); 42 CFR 410.44",
		Edition: "CY2024 OPPS/PFS final rules, effective 2024-01-01"}
}

func citeCert() iop.Citation {
	return iop.Citation{Source: "42 CFR 424.24(d) (IOP), 424.24(e) (PHP)",
		Edition: "CY2024 PFS final rule"}
}

func citeCertContent() iop.Citation {
	return iop.Citation{Source: "42 CFR 424.24(b) (Part B pays only when a physician certifies the content of (d)(1) or (e)(1)); 424.24(d)(1), (d)(3) (IOP), (e)(1), (e)(3) (PHP)",
		Edition: "as amended by the CY2024 OPPS/PFS final rules",
		Note:    "(a)-(c) read in stored copies of the regulation; the statements of (d) and (e) read from Medicare contractors' summaries (NGS IOP page, Noridian PHP page), the paragraphs themselves not read; a profile's certification content cites its own source"}
}

func citePlan() iop.Citation {
	return iop.Citation{Source: "42 CFR 424.24(d)(2), (e)(2) (the plan of care: established and periodically reviewed by a physician; diagnosis, type, amount, frequency and duration of services, treatment goals); 410.43(a)(3), 410.44(a)(3) (services furnished under the certification and plan)",
		Edition: "as amended by the CY2024 OPPS/PFS final rules",
		Note:    "410.43(a)(3) read (eCFR copy verified 2026-06-20); the plan's elements as 410.61(c) words them for therapy plans (read) and as contractors summarise (d)(2)/(e)(2), which were not read themselves; a profile's plan rules cite their own source"}
}

func citeInput() iop.Citation {
	return iop.Citation{Source: "ioprules schedule: counting", Edition: "v1",
		Note: "not a payer rule: a service furnished once is billed once, and a patient attends one service at a time"}
}

func citeClaims() iop.Citation {
	return iop.Citation{Source: "Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260.1; CR 13222 (MLN Matters MM13222, 2023-12-20)",
		Title:   "Special Partial Hospitalization and Intensive Outpatient Billing Requirements",
		Edition: "as amended for IOP from 2024-01-01",
		URL:     "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c04.pdf",
		Note:    "secondary: read from Medicare contractors' pages quoting the manual; a checker's rule table cites the profile's own claim rules when it has them"}
}

func citeAddOn() iop.Citation {
	return iop.Citation{Source: "HCPCS G0137 (OTP intensive outpatient services, weekly add-on, from 2024-01-01); NGS, Coding and Billing for OTP Services",
		URL:  "https://ngsmedicare.com/web/ngs/opiod-treatment?selectedArticleId=2251313",
		Note: "secondary (a Medicare contractor): billed once a week when at least 9 services were furnished; an OTP's week is 7 contiguous days (42 CFR 410.67(b), RULES.md §2)"}
}

func citeFinal() iop.Citation {
	return iop.Citation{Source: "NUBC type of bill frequency codes (7 replacement of a prior claim, 8 void or cancel of a prior claim)",
		Note: "the final claim is the one to judge (RULES.md §2); a biller's export keeps the claim's own ID across resubmissions, or names the claim replaced (837I REF*F8)"}
}

func citeRepeat() iop.Citation {
	return iop.Citation{Source: "ioprules schedule: claims", Edition: "v1",
		Note: "no source says two lines of the same code on one day are one service (RULES.md §2): a possible duplicate, reported with both lines; Medicare marks a repeated service with modifiers 59, 76, XE/XS/XP/XU"}
}

func citeOverlap9241() iop.Citation {
	return iop.Citation{Source: "CR 13222 (MLN Matters MM13222): an IOP claim (condition code 92) overlapping a PHP claim (41) is returned",
		URL:  "https://nahri.org/articles/cms-releases-billing-requirements-new-condition-code-92",
		Note: "secondary: as summarised by NAHRI; MM13222 itself was not read"}
}

// rules is the rule table: the one place that states each rule's default
// severity. Read-only once initialised.
var rules = [...]iop.Rule{
	ruleSessionDuplicate:        {Code: CodeSessionDuplicate, Scope: iop.FindingScopeSession, Severity: iop.SeverityWarning, Summary: "sessions repeated in the records were counted once; time not counted", Cite: citeInput()},
	ruleSessionOverlap:          {Code: CodeSessionOverlap, Scope: iop.FindingScopeSession, Severity: iop.SeverityWarning, Summary: "sessions overlapping in time were counted once; time not counted", Cite: citeInput()},
	ruleServiceOutsideEpisode:   {Code: CodeServiceOutsideEpisode, Scope: iop.FindingScopeWeek, Severity: iop.SeverityWarning, Summary: "service time not all within the episode; the rest was not counted", Cite: citeEpisode()},
	rulePopulationNotServed:     {Code: CodePopulationNotServed, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "the profile sets no weekly hours for the patient's population", Cite: citeWeekly()},
	rulePartialWeek:             {Code: CodePartialWeek, Scope: iop.FindingScopeWeek, Severity: iop.SeverityInfo, Summary: "a partial first or last week of the episode, held to an adjusted minimum", Cite: citePartial()},
	rulePartialWeekNotJudged:    {Code: CodePartialWeekNotJudged, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "not judged: a first week whose admission was assumed", Cite: citePartial()},
	ruleWeeklyBelowMinimum:      {Code: CodeWeeklyBelowMinimum, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "counted service time below the weekly minimum", Cite: citeWeekly()},
	ruleStepDownAllowance:       {Code: CodeStepDownAllowance, Scope: iop.FindingScopeWeek, Severity: iop.SeverityInfo, Summary: "below a weekly minimum within the step-down allowance", Cite: citeStepDown()},
	ruleWeeklyAboveMaximum:      {Code: CodeWeeklyAboveMaximum, Scope: iop.FindingScopeWeek, Severity: iop.SeverityWarning, Summary: "counted service time above the top of the weekly band", Cite: citeWeekly()},
	ruleShortDay:                {Code: CodeShortDay, Scope: iop.FindingScopeDay, Severity: iop.SeverityWarning, Summary: "too little counted time for a service day", Cite: citeDaily()},
	ruleTooFewDays:              {Code: CodeTooFewDays, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "too few service days in the week", Cite: citeDaily()},
	ruleBelowTier:               {Code: CodeBelowTier, Scope: iop.FindingScopeDay, Severity: iop.SeverityWarning, Summary: "too few countable services for a paid program day", Cite: citeTiers()},
	ruleUncountedTime:           {Code: CodeUncountedTime, Scope: iop.FindingScopeWeek, Severity: iop.SeverityInfo, Summary: "time attended in sessions that do not count toward the hours, not counted", Cite: citeCounting()},
	ruleMissedTime:              {Code: CodeMissedTime, Scope: iop.FindingScopeWeek, Severity: iop.SeverityInfo, Summary: "planned time of countable sessions not all attended", Cite: citeCounting()},
	ruleCertificationMissing:    {Code: CodeCertificationMissing, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "a day of service under no current certification", Cite: citeCert()},
	ruleCertificationDue:        {Code: CodeCertificationDue, Scope: iop.FindingScopeDay, Severity: iop.SeverityInfo, Summary: "a certification falls due in the week, not signed by then", Cite: citeCert()},
	rulePlanReviewOverdue:       {Code: CodePlanReviewOverdue, Scope: iop.FindingScopeDay, Severity: iop.SeverityWarning, Summary: "days of service after the plan of care was due for review", Cite: citeCert()},
	ruleClaimOtherProgram:       {Code: CodeClaimOtherProgram, Scope: iop.FindingScopeClaim, Severity: iop.SeverityInfo, Summary: "a claim of the other program (its condition code), not judged under this profile", Cite: citeClaims()},
	ruleClaimCodeExcluded:       {Code: CodeClaimCodeExcluded, Scope: iop.FindingScopeClaim, Severity: iop.SeverityBlocking, Summary: "claim lines with a code not to be reported on a program claim", Cite: citeClaims()},
	ruleClaimCodeNotProgram:     {Code: CodeClaimCodeNotProgram, Scope: iop.FindingScopeClaim, Severity: iop.SeverityWarning, Summary: "claim lines with a code that is no program service", Cite: citeClaims()},
	ruleClaimRevenueCode:        {Code: CodeClaimRevenueCode, Scope: iop.FindingScopeClaim, Severity: iop.SeverityWarning, Summary: "program lines with a revenue code the program does not use", Cite: citeClaims()},
	ruleClaimConditionMissing:   {Code: CodeClaimConditionMissing, Scope: iop.FindingScopeClaim, Severity: iop.SeverityBlocking, Summary: "a program claim without the program's condition code", Cite: citeClaims()},
	ruleClaimBillType:           {Code: CodeClaimBillType, Scope: iop.FindingScopeClaim, Severity: iop.SeverityBlocking, Summary: "a program claim without a type of bill the program allows", Cite: citeClaims()},
	ruleClaimReplaced:           {Code: CodeClaimReplaced, Scope: iop.FindingScopeClaim, Severity: iop.SeverityInfo, Summary: "claim lines superseded by a replacement claim", Cite: citeFinal()},
	ruleClaimVoided:             {Code: CodeClaimVoided, Scope: iop.FindingScopeClaim, Severity: iop.SeverityInfo, Summary: "claim lines removed by a void", Cite: citeFinal()},
	ruleClaimReplacesUnknown:    {Code: CodeClaimReplacesUnknown, Scope: iop.FindingScopeClaim, Severity: iop.SeverityWarning, Summary: "a replacement or void names a claim not in the input", Cite: citeFinal()},
	ruleClaimLineRepeated:       {Code: CodeClaimLineRepeated, Scope: iop.FindingScopeLine, Severity: iop.SeverityWarning, Summary: "a claim line repeats another exactly (a possible duplicate)", Cite: citeRepeat()},
	ruleClaimIOPPHPOverlap:      {Code: CodeClaimIOPPHPOverlap, Scope: iop.FindingScopeClaim, Severity: iop.SeverityBlocking, Summary: "an IOP claim overlapping a PHP claim of the patient", Cite: citeOverlap9241()},
	ruleClaimBillTypeContested:  {Code: CodeClaimBillTypeContested, Scope: iop.FindingScopeClaim, Severity: iop.SeverityWarning, Summary: "a program claim on a type of bill not all sources allow", Cite: citeClaims()},
	ruleWeeklyAddOnBelow:        {Code: CodeWeeklyAddOnBelow, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "too few services in the week for the weekly add-on", Cite: citeAddOn()},
	ruleCertContentNotJudged:    {Code: CodeCertContentNotJudged, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "not judged: a day of service under a certification whose content is not recorded", Cite: citeCertContent()},
	ruleCertContentMissing:      {Code: CodeCertContentMissing, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "a day of service under a certification that does not state what the rule requires", Cite: citeCertContent()},
	rulePlanNotJudged:           {Code: CodePlanNotJudged, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "not judged: no plan of care recorded", Cite: citePlan()},
	rulePlanElementMissing:      {Code: CodePlanElementMissing, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "the plan of care does not set forth what the rule requires", Cite: citePlan()},
	rulePlanAuthor:              {Code: CodePlanAuthor, Scope: iop.FindingScopeWeek, Severity: iop.SeverityBlocking, Summary: "the plan of care was established by someone the rule does not allow", Cite: citePlan()},
	rulePlanAfterService:        {Code: CodePlanAfterService, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "a day of service before the plan of care was established", Cite: citePlan()},
	ruleClaimSettingRevenue:     {Code: CodeClaimSettingRevenue, Scope: iop.FindingScopeClaim, Severity: iop.SeverityBlocking, Summary: "program lines of the setting's claim without the setting's revenue code", Cite: citeClinic()},
	ruleClaimDayModifierMissing: {Code: CodeClaimDayModifierMissing, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "a day of service without the setting's modifier on a program line", Cite: citeClinic()},
	ruleClaimDayCodeMissing:     {Code: CodeClaimDayCodeMissing, Scope: iop.FindingScopeDay, Severity: iop.SeverityBlocking, Summary: "a day of service without a code the setting's day needs", Cite: citeClinic()},
}

// citeClinic is the source of the RHC and FQHC IOP claim rules.
func citeClinic() iop.Citation {
	return iop.Citation{Source: "CY2024 Physician Fee Schedule final rule (RHC/FQHC intensive outpatient services); CMS billing instructions as summarised by NAHRI",
		Title:   "CMS releases IOP requirements for FQHCs and RHCs",
		Edition: "effective 2024-01-01",
		URL:     "https://nahri.org/articles/cms-releases-iop-requirements-fqhcs-and-rhcs",
		Note:    "secondary (a trade summary of CMS's transmittal): condition code 92 and revenue code 0905 on IOP claims; at least one List A service on the claim for the day, List B services bundled into it; an RHC reports modifier CG on the line paid; paid at the hospital 3-service per diem (CY2024 $259.13), an FQHC the lesser of its charges and that amount. The transmittal and its List A/List B codes were not read"}
}

// Rules returns the package's rule table, in the order the checks apply
// the rules: each code with its default severity, what it checks and its
// general source. [Checker.Rules] gives the table as a profile applies it.
func Rules() iop.RuleTable { return iop.NewRuleTable(rules[:]...) }
