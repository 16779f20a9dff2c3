package schedule

import (
	"iter"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Certifications records a patient's certifications: the admission day, the
// days a physician signed the initial certification and each
// recertification, and the days the plan of care was reviewed. It is the
// input of [Checker.CheckCertification] and [NextCertification].
//
// How long a certification lasts follows the profile's
// [iop.CertificationRules], with days counted from admission as day 0:
//   - The initial certification is due by Admitted+InitialDays. Signed by
//     then, it covers from admission; signed later, from the day signed.
//   - It lasts through Admitted+FirstRecertDay when the profile sets one
//     (Medicare PHP: day 17, the 18th day of services), else through RecertDays after the later of
//     admission and its signing (Medicare IOP: 60 days).
//   - Each recertification covers from the day signed through RecertDays
//     later. A recertification signed late leaves the days between
//     uncovered; one signed early starts the next interval early.
//   - With RecertDays zero, the last certification never lapses.
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
}

// Validate reports every problem with c as [iop.FieldErrors]: no admission
// day or an unset signing or review ([iop.ErrMissing]), signings or reviews
// out of order, a recertification or review before admission
// ([iop.ErrOrder]). Each names the element: "signed[2]".
func (c Certifications) Validate() error {
	var es iop.FieldErrors
	if c.Admitted == date.Zero {
		es.Add("admitted", iop.ErrMissing)
	}
	ascending := func(field string, ds []date.Date, from int) {
		for i, d := range ds {
			f := field + "[" + strconv.Itoa(i) + "]"
			switch {
			case d == date.Zero:
				es.Add(f, iop.ErrMissing)
			case i >= from && (d < c.Admitted || (i > 0 && d <= ds[i-1])):
				es.Add(f, errSignedOrder)
			}
		}
	}
	ascending("signed", c.Signed, 1) // the initial certification may precede admission
	ascending("reviewed", c.Reviewed, 0)
	return es.Err()
}

// UnmarshalJSON decodes c strictly ([iop.FieldErrors] naming each bad
// field); it does not validate.
func (c *Certifications) UnmarshalJSON(data []byte) error {
	type plain Certifications
	var v plain
	if err := check.Decode(data, &v); err != nil {
		return err
	}
	*c = Certifications(v)
	return nil
}

// open is the "through" of a certification that never lapses.
func open() date.Date { return date.Max() }

// span returns the first and last day certification i covers.
func span(r *iop.CertificationRules, admitted date.Date, signed []date.Date, i int) (from, through date.Date) {
	s := signed[i]
	if i > 0 {
		if r.RecertDays <= 0 {
			return s, open()
		}
		return s, s + date.Date(r.RecertDays)
	}
	from = s
	if s <= admitted+date.Date(r.InitialDays) {
		from = admitted
	}
	switch {
	case r.FirstRecertDay > 0:
		return from, admitted + date.Date(r.FirstRecertDay)
	case r.RecertDays > 0:
		return from, max(s, admitted) + date.Date(r.RecertDays)
	}
	return from, open()
}

// due returns the day certification i (0 is the initial one) is due by,
// given the ones signed before it, and false when it is never due.
func due(r *iop.CertificationRules, admitted date.Date, signed []date.Date, i int) (date.Date, bool) {
	if i == 0 {
		return admitted + date.Date(r.InitialDays), true
	}
	if _, through := span(r, admitted, signed, i-1); through != open() {
		return through, true
	}
	return date.Zero, false
}

// certRulesSet reports whether the profile applies certification rules.
func certRulesSet(r *iop.CertificationRules) bool {
	return *r != (iop.CertificationRules{Cite: r.Cite})
}

// NextCertification returns the day by which the next certification is
// due, given those signed so far in c (the initial one when none is), and
// false when none is ever due again or the rules set none.
func NextCertification(r iop.CertificationRules, c Certifications) (date.Date, bool) {
	if !certRulesSet(&r) || c.Admitted == date.Zero {
		return date.Zero, false
	}
	return due(&r, c.Admitted, c.Signed, len(c.Signed))
}

// CertificationDueDates yields the days by which the initial certification
// and each recertification are due for a patient admitted on admitted,
// when each is signed on the day it is due, up to and including through.
// Medicare PHP (424.24(e)): admission, the 18th day of services (admission + 17), then every 30 days.
func CertificationDueDates(r iop.CertificationRules, admitted, through date.Date) iter.Seq[date.Date] {
	return func(yield func(date.Date) bool) {
		if !certRulesSet(&r) || admitted == date.Zero {
			return
		}
		d := admitted + date.Date(r.InitialDays)
		if d > through || !yield(d) {
			return
		}
		next := d + date.Date(r.RecertDays)
		switch {
		case r.FirstRecertDay > 0:
			next = admitted + date.Date(r.FirstRecertDay)
		case r.RecertDays <= 0:
			return
		}
		for d = next; d <= through; d += date.Date(r.RecertDays) {
			if !yield(d) || r.RecertDays <= 0 {
				return
			}
		}
	}
}

// CheckCertification checks that the days of counted service in a week's
// summary fall under a current certification, and that the plan of care
// was reviewed in time, under ck's profile. It returns, in rule order:
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
func (ck Checker) CheckCertification(s WeekSummary, c Certifications) (iop.Findings, error) {
	return ck.AppendCertification(nil, s, c)
}

// AppendCertification is [Checker.CheckCertification] that appends the
// findings to dst and returns the extended slice; on error it returns dst
// unchanged.
func (ck Checker) AppendCertification(dst iop.Findings, s WeekSummary, c Certifications) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	if err := c.Validate(); err != nil || !s.valid() {
		var es iop.FieldErrors
		es.Add("certifications", err)
		if !s.valid() {
			var ss iop.FieldErrors
			s.validate(&ss)
			es.Add("summary", ss.Err())
		}
		return dst, es.Err()
	}
	return ck.r.certification(dst, &s, &c), nil
}

func (ck *checker) certification(fs iop.Findings, s *WeekSummary, c *Certifications) iop.Findings {
	r := &ck.p.Certification
	if !certRulesSet(r) {
		return fs
	}
	serviceDays, covered := 0, 0
	for i, m := range s.DayMinutes {
		if m <= 0 {
			continue
		}
		serviceDays++
		d := s.Week.Day(i)
		for j := range c.Signed {
			if from, through := span(r, c.Admitted, c.Signed, j); d >= from && d <= through {
				covered++
				break
			}
		}
	}
	if covered < serviceDays {
		fs = ck.add(fs, ruleCertificationMissing, s.Patient, 0, int64(serviceDays), int64(covered), iop.UnitDays)
	}
	for i := 0; i <= len(c.Signed); i++ {
		d, ok := due(r, c.Admitted, c.Signed, i)
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
