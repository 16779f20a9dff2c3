package aftercare

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"slices"
)

// Checker holds discharges and their aftercare plans to one profile's
// rules. Make one with [NewChecker] and use it for any number of
// episodes: it is immutable and safe for concurrent use. The zero Checker
// has no profile; its methods return an error.
type Checker struct {
	r *checker
}

// checker is what a Checker shares between its copies.
type checker struct {
	p        iop.Profile // a copy that shares no memory with the caller's
	followUp FollowUp    // the profile's aftercare part; zero without one
	rules    check.Rules
}

// NewChecker returns a Checker for profile p: the follow-up windows of
// p's [FollowUp] part (none without one), and p.Rules's settings of this
// package's rules (another severity, or the rule turned off). It validates
// p ([iop.Profile.Validate], which checks the codes of the settings once
// for every checker); the error is [iop.FieldErrors] naming the profile's
// fields. The Checker keeps a copy of p: changing p afterwards does not
// change it.
func NewChecker(p iop.Profile) (Checker, error) {
	if err := p.Validate(); err != nil {
		return Checker{}, err
	}
	p = p.Clone()
	rs := check.New(rules[:], &p)
	fu, _ := iop.PartOf[FollowUp](&p)
	return Checker{r: &checker{p: p, followUp: fu, rules: rs}}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Rules returns the rule table as ck's profile applies it: each rule with
// the profile's severity (zero for a rule the profile turns off). A
// follow-up finding names its window in Ref; the window's own citation is
// in the profile. It gives ck's findings their words
// ([iop.RuleTable.Message]). The zero Checker's table is [Rules].
func (ck Checker) Rules() iop.RuleTable {
	if ck.r == nil {
		return Rules()
	}
	return ck.r.rules.Table(nil)
}

// Profile returns a copy of the profile the Checker applies; the zero
// Profile for the zero Checker.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	return ck.r.p.Clone()
}

// CheckDischarge judges the discharge of episode ep and its aftercare plan
// as of day asOf (the library reads no clock), and returns every finding:
// nil when every rule is met. See [Checker.AppendDischarge] for the rules
// and the errors.
func (ck Checker) CheckDischarge(ep Episode, plan Plan, asOf date.Date) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendDischarge(buf[:0], ep, plan, asOf))
}

