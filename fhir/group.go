package fhir

// This file is the one place the Group mapping uses the library's group
// API.

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// The group mapping's own code system and extension.
const (
	// SystemGroupKind is the code system of the kinds of group, as
	// [iop.GroupKind.String] writes them: Group.code.
	SystemGroupKind = Base + "/CodeSystem/group-kind"
	// ExtGroup is the extension of an Encounter that names the Group
	// (valueReference) of the group session the patient attended.
	ExtGroup = Base + "/StructureDefinition/group"
)

// groupLists are the members of a group session's JSON that are arrays.
var groupLists = []string{"facilitators", "participants"}

// GroupSession is a group session as FHIR holds it: the Group (its
// members) and one Encounter per patient who took part. It is safe for
// concurrent use as long as no one writes to it.
type GroupSession struct {
	Group      []byte
	Encounters [][]byte
}

// EncodeGroup writes s as an R4 Group and its Encounters (JSON). The
// Group: id the session's record ID; type person; actual true (the people
// who met, not a definition); active true; code the kind of group (a
// coding of ours); quantity the number of patients; one member per
// patient, "Patient/" + ID, with period.start the day the patient joined
// when recorded; and the group-session extension holding, as nested
// extensions that mirror the session's JSON, everything the group check
// reads that FHIR's Group has no element for (focus, enrollment, date,
// length, level, facilitators, and each participant's role, age,
// population, gender, co-occurring and trauma flags, agreement, age
// exception, joined day, level and cohort: the patient record's facts the
// check needs, which an EHR keeps on Patient and Condition). It never
// writes Group.characteristic. Each Encounter: status finished, class AMB,
// type our service kind "group", subject the patient, period the session's
// day (date precision: the group session holds no time of day), length
// its minutes when recorded, and the group extension naming the Group.
// It refuses a session [group.Meeting.Validate] refuses.
func EncodeGroup(s group.Meeting) (GroupSession, error) {
	if err := s.Validate(); err != nil {
		return GroupSession{}, err
	}
	raw, err := json.Marshal(s)
	if err != nil {
		return GroupSession{}, err
	}
	var tree any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		return GroupSession{}, err
	}
	x := fm.Extension{Url: ExtGroupSession, Extension: toExtensions(tree.(map[string]any), raw)}
	g := fm.Group{
		Id: ptr(s.ID), Active: ptr(true), Type: fm.GroupTypePerson, Actual: true,
		Code:      &fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemGroupKind), Code: ptr(s.Kind.String())}}},
		Extension: []fm.Extension{x},
	}
	var out GroupSession
	for _, p := range s.Participants {
		if p.Role != group.ParticipantRolePatient {
			continue
		}
		m := fm.GroupMember{Entity: fm.Reference{Reference: ptr("Patient/" + p.ID)}}
		if p.Joined != 0 {
			m.Period = &fm.Period{Start: ptr(dateText(p.Joined))}
		}
		g.Member = append(g.Member, m)
		e := fm.Encounter{
			Status:    fm.EncounterStatusFinished,
			Class:     fm.Coding{System: ptr(SystemActCode), Code: ptr("AMB"), Display: ptr("ambulatory")},
			Type:      []fm.CodeableConcept{{Coding: []fm.Coding{{System: ptr(SystemServiceKind), Code: ptr(iop.ServiceKindGroupTherapy.String())}}}},
			Subject:   ptr(patientRef(p.ID)),
			Period:    &fm.Period{Start: ptr(dateText(s.Date)), End: ptr(dateText(s.Date))},
			Extension: []fm.Extension{{Url: ExtGroup, ValueReference: &fm.Reference{Reference: ptr("Group/" + s.ID)}}},
		}
		if s.Minutes > 0 {
			e.Length = minutesDuration(s.Minutes)
		}
		data, err := json.Marshal(e)
		if err != nil {
			return GroupSession{}, err
		}
		out.Encounters = append(out.Encounters, data)
	}
	g.Quantity = ptr(len(g.Member))
	if out.Group, err = json.Marshal(g); err != nil {
		return GroupSession{}, err
	}
	return out, nil
}

// toExtensions writes a JSON object as nested extensions, one per member
// in the order of raw (the session's JSON), an array as one extension per
// item under the same url.
func toExtensions(obj map[string]any, raw []byte) []fm.Extension {
	var out []fm.Extension
	for _, k := range keysInOrder(raw) {
		v, ok := obj[k]
		if !ok {
			continue
		}
		if items, ok := v.([]any); ok {
			for _, it := range items {
				out = append(out, toExtension(k, it))
			}
			continue
		}
		out = append(out, toExtension(k, v))
	}
	return out
}

