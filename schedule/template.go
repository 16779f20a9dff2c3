package schedule

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Template is the week a program runs: the same sessions, back to back, on
// each of its days. It answers whether a program built this way can meet a
// profile, and by how much it clears or misses it ([Checker.FitTemplate]).
// In JSON:
//
//	{"id": "iop-mwf", "days": ["mon","wed","fri"], "start": "09:00",
//	 "sessions": 3, "minutes": "1h00m", "kind": "group"}
//
// Template is a comparable value, safe for concurrent use.
type Template struct {
	// ID is the opaque record ID of the template or program; optional.
	ID string `json:"id,omitzero"`
	// Days are the days of the week the program runs.
	Days Weekdays `json:"days"`
	// Start is when the first session of each day starts.
	Start Clock `json:"start"`
	// Sessions is the number of sessions each day.
	Sessions int `json:"sessions"`
	// Minutes is the length of each session.
	Minutes iop.Minutes `json:"minutes"`
	// Kind is the kind of the sessions.
	Kind iop.ServiceKind `json:"kind"`
	// Code is the billing code of the sessions; optional.
	Code string `json:"code,omitzero"`
}

// Validate reports every problem with t as [iop.FieldErrors]: no days, no
// start or no kind ([iop.ErrMissing]); unknown days or kind
// ([iop.ErrUnknown]); fewer than one session a day, a length of zero or
// less, or a day that runs past midnight ([iop.ErrOutOfRange]).
func (t Template) Validate() error {
	var es iop.FieldErrors
	missingOrUnknown(&es, "days", t.Days == 0, t.Days.IsValid())
	if !t.Start.IsValid() {
		es.Add("start", iop.ErrMissing)
	}
	if t.Sessions < 1 {
		es.Add("sessions", errNotPositive)
	}
	switch {
	case t.Minutes <= 0:
		es.Add("minutes", errNotPositive)
	case t.Sessions > 0 && int64(t.Sessions) > (minutesPerDay-int64(t.Start.Minutes()))/int64(t.Minutes):
		es.Add("minutes", errAboveSessions)
	}
	missingOrUnknown(&es, "kind", t.Kind == 0, t.Kind.IsValid())
	return es.Err()
}

// UnmarshalJSON decodes t strictly; it does not validate. [ParseTemplate]
// does both.
func (t *Template) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, t)
}

// ParseTemplate decodes a template from JSON strictly and validates it:
//
//	{"id": "iop-mwf", "days": ["mon","wed","fri"], "start": "09:00",
//	 "sessions": 3, "minutes": "1h00m", "kind": "group"}
func ParseTemplate(data []byte) (Template, error) {
	var t Template
	if err := t.UnmarshalJSON(data); err != nil {
		return Template{}, err
	}
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	return t, nil
}

// Session returns the j-th session (from 0) of the template on day d, for
// patient.
func (t Template) Session(patient string, d date.Date, j int) Session {
	var start Clock
	if m := int64(t.Start.Minutes()) + int64(j)*int64(t.Minutes); t.Start.IsValid() && m >= 0 && m < minutesPerDay {
		start = Clock{uint16(m) + 1}
	}
	return Session{Patient: patient, Date: d, Start: start, Planned: t.Minutes, Kind: t.Kind, Code: t.Code, Attendance: AttendanceAttended}
}

// Fit is how a [Template] fares against a profile: the time it schedules,
// the margins by which it clears (positive) or misses (negative) each
// minimum the profile sets, and the findings a full week run to it gets.
type Fit struct {
	// Weekly is the time that counts in a week run to the template, and
	// Day on each program day: zero when the counting rule does not count
	// the template's sessions.
	Weekly, Day iop.Minutes
	// Days is the number of program days a week.
	Days int
	// Band is the profile's weekly band for the population; zero when the
	// profile sets no weekly hours.
	Band iop.Band
	// Margin is Weekly minus the weekly minimum: at least zero when the
	// template clears it, negative when it misses. Zero when no band.
	Margin iop.Minutes
	// Headroom is the weekly maximum minus Weekly when the band has a
	// maximum: negative when the template is over it. Zero otherwise.
	Headroom iop.Minutes
	// DayMargin is Day minus the minutes a service day needs, when the
	// profile sets them; zero otherwise.
	DayMargin iop.Minutes
	// DaysMargin is Days minus the service days a week needs, when the
	// profile sets them; zero otherwise.
	DaysMargin int
	// Findings are those of [Checker.CheckWeek] for a full week of the
	// template attended in full, from the profile's first day, with the
	// template's ID as subject.
	Findings iop.Findings
}

// Meets reports whether a full week run to the template meets every
// blocking rule of the profile.
func (f Fit) Meets() bool { return !f.Findings.HasBlocking() }

// FitTemplate says whether a program run to template t can meet ck's
// profile for population pop, and by how much it clears or misses each
// minimum. Only sessions that the profile's counting rules count add up. It
// returns an error when t is not valid ([iop.FieldErrors] naming
// "template.minutes" and so on) or pop is not ("population").
func (ck Checker) FitTemplate(t Template, pop iop.Population) (Fit, error) {
	if ck.r == nil {
		return Fit{}, check.ZeroChecker()
	}
	var es iop.FieldErrors
	es.Add("template", t.Validate())
	missingOrUnknown(&es, "population", pop == 0, pop.IsValid())
	if err := es.Err(); err != nil {
		return Fit{}, err
	}
	w := ISOWeeks().Of(ck.r.p.From)
	ep := Stay{Population: pop, Admitted: w.Start()}
	sum := WeekSummary{Patient: t.ID, Week: w}
	for i := range daysPerWeek {
		d := w.Day(i)
		if !t.Days.Has(weekday(d)) {
			continue
		}
		for j := range t.Sessions {
			s := t.Session(t.ID, d, j)
			sum.addParts(s.Attendance, s.Planned, s.Planned, i, ck.r.count.counts(&s))
		}
	}
	f := Fit{Days: t.Days.size(), Weekly: sum.Minutes}
	for _, m := range sum.DayMinutes {
		f.Day = max(f.Day, m)
	}
	p := &ck.r.b
	if ck.r.weekly {
		f.Band = p.Weekly.For(pop)
		if f.Band != (iop.Band{}) {
			f.Margin = f.Weekly - f.Band.Min
			if f.Band.Max > 0 {
				f.Headroom = f.Band.Max - f.Weekly
			}
		}
	}
	if p.Daily.MinDayMinutes > 0 {
		f.DayMargin = f.Day - p.Daily.MinDayMinutes
	}
	if p.Daily.MinDays > 0 {
		f.DaysMargin = f.Days - p.Daily.MinDays
	}
	f.Findings = ck.r.week(nil, &sum, &ep)
	return f, nil
}
