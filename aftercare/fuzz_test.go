package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzEpisodeJSON decodes episodes from JSON. Whatever decodes must be an
// episode the state machine produces: it is checked against the state
// table of the tests (not the package's), rebuilt move by move through the
// public methods, and round-tripped to the same bytes. Whatever does not
// decode must fail with a typed error and leave nothing behind.
func FuzzEpisodeJSON(f *testing.F) {
	f.Add(fixtureJSON)
	f.Add(`{"id":"E2","events":[{"kind":"refer","on":"2025-01-06","court_ordered":true},{"kind":"close","on":"2025-01-06"}]}`)
	f.Add(`{"id":"E3","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.5"},` +
		`{"kind":"discharge","on":"2025-01-06","discharge":{"reason":"died"}},{"kind":"aftercare","on":"2025-01-07"}]}`)
	f.Add(`{"id":"E4","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
		`{"kind":"start","on":"2025-01-07"},{"kind":"hold","on":"2025-01-08"},{"kind":"resume","on":"2025-01-09"},{"kind":"hold","on":"2025-01-10"},` +
		`{"kind":"discharge","on":"2025-01-11","discharge":{"reason":"transferred","planned":true,"step":"up","to_level":"3.5","referred_to":"R"}}]}`)
	f.Add(`{"id":"E5","events":[{"kind":"refer","on":"2025-02-30"}]}`)
	f.Add(`{"id":"E6","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"discharge","on":"2025-01-05"}]}`)
	f.Add(`{"id":"","events":[]}`)
	f.Add(`null`)
	f.Add(`{"id":"E7","events":[{"kind":"refer","on":"9999-12-31"},{"kind":"assess","on":"9999-12-31"}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		ep, err := aftercare.ParseEpisode([]byte(data))
		if err != nil {
			assert.True(t, ep.IsZero(), "a refused document gives the zero Episode")
			var fe *iop.FieldError
			assert.ErrorAs(t, err, &fe, "errors are typed: %v", err)
			return
		}
		events := ep.Events()
		require.NotEmpty(t, events)
		assert.NotEmpty(t, ep.ID())

		// The oracle: the state table, dates never backwards, discharge not
		// before admission, no aftercare after a death.
		var s aftercare.State
		var admitted date.Date
		var died bool
		for i, ev := range events {
			next, ok := allowed[s][ev.Kind]
			require.True(t, ok, "event %d: %s from %s", i, ev.Kind, s)
			if i > 0 {
				require.GreaterOrEqual(t, ev.On, events[i-1].On, "event %d goes back", i)
			}
			switch ev.Kind {
			case aftercare.EventAdmit:
				admitted = ev.On
				require.True(t, ev.Level.IsValid())
			case aftercare.EventDischarge:
				require.GreaterOrEqual(t, ev.On, admitted)
				require.NoError(t, ev.Discharge.Validate())
				died = ev.Discharge.Reason == aftercare.ReasonDied
			case aftercare.EventAftercare:
				require.False(t, died, "aftercare after a death")
			}
			s = next
		}
		require.Equal(t, s, ep.State())

		// Rebuilt move by move through the public API.
		rebuilt, err := aftercare.Refer(ep.ID(), events[0].On, events[0].CourtOrdered)
		require.NoError(t, err)
		for _, ev := range events[1:] {
			rebuilt, err = applyByMethod(rebuilt, ev)
			require.NoError(t, err)
		}
		require.True(t, rebuilt.Equal(ep))

		// Round trip: the same bytes twice.
		again := roundTrip(t, ep, aftercare.ParseEpisode)
		require.True(t, again.Equal(ep))

		// Checking a decoded episode never panics.
		fs, err := aftercare.Check(ep, planWith(kept(3)), iop.ASAM3Level21(), ep.Events()[ep.Len()-1].On+30)
		if err != nil {
			require.ErrorIs(t, err, aftercare.ErrNotDischarged)
		}
		for _, f := range fs {
			assert.Equal(t, ep.ID(), f.Subject)
		}
	})
}

// roundTrip encodes v, decodes it with parse and encodes the result again:
// the two encodings must be the same bytes. It returns the decoded value.
func roundTrip[T any](t *testing.T, v T, parse func([]byte) (T, error)) T {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	again, err := parse(b)
	require.NoError(t, err)
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	return again
}

// applyByMethod makes move ev with the Episode method of its kind.
func applyByMethod(e aftercare.Episode, ev aftercare.Event) (aftercare.Episode, error) {
	switch ev.Kind {
	case aftercare.EventAssess:
		return e.Assess(ev.On)
	case aftercare.EventAdmit:
		return e.Admit(ev.On, ev.Level)
	case aftercare.EventStart:
		return e.Start(ev.On)
	case aftercare.EventHold:
		return e.Hold(ev.On)
	case aftercare.EventResume:
		return e.Resume(ev.On)
	case aftercare.EventDischarge:
		return e.Discharge(ev.On, ev.Discharge)
	case aftercare.EventAftercare:
		return e.BeginAftercare(ev.On)
	case aftercare.EventClose:
		return e.Close(ev.On)
	}
	return e.Apply(ev)
}

// FuzzPlanJSON decodes plans: what decodes and validates round-trips to
// the same bytes and can be checked without panic.
func FuzzPlanJSON(f *testing.F) {
	f.Add(`{"made":"2025-03-03","group_sessions_per_week":2,"contacts":[{"on":"2025-03-13","status":"kept"}]}`)
	f.Add(`{"made":"2025-03-03","medication":true,"recovery_housing":true,"employment_support":true,"recovery_coach":true}`)
	f.Add(`{"made":"2025-02-29"}`)
	f.Add(`{"contacts":[{"on":"2025-03-13","status":"kept"},{"on":"2025-03-12","status":"missed"}]}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, data string) {
		p, err := aftercare.ParsePlan([]byte(data))
		if err != nil {
			assert.True(t, p.IsZero())
			var fe *iop.FieldError
			assert.ErrorAs(t, err, &fe)
			return
		}
		again := roundTrip(t, p, aftercare.ParsePlan)
		require.True(t, again.Equal(p))

		ep := discharged(t, "E1", completed(), true)
		for _, prof := range []iop.Profile{iop.ASAM3Level21(), iop.MedicareIOP2024()} {
			fs, err := aftercare.Check(ep, p, prof, dischargedOn+20)
			require.NoError(t, err)
			for _, f := range fs {
				assert.NotEmpty(t, f.Cite.Source)
			}
		}
	})
}

