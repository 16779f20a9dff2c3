package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleCite returns the citation Rules gives code c.
func ruleCite(c iop.Code) iop.Citation {
	for _, r := range aftercare.Rules() {
		if r.Code == c {
			return r.Cite
		}
	}
	panic("no rule " + string(c))
}

// finding is the finding about episode E1 that Check reports for code c.
func finding(c iop.Code, msg string, need, got int64, unit iop.Unit) iop.Finding {
	sev := iop.Warning
	switch c {
	case aftercare.CodePlanMissing, aftercare.CodePlanLate, aftercare.CodeStepDownNotLower,
		aftercare.CodeStepUpNotHigher, aftercare.CodeLateralChangesIntensity:
		sev = iop.Blocking
	}
	return iop.Finding{Code: c, Severity: sev, Subject: "E1", Message: "episode E1: " + msg, Cite: ruleCite(c), Need: need, Got: got, Unit: unit}
}

// windowFinding is a follow-up finding for window w.
func windowFinding(c iop.Code, w iop.FollowUpWindow, msg string, got int64) iop.Finding {
	f := finding(c, msg, int64(w.Need()), got, iop.UnitCount)
	f.Cite = w.Cite
	return f
}

// noWindows is a profile without follow-up windows, to judge the other
// rules alone.
func noWindows() iop.Profile {
	p := iop.ASAM3Level21()
	p.FollowUp = iop.FollowUpRules{}
	return p
}

// withWindows is a profile holding only windows ws.
func withWindows(ws ...iop.FollowUpWindow) iop.Profile {
	p := noWindows()
	p.FollowUp.Windows = ws
	return p
}

var (
	testCite  = iop.Citation{Source: "test window"}
	fui7      = iop.FollowUpWindow{Name: "7-day", Days: 7, Cite: testCite}
	fui30     = iop.FollowUpWindow{Name: "30-day", Days: 30, Cite: testCite}
	fua7      = iop.FollowUpWindow{Name: "7-day", Days: 7, SameDayCounts: true, Cite: testCite}
	ietInit   = iop.FollowUpWindow{Name: "iet-initiation", Days: 13, SameDayCounts: true, Cite: testCite}
	ietEngage = iop.FollowUpWindow{Name: "iet-engagement", Days: 34, Contacts: 2, After: "iet-initiation", Cite: testCite}
)

// planWith is a plan made a week before discharge with mutual-help
// meetings and the contacts given.
func planWith(contacts ...aftercare.Contact) aftercare.Plan {
	return aftercare.Plan{Made: dischargedOn - 7, MutualHelpPerWeek: 3, Contacts: contacts}
}

func kept(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactKept}
}

func scheduled(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactScheduled}
}

func missed(days int) aftercare.Contact {
	return aftercare.Contact{On: dischargedOn + date.Date(days), Status: aftercare.ContactMissed}
}

func TestCheckCompliant(t *testing.T) {
	ep := discharged(t, "E1", completed(), true)
	for _, p := range iop.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			// Day 3: 7-day, 30-day and IET initiation; days 10 and 20:
			// engagement.
			fs, err := aftercare.Check(ep, fullPlan(), p, dischargedOn+60)
			require.NoError(t, err)
			assert.Nil(t, fs)
			// The day after discharge, with the contacts scheduled.
			plan := fullPlan()
			for i := range plan.Contacts {
				plan.Contacts[i].Status = aftercare.ContactScheduled
			}
			fs, err = aftercare.Check(ep, plan, p, dischargedOn+1)
			require.NoError(t, err)
			assert.Nil(t, fs)
		})
	}
}

