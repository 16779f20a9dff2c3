// Command episode walks one episode of care from referral to close with
// package aftercare: each move and the state it leads to, a move that is
// refused, the discharge and its aftercare plan checked against a rule
// profile's follow-up windows on the discharge day and six weeks later
// (a contact booked a day after the 7-day window, then one on its last
// day, then that one missed: each finding with its severity, code and
// source), and the history encoded to JSON and decoded back.
//
//	go run ./examples/episode
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

func main() { os.Exit(run(os.Stdout, os.Stderr, ioprules.ASAM3Level21())) }

// run walks the episode under profile, writing it to stdout, and returns
// the exit status: 0, or 1 with the error on stderr.
func run(stdout, stderr io.Writer, profile iop.Profile) int {
	if err := walk(stdout, profile); err != nil {
		fmt.Fprintln(stderr, "episode:", err)
		return 1
	}
	return 0
}

// walker makes moves and prints each one.
type walker struct {
	w  io.Writer
	ep aftercare.Episode
}

// move applies ev, printing the move and the state it leads to.
func (k *walker) move(ev aftercare.Event) error {
	next, err := k.ep.Apply(ev)
	if err != nil {
		return err
	}
	k.ep = next
	printMove(k.w, ev, next.State())
	return nil
}

func printMove(w io.Writer, ev aftercare.Event, to aftercare.State) {
	line := fmt.Sprintf("  %s  %-9s -> %-12s %s", ev.On, ev.Kind, to, detail(ev))
	fmt.Fprintln(w, strings.TrimRight(line, " "))
}

// refuse tries ev, which must be refused, and prints why.
func (k *walker) refuse(ev aftercare.Event) error {
	after, err := k.ep.Apply(ev)
	if err == nil {
		return fmt.Errorf("%s was not refused", ev.Kind)
	}
	fmt.Fprintf(k.w, "  %s  %-9s refused: %v (still %s)\n", ev.On, ev.Kind, err, after.State())
	return nil
}

func detail(ev aftercare.Event) string {
	switch ev.Kind {
	case aftercare.EventKindRefer:
		if ev.CourtOrdered {
			return "court-ordered"
		}
	case aftercare.EventKindAdmit:
		return "level " + ev.Level.String()
	case aftercare.EventKindDischarge:
		d := ev.Discharge
		s := fmt.Sprintf("%s (TEDS-D %d)", d.Reason, d.Reason.TEDS())
		if d.Planned {
			s += ", planned"
		}
		if d.Step != 0 {
			s += ", step " + d.Step.String() + " to level " + d.ToLevel.String()
		}
		return s
	}
	return ""
}

