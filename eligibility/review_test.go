package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decideOn decides an assessment with the given risks dated days after
// the admission day, with ID id.
func decideOn(t *testing.T, id string, days int, risks [6]int, mods ...eligibility.Modifier) eligibility.Decision {
	t.Helper()
	a := assess(t, risks, mods...)
	a.ID, a.Date = id, day+date.Date(days)
	return decide(t, a)
}

func TestCheckContinuedStay(t *testing.T) {
	admission := decideOn(t, "A-0", 0, iopRisks)
	ny, dc := newChecker(t, ioprules.S9480NewYork()), newChecker(t, ioprules.DCLevel21())
	review := func(days int, risks [6]int, p eligibility.Progress) eligibility.Review {
		return eligibility.Review{Admitted: day, Previous: admission, Current: decideOn(t, "A-1", days, risks), Progress: p}
	}
	tests := []struct {
		name string
		rv   eligibility.Review
		ck   eligibility.Checker
		want []iop.Code
	}{
		{"progressing, still IOP", review(30, iopRisks, eligibility.ProgressMade), dc, nil},
		{"ratings no longer recommend IOP", review(30, lowRisks, eligibility.ProgressMade), dc,
			[]iop.Code{eligibility.CodeStayCriteriaNotMet}},
		{"no progress, plan not revised", review(30, iopRisks, eligibility.ProgressNone), dc,
			[]iop.Code{eligibility.CodeStayNoProgress}},
		{"progress not recorded", review(30, iopRisks, 0), dc, []iop.Code{eligibility.CodeStayProgressUnrecorded}},
		{"day 60 is within DC's typical stay", review(60, iopRisks, eligibility.ProgressMade), dc, nil},
		{"day 61 is beyond it", review(61, iopRisks, eligibility.ProgressMade), dc, []iop.Code{eligibility.CodeStayBeyondTypical}},
		{"day 42 needs no justification in New York", review(42, iopRisks, eligibility.ProgressMade), ny, nil},
		{"day 43 does", review(43, iopRisks, eligibility.ProgressMade), ny, []iop.Code{eligibility.CodeStayJustificationDue}},
		{"reviewed on the day of admission", review(0, iopRisks, eligibility.ProgressMade), dc, nil},
		{"no admission date: no length-of-stay rules", eligibility.Review{Current: decideOn(t, "A-1", 400, iopRisks),
			Progress: eligibility.ProgressMade}, ny, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := continuedStay(t, tt.ck, tt.rv)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, eligibility.Rules(), fs)
		})
	}

	t.Run("no progress with a revised plan", func(t *testing.T) {
		rv := review(30, iopRisks, eligibility.ProgressNone)
		rv.PlanRevised = true
		assert.Nil(t, continuedStay(t, dc, rv))
	})
	t.Run("justified long stay", func(t *testing.T) {
		rv := review(50, iopRisks, eligibility.ProgressMade)
		rv.Justification = "n-just"
		assert.Nil(t, continuedStay(t, ny, rv))
	})
	t.Run("variance documents the stay", func(t *testing.T) {
		rv := review(30, lowRisks, eligibility.ProgressMade)
		rv.Current = place(t, rv.Current, iop.Level21, eligibility.VarianceReasonClinicalJudgement, "n-cj")
		want := finding(t, eligibility.CodeStayCriteriaNotMetDocumented, "A-1", int64(iop.Level21), int64(iop.Level1), iop.UnitLevel)
		assert.Equal(t, iop.Findings{want}, continuedStay(t, dc, rv))
	})
	t.Run("figures", func(t *testing.T) {
		want := finding(t, eligibility.CodeStayJustificationDue, "A-1", 42, 43, iop.UnitDays)
		assert.Equal(t, iop.Findings{want}, continuedStay(t, ny, review(43, iopRisks, eligibility.ProgressMade)))
		assert.Equal(t, "continued stay: a written justification is due for a stay this long: need 42 days, got 43 days", eligibility.Rules().Message(want))
	})
}