func toExtension(k string, v any) fm.Extension {
	x := fm.Extension{Url: k}
	switch t := v.(type) {
	case string:
		x.ValueString = ptr(t)
	case bool:
		x.ValueBoolean = ptr(t)
	case json.Number:
		n, _ := strconv.Atoi(string(t))
		x.ValueInteger = ptr(n)
	case map[string]any:
		sub, _ := json.Marshal(t)
		x.Extension = toExtensions(t, sub)
	}
	return x
}

// keysInOrder returns the member names of the JSON object raw, in order.
func keysInOrder(raw []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var keys []string
	if _, err := dec.Token(); err != nil {
		return nil
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return keys
		}
		keys = append(keys, k.(string))
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return keys
		}
	}
	return keys
}

// fromExtensions rebuilds the JSON object the extensions mirror.
func fromExtensions(xs []fm.Extension, lists []string) (map[string]any, error) {
	obj := map[string]any{}
	for i, x := range xs {
		var v any
		switch {
		case len(x.Extension) > 0:
			sub, err := fromExtensions(x.Extension, nil)
			if err != nil {
				return nil, prefix("extension["+strconv.Itoa(i)+"]", err)
			}
			v = sub
		case x.ValueString != nil:
			v = *x.ValueString
		case x.ValueBoolean != nil:
			v = *x.ValueBoolean
		case x.ValueInteger != nil:
			v = *x.ValueInteger
		default:
			return nil, iop.FieldErrors{{Field: "extension[" + strconv.Itoa(i) + "]", Err: iop.ErrMissing}}
		}
		if contains(lists, x.Url) {
			l, _ := obj[x.Url].([]any)
			obj[x.Url] = append(l, v)
			continue
		}
		if _, dup := obj[x.Url]; dup {
			return nil, iop.FieldErrors{{Field: "extension[" + strconv.Itoa(i) + "]", Err: iop.ErrDuplicate}}
		}
		obj[x.Url] = v
	}
	return obj, nil
}

func prefix(p string, err error) error {
	var errs iop.FieldErrors
	errs.Add(p, err)
	return errs
}

