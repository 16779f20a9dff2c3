package schedule

import (
	"iter"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Certifications records a patient's certifications: the admission day, the
// days a physician signed the initial certification and each
// recertification, and the days the plan of care was reviewed. It is the
// input of [Checker.Certified] and [NextCertification].
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

// Validate reports every problem with c as [iop.Errors] of
// [*iop.FieldError]s: no admission day, signings or reviews out of order,
// a recertification or review before admission.
func (c Certifications) Validate() error {
	var es fieldErrs
	if c.Admitted == date.Zero {
		es.add("admitted", ErrMissing)
	}
	ascending := func(field string, ds []date.Date, from int) {
		for i := from; i < len(ds); i++ {
			if ds[i] == date.Zero {
				es.add(field, ErrMissing)
				return
			}
			if ds[i] < c.Admitted || (i > 0 && ds[i] <= ds[i-1]) {
				es.add(field, ErrDateOrder)
				return
			}
		}
	}
	if len(c.Signed) > 0 && c.Signed[0] == date.Zero {
		es.add("signed", ErrMissing)
	}
	ascending("signed", c.Signed, 1) // the initial certification may precede admission
	ascending("reviewed", c.Reviewed, 0)
	return es.err()
}

// UnmarshalJSON decodes c strictly; it does not validate.
func (c *Certifications) UnmarshalJSON(data []byte) error {
	type plain Certifications
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
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

// Certified checks that the days of counted service in a week's summary
// fall under a current certification, and that the plan of care was
// reviewed in time, under ck's profile. It returns, in order:
// [CodeCertificationMissing] when days of service are not covered;
// [CodeCertificationDue] when a certification falls due within the week
// and was not signed by then;
// [CodePlanReviewOverdue] when days of service come more than
// PlanReviewDays after the last review (or admission). A profile without
// certification rules gives no findings. It returns an error when c is not
// valid.
func (ck Checker) Certified(s WeekSummary, c Certifications) (iop.Findings, error) {
	if ck.r == nil {
		return nil, ErrZeroChecker
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	r := &ck.r.p.Certification
	if !certRulesSet(r) {
		return nil, nil
	}
	var fs iop.Findings
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
		fs = append(fs, iop.Finding{Code: CodeCertificationMissing, Severity: iop.Blocking, Subject: s.Patient,
			Message: "days of service in the week fall under no current certification", Cite: r.Cite,
			Need: int64(serviceDays), Got: int64(covered), Unit: iop.UnitDays})
	}
	for i := 0; i <= len(c.Signed); i++ {
		d, ok := due(r, c.Admitted, c.Signed, i)
		if ok && s.Week.Contains(d) && (i == len(c.Signed) || c.Signed[i] > d) {
			what := "recertification"
			if i == 0 {
				what = "initial certification"
			}
			fs = append(fs, iop.Finding{Code: CodeCertificationDue, Severity: iop.Info, Subject: s.Patient,
				Message: what + " due by " + weekday(d).String() + " of the week", Cite: r.Cite})
			break
		}
	}
	if r.PlanReviewDays > 0 {
		worst := 0
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
			worst = max(worst, int(d-last))
		}
		if worst > r.PlanReviewDays {
			fs = append(fs, iop.Finding{Code: CodePlanReviewOverdue, Severity: iop.Warning, Subject: s.Patient,
				Message: "days of service after the plan of care was due for review", Cite: r.Cite,
				Need: int64(r.PlanReviewDays), Got: int64(worst), Unit: iop.UnitDays})
		}
	}
	return fs, nil
}
