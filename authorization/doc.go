// Package authorization is utilization review: the payer's authorizations
// of an intensive outpatient or partial hospitalization stay, the use
// counted against them, and the reviews they call for. It answers the
// questions of a utilization-review screen and of a billing run: may this
// week be billed under the authorization on file, how much is left, when
// does it run out, which concurrent reviews are due today or past due,
// and did the payer decide in time.
//
// # Authorizations
//
// An [Authorization] is what an X12 278 response or a Da Vinci PAS
// ClaimResponse carries: the payer's number, the payer and the patient
// (opaque record IDs), the level of care authorized (kept apart from the
// level delivered: a payer may authorize less), the services covered
// (HCPCS or CPT codes and revenue codes), a quantity in a [QuantityUnit]
// (days, visits, units or hours, the X12 HSD01 qualifiers DY, VS, FL, HS),
// an optional frequency per week, the period, the decision ([Action], the
// X12 HCR01 codes A1, A2, A3, A4, A6, C, CT, NA), when the request was
// received and decided, the payer's next review day and the day the
// provider asked for a concurrent review.
//
// The period runs from Effective through Expiration, both days included,
// as the 278's certification expiration date and a FHIR Period's end are
// read. The zero Authorization is not valid; [Authorization.Validate]
// reports every problem as [iop.FieldErrors] naming the JSON field, never
// its value. [ParseAuthorizations] decodes a JSON array strictly: an
// unknown or repeated member, a date that does not exist ("2025-02-30"),
// an unknown name is an error naming its path.
//
// # Counting use
//
// The checks count use the way the unit says, from what package schedule
// already counted, so that this package and schedule never disagree:
//
//   - from week summaries ([schedule.WeekSummary], one per patient-week, as
//     a [schedule.Summarizer] makes them), a day is one day when it has a
//     countable service, visits are the day's countable services, hours are
//     its counted minutes; repeated sessions and overlapping time were
//     counted once by schedule, and are not counted again here. Units are
//     not in a summary: an authorization in units is checked on claim
//     lines;
//   - from claim lines ([schedule.ClaimLine]), a line counts against the
//     authorization that lists its code or revenue code (one that lists
//     none covers every line), a day is one day however many lines it has,
//     each line is a visit, units are the lines' units; a line that repeats
//     another (the same claim and line number) counts once, as schedule
//     counts it. Hours are not checked on claim lines.
//
// Use counts against an authorization whose period holds its day and that
// covers it: the first, in the order given, that certifies it and still
// has quantity left (or needs no authorization), so that a renewal that
// starts before the authorization it follows expires takes over once that
// one is used up; else the first that certifies it, beyond its quantity.
// When only one that certifies nothing (pended, denied, cancelled,
// contact payer) holds the day, the day is reported under that one. An authorization's
// weeks, for its frequency and its rate of use, are seven days from its
// effective day, whatever weeks the summaries were made in.
//
// # Remaining quantity and reviews
//
// [Remaining] is where an authorization stands on a day: authorized, used,
// left, the rate of use per week over its last whole weeks, the day it
// runs out at that rate (or ran out), and the day its concurrent review
// must be asked for: the payer's lead time ([Terms].LeadDays) before the
// last covered day (the expiration, or the run-out day if earlier), or the
// payer's next review day if earlier. The projection starts at the end of
// the authorization's last whole week, so the review day holds still
// through a week. A review is due on that day ([CodeReviewDue]) and past
// due after it ([CodeReviewPastDue]), until the authorization expires,
// unless the review was asked for, the discharge is planned by the last
// covered day, or another authorization of the stay follows it.
//
// # The checker
//
// A [Checker] is made once from an [iop.Profile] with [NewChecker] and
// checks any number of stays with its verb methods, each with an Append
// form that writes into a slice the caller reuses:
//
//   - [Checker.CheckStay] judges one patient's weeks against the patient's
//     authorizations on a day; [Checker.CheckClaims] the same for claim
//     lines; [Checker.CheckStays] a whole billing run, patient after
//     patient, without allocating once warm;
//   - [Checker.CheckLevel] compares the level authorized with the level an
//     [eligibility.Decision] placed the patient at;
//   - [Checker.CheckTurnaround] judges the payer's decision time;
//   - [Checker.Remaining] and [Checker.RemainingClaims] give each
//     authorization's [Remaining].
//
// The error return says the input cannot be judged ([iop.FieldErrors]
// naming "authorizations[1].expiration", "weeks[3].week"), and comes with
// no findings. A checker judges only the days its profile is in force (the
// day asOf of a stay, the day a request was received): any other is an
// error wrapping [iop.ErrNotInForce], as in every checking package. The
// findings are what the rules found, in rule order ([Rules]), each with a
// code, a severity, the authorization's number (or the patient's record ID
// for a day no authorization covers), the day and the figures. A profile
// may change a rule's severity or turn it off.
//
// # Terms
//
// The rules the authorization itself sets (its period, decision,
// quantity, frequency and level) apply under every profile. The review,
// notice and decision-time rules take their parameters from the profile's
// [Terms], its part of the profile (the JSON member "authorization", read
// by ioprules.ParseProfile; in Go, p.WithPart(terms)): a profile without
// them applies none of those rules. A profile that changes the severity
// of an authorization rule must have Terms, even empty ones.
// [CMS0057F] gives the decision-time limits of the CMS Interoperability
// and Prior Authorization final rule; a payer's review lead time is its
// own and must be cited by whoever sets it.
//
// Decision times: from 2026-01-01, impacted payers (Medicare Advantage
// organizations, state Medicaid and CHIP fee-for-service programs,
// Medicaid managed care plans, CHIP managed care entities) decide a
// standard request within 7 calendar days and an expedited one within 72
// hours. Qualified health plans on the federal exchanges are impacted
// payers for the rule's APIs but not held to these limits; traditional
// Medicare is not an impacted payer; drugs are outside the rule. The
// standard limit counts calendar days from the day received, where it was
// received; the expedited one counts hours from the instant received. A
// decision exactly at the limit meets it.
//
// # Concurrency and values
//
// [Authorization], [Remaining], [Terms], [Action] and [QuantityUnit] are
// comparable values; [Checker] is immutable and safe for concurrent use.
// The package holds no mutable state, reads no clock (every check takes
// the day or instant it judges) and logs nothing.
//
// # References
//
//   - ASC X12 005010X217, Health Care Services Review: Request for Review
//     and Response (278): HCR01 action codes (element 306: A1 certified in
//     total, A2 certified partial, A3 not certified, A4 pended, A6
//     modified, C cancelled, CT contact payer, NA no action required),
//     HSD01 quantity qualifiers (DY days, VS visits, FL units, HS hours),
//     certification effective and expiration dates. The TR3 is licensed
//     and was not read: the codes are as EDI references publish them
//     (Stedi's X12 element 306; a 278 code list marked unverified; HL7's
//     v2 table 0560 for FL, DY and HS). VS for visits was not found in a
//     readable source: unconfirmed.
//   - HL7 Da Vinci Prior Authorization Support (PAS) IG, STU 2
//     (ClaimResponse: preAuthRef, item adjudication, preAuthPeriod,
//     quantity). https://hl7.org/fhir/us/davinci-pas/
//   - CMS Interoperability and Prior Authorization final rule, CMS-0057-F,
//     89 FR 8758 (2024-02-08): decision timeframes from 2026-01-01 at
//     42 CFR 422.568(b)(1) and 422.572(a) (MA), 438.210(d) (Medicaid
//     managed care, rating periods from that day), 440.230(e) (Medicaid
//     FFS), 457.495 and 457.1230(d) (CHIP); the Prior Authorization API
//     from 2027-01-01. Read from CMS's announcements and secondary
//     summaries; the CFR paragraphs were not read in full text.
//     https://www.federalregister.gov/d/2024-00895
//   - Each payer's utilization-review manual for its concurrent-review lead
//     time (no general rule sets one).
package authorization
