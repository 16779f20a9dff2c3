package aftercare_test

import (
	"errors"
	"slices"
	"sync"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rule returns the line of the rule table of code c.
func rule(c iop.Code) iop.Rule {
	for _, r := range slices.Collect(aftercare.Rules().All()) {
		if r.Code == c {
			return r
		}
	}
	panic("no rule " + string(c))
}

// finding is the finding about episode E1 that the checker reports for
// code c under a profile that keeps the table's severities.
func finding(c iop.Code, need, got int64, unit iop.Unit) iop.Finding {
	r := rule(c)
	return iop.Finding{Code: c, Severity: r.Severity, Subject: "E1", Need: need, Got: got, Unit: unit}
}

// stepFinding is the finding of a step rule c about episode E1 that steps
// to level l: the level, no figures.
func stepFinding(c iop.Code, l iop.Level) iop.Finding {
	f := finding(c, 0, 0, 0)
	f.Level = l
	return f
}

// windowFinding is a follow-up finding for window w, whose last day is
// last days after the discharge, with got contacts: the window's name as
// Ref, its last day, its figures and its citation.
func windowFinding(c iop.Code, w aftercare.FollowUpWindow, last int, got int64) iop.Finding {
	f := finding(c, int64(w.Need()), got, iop.UnitCount)
	f.Day = dischargedOn + date.Date(last)
	f.Ref = w.Name
	return f
}

// noWindows is a profile without follow-up windows, to judge the other
// rules alone.
func noWindows() iop.Profile {
	p := asamHEDIS()
	p = p.WithPart(aftercare.FollowUp{})
	return p
}

// withWindows is a profile holding only windows ws.
func withWindows(ws ...aftercare.FollowUpWindow) iop.Profile {
	p := noWindows()
	p = withFollowUp(p, func(f *aftercare.FollowUp) { f.Windows = ws })
	return p
}

// The windows of the HEDIS measures, as a profile holds them
// (aftercare.FollowUpOf), and a citation for windows of the tests' own.
var (
	testCite  = iop.Citation{Source: "test window"}
	fui7      = shaped(aftercare.MeasureFUI7.Window())
	fui30     = shaped(aftercare.MeasureFUI30.Window())
	fua7      = shaped(aftercare.MeasureFUA7.Window())
	ietInit   = shaped(aftercare.MeasureIETInitiation.Window())
	ietEngage = shaped(aftercare.MeasureIETEngagement.Window())
)

// withMeasures is a profile holding the windows of measures ms, as a
// built-in profile lists them.
func withMeasures(ms ...aftercare.Measure) iop.Profile {
	p := noWindows()
	p = p.WithPart(fromDischarge(ms...))
	return p
}

// shaped returns w counted from the program's discharge: a program window
// shaped like a HEDIS measure's, the fixture of the window mechanics.
func shaped(w aftercare.FollowUpWindow) aftercare.FollowUpWindow {
	w.Index = 0
	return w
}

// planWith is a plan made a week before discharge with mutual-help
// meetings and the contacts given.
func planWith(contacts ...aftercare.Contact) aftercare.Plan {
	return aftercare.Plan{Made: dischargedOn - 7, MutualHelpPerWeek: 3, Contacts: contacts}
}

func kept(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactStatusKept}
}

func scheduled(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactStatusScheduled}
}

func missed(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactStatusMissed}
}

func TestCheckCompliant(t *testing.T) {
	ep := discharged(t, "E1", completed(), true)
	for _, p := range ioprules.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			if !p.InForceOn(dischargedOn) {
				_, err := checkDischarge(t, p, ep, fullPlan(), dischargedOn+60)
				require.ErrorIs(t, err, iop.ErrNotInForce, "a discharge outside the profile's force")
				return
			}
			// Day 3: 7-day, 30-day and IET initiation; days 10 and 20:
			// engagement.
			fs, err := checkDischarge(t, p, ep, fullPlan(), dischargedOn+60)
			require.NoError(t, err)
			assert.Nil(t, fs)
			// The day after discharge, with the contacts scheduled.
			plan := fullPlan()
			for i := range plan.Contacts {
				plan.Contacts[i].Status = aftercare.ContactStatusScheduled
			}
			fs, err = checkDischarge(t, p, ep, plan, dischargedOn+1)
			require.NoError(t, err)
			assert.Nil(t, fs)
		})
	}
}

