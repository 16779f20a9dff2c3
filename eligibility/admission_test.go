package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAdmission(t *testing.T) {
	p := iop.ASAM3Level21() // 9-19 h adults, 6-19 h adolescents
	adolescent := func(a eligibility.Assessment) eligibility.Assessment { a.Population = iop.Adolescent; return a }
	tests := []struct {
		name    string
		d       eligibility.Decision
		p       iop.Profile
		planned iop.Minutes
		want    []iop.Code
		sev     iop.Severity // of the first finding
	}{
		{"meets every rule, 9h00m", decideRisks(t, iopRisks), p, iop.Hours(9), nil, 0},
		{"meets every rule, 19h00m", decideRisks(t, iopRisks), p, iop.Hours(19), nil, 0},
		{"8h59m is below the adult minimum", decideRisks(t, iopRisks), p, iop.Hours(9) - 1,
			[]iop.Code{eligibility.CodeAdmissionHoursBelowMinimum}, iop.Blocking},
		{"19h01m is above the maximum", decideRisks(t, iopRisks), p, iop.Hours(19) + 1,
			[]iop.Code{eligibility.CodeAdmissionHoursAboveMaximum}, iop.Warning},
		{"adolescent at 6h00m", decide(t, adolescent(assess(t, iopRisks))), p, iop.Hours(6), nil, 0},
		{"adolescent at 5h59m", decide(t, adolescent(assess(t, iopRisks))), p, iop.Hours(6) - 1,
			[]iop.Code{eligibility.CodeAdmissionHoursBelowMinimum}, iop.Blocking},
		{"outpatient is enough", decideRisks(t, [6]int{0, 0, 0, 1, 1, 0}), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOP}, iop.Blocking},
		{"step-down from residential", decideRisks(t, [6]int{0, 0, 0, 1, 1, 0}, eligibility.ModSteppingDown), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOP}, iop.Warning},
		{"needs partial hospitalization", decideRisks(t, [6]int{0, 0, 3, 2, 2, 0}), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionAboveIOP}, iop.Blocking},
		{"PHP not available, documented", decideRisks(t, [6]int{0, 0, 3, 2, 2, 0}).Place(iop.Level21, eligibility.VarianceLevelNotAvailable, "n-1"),
			p, iop.Hours(9), []iop.Code{eligibility.CodeAdmissionAboveIOP}, iop.Warning},
		{"needs 24-hour care", decideRisks(t, [6]int{3, 0, 0, 2, 2, 0}), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionNeeds24Hour}, iop.Blocking},
		{"imminent danger", decideRisks(t, iopRisks, eligibility.ModImminentDanger), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionImminentDanger, eligibility.CodeAdmissionNeeds24Hour}, iop.Blocking},
		{"placed elsewhere", decideRisks(t, iopRisks).Place(iop.Level1, eligibility.VariancePatientPreference, "n-2"), p, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPlacedElsewhere}, iop.Blocking},
		{"no decision", eligibility.Decision{}, p, iop.Hours(9), []iop.Code{eligibility.CodeDecisionMissing}, iop.Blocking},
		{"a PHP profile", decideRisks(t, iopRisks), iop.MedicarePHP2024(), iop.Hours(20),
			[]iop.Code{eligibility.CodeProfileNotIOP}, iop.Blocking},
		{"a profile without weekly hours", decideRisks(t, iopRisks), iop.H0015(), 0, nil, 0},
		{"a profile that serves adults only", decide(t, adolescent(assess(t, iopRisks))), adultsOnly(p), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPopulationNotServed}, iop.Blocking},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := eligibility.CheckAdmission(tt.d, tt.p, tt.planned)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
			if len(tt.want) > 0 {
				assert.Equal(t, tt.sev, fs[0].Severity)
			}
		})
	}
}

func adultsOnly(p iop.Profile) iop.Profile {
	p.Weekly.Adolescent = iop.Band{}
	return p
}

func TestCheckAdmissionFigures(t *testing.T) {
	p := iop.ASAM3Level21()
	fs := eligibility.CheckAdmission(decideRisks(t, iopRisks), p, iop.Hours(8))
	require.Len(t, fs, 1)
	assert.Equal(t, iop.Finding{Code: eligibility.CodeAdmissionHoursBelowMinimum, Severity: iop.Blocking, Subject: "A-1",
		Message: "the plan schedules 8h00m a week, below the adult minimum of 9h00m", Cite: p.Weekly.Cite,
		Need: 540, Got: 480, Unit: iop.UnitMinutes}, fs[0])

	d := decideRisks(t, [6]int{3, 0, 0, 2, 2, 0})
	fs = eligibility.CheckAdmission(d, p, iop.Hours(9))
	require.Len(t, fs, 1)
	assert.Equal(t, iop.Finding{Code: eligibility.CodeAdmissionNeeds24Hour, Severity: iop.Blocking, Subject: "A-1",
		Message: "recommended level 3.7 (driven by D1) is 24-hour care", Cite: d.Reason(eligibility.D1).Cite,
		Need: 37, Got: 21, Unit: iop.UnitIntensity}, fs[0])

	fs = eligibility.CheckAdmission(decideRisks(t, iopRisks), iop.MedicareIOP2024(), iop.Hours(9))
	assert.Nil(t, fs, "the Medicare IOP profile's band applies to every age")
}
