package iop_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The fixtures of the group tests: a session on 2025-03-03 of compliant
// adult patients, led by a licensed lead and a co-facilitator, checked
// against a level 2.1 test profile whose group rules each test sets.

var sessionDay = date.New(2025, time.March, 3)

var (
	groupCite   = iop.Citation{Source: "Test Admin. Code 1-2-3"}
	agesCite    = iop.Citation{Source: "Test Admin. Code 1-2-1"}
	profileCite = iop.Citation{Source: "Test Admin. Code"}
)

// testAges are age rules without overlap: adolescents 12 to 17.
func testAges() iop.AgeRules { return iop.AgeRules{AdultAge: 18, MinAge: 12, Cite: agesCite} }

// overlapAges are Illinois's: 18-22 may be adolescents, 16-17 adults.
func overlapAges() iop.AgeRules {
	return iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16, Cite: agesCite}
}

// testProfile returns a level 2.1 profile with rules r (cited) and testAges.
func testProfile(r iop.GroupRules) iop.Profile {
	r.Cite = groupCite
	return iop.Profile{
		ID: "test-groups", Title: "Test group rules", Level: iop.Level21,
		From: date.New(2020, time.January, 1), Source: profileCite,
		Ages: testAges(), Group: r,
	}
}

// patient returns an adult patient who fits every focus the tests use.
func patient(id string) iop.Participant {
	return iop.Participant{
		ID: id, Role: iop.Patient, Age: 34, Gender: iop.GenderWoman, CoOccurring: true,
		Trauma: true, Agreement: true, Level: iop.Level21, Cohort: "es",
	}
}

// session returns open process group G-1 of n patients P-01... led by
// licensed S-1 and co-facilitator S-2.
func session(n int) iop.GroupSession {
	g := iop.GroupSession{
		ID: "G-1", Kind: iop.KindProcess, Enrollment: iop.Open, Date: sessionDay, Minutes: 90,
		Facilitators: []iop.Facilitator{
			{ID: "S-1", Role: iop.Lead, Credential: "LCSW", Licensed: true},
			{ID: "S-2", Role: iop.CoFacilitator, Credential: "CADC"},
		},
	}
	for i := range n {
		g.Participants = append(g.Participants, patient(fmt.Sprintf("P-%02d", i+1)))
	}
	return g
}

const sessionJSON = `{
  "id": "G-7",
  "kind": "relapse-prevention",
  "focus": {"ages": "adult", "gender": "woman", "co_occurring": true},
  "enrollment": "closed",
  "started": "2025-02-03",
  "date": "2025-03-03",
  "minutes": 90,
  "level": "2.1",
  "facilitators": [{"id": "S-1", "role": "lead", "credential": "LCSW", "licensed": true}],
  "participants": [
    {"id": "P-1", "role": "patient", "age": 29, "gender": "woman", "co_occurring": true, "agreement": true, "level": "2.1"},
    {"id": "P-2", "role": "patient", "population": "adult", "gender": "woman", "co_occurring": true, "agreement": true, "joined": "2025-02-03"},
    {"id": "F-1", "role": "family", "gender": "woman", "agreement": true}
  ]
}`

func TestParseGroupSession(t *testing.T) {
	got, err := iop.ParseGroupSession([]byte(sessionJSON))
	require.NoError(t, err)
	want := iop.GroupSession{
		ID: "G-7", Kind: iop.KindRelapsePrevention,
		Focus:      iop.GroupFocus{Ages: iop.FocusAdult, Gender: iop.GenderWoman, CoOccurring: true},
		Enrollment: iop.Closed, Started: date.New(2025, time.February, 3), Date: sessionDay,
		Minutes: 90, Level: iop.Level21,
		Facilitators: []iop.Facilitator{{ID: "S-1", Role: iop.Lead, Credential: "LCSW", Licensed: true}},
		Participants: []iop.Participant{
			{ID: "P-1", Role: iop.Patient, Age: 29, Gender: iop.GenderWoman, CoOccurring: true, Agreement: true, Level: iop.Level21},
			{ID: "P-2", Role: iop.Patient, Population: iop.Adult, Gender: iop.GenderWoman, CoOccurring: true, Agreement: true, Joined: date.New(2025, time.February, 3)},
			{ID: "F-1", Role: iop.Family, Gender: iop.GenderWoman, Agreement: true},
		},
	}
	assert.Equal(t, want, got)
	assert.True(t, want.Equal(got))

	b, err := json.Marshal(got)
	require.NoError(t, err)
	again, err := iop.ParseGroupSession(b)
	require.NoError(t, err)
	assert.True(t, got.Equal(again), "round trip")
}