func TestCheckDischargeRules(t *testing.T) {
	planned := func(r aftercare.DischargeReason) aftercare.Discharge {
		return aftercare.Discharge{Reason: r, Planned: true}
	}
	unplanned := func(r aftercare.DischargeReason) aftercare.Discharge { return aftercare.Discharge{Reason: r} }
	step := func(s aftercare.Step, l iop.Level) aftercare.Discharge {
		return aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: s, ToLevel: l}
	}
	plan := planWith()
	tests := []struct {
		name  string
		d     aftercare.Discharge
		court bool
		plan  aftercare.Plan
		want  iop.Findings
	}{
		{name: "planned completion with a plan", d: planned(aftercare.DischargeReasonCompleted), plan: plan},
		{name: "planned without a plan", d: planned(aftercare.DischargeReasonCompleted),
			want: iop.Findings{finding(aftercare.CodePlanMissing, 0, 0, 0)}},
		{name: "plan made on the discharge day", d: planned(aftercare.DischargeReasonCompleted), plan: aftercare.Plan{Made: dischargedOn, CounselingPerMonth: 2}},
		{name: "plan made the day after", d: planned(aftercare.DischargeReasonCompleted), plan: aftercare.Plan{Made: dischargedOn + 1, CounselingPerMonth: 2},
			want: iop.Findings{finding(aftercare.CodePlanLate, 0, 1, iop.UnitDays)}},
		{name: "empty plan", d: planned(aftercare.DischargeReasonCompleted), plan: aftercare.Plan{Made: dischargedOn},
			want: iop.Findings{finding(aftercare.CodePlanEmpty, 0, 0, 0)}},
		{name: "late and empty", d: planned(aftercare.DischargeReasonOther), plan: aftercare.Plan{Made: dischargedOn + 3},
			want: iop.Findings{
				finding(aftercare.CodePlanLate, 0, 3, iop.UnitDays),
				finding(aftercare.CodePlanEmpty, 0, 0, 0),
			}},
		{name: "unplanned without a plan: outreach only", d: unplanned(aftercare.DischargeReasonTerminated),
			want: iop.Findings{finding(aftercare.CodeOutreach, 0, 0, 0)}},
		{name: "left against advice", d: unplanned(aftercare.DischargeReasonLeftAgainstAdvice), plan: plan,
			want: iop.Findings{finding(aftercare.CodeOutreach, 0, 0, 0)}},
		{name: "incarcerated", d: unplanned(aftercare.DischargeReasonIncarcerated),
			want: iop.Findings{finding(aftercare.CodeOutreach, 0, 0, 0)}},
		{name: "died: no outreach", d: unplanned(aftercare.DischargeReasonDied)},
		{name: "step down to level 1", d: step(aftercare.StepDown, iop.Level1), plan: plan},
		{name: "step down to 1.0 (4th edition)", d: step(aftercare.StepDown, iop.Level10), plan: plan},
		{name: "step down to the same level", d: step(aftercare.StepDown, iop.Level21), plan: plan,
			want: iop.Findings{stepFinding(aftercare.CodeStepDownNotLower, iop.Level21)}},
		{name: "step down to a higher level", d: step(aftercare.StepDown, iop.Level25), plan: plan,
			want: iop.Findings{stepFinding(aftercare.CodeStepDownNotLower, iop.Level25)}},
		{name: "step up to 2.5", d: step(aftercare.StepUp, iop.Level25), plan: plan},
		{name: "step up to level 1", d: step(aftercare.StepUp, iop.Level1), plan: plan,
			want: iop.Findings{stepFinding(aftercare.CodeStepUpNotHigher, iop.Level1)}},
		{name: "lateral to 2.1", d: step(aftercare.StepLateral, iop.Level21), plan: plan},
		{name: "lateral to 3.1", d: step(aftercare.StepLateral, iop.Level31), plan: plan,
			want: iop.Findings{stepFinding(aftercare.CodeLateralChangesIntensity, iop.Level31)}},
		{name: "transfer with referral", d: aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, ReferredTo: "R-1"}, plan: plan},
		{name: "transfer without referral", d: planned(aftercare.DischargeReasonTransferred), plan: plan,
			want: iop.Findings{finding(aftercare.CodeTransferNoReferral, 0, 0, 0)}},
		{name: "court-ordered completion", d: planned(aftercare.DischargeReasonCompleted), court: true, plan: plan},
		{name: "court-ordered transfer", d: aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, ReferredTo: "R-1"}, court: true, plan: plan},
		{name: "court-ordered, left against advice", d: unplanned(aftercare.DischargeReasonLeftAgainstAdvice), court: true,
			want: iop.Findings{
				finding(aftercare.CodeCourtNotice, 0, 0, 0),
				finding(aftercare.CodeOutreach, 0, 0, 0),
			}},
		{name: "court-ordered, planned termination", d: planned(aftercare.DischargeReasonTerminated), court: true, plan: plan,
			want: iop.Findings{finding(aftercare.CodeCourtNotice, 0, 0, 0)}},
		{name: "court-ordered, died", d: unplanned(aftercare.DischargeReasonDied), court: true,
			want: iop.Findings{finding(aftercare.CodeCourtNotice, 0, 0, 0)}},
		{name: "everything at once, in rule order", court: true,
			d: aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level25},
			want: iop.Findings{
				finding(aftercare.CodePlanMissing, 0, 0, 0),
				stepFinding(aftercare.CodeStepDownNotLower, iop.Level25),
				finding(aftercare.CodeTransferNoReferral, 0, 0, 0),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := discharged(t, "E1", tt.d, tt.court)
			got, err := checkDischarge(t, noWindows(), ep, tt.plan, dischargedOn+60)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			ioptest.Cited(t, aftercare.Rules(), got)
		})
	}
}

