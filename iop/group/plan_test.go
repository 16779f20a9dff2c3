package group_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roster returns a roster of process groups on sessionDay with the given
// patients.
func roster(patients ...group.Participant) group.Roster {
	return group.Roster{Date: sessionDay, Kind: iop.GroupKindProcess, Patients: patients}
}

// people returns n patients with IDs prefix-01... of age age and gender g.
func people(prefix string, n, age int, g group.Gender) []group.Participant {
	out := make([]group.Participant, n)
	for i := range out {
		out[i] = group.Participant{ID: fmt.Sprintf("%s-%02d", prefix, i+1), Age: age, Gender: g, Agreement: true}
	}
	return out
}

// plan plans r under p.
func plan(t testing.TB, p iop.Profile, r group.Roster) (group.Grouping, error) {
	t.Helper()
	return checker(t, p).PlanRoster(r)
}

// sizes returns the sizes of the plan's groups.
func sizes(pl group.Grouping) []int {
	out := make([]int, len(pl.Groups))
	for i, g := range pl.Groups {
		out[i] = len(g.Patients)
	}
	return out
}

// ids returns the record IDs of ps.
func ids(ps []group.Participant) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestPlanRosterSizes(t *testing.T) {
	tests := []struct {
		n     int
		rules group.Composition
		want  []int
		left  int
	}{
		{0, sixToTwelve, []int{}, 0},
		{5, sixToTwelve, []int{}, 5},
		{6, sixToTwelve, []int{6}, 0},
		{12, sixToTwelve, []int{12}, 0},
		{13, sixToTwelve, []int{7, 6}, 0},
		{25, sixToTwelve, []int{9, 8, 8}, 0},
		{9, group.Composition{MinSize: 6, MaxSize: 8}, []int{8}, 1},
		{11, group.Composition{MinSize: 6, MaxSize: 8}, []int{8}, 3},
		{12, group.Composition{MinSize: 6, MaxSize: 8}, []int{6, 6}, 0},
		{40, group.Composition{MinSize: 2}, []int{40}, 0},
		{1, group.Composition{MinSize: 2}, []int{}, 1},
		{30, group.Composition{MaxSize: 16}, []int{15, 15}, 0},
		{1, group.Composition{}, []int{1}, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d in %d-%d", tt.n, tt.rules.MinSize, tt.rules.MaxSize), func(t *testing.T) {
			pl, err := plan(t, testProfile(tt.rules), roster(people("P", tt.n, 30, group.GenderWoman)...))
			require.NoError(t, err, "a roster that cannot be placed in full is a result, not an error")
			assert.Equal(t, tt.want, sizes(pl))
			assert.Equal(t, tt.n-tt.left, pl.Placed())
			if tt.left == 0 {
				assert.Nil(t, pl.Unplaced)
				return
			}
			require.Len(t, pl.Unplaced, 1)
			assert.Len(t, pl.Unplaced[0].Patients, tt.left)
			assert.Equal(t, tt.n, pl.Unplaced[0].Of)
		})
	}
}

func TestPlanRosterSplitsPopulations(t *testing.T) {
	adults := people("A", 14, 30, group.GenderWoman)
	teens := people("T", 7, 15, group.GenderMan)
	r := roster(append(append([]group.Participant{}, adults[:5]...), append(teens, adults[5:]...)...)...)
	pl, err := plan(t, ioprules.TIP47(), r)
	require.NoError(t, err)
	require.Len(t, pl.Groups, 3)

	assert.Equal(t, group.PlannedGroup{
		Kind: iop.GroupKindProcess, Date: sessionDay, Focus: group.Focus{Ages: group.AgeFocusAdolescent},
		Patients: withRole(teens), Facilitators: 1, Licensed: true,
	}, pl.Groups[0])
	assert.Equal(t, []string{"A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07"}, ids(pl.Groups[1].Patients))
	assert.Equal(t, []string{"A-08", "A-09", "A-10", "A-11", "A-12", "A-13", "A-14"}, ids(pl.Groups[2].Patients))
	assert.Equal(t, group.Focus{Ages: group.AgeFocusAdult}, pl.Groups[2].Focus)
	assert.Equal(t, group.ParticipantRole(0), r.Patients[0].Role, "the roster's patients are unchanged")
}

// withRole returns ps with Role Patient, as a plan holds them.
func withRole(ps []group.Participant) []group.Participant {
	out := make([]group.Participant, len(ps))
	for i, p := range ps {
		p.Role = group.ParticipantRolePatient
		out[i] = p
	}
	return out
}