// TestParseGroupSessionErrors checks that bad input gives a typed error
// naming the field, for each kind of mistake.
func TestParseGroupSessionErrors(t *testing.T) {
	base := func(participants string) string {
		return `{"id":"G-1","kind":"cbt","enrollment":"open","date":"2025-03-03","participants":[` + participants + `]}`
	}
	tests := []struct {
		name  string
		in    string
		field string
		err   error
	}{
		{"participant without record ID", base(`{"role":"patient"}`), "participants[0].id", iop.ErrMissing},
		{"empty record ID", base(`{"id":"P-1","role":"patient"},{"id":"","role":"patient"}`), "participants[1].id", iop.ErrMissing},
		{"duplicate record ID", base(`{"id":"P-1","role":"patient"},{"id":"P-2","role":"patient"},{"id":"P-1","role":"family"}`), "participants[2].id", iop.ErrDuplicateID},
		{"unknown role", base(`{"id":"P-1","role":"visitor"}`), "participants[0].role", iop.ErrUnknownRole},
		{"unknown gender", base(`{"id":"P-1","role":"patient","gender":"F"}`), "participants[0].gender", iop.ErrUnknownGender},
		{"unknown population", base(`{"id":"P-1","role":"patient","population":"child"}`), "participants[0].population", iop.ErrUnknownPopulation},
		{"unknown level", base(`{"id":"P-1","role":"patient","level":"2.2"}`), "participants[0].level", iop.ErrUnknownLevel},
		{"unknown field", base(`{"id":"P-1","role":"patient","name":"Jane"}`), "participants[0].name", iop.ErrUnknownField},
		{"duplicate field", base(`{"id":"P-1","id":"P-2","role":"patient"}`), "participants[0].id", iop.ErrDuplicateField},
		{"age of the wrong type", base(`{"id":"P-1","role":"patient","age":"16"}`), "participants[0].age", iop.ErrSyntax},
		{"impossible joined date", base(`{"id":"P-1","role":"patient","joined":"2025-02-30"}`), "participants[0].joined", iop.ErrInvalidDate},
		{"unknown kind", `{"id":"G-1","kind":"yoga","enrollment":"open","date":"2025-03-03"}`, "kind", iop.ErrUnknownGroupKind},
		{"unknown enrollment", `{"id":"G-1","kind":"cbt","enrollment":"rolling","date":"2025-03-03"}`, "enrollment", iop.ErrUnknownEnrollment},
		{"unknown age focus", `{"id":"G-1","kind":"cbt","focus":{"ages":"teen"},"enrollment":"open","date":"2025-03-03"}`, "focus.ages", iop.ErrUnknownAgeFocus},
		{"unknown facilitator role", `{"id":"G-1","kind":"cbt","enrollment":"open","date":"2025-03-03","facilitators":[{"id":"S-1","role":"boss"}]}`, "facilitators[0].role", iop.ErrUnknownRole},
		{"missing kind", `{"id":"G-1","enrollment":"open","date":"2025-03-03"}`, "kind", iop.ErrMissing},
		{"not JSON", `{"id":`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := iop.ParseGroupSession([]byte(tt.in))
			if tt.err == iop.ErrUnknownGender {
				assert.Equal(t, tt.field+": unknown gender identity", err.Error(), "the value stays out of the message")
			}
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.True(t, g.Equal(iop.GroupSession{}), "ParseGroupSession returns the zero session on error")
		})
	}
}

