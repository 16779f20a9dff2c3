package aftercare_test

import (
	"errors"
	"fmt"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// An episode moves from referral to close; each move returns a new
// episode, and a move the state does not allow is refused.
func ExampleRefer() {
	on := date.New(2025, 1, 6)
	ep, _ := aftercare.Refer("E1", on, false)
	ep, _ = ep.Assess(on + 2)
	ep, _ = ep.Admit(on+7, iop.Level21)
	ep, _ = ep.Start(on + 8)
	fmt.Println(ep.State(), ep.State().Moves())

	_, err := ep.BeginAftercare(on + 9)
	fmt.Println(errors.Is(err, aftercare.ErrMoveNotAllowed))

	ep, _ = ep.Discharge(on+63, aftercare.Discharge{
		Reason: aftercare.DischargeReasonCompleted, Planned: true,
		Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "R-77",
	})
	ep, _ = ep.BeginAftercare(on + 64)
	ep, _ = ep.Close(on + 175)
	los, _ := ep.LengthOfStay()
	fmt.Println(ep.State(), ep.Len(), "moves,", los, "days in the program")
	// Output:
	// active [hold discharge]
	// true
	// closed 7 moves, 56 days in the program
}

// A discharge before the admission is refused, and the episode stays as
// it was.
func ExampleEpisode_Discharge() {
	on := date.New(2025, 1, 6)
	ep, _ := aftercare.Refer("E2", on, false)
	ep, _ = ep.Assess(on)
	ep, _ = ep.Admit(on+3, iop.Level21)
	after, err := ep.Discharge(on+1, aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice})
	fmt.Println(err)
	fmt.Println(after.State())
	// Output:
	// aftercare: event 3 (discharge) from admitted: out of order: discharge before admission
	// admitted
}

// A Checker is made once from a profile and judges any number of
// discharges: here a court-ordered patient who left against advice, with
// one follow-up contact on day 9.
func ExampleChecker_CheckDischarge() {
	ck, err := aftercare.NewChecker(asamHEDIS())
	if err != nil {
		panic(err)
	}
	on := date.New(2025, 1, 6)
	ep, _ := aftercare.Refer("E3", on, true)
	ep, _ = ep.Assess(on)
	ep, _ = ep.Admit(on, iop.Level21)
	ep, _ = ep.Start(on + 1)
	discharged := on + 30
	ep, _ = ep.Discharge(discharged, aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice})
	plan := aftercare.Plan{Made: discharged, MutualHelpPerWeek: 3, Contacts: []aftercare.Contact{
		{On: discharged + 9, Status: aftercare.ContactStatusKept},
	}}
	fs, err := ck.CheckDischarge(ep, plan, discharged+60)
	if err != nil {
		panic(err)
	}
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
		fmt.Println("  ", aftercare.Rules().Message(f))
	}
	fmt.Println("blocking:", fs.BlockingErr() != nil)
	// Output:
	// warning aftercare.court-order.notice-due
	//    court-ordered treatment ended before completion: notice is due
	// warning aftercare.unplanned.outreach
	//    an unplanned discharge (other than for death) calls for outreach
	// warning aftercare.follow-up.missed
	//    fewer contacts kept than a follow-up window needs, by its last day on 2025-03-20 (iet-engagement): need 2, got 0
	// warning aftercare.follow-up.missed
	//    fewer contacts kept than a follow-up window needs, by its last day on 2025-02-12 (fui-7): need 1, got 0
	// blocking: false
}

