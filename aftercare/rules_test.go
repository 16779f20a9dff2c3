package aftercare_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesCatalog(t *testing.T) {
	form := regexp.MustCompile(`^aftercare\.[a-z-]+\.[a-z-]+$`)
	seen := map[iop.Code]bool{}
	for _, r := range slices.Collect(aftercare.Rules().All()) {
		assert.Regexp(t, form, string(r.Code))
		assert.False(t, seen[r.Code], "duplicate %s", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s severity", r.Code)
		assert.NotEmpty(t, r.Summary, "%s summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s citation", r.Code)
		assert.NotEmpty(t, r.Cite.Edition, "%s edition", r.Code)
	}
	assert.Len(t, seen, 14)
}

// settingsProfile is ASAM level 2.1 with the rule settings given in JSON,
// decoded with the rest of the profile by iop.ParseProfile.
func settingsProfile(t *testing.T, settings string) (iop.Profile, error) {
	t.Helper()
	b, err := json.Marshal(asamHEDIS())
	require.NoError(t, err)
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &doc))
	doc["rules"] = json.RawMessage(settings)
	b, err = json.Marshal(doc)
	require.NoError(t, err)
	return ioprules.ParseProfile(b)
}

func TestProfileRuleSettings(t *testing.T) {
	p, err := settingsProfile(t, `[
		{"code": "aftercare.unplanned.outreach", "severity": "blocking", "cite": {"source": "payer contract 7", "edition": "2025"}},
		{"code": "aftercare.court-order.notice-due", "off": true, "cite": {"source": "state court protocol", "edition": "2025"}}
	]`)
	require.NoError(t, err)
	ck := newChecker(t, p)

	// Left against advice, court-ordered: outreach is now blocking, the
	// court notice is off; the follow-up windows are untouched.
	ep := discharged(t, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, true)
	got, err := checkWith(t, ck, ep, fullPlan(), dischargedOn+60)
	require.NoError(t, err)
	outreach := finding(aftercare.CodeOutreach, 0, 0, 0)
	outreach.Severity = iop.SeverityBlocking
	assert.Equal(t, iop.Findings{outreach}, got)
	require.ErrorIs(t, got.BlockingErr(), aftercare.CodeOutreach, "outreach now blocks")

	// The same episode under the built-in profile.
	got, err = checkDischarge(t, asamHEDIS(), ep, fullPlan(), dischargedOn+60)
	require.NoError(t, err)
	assert.Equal(t, iop.Findings{finding(aftercare.CodeCourtNotice, 0, 0, 0), finding(aftercare.CodeOutreach, 0, 0, 0)}, got)
	require.NoError(t, got.BlockingErr())

	// Both follow-up rules off: the windows are not judged at all.
	p, err = settingsProfile(t, `[
		{"code": "aftercare.follow-up.missed", "off": true, "cite": {"source": "program policy", "edition": "2025"}},
		{"code": "aftercare.follow-up.not-scheduled", "off": true, "cite": {"source": "program policy", "edition": "2025"}}
	]`)
	require.NoError(t, err)
	got, err = checkDischarge(t, p, discharged(t, "E1", completed(), false), planWith(), dischargedOn+60)
	require.NoError(t, err)
	assert.Nil(t, got)
}

func TestNewCheckerRefusesUnknownCode(t *testing.T) {
	_, err := settingsProfile(t, `[
		{"code": "aftercare.plan.missing", "severity": "warning", "cite": {"source": "payer contract 7", "edition": "2025"}},
		{"code": "aftercare.plan.unsigned", "severity": "info", "cite": {"source": "payer contract 7", "edition": "2025"}}
	]`)
	requireFieldErrors(t, err, []fieldErr{{"rules[1].code", iop.ErrUnknown}})
	p := asamHEDIS()
	p.Rules = []iop.RuleSetting{{Code: "aftercare.plan.unsigned", Off: true, Cite: iop.Citation{Source: "x", Edition: "1"}}}
	ck, err := aftercare.NewChecker(p)
	requireFieldErrors(t, err, []fieldErr{{"rules[0].code", iop.ErrUnknown}})
	assert.True(t, ck.Profile().IsZero())

	// A setting of another package's rule is checked against that
	// package's part: ASAM 2.1 has a schedule part.
	p.Rules = []iop.RuleSetting{{Code: "schedule.weekly-minutes.below-minimum", Off: true, Cite: iop.Citation{Source: "x", Edition: "1"}}}
	_, err = aftercare.NewChecker(p)
	require.NoError(t, err)
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
		aftercare.CodeStepDownNotLower:        {d: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level31}, plan: withPlan, asOf: 60},
		aftercare.CodeStepUpNotHigher:         {d: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level05}, plan: withPlan, asOf: 60},
		aftercare.CodeLateralChangesIntensity: {d: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepLateral, ToLevel: iop.Level1}, plan: withPlan, asOf: 60},
		aftercare.CodeTransferNoReferral:      {d: aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true}, plan: withPlan, asOf: 60},
		aftercare.CodeCourtNotice:             {d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Planned: true}, court: true, plan: withPlan, asOf: 60},
		aftercare.CodeOutreach:                {d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther}, plan: withPlan, asOf: 60},
		aftercare.CodeFollowUpMissed:          {d: completed(), plan: planWith(kept(9), kept(10), kept(20)), asOf: 60},
		aftercare.CodeFollowUpNotScheduled:    {d: completed(), plan: planWith(), asOf: 1},
	}
	severities := map[iop.Code]iop.Severity{}
	for _, r := range slices.Collect(aftercare.Rules().All()) {
		severities[r.Code] = r.Severity
		_, ok := scenarios[r.Code]
		_, record := stepDownRecordCodes[r.Code] // produced by TestStepDownRecord
		assert.True(t, ok || record, "no scenario produces %s", r.Code)
	}
	for code, s := range scenarios {
		t.Run(string(code), func(t *testing.T) {
			ep := discharged(t, "E1", s.d, s.court)
			fs, err := checkDischarge(t, asamHEDIS(), ep, s.plan, dischargedOn+date.Date(s.asOf))
			require.NoError(t, err)
			ioptest.HasCode(t, fs, code)
			ioptest.Cited(t, aftercare.Rules(), fs)
			for _, f := range fs {
				sev, ok := severities[f.Code]
				assert.True(t, ok, "%s is not in Rules", f.Code)
				assert.Equal(t, sev, f.Severity, "%s severity", f.Code)
				assert.Equal(t, "E1", f.Subject)
			}
		})
	}
}
