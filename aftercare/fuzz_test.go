package aftercare_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzEpisodeJSON decodes episodes from JSON. Whatever decodes must be an
// episode the state machine produces, with clean record IDs and plausible
// service dates: it is checked against the state table of the tests (not
// the package's), rebuilt move by move through the public methods, and
// round-tripped to the same bytes. Whatever does not
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
	f.Add(`{"id":"E8\u001b[31m","events":[{"kind":"refer","on":"1969-12-31"}]}`)
	f.Add("{\"id\":\"E9\xff\",\"events\":[{\"kind\":\"refer\",\"on\":\"2199-12-31\"}]}")
	f.Add(`{"id":"E10","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"assess","on":"2025-01-06"},{"kind":"admit","on":"2025-01-06","level":"2.1"},` +
		`{"kind":"discharge","on":"2025-01-11","discharge":{"reason":"transferred","planned":true,"referred_to":"R\n1"}}]}`)
	f.Fuzz(func(t *testing.T, data string) {
		ep, err := aftercare.ParseEpisode([]byte(data))
		if err != nil {
			assert.True(t, ep.IsZero(), "a refused document gives the zero Episode")
			var errs iop.FieldErrors
			require.ErrorAs(t, err, &errs, "errors are typed: %v", err)
			require.NotEmpty(t, errs)
			noInputText(t, data, err)
			return
		}
		events := ep.Events()
		require.NotEmpty(t, events)
		require.NoError(t, iop.CheckID(ep.ID()), "a decoded record ID is a clean one")

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
			require.NoError(t, iop.CheckServiceDate(ev.On), "event %d: a plausible service date", i)
			if ref := ev.Discharge.ReferredTo; ref != "" {
				require.NoError(t, iop.CheckID(ref), "event %d: a clean referral ID", i)
			}
			switch ev.Kind {
			case aftercare.EventKindAdmit:
				admitted = ev.On
				require.True(t, ev.Level.IsValid())
			case aftercare.EventKindDischarge:
				require.GreaterOrEqual(t, ev.On, admitted)
				require.NoError(t, ev.Discharge.Validate())
				died = ev.Discharge.Reason == aftercare.DischargeReasonDied
			case aftercare.EventKindAftercare:
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
		fs, err := checkWith(t, fuzzChecker, ep, planWith(kept(3)), ep.Events()[ep.Len()-1].On+30)
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
	case aftercare.EventKindAssess:
		return e.Assess(ev.On)
	case aftercare.EventKindAdmit:
		return e.Admit(ev.On, ev.Level)
	case aftercare.EventKindStart:
		return e.Start(ev.On)
	case aftercare.EventKindHold:
		return e.Hold(ev.On)
	case aftercare.EventKindResume:
		return e.Resume(ev.On)
	case aftercare.EventKindDischarge:
		return e.Discharge(ev.On, ev.Discharge)
	case aftercare.EventKindAftercare:
		return e.BeginAftercare(ev.On)
	case aftercare.EventKindClose:
		return e.Close(ev.On)
	}
	return e.Apply(ev)
}

// FuzzPlanJSON decodes plans: what decodes and validates round-trips to
// the same bytes, holds only plausible service dates and can be checked
// without panic; what does not is a typed error holding no input text.
func FuzzPlanJSON(f *testing.F) {
	f.Add(`{"made":"2025-03-03","group_sessions_per_week":2,"contacts":[{"on":"2025-03-13","status":"kept"}]}`)
	f.Add(`{"made":"2025-03-03","medication":true,"recovery_housing":true,"employment_support":true,"recovery_coach":true}`)
	f.Add(`{"made":"2025-02-29"}`)
	f.Add(`{"made":"1969-12-31","contacts":[{"on":"2200-01-01","status":"kept"}]}`)
	f.Add(`{"contacts":[{"on":"2025-03-13","status":"kept"},{"on":"2025-03-12","status":"missed"}]}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, data string) {
		p, err := aftercare.ParsePlan([]byte(data))
		if err != nil {
			assert.True(t, p.IsZero())
			var errs iop.FieldErrors
			require.ErrorAs(t, err, &errs)
			noInputText(t, data, err)
			return
		}
		again := roundTrip(t, p, aftercare.ParsePlan)
		require.True(t, again.Equal(p))
		if p.Made != 0 {
			require.NoError(t, iop.CheckServiceDate(p.Made))
		}
		for _, c := range p.Contacts {
			require.NoError(t, iop.CheckServiceDate(c.On))
		}

		ep := discharged(t, "E1", completed(), true)
		for _, prof := range []iop.Profile{asamHEDIS(), medicareHEDIS(ioprules.MedicareIOP2025())} {
			fs, err := checkDischarge(t, prof, ep, p, dischargedOn+20)
			require.NoError(t, err)
			ck, err := aftercare.NewChecker(prof)
			require.NoError(t, err)
			ioptest.Cited(t, ck.Rules(), fs)
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
		d := aftercare.Discharge{Reason: aftercare.DischargeReason(reason), Planned: planned, Step: aftercare.Step(step), ToLevel: iop.Level(toLevel)}
		ep, err := aftercare.Replay("F1", []aftercare.Event{
			{Kind: aftercare.EventKindRefer, On: referredOn, CourtOrdered: court},
			{Kind: aftercare.EventKindAssess, On: assessedOn},
			{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21},
			{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: d},
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
		ws := []aftercare.FollowUpWindow{{Name: "a", Days: int(days), SameDayCounts: same, Contacts: int(contacts), Cite: testCite}}
		if after%2 == 1 {
			ws = append(ws, aftercare.FollowUpWindow{Name: "b", Days: int(days), Contacts: int(contacts), After: "a", Cite: testCite})
		}
		ck, err := aftercare.NewChecker(withWindows(ws...))
		if err != nil {
			var errs iop.FieldErrors
			require.ErrorAs(t, err, &errs, "NewChecker refuses only an invalid profile")
			return
		}
		fs, err := checkWith(t, ck, ep, plan, dischargedOn+date.Date(asOf))
		if err != nil {
			var errs, planErrs iop.FieldErrors
			require.ErrorAs(t, err, &errs)
			require.ErrorAs(t, plan.Validate(), &planErrs, "CheckDischarge fails only on an invalid plan")
			require.Len(t, errs, len(planErrs))
			return
		}
		codes := map[iop.Code]bool{}
		for _, r := range slices.Collect(aftercare.Rules().All()) {
			codes[r.Code] = true
		}
		for _, f := range fs {
			assert.True(t, codes[f.Code], "%s not catalogued", f.Code)
			if f.Unit == iop.UnitCount {
				assert.Less(t, f.Got, f.Need, "a window reported has fewer contacts than it needs")
			}
		}
		m, err := ck.Measure([]aftercare.Case{{Episode: ep, Plan: plan}}, dischargedOn+date.Date(asOf))
		require.NoError(t, err)
		for j, r := range m.FollowUp {
			if r.Met == 0 && r.Eligible == 1 {
				assert.True(t, fs.Has(aftercare.CodeFollowUpMissed), "window %d counted missed by Measure, not by the check", j)
			}
		}
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
				require.ErrorIs(t, err, iop.ErrUnknown, c.name)
				noInputText(t, s, err)
				continue
			}
			assert.Equal(t, s, c.str(v), c.name)
		}
	})
}

// fuzzChecker is the Checker of ASAM level 2.1, shared by the fuzz
// targets.
var fuzzChecker = func() aftercare.Checker {
	ck, err := aftercare.NewChecker(asamHEDIS())
	if err != nil {
		panic(err)
	}
	return ck
}()

// FuzzCaseJSON decodes cases: what ParseCase accepts round-trips to the
// same bytes and can be checked and measured; what it refuses comes back
// as the zero Case with field errors that hold no input text.
func FuzzCaseJSON(f *testing.F) {
	f.Add(`{"episode":` + fixtureJSON + `,"plan":{"made":"2025-03-03","mutual_help_per_week":3,"contacts":[{"on":"2025-03-13","status":"kept"}]}}`)
	f.Add(`{"episode":` + fixtureJSON + `}`)
	f.Add(`{"episode":{"id":"E1","events":[{"kind":"refer","on":"2025-02-30"}]},"plan":{"made":"2025-02-29"}}`)
	f.Add(`{"episode":{"id":"Jane Doe 1980-04-01","events":[{"kind":"refer","on":"2025-01-06"},{"kind":"close","on":"2025-01-05"}]}}`)
	f.Add(`{"episode":null,"plan":{"mutual_help_per_week":-1},"Jane Doe":"1980-04-01"}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, data string) {
		c, err := aftercare.ParseCase([]byte(data))
		if err != nil {
			assert.True(t, c.Episode.IsZero())
			assert.True(t, c.Plan.IsZero())
			var errs iop.FieldErrors
			require.ErrorAs(t, err, &errs)
			noInputText(t, data, err)
			return
		}
		again := roundTrip(t, c, aftercare.ParseCase)
		require.True(t, again.Episode.Equal(c.Episode))
		require.True(t, again.Plan.Equal(c.Plan))

		last, ok := c.Episode.Last()
		require.True(t, ok)
		if _, ok := c.Episode.DischargeEvent(); ok {
			_, err = checkWith(t, fuzzChecker, c.Episode, c.Plan, last.On+30)
			require.NoError(t, err)
		}
		m, err := fuzzChecker.Measure([]aftercare.Case{c}, last.On+30)
		require.NoError(t, err)
		assert.LessOrEqual(t, m.Discharges, 1)
	})
}

