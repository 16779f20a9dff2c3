package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckDischarge(t *testing.T) {
	ck := std(t)
	tests := []struct {
		name string
		x    eligibility.DischargeReview
		want []iop.Code
	}{
		{"planned, to outpatient", eligibility.DischargeReview{Final: decideRisks(t, lowRisks), Planned: true, NextLevel: iop.Level1}, nil},
		{"planned, to more care than needed", eligibility.DischargeReview{Final: decideRisks(t, lowRisks), Planned: true, NextLevel: iop.Level21}, nil},
		{"in remission, nothing needed", eligibility.DischargeReview{Final: decideRisks(t, [6]int{}), Planned: true}, nil},
		{"planned, but IOP still recommended", eligibility.DischargeReview{Final: decideRisks(t, iopRisks), Planned: true, NextLevel: iop.Level1},
			[]iop.Code{eligibility.CodeDischargeCriteriaStillMet, eligibility.CodeDischargeNextLevelBelow}},
		{"no continuing care named", eligibility.DischargeReview{Final: decideRisks(t, lowRisks), Planned: true},
			[]iop.Code{eligibility.CodeDischargeNoContinuingCare}},
		{"early exit, needs IOP, nothing named", eligibility.DischargeReview{Final: decideRisks(t, iopRisks)},
			[]iop.Code{eligibility.CodeDischargeNoContinuingCare}},
		{"needs residential, referred to outpatient", eligibility.DischargeReview{Final: decideRisks(t, [6]int{0, 0, 0, 2, 3, 3}), NextLevel: iop.Level1},
			[]iop.Code{eligibility.CodeDischargeHigherLevelNeeded}},
		{"needs residential, referred to it", eligibility.DischargeReview{Final: decideRisks(t, [6]int{0, 0, 0, 2, 3, 3}), NextLevel: iop.Level31}, nil},
		{"imminent danger", eligibility.DischargeReview{Final: decideRisks(t, iopRisks, eligibility.ModifierImminentDanger), NextLevel: iop.Level37},
			[]iop.Code{eligibility.CodeDischargeImminentDanger}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := discharge(t, ck, tt.x)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, eligibility.Rules(), fs)
		})
	}
	d := decideRisks(t, [6]int{0, 0, 0, 2, 3, 3})
	want := finding(t, eligibility.CodeDischargeHigherLevelNeeded, "A-1", int64(iop.Level31), int64(iop.Level1), iop.UnitLevel)
	assert.Equal(t, iop.Findings{want}, discharge(t, ck, eligibility.DischargeReview{Final: d, NextLevel: iop.Level1}))

	_, err := ck.CheckDischargeReview(&eligibility.DischargeReview{NextLevel: 99})
	requireFields(t, err, fieldWant{"final", iop.ErrMissing}, fieldWant{"next_level", iop.ErrUnknown})
	_, err = eligibility.Checker{}.CheckDischargeReview(&eligibility.DischargeReview{})
	require.ErrorIs(t, err, iop.ErrMissing)
}
