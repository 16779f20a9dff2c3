package iop_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// A group session is checked against a profile: here SAMHSA's TIP 47 and
// TIP 41 recommendations (6 to 12 members, a licensed leader, a second
// leader above 10, a confidentiality agreement from each member).
func ExampleGroupSession_Check() {
	g := iop.GroupSession{
		ID: "G-0303", Kind: iop.KindRelapsePrevention, Enrollment: iop.Open,
		Date: date.New(2025, time.March, 3), Minutes: 90,
		Facilitators: []iop.Facilitator{{ID: "S-1", Role: iop.Lead, Credential: "LCSW", Licensed: true}},
	}
	for i := 1; i <= 11; i++ {
		g.Participants = append(g.Participants, iop.Participant{
			ID: fmt.Sprintf("P-%02d", i), Role: iop.Patient, Age: 30 + i, Agreement: i != 4,
		})
	}
	findings, err := g.Check(iop.TIP47())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.Severity, f.Code, f.Message)
	}
	fmt.Println("blocks:", findings.Err() != nil)
	// Output:
	// blocking iop.group-facilitator.co-facilitator-required: group G-0303 has 11 participants who count and 1 facilitator; above 10 a co-facilitator is required
	// blocking iop.group-agreement.missing: patient P-04 has no confidentiality agreement on file for group G-0303
	// blocks: true
}

// A gender-specific, dual-diagnosis group for adults, checked against
// Illinois's ages: a 17-year-old may be served with adults only with the
// justification on file, and a member without a co-occurring condition does
// not fit the group.
func ExampleGroupSession_Check_focus() {
	g := iop.GroupSession{
		ID: "G-W1", Kind: iop.KindCBT, Enrollment: iop.Open, Date: date.New(2025, time.March, 3),
		Focus:        iop.GroupFocus{Ages: iop.FocusAdult, Gender: iop.GenderWoman, CoOccurring: true},
		Facilitators: []iop.Facilitator{{ID: "S-1", Role: iop.Lead, Licensed: true}},
		Participants: []iop.Participant{
			{ID: "P-1", Role: iop.Patient, Age: 17, Gender: iop.GenderWoman, CoOccurring: true},
			{ID: "P-2", Role: iop.Patient, Age: 44, Gender: iop.GenderWoman},
			{ID: "P-3", Role: iop.Patient, Age: 15, Gender: iop.GenderWoman, CoOccurring: true},
		},
	}
	findings, _ := g.Check(iop.IllinoisAges())
	for _, f := range findings {
		fmt.Printf("%s %s (%s)\n", f.Severity, f.Code, f.Subject)
	}
	// Output:
	// warning iop.group-age.exception-undocumented (P-1)
	// blocking iop.group-age.adolescent-in-adult-group (P-3)
	// blocking iop.group-focus.co-occurring-mismatch (P-2)
}

// Bad input is a typed error naming the field, never a finding or a panic.
func ExampleParseGroupSession() {
	_, err := iop.ParseGroupSession([]byte(`{
		"id": "G-1", "kind": "process", "enrollment": "open", "date": "2025-03-03",
		"participants": [
			{"id": "P-1", "role": "patient"},
			{"id": "P-1", "role": "patient"}
		]
	}`))
	var fe *iop.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, "-", errors.Is(err, iop.ErrDuplicateID))
	}
	_, err = iop.ParseGroupSession([]byte(`{"id": "G-1", "kind": "yoga"}`))
	fmt.Println(err)
	// Output:
	// participants[1].id - true
	// kind: iop.ParseGroupKind("yoga"): unknown group kind
}

// A roster is split into groups that comply with a profile: adolescents
// apart from adults, and sizes within the profile's limits. Patients who
// cannot make a group are reported.
func ExampleRoster_Plan() {
	r := iop.Roster{Date: date.New(2025, time.March, 3), Kind: iop.KindProcess}
	for i := 1; i <= 15; i++ {
		r.Patients = append(r.Patients, iop.Participant{ID: fmt.Sprintf("A-%02d", i), Age: 25 + i})
	}
	for i := 1; i <= 4; i++ {
		r.Patients = append(r.Patients, iop.Participant{ID: fmt.Sprintf("T-%d", i), Age: 15})
	}
	plan, err := r.Plan(iop.TIP47())
	for _, g := range plan.Groups {
		fmt.Printf("%s group of %d, %d facilitator(s): %v ... %v\n",
			g.Focus.Ages, len(g.Patients), g.Facilitators, g.Patients[0].ID, g.Patients[len(g.Patients)-1].ID)
	}
	var pe *iop.PlanError
	if errors.As(err, &pe) {
		fmt.Println(pe.Unplaced, pe)
	}
	// Output:
	// adult group of 8, 1 facilitator(s): A-01 ... A-08
	// adult group of 7, 1 facilitator(s): A-09 ... A-15
	// [T-1 T-2 T-3 T-4] iop: 4 of 4 patients: cannot be placed in a compliant group (groups of 6 to 12)
}

// A profile holds a per-kind cap as a set of kinds with its own size:
// Texas caps counseling groups at 16 and education groups at 35.
func ExampleGroupRules_SizeFor() {
	tx := iop.TexasGroups().Group
	for _, k := range []iop.GroupKind{iop.KindProcess, iop.KindPsychoeducation} {
		lo, hi := tx.SizeFor(k)
		fmt.Printf("%s: %d to %d\n", k, lo, hi)
	}
	// Output:
	// process: 0 to 16
	// psychoeducation: 0 to 35
}
