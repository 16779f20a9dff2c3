package aftercare_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// badIDs are record IDs iop.CheckID refuses, with the sentinel it wraps.
var badIDs = []struct {
	name, id string
	err      error
}{
	{"empty", "", iop.ErrMissing},
	{"NUL", "E-1\x00", iop.ErrSyntax},
	{"newline", "E-1\nE-2", iop.ErrSyntax},
	{"terminal escape", "\x1b[31mE-1", iop.ErrSyntax},
	{"bidirectional override", "E-\u202e1", iop.ErrSyntax},
	{"not UTF-8", "E-\xff", iop.ErrSyntax},
	{"longer than 128 bytes", strings.Repeat("E", iop.MaxIDLen+1), iop.ErrOutOfRange},
}

// requireRefusedAt checks that err is iop.FieldErrors with one error, at
// field, wrapping the sentinel want, and that its message does not hold
// the ID id.
func requireRefusedAt(t *testing.T, err error, field string, want error, id string) {
	t.Helper()
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 1, "%v", err)
	assert.Equal(t, field, errs[0].Field)
	require.ErrorIs(t, err, want)
	if id != "" {
		assert.NotContains(t, err.Error(), id, "the message holds the ID")
	}
}

// episodeDoc is the JSON of an episode with record ID id, admitted and
// discharged with a transfer referred to ref.
func episodeDoc(t *testing.T, id, ref string) []byte {
	t.Helper()
	doc, err := json.Marshal(map[string]any{"id": id, "events": []map[string]any{
		{"kind": "refer", "on": "2025-01-06"},
		{"kind": "assess", "on": "2025-01-08"},
		{"kind": "admit", "on": "2025-01-13", "level": "2.1"},
		{"kind": "discharge", "on": "2025-03-10", "discharge": map[string]any{"reason": "transferred", "planned": true, "referred_to": ref}},
	}})
	require.NoError(t, err)
	return doc
}

// TestRecordIDsChecked refuses each bad ID as the episode's record ID and
// as a referral ID, the same way through Refer, Replay, Apply,
// Discharge.Validate and JSON: at the same field, with the reason of
// iop.CheckID, never holding the ID.
func TestRecordIDsChecked(t *testing.T) {
	for _, bad := range badIDs {
		t.Run(bad.name, func(t *testing.T) {
			reason := iop.CheckID(bad.id)
			require.ErrorIs(t, reason, bad.err)

			_, err := aftercare.Refer(bad.id, referredOn, false)
			var me *aftercare.MoveError
			require.ErrorAs(t, err, &me)
			assert.Equal(t, &aftercare.MoveError{Episode: bad.id, Kind: aftercare.EventKindRefer, Err: iop.FieldErrors{{Field: "id", Err: reason}}}, me)
			if bad.id != "" {
				assert.NotContains(t, err.Error(), bad.id)
			}
			_, err = aftercare.Replay(bad.id, fixtureEvents())
			require.ErrorAs(t, err, &me)
			assert.Equal(t, iop.FieldErrors{{Field: "id", Err: reason}}, me.Err)

			d := aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, ReferredTo: bad.id}
			if bad.id != "" {
				assert.Equal(t, iop.FieldErrors{{Field: "referred_to", Err: reason}}, d.Validate())
				_, err = episodeIn(t, aftercare.StateActive).Discharge(dischargedOn, d)
				require.ErrorAs(t, err, &me)
				assert.Equal(t, iop.FieldErrors{{Field: "discharge.referred_to", Err: reason}}, me.Err)
				assert.NotContains(t, err.Error(), bad.id)
			} else {
				require.NoError(t, d.Validate(), "no referral ID is not an invalid one")
			}

			if bad.id == "E-\xff" {
				return // no JSON string holds it; see TestInvalidUTF8Refused
			}
			_, err = aftercare.ParseEpisode(episodeDoc(t, bad.id, "R-1"))
			requireRefusedAt(t, err, "id", bad.err, bad.id)
			if bad.id != "" {
				_, err = aftercare.ParseEpisode(episodeDoc(t, "E1", bad.id))
				requireRefusedAt(t, err, "events[3].discharge.referred_to", bad.err, bad.id)
				_, err = aftercare.ParseCase([]byte(`{"episode":` + string(episodeDoc(t, "E1", bad.id)) + `}`))
				requireRefusedAt(t, err, "episode.events[3].discharge.referred_to", bad.err, bad.id)
			}
		})
	}
	ep, err := aftercare.ParseEpisode(episodeDoc(t, strings.Repeat("E", iop.MaxIDLen), "Remisión-ñ"))
	require.NoError(t, err, "128 bytes and non-ASCII letters are fine")
	roundTrip(t, ep, aftercare.ParseEpisode)
}

