package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepDownRecordCodes are the codes of [aftercare.Checker.CheckStepDown],
// which TestStepDownRecord produces.
var stepDownRecordCodes = map[iop.Code]struct{}{
	aftercare.CodeStepDownRecordNotLower:    {},
	aftercare.CodeStepDownAfterDischarge:    {},
	aftercare.CodeStepDownDischargeMismatch: {},
}

// TestStepDownRecord judges a discharge against the one step-down record
// at its boundaries: dated on the discharge day and the day after; to a
// lower level, the same level and a higher one; a discharge naming no
// step, the record's step, another level and a step up.
func TestStepDownRecord(t *testing.T) {
	ck := newChecker(t, ioprules.ASAM3Level21())
	rule := func(code iop.Code, f iop.Finding) iop.Finding {
		r, ok := aftercare.Rules().Rule(code)
		require.True(t, ok)
		f.Code, f.Severity, f.Subject = code, r.Severity, "E-9"
		return f
	}
	down := func(to iop.Level) aftercare.Discharge {
		return aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: to}
	}
	sd := iop.StepDown{Date: dischargedOn - 10, From: iop.Level21, To: iop.Level1}
	tests := []struct {
		name string
		d    aftercare.Discharge
		sd   iop.StepDown
		want iop.Findings
	}{
		{"a discharge stepping down to the record's level", down(iop.Level1), sd, nil},
		{"a completion naming no step", aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}, sd, nil},
		{"a transfer stepping down to the record's level", aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "R-1"}, sd, nil},
		{"no record", down(iop.Level1), iop.StepDown{}, nil},
		{"a record dated on the discharge day", down(iop.Level1), iop.StepDown{Date: dischargedOn, From: iop.Level21, To: iop.Level1}, nil},
		{"a record dated the day after the discharge", down(iop.Level1), iop.StepDown{Date: dischargedOn + 1, From: iop.Level21, To: iop.Level1},
			iop.Findings{rule(aftercare.CodeStepDownAfterDischarge, iop.Finding{Day: dischargedOn + 1, Got: 1, Unit: iop.UnitDays})}},
		{"a record to the same level", aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}, iop.StepDown{Date: sd.Date, From: iop.Level21, To: iop.Level21},
			iop.Findings{rule(aftercare.CodeStepDownRecordNotLower, iop.Finding{Day: sd.Date, Level: iop.Level21})}},
		{"a record to a more intensive level", aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}, iop.StepDown{Date: sd.Date, From: iop.Level21, To: iop.Level25},
			iop.Findings{rule(aftercare.CodeStepDownRecordNotLower, iop.Finding{Day: sd.Date, Level: iop.Level25})}},
		{"a discharge stepping down to another level", down(iop.Level05), sd,
			iop.Findings{rule(aftercare.CodeStepDownDischargeMismatch, iop.Finding{Day: dischargedOn, Level: iop.Level05})}},
		{"a discharge stepping up after a step-down", aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level35, ReferredTo: "R-2"}, sd,
			iop.Findings{rule(aftercare.CodeStepDownDischargeMismatch, iop.Finding{Day: dischargedOn, Level: iop.Level35})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckStepDown(discharged(t, "E-9", tt.d, false), tt.sd)
			require.NoError(t, err)
			cover.Check(t, ck.Profile(), fs)
			assert.Equal(t, tt.want, fs)
		})
	}
	t.Run("before the discharge only the record is judged", func(t *testing.T) {
		ep := episodeIn(t, aftercare.StateActive)
		fs, err := ck.CheckStepDown(ep, iop.StepDown{Date: startedOn + 3, From: iop.Level21, To: iop.Level21})
		require.NoError(t, err)
		require.Len(t, fs, 1)
		assert.Equal(t, aftercare.CodeStepDownRecordNotLower, fs[0].Code)
	})
	t.Run("a record without levels is refused", func(t *testing.T) {
		_, err := ck.CheckStepDown(discharged(t, "E-9", down(iop.Level1), false), iop.StepDown{Date: sd.Date})
		requireFieldErrors(t, err, []fieldErr{{"step_down.from", iop.ErrMissing}, {"step_down.to", iop.ErrMissing}})
	})
	t.Run("appended, no allocation", func(t *testing.T) {
		ep := discharged(t, "E-9", down(iop.Level05), false)
		dst, err := ck.AppendStepDown(nil, ep, sd)
		require.NoError(t, err)
		require.Len(t, dst, 1)
		assert.Zero(t, testing.AllocsPerRun(100, func() { dst, _ = ck.AppendStepDown(dst[:0], ep, sd) }))
	})
}
