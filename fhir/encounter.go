package fhir

// This file is the one place the Encounter mapping uses the library's
// schedule API.

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// Encounter is one session of one patient and the record ID of the
// episode of care it belongs to (empty when none is named). It is
// comparable and safe for concurrent use.
type Encounter struct {
	Session schedule.Session
	Episode string
}

// ExtDelivery is the extension of an Encounter that says how the session
// was delivered ("in-person", "video", "audio-only"): class VR does not
// tell video from audio.
const ExtDelivery = Base + "/StructureDefinition/delivery"

// SystemUCUM is the unit system of the durations written.
const SystemUCUM = "http://unitsofmeasure.org"

// hcpcsSystems are the system URIs read as HCPCS Level II.
var hcpcsSystems = []string{SystemHCPCS, "urn:oid:2.16.840.1.113883.6.285", "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets"}

// codeSystem returns the system of a billing code by its shape: five
// digits, or four and F or T, is CPT; a letter and four digits is HCPCS
// Level II.
func codeSystem(code string) (string, bool) {
	if len(code) != 5 {
		return "", false
	}
	digits := func(s string) bool {
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	switch {
	case digits(code), digits(code[:4]) && (code[4] == 'F' || code[4] == 'T'):
		return SystemCPT, true
	case code[0] >= 'A' && code[0] <= 'Z' && digits(code[1:]):
		return SystemHCPCS, true
	}
	return "", false
}

// EncodeEncounter writes e as an R4 Encounter (JSON), the session seen
// in the program's time zone loc: id the session's record ID; status
// finished when the patient attended all or part of it, cancelled when
// absent or excused; class AMB (ambulatory) in person, VR (virtual) by
// video or audio, from v3-ActCode, with the delivery extension telling
// which; type the billing code (CPT or HCPCS, by its shape) and the kind
// of service (a coding of ours); subject "Patient/" + the patient;
// episodeOfCare "EpisodeOfCare/" + e.Episode; period the time attended,
// from the start to the start plus the minutes attended (the start alone
// when none: the library does not record which part of a partial session
// was attended, so the attended time is placed at the start); the
// planned-length extension the session's planned minutes; the attendance
// extension its attendance. It refuses a session [schedule.Session.Validate]
// refuses, a nil loc, a start that loc skips (02:30 on the day daylight
// saving time begins, which no instant holds), and a session ID, patient ID or episode ID that is
// no FHIR id (1 to 64 letters, digits, '-' or '.'; [iop.CheckID] first).
func EncodeEncounter(e Encounter, loc *time.Location) ([]byte, error) {
	r, err := encounterOf(e, loc)
	if err != nil {
		return nil, err
	}
	return json.Marshal(r)
}

func encounterOf(e Encounter, loc *time.Location) (fm.Encounter, error) {
	s := e.Session
	var errs iop.FieldErrors
	if loc == nil {
		errs.Add("location", iop.ErrMissing)
	}
	if err := s.Validate(); err != nil {
		errs.Add("session", err)
	} else {
		errs.Add("session.patient", checkID(s.Patient))
		if s.ID != "" {
			errs.Add("session.id", checkID(s.ID))
		}
	}
	if e.Episode != "" {
		errs.Add("episode", checkID(e.Episode))
	}
	if s.Code != "" {
		if _, ok := codeSystem(s.Code); !ok {
			errs.Add("session.code", iop.ErrUnknown)
		}
	}
	if len(errs) == 0 && !s.Start.IsZero() {
		if t := startOf(s.Date, s.Start, loc); t.Hour()*60+t.Minute() != int(s.Start.Minutes()) {
			errs.Add("session.start", errNoSuchTime)
		}
	}
	if len(errs) > 0 {
		return fm.Encounter{}, errs
	}
	r := fm.Encounter{Subject: ptr(patientRef(s.Patient))}
	if s.ID != "" {
		r.Id = ptr(s.ID)
	}
	r.Status = fm.EncounterStatusFinished
	if s.AttendedMinutes() == 0 {
		r.Status = fm.EncounterStatusCancelled
	}
	r.Class = fm.Coding{System: ptr(SystemActCode), Code: ptr("AMB"), Display: ptr("ambulatory")}
	if s.Delivery == iop.DeliveryVideo || s.Delivery == iop.DeliveryAudioOnly {
		r.Class = fm.Coding{System: ptr(SystemActCode), Code: ptr("VR"), Display: ptr("virtual")}
	}
	if s.Code != "" {
		sys, _ := codeSystem(s.Code)
		r.Type = append(r.Type, fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(sys), Code: ptr(s.Code)}}})
	}
	r.Type = append(r.Type, fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemServiceKind), Code: ptr(s.Kind.String())}}})
	if e.Episode != "" {
		r.EpisodeOfCare = []fm.Reference{{Reference: ptr("EpisodeOfCare/" + e.Episode)}}
	}
	start := startOf(s.Date, s.Start, loc)
	r.Period = &fm.Period{Start: ptr(instantText(start))}
	if m := s.AttendedMinutes(); m > 0 {
		r.Period.End = ptr(instantText(start.Add(m.Duration())))
	}
	r.Extension = []fm.Extension{
		{Url: ExtPlanned, ValueDuration: minutesDuration(s.Planned)},
		{Url: ExtAttendance, ValueCode: ptr(s.Attendance.String())},
	}
	if s.Delivery != 0 {
		r.Extension = append(r.Extension, fm.Extension{Url: ExtDelivery, ValueCode: ptr(s.Delivery.String())})
	}
	return r, nil
}

