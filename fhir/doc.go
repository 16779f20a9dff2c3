// Package fhir maps the records of ioprules to FHIR R4 resources and
// back, so that an EHR can hand the library what it already exchanges
// (US Core) and take the findings back in a form it reads. It is a module
// of its own (github.com/ioprules/ioprules/fhir), so that no FHIR
// dependency reaches the users of the root module. No national code
// system codes IOP, PHP or the six ASAM dimensions; the one FHIR guide that
// codes ASAM levels and an IOP episode type is Colorado's (BHA IG), and
// this package reads and writes its codes where they exist.
//
// # What maps to what
//
//	aftercare.Episode        <-> EpisodeOfCare          EncodeEpisode, DecodeEpisode
//	schedule.Session         <-> Encounter              EncodeEncounter, DecodeEncounter
//	group.Meeting            <-> Group + Encounters     EncodeGroup, DecodeGroup
//	eligibility.Assessment,
//	eligibility.Decision     <-> QuestionnaireResponse  EncodeQuestionnaireResponse, DecodeQuestionnaireResponse
//	                             (answering Questionnaire(), QuestionnaireURL)
//	aftercare.Plan            -> CarePlan (US Core)     EncodeCarePlan
//	iop.Findings              -> OperationOutcome       EncodeOutcome
//	authorization.Authorization
//	  (one per item)         <-> ClaimResponse (PAS)    EncodeClaimResponse, DecodeClaimResponse
//	a Bundle of the above     -> records + Report       DecodeBundle
//
// Each pair round-trips: what EncodeX writes, DecodeX reads back equal.
// A record ID written as a resource's id or in a reference ("Patient/" +
// ID) must be a FHIR id, 1 to 64 letters, digits, '-' or '.': the
// encoders refuse any other ID that [iop.CheckID] allows ("P 1", "a/b")
// rather than write a resource no FHIR server accepts, and the decoders
// refuse such an id.
// The resources are JSON ([]byte) on both sides; the FHIR models
// (github.com/samply/golang-fhir-models, R4) stay inside the package.
//
// # Episodes
//
// An episode's states become EpisodeOfCare statuses: referred and
// assessed are planned; admitted and active are active; on-hold is
// onhold; discharged, in-aftercare, and closed after an admission are
// finished; closed without an admission is cancelled. statusHistory holds
// one entry per change of status, each from the day of the move that
// began it. The moves themselves (with the level, the discharge reason in
// TEDS-D terms, the step, the referral ID, the court order) travel in an
// extension of ours, one per move, and DecodeEpisode replays them through
// the episode's state machine ([aftercare.Replay]), so that an imported
// episode is one the library could have built.
//
// An EHR's EpisodeOfCare has no such extensions: DecodeEpisode then
// replays its statuses. planned is a referral; waitlist has no state of
// ours and is read as planned, with a note ([NoteKindReadAs]); the first
// active is the assessment, the admission and the first service, on the
// day it began (the level from the type: a level of ours, a BHA ASAM
// level, or BHA episode type 09, SUD intensive outpatient, as 2.1; or
// from [EpisodeOptions.Level]); onhold is a hold and active after it a
// resumption; finished is a discharge, whose reason FHIR does not hold
// ([EpisodeOptions.Discharge], or the resource is refused); cancelled
// before any active is a close. Any other sequence (active after
// finished, onhold before active, cancelled after active) is refused with
// [ErrImpossible]; entered-in-error anywhere with [ErrEnteredInError].
// The encoder never writes waitlist or entered-in-error.
//
// # Sessions
//
// A session is an Encounter: class AMB in person and VR by video or
// audio (v3-ActCode; an extension of ours tells video from audio), type
// the billing code (CPT by its shape, five digits or four and F/T; HCPCS
// Level II, a letter and four digits) and the kind of service, subject the
// patient, episodeOfCare the episode, status finished when attended in
// whole or part and cancelled when absent or excused. period is the time
// attended; the planned length is an extension, so a partial attendance
// (planned 180, attended 95) is kept without loss. The library records
// how long, not which part, so the attended time is placed at the start.
// The session's wall clock is read in the program's time zone, which
// every Encounter function takes.
//
// A group session is a Group (type person, actual, a member per patient
// with the day the patient joined as period.start) plus an Encounter per
// patient on the session's day; what the group check reads and Group has
// no element for (focus, enrollment, facilitators, each participant's
// facts) is an extension of ours that mirrors the session's JSON and is
// read back with [group.ParseMeeting].
//
// # Assessments and decisions
//
// [Questionnaire] is the Questionnaire this package publishes at
// [QuestionnaireURL]: the edition, the day, the population, the six risk
// ratings 0-4 with their note IDs, the modifiers, and for a decision the
// level recommended (ours, and Colorado's ASAM level code in its own item,
// since an answer holds one coding), the level given and the variance.
// DecodeQuestionnaireResponse re-decides with the caller's checker and
// refuses a response whose level that checker does not recommend: a
// decision is the checker's, never copied from the wire.
//
// # Findings
//
// [EncodeOutcome] writes one issue per finding: severity error, warning or
// information from blocking, warning and info; code business-rule; the
// rule code as details.coding in [SystemRule], its summary as display;
// the finding in words as diagnostics (the rule, the day, the figures:
// never input text), worded by the rule table given
// ([OutcomeOptions.Rules]: the checker's, so a profile's own words and
// citations are the ones written) or else the library's catalog; the
// element as expression.
//
// # Prior authorizations (Da Vinci PAS)
//
// [DecodeClaimResponse] reads a Da Vinci Prior Authorization Support
// ClaimResponse (the FHIR form of the X12 278 response) as
// [authorization.Authorization] values, one per item. Items are never
// merged, even when they share their terms: PAS puts the decision on
// each item (item.adjudication), and an item may have its own period and
// quantity, so one authorization per item is the only reading that loses
// nothing; the checks of package authorization count use against the
// first authorization that covers a service.
//
//	preAuthRef                            Number (required; the item-level
//	                                      reviewAction number is reported, not read)
//	insurer.reference "Organization/ID"   Payer (an ID; never the display name)
//	patient.reference "Patient/ID"        Patient
//	item.adjudication reviewAction code   Action (X12 HCR01: A1 A2 A3 A4 A6 C CT NA)
//	item itemPreAuthPeriod, else
//	  preAuthPeriod (start, end)          Effective, Expiration (end included)
//	item itemAuthorizedDetail quantity    Quantity (a whole number), Unit (its code,
//	                                      X12 HSD01: DY days, VS visits, FL units, HS hours)
//	  productOrServiceCode (CPT, HCPCS)   Codes
//	  revenue (NUBC)                      Revenue
//	created (an instant)                  Decided (zero when the item is pended)
//	authorized-level extension of ours    Level, else [ClaimResponseOptions.Level]
//
// R4's ClaimResponse.item has no productOrService or quantity (only
// addItem has them, for lines the payer adds): PAS carries what was
// authorized for a requested item in its itemAuthorizedDetail extension,
// and that is what is read; addItem is reported, not read. The request's
// receipt time, the expedited flag, a frequency and review days have no
// element in a ClaimResponse: [EncodeClaimResponse] refuses an
// authorization that holds one ([ErrNotCarried]) rather than drop it, and
// requires the authorizations of one response to share its number, payer,
// patient and decision time. A status other than active, a use other than
// preauthorization, a missing preAuthRef, period, reviewAction or action
// code, and an unknown action or unit code are refused, with the path of
// the element. [DecodeBundle] reads the ClaimResponse of a PAS response
// Bundle the same way.
//
// # Colorado BHA codes
//
// [BHALevel] reads BHA's ASAM level codes as a level and a population
// (3.5-STIRT is 3.5 for adults, 3.5-INP and 3.7-INP the adolescent 3.5
// and 3.7, 3.7-WMADOL the adolescent 3.7-WM; DA, IPR, DUI and MINORS have
// no level of ours and are refused with [ErrNoMapping]); [BHALevelCode] is
// the way back. [BHAEpisodeIOP] is BHA's episode type 09. [BHAEndReason]
// reads BHA's eleven end-of-treatment reasons as TEDS-D discharge
// reasons, many to one (attendance and lack of progress are terminations
// by the facility; the client's decision and stopping coming are leaving
// against advice; finances, medical reasons, deployment, moving and the
// agency closing are other); there is no way back, since one TEDS reason
// stands for several BHA ones, and BHA has no code for a completion or a
// transfer. The crosswalk is ours: BHA publishes none.
//
// # What is read, what is dropped
//
// Every decoder reads through a pre-pass over the raw JSON before the
// models see it, because the models are lenient where FHIR is not: they
// drop primitive extensions ("_status"), decode a missing required status
// as the enum's first value, and would write every value[x] of a
// Group.characteristic. The pre-pass refuses a missing required element
// (as R4 defines it), a null, an empty array, a value of the wrong JSON
// type, a code not of its value set, a duplicate member, a
// modifierExtension (FHIR forbids reading an element whose modifier is not
// understood), input above [MaxBytes] and input that is not UTF-8. It
// reports, without refusing, what is not read: members that are no R4
// element ([NoteKindUnknownElement], named by position, "#9", since the
// key may be anything), "_x" primitive extensions
// ([NoteKindPrimitiveExtension]), extensions of others
// ([NoteKindExtension]), R4 elements the mapping does not read
// ([NoteKindNotMapped]), and values read as the nearest of ours
// ([NoteKindReadAs]). A [Report] holds paths and kinds only, never
// content; errors are [iop.FieldErrors] with element paths, in FHIR's
// style with indexes ("member[1].entity.reference",
// "extension[0].extension[11].extension[5]" inside an extension of ours;
// one that is missing by FHIRPath's extension(url),
// "extension[0].extension('date')"), and never hold input text (42 CFR
// Part 2). Facts that cannot all hold are refused with an error wrapping
// [ErrImpossible] that says which ("impossible: not the day of the
// session"). No encoder writes Group.characteristic;
// every encoder sets the elements R4 requires, and the module's tests
// check every resource they emit with the reference implementation
// (google/fhir's R4 validating unmarshaller, in the separate module
// fhir/conformance).
//
// # Canonical URLs
//
// The code systems, extensions and the Questionnaire of this package
// live under [Base]. They identify; nothing is served there yet.
//
// # Concurrency
//
// The functions hold no state and are safe for concurrent use.
//
// # References
//
//   - HL7 FHIR R4 (4.0.1): EpisodeOfCare, Encounter, Group,
//     QuestionnaireResponse, CarePlan, OperationOutcome, Bundle; JSON
//     representation (primitive extensions, no nulls or empty arrays);
//     extensibility (modifierExtension).
//   - HL7 US Core 6.1.0: Encounter, QuestionnaireResponse and CarePlan
//     profiles (CarePlan category assess-plan, in
//     http://hl7.org/fhir/us/core/CodeSystem/careplan-category, marked
//     deprecated in the US Core 9.0 CI build; narrative required).
//   - HL7 Terminology: v3-ActCode (AMB, VR); HCPCS Level II URI
//     http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets (corrected in
//     2023, UP-472; the OID urn:oid:2.16.840.1.113883.6.285 of US Core 3.x
//     is read too); CPT http://www.ama-assn.org/go/cpt.
//   - Colorado Behavioral Health Administration, BHA FHIR IG 0.2.0
//     (canonical http://bha.colorado.gov/fhir/bha-ig; read from the source
//     of github.com/CoBHA/CoBHRM-FHIR-IG at commit 4764d89): CodeSystems
//     bha-asam-level-of-care-cs, bha-episode-identifier-cs (09 SUD
//     Intensive Outpatient) and bha-end-of-treatment-reason-cs (1-11);
//     the BHAEpisode and BHAEncounter profiles; the discharge questionnaire
//     (END_OF_TREATMENT_REASON).
//   - HL7 Da Vinci Prior Authorization Support (PAS) IG, STU 2
//     (http://hl7.org/fhir/us/davinci-pas; read from the source of
//     github.com/HL7/davinci-pas, input/fsh/ClaimResponse.fsh,
//     Quantity.fsh and Examples.fsh, and from the published pages of
//     extension-reviewActionCode, 2.2.1): PASClaimResponseBase (status
//     active, use preauthorization, insurer, patient, created,
//     preAuthPeriod; item.adjudication.category fixed to submitted, with
//     the reviewAction extension, whose sub-extensions are code (the
//     reviewActionCode extension, bound to X12 306, the HCR01 action
//     codes), number, reasonCode and secondSurgicalOpinionFlag);
//     itemPreAuthPeriod (a Period on item); itemAuthorizedDetail
//     (productOrServiceCode, revenue bound to AHANUBCRevenueCodes,
//     quantity a SimpleQuantity); PASQuantity (code bound to X12 673, the
//     HSD01 quantity qualifiers). Not verified: the code system URLs
//     https://codesystem.x12.org/005010/306 and .../673 (the IG's STU 1
//     example wrote the 306 system over http, read too; 673's URL is as
//     implementers write it, not seen in the IG's text), the NUBC system
//     URL https://www.nubc.org/CodeSystem/RevenueCodes (the value set was
//     not opened), and X12 VS for visits (see package authorization). The
//     X12 value sets are licensed and were not read.
//   - SAMHSA, TEDS-D codebook: reason for discharge (REASON) 1-7.
//   - samply/golang-fhir-models v0.3.2 (the models) and google/fhir v0.7.4
//     (the conformance check).
package fhir