func TestPlanRosterByGenderAndCohort(t *testing.T) {
	women := people("W", 8, 30, group.GenderWoman)
	men := people("M", 7, 30, group.GenderMan)
	r := roster(append(men, women...)...)
	r.ByGender = true
	pl, err := plan(t, ioprules.TIP47(), r)
	require.NoError(t, err)
	require.Len(t, pl.Groups, 2)
	assert.Equal(t, group.Focus{Ages: group.AgeFocusAdult, Gender: group.GenderWoman}, pl.Groups[0].Focus)
	assert.Equal(t, ids(women), ids(pl.Groups[0].Patients))
	assert.Equal(t, group.Focus{Ages: group.AgeFocusAdult, Gender: group.GenderMan}, pl.Groups[1].Focus)

	es := people("E", 6, 30, group.GenderWoman)
	for i := range es {
		es[i].Cohort = "es"
	}
	r = roster(append(es, women...)...)
	r.ByCohort = true
	pl, err = plan(t, ioprules.TIP47(), r)
	require.NoError(t, err)
	require.Len(t, pl.Groups, 2)
	assert.Equal(t, group.Focus{Ages: group.AgeFocusAdult}, pl.Groups[0].Focus, "no cohort sorts first")
	assert.Equal(t, group.Focus{Ages: group.AgeFocusAdult, Cohort: "es"}, pl.Groups[1].Focus)
}

func TestPlanRosterCannotPlace(t *testing.T) {
	teens := people("T", 3, 15, group.GenderWoman)
	r := roster(append(people("A", 12, 30, group.GenderWoman), teens...)...)
	r.Patients = append(r.Patients, group.Participant{ID: "Y-1", Age: 11})
	pl, err := plan(t, group.IllinoisAges(), r)
	require.NoError(t, err)
	assert.Equal(t, []int{3, 12}, sizes(pl), "no size limit: the 3 adolescents make a group")
	assert.Equal(t, []group.Unplaced{{Patients: []string{"Y-1"}, Of: 1, TooYoung: true}}, pl.Unplaced, "Y-1 is below Illinois's 12")

	p := ioprules.TIP47()
	p.Ages = overlapAges()
	pl, err = plan(t, p, r)
	require.NoError(t, err)
	assert.Equal(t, []int{12}, sizes(pl))
	assert.Equal(t, []group.Unplaced{
		{Patients: []string{"Y-1"}, Of: 1, TooYoung: true},
		{Patients: []string{"T-01", "T-02", "T-03"}, Of: 3, MinSize: 6, MaxSize: 12},
	}, pl.Unplaced)
	assert.Equal(t, `1 of 1 patients ("Y-1"): younger than the program serves`, pl.Unplaced[0].String())
	assert.Equal(t, `3 of 3 patients ("T-01", "T-02", "T-03"): cannot be placed in a group within the sizes allowed (groups of 6 to 12)`, pl.Unplaced[1].String())
	assert.Equal(t, []string{"Y-1", "T-01", "T-02", "T-03"}, pl.UnplacedIDs())
}

func TestUnplacedString(t *testing.T) {
	tests := []struct {
		u    group.Unplaced
		want string
	}{
		{group.Unplaced{Patients: []string{"A"}, Of: 9, MinSize: 6, MaxSize: 8}, `1 of 9 patients ("A"): cannot be placed in a group within the sizes allowed (groups of 6 to 8)`},
		{group.Unplaced{Patients: []string{"A"}, Of: 1, MinSize: 2}, `1 of 1 patients ("A"): cannot be placed in a group within the sizes allowed (groups of at least 2)`},
		{group.Unplaced{Patients: []string{"A"}, Of: 1, MaxSize: 2}, `1 of 1 patients ("A"): cannot be placed in a group within the sizes allowed (groups of at most 2)`},
		{group.Unplaced{Patients: []string{"A\"\n"}, Of: 1, TooYoung: true}, `1 of 1 patients ("A\"\n"): younger than the program serves`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.u.String())
	}
	assert.Nil(t, group.Grouping{}.UnplacedIDs())
}

func TestPlanRosterInputErrors(t *testing.T) {
	tests := []struct {
		name    string
		roster  group.Roster
		profile iop.Profile
		field   string
		err     error
	}{
		{"no population", roster(group.Participant{ID: "P-1", Age: 30}), ioprules.MedicareIOP2024(), "patients[0].age", iop.ErrMissing},
		{"no gender", group.Roster{Date: sessionDay, Kind: iop.GroupKindCBT, ByGender: true, Patients: []group.Participant{{ID: "P-1", Age: 30}}}, ioprules.TIP47(), "patients[0].gender", iop.ErrMissing},
		{"duplicate ID", roster(group.Participant{ID: "P-1"}, group.Participant{ID: "P-1"}), ioprules.TIP47(), "patients[1].id", iop.ErrDuplicate},
		{"not a patient", roster(group.Participant{ID: "F-1", Role: group.ParticipantRoleFamily}), ioprules.TIP47(), "patients[0].role", iop.ErrOutOfRange},
		{"unknown role", roster(group.Participant{ID: "F-1", Role: 9}), ioprules.TIP47(), "patients[0].role", iop.ErrUnknown},
		{"no kind", group.Roster{Date: sessionDay}, ioprules.TIP47(), "kind", iop.ErrMissing},
		{"no date", group.Roster{Kind: iop.GroupKindCBT}, ioprules.TIP47(), "date", iop.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl, err := plan(t, tt.profile, tt.roster)
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Empty(t, pl.Groups)
		})
	}
}