// errNoSuchTime reports a session's start that the program's clocks
// skipped (02:30 on the day daylight saving time begins): as an instant
// it would read back as another time.
var errNoSuchTime = sentinel("out of range: a time the program's time zone skips (a clock change)", iop.ErrOutOfRange)

func startOf(d date.Date, c schedule.Clock, loc *time.Location) time.Time {
	y, m, dd := d.Date()
	mins := int(c.Minutes())
	return time.Date(y, m, dd, mins/60, mins%60, 0, 0, loc)
}

func minutesDuration(m iop.Minutes) *fm.Duration {
	v := json.Number(strconv.FormatInt(int64(m), 10))
	return &fm.Duration{Value: &v, Unit: ptr("min"), System: ptr(SystemUCUM), Code: ptr("min")}
}

// readMinutes reads a Duration in whole minutes, its value a decimal in
// any form R4 allows.
func readMinutes(d *fm.Duration) (iop.Minutes, error) {
	if d == nil || d.Value == nil {
		return 0, iop.ErrMissing
	}
	if d.Code == nil || *d.Code != "min" || d.System == nil || *d.System != SystemUCUM {
		return 0, iop.ErrUnknown
	}
	n, err := wholeDecimal(string(*d.Value), 9) // "90", "90.0" or "9e1"
	if err != nil || n <= 0 {
		return 0, iop.ErrOutOfRange
	}
	return iop.Minutes(n), nil
}

// kindOfCode is the kind of service a billing code names, for an EHR's
// Encounter that carries no kind of ours.
var kindOfCode = map[string]iop.ServiceKind{
	"90853": iop.ServiceKindGroupTherapy,
	"90832": iop.ServiceKindIndividualTherapy, "90834": iop.ServiceKindIndividualTherapy, "90837": iop.ServiceKindIndividualTherapy,
	"90846": iop.ServiceKindFamilyTherapy, "90847": iop.ServiceKindFamilyTherapy, "90849": iop.ServiceKindFamilyTherapy,
	"90791": iop.ServiceKindDiagnostic, "90792": iop.ServiceKindDiagnostic,
}

