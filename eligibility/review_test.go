package eligibility_test

import (
	"testing"

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
	ny, dc := iop.S9480NewYork(), iop.DCLevel21()
	review := func(days int, risks [6]int, p eligibility.Progress) eligibility.Review {
		return eligibility.Review{Admitted: day, Previous: admission, Current: decideOn(t, "A-1", days, risks), Progress: p}
	}
	tests := []struct {
		name string
		rv   eligibility.Review
		p    iop.Profile
		want []iop.Code
	}{
		{"progressing, still IOP", review(30, iopRisks, eligibility.ProgressMade), dc, nil},
		{"ratings no longer recommend IOP", review(30, [6]int{0, 0, 0, 1, 1, 1}, eligibility.ProgressMade), dc,
			[]iop.Code{eligibility.CodeStayCriteriaNotMet}},
		{"no progress, plan not revised", review(30, iopRisks, eligibility.ProgressNone), dc,
			[]iop.Code{eligibility.CodeStayNoProgress}},
		{"progress not recorded", review(30, iopRisks, 0), dc, []iop.Code{eligibility.CodeStayProgressUnrecorded}},
		{"day 60 is within DC's typical stay", review(60, iopRisks, eligibility.ProgressMade), dc, nil},
		{"day 61 is beyond it", review(61, iopRisks, eligibility.ProgressMade), dc, []iop.Code{eligibility.CodeStayBeyondTypical}},
		{"day 42 needs no justification in New York", review(42, iopRisks, eligibility.ProgressMade), ny, nil},
		{"day 43 does", review(43, iopRisks, eligibility.ProgressMade), ny, []iop.Code{eligibility.CodeStayJustificationDue}},
		{"reviewed before admission", review(-1, iopRisks, eligibility.ProgressMade), dc, []iop.Code{eligibility.CodeReviewDateOrder}},
		{"no decision", eligibility.Review{Progress: eligibility.ProgressMade}, dc, []iop.Code{eligibility.CodeDecisionMissing}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := eligibility.CheckContinuedStay(tt.rv, tt.p)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
		})
	}

	t.Run("no progress with a revised plan", func(t *testing.T) {
		rv := review(30, iopRisks, eligibility.ProgressNone)
		rv.PlanRevised = true
		assert.Nil(t, eligibility.CheckContinuedStay(rv, dc))
	})
	t.Run("justified long stay", func(t *testing.T) {
		rv := review(50, iopRisks, eligibility.ProgressMade)
		rv.Justification = "n-just"
		assert.Nil(t, eligibility.CheckContinuedStay(rv, ny))
	})
	t.Run("variance documents the stay", func(t *testing.T) {
		rv := review(30, [6]int{0, 0, 0, 1, 1, 1}, eligibility.ProgressMade)
		rv.Current = rv.Current.Place(iop.Level21, eligibility.VarianceClinicalJudgement, "n-cj")
		fs := eligibility.CheckContinuedStay(rv, dc)
		require.Len(t, fs, 1)
		assert.Equal(t, iop.Warning, fs[0].Severity)
	})
	t.Run("figures", func(t *testing.T) {
		fs := eligibility.CheckContinuedStay(review(43, iopRisks, eligibility.ProgressMade), ny)
		require.Len(t, fs, 1)
		assert.Equal(t, iop.Finding{Code: eligibility.CodeStayJustificationDue, Severity: iop.Blocking, Subject: "A-1",
			Message: "day 43 of the stay: a written justification is due after day 42", Cite: ny.Stay.Cite,
			Need: 42, Got: 43, Unit: iop.UnitDays}, fs[0])
	})
}

func TestCheckTransfer(t *testing.T) {
	p := iop.ASAM3Level21()
	admission := decideOn(t, "A-0", 0, iopRisks)
	review := func(risks [6]int, pr eligibility.Progress, mods ...eligibility.Modifier) eligibility.Review {
		return eligibility.Review{Admitted: day, Previous: admission, Current: decideOn(t, "A-1", 14, risks, mods...), Progress: pr}
	}
	tests := []struct {
		name string
		rv   eligibility.Review
		p    iop.Profile
		want []iop.Code
	}{
		{"stable at IOP", review(iopRisks, eligibility.ProgressMade), p, nil},
		{"worse in D3, still IOP", review([6]int{1, 0, 2, 2, 2, 1}, eligibility.ProgressMade), p,
			[]iop.Code{eligibility.CodeTransferWorsening}},
		{"relapse risk up to 3: step up", review([6]int{1, 0, 1, 2, 3, 1}, eligibility.ProgressWorsening), p,
			[]iop.Code{eligibility.CodeTransferUpIndicated, eligibility.CodeTransferWorsening, eligibility.CodeTransferWorsening}},
		{"imminent danger", review(iopRisks, eligibility.ProgressMade, eligibility.ModImminentDanger), p,
			[]iop.Code{eligibility.CodeTransferImminentDanger, eligibility.CodeTransferUpIndicated}},
		{"goals met, ratings down: step down with allowance", review([6]int{0, 0, 0, 1, 1, 1}, eligibility.ProgressGoalsMet), p,
			[]iop.Code{eligibility.CodeTransferDownIndicated, eligibility.CodeTransferStepDownAllowance}},
		{"step down, profile without allowance", review([6]int{0, 0, 0, 1, 1, 1}, eligibility.ProgressGoalsMet), iop.MedicareIOP2024(),
			[]iop.Code{eligibility.CodeTransferDownIndicated}},
		{"goals met but ratings unchanged", review(iopRisks, eligibility.ProgressGoalsMet), p,
			[]iop.Code{eligibility.CodeTransferGoalsMetRatingsHigh}},
		{"reassessed before the previous assessment", eligibility.Review{Previous: decideOn(t, "A-0", 20, iopRisks),
			Current: decideOn(t, "A-1", 14, iopRisks), Progress: eligibility.ProgressMade}, p,
			[]iop.Code{eligibility.CodeReviewDateOrder}},
		{"no previous decision", eligibility.Review{Current: decideOn(t, "A-1", 14, iopRisks)}, p, nil},
		{"a PHP profile", review(iopRisks, eligibility.ProgressMade), iop.ASAM3Level25(), []iop.Code{eligibility.CodeProfileNotIOP}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := eligibility.CheckTransfer(tt.rv, tt.p)
			ioptest.CodesEqual(t, fs, tt.want...)
			ioptest.Cited(t, fs)
		})
	}
	t.Run("worsening names the dimension and the previous assessment", func(t *testing.T) {
		fs := eligibility.CheckTransfer(review([6]int{1, 0, 2, 2, 2, 1}, eligibility.ProgressMade), p)
		require.Len(t, fs, 1)
		assert.Equal(t, iop.Finding{Code: eligibility.CodeTransferWorsening, Severity: iop.Warning, Subject: "A-1",
			Message: "D3 rating rose from 1 to 2 since assessment A-0",
			Cite:    eligibility.DefaultCriteria().Rules[ruleIndex(eligibility.D3, 2)].Cite}, fs[0])
	})
	t.Run("step up documented by a variance", func(t *testing.T) {
		rv := review([6]int{1, 0, 1, 2, 3, 1}, eligibility.ProgressMade)
		rv.Current = rv.Current.Place(iop.Level21, eligibility.VariancePayerAuthorizedLower, "n-p")
		fs := eligibility.CheckTransfer(rv, p)
		require.NotEmpty(t, fs)
		assert.Equal(t, eligibility.CodeTransferUpIndicated, fs[0].Code)
		assert.Equal(t, iop.Warning, fs[0].Severity)
	})
}
