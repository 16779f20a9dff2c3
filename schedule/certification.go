package schedule

import (
	"iter"
	"strconv"
	"time"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Certifications records a patient's certifications: the admission day, the
// days a physician signed the initial certification and each
// recertification, the days the plan of care was reviewed, and the days
// the patient received services (needed when the profile counts a deadline
// in days of service). It is the input of [Checker.CheckCertification],
// [NextCertification] and [Certifications.DueDates].
//
// How long a certification lasts follows the profile's
// [CertificationRules], with days counted from admission as day 0:
//   - The initial certification is due by Admitted+InitialDays. Signed by
//     then, it covers from admission; signed later, from the day signed.
//   - It lasts through the first recertification's day when the profile
//     sets one (FirstRecertDay): counted in calendar days from admission,
//     or, with FirstRecertCount [DayCountService], as the day of the
//     (FirstRecertDay+1)-th day with service (Medicare PHP: the 18th day of
//     services, FirstRecertDay 17). Otherwise it lasts one interval after
//     the later of admission and its signing.
//   - Each recertification covers from the day signed through one interval
//     later: RecertDays days (Medicare IOP: 60; PHP: 30), or RecertMonths
//     calendar months (a program's "every other month": 2), a month later being
//     the same day of the month, or the month's last day when it has no
//     such day (2024-12-31 + 2 months = 2025-02-28, where 60 days is
//     2025-03-01). A recertification signed late leaves the days between
//     uncovered; one signed early starts the next interval early.
//   - With no interval, the last certification never lapses.
//
// Ends are included: a certification that lasts through day 60 covers day
// 60, and the recertification is due by that day.
//
// Certifications holds slices, so it is not comparable. It is safe for
// concurrent use as long as no one writes to it.
type Certifications struct {
	// Admitted is the day of admission (day 0).
	Admitted date.Date `json:"admitted"`
	// Signed are the days the initial certification and each
	// recertification were signed, in ascending order.
	Signed []date.Date `json:"signed,omitzero"`
	// Reviewed are the days the plan of care was reviewed, in ascending
	// order. The plan is taken as established on admission.
	Reviewed []date.Date `json:"reviewed,omitzero"`
	// ServiceDays are the days from admission on which the patient
	// received services, in ascending order: what a deadline counted in
	// days of service counts. [Checker.CheckCertification] adds the days
	// with counted service of the week it checks, so they may be left out
	// here; the days of earlier weeks may not.
	ServiceDays []date.Date `json:"service_days,omitzero"`
	// Content is what each certification of Signed states, in the same
	// order (Content[i] is that of Signed[i]); a certification without an
	// entry, or with the zero entry, has its content not recorded, and the
	// days it covers are not judged under a profile that sets
	// [CertificationContentRules].
	Content []CertificationContent `json:"content,omitzero"`
	// Plan is the individualized written plan of care; nil when not
	// recorded (not judged under a profile that sets [PlanRules]).
	Plan *TreatmentPlan `json:"plan,omitzero"`
}

// Validate reports every problem with c as [iop.FieldErrors]: no admission
// day or an unset day ([iop.ErrMissing]), a day outside the plausible
// range of service dates ([iop.CheckServiceDate], [iop.ErrOutOfRange]),
// signings, reviews or service days out of order, and a recertification,
// review or service day before admission ([iop.ErrOrder]). Each names the
// element: "signed[2]".
func (c Certifications) Validate() error {
	var es iop.FieldErrors
	if err := iop.CheckServiceDate(c.Admitted); err != nil {
		es.Add("admitted", err)
	}
	ascending := func(field string, ds []date.Date, from int) {
		for i, d := range ds {
			// The field's name is built only for an error: a valid
			// record costs no allocation.
			f := func() string { return field + "[" + strconv.Itoa(i) + "]" }
			if err := iop.CheckServiceDate(d); err != nil {
				es.Add(f(), err)
				continue
			}
			if i >= from && (d < c.Admitted || (i > 0 && d <= ds[i-1])) {
				es.Add(f(), errSignedOrder)
			}
		}
	}
	ascending("signed", c.Signed, 1) // the initial certification may precede admission
	ascending("reviewed", c.Reviewed, 0)
	ascending("service_days", c.ServiceDays, 0)
	c.validateContent(&es)
	return es.Err()
}

// UnmarshalJSON decodes c strictly ([iop.FieldErrors] naming each bad
// field); it does not validate.
func (c *Certifications) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, c)
}

// open is the "through" of a certification that never lapses.
func open() date.Date { return date.Max() }

// addMonths returns d plus n calendar months, on the same day of the month
// or the last day of a shorter month.
func addMonths(d date.Date, n int) date.Date {
	y, m, dd := d.Date()
	mi := int(m) - 1 + n
	y += mi / 12
	mi %= 12
	if mi < 0 {
		mi += 12
		y--
	}
	last := date.New(y, time.Month(mi+2), 1) - 1 // the last day of the target month
	if _, _, ld := last.Date(); dd > ld {
		dd = ld
	}
	return date.New(y, time.Month(mi+1), dd)
}

