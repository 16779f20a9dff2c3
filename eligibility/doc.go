// Package eligibility turns a multidimensional assessment into a
// level-of-care decision, and holds the criteria to admit a person to
// intensive outpatient care (ASAM level 2.1), to continue the stay, to
// transfer up or down and to discharge.
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
// # Assessments
//
// An [Assessment] records the edition, the day, the population (adult or
// adolescent; the 4th edition does not cover adolescents), a [Rating] of each
// [Dimension] on the [Risk] scale 0-4 with the ID of the note that documents
// it, and [Modifiers]: withdrawal that needs monitoring, imminent danger,
// co-occurring conditions, an environment that does not support recovery, a
// lower level that has not worked, a court order, a step-down from a more
// intensive level. It names no one: its ID and note IDs are opaque record
// IDs. [ParseAssessment] decodes one from JSON strictly.
//
// Dimensions keep their numbers across editions; their names differ
// ([Dimension.Name]). Dimensions 1-3 decide whether a setting is safe
// ([RoleSafety]); dimensions 4-6 shape how intensive the care must be
// ([RoleIntensity]).
//
// # Criteria and decisions
//
// [Criteria] are data: the levels they place into, and a [Rule] for every
// rating of every dimension giving the levels it rules in (Min to Max;
// levels below Min are ruled out), plus modifier rules ([ModifierRule])
// that set a floor. They combine as the sources describe: the level follows
// the highest-risk dimensions, never an average. [Criteria.Decide] returns a [Decision]: the
// recommended level (the most intensive Min over the six dimensions, raised
// by any modifier floor), the level the safety and the intensity dimensions
// each call for, the most intensive level any rule justifies, and a
// [Reason] per dimension naming the rule (and its citation) and whether it
// drove the level. Decide does not allocate and runs in well under a
// microsecond. [Criteria.Validate] refuses criteria with a gap (a rating no
// rule maps: [ErrUnmapped]), a contradiction (a rating mapped twice to
// different levels, or a higher risk needing less care:
// [ErrContradiction]) or a rating that maps to nothing ([ErrMapsToNothing]),
// each a [*RuleError] naming the rule.
//
// When the level given differs from the level recommended, record it with
// [Decision.Place] and a [VarianceReason] (payer authorised a lower level,
// patient preference, level not available, clinical judgement, court
// order). [Decision.Findings] reports a variance without a reason, a level
// below the recommended one or above anything justified, and reasons that
// do not fit.
//
// # IOP checks
//
// [CheckAdmission], [CheckContinuedStay], [CheckTransfer] and
// [CheckDischarge] apply the IOP criteria to a decision and a level 2.1
// rule profile from package iop (weekly hours come from the profile, such as
// 9 hours for adults and 6 for adolescents in [iop.ASAM3Level21]; length of
// stay and the step-down allowance too). Each returns [iop.Findings] in rule
// order, nil when every rule is met, without allocating on that path.
// [Criteria.Moves] turns a series of assessments into the moves between
// levels it implies, and says which dimensions drove each.
//
// Findings name the assessment's record ID as their subject and carry
// levels as intensities ([iop.UnitIntensity]: 21 for 2.1). [Rules] lists
// every code with its default severity and source.
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
//   - Weekly hours, length of stay and step-down allowance: the iop
//     profiles, each with its own citation.
//
// Where the sources are silent the library says so in the rule's
// Citation.Note, and the rule is data the user can replace.
//
// # Values and concurrency
//
// Dimensions, risks, modifiers and the other enums are small comparable
// values whose zero is unset; they have String, Parse and text marshalling.
// Assessments, decisions, reviews and discharges are comparable values.
// Criteria hold slices: compare them with [Criteria.Equal]. Nothing in the
// package holds state, reads a clock or logs; everything is safe for
// concurrent use.
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
package eligibility
