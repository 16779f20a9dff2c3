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
	ck := std(t) // 9-19 h adults, 6-19 h adolescents
	adolescent := func(a eligibility.Assessment) eligibility.Assessment { a.Population = iop.Adolescent; return a }
	php := decideRisks(t, [6]int{0, 0, 3, 2, 2, 0})
	tests := []struct {
		name    string
		ck      eligibility.Checker
		d       eligibility.Decision
		planned iop.Minutes
		want    []iop.Code
	}{
		{"meets every rule, 9h00m", ck, decideRisks(t, iopRisks), iop.Hours(9), nil},
		{"meets every rule, 19h00m", ck, decideRisks(t, iopRisks), iop.Hours(19), nil},
		{"8h59m is below the adult minimum", ck, decideRisks(t, iopRisks), iop.Hours(9) - 1,
			[]iop.Code{eligibility.CodeAdmissionHoursBelowMinimum}},
		{"19h01m is above the maximum", ck, decideRisks(t, iopRisks), iop.Hours(19) + 1,
			[]iop.Code{eligibility.CodeAdmissionHoursAboveMaximum}},
		{"adolescent at 6h00m", ck, decide(t, adolescent(assess(t, iopRisks))), iop.Hours(6), nil},
		{"adolescent at 5h59m", ck, decide(t, adolescent(assess(t, iopRisks))), iop.Hours(6) - 1,
			[]iop.Code{eligibility.CodeAdmissionHoursBelowMinimum}},
		{"outpatient is enough", ck, decideRisks(t, lowRisks), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOP}},
		{"step-down from residential", ck, decideRisks(t, lowRisks, eligibility.ModSteppingDown), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOPStepDown}},
		{"outpatient is enough, IOP documented", ck,
			place(t, decideRisks(t, lowRisks), iop.Level21, eligibility.VariancePatientPreference, "n-1"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOPDocumented}},
		{"needs partial hospitalization", ck, php, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionAboveIOP}},
		{"PHP not available, documented", ck, place(t, php, iop.Level21, eligibility.VarianceLevelNotAvailable, "n-1"),
			iop.Hours(9), []iop.Code{eligibility.CodeAdmissionAboveIOPDocumented}},
		{"PHP not available, no reason recorded", ck, place(t, php, iop.Level21, 0, ""),
			iop.Hours(9), []iop.Code{eligibility.CodeAdmissionAboveIOP}},
		{"needs 24-hour care", ck, decideRisks(t, [6]int{3, 0, 0, 2, 2, 0}), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionNeeds24Hour}},
		{"needs 24-hour care, IOP documented", ck,
			place(t, decideRisks(t, [6]int{3, 0, 0, 2, 2, 0}), iop.Level21, eligibility.VarianceCourtOrdered, "n-c"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionNeeds24HourDocumented}},
		{"imminent danger", ck, decideRisks(t, iopRisks, eligibility.ModImminentDanger), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionImminentDanger, eligibility.CodeAdmissionNeeds24Hour}},
		{"placed elsewhere", ck, place(t, decideRisks(t, iopRisks), iop.Level1, eligibility.VariancePatientPreference, "n-2"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPlacedElsewhere}},
		{"a profile without weekly hours", newChecker(t, iop.H0015()), decideRisks(t, iopRisks), 0, nil},
		{"a profile that serves adults only", newChecker(t, adultsOnly(iop.ASAM3Level21())),
			decide(t, adolescent(assess(t, iopRisks))), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPopulationNotServed}},
		{"the Medicare band applies to every age", newChecker(t, iop.MedicareIOP2024()), decideRisks(t, iopRisks), iop.Hours(9), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := admission(t, tt.ck, tt.d, tt.planned)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
		})
	}
}

func adultsOnly(p iop.Profile) iop.Profile {
	p.Weekly.Adolescent = iop.Band{}
	return p
}

// TestCheckAdmissionBoundaries compares whole findings at the edges of the
// weekly band: 8h59m and 9h00m, 19h00m and 19h01m.
func TestCheckAdmissionBoundaries(t *testing.T) {
	ck := std(t)
	p := iop.ASAM3Level21()
	d := decideRisks(t, iopRisks)
	below := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", 540, 539, iop.UnitMinutes)
	below.Cite = p.Weekly.Cite
	above := finding(t, eligibility.CodeAdmissionHoursAboveMaximum, "A-1", 1140, 1141, iop.UnitMinutes)
	above.Cite = p.Weekly.Cite
	tests := []struct {
		planned iop.Minutes
		want    iop.Findings
	}{
		{0, iop.Findings{{Code: below.Code, Severity: below.Severity, Subject: "A-1", Need: 540, Got: 0, Unit: iop.UnitMinutes, Summary: below.Summary, Cite: below.Cite}}},
		{iop.Hours(9) - 1, iop.Findings{below}},
		{iop.Hours(9), nil},
		{iop.Hours(19), nil},
		{iop.Hours(19) + 1, iop.Findings{above}},
	}
	for _, tt := range tests {
		t.Run(tt.planned.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, admission(t, ck, d, tt.planned))
		})
	}
	assert.Equal(t, "IOP admission: the plan schedules fewer weekly hours than the minimum: need 9h00m, got 8h59m", below.Message())
}

func TestCheckAdmissionLevels(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, [6]int{3, 0, 0, 2, 2, 0})
	want := finding(t, eligibility.CodeAdmissionNeeds24Hour, "A-1", 37, 21, iop.UnitIntensity)
	want.Cite = d.Reason(eligibility.D1).Cite
	assert.Equal(t, iop.Findings{want}, admission(t, ck, d, iop.Hours(9)))
}

func TestCheckAdmissionRefuses(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, iopRisks)
	_, err := ck.CheckAdmission(eligibility.Decision{}, iop.Hours(9))
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing})
	_, err = ck.CheckAdmission(d, -1)
	requireFields(t, err, fieldWant{"planned", iop.ErrOutOfRange})
	fs, err := ck.CheckAdmission(eligibility.Decision{}, -1)
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing}, fieldWant{"planned", iop.ErrOutOfRange})
	assert.Nil(t, fs)

	dst := iop.Findings{{Code: "x"}}
	got, err := ck.AppendAdmission(dst, eligibility.Decision{}, 0)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Equal(t, dst, got, "dst comes back unchanged on error")

	_, err = eligibility.Checker{}.CheckAdmission(d, iop.Hours(9))
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestAppendAdmission(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, iopRisks)
	dst := make(iop.Findings, 0, 4)
	dst, err := ck.AppendAdmission(dst, d, iop.Hours(8))
	require.NoError(t, err)
	dst, err = ck.AppendAdmission(dst, d, iop.Hours(20))
	require.NoError(t, err)
	cover.Check(t, ck.Profile(), dst)
	assert.Equal(t, []iop.Code{eligibility.CodeAdmissionHoursBelowMinimum, eligibility.CodeAdmissionHoursAboveMaximum}, dst.Codes())
}
