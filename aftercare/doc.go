// Package aftercare follows an episode of care from the referral to its
// close, and judges the discharge and the move into aftercare: whether a
// planned discharge has its aftercare plan, whether follow-up happens
// within the windows a rule profile names, whether a step down really
// lowers the intensity of care, and what a discharge calls for (notice to a
// court, outreach). It computes the measures programs report over many
// episodes: the HEDIS follow-up measures a profile lists (FUH, FUI, FUA,
// FUM, IET), completion rate.
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
// malformed ([iop.FieldErrors] naming its fields). A refused move leaves
// the episode as it was: moves return a new Episode. The errors of the
// state machine wrap [iop.ErrOrder] (and [ErrNotDischarged] wraps
// [iop.ErrMissing]), so that a caller can test for the kind of problem
// with the sentinels every package of the module shares.
//
// A change of level of care is, as TEDS counts it, a discharge from one
// episode and an admission to another: the discharge says the direction
// ([Step]) and the level stepped to.
//
// # Discharge
//
// A [Discharge] has a [DischargeReason] in the seven categories of the
// TEDS discharge data set ([DischargeReason.TEDS] gives the code, and
// [DischargeReasonFromTEDS] reads one), whether it was planned with the
// patient, and the level stepped to. A completion is always planned;
// leaving against advice, incarceration and death never are
// ([DischargeReason.Planning]); [Discharge.Validate] refuses a
// contradiction.
//
// # The aftercare plan
//
// A [Plan] holds the continuing-care services (group sessions a week,
// mutual-help meetings a week, individual counselling a month, medication
// for the substance use disorder, recovery housing, employment support, a
// recovery coach) and the follow-up contacts with their dates and status
// ([Contact]). The zero Plan is no plan.
//
// # The checker
//
// A [Checker] is made once from an [iop.Profile] with [NewChecker], which
// validates the profile and keeps a copy of it, and judges any number of
// episodes with its verb methods:
//
//   - [Checker.CheckDischarge] judges an episode's discharge and its
//     aftercare plan on a day it is given, and returns [iop.Findings] in
//     rule order: nil when every rule is met. [Checker.AppendDischarge]
//     appends them to a slice the caller reuses, and allocates nothing
//     else: a compliant discharge costs no allocation at all;
//   - [Checker.CheckStepDown] judges the discharge against the episode's
//     step-down record ([iop.StepDown], the one record eligibility's
//     continued-stay and transfer checks and schedule's weekly check read):
//     the record lowers the level, is dated no later than the discharge,
//     and a discharge that names a step steps down to the record's level;
//   - [Checker.Measure] counts over many [Case]s.
//
// The error return says the subject cannot be judged: an episode without a
// discharge, a plan that [Plan.Validate] refuses. It is [iop.FieldErrors]
// naming each field ("episode", "plan.contacts[2].status"); bad input is
// never reported as a finding. A finding is cheap: the rule's code,
// severity and summary, the episode's record ID as its Subject and what
// the rule is about, never a string built for it:
//
//   - a follow-up window's finding names the window as its Ref (the
//     measure's name, "fuh-7", for a HEDIS measure), carries the window's
//     last day as its Day, the contacts it needs and those counted as Need
//     and Got ([iop.UnitCount]); the window's citation (the measure's) is
//     its Cite in the profile, found by that name;
//   - a step's finding names the level stepped to as its Level;
//   - a late plan's finding counts the days after the discharge (Got, in
//     [iop.UnitDays]).
//
// [Checker.Rules] renders the words when asked ([iop.RuleTable.Message]), as "fewer contacts
// kept than a follow-up window needs, by its last day on 2025-03-17
// (fui-7): need 1, got 0", or "a step down does not go to a less
// intensive level of care: level 2.5".
//
// [Rules] is the one rule table of the package: each code, its default
// severity, what it checks and its general source. A profile may give a
// rule another severity or turn it off ([iop.Profile.Rules]), when it has
// an aftercare part ([iop.Profile.Validate] checks the codes). A finding
// of a follow-up window names the window (Ref), whose own source is in the
// profile (a measure's window, the measure's).
//
// # Follow-up windows
//
// The windows are those of the profile's [FollowUp] part, in its order.
// Each window counts from its own index event ([FollowUpWindow.Index],
// [IndexEvent]), and each HEDIS measure from the event NCQA defines, never
// from the IOP's discharge (RULES.md §6):
//
//   - IET (initiation and engagement) counts from the start of the
//     treatment episode: the IOP admission, which is often the initiation
//     itself ([IndexEventEpisodeStart]);
//   - FUI and FUH count from the discharge of the level before the IOP
//     (inpatient, residential or withdrawal management care: the case's
//     [Case.PriorDischarge], [IndexEventHigherLevelDischarge]); the IOP admission
//     within the window is the follow-up visit;
//   - FUA and FUM count from an emergency department visit the caller
//     records ([Case.EDVisit], [IndexEventEDVisit]);
//   - follow-up after the IOP's own discharge is a program's or a payer's
//     rule, not a HEDIS measure: a window with the zero Index
//     ([DischargeFollowUp]; the built-in profiles hold discharge-7 and
//     discharge-30 windows of this kind, cited to the program rule).
//
// A profile lists HEDIS measures by name ([Measure], [FollowUpOf]) or
// windows of its own. Each window has a number of days, a same-day rule
// and a number of contacts, and may count from another window. Days are
// calendar dates and both ends of a window are included: with the index
// event (a discharge, an ED visit, the episode's start) on day D,
//
//	fua-7, fum-7     D to D+7 (a contact on day D counts: 8 days; D+8 does not)
//	fua-30, fum-30   D to D+30
//	fuh-7, fui-7     D+1 to D+7 (a contact on day D does not count)
//	fuh-30, fui-30   D+1 to D+30
//	iet-initiation   D to D+13 ("the episode date or the 13 days after")
//	iet-engagement   2 more contacts from the day after the initiation
//	                 contact I to I+34; not judged while initiation is
//	                 neither met nor planned
//
// A contact counts as kept when it is [ContactStatusKept] and not after the day
// judged; a window is closed once the day judged is after its last day.
// Windows do not apply after a death or a step up to more intensive care,
// which HEDIS leaves out.
//
// # Measures
//
// [Checker.Measure] counts over many [Case]s: discharges, completions (the
// completion rate as TEDS-D reports it), transfers, planned discharges,
// and for each follow-up window the share of eligible discharges followed
// up within it, named by the window ("fuh-7"). A discharge is eligible for
// a window once the window has closed or been met.
//
// # Record IDs and dates
//
// Every record ID, the episode's and a discharge's referral ID, must pass
// [iop.CheckID]: 1 to 128 bytes of valid UTF-8 with no control or format
// character, so that an ID can neither merge two people (two invalid byte
// sequences a decoder would both turn into U+FFFD) nor forge a line of a
// report. Every date (each move's, a plan's, each contact's) must pass
// [iop.CheckServiceDate]: from 1970-01-01 up to, not including,
// 2200-01-01. [Refer], [Replay], [Episode.Apply], [Discharge.Validate] and
// [Plan.Validate] refuse the rest, and the JSON decoders apply the same
// checks at the same fields, so a record is refused alike however it
// arrives. The errors wrap [iop.ErrMissing], [iop.ErrSyntax] or
// [iop.ErrOutOfRange] and never hold the ID or the date.
//
// # JSON and text
//
// Episodes encode as their record ID and history; decoding is strict
// (unknown and duplicate members, unknown names and impossible dates such
// as "2025-02-30" are errors naming the field, every error is reported,
// not only the first, and a document that is not valid UTF-8 is refused
// whole) and rebuilds the episode with [Replay], so a decoded episode is
// always one the state machine could have produced. Plans decode strictly
// with [ParsePlan], cases (an episode and its plan) with [ParseCase].
// Episodes, events, plans, cases, the findings of a check ([iop.Findings])
// and [Measures] marshal and unmarshal back to equal values, so a pipeline
// may store them as JSON. The enums ([State], [EventKind], [DischargeReason],
// [Step], [ContactStatus]) are their names in JSON and as text, never
// numbers; [iop.Parse] accepts exactly what String writes, and [iop.All]
// lists every value of one.
//
// # Zero values
//
// The zero value of every type means "unset": the zero Episode has no
// record ID and no history ([Refer] or [Replay] begins one), the zero Plan
// is no plan, the zero Discharge no discharge, and the zero value of each
// enum is not valid. The zero Checker has no profile:
// its methods return an error.
//
// # Values, privacy and concurrency
//
// Every type is a value safe for concurrent use; a Checker is immutable
// and one may serve every goroutine. Nothing holds state between calls,
// nothing reads a clock, nothing logs, and no package variable changes
// after init. Record IDs are opaque strings chosen by the caller. Error
// messages name fields, kinds, states and positions, never a record ID, a
// date of treatment, a name or any other input text (42 CFR Part 2);
// [MoveError] holds the episode's record ID in a field for the caller.
// Findings carry the record ID as their Subject, figures, the name of a
// follow-up window and its last day, and the level of care stepped to;
// nothing else of the episode.
//
// # References
//
//   - SAMHSA, Treatment Episode Data Set: Discharges (TEDS-D), codebook
//     (2015 onward): reason for discharge (REASON) codes 1-7.
//   - NCQA, HEDIS measurement years 2024-2026 ([Measure]; read from
//     NCQA's measure descriptions and health-plan tip sheets, not the
//     licensed specifications): Follow-Up After
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
