package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

var (
	//go:embed sample/state-profile.json
	stateProfileJSON []byte
	//go:embed sample/bad-profile.json
	badProfileJSON []byte
)

// stepProfiles shows levels of care, the built-in profiles, a state's
// profile loaded from JSON, and the choice of the profile in force on a day.
func stepProfiles(w io.Writer) error {
	fmt.Fprintln(w, "== Levels of care (ASAM 4th edition)")
	for _, l := range iop.Levels(iop.Edition4) {
		fmt.Fprintf(w, "  %-4s %s\n", l, l.Name(iop.Edition4, iop.PopulationAdult))
	}

	fmt.Fprintln(w, "\n== Built-in rule profiles")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  id\tlevel\tfrom\tadult/week\tadolescent/week\tsource")
	for _, p := range ioprules.Builtins() {
		b, _ := iop.PartOf[schedule.Benefit](&p) // the zero Benefit when p has no schedule part
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", p.ID, p.Level, p.From,
			band(b.Weekly.Adult), band(b.Weekly.Adolescent), p.Source.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== A state's profile from JSON")
	state, err := ioprules.ParseProfile(stateProfileJSON)
	if err != nil {
		return err
	}
	sb, _ := iop.PartOf[schedule.Benefit](&state)
	fmt.Fprintf(w, "  loaded %s: adults %s, adolescents %s a week (%s)\n",
		state.ID, band(sb.Weekly.Adult), band(sb.Weekly.Adolescent), sb.Weekly.Cite)

	_, err = ioprules.ParseProfile(badProfileJSON)
	var fe *iop.FieldError
	if errors.As(err, &fe) {
		fmt.Fprintf(w, "  refused a profile: field %q: %v\n", fe.Field, fe.Err)
	}

	fmt.Fprintln(w, "\n== The Medicare IOP profile in force, by calendar year")
	profiles := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()}
	for _, day := range []date.Date{date.New(2024, 12, 31), date.New(2025, 1, 1), date.New(2026, 11, 29)} {
		p, err := profiles.AsOf(iop.Level21, day)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  on %s: %s\n", day, p.ID)
	}
	fmt.Fprintln(w)
	return nil
}

func band(b iop.Band) string {
	switch {
	case b == iop.Band{}:
		return "-"
	case b.Max == 0:
		return b.Min.String() + "+"
	}
	return b.Min.String() + "-" + b.Max.String()
}
