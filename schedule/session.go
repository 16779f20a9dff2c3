package schedule

import (
	"slices"
	"time"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Session is one scheduled service for one patient: a date, a start time on
// the wall clock, a planned length, a kind, an optional billing code, and
// whether and how long the patient attended. Whether it counts toward the
// program's hours is decided by the profile's [CountingRules], not by
// the session.
//
// Session is a plain record with exported fields, as a billing export row
// is: build it with a composite literal, decode it with [ParseSession], or
// read it with a [SessionReader], and check it with [Session.Validate]. It is
// comparable and safe for concurrent use. Its fields are laid out to keep it
// at 80 bytes (72 before [Session.Input]), since billing batches hold
// millions.
//
// The length of a session is Planned (or Attended), a duration: never the
// difference of two wall-clock readings, so a session on the day clocks
// change counts the minutes it lasted. See the package documentation on
// time zones.
type Session struct {
	// Patient is the opaque record ID of the patient; never a name.
	Patient string `json:"patient"`
	// ID is the opaque record ID of the session; optional.
	ID string `json:"id,omitzero"`
	// Date is the civil date of the session in the program's time zone.
	Date date.Date `json:"date"`
	// Start is the wall-clock time the session starts on Date.
	Start Clock `json:"start,omitzero"`
	// Kind is the kind of service.
	Kind iop.ServiceKind `json:"kind,omitzero"`
	// Attendance says whether the patient took part.
	Attendance Attendance `json:"attendance,omitzero"`
	// Delivery is how the session was delivered: in person, by video or
	// audio only. Zero is taken as in person. Whether telehealth time
	// counts is the profile's rule (CountingRules.delivered).
	Delivery iop.Delivery `json:"delivery,omitzero"`
	// Planned is the planned length of the session.
	Planned iop.Minutes `json:"minutes"`
	// Attended is the minutes attended when Attendance is [AttendancePartial]; zero
	// otherwise (an attended session counts Planned).
	Attended iop.Minutes `json:"attended,omitzero"`
	// Code is the billing code (HCPCS or CPT, such as "90853"); optional.
	Code string `json:"code,omitzero"`
	// Input is where the session was read: the line of its CSV row
	// ([SessionReader]); zero when it was not read from a file. The findings
	// about the session carry it ([iop.Finding.Input]); it is not
	// checked, and plays no part in the rules.
	Input iop.Input `json:"input,omitzero"`
}

// AttendedMinutes returns the minutes the patient attended: Planned for
// [AttendanceAttended], Attended for [AttendancePartial], zero for an absence. It does not say
// whether they count; see CountingRules.counts.
func (s Session) AttendedMinutes() iop.Minutes {
	switch s.Attendance {
	case AttendanceAttended:
		return s.Planned
	case AttendancePartial:
		return s.Attended
	}
	return 0
}

// End returns the wall-clock minutes after midnight at which the session
// ends, Start plus Planned; 24:00 (1440) is the latest a valid session
// ends. The sum saturates ([iop.Minutes.Add]): it never wraps.
func (s Session) End() iop.Minutes { return s.Start.Minutes().Add(s.Planned) }

// crossesMidnight reports whether the session ends after midnight, in
// 64-bit arithmetic so that no length can wrap around.
func (s Session) crossesMidnight() bool {
	return int64(s.Start.Minutes())+int64(s.Planned) > minutesPerDay
}

// attendanceFits reports whether Attended fits Attendance.
func (s Session) attendanceFits() bool {
	switch s.Attendance {
	case AttendanceAttended:
		return s.Attended == 0 || s.Attended == s.Planned
	case AttendanceAbsent, AttendanceExcused:
		return s.Attended == 0
	case AttendancePartial:
		return s.Attended > 0 && s.Attended < s.Planned
	}
	return true
}

// check is Validate without building errors, for the hot paths: it returns
// the attended minutes of a valid session, and false for an invalid one.
// kinds holds the valid service kinds ([counter.valid]).
func (s *Session) check(kinds uint32) (iop.Minutes, bool) {
	if s.Patient == "" || !serviceDate(s.Date) || s.Start.m == 0 || s.Start.m > minutesPerDay ||
		s.Planned <= 0 || int64(s.Start.m)-1+int64(s.Planned) > minutesPerDay || s.Kind >= 32 || kinds>>s.Kind&1 == 0 ||
		s.Delivery > iop.DeliveryAudioOnly || (s.Code != "" && !check.Alnum(s.Code, 5, false)) {
		return 0, false
	}
	switch s.Attendance {
	case AttendanceAttended:
		return s.Planned, s.Attended == 0 || s.Attended == s.Planned
	case AttendancePartial:
		return s.Attended, s.Attended > 0 && s.Attended < s.Planned
	case AttendanceAbsent, AttendanceExcused:
		return 0, s.Attended == 0
	}
	return 0, false
}

// idsOK reports whether the patient and session IDs are valid record IDs.
func (s *Session) idsOK() bool { return idOK(s.Patient) && (s.ID == "" || idOK(s.ID)) }

// valid reports whether s is valid, as Validate does.
func (s *Session) valid() bool {
	_, ok := s.check(^uint32(0))
	return ok && s.Kind.IsValid() && s.idsOK()
}

// counter says which sessions count, as a profile's [CountingRules]
// do, with the kinds as bits for the hot paths.
type counter struct {
	valid uint32 // the valid service kinds
	kinds uint32 // the kinds that count
	codes []string
	tele  iop.Set[iop.Delivery] // the telehealth deliveries that count
	// delivered holds the deliveries (as bits) whose time counts: zero
	// (in person), in person, and the telehealth deliveries that count.
	delivered uint32
	// minService is the time of its own a session needs to be a service,
	// at least a minute.
	minService uint16
}

func newCounter(r *CountingRules) counter {
	var valid iop.Set[iop.ServiceKind]
	for _, k := range iop.All[iop.ServiceKind]() {
		valid |= iop.SetOf[iop.ServiceKind](k)
	}
	c := counter{valid: uint32(valid), kinds: uint32(r.Kinds), codes: r.Codes, tele: r.Telehealth, delivered: 1<<0 | 1<<iop.DeliveryInPerson,
		minService: uint16(min(max(r.MinServiceMinutes, 1), 0xFFFF))}
	for _, d := range iop.All[iop.Delivery]() {
		if d > iop.DeliveryInPerson && d < 32 && r.Telehealth.Has(d) {
			c.delivered |= 1 << d
		}
	}
	return c
}

// counts reports whether a valid session counts: its kind or code counts,
// and it was delivered in a way whose time counts.
func (c *counter) counts(s *Session) bool {
	return (c.kinds>>s.Kind&1 != 0 || (len(c.codes) > 0 && s.Code != "" && slices.Contains(c.codes, s.Code))) &&
		c.delivered>>s.Delivery&1 != 0
}

// Validate reports every problem with s, in the order of its fields, as
// [iop.FieldErrors] naming each field by its JSON name: a missing patient,
// date, start, kind or attendance ([iop.ErrMissing]); a patient or session
// ID that is not a clean record ID ([iop.CheckID]: invalid UTF-8, control
// or format characters, or the replacement character U+FFFD, which is
// what JSON decoding makes of invalid UTF-8); a date outside the plausible
// range of service dates ([iop.CheckServiceDate]); an unknown kind,
// attendance or delivery ([iop.ErrUnknown]); a planned length of zero or less, a
// session that ends after midnight, negative attended minutes, attended
// minutes above the planned ones or attended minutes that contradict the
// attendance ([iop.ErrOutOfRange], with the reason); a code that is not
// 5 digits and upper-case letters, as HCPCS and CPT codes are
// ([iop.ErrSyntax]). It returns nil when s
// is valid. A date that does not exist cannot be held in a date.Date: it is
// refused where it is parsed ([ParseSession], [SessionReader]) with
// [iop.ErrInvalidDate].
func (s Session) Validate() error {
	if s.valid() {
		return nil
	}
	var es iop.FieldErrors
	s.validate(&es)
	return es.Err()
}

// validate adds the problems of s to es.
func (s *Session) validate(es *iop.FieldErrors) {
	if err := checkID(s.Patient); err != nil {
		es.Add("patient", err)
	}
	if s.ID != "" {
		if err := checkID(s.ID); err != nil {
			es.Add("id", err)
		}
	}
	if err := iop.CheckServiceDate(s.Date); err != nil {
		es.Add("date", err)
	}
	if !s.Start.IsValid() {
		es.Add("start", iop.ErrMissing)
	}
	switch {
	case s.Planned <= 0:
		es.Add("minutes", errNotPositive)
	case s.crossesMidnight():
		es.Add("minutes", errAboveDay)
	}
	missingOrUnknown(es, "kind", s.Kind == 0, s.Kind.IsValid())
	missingOrUnknown(es, "attendance", s.Attendance == 0, s.Attendance.IsValid())
	if s.Delivery != 0 && !s.Delivery.IsValid() {
		es.Add("delivery", iop.ErrUnknown)
	}
	if s.Code != "" && !check.Alnum(s.Code, 5, false) {
		es.Add("code", errCodeSyntax)
	}
	switch {
	case s.Attended < 0:
		es.Add("attended", errAttendedNegative)
	case s.Attended > s.Planned && s.Attended > 0:
		es.Add("attended", errAttendedAbove)
	case !s.attendanceFits():
		es.Add("attended", errAttendedMismatch)
	}
}

// WithSpan returns a copy of s whose Date, Start and Planned describe the
// instants start to end as seen in loc: Date and Start are the civil date
// and wall-clock minute of start in loc (seconds dropped), and Planned is
// the time that elapsed, end minus start, in whole minutes rounded down. On
// the day clocks change this is the real length, not the wall-clock
// difference: 01:00 to 04:00 on a spring-forward night is 2 hours.
//
// It returns an error wrapping [iop.ErrMissing] for a nil loc, and
// [iop.ErrOutOfRange] when end is not a minute or more after start, falls
// on a later civil date in loc than start (ending exactly at the next
// midnight is allowed), or when the time elapsed runs past 24:00 on the
// wall clock (on a day clocks fall back, 00:30 to 23:59 lasts 24h29m): the
// session it returns always passes the checks of [Session.Validate] on
// date, start and length.
func (s Session) WithSpan(start, end time.Time, loc *time.Location) (Session, error) {
	if loc == nil {
		return Session{}, &iop.FieldError{Field: "location", Err: iop.ErrMissing}
	}
	st, en := start.In(loc), end.In(loc)
	if !en.After(st) || iop.MinutesOf(en.Sub(st)) <= 0 {
		return Session{}, &iop.FieldError{Field: "minutes", Err: errNotPositive}
	}
	day := date.NewAt(st)
	endDay := date.NewAt(en)
	atMidnight := en.Hour() == 0 && en.Minute() == 0 && en.Second() == 0 && en.Nanosecond() == 0
	if endDay != day && (endDay != day+1 || !atMidnight) {
		return Session{}, &iop.FieldError{Field: "minutes", Err: errAboveDay}
	}
	c, err := ClockOf(st.Hour(), st.Minute())
	if err != nil {
		return Session{}, err
	}
	planned := iop.MinutesOf(en.Sub(st))
	if int64(c.Minutes())+int64(planned) > minutesPerDay {
		// On a day clocks fall back, more time can pass than the wall clock
		// has left: a session is held to end by 24:00 of its date, as
		// Validate holds it.
		return Session{}, &iop.FieldError{Field: "minutes", Err: errAboveDay}
	}
	s.Date, s.Start, s.Planned = day, c, planned
	return s, nil
}

// UnmarshalJSON decodes a session strictly: an unknown or duplicate field,
// a value of the wrong type, an unknown kind or attendance, a time of day
// not in "HH:MM" form, minutes not in "3h00m" form, or a date that does not
// exist ("2025-02-30") is an error naming the field ([iop.FieldErrors]).
// It does not validate; [ParseSession] does.
func (s *Session) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, s)
}

// ParseSession decodes one session from JSON strictly and validates it:
//
//	{"patient": "p-1", "date": "2025-03-03", "start": "09:00", "minutes": "3h00m",
//	 "kind": "group", "attendance": "attended", "code": "H0015"}
func ParseSession(data []byte) (Session, error) {
	var s Session
	if err := s.UnmarshalJSON(data); err != nil {
		return Session{}, err
	}
	if err := s.Validate(); err != nil {
		return Session{}, err
	}
	return s, nil
}
