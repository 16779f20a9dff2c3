package schedule_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// states returns the content of a certification stating ss.
func states(ss ...schedule.CertStatement) schedule.CertificationContent {
	return schedule.CertificationContent{States: iop.SetOf(ss...)}
}

// The content rules of 42 CFR 424.24(d)(1), (d)(3) (IOP) and (e)(1), (e)(3)
// (PHP), and the plan of (d)(2)/(e)(2), as the Medicare profiles hold them:
// each statement missing is a finding on each day of service the
// certification covers, at the boundary between an initial certification
// and its recertification.
func TestCertificationContent(t *testing.T) {
	iopck, phpck := checker(t, ioprules.MedicareIOP2025()), checker(t, ioprules.MedicarePHP2025())
	adm := day(2025, 3, 3) // a Monday
	day60 := adm + 60      // the IOP recertification's day: 2025-05-02, a Friday
	ioInitial := states(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)
	recert := states(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms, schedule.CertStatementDischargeGoals)
	phpInitial := states(schedule.CertStatementInpatientOtherwise, schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)
	fullPlan := &schedule.TreatmentPlan{Established: adm, By: schedule.PlanAuthorPhysician, Sets: iop.SetOf(iop.All[schedule.PlanElement]()...)}
	missing := func(d date.Date, st schedule.CertStatement) iop.Finding {
		return finding(schedule.CodeCertContentMissing, iop.Finding{Subject: "p-1", Day: d, Ref: st.String()})
	}
	notJudged := func(d date.Date) iop.Finding {
		return finding(schedule.CodeCertContentNotJudged, iop.Finding{Subject: "p-1", Day: d, Ref: "content"})
	}
	plan := func(code iop.Code, ref string) iop.Finding {
		return finding(code, iop.Finding{Subject: "p-1", Ref: ref})
	}
	tests := []struct {
		name string
		ck   schedule.Checker
		c    schedule.Certifications
		days []date.Date
		want iop.Findings
	}{
		{"IOP: an initial certification stating all three", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{ioInitial}, Plan: fullPlan},
			[]date.Date{adm, adm + 2}, nil},
		{"IOP: without the 9 hours, every day it covers", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{states(schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)}, Plan: fullPlan},
			[]date.Date{adm, adm + 2}, iop.Findings{missing(adm, schedule.CertStatementNeedsHours), missing(adm+2, schedule.CertStatementNeedsHours)}},
		{"IOP: day 59 under the initial certification", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, day60}, Content: []schedule.CertificationContent{ioInitial, states(schedule.CertStatementContinuedNeed)}, Plan: fullPlan},
			[]date.Date{day60 - 1}, nil},
		{"IOP: day 60 under the recertification signed that day, which lacks three statements", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, day60}, Content: []schedule.CertificationContent{ioInitial, states(schedule.CertStatementContinuedNeed)}, Plan: fullPlan},
			[]date.Date{day60 - 1, day60}, iop.Findings{
				missing(day60, schedule.CertStatementResponse), missing(day60, schedule.CertStatementSymptoms), missing(day60, schedule.CertStatementDischargeGoals)}},
		{"IOP: a recertification holding the initial statements is not one", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, day60}, Content: []schedule.CertificationContent{ioInitial, ioInitial}, Plan: fullPlan},
			[]date.Date{day60 + 3}, iop.Findings{
				missing(day60+3, schedule.CertStatementContinuedNeed), missing(day60+3, schedule.CertStatementResponse),
				missing(day60+3, schedule.CertStatementSymptoms), missing(day60+3, schedule.CertStatementDischargeGoals)}},
		{"IOP: a recertification with the four", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, day60}, Content: []schedule.CertificationContent{ioInitial, recert}, Plan: fullPlan},
			[]date.Date{day60, day60 + 3}, nil},
		{"IOP: the recertification's content not recorded", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, day60}, Content: []schedule.CertificationContent{ioInitial}, Plan: fullPlan},
			[]date.Date{day60 - 1, day60}, iop.Findings{notJudged(day60)}},
		{"IOP: no content recorded at all", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Plan: fullPlan},
			[]date.Date{adm, adm + 1}, iop.Findings{notJudged(adm), notJudged(adm + 1)}},
		{"PHP: the IOP statements do not certify a PHP", phpck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{ioInitial}, Plan: fullPlan},
			[]date.Date{adm}, iop.Findings{missing(adm, schedule.CertStatementInpatientOtherwise)}},
		{"PHP: inpatient care otherwise, 20 hours, plan, care", phpck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{phpInitial}, Plan: fullPlan},
			[]date.Date{adm}, nil},
		{"plan: not recorded", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{ioInitial}},
			[]date.Date{adm}, iop.Findings{plan(schedule.CodePlanNotJudged, "plan")}},
		{"plan: without goals and duration, by a counselor, established on Wednesday", iopck,
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{ioInitial},
				Plan: &schedule.TreatmentPlan{Established: adm + 2, By: schedule.PlanAuthorOtherClinician,
					Sets: iop.SetOf(schedule.PlanElementDiagnosis, schedule.PlanElementType, schedule.PlanElementAmount, schedule.PlanElementFrequency)}},
			[]date.Date{adm, adm + 1, adm + 2}, iop.Findings{
				plan(schedule.CodePlanElementMissing, "duration"), plan(schedule.CodePlanElementMissing, "goals"),
				plan(schedule.CodePlanAuthor, "other-clinician"),
				finding(schedule.CodePlanAfterService, iop.Finding{Subject: "p-1", Day: adm}),
				finding(schedule.CodePlanAfterService, iop.Finding{Subject: "p-1", Day: adm + 1})}},
		{"a day under no certification is CheckCertification's (missing), not judged for content", iopck,
			schedule.Certifications{Admitted: adm, Plan: fullPlan},
			[]date.Date{adm}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ss []schedule.Session
			for _, d := range tt.days {
				ss = append(ss, at(d, 240))
			}
			got, err := tt.ck.CheckCertificationContent(ptr(summarize(t, tt.ck, tt.days[0], ss...)), tt.c)
			require.NoError(t, err)
			assert.Equal(t, tt.want, covered(t, tt.ck, got))
		})
	}
	t.Run("a profile without content rules judges none", func(t *testing.T) {
		ck := checker(t, withBenefit(ioprules.MedicareIOP2025(), func(b *schedule.Benefit) {
			b.Certification.Content, b.Certification.Plan = schedule.CertificationContentRules{}, schedule.PlanRules{}
		}))
		fs, err := ck.CheckCertificationContent(ptr(summarize(t, ck, adm, at(adm, 240))), schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}})
		require.NoError(t, err)
		assert.Nil(t, fs)
	})
	// Content or a plan not recorded is not judged at the force of the
	// rule it could not apply, as the codes' docs say: a payer that makes
	// a missing statement or plan element a warning makes them warnings.
	t.Run("not judged at the force of the rule", func(t *testing.T) {
		p := ioprules.MedicareIOP2025()
		p.Rules = append(p.Rules,
			iop.RuleSetting{Code: schedule.CodeCertContentMissing, Severity: iop.SeverityWarning, Cite: iop.Citation{Source: "payer contract"}},
			iop.RuleSetting{Code: schedule.CodePlanElementMissing, Severity: iop.SeverityWarning, Cite: iop.Citation{Source: "payer contract"}})
		ck := checker(t, p)
		fs, err := ck.CheckCertificationContent(ptr(summarize(t, ck, adm, at(adm, 240))), schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}})
		require.NoError(t, err)
		warn := func(f iop.Finding) iop.Finding { f.Severity = iop.SeverityWarning; return f }
		assert.Equal(t, iop.Findings{warn(notJudged(adm)), warn(plan(schedule.CodePlanNotJudged, "plan"))}, covered(t, ck, fs))
		assert.True(t, ioptest.FollowsRules(t, ck.Rules(), fs))
	})
	t.Run("blocking: do not bill the days", func(t *testing.T) {
		fs, err := iopck.CheckCertificationContent(ptr(summarize(t, iopck, adm, at(adm, 240))),
			schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}, Content: []schedule.CertificationContent{states(schedule.CertStatementUnderCare)}, Plan: fullPlan})
		require.NoError(t, err)
		require.ErrorIs(t, fs.BlockingErr(), schedule.CodeCertContentMissing)
		held, whole := fs.Held()
		assert.Equal(t, []date.Date{adm}, held)
		assert.False(t, whole)
	})
}