func TestCheckFollowUpWindows(t *testing.T) {
	// A window's last day is its Days after the discharge, but for
	// engagement, counted from the initiation contact on day 2.
	lastDay := func(w aftercare.FollowUpWindow) int {
		if w.After != "" {
			return 2 + w.Days
		}
		return w.Days
	}
	require.Equal(t, []aftercare.FollowUpWindow{ietInit, ietEngage, fui7, fui30}, followUpOf(asamHEDIS()).Windows)
	missedMsg := func(w aftercare.FollowUpWindow, got int) iop.Finding {
		return windowFinding(aftercare.CodeFollowUpMissed, w, lastDay(w), int64(got))
	}
	openMsg := func(w aftercare.FollowUpWindow, got int) iop.Finding {
		return windowFinding(aftercare.CodeFollowUpNotScheduled, w, lastDay(w), int64(got))
	}
	late := dischargedOn + 60
	tests := []struct {
		name     string
		windows  []aftercare.FollowUpWindow
		contacts []aftercare.Contact
		asOf     date.Date
		want     iop.Findings
	}{
		// The 7-day window, follow-up on a later day (FUH, FUI).
		{name: "FUI 7-day: day 7 counts", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(7)}, asOf: late},
		{name: "FUI 7-day: day 8 does not", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(8)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "FUI 7-day: day 1 counts", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(1)}, asOf: late},
		{name: "FUI 7-day: the discharge day does not", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(0)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		// The 7-day window, same day counting (FUA, FUM): 8 calendar days.
		{name: "FUA 7-day: the discharge day counts", windows: []aftercare.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(0)}, asOf: late},
		{name: "FUA 7-day: day 7 counts", windows: []aftercare.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(7)}, asOf: late},
		{name: "FUA 7-day: day 8 does not", windows: []aftercare.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(8)}, asOf: late,
			want: iop.Findings{missedMsg(fua7, 0)}},
		{name: "FUA 7-day: the day before discharge does not", windows: []aftercare.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(-1)}, asOf: late,
			want: iop.Findings{missedMsg(fua7, 0)}},
		// The 30-day window.
		{name: "30-day: day 30 counts", windows: []aftercare.FollowUpWindow{fui7, fui30}, contacts: []aftercare.Contact{kept(30)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "30-day: day 31 does not", windows: []aftercare.FollowUpWindow{fui7, fui30}, contacts: []aftercare.Contact{kept(31)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0), missedMsg(fui30, 0)}},
		// IET initiation: the index day and the 13 days after.
		{name: "IET initiation: the index day counts", windows: []aftercare.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(0)}, asOf: late},
		{name: "IET initiation: day 13 counts", windows: []aftercare.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(13)}, asOf: late},
		{name: "IET initiation: day 14 does not", windows: []aftercare.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(14)}, asOf: late,
			want: iop.Findings{missedMsg(ietInit, 0)}},
		// IET engagement: 2 more, from the day after initiation to day 34 after it.
		{name: "IET engagement: days 1 and 34 after initiation", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(3), kept(36)}, asOf: late},
		{name: "IET engagement: day 35 after initiation does not count", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(3), kept(37)}, asOf: late,
			want: iop.Findings{missedMsg(ietEngage, 1)}},
		{name: "IET engagement: not on the initiation day", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(2), kept(10)}, asOf: late,
			want: iop.Findings{missedMsg(ietEngage, 1)}},
		{name: "IET engagement: the initiation contact does not count again", windows: []aftercare.FollowUpWindow{ietInit, aftercare.FollowUpWindow{
			Name: "same-day-engagement", Days: 34, Contacts: 2, SameDayCounts: true, After: "iet-initiation", Cite: testCite}},
			contacts: []aftercare.Contact{kept(2), kept(10)}, asOf: late,
			want: iop.Findings{windowFinding(aftercare.CodeFollowUpMissed, aftercare.FollowUpWindow{Name: "same-day-engagement", Contacts: 2, Cite: testCite}, 36, 1)}},
		{name: "IET engagement: counted from the initiation contact, not the discharge", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(13), kept(40), kept(47)}, asOf: late},
		{name: "IET engagement: not judged when initiation is missed", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(20), kept(25)}, asOf: late,
			want: iop.Findings{missedMsg(ietInit, 0)}},
		// Open windows: judged by what is kept or scheduled.
		{name: "open, a contact scheduled", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(5)}, asOf: dischargedOn + 3},
		{name: "open, nothing scheduled", windows: []aftercare.FollowUpWindow{fui7}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "open on its last day", windows: []aftercare.FollowUpWindow{fui7}, asOf: dischargedOn + 7,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "closed the day after", windows: []aftercare.FollowUpWindow{fui7}, asOf: dischargedOn + 8,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "open, scheduled outside the window", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(9)}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "kept on the day judged", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(5)}, asOf: dischargedOn + 5},
		{name: "kept after the day judged counts as planned", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(5)}, asOf: dischargedOn + 3},
		{name: "a missed contact does not count", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{missed(5)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "a missed contact is not planned", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{missed(5)}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "a scheduled contact past the day judged was not kept", windows: []aftercare.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(5)}, asOf: dischargedOn + 10,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "engagement open, counted from the initiation scheduled", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{scheduled(2), scheduled(9), scheduled(20)}, asOf: dischargedOn + 1},
		{name: "engagement open, one of two scheduled", windows: []aftercare.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{scheduled(2), scheduled(9)}, asOf: dischargedOn + 1,
			want: iop.Findings{openMsg(ietEngage, 1)}},
		{name: "engagement not judged when initiation is not scheduled", windows: []aftercare.FollowUpWindow{ietInit, ietEngage}, asOf: dischargedOn + 1,
			want: iop.Findings{openMsg(ietInit, 0)}},
		{name: "rule order: a closed window before an open one listed earlier", windows: []aftercare.FollowUpWindow{fui30, fui7}, asOf: dischargedOn + 10,
			want: iop.Findings{missedMsg(fui7, 0), openMsg(fui30, 0)}},
		{name: "every window, every finding, in profile order", windows: followUpOf(asamHEDIS()).Windows, asOf: late,
			// Engagement is not judged: initiation was missed.
			want: iop.Findings{missedMsg(ietInit, 0), missedMsg(fui7, 0), missedMsg(fui30, 0)}},
		{name: "every window open, in profile order", windows: followUpOf(asamHEDIS()).Windows, asOf: dischargedOn,
			want: iop.Findings{openMsg(ietInit, 0), openMsg(fui7, 0), openMsg(fui30, 0)}},
	}
	ep := discharged(t, "E1", completed(), false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := checkDischarge(t, withWindows(tt.windows...), ep, planWith(tt.contacts...), tt.asOf)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckWindowsDoNotApply(t *testing.T) {
	p := asamHEDIS()
	for _, d := range []aftercare.Discharge{
		{Reason: aftercare.DischargeReasonDied},
		{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level37, ReferredTo: "R-3"},
	} {
		ep := discharged(t, "E1", d, false)
		got, err := checkDischarge(t, p, ep, planWith(), dischargedOn+60)
		require.NoError(t, err)
		assert.Nil(t, got, "%+v", d)
	}
	// A step down keeps the windows: the first visit at the lower level
	// is the follow-up.
	ep := discharged(t, "E1", completed(), false)
	got, err := checkDischarge(t, p, ep, planWith(), dischargedOn+60)
	require.NoError(t, err)
	ioptest.CodesEqual(t, got, aftercare.CodeFollowUpMissed, aftercare.CodeFollowUpMissed, aftercare.CodeFollowUpMissed)
}

func TestCheckErrors(t *testing.T) {
	p := asamHEDIS()
	for _, s := range []aftercare.State{aftercare.StateReferred, aftercare.StateAdmitted, aftercare.StateActive, aftercare.StateOnHold} {
		_, err := checkDischarge(t, p, episodeIn(t, s), fullPlan(), dischargedOn)
		requireFieldErrors(t, err, []fieldErr{{"episode", aftercare.ErrNotDischarged}})
		require.ErrorIs(t, err, iop.ErrMissing)
		require.EqualError(t, err, "episode: missing: episode not discharged")
	}
	notAdmitted, err := episodeIn(t, aftercare.StateReferred).Close(assessedOn)
	require.NoError(t, err)
	_, err = checkDischarge(t, p, notAdmitted, aftercare.Plan{}, closedOn)
	require.ErrorIs(t, err, aftercare.ErrNotDischarged)

	for _, s := range []aftercare.State{aftercare.StateDischarged, aftercare.StateInAftercare, aftercare.StateClosed} {
		_, err := checkDischarge(t, p, episodeIn(t, s), fullPlan(), dischargedOn+60)
		require.NoError(t, err, "state %s", s)
	}

	// An invalid plan: every error, under "plan".
	bad := aftercare.Plan{MutualHelpPerWeek: -1, Contacts: []aftercare.Contact{{On: dischargedOn}}}
	_, err = checkDischarge(t, p, episodeIn(t, aftercare.StateDischarged), bad, dischargedOn)
	requireFieldErrors(t, err, []fieldErr{
		{"plan.made", iop.ErrMissing},
		{"plan.mutual_help_per_week", iop.ErrOutOfRange},
		{"plan.contacts[0].status", iop.ErrMissing},
	})

	// The append form returns dst unchanged on error.
	ck := newChecker(t, p)
	dst := make(iop.Findings, 1, 4)
	got, err := ck.AppendDischarge(dst, episodeIn(t, aftercare.StateActive), fullPlan(), dischargedOn)
	require.ErrorIs(t, err, aftercare.ErrNotDischarged)
	assert.Equal(t, dst, got)
}

func TestZeroChecker(t *testing.T) {
	var ck aftercare.Checker
	ep := discharged(t, "E1", completed(), false)
	_, err := ck.CheckDischarge(ep, fullPlan(), dischargedOn)
	requireFieldError(t, err, fieldErr{"checker", iop.ErrMissing})
	_, err = ck.AppendDischarge(nil, ep, fullPlan(), dischargedOn)
	requireFieldError(t, err, fieldErr{"checker", iop.ErrMissing})
	_, err = ck.Measure(nil, dischargedOn)
	requireFieldError(t, err, fieldErr{"checker", iop.ErrMissing})
	assert.True(t, ck.Profile().IsZero())
}

func TestNewCheckerRefusesInvalidProfile(t *testing.T) {
	p := asamHEDIS()
	p = withFollowUp(p, func(f *aftercare.FollowUp) { f.Windows[0].Days = 0 })
	ck, err := aftercare.NewChecker(p)
	requireFieldErrors(t, err, []fieldErr{{"aftercare.windows[0].days", iop.ErrOutOfRange}})
	assert.True(t, ck.Profile().IsZero(), "a refused profile gives the zero Checker")
}

func TestCheckerKeepsACopy(t *testing.T) {
	p := asamHEDIS()
	ck := newChecker(t, p)
	p = withFollowUp(p, func(f *aftercare.FollowUp) { f.Windows[0].Days = 1 })
	assert.True(t, ck.Profile().Equal(asamHEDIS()), "changing p does not change the Checker")
	q := ck.Profile()
	q = withFollowUp(q, func(f *aftercare.FollowUp) { f.Windows[0].Days = 2 })
	assert.True(t, ck.Profile().Equal(asamHEDIS()), "changing the profile returned does not change the Checker")
}

func TestAppendDischargeReusesSlice(t *testing.T) {
	ck := newChecker(t, asamHEDIS())
	left := discharged(t, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, true)
	want, err := checkWith(t, ck, left, planWith(kept(9)), dischargedOn+60)
	require.NoError(t, err)
	require.Len(t, want, 4)

	prior := finding(aftercare.CodePlanEmpty, 0, 0, 0)
	prior.Subject = "E0"
	dst := iop.Findings{prior}
	got, err := ck.AppendDischarge(dst, left, planWith(kept(9)), dischargedOn+60)
	require.NoError(t, err)
	assert.Equal(t, append(iop.Findings{prior}, want...), got, "appended after what dst held")

	// Compliant: dst comes back as it was.
	got, err = ck.AppendDischarge(got[:0], discharged(t, "E1", completed(), true), fullPlan(), dischargedOn+60)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestCheckFindingsAreErrors(t *testing.T) {
	ep := discharged(t, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}, false)
	fs, err := checkDischarge(t, noWindows(), ep, aftercare.Plan{}, dischargedOn)
	require.NoError(t, err)
	require.ErrorIs(t, fs.BlockingErr(), aftercare.CodePlanMissing)
	ioptest.Blocks(t, fs, aftercare.CodePlanMissing)

	ep = discharged(t, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, false)
	fs, err = checkDischarge(t, noWindows(), ep, aftercare.Plan{}, dischargedOn)
	require.NoError(t, err)
	ioptest.HasCode(t, fs, aftercare.CodeOutreach)
	require.NoError(t, fs.BlockingErr(), "outreach is a warning: it does not block")
}

func TestFindingMessage(t *testing.T) {
	ep := discharged(t, "E1", completed(), false)
	fs, err := checkDischarge(t, withWindows(fui7), ep, aftercare.Plan{Made: dischargedOn + 2, RecoveryCoach: true}, dischargedOn+60)
	require.NoError(t, err)
	require.Len(t, fs, 2)
	assert.Equal(t, "the aftercare plan of a planned discharge was made after the discharge day: 2 days", aftercare.Rules().Message(fs[0]))
	assert.Equal(t, "fewer contacts kept than a follow-up window needs, by its last day on 2025-03-17 (fui-7): need 1, got 0", aftercare.Rules().Message(fs[1]))
	assert.Equal(t, "aftercare.follow-up.missed [E1] on 2025-03-17 (fui-7): need 1, got 0", fs[1].String())

	// A step names the level stepped to.
	step := aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level25}
	fs, err = checkDischarge(t, noWindows(), discharged(t, "E1", step, false), fullPlan(), dischargedOn+60)
	require.NoError(t, err)
	require.Len(t, fs, 1)
	assert.Equal(t, "a step down does not go to a less intensive level of care: level 2.5", aftercare.Rules().Message(fs[0]))
}

