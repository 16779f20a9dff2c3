package iop_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roster returns a roster of process groups on sessionDay with the given
// patients.
func roster(patients ...iop.Participant) iop.Roster {
	return iop.Roster{Date: sessionDay, Kind: iop.KindProcess, Patients: patients}
}

// people returns n patients with IDs prefix-01... of age age and gender g.
func people(prefix string, n, age int, g iop.Gender) []iop.Participant {
	out := make([]iop.Participant, n)
	for i := range out {
		out[i] = iop.Participant{ID: fmt.Sprintf("%s-%02d", prefix, i+1), Age: age, Gender: g, Agreement: true}
	}
	return out
}

// sizes returns the sizes of the plan's groups.
func sizes(pl iop.GroupPlan) []int {
	out := make([]int, len(pl.Groups))
	for i, g := range pl.Groups {
		out[i] = len(g.Patients)
	}
	return out
}

// ids returns the record IDs of ps.
func ids(ps []iop.Participant) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestRosterPlanSizes(t *testing.T) {
	tests := []struct {
		n     int
		rules iop.GroupRules
		want  []int
		left  int
	}{
		{0, sixToTwelve, []int{}, 0},
		{5, sixToTwelve, []int{}, 5},
		{6, sixToTwelve, []int{6}, 0},
		{12, sixToTwelve, []int{12}, 0},
		{13, sixToTwelve, []int{7, 6}, 0},
		{25, sixToTwelve, []int{9, 8, 8}, 0},
		{9, iop.GroupRules{MinSize: 6, MaxSize: 8}, []int{8}, 1},
		{11, iop.GroupRules{MinSize: 6, MaxSize: 8}, []int{8}, 3},
		{12, iop.GroupRules{MinSize: 6, MaxSize: 8}, []int{6, 6}, 0},
		{40, iop.GroupRules{MinSize: 2}, []int{40}, 0},
		{1, iop.GroupRules{MinSize: 2}, []int{}, 1},
		{30, iop.GroupRules{MaxSize: 16}, []int{15, 15}, 0},
		{1, iop.GroupRules{}, []int{1}, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d in %d-%d", tt.n, tt.rules.MinSize, tt.rules.MaxSize), func(t *testing.T) {
			plan, err := roster(people("P", tt.n, 30, iop.GenderWoman)...).Plan(testProfile(tt.rules))
			assert.Equal(t, tt.want, sizes(plan))
			assert.Equal(t, tt.n-tt.left, plan.Placed())
			if tt.left == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, iop.ErrCannotPlace)
			var pe *iop.PlanError
			require.ErrorAs(t, err, &pe)
			assert.Len(t, pe.Unplaced, tt.left)
			assert.Equal(t, tt.n, pe.Patients)
		})
	}
}

func TestRosterPlanSplitsPopulations(t *testing.T) {
	adults := people("A", 14, 30, iop.GenderWoman)
	teens := people("T", 7, 15, iop.GenderMan)
	r := roster(append(append([]iop.Participant{}, adults[:5]...), append(teens, adults[5:]...)...)...)
	plan, err := r.Plan(iop.TIP47())
	require.NoError(t, err)
	require.Len(t, plan.Groups, 3)

	assert.Equal(t, iop.PlannedGroup{
		Kind: iop.KindProcess, Date: sessionDay, Focus: iop.GroupFocus{Ages: iop.FocusAdolescent},
		Patients: withRole(teens), Facilitators: 1, Licensed: true,
	}, plan.Groups[0])
	assert.Equal(t, []string{"A-01", "A-02", "A-03", "A-04", "A-05", "A-06", "A-07"}, ids(plan.Groups[1].Patients))
	assert.Equal(t, []string{"A-08", "A-09", "A-10", "A-11", "A-12", "A-13", "A-14"}, ids(plan.Groups[2].Patients))
	assert.Equal(t, iop.GroupFocus{Ages: iop.FocusAdult}, plan.Groups[2].Focus)
	assert.Equal(t, iop.ParticipantRole(0), r.Patients[0].Role, "the roster's patients are unchanged")
}

// withRole returns ps with Role Patient, as a plan holds them.
func withRole(ps []iop.Participant) []iop.Participant {
	out := make([]iop.Participant, len(ps))
	for i, p := range ps {
		p.Role = iop.Patient
		out[i] = p
	}
	return out
}

