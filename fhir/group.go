package fhir

// This file is the one place the Group mapping uses the library's group
// API.

import (
	"bytes"
	"encoding/json"
	"slices"
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
// It refuses a session [group.Meeting.Validate] refuses, and a session ID
// or patient ID that is no FHIR id (1 to 64 letters, digits, '-' or '.').
func EncodeGroup(s group.Meeting) (GroupSession, error) {
	if err := s.Validate(); err != nil {
		return GroupSession{}, err
	}
	var errs iop.FieldErrors
	errs.Add("id", checkID(s.ID))
	for i, p := range s.Participants {
		if p.Role == group.ParticipantRolePatient {
			errs.Add("participants["+strconv.Itoa(i)+"].id", checkID(p.ID))
		}
	}
	if len(errs) > 0 {
		return GroupSession{}, errs
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
// extension with [group.ParseMeeting] (strict, validating; an error names
// the nested extension at fault, "extension[0].extension[11].extension[5]",
// not the session's JSON path); its members and its Encounters must be the
// session's patients, in order, each Encounter on the session's day
// ([ErrImpossible] otherwise, in words that say which: "member[4]:
// impossible: a member who is not a patient of the session"). An EHR's
// Group (without the extension) gives: the record ID; the kind from code
// (a coding of ours, required); enrollment open (noted [NoteKindReadAs]:
// Group does not say); one patient participant per member, joined on
// member.period.start; the day and the minutes from the Encounters, which
// must agree; no facilitators; its errors name the member or Encounter an
// element was read from. A Group that is not actual or not of type person, an
// inactive member, a characteristic (noted, never read) and everything the
// pre-pass refuses are handled as [DecodeEpisode] says; a member's
// period.end, active false and a quantity other than the number of
// members are noted, not read. Encounters are
// matched to members by subject; each Encounter's report is prefixed
// "encounters[i].", and holds what EncodeGroup does not write (an id, a
// class other than AMB, a type other than our group service kind, an
// extension of others). An Encounter whose group extension names another
// Group is refused ([ErrImpossible]).
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
	} else if !isFHIRID(*g.Id) {
		errs.Add("id", iop.ErrSyntax)
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
		if m.Period != nil && m.Period.End != nil { // the session records when a patient joined, not left
			rep = append(rep, Note{Path: at + ".period.end", Kind: NoteKindNotMapped})
		}
		members = append(members, id)
	}
	if g.Active != nil && !*g.Active {
		rep = append(rep, Note{Path: "active", Kind: NoteKindNotMapped})
	}
	if g.Quantity != nil && *g.Quantity != len(g.Member) {
		rep = append(rep, Note{Path: "quantity", Kind: NoteKindNotMapped})
	}
	var ours *fm.Extension
	oursAt := ""
	for i := range g.Extension {
		if g.Extension[i].Url == ExtGroupSession && ours == nil {
			ours, oursAt = &g.Extension[i], "extension["+strconv.Itoa(i)+"]"
			continue
		}
		rep = append(rep, Note{Path: "extension[" + strconv.Itoa(i) + "]", Kind: NoteKindExtension})
	}
	type visit struct {
		day     date.Date
		minutes iop.Minutes
		at      string
		i       int
	}
	visits := map[string]visit{}
	type groupRef struct{ at, ref string }
	var groupRefs []groupRef // each Encounter's group extension: checked once the session's id is known
	for i, data := range gs.Encounters {
		at := "encounters[" + strconv.Itoa(i) + "]"
		var e fm.Encounter
		erep, err := decodeResource(data, "Encounter", &e, "status", "class", "type", "subject", "period", "length", "extension")
		if err != nil {
			errs.Add(at, err)
			continue
		}
		for _, n := range erep {
			rep = append(rep, Note{Path: at + "." + n.Path, Kind: n.Kind})
		}
		// what EncodeGroup writes is read; anything else is reported
		if c := e.Class; c.System == nil || *c.System != SystemActCode || c.Code == nil || *c.Code != "AMB" {
			rep = append(rep, Note{Path: at + ".class", Kind: NoteKindNotMapped}) // a virtual group: the session holds no delivery
		}
		for j, cc := range e.Type {
			if len(cc.Coding) != 1 || cc.Text != nil || !isCoding(cc.Coding[0], SystemServiceKind, iop.ServiceKindGroupTherapy.String()) {
				rep = append(rep, Note{Path: at + ".type[" + strconv.Itoa(j) + "]", Kind: NoteKindNotMapped})
			}
		}
		for j, x := range e.Extension {
			xat := at + ".extension[" + strconv.Itoa(j) + "]"
			if x.Url != ExtGroup {
				rep = append(rep, Note{Path: xat, Kind: NoteKindExtension})
				continue
			}
			ref := ""
			if x.ValueReference != nil && x.ValueReference.Reference != nil {
				ref = *x.ValueReference.Reference
			}
			groupRefs = append(groupRefs, groupRef{xat + ".valueReference", ref})
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
		v := visit{at: at, i: i}
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
	var participant func(i int) string // the path of the session's participant i
	if ours != nil {
		obj, err := fromExtensions(ours.Extension, groupLists)
		if err != nil {
			return group.Meeting{}, nil, prefix(oursAt, err)
		}
		raw, _ := json.Marshal(obj)
		if s, err = group.ParseMeeting(raw); err != nil {
			return group.Meeting{}, nil, extPaths(oursAt, ours.Extension, err)
		}
		if s.ID != *g.Id {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "id", Err: errGroupID}}
		}
		participant = func(i int) string {
			return extPath(oursAt, ours.Extension, "participants["+strconv.Itoa(i)+"]")
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
		var from visit // the Encounter the session's day and length are read from
		for _, id := range members {
			v, ok := visits[id]
			if !ok {
				continue
			}
			switch {
			case first:
				s.Date, s.Minutes, first, from = v.day, v.minutes, false, v
			case v.day != s.Date:
				return group.Meeting{}, nil, iop.FieldErrors{{Field: v.at + ".period.start", Err: errOtherDay}}
			case v.minutes != s.Minutes:
				return group.Meeting{}, nil, iop.FieldErrors{{Field: v.at + ".length", Err: errOtherLength}}
			}
		}
		if first {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "encounters", Err: iop.ErrMissing}}
		}
		if err := s.Validate(); err != nil {
			return group.Meeting{}, nil, ehrPaths(err, from.at)
		}
		participant = func(i int) string { return "member[" + strconv.Itoa(i) + "]" }
	}
	for _, r := range groupRefs {
		if r.ref != "Group/"+s.ID {
			return group.Meeting{}, nil, iop.FieldErrors{{Field: r.at, Err: errOtherGroup}}
		}
	}
	// the members and the Encounters must be the session's patients
	var patients []string
	for i, p := range s.Participants {
		if p.Role != group.ParticipantRolePatient {
			continue
		}
		patients = append(patients, p.ID)
		switch v, ok := visits[p.ID]; {
		case !ok:
			return group.Meeting{}, nil, iop.FieldErrors{{Field: participant(i), Err: errNoEncounter}}
		case v.day != s.Date:
			return group.Meeting{}, nil, iop.FieldErrors{{Field: v.at + ".period.start", Err: errNotSessionDay}}
		}
	}
	if len(visits) != len(patients) { // an Encounter of someone not a patient of the session: the first
		stranger := -1
		for id, v := range visits {
			if !slices.Contains(patients, id) && (stranger < 0 || v.i < stranger) {
				stranger = v.i
			}
		}
		return group.Meeting{}, nil, iop.FieldErrors{{Field: "encounters[" + strconv.Itoa(stranger) + "].subject", Err: errNotPatient}}
	}
	for i := range max(len(members), len(patients)) {
		switch {
		case i == len(members):
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "member", Err: errFewerMembers}}
		case i == len(patients):
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "member[" + strconv.Itoa(i) + "]", Err: errMoreMembers}}
		case members[i] != patients[i]:
			return group.Meeting{}, nil, iop.FieldErrors{{Field: "member[" + strconv.Itoa(i) + "].entity.reference", Err: errMemberOrder}}
		}
	}
	rep.sort()
	return s, rep, nil
}

