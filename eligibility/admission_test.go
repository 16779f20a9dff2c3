package eligibility_test

import (
	"strconv"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAdmission(t *testing.T) {
	ck := std(t) // 9h00m-19h59m adults, 6h00m-19h59m adolescents
	adolescent := func(a eligibility.Assessment) eligibility.Assessment {
		a.Population = iop.PopulationAdolescent
		return a
	}
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
		{"19h30m is still level 2.1", ck, decideRisks(t, iopRisks), iop.Hours(19) + 30, nil},
		{"19h59m is still level 2.1", ck, decideRisks(t, iopRisks), iop.Hours(20) - 1, nil},
		{"20h00m is above the band, in level 2.5", ck, decideRisks(t, iopRisks), iop.Hours(20),
			[]iop.Code{eligibility.CodeAdmissionHoursAboveMaximum}},
		{"adolescent at 6h00m", ck, decide(t, adolescent(assess(t, iopRisks))), iop.Hours(6), nil},
		{"adolescent at 5h59m", ck, decide(t, adolescent(assess(t, iopRisks))), iop.Hours(6) - 1,
			[]iop.Code{eligibility.CodeAdmissionHoursBelowMinimum}},
		{"outpatient is enough", ck, decideRisks(t, lowRisks), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOP}},
		{"step-down from residential", ck, decideRisks(t, lowRisks, eligibility.ModifierSteppingDown), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOPStepDown}},
		{"outpatient is enough, IOP documented", ck,
			place(t, decideRisks(t, lowRisks), iop.Level21, eligibility.VarianceReasonPatientPreference, "n-1"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionBelowIOPDocumented}},
		{"needs partial hospitalization", ck, php, iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionAboveIOP}},
		{"PHP not available, documented", ck, place(t, php, iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "n-1"),
			iop.Hours(9), []iop.Code{eligibility.CodeAdmissionAboveIOPDocumented}},
		{"PHP not available, no reason recorded", ck, place(t, php, iop.Level21, 0, ""),
			iop.Hours(9), []iop.Code{eligibility.CodeAdmissionAboveIOP}},
		{"needs 24-hour care", ck, decideRisks(t, [6]int{3, 0, 0, 2, 2, 0}), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionNeeds24Hour}},
		{"needs 24-hour care, IOP documented", ck,
			place(t, decideRisks(t, [6]int{3, 0, 0, 2, 2, 0}), iop.Level21, eligibility.VarianceReasonCourtOrdered, "n-c"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionNeeds24HourDocumented}},
		{"imminent danger", ck, decideRisks(t, iopRisks, eligibility.ModifierImminentDanger), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionImminentDanger, eligibility.CodeAdmissionNeeds24Hour}},
		{"placed elsewhere", ck, place(t, decideRisks(t, iopRisks), iop.Level1, eligibility.VarianceReasonPatientPreference, "n-2"), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPlacedElsewhere}},
		{"a profile without weekly hours", newChecker(t, ioprules.H0015()), decideRisks(t, iopRisks), 0, nil},
		{"a profile that serves adults only", newChecker(t, adultsOnly(ioprules.ASAM3Level21())),
			decide(t, adolescent(assess(t, iopRisks))), iop.Hours(9),
			[]iop.Code{eligibility.CodeAdmissionPopulationNotServed}},
		{"the Medicare band applies to every age", newChecker(t, ioprules.MedicareIOP2025()), decide(t, meetsAll(assess(t, iopRisks))), iop.Hours(9), nil},
		{"Medicare IOP has no weekly maximum", newChecker(t, ioprules.MedicareIOP2025()), decide(t, meetsAll(assess(t, iopRisks))), iop.Hours(40), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := admission(t, tt.ck, tt.d, tt.planned)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, eligibility.Rules(), fs)
		})
	}
}

func adultsOnly(p iop.Profile) iop.Profile {
	p = withBenefit(p, func(b *schedule.Benefit) { b.Weekly.Adolescent = iop.Band{} })
	return p
}

