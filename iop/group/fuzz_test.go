package group_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireTyped checks that err is one of the library's typed errors.
func requireTyped(t *testing.T, err error) {
	t.Helper()
	var fe *iop.FieldError
	var pe *iop.ParseError
	if !errors.As(err, &fe) && !errors.As(err, &pe) {
		require.Failf(t, "untyped error", "%T: %v", err, err)
	}
}

// requireRoundTrip checks that v marshals, parses back, and marshals to the
// same bytes again; it returns the value parsed back.
func requireRoundTrip[T any](t *testing.T, v T, parse func([]byte) (T, error)) T {
	t.Helper()
	b1, err := json.Marshal(v)
	require.NoError(t, err)
	v2, err := parse(b1)
	require.NoError(t, err, "%s", b1)
	b2, err := json.Marshal(v2)
	require.NoError(t, err)
	require.Equal(t, string(b1), string(b2))
	return v2
}

// stringsIn returns the string values and member names of JSON data, as
// far as it is well-formed.
func stringsIn(data []byte) []string {
	var out []string
	d := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err != nil {
			return out
		}
		if s, ok := tok.(string); ok {
			out = append(out, s)
		}
	}
}

// vocabulary is every text an error of this package may hold besides
// figures: the JSON names of the types decoded, and the reasons.
func vocabulary() string {
	var b strings.Builder
	var names func(t reflect.Type)
	names = func(t reflect.Type) {
		for i := range t.NumField() {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			b.WriteString(name + " ")
			switch ft := f.Type; {
			case ft.Kind() == reflect.Struct && ft.PkgPath() == t.PkgPath():
				names(ft)
			case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct:
				names(ft.Elem())
			}
		}
	}
	names(reflect.TypeFor[group.Meeting]())
	names(reflect.TypeFor[group.Roster]())
	for _, s := range []string{
		"group.AgeFocus.UnmarshalText group.Gender.UnmarshalText group.Enrollment.UnmarshalText group.ParticipantRole.UnmarshalText group.FacilitatorRole.UnmarshalText",
		"iop.GroupKind.UnmarshalText iop.Level.UnmarshalText iop.Population.UnmarshalText iop.ParseMinutes",
		"unknown value", "unknown field", "duplicate", "invalid syntax", "invalid date", "input too large",
		"missing", "out of range", "out of order", "want a JSON string", "want a JSON object", "want a JSON array",
		"nested too deeply", "malformed at byte", "data after the value", "want string", "want int", "want bool",
		"a group cannot be for undisclosed gender", "a closed group needs its start day", "started after the session date",
		"negative", "above a day", "the group is gender-specific", "the group has an age focus; give age or population",
		"joined after the session date", "a roster holds patients only",
		"not valid UTF-8, or a \\u escape of half a surrogate pair", "control or format character", "longer than 128 bytes", "the document is not valid UTF-8",
		"a service date is from 1970-01-01 to 2199-12-31",
	} {
		b.WriteString(s + " ")
	}
	return b.String()
}

// requireNoInput checks that the message of err holds none of the input's
// strings of five bytes or more, unless the text is one of the package's
// own words (a member named "participants" is named in the path).
func requireNoInput(t *testing.T, err error, data []byte) {
	t.Helper()
	msg, vocab := err.Error(), vocabulary()
	for _, s := range stringsIn(data) {
		if len(s) >= 5 && !strings.Contains(vocab, s) {
			require.NotContains(t, msg, s, "the error holds input text")
		}
	}
}

// FuzzParseSession decodes group sessions from JSON: a session either
// fails with a typed error that holds none of the input's text, or
// round-trips (marshal, parse, marshal gives the same bytes), holds only
// record IDs that iop.CheckID accepts and service dates that
// iop.CheckServiceDate accepts, and can be checked against the built-in
// profiles without an error.
func FuzzParseSession(f *testing.F) {
	f.Add([]byte(sessionJSON))
	f.Add([]byte(`{"id":"G","kind":"cbt","enrollment":"open","date":"2025-04-07"}`))
	f.Add([]byte(`{"id":"G","kind":"dbt","enrollment":"closed","started":"2025-03-04","date":"2025-04-07"}`))
	f.Add([]byte(`{"id":"G","kind":"family","focus":{"ages":"adolescent","gender":"man","cohort":"es","trauma":true},"enrollment":"open","date":"2024-02-29",
		"participants":[{"id":"P","role":"patient","age":15},{"id":"P","role":"family"}]}`))
	f.Add([]byte(`{"id":"G","kind":"yoga-session"}`))
	f.Add([]byte(`{"id":"G","kind":"cbt","enrollment":"open","date":"2025-04-07","participants":[{"id":"P","role":"patient","gender":"female","name":"Jane Doe"}]}`))
	f.Add([]byte(`{"participants":[{"id":"P","role":"patient","age":-1,"joined":"2025-02-30"}]}`))
	f.Add([]byte(`{"id":"G","kind":"cbt","enrollment":"open","date":"2025-04-07","minutes":"25h00m"}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"id":"G\u001b[31m","kind":"cbt","enrollment":"open","date":"1969-12-31","participants":[{"id":"P\n1","role":"patient"}]}`))
	f.Add([]byte("{\"id\":\"G-\xff\",\"kind\":\"cbt\",\"enrollment\":\"open\",\"date\":\"2200-01-01\"}"))
	var checkers []group.Checker
	for _, p := range []iop.Profile{ioprules.TIP47(), group.TexasGroups(), group.IllinoisAges(), group.WisconsinYouth()} {
		checkers = append(checkers, checker(f, p))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := group.ParseMeeting(data)
		if err != nil {
			requireTyped(t, err)
			requireNoInput(t, err, data)
			require.True(t, s.Equal(group.Meeting{}))
			return
		}
		s2 := requireRoundTrip(t, s, group.ParseMeeting)
		require.True(t, s.Equal(s2))
		require.NoError(t, iop.CheckID(s.ID))
		require.NoError(t, iop.CheckServiceDate(s.Date))
		for _, f := range s.Facilitators {
			require.NoError(t, iop.CheckID(f.ID))
		}
		for _, pt := range s.Participants {
			require.NoError(t, iop.CheckID(pt.ID))
			if pt.Joined != 0 {
				require.NoError(t, iop.CheckServiceDate(pt.Joined))
			}
		}
		for _, ck := range checkers {
			fs, err := ck.CheckMeeting(s)
			if p := ck.Profile(); !p.InForceOn(s.Date) {
				require.ErrorIs(t, err, iop.ErrNotInForce, "a session outside %s's force", p.ID)
				continue
			}
			require.NoError(t, err)
			for _, fd := range fs {
				require.NotEmpty(t, fd.Subject)
				require.True(t, fd.Severity.IsValid())
			}
		}
	})
}

