package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Review is a reassessment of a person in intensive outpatient care (ASAM
// level 2.1): the decision on the new assessment, the decision the stay
// rested on until now, and the clinician's view of progress. Reviews are
// comparable values, safe for concurrent use. The zero Review is not
// valid: it has no current decision.
//
// In JSON a review is an object with the members named in the field tags;
// each decision is written as [Decision.MarshalJSON] writes it, and a zero
// Previous is left out. [Review.UnmarshalJSON] decodes strictly.
type Review struct {
	// Admitted is the day of admission to IOP; zero skips the length-of-stay
	// rules.
	Admitted date.Date `json:"admitted,omitzero"`
	// Previous is the decision the stay rested on (at admission or at the
	// last review); zero when there is none.
	Previous Decision `json:"previous,omitzero"`
	// Current is the decision on the reassessment under review.
	Current Decision `json:"current"`
	// Progress is the clinician's judgement of progress on the plan; zero
	// when none is recorded.
	Progress Progress `json:"progress,omitzero"`
	// PlanRevised records that the plan of care was revised at this review.
	PlanRevised bool `json:"plan_revised,omitzero"`
	// Justification is the opaque record ID of a written justification for
	// a stay longer than the profile allows without one; empty when none.
	Justification string `json:"justification,omitzero"`
	// StepDown is the person's step-down from IOP while still in it: the
	// same record schedule's Stay.StepDown and aftercare's step-down check
	// read ([iop.StepDown]), so that the continued-stay, transfer, weekly
	// and discharge checks give one answer. The zero value records none: a
	// reassessment that recommends a less intensive level is then the
	// step-down, on the reassessment's day. A record that does not lower
	// the level from IOP ([iop.StepDown.Lowers], From 2.1) gives no
	// allowance.
	StepDown iop.StepDown `json:"step_down,omitzero"`
}

// UnmarshalJSON decodes a review strictly: an unknown or repeated member,
// a value of the wrong type or a decision that [Decision.UnmarshalJSON]
// refuses is an error naming the field ([iop.FieldErrors]:
// "current.assessment.id"). It does not validate the review
// ([Review.Validate]). On error rv is unchanged.
func (rv *Review) UnmarshalJSON(data []byte) error { return check.Unmarshal(data, rv) }

// Validate reports every problem with rv as [iop.FieldErrors]: no current
// decision ("current", [iop.ErrMissing]); an admission after the
// reassessment ("admitted", [iop.ErrOrder]); a previous assessment dated
// after the reassessment ("previous", [iop.ErrOrder]); an admission date
// that [iop.CheckServiceDate] refuses ("admitted"); an unknown progress
// judgement ("progress", [iop.ErrUnknown]); a justification ID that
// [iop.CheckID] refuses ("justification"). It returns nil when rv is
// valid, without allocating.
func (rv Review) Validate() error { return rv.validate() }

func (rv *Review) validate() error {
	var errs iop.FieldErrors
	day := rv.Current.assessment.Date
	if rv.Current.unset() {
		errs.Add("current", errNoDecision)
	} else {
		if rv.Admitted != date.Zero && day < rv.Admitted {
			errs.Add("admitted", errAdmittedAfter)
		}
		if !rv.Previous.unset() && day < rv.Previous.assessment.Date {
			errs.Add("previous", errPreviousAfter)
		}
	}
	if rv.Admitted != date.Zero {
		if err := iop.CheckServiceDate(rv.Admitted); err != nil {
			errs.Add("admitted", err)
		}
	}
	if rv.Progress != 0 && !rv.Progress.IsValid() {
		errs.Add("progress", iop.ErrUnknown)
	}
	checkID(&errs, "justification", rv.Justification, false)
	if err := rv.StepDown.Validate(); err != nil {
		errs.Add("step_down", err)
	} else if !rv.StepDown.IsZero() && !rv.Current.unset() && rv.StepDown.Date > day {
		errs.Add("step_down.date", errSteppedDownAfter)
	}
	return errs.Err()
}

// Rose returns the dimensions whose rating rose from the previous decision
// to the current one; empty when there is no previous decision. A
// dimension that either decision does not rate (a level recommended by
// another tool without ratings) is left out.
func (rv Review) Rose() iop.Set[Dimension] { return rv.rose() }

func (rv *Review) rose() iop.Set[Dimension] {
	var s iop.Set[Dimension]
	if rv.Previous.unset() {
		return s
	}
	for d := Dimension1; d <= Dimension6; d++ {
		now, ok := rv.Current.assessment.Ratings.Risk(d)
		was, wasOK := rv.Previous.assessment.Ratings.Risk(d)
		if ok && wasOK && now > was {
			s = s | iop.SetOf[Dimension](d)
		}
	}
	return s
}

// CheckContinuedStay checks that a person may stay in IOP after the review
// rv, under the checker's profile, in rule order: the reassessment still
// recommends level 2.1 (the findings that led to admission persist;
// blocking, or the "-documented" warning when the decision documents a
// variance placing the person in IOP); progress is recorded, and without
// progress the plan was revised; a stay longer than the profile's
// Stay.JustifyAfterDays has a written justification; a stay longer than
// Stay.TypicalMaxDays is reported for information. Days count from the day
// of admission to the day of the reassessment; the figures are days.
//
// An invalid review ([Review.Validate]) is an error. On the compliant path
// it allocates nothing.
func (ck Checker) CheckContinuedStay(rv *Review) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendContinuedStay(buf[:0], rv))
}