// TestCheckAdmissionBoundaries compares whole findings at the edges of the
// weekly band from the rule text: 8h59m and 9h00m (5h59m and 6h00m for
// adolescents); 19h30m and 19h59m, still level 2.1 since its band ends
// below level 2.5's 20 hours; 20h00m, above the band and in level 2.5's.
func TestCheckAdmissionBoundaries(t *testing.T) {
	adolescent := func(a eligibility.Assessment) eligibility.Assessment {
		a.Population = iop.PopulationAdolescent
		return a
	}
	adult := decideRisks(t, iopRisks)
	young := decide(t, adolescent(assess(t, iopRisks)))
	for _, p := range []iop.Profile{ioprules.ASAM3Level21(), ioprules.DCLevel21()} {
		ck := newChecker(t, p)
		below := func(need, got iop.Minutes) iop.Finding {
			f := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", int64(need), int64(got), iop.UnitMinutes)
			return f
		}
		above := finding(t, eligibility.CodeAdmissionHoursAboveMaximum, "A-1", 1199, 1200, iop.UnitMinutes)
		above.Level = iop.Level25
		tests := []struct {
			name    string
			d       eligibility.Decision
			planned iop.Minutes
			want    iop.Findings
		}{
			{"adult 0h00m", adult, 0, iop.Findings{below(iop.Hours(9), 0)}},
			{"adult 8h59m", adult, iop.Hours(9) - 1, iop.Findings{below(iop.Hours(9), iop.Hours(9)-1)}},
			{"adult 9h00m", adult, iop.Hours(9), nil},
			{"adult 19h00m", adult, iop.Hours(19), nil},
			{"adult 19h30m", adult, iop.Hours(19) + 30, nil},
			{"adult 19h59m", adult, iop.Hours(20) - 1, nil},
			{"adult 20h00m", adult, iop.Hours(20), iop.Findings{above}},
			{"adolescent 5h59m", young, iop.Hours(6) - 1, iop.Findings{below(iop.Hours(6), iop.Hours(6)-1)}},
			{"adolescent 6h00m", young, iop.Hours(6), nil},
			{"adolescent 19h59m", young, iop.Hours(20) - 1, nil},
			{"adolescent 20h00m", young, iop.Hours(20), iop.Findings{above}},
		}
		for _, tt := range tests {
			t.Run(p.ID+"/"+tt.name, func(t *testing.T) {
				assert.Equal(t, tt.want, admission(t, ck, tt.d, tt.planned))
			})
		}
	}
	b := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", 540, 539, iop.UnitMinutes)
	assert.Equal(t, "admission: the plan schedules fewer weekly hours than the minimum: need 9h00m, got 8h59m", eligibility.Rules().Message(b))
	a := finding(t, eligibility.CodeAdmissionHoursAboveMaximum, "A-1", 1199, 1200, iop.UnitMinutes)
	a.Level = iop.Level25
	assert.Equal(t, "admission: the planned weekly hours are above the band's maximum and fall in another level's band: level 2.5: need 19h59m, got 20h00m", eligibility.Rules().Message(a))
}

// TestCheckAdmissionMedicareNoMaximum: Medicare's IOP rules (42 CFR 410.44)
// set a 9-hour minimum and no maximum, so no number of hours is above the
// band, in any year's profile.
func TestCheckAdmissionMedicareNoMaximum(t *testing.T) {
	for _, p := range []iop.Profile{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()} {
		a := meetsAll(assess(t, iopRisks))
		a.Date = p.From + 60 // each year's profile judges an admission of its own year
		d := decide(t, a)
		ck := newChecker(t, p)
		below := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", 540, 539, iop.UnitMinutes)
		below.Severity, _ = p.Setting(rule(t, eligibility.CodeAdmissionHoursBelowMinimum))
		t.Run(p.ID+"/8h59m", func(t *testing.T) {
			assert.Equal(t, iop.Findings{below}, admission(t, ck, d, iop.Hours(9)-1))
		})
		for _, planned := range []iop.Minutes{iop.Hours(9), iop.Hours(19) + 30, iop.Hours(20) - 1, iop.Hours(20), iop.Hours(40), iop.Hours(7 * 24)} {
			t.Run(p.ID+"/"+planned.String(), func(t *testing.T) {
				assert.Nil(t, admission(t, ck, d, planned))
			})
		}
	}
}

