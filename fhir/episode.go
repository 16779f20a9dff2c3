package fhir

// This file is the one place the EpisodeOfCare mapping uses the
// library's aftercare API.

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// EpisodeOfCare is an episode of care of ours with the record ID of the
// patient it is for, which FHIR's EpisodeOfCare requires and
// [aftercare.Episode] does not hold. It is safe for concurrent use as long
// as no one writes to it.
type EpisodeOfCare struct {
	Patient string
	Episode aftercare.Episode
}

// EpisodeOptions says how [DecodeEpisode] fills what an EHR's
// EpisodeOfCare (one without this module's episode-event extensions) does
// not say. The zero EpisodeOptions fills nothing: such a resource then
// imports only when its type names the level and it is not finished.
type EpisodeOptions struct {
	// Level is the level of care admitted to when the resource's type
	// names none (neither a level of ours, a BHA ASAM level nor the BHA
	// episode type 09).
	Level iop.Level
	// Discharge is the discharge recorded when the resource is finished:
	// FHIR's EpisodeOfCare holds no discharge reason. Zero refuses a
	// finished resource without this module's extensions.
	Discharge aftercare.Discharge
}

// fhirStatus is the EpisodeOfCare status of an episode in state s;
// admitted says whether it was ever admitted (a closed episode that never
// was is cancelled).
func fhirStatus(s aftercare.State, admitted bool) fm.EpisodeOfCareStatus {
	switch s {
	case aftercare.StateAdmitted, aftercare.StateActive:
		return fm.EpisodeOfCareStatusActive
	case aftercare.StateOnHold:
		return fm.EpisodeOfCareStatusOnhold
	case aftercare.StateDischarged, aftercare.StateInAftercare:
		return fm.EpisodeOfCareStatusFinished
	case aftercare.StateClosed:
		if admitted {
			return fm.EpisodeOfCareStatusFinished
		}
		return fm.EpisodeOfCareStatusCancelled
	}
	return fm.EpisodeOfCareStatusPlanned
}

// EncodeEpisode writes e as an R4 EpisodeOfCare (JSON): id the episode's
// record ID; status and statusHistory from its states (referred and
// assessed are planned; admitted and active are active; on-hold is
// onhold; discharged, in-aftercare and closed after an admission are
// finished; closed without one is cancelled; waitlist and
// entered-in-error are never written), each history entry's period from
// the day of the move that began it to the day of the next; period from
// the referral to the discharge (or the close); type the level admitted
// to (a coding of ours and, where one exists, Colorado BHA's), and the BHA
// episode type 09 for level 2.1; patient "Patient/" + e.Patient; and one
// episode-event extension per move, which [DecodeEpisode] replays.
// It refuses the zero Episode, and a patient ID or episode ID that is no
// FHIR id (1 to 64 letters, digits, '-' or '.'; [iop.CheckID] first).
func EncodeEpisode(e EpisodeOfCare) ([]byte, error) {
	var errs iop.FieldErrors
	errs.Add("patient", checkID(e.Patient))
	if e.Episode.IsZero() {
		errs.Add("episode", iop.ErrMissing)
	} else {
		errs.Add("episode.id", checkID(e.Episode.ID()))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	r := fm.EpisodeOfCare{
		Id:      ptr(e.Episode.ID()),
		Patient: patientRef(e.Patient),
	}
	events := e.Episode.Events()
	var (
		st       aftercare.State
		admitted bool
	)
	for i, ev := range events {
		st, _ = st.Next(ev.Kind)
		admitted = admitted || ev.Kind == aftercare.EventKindAdmit
		s := fhirStatus(st, admitted)
		on := dateText(ev.On)
		if n := len(r.StatusHistory); n == 0 || r.StatusHistory[n-1].Status != s {
			if n > 0 {
				r.StatusHistory[n-1].Period.End = ptr(on)
			}
			r.StatusHistory = append(r.StatusHistory, fm.EpisodeOfCareStatusHistory{Status: s, Period: fm.Period{Start: ptr(on)}})
		}
		r.Extension = append(r.Extension, eventExt(ev))
		if i == 0 {
			r.Period = &fm.Period{Start: ptr(on)}
		}
		if ev.Kind == aftercare.EventKindDischarge || ev.Kind == aftercare.EventKindClose && r.Period.End == nil {
			r.Period.End = ptr(on)
		}
	}
	r.Status = fhirStatus(st, admitted)
	if l := e.Episode.Level(); l != 0 {
		cc := fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemLevel), Code: ptr(l.String())}}}
		if code, ok := BHALevelCode(l, 0); ok {
			cc.Coding = append(cc.Coding, fm.Coding{System: ptr(SystemBHALevel), Code: ptr(code)})
		}
		r.Type = append(r.Type, cc)
		if l == iop.Level21 {
			r.Type = append(r.Type, fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemBHAEpisode), Code: ptr(BHAEpisodeIOP)}}})
		}
	}
	return json.Marshal(r)
}