func TestReviewRefused(t *testing.T) {
	ck := std(t)
	admission := decideOn(t, "A-0", 10, iopRisks)
	tests := []struct {
		name string
		rv   eligibility.Review
		want []fieldWant
	}{
		{"no decision", eligibility.Review{Progress: eligibility.ProgressMade}, []fieldWant{{"current", iop.ErrMissing}}},
		{"reviewed before admission", eligibility.Review{Admitted: day + 5, Current: decideOn(t, "A-1", 4, iopRisks)},
			[]fieldWant{{"admitted", iop.ErrOrder}}},
		{"reviewed before the previous assessment", eligibility.Review{Previous: admission, Current: decideOn(t, "A-1", 9, iopRisks)},
			[]fieldWant{{"previous", iop.ErrOrder}}},
		{"every problem", eligibility.Review{Admitted: day + 20, Previous: admission, Current: decideOn(t, "A-1", 9, iopRisks), Progress: 77},
			[]fieldWant{{"admitted", iop.ErrOrder}, {"previous", iop.ErrOrder}, {"progress", iop.ErrUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckContinuedStay(&tt.rv)
			requireFields(t, err, tt.want...)
			assert.Nil(t, fs)
			fs, err = ck.CheckTransfer(&tt.rv)
			requireFields(t, err, tt.want...)
			assert.Nil(t, fs)
		})
	}
	_, err := eligibility.Checker{}.CheckTransfer(&eligibility.Review{})
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = eligibility.Checker{}.CheckContinuedStay(&eligibility.Review{})
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestCheckTransfer(t *testing.T) {
	ck := std(t)
	medicare := newChecker(t, ioprules.MedicareIOP2025())
	admission := decideOn(t, "A-0", 0, iopRisks)
	review := func(risks [6]int, pr eligibility.Progress, mods ...eligibility.Modifier) eligibility.Review {
		return eligibility.Review{Admitted: day, Previous: admission, Current: decideOn(t, "A-1", 14, risks, mods...), Progress: pr}
	}
	tests := []struct {
		name string
		rv   eligibility.Review
		ck   eligibility.Checker
		want []iop.Code
	}{
		{"stable at IOP", review(iopRisks, eligibility.ProgressMade), ck, nil},
		{"worse in D3, still IOP", review([6]int{1, 0, 2, 2, 2, 1}, eligibility.ProgressMade), ck,
			[]iop.Code{eligibility.CodeTransferRatingsRose}},
		{"relapse risk up to 3: step up", review([6]int{1, 0, 1, 2, 3, 1}, eligibility.ProgressWorsening), ck,
			[]iop.Code{eligibility.CodeTransferUpIndicated, eligibility.CodeTransferRatingsRose, eligibility.CodeTransferWorsening}},
		{"imminent danger", review(iopRisks, eligibility.ProgressMade, eligibility.ModifierImminentDanger), ck,
			[]iop.Code{eligibility.CodeTransferImminentDanger, eligibility.CodeTransferUpIndicated}},
		{"goals met, ratings down: step down with allowance", review(lowRisks, eligibility.ProgressGoalsMet), ck,
			[]iop.Code{eligibility.CodeTransferDownIndicated, eligibility.CodeTransferStepDownAllowance}},
		{"step down, profile without allowance", review(lowRisks, eligibility.ProgressGoalsMet), medicare,
			[]iop.Code{eligibility.CodeTransferDownIndicated}},
		{"goals met but ratings unchanged", review(iopRisks, eligibility.ProgressGoalsMet), ck,
			[]iop.Code{eligibility.CodeTransferGoalsMetRatingsHigh}},
		{"no previous decision", eligibility.Review{Current: decideOn(t, "A-1", 14, iopRisks)}, ck, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := transfer(t, tt.ck, tt.rv)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, eligibility.Rules(), fs)
		})
	}
	t.Run("ratings rose: the figure counts the dimensions", func(t *testing.T) {
		rv := review([6]int{1, 1, 2, 2, 2, 1}, eligibility.ProgressMade)
		assert.Equal(t, set(eligibility.Dimension2, eligibility.Dimension3), rv.Rose())
		want := finding(t, eligibility.CodeTransferRatingsRose, "A-1", 0, 2, iop.UnitCount)
		assert.Equal(t, iop.Findings{want}, transfer(t, ck, rv))
	})
	t.Run("step up documented by a variance", func(t *testing.T) {
		rv := review([6]int{1, 0, 1, 2, 3, 1}, eligibility.ProgressMade)
		rv.Current = place(t, rv.Current, iop.Level21, eligibility.VarianceReasonPayerAuthorizedLower, "n-p")
		fs := transfer(t, ck, rv)
		ioptest.CodesEqual(t, fs, eligibility.CodeTransferUpIndicatedDocumented, eligibility.CodeTransferRatingsRose)
	})
}

