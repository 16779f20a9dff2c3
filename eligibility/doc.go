// Package eligibility turns a multidimensional assessment into a
// level-of-care decision, and holds the criteria to admit a person to
// intensive outpatient care (ASAM level 2.1), to continue the stay, to
// transfer up or down and to discharge, and to admit a person to partial
// hospitalization (level 2.5) under a PHP profile.
//
// # What ships and what does not
//
// The ASAM Criteria (3rd edition, 2013; 4th edition, 2023) are proprietary:
// their text and ASAM's decision software (CONTINUUM, CO-Triage) are not in
// this package, and nothing here is ASAM's wording. What ships is what
// public sources publish: the six dimensions and their names, the 0-4 risk
// scale, and [DefaultCriteria], a set of rules this library builds from
// public state rules, SAMHSA guidance and payer policies, each rule with its
// citation. Users who hold a license load ASAM's criteria (or a state's or a
// payer's) as data with [ParseCriteria]. The default covers the 3rd edition
// only: no public source states 4th-edition placement rules in a form this
// library could cite, so 4th-edition assessments need criteria loaded by the
// user (the dimension names and levels of both editions are here).
//
// # Assessments and risk ratings
//
// An [Assessment] records the edition, the day, the population (adult or
// adolescent; the 4th edition does not cover adolescents), the [Ratings] of
// the six dimensions and its [Modifier]s: withdrawal that needs monitoring,
// imminent danger, co-occurring conditions, an environment that does not
// support recovery, a lower level that has not worked, a court order, a
// step-down from a more intensive level. It names no one: its ID and note
// IDs are opaque record IDs. [ParseAssessment] decodes one from JSON
// strictly and validates it.
//
// Every record ID of the package (an assessment's ID, which is required;
// the optional IDs of a rating's note, a variance's note and a review's
// justification; the ID and the source of a [Recommendation]) must be one
// [iop.CheckID] accepts: 1 to 128 bytes of valid UTF-8 without control or
// format characters, so that an ID cannot merge two records or forge a line
// in a report. Every date of an assessment, a recommendation or an
// admission must be one [iop.CheckServiceDate] accepts: from 1970-01-01 to
// 2199-12-31. The decoders apply both checks as Validate does, with the
// same field paths.
//
// A [Risk] is the rating itself: Risk0 is 0 and Risk4 is 4, so Risk(2) is
// the rating 2 and the zero Risk is the rating 0, a valid rating. Whether a
// dimension was rated at all is recorded by [Ratings], which know which
// dimensions are rated: the zero Ratings rate nothing, and an assessment
// that holds them is refused ("ratings.D1: missing"). Build ratings with
// [NewRatings] (all six, refusing a risk above 4) or [Ratings.With]; turn a
// number into a rating with [RiskOf], which refuses anything outside 0-4.
// In JSON a rating is {"risk": 2, "note": "n-17"}, and "risk" must be
// given: a rating is never read as 0 because a member was left out.
//
// Dimensions keep their numbers across editions; their names differ
// ([Dimension.Name]). Dimensions 1-3 decide whether a setting is safe
// ([RoleSafety]); dimensions 4-6 shape how intensive the care must be
// ([RoleIntensity]).
//
// # Criteria and decisions
//
// [Criteria] are data: the levels they place into, and a [Criterion] for every
// rating of every dimension giving the levels it rules in (Min to Max;
// levels below Min are ruled out), plus modifier rules ([ModifierRule])
// that set a floor. They combine as the sources describe: the level follows
// the highest-risk dimensions, never an average. [Criteria.Validate] and
// [ParseCriteria] refuse criteria with a gap (a rating no rule maps), a
// contradiction (a rating mapped twice to different levels, or a higher
// risk needing less care) or a rating that maps to nothing, reporting every
// problem as [iop.FieldErrors] naming the rule ("rules[7]").
//
// [Checker.Decide] returns a [Decision]: the recommended level (the most
// intensive Min over the six dimensions, raised by any modifier floor), the
// level the safety and the intensity dimensions each call for, the most
// intensive level any rule justifies, and a [Reason] per dimension naming
// the rule (and its citation) and whether it drove the level. Decide does
// not allocate and runs in well under a microsecond. A Decision encodes to
// JSON as a report and decodes back to the same Decision, checked.
//
// # Recommendations from other tools
//
// EHRs host licensed decision software (ASAM CONTINUUM, CO-Triage) that
// recommends a level of care with ASAM's own criteria. [Checker.Recommended]
// turns such a [Recommendation] (the record ID, the tool's name as the
// source, the edition, the day, the population, the level, and the tool's
// ratings and the modifiers when given) into a [Decision]: its
// [Decision.Source] names the tool, its recommended and justified level are
// the tool's, and the levels a variance may give are the placement levels
// of the edition. The level must exist in the edition (1.5 is not a level
// of the 3rd edition, 3.3 not one of the 4th), must not be a
// withdrawal-management level or OTS (record withdrawal management as the
// modifier), and must be of the profile's edition when the profile names
// one; ratings, when given, rate all six dimensions. [Decision.Place],
// [Checker.CheckVariance], [Checker.CheckDecision], [Checker.CheckAdmission]
// and the review checks then work on it as on a decision of Decide. Such a decision has no
// safety or intensity level and no driving dimension, since the tool does
// not report them. [ParseRecommendation] decodes a recommendation from
// JSON; the Decision round-trips in JSON with "source" in place of
// "criteria".
//
// When the level given differs from the level recommended, record it with
// [Decision.Place] and a [VarianceReason] (payer authorised a lower level,
// patient preference, level not available, clinical judgement, court
// order). [Checker.CheckVariance] reports a variance without a reason, a
// level below the recommended one or above anything justified, and reasons
// that do not fit; [Checker.CheckDecision] what must come with the level
// (withdrawal monitoring, co-occurring capability, a level raised by a
// modifier).
//
// # The checker
//
// Every check goes through a [Checker], built once by [NewChecker] from a
// level 2.1 rule profile (or a level 2.5 one: see "Level 2.1 and level 2.5
// profiles" below), whose [Placement] part holds the criteria (the
// default criteria without one), validated there: its checks judge
// decisions, and a decision is the criteria applied to an assessment;
// validated once, the criteria cannot fail a later Decide, and indexed
// once, they decide without allocating. The profile gives the
// numbers: the weekly hours and the step-down allowance of its
// schedule.Benefit (9 hours for adults and 6 for adolescents in
// ioprules.ASAM3Level21, up to 19h59m, the minute below level 2.5's 20
// hours), the criteria and stay rules of its [Placement] (the default
// criteria when it has none), and its rule settings: a profile's
// [iop.RuleSetting] may change the severity of any rule of [Rules] or turn
// it off, when the profile has a Placement ([iop.Profile.Validate] checks
// the codes).
//
// The checks are verbs, one per subject: [Checker.CheckDecision],
// [Checker.CheckVariance], [Checker.CheckAdmission],
// [Checker.CheckContinuedStay], [Checker.CheckTransfer] and
// [Checker.CheckDischargeReview] (on a [DischargeReview]); the IOP checks have
// Append forms that write into the caller's slice. Each returns
// (iop.Findings, error): the error says the subject is not valid (the zero
// Decision, negative planned minutes, a review whose dates are out of
// order) as [iop.FieldErrors] naming the field, and then there are no
// findings; bad input never comes back as a finding. The findings are in
// rule order ([Rules] gives it), nil when every rule is met, and the hot
// checks allocate nothing then. [Checker.Moves] turns a series of
// assessments into the moves between levels it implies, and says which
// dimensions drove each.
//
// A finding names the assessment's record ID as its subject and carries
// figures, never words built for the occasion: levels as intensities
// ([iop.UnitLevel]: the level itself, written "2.1"), weekly hours as minutes, the length of
// a stay as days. Both ends of a weekly band are included: under the ASAM
// 2.1 band 8h59m is below it, 9h00m, 19h30m and 19h59m are within it, and
// 20h00m is above it; a finding above the band names in its Level the level
// whose band the hours fall in (the Above of the profile's weekly rules: 2.5). A band
// without a maximum, as in the Medicare IOP profiles, is never exceeded. The
// rule's citation is in the checker's table ([Checker.Rules]): the
// profile's own rule group (weekly, stay, step-down rules) where it has
// one, else the rule table's general source; the rules of the criteria
// that drove the level are cited in the decision ([Decision.Reasons]).
// Where a documented variance or a step-down makes a finding less serious,
// that case is a rule of its own with its own code ("-documented",
// "-step-down"), so that each code has one severity.
//
// # Patient criteria and the step-down
//
// A payer's patient criteria ([PatientCriterion]: Medicare IOP's 42 CFR
// 410.44(c), the weekly hours, more than isolated outpatient sessions, no
// 24-hour care, a support system, a mental health diagnosis, not
// dangerous, able to take part) are the [Placement]'s [PatientRules]; an
// assessment records which it documents as met or not met
// ([Assessment.Patient], [Recommendation.Patient]). [Checker.CheckAdmission]
// reports each required criterion documented as not met, or contradicted
// by the assessment (imminent danger with "not dangerous" recorded), and
// each not recorded as "not judged" at the same force: never a silent
// pass. The Medicare PHP profiles hold 410.43(c)'s criteria (those of IOP
// and the risk of inpatient care, or the step down from it), which
// CheckAdmission judges under those profiles in the same way.
//
// # Level 2.1 and level 2.5 profiles
//
// [NewChecker] takes a profile of level 2.1 (IOP) or 2.5 (partial
// hospitalization: ioprules.MedicarePHP2025, ioprules.ASAM3Level25) and
// refuses any other. Under a level 2.5 profile, [Checker.Decide],
// [Checker.Recommended], [Checker.CheckDecision] and
// [Checker.CheckVariance] are as under 2.1 (they do not depend on the
// program's level), and [Checker.CheckAdmission] judges an admission to
// the PHP: the decision's level against 2.5 (the admission codes, whose
// figures name the level: "need 2.5, got 2.1"), imminent danger, the
// weekly band of the profile's schedule part (20 hours under Medicare:
// 42 CFR 410.43(c)(1)) and the profile's patient criteria.
// [Checker.CheckContinuedStay], [Checker.CheckTransfer] and
// [Checker.CheckDischargeReview] judge an IOP stay (a step-down from 2.1,
// the stay rules of the IOP sources, codes that name IOP): under a level
// 2.5 profile they return an error ("level", wrapping [iop.ErrOutOfRange])
// and no findings, never an IOP answer about a PHP stay.
//
// The step-down is one record, [iop.StepDown] ([Review.StepDown]), the one
// schedule's weekly check and aftercare's step-down check read: the
// continued-stay and transfer checks give the allowance on the same days
// (the step-down's day and the 13 after, for 2 weeks), and none for a
// record that does not lower the level from 2.1.
//
// # Which rule comes from where
//
//   - Risk ratings 0-4 and their meanings: the public risk descriptions of
//     Minn. R. 9530.6622 (Rule 25); the level follows the highest risk, and
//     dimensions 1-3 call for services only together with treatment: Minn.
//     R. 9530.6620.
//   - The level range of each rating ([DefaultCriteria]): the adult
//     admission criteria by dimension of ASAM PPC-2R (2001) as state
//     placement grids reproduce them (dimensions 4-6 alone never justify
//     level 4), read by this library; each rule's Citation.Note says so.
//   - IOP serves people at minimal risk in dimensions 1-3, as primary care,
//     as a step down from 24-hour care and as a step up from outpatient
//     care: SAMHSA Advisory (2021) on TIP 47.
//   - Withdrawal management within level 2.1: 12VAC30-130-5090 (Virginia).
//   - Co-occurring capable programs: SAMHSA TIP 42.
//   - Variance documentation (recommended level, level provided, reason for
//     the discrepancy): the DMC-ODS level-of-care form of San Diego County.
//   - The next more intensive available level when the indicated one is not
//     available, and continued stay resting on the persistence of the
//     admission findings and on the plan: Anthem CG-BEH-04.
//   - Weekly hours: SAMHSA Advisory (2021) (at least 9 hours for adults, 6
//     for adolescents) and the ASAM level 2.1 band, below level 2.5's 20
//     hours, as payer policies (Aetna) quote it, in the catalog; the band
//     applied, with its citation, comes from the profile. Medicare's IOP
//     rules (42 CFR 410.44) set a 9-hour minimum and no maximum.
//   - Length of stay and step-down allowance: Anthem CG-BEH-04 and TIP 47
//     in the catalog; the numbers, with their citations, come from the
//     profile applied.
//
// Where the sources are silent the library says so in the rule's
// Citation.Note, and the rule is data the user can replace.
//
// # Values, zero values and concurrency
//
// Dimensions, modifiers, roles, progress judgements, variance reasons and
// directions are small comparable enums whose zero is unset; they have
// String, IsValid and text marshalling, [iop.Parse] reads exactly what
// String writes and [iop.All] lists the values of any of them. [Risk] is the exception: its zero is the
// rating 0, so "not rated" lives in [Ratings]. Sets (iop.Set[Dimension],
// iop.Set[Modifier]) marshal as lists of names, never as bits. Assessments,
// ratings, recommendations, decisions, reviews and discharge reviews are
// comparable values; the zero Assessment, Recommendation, Decision, Review
// and DischargeReview are not valid and are refused with an error.
// Criteria hold slices: compare them with [Criteria.Equal].
//
// What an EHR or a pipeline stores round-trips: an [Assessment], a
// [Recommendation], a [Decision], [Ratings], [Criteria], moves, variances
// and every enum and set decode from their JSON to the same value and
// marshal again to the same bytes. A database stores an enum or set by its
// text form (encoding.TextMarshaler): the name ("imminent-danger",
// "D1,D3") or, for a Risk, the digit "0" to "4", never a number of the
// library's own (examples/ehrstore shows an adapter for database/sql).
// UnmarshalText refuses unknown text with an [*iop.ParseError] wrapping
// [iop.ErrUnknown] that does not hold the text.
//
// Parse, decode and validation errors wrap package iop's sentinels
// ([iop.ErrMissing], [iop.ErrUnknown], [iop.ErrOutOfRange], [iop.ErrOrder],
// [iop.ErrDuplicate], ...) with the reason, and report every problem, as
// [iop.FieldErrors]; no message holds input text (an unknown member is
// named by its position, "#3"). Every decoder refuses input above 8 MiB
// ([iop.ErrTooLarge]), the limit of the module's strict JSON decoder, far
// above any assessment, decision or criteria, and input that is not valid
// UTF-8 ([iop.ErrSyntax]), which encoding/json would otherwise read with
// U+FFFD in place of each invalid byte.
//
// A [Checker] is immutable and safe for concurrent use by any number of
// goroutines; so is everything else in the package. Nothing holds mutable
// state, reads a clock or logs.
//
// # References
//
//   - The ASAM Criteria, 3rd ed. (2013) and 4th ed. (2023), American Society
//     of Addiction Medicine: dimension names and levels (cited, not copied).
//   - Minnesota Rules 9530.6620 and 9530.6622 (placement criteria, risk
//     descriptions), in use until 2022-07-01; Minnesota DHS Behavioral
//     Health e-Memo (2022) on their continued use.
//   - SAMHSA, TIP 47, Substance Abuse: Clinical Issues in Intensive
//     Outpatient Treatment (2006); SAMHSA Advisory, Clinical Issues in
//     Intensive Outpatient Treatment for Substance Use Disorders (2021).
//   - SAMHSA, TIP 42, Substance Use Disorder Treatment for People With
//     Co-Occurring Disorders (2020 revision).
//   - 12VAC30-130-5090, Virginia Medicaid, intensive outpatient services
//     (ASAM level 2.1).
//   - Anthem Clinical UM Guideline CG-BEH-04, Substance-Related and
//     Addictive Disorder Treatment (2015).
//   - County of San Diego BHS, Adult Initial Level of Care Assessment,
//     DMC-ODS form F104c (2019).
//   - Aetna Clinical Policy Bulletin, intensive outpatient (ASAM 2.1: 9-19
//     hours adults, 6-19 hours adolescents, read as below level 2.5's 20
//     hours), as quoted in the built-in ASAM 2.1 profile (ioprules.ASAM3Level21).
//   - 42 CFR 410.44, Medicare intensive outpatient services (a 9-hour
//     weekly minimum, no maximum).
package eligibility
