package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// DischargeReview is a discharge from intensive outpatient care (ASAM
// level 2.1) seen from the level-of-care criteria: the decision on the
// reassessment at discharge, whether the discharge is planned (the
// treatment at this level is complete) and the level of continuing care the
// person is referred to. The discharge itself, its reasons and the
// aftercare plan are package aftercare's. Reviews are comparable values,
// safe for concurrent use; the zero DischargeReview is not valid.
type DischargeReview struct {
	// Final is the decision on the assessment at discharge.
	Final Decision `json:"final"`
	// Planned records a planned discharge: the work at this level is done.
	Planned bool `json:"planned,omitzero"`
	// NextLevel is the level of continuing care the person is referred to;
	// zero when none.
	NextLevel iop.Level `json:"next_level,omitzero"`
}

// UnmarshalJSON decodes a discharge review strictly, as
// [Review.UnmarshalJSON] decodes a review; it does not validate it. On
// error x is unchanged.
func (x *DischargeReview) UnmarshalJSON(data []byte) error { return check.Unmarshal(data, x) }

// Validate reports every problem with x as [iop.FieldErrors]: no final
// decision ("final", [iop.ErrMissing]) and an unknown next level
// ("next_level", [iop.ErrUnknown]). It returns nil when x is valid.
func (x DischargeReview) Validate() error { return x.validate() }

func (x *DischargeReview) validate() error {
	var errs iop.FieldErrors
	if x.Final.unset() {
		errs.Add("final", errNoDecision)
	}
	if x.NextLevel != 0 && !x.NextLevel.IsValid() {
		errs.Add("next_level", iop.ErrUnknown)
	}
	return errs.Err()
}

// CheckDischargeReview checks the criteria of a discharge from IOP (the
// reassessment at discharge; aftercare's CheckDischarge checks the
// discharge and its aftercare plan), in rule order: no discharge
// of a person in imminent danger; a person whose reassessment recommends a
// more intensive level is referred to it (blocking); a planned discharge
// while the reassessment still recommends level 2.1 (warning); a
// continuing-care level is named when the reassessment recommends level 1
// or more, and it is not below the recommended level (warnings). The
// figures are the intensities of the levels recommended and referred to.
//
// An invalid review ([DischargeReview.Validate]) is an error. On the
// compliant path it allocates nothing.
func (ck Checker) CheckDischargeReview(x *DischargeReview) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendDischargeReview(buf[:0], x))
}

// AppendDischargeReview is [Checker.CheckDischargeReview] appending its
// findings to dst. On error it returns dst unchanged.
func (ck Checker) AppendDischargeReview(dst iop.Findings, x *DischargeReview) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	if x == nil {
		return dst, fieldError("review", iop.ErrMissing)
	}
	if err := ck.r.stayChecks(); err != nil {
		return dst, err
	}
	if err := x.validate(); err != nil {
		return dst, err
	}
	if err := ck.r.judge(x.Final.assessment.Date); err != nil {
		return dst, err
	}
	r := ck.r
	d := &x.Final
	rec := d.recommended
	if d.assessment.Modifiers.Has(ModifierImminentDanger) {
		dst = r.addPlain(dst, ruleDischargeImminentDanger, d)
	}
	above := rec.Compare(iop.Level21) > 0
	if above && (x.NextLevel == 0 || x.NextLevel.Compare(rec) < 0) {
		dst = r.addLevels(dst, ruleDischargeHigherLevelNeeded, d, rec, x.NextLevel)
	}
	if x.Planned && rec == iop.Level21 {
		dst = r.addLevels(dst, ruleDischargeCriteriaStillMet, d, rec, x.NextLevel)
	}
	if !above && rec.Compare(iop.Level1) >= 0 {
		switch {
		case x.NextLevel == 0:
			dst = r.addLevels(dst, ruleDischargeNoContinuingCare, d, rec, 0)
		case x.NextLevel.Compare(rec) < 0:
			dst = r.addLevels(dst, ruleDischargeNextLevelBelow, d, rec, x.NextLevel)
		}
	}
	return dst, nil
}