// check prints the findings of the discharge and plan as of day asOf,
// each with its severity, code, words and source: a follow-up window's
// finding cites the window of the checker's profile it names (Ref), any
// other the rule as the profile applies it.
func check(w io.Writer, ck aftercare.Checker, ep aftercare.Episode, plan aftercare.Plan, asOf date.Date, title string) error {
	fs, err := ck.CheckDischarge(ep, plan, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== Check as of %s: %s\n", asOf, title)
	if fs == nil {
		fmt.Fprintln(w, "  every rule met")
	}
	p := ck.Profile()
	fu, _ := iop.PartOf[aftercare.FollowUp](&p)
	rules := ck.Rules()
	for _, f := range fs {
		fmt.Fprintf(w, "  [%s] %s %s: %s\n", f.Severity, f.Subject, f.Code, rules.Message(f))
		fmt.Fprintf(w, "    source: %s\n", cite(rules, fu, f))
	}
	return nil
}

// cite returns the source of finding f: the window of fu it names, or the
// rule of rules it breaks.
func cite(rules iop.RuleTable, fu aftercare.FollowUp, f iop.Finding) iop.Citation {
	if fw, ok := fu.Window(f.Ref); f.Ref != "" && ok {
		return fw.Cite
	}
	r, _ := rules.Rule(f.Code)
	return r.Cite
}

// walk walks the episode from referral to close under profile, the
// discharge checked against its aftercare rules.
func walk(w io.Writer, profile iop.Profile) error {
	ck, err := aftercare.NewChecker(profile)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "== Episode E-1001 under profile %s\n", profile.ID)
	k := &walker{w: w}
	if k.ep, err = aftercare.Refer("E-1001", date.New(2025, 1, 6), true); err != nil {
		return err
	}
	first, _ := k.ep.Last()
	printMove(w, first, k.ep.State())

	discharged := date.New(2025, 3, 10)
	steps := []struct {
		ev     aftercare.Event
		refuse bool
	}{
		{ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: date.New(2025, 1, 7), Level: iop.Level21}, refuse: true},
		{ev: aftercare.Event{Kind: aftercare.EventKindAssess, On: date.New(2025, 1, 8)}},
		{ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: date.New(2025, 1, 13), Level: iop.Level21}},
		{ev: aftercare.Event{Kind: aftercare.EventKindStart, On: date.New(2025, 1, 14)}},
		{ev: aftercare.Event{Kind: aftercare.EventKindHold, On: date.New(2025, 2, 3)}},
		{ev: aftercare.Event{Kind: aftercare.EventKindResume, On: date.New(2025, 1, 31)}, refuse: true},
		{ev: aftercare.Event{Kind: aftercare.EventKindResume, On: date.New(2025, 2, 10)}},
		{ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: discharged, Discharge: aftercare.Discharge{
			Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "REF-88",
		}}},
	}
	for _, s := range steps {
		if s.refuse {
			err = k.refuse(s.ev)
		} else {
			err = k.move(s.ev)
		}
		if err != nil {
			return err
		}
	}

	// The plan as made before discharge. The profile's follow-up windows
	// (discharge-7 and discharge-30) count the days after the discharge
	// day, which itself does not count, as HEDIS FUH and FUI do: day
	// discharged+1 to discharged+7 (2025-03-11 to 2025-03-17) and to
	// discharged+30 (2025-04-09), both ends in the window. Two contacts
	// booked on days 8 and 15: the first falls one day after the 7-day
	// window, so that window is short of a contact (not scheduled) while
	// the 30-day one is covered.
	plan := aftercare.Plan{
		Made: date.New(2025, 3, 5), GroupSessionsPerWeek: 1, MutualHelpPerWeek: 3, CounselingPerMonth: 2,
		Medication: true, RecoveryCoach: true,
		Contacts: []aftercare.Contact{
			{On: discharged + 8, Status: aftercare.ContactStatusScheduled},
			{On: discharged + 15, Status: aftercare.ContactStatusScheduled},
		},
	}
	if err := check(w, ck, k.ep, plan, discharged, "two contacts booked, the first on day 8"); err != nil {
		return err
	}
	// A third contact booked on day 7, the 7-day window's last day (it
	// counts): every window has its contact. Contacts are in date order.
	plan.Contacts = slices.Insert(plan.Contacts, 0, aftercare.Contact{On: discharged + 7, Status: aftercare.ContactStatusScheduled})
	if err := check(w, ck, k.ep, plan, discharged, "a third contact booked on day 7"); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Into aftercare")
	if err := k.move(aftercare.Event{Kind: aftercare.EventKindAftercare, On: discharged + 1}); err != nil {
		return err
	}
	// Six weeks on, both windows have closed: the day-7 contact was missed
	// and the day-8 one kept, a day late for the 7-day window (missed) but
	// in the 30-day one (met), as is the day-15 one.
	plan.Contacts[0].Status = aftercare.ContactStatusMissed
	plan.Contacts[1].Status = aftercare.ContactStatusKept
	plan.Contacts[2].Status = aftercare.ContactStatusKept
	if err := check(w, ck, k.ep, plan, discharged+42, "the day-7 contact missed, days 8 and 15 kept"); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Closed")
	if err := k.move(aftercare.Event{Kind: aftercare.EventKindClose, On: date.New(2025, 6, 30)}); err != nil {
		return err
	}
	if err := k.refuse(aftercare.Event{Kind: aftercare.EventKindAftercare, On: date.New(2025, 7, 1)}); err != nil {
		return err
	}
	los, _ := k.ep.LengthOfStay()
	fmt.Fprintf(w, "  %d moves; %d days from admission to discharge\n", k.ep.Len(), los)

	b, err := json.Marshal(k.ep)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\n== The history as JSON, decoded back by replaying it")
	fmt.Fprintf(w, "  %s\n", strings.ReplaceAll(string(b), `},{`, "},\n   {"))
	back, err := aftercare.ParseEpisode(b)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  decoded: %s, equal to the original: %t\n", back.State(), back.Equal(k.ep))
	return nil
}