// FuzzCheck builds discharges, plans and windows from numbers and checks
// them: no panic, only catalogued codes, and a window met is never
// reported.
func FuzzCheck(f *testing.F) {
	f.Add(uint8(1), true, uint8(1), uint8(2), false, int16(-3), int16(3), int16(10), int16(20), uint8(2), uint8(2), uint8(2), int16(60), uint8(7), false, uint8(1), uint8(0))
	f.Add(uint8(2), false, uint8(0), uint8(0), true, int16(0), int16(0), int16(8), int16(40), uint8(1), uint8(3), uint8(2), int16(5), uint8(13), true, uint8(2), uint8(1))
	f.Fuzz(func(t *testing.T, reason uint8, planned bool, step, toLevel uint8, court bool, made, c1, c2, c3 int16,
		s1, s2, s3 uint8, asOf int16, days uint8, same bool, contacts, after uint8) {
		d := aftercare.Discharge{Reason: aftercare.Reason(reason), Planned: planned, Step: aftercare.Step(step), ToLevel: iop.Level(toLevel)}
		ep, err := aftercare.Replay("F1", []aftercare.Event{
			{Kind: aftercare.EventRefer, On: referredOn, CourtOrdered: court},
			{Kind: aftercare.EventAssess, On: assessedOn},
			{Kind: aftercare.EventAdmit, On: admittedOn, Level: iop.Level21},
			{Kind: aftercare.EventDischarge, On: dischargedOn, Discharge: d},
		})
		if err != nil {
			var me *aftercare.MoveError
			require.ErrorAs(t, err, &me)
			return
		}
		var plan aftercare.Plan
		if made != 0 {
			plan = aftercare.Plan{Made: dischargedOn + date.Date(made), CounselingPerMonth: 1,
				Contacts: []aftercare.Contact{
					{On: dischargedOn + date.Date(c1), Status: aftercare.ContactStatus(s1)},
					{On: dischargedOn + date.Date(c2), Status: aftercare.ContactStatus(s2)},
					{On: dischargedOn + date.Date(c3), Status: aftercare.ContactStatus(s3)},
				}}
		}
		ws := []iop.FollowUpWindow{{Name: "a", Days: int(days), SameDayCounts: same, Contacts: int(contacts), Cite: testCite}}
		if after%2 == 1 {
			ws = append(ws, iop.FollowUpWindow{Name: "b", Days: int(days), Contacts: int(contacts), After: "a", Cite: testCite})
		}
		fs, err := aftercare.Check(ep, plan, withWindows(ws...), dischargedOn+date.Date(asOf))
		if err != nil {
			require.Error(t, plan.Validate(), "Check fails only on an invalid plan")
			return
		}
		codes := map[iop.Code]bool{}
		for _, r := range aftercare.Rules() {
			codes[r.Code] = true
		}
		for _, f := range fs {
			assert.True(t, codes[f.Code], "%s not catalogued", f.Code)
			if f.Unit == iop.UnitCount {
				assert.Less(t, f.Got, f.Need, "a window reported has fewer contacts than it needs")
			}
		}
		_, err = aftercare.Measure([]aftercare.Case{{Episode: ep, Plan: plan}}, withWindows(ws...), dischargedOn+date.Date(asOf))
		require.NoError(t, err)
	})
}

// FuzzParseNames checks that each enum's Parse accepts exactly what its
// String writes.
func FuzzParseNames(f *testing.F) {
	for _, s := range []string{"referred", "on-hold", "discharge", "left-against-advice", "down", "kept", "", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range enumCases() {
			v, err := c.parse(s)
			if err != nil {
				require.ErrorIs(t, err, c.err, c.name)
				continue
			}
			assert.Equal(t, s, c.str(v), c.name)
		}
	})
}
