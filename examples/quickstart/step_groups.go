package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
)

var (
	//go:embed sample/group-profile.json
	groupProfileJSON []byte
	//go:embed sample/group-session.json
	groupSessionJSON []byte
	//go:embed sample/group-bad-session.json
	groupBadSessionJSON []byte
	//go:embed sample/group-roster.json
	groupRosterJSON []byte
)

// stepGroups shows the group limits of the built-in profiles, a state's
// group rules loaded from JSON, a group session checked against two
// profiles, a bad session refused, and a roster split into groups.
func stepGroups(w io.Writer) error {
	fmt.Fprintln(w, "== Group limits of the built-in profiles")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  id\tsize\tstaff\tother\tsource")
	for _, p := range ioprules.Builtins() {
		c, ok := iop.PartOf[group.Composition](&p)
		if !ok {
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", p.ID, groupSize(c), groupStaff(c), groupOther(c), c.Cite.Source)
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== A state's group rules from JSON")
	state, err := ioprules.ParseProfile(groupProfileJSON)
	if err != nil {
		return err
	}
	sc, _ := iop.PartOf[group.Composition](&state)
	fmt.Fprintf(w, "  loaded %s: %s; %s; %s\n", state.ID, groupSize(sc), groupStaff(sc), groupOther(sc))
	for _, s := range state.Rules {
		if s.Code.Package() == "group" {
			fmt.Fprintf(w, "  setting: %s %s (%s)\n", s.Code, s.Severity, s.Cite.Source)
		}
	}

	fmt.Fprintln(w, "\n== A group session checked")
	g, err := group.ParseMeeting(groupSessionJSON)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  session %s: %s, %s, %d participants, %d facilitator(s)\n",
		g.ID, g.Kind, g.Enrollment, len(g.Participants), len(g.Facilitators))
	var findings iop.Findings // reused for each profile
	for _, p := range []iop.Profile{ioprules.TIP47(), state} {
		ck, err := group.NewChecker(p)
		if err != nil {
			return err
		}
		findings, err = ck.AppendMeeting(findings[:0], g)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  against %s: %d findings, %d blocking\n", p.ID, len(findings), len(findings.Blocking()))
		for _, f := range findings {
			fmt.Fprintf(w, "    [%s] %s (%s): %s\n", f.Severity, f.Code, f.Subject, ck.Rules().Message(f))
		}
	}

	_, err = group.ParseMeeting(groupBadSessionJSON)
	var errs iop.FieldErrors
	if errors.As(err, &errs) {
		fmt.Fprintf(w, "  refused a session with %d errors:\n", len(errs))
		for _, fe := range errs {
			fmt.Fprintf(w, "    field %q: %v\n", fe.Field, fe.Err)
		}
	}

	fmt.Fprintln(w, "\n== A roster split into groups")
	roster, err := group.ParseRoster(groupRosterJSON)
	if err != nil {
		return err
	}
	ck, err := group.NewChecker(state)
	if err != nil {
		return err
	}
	plan, err := ck.PlanRoster(roster)
	fmt.Fprintf(w, "  %d patients, %s groups under %s, split by population and gender:\n", len(roster.Patients), roster.Kind, state.ID)
	for i, pg := range plan.Groups {
		focus := pg.Focus.Ages.String()
		if pg.Focus.Gender != 0 {
			focus += ", " + pg.Focus.Gender.String()
		}
		staff := strconv.Itoa(pg.Facilitators) + " facilitator(s)"
		if pg.Licensed {
			staff += ", one licensed"
		}
		fmt.Fprintf(w, "    group %d (%s): %d patients, %s: %s\n", i+1, focus, len(pg.Patients), staff, patientIDs(pg.Patients))
	}
	for _, u := range plan.Unplaced {
		fmt.Fprintf(w, "    not placed: %v\n", u)
	}
	fmt.Fprintln(w)
	return nil
}

func groupSize(r group.Composition) string {
	var s string
	switch {
	case r.MinSize > 0 && r.MaxSize > 0:
		s = strconv.Itoa(r.MinSize) + "-" + strconv.Itoa(r.MaxSize)
	case r.MaxSize > 0:
		s = "max " + strconv.Itoa(r.MaxSize)
	case r.MinSize > 0:
		s = "min " + strconv.Itoa(r.MinSize)
	default:
		s = "-"
	}
	if r.EducationMaxSize > 0 {
		s += " (" + r.EducationKinds.String() + " max " + strconv.Itoa(r.EducationMaxSize) + ")"
	}
	return s
}

func groupStaff(r group.Composition) string {
	var parts []string
	if r.RequireLicensed {
		s := "licensed"
		if r.LicensedExempt != 0 {
			s += " (not " + r.LicensedExempt.String() + ")"
		}
		parts = append(parts, s)
	}
	if r.MinFacilitators > 0 {
		parts = append(parts, "min "+strconv.Itoa(r.MinFacilitators)+" staff")
	}
	if r.CoFacilitatorAbove > 0 {
		parts = append(parts, "2nd above "+strconv.Itoa(r.CoFacilitatorAbove))
	}
	if r.MaxPerFacilitator > 0 {
		parts = append(parts, strconv.Itoa(r.MaxPerFacilitator)+" per staff")
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func groupOther(r group.Composition) string {
	var parts []string
	if r.SeparateAges {
		parts = append(parts, "ages apart")
	}
	if r.RequireAgreement {
		parts = append(parts, "agreements")
	}
	if r.CountFamily {
		parts = append(parts, "family counts")
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, ", ")
}

func patientIDs(ps []group.Participant) string {
	ids := make([]string, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return strings.Join(ids, " ")
}