func TestCertificationContentValidate(t *testing.T) {
	adm := day(2025, 3, 3)
	c := schedule.Certifications{Admitted: adm, Signed: []date.Date{adm},
		Content: []schedule.CertificationContent{{}, {}},
		Plan:    &schedule.TreatmentPlan{}}
	var fes iop.FieldErrors
	require.ErrorAs(t, c.Validate(), &fes)
	var fields []string
	for _, fe := range fes {
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{"content", "plan.established", "plan.by"}, fields)
	require.ErrorIs(t, fes[2], iop.ErrMissing)
}

func TestCertificationContentJSON(t *testing.T) {
	adm := day(2025, 3, 3)
	c := schedule.Certifications{Admitted: adm, Signed: []date.Date{adm},
		Content: []schedule.CertificationContent{states(schedule.CertStatementNeedsHours, schedule.CertStatementUnderCare)},
		Plan:    &schedule.TreatmentPlan{Established: adm, By: schedule.PlanAuthorPhysician, Sets: iop.SetOf(schedule.PlanElementGoals)}}
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"admitted":"2025-03-03","signed":["2025-03-03"],
		"content":[{"states":["needs-weekly-hours","under-physician-care"]}],
		"plan":{"established":"2025-03-03","by":"physician","sets":["goals"]}}`, string(b))
	var back schedule.Certifications
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"admitted":"2025-03-03","content":[{"states":["nine-hours"]}]}`), &back), iop.ErrUnknown)
}