// AppendContinuedStay is [Checker.CheckContinuedStay] appending its
// findings to dst. On error it returns dst unchanged.
func (ck Checker) AppendContinuedStay(dst iop.Findings, rv *Review) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	if rv == nil {
		return dst, fieldError("review", iop.ErrMissing)
	}
	if err := ck.r.stayChecks(); err != nil {
		return dst, err
	}
	if err := rv.validate(); err != nil {
		return dst, err
	}
	if err := ck.r.judge(rv.Current.assessment.Date); err != nil {
		return dst, err
	}
	r := ck.r
	d := &rv.Current
	if rec := d.recommended; rec != iop.Level21 {
		// A step-down the profile allows continues the stay for its weeks,
		// as the transfer check says: one answer for one review.
		allow, since, ok := r.stepDownAllowance(rv)
		switch {
		case ok:
			dst = r.rules.Add(dst, ruleStayStepDown, iop.Finding{Subject: d.assessment.ID, Need: allow, Got: since, Unit: iop.UnitDays})
		case d.documentedAt(iop.Level21):
			dst = r.addLevels(dst, ruleStayCriteriaNotMetDocumented, d, iop.Level21, rec)
		default:
			dst = r.addLevels(dst, ruleStayCriteriaNotMet, d, iop.Level21, rec)
		}
	}
	switch {
	case rv.Progress == 0:
		dst = r.addPlain(dst, ruleStayProgressUnrecorded, d)
	case rv.Progress == ProgressNone && !rv.PlanRevised:
		dst = r.addPlain(dst, ruleStayNoProgress, d)
	}
	if rv.Admitted == date.Zero {
		return dst, nil
	}
	days := int64(d.assessment.Date - rv.Admitted)
	s := &r.stay
	if s.JustifyAfterDays > 0 && days > int64(s.JustifyAfterDays) && rv.Justification == "" {
		dst = r.rules.Add(dst, ruleStayJustificationDue, iop.Finding{Subject: d.assessment.ID,
			Need: int64(s.JustifyAfterDays), Got: days, Unit: iop.UnitDays})
	}
	if s.TypicalMaxDays > 0 && days > int64(s.TypicalMaxDays) {
		dst = r.rules.Add(dst, ruleStayBeyondTypical, iop.Finding{Subject: d.assessment.ID,
			Need: int64(s.TypicalMaxDays), Got: days, Unit: iop.UnitDays})
	}
	return dst, nil
}

