package ioprules_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinsValidate(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range ioprules.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			require.NoError(t, p.Validate())
			assert.False(t, seen[p.ID], "duplicate built-in ID")
			seen[p.ID] = true
		})
	}
}

// TestBuiltinNumbers pins every number of the built-in profiles that a
// source gives, with the source's reading (issue: rule fidelity).
func TestBuiltinNumbers(t *testing.T) {
	for _, year := range []int{2024, 2025, 2026} {
		ioprule := map[int]iop.Profile{2024: ioprules.MedicareIOP2024(), 2025: ioprules.MedicareIOP2025(), 2026: ioprules.MedicareIOP2026()}[year]
		php := map[int]iop.Profile{2024: ioprules.MedicarePHP2024(), 2025: ioprules.MedicarePHP2025(), 2026: ioprules.MedicarePHP2026()}[year]
		assert.Equal(t, iop.Band{Min: 540}, benefitOf(ioprule).Weekly.For(iop.PopulationAdult), "Medicare IOP sets a minimum and no maximum")
		assert.Equal(t, iop.Band{Min: 540}, benefitOf(ioprule).Weekly.For(iop.PopulationAdolescent))
		ic := benefitOf(ioprule).Certification
		recert := iop.SetOf(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms, schedule.CertStatementDischargeGoals)
		plan := schedule.PlanRules{
			Elements: iop.SetOf(schedule.PlanElementDiagnosis, schedule.PlanElementType, schedule.PlanElementAmount, schedule.PlanElementFrequency, schedule.PlanElementDuration, schedule.PlanElementGoals),
			By:       iop.SetOf(schedule.PlanAuthorPhysician), Cite: ic.Plan.Cite,
		}
		assert.Equal(t, schedule.CertificationRules{NoInitialDay: true, RecertDays: 60, Cite: ic.Cite,
			Content: schedule.CertificationContentRules{
				Initial: iop.SetOf(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare),
				Recert:  recert, Cite: ic.Content.Cite,
			}, Plan: plan}, ic,
			"42 CFR 424.24(d)(3)(ii): every 60 days, not 2 calendar months; no day set for the initial certification; (d)(1), (d)(3) content; (d)(2) plan")
		assert.Equal(t, date.New(year, 1, 1), ioprule.From)
		assert.Equal(t, iop.Band{Min: 1200}, benefitOf(php).Weekly.For(iop.PopulationAdult))
		pc := benefitOf(php).Certification
		plan.Cite = pc.Plan.Cite
		assert.Equal(t, schedule.CertificationRules{NoInitialDay: true, FirstRecertDay: 17, FirstRecertCount: schedule.DayCountService, RecertDays: 30, Cite: pc.Cite,
			Content: schedule.CertificationContentRules{
				Initial: iop.SetOf(schedule.CertStatementInpatientOtherwise, schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare),
				Recert:  recert, Cite: pc.Content.Cite,
			}, Plan: plan},
			pc, "the 18th day of services, then every 30 days; no 31-day plan review; (e)(1), (e)(3) content; (e)(2) plan")
		iopPatients, _ := iop.PartOf[eligibility.Placement](&ioprule)
		phpPatients, _ := iop.PartOf[eligibility.Placement](&php)
		seven := iop.SetOf(eligibility.PatientCriterionNeedsHours, eligibility.PatientCriterionBenefits, eligibility.PatientCriterionNo24Hour,
			eligibility.PatientCriterionSupport, eligibility.PatientCriterionDiagnosis, eligibility.PatientCriterionNotDangerous, eligibility.PatientCriterionCanParticipate)
		assert.Equal(t, seven, iopPatients.Patient.Require, "42 CFR 410.44(c)")
		assert.Equal(t, seven|iop.SetOf(eligibility.PatientCriterionInpatientRisk), phpPatients.Patient.Require, "42 CFR 410.43(c)")
		for _, tc := range []struct {
			p       iop.Profile
			setting iop.Provider
			apcs    [2]string
		}{
			{ioprule, iop.ProviderHospitalOutpatient, [2]string{"5861", "5862"}},
			{ioprule, iop.ProviderCMHC, [2]string{"5851", "5852"}},
			{php, iop.ProviderHospitalOutpatient, [2]string{"5863", "5864"}},
			{php, iop.ProviderCMHC, [2]string{"5853", "5854"}},
			{ioprule, iop.ProviderFQHC, [2]string{"", ""}},
		} {
			tiers := benefitOf(tc.p).ServiceTiers.Tiers
			require.Len(t, tiers, 2)
			assert.Equal(t, [2]int{3, 4}, [2]int{tiers[0].MinServices, tiers[1].MinServices})
			got := [2]string{tiers[0].APC(tc.setting), tiers[1].APC(tc.setting)}
			assert.Equal(t, tc.apcs, got, "%s %s", tc.p.ID, tc.setting)
		}
		for _, p := range []iop.Profile{ioprule, php} {
			sev, on := p.Setting(iop.Rule{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityBlocking})
			assert.Equal(t, [2]any{iop.SeverityWarning, true}, [2]any{sev, on}, "%s: the weekly minimum is a certification requirement", p.ID)
			sev, on = p.Setting(iop.Rule{Code: "schedule.day-services.below-tier", Severity: iop.SeverityWarning})
			assert.Equal(t, [2]any{iop.SeverityBlocking, true}, [2]any{sev, on}, "%s: a day below 3 services is not a program day", p.ID)
			assert.True(t, compositionOf(p).Cite.IsZero(), "%s: no contractor's group cap in a national profile", p.ID)
		}
	}
	assert.Equal(t, date.New(2025, 1, 1), ioprules.MedicareIOP2024().Until)
	assert.Equal(t, date.Zero, ioprules.MedicareIOP2026().Until)

	asam := ioprules.ASAM3Level21()
	assert.Equal(t, iop.Band{Min: 360, Max: 1199}, benefitOf(asam).Weekly.For(iop.PopulationAdolescent))
	assert.Equal(t, iop.Band{Min: 540, Max: 1199}, benefitOf(asam).Weekly.For(iop.PopulationAdult))
	assert.Equal(t, iop.Level25, benefitOf(asam).Weekly.Above)
	for _, tc := range []struct {
		m    iop.Minutes
		want int
	}{{iop.Hours(9) - 1, -1}, {iop.Hours(9), 0}, {iop.Hours(19) + 30, 0}, {iop.Hours(20) - 1, 0}, {iop.Hours(20), +1}} {
		assert.Equal(t, tc.want, benefitOf(asam).Weekly.Adult.Compare(tc.m), "ASAM 2.1 adult band, %s", tc.m)
	}

	h := ioprules.H0015()
	assert.Equal(t, schedule.DailyRules{MinDays: 3, MinDayMinutes: 180, Cite: benefitOf(h).Daily.Cite}, benefitOf(h).Daily)

	ngs := group.NGSGroupPsychotherapy()
	assert.Equal(t, 12, compositionOf(ngs).MaxSize)
	assert.Equal(t, iop.ReachContractor, ngs.Scope.Reach)

	for _, tc := range []struct {
		p           iop.Profile
		from, until date.Date
	}{
		{group.TexasGroups2004(), date.New(2004, 9, 1), date.New(2024, 4, 30)},
		{group.TexasGroups(), date.New(2024, 4, 30), 0},
		{group.WisconsinYouth(), date.New(2020, 7, 1), 0},
		{group.IllinoisAges(), date.New(2025, 4, 2), 0},
		{ioprules.S9480NewYork(), date.New(2017, 2, 1), 0},
		{ioprules.DCLevel21(), date.New(2017, 9, 13), 0},
	} {
		assert.Equal(t, [2]date.Date{tc.from, tc.until}, [2]date.Date{tc.p.From, tc.p.Until}, tc.p.ID)
	}
	for _, g := range []iop.Profile{group.TexasGroups2004(), group.TexasGroups()} {
		assert.Equal(t, [2]int{16, 35}, [2]int{compositionOf(g).MaxSize, compositionOf(g).EducationMaxSize}, g.ID)
	}
	il := group.IllinoisAges()
	sev, _ := il.Setting(iop.Rule{Code: "group.age.exception-undocumented", Severity: iop.SeverityWarning})
	assert.Equal(t, iop.SeverityBlocking, sev, "Illinois: 16-17 in adult treatment only with documented justification")

	tip := ioprules.TIP47()
	for _, s := range tip.Rules {
		assert.Equal(t, iop.SeverityWarning, s.Severity, "%s: SAMHSA guidance is a warning at most", s.Code)
	}
	assert.NotEmpty(t, tip.Rules)
}

