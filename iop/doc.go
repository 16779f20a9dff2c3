// Package iop is the shared vocabulary of ioprules: levels of care,
// populations, service minutes, rule profiles with their citations, and
// findings. The schedule, eligibility and aftercare packages build on it;
// it imports none of them. It also holds the group-composition rules.
//
// # Levels of care
//
// [Level] covers the levels of The ASAM Criteria, 3rd edition (2013: 0.5,
// 1, 2.1, 2.5, 3.1, 3.3, 3.5, 3.7, 4, the withdrawal-management levels
// 1-WM to 4-WM, and opioid treatment services) and 4th edition (2023: 1.0,
// 1.5, 1.7, 2.1, 2.5, 2.7, 3.1, 3.5, 3.7, 4). [Level.InEdition] says where a
// level is defined, [Level.Name] gives its name per edition (and, for the
// 3rd edition's 3.5 and 3.7, per population), and [Level.Compare] orders
// levels by intensity. Levels parse from and format to ASAM's own codes
// ("2.1", "3.2-WM"), in text and JSON.
//
// # Populations and ages
//
// [Population] is adult or adolescent. Which one a person is on a date is
// a rule of the profile ([AgeRules]): adult from 18 in most rules, from 21
// in the District of Columbia's. Ages are whole years by birthdays
// ([AgeOn]); a person born on February 29 turns a year older on March 1
// in common years.
//
// # Minutes
//
// Service time is [Minutes], whole minutes: the rules' "9 hours a week" is
// [Hours](9), 540 minutes, and 539 minutes is below it. Minutes format as
// "9h00m". Days are calendar dates ([date.Date]); the library never turns a
// day into 24 hours.
//
// # Rule profiles
//
// A [Profile] holds every number a check uses, in rule groups ([AgeRules],
// [WeeklyRules], [DailyRules], [PartialWeekRules], [StepDownRules],
// [ServiceTierRules], [CertificationRules], [StayRules], [GroupRules],
// [FollowUpRules]), each with the [Citation] of its source; the profile has
// an ID, a title, the level it governs and the half-open range of days it
// is in force. A rule group left at its zero value is not applied.
//
// The built-in profiles are functions returning fresh values:
//
//	MedicareIOP2024   2.1  9-19 h/week; recert 60 days (sources disagree); per diem 3 / 4+ services; groups ≤ 12
//	MedicarePHP2024   2.5  20 h/week; recert by the 18th day of services (day 17), then every 30 days; plan review 31 days
//	ASAM3Level21      2.1  adults 9-19 h, adolescents 6-19 h; step-down allowance 2 weeks (unconfirmed)
//	ASAM3Level25      2.5  20 h/week
//	H0015             2.1  a service day has 3 h; 3 such days a week
//	S9480NewYork      2.1  3 h on a billed day, 9 h a week, justification after 6 weeks
//	TIP47             2.1  adults 9 h, adolescents 6 h; groups of 6-12 (TIP 41)
//	DCLevel21         2.1  adults 9-19 h, under 21 6-19 h; stay 30-60 days
//	ColoradoIOP       2.1  IOP groups of at most 12
//	TexasGroups       2.1  counseling groups ≤ 16, education and life-skills groups ≤ 35; adults and adolescents apart
//	CaliforniaDMC     1    groups of 2 to 12
//	WisconsinYouth    2.5  youth groups ≤ 12, a second staff member above 10
//	IllinoisAges      2.1  adolescents 12-17; 18-22 may stay in adolescent care, 16-17 may join adult care, with justification
//
// Where the sources are silent (how a partial first or last week counts) or
// disagree (Medicare IOP recertification), the built-in value is a
// documented default and its citation's Note says so. Your own profile (a
// state's rules, a payer contract) is a Profile value built in Go or loaded
// with [ParseProfile], which decodes strictly (unknown or duplicate fields,
// unknown levels and dates that do not exist such as "2025-02-30" are
// refused) and runs [Profile.Validate], which reports every inconsistency
// as a [*FieldError] naming the field by its JSON path. [Profiles.AsOf]
// chooses the profile in force on a date.
//
// # Group composition
//
// A [GroupSession] is one meeting of a group: its kind (psychoeducation,
// skills development, CBT, DBT, process, support, family, trauma-informed,
// relapse prevention, twelve-step facilitation, ...), its [GroupFocus]
// (gender, age band, dual diagnosis, trauma, a cohort such as a language),
// whether it is open or closed to new members, its facilitators and its
// participants (patients, family members, observers), each named by a
// record ID. [GroupSession.Check] applies a profile's [GroupRules] and
// [AgeRules] and reports every finding: a size outside the limits (family
// members and observers counted as the profile says, with a separate cap
// for education groups where a state sets one), too few facilitators, no
// licensed facilitator, a co-facilitator missing above the profile's size,
// adolescents and adults mixed, a participant who does not fit the group's
// focus, a missing confidentiality agreement, a new member in a closed
// group, a patient at another level of care. [Roster.Plan] splits a roster
// of patients into groups that comply, or says which patients it cannot
// place and why. A compliant 12-person check does not allocate.
//
// # Findings
//
// A check returns [Findings]: every finding, in rule order. Each [Finding]
// has a stable [Code] ("schedule.weekly-minutes.below-minimum"), a
// [Severity] (info, warning, blocking), the record ID it is about, a
// message, the citation of the rule from the profile applied, and the
// figures (Need, Got, in a [Unit]). [Findings.Err] returns nil unless a
// finding blocks; errors.Is(err, code) finds a finding by its code. [Rules]
// lists the codes this package emits; the root package's Catalog lists
// every code of the library.
//
// # Errors
//
// Malformed input is an error: a [*ParseError] from a Parse function, a
// [*FieldError] naming the field from a decoder or from Validate, a list of
// them as [Errors]. Each wraps a sentinel (ErrUnknownLevel, ErrMinAboveMax,
// ErrInvalidDate, ...) for errors.Is. Well-formed input that breaks a rule
// is a finding, not an error. Nothing in the package panics on any input
// except the MustParse functions, which are for tests and constants.
//
// # Privacy and concurrency
//
// Records are named by opaque IDs the caller chooses; no message or error
// holds a name, a birth date or any value that could identify a person, and
// the package logs nothing. Every exported type is a value, safe for
// concurrent use when not written to; there is no package-level mutable
// state, and no function reads the clock.
//
// # References
//
//   - The ASAM Criteria, 3rd edition (2013) and 4th edition (2023): levels,
//     names, dimensions. Proprietary; only the public summaries are used.
//   - 42 CFR 410.44 and SSA §1861(ff)(3)(A) as amended by CAA 2023 §4124:
//     Medicare IOP, 9 hours a week (CY2024 OPPS/PFS final rules).
//   - 42 CFR 410.43(c)(1): Medicare PHP, 20 hours a week.
//   - 42 CFR 424.24(d) and (e): certification and recertification.
//   - CY2024 OPPS final rule (88 FR 81540): IOP per diem APCs 5851/5852.
//   - Aetna Clinical Policy Bulletin: ASAM 2.1 bands of 9-19 and 6-19 hours.
//   - HCPCS H0015 and S9480 (New York Medicaid); CPT 90853 and NGS LCD L33632.
//   - SAMHSA TIP 41 (2005, group therapy), TIP 47 (2006, intensive
//     outpatient) and the 2021 advisory on intensive outpatient treatment.
//   - 22-A DCMR 6329 (District of Columbia level 2.1).
//   - 77 IAC 2060.120 (Illinois adolescent ages).
//   - 2 CCR 502-1 §4.6.1(E) (Colorado IOP groups); 26 TAC §564.902(b) and
//     §564.905(b)(1), formerly 25 TAC §448.901 (Texas group sizes and age
//     separation); Cal. Welf. & Inst. Code §14021.6 (California group
//     sizes); Wis. Admin. Code DHS 40.10(3)(a)3 (Wisconsin youth groups).
package iop
