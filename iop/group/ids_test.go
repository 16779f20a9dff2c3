package group_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badIDs are record IDs iop.CheckID refuses, with the sentinel it wraps.
var badIDs = []struct {
	name string
	id   string
	err  error
}{
	{"empty", "", iop.ErrMissing},
	{"NUL", "P-1\x00", iop.ErrSyntax},
	{"newline", "P-1\nP-2", iop.ErrSyntax},
	{"terminal escape", "\x1b[31mP-1", iop.ErrSyntax},
	{"bidirectional override", "P-\u202e1", iop.ErrSyntax},
	{"longer than 128 bytes", strings.Repeat("P", iop.MaxIDLen+1), iop.ErrOutOfRange},
}

// TestRecordIDsChecked puts each bad ID at each ID of a session and of a
// roster: Validate and the JSON decoder refuse it alike, at the same field
// with the same sentinel, and the message never holds it. An ID of 128
// bytes is fine.
func TestRecordIDsChecked(t *testing.T) {
	places := []struct {
		field string
		set   func(*group.Meeting, string)
	}{
		{"id", func(s *group.Meeting, id string) { s.ID = id }},
		{"facilitators[1].id", func(s *group.Meeting, id string) { s.Facilitators[1].ID = id }},
		{"participants[2].id", func(s *group.Meeting, id string) { s.Participants[2].ID = id }},
	}
	for _, place := range places {
		for _, bad := range badIDs {
			t.Run(place.field+"/"+bad.name, func(t *testing.T) {
				s := session(4)
				place.set(&s, bad.id)
				want := iop.FieldErrors{{Field: place.field, Err: iop.CheckID(bad.id)}}
				require.ErrorIs(t, want, bad.err)
				err := s.Validate()
				assert.Equal(t, want, err, "Validate")

				doc, jerr := json.Marshal(s)
				require.NoError(t, jerr)
				got, err := group.ParseMeeting(doc)
				assert.Equal(t, want, err, "ParseSession")
				assert.True(t, got.Equal(group.Meeting{}))
				if bad.id != "" {
					assert.NotContains(t, err.Error(), bad.id)
				}
			})
		}
	}
	for _, bad := range badIDs {
		t.Run("patients[1].id/"+bad.name, func(t *testing.T) {
			r := roster(people("P", 3, 30, group.GenderWoman)...)
			r.Patients[1].ID = bad.id
			want := iop.FieldErrors{{Field: "patients[1].id", Err: iop.CheckID(bad.id)}}
			assert.Equal(t, want, r.Validate())
			doc, err := json.Marshal(r)
			require.NoError(t, err)
			_, err = group.ParseRoster(doc)
			assert.Equal(t, want, err)
			_, err = checker(t, ioprules.TIP47()).PlanRoster(r)
			assert.Equal(t, want, err, "PlanRoster")
		})
	}

	s := session(4)
	s.ID = strings.Repeat("G", iop.MaxIDLen)
	s.Participants[0].ID = "Paciente-ñ-1"
	require.NoError(t, s.Validate())
	requireRoundTrip(t, s, group.ParseMeeting)
}

// TestInvalidUTF8Refused checks that a JSON document with a record ID that
// is not valid UTF-8 is refused, so that "\xff" and "\xfe" never become the
// same U+FFFD; Validate refuses such an ID in a session built in Go.
func TestInvalidUTF8Refused(t *testing.T) {
	for _, doc := range [][]byte{
		[]byte("{\"id\":\"G-\xff\",\"kind\":\"cbt\",\"enrollment\":\"open\",\"date\":\"2025-04-07\"}"),
		[]byte("{\"id\":\"G-1\",\"kind\":\"cbt\",\"enrollment\":\"open\",\"date\":\"2025-04-07\",\"participants\":[{\"id\":\"P-\xfe\",\"role\":\"patient\"}]}"),
	} {
		_, err := group.ParseMeeting(doc)
		var errs iop.FieldErrors
		require.ErrorAs(t, err, &errs)
		require.Len(t, errs, 1)
		assert.Empty(t, errs[0].Field, "the document is refused whole")
		require.ErrorIs(t, err, iop.ErrSyntax)
		assert.False(t, bytes.Contains([]byte(err.Error()), []byte{0xfe}))
		assert.False(t, bytes.Contains([]byte(err.Error()), []byte{0xff}))
	}
	_, err := group.ParseRoster([]byte("{\"date\":\"2025-04-07\",\"kind\":\"cbt\",\"patients\":[{\"id\":\"\xff\"}]}"))
	require.ErrorIs(t, err, iop.ErrSyntax)

	s := session(3)
	s.Participants[1].ID = "P-\xff"
	assert.Equal(t, iop.FieldErrors{{Field: "participants[1].id", Err: iop.CheckID("\xff")}}, s.Validate())
}

// TestServiceDatesChecked checks the session's date, a closed group's
// start day, a participant's joined day and a roster's date against the
// plausible range of iop.CheckServiceDate, on both sides of each end, the
// same way in Validate and in JSON.
func TestServiceDatesChecked(t *testing.T) {
	first, last := date.New(1970, time.January, 1), date.New(2199, time.December, 31)
	tests := []struct {
		name  string
		edit  func(*group.Meeting)
		field string // empty: valid
	}{
		{"date 1970-01-01", func(s *group.Meeting) { s.Date = first }, ""},
		{"date 1969-12-31", func(s *group.Meeting) { s.Date = first - 1 }, "date"},
		{"date 2199-12-31", func(s *group.Meeting) { s.Date = last }, ""},
		{"date 2200-01-01", func(s *group.Meeting) { s.Date = last + 1 }, "date"},
		{"date in year 1", func(s *group.Meeting) { s.Date = date.New(1, time.March, 3) }, "date"},
		{"started 1970-01-01", func(s *group.Meeting) { s.Enrollment, s.Started = group.EnrollmentClosed, first }, ""},
		{"started 1969-12-31", func(s *group.Meeting) { s.Enrollment, s.Started = group.EnrollmentClosed, first-1 }, "started"},
		{"joined 1970-01-01", func(s *group.Meeting) { s.Participants[1].Joined = first }, ""},
		{"joined 1969-12-31", func(s *group.Meeting) { s.Participants[1].Joined = first - 1 }, "participants[1].joined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := session(3)
			tt.edit(&s)
			var want error
			if tt.field != "" {
				want = iop.FieldErrors{{Field: tt.field, Err: iop.CheckServiceDate(first - 1)}}
				require.ErrorIs(t, want, iop.ErrOutOfRange)
			}
			assert.Equal(t, want, s.Validate(), "Validate")
			doc, err := json.Marshal(s)
			require.NoError(t, err)
			_, err = group.ParseMeeting(doc)
			assert.Equal(t, want, err, "ParseSession")
		})
	}

	r := roster(people("P", 2, 30, group.GenderWoman)...)
	r.Date = last + 1
	want := iop.FieldErrors{{Field: "date", Err: iop.CheckServiceDate(last + 1)}}
	assert.Equal(t, want, r.Validate())
	_, err := group.ParseRoster([]byte(`{"date":"2200-01-01","kind":"cbt","patients":[{"id":"P-1","age":30}]}`))
	assert.Equal(t, want, err)
}