func TestRosterPlanByGenderAndCohort(t *testing.T) {
	women := people("W", 8, 30, iop.GenderWoman)
	men := people("M", 7, 30, iop.GenderMan)
	r := roster(append(men, women...)...)
	r.ByGender = true
	plan, err := r.Plan(iop.TIP47())
	require.NoError(t, err)
	require.Len(t, plan.Groups, 2)
	assert.Equal(t, iop.GroupFocus{Ages: iop.FocusAdult, Gender: iop.GenderWoman}, plan.Groups[0].Focus)
	assert.Equal(t, ids(women), ids(plan.Groups[0].Patients))
	assert.Equal(t, iop.GroupFocus{Ages: iop.FocusAdult, Gender: iop.GenderMan}, plan.Groups[1].Focus)

	es := people("E", 6, 30, iop.GenderWoman)
	for i := range es {
		es[i].Cohort = "es"
	}
	r = roster(append(es, women...)...)
	r.ByCohort = true
	plan, err = r.Plan(iop.TIP47())
	require.NoError(t, err)
	require.Len(t, plan.Groups, 2)
	assert.Equal(t, iop.GroupFocus{Ages: iop.FocusAdult}, plan.Groups[0].Focus, "no cohort sorts first")
	assert.Equal(t, iop.GroupFocus{Ages: iop.FocusAdult, Cohort: "es"}, plan.Groups[1].Focus)
}

func TestRosterPlanCannotPlace(t *testing.T) {
	teens := people("T", 3, 15, iop.GenderWoman)
	r := roster(append(people("A", 12, 30, iop.GenderWoman), teens...)...)
	r.Patients = append(r.Patients, iop.Participant{ID: "Y-1", Age: 11})
	plan, err := r.Plan(iop.IllinoisAges())
	assert.Equal(t, []int{3, 12}, sizes(plan), "no size limit: the 3 adolescents make a group")
	require.ErrorIs(t, err, iop.ErrOutOfRange, "Y-1 is below Illinois's 12")

	p := iop.TIP47()
	p.Ages = overlapAges()
	plan, err = r.Plan(p)
	assert.Equal(t, []int{12}, sizes(plan))
	var errs iop.Errors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	var young, few *iop.PlanError
	require.ErrorAs(t, errs[0], &young)
	require.ErrorAs(t, errs[1], &few)
	assert.Equal(t, []string{"Y-1"}, young.Unplaced)
	require.ErrorIs(t, young, iop.ErrOutOfRange)
	assert.Equal(t, "iop: 1 of 1 patients: out of range: younger than the program serves", young.Error())
	assert.Equal(t, &iop.PlanError{Unplaced: []string{"T-01", "T-02", "T-03"}, Patients: 3, MinSize: 6, MaxSize: 12, Err: iop.ErrCannotPlace}, few)
	assert.Equal(t, "iop: 3 of 3 patients: cannot be placed in a compliant group (groups of 6 to 12)", few.Error())
}