// interval returns the day one recertification interval after s, and
// false when the rules set none.
func interval(r *CertificationRules, s date.Date) (date.Date, bool) {
	switch {
	case r.RecertDays > 0:
		return s + date.Date(r.RecertDays), true
	case r.RecertMonths > 0:
		return addMonths(s, r.RecertMonths), true
	}
	return date.Zero, false
}

// served is a patient's days of service: the days given, merged with the
// days of counted service of a week's summary (when week is not nil).
type served struct {
	days []date.Date
	week *WeekSummary
}

// nth returns the n-th (from 0) distinct day of service on or after
// admitted, and false when there are fewer days of service.
func (sv served) nth(admitted date.Date, n int) (date.Date, bool) {
	i, j := 0, 0
	var wk [daysPerWeek]date.Date
	nw := 0
	if sv.week != nil {
		for k, m := range sv.week.DayMinutes {
			if m > 0 {
				wk[nw] = sv.week.Week.Day(k)
				nw++
			}
		}
	}
	last := date.Zero
	for i < len(sv.days) || j < nw {
		var d date.Date
		switch {
		case j >= nw || (i < len(sv.days) && sv.days[i] <= wk[j]):
			d = sv.days[i]
			i++
		default:
			d = wk[j]
			j++
		}
		if d < admitted || d == last {
			continue
		}
		last = d
		if n == 0 {
			return d, true
		}
		n--
	}
	return date.Zero, false
}

// span returns the first and last day certification i covers.
func span(r *CertificationRules, admitted date.Date, signed []date.Date, i int, sv served) (from, through date.Date) {
	s := signed[i]
	if i > 0 {
		if t, ok := interval(r, s); ok {
			return s, t
		}
		return s, open()
	}
	from = s
	if s <= admitted+date.Date(r.InitialDays) || r.NoInitialDay {
		from = admitted
	}
	if r.FirstRecertDay > 0 {
		if r.FirstRecertCount == DayCountService {
			if d, ok := sv.nth(admitted, r.FirstRecertDay); ok {
				return from, d
			}
			return from, open() // not yet due
		}
		return from, admitted + date.Date(r.FirstRecertDay)
	}
	if t, ok := interval(r, max(s, admitted)); ok {
		return from, t
	}
	return from, open()
}

// due returns the day certification i (0 is the initial one) is due by,
// given the ones signed before it, and false when it is not due (yet).
func due(r *CertificationRules, admitted date.Date, signed []date.Date, i int, sv served) (date.Date, bool) {
	if i == 0 {
		if r.NoInitialDay {
			return date.Zero, false // no day is set for it
		}
		return admitted + date.Date(r.InitialDays), true
	}
	if _, through := span(r, admitted, signed, i-1, sv); through != open() {
		return through, true
	}
	return date.Zero, false
}

// coverOf returns, for each day of s with service, the index of the
// certification of c covering it (the latest signed that does), -1 for
// none and for a day without service.
func coverOf(r *CertificationRules, s *WeekSummary, c *Certifications) covering {
	sv := served{days: c.ServiceDays, week: s}
	var cover covering
	for i, m := range s.DayMinutes {
		cover[i] = -1
		if m <= 0 {
			continue
		}
		d := s.Week.Day(i)
		for j := range c.Signed {
			if from, through := span(r, c.Admitted, c.Signed, j, sv); d >= from && d <= through {
				cover[i] = j
			}
		}
	}
	return cover
}

// certRulesSet reports whether the profile applies certification rules.
func certRulesSet(r *CertificationRules) bool {
	return *r != (CertificationRules{Cite: r.Cite})
}

// NextCertification returns the day by which the next certification is
// due, given those signed so far in c (the initial one when none is) and
// its days of service, and false when none is due again, none is due yet
// (a deadline in days of service that c's service days do not reach), or
// the rules set none.
func NextCertification(r CertificationRules, c Certifications) (date.Date, bool) {
	if !certRulesSet(&r) || c.Admitted == date.Zero {
		return date.Zero, false
	}
	return due(&r, c.Admitted, c.Signed, len(c.Signed), served{days: c.ServiceDays})
}

// CertificationDueDates yields the days by which the initial certification
// and each recertification are due for a patient admitted on admitted,
// when each is signed on the day it is due, up to and including through.
// A first recertification counted in days of service is taken as if the
// patient had service every day from admission (the earliest it can fall:
// Medicare PHP's 18th day of services is then admission + 17); use
// [Certifications.DueDates] with the patient's days of service for the
// real date.
func CertificationDueDates(r CertificationRules, admitted, through date.Date) iter.Seq[date.Date] {
	if r.FirstRecertCount == DayCountService {
		r.FirstRecertCount = DayCountCalendar
	}
	return Certifications{Admitted: admitted}.DueDates(r, through)
}

