// Command episode walks one episode of care from referral to close with
// package aftercare: each move and the state it leads to, a move that is
// refused, the discharge and its aftercare plan checked against a rule
// profile on the discharge day and six weeks later, and the history
// encoded to JSON and decoded back.
//
//	go run ./examples/episode
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
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

// check prints the findings of the discharge and plan as of day asOf.
func check(w io.Writer, ck aftercare.Checker, ep aftercare.Episode, plan aftercare.Plan, asOf date.Date, title string) error {
	fs, err := ck.CheckDischarge(ep, plan, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== Check as of %s: %s\n", asOf, title)
	if fs == nil {
		fmt.Fprintln(w, "  every rule met")
	}
	for _, f := range fs {
		fmt.Fprintf(w, "  [%s] %s %s: %s\n", f.Severity, f.Subject, f.Code, ioprules.Catalog().Message(f))
	}
	return nil
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

	// The plan as made before discharge: two contacts booked.
	plan := aftercare.Plan{
		Made: date.New(2025, 3, 5), GroupSessionsPerWeek: 1, MutualHelpPerWeek: 3, CounselingPerMonth: 2,
		Medication: true, RecoveryCoach: true,
		Contacts: []aftercare.Contact{
			{On: discharged + 3, Status: aftercare.ContactStatusScheduled},
			{On: discharged + 10, Status: aftercare.ContactStatusScheduled},
		},
	}
	if err := check(w, ck, k.ep, plan, discharged, "two contacts booked"); err != nil {
		return err
	}
	plan.Contacts = append(plan.Contacts, aftercare.Contact{On: discharged + 22, Status: aftercare.ContactStatusScheduled})
	if err := check(w, ck, k.ep, plan, discharged, "a third contact booked"); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Into aftercare")
	if err := k.move(aftercare.Event{Kind: aftercare.EventKindAftercare, On: discharged + 1}); err != nil {
		return err
	}
	// Six weeks on: the first two contacts were kept, the third missed.
	plan.Contacts[0].Status = aftercare.ContactStatusKept
	plan.Contacts[1].Status = aftercare.ContactStatusKept
	plan.Contacts[2].Status = aftercare.ContactStatusMissed
	if err := check(w, ck, k.ep, plan, discharged+42, "the third contact missed"); err != nil {
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
