package fhir

import (
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
)

// Base is the canonical base of what this module defines: its code
// systems, extensions and Questionnaire. The URLs identify; they are not
// (yet) served.
const Base = "https://ioprules.github.io/fhir"

// The code systems and extensions of this module.
const (
	// SystemRule is the code system of the library's rule codes
	// ("schedule.weekly-minutes.below-minimum"): OperationOutcome
	// issue.details.coding.
	SystemRule = Base + "/CodeSystem/rule"
	// SystemLevel is the code system of the library's levels of care, as
	// [iop.Level.String] writes them ("2.1", "3.2-WM").
	SystemLevel = Base + "/CodeSystem/level"
	// SystemEvent is the code system of the moves of an episode, as
	// [aftercare.EventKind.String] writes them.
	SystemEvent = Base + "/CodeSystem/episode-event"
	// SystemServiceKind is the code system of the kinds of service, as
	// [iop.ServiceKind.String] writes them.
	SystemServiceKind = Base + "/CodeSystem/service-kind"
	// SystemAttendance is the code system of the attendances, as
	// [schedule.Attendance.String] writes them.
	SystemAttendance = Base + "/CodeSystem/attendance"

	// ExtEvent is the extension of an EpisodeOfCare that holds one move of
	// the episode, so that the history reads back whole.
	ExtEvent = Base + "/StructureDefinition/episode-event"
	// ExtPlanned is the extension of an Encounter that holds the planned
	// length of the session (a Duration in minutes): Encounter.period is
	// the time attended.
	ExtPlanned = Base + "/StructureDefinition/planned-length"
	// ExtAttendance is the extension of an Encounter that says how the
	// patient attended, when status does not say it alone.
	ExtAttendance = Base + "/StructureDefinition/attendance"
	// ExtGroupSession is the extension of a Group that holds what the
	// group check reads and FHIR's Group has no element for.
	ExtGroupSession = Base + "/StructureDefinition/group-session"
)

// External code systems.
const (
	SystemActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
	SystemCPT     = "http://www.ama-assn.org/go/cpt"
	// SystemHCPCS is HCPCS Level II as HL7 Terminology names it since its
	// 2023 correction (UP-472); US Core 3.x used the OID
	// urn:oid:2.16.840.1.113883.6.285, which the decoders also read.
	SystemHCPCS = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"
	SystemTEDS  = Base + "/CodeSystem/teds-discharge-reason"
	// SystemBHALevel is Colorado BHA's ASAM level of care code system
	// (bha-ig 0.2.0, CodeSystem bha-asam-level-of-care-cs).
	SystemBHALevel = "http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs"
	// SystemBHAEpisode is Colorado BHA's episode identifier (type) code
	// system (CodeSystem bha-episode-identifier-cs): "09" is SUD intensive
	// outpatient.
	SystemBHAEpisode = "http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-episode-identifier-cs"
	// SystemBHAEndReason is Colorado BHA's end-of-treatment reason code
	// system (CodeSystem bha-end-of-treatment-reason-cs).
	SystemBHAEndReason = "http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-end-of-treatment-reason-cs"
)

// bhaLevels is Colorado BHA's ASAM level code system read as our levels
// and the population a code is for (zero: either). Codes with no level of
// ours (DA, IPR, DUI-1, DUI-2-E, DUI-2-TE, MINORS) are absent.
var bhaLevels = []struct {
	code string
	lvl  iop.Level
	pop  iop.Population
}{
	{"0.5", iop.Level05, 0},
	{"1", iop.Level1, 0},
	{"2.1", iop.Level21, 0},
	{"2.5", iop.Level25, 0},
	{"3.1", iop.Level31, 0},
	{"3.3", iop.Level33, iop.PopulationAdult},
	{"3.5", iop.Level35, 0},
	{"3.5-STIRT", iop.Level35, iop.PopulationAdult},
	{"3.5-INP", iop.Level35, iop.PopulationAdolescent},
	{"3.7", iop.Level37, 0},
	{"3.7-INP", iop.Level37, iop.PopulationAdolescent},
	{"1-WM", iop.Level1WM, 0},
	{"2-WM", iop.Level2WM, 0},
	{"3.2-WM", iop.Level32WM, 0},
	{"3.7-WM", iop.Level37WM, 0},
	{"3.7-WMADOL", iop.Level37WM, iop.PopulationAdolescent},
	{"OTS", iop.LevelOTS, 0},
}