// vocabulary is every word an error message of the package may hold: the
// field names, the names of the enums and the words of the errors. An
// input string found in it is not taken for leaked input.
var vocabulary = strings.Join([]string{
	`{"id","events","kind","on","level","court_ordered","discharge","reason","planned","step","to_level","referred_to",`,
	`"episode","plan","made","group_sessions_per_week","mutual_help_per_week","counseling_per_month","medication",`,
	`"recovery_housing","employment_support","recovery_coach","contacts","status","cases"}`,
	strings.Join(names(iop.All[aftercare.State]()), " "), strings.Join(names(iop.All[aftercare.EventKind]()), " "),
	strings.Join(names(iop.All[aftercare.DischargeReason]()), " "), strings.Join(names(iop.All[aftercare.Step]()), " "),
	strings.Join(names(iop.All[aftercare.ContactStatus]()), " "),
	"aftercare: event 0 (%!EventKind(0)) from start: missing unknown value unknown field duplicate invalid syntax invalid date",
	"out of range out of order malformed at byte 0 want a JSON string object array of 0 want int bool",
	"data after the value nested too deeply input too large above 0 bytes not valid UTF-8 after 9999-12-31",
	"not valid UTF-8, or a \\u escape of half a surrogate pair",
	"a service date is from 1970-01-01 to 2199-12-31 control or format character longer than 128 bytes the document is not valid UTF-8",
	"aftercare.State.UnmarshalText aftercare.EventKind.UnmarshalText aftercare.DischargeReason.UnmarshalText aftercare.Step.UnmarshalText aftercare.ContactStatus.UnmarshalText",
	"iop.Level.UnmarshalText events[0].discharge.reason contacts[0].status #0",
}, "\n")

// noInputText fails t when the message of err holds a string of the input
// data (a JSON string, or data itself when it is not JSON) of four bytes
// or more that is not in the vocabulary of the messages. Digits are
// compared as one digit, so that "events[12]" is not taken for input "12".
func noInputText(t *testing.T, data string, err error) {
	t.Helper()
	msg := maskDigits(err.Error())
	vocab := maskDigits(vocabulary)
	for _, s := range inputStrings(data) {
		s = maskDigits(s)
		if len(s) < 4 || strings.Contains(vocab, s) {
			continue
		}
		assert.NotContains(t, msg, s, "the error message holds input text")
	}
}

// inputStrings returns the JSON strings of data, keys and values, up to
// the first syntax error; data itself when it does not start as JSON.
func inputStrings(data string) []string {
	dec := json.NewDecoder(strings.NewReader(data))
	var out []string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		if s, ok := tok.(string); ok {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = append(out, data)
	}
	return out
}

func maskDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '0'
		}
		return r
	}, s)
}