// The group mapping's impossible facts: each wraps [ErrImpossible].
var (
	errGroupID       = impossible("not the id of the session in the group-session extension")
	errOtherGroup    = impossible("an Encounter of another Group")
	errOtherDay      = impossible("not the day of the group's other Encounters")
	errOtherLength   = impossible("not the length of the group's other Encounters")
	errNoEncounter   = impossible("a patient of the session without an Encounter")
	errNotSessionDay = impossible("not the day of the session")
	errNotPatient    = impossible("not a patient of the session")
	errFewerMembers  = impossible("fewer members than the session has patients")
	errMoreMembers   = impossible("a member who is not a patient of the session")
	errMemberOrder   = impossible("not the session's patient in this place (members are its patients, in order)")
)

// ehrPaths returns the field errors of err, a session read from an EHR's
// Group refused by [group.Meeting.Validate], paths in the session's JSON,
// as paths of the elements they were read from: a participant is its
// member (id its entity.reference, joined its period.start), kind is
// code, date and minutes the period.start and length of the Encounter at.
func ehrPaths(err error, at string) error {
	fes, ok := err.(iop.FieldErrors)
	if !ok {
		return err
	}
	out := make(iop.FieldErrors, 0, len(fes))
	for _, fe := range fes {
		f := fe.Field
		switch f {
		case "kind":
			f = "code"
		case "date":
			f = at + ".period.start"
		case "minutes":
			f = at + ".length"
		default:
			if rest, ok := strings.CutPrefix(f, "participants["); ok {
				f = "member[" + rest
				if base, field, ok := strings.Cut(f, "]."); ok {
					switch field {
					case "id":
						f = base + "].entity.reference"
					case "joined":
						f = base + "].period.start"
					}
				}
			}
		}
		out = append(out, &iop.FieldError{Field: f, Err: fe.Err})
	}
	return out
}

