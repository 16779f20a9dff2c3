// Package iop is the shared vocabulary of ioprules: levels of care,
// populations, service minutes, dates, rule profiles with their citations,
// findings and errors. The checking packages (group, schedule,
// eligibility, aftercare) build on it; it imports none of them.
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
// [ServiceTierRules], [CertificationRules], [StayRules], [CountingRules],
// [ClaimRules], [GroupRules], [FollowUpRules]), each with the [Citation] of
// its source (section, title, edition, public URL, and a note where the
// value is the library's reading or was read from a secondary source). The
// profile has an ID, a title, the level it governs, the half-open range of
// days it is in force, and a [Scope]: how far it binds (national, a state,
// one Medicare contractor's states, one payer) and for which provider
// [Setting]s. A rule group left at its zero value is not applied.
//
// A profile also says how hard each rule bites: [Profile.Rules] holds
// [RuleSetting]s that give a rule of a checking package another severity
// than its rule table's default, or turn it off (a payer contract that
// treats the weekly minimum as a warning). Each setting cites its source.
//
// The built-in profiles are functions returning fresh values; the file
// docs/profiles.md of the module lists every parameter of each, generated
// from the code:
//
//	MedicareIOP2024/2025/2026  2.1  need of 9 h/week certified (a short week is a warning); no maximum;
//	                                recertified every other month; per diem by day: 3 / 4+ services,
//	                                APC 5861/5862 hospital, 5851/5852 CMHC; a day below 3 services is not an IOP day
//	MedicarePHP2024/2025/2026  2.5  need of 20 h/week certified (a warning); first recertification by the
//	                                18th day of services, then every 30 days; APC 5863/5864, 5853/5854
//	ASAM3Level21               2.1  adults 9h-19h59m, adolescents 6h-19h59m (below 2.5's 20 h); step-down 2 weeks (unconfirmed)
//	ASAM3Level25               2.5  20 h/week
//	H0015                      2.1  a service day has 3 h; 3 such days a week
//	S9480NewYork               2.1  3 h on a billed day, 9 h a week, justification after 6 weeks
//	TIP47                      2.1  adults 9 h, adolescents 6 h; groups of 6-12 as guidance (warnings)
//	DCLevel21                  2.1  adults 9h-19h59m, under 21 6h-19h59m; stay 30-60 days
//	NGSGroupPsychotherapy      2.1  groups of at most 12 (CPT 90853), in NGS's J6 and JK states only
//	ColoradoIOP                2.1  IOP groups of at most 12
//	TexasGroups2004, TexasGroups    counseling groups ≤ 16, education groups ≤ 35; adults and adolescents apart
//	CaliforniaDMC              1    groups of 2 to 12
//	WisconsinYouth             2.5  youth groups ≤ 12, a second staff member above 10
//	IllinoisAges               2.1  adolescents 12-17; 18-22 in adolescent care and 16-17 in adult care only with
//	                                documented justification (blocking without it)
//
// Where the sources are silent (how a partial first or last week counts) or
// unclear (whether Medicare PHP's "18th day" counts calendar days or days of
// service), the built-in value is a documented default, a parameter, and
// its citation's Note says so. Your own profile (a state's rules, a payer
// contract) is a Profile value built in Go or loaded with [ParseProfile],
// which decodes strictly (unknown or duplicate fields, unknown levels and
// dates that do not exist such as "2025-02-30" are refused) and runs
// [Profile.Validate], which reports every inconsistency as [FieldErrors]
// naming each field by its JSON path. [Profiles.AsOf] chooses the profile in
// force on a date.
//
// # Services, claims and follow-up
//
// [ServiceKind] names what a session furnishes; [CountingRules] say which
// kinds and codes count toward a program's hours, and which telehealth
// [Delivery] counts ([DeliveryOf] reads it from a claim line's place of
// service and modifiers). [ClaimRules] say which HCPCS and CPT codes are
// program services, how many minutes a unit stands for or whether it is a
// per diem, and what a program claim must carry (condition code, types of
// bill, revenue codes). [Measure] names the HEDIS follow-up measures (IET,
// FUA, FUM, FUH, FUI) with their day conventions; a profile lists the ones
// that apply ([FollowUpOf]).
//
// # Findings
//
// Every checking package checks the same way: a Checker built once from a
// profile, and verb-named methods per subject returning ([Findings],
// error). A [Finding] has a stable [Code]
// ("schedule.weekly-minutes.below-minimum"), a [Severity] (info, warning,
// blocking: do not bill, admit or discharge on the record), the record ID
// it is about, the day it concerns, the level it points to, the figures
// (Need, Got, in a [Unit]). A finding is a result, not an error: small,
// comparable, and made without allocating. It refers to its rule by code:
// the rule's words and citation are in a [RuleTable], which renders them
// when asked ([RuleTable.Message]). Each package's Rules function returns
// its rule table (code, default severity, summary, general source), each
// Checker's Rules the table as its profile applies it (severity, the
// profile's citation), and the root package's Catalog every rule of the
// library. [Findings.BlockingErr] returns nil unless a finding blocks, and
// otherwise a [*BlockingError] holding the blocking findings only, so that
// errors.Is(fs.BlockingErr(), code) is false for a warning of that code.
//
// # Errors
//
// Malformed input is an error, never a finding: a [*ParseError] from a
// Parse function, a [*FieldError] naming the field from a decoder or a
// validation, a list of them as [FieldErrors] (every error kept, like
// go/scanner's ErrorList). Each wraps one of a handful of sentinels
// ([ErrUnknown], [ErrUnknownField], [ErrMissing], [ErrOutOfRange],
// [ErrDuplicate], [ErrOrder], [ErrSyntax], [ErrInvalidDate], [ErrTooLarge])
// for errors.Is. No error holds the rejected text: an unknown JSON member is
// named by its position ("weekly.#3"), a rejected value by its field.
// Decoders refuse input above 8 MiB. [CheckID] and [CheckServiceDate] are
// the checks every package applies to record IDs and service dates. Nothing
// in the package panics on any input except the MustParse functions, which
// are for tests and constants.
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
//   - SSA §1861(ff)(4) (added by CAA 2023 §4124) and 42 CFR 410.44:
//     Medicare IOP, a certified need of 9 hours a week.
//   - 42 CFR 410.43(c)(1): Medicare PHP, 20 hours a week; CMS Change
//     Request 11066 (2019): informational remittance for shorter weeks.
//   - 42 CFR 424.24(d) and (e): certification and recertification.
//   - OPPS final rules CY2024 (88 FR 81540), CY2025, CY2026 (90 FR 53448):
//     IOP and PHP per diem APCs 5851-5854 (CMHC) and 5861-5864 (hospital).
//   - Medicare Claims Processing Manual ch. 4 §260; CR 13222 (condition
//     code 92); CPT and HCPCS code sets; place of service codes 02, 10.
//   - NCQA HEDIS IET, FUA, FUM, FUH, FUI (measurement years 2024-2026).
//   - Aetna Clinical Policy Bulletin: ASAM 2.1 bands of 9-19 and 6-19 hours.
//   - HCPCS H0015 and S9480 (New York OMH); CPT 90853 and NGS LCD L33632
//     ("Psychiatry and Psychology Services").
//   - SAMHSA TIP 41 (2005, group therapy), TIP 47 (2006, intensive
//     outpatient) and the 2021 advisory on intensive outpatient treatment.
//   - 22-A DCMR 6329 (District of Columbia level 2.1).
//   - 77 Ill. Adm. Code 2060 (Illinois adolescent ages; adopted 2025-04-02).
//   - 2 CCR 502-1 §4.6.1(E) (Colorado IOP groups); 26 TAC §564.902(b) and
//     §564.905(b)(1), formerly 25 TAC §448.901 (Texas group sizes and age
//     separation); Cal. Welf. & Inst. Code §14021.6 (California group
//     sizes); Wis. Admin. Code DHS 40.10(3)(a)3 (Wisconsin youth groups).
package iop
