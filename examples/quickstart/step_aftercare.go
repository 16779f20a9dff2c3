package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

var (
	//go:embed sample/aftercare-cases.json
	aftercareCasesJSON []byte
	//go:embed sample/aftercare-refused.json
	aftercareRefusedJSON []byte
)

// stepAftercare shows episodes of care decoded from JSON by replaying their
// histories, each discharge and its aftercare plan checked against a
// profile's follow-up windows, the measures over the cohort, and a history
// the state machine refuses.
func stepAftercare(w io.Writer) error {
	var cases []aftercare.Case
	if err := json.Unmarshal(aftercareCasesJSON, &cases); err != nil {
		return err
	}
	profile := ioprules.ASAM3Level21()
	ck, err := aftercare.NewChecker(profile)
	if err != nil {
		return err
	}
	asOf := date.New(2025, 5, 15)

	fmt.Fprintf(w, "== Aftercare: discharges checked against %s as of %s\n", profile.ID, asOf)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  window\tdays\tcontacts\tcounted from\tsource")
	fu, _ := iop.PartOf[aftercare.FollowUp](&profile)
	for _, fw := range fu.Windows {
		first, last := fw.Range(0)
		from := countedFrom(fw)
		fmt.Fprintf(tw, "  %s\t%d-%d\t%d\t%s\t%s\n", fw.Name, first, last, fw.Need(), from, fw.Cite.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, c := range cases {
		ep := c.Episode
		dis, ok := ep.DischargeEvent()
		if !ok {
			fmt.Fprintf(w, "\n  %s  %s, not discharged yet\n", ep.ID(), ep.State())
			continue
		}
		fmt.Fprintf(w, "\n  %s  %s, discharged %s: %s\n", ep.ID(), ep.State(), dis.On, summary(dis.Discharge))
		fs, err := ck.CheckDischarge(ep, c.Plan, asOf)
		if err != nil {
			return err
		}
		if fs == nil {
			fmt.Fprintln(w, "    every rule met")
		}
		for _, f := range fs {
			fmt.Fprintf(w, "    [%s] %s\n      %s\n", f.Severity, f.Code, ck.Rules().Message(f))
		}
	}

	m, err := ck.Measure(cases, asOf)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n== Measures over %d discharges (completed %d, transferred %d, planned %d)\n",
		m.Discharges, m.Completed, m.Transferred, m.Planned)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, r := range append(m.FollowUp, m.Completion()) {
		pct := "-"
		if p, ok := r.Percent(); ok {
			pct = fmt.Sprintf("%.0f%%", p)
		}
		fmt.Fprintf(tw, "  %s\t%d of %d\t%s\n", r.Name, r.Met, r.Eligible, pct)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== A history the state machine refuses")
	_, err = aftercare.ParseEpisode(aftercareRefusedJSON)
	var fe *iop.FieldError
	var me *aftercare.MoveError
	if !errors.As(err, &fe) || !errors.As(err, &me) {
		return fmt.Errorf("refused history: got %v", err)
	}
	fmt.Fprintf(w, "  field %q: %s from %s refused: %v\n", fe.Field, me.Kind, me.From, me.Err)
	fmt.Fprintln(w)
	return nil
}

// summary describes a discharge in a few words.
func summary(d aftercare.Discharge) string {
	s := d.Reason.String()
	if d.Planned {
		s += ", planned"
	} else {
		s += ", unplanned"
	}
	if d.Step != 0 {
		s += ", step " + d.Step.String() + " to " + d.ToLevel.String()
	}
	return s
}

// countedFrom says what a follow-up window counts from: the program's
// discharge for a program's or payer's window (the built-ins' discharge-7
// and discharge-30), a HEDIS measure's own index event otherwise (IET from
// the episode's start, FUI and FUH from the discharge of the level before
// the IOP, FUA and FUM from an emergency department visit), or the contact
// that met an earlier window (IET engagement after initiation).
func countedFrom(fw aftercare.FollowUpWindow) string {
	switch {
	case fw.After != "":
		return fw.After
	case fw.Index == 0:
		return "program discharge"
	}
	return fw.Index.String()
}