// TestInvalidUTF8Refused checks that a JSON document that is not valid
// UTF-8 is refused whole, so that two IDs that differ in invalid bytes
// ("\xff", "\xfe") are never both read as U+FFFD and merged.
func TestInvalidUTF8Refused(t *testing.T) {
	ep := []byte("{\"id\":\"E-\xff\",\"events\":[{\"kind\":\"refer\",\"on\":\"2025-01-06\"}]}")
	_, err := aftercare.ParseEpisode(ep)
	requireRefusedAt(t, err, "", iop.ErrSyntax, "\xff")
	_, err = aftercare.ParseCase(append(append([]byte(`{"episode":`), ep...), '}'))
	requireRefusedAt(t, err, "", iop.ErrSyntax, "\xff")
	_, err = aftercare.ParsePlan([]byte("{\"made\":\"2025-03-03\",\"contacts\":[{\"on\":\"2025-03-04\",\"status\":\"kept\xfe\"}]}"))
	requireRefusedAt(t, err, "", iop.ErrSyntax, "\xfe")
	// Through encoding/json too, as an element of a list.
	var eps []aftercare.Episode
	require.ErrorIs(t, json.Unmarshal(append(append([]byte(`[`), ep...), ']'), &eps), iop.ErrSyntax)
}

// TestServiceDatesChecked holds every date of an episode and a plan to
// iop.CheckServiceDate on both sides of each end of its range, the same
// way in Apply, Validate and JSON.
func TestServiceDatesChecked(t *testing.T) {
	first, last := date.New(1970, time.January, 1), date.New(2199, time.December, 31)
	outside := iop.CheckServiceDate(first - 1)
	require.ErrorIs(t, outside, iop.ErrOutOfRange)
	for _, tt := range []struct {
		name string
		on   date.Date
		ok   bool
	}{
		{"1969-12-31", first - 1, false},
		{"1970-01-01", first, true},
		{"2199-12-31", last, true},
		{"2200-01-01", last + 1, false},
		{"0001-01-02", 1, false},
		{"9999-12-31", date.New(9999, time.December, 31), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			iso := tt.on.Format(date.ISO8601)
			require.Equal(t, tt.name, iso)

			// An event.
			ep, err := aftercare.Refer("E1", tt.on, false)
			doc := `{"id":"E1","events":[{"kind":"refer","on":"` + iso + `"}]}`
			parsed, perr := aftercare.ParseEpisode([]byte(doc))
			if tt.ok {
				require.NoError(t, err)
				require.NoError(t, perr)
				assert.True(t, parsed.Equal(ep))
			} else {
				var me *aftercare.MoveError
				require.ErrorAs(t, err, &me)
				assert.Equal(t, iop.FieldErrors{{Field: "on", Err: outside}}, me.Err)
				requireRefusedAt(t, perr, "events[0].on", iop.ErrOutOfRange, "")
			}

			// A plan's date and a contact's.
			for _, c := range []struct {
				field string
				plan  aftercare.Plan
				doc   string
			}{
				{"made", aftercare.Plan{Made: tt.on, CounselingPerMonth: 1}, `{"made":"` + iso + `","counseling_per_month":1}`},
				{"contacts[0].on", aftercare.Plan{Made: first, Contacts: []aftercare.Contact{{On: tt.on, Status: aftercare.ContactStatusKept}}},
					`{"made":"1970-01-01","contacts":[{"on":"` + iso + `","status":"kept"}]}`},
			} {
				err := c.plan.Validate()
				got, perr := aftercare.ParsePlan([]byte(c.doc))
				if tt.ok {
					require.NoError(t, err)
					require.NoError(t, perr)
					assert.True(t, got.Equal(c.plan))
					continue
				}
				want := iop.FieldErrors{{Field: c.field, Err: outside}}
				assert.Equal(t, want, err, "Validate")
				assert.Equal(t, want, perr, "ParsePlan")
			}
		})
	}
}