// DecodeEncounter reads an R4 Encounter (JSON) as a session of ours, its
// instants seen in the program's time zone loc. It reads what
// [EncodeEncounter] writes; from an EHR's Encounter without this module's
// extensions: the planned length is the time attended (a finished
// encounter is then attended in full, and needs its period.end; a
// cancelled one, which says nothing of the length planned, is refused),
// the kind of service comes from the
// billing code where the code names one (90853 group, 90832/90834/90837
// individual, 90846/90847/90849 family, 90791/90792 diagnostic; any other
// is [iop.ServiceKindOther], noted [NoteKindReadAs]), the delivery from the
// class (AMB in person, VR video); a start to the minute and the time
// attended in whole minutes (the seconds dropped, noted [NoteKindReadAs]
// at period.start or period.end). It refuses: status entered-in-error
// ([ErrEnteredInError]); any status but finished and cancelled (the
// session has not happened: [ErrNoMapping]); a class but AMB and VR
// ([ErrNoMapping]); a period without a start, or one that does not fit a
// session (crossing midnight, attended above planned); a subject that is
// not a Patient; attendance and status that disagree ([ErrImpossible]);
// an extension of ours twice ([iop.ErrDuplicate]); and everything
// [DecodeEpisode] refuses of any resource. What it does not
// read is in the [Report].
func DecodeEncounter(data []byte, loc *time.Location) (Encounter, Report, error) {
	var r fm.Encounter
	rep, err := decodeResource(data, "Encounter", &r, "id", "status", "class", "type", "subject", "episodeOfCare", "period", "extension")
	if err != nil {
		return Encounter{}, nil, err
	}
	return readEncounter(&r, loc, rep)
}

// An Encounter's facts that its attendance extension contradicts: each
// wraps [ErrImpossible].
var (
	errStatusAttendance = impossible("the status contradicts the attendance (cancelled when absent or excused, else finished)")
	errPeriodAttended   = impossible("the period's length is not the time attended that the attendance or the status gives (none when cancelled)")
)

