// Package ioprules turns the rules of Intensive Outpatient Programs (IOP)
// for addiction and mental-health treatment into typed values with
// validation, so that electronic health records, billing engines and
// compliance test suites can import them instead of re-typing the rules.
//
// The library holds no state, opens no files or connections and logs
// nothing: it takes values and returns values, findings and errors. Every
// check takes the date it judges; nothing reads the clock. This package
// holds the manual, the built-in profiles ([MedicareIOP2025], [Builtins],
// ...), [ParseProfile] for a whole profile and [Catalog] of every rule; the
// work is done by the packages below.
//
// # Packages
//
//   - [github.com/ioprules/ioprules/iop]: the shared vocabulary: ASAM levels
//     of care (3rd and 4th editions), populations, minutes, dates, service
//     kinds and deliveries, rule profiles with their citations and scope,
//     claim rules, HEDIS measures, findings and errors.
//   - [github.com/ioprules/ioprules/iop/group]: group composition: sessions,
//     participants, facilitators, the check and the roster planner.
//   - [github.com/ioprules/ioprules/iop/ioptest]: testify-based assertions
//     for compliance test suites.
//   - [github.com/ioprules/ioprules/eligibility]: ASAM six-dimension
//     assessments to a level-of-care decision with its reasons and variance;
//     admission, continued-stay, transfer and discharge criteria.
//   - [github.com/ioprules/ioprules/schedule]: sessions and claim lines,
//     attendance, weekly hours against thresholds, per-day service counts
//     and payment tiers, partial weeks, certification deadlines, schedule
//     templates, and a batch path for billing engines.
//   - [github.com/ioprules/ioprules/aftercare]: the episode of care as a
//     state machine, discharge reasons, aftercare plans and follow-up
//     windows, step-down transitions, program measures.
//   - [github.com/ioprules/ioprules/x12]: the X12 837I reader: institutional
//     claims (005010X223A2) as billers send them, streamed into
//     schedule's claim lines and the claims' own facts (type of bill,
//     replacement and void, statement dates, condition codes).
//   - [github.com/ioprules/ioprules/authorization]: utilization review:
//     payer authorizations, the use counted against them, remaining
//     quantity and run-out day, concurrent reviews due, payer decision
//     times.
//
// Dependencies point one way: iop imports none of the others; group,
// schedule, eligibility and aftercare import iop; eligibility imports
// schedule (the weekly band an admission is held to), aftercare may import
// both; x12 imports iop and schedule; authorization imports schedule and
// eligibility; this package imports them all, for its built-in profiles.
//
// # One way to check
//
// Every checking package works the same way. A Checker is built once from a
// rule profile, which NewChecker validates; its methods are verbs, one per
// subject, and each returns the findings of the rules and an error for a
// subject that is not valid:
//
//	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025()) // the profile is validated here
//	sum, err := ck.Summarize(week, sessions)               // err: a session that is not valid, by field
//	findings, err := ck.CheckWeek(&sum, episode)            // findings: what the rules found
//	if err := findings.BlockingErr(); err != nil {          // nil unless a finding blocks
//		// do not bill this patient-week
//	}
//
// The same shape in each package, enforced by a test of this package:
// NewChecker(p) with the profile alone; every CheckX(args) has an
// AppendX(dst, args) that appends into the caller's slice; every Checker
// has IsZero, Profile and Rules (the rule table as the profile applies
// it); records larger than 128 bytes go by pointer.
//
//	group.NewChecker(p)        CheckMeeting, PlanRoster
//	schedule.NewChecker(p)     Summarize, SummarizeClaims, CheckWeek, CheckWeeks, CheckCertification,
//	                           CheckCertificationContent, CheckClaim, CheckClaims
//	eligibility.NewChecker(p)  Decide, Recommended, CheckDecision, CheckVariance, CheckAdmission,
//	                           CheckContinuedStay, CheckTransfer, CheckDischargeReview
//	aftercare.NewChecker(p)    CheckDischarge, CheckStepDown, Measure
//	authorization.NewChecker(p) CheckStay, CheckClaims, CheckStays, CheckLevel, CheckTurnaround,
//	                           Remaining, RemainingClaims
//
// Bad input is never reported as a finding: it is an error naming the
// field ([iop.FieldErrors]). For one record, use the one-shot CheckX: it
// allocates nothing when every rule is met and once when it returns
// findings. For a batch, use the Append forms into one slice you reuse:
// nothing is allocated per record. Making a finding allocates nothing, and
// its words are rendered from the checker's rule table when asked
// (ck.Rules().Message(f)). A checker judges only the days its profile is in
// force: any other day is an error wrapping [iop.ErrNotInForce], and a week
// is judged by the profile in force on its first day of service. A Checker
// is an immutable value, safe for concurrent use.
//
// # Rules and their force
//
// Each package has one rule table (its Rules function, an [iop.RuleTable]):
// every code it can emit, the severity it has by default, what it checks,
// and the source of the rule. [Catalog] joins them; a checker's Rules gives
// the table as its profile applies it. A finding's severity says what to do with the
// record: blocking means do not bill, admit or discharge on it; a warning
// asks for review; info is for the record. The severity is the force the
// rule's source gives it: a regulation's payment condition blocks, a
// certification requirement or a guideline ("typically 6 to 12 members")
// warns. A profile can give a rule another severity or turn it off, with
// its source ([iop.RuleSetting]): the Medicare profiles make a week below 9
// (IOP) or 20 (PHP) hours a warning, because the hours are what the
// physician certifies the patient needs, and a day below 3 services
// blocking, because it is not paid as a program day.
//
// # Rule profiles
//
// Every number a rule uses (weekly minutes, service days, group sizes,
// certification intervals, follow-up windows, the adult age, payment tiers,
// claim codes) lives in an [iop.Profile]: a named value with the dates it
// is in force, its scope (national, a state, one Medicare contractor's
// states, one payer; the provider settings it applies to) and a citation
// for each group of parameters. The profile holds its identity and the
// ages; each checking package's parameters are its part of the profile
// (schedule.Benefit, group.Composition, eligibility.Placement,
// aftercare.FollowUp), under the package's key in JSON ("schedule":
// {...}), and a checker whose package has no part applies none of its
// parameterised rules. [Kinds] lists the part types. Built-in profiles are functions that
// return a fresh value (ioprules.MedicareIOP2024, ioprules.MedicareIOP2025,
// ioprules.MedicareIOP2026, ioprules.MedicarePHP2024 ..., ioprules.ASAM3Level21,
// ioprules.H0015, ioprules.TIP47, group.NGSGroupPsychotherapy, state profiles
// such as ioprules.DCLevel21 and group.ColoradoIOP; ioprules.Builtins lists them
// all, and docs/profiles.md in the module lists every parameter of each
// with its citation). A state's or a payer's rules are a profile of your
// own, built in Go or loaded from JSON with [ParseProfile], which decodes
// strictly and validates: an unknown field, an unknown level, a minimum
// above its maximum, a date that does not exist or a rule setting whose
// code no part of the profile knows is refused with an error naming the
// field. [iop.Profiles.AsOf] chooses the profile in
// force on a date, because rules change by year.
//
// Where a source is silent or unclear (how a partial first week counts,
// whether Medicare PHP's "18th day" counts calendar days), the library does
// not decide silently: the choice is a parameter, the built-in default is
// documented, and its citation carries a note saying so.
//
// # Findings
//
// Checks return [iop.Findings]: every finding, in rule order, each with a
// stable [iop.Code] that test suites assert on, a severity, the record ID it
// concerns, the day, and the figures involved (needed 540 minutes, found
// 539). The rule's words and citation are looked up by code in a rule
// table ([iop.RuleTable]). Findings.BlockingErr is nil when nothing blocks;
// errors.Is(fs.BlockingErr(), code) is true only for a blocking finding of
// that code.
//
// # Privacy
//
// Records are identified by opaque IDs chosen by the caller, checked by
// [iop.CheckID]. No message, finding or error holds a name, a birth date,
// a rejected value or an unknown key: errors name field paths, record IDs
// passed as IDs, and figures (42 CFR Part 2).
//
// # Licensing of criteria
//
// The ASAM Criteria text and ASAM's decision software are proprietary. The
// library ships only what public sources publish (CMS rules, SAMHSA TIPs,
// state Medicaid manuals, payer policies), cites them, and lets users load
// licensed criteria as data ([eligibility.ParseCriteria]).
//
// # References
//
//   - SSA §1861(ff) as amended by CAA 2023 §4124; 42 CFR 410.43 (partial
//     hospitalization), 410.44 (intensive outpatient), 424.24(d) and (e)
//     (certification); OPPS final rules CY2024 (88 FR 81540), CY2025,
//     CY2026 (90 FR 53448); CMS Change Request 11066; CR 13222; Medicare
//     Claims Processing Manual ch. 4 §260.
//   - The ASAM Criteria, 3rd edition (2013) and 4th edition (2023).
//   - SAMHSA TIP 41 (group therapy, 2005), TIP 47 (intensive outpatient,
//     2006), and the 2021 advisory on intensive outpatient treatment.
//   - HCPCS H0015, S9480, G0410, G0411, G0129, G0176, G0177; CPT 90832-90853;
//     NGS LCD L33632 ("Psychiatry and Psychology Services").
//   - State rules: 22-A DCMR 6329, 2 CCR 502-1 §4.6.1, 26 TAC §564.902 and
//     25 TAC §448.901, Cal. Welf. & Inst. Code §14021.6, Wis. Admin. Code DHS
//     40.10, 77 Ill. Adm. Code 2060, Minn. R. 9530.6620-6622.
//   - SAMHSA TEDS-D discharge reasons; NCQA HEDIS follow-up measures
//     (IET, FUA, FUM, FUH, FUI), measurement years 2024-2026.
//   - 42 CFR Part 2 (confidentiality of SUD records), 2024 final rule.
//   - 45 CFR 162.1102 (the HIPAA claims standard) and the ASC X12 837
//     Institutional TR3, 005010X223A2.
package ioprules