// extPaths returns the field errors of err, paths in the session's JSON,
// as paths of the element each names in the nested extensions xs of the
// extension at ([extPath]).
func extPaths(at string, xs []fm.Extension, err error) error {
	fes, ok := err.(iop.FieldErrors)
	if !ok {
		return prefix(at, err)
	}
	out := make(iop.FieldErrors, 0, len(fes))
	for _, fe := range fes {
		out = append(out, &iop.FieldError{Field: extPath(at, xs, fe.Field), Err: fe.Err})
	}
	return out
}

// extPath returns the FHIR path of the element that the path p of the
// session's JSON names in the nested extensions xs of the extension at:
// a member is the extension of its url ("kind": at + ".extension[4]"),
// item n of a list the n-th extension of the list's url, a member named by
// its position (an unknown one, "#3") the extension of the url in that
// place among the member names in order, as the JSON read from xs has
// them. A member none holds (a missing one) is named by FHIRPath's
// extension(url) function: at + ".extension('date')". The url of an
// extension that is not a member of the session is never written.
func extPath(at string, xs []fm.Extension, p string) string {
	path, found := at, true
	for p != "" {
		var part string
		part, p, _ = strings.Cut(p, ".")
		name, index, _ := strings.Cut(part, "[")
		nth, rest := 0, ""
		if index != "" {
			num, _, _ := strings.Cut(index, "]")
			nth, _ = strconv.Atoi(num)
			rest = "[" + index
		}
		j, byPosition := -1, false
		if pos, ok := strings.CutPrefix(name, "#"); ok && found {
			if n, err := strconv.Atoi(pos); err == nil && n >= 0 {
				if names := urlsInOrder(xs); n < len(names) {
					name, byPosition = names[n], true // a url of the input: never written
				}
			}
		}
		if found {
			for k := range xs {
				if xs[k].Url != name {
					continue
				}
				if nth == 0 {
					j = k
					break
				}
				nth--
			}
		}
		switch {
		case j >= 0:
			path += ".extension[" + strconv.Itoa(j) + "]"
			xs = xs[j].Extension
		case byPosition || strings.HasPrefix(name, "#"):
			return path + "." + part + joinRest(p) // not resolved: as the JSON names it
		default:
			path += ".extension('" + name + "')" + rest
			found, xs = false, nil
		}
	}
	return path
}

// joinRest returns the rest of a path after a member, "" or ".rest".
func joinRest(p string) string {
	if p == "" {
		return ""
	}
	return "." + p
}

// urlsInOrder returns the urls of xs, each once, in the order of the
// members of the JSON object fromExtensions rebuilds from them when it is
// encoded (encoding/json writes a map's keys sorted).
func urlsInOrder(xs []fm.Extension) []string {
	var names []string
	for _, x := range xs {
		if !slices.Contains(names, x.Url) {
			names = append(names, x.Url)
		}
	}
	slices.Sort(names)
	return names
}

// isCoding reports whether c is exactly the code of system, with no
// more than a display.
func isCoding(c fm.Coding, system, code string) bool {
	return c.System != nil && *c.System == system && c.Code != nil && *c.Code == code && c.Version == nil && c.UserSelected == nil
}

func kindOf(cc *fm.CodeableConcept, k *iop.GroupKind) bool {
	for _, c := range cc.Coding {
		if c.System != nil && *c.System == SystemGroupKind && textInto(c.Code, k) == nil {
			return true
		}
	}
	return false
}