// FuzzParseRoster decodes rosters: a typed error holding none of the
// input's text, or a round trip, and a plan that places each patient once
// or reports them.
func FuzzParseRoster(f *testing.F) {
	f.Add([]byte(`{"date":"2025-04-07","kind":"cbt","by_gender":true,"patients":[{"id":"P-1","age":16,"gender":"man"},{"id":"P-2","population":"adult","gender":"woman"}]}`))
	f.Add([]byte(`{"date":"2025-04-07","kind":"psychoeducation","by_cohort":true,"patients":[{"id":"P-1","age":11},{"id":"P-1"}]}`))
	f.Add([]byte(`{"date":"2025-13-03","kind":"cbt","patients":null}`))
	f.Add([]byte(`{"date":"2025-04-07","kind":"cbt","patients":[{"id":"P-1","gender":"female","role":"brother"}]}`))
	p := ioprules.TIP47()
	p.Ages = overlapAges()
	ck := checker(f, p)
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := group.ParseRoster(data)
		if err != nil {
			requireTyped(t, err)
			requireNoInput(t, err, data)
			return
		}
		requireRoundTrip(t, r, group.ParseRoster)
		require.NoError(t, iop.CheckServiceDate(r.Date))
		for _, pt := range r.Patients {
			require.NoError(t, iop.CheckID(pt.ID))
		}
		pl, err := ck.PlanRoster(r)
		if err != nil {
			requireTyped(t, err)
		}
		placed := map[string]int{}
		for _, g := range pl.Groups {
			for _, pt := range g.Patients {
				placed[pt.ID]++
			}
		}
		for id, n := range placed {
			require.Equal(t, 1, n, "patient %s placed %d times", id, n)
		}
	})
}

// FuzzNewCheckerAnyProfile decodes profiles without validating them: an
// invalid profile is refused by NewChecker, and one it accepts checks and
// plans without panicking.
func FuzzNewCheckerAnyProfile(f *testing.F) {
	f.Add([]byte(`{"group":{"min_size":-3,"max_size":-1,"max_per_facilitator":-2,"co_facilitator_above":-1},"ages":{"adult_age":-4,"min_age":300}}`), 12)
	f.Add([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},"group":{"education_kinds":["psychoeducation"],"education_max_size":1,"max_per_facilitator":1000,"cite":{"source":"s"}}}`), 3)
	f.Add([]byte(`{"id":"x","title":"x","level":"2.5","from":"2025-01-01","source":{"source":"s"},"ages":{"adult_age":18,"adolescent_max_age":1,"adult_min_age":99,"cite":{"source":"s"}}}`), 40)
	f.Add([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},"rules":[{"code":"group.level.mismatch","off":true,"cite":{"source":"s"}}]}`), 6)
	f.Fuzz(func(t *testing.T, profile []byte, n int) {
		var p iop.Profile
		if err := p.UnmarshalJSON(profile); err != nil {
			requireTyped(t, err)
			return
		}
		ck, err := group.NewChecker(p)
		if err != nil {
			requireTyped(t, err)
			return
		}
		s := session(min(max(n, 0), 200))
		s.Focus.Ages = group.AgeFocus(1 + (max(n, 0) % 3))
		fs, err := ck.CheckMeeting(s)
		require.NoError(t, err)
		cover.Check(t, p, fs)
		_, _ = ck.PlanRoster(group.Roster{Date: s.Date, Kind: s.Kind, Patients: s.Participants})
	})
}

// FuzzParseEnums round-trips the enums through Parse and String; an
// unknown name is an error that does not hold it.
func FuzzParseEnums(f *testing.F) {
	for _, e := range groupEnums() {
		for _, n := range e.names {
			f.Add(n)
		}
	}
	f.Add("")
	f.Add("%!Gender(0)")
	f.Add("female")
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range groupEnums() {
			got, err := e.parse(s)
			if err != nil {
				require.ErrorIs(t, err, iop.ErrUnknown)
				assert.Equal(t, "group."+e.name+".UnmarshalText: unknown value", err.Error())
				continue
			}
			assert.Equal(t, s, got, "Parse%s(%q).String()", e.name, s)
		}
	})
}
