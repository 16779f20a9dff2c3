package schedule

import (
	"math"
	"strconv"
	"time"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Checker applies one rule profile, with the [Counting] rule that goes with
// it, to weeks of sessions. Make one with [NewChecker]; it is an immutable
// value, cheap to copy and safe for concurrent use. The zero Checker counts
// nothing and its checks return [ErrZeroChecker].
type Checker struct{ r *checker }

type checker struct {
	p        iop.Profile
	counting Counting
	weekly   bool // the profile sets weekly hours
}

// NewChecker returns a Checker for profile p and counting rule c, after
// validating both. The profile is copied: later changes to p do not reach
// the Checker.
func NewChecker(p iop.Profile, c Counting) (Checker, error) {
	var errs iop.Errors
	if err := p.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return Checker{}, errs
	}
	c.Codes = append([]string(nil), c.Codes...)
	return Checker{&checker{
		p:        p.Clone(),
		counting: c,
		weekly:   p.Weekly.Adult != (iop.Band{}) || p.Weekly.Adolescent != (iop.Band{}),
	}}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Profile returns a copy of the profile ck applies.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	return ck.r.p.Clone()
}

// Counting returns a copy of the counting rule ck applies.
func (ck Checker) Counting() Counting {
	if ck.r == nil {
		return Counting{}
	}
	c := ck.r.counting
	c.Codes = append([]string(nil), c.Codes...)
	return c
}

// Summarize adds up one patient's sessions of week w: sessions on other
// days are skipped; sessions that fail [Session.Validate], and sessions of
// another patient than the first valid one in w, are counted in Invalid and
// nothing else. Patient is that of the first valid session, empty when
// there is none. It does not allocate. The zero Checker counts nothing.
func (ck Checker) Summarize(w Week, sessions []Session) WeekSummary {
	sum := WeekSummary{Week: w}
	if !w.IsValid() {
		return sum
	}
	var c *Counting
	if ck.r != nil {
		c = &ck.r.counting
	}
	for i := range sessions {
		s := &sessions[i]
		d := uint64(s.Date - w.start)
		if d >= daysPerWeek {
			continue
		}
		m, ok := s.check()
		switch {
		case !ok:
			inc32(&sum.Invalid)
			continue
		case sum.Patient == "":
			sum.Patient = s.Patient
		case sum.Patient != s.Patient:
			inc32(&sum.Invalid)
			continue
		}
		sum.addParts(s.Attendance, s.Planned, m, int(d), c != nil && c.counts(s))
	}
	return sum
}

// Episode is what the weekly checks need to know of a patient's episode of
// care at the profile's level: the population whose band applies, the first
// and last days (for partial weeks and service outside the episode), and
// the step-down, if any. It is a comparable value.
type Episode struct {
	// Population chooses the weekly band ([iop.WeeklyRules.For]).
	Population iop.Population `json:"population"`
	// Admitted is the first day of the episode.
	Admitted date.Date `json:"admitted"`
	// Discharged is the last day of the episode, included; zero while the
	// episode goes on.
	Discharged date.Date `json:"discharged,omitzero"`
	// SteppedDown is the day the patient stepped down from the profile's
	// level while still billed at it: the weeks that overlap the
	// profile's StepDown.Weeks weeks from this day are not held to the
	// weekly minimums (minutes and service days). Zero when there is no
	// step-down.
	SteppedDown date.Date `json:"stepped_down,omitzero"`
}

// UnmarshalJSON decodes e strictly; it does not validate.
func (e *Episode) UnmarshalJSON(data []byte) error {
	type plain Episode
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	*e = Episode(v)
	return nil
}

// Validate reports every problem with e as [iop.Errors] of
// [*iop.FieldError]s: an unset or unknown population, no admission day, a
// discharge before admission, a step-down outside the episode.
func (e Episode) Validate() error {
	if e.valid() {
		return nil
	}
	var es fieldErrs
	es.enum("episode.population", e.Population.IsZero(), e.Population.IsValid(), iop.ErrUnknownPopulation)
	if e.Admitted == date.Zero {
		es.add("episode.admitted", ErrMissing)
	}
	if e.Discharged != date.Zero && e.Discharged < e.Admitted {
		es.add("episode.discharged", ErrDateOrder)
	}
	if e.SteppedDown != date.Zero && (e.SteppedDown < e.Admitted || (e.Discharged != date.Zero && e.SteppedDown > e.Discharged)) {
		es.add("episode.stepped_down", ErrDateOrder)
	}
	return es.err()
}

