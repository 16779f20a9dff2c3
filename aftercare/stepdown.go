package aftercare

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// CheckStepDown judges episode ep's discharge against the step-down record
// sd, the one [iop.StepDown] that eligibility's continued-stay and transfer
// checks and schedule's weekly check (schedule.Stay.StepDown) read too, and
// returns every finding: nil when they agree. See [Checker.AppendStepDown].
func (ck Checker) CheckStepDown(ep Episode, sd iop.StepDown) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendStepDown(buf[:0], ep, sd))
}

// AppendStepDown is [Checker.CheckStepDown] appending its findings to dst.
// The rules, in the order of the findings:
//
//  1. the record lowers the level of care ([iop.StepDown.Lowers];
//     [CodeStepDownRecordNotLower], Level the level it names);
//  2. it is dated no later than the discharge, when there is one
//     ([CodeStepDownAfterDischarge]: Got the days after);
//  3. a discharge that names a step agrees with it: a step down to the
//     record's level ([CodeStepDownDischargeMismatch], Level the
//     discharge's). A discharge by completion or transfer that names no
//     step, or a transfer stepping down to the record's level, agrees.
//
// An episode not yet discharged is judged by rule 1 only. The zero
// StepDown records none and gives no findings. The error is
// [iop.FieldErrors] naming "step_down.<field>" for a record that
// [iop.StepDown.Validate] refuses, and dst is returned unchanged. It
// allocates nothing but the growth of dst.
func (ck Checker) AppendStepDown(dst iop.Findings, ep Episode, sd iop.StepDown) (iop.Findings, error) {
	c := ck.r
	if c == nil {
		return dst, check.ZeroChecker()
	}
	if err := sd.Validate(); err != nil {
		var errs iop.FieldErrors
		errs.Add("step_down", err)
		return dst, errs
	}
	if sd.IsZero() {
		return dst, nil
	}
	ev, discharged := ep.DischargeEvent()
	if err := c.p.JudgeOn(sd.Date); err != nil && !discharged {
		return dst, err
	} else if discharged {
		if err := c.p.JudgeOn(ev.On); err != nil {
			return dst, err // judged by the profile in force on the discharge day
		}
	}
	rs, id := &c.rules, ep.ID()
	if !sd.Lowers() {
		dst = rs.Add(dst, ruleStepDownRecordNotLower, iop.Finding{Subject: id, Day: sd.Date, Level: sd.To})
	}
	if !discharged {
		return dst, nil
	}
	if sd.Date > ev.On {
		dst = rs.Add(dst, ruleStepDownAfterDischarge, iop.Finding{Subject: id, Day: sd.Date, Got: int64(sd.Date - ev.On), Unit: iop.UnitDays})
	}
	if d := ev.Discharge; d.Step != 0 && (d.Step != StepDown || d.ToLevel != sd.To) {
		dst = rs.Add(dst, ruleStepDownDischargeMismatch, iop.Finding{Subject: id, Day: ev.On, Level: d.ToLevel})
	}
	return dst, nil
}
