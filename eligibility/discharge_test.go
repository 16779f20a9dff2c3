package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
)

func TestCheckDischarge(t *testing.T) {
	p := iop.ASAM3Level21()
	low := [6]int{0, 0, 0, 1, 1, 1} // recommends 1
	tests := []struct {
		name string
		x    eligibility.Discharge
		want []iop.Code
	}{
		{"planned, to outpatient", eligibility.Discharge{Final: decideRisks(t, low), Planned: true, NextLevel: iop.Level1}, nil},
		{"planned, to more care than needed", eligibility.Discharge{Final: decideRisks(t, low), Planned: true, NextLevel: iop.Level21}, nil},
		{"in remission, nothing needed", eligibility.Discharge{Final: decideRisks(t, [6]int{}), Planned: true}, nil},
		{"planned, but IOP still recommended", eligibility.Discharge{Final: decideRisks(t, iopRisks), Planned: true, NextLevel: iop.Level1},
			[]iop.Code{eligibility.CodeDischargeCriteriaStillMet, eligibility.CodeDischargeNextLevelBelow}},
		{"no continuing care named", eligibility.Discharge{Final: decideRisks(t, low), Planned: true},
			[]iop.Code{eligibility.CodeDischargeNoContinuingCare}},
		{"early exit, needs IOP, nothing named", eligibility.Discharge{Final: decideRisks(t, iopRisks)},
			[]iop.Code{eligibility.CodeDischargeNoContinuingCare}},
		{"needs residential, referred to outpatient", eligibility.Discharge{Final: decideRisks(t, [6]int{0, 0, 0, 2, 3, 3}), NextLevel: iop.Level1},
			[]iop.Code{eligibility.CodeDischargeHigherLevelNeeded}},
		{"needs residential, referred to it", eligibility.Discharge{Final: decideRisks(t, [6]int{0, 0, 0, 2, 3, 3}), NextLevel: iop.Level31}, nil},
		{"imminent danger", eligibility.Discharge{Final: decideRisks(t, iopRisks, eligibility.ModImminentDanger), NextLevel: iop.Level37},
			[]iop.Code{eligibility.CodeDischargeImminentDanger}},
		{"no decision", eligibility.Discharge{}, []iop.Code{eligibility.CodeDecisionMissing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := eligibility.CheckDischarge(tt.x, p)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
		})
	}
}
