package eligibility

import (
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Review is a reassessment of a person in intensive outpatient care (ASAM
// level 2.1): the decision on the new assessment, the decision the stay
// rested on until now, and the clinician's view of progress. Reviews are
// comparable values, safe for concurrent use.
type Review struct {
	// Admitted is the day of admission to IOP; zero skips the length-of-stay
	// rules.
	Admitted date.Date
	// Previous is the decision the stay rested on (at admission or at the
	// last review); zero when there is none.
	Previous Decision
	// Current is the decision on the reassessment under review.
	Current Decision
	// Progress is the clinician's judgement of progress on the plan.
	Progress Progress
	// PlanRevised records that the plan of care was revised at this review.
	PlanRevised bool
	// Justification is the opaque record ID of a written justification for
	// a stay longer than the profile allows without one; empty when none.
	Justification string
}

// start checks what every review check needs, and reports whether the
// rest can run.
func (rv Review) start(r *report, p iop.Profile) bool {
	if !r.ready(rv.Current, p) {
		return false
	}
	day := rv.Current.assessment.Date
	switch {
	case rv.Admitted != date.Zero && day < rv.Admitted:
		r.add(CodeReviewDateOrder, iop.Blocking, "the reassessment is dated before the admission", citeLibrary("input check"))
		return false
	case !rv.Previous.IsZero() && day < rv.Previous.assessment.Date:
		r.add(CodeReviewDateOrder, iop.Blocking, "the reassessment is dated before the previous assessment "+rv.Previous.assessment.ID,
			citeLibrary("input check"))
		return false
	}
	return true
}

// CheckContinuedStay checks that a person may stay in IOP after the review
// rv, under profile p: the reassessment still recommends level 2.1 (the
// findings that led to admission persist; blocking, or a warning when the
// decision documents a variance placing the person in IOP); progress is
// recorded, and without progress the plan was revised; a stay longer than
// the profile's Stay.JustifyAfterDays has a written justification; a stay
// longer than Stay.TypicalMaxDays is reported for information. Days count
// from the day of admission to the day of the reassessment.
//
// It returns nil when the stay meets every rule, without allocating.
func CheckContinuedStay(rv Review, p iop.Profile) iop.Findings {
	var r report
	if !rv.start(&r, p) {
		return r.fs
	}
	d := rv.Current
	if rec := d.recommended; rec != iop.Level21 {
		r.levels(CodeStayCriteriaNotMet, severityUnless(d.documentedAt(iop.Level21)),
			"the reassessment recommends level "+rec.String()+" (driven by "+d.drivenBy()+"), not 2.1",
			citeContinuedStay(), rec, iop.Level21)
	}
	switch {
	case !rv.Progress.IsValid():
		r.add(CodeStayProgressUnrecorded, iop.Warning, "the review records no judgement of progress", citeContinuedStay())
	case rv.Progress == ProgressNone && !rv.PlanRevised:
		r.add(CodeStayNoProgress, iop.Warning, "no progress and the plan of care was not revised", citeContinuedStay())
	}
	if rv.Admitted == date.Zero {
		return r.fs
	}
	days := int(d.assessment.Date - rv.Admitted)
	s := p.Stay
	if s.JustifyAfterDays > 0 && days > s.JustifyAfterDays && rv.Justification == "" {
		r.figures(CodeStayJustificationDue, iop.Blocking,
			"day "+strconv.Itoa(days)+" of the stay: a written justification is due after day "+strconv.Itoa(s.JustifyAfterDays),
			s.Cite, int64(s.JustifyAfterDays), int64(days), iop.UnitDays)
	}
	if s.TypicalMaxDays > 0 && days > s.TypicalMaxDays {
		r.figures(CodeStayBeyondTypical, iop.Info,
			"day "+strconv.Itoa(days)+" of the stay, beyond the typical "+strconv.Itoa(s.TypicalMaxDays)+" days",
			s.Cite, int64(s.TypicalMaxDays), int64(days), iop.UnitDays)
	}
	return r.fs
}

// CheckTransfer checks whether the review rv calls for a transfer out of
// IOP, under profile p. Up: imminent danger (blocking); a reassessment that
// recommends a more intensive level (blocking, or a warning when the
// decision documents a variance placing the person in IOP); each dimension
// whose rating rose since the previous decision, and a progress judgement
// of worsening (warnings). Down: a reassessment that recommends a less
// intensive level (warning), with the profile's step-down allowance when it
// has one (information); goals recorded as met while the ratings still
// recommend IOP or more (warning).
//
// It returns nil when nothing calls for a transfer, without allocating.
func CheckTransfer(rv Review, p iop.Profile) iop.Findings {
	var r report
	if !rv.start(&r, p) {
		return r.fs
	}
	d := rv.Current
	rec := d.recommended
	r.imminentDanger(d, CodeTransferImminentDanger, "transfer to 24-hour care now")
	if rec.Compare(iop.Level21) > 0 {
		r.levels(CodeTransferUpIndicated, severityUnless(d.documentedAt(iop.Level21)),
			"the reassessment recommends level "+rec.String()+" (driven by "+d.drivenBy()+")",
			d.driverCite(), rec, iop.Level21)
	}
	if !rv.Previous.IsZero() {
		prev := rv.Previous.assessment.Ratings
		for _, dim := range Dimensions() {
			was, now := prev.Of(dim).Risk, d.assessment.Ratings.Of(dim).Risk
			if now > was {
				r.add(CodeTransferWorsening, iop.Warning,
					dim.String()+" rating rose from "+was.String()+" to "+now.String()+" since assessment "+rv.Previous.assessment.ID,
					d.reasons[dim-1].Cite)
			}
		}
	}
	if rv.Progress == ProgressWorsening {
		r.add(CodeTransferWorsening, iop.Warning, "the review records the person as worsening", citeContinuedStay())
	}
	if rec.Compare(iop.Level21) < 0 {
		r.levels(CodeTransferDownIndicated, iop.Warning,
			"the reassessment recommends level "+rec.String()+": step down", citeSAMHSAAdvisory(), rec, iop.Level21)
		if w := p.StepDown.Weeks; w > 0 {
			r.add(CodeTransferStepDownAllowance, iop.Info,
				"for "+strconv.Itoa(w)+" weeks after the step-down, fewer than the weekly minimum hours may continue under profile "+p.ID,
				p.StepDown.Cite)
		}
	}
	if rv.Progress == ProgressGoalsMet && rec.Compare(iop.Level21) >= 0 {
		r.levels(CodeTransferGoalsMetRatingsHigh, iop.Warning,
			"goals recorded as met, but the ratings still recommend level "+rec.String()+": review the ratings or the goals",
			citeLibrary("consistency of the review"), rec, iop.Level21)
	}
	return r.fs
}
