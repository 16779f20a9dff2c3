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
	b, err := json.Marshal(episodeIn(t, aftercare.StateClosed))
	require.NoError(t, err)
	assert.JSONEq(t, fixtureJSON, string(b))

	b, err = json.Marshal(aftercare.Episode{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

func TestEpisodeRoundTrip(t *testing.T) {
	for _, s := range iop.All[aftercare.State]() {
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
	assert.True(t, cases[0].Episode.Equal(episodeIn(t, aftercare.StateClosed)))
	assert.True(t, cases[0].Plan.Equal(aftercare.Plan{Made: dischargedOn - 7, MutualHelpPerWeek: 3}))
	assert.True(t, cases[1].Episode.IsZero())

	var c aftercare.Case
	err := json.Unmarshal([]byte(`{"episode":`+fixtureJSON+`,"extra":1}`), &c)
	requireFieldErrors(t, err, []fieldErr{{"#1", iop.ErrUnknownField}})
	assert.True(t, c.Episode.IsZero(), "a refused case leaves c unchanged")
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
		{"unknown field", `{"id":"E1","state":"closed","events":[]}`, "#1", iop.ErrUnknownField},
		{"duplicate field", `{"id":"E1","id":"E2","events":[]}`, "id", iop.ErrDuplicate},
		{"no id", `{"events":[{"kind":"refer","on":"2025-01-06"}]}`, "id", iop.ErrMissing},
		{"no events", `{"id":"E1","events":[]}`, "events", iop.ErrMissing},
		{"impossible date", `{"id":"E1","events":[{"kind":"refer","on":"2025-02-30"}]}`, "events[0].on", iop.ErrInvalidDate},
		{"rolled date form", `{"id":"E1","events":[{"kind":"refer","on":"2025-1-6"}]}`, "events[0].on", iop.ErrInvalidDate},
		{"unknown kind", `{"id":"E1","events":[{"kind":"transfer","on":"2025-01-06"}]}`, "events[0].kind", iop.ErrUnknown},
		{"unknown event field", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06","by":"court"}]}`, "events[0].#2", iop.ErrUnknownField},
		{"unknown reason", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"graduated"}}]}`, "events[3].discharge.reason", iop.ErrUnknown},
		{"history not starting with a referral", `{"id":"E1","events":[{"kind":"assess","on":"2025-01-06"}]}`, "events[0]", aftercare.ErrMoveNotAllowed},
		{"skipped assessment", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"admit","on":"2025-01-07","level":"2.1"}]}`, "events[1]", aftercare.ErrMoveNotAllowed},
		{"dates backwards", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-05"}]}`, "events[1]", aftercare.ErrDateBackwards},
		{"discharge before admission", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-08","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"left-against-advice"}}]}`, "events[3]", aftercare.ErrDischargeBeforeAdmission},
		{"field the kind does not take", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06","level":"2.1"}]}`, "events[0].level", iop.ErrUnknownField},
		{"contradictory discharge", `{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
			`{"kind":"discharge","on":"2025-01-07","discharge":{"reason":"completed"}}]}`, "events[3].discharge.planned", iop.ErrOutOfRange},
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
	assert.Equal(t, &aftercare.MoveError{Episode: "E1", Index: 1, Kind: aftercare.EventKindClose, From: aftercare.StateReferred, Err: aftercare.ErrDateBackwards}, me)
	assert.True(t, ep.IsZero(), "a failed decode leaves the episode unset")

	// null leaves the value as it was, as encoding/json does.
	ep = episodeIn(t, aftercare.StateActive)
	require.NoError(t, json.Unmarshal([]byte(`null`), &ep))
	assert.Equal(t, aftercare.StateActive, ep.State())
}

func TestParseEpisodeKeepsEveryError(t *testing.T) {
	_, err := aftercare.ParseEpisode([]byte(`{"id":"E1","events":[{"kind":"x","on":"2025-02-30"},{"kind":"refer","on":"2025-13-01","level":5}],"extra":1}`))
	requireFieldErrors(t, err, []fieldErr{
		{"events[0].kind", iop.ErrUnknown},
		{"events[0].on", iop.ErrInvalidDate},
		{"events[1].on", iop.ErrInvalidDate},
		{"events[1].level", iop.ErrSyntax},
		{"#2", iop.ErrUnknownField},
	})

	// Without an ID and without events: both.
	_, err = aftercare.ParseEpisode([]byte(`{"events":[]}`))
	requireFieldErrors(t, err, []fieldErr{{"id", iop.ErrMissing}, {"events", iop.ErrMissing}})

	// A malformed event found by the replay: each of its fields, each
	// wrapping the MoveError.
	_, err = aftercare.ParseEpisode([]byte(`{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},` +
		`{"kind":"assess","on":"2025-01-07","level":"2.1","court_ordered":true}]}`))
	requireFieldErrors(t, err, []fieldErr{{"events[1].level", iop.ErrUnknownField}, {"events[1].court_ordered", iop.ErrUnknownField}})
	var me *aftercare.MoveError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, aftercare.MoveError{Episode: "E1", Index: 1, Kind: aftercare.EventKindAssess, From: aftercare.StateReferred, Err: me.Err}, *me)
}

func TestParseCase(t *testing.T) {
	doc := `{"episode":` + fixtureJSON + `,"plan":{"made":"2025-03-03","mutual_help_per_week":3}}`
	c, err := aftercare.ParseCase([]byte(doc))
	require.NoError(t, err)
	assert.True(t, c.Episode.Equal(episodeIn(t, aftercare.StateClosed)))
	assert.True(t, c.Plan.Equal(aftercare.Plan{Made: dischargedOn - 7, MutualHelpPerWeek: 3}))
	again := roundTrip(t, c, aftercare.ParseCase)
	assert.True(t, again.Episode.Equal(c.Episode))
	assert.True(t, again.Plan.Equal(c.Plan))

	// Without a plan.
	c, err = aftercare.ParseCase([]byte(`{"episode":` + fixtureJSON + `}`))
	require.NoError(t, err)
	assert.True(t, c.Plan.IsZero())

	for _, tt := range []struct {
		name, doc string
		want      []fieldErr
	}{
		{"no episode", `{"plan":{"made":"2025-03-03","medication":true}}`, []fieldErr{{"episode", iop.ErrMissing}}},
		{"null episode and an invalid plan", `{"episode":null,"plan":{"mutual_help_per_week":-1}}`,
			[]fieldErr{{"episode", iop.ErrMissing}, {"plan.made", iop.ErrMissing}, {"plan.mutual_help_per_week", iop.ErrOutOfRange}}},
		{"errors in both", `{"episode":{"id":"E1","events":[{"kind":"refer","on":"2025-02-30"}]},"plan":{"made":"2025-02-29"}}`,
			[]fieldErr{{"episode.events[0].on", iop.ErrInvalidDate}, {"plan.made", iop.ErrInvalidDate}}},
		{"a refused history", `{"episode":{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"close","on":"2025-01-05"}]}}`,
			[]fieldErr{{"episode.events[1]", aftercare.ErrDateBackwards}}},
		{"unknown member", `{"episode":` + fixtureJSON + `,"notes":"x"}`, []fieldErr{{"#1", iop.ErrUnknownField}}},
		{"not an object", `[]`, []fieldErr{{"", iop.ErrSyntax}}},
		{"null", `null`, []fieldErr{{"episode", iop.ErrMissing}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := aftercare.ParseCase([]byte(tt.doc))
			requireFieldErrors(t, err, tt.want)
			assert.True(t, got.Episode.IsZero())
			assert.True(t, got.Plan.IsZero())
		})
	}
}
