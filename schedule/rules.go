package schedule

import "github.com/ioprules/ioprules/iop"

// The codes of the findings package schedule emits, in the order the
// checks apply them. Each is listed by [Rules] with its default severity.
const (
	// CodeSessionInvalid: sessions of the week failed [Session.Validate]
	// and were not counted (blocking).
	CodeSessionInvalid iop.Code = "schedule.session.invalid"
	// CodeServiceOutsideEpisode: service time on days before admission or
	// after discharge; it was not counted (warning).
	CodeServiceOutsideEpisode iop.Code = "schedule.episode.service-outside"
	// CodePopulationNotServed: the profile sets weekly hours but none for
	// the patient's population (blocking).
	CodePopulationNotServed iop.Code = "schedule.population.not-served"
	// CodePartialWeek: a partial first or last week of the episode was held
	// to an adjusted minimum, as the profile's partial-week rule says
	// (info).
	CodePartialWeek iop.Code = "schedule.partial-week.adjusted"
	// CodeWeeklyBelowMinimum: the counted minutes of the week are below the
	// weekly minimum (blocking).
	CodeWeeklyBelowMinimum iop.Code = "schedule.weekly-minutes.below-minimum"
	// CodeStepDownAllowance: the week is below a weekly minimum but falls
	// in the step-down allowance, so the minimum is not applied (info).
	CodeStepDownAllowance iop.Code = "schedule.step-down.allowance"
	// CodeWeeklyAboveMaximum: the counted minutes of the week are above the
	// top of the band, where a more intensive level applies (warning).
	CodeWeeklyAboveMaximum iop.Code = "schedule.weekly-minutes.above-maximum"
	// CodeShortDay: a day with counted service below the minutes a service
	// day needs; it is not a service day (warning).
	CodeShortDay iop.Code = "schedule.day-minutes.below-minimum"
	// CodeTooFewDays: fewer service days in the week than the profile
	// needs (blocking).
	CodeTooFewDays iop.Code = "schedule.service-days.too-few"
	// CodeBelowTier: a day with countable services, but fewer than the
	// lowest payment tier needs; it is not paid as a program day (warning).
	CodeBelowTier iop.Code = "schedule.day-services.below-tier"
	// CodeUncountedTime: time attended in sessions that do not count toward
	// the program's hours (info).
	CodeUncountedTime iop.Code = "schedule.weekly-minutes.uncounted"
	// CodeMissedTime: planned time of countable sessions that was not
	// attended: absences, excused absences, late arrivals and early leaves
	// (info).
	CodeMissedTime iop.Code = "schedule.attendance.missed"
	// CodeCertificationMissing: days of service in the week fall under no
	// current certification (blocking).
	CodeCertificationMissing iop.Code = "schedule.certification.missing"
	// CodeCertificationDue: a certification or recertification falls due
	// within the week and was not signed by then (info).
	CodeCertificationDue iop.Code = "schedule.certification.due"
	// CodePlanReviewOverdue: days of service after the plan of care was due
	// for review (warning).
	CodePlanReviewOverdue iop.Code = "schedule.plan-review.overdue"
)

// citeValidation is the citation of the checks that are this library's own
// (a session must be well formed and fall in its episode).
func citeValidation() iop.Citation {
	return iop.Citation{Source: "ioprules schedule: session validation", Edition: "v0",
		Note: "not a payer rule: a session that is malformed, or outside the episode, cannot be counted"}
}

// Rules returns the catalog of the codes package schedule can emit, with the
// severity each is reported with, what it checks and the source of the rule
// it applies (a finding cites the profile's own citation), in the order the
// checks apply them. Each call returns a new slice.
func Rules() []iop.RuleInfo {
	weekly := iop.Citation{Source: "42 CFR 410.44(c); 42 CFR 410.43(c)(1); ASAM 3rd ed. level 2.1 bands as payers quote them", Edition: "per profile: Weekly"}
	daily := iop.Citation{Source: "HCPCS H0015; NY Medicaid S9480", Edition: "per profile: Daily"}
	partial := iop.Citation{Source: "profile: PartialWeeks", Edition: "per profile", Note: "no federal rule says how a partial week counts"}
	cert := iop.Citation{Source: "42 CFR 424.24(d) (IOP), 424.24(e) (PHP)", Edition: "per profile: Certification"}
	return []iop.RuleInfo{
		{Code: CodeSessionInvalid, Severity: iop.Blocking, Summary: "a session failed validation and was not counted", Cite: citeValidation()},
		{Code: CodeServiceOutsideEpisode, Severity: iop.Warning, Summary: "service time outside the episode was not counted", Cite: citeValidation()},
		{Code: CodePopulationNotServed, Severity: iop.Blocking, Summary: "the profile sets no weekly hours for the patient's population", Cite: weekly},
		{Code: CodePartialWeek, Severity: iop.Info, Summary: "a partial first or last week was held to an adjusted minimum", Cite: partial},
		{Code: CodeWeeklyBelowMinimum, Severity: iop.Blocking, Summary: "counted minutes of the week below the weekly minimum", Cite: weekly},
		{Code: CodeStepDownAllowance, Severity: iop.Info, Summary: "below a weekly minimum within the step-down allowance", Cite: iop.Citation{Source: "state Medicaid manuals (step-down from 2.1)", Edition: "per profile: StepDown", Note: "unconfirmed as a general rule"}},
		{Code: CodeWeeklyAboveMaximum, Severity: iop.Warning, Summary: "counted minutes of the week above the top of the band", Cite: weekly},
		{Code: CodeShortDay, Severity: iop.Warning, Summary: "a day below the minutes a service day needs", Cite: daily},
		{Code: CodeTooFewDays, Severity: iop.Blocking, Summary: "fewer service days in the week than the profile needs", Cite: daily},
		{Code: CodeBelowTier, Severity: iop.Warning, Summary: "a day with fewer countable services than the lowest payment tier", Cite: iop.Citation{Source: "CY2024 OPPS final rule, IOP/PHP per diem tiers (3 services, 4 or more)", Edition: "per profile: ServiceTiers"}},
		{Code: CodeUncountedTime, Severity: iop.Info, Summary: "time attended in sessions that do not count toward the hours", Cite: DefaultCounting().Cite},
		{Code: CodeMissedTime, Severity: iop.Info, Summary: "planned time of countable sessions not attended", Cite: DefaultCounting().Cite},
		{Code: CodeCertificationMissing, Severity: iop.Blocking, Summary: "days of service under no current certification", Cite: cert},
		{Code: CodeCertificationDue, Severity: iop.Info, Summary: "a certification falls due within the week, not signed by then", Cite: cert},
		{Code: CodePlanReviewOverdue, Severity: iop.Warning, Summary: "days of service after the plan of care was due for review", Cite: cert},
	}
}