// contentWeek is a compliant Medicare IOP week of 3 days under an initial
// certification and a recertification, both with their statements, and a
// full plan: what the content benchmarks and the allocation test judge.
func contentWeek(tb testing.TB) (schedule.Checker, schedule.WeekSummary, schedule.Certifications) {
	ck := checker(tb, ioprules.MedicareIOP2025())
	adm := day(2025, 3, 3)
	w := adm + 56 // the week holding day 60 (Friday 2025-05-02)
	sum := summarize(tb, ck, w, at(w, 240), at(w+2, 240), at(w+4, 240))
	c := schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, adm + 60},
		Content: []schedule.CertificationContent{
			states(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare),
			states(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms, schedule.CertStatementDischargeGoals)},
		Plan: &schedule.TreatmentPlan{Established: adm, By: schedule.PlanAuthorPhysician, Sets: iop.SetOf(iop.All[schedule.PlanElement]()...)}}
	return ck, sum, c
}

func TestCertificationContentAllocs(t *testing.T) {
	ck, sum, c := contentWeek(t)
	fs, err := ck.CheckCertificationContent(&sum, c)
	require.NoError(t, err)
	require.Nil(t, fs)
	assert.Zero(t, testing.AllocsPerRun(100, func() { fs, _ = ck.CheckCertificationContent(&sum, c) }), "CheckCertificationContent of a compliant week")
	c.Content = c.Content[:1]
	dst, err := ck.AppendCertificationContent(nil, &sum, c)
	require.NoError(t, err)
	require.NotEmpty(t, dst)
	assert.Zero(t, testing.AllocsPerRun(100, func() { dst, _ = ck.AppendCertificationContent(dst[:0], &sum, c) }), "AppendCertificationContent into a slice with room")
}

// BenchmarkCertificationContent checks the content of the certifications
// and plan of a compliant Medicare IOP week (the record validated, each
// day's certification found, its statements and the plan compared).
func BenchmarkCertificationContent(b *testing.B) {
	ck, sum, c := contentWeek(b)
	b.ReportAllocs()
	for b.Loop() {
		fs, err := ck.CheckCertificationContent(&sum, c)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkCertificationContentBaseline is the same judgement written by
// hand for this one profile and record: each day of service under the
// latest certification signed by then (60 days each), its statements a
// superset of the required ones, the plan complete and by a physician.
func BenchmarkCertificationContentBaseline(b *testing.B) {
	_, sum, c := contentWeek(b)
	initial := iop.SetOf(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)
	recert := iop.SetOf(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms, schedule.CertStatementDischargeGoals)
	elements := iop.SetOf(iop.All[schedule.PlanElement]()...)
	b.ReportAllocs()
	for b.Loop() {
		ok := c.Plan != nil && c.Plan.Sets&elements == elements && c.Plan.By == schedule.PlanAuthorPhysician
		for i, m := range sum.DayMinutes {
			if m <= 0 {
				continue
			}
			d := sum.Week.Day(i)
			j := -1
			for k, s := range c.Signed {
				if d >= s && d <= s+60 || k == 0 && d >= c.Admitted && d <= c.Admitted+60 {
					j = k
				}
			}
			need := initial
			if j > 0 {
				need = recert
			}
			ok = ok && j >= 0 && j < len(c.Content) && c.Content[j].States&need == need && d >= c.Plan.Established
		}
		if !ok {
			b.Fatal(ok)
		}
	}
}