// CheckTransfer checks whether the review rv calls for a transfer out of
// IOP, under the checker's profile, in rule order. Up: imminent danger
// (blocking); a reassessment that recommends a more intensive level
// (blocking, or the "-documented" warning when the decision documents a
// variance placing the person in IOP); dimension ratings that rose since
// the previous decision (a warning whose figure counts them: see
// [Review.Rose]); a progress judgement of worsening. Down: a reassessment
// that recommends a less intensive level (warning), with the profile's
// step-down allowance when it has one (information, citing the profile's
// step-down rules); goals recorded as met while the ratings still recommend IOP or
// more (warning).
//
// An invalid review ([Review.Validate]) is an error. On the compliant path
// it allocates nothing.
func (ck Checker) CheckTransfer(rv *Review) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendTransfer(buf[:0], rv))
}

// AppendTransfer is [Checker.CheckTransfer] appending its findings to dst.
// On error it returns dst unchanged.
func (ck Checker) AppendTransfer(dst iop.Findings, rv *Review) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	if rv == nil {
		return dst, fieldError("review", iop.ErrMissing)
	}
	if err := ck.r.stayChecks(); err != nil {
		return dst, err
	}
	if err := rv.validate(); err != nil {
		return dst, err
	}
	if err := ck.r.judge(rv.Current.assessment.Date); err != nil {
		return dst, err
	}
	r := ck.r
	d := &rv.Current
	rec := d.recommended
	if d.assessment.Modifiers.Has(ModifierImminentDanger) {
		dst = r.addPlain(dst, ruleTransferImminentDanger, d)
	}
	if rec.Compare(iop.Level21) > 0 {
		rule := ruleTransferUpIndicated
		if d.documentedAt(iop.Level21) {
			rule = ruleTransferUpIndicatedDocumented
		}
		dst = r.addLevels(dst, rule, d, rec, iop.Level21)
	}
	if rose := rv.rose(); rose != 0 {
		dst = r.rules.Add(dst, ruleTransferRatingsRose, iop.Finding{Subject: d.assessment.ID,
			Got: int64(rose.Len()), Unit: iop.UnitCount})
	}
	if rv.Progress == ProgressWorsening {
		dst = r.addPlain(dst, ruleTransferWorsening, d)
	}
	if rec.Compare(iop.Level21) < 0 {
		dst = r.addLevels(dst, ruleTransferDownIndicated, d, rec, iop.Level21)
		if allow, since, ok := r.stepDownAllowance(rv); ok {
			dst = r.rules.Add(dst, ruleTransferStepDownAllowance, iop.Finding{Subject: d.assessment.ID, Need: allow, Got: since, Unit: iop.UnitDays})
		}
	}
	if rv.Progress == ProgressGoalsMet && rec.Compare(iop.Level21) >= 0 {
		dst = r.addLevels(dst, ruleTransferGoalsMetRatingsHigh, d, rec, iop.Level21)
	}
	return dst, nil
}

// stepDownAllowance returns the profile's step-down allowance in days and
// the days since the step-down, and whether the review is within it: the
// reassessment recommends a less intensive level than IOP, the profile
// allows a step-down, and the recorded step-down (or, with none recorded,
// the reassessment itself) lowers the level from IOP no longer ago than the
// allowance (2 weeks: the step-down's day and the 13 days after it). The
// continued-stay and transfer checks both ask it, so that one review gets
// one answer, and schedule's weekly check counts the same days.
func (r *checker) stepDownAllowance(rv *Review) (allow, since int64, ok bool) {
	d := &rv.Current
	allow = int64(r.stepDown.Weeks) * 7
	if d.recommended.Compare(iop.Level21) >= 0 || allow <= 0 {
		return allow, 0, false
	}
	if sd := &rv.StepDown; !sd.IsZero() {
		if !sd.Lowers() || sd.From != iop.Level21 {
			return allow, 0, false
		}
		since = int64(d.assessment.Date - sd.Date)
	}
	// The allowance's days are those from the step-down's day (day 0)
	// through day allow-1, as schedule's weekly check counts them.
	return allow, since, since < allow
}