// DueDates yields the days by which the initial certification and each
// recertification are due for c's patient under rules r, when each is
// signed on the day it is due, up to and including through. A first
// recertification counted in days of service falls on c's
// (FirstRecertDay+1)-th day of service; when c has fewer, the sequence
// stops there (not yet due).
func (c Certifications) DueDates(r CertificationRules, through date.Date) iter.Seq[date.Date] {
	sv := served{days: c.ServiceDays}
	admitted := c.Admitted
	return func(yield func(date.Date) bool) {
		if !certRulesSet(&r) || admitted == date.Zero {
			return
		}
		d := admitted + date.Date(r.InitialDays)
		if d > through || !yield(d) {
			return
		}
		// Only whether a certification is the initial one and the day the
		// last was signed matter: keep those two.
		buf := [2]date.Date{d}
		signed := buf[:1]
		for {
			next, ok := due(&r, admitted, signed, len(signed), sv)
			if !ok || next > through || !yield(next) {
				return
			}
			if len(signed) == 1 {
				signed = buf[:2]
			}
			signed[1] = next
		}
	}
}

// CheckCertification checks that the days of counted service in a week's
// summary fall under a current certification, and that the plan of care
// was reviewed in time, under ck's profile. A first recertification
// counted in days of service falls on the day of service it names, counted
// over c.ServiceDays and the week's own days of counted service. It
// returns, in rule order:
// [CodeCertificationMissing] when days of service are not covered (Need the
// days of service, Got those covered); [CodeCertificationDue] when a
// certification falls due on a day of the week (Day) and was not signed by
// then (Need the certifications due by that day, Got those signed);
// [CodePlanReviewOverdue] when days of service come more than
// PlanReviewDays after the last review (or admission). A profile without
// certification rules gives no findings.
//
// It returns an error, and no findings, when c is not valid or s has no
// week: [iop.FieldErrors] naming "certifications.signed[1]",
// "summary.week" and so on. It does not allocate when the week complies.
func (ck Checker) CheckCertification(s *WeekSummary, c Certifications) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendCertification(buf[:0], s, c))
}

// AppendCertification is [Checker.CheckCertification] that appends the
// findings to dst and returns the extended slice; on error it returns dst
// unchanged.
func (ck Checker) AppendCertification(dst iop.Findings, s *WeekSummary, c Certifications) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	if err := ck.r.validCert(s, &c); err != nil {
		return dst, err
	}
	return ck.r.certification(dst, s, &c), nil
}

// validCert returns the error of a certification check's input: no
// summary, an invalid summary or record, a week the profile is not in
// force for.
func (ck *checker) validCert(s *WeekSummary, c *Certifications) error {
	if s == nil {
		return &iop.FieldError{Field: "summary", Err: iop.ErrMissing}
	}
	if err := c.Validate(); err != nil || !s.valid() {
		var es iop.FieldErrors
		es.Add("certifications", err)
		if !s.valid() {
			var ss iop.FieldErrors
			s.validate(&ss)
			es.Add("summary", ss.Err())
		}
		return es.Err()
	}
	return ck.p.JudgeOn(s.judgedDay())
}

func (ck *checker) certification(fs iop.Findings, s *WeekSummary, c *Certifications) iop.Findings {
	r := &ck.b.Certification
	if !certRulesSet(r) {
		return fs
	}
	sv := served{days: c.ServiceDays, week: s}
	cover := coverOf(r, s, c)
	for i, j := range cover {
		d := s.Week.Day(i)
		if s.DayMinutes[i] > 0 && j < 0 {
			// Each day no certification covers is held, that day only.
			fs = ck.add(fs, ruleCertificationMissing, s.Patient, d, 0, 0, 0)
		}
	}
	for i := 0; i <= len(c.Signed); i++ {
		d, ok := due(r, c.Admitted, c.Signed, i, sv)
		if ok && s.Week.Contains(d) && (i == len(c.Signed) || c.Signed[i] > d) {
			fs = ck.add(fs, ruleCertificationDue, s.Patient, d, int64(i+1), int64(i), iop.UnitCount)
			break
		}
	}
	if r.PlanReviewDays > 0 {
		worst, worstDay := 0, date.Zero
		for i, m := range s.DayMinutes {
			if m <= 0 {
				continue
			}
			d := s.Week.Day(i)
			last := c.Admitted
			for _, rv := range c.Reviewed {
				if rv <= d {
					last = rv
				}
			}
			if gap := int(d - last); gap > worst {
				worst, worstDay = gap, d
			}
		}
		if worst > r.PlanReviewDays {
			fs = ck.add(fs, rulePlanReviewOverdue, s.Patient, worstDay, int64(r.PlanReviewDays), int64(worst), iop.UnitDays)
		}
	}
	return fs
}