// AppendDischarge judges the discharge of episode ep and its aftercare
// plan as of day asOf, as [Checker.CheckDischarge] does, and appends the
// findings to dst: a batch reuses one slice. It allocates nothing but the
// growth of dst. The rules, in the order of the findings:
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
//  6. each follow-up window of the profile is met by kept contacts once it
//     has closed ([CodeFollowUpMissed]) and, while open, has enough
//     contacts kept or scheduled ([CodeFollowUpNotScheduled]); the findings
//     of one rule come in the order of the profile's windows. Windows do
//     not apply after a death or a step up to more intensive care.
//
// Findings name the episode's record ID as their Subject; never a name or
// other detail. A finding of a step names the level stepped to as its
// Level. A finding of a follow-up window identifies the window by its name
// as its Ref (the measure's name, "fuh-7", for a window of an
// [Measure]), and carries the window's last day as its Day, the
// contacts needed and counted as Need and Got ([iop.UnitCount]); the
// window's citation (the measure's) is the window's in the profile
// ([FollowUpWindow].Cite), found by that name. A rule the profile turns
// off adds nothing.
//
// The error is [iop.FieldErrors], and dst is returned unchanged, when the
// subject is not one the rules can judge: "episode" wrapping
// [ErrNotDischarged] when ep has no discharge, and "plan.<field>" for each
// error of [Plan.Validate]. An episode is always valid: [Refer], [Replay]
// and [Episode.Apply] refuse what is not. The zero Checker returns an
// error.
func (ck Checker) AppendDischarge(dst iop.Findings, ep Episode, plan Plan, asOf date.Date) (iop.Findings, error) {
	c := ck.r
	if c == nil {
		return dst, check.ZeroChecker()
	}
	ev, ok := ep.DischargeEvent()
	if !ok {
		return dst, iop.FieldErrors{{Field: "episode", Err: ErrNotDischarged}}
	}
	if err := plan.Validate(); err != nil {
		var errs iop.FieldErrors
		errs.Add("plan", err)
		return dst, errs
	}
	if err := c.p.JudgeOn(ev.On); err != nil {
		return dst, err // a discharge is judged by the profile in force on its day
	}
	rs, id, d := &c.rules, ep.ID(), ev.Discharge

	switch {
	case d.Planned && plan.IsZero():
		dst = rs.Add(dst, rulePlanMissing, iop.Finding{Subject: id})
	case d.Planned && plan.Made > ev.On:
		dst = rs.Add(dst, rulePlanLate, iop.Finding{Subject: id, Got: int64(plan.Made - ev.On), Unit: iop.UnitDays})
	}
	if !plan.IsZero() && plan.content() == 0 {
		dst = rs.Add(dst, rulePlanEmpty, iop.Finding{Subject: id})
	}
	if d.Step != 0 && d.ToLevel.Compare(ep.Level()) != d.Step.Want() {
		dst = rs.Add(dst, stepRule(d.Step), iop.Finding{Subject: id, Level: d.ToLevel})
	}
	if d.Reason == DischargeReasonTransferred && d.ReferredTo == "" {
		dst = rs.Add(dst, ruleTransferNoReferral, iop.Finding{Subject: id})
	}
	if ep.CourtOrdered() && d.Reason != DischargeReasonCompleted && d.Reason != DischargeReasonTransferred {
		dst = rs.Add(dst, ruleCourtNotice, iop.Finding{Subject: id})
	}
	if !d.Planned && d.Reason != DischargeReasonDied {
		dst = rs.Add(dst, ruleOutreach, iop.Finding{Subject: id})
	}
	if !followUpApplies(d) || !(rs.On(ruleFollowUpMissed) || rs.On(ruleFollowUpNotScheduled)) {
		return dst, nil
	}
	var buf [maxStackWindows]windowResult
	ws := c.followUp.Windows
	if slices.ContainsFunc(ws, func(w FollowUpWindow) bool { return w.Index != 0 }) {
		// A HEDIS measure counts from its own index event, not the
		// discharge: [Checker.Measure] counts it; the discharge judges the
		// program's windows only.
		ws = slices.DeleteFunc(slices.Clone(ws), func(w FollowUpWindow) bool { return w.Index != 0 })
	}
	results := evalWindows(buf[:0], ws, ev.On, plan.Contacts, asOf)
	for i, r := range results {
		if r.closed && !r.skipped && r.met == 0 {
			dst = rs.Add(dst, ruleFollowUpMissed, windowFinding(id, &ws[i], r, r.kept))
		}
	}
	for i, r := range results {
		if !r.closed && !r.skipped && r.planned < ws[i].Need() {
			dst = rs.Add(dst, ruleFollowUpNotScheduled, windowFinding(id, &ws[i], r, r.planned))
		}
	}
	return dst, nil
}

// windowFinding is the finding of window w, judged as r, about subject id,
// with got contacts: the window's name (the measure's, for a HEDIS
// measure) as its Ref, its last day, its figures and its citation.
func windowFinding(id string, w *FollowUpWindow, r windowResult, got int) iop.Finding {
	return iop.Finding{Subject: id, Day: r.last, Ref: w.Name, Need: int64(w.Need()), Got: int64(got), Unit: iop.UnitCount}
}

// stepRule returns the rule a step that does not go the way it says
// breaks.
func stepRule(s Step) int {
	switch s {
	case StepDown:
		return ruleStepDownNotLower
	case StepUp:
		return ruleStepUpNotHigher
	}
	return ruleLateralChangesIntensity
}