// TestStepDownOneAnswer: a reassessment that recommends level 1 under a
// profile with a step-down allowance (ASAM 2.1: 2 weeks) gets one answer
// from the transfer and continued-stay checks (issue 23 case 7): the
// step-down continues the stay for the allowance, counted from the
// step-down recorded (the one record schedule's Stay.StepDown holds);
// after it, or for a record that does not step down from IOP, the criteria
// are not met and the transfer gives no allowance.
func TestStepDownOneAnswer(t *testing.T) {
	ck := newChecker(t, ioprules.ASAM3Level21())
	admitted := iop.MustParseDate("2025-03-03")
	before, err := ck.Decide(exampleAssessment("A-1", admitted, 1, 0, 1, 2, 2, 1))
	require.NoError(t, err)
	after, err := ck.Decide(exampleAssessment("A-2", admitted+28, 0, 0, 0, 1, 1, 1))
	require.NoError(t, err)
	rv := eligibility.Review{Admitted: admitted, Previous: before, Current: after, Progress: eligibility.ProgressGoalsMet}
	down := func(d date.Date) iop.StepDown { return iop.StepDown{Date: d, From: iop.Level21, To: iop.Level1} }
	notMet := finding(t, eligibility.CodeStayCriteriaNotMet, "A-2", int64(iop.Level21), int64(iop.Level1), iop.UnitLevel)
	for _, c := range []struct {
		name     string
		stepDown iop.StepDown
		stay     iop.Finding
		transfer []iop.Code
	}{
		{"the reassessment is the step-down", iop.StepDown{},
			finding(t, eligibility.CodeStayStepDown, "A-2", 14, 0, iop.UnitDays),
			[]iop.Code{eligibility.CodeTransferDownIndicated, eligibility.CodeTransferStepDownAllowance}},
		{"stepped down 13 days ago: the last day allowed", down(admitted + 15),
			finding(t, eligibility.CodeStayStepDown, "A-2", 14, 13, iop.UnitDays),
			[]iop.Code{eligibility.CodeTransferDownIndicated, eligibility.CodeTransferStepDownAllowance}},
		{"stepped down 14 days ago: beyond the allowance (its days are 0 to 13, as schedule counts them)", down(admitted + 14), notMet,
			[]iop.Code{eligibility.CodeTransferDownIndicated}},
		{"a record that does not lower the level", iop.StepDown{Date: admitted + 20, From: iop.Level21, To: iop.Level25}, notMet,
			[]iop.Code{eligibility.CodeTransferDownIndicated}},
		{"a record of a step-down from another level", iop.StepDown{Date: admitted + 20, From: iop.Level25, To: iop.Level21}, notMet,
			[]iop.Code{eligibility.CodeTransferDownIndicated}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rv := rv
			rv.StepDown = c.stepDown
			fs, err := ck.CheckContinuedStay(&rv)
			fs = checked(t, ck, fs, err)
			require.NotEmpty(t, fs)
			assert.Equal(t, c.stay, fs[0])
			tr, err := ck.CheckTransfer(&rv)
			ioptest.CodesEqual(t, checked(t, ck, tr, err), c.transfer...)
		})
	}
	t.Run("a step-down after the reassessment is refused", func(t *testing.T) {
		rv := rv
		rv.StepDown = down(admitted + 29)
		_, err := ck.CheckContinuedStay(&rv)
		var fes iop.FieldErrors
		require.ErrorAs(t, err, &fes)
		require.Len(t, fes, 1)
		assert.Equal(t, "step_down.date", fes[0].Field)
		require.ErrorIs(t, fes[0], iop.ErrOrder)
	})
}
