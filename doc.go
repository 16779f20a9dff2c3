// Package ioprules turns the rules of Intensive Outpatient Programs (IOP)
// for addiction and mental-health treatment into typed values with
// validation, so that electronic health records, billing engines and
// compliance test suites can import them instead of re-typing the rules.
//
// The library holds no state, opens no files or connections and logs
// nothing: it takes values and returns values, findings and errors. Every
// check takes the date it judges; nothing reads the clock. This package
// holds the manual and [Catalog]; the work is done by the packages below.
//
// # Packages
//
//   - [github.com/ioprules/ioprules/iop]: the shared vocabulary: ASAM levels
//     of care (3rd and 4th editions), populations, minutes, rule profiles
//     with their citations, findings, and group-composition rules.
//   - [github.com/ioprules/ioprules/iop/ioptest]: testify-based assertions
//     for compliance test suites.
//   - [github.com/ioprules/ioprules/eligibility]: ASAM six-dimension
//     assessments to a level-of-care decision with its reasons and variance;
//     admission, continued-stay, transfer and discharge criteria.
//   - [github.com/ioprules/ioprules/schedule]: sessions and attendance,
//     weekly hours against thresholds, per-day service counts and payment
//     tiers, partial weeks, certification deadlines, schedule templates,
//     and a batch path for billing engines.
//   - [github.com/ioprules/ioprules/aftercare]: the episode of care as a
//     state machine, discharge reasons, aftercare plans and follow-up
//     windows, step-down transitions, program measures.
//
// Dependencies point one way: iop imports none of the others; schedule,
// eligibility and aftercare import iop.
//
// # Rule profiles
//
// Every number a rule uses (weekly minutes, service days, group sizes,
// certification intervals, follow-up windows, the adult age) lives in an
// [iop.Profile]: a named value with the dates it is in force and a citation
// for each group of parameters. Built-in profiles are functions that return
// a fresh value ([iop.MedicareIOP2024], [iop.MedicarePHP2024],
// [iop.ASAM3Level21], [iop.ASAM3Level25], [iop.H0015], [iop.TIP47], state
// profiles such as [iop.DCLevel21] and [iop.ColoradoIOP]; [iop.Builtins]
// lists them all). A state's or a payer's rules are a profile of your own,
// built in Go or loaded from JSON with [iop.ParseProfile], which decodes
// strictly and validates: an unknown field, an unknown level, a minimum
// above its maximum or a date that does not exist is refused with an error
// naming the field. [iop.Profiles.AsOf] chooses the profile in force on a
// date, because rules change by year.
//
// Where a source is silent or sources disagree (how a partial first week
// counts, how often Medicare IOP is recertified), the library does not
// decide silently: the choice is a parameter, the built-in default is
// documented, and its citation carries a note saying so.
//
// # Findings
//
// Checks return [iop.Findings]: every finding, in rule order, each with a
// stable [iop.Code] that test suites assert on, a severity, a message that
// names record IDs and never a person, the citation of the rule, and the
// figures involved (needed 540 minutes, found 539). Findings.Err is nil
// when nothing blocks, and errors.Is(err, code) finds a finding by its
// code. [Catalog] lists every code the library can emit, with its source.
//
// # A short example
//
// Is one patient's week billable under the Medicare IOP benefit?
//
//	ck, err := schedule.NewChecker(iop.MedicareIOP2024(), schedule.DefaultCounting())
//	week := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
//	findings, err := ck.Week(ck.Summarize(week, sessions),
//		schedule.Episode{Population: iop.Adult, Admitted: admitted})
//	if err := findings.Err(); err != nil {
//		// a blocking finding, for example schedule.weekly-minutes.below-minimum:
//		// counted service time is below the weekly minimum (need 9h00m, got 8h59m)
//		// (42 CFR 410.44(c); 42 CFR 424.24(d)(1) (CY2024 OPPS/PFS final rules))
//	}
//
// The quickstart program (go run ./examples/quickstart) walks through every
// package on embedded sample data.
//
// # Privacy
//
// Records are identified by opaque IDs chosen by the caller. No message,
// finding or error holds a name, a birth date or any other identifying
// detail (42 CFR Part 2).
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
//   - 42 CFR 410.43 (partial hospitalization), 410.44 (intensive outpatient),
//     424.24(d) and (e) (certification); CY2024 OPPS/PFS final rules.
//   - The ASAM Criteria, 3rd edition (2013) and 4th edition (2023).
//   - SAMHSA TIP 41 (group therapy, 2005), TIP 47 (intensive outpatient,
//     2006), and the 2021 advisory on intensive outpatient treatment.
//   - HCPCS H0015, S9480; CPT 90853; NGS LCD L33632.
//   - State rules: 22-A DCMR 6329, 2 CCR 502-1 §4.6.1(E), 26 TAC §564.902,
//     Cal. Welf. & Inst. Code §14021.6, Wis. Admin. Code DHS 40.10,
//     77 IAC 2060.120, Minn. R. 9530.6620-6622.
//   - SAMHSA TEDS-D discharge reasons; NCQA HEDIS follow-up measures
//     (IET, FUA, FUM, FUH, FUI), measure years 2024-2025.
//   - 42 CFR Part 2 (confidentiality of SUD records), 2024 final rule.
package ioprules