// DecodeGroup reads a Group and its Encounters (JSON) as a group
// session. A Group this module wrote is read from its group-session
// extension with [group.ParseMeeting] (strict, validating); its members
// and its Encounters must be the session's patients, each Encounter on the
// session's day ([ErrImpossible] otherwise). An EHR's Group (without the
// extension) gives: the record ID; the kind from code (a coding of ours,
// required); enrollment open (noted [NoteKindReadAs]: Group does not say);
// one patient participant per member, joined on member.period.start; the
// day and the minutes from the Encounters, which must agree; no
// facilitators. A Group that is not actual or not of type person, an
// inactive member, a characteristic (noted, never read) and everything the
// pre-pass refuses are handled as [DecodeEpisode] says. Encounters are
// matched to members by subject; each Encounter's report is prefixed
// "encounters[i].".
func DecodeGroup(gs GroupSession) (group.Meeting, Report, error) {
	var g fm.Group
	rep, err := decodeResource(gs.Group, "Group", &g, "id", "active", "type", "actual", "code", "quantity", "member", "extension", "characteristic")
	if err != nil {
		return group.Meeting{}, nil, err
	}
	var errs iop.FieldErrors
	if g.Type != fm.GroupTypePerson {
		errs.Add("type", ErrNoMapping)
	}
	if !g.Actual {
		errs.Add("actual", ErrNoMapping)
	}
	if g.Id == nil {
		errs.Add("id", iop.ErrMissing)
	}
	var members []string
	joined := map[string]date.Date{}
	for i, m := range g.Member {
		at := "member[" + strconv.Itoa(i) + "]"
		id, err := readPatientRef(&m.Entity)
		if err != nil {
			errs.Add(at+".entity.reference", err)
			continue
		}
		if m.Inactive != nil && *m.Inactive {
			errs.Add(at+".inactive", ErrNoMapping)
		}
		if m.Period != nil && m.Period.Start != nil {
			var d date.Date
			errs.Add(at+".period.start", dateInto(m.Period.Start, &d))
			joined[id] = d
		}
		members = append(members, id)
	}
	var ours *fm.Extension
	for i := range g.Extension {
		if g.Extension[i].Url == ExtGroupSession && ours == nil {
			ours = &g.Extension[i]
			continue
		}
		rep = append(rep, Note{Path: "extension[" + strconv.Itoa(i) + "]", Kind: NoteKindExtension})
	}
	type visit struct {
		day     date.Date
		minutes iop.Minutes
		at      string
	}
	visits := map[string]visit{}
	for i, data := range gs.Encounters {
		at := "encounters[" + strconv.Itoa(i) + "]"
		var e fm.Encounter
		erep, err := decodeResource(data, "Encounter", &e, "id", "status", "class", "type", "subject", "period", "length", "extension")
		if err != nil {
			errs.Add(at, err)
			continue
		}
		for _, n := range erep {
			rep = append(rep, Note{Path: at + "." + n.Path, Kind: n.Kind})
		}
		if e.Status != fm.EncounterStatusFinished {
			errs.Add(at+".status", ErrNoMapping)
		}
		if e.Subject == nil {
			errs.Add(at+".subject", iop.ErrMissing)
			continue
		}
		pid, err := readPatientRef(e.Subject)
		if err != nil {
			errs.Add(at+".subject.reference", err)
			continue
		}
		var v visit
		v.at = at
		if e.Period == nil || e.Period.Start == nil {
			errs.Add(at+".period.start", iop.ErrMissing)
			continue
		}
		errs.Add(at+".period.start", dateInto(e.Period.Start, &v.day))
		if e.Length != nil {
			m, err := readMinutes(e.Length)
			errs.Add(at+".length", err)
			v.minutes = m
		}
		if _, dup := visits[pid]; dup {
			errs.Add(at+".subject", iop.ErrDuplicate)
		}
		visits[pid] = v
	}
	if len(errs) > 0 {
		return group.Meeting{}, nil, errs
	}
	var s group.Meeting
	if ours != nil {
		obj, err := fromExtensions(ours.Extension, groupLists)
		if err != nil {
			return group.Meeting{}, nil, prefix("extension", err)
		}
		raw, _ := json.Marshal(obj)
		if s, err = group.ParseMeeting(raw); err != nil {
			return group.Meeting{}, nil, prefix("extension", err)
		}
		if s.ID != *g.Id {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "id", Err: ErrImpossible}}
		}
	} else {
		s.ID = *g.Id
		if g.Code == nil || !kindOf(g.Code, &s.Kind) {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "code", Err: iop.ErrMissing}}
		}
		s.Enrollment = group.EnrollmentOpen
		rep = append(rep, Note{Path: "type", Kind: NoteKindReadAs})
		for _, id := range members {
			s.Participants = append(s.Participants, group.Participant{ID: id, Role: group.ParticipantRolePatient, Joined: joined[id]})
		}
		first := true
		for _, id := range members {
			v, ok := visits[id]
			if !ok {
				continue
			}
			if first {
				s.Date, s.Minutes, first = v.day, v.minutes, false
			} else if v.day != s.Date || v.minutes != s.Minutes {
				return group.Meeting{}, nil, iop.FieldErrors{{Field: v.at, Err: ErrImpossible}}
			}
		}
		if first {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "encounters", Err: iop.ErrMissing}}
		}
		if err := s.Validate(); err != nil {
			return group.Meeting{}, nil, prefix("member", err)
		}
	}
	// the members and the Encounters must be the session's patients
	var patients []string
	for _, p := range s.Participants {
		if p.Role == group.ParticipantRolePatient {
			patients = append(patients, p.ID)
			if v, ok := visits[p.ID]; !ok || v.day != s.Date {
				return group.Meeting{}, nil, iop.FieldErrors{{Field: "encounters", Err: ErrImpossible}}
			}
		}
	}
	if strings.Join(patients, "\x00") != strings.Join(members, "\x00") || len(visits) != len(patients) {
		return group.Meeting{}, nil, iop.FieldErrors{{Field: "member", Err: ErrImpossible}}
	}
	rep.sort()
	return s, rep, nil
}

func kindOf(cc *fm.CodeableConcept, k *iop.GroupKind) bool {
	for _, c := range cc.Coding {
		if c.System != nil && *c.System == SystemGroupKind && textInto(c.Code, k) == nil {
			return true
		}
	}
	return false
}