// A follow-up window counts calendar days after the discharge; whether the
// discharge day itself counts differs by measure: a contact on the day of
// an emergency visit counts for FUA, one on the day of a discharge from
// high-intensity care does not count for FUI. The finding names the
// measure, its last day and its figures.
func ExampleChecker_CheckDischarge_sameDay() {
	on := date.New(2025, 3, 3)
	ep, _ := aftercare.Replay("E4", []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: on},
		{Kind: aftercare.EventKindAssess, On: on},
		{Kind: aftercare.EventKindAdmit, On: on, Level: iop.Level21},
		{Kind: aftercare.EventKindDischarge, On: on + 30, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Planned: true}},
	})
	plan := aftercare.Plan{Made: on + 30, Contacts: []aftercare.Contact{{On: on + 30, Status: aftercare.ContactStatusKept}}}
	for _, m := range []aftercare.Measure{aftercare.MeasureFUI7, aftercare.MeasureFUA7} {
		p := asamHEDIS()
		p = p.WithPart(fromDischarge(m)) // a program window shaped like the measure, from the discharge
		ck, err := aftercare.NewChecker(p)
		if err != nil {
			panic(err)
		}
		fs, _ := ck.CheckDischarge(ep, plan, on+60)
		fmt.Printf("%s: %d finding(s)\n", m, len(fs))
		for _, f := range fs {
			w, _ := followUpOf(p).Window(f.Ref)
			fmt.Printf("  %s %s, last day %s, need %d, got %d (%s)\n", f.Code, f.Ref, f.Day, f.Need, f.Got, w.Cite.Source)
		}
	}
	// Output:
	// fui-7: 1 finding(s)
	//   aftercare.follow-up.missed fui-7, last day 2025-04-09, need 1, got 0 (NCQA HEDIS)
	// fua-7: 0 finding(s)
}

// A profile may change the severity of a rule, or turn it off; NewChecker
// refuses a setting of a code the package does not have.
func ExampleNewChecker() {
	cite := iop.Citation{Source: "payer contract", Edition: "2025"}
	p := asamHEDIS()
	p.Rules = []iop.RuleSetting{
		{Code: aftercare.CodeOutreach, Severity: iop.SeverityBlocking, Cite: cite},
		{Code: aftercare.CodeCourtNotice, Off: true, Cite: cite},
	}
	ck, err := aftercare.NewChecker(p)
	if err != nil {
		panic(err)
	}
	on := date.New(2025, 1, 6)
	ep, _ := aftercare.Replay("E6", []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: on, CourtOrdered: true},
		{Kind: aftercare.EventKindAssess, On: on},
		{Kind: aftercare.EventKindAdmit, On: on, Level: iop.Level21},
		{Kind: aftercare.EventKindDischarge, On: on + 20, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}},
	})
	fs, _ := ck.CheckDischarge(ep, aftercare.Plan{}, on+21)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}

	p.Rules = append(p.Rules, iop.RuleSetting{Code: "aftercare.plan.unsigned", Off: true, Cite: cite})
	_, err = aftercare.NewChecker(p)
	fmt.Println(err, errors.Is(err, iop.ErrUnknown))
	// Output:
	// blocking aftercare.unplanned.outreach
	// warning aftercare.follow-up.not-scheduled
	// warning aftercare.follow-up.not-scheduled
	// warning aftercare.follow-up.not-scheduled
	// rules[2].code: unknown value true
}