func TestPlanErrorMessages(t *testing.T) {
	tests := []struct {
		err  iop.PlanError
		want string
	}{
		{iop.PlanError{Unplaced: []string{"A"}, Patients: 9, MinSize: 6, MaxSize: 8, Err: iop.ErrCannotPlace}, "iop: 1 of 9 patients: cannot be placed in a compliant group (groups of 6 to 8)"},
		{iop.PlanError{Unplaced: []string{"A"}, Patients: 1, MinSize: 2, Err: iop.ErrCannotPlace}, "iop: 1 of 1 patients: cannot be placed in a compliant group (groups of at least 2)"},
		{iop.PlanError{Unplaced: []string{"A"}, Patients: 1, MaxSize: 2, Err: iop.ErrCannotPlace}, "iop: 1 of 1 patients: cannot be placed in a compliant group (groups of at most 2)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
}

func TestRosterPlanInputErrors(t *testing.T) {
	tests := []struct {
		name    string
		roster  iop.Roster
		profile iop.Profile
		field   string
		err     error
	}{
		{"no population", roster(iop.Participant{ID: "P-1", Age: 30}), iop.MedicareIOP2024(), "patients[0].age", iop.ErrMissing},
		{"no gender", iop.Roster{Date: sessionDay, Kind: iop.KindCBT, ByGender: true, Patients: []iop.Participant{{ID: "P-1", Age: 30}}}, iop.TIP47(), "patients[0].gender", iop.ErrMissing},
		{"duplicate ID", roster(iop.Participant{ID: "P-1"}, iop.Participant{ID: "P-1"}), iop.TIP47(), "patients[1].id", iop.ErrDuplicateID},
		{"not a patient", roster(iop.Participant{ID: "F-1", Role: iop.Family}), iop.TIP47(), "patients[0].role", iop.ErrOutOfRange},
		{"unknown role", roster(iop.Participant{ID: "F-1", Role: 9}), iop.TIP47(), "patients[0].role", iop.ErrUnknownRole},
		{"no kind", iop.Roster{Date: sessionDay}, iop.TIP47(), "kind", iop.ErrMissing},
		{"no date", iop.Roster{Kind: iop.KindCBT}, iop.TIP47(), "date", iop.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan, err := tt.roster.Plan(tt.profile)
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Empty(t, plan.Groups)
		})
	}
}

// TestRosterPlanGroupsComply plans random rosters and checks that every
// group formed, staffed as the plan says, complies with the profile, and
// that every patient is placed once or reported.
func TestRosterPlanGroupsComply(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	genders := []iop.Gender{iop.GenderWoman, iop.GenderMan, iop.GenderNonbinary}
	profiles := []iop.Profile{iop.TIP47(), iop.TexasGroups(), iop.IllinoisAges(), iop.WisconsinYouth()}
	for trial := range 200 {
		p := profiles[trial%len(profiles)]
		p.Ages = overlapAges()
		r := iop.Roster{Date: sessionDay, Kind: iop.GroupKindValues()[rng.IntN(11)], ByGender: rng.IntN(2) == 0}
		for i := range rng.IntN(80) {
			r.Patients = append(r.Patients, iop.Participant{
				ID: fmt.Sprintf("P-%d", i), Age: 12 + rng.IntN(60), Gender: genders[rng.IntN(3)], Agreement: true,
			})
		}
		plan, err := r.Plan(p)
		unplaced := 0
		var errs iop.Errors
		if err != nil {
			require.ErrorAs(t, err, &errs)
			for _, e := range errs {
				var pe *iop.PlanError
				require.ErrorAs(t, e, &pe)
				unplaced += len(pe.Unplaced)
			}
		}
		require.Equal(t, len(r.Patients), plan.Placed()+unplaced, "trial %d", trial)
		for i, pg := range plan.Groups {
			template := iop.GroupSession{ID: fmt.Sprintf("G-%d", i), Enrollment: iop.Open}
			for f := range pg.Facilitators {
				template.Facilitators = append(template.Facilitators, iop.Facilitator{ID: fmt.Sprintf("S-%d", f), Role: iop.Lead, Licensed: pg.Licensed})
			}
			fs, err := pg.Session(template).Check(p)
			require.NoError(t, err)
			ioptest.NoFindings(t, fs, "trial %d group %d", trial, i)
		}
	}
}

func TestPlannedGroupSession(t *testing.T) {
	pg := iop.PlannedGroup{
		Kind: iop.KindDBT, Date: sessionDay, Focus: iop.GroupFocus{Ages: iop.FocusAdolescent, Gender: iop.GenderMan},
		Patients: withRole(people("T", 2, 15, iop.GenderMan)), Facilitators: 1,
	}
	template := iop.GroupSession{
		ID: "G-9", Kind: iop.KindCBT, Focus: iop.GroupFocus{Ages: iop.FocusAdult, CoOccurring: true, Cohort: "es"},
		Enrollment: iop.Closed, Started: started, Minutes: 60,
		Facilitators: []iop.Facilitator{{ID: "S-1", Role: iop.Lead}},
		Participants: []iop.Participant{{ID: "X"}},
	}
	got := pg.Session(template)
	assert.Equal(t, iop.GroupSession{
		ID: "G-9", Kind: iop.KindDBT,
		Focus:      iop.GroupFocus{Ages: iop.FocusAdolescent, Gender: iop.GenderMan, CoOccurring: true, Cohort: "es"},
		Enrollment: iop.Closed, Started: started, Date: sessionDay, Minutes: 60,
		Facilitators: []iop.Facilitator{{ID: "S-1", Role: iop.Lead}},
		Participants: pg.Patients,
	}, got)
	got.Participants[0].ID = "changed"
	got.Facilitators[0].ID = "changed"
	assert.Equal(t, "T-01", pg.Patients[0].ID, "the session shares no memory with the plan")
	assert.Equal(t, "S-1", template.Facilitators[0].ID, "nor with the template")
}

func TestParseRoster(t *testing.T) {
	r, err := iop.ParseRoster([]byte(`{"date":"2025-03-03","kind":"cbt","by_gender":true,
		"patients":[{"id":"P-1","age":16,"gender":"man"},{"id":"P-2","role":"patient","population":"adult","gender":"woman"}]}`))
	require.NoError(t, err)
	assert.Equal(t, iop.Roster{Date: sessionDay, Kind: iop.KindCBT, ByGender: true, Patients: []iop.Participant{
		{ID: "P-1", Age: 16, Gender: iop.GenderMan},
		{ID: "P-2", Role: iop.Patient, Population: iop.Adult, Gender: iop.GenderWoman},
	}}, r)

	_, err = iop.ParseRoster([]byte(`{"date":"2025-03-03","kind":"cbt","patients":[{"id":"P-1","gender":"female"}]}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "patients[0].gender", fe.Field)
	require.ErrorIs(t, err, iop.ErrUnknownGender)

	_, err = iop.ParseRoster([]byte(`{"date":"2025-03-03","kind":"cbt","patients":[{"id":"P-1"},{"id":"P-1"}]}`))
	require.ErrorIs(t, err, iop.ErrDuplicateID)
}

func BenchmarkRosterPlan60(b *testing.B) {
	r := roster(append(people("A", 40, 30, iop.GenderWoman), people("T", 20, 15, iop.GenderMan)...)...)
	r.ByGender = true
	p := iop.TIP47()
	b.ReportAllocs()
	for b.Loop() {
		_, _ = r.Plan(p)
	}
}
