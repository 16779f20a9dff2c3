// Package schedule checks the service time of intensive outpatient (IOP)
// and partial hospitalization (PHP) programs against a rule profile: for
// each patient-week, did the hours that count reach the profile's
// threshold, on enough days, and if not, why not. It also counts the
// services of a day for per-diem billing, says when certifications are due,
// judges a weekly template, reads sessions and claim lines from billing
// exports, checks claims, and summarises millions of sessions for a billing
// engine without allocating per session.
//
// Every threshold comes from the profile's [Benefit], this package's part
// of an [iop.Profile]: the weekly band per population, the per-day
// minimums, the partial-week and step-down rules, the payment tiers, the
// certification intervals, the counting rules and the claim rules, each
// group with its citation. A rule group the Benefit leaves zero is not
// applied, and a profile without a Benefit checks no hours.
//
// # The checker
//
// Every check goes through a [Checker], made from one profile by
// [NewChecker], which validates the profile ([iop.Profile.Validate]: a
// setting of a rule code that no part's table lists is refused):
//
//	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025()) // or the profile Profiles.AsOf picks for the week
//	sum, err := ck.Summarize(week, sessions)     // one patient-week
//	findings, err := ck.CheckWeek(&sum, episode)  // nil when every rule is met
//	fs, err = ck.AppendWeek(fs[:0], &sum, episode) // the same, into a reused slice
//
// The error of a check is for input that is not valid: an episode without
// admission, a session that fails [Session.Validate], a summary without a
// week. It is an [iop.FieldErrors] naming every bad field
// ("sessions[3].minutes", "episode.admitted") and wrapping iop's sentinel
// errors ([iop.ErrMissing], [iop.ErrOutOfRange], ...). Bad input never
// comes back as a finding. Well-formed input that breaks a rule is a
// finding: an [iop.Finding] with the rule's code and severity, the
// patient as Subject, the day it concerns (Finding.Day) and its figures
// (Need, Got, Unit); [Checker.Rules] puts them in words
// ([iop.RuleTable.Message]). A finding drawn from one record read from a
// file (a session's overlap or duplicate, a claim line repeated, a claim)
// says where it was read, [iop.Finding.Input]: the line of its CSV row
// ([Session.Input], [ClaimLine.Input], set by the readers) or the 837I SV2
// segment (package x12), written "input line 12" or "segment 57".
// Findings come in the order of [Rules], then of the days. The checks
// build no strings and allocate nothing when the week complies, and
// nothing beyond the growth of dst with findings.
//
// [Rules] is the one rule table: each code with its default severity and
// its general source. A profile may give a rule another severity or turn
// it off ([iop.Profile.Rules]): a payer contract that treats the weekly
// minimum as a warning. [Checker.Rules] gives the table as the profile
// applies it: its severities, and the citation of the profile's own rule
// group (Weekly, Daily, ServiceTiers, ...) where it has one.
//
// # Sessions and attendance
//
// A [Session] is one scheduled service for one patient: a date, a start
// [Clock], a planned length in [iop.Minutes], an [iop.ServiceKind], an
// optional billing code, how it was delivered ([iop.Delivery]: in person,
// video, audio only; unset is in person), and an [Attendance]: [AttendanceAttended]
// (the planned minutes count), [AttendancePartial] with the minutes attended (a late
// arrival or an early leave), [AttendanceAbsent] or [AttendanceExcused] (nothing counts: no
// service was furnished). [Session.Validate] reports every problem; a date
// that does not exist ("2025-02-30") is refused where it is parsed, by
// [ParseSession], [ParseSessions] and [SessionReader], with
// [iop.ErrInvalidDate]. Record IDs (patient, session, claim) must pass
// [iop.CheckID] and hold no U+FFFD (what JSON decoding makes of invalid
// UTF-8), and dates of service [iop.CheckServiceDate] (1970-01-01 to
// 2199-12-31), the same way in JSON and CSV. In JSON minutes are written
// as "3h00m"; in CSV, as whole minutes.
//
// # What counts
//
// Which sessions count toward the hours is a rule of the profile,
// [CountingRules] in its [Benefit] part, so that choosing the
// profile in force on a date ([iop.Profiles.AsOf]) chooses it too: a
// session counts when its kind, or its billing code, is one the rule
// names and it was delivered in a way the rule counts
// (CountingRules.delivered: in person always; video or audio only
// when Counting.Telehealth holds it, which Medicare's IOP and PHP profiles
// do not, and a state or payer profile may); then its attended minutes
// count. [DefaultCounting] names the
// services 42 CFR 410.43(a)(4) and 410.44 list (individual and group
// therapy, family counseling, patient education, medication, occupational
// and activity therapy, diagnostic services); recreation, case management,
// peer support and other services do not count unless the profile's rule
// adds them. Time in sessions that do not count, and planned time not
// attended, are reported as information ([CodeUncountedTime],
// [CodeMissedTime]); telehealth time a profile does not count is
// uncounted time.
//
// # Counting that cannot be inflated
//
// A patient's sessions of a week are added up in one canonical order,
// whatever order they come in: by day, start, the later end first, then
// kind and ID. A session that repeats one already taken (the same session
// ID, or the same day, start and kind) counts nothing: it is a duplicate
// ([WeekSummary.Duplicates], [CodeSessionDuplicate]). A countable session's
// time is the interval from its start for its attended minutes, and the
// day's counted time is the union of those intervals: time overlapped
// counts once, and a session that adds no time is no service
// ([WeekSummary.Overlaps], [CodeSessionOverlap]). Each finding names the
// record ID of the first session not counted (the patient's when the
// session has none) and the minutes not counted. So repeating, reordering
// or splitting rows never raises the time counted, and [Checker.Summarize]
// and a [Summarizer] give the same summaries on any input. Duplicates are
// found within one patient-week. A session is a service for the day's
// count only with time of its own of at least the profile's
// [CountingRules.MinServiceMinutes] (Medicare: 16): three sessions of an
// hour at 09:00, 09:01 and 09:02 are 62 minutes and one service, and the
// overlap finding names both sessions (Ref is the session overlapped).
//
// # Weeks
//
// A [Week] always has seven days, the range Start..End half-open, and
// belongs to a named scheme, [Weeks]: [ISOWeeks] (Monday to Sunday,
// numbered in the ISO year, so 2024-12-30 is in 2025-W01),
// [CalendarWeeks] from a chosen weekday (Sunday to Saturday, say), or
// [ProgramWeeks] from the admission day. Which one a payer uses is the
// caller's choice: the sources checked do not say which week the IOP rule
// means. A week that straddles a year end is one week like any other. As
// text ([Week.String], [ParseWeek], and in JSON) an ISO week is its ISO
// 8601 week date, "2025-W10"; a calendar week an ISO 8601 interval of one
// week from its first day, "2024-12-29/P1W"; a program week the admission
// day and its number, "2024-12-18/W2".
//
// # Checking a week
//
// [Checker.Summarize] adds up one patient's sessions of a week into a
// [WeekSummary] (minutes that count, per week and per day; countable
// services per day; absences; time that does not count);
// [Checker.CheckWeek] checks the summary for a patient's [Stay]. The
// weekly band is judged by [iop.Band.Compare], the one judgement of weekly
// minutes the library makes. Boundaries are exact to the minute: a 9-hour
// minimum is 540 minutes, and 539 is below it. The findings are
// [iop.Findings]: BlockingErr() is nil unless one blocks, and
// errors.Is(fs.BlockingErr(), code) is true only for a blocking finding.
//
// # Partial weeks and step-down
//
// A week the episode covers only in part (admitted after its first day,
// discharged before its last) is held to the minimum the profile's
// PartialWeeks rule sets: the full minimum, a prorated one (days in the
// episode / 7, rounded down: [Prorate]), or none. When a week is both
// the first and the last, the rule that asks less applies. Program weeks
// start on the admission day, so their first week is never partial. Service
// on days outside the episode is reported and not counted. The weeks that
// overlap the profile's StepDown.Weeks weeks from the day a patient steps
// down are not held to the weekly minimums (minutes and service days); a
// shortfall there is information, not a block ([CodeStepDownAllowance]).
// The step-down is [Stay.StepDown], an [iop.StepDown] (day, from, to): the
// one record eligibility's continued-stay and transfer checks and
// aftercare's step-down check read too, so the three agree on which days
// the allowance covers (the step-down's day and the 13 after it, for 2
// weeks). Only a step-down that lowers the level from the profile's level
// gives the allowance.
//
// # Per-day services and payment tiers
//
// Medicare pays IOP and PHP days as a per diem in tiers by the number of
// services that day (3 services, or 4 or more), with a payment
// classification (APC) by provider setting: hospital IOP 5861/5862, CMHC
// IOP 5851/5852, hospital PHP 5863/5864, CMHC PHP 5853/5854; RHCs and
// FQHCs are paid outside the APCs. [Checker.Days] gives each day of a
// summary its countable services and the tier they reach, and
// [Checker.DaysIn] the tier's APC in a setting (the episode's
// [Stay.Setting]): the tiers are a value, not findings. A day with
// services below the lowest tier is a finding ([CodeBelowTier], with the
// day in Finding.Day, Need 3 and Got the services): a day with fewer than
// 3 services is not paid as a program day, and what it gets instead
// depends on the setting ([ServiceTierRules.ShortDays], [Day.Pay]): under
// the Medicare profiles a hospital's services are paid one by one (a
// warning), a CMHC's day goes unpaid (blocking), an OTP's days have no
// daily tier, and with no setting given the day is held as not judged.
// The finding holds that day only, never the week ([iop.Findings.Held]).
// Their weekly minimums (9 hours IOP, 20 PHP) are what the
// physician certifies the patient needs, not a condition of payment for
// each week: the Medicare profiles make a short week a warning. Where a
// band has a top (ASAM 2.1 ends at 19h59m), hours above it are a finding
// whose Level is the level they fall in ([WeeklyRules.Above]: 2.5).
//
// # Certification
//
// [CertificationDueDates] lists when the initial certification and each
// recertification fall due for a profile; [NextCertification] says when the
// next one is due given those signed; [Checker.CheckCertification] (and
// [Checker.AppendCertification]) checks that a
// week's days of service fall under a current certification and that the
// plan of care was reviewed in time. Days count from admission as day 0,
// both ends included; see [Certifications] for the exact reading.
// Intervals are in days (Medicare IOP: no less often than every 60 days,
// 42 CFR 424.24(d)(3)(ii), so a certification signed on July 1st covers
// through August 30th; Medicare PHP: every 30 days) or calendar months (a
// program's "every other month": 2024-12-31 is due again by 2025-02-28). A
// first recertification counted in days of service (Medicare PHP: by the
// 18th day of services) depends on the days the patient attended: give
// them in [Certifications.ServiceDays] (the checked week's are added), and
// use [Certifications.DueDates] for the dates.
//
// What a certification says is checked apart, by
// [Checker.CheckCertificationContent], from the record's
// [Certifications.Content] (the [CertStatement]s each certification
// holds) and [Certifications.Plan] (the [TreatmentPlan]: when and by whom it
// was established, the [PlanElement]s it sets forth), against the
// profile's [CertificationContentRules] and [PlanRules]. The Medicare
// profiles require, for IOP (42 CFR 424.24(d)), that the initial
// certification state the need for at least 9 hours a week, the plan
// established by a physician and the care of a physician, and each
// recertification the continued need, the response to treatment, the
// symptoms that continue and the goals toward discharge; for PHP (424.24(e))
// also that inpatient psychiatric care would otherwise be needed; and a
// plan set up by a physician with the diagnosis, the type, amount,
// frequency and duration of the services and the treatment goals. Each day
// is judged under the latest certification covering it; a statement
// missing holds that day (Ref names the statement), content not recorded
// is "not judged" at the same force, never a pass. The plan lives with the
// certifications because the regulation makes it part of what the
// physician certifies and of the same record a biller keeps ("furnished
// under a plan of care", 410.43(a)(3), 410.44(a)(3)); a record of dates
// alone, such as a billing export, is judged by CheckCertification only.
//
// # Claim lines
//
// A [ClaimLine] is one line of a billing export: patient, claim, line
// number, date of service, revenue code, HCPCS/CPT code with modifiers,
// units, place of service, optional minutes, type of bill and condition
// codes. How a line becomes service is the profile's [ClaimRules]: a
// timed program code is Units × its minutes, an untimed one a service of
// no stated length, a per diem (H0015, S9480) a program day of its
// minutes; Minutes, when the export gives it, overrides. A line delivered
// by telehealth ([ClaimLine.Delivery]: place of service 02/10, modifiers
// 95/GT video, 93/FQ audio only) counts as the profile's counting rules
// say. [Checker.SummarizeClaims] and [Summarizer.SummarizeClaims] turn
// claim lines into week summaries exactly as sessions (a line repeated,
// same claim and line number, counts once), so the per-day services,
// tiers and weekly rules apply to them; [Checker.CheckClaim] (one claim),
// [Checker.AppendClaim] and [Checker.AppendClaims] (an export grouped by
// claim) check what a program claim must carry: no excluded code
// (Medicare: CPT 90853, reported as G0410), program codes only, allowed
// revenue codes, the condition code (Medicare IOP 92, PHP 41) and a type
// of bill the program is billed on (13x, 76x, 85x, and 71x/77x for IOP;
// 12x accepted with a warning, [CodeClaimBillTypeContested]).
//
// Claims are read as billers send them, on the final answer of the lines
// given: a replacement (type of bill frequency 7, under the claim's own ID
// or naming the claim in [ClaimLine.Replaces]) supersedes the claim on the
// days it covers, a void (8) removes it ([CodeClaimReplaced],
// [CodeClaimVoided]); an exact repeat (the same patient, day, code,
// modifiers and units on another claim or line) is reported naming both
// lines ([CodeClaimLineRepeated], Finding.Line and Ref "claim#line") and
// counts twice unless [ClaimRules.RepeatsOnce]; an IOP claim (92)
// overlapping a PHP claim (41) of the patient is returned
// ([CodeClaimIOPPHPOverlap]), and an IOP week does not count a PHP
// claim's lines, nor a PHP week an IOP claim's. The condition code says
// which program a claim bills (92 IOP, 41 PHP): under IOP rules a claim
// carrying 41 and not 92 is the PHP's, and is not judged: one finding says
// so ([CodeClaimOtherProgram], information, Ref the code it carries), and
// no claim rule of the profile (the condition code, the type of bill, the
// codes, a repeat of one of its lines) applies to it; under PHP rules the
// same for a claim carrying 92 and not 41. A claim named in
// Replaces that is not in the input (an 837I's REF*F8 holds the payer's
// claim control number) gives way to the claim's own ID, and is reported
// ([CodeClaimReplacesUnknown]) when that supersedes nothing either. The
// lines of a professional claim are no program services under Medicare
// ([ClaimRules.InstitutionalOnly]). A claim on a provider setting's type of
// bill follows that setting's rules too ([ClaimRules.Settings]): under
// Medicare IOP an RHC's (71x) and an FQHC's (77x) program lines carry
// revenue code 0905 ([CodeClaimSettingRevenue]), an RHC's day has a
// program line with modifier CG ([CodeClaimDayModifierMissing], that day
// only), a day needs one of the setting's day codes when the profile
// lists them ([CodeClaimDayCodeMissing]; CMS's List A was not read, so
// the built-in profiles list none), and an OTP's claim (87x freestanding;
// 13x or 85x with condition code 89 provider-based) carries no condition
// code 92: its IOP services are the weekly add-on G0137, not a per diem.
//
// # CSV input
//
// [SessionReader] reads sessions and [ClaimReader] claim lines, each after a
// header row naming the columns in any order. [CSVOptions] maps a file's
// names to the reader's ({"date_of_service": "date"}), skips columns the
// reader does not know (IgnoreExtra; [SessionReader.Extra] lists them, by name
// when a cell is a plain column name, else by position), and sets the
// limits. The
// required columns depend on the input: patient, date, start, minutes,
// kind and attendance for sessions; patient, claim, line, date and code or
// revenue for claim lines; an error names each one missing. A byte order
// mark before the header is skipped. What a reader returns, and what to do:
//
//   - a value: use it and read on;
//   - a [*RowError] (errors.Is iop.ErrSyntax or the field's sentinel): the
//     row, from Line to EndLine, was refused with every problem and no cell
//     value; read on. Nothing is lost silently (rows in = rows read + rows
//     refused);
//   - a [*MoreErrors] after the last row: rows refused beyond
//     [CSVOptions.MaxErrors] ([DefaultMaxErrors]), counted, not reported;
//   - an [*IOError]: the underlying reader failed (a directory, a broken
//     pipe); stop;
//   - another error wrapping [iop.ErrTooLarge]: the input is above the
//     limit set; stop;
//   - io.EOF: the end.
//
// A line end (LF, CRLF or a lone CR) ends a row, inside quotes too: no
// cell may hold one, so a stray quote costs its own row and never the
// rows after it (see [SessionReader]). A header-less export is refused
// ([ErrNoHeader]), and no cell of the input is in any error.
//
// A command-line tool would exit 0 when every row was read and no finding
// blocks, 1 on a refused row or a blocking finding, and 2 on an I/O error,
// an input too large or a header refused.
//
// # Limits
//
// Every entry point's memory is proportional to its input with a small
// constant. [ParseSessions] and [ParseClaimLines] hold their input whole:
// they refuse input above [DefaultMaxBytes] (64 MiB) with
// [iop.ErrTooLarge] before parsing ([ParseOptions] sets another limit),
// hold no copy of it, refuse an element above [MaxRowBytes] undecoded,
// and stop after [DefaultMaxErrors] errors with a [*MoreErrors] counting
// the rest. The CSV readers hold one row at a time ([MaxRowBytes] at
// most), so an export of any size streams in constant memory: they set no
// size limit unless [CSVOptions.MaxBytes] asks for one, and report
// [DefaultMaxErrors] rows refused, then count the rest. The errors of a
// header are capped the same. Minutes and session ends saturate rather
// than wrap ([Session.End]).
//
// # Templates
//
// A [Template] is the week a program runs (days, sessions a day, their
// length and kind). [Checker.FitTemplate] says whether a program run to it can meet
// a profile, with the margin by which it clears or misses each minimum and
// the findings a full week gets.
//
// # Batches
//
// A [Summarizer] turns the sessions (or claim lines) of many patients, from
// a slice or an iterator, in any order, into one summary per patient-week
// sorted by patient record ID and week, each added up as the single-week
// path adds it up. It keeps a 40-byte record per session, sorts the
// records with counting sorts (not at all when they come in order), and
// reuses its scratch memory, so that a steady stream of batches does not
// allocate. Sessions
// that fail [Session.Validate] are in no summary and are counted in
// [BatchStats]. [Checker.AppendWeeks] then checks every patient-week into
// one findings slice that a billing job reuses from batch to batch. A
// [SessionReader] reads sessions from CSV, reporting a bad row with its line
// number ([RowError]) without stopping. A [FamilySummarizer] does the same
// for a family of profiles dated by year, each patient-week added up and
// checked by the profile in force on its first day of service
// ([FamilyWeek.Profile]), the weeks no profile governs reported with why.
//
// # Time zones and clock changes
//
// A session's Date and Start are civil values on the program's wall clock;
// the package holds no location and converts nothing. Its length is
// Planned, a duration: a session on the day clocks change counts the
// minutes it lasted, never a wall-clock difference, and a day is never taken
// as 24 hours of service. A session must end by midnight of its date
// (Start+Planned at most 24:00); split one that does not. To build a
// session from two instants, [Session.WithSpan] reads the date and start in
// a location you give and takes the elapsed time as the length, so 01:00 to
// 04:00 on a spring-forward night is 2 hours.
//
// # Values, units and concurrency
//
// Minutes are whole minutes ([iop.Minutes]); days are [date.Date]s
// (github.com/rickb777/date/v2) and day counts are differences of them.
// Enums reserve zero for unset: the zero [Attendance], [WeekKind], [Clock],
// [Weeks], [Week] and [Stay] are not valid, and the zero [Weekdays] is
// the empty set; each enum and set has String, IsValid, MarshalText and
// UnmarshalText (names, never numbers; [iop.Parse] reads exactly what
// String writes); so do [Week] (its text form, "2025-W10") and [Clock]
// ("09:30"), and UnmarshalText refuses unknown text with an
// [*iop.ParseError]. A database stores them by their text form. Sessions, claim lines, weeks, summaries, episodes and
// templates are comparable values, and round-trip through JSON. A [Checker] is an
// immutable value, safe for concurrent use by any number of goroutines;
// the zero Checker is not usable and its methods return an error. A
// [Summarizer] and a [SessionReader] hold state and are not safe for
// concurrent use. Errors name the function or the field path and the
// reason, never the rejected text (a cell value, a time, a code), and
// findings name record IDs, days and figures only.
//
// # References
//
//   - 42 CFR 410.43 (partial hospitalization services: the services that
//     count; at least 20 hours a week, 410.43(c)(1)).
//   - 42 CFR 410.44 (intensive outpatient services, from 2024-01-01: the
//     same services; at least 9 hours a week), as added by the CY2024
//     OPPS/PFS final rules implementing §4124 of the Consolidated
//     Appropriations Act, 2023, and SSA §1861(ff).
//   - 42 CFR 424.24(d) and (e) (certification and recertification of IOP and
//     PHP: IOP no less often than every other month; PHP as of the 18th day
//     of services, then at least every 30 days), and SSA §1861(ff)(4).
//     https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-424/subpart-B/section-424.24
//   - CY2024 OPPS final rule, 88 FR 81540 (2023-11-22), corrected 89 FR 9002
//     (2024-02-09): IOP and PHP per diem payment in two tiers, 3 services
//     and 4 or more, with APCs by setting (CMHC IOP 5851/5852, CMHC PHP
//     5853/5854, hospital IOP 5861/5862, hospital PHP 5863/5864); CY2025
//     (CMS-1809-FC) and CY2026 (90 FR 53448) final rules kept them.
//   - CMS Change Request 11066 (Pub. 100-20 Transmittal 2266, 2019-02-28):
//     PHP weeks under 20 hours get informational remittance messaging, not
//     a denial.
//   - Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260.1 and CR
//     13222 (MLN Matters MM13222, 2023-12-20): PHP and IOP billing, the
//     service codes, condition codes 41 and 92, types of bill.
//     https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c04.pdf
//   - CMS place of service codes 02 and 10, and CPT/HCPCS modifiers 95, GT,
//     93 and FQ, for telehealth delivery.
//   - HCPCS H0015 (alcohol and/or drug services, intensive outpatient): at
//     least 3 hours a day on at least 3 days a week, as state Medicaid
//     manuals apply it; New York Medicaid's S9480 rule (3 hours a billed
//     day, 9 hours a week).
//   - The ASAM Criteria, 3rd edition (2013), level 2.1 bands of 9-19 hours
//     a week for adults and 6-19 for adolescents, as Aetna's clinical policy
//     bulletin and state manuals quote them; the step-down allowance of state
//     Medicaid manuals (unconfirmed as a general rule).
//   - SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient
//     Treatment (2006), and its 2021 advisory.
//   - ISO 8601 for week numbering and dates.
package schedule