// TestCheckAdmissionIllinoisAges: eligibility takes the population, not the
// age; the ages of 77 Ill. Adm. Code 2060 (group.IllinoisAges: adolescent
// from 12 to under 18, adult from 18) give it, and the admission check then
// holds the person to the weekly band of that population (the 6-hour
// adolescent minimum at 15, 16 and 17; the 9-hour adult minimum at 18).
// Whether a 16- or 17-year-old may be served with adults is package group's
// check (group.age.exception-undocumented).
func TestCheckAdmissionIllinoisAges(t *testing.T) {
	ages := group.IllinoisAges().Ages
	ck := std(t)
	il := newChecker(t, group.IllinoisAges())
	tests := []struct {
		age  int
		want iop.Population
	}{
		{15, iop.PopulationAdolescent},
		{16, iop.PopulationAdolescent},
		{17, iop.PopulationAdolescent},
		{18, iop.PopulationAdult},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.age), func(t *testing.T) {
			pop, err := ages.PopulationAt(tt.age)
			require.NoError(t, err)
			require.Equal(t, tt.want, pop, "PopulationAt(%d)", tt.age)
			a := assess(t, iopRisks)
			a.Population = pop
			_, err = il.CheckAdmission(ptr(decide(t, a)), iop.Hours(6))
			require.ErrorIs(t, err, iop.ErrNotInForce, "77 IAC 2060 was adopted on 2025-04-02, after the assessment")
			a.Date = group.IllinoisAges().From
			d := decide(t, a)
			assert.Nil(t, admission(t, il, d, iop.Hours(6)), "the Illinois ages profile sets no weekly hours")
			var want iop.Findings
			if pop == iop.PopulationAdult {
				f := finding(t, eligibility.CodeAdmissionHoursBelowMinimum, "A-1", int64(iop.Hours(9)), int64(iop.Hours(6)), iop.UnitMinutes)
				want = iop.Findings{f}
			}
			assert.Equal(t, want, admission(t, ck, d, iop.Hours(6)))
		})
	}
}

func TestCheckAdmissionLevels(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, [6]int{3, 0, 0, 2, 2, 0})
	want := finding(t, eligibility.CodeAdmissionNeeds24Hour, "A-1", int64(iop.Level37), int64(iop.Level21), iop.UnitLevel)
	assert.Equal(t, iop.Findings{want}, admission(t, ck, d, iop.Hours(9)))
}

func TestCheckAdmissionRefuses(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, iopRisks)
	_, err := ck.CheckAdmission(&eligibility.Decision{}, iop.Hours(9))
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing})
	_, err = ck.CheckAdmission(&d, -1)
	requireFields(t, err, fieldWant{"planned", iop.ErrOutOfRange})
	fs, err := ck.CheckAdmission(&eligibility.Decision{}, -1)
	requireFields(t, err, fieldWant{"decision", iop.ErrMissing}, fieldWant{"planned", iop.ErrOutOfRange})
	assert.Nil(t, fs)

	dst := iop.Findings{{Code: "x"}}
	got, err := ck.AppendAdmission(dst, &eligibility.Decision{}, 0)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Equal(t, dst, got, "dst comes back unchanged on error")

	_, err = eligibility.Checker{}.CheckAdmission(&d, iop.Hours(9))
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestAppendAdmission(t *testing.T) {
	ck := std(t)
	d := decideRisks(t, iopRisks)
	dst := make(iop.Findings, 0, 4)
	dst, err := ck.AppendAdmission(dst, &d, iop.Hours(8))
	require.NoError(t, err)
	dst, err = ck.AppendAdmission(dst, &d, iop.Hours(20))
	require.NoError(t, err)
	cover.Check(t, ck.Profile(), dst)
	assert.Equal(t, []iop.Code{eligibility.CodeAdmissionHoursBelowMinimum, eligibility.CodeAdmissionHoursAboveMaximum}, dst.Codes())
}
