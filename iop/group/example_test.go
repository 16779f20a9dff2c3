package group_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
)

// A group session is checked against a profile: here SAMHSA's TIP 47 and
// TIP 41 recommendations (6 to 12 members, a licensed leader, a second
// leader above 10, a confidentiality agreement from each member). The TIPs
// are guidance, not rules: the profile's rule settings make these findings
// warnings, so they do not block.
func ExampleChecker_CheckMeeting() {
	ck, err := group.NewChecker(ioprules.TIP47())
	if err != nil {
		fmt.Println(err)
		return
	}
	s := group.Meeting{
		ID: "G-0303", Kind: iop.GroupKindRelapsePrevention, Enrollment: group.EnrollmentOpen,
		Date: date.New(2025, time.April, 7), Minutes: 90,
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Credential: "LCSW", Licensed: true}},
	}
	for i := 1; i <= 11; i++ {
		s.Participants = append(s.Participants, group.Participant{
			ID: fmt.Sprintf("P-%02d", i), Role: group.ParticipantRolePatient, Age: 30 + i, Agreement: i != 4,
		})
	}
	findings, err := ck.CheckMeeting(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s [%s]: %s\n", f.Severity, f.Code, f.Subject, ck.Rules().Message(f))
	}
	fmt.Println("blocks:", findings.BlockingErr() != nil)
	// Output:
	// warning group.facilitator.co-facilitator-required [G-0303]: a second facilitator is needed above the group size the profile names on 2025-04-07: need 2, got 1
	// warning group.agreement.missing [P-04]: a participant has no confidentiality agreement on file on 2025-04-07
	// blocks: false
}

// A contractor's rule binds only where it applies: NGS's LCD L33632 caps
// group psychotherapy (CPT 90853) at 12 patients in NGS's states. A
// program checks its groups against it only where the profile's scope
// covers the program's state.
func ExampleChecker_CheckMeeting_contractor() {
	p := group.NGSGroupPsychotherapy()
	fmt.Println("covers NY:", p.Scope.Covers("NY", 0), "covers TX:", p.Scope.Covers("TX", 0))
	ck, err := group.NewChecker(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := group.Meeting{
		ID: "G-0304", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: date.New(2025, time.March, 4),
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Licensed: true}},
	}
	for i := 1; i <= 13; i++ {
		s.Participants = append(s.Participants, group.Participant{ID: fmt.Sprintf("P-%02d", i), Role: group.ParticipantRolePatient})
	}
	findings, err := ck.CheckMeeting(s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Printf("%s %s [%s]: %s\n", f.Severity, f.Code, f.Subject, ck.Rules().Message(f))
	}
	// Output:
	// covers NY: true covers TX: false
	// blocking group.size.above-maximum [G-0304]: more counted participants than the maximum group size on 2025-03-04: need 12, got 13
}

// A gender-specific, dual-diagnosis group for adults, checked against
// Illinois's ages: a 17-year-old may be served with adults only with the
// justification on file (without it the placement does not meet 77 Ill.
// Adm. Code 2060: blocking), a 15-year-old not at all, and a member
// without a co-occurring condition does not fit the group.
func ExampleChecker_CheckMeeting_focus() {
	ck, _ := group.NewChecker(group.IllinoisAges())
	s := group.Meeting{
		ID: "G-W1", Kind: iop.GroupKindCBT, Enrollment: group.EnrollmentOpen, Date: date.New(2025, time.April, 7),
		Focus:        group.Focus{Ages: group.AgeFocusAdult, Gender: group.GenderWoman, CoOccurring: true},
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Licensed: true}},
		Participants: []group.Participant{
			{ID: "P-1", Role: group.ParticipantRolePatient, Age: 17, Gender: group.GenderWoman, CoOccurring: true},
			{ID: "P-2", Role: group.ParticipantRolePatient, Age: 44, Gender: group.GenderWoman},
			{ID: "P-3", Role: group.ParticipantRolePatient, Age: 15, Gender: group.GenderWoman, CoOccurring: true},
		},
	}
	findings, _ := ck.CheckMeeting(s)
	for _, f := range findings {
		fmt.Printf("%s %s (%s)\n", f.Severity, f.Code, f.Subject)
	}
	// Output:
	// blocking group.age.adolescent-in-adult-group (P-3)
	// blocking group.age.exception-undocumented (P-1)
	// blocking group.focus.co-occurring-mismatch (P-2)
}