// TestGroupSessionValidate checks that Validate reports every problem, in
// field order.
func TestGroupSessionValidate(t *testing.T) {
	require.NoError(t, session(12).Validate())

	g := iop.GroupSession{
		Kind:       iop.GroupKind(40),
		Focus:      iop.GroupFocus{Ages: iop.FocusAdolescent, Gender: iop.GenderUndisclosed},
		Enrollment: iop.Closed,
		Date:       sessionDay,
		Minutes:    -5,
		Level:      iop.Level(99),
		Facilitators: []iop.Facilitator{
			{ID: "S-1", Role: iop.Lead},
			{ID: "S-1"},
		},
		Participants: []iop.Participant{
			{ID: "P-1", Role: iop.Patient, Gender: iop.GenderWoman},
			{ID: "P-2", Role: iop.Patient, Age: 131, Gender: iop.GenderWoman, Joined: sessionDay + 1},
			{ID: "P-1", Role: iop.Family},
			{Age: -1, Role: iop.ParticipantRole(9), Population: iop.Population(5), Gender: iop.Gender(7), Level: iop.Level(77)},
		},
	}
	err := g.Validate()
	var errs iop.Errors
	require.ErrorAs(t, err, &errs)
	type fieldErr struct {
		field string
		err   error
	}
	want := []fieldErr{
		{"id", iop.ErrMissing},
		{"kind", iop.ErrUnknownGroupKind},
		{"focus.gender", iop.ErrOutOfRange},
		{"started", iop.ErrMissing},
		{"minutes", iop.ErrNegative},
		{"level", iop.ErrUnknownLevel},
		{"facilitators[1].id", iop.ErrDuplicateID},
		{"facilitators[1].role", iop.ErrMissing},
		{"participants[0].age", iop.ErrMissing},
		{"participants[1].age", iop.ErrOutOfRange},
		{"participants[1].joined", iop.ErrDateOrder},
		{"participants[2].id", iop.ErrDuplicateID},
		{"participants[2].gender", iop.ErrMissing},
		{"participants[3].id", iop.ErrMissing},
		{"participants[3].age", iop.ErrNegative},
		{"participants[3].population", iop.ErrUnknownPopulation},
		{"participants[3].gender", iop.ErrUnknownGender},
		{"participants[3].level", iop.ErrUnknownLevel},
		{"participants[3].role", iop.ErrUnknownRole},
	}
	require.Len(t, errs, len(want))
	for i, w := range want {
		var fe *iop.FieldError
		require.ErrorAs(t, errs[i], &fe, "error %d", i)
		assert.Equal(t, w.field, fe.Field, "error %d", i)
		assert.ErrorIs(t, fe, w.err, "error %d (%s)", i, w.field)
	}
}

func TestGroupSessionValidateDates(t *testing.T) {
	g := session(6)
	g.Enrollment = iop.Closed
	g.Started = sessionDay
	require.NoError(t, g.Validate(), "a closed group may start on the session's day")
	g.Started = sessionDay + 1
	require.ErrorIs(t, g.Validate(), iop.ErrDateOrder)
	g.Started, g.Date = 0, 0
	err := g.Validate()
	var errs iop.Errors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	require.ErrorIs(t, errs[0], iop.ErrMissing, "started")
	assert.ErrorIs(t, errs[1], iop.ErrMissing, "date")
}

// TestGroupSessionValidateLongLists checks duplicate record IDs in lists
// long enough to use a map.
func TestGroupSessionValidateLongLists(t *testing.T) {
	g := session(200)
	require.NoError(t, g.Validate())
	g.Participants[150].ID = g.Participants[7].ID
	err := g.Validate()
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "participants[150].id", fe.Field)
	assert.ErrorIs(t, err, iop.ErrDuplicateID)
}

func TestGroupSessionEqualClone(t *testing.T) {
	g := session(3)
	c := g.Clone()
	assert.True(t, g.Equal(c))
	c.Participants[0].Agreement = false
	assert.False(t, g.Equal(c))
	assert.True(t, g.Participants[0].Agreement, "Clone shares no memory")
	c = g.Clone()
	c.Facilitators = c.Facilitators[:1]
	assert.False(t, g.Equal(c))
	assert.True(t, iop.GroupFocus{}.IsZero())
	assert.False(t, iop.GroupFocus{Cohort: "es"}.IsZero())
}
