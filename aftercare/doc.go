// Package aftercare follows an episode of care from the referral to its
// close, and judges the discharge and the move into aftercare: whether a
// planned discharge has its aftercare plan, whether follow-up happens
// within the windows a rule profile names, whether a step down really
// lowers the intensity of care, and what a discharge calls for (notice to a
// court, outreach). It computes the measures programs report over many
// episodes: follow-up within 7 and 30 days, completion rate.
//
// The end of an intensive outpatient program is where people are lost: a
// discharge without a plan, a follow-up that never happens, a step down to
// a level that is no lower. This package makes each of those a finding.
//
// # The episode as a state machine
//
// An [Episode] is the history of its moves. Each move is an [Event]: a
// kind ([EventKind]), the day it happened, and the details its kind takes
// (the level of an admission, the [Discharge] of a discharge, the court
// order of a referral). The states and the moves between them
// ([State.Next]):
//
//	(start)      --refer-->     referred
//	referred     --assess-->    assessed      | --close--> closed (never admitted)
//	assessed     --admit-->     admitted      | --close--> closed (never admitted)
//	admitted     --start-->     active        | --discharge--> discharged
//	active       --hold-->      on-hold       | --discharge--> discharged
//	on-hold      --resume-->    active        | --discharge--> discharged
//	discharged   --aftercare--> in-aftercare  | --close--> closed
//	in-aftercare --close-->     closed
//
// A move is refused with a [*MoveError] when the state does not allow it
// ([ErrMoveNotAllowed]), when it is dated before the move before it
// ([ErrDateBackwards]; the same day is allowed), when a discharge is dated
// before the admission ([ErrDischargeBeforeAdmission]), when aftercare
// follows a discharge for death ([ErrAfterDeath]), or when the event is
// malformed (a [*FieldError] naming its field). A refused move leaves the
// episode as it was: moves return a new Episode.
//
// A change of level of care is, as TEDS counts it, a discharge from one
// episode and an admission to another: the discharge says the direction
// ([Step]) and the level stepped to.
//
// # Discharge
//
// A [Discharge] has a [Reason] in the seven categories of the TEDS
// discharge data set ([Reason.TEDS] gives the code), whether it was
// planned with the patient, and the level stepped to. A completion is
// always planned; leaving against advice, incarceration and death never
// are ([Reason.Planning]); [Discharge.Validate] refuses a contradiction.
//
// # The aftercare plan and its check
//
// A [Plan] holds the continuing-care services (group sessions a week,
// mutual-help meetings a week, individual counselling a month, medication
// for the substance use disorder, recovery housing, employment support, a
// recovery coach) and the follow-up contacts with their dates and status
// ([Contact]). [Check] judges an episode's discharge and its plan against
// an [iop.Profile] on a day it is given, and returns [iop.Findings] in
// rule order; [Rules] lists every code with its citation.
//
// # Follow-up windows
//
// The windows are the profile's ([iop.FollowUpRules]): each has a number
// of days, a same-day rule and a number of contacts, and may count from
// another window. Days are calendar dates and both ends of a window are
// included: with a discharge on day D, a 7-day window is D+1 to D+7 when a
// contact on the day of discharge does not count (HEDIS FUH and FUI), and
// D to D+7 when it does (HEDIS FUA and FUM). HEDIS IET initiation is D to
// D+13 ("within 14 days"); engagement is 2 more contacts from the day
// after the initiation contact to 34 days after it. A contact counts as
// kept when it is [ContactKept] and not after the day judged; a window is
// closed once the day judged is after its last day. Windows do not apply
// after a death or a step up to more intensive care, which HEDIS leaves
// out.
//
// # Measures
//
// [Measure] counts over many [Case]s: discharges, completions (the
// completion rate as TEDS-D reports it), transfers, planned discharges,
// and for each follow-up window the share of eligible discharges followed
// up within it.
//
// # JSON
//
// Episodes encode as their record ID and history; decoding is strict
// (unknown and duplicate fields, unknown names and impossible dates such as
// "2025-02-30" are errors naming the field) and rebuilds the episode with
// [Replay], so a decoded episode is always one the state machine could
// have produced. Plans decode strictly with [ParsePlan].
//
// # Values, privacy and concurrency
//
// Every type is a value safe for concurrent use; nothing holds state
// between calls, nothing reads a clock, nothing logs. Record IDs are
// opaque strings chosen by the caller; messages and errors name record
// IDs, kinds, states and figures, never a date of treatment, a name or any
// other detail (42 CFR Part 2).
//
// # References
//
//   - SAMHSA, Treatment Episode Data Set: Discharges (TEDS-D), codebook
//     (2015 onward): reason for discharge (REASON) codes 1-7.
//   - NCQA, HEDIS measurement years 2024-2025: Follow-Up After
//     Hospitalization for Mental Illness (FUH), Follow-Up After
//     High-Intensity Care for Substance Use Disorder (FUI), Follow-Up After
//     Emergency Department Visit for Substance Use (FUA) and for Mental
//     Illness (FUM), Initiation and Engagement of Substance Use Disorder
//     Treatment (IET).
//   - SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive
//     Outpatient Treatment (2006), ch. 3 (IOT and the continuum of care),
//     and the SAMHSA advisory of 2021 based on it.
//   - 42 CFR Part 2 (confidentiality of SUD patient records), §2.35
//     (disclosures to the criminal justice system that referred the
//     patient), as amended in 2024.
//   - The ASAM Criteria, 3rd edition (2013) and 4th edition (2023): levels
//     of care and their intensity ([iop.Level]).
package aftercare