// A profile changes how a rule applies with a rule setting: here a program
// that holds a patient of another level of care to be blocking, not a
// warning, and that does not enforce the gender focus.
func ExampleNewChecker_settings() {
	p := ioprules.TIP47()
	p.Rules = []iop.RuleSetting{
		{Code: group.CodeLevelMismatch, Severity: iop.SeverityBlocking, Cite: iop.Citation{Source: "Program policy 7.2"}},
		{Code: group.CodeGenderMismatch, Off: true, Cite: iop.Citation{Source: "Program policy 7.3"}},
	}
	ck, err := group.NewChecker(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	s := group.Meeting{
		ID: "G-1", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: date.New(2025, time.April, 7),
		Focus:        group.Focus{Gender: group.GenderWoman},
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Licensed: true}},
	}
	for i := 1; i <= 6; i++ {
		s.Participants = append(s.Participants, group.Participant{
			ID: fmt.Sprintf("P-%d", i), Role: group.ParticipantRolePatient, Gender: group.GenderWoman, Agreement: true, Level: iop.Level21,
		})
	}
	s.Participants[1].Gender = group.GenderMan
	s.Participants[4].Level = iop.Level25
	findings, _ := ck.CheckMeeting(s)
	for _, f := range findings {
		fmt.Printf("%s %s (%s)\n", f.Severity, f.Code, f.Subject)
	}

	p.Rules[0].Code = "group.level.mis-match"
	_, err = group.NewChecker(p)
	fmt.Println(err)
	// Output:
	// blocking group.level.mismatch (P-5)
	// rules[0].code: unknown value
}

// Bad input is a typed error naming the field, never a finding or a panic;
// the error never holds the rejected text.
func ExampleParseMeeting() {
	_, err := group.ParseMeeting([]byte(`{
		"id": "G-1", "kind": "process", "enrollment": "open", "date": "2025-04-07",
		"participants": [
			{"id": "P-1", "role": "patient"},
			{"id": "P-1", "role": "patient"},
			{"role": "family"}
		]
	}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, iop.ErrDuplicate))

	_, err = group.ParseMeeting([]byte(`{"id": "G-1", "kind": "process", "enrollment": "open", "date": "2025-04-07",
		"participants": [{"id": "P-1", "role": "patient", "gender": "female"}]}`))
	var fe *iop.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field, "-", errors.Is(err, iop.ErrUnknown))
	}
	// Output:
	// participants[1].id: duplicate
	// participants[2].id: missing
	// true
	// participants[0].gender - true
}

// A roster is split into groups that comply with a profile: adolescents
// apart from adults, and sizes within the profile's limits. Patients who
// cannot make a group are reported by record ID.
func ExampleChecker_PlanRoster() {
	ck, _ := group.NewChecker(ioprules.TIP47())
	r := group.Roster{Date: date.New(2025, time.April, 7), Kind: iop.GroupKindProcess}
	for i := 1; i <= 15; i++ {
		r.Patients = append(r.Patients, group.Participant{ID: fmt.Sprintf("A-%02d", i), Age: 25 + i})
	}
	for i := 1; i <= 4; i++ {
		r.Patients = append(r.Patients, group.Participant{ID: fmt.Sprintf("T-%d", i), Age: 15})
	}
	plan, err := ck.PlanRoster(r)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range plan.Groups {
		fmt.Printf("%s group of %d, %d facilitator(s): %v ... %v\n",
			g.Focus.Ages, len(g.Patients), g.Facilitators, g.Patients[0].ID, g.Patients[len(g.Patients)-1].ID)
	}
	for _, u := range plan.Unplaced {
		fmt.Println(u.Patients)
		fmt.Println(u)
	}
	// Output:
	// adult group of 8, 1 facilitator(s): A-01 ... A-08
	// adult group of 7, 1 facilitator(s): A-09 ... A-15
	// [T-1 T-2 T-3 T-4]
	// 4 of 4 patients ("T-1", "T-2", "T-3", "T-4"): cannot be placed in a group within the sizes allowed (groups of 6 to 12)
}

// The rule table lists every code with its default severity.
func ExampleRules() {
	for r := range group.Rules().All() {
		if r.Code == group.CodeFacilitatorsTooFew {
			break
		}
		fmt.Printf("%-30s %s\n", r.Code, r.Severity)
	}
	// Output:
	// group.size.below-minimum       blocking
	// group.size.above-maximum       blocking
}
