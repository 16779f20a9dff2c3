package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSession(t *testing.T) {
	got, err := group.ParseMeeting([]byte(sessionJSON))
	require.NoError(t, err)
	want := group.Meeting{
		ID: "G-7", Kind: iop.GroupKindRelapsePrevention,
		Focus:      group.Focus{Ages: group.AgeFocusAdult, Gender: group.GenderWoman, CoOccurring: true},
		Enrollment: group.EnrollmentClosed, Started: date.New(2025, time.February, 3), Date: sessionDay,
		Minutes: 90, Level: iop.Level21,
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Credential: "LCSW", Licensed: true}},
		Participants: []group.Participant{
			{ID: "P-1", Role: group.ParticipantRolePatient, Age: 29, Gender: group.GenderWoman, CoOccurring: true, Agreement: true, Level: iop.Level21},
			{ID: "P-2", Role: group.ParticipantRolePatient, Population: iop.PopulationAdult, Gender: group.GenderWoman, CoOccurring: true, Agreement: true, Joined: date.New(2025, time.February, 3)},
			{ID: "F-1", Role: group.ParticipantRoleFamily, Gender: group.GenderWoman, Agreement: true},
		},
	}
	assert.Equal(t, want, got)
	assert.True(t, want.Equal(got))

	b, err := json.Marshal(got)
	require.NoError(t, err)
	again, err := group.ParseMeeting(b)
	require.NoError(t, err)
	assert.True(t, got.Equal(again), "round trip")
}

// TestParseSessionErrors checks that bad input gives a typed error naming
// the field, for each kind of mistake, and never the input's text.
func TestParseSessionErrors(t *testing.T) {
	base := func(participants string) string {
		return `{"id":"G-1","kind":"cbt","enrollment":"open","date":"2025-04-07","participants":[` + participants + `]}`
	}
	tests := []struct {
		name  string
		in    string
		field string
		err   error
	}{
		{"participant without record ID", base(`{"role":"patient"}`), "participants[0].id", iop.ErrMissing},
		{"empty record ID", base(`{"id":"P-1","role":"patient"},{"id":"","role":"patient"}`), "participants[1].id", iop.ErrMissing},
		{"duplicate record ID", base(`{"id":"P-1","role":"patient"},{"id":"P-2","role":"patient"},{"id":"P-1","role":"family"}`), "participants[2].id", iop.ErrDuplicate},
		{"unknown role", base(`{"id":"P-1","role":"visitor"}`), "participants[0].role", iop.ErrUnknown},
		{"unknown gender", base(`{"id":"P-1","role":"patient","gender":"female"}`), "participants[0].gender", iop.ErrUnknown},
		{"unknown population", base(`{"id":"P-1","role":"patient","population":"child"}`), "participants[0].population", iop.ErrUnknown},
		{"unknown level", base(`{"id":"P-1","role":"patient","level":"2.2"}`), "participants[0].level", iop.ErrUnknown},
		{"unknown field", base(`{"id":"P-1","role":"patient","name":"Jane"}`), "participants[0].#2", iop.ErrUnknownField},
		{"duplicate field", base(`{"id":"P-1","id":"P-2","role":"patient"}`), "participants[0].id", iop.ErrDuplicate},
		{"age of the wrong type", base(`{"id":"P-1","role":"patient","age":"16"}`), "participants[0].age", iop.ErrSyntax},
		{"impossible joined date", base(`{"id":"P-1","role":"patient","joined":"2025-02-30"}`), "participants[0].joined", iop.ErrInvalidDate},
		{"minutes as a number", `{"id":"G-1","kind":"cbt","enrollment":"open","date":"2025-04-07","minutes":90}`, "minutes", iop.ErrSyntax},
		{"unknown kind", `{"id":"G-1","kind":"yoga","enrollment":"open","date":"2025-04-07"}`, "kind", iop.ErrUnknown},
		{"unknown enrollment", `{"id":"G-1","kind":"cbt","enrollment":"rolling","date":"2025-04-07"}`, "enrollment", iop.ErrUnknown},
		{"unknown age focus", `{"id":"G-1","kind":"cbt","focus":{"ages":"teen"},"enrollment":"open","date":"2025-04-07"}`, "focus.ages", iop.ErrUnknown},
		{"unknown facilitator role", `{"id":"G-1","kind":"cbt","enrollment":"open","date":"2025-04-07","facilitators":[{"id":"S-1","role":"boss"}]}`, "facilitators[0].role", iop.ErrUnknown},
		{"missing kind", `{"id":"G-1","enrollment":"open","date":"2025-04-07"}`, "kind", iop.ErrMissing},
		{"not JSON", `{"id":`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := group.ParseMeeting([]byte(tt.in))
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.True(t, s.Equal(group.Meeting{}), "ParseSession returns the zero session on error")
			for _, secret := range []string{"female", "visitor", "child", "Jane", "yoga", "rolling", "teen", "boss", "2.2", "02-30"} {
				assert.NotContains(t, err.Error(), secret)
			}
		})
	}
}