func TestCheckDischargeRules(t *testing.T) {
	planned := func(r aftercare.Reason) aftercare.Discharge { return aftercare.Discharge{Reason: r, Planned: true} }
	unplanned := func(r aftercare.Reason) aftercare.Discharge { return aftercare.Discharge{Reason: r} }
	step := func(s aftercare.Step, l iop.Level) aftercare.Discharge {
		return aftercare.Discharge{Reason: aftercare.ReasonCompleted, Planned: true, Step: s, ToLevel: l}
	}
	plan := planWith()
	tests := []struct {
		name  string
		d     aftercare.Discharge
		court bool
		plan  aftercare.Plan
		want  iop.Findings
	}{
		{name: "planned completion with a plan", d: planned(aftercare.ReasonCompleted), plan: plan},
		{name: "planned without a plan", d: planned(aftercare.ReasonCompleted),
			want: iop.Findings{finding(aftercare.CodePlanMissing, "planned discharge without an aftercare plan", 0, 0, 0)}},
		{name: "plan made on the discharge day", d: planned(aftercare.ReasonCompleted), plan: aftercare.Plan{Made: dischargedOn, CounselingPerMonth: 2}},
		{name: "plan made the day after", d: planned(aftercare.ReasonCompleted), plan: aftercare.Plan{Made: dischargedOn + 1, CounselingPerMonth: 2},
			want: iop.Findings{finding(aftercare.CodePlanLate, "aftercare plan made 1 day after the discharge", 0, 1, iop.UnitDays)}},
		{name: "empty plan", d: planned(aftercare.ReasonCompleted), plan: aftercare.Plan{Made: dischargedOn},
			want: iop.Findings{finding(aftercare.CodePlanEmpty, "aftercare plan holds no service and no follow-up contact", 0, 0, 0)}},
		{name: "late and empty", d: planned(aftercare.ReasonOther), plan: aftercare.Plan{Made: dischargedOn + 3},
			want: iop.Findings{
				finding(aftercare.CodePlanLate, "aftercare plan made 3 days after the discharge", 0, 3, iop.UnitDays),
				finding(aftercare.CodePlanEmpty, "aftercare plan holds no service and no follow-up contact", 0, 0, 0),
			}},
		{name: "unplanned without a plan: outreach only", d: unplanned(aftercare.ReasonTerminated),
			want: iop.Findings{finding(aftercare.CodeOutreach, "unplanned discharge (terminated-by-facility): reach out to re-engage", 0, 0, 0)}},
		{name: "left against advice", d: unplanned(aftercare.ReasonLeftAgainstAdvice), plan: plan,
			want: iop.Findings{finding(aftercare.CodeOutreach, "unplanned discharge (left-against-advice): reach out to re-engage", 0, 0, 0)}},
		{name: "incarcerated", d: unplanned(aftercare.ReasonIncarcerated),
			want: iop.Findings{finding(aftercare.CodeOutreach, "unplanned discharge (incarcerated): reach out to re-engage", 0, 0, 0)}},
		{name: "died: no outreach", d: unplanned(aftercare.ReasonDied)},
		{name: "step down to level 1", d: step(aftercare.StepDown, iop.Level1), plan: plan},
		{name: "step down to 1.0 (4th edition)", d: step(aftercare.StepDown, iop.Level10), plan: plan},
		{name: "step down to the same level", d: step(aftercare.StepDown, iop.Level21), plan: plan,
			want: iop.Findings{finding(aftercare.CodeStepDownNotLower, "step down from level 2.1 to 2.1 does not lower the intensity of care", 21, 21, iop.UnitIntensity)}},
		{name: "step down to a higher level", d: step(aftercare.StepDown, iop.Level25), plan: plan,
			want: iop.Findings{finding(aftercare.CodeStepDownNotLower, "step down from level 2.1 to 2.5 does not lower the intensity of care", 21, 25, iop.UnitIntensity)}},
		{name: "step up to 2.5", d: step(aftercare.StepUp, iop.Level25), plan: plan},
		{name: "step up to level 1", d: step(aftercare.StepUp, iop.Level1), plan: plan,
			want: iop.Findings{finding(aftercare.CodeStepUpNotHigher, "step up from level 2.1 to 1 does not raise the intensity of care", 21, 10, iop.UnitIntensity)}},
		{name: "lateral to 2.1", d: step(aftercare.StepLateral, iop.Level21), plan: plan},
		{name: "lateral to 3.1", d: step(aftercare.StepLateral, iop.Level31), plan: plan,
			want: iop.Findings{finding(aftercare.CodeLateralChangesIntensity, "step lateral from level 2.1 to 3.1 changes the intensity of care", 21, 31, iop.UnitIntensity)}},
		{name: "transfer with referral", d: aftercare.Discharge{Reason: aftercare.ReasonTransferred, Planned: true, ReferredTo: "R-1"}, plan: plan},
		{name: "transfer without referral", d: planned(aftercare.ReasonTransferred), plan: plan,
			want: iop.Findings{finding(aftercare.CodeTransferNoReferral, "transfer names no referral", 0, 0, 0)}},
		{name: "court-ordered completion", d: planned(aftercare.ReasonCompleted), court: true, plan: plan},
		{name: "court-ordered transfer", d: aftercare.Discharge{Reason: aftercare.ReasonTransferred, Planned: true, ReferredTo: "R-1"}, court: true, plan: plan},
		{name: "court-ordered, left against advice", d: unplanned(aftercare.ReasonLeftAgainstAdvice), court: true,
			want: iop.Findings{
				finding(aftercare.CodeCourtNotice, "court-ordered treatment ended before completion (left-against-advice): notice due", 0, 0, 0),
				finding(aftercare.CodeOutreach, "unplanned discharge (left-against-advice): reach out to re-engage", 0, 0, 0),
			}},
		{name: "court-ordered, planned termination", d: planned(aftercare.ReasonTerminated), court: true, plan: plan,
			want: iop.Findings{finding(aftercare.CodeCourtNotice, "court-ordered treatment ended before completion (terminated-by-facility): notice due", 0, 0, 0)}},
		{name: "court-ordered, died", d: unplanned(aftercare.ReasonDied), court: true,
			want: iop.Findings{finding(aftercare.CodeCourtNotice, "court-ordered treatment ended before completion (died): notice due", 0, 0, 0)}},
		{name: "everything at once, in rule order", court: true,
			d: aftercare.Discharge{Reason: aftercare.ReasonTransferred, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level25},
			want: iop.Findings{
				finding(aftercare.CodePlanMissing, "planned discharge without an aftercare plan", 0, 0, 0),
				finding(aftercare.CodeStepDownNotLower, "step down from level 2.1 to 2.5 does not lower the intensity of care", 21, 25, iop.UnitIntensity),
				finding(aftercare.CodeTransferNoReferral, "transfer names no referral", 0, 0, 0),
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep := discharged(t, "E1", tt.d, tt.court)
			got, err := aftercare.Check(ep, tt.plan, noWindows(), dischargedOn+60)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			ioptest.Cited(t, got)
		})
	}
}

