package authorization

import (
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// smallStay is the number of authorizations of one stay whose state is
// kept on the stack; a stay with more allocates it.
const smallStay = 8

// authState is what the walk over a stay's days keeps for one
// authorization.
type authState struct {
	used     int64     // use counted against it, in its figure unit
	reached  date.Date // the day use reached the quantity; zero before
	week     int64     // the authorization-week of weekUse; -1 before the first
	weekUse  int64
	from     date.Date // the rate window, from through end; zero when none
	end      date.Date
	recent   int64     // use in the rate window
	after    int64     // use after it
	lastDay  date.Date // the last day with use (a day counts once)
	notCert  date.Date // the last day reported as not certified
	overDay  date.Date // the last day reported beyond the quantity,
	overAt   int       // and the index of that finding in dst
	quantity int64     // the quantity, in the figure unit
}

// byDay is the k of a day whose authorization the walk chooses.
const byDay = -2

// day is the use of one day, or of one claim line's code on a day, to be
// counted against an authorization: k is the one chosen before the walk,
// or byDay.
type day struct {
	d                      date.Date
	k                      int
	code, revenue          string // a claim line's codes; empty for a week summary's service
	visits, units, minutes int64
}

// scale returns the factor from a's unit to its figure unit: 60 for hours
// (figures in minutes), 1 otherwise.
func scale(u QuantityUnit) int64 {
	if u == QuantityUnitHours {
		return 60
	}
	return 1
}

// figureUnit returns the unit of the figures of a quantity in u.
func figureUnit(u QuantityUnit) iop.Unit {
	switch u {
	case QuantityUnitDays:
		return iop.UnitDays
	case QuantityUnitHours:
		return iop.UnitMinutes
	}
	return iop.UnitCount
}

// amount returns what u uses of a quantity in unit q, a day counting once
// after last, the last day already counted.
func (u *day) amount(q QuantityUnit, last date.Date) int64 {
	switch q {
	case QuantityUnitDays:
		if u.d == last {
			return 0
		}
		return 1
	case QuantityUnitVisits:
		return u.visits
	case QuantityUnitUnits:
		return u.units
	case QuantityUnitHours:
		return u.minutes
	}
	return 0
}

// stay is one patient's stay being checked: the authorizations, the day
// judged, the planned discharge, and the state of each authorization.
type stay struct {
	r         *checker
	auths     []Authorization
	patient   string
	asOf      date.Date
	discharge date.Date
	outside   date.Date   // the last day reported outside every period
	big       []authState // the state of each authorization when there are more than smallStay
	buf       [smallStay]authState
	findings  bool // a finding was added out of rule order
	last      int  // the rule of the last finding added
}

func (s *stay) init(r *checker, auths []Authorization, patient string, asOf, discharge date.Date) {
	s.r, s.auths, s.patient, s.asOf, s.discharge = r, auths, patient, asOf, discharge
	s.outside, s.findings, s.last = 0, false, 0
	s.big = nil
	if len(auths) > smallStay {
		s.big = make([]authState, len(auths))
	}
	weeks := date.Date(7 * r.terms.rateWeeks())
	for k := range auths {
		a := &auths[k]
		st := s.state(k)
		*st = authState{week: -1, quantity: int64(a.Quantity) * scale(a.Unit)}
		if asOf >= a.Effective {
			// The rate window: the last RateWeeks whole weeks of the
			// authorization (seven days from its effective day) ended by
			// the day judged, so that the projection from its end holds
			// still through a week; in the first week, the days so far.
			st.end = a.Effective + 7*((asOf-a.Effective+1)/7) - 1
			if st.end < a.Effective {
				st.end = asOf
			}
			st.from = max(st.end-weeks+1, a.Effective)
		}
	}
}

// state returns the state of authorization k.
func (s *stay) state(k int) *authState {
	if s.big != nil {
		return &s.big[k]
	}
	return &s.buf[k]
}

// add appends a finding of rule i, noting whether it breaks rule order.
func (s *stay) add(dst iop.Findings, i int, f finding) iop.Findings {
	if i < s.last {
		s.findings = true
	}
	s.last = i
	return s.r.add(dst, i, f)
}

// attribute returns the authorization that service on day d, of code and
// revenue code (both empty for a week summary's service), counts against:
// of those whose period holds d and that cover the service, the first
// that certifies it and has quantity left, or needs no authorization;
// else the first that certifies it; else the first; -1 when none does.
// A renewal that starts before the authorization it follows expires so
// takes over once that one is used up.
func (s *stay) attribute(d date.Date, code, revenue string) int {
	certified, first := -1, -1
	for i := range s.auths {
		a := &s.auths[i]
		if !a.Contains(d) || !a.covers(code, revenue) {
			continue
		}
		switch {
		case a.Action == ActionNotRequired:
			return i
		case a.Action.Certifies():
			if st := s.state(i); st.used < st.quantity || st.lastDay == d {
				return i
			}
			if certified < 0 {
				certified = i
			}
		}
		if first < 0 {
			first = i
		}
	}
	if certified >= 0 {
		return certified
	}
	return first
}

// take counts the use of one day (or one code of a day).
func (s *stay) take(dst iop.Findings, u *day) iop.Findings {
	k := u.k
	if k == byDay {
		k = s.attribute(u.d, u.code, u.revenue)
	}
	if k < 0 {
		if s.outside == u.d {
			return dst
		}
		s.outside = u.d
		return s.add(dst, ruleOutsidePeriod, finding{subject: s.patient, day: u.d})
	}
	a, st := &s.auths[k], s.state(k)
	switch {
	case a.Action == ActionNotRequired:
		return dst
	case !a.Action.Certifies():
		if st.notCert == u.d {
			return dst
		}
		st.notCert = u.d
		return s.add(dst, ruleNotCertified, finding{subject: a.Number, day: u.d})
	}
	amt := u.amount(a.Unit, st.lastDay)
	if amt <= 0 {
		return dst
	}
	st.lastDay = u.d
	if a.PerWeek > 0 {
		if w := int64(u.d-a.Effective) / 7; w != st.week {
			dst = s.flushWeek(dst, k)
			st.week, st.weekUse = w, 0
		}
		st.weekUse += amt
	}
	st.used += amt
	switch {
	case u.d > st.end:
		st.after += amt
	case u.d >= st.from:
		st.recent += amt
	}
	if st.used >= st.quantity && st.reached == 0 {
		st.reached = u.d
	}
	if st.used <= st.quantity {
		return dst
	}
	if st.overDay == u.d { // another code of the same day
		dst[st.overAt].Got = st.used
		return dst
	}
	n := len(dst)
	dst = s.add(dst, ruleQuantityExceeded, finding{subject: a.Number, day: u.d, need: st.quantity, got: st.used, unit: figureUnit(a.Unit)})
	if len(dst) > n {
		st.overDay, st.overAt = u.d, n
	}
	return dst
}

// flushWeek reports the finished authorization-week of k when its use is
// above the frequency.
func (s *stay) flushWeek(dst iop.Findings, k int) iop.Findings {
	a, st := &s.auths[k], s.state(k)
	if st.week < 0 {
		return dst
	}
	if f := int64(a.PerWeek) * scale(a.Unit); st.weekUse > f {
		dst = s.add(dst, ruleFrequencyExceeded, finding{subject: a.Number, day: a.Effective + date.Date(7*st.week),
			need: f, got: st.weekUse, unit: figureUnit(a.Unit)})
	}
	st.week = -1
	return dst
}

// finish applies the rules that follow the walk: frequency of the last
// weeks, reviews, expirations and overlaps, then puts dst[from:] in rule
// order.
func (s *stay) finish(dst iop.Findings, from int) iop.Findings {
	for k := range s.auths {
		dst = s.flushWeek(dst, k)
	}
	t := &s.r.terms
	if t.LeadDays > 0 || t.NoticeDays > 0 {
		dst = s.reviews(dst)
	}
	dst = s.overlaps(dst)
	if s.findings {
		sortByRule(dst[from:])
	}
	return dst
}

// remaining returns the Remaining of authorization k after the walk.
func (s *stay) remaining(k int) Remaining {
	a, st := &s.auths[k], s.state(k)
	q := st.quantity
	rem := Remaining{Authorization: a.Number, Unit: figureUnit(a.Unit), Authorized: q, Used: st.used, Left: max(q-st.used, 0)}
	if a.Action == ActionNotRequired || !a.Action.Certifies() {
		return rem
	}
	if st.from != 0 && st.recent > 0 {
		span := int64(st.end-st.from) + 1
		rem.Rate = st.recent * 7 / span
		if left := st.quantity - st.used + st.after; left > 0 {
			rem.RunOut = st.end + date.Date((left*span+st.recent-1)/st.recent)
		}
	}
	if st.reached != 0 {
		rem.RunOut = st.reached
	}
	if lead := s.r.terms.LeadDays; lead > 0 {
		rem.ReviewBy = rem.lastDay(a) - date.Date(lead)
		if a.NextReview != 0 && a.NextReview < rem.ReviewBy {
			rem.ReviewBy = a.NextReview
		}
	}
	return rem
}

// planned reports whether authorization k needs no review or renewal: a
// review was asked for by the day judged, the discharge is planned by
// last, or another authorization of the stay follows it.
func (s *stay) planned(k int, last date.Date) bool {
	a := &s.auths[k]
	if a.ReviewRequested != 0 && a.ReviewRequested <= s.asOf || s.discharge != 0 && s.discharge <= last {
		return true
	}
	for j := range s.auths {
		b := &s.auths[j]
		if j != k && b.Effective > a.Effective && b.Effective <= a.Expiration+1 &&
			(b.Action.Certifies() || b.Action == ActionPended || b.Action == ActionNotRequired) && sameService(a, b) {
			return true
		}
	}
	return false
}

// reviews applies the review and expiration rules to each certifying
// authorization in force on the day judged.
func (s *stay) reviews(dst iop.Findings) iop.Findings {
	t := &s.r.terms
	if t.LeadDays > 0 {
		for k := range s.auths {
			a := &s.auths[k]
			if !a.Action.Certifies() || s.asOf > a.Expiration {
				continue
			}
			rem := s.remaining(k)
			last := rem.lastDay(a)
			if s.asOf < rem.ReviewBy || s.planned(k, last) {
				continue
			}
			if s.asOf == rem.ReviewBy {
				dst = s.add(dst, ruleReviewDue, finding{subject: a.Number, day: rem.ReviewBy,
					need: int64(t.LeadDays), got: int64(last - s.asOf), unit: iop.UnitDays})
			} else {
				dst = s.add(dst, ruleReviewPastDue, finding{subject: a.Number, day: rem.ReviewBy,
					need: int64(t.LeadDays), got: int64(s.asOf - rem.ReviewBy), unit: iop.UnitDays})
			}
		}
	}
	if t.NoticeDays > 0 {
		for k := range s.auths {
			a := &s.auths[k]
			if !a.Action.Certifies() || s.asOf > a.Expiration || s.asOf < a.Expiration-date.Date(t.NoticeDays) ||
				s.planned(k, a.Expiration) {
				continue
			}
			dst = s.add(dst, ruleExpiringNoPlan, finding{subject: a.Number, day: a.Expiration,
				need: int64(t.NoticeDays), got: int64(a.Expiration - s.asOf), unit: iop.UnitDays})
		}
	}
	return dst
}

// sameService reports whether a and b cover some service in common.
func sameService(a, b *Authorization) bool {
	if !a.hasCodes() || !b.hasCodes() {
		return true
	}
	for _, c := range a.Codes {
		if c != "" && repeated(b.Codes[:], c) {
			return true
		}
	}
	for _, c := range a.Revenue {
		if c != "" && repeated(b.Revenue[:], c) {
			return true
		}
	}
	return false
}

// overlaps reports each pair of certifying authorizations that cover the
// same service on the same days.
func (s *stay) overlaps(dst iop.Findings) iop.Findings {
	for i := range s.auths {
		a := &s.auths[i]
		if !a.Action.Certifies() {
			continue
		}
		for j := i + 1; j < len(s.auths); j++ {
			b := &s.auths[j]
			from, to := max(a.Effective, b.Effective), min(a.Expiration, b.Expiration)
			if !b.Action.Certifies() || to < from || !sameService(a, b) {
				continue
			}
			later := b
			if b.Effective < a.Effective {
				later = a
			}
			dst = s.add(dst, ruleOverlap, finding{subject: later.Number, day: from,
				got: int64(to-from) + 1, unit: iop.UnitDays})
		}
	}
	return dst
}

// walkWeeks counts the days of weeks, in order, against the stay's
// authorizations.
func (s *stay) walkWeeks(dst iop.Findings, weeks []schedule.WeekSummary) iop.Findings {
	for i := range weeks {
		w := &weeks[i]
		for j := range w.DayMinutes {
			if w.DayMinutes[j] <= 0 && w.DayServices[j] == 0 {
				continue
			}
			u := day{d: w.Week.Start() + date.Date(j), k: byDay, visits: int64(w.DayServices[j]), minutes: int64(w.DayMinutes[j])}
			dst = s.take(dst, &u)
		}
	}
	return dst
}

// validStay checks the arguments of a stay check: the authorizations,
// valid and of one patient; the day judged; the planned discharge when
// set. It returns the patient.
func validStay(es *iop.FieldErrors, auths []Authorization, asOf, discharge date.Date) string {
	patient := validAuths(es, auths, 0)
	if err := iop.CheckServiceDate(asOf); err != nil {
		es.Add("asOf", err)
	}
	if discharge != 0 {
		if err := iop.CheckServiceDate(discharge); err != nil {
			es.Add("discharge", err)
		}
	}
	return patient
}

// validAuths checks authorizations, valid and of one patient, numbered
// from offset, and returns the patient.
func validAuths(es *iop.FieldErrors, auths []Authorization, offset int) string {
	patient := ""
	for i := range auths {
		a := &auths[i]
		field := "authorizations[" + strconv.Itoa(offset+i) + "]"
		var ae iop.FieldErrors
		a.validate(&ae)
		es.Add(field, ae.Err())
		switch {
		case len(ae) > 0:
		case patient == "":
			patient = a.Patient
		case a.Patient != patient:
			es.Add(field+".patient", errOtherPatient)
		}
	}
	return patient
}

// validWeeks checks a patient's week summaries: valid weeks of the
// patient (the first week's when patient is empty), figures not negative,
// in order without overlap. It returns the patient.
func validWeeks(es *iop.FieldErrors, weeks []schedule.WeekSummary, patient, prefix string, offset int) string {
	var end date.Date
	for i := range weeks {
		w := &weeks[i]
		field := prefix + "[" + strconv.Itoa(offset+i) + "]"
		if patient == "" {
			patient = w.Patient
		}
		switch {
		case !w.Week.IsValid():
			es.Add(field+".week", iop.ErrMissing)
			continue
		case w.Week.Start() < end:
			es.Add(field+".week", errWeekOrder)
		}
		end = w.Week.End()
		if w.Patient != patient {
			es.Add(field+".patient", errOtherPatient)
		}
		for _, m := range w.DayMinutes {
			if m < 0 {
				es.Add(field+".day_minutes", errNegative)
				break
			}
		}
	}
	return patient
}

// CheckStay checks one patient's stay, its service given as week
// summaries, against the patient's authorizations on day asOf, with the
// discharge planned for day discharge (zero when none is planned). It
// returns every finding in rule order (nil when none):
//
//   - each day with service that no authorization covers
//     ([CodeOutsidePeriod]), or that only an authorization that certifies
//     nothing covers ([CodeNotCertified]);
//   - each day with service beyond the quantity authorized
//     ([CodeQuantityExceeded]) and each authorization-week above its
//     frequency ([CodeFrequencyExceeded]), counted the way the unit says:
//     a day with a countable service is one day, visits are the day's
//     countable services ([schedule.WeekSummary.DayServices]), hours its
//     counted minutes ([schedule.WeekSummary.DayMinutes]), as schedule
//     counted them (repeats and overlaps once);
//   - with the profile's [Terms]: a concurrent review due on asOf or past
//     due ([CodeReviewDue], [CodeReviewPastDue]) and an authorization
//     expiring without a plan ([CodeExpiringNoPlan]);
//   - authorizations that overlap ([CodeOverlap]).
//
// A day counts against an authorization as the package documentation
// says (the first with quantity left); all summaries count,
// whatever asOf, which sets the review day and the rate window. It
// returns an error ([iop.FieldErrors] naming "authorizations[1].quantity",
// "weeks[3].week", "asOf"), and no findings, when an authorization is not
// valid, the authorizations or weeks are of different patients, the weeks
// are not in order or overlap, an authorization counts units (claim
// lines hold them: use [Checker.CheckClaims]), or asOf is not a plausible
// date; and an error wrapping [iop.ErrNotInForce] (an [*iop.ProfileError])
// when ck's profile is not in force on asOf. It does not allocate when the stay has at most 8 authorizations
// and dst has room.
func (ck Checker) CheckStay(auths []Authorization, weeks []schedule.WeekSummary, asOf, discharge date.Date) (iop.Findings, error) {
	return ck.AppendStay(nil, auths, weeks, asOf, discharge)
}

// AppendStay is [Checker.CheckStay] that appends the findings to dst; on
// error it returns dst unchanged.
func (ck Checker) AppendStay(dst iop.Findings, auths []Authorization, weeks []schedule.WeekSummary, asOf, discharge date.Date) (iop.Findings, error) {
	if ck.r == nil {
		return dst, zeroChecker()
	}
	patient, ok := fastStay(auths, weeks, asOf, discharge)
	if !ok {
		return dst, stayErrors(auths, weeks, asOf, discharge)
	}
	if err := ck.r.p.JudgeOn(asOf); err != nil {
		return dst, err // the day judged is judged by the profile in force on it
	}
	var s stay
	s.init(ck.r, auths, patient, asOf, discharge)
	from := len(dst)
	dst = s.walkWeeks(dst, weeks)
	return s.finish(dst, from), nil
}

// fastStay reports whether CheckStay's arguments are valid, without
// building errors, and returns the patient.
func fastStay(auths []Authorization, weeks []schedule.WeekSummary, asOf, discharge date.Date) (string, bool) {
	if iop.CheckServiceDate(asOf) != nil || discharge != 0 && iop.CheckServiceDate(discharge) != nil {
		return "", false
	}
	patient := ""
	for i := range auths {
		a := &auths[i]
		if !a.valid() || a.Unit == QuantityUnitUnits || patient != "" && a.Patient != patient {
			return "", false
		}
		patient = a.Patient
	}
	for i := range weeks {
		w := &weeks[i]
		if patient == "" {
			patient = w.Patient
		}
		if !w.Week.IsValid() || w.Patient != patient || !nonNegative(w) || i > 0 && w.Week.Start() < weeks[i-1].Week.End() {
			return "", false
		}
	}
	return patient, true
}

// stayErrors returns the errors of CheckStay's arguments.
func stayErrors(auths []Authorization, weeks []schedule.WeekSummary, asOf, discharge date.Date) error {
	var es iop.FieldErrors
	patient := validStay(&es, auths, asOf, discharge)
	validWeeks(&es, weeks, patient, "weeks", 0)
	unitsOnWeeks(&es, auths, 0)
	return es.Err()
}

func unitsOnWeeks(es *iop.FieldErrors, auths []Authorization, offset int) {
	for i := range auths {
		if auths[i].Unit == QuantityUnitUnits {
			es.Add("authorizations["+strconv.Itoa(offset+i)+"].unit", errUnitsOnWeeks)
		}
	}
}

// Remaining is where one authorization stands on the day judged: the
// quantity authorized, used and left, the recent rate of use and the day
// it runs out at that rate, and the day its concurrent review must be
// asked for. Figures are in Unit: days in [iop.UnitDays], visits and
// units in [iop.UnitCount], hours in [iop.UnitMinutes]. A utilization
// review screen lists "reviews due" from it without deriving them again.
//
// Remaining is a comparable value, safe for concurrent use.
type Remaining struct {
	// Authorization is the authorization's number.
	Authorization string   `json:"authorization"`
	Unit          iop.Unit `json:"unit,omitzero"`
	Authorized    int64    `json:"authorized"`
	Used          int64    `json:"used"`
	// Left is Authorized less Used, and zero once it is all used.
	Left int64 `json:"left"`
	// Rate is the use per week in the rate window, rounded down: the last
	// [Terms.RateWeeks] whole weeks of the authorization (seven days from
	// its effective day) that end by the day judged, or, in its first
	// week, the days up to the day judged. Zero without use in it.
	Rate int64 `json:"rate"`
	// RunOut is the day the quantity was used up or, at the recent rate,
	// is projected to be: the day of the last authorized use, projected
	// from the end of the rate window (so that it holds still through a
	// week). Zero when it is not used up and nothing was used in the
	// window.
	RunOut date.Date `json:"run_out,omitzero"`
	// ReviewBy is the day the concurrent review must be asked for: the
	// lead time before the last covered day (the expiration, or RunOut if
	// earlier), or the payer's next review day if earlier. Zero when the
	// Terms set no lead time, or the authorization certifies nothing.
	ReviewBy date.Date `json:"review_by,omitzero"`
}

// UnmarshalJSON decodes r strictly: an unknown or repeated member, a value
// of the wrong type or a date that does not exist is an error naming the
// field ([iop.FieldErrors]).
func (r *Remaining) UnmarshalJSON(data []byte) error { return check.Unmarshal(data, r) }

// lastDay returns the last day a's service is covered: its expiration, or
// the run-out day if earlier.
func (r Remaining) lastDay(a *Authorization) date.Date {
	if r.RunOut != 0 && r.RunOut < a.Expiration {
		return r.RunOut
	}
	return a.Expiration
}

// Remaining returns where each authorization of a stay stands on day
// asOf, in the order of auths, with the use of weeks counted as
// [Checker.CheckStay] counts it. Its errors are CheckStay's.
func (ck Checker) Remaining(auths []Authorization, weeks []schedule.WeekSummary, asOf date.Date) ([]Remaining, error) {
	if ck.r == nil {
		return nil, zeroChecker()
	}
	var es iop.FieldErrors
	patient := validStay(&es, auths, asOf, 0)
	patient = validWeeks(&es, weeks, patient, "weeks", 0)
	unitsOnWeeks(&es, auths, 0)
	if err := es.Err(); err != nil {
		return nil, err
	}
	if err := ck.r.p.JudgeOn(asOf); err != nil {
		return nil, err
	}
	var s stay
	s.init(ck.r, auths, patient, asOf, 0)
	s.walkWeeks(nil, weeks)
	out := make([]Remaining, len(auths))
	for k := range auths {
		out[k] = s.remaining(k)
	}
	return out, nil
}