// BHALevel reads a code of Colorado BHA's ASAM level of care code system
// ([SystemBHALevel]) as a level of ours and the population the code is
// for (zero when the code is for both): "3.5-STIRT" is level 3.5 for
// adults, "3.7-WMADOL" level 3.7-WM for adolescents. A code with no level
// of ours ("DA", "DUI-1") is refused with [ErrNoMapping]; a code not in
// the system with [iop.ErrUnknown]. The error never holds the code.
func BHALevel(code string) (iop.Level, iop.Population, error) {
	for _, b := range bhaLevels {
		if b.code == code {
			return b.lvl, b.pop, nil
		}
	}
	switch code {
	case "DA", "IPR", "DUI-1", "DUI-2-E", "DUI-2-TE", "MINORS":
		return 0, 0, ErrNoMapping
	}
	return 0, 0, iop.ErrUnknown
}

// BHALevelCode returns the BHA code for level l given to population p:
// the population-specific code where BHA has one (3.5 for an adolescent
// is "3.5-INP"), else the general one; false when BHA has no code for l
// (the 4th edition's 1.0, 1.5, 1.7, 2.7; 3.3 for an adolescent; 4, 4-WM).
// The STIRT code is never chosen: 3.5 for an adult is "3.5", since STIRT
// is a Colorado program, not a level.
func BHALevelCode(l iop.Level, p iop.Population) (string, bool) {
	if p == iop.PopulationAdolescent {
		for _, b := range bhaLevels {
			if b.lvl == l && b.pop == iop.PopulationAdolescent {
				return b.code, true
			}
		}
	}
	for _, b := range bhaLevels {
		if b.lvl == l && b.code != "3.5-STIRT" && (b.pop == 0 || b.pop == iop.PopulationAdult && p != iop.PopulationAdolescent) {
			return b.code, true
		}
	}
	return "", false
}

// BHAEpisodeIOP is Colorado BHA's episode type for an SUD intensive
// outpatient episode ([SystemBHAEpisode] code "09").
const BHAEpisodeIOP = "09"

// bhaEndReasons maps Colorado BHA's end-of-treatment reasons (1 to 11) to
// TEDS-D discharge reasons: many to one. The choices are ours; BHA
// publishes no crosswalk.
var bhaEndReasons = [...]aftercare.DischargeReason{
	1:  aftercare.DischargeReasonTerminated,        // attendance: the program ended it
	2:  aftercare.DischargeReasonLeftAgainstAdvice, // the client's decision
	3:  aftercare.DischargeReasonLeftAgainstAdvice, // stopped coming, contact failed: dropped out
	4:  aftercare.DischargeReasonOther,             // financial or payment
	5:  aftercare.DischargeReasonTerminated,        // lack of progress
	6:  aftercare.DischargeReasonOther,             // medical reasons
	7:  aftercare.DischargeReasonOther,             // military deployment
	8:  aftercare.DischargeReasonOther,             // moved
	9:  aftercare.DischargeReasonIncarcerated,      // incarcerated
	10: aftercare.DischargeReasonDied,              // died
	11: aftercare.DischargeReasonOther,             // agency closed
}

// BHAEndReason reads a code of Colorado BHA's end-of-treatment reasons
// ([SystemBHAEndReason], "1" to "11") as a TEDS-D discharge reason. The
// map is many to one (attendance and lack of progress are both
// terminations by the facility), so there is no way back: a TEDS reason
// has no BHA code ([ErrNoMapping] is what a reverse lookup would give, and
// this package offers none). An unknown code is refused with
// [iop.ErrUnknown], without the code.
func BHAEndReason(code string) (aftercare.DischargeReason, error) {
	n, err := atoiStrict(code)
	if err != nil || n < 1 || n >= len(bhaEndReasons) {
		return 0, iop.ErrUnknown
	}
	return bhaEndReasons[n], nil
}

// atoiStrict reads a code that is a number as its code system writes
// it: digits, without a leading zero ("1", never "01").
func atoiStrict(s string) (int, error) {
	if s == "" || len(s) > 3 || len(s) > 1 && s[0] == '0' {
		return 0, iop.ErrSyntax
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return 0, iop.ErrSyntax
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
