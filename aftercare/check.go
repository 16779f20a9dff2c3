package aftercare

import (
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Check judges the discharge of episode ep and its aftercare plan against
// profile p, as of day asOf (the library reads no clock), and returns every
// finding in rule order:
//
//  1. a planned discharge has a plan ([CodePlanMissing]) made by the
//     discharge day ([CodePlanLate]); a plan that is made holds something
//     ([CodePlanEmpty]);
//  2. a step to another level goes the way it says, compared with the level
//     admitted to by [iop.Level.Compare] ([CodeStepDownNotLower],
//     [CodeStepUpNotHigher], [CodeLateralChangesIntensity]);
//  3. a transfer names its referral ([CodeTransferNoReferral]);
//  4. court-ordered treatment that ends other than by completion or
//     transfer is flagged for notice ([CodeCourtNotice]);
//  5. an unplanned discharge, other than for death, calls for outreach
//     ([CodeOutreach]);
//  6. each follow-up window of p.FollowUp, in order, is met by kept
//     contacts once it has closed ([CodeFollowUpMissed]) and, while open,
//     has enough contacts kept or scheduled ([CodeFollowUpNotScheduled]).
//     Windows do not apply after a death or a step up to more intensive
//     care.
//
// Findings name the episode's record ID and figures only. The result is
// nil when every rule is met; Check then does not allocate. p should be
// valid ([iop.Profile.Validate]); Check does not validate it. The error is
// an [*EpisodeError] wrapping [ErrNotDischarged] when ep has no discharge,
// or the errors of [Plan.Validate].
func Check(ep Episode, plan Plan, p iop.Profile, asOf date.Date) (iop.Findings, error) {
	ev, ok := ep.DischargeEvent()
	if !ok {
		return nil, &EpisodeError{Episode: ep.ID(), Err: ErrNotDischarged}
	}
	if err := plan.Validate(); err != nil {
		return nil, err
	}
	id, d := ep.ID(), ev.Discharge
	var fs iop.Findings
	add := func(c iop.Code, cite iop.Citation, need, got int, unit iop.Unit, msg ...string) {
		if fs == nil {
			fs = make(iop.Findings, 0, 4)
		}
		fs = append(fs, iop.Finding{Code: c, Severity: severity(c), Subject: id, Message: message(id, msg...),
			Cite: cite, Need: int64(need), Got: int64(got), Unit: unit})
	}

	switch {
	case d.Planned && plan.IsZero():
		add(CodePlanMissing, citePlan(), 0, 0, 0, "planned discharge without an aftercare plan")
	case d.Planned && plan.Made > ev.On:
		late := int(plan.Made - ev.On)
		unit := " days"
		if late == 1 {
			unit = " day"
		}
		add(CodePlanLate, citePlan(), 0, late, iop.UnitDays, "aftercare plan made ", strconv.Itoa(late), unit, " after the discharge")
	}
	if !plan.IsZero() && plan.content() == 0 {
		add(CodePlanEmpty, citePlan(), 0, 0, 0, "aftercare plan holds no service and no follow-up contact")
	}

	if from := ep.Level(); d.Step != 0 && d.ToLevel.Compare(from) != d.Step.Want() {
		code, what := stepRule(d.Step)
		add(code, citeStep(), from.Intensity(), d.ToLevel.Intensity(), iop.UnitIntensity,
			"step ", d.Step.String(), " from level ", from.String(), " to ", d.ToLevel.String(), " ", what)
	}

	if d.Reason == ReasonTransferred && d.ReferredTo == "" {
		add(CodeTransferNoReferral, citeTEDS(), 0, 0, 0, "transfer names no referral")
	}
	if ep.CourtOrdered() && d.Reason != ReasonCompleted && d.Reason != ReasonTransferred {
		add(CodeCourtNotice, citeCourt(), 0, 0, 0, "court-ordered treatment ended before completion (", d.Reason.String(), "): notice due")
	}
	if !d.Planned && d.Reason != ReasonDied {
		add(CodeOutreach, citeOutreach(), 0, 0, 0, "unplanned discharge (", d.Reason.String(), "): reach out to re-engage")
	}

	if followUpApplies(d) {
		var buf [maxStackWindows]windowResult
		ws := p.FollowUp.Windows
		for i, r := range evalWindows(buf[:0], ws, ev.On, plan.Contacts, asOf) {
			w := ws[i]
			switch {
			case r.skipped || r.met != 0:
				// met, or judged through the window it counts from
			case r.closed:
				add(CodeFollowUpMissed, w.Cite, w.Need(), r.kept, iop.UnitCount,
					"follow-up window ", w.Name, " closed with ", strconv.Itoa(r.kept), " of ", strconv.Itoa(w.Need()), " contacts kept")
			case r.planned < w.Need():
				add(CodeFollowUpNotScheduled, w.Cite, w.Need(), r.planned, iop.UnitCount,
					"follow-up window ", w.Name, " open with ", strconv.Itoa(r.planned), " of ", strconv.Itoa(w.Need()), " contacts kept or scheduled")
			}
		}
	}
	return fs, nil
}

// stepRule returns the code of a step that does not go the way it says,
// and what it does wrong.
func stepRule(s Step) (iop.Code, string) {
	switch s {
	case StepDown:
		return CodeStepDownNotLower, "does not lower the intensity of care"
	case StepUp:
		return CodeStepUpNotHigher, "does not raise the intensity of care"
	}
	return CodeLateralChangesIntensity, "changes the intensity of care"
}

// message returns "episode <id>: " followed by parts, built with one
// allocation.
func message(id string, parts ...string) string {
	n := len("episode : ") + len(id)
	for _, p := range parts {
		n += len(p)
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString("episode ")
	b.WriteString(id)
	b.WriteString(": ")
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}
