package aftercare_test

import (
	"regexp"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesCatalog(t *testing.T) {
	form := regexp.MustCompile(`^aftercare\.[a-z-]+\.[a-z-]+$`)
	seen := map[iop.Code]bool{}
	for _, r := range aftercare.Rules() {
		assert.Regexp(t, form, string(r.Code))
		assert.False(t, seen[r.Code], "duplicate %s", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s severity", r.Code)
		assert.NotEmpty(t, r.Summary, "%s summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s citation", r.Code)
	}
	assert.Len(t, seen, 11)
}

// TestEveryRuleProduced produces each code of the catalog with a scenario,
// and checks that a scenario emits only catalogued codes, with the
// catalogue's severity.
func TestEveryRuleProduced(t *testing.T) {
	withPlan := planWith(kept(3), kept(10), kept(20))
	scenarios := map[iop.Code]struct {
		d     aftercare.Discharge
		court bool
		plan  aftercare.Plan
		asOf  int // days after discharge
	}{
		aftercare.CodePlanMissing:             {d: completed(), asOf: 60},
		aftercare.CodePlanLate:                {d: completed(), plan: aftercare.Plan{Made: dischargedOn + 2, RecoveryCoach: true}, asOf: 60},
		aftercare.CodePlanEmpty:               {d: completed(), plan: aftercare.Plan{Made: dischargedOn}, asOf: 60},
		aftercare.CodeStepDownNotLower:        {d: aftercare.Discharge{Reason: aftercare.ReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level31}, plan: withPlan, asOf: 60},
		aftercare.CodeStepUpNotHigher:         {d: aftercare.Discharge{Reason: aftercare.ReasonCompleted, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level05}, plan: withPlan, asOf: 60},
		aftercare.CodeLateralChangesIntensity: {d: aftercare.Discharge{Reason: aftercare.ReasonCompleted, Planned: true, Step: aftercare.StepLateral, ToLevel: iop.Level1}, plan: withPlan, asOf: 60},
		aftercare.CodeTransferNoReferral:      {d: aftercare.Discharge{Reason: aftercare.ReasonTransferred, Planned: true}, plan: withPlan, asOf: 60},
		aftercare.CodeCourtNotice:             {d: aftercare.Discharge{Reason: aftercare.ReasonOther, Planned: true}, court: true, plan: withPlan, asOf: 60},
		aftercare.CodeOutreach:                {d: aftercare.Discharge{Reason: aftercare.ReasonOther}, plan: withPlan, asOf: 60},
		aftercare.CodeFollowUpMissed:          {d: completed(), plan: planWith(kept(9), kept(10), kept(20)), asOf: 60},
		aftercare.CodeFollowUpNotScheduled:    {d: completed(), plan: planWith(), asOf: 1},
	}
	severities := map[iop.Code]iop.Severity{}
	for _, r := range aftercare.Rules() {
		severities[r.Code] = r.Severity
		_, ok := scenarios[r.Code]
		assert.True(t, ok, "no scenario produces %s", r.Code)
	}
	for code, s := range scenarios {
		t.Run(string(code), func(t *testing.T) {
			ep := discharged(t, "E1", s.d, s.court)
			fs, err := aftercare.Check(ep, s.plan, iop.ASAM3Level21(), dischargedOn+dateDays(s.asOf))
			require.NoError(t, err)
			ioptest.HasCode(t, fs, code)
			ioptest.Cited(t, fs)
			for _, f := range fs {
				sev, ok := severities[f.Code]
				assert.True(t, ok, "%s is not in Rules", f.Code)
				assert.Equal(t, sev, f.Severity, "%s severity", f.Code)
				assert.Equal(t, "E1", f.Subject)
			}
		})
	}
}