func readEncounter(r *fm.Encounter, loc *time.Location, rep Report) (Encounter, Report, error) {
	var (
		errs iop.FieldErrors
		out  Encounter
		s    = &out.Session
	)
	if loc == nil {
		return Encounter{}, nil, iop.FieldErrors{{Field: "location", Err: iop.ErrMissing}}
	}
	if r.Id != nil {
		s.ID = *r.Id
		if !isFHIRID(s.ID) {
			errs.Add("id", iop.ErrSyntax)
		}
	}
	switch r.Status {
	case fm.EncounterStatusFinished:
		s.Attendance = schedule.AttendanceAttended
	case fm.EncounterStatusCancelled:
		s.Attendance = schedule.AttendanceAbsent
	case fm.EncounterStatusEnteredInError:
		errs.Add("status", ErrEnteredInError)
	default:
		errs.Add("status", ErrNoMapping)
	}
	switch {
	case r.Class.System == nil || *r.Class.System != SystemActCode || r.Class.Code == nil:
		errs.Add("class", iop.ErrUnknown)
	case *r.Class.Code == "AMB":
		s.Delivery = iop.DeliveryInPerson
	case *r.Class.Code == "VR":
		s.Delivery = iop.DeliveryVideo
	default:
		errs.Add("class", ErrNoMapping)
	}
	if r.Subject == nil {
		errs.Add("subject", iop.ErrMissing)
	} else {
		p, err := readPatientRef(r.Subject)
		errs.Add("subject.reference", err)
		s.Patient = p
	}
	for i, ref := range r.EpisodeOfCare {
		at := "episodeOfCare[" + strconv.Itoa(i) + "]"
		if i > 0 {
			rep = append(rep, Note{Path: at, Kind: NoteKindNotMapped})
			continue
		}
		id, ok := "", false
		if ref.Reference != nil {
			id, ok = strings.CutPrefix(*ref.Reference, "EpisodeOfCare/")
		}
		if !ok || !isFHIRID(id) {
			errs.Add(at+".reference", iop.ErrSyntax)
			continue
		}
		out.Episode = id
	}
	ourKind := false
	for i, cc := range r.Type {
		for j, c := range cc.Coding {
			at := "type[" + strconv.Itoa(i) + "].coding[" + strconv.Itoa(j) + "]"
			if c.System == nil || c.Code == nil {
				rep = append(rep, Note{Path: at, Kind: NoteKindNotMapped})
				continue
			}
			switch sys := *c.System; {
			case sys == SystemServiceKind:
				errs.Add(at+".code", textInto(c.Code, &s.Kind))
				ourKind = true
			case sys == SystemCPT || contains(hcpcsSystems, sys):
				if want, ok := codeSystem(*c.Code); !ok || (want == SystemCPT) != (sys == SystemCPT) {
					errs.Add(at+".code", iop.ErrUnknown)
					continue
				}
				s.Code = *c.Code
			default:
				rep = append(rep, Note{Path: at, Kind: NoteKindNotMapped})
			}
		}
	}
	if !ourKind {
		k, ok := kindOfCode[s.Code]
		if !ok {
			k = iop.ServiceKindOther
		}
		s.Kind = k
		rep = append(rep, Note{Path: "type", Kind: NoteKindReadAs})
	}
	var start, end time.Time
	switch {
	case r.Period == nil || r.Period.Start == nil:
		errs.Add("period.start", iop.ErrMissing)
	default:
		t, err := instantOf(*r.Period.Start)
		if err != nil {
			errs.Add("period.start", err)
			break
		}
		start = t.In(loc)
		if r.Period.End != nil {
			if end, err = instantOf(*r.Period.End); err != nil {
				errs.Add("period.end", err)
			}
		}
	}
	var planned iop.Minutes
	var attendance *string
	delivery := false
	seen := map[string]bool{}
	for i, x := range r.Extension {
		at := "extension[" + strconv.Itoa(i) + "]"
		switch x.Url {
		case ExtPlanned, ExtAttendance, ExtDelivery:
			if seen[x.Url] { // two planned lengths, attendances or deliveries: which one?
				errs.Add(at, iop.ErrDuplicate)
				continue
			}
			seen[x.Url] = true
		}
		switch x.Url {
		case ExtPlanned:
			m, err := readMinutes(x.ValueDuration)
			errs.Add(at+".valueDuration", err)
			planned = m
		case ExtAttendance:
			attendance = x.ValueCode
		case ExtDelivery:
			errs.Add(at+".valueCode", textInto(x.ValueCode, &s.Delivery))
			delivery = true
		default:
			rep = append(rep, Note{Path: at, Kind: NoteKindExtension})
		}
	}
	if attendance != nil && !delivery {
		s.Delivery = 0 // written by this module from a session with no delivery recorded
	}
	if len(errs) > 0 {
		return Encounter{}, nil, errs
	}
	s.Date = date.NewAt(start)
	c, _ := schedule.ClockOf(start.Hour(), start.Minute())
	s.Start = c
	if start.Second() != 0 || start.Nanosecond() != 0 { // a session starts on a minute
		rep = append(rep, Note{Path: "period.start", Kind: NoteKindReadAs})
	}
	var attended iop.Minutes
	if !end.IsZero() {
		d := end.Sub(start)
		attended = iop.MinutesOf(d)
		if attended <= 0 {
			return Encounter{}, nil, iop.FieldErrors{{Field: "period.end", Err: iop.ErrOrder}}
		}
		if d%time.Minute != 0 { // the time attended is whole minutes
			rep = append(rep, Note{Path: "period.end", Kind: NoteKindReadAs})
		}
	}
	if planned == 0 {
		// an EHR's Encounter: the time attended is the session's length
		switch {
		case r.Status == fm.EncounterStatusCancelled:
			return Encounter{}, nil, iop.FieldErrors{{Field: "extension", Err: iop.ErrMissing}} // no planned length
		case attended == 0:
			return Encounter{}, nil, iop.FieldErrors{{Field: "period.end", Err: iop.ErrMissing}}
		}
		planned = attended
	}
	s.Planned = planned
	if attendance != nil {
		var a schedule.Attendance
		if err := textInto(attendance, &a); err != nil {
			return Encounter{}, nil, prefix("extension", err)
		}
		if (a == schedule.AttendanceAbsent || a == schedule.AttendanceExcused) != (r.Status == fm.EncounterStatusCancelled) {
			return Encounter{}, nil, iop.FieldErrors{{Field: "status", Err: errStatusAttendance}}
		}
		s.Attendance = a
	} else if s.Attendance == schedule.AttendanceAttended && attended < planned {
		s.Attendance = schedule.AttendancePartial
	}
	if s.Attendance == schedule.AttendancePartial {
		s.Attended = attended
	}
	if s.AttendedMinutes() != attended {
		return Encounter{}, nil, iop.FieldErrors{{Field: "period", Err: errPeriodAttended}}
	}
	if err := s.Validate(); err != nil {
		return Encounter{}, nil, prefix("period", err)
	}
	rep.sort()
	return out, rep, nil
}