// TestSessionValidate checks that Validate reports every problem, in field
// order.
func TestSessionValidate(t *testing.T) {
	require.NoError(t, session(12).Validate())

	s := group.Meeting{
		Kind:       iop.GroupKind(40),
		Focus:      group.Focus{Ages: group.AgeFocusAdolescent, Gender: group.GenderUndisclosed},
		Enrollment: group.EnrollmentClosed,
		Date:       sessionDay,
		Minutes:    -5,
		Level:      iop.Level(99),
		Facilitators: []group.Facilitator{
			{ID: "S-1", Role: group.FacilitatorRoleLead},
			{ID: "S-1"},
		},
		Participants: []group.Participant{
			{ID: "P-1", Role: group.ParticipantRolePatient, Gender: group.GenderWoman},
			{ID: "P-2", Role: group.ParticipantRolePatient, Age: 131, Gender: group.GenderWoman, Joined: sessionDay + 1},
			{ID: "P-1", Role: group.ParticipantRoleFamily},
			{Age: -1, Role: group.ParticipantRole(9), Population: iop.Population(5), Gender: group.Gender(7), Level: iop.Level(77)},
		},
	}
	err := s.Validate()
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	type fieldErr struct {
		field string
		err   error
	}
	want := []fieldErr{
		{"id", iop.ErrMissing},
		{"kind", iop.ErrUnknown},
		{"focus.gender", iop.ErrOutOfRange},
		{"started", iop.ErrMissing},
		{"minutes", iop.ErrOutOfRange},
		{"level", iop.ErrUnknown},
		{"facilitators[1].id", iop.ErrDuplicate},
		{"facilitators[1].role", iop.ErrMissing},
		{"participants[0].age", iop.ErrMissing},
		{"participants[1].age", iop.ErrOutOfRange},
		{"participants[1].joined", iop.ErrOrder},
		{"participants[2].id", iop.ErrDuplicate},
		{"participants[2].gender", iop.ErrMissing},
		{"participants[3].id", iop.ErrMissing},
		{"participants[3].age", iop.ErrOutOfRange},
		{"participants[3].population", iop.ErrUnknown},
		{"participants[3].gender", iop.ErrUnknown},
		{"participants[3].level", iop.ErrUnknown},
		{"participants[3].role", iop.ErrUnknown},
	}
	require.Len(t, errs, len(want), "%v", err)
	for i, w := range want {
		assert.Equal(t, w.field, errs[i].Field, "error %d", i)
		require.ErrorIs(t, errs[i], w.err, "error %d (%s)", i, w.field)
	}
	assert.Equal(t, "focus.gender: out of range: a group cannot be for undisclosed gender", errs[2].Error())
}

func TestSessionValidateBounds(t *testing.T) {
	s := session(6)
	s.Minutes = 24 * 60
	require.NoError(t, s.Validate(), "a whole day")
	s.Minutes++
	require.ErrorIs(t, s.Validate(), iop.ErrOutOfRange)
	s = session(6)
	s.Participants[0].Age = 130
	require.NoError(t, s.Validate())
	s.Participants[0].Age = 131
	require.ErrorIs(t, s.Validate(), iop.ErrOutOfRange)
}

func TestSessionValidateDates(t *testing.T) {
	s := session(6)
	s.Enrollment = group.EnrollmentClosed
	s.Started = sessionDay
	require.NoError(t, s.Validate(), "a closed group may start on the session's day")
	s.Started = sessionDay + 1
	require.ErrorIs(t, s.Validate(), iop.ErrOrder)
	s.Started, s.Date = 0, 0
	err := s.Validate()
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	assert.Equal(t, "started", errs[0].Field)
	require.ErrorIs(t, errs[0], iop.ErrMissing)
	assert.Equal(t, iop.FieldErrors{{Field: "date", Err: iop.ErrMissing}}, errs[1:])
}

// TestSessionValidateLongLists checks duplicate record IDs in lists long
// enough to use a map, and at the edge of the short list.
func TestSessionValidateLongLists(t *testing.T) {
	for _, n := range []int{64, 65, 200} {
		s := session(n)
		require.NoError(t, s.Validate())
		s.Participants[n-1].ID = s.Participants[7].ID
		err := s.Validate()
		var errs iop.FieldErrors
		require.ErrorAs(t, err, &errs)
		assert.Equal(t, iop.FieldErrors{{Field: "participants[" + itoa(n-1) + "].id", Err: iop.ErrDuplicate}}, errs)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestSessionEqualClone(t *testing.T) {
	s := session(3)
	c := s.Clone()
	assert.True(t, s.Equal(c))
	c.Participants[0].Agreement = false
	assert.False(t, s.Equal(c))
	assert.True(t, s.Participants[0].Agreement, "Clone shares no memory")
	c = s.Clone()
	c.Facilitators = c.Facilitators[:1]
	assert.False(t, s.Equal(c))
	assert.True(t, group.Focus{}.IsZero())
	assert.False(t, group.Focus{Cohort: "es"}.IsZero())
}
