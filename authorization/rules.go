package authorization

import "github.com/ioprules/ioprules/iop"

// The codes of the findings package authorization emits, in the order the
// checks apply them. [Rules] lists each with its default severity, what it
// checks and its general source; a profile may change the severity of
// any, or turn it off.
const (
	// CodeOutsidePeriod: service on a day (Finding.Day) that no
	// authorization of the stay covers: before the first effective day,
	// after the expiration, in a gap between two, or (claim lines) with a
	// code none covers. Subject is the patient; no figures.
	CodeOutsidePeriod iop.Code = "authorization.period.outside"
	// CodeNotCertified: service on a day (Finding.Day) covered only by an
	// authorization that certifies nothing: pended, not certified,
	// cancelled, or contact payer. Subject is the authorization's number.
	CodeNotCertified iop.Code = "authorization.action.not-certified"
	// CodeQuantityExceeded: service on a day (Finding.Day) beyond the
	// quantity authorized, counted the way its unit says. Subject is the
	// authorization's number; Need the quantity authorized, Got the use
	// through that day (days in [iop.UnitDays], visits and units in
	// [iop.UnitCount], hours in [iop.UnitMinutes]).
	CodeQuantityExceeded iop.Code = "authorization.quantity.exceeded"
	// CodeFrequencyExceeded: use in one of the authorization's weeks
	// (seven days from its effective day; Finding.Day is the week's first
	// day) above its frequency. Need is the frequency, Got the week's use.
	CodeFrequencyExceeded iop.Code = "authorization.frequency.exceeded"
	// CodeLevelBelowDelivered: the level authorized is less intensive than
	// the level the decision placed the patient at. Level is the level
	// delivered; Need its intensity, Got the authorized level's
	// ([iop.UnitIntensity]).
	CodeLevelBelowDelivered iop.Code = "authorization.level.below-delivered"
	// CodeReviewDue: the day judged is the day by which the concurrent
	// review must be asked for (Finding.Day): the payer's lead time before
	// the last covered day (the expiration, or the projected run-out day,
	// or the payer's next review day, whichever is first). Need is the
	// lead time, Got the days from the day judged to the last covered day.
	CodeReviewDue iop.Code = "authorization.review.due"
	// CodeReviewPastDue: the day the review had to be asked for
	// (Finding.Day) has passed without a request, a planned discharge or a
	// following authorization. Need is the lead time, Got the days past
	// due.
	CodeReviewPastDue iop.Code = "authorization.review.past-due"
	// CodeExpiringNoPlan: the authorization expires (Finding.Day) within
	// the notice days, and the stay has no discharge planned by then, no
	// review asked for and no following authorization. Need is the notice
	// days, Got the days left.
	CodeExpiringNoPlan iop.Code = "authorization.expiration.no-plan"
	// CodeOverlap: two authorizations of one patient cover the same
	// service on the same days, so which one a day counts against is not
	// certain. Subject is the number of the one that starts later (the
	// second given, when both start on one day); Day the first day both
	// cover, Got the days both cover.
	CodeOverlap iop.Code = "authorization.overlap"
	// CodeDecisionLate: the payer decided a request, or has not yet
	// decided one, later than its decision-time limit allows. Ref is the
	// limit applied ("standard_days", "expedited_hours"); Need the limit
	// and Got the time taken (standard: calendar days, [iop.UnitDays];
	// expedited: [iop.UnitMinutes]). Day is the day the request was
	// received.
	CodeDecisionLate iop.Code = "authorization.decision.late"
)

// The rules' indices in the table, in the order the checks apply them.
const (
	ruleOutsidePeriod = iota
	ruleNotCertified
	ruleQuantityExceeded
	ruleFrequencyExceeded
	ruleLevelBelowDelivered
	ruleReviewDue
	ruleReviewPastDue
	ruleExpiringNoPlan
	ruleOverlap
	ruleDecisionLate
	numRules
)

// The general sources of the rules. A finding of a rule the profile's
// Terms parameterise cites the Terms' own citation instead.
func cite278() iop.Citation {
	return iop.Citation{Source: "ASC X12 278 Health Care Services Review, response (005010X217): HCR, HSD, DTP",
		Edition: "005010",
		Note: "the authorization on file sets the period, quantity, frequency and level; the TR3 is licensed and was not read: " +
			"codes as published by EDI references"}
}

func citeLevel() iop.Citation {
	return iop.Citation{Source: "ioprules authorization: level authorized", Edition: "v0",
		Note: "not a payer rule as such: service at a more intensive level than authorized is not covered by the authorization"}
}

func citeReview() iop.Citation {
	return iop.Citation{Source: "the payer's utilization-review terms (profile part \"authorization\")", Edition: "v0",
		Note: "no general rule: each payer sets its concurrent-review lead time"}
}

func citeOverlap() iop.Citation {
	return iop.Citation{Source: "ioprules authorization: overlapping authorizations", Edition: "v0",
		Note: "not a payer rule: a day covered by two authorizations cannot be counted against one with certainty"}
}

// rules is the rule table: the one place that states each rule's default
// severity. Read-only once initialised.
var rules = [numRules]iop.Rule{
	ruleOutsidePeriod:       {Code: CodeOutsidePeriod, Severity: iop.SeverityBlocking, Summary: "service on a day no authorization covers", Cite: cite278()},
	ruleNotCertified:        {Code: CodeNotCertified, Severity: iop.SeverityBlocking, Summary: "service under an authorization that certifies nothing", Cite: cite278()},
	ruleQuantityExceeded:    {Code: CodeQuantityExceeded, Severity: iop.SeverityBlocking, Summary: "service beyond the quantity authorized", Cite: cite278()},
	ruleFrequencyExceeded:   {Code: CodeFrequencyExceeded, Severity: iop.SeverityBlocking, Summary: "use in a week above the frequency authorized", Cite: cite278()},
	ruleLevelBelowDelivered: {Code: CodeLevelBelowDelivered, Severity: iop.SeverityBlocking, Summary: "level authorized below the level delivered", Cite: citeLevel()},
	ruleReviewDue:           {Code: CodeReviewDue, Severity: iop.SeverityWarning, Summary: "concurrent review to be asked for by this day", Cite: citeReview()},
	ruleReviewPastDue:       {Code: CodeReviewPastDue, Severity: iop.SeverityWarning, Summary: "concurrent review not asked for by its day", Cite: citeReview()},
	ruleExpiringNoPlan:      {Code: CodeExpiringNoPlan, Severity: iop.SeverityWarning, Summary: "authorization expiring with no discharge or renewal planned", Cite: citeReview()},
	ruleOverlap:             {Code: CodeOverlap, Severity: iop.SeverityWarning, Summary: "authorizations of one patient overlapping in days and service", Cite: citeOverlap()},
	ruleDecisionLate:        {Code: CodeDecisionLate, Severity: iop.SeverityBlocking, Summary: "payer decision later than its time limit", Cite: CMS0057F().DecisionCite},
}