func TestCheckFollowUpWindows(t *testing.T) {
	missedMsg := func(w iop.FollowUpWindow, got int) iop.Finding {
		return windowFinding(aftercare.CodeFollowUpMissed, w, "follow-up window "+w.Name+" closed with "+itoa(got)+" of "+itoa(w.Need())+" contacts kept", int64(got))
	}
	openMsg := func(w iop.FollowUpWindow, got int) iop.Finding {
		return windowFinding(aftercare.CodeFollowUpNotScheduled, w, "follow-up window "+w.Name+" open with "+itoa(got)+" of "+itoa(w.Need())+" contacts kept or scheduled", int64(got))
	}
	late := dischargedOn + 60
	tests := []struct {
		name     string
		windows  []iop.FollowUpWindow
		contacts []aftercare.Contact
		asOf     date.Date
		want     iop.Findings
	}{
		// The 7-day window, follow-up on a later day (FUH, FUI).
		{name: "FUI 7-day: day 7 counts", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(7)}, asOf: late},
		{name: "FUI 7-day: day 8 does not", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(8)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "FUI 7-day: day 1 counts", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(1)}, asOf: late},
		{name: "FUI 7-day: the discharge day does not", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(0)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		// The 7-day window, same day counting (FUA, FUM): 8 calendar days.
		{name: "FUA 7-day: the discharge day counts", windows: []iop.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(0)}, asOf: late},
		{name: "FUA 7-day: day 7 counts", windows: []iop.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(7)}, asOf: late},
		{name: "FUA 7-day: day 8 does not", windows: []iop.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(8)}, asOf: late,
			want: iop.Findings{missedMsg(fua7, 0)}},
		{name: "FUA 7-day: the day before discharge does not", windows: []iop.FollowUpWindow{fua7}, contacts: []aftercare.Contact{kept(-1)}, asOf: late,
			want: iop.Findings{missedMsg(fua7, 0)}},
		// The 30-day window.
		{name: "30-day: day 30 counts", windows: []iop.FollowUpWindow{fui7, fui30}, contacts: []aftercare.Contact{kept(30)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "30-day: day 31 does not", windows: []iop.FollowUpWindow{fui7, fui30}, contacts: []aftercare.Contact{kept(31)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0), missedMsg(fui30, 0)}},
		// IET initiation: the index day and the 13 days after.
		{name: "IET initiation: the index day counts", windows: []iop.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(0)}, asOf: late},
		{name: "IET initiation: day 13 counts", windows: []iop.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(13)}, asOf: late},
		{name: "IET initiation: day 14 does not", windows: []iop.FollowUpWindow{ietInit}, contacts: []aftercare.Contact{kept(14)}, asOf: late,
			want: iop.Findings{missedMsg(ietInit, 0)}},
		// IET engagement: 2 more, from the day after initiation to day 34 after it.
		{name: "IET engagement: days 1 and 34 after initiation", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(3), kept(36)}, asOf: late},
		{name: "IET engagement: day 35 after initiation does not count", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(3), kept(37)}, asOf: late,
			want: iop.Findings{missedMsg(ietEngage, 1)}},
		{name: "IET engagement: not on the initiation day", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(2), kept(2), kept(10)}, asOf: late,
			want: iop.Findings{missedMsg(ietEngage, 1)}},
		{name: "IET engagement: the initiation contact does not count again", windows: []iop.FollowUpWindow{ietInit, iop.FollowUpWindow{
			Name: "same-day-engagement", Days: 34, Contacts: 2, SameDayCounts: true, After: "iet-initiation", Cite: testCite}},
			contacts: []aftercare.Contact{kept(2), kept(10)}, asOf: late,
			want: iop.Findings{windowFinding(aftercare.CodeFollowUpMissed, iop.FollowUpWindow{Name: "same-day-engagement", Contacts: 2, Cite: testCite},
				"follow-up window same-day-engagement closed with 1 of 2 contacts kept", 1)}},
		{name: "IET engagement: counted from the initiation contact, not the discharge", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(13), kept(40), kept(47)}, asOf: late},
		{name: "IET engagement: not judged when initiation is missed", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{kept(20), kept(25)}, asOf: late,
			want: iop.Findings{missedMsg(ietInit, 0)}},
		// Open windows: judged by what is kept or scheduled.
		{name: "open, a contact scheduled", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(5)}, asOf: dischargedOn + 3},
		{name: "open, nothing scheduled", windows: []iop.FollowUpWindow{fui7}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "open on its last day", windows: []iop.FollowUpWindow{fui7}, asOf: dischargedOn + 7,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "closed the day after", windows: []iop.FollowUpWindow{fui7}, asOf: dischargedOn + 8,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "open, scheduled outside the window", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(9)}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "kept on the day judged", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(5)}, asOf: dischargedOn + 5},
		{name: "kept after the day judged counts as planned", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{kept(5)}, asOf: dischargedOn + 3},
		{name: "a missed contact does not count", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{missed(5)}, asOf: late,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "a missed contact is not planned", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{missed(5)}, asOf: dischargedOn + 3,
			want: iop.Findings{openMsg(fui7, 0)}},
		{name: "a scheduled contact past the day judged was not kept", windows: []iop.FollowUpWindow{fui7}, contacts: []aftercare.Contact{scheduled(5)}, asOf: dischargedOn + 10,
			want: iop.Findings{missedMsg(fui7, 0)}},
		{name: "engagement open, counted from the initiation scheduled", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{scheduled(2), scheduled(9), scheduled(20)}, asOf: dischargedOn + 1},
		{name: "engagement open, one of two scheduled", windows: []iop.FollowUpWindow{ietInit, ietEngage},
			contacts: []aftercare.Contact{scheduled(2), scheduled(9)}, asOf: dischargedOn + 1,
			want: iop.Findings{openMsg(ietEngage, 1)}},
		{name: "engagement not judged when initiation is not scheduled", windows: []iop.FollowUpWindow{ietInit, ietEngage}, asOf: dischargedOn + 1,
			want: iop.Findings{openMsg(ietInit, 0)}},
		{name: "every window, every finding, in profile order", windows: iop.ASAM3Level21().FollowUp.Windows, asOf: late,
			want: iop.Findings{
				missedMsg(iop.ASAM3Level21().FollowUp.Windows[0], 0),
				missedMsg(iop.ASAM3Level21().FollowUp.Windows[1], 0),
				missedMsg(iop.ASAM3Level21().FollowUp.Windows[2], 0),
			}},
	}
	ep := discharged(t, "E1", completed(), false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := aftercare.Check(ep, planWith(tt.contacts...), withWindows(tt.windows...), tt.asOf)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestCheckWindowsDoNotApply(t *testing.T) {
	p := iop.ASAM3Level21()
	for _, d := range []aftercare.Discharge{
		{Reason: aftercare.ReasonDied},
		{Reason: aftercare.ReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level37, ReferredTo: "R-3"},
	} {
		ep := discharged(t, "E1", d, false)
		got, err := aftercare.Check(ep, planWith(), p, dischargedOn+60)
		require.NoError(t, err)
		assert.Nil(t, got, "%+v", d)
	}
	// A step down keeps the windows: the first visit at the lower level
	// is the follow-up.
	ep := discharged(t, "E1", completed(), false)
	got, err := aftercare.Check(ep, planWith(), p, dischargedOn+60)
	require.NoError(t, err)
	ioptest.CodesEqual(t, got, aftercare.CodeFollowUpMissed, aftercare.CodeFollowUpMissed, aftercare.CodeFollowUpMissed)
}

func TestCheckErrors(t *testing.T) {
	p := iop.ASAM3Level21()
	for _, s := range []aftercare.State{aftercare.Referred, aftercare.Admitted, aftercare.Active, aftercare.OnHold} {
		_, err := aftercare.Check(episodeIn(t, s), fullPlan(), p, dischargedOn)
		var ee *aftercare.EpisodeError
		require.ErrorAs(t, err, &ee, "state %s", s)
		assert.Equal(t, &aftercare.EpisodeError{Episode: "E1", Err: aftercare.ErrNotDischarged}, ee)
		require.EqualError(t, err, `aftercare: episode "E1": episode not discharged`)
	}
	notAdmitted, err := episodeIn(t, aftercare.Referred).Close(assessedOn)
	require.NoError(t, err)
	_, err = aftercare.Check(notAdmitted, aftercare.Plan{}, p, closedOn)
	require.ErrorIs(t, err, aftercare.ErrNotDischarged)

	for _, s := range []aftercare.State{aftercare.Discharged, aftercare.InAftercare, aftercare.Closed} {
		_, err := aftercare.Check(episodeIn(t, s), fullPlan(), p, dischargedOn+60)
		require.NoError(t, err, "state %s", s)
	}

	_, err = aftercare.Check(episodeIn(t, aftercare.Discharged), aftercare.Plan{MutualHelpPerWeek: -1}, p, dischargedOn)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "mutual_help_per_week", fe.Field)
}

func TestCheckFindingsAreErrors(t *testing.T) {
	ep := discharged(t, "E1", aftercare.Discharge{Reason: aftercare.ReasonCompleted, Planned: true}, false)
	fs, err := aftercare.Check(ep, aftercare.Plan{}, noWindows(), dischargedOn)
	require.NoError(t, err)
	require.ErrorIs(t, fs.Err(), aftercare.CodePlanMissing)
	ioptest.Blocks(t, fs, aftercare.CodePlanMissing)

	ep = discharged(t, "E1", aftercare.Discharge{Reason: aftercare.ReasonLeftAgainstAdvice}, false)
	fs, err = aftercare.Check(ep, aftercare.Plan{}, noWindows(), dischargedOn)
	require.NoError(t, err)
	ioptest.HasCode(t, fs, aftercare.CodeOutreach)
	require.NoError(t, fs.Err(), "outreach is a warning: it does not block")
}