func TestMeasures(t *testing.T) {
	for _, tc := range []struct {
		m           aftercare.Measure
		days        int
		sameDay     bool
		contacts    int
		after       string
		first, last int // days after the index day
	}{
		{aftercare.MeasureIETInitiation, 13, true, 1, "", 0, 13},
		{aftercare.MeasureIETEngagement, 34, false, 2, "iet-initiation", 1, 34},
		{aftercare.MeasureFUA7, 7, true, 1, "", 0, 7},
		{aftercare.MeasureFUA30, 30, true, 1, "", 0, 30},
		{aftercare.MeasureFUM7, 7, true, 1, "", 0, 7},
		{aftercare.MeasureFUM30, 30, true, 1, "", 0, 30},
		{aftercare.MeasureFUH7, 7, false, 1, "", 1, 7},
		{aftercare.MeasureFUH30, 30, false, 1, "", 1, 30},
		{aftercare.MeasureFUI7, 7, false, 1, "", 1, 7},
		{aftercare.MeasureFUI30, 30, false, 1, "", 1, 30},
	} {
		w := tc.m.Window()
		assert.Equal(t, tc.m.String(), w.Name)
		assert.Equal(t, tc.m, w.Measure)
		assert.Equal(t, [4]any{tc.days, tc.sameDay, tc.contacts, tc.after}, [4]any{w.Days, w.SameDayCounts, w.Need(), w.After}, tc.m.String())
		index := date.New(2025, 2, 28)
		first, last := w.Range(index)
		assert.Equal(t, [2]int{tc.first, tc.last}, [2]int{int(first - index), int(last - index)}, tc.m.String())
		assert.NotEmpty(t, w.Cite.URL, tc.m.String())
	}
	assert.Equal(t, aftercare.FollowUpWindow{}, aftercare.Measure(0).Window())
	assert.Len(t, iop.All[aftercare.Measure](), 10)
}