// Episodes decode from JSON by replaying their history: a history the
// state machine cannot produce is refused, naming the event.
func ExampleParseEpisode() {
	_, err := aftercare.ParseEpisode([]byte(`{"id":"E5","events":[
		{"kind":"refer","on":"2025-01-06"},
		{"kind":"admit","on":"2025-01-07","level":"2.1"}]}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, aftercare.ErrMoveNotAllowed))

	// Decoding reports every error it finds, each at its field.
	_, err = aftercare.ParseEpisode([]byte(`{"id":"E5","events":[
		{"kind":"refer","on":"2025-02-30"},
		{"kind":"transfer","on":"2025-03-01"}]}`))
	fmt.Println(err)
	// Output:
	// events[1]: aftercare: event 1 (admit) from referred: out of order: move not allowed from this state
	// true
	// events[0].on: invalid date
	// events[1].kind: aftercare.EventKind.UnmarshalText: unknown value
}

// Measure counts over many episodes: completion and follow-up rates.
func ExampleChecker_Measure() {
	ck, err := aftercare.NewChecker(medicareHEDIS(ioprules.MedicareIOP2025()))
	if err != nil {
		panic(err)
	}
	on := date.New(2025, 1, 6)
	discharge := func(id string, d aftercare.Discharge) aftercare.Episode {
		ep, _ := aftercare.Replay(id, []aftercare.Event{
			{Kind: aftercare.EventKindRefer, On: on},
			{Kind: aftercare.EventKindAssess, On: on},
			{Kind: aftercare.EventKindAdmit, On: on, Level: iop.Level21},
			{Kind: aftercare.EventKindDischarge, On: on + 45, Discharge: d},
		})
		return ep
	}
	seen := func(days ...int) aftercare.Plan {
		p := aftercare.Plan{Made: on + 40, GroupSessionsPerWeek: 1}
		for _, n := range days {
			p.Contacts = append(p.Contacts, aftercare.Contact{On: on + 45 + date.Date(n), Status: aftercare.ContactStatusKept})
		}
		return p
	}
	done := aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}
	left := aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}
	m, _ := ck.Measure([]aftercare.Case{
		{Episode: discharge("E1", done), Plan: seen(2)},
		{Episode: discharge("E2", done), Plan: seen(12)},
		{Episode: discharge("E3", left)},
		{Episode: discharge("E4", done), Plan: seen(5, 15, 30)},
	}, on+120)
	for _, r := range append(m.FollowUp, m.Completion()) {
		pct, _ := r.Percent()
		fmt.Printf("%-10s %d/%d %.0f%%\n", r.Name, r.Met, r.Eligible, pct)
	}
	// Output:
	// fuh-7      2/4 50%
	// fuh-30     3/4 75%
	// completion 3/4 75%
}

// A case is an episode with its plan, as a batch stores them; ParseCase
// replays the history and validates the plan.
func ExampleParseCase() {
	c, err := aftercare.ParseCase([]byte(`{
		"episode": {"id": "E7", "events": [
			{"kind": "refer", "on": "2025-01-06"},
			{"kind": "assess", "on": "2025-01-06"},
			{"kind": "admit", "on": "2025-01-06", "level": "2.1"},
			{"kind": "discharge", "on": "2025-02-20", "discharge": {"reason": "completed", "planned": true}}]},
		"plan": {"made": "2025-02-18", "counseling_per_month": 2,
			"contacts": [{"on": "2025-02-24", "status": "scheduled"}]}}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(c.Episode.ID(), c.Episode.State(), len(c.Plan.Contacts))

	_, err = aftercare.ParseCase([]byte(`{"episode": null, "plan": {"counseling_per_month": -1}}`))
	fmt.Println(err)
	// Output:
	// E7 discharged 1
	// episode: missing
	// plan.made: missing
	// plan.counseling_per_month: out of range: negative
}

// One step-down record, read by eligibility, schedule and aftercare alike:
// a discharge that steps down to the record's level agrees with it; one
// that names another level does not.
func ExampleChecker_CheckStepDown() {
	ck, _ := aftercare.NewChecker(ioprules.ASAM3Level21())
	on := date.New(2025, 1, 6)
	sd := iop.StepDown{Date: on + 50, From: iop.Level21, To: iop.Level1}
	for _, to := range []iop.Level{iop.Level1, iop.Level05} {
		ep, _ := aftercare.Replay("E1", []aftercare.Event{
			{Kind: aftercare.EventKindRefer, On: on},
			{Kind: aftercare.EventKindAssess, On: on + 2},
			{Kind: aftercare.EventKindAdmit, On: on + 7, Level: iop.Level21},
			{Kind: aftercare.EventKindStart, On: on + 8},
			{Kind: aftercare.EventKindDischarge, On: on + 60, Discharge: aftercare.Discharge{
				Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: to}},
		})
		fs, _ := ck.CheckStepDown(ep, sd)
		fmt.Printf("discharged to %s: %v\n", to, fs.Codes())
	}
	// Output:
	// discharged to 1: []
	// discharged to 0.5: [aftercare.step-down.discharge-mismatch]
}