func (e *Episode) valid() bool {
	return e.Population.IsValid() && e.Admitted != date.Zero &&
		(e.Discharged == date.Zero || e.Discharged >= e.Admitted) &&
		(e.SteppedDown == date.Zero || (e.SteppedDown >= e.Admitted && (e.Discharged == date.Zero || e.SteppedDown <= e.Discharged)))
}

// weekShape is where a week stands in an episode.
type weekShape struct {
	days        int  // days of the week in the episode, 0 to 7
	first, last bool // the week holds admission after its first day / discharge before its last
}

// partial reports whether the week holds the admission after its first day
// or the discharge before its last.
func (sh weekShape) partial() bool { return sh.first || sh.last }

func shapeOf(w Week, e *Episode) weekShape {
	first, last := max(w.start, e.Admitted), w.Last()
	if e.Discharged != date.Zero {
		last = min(last, e.Discharged)
	}
	var sh weekShape
	if last >= first {
		sh.days = int(last-first) + 1
	}
	sh.first = e.Admitted > w.start
	sh.last = e.Discharged != date.Zero && e.Discharged < w.Last()
	return sh
}

// partialMin returns the minimum that the profile's partial-week rules set
// for a week of shape sh, given the full-week minimum full.
func partialMin[T int | iop.Minutes](r *iop.PartialWeekRules, full T, sh weekShape) T {
	m := full
	if sh.first {
		m = min(m, iop.Prorate(r.First, full, sh.days))
	}
	if sh.last {
		m = min(m, iop.Prorate(r.Last, full, sh.days))
	}
	return m
}

// stepDown reports whether week w overlaps the step-down allowance.
func (r *checker) stepDown(w Week, e *Episode) bool {
	if e.SteppedDown == date.Zero || r.p.StepDown.Weeks <= 0 {
		return false
	}
	end := e.SteppedDown + date.Date(daysPerWeek*r.p.StepDown.Weeks)
	return w.start < end && w.End() > e.SteppedDown
}

// Week checks a week's summary against the profile, for a patient in
// episode e, and returns every finding in rule order (nil when every rule
// is met): sessions that failed validation; service outside the episode
// (not counted); for a profile with weekly hours, a population it does not
// serve, the partial-week adjustment, the weekly minimum (or the step-down
// allowance) and maximum; for a profile with daily rules, each day short of
// a service day and the number of service days; for a profile with payment
// tiers, each day below the lowest tier; then time that did not count and
// time missed. Rule groups the profile leaves zero are not applied.
//
// It returns an error, and no findings, when e is not valid or s has no
// week. It does not allocate when the week complies.
func (ck Checker) Week(s WeekSummary, e Episode) (iop.Findings, error) {
	if ck.r == nil {
		return nil, ErrZeroChecker
	}
	if !e.valid() {
		return nil, e.Validate()
	}
	if !s.Week.IsValid() {
		return nil, &iop.FieldError{Field: "week", Err: ErrMissing}
	}
	return ck.r.week(&s, &e), nil
}