// TestPlanRosterGroupsComply plans random rosters and checks that every
// group formed, staffed as the plan says, complies with the profile, and
// that every patient is placed once or reported.
func TestPlanRosterGroupsComply(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	genders := []group.Gender{group.GenderWoman, group.GenderMan, group.GenderNonbinary}
	profiles := []iop.Profile{ioprules.TIP47(), group.TexasGroups(), group.IllinoisAges(), group.WisconsinYouth()}
	kinds := iop.All[iop.GroupKind]()
	for trial := range 200 {
		p := profiles[trial%len(profiles)]
		p.Ages = overlapAges()
		ck := checker(t, p)
		r := group.Roster{Date: sessionDay, Kind: kinds[rng.IntN(len(kinds))], ByGender: rng.IntN(2) == 0}
		for i := range rng.IntN(80) {
			r.Patients = append(r.Patients, group.Participant{
				ID: fmt.Sprintf("P-%d", i), Age: 12 + rng.IntN(60), Gender: genders[rng.IntN(3)], Agreement: true,
			})
		}
		pl, err := ck.PlanRoster(r)
		require.NoError(t, err)
		require.Equal(t, len(r.Patients), pl.Placed()+len(pl.UnplacedIDs()), "trial %d", trial)
		for i, pg := range pl.Groups {
			template := group.Meeting{ID: fmt.Sprintf("G-%d", i), Enrollment: group.EnrollmentOpen}
			for f := range pg.Facilitators {
				template.Facilitators = append(template.Facilitators, group.Facilitator{ID: fmt.Sprintf("S-%d", f), Role: group.FacilitatorRoleLead, Licensed: pg.Licensed})
			}
			fs := check(t, p, pg.Meeting(template))
			ioptest.NoFindings(t, fs, "trial %d group %d", trial, i)
		}
	}
}

func TestPlannedGroupSession(t *testing.T) {
	pg := group.PlannedGroup{
		Kind: iop.GroupKindDBT, Date: sessionDay, Focus: group.Focus{Ages: group.AgeFocusAdolescent, Gender: group.GenderMan},
		Patients: withRole(people("T", 2, 15, group.GenderMan)), Facilitators: 1,
	}
	template := group.Meeting{
		ID: "G-9", Kind: iop.GroupKindCBT, Focus: group.Focus{Ages: group.AgeFocusAdult, CoOccurring: true, Cohort: "es"},
		Enrollment: group.EnrollmentClosed, Started: started, Minutes: 60,
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead}},
		Participants: []group.Participant{{ID: "X"}},
	}
	got := pg.Meeting(template)
	assert.Equal(t, group.Meeting{
		ID: "G-9", Kind: iop.GroupKindDBT,
		Focus:      group.Focus{Ages: group.AgeFocusAdolescent, Gender: group.GenderMan, CoOccurring: true, Cohort: "es"},
		Enrollment: group.EnrollmentClosed, Started: started, Date: sessionDay, Minutes: 60,
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead}},
		Participants: pg.Patients,
	}, got)
	got.Participants[0].ID = "changed"
	got.Facilitators[0].ID = "changed"
	assert.Equal(t, "T-01", pg.Patients[0].ID, "the session shares no memory with the plan")
	assert.Equal(t, "S-1", template.Facilitators[0].ID, "nor with the template")
}

func TestParseRoster(t *testing.T) {
	r, err := group.ParseRoster([]byte(`{"date":"2025-04-07","kind":"cbt","by_gender":true,
		"patients":[{"id":"P-1","age":16,"gender":"man"},{"id":"P-2","role":"patient","population":"adult","gender":"woman"}]}`))
	require.NoError(t, err)
	assert.Equal(t, group.Roster{Date: sessionDay, Kind: iop.GroupKindCBT, ByGender: true, Patients: []group.Participant{
		{ID: "P-1", Age: 16, Gender: group.GenderMan},
		{ID: "P-2", Role: group.ParticipantRolePatient, Population: iop.PopulationAdult, Gender: group.GenderWoman},
	}}, r)

	_, err = group.ParseRoster([]byte(`{"date":"2025-04-07","kind":"cbt","patients":[{"id":"P-1","gender":"female"}]}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "patients[0].gender", fe.Field)
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.NotContains(t, err.Error(), "female")

	_, err = group.ParseRoster([]byte(`{"date":"2025-04-07","kind":"cbt","patients":[{"id":"P-1"},{"id":"P-1"}]}`))
	require.ErrorIs(t, err, iop.ErrDuplicate)
}

// TestPlanJSON: a plan, its groups and the patients it left out
// round-trip through JSON, strictly.
func TestPlanJSON(t *testing.T) {
	r := roster(people("P", 14, 30, group.GenderWoman)...)
	r.Patients = append(r.Patients, group.Participant{ID: "Y-1", Age: 11})
	p := ioprules.TIP47()
	p.Ages = overlapAges()
	pl, err := plan(t, p, r)
	require.NoError(t, err)
	require.NotEmpty(t, pl.Unplaced)
	b, err := json.Marshal(pl)
	require.NoError(t, err)
	var back group.Grouping
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, pl, back)
	err = back.UnmarshalJSON([]byte(`{"groups":[],"extra":1}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "#1", fe.Field)
	assert.Equal(t, pl, back, "unchanged on error")
}