// TestCheckerConcurrent shares one Checker between goroutines (run with
// -race): each gets the findings a Checker of its own gives.
func TestCheckerConcurrent(t *testing.T) {
	ck := newChecker(t, asamHEDIS())
	left := discharged(t, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, true)
	done := discharged(t, "E2", completed(), false)
	cases := []aftercare.Case{{Episode: left, Plan: planWith(kept(9))}, {Episode: done, Plan: fullPlan()}}
	wantLeft, err := checkDischarge(t, asamHEDIS(), left, planWith(kept(9)), dischargedOn+60)
	require.NoError(t, err)
	wantMeasures, err := newChecker(t, asamHEDIS()).Measure(cases, dischargedOn+60)
	require.NoError(t, err)

	// Each goroutine records what it got; the test goroutine checks it.
	type result struct {
		left, done iop.Findings
		m          aftercare.Measures
		err        error
		same       bool
	}
	results := make([][]result, 8)
	var wg sync.WaitGroup
	for g := range results {
		wg.Go(func() {
			var dst iop.Findings
			for range 50 {
				var r result
				var err1, err2, err3 error
				dst, err1 = ck.AppendDischarge(dst[:0], left, planWith(kept(9)), dischargedOn+60)
				r.left = slices.Clone(dst)
				r.done, err2 = ck.CheckDischarge(done, fullPlan(), dischargedOn+60)
				r.m, err3 = ck.Measure(cases, dischargedOn+60)
				r.err = errors.Join(err1, err2, err3)
				r.same = ck.Profile().Equal(asamHEDIS())
				results[g] = append(results[g], r)
			}
		})
	}
	wg.Wait()
	for _, rs := range results {
		require.Len(t, rs, 50)
		for _, r := range rs {
			require.NoError(t, r.err)
			assert.Equal(t, wantLeft, r.left)
			assert.Nil(t, r.done)
			assert.Equal(t, wantMeasures, r.m)
			assert.True(t, r.same)
		}
	}
}
