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
// A [Profile] is one JSON document with one identity: an ID, a title, the
// level it governs, the half-open range of days it is in force, the
// [Citation] of its source, and a [Scope] (how far it binds: national, a
// state, one Medicare contractor's states, one payer; and for which
// provider [Provider]s). It says who is an adult ([AgeRules]), the
// vocabulary the checks share, and holds each checking package's
// parameters as a [Part]: schedule.Benefit (weekly hours, per-day rules,
// partial weeks, step-down, payment tiers, certification, counting,
// claims), group.Composition (group sizes and staffing),
// eligibility.Placement (criteria, stay rules) and aftercare.FollowUp
// (follow-up windows). This package names none of them: a part is any
// value with a Package (its JSON key and the prefix of its rule codes), a
// rule Table and a Validate method, and [PartOf] finds one by type. A
// profile holds at most one part per package; a checker whose package has
// no part applies none of its parameterised rules. [Profile.WithPart]
// returns a profile with one part replaced.
//
// A profile also says how hard each rule bites: [Profile.Rules] holds
// [RuleSetting]s that give a rule another severity than its table's
// default, or turn it off (a payer contract that treats the weekly
// minimum as a warning). Each setting cites its source, and its code must
// be in the table of one of the profile's parts: [Profile.Validate] checks
// the codes once, for every checker.
//
// [ParseProfile] decodes a profile strictly (unknown or duplicate fields,
// unknown levels and dates that do not exist such as "2025-02-30" are
// refused), with the part kinds it is given, and runs [Profile.Validate],
// which reports every inconsistency as [FieldErrors] naming each field by
// its JSON path ("schedule.weekly.adult.min"). The root package's
// ParseProfile passes every kind, and its functions return the built-in
// profiles (ioprules.MedicareIOP2025, ...), listed with every parameter in
// the module's docs/profiles.md. [Profiles.AsOf] chooses the profile in
// force on a date.
//
// # Services
//
// [ServiceKind] names what a session furnishes and [Delivery] how
// ([DeliveryOf] reads it from a claim line's place of service and
// modifiers); which kinds, codes and deliveries count toward a program's
// hours is a parameter of schedule's part.
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
// # Enums and sets
//
// Every enum of the module (levels, populations, severities, and the enums
// of the checking packages) is a small unsigned integer whose zero value is
// unset and not valid, with String, IsValid, MarshalText and UnmarshalText;
// its constants carry the type's name ([PopulationAdult], [SeverityBlocking]).
// [Parse] reads any of them exactly as String writes it
// (iop.Parse[iop.Level]("2.1")) and [All] lists the values of one. A [Set] is
// a set of the values of one enum: comparable, its names joined by commas as
// text and an array of names in JSON. The text form is also the form to store:
// a database column holds the name, never the number (examples/ehrstore adapts
// it to database/sql).
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
