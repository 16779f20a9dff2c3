// Package group checks the composition of group sessions of intensive
// outpatient and partial hospitalization programs against a rule profile
// ([iop.Profile]): the size of the group, its facilitators, the ages of its
// patients, its declared focus, confidentiality agreements, closed
// enrollment and levels of care. It also splits a roster of patients into
// groups that comply.
//
// # Sessions
//
// A [Meeting] is one meeting of a group: its kind ([iop.GroupKind]:
// psychoeducation, skills development, CBT, DBT, process, support, family,
// trauma-informed, relapse prevention, twelve-step facilitation, other),
// its [Focus] (an age group, a gender identity, dual diagnosis, trauma, a
// culture or language cohort), whether it is [EnrollmentOpen] or [EnrollmentClosed] to new
// members, its date and length, its [Facilitator]s (lead, co-facilitator,
// trainee) and its [Participant]s (patients, family members, observers).
//
// People appear by record ID only: opaque strings the caller chooses, never
// names. Ages, gender identities, credentials and cohorts are used to apply
// the rules and never appear in a finding or an error; a finding names the
// session's or a person's record ID, the session's day and counts, and an
// error names the field by its JSON path ("participants[3].id").
//
// [ParseMeeting] and [ParseRoster] decode strictly: an unknown or repeated
// member, a value of the wrong type, an unknown name, a date that does not
// exist ("2025-02-30") is an error ([iop.FieldErrors]) naming every field
// at fault, and a document that is not valid UTF-8 is refused whole. Minutes
// are strings in JSON ("1h30m"). [Meeting.Validate] says what a session
// needs before it can be checked: an ID, a kind, an enrollment, a date, a
// start day for a closed group not after the date, record IDs unique among
// the facilitators and among the participants, ages from 0 to 130, and, in
// a gender-specific group or one with an age focus, each person's gender or
// each patient's age or population. The JSON decoders apply the same
// checks, so a session is refused alike however it arrives.
//
// # Record IDs and dates
//
// Every record ID (the session's, each facilitator's and participant's, a
// roster patient's) must pass [iop.CheckID]: 1 to 128 bytes of valid UTF-8
// with no control or format character, so that an ID can neither merge two
// people (two invalid byte sequences that a decoder would both turn into
// U+FFFD) nor forge a line of a report. Every date (the session's date, a
// closed group's start day, a joined day, a roster's date) must pass
// [iop.CheckServiceDate]: from 1970-01-01 up to, not including,
// 2200-01-01. A refused ID or date is an error naming the field, wrapping
// [iop.ErrMissing], [iop.ErrSyntax] or [iop.ErrOutOfRange]; the message
// never holds the ID or the date.
//
// # The check
//
// [NewChecker] makes a [Checker] from a profile: it validates the profile
// and applies its rule settings ([iop.RuleSetting]) to the rule table
// ([Rules]). [Checker.CheckMeeting] validates a session (a session that is
// not valid is an error, never a finding) and reports every finding, in the
// order of the rule table and then of the participants:
//
//	group.size.below-minimum, group.size.above-maximum
//	    the participants who count (patients; family members and observers
//	    when the profile's CountFamily and CountObservers say so) against
//	    MinSize and MaxSize, or the education sizes for EducationKinds;
//	    both ends are allowed: 6 and 12 pass a 6-12 rule, 5 and 13 do not
//	group.facilitator.too-few, .no-licensed, .co-facilitator-required, .ratio-exceeded
//	    MinFacilitators, a licensed facilitator unless the kind is exempt,
//	    two facilitators above CoFacilitatorAbove, MaxPerFacilitator;
//	    trainees count only with CountTrainees
//	group.age.mixed, .below-minimum, .adolescent-in-adult-group,
//	group.age.adult-in-adolescent-group, .exception-undocumented
//	    patients' ages under the profile's [iop.AgeRules] (or their
//	    population when no age is given): adolescents and adults apart
//	    where SeparateAges says so, nobody below MinAge, an age focus
//	    respected, and the overlaps the age rules allow (Illinois: 16-17
//	    with adults, 18-22 with adolescents) only with the justification
//	group.focus.gender-mismatch, .age-band-mismatch, .co-occurring-mismatch,
//	group.focus.trauma-mismatch, .cohort-mismatch
//	    the session's declared focus
//	group.agreement.missing
//	    a confidentiality agreement on file for every participant, where
//	    RequireAgreement says so
//	group.enrollment.joined-closed-group
//	    a member of a closed group who joined after its first session
//	group.level.mismatch
//	    a patient whose level of care is not the program's
//
// The severity of each finding is the rule table's (blocking, except the
// undocumented age exception, the late joiner of a closed group and the
// level mismatch, which warn) unless the profile's rule settings give
// another or turn the rule off: ioprules.TIP47 makes its size, staffing and
// agreement rules warnings, because TIP 41 and TIP 47 describe practice and
// do not bind, and [IllinoisAges] makes the undocumented age exception
// blocking, because without the justification the placement does not meet
// the rule. The citation of a finding's rule is in the checker's table
// ([Checker.Rules]): the profile's group rules' (its age rules', for the
// age rules), or the rule table's when the profile has none. Size and staffing findings
// carry their figures as counts: "need 12, got 13".
//
// [Checker.AppendMeeting] appends to a caller's list. A compliant check
// allocates nothing, and a check with findings allocates only when the list
// must grow.
//
// # The planner
//
// [Checker.PlanRoster] splits a [Roster] into a [Grouping] of groups that pass
// the size, staffing and age rules: adolescents apart from adults, and by
// gender identity and cohort when the roster asks, each group between the
// profile's sizes, as few groups as possible of sizes that differ by one at
// most, in roster order. Each [PlannedGroup] says how many facilitators it
// needs and whether one must be licensed. Patients who cannot make a group
// (too few of a population) or are younger than the program serves are
// listed in the plan's Unplaced, each [Unplaced] set naming their record
// IDs: a result of the plan, not an error.
//
// # Zero values
//
// The zero value of each enum ([AgeFocus], [Gender], [Enrollment],
// [ParticipantRole], [FacilitatorRole]) is unset and not valid; where a
// field is optional (a focus, a gender identity) zero means not given. The
// zero [Focus] restricts no one. The zero [Meeting] and [Roster] are not
// valid. A rule of the profile's [Composition] left at its zero value is
// not applied: a profile without a Composition checks no sizes. The zero [Checker] is not
// usable: its methods return an error.
//
// # Concurrency
//
// A [Checker] is immutable once made and safe for concurrent use: share one
// between goroutines. Sessions, rosters and plans are values, safe for
// concurrent use as long as no one writes to them. The package holds no
// mutable state, logs nothing and reads no clock: a session's day is its
// Date.
//
// # State rules in the built-in profiles
//
// The built-in profiles with group rules (those of this package, and the
// root package's TIP 47), each with the reach its source has ([iop.Scope]):
//
//	NGSGroupPsychotherapy  at most 12 patients (CPT 90853; NGS LCD L33632, "Psychiatry and
//	                       Psychology Services"): a contractor's rule, binding only in NGS's
//	                       states (J6: IL, MN, WI; JK: CT, ME, MA, NH, NY, RI, VT), so not part
//	                       of the national Medicare profiles, which set no group size
//	ioprules.TIP47         6 to 12 members, a licensed leader, a second leader above 10,
//	                       agreements (TIP 41): guidance, so every finding is a warning
//	ColoradoIOP            at most 12 individuals receiving services (2 CCR 502-1 §4.6.1(E))
//	TexasGroups            counseling at most 16, education and life skills at most 35, adults
//	                       and adolescents apart (26 TAC §564.902(b), §564.905(b)(1), from
//	                       2024-04-30); TexasGroups2004 the same numbers under 25 TAC
//	                       §448.901(b) from 2004-09-01
//	CaliforniaDMC          2 to 12 (Cal. Welf. & Inst. Code §14021.6), level 1
//	WisconsinYouth         at most 12, a second staff member above 10, a licensed leader for
//	                       psychotherapy groups (Wis. Admin. Code DHS 40.10(3)(a)3)
//	IllinoisAges           adolescents 12-17, adults 18+, 16-17 in adult and 18-22 in
//	                       adolescent care only with documented justification (blocking
//	                       without it), kept apart (77 Ill. Adm. Code 2060)
//
// Each profile's citation says where a reading is this library's rather
// than the source's (which kinds of group are not psychotherapy in
// Wisconsin; whether family members count toward a size), and where the
// source was read second-hand.
//
// # References
//
//   - SAMHSA, TIP 41: Substance Abuse Treatment: Group Therapy (2005), ch. 2:
//     group size, leaders, open and closed groups, group agreements.
//   - SAMHSA, TIP 47: Substance Abuse: Clinical Issues in Intensive
//     Outpatient Treatment (2006): specialised groups.
//   - 42 CFR Part 2 (2024 final rule): confidentiality of substance use
//     disorder records.
//   - 2 CCR 502-1 §4.6.1(E), as current through Colorado Register vol. 48
//     no. 6 (2025-03-25).
//   - 26 TAC §564.902(b) and §564.905(b)(1) (formerly 25 TAC ch. 448), as
//     current through Texas Register vol. 49 no. 38 (2024-09-20).
//   - Cal. Welf. & Inst. Code §14021.6, as amended by SB 1045 (Stats. 2014,
//     ch. 80).
//   - Wis. Admin. Code DHS 40.10(3)(a)3, as read 2025.
//   - 25 TAC §448.901(b) (2004-09-01 until 2024-04-30).
//   - 77 Ill. Adm. Code 2060 (new Part adopted 2025-04-02): adolescent and
//     adult ages and the overlaps allowed with documented justification.
//   - NGS LCD L33632, "Psychiatry and Psychology Services" (Medicare
//     jurisdictions J6 and JK): CPT 90853 group psychotherapy, at most 12
//     patients.
package group
