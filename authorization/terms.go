package authorization

import (
	"fmt"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Terms are a payer's utilization-review terms, the part of a profile
// ([iop.Part]) that package authorization reads: in a profile's JSON the
// member "authorization": {"lead_days": 3, ...}; in Go,
// p.WithPart(terms). They say how
// long before an authorization runs out its concurrent review must be
// asked for, how the recent rate of use is measured, when an expiring
// stay must have a discharge or a renewal planned, and how fast the payer
// must decide a request. Each group is applied only when it is set, and a
// group that is set must carry its citation. A [Checker] whose profile
// has no Terms applies none of these rules: only the rules the
// authorization itself sets (its period, decision, quantity, frequency and
// level).
//
// Terms is a comparable value, safe for concurrent use.
type Terms struct {
	// LeadDays is how many days before the last covered day (the
	// expiration, or the day the quantity is projected to run out, if
	// earlier) the concurrent review must be asked for. Zero: the review
	// rules are not applied.
	LeadDays int `json:"lead_days,omitzero"`
	// RateWeeks is how many weeks, up to the day judged, set the recent
	// rate of use that projects the run-out day. Zero means 2.
	RateWeeks int `json:"rate_weeks,omitzero"`
	// NoticeDays is how many days before its expiration an authorization
	// must have a discharge, a review request or a following
	// authorization; zero: not checked.
	NoticeDays int          `json:"notice_days,omitzero"`
	ReviewCite iop.Citation `json:"review_cite,omitzero"`

	// StandardDays and ExpeditedHours are the longest a payer may take to
	// decide a standard request (calendar days, from the day received) and
	// an expedited one (hours, from the instant received); zero: not
	// checked. DecisionsFrom is the first day of receipt the limits apply
	// to.
	StandardDays   int          `json:"standard_days,omitzero"`
	ExpeditedHours int          `json:"expedited_hours,omitzero"`
	DecisionsFrom  date.Date    `json:"decisions_from,omitzero"`
	DecisionCite   iop.Citation `json:"decision_cite,omitzero"`
}

// defaultRateWeeks is the rate window when RateWeeks is zero: two weeks,
// long enough to smooth a missed day, short enough to follow a step-down.
// A program's choice, not a payer's rule.
const defaultRateWeeks = 2

// maxTermDays bounds the day counts of Terms: a year.
const maxTermDays = 366

// CMS0057F returns the decision-time limits of the CMS Interoperability
// and Prior Authorization final rule (CMS-0057-F, 89 FR 8758, 2024-02-08)
// for impacted payers: Medicare Advantage organizations, state Medicaid
// and CHIP fee-for-service programs, Medicaid managed care plans and CHIP
// managed care entities (QHP issuers on the federal exchanges are not
// held to these limits). From 2026-01-01 they decide a standard request
// within 7 calendar days and an expedited one within 72 hours. It sets no
// review lead time: that is each payer's (add LeadDays and ReviewCite).
// Drugs are outside the rule, and traditional Medicare is not an impacted
// payer.
func CMS0057F() Terms {
	return Terms{
		StandardDays:   7,
		ExpeditedHours: 72,
		DecisionsFrom:  date.New(2026, 1, 1),
		DecisionCite: iop.Citation{
			Source: "42 CFR 422.568(b)(1), 422.572(a) (MA); 438.210(d) (Medicaid managed care); " +
				"440.230(e) (Medicaid FFS); 457.495, 457.1230(d) (CHIP)",
			Title:   "CMS Interoperability and Prior Authorization final rule (CMS-0057-F)",
			Edition: "89 FR 8758 (2024-02-08); decision timeframes from 2026-01-01 (Medicaid managed care: rating periods from that day)",
			URL:     "https://www.federalregister.gov/d/2024-00895",
			Note: "read from CMS and secondary summaries; the CFR paragraphs were not read in full text: " +
				"check each before relying on the letter",
		},
	}
}

var (
	errTermDays  = fmt.Errorf("%w: from 0 to %d", iop.ErrOutOfRange, maxTermDays)
	errTermHours = fmt.Errorf("%w: from 0 to %d", iop.ErrOutOfRange, maxTermDays*24)
	errRateWeeks = fmt.Errorf("%w: from 0 to 52", iop.ErrOutOfRange)
)

// validate reports every problem with t, with paths relative to the part
// ("lead_days").
func (t *Terms) validate() error {
	var es iop.FieldErrors
	if t.LeadDays < 0 || t.LeadDays > maxTermDays {
		es.Add("lead_days", errTermDays)
	}
	if t.RateWeeks < 0 || t.RateWeeks > 52 {
		es.Add("rate_weeks", errRateWeeks)
	}
	if t.NoticeDays < 0 || t.NoticeDays > maxTermDays {
		es.Add("notice_days", errTermDays)
	}
	if (t.LeadDays > 0 || t.NoticeDays > 0) && t.ReviewCite.IsZero() {
		es.Add("review_cite", iop.ErrMissing)
	}
	if t.StandardDays < 0 || t.StandardDays > maxTermDays {
		es.Add("standard_days", errTermDays)
	}
	if t.ExpeditedHours < 0 || t.ExpeditedHours > maxTermDays*24 {
		es.Add("expedited_hours", errTermHours)
	}
	if (t.StandardDays > 0 || t.ExpeditedHours > 0) && t.DecisionCite.IsZero() {
		es.Add("decision_cite", iop.ErrMissing)
	}
	if t.DecisionsFrom != 0 {
		if err := iop.CheckServiceDate(t.DecisionsFrom); err != nil {
			es.Add("decisions_from", err)
		}
	}
	return es.Err()
}

// rateWeeks returns RateWeeks, or its default.
func (t *Terms) rateWeeks() int {
	if t.RateWeeks > 0 {
		return t.RateWeeks
	}
	return defaultRateWeeks
}