func patientRef(id string) fm.Reference { return fm.Reference{Reference: ptr("Patient/" + id)} }

// eventExt writes one move as an episode-event extension.
func eventExt(ev aftercare.Event) fm.Extension {
	x := fm.Extension{Url: ExtEvent}
	sub := func(url string, e fm.Extension) { e.Url = url; x.Extension = append(x.Extension, e) }
	sub("kind", fm.Extension{ValueCode: ptr(ev.Kind.String())})
	sub("on", fm.Extension{ValueDate: ptr(dateText(ev.On))})
	if ev.Level != 0 {
		sub("level", fm.Extension{ValueCode: ptr(ev.Level.String())})
	}
	if ev.CourtOrdered {
		sub("courtOrdered", fm.Extension{ValueBoolean: ptr(true)})
	}
	if d := ev.Discharge; !d.IsZero() {
		sub("reason", fm.Extension{ValueCoding: &fm.Coding{System: ptr(SystemTEDS), Code: ptr(strconv.Itoa(d.Reason.TEDS()))}})
		if d.Planned {
			sub("planned", fm.Extension{ValueBoolean: ptr(true)})
		}
		if d.Step != 0 {
			sub("step", fm.Extension{ValueCode: ptr(d.Step.String())})
		}
		if d.ToLevel != 0 {
			sub("toLevel", fm.Extension{ValueCode: ptr(d.ToLevel.String())})
		}
		if d.ReferredTo != "" {
			sub("referredTo", fm.Extension{ValueString: ptr(d.ReferredTo)})
		}
	}
	return x
}

// readEvent reads an episode-event extension; errors name the
// sub-extension by its position.
func readEvent(x fm.Extension) (aftercare.Event, error) {
	var (
		ev   aftercare.Event
		errs iop.FieldErrors
	)
	seen := map[string]bool{}
	for i, s := range x.Extension {
		at := "extension[" + strconv.Itoa(i) + "]"
		if seen[s.Url] {
			errs.Add(at, iop.ErrDuplicate)
			continue
		}
		seen[s.Url] = true
		var err error
		switch s.Url {
		case "kind":
			err = textInto(s.ValueCode, &ev.Kind)
		case "on":
			err = dateInto(s.ValueDate, &ev.On)
		case "level":
			err = textInto(s.ValueCode, &ev.Level)
		case "courtOrdered":
			err = boolInto(s.ValueBoolean, &ev.CourtOrdered)
		case "reason":
			if s.ValueCoding == nil || s.ValueCoding.Code == nil || s.ValueCoding.System == nil || *s.ValueCoding.System != SystemTEDS {
				err = iop.ErrMissing
				break
			}
			n, aerr := atoiStrict(*s.ValueCoding.Code)
			if aerr != nil {
				err = iop.ErrUnknown
				break
			}
			ev.Discharge.Reason, err = aftercare.DischargeReasonFromTEDS(n)
		case "planned":
			err = boolInto(s.ValueBoolean, &ev.Discharge.Planned)
		case "step":
			err = textInto(s.ValueCode, &ev.Discharge.Step)
		case "toLevel":
			err = textInto(s.ValueCode, &ev.Discharge.ToLevel)
		case "referredTo":
			if s.ValueString == nil {
				err = iop.ErrMissing
			} else {
				ev.Discharge.ReferredTo = *s.ValueString
			}
		default:
			err = iop.ErrUnknown
		}
		if err != nil {
			errs.Add(at, plain(err))
		}
	}
	return ev, errs.Err()
}

// plain keeps the sentinel of err and drops any words that might quote
// input.
func plain(err error) error {
	for _, s := range []error{iop.ErrMissing, iop.ErrInvalidDate, iop.ErrUnknown, iop.ErrSyntax, iop.ErrOutOfRange, iop.ErrDuplicate} {
		if errorsIs(err, s) {
			return s
		}
	}
	return iop.ErrSyntax
}