func TestProrate(t *testing.T) {
	tests := []struct {
		rule schedule.PartialWeek
		days int
		want iop.Minutes
	}{
		{schedule.PartialWeekFull, 3, 540},
		{schedule.PartialWeekProrated, 3, 231}, // 540*3/7 = 231.4
		{schedule.PartialWeekProrated, 1, 77},
		{schedule.PartialWeekProrated, 7, 540},
		{schedule.PartialWeekProrated, 0, 0},
		{schedule.PartialWeekExempt, 6, 0},
		{schedule.PartialWeekExempt, 7, 540},
		{schedule.PartialWeek(0), 3, 540},
		{schedule.PartialWeekProrated, -1, 540},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.rule.Minimum(540, tt.days), "%s.Minimum(540, %d)", tt.rule, tt.days)
	}
	assert.Equal(t, 1, schedule.Prorate(schedule.PartialWeekProrated, 3, 3), "3 days a week prorated to 3 of 7 days")
}

func TestServiceTiers(t *testing.T) {
	tiers := benefitOf(ioprules.MedicareIOP2024()).ServiceTiers
	for _, tt := range []struct {
		n    int
		want string
		ok   bool
	}{{0, "", false}, {2, "", false}, {3, "3 services", true}, {4, "4 or more services", true}, {9, "4 or more services", true}} {
		got, ok := tiers.TierFor(tt.n)
		assert.Equal(t, tt.ok, ok, "TierFor(%d)", tt.n)
		assert.Equal(t, tt.want, got.Name, "TierFor(%d)", tt.n)
	}
}

// benefitOf returns p's schedule part; the zero Benefit when p has none.
func benefitOf(p iop.Profile) schedule.Benefit {
	b, _ := iop.PartOf[schedule.Benefit](&p)
	return b
}

// compositionOf returns p's group part; the zero Composition when p has none.
func compositionOf(p iop.Profile) group.Composition {
	c, _ := iop.PartOf[group.Composition](&p)
	return c
}

// followUpOf returns p's aftercare part; the zero FollowUp when p has none.
func followUpOf(p iop.Profile) aftercare.FollowUp {
	f, _ := iop.PartOf[aftercare.FollowUp](&p)
	return f
}

// placementOf returns p's eligibility part; the zero Placement when p has none.
func placementOf(p iop.Profile) eligibility.Placement {
	x, _ := iop.PartOf[eligibility.Placement](&p)
	return x
}
