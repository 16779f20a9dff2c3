package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fixtureJSON = `{"id":"E1","events":[` +
	`{"kind":"refer","on":"2025-01-06"},` +
	`{"kind":"assess","on":"2025-01-08"},` +
	`{"kind":"admit","on":"2025-01-13","level":"2.1"},` +
	`{"kind":"start","on":"2025-01-14"},` +
	`{"kind":"hold","on":"2025-02-03"},` +
	`{"kind":"resume","on":"2025-02-10"},` +
	`{"kind":"discharge","on":"2025-03-10","discharge":{"reason":"completed","planned":true,"step":"down","to_level":"1","referred_to":"R-77"}},` +
	`{"kind":"aftercare","on":"2025-03-11"},` +
	`{"kind":"close","on":"2025-06-30"}]}`

func TestEpisodeMarshalJSON(t *testing.T) {
	b, err := json.Marshal(episodeIn(t, aftercare.Closed))
	require.NoError(t, err)
	assert.JSONEq(t, fixtureJSON, string(b))

	b, err = json.Marshal(aftercare.Episode{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

func TestEpisodeRoundTrip(t *testing.T) {
	for _, s := range aftercare.States() {
		t.Run(s.String(), func(t *testing.T) {
			ep := episodeIn(t, s)
			got := roundTrip(t, ep, aftercare.ParseEpisode)
			assert.True(t, got.Equal(ep))
			assert.Equal(t, s, got.State())
		})
	}
}

func TestCaseJSON(t *testing.T) {
	doc := `[{"episode":` + fixtureJSON + `,"plan":{"made":"2025-03-03","mutual_help_per_week":3}},{"episode":null}]`
	var cases []aftercare.Case
	require.NoError(t, json.Unmarshal([]byte(doc), &cases))
	require.Len(t, cases, 2)
	assert.True(t, cases[0].Episode.Equal(episodeIn(t, aftercare.Closed)))
	assert.True(t, cases[0].Plan.Equal(aftercare.Plan{Made: dischargedOn - 7, MutualHelpPerWeek: 3}))
	assert.True(t, cases[1].Episode.IsZero())

	var c aftercare.Case
	err := json.Unmarshal([]byte(`{"episode":`+fixtureJSON+`,"extra":1}`), &c)
	require.ErrorIs(t, err, iop.ErrUnknownField)
	err = json.Unmarshal([]byte(`{"episode":{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"close","on":"2025-01-05"}]}}`), &c)
	require.ErrorIs(t, err, aftercare.ErrDateBackwards)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "episode.events[1]", fe.Field)
}

func TestParseEpisodeErrors(t *testing.T) {
	tests := []struct {
		name, doc, field string
		err              error
	}{
		{"null", `null`, "", iop.ErrMissing},
		{"empty", ``, "", iop.ErrSyntax},
		{"not an object", `[]`, "", iop.ErrSyntax},
		{"unknown field", `{"id":"E1","state":"closed","events":[]}`, "state", iop.ErrUnknownField},
		{"duplicate field", `{"id":"E1","id":"E2","events":[]}`, "id", iop.ErrDuplicateField},
		{"no id", `{"events":[{"kind":"refer","on":"2025-01-06"}]}`, "id", iop.ErrMissing},
		{"no events", `{"id":"E1","events":[]}`, "events", iop.ErrMissing},
		{"impossible date", `{"id":"E1","events":[{"kind":"refer","on":"2025-02-30"}]}`, "events[0].on", iop.ErrInvalidDate},
		{"rolled date form", `{"id":"E1","events":[{"kind":"refer","on":"2025-1-6"}]}`, "events[0].on", iop.ErrInvalidDate},
		{"unknown kind", `{"id":"E1","events":[{"kind":"transfer","on":"2025-01-06"}]}`, "events[0].kind", aftercare.ErrUnknownEvent},
		{"unknown event field", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06","by":"court"}]}`, "events[0].by", iop.ErrUnknownField},
		{"unknown reason", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"graduated"}}]}`, "events[3].discharge.reason", aftercare.ErrUnknownReason},
		{"history not starting with a referral", `{"id":"E1","events":[{"kind":"assess","on":"2025-01-06"}]}`, "events[0]", aftercare.ErrMoveNotAllowed},
		{"skipped assessment", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"admit","on":"2025-01-07","level":"2.1"}]}`, "events[1]", aftercare.ErrMoveNotAllowed},
		{"dates backwards", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-05"}]}`, "events[1]", aftercare.ErrDateBackwards},
		{"discharge before admission", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-08","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"left-against-advice"}}]}`, "events[3]", aftercare.ErrDischargeBeforeAdmission},
		{"field the kind does not take", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06","level":"2.1"}]}`, "events[0].level", aftercare.ErrFieldNotAllowed},
		{"contradictory discharge", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"completed"}}]}`, "events[3].discharge.planned", aftercare.ErrContradictsReason},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := aftercare.ParseEpisode([]byte(tt.doc))
			requireFieldError(t, err, fieldErr{tt.field, tt.err})
			assert.True(t, got.IsZero())
		})
	}
}

func TestUnmarshalJSONRefusedMoveWrapsMoveError(t *testing.T) {
	var ep aftercare.Episode
	err := json.Unmarshal([]byte(`{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"close","on":"2025-01-05"}]}`), &ep)
	var me *aftercare.MoveError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, &aftercare.MoveError{Episode: "E1", Index: 1, Kind: aftercare.EventClose, From: aftercare.Referred, Err: aftercare.ErrDateBackwards}, me)
	assert.True(t, ep.IsZero(), "a failed decode leaves the episode unset")

	// null leaves the value as it was, as encoding/json does.
	ep = episodeIn(t, aftercare.Active)
	require.NoError(t, json.Unmarshal([]byte(`null`), &ep))
	assert.Equal(t, aftercare.Active, ep.State())
}