type textUnmarshaler interface{ UnmarshalText([]byte) error }

func textInto(s *string, v textUnmarshaler) error {
	if s == nil {
		return iop.ErrMissing
	}
	if v.UnmarshalText([]byte(*s)) != nil {
		return iop.ErrUnknown
	}
	return nil
}

func dateInto(s *string, d *date.Date) error {
	if s == nil {
		return iop.ErrMissing
	}
	v, err := dateOf(*s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func boolInto(b *bool, v *bool) error {
	if b == nil {
		return iop.ErrMissing
	}
	*v = *b
	return nil
}

// DecodeEpisode reads an R4 EpisodeOfCare (JSON) as an episode of ours.
//
// A resource this module wrote (with episode-event extensions) is replayed
// move by move through [aftercare.Replay]; its status and statusHistory
// must be the ones those moves give ([ErrImpossible] otherwise).
//
// An EHR's resource (without them) is replayed from its statusHistory (or
// its status and period alone): planned begins with a referral; waitlist
// is read as planned (noted [NoteKindReadAs]: we have no waiting state);
// the first active is the assessment, the admission (at
// [EpisodeOptions.Level] or the level its type names) and the first
// service, all on the day the entry starts; onhold a hold; active after
// onhold a resumption; finished a discharge with
// [EpisodeOptions.Discharge]; cancelled before any active a close. Any
// other sequence (active after finished, onhold before active, finished
// before active) is refused with [ErrImpossible], and the moves must
// pass the episode's own checks ([*aftercare.MoveError] at the entry).
//
// entered-in-error, in status or history, is refused with
// [ErrEnteredInError]. A missing status, patient or id, a
// modifierExtension, a code samply does not know and a malformed date are
// refused; elements the mapping does not read, unknown elements, "_x"
// primitive extensions and extensions of others are reported, not read.
// Errors are [iop.FieldErrors] with element paths; no error or note holds
// input text.
func DecodeEpisode(data []byte, o EpisodeOptions) (EpisodeOfCare, Report, error) {
	var r fm.EpisodeOfCare
	rep, err := decodeResource(data, "EpisodeOfCare", &r, "id", "status", "statusHistory", "patient", "period", "type", "extension")
	if err != nil {
		return EpisodeOfCare{}, nil, err
	}
	var errs iop.FieldErrors
	id := ""
	if r.Id == nil {
		errs.Add("id", iop.ErrMissing)
	} else if id = *r.Id; !isFHIRID(id) {
		errs.Add("id", iop.ErrSyntax)
	}
	patient, perr := readPatientRef(&r.Patient)
	errs.Add("patient.reference", perr)
	if r.Status == fm.EpisodeOfCareStatusEnteredInError {
		errs.Add("status", ErrEnteredInError)
	}
	for i, h := range r.StatusHistory {
		if h.Status == fm.EpisodeOfCareStatusEnteredInError {
			errs.Add("statusHistory["+strconv.Itoa(i)+"].status", ErrEnteredInError)
		}
	}
	var events []aftercare.Event
	for i, x := range r.Extension {
		at := "extension[" + strconv.Itoa(i) + "]"
		if x.Url != ExtEvent {
			rep = append(rep, Note{Path: at, Kind: NoteKindExtension})
			continue
		}
		ev, err := readEvent(x)
		if err != nil {
			errs.Add(at, err)
			continue
		}
		events = append(events, ev)
	}
	if len(errs) > 0 {
		return EpisodeOfCare{}, nil, errs
	}
	var ep aftercare.Episode
	if len(events) > 0 {
		ep, err = aftercare.Replay(id, events)
		if err != nil {
			return EpisodeOfCare{}, nil, prefix("extension", err)
		}
		if err := sameStatuses(&r, ep, &rep); err != nil {
			return EpisodeOfCare{}, nil, err
		}
	} else {
		ep, err = replayStatuses(&r, id, o, &rep)
		if err != nil {
			return EpisodeOfCare{}, nil, err
		}
	}
	rep.sort()
	return EpisodeOfCare{Patient: patient, Episode: ep}, rep, nil
}

func marshalled(v any) []byte { b, _ := json.Marshal(v); return b }

func readPatientRef(ref *fm.Reference) (string, error) {
	if ref.Reference == nil {
		return "", iop.ErrMissing
	}
	id, ok := strings.CutPrefix(*ref.Reference, "Patient/")
	if !ok || !isFHIRID(id) {
		return "", iop.ErrSyntax
	}
	return id, nil
}

// sameStatuses checks that the status and statusHistory of r are the ones
// ep's moves give; a type other than the one they give (the level
// admitted to) is noted in rep, since the moves' level is the one read.
func sameStatuses(r *fm.EpisodeOfCare, ep aftercare.Episode, rep *Report) error {
	data, err := EncodeEpisode(EpisodeOfCare{Patient: "x", Episode: ep})
	if err != nil {
		return err
	}
	var want fm.EpisodeOfCare
	if err := json.Unmarshal(data, &want); err != nil {
		return iop.FieldErrors{{Err: iop.ErrSyntax}}
	}
	if r.Status != want.Status {
		return iop.FieldErrors{{Field: "status", Err: errMovesStatus}}
	}
	if got, _ := json.Marshal(r.Type); string(got) != string(marshalled(want.Type)) {
		*rep = append(*rep, Note{Path: "type", Kind: NoteKindNotMapped})
	}
	if len(r.StatusHistory) == 0 {
		return nil
	}
	if len(r.StatusHistory) != len(want.StatusHistory) {
		return iop.FieldErrors{{Field: "statusHistory", Err: errMovesHistory}}
	}
	for i, h := range r.StatusHistory {
		if h.Status != want.StatusHistory[i].Status {
			return iop.FieldErrors{{Field: "statusHistory[" + strconv.Itoa(i) + "].status", Err: errMovesStatus}}
		}
	}
	return nil
}

// The statuses that an episode's moves (its extensions) contradict: each
// wraps [ErrImpossible].
var (
	errMovesStatus  = impossible("not the status the episode's moves give")
	errMovesHistory = impossible("not as many statuses as the episode's moves give")
)

// step is one status of an EHR's EpisodeOfCare and the day it began.
type step struct {
	status fm.EpisodeOfCareStatus
	on     date.Date
	at     string // the path of the status
}

// replayStatuses builds the episode from an EHR's statuses.
func replayStatuses(r *fm.EpisodeOfCare, id string, o EpisodeOptions, rep *Report) (aftercare.Episode, error) {
	var (
		steps []step
		errs  iop.FieldErrors
	)
	for i, h := range r.StatusHistory {
		at := "statusHistory[" + strconv.Itoa(i) + "]"
		var d date.Date
		if err := dateInto(h.Period.Start, &d); err != nil {
			errs.Add(at+".period.start", err)
			continue
		}
		steps = append(steps, step{h.Status, d, at + ".status"})
	}
	if len(errs) > 0 {
		return aftercare.Episode{}, errs
	}
	if n := len(steps); n == 0 || steps[n-1].status != r.Status {
		var d date.Date
		switch {
		case n > 0 && r.StatusHistory[n-1].Period.End != nil:
			if err := dateInto(r.StatusHistory[n-1].Period.End, &d); err != nil {
				return aftercare.Episode{}, prefix("statusHistory["+strconv.Itoa(n-1)+"].period.end", err)
			}
		case r.Period != nil && r.Period.End != nil && (r.Status == fm.EpisodeOfCareStatusFinished || r.Status == fm.EpisodeOfCareStatusCancelled):
			if err := dateInto(r.Period.End, &d); err != nil {
				return aftercare.Episode{}, prefix("period.end", err)
			}
		case n == 0 && r.Period != nil:
			if err := dateInto(r.Period.Start, &d); err != nil {
				return aftercare.Episode{}, prefix("period.start", err)
			}
		default:
			return aftercare.Episode{}, iop.FieldErrors{{Field: "period", Err: iop.ErrMissing}}
		}
		steps = append(steps, step{r.Status, d, "status"})
	}
	level := o.Level
	if l, ok := levelOfTypes(r.Type, rep); ok {
		level = l
	}
	var events []aftercare.Event
	var at []string // the path each event came from
	add := func(s step, evs ...aftercare.Event) {
		for _, ev := range evs {
			events = append(events, ev)
			at = append(at, s.at)
		}
	}
	var cur fm.EpisodeOfCareStatus = -1
	for _, s := range steps {
		st := s.status
		if st == fm.EpisodeOfCareStatusWaitlist {
			*rep = append(*rep, Note{Path: s.at, Kind: NoteKindReadAs})
			st = fm.EpisodeOfCareStatusPlanned
		}
		if st == cur {
			continue
		}
		refer := aftercare.Event{Kind: aftercare.EventKindRefer, On: s.on}
		assess := aftercare.Event{Kind: aftercare.EventKindAssess, On: s.on}
		admit := aftercare.Event{Kind: aftercare.EventKindAdmit, On: s.on, Level: level}
		start := aftercare.Event{Kind: aftercare.EventKindStart, On: s.on}
		switch {
		case st == fm.EpisodeOfCareStatusPlanned && cur == -1:
			add(s, refer)
		case st == fm.EpisodeOfCareStatusActive && (cur == -1 || cur == fm.EpisodeOfCareStatusPlanned):
			if level == 0 {
				return aftercare.Episode{}, iop.FieldErrors{{Field: "type", Err: iop.ErrMissing}}
			}
			if cur == -1 {
				add(s, refer)
			}
			add(s, assess, admit, start)
		case st == fm.EpisodeOfCareStatusOnhold && cur == fm.EpisodeOfCareStatusActive:
			add(s, aftercare.Event{Kind: aftercare.EventKindHold, On: s.on})
		case st == fm.EpisodeOfCareStatusActive && cur == fm.EpisodeOfCareStatusOnhold:
			add(s, aftercare.Event{Kind: aftercare.EventKindResume, On: s.on})
		case st == fm.EpisodeOfCareStatusFinished && (cur == fm.EpisodeOfCareStatusActive || cur == fm.EpisodeOfCareStatusOnhold):
			if o.Discharge.IsZero() {
				return aftercare.Episode{}, iop.FieldErrors{{Field: s.at, Err: iop.ErrMissing}}
			}
			add(s, aftercare.Event{Kind: aftercare.EventKindDischarge, On: s.on, Discharge: o.Discharge})
		case st == fm.EpisodeOfCareStatusCancelled && (cur == -1 || cur == fm.EpisodeOfCareStatusPlanned):
			if cur == -1 {
				add(s, refer)
			}
			add(s, aftercare.Event{Kind: aftercare.EventKindClose, On: s.on})
		default:
			return aftercare.Episode{}, iop.FieldErrors{{Field: s.at, Err: ErrImpossible}}
		}
		cur = st
	}
	ep, err := aftercare.Replay(id, events)
	if err != nil {
		path := "status"
		if me, ok := err.(*aftercare.MoveError); ok && me.Index < len(at) {
			path = at[me.Index]
		}
		return aftercare.Episode{}, prefix(path, err)
	}
	return ep, nil
}

// levelOfTypes finds the level of care in an EpisodeOfCare's types: the
// first coding of ours, a BHA ASAM level, or the BHA episode type 09
// (2.1). Every other coding, and one that names a level after the first,
// is noted in rep as not mapped (a level that agrees with the one read
// is read too).
func levelOfTypes(types []fm.CodeableConcept, rep *Report) (iop.Level, bool) {
	var (
		level iop.Level
		found bool
	)
	for i, cc := range types {
		for j, c := range cc.Coding {
			l, ok := codingLevel(c)
			switch {
			case ok && !found:
				level, found = l, true
			case ok && l == level:
			default:
				*rep = append(*rep, Note{Path: "type[" + strconv.Itoa(i) + "].coding[" + strconv.Itoa(j) + "]", Kind: NoteKindNotMapped})
			}
		}
		if cc.Text != nil {
			*rep = append(*rep, Note{Path: "type[" + strconv.Itoa(i) + "].text", Kind: NoteKindNotMapped})
		}
	}
	return level, found
}

// codingLevel reads one coding of an EpisodeOfCare's type as a level.
func codingLevel(c fm.Coding) (iop.Level, bool) {
	if c.System == nil || c.Code == nil {
		return 0, false
	}
	switch *c.System {
	case SystemLevel:
		var l iop.Level
		if textInto(c.Code, &l) == nil {
			return l, true
		}
	case SystemBHALevel:
		if l, _, err := BHALevel(*c.Code); err == nil {
			return l, true
		}
	case SystemBHAEpisode:
		if *c.Code == BHAEpisodeIOP {
			return iop.Level21, true
		}
	}
	return 0, false
}