func (r *checker) week(s *WeekSummary, e *Episode) iop.Findings {
	var fs iop.Findings
	if s.Invalid > 0 {
		fs = append(fs, iop.Finding{Code: CodeSessionInvalid, Severity: iop.Blocking, Subject: s.Patient,
			Message: "sessions failed validation and were not counted", Cite: citeValidation(),
			Got: int64(s.Invalid), Unit: iop.UnitCount})
	}
	// Keep the days in the episode only.
	day := s.DayMinutes
	services := s.DayServices
	lo, hi := int64(e.Admitted-s.Week.start), int64(daysPerWeek-1)
	if e.Discharged != date.Zero {
		hi = min(hi, int64(e.Discharged-s.Week.start))
	}
	var counted, outside int64
	for i := range int64(daysPerWeek) {
		if i >= lo && i <= hi {
			counted += int64(day[i])
			continue
		}
		outside += int64(day[i])
		day[i], services[i] = 0, 0
	}
	if outside > 0 {
		fs = append(fs, iop.Finding{Code: CodeServiceOutsideEpisode, Severity: iop.Warning, Subject: s.Patient,
			Message: "service time on days outside the episode was not counted", Cite: citeValidation(),
			Got: outside, Unit: iop.UnitMinutes})
	}
	sh := shapeOf(s.Week, e)
	if sh.days > 0 {
		fs = r.weeklyRules(fs, s, e, sh, iop.Minutes(min(counted, math.MaxInt32)))
		fs = r.dailyRules(fs, s, e, sh, &day)
		fs = r.tierRules(fs, s, &services)
	}
	if s.UncountedMinutes > 0 {
		fs = append(fs, iop.Finding{Code: CodeUncountedTime, Severity: iop.Info, Subject: s.Patient,
			Message: "time attended in sessions that do not count toward the program's hours", Cite: r.counting.Cite,
			Got: int64(s.UncountedMinutes), Unit: iop.UnitMinutes})
	}
	if s.MissedMinutes > 0 {
		fs = append(fs, iop.Finding{Code: CodeMissedTime, Severity: iop.Info, Subject: s.Patient,
			Message: "planned time not attended: " + strconv.Itoa(int(s.Absent)) + " absent, " +
				strconv.Itoa(int(s.Excused)) + " excused, " + strconv.Itoa(int(s.Partial)) + " attended in part",
			Cite: r.counting.Cite, Got: int64(s.MissedMinutes), Unit: iop.UnitMinutes})
	}
	return fs
}

// partialMessage says which partial week a minimum was adjusted for, and by
// which rule: when the week is both the first and the last, the rule that
// asks less applies.
func partialMessage(sh weekShape, what string, r *iop.PartialWeekRules) string {
	const probe = 1 << 20
	which, pw := "first", r.First
	switch {
	case sh.first && sh.last:
		which = "first and last"
		if iop.Prorate(r.Last, probe, sh.days) < iop.Prorate(r.First, probe, sh.days) {
			pw = r.Last
		}
	case sh.last:
		which, pw = "last", r.Last
	}
	return which + " week of the episode, " + strconv.Itoa(sh.days) + " of 7 days in it: " + what + " " + pw.String()
}

func (r *checker) weeklyRules(fs iop.Findings, s *WeekSummary, e *Episode, sh weekShape, counted iop.Minutes) iop.Findings {
	if !r.weekly {
		return fs
	}
	p := &r.p
	band := p.Weekly.For(e.Population)
	if band == (iop.Band{}) {
		return append(fs, iop.Finding{Code: CodePopulationNotServed, Severity: iop.Blocking, Subject: s.Patient,
			Message: "the profile sets no weekly hours for the " + e.Population.String() + " population", Cite: p.Weekly.Cite})
	}
	need := band.Min
	if sh.partial() {
		need = partialMin(&p.PartialWeeks, band.Min, sh)
	}
	if need != band.Min {
		fs = append(fs, iop.Finding{Code: CodePartialWeek, Severity: iop.Info, Subject: s.Patient,
			Message: partialMessage(sh, "weekly minimum", &p.PartialWeeks), Cite: p.PartialWeeks.Cite,
			Need: int64(need), Got: int64(counted), Unit: iop.UnitMinutes})
	}
	if counted < need {
		if r.stepDown(s.Week, e) {
			fs = append(fs, iop.Finding{Code: CodeStepDownAllowance, Severity: iop.Info, Subject: s.Patient,
				Message: "below the weekly minimum within the step-down allowance", Cite: p.StepDown.Cite,
				Need: int64(need), Got: int64(counted), Unit: iop.UnitMinutes})
		} else {
			fs = append(fs, iop.Finding{Code: CodeWeeklyBelowMinimum, Severity: iop.Blocking, Subject: s.Patient,
				Message: "counted service time is below the weekly minimum", Cite: p.Weekly.Cite,
				Need: int64(need), Got: int64(counted), Unit: iop.UnitMinutes})
		}
	}
	if band.Max > 0 && counted > band.Max {
		fs = append(fs, iop.Finding{Code: CodeWeeklyAboveMaximum, Severity: iop.Warning, Subject: s.Patient,
			Message: "counted service time is above the top of the weekly band", Cite: p.Weekly.Cite,
			Need: int64(band.Max), Got: int64(counted), Unit: iop.UnitMinutes})
	}
	return fs
}

func (r *checker) dailyRules(fs iop.Findings, s *WeekSummary, e *Episode, sh weekShape, day *[daysPerWeek]iop.Minutes) iop.Findings {
	d := &r.p.Daily
	if d.MinDays == 0 && d.MinDayMinutes == 0 {
		return fs
	}
	serviceDays := 0
	for i, m := range day {
		switch {
		case m == 0:
		case m >= d.MinDayMinutes:
			serviceDays++
		default:
			fs = append(fs, iop.Finding{Code: CodeShortDay, Severity: iop.Warning, Subject: s.Patient,
				Message: weekday(s.Week.Day(i)).String() + ": too little counted time for a service day", Cite: d.Cite,
				Need: int64(d.MinDayMinutes), Got: int64(m), Unit: iop.UnitMinutes})
		}
	}
	if d.MinDays == 0 {
		return fs
	}
	need := d.MinDays
	if sh.partial() {
		need = partialMin(&r.p.PartialWeeks, d.MinDays, sh)
	}
	if need != d.MinDays {
		fs = append(fs, iop.Finding{Code: CodePartialWeek, Severity: iop.Info, Subject: s.Patient,
			Message: partialMessage(sh, "service days", &r.p.PartialWeeks), Cite: r.p.PartialWeeks.Cite,
			Need: int64(need), Got: int64(serviceDays), Unit: iop.UnitDays})
	}
	if serviceDays < need {
		if r.stepDown(s.Week, e) {
			fs = append(fs, iop.Finding{Code: CodeStepDownAllowance, Severity: iop.Info, Subject: s.Patient,
				Message: "too few service days within the step-down allowance", Cite: r.p.StepDown.Cite,
				Need: int64(need), Got: int64(serviceDays), Unit: iop.UnitDays})
		} else {
			fs = append(fs, iop.Finding{Code: CodeTooFewDays, Severity: iop.Blocking, Subject: s.Patient,
				Message: "too few service days in the week", Cite: d.Cite,
				Need: int64(need), Got: int64(serviceDays), Unit: iop.UnitDays})
		}
	}
	return fs
}

func (r *checker) tierRules(fs iop.Findings, s *WeekSummary, services *[daysPerWeek]uint16) iop.Findings {
	t := &r.p.ServiceTiers
	if len(t.Tiers) == 0 {
		return fs
	}
	for i, n := range services {
		if n == 0 {
			continue
		}
		if _, ok := t.TierFor(int(n)); !ok {
			fs = append(fs, iop.Finding{Code: CodeBelowTier, Severity: iop.Warning, Subject: s.Patient,
				Message: weekday(s.Week.Day(i)).String() + ": too few countable services for a paid program day", Cite: t.Cite,
				Need: int64(t.Tiers[0].MinServices), Got: int64(n), Unit: iop.UnitCount})
		}
	}
	return fs
}

// Day is one day of a [WeekSummary] as per-diem billing sees it.
type Day struct {
	// Date is the day.
	Date date.Date
	// Weekday is the day of the week.
	Weekday time.Weekday
	// Minutes is the counted time.
	Minutes iop.Minutes
	// Services is the number of countable services furnished.
	Services int
	// ServiceDay reports whether the day counts as a service day: its
	// counted time reaches the profile's Daily.MinDayMinutes, or is above
	// zero when the profile sets none.
	ServiceDay bool
	// Tier is the payment tier the day's services reach; zero when they
	// reach none or the profile sets no tiers.
	Tier iop.ServiceTier
	// HasTier reports whether the day's services reach a tier.
	HasTier bool
}

// Days returns the seven days of a week's summary with their counted time,
// services, service-day status and payment tier under ck's profile. It does
// not allocate.
func (ck Checker) Days(s WeekSummary) [daysPerWeek]Day {
	var out [daysPerWeek]Day
	for i := range out {
		d := Day{Date: s.Week.Day(i), Minutes: s.DayMinutes[i], Services: int(s.DayServices[i])}
		d.Weekday = weekday(d.Date)
		if ck.r != nil {
			d.ServiceDay = d.Minutes > 0 && d.Minutes >= ck.r.p.Daily.MinDayMinutes
			if d.Services > 0 {
				d.Tier, d.HasTier = ck.r.p.ServiceTiers.TierFor(d.Services)
			}
		} else {
			d.ServiceDay = d.Minutes > 0
		}
		out[i] = d
	}
	return out
}
