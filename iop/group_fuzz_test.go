package iop_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireTyped checks that err is one of the library's typed errors.
func requireTyped(t *testing.T, err error) {
	t.Helper()
	var fe *iop.FieldError
	var errs iop.Errors
	if !errors.As(err, &fe) && !errors.As(err, &errs) {
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

// FuzzParseGroupSession decodes group sessions from JSON: a session either
// fails with a typed error, or round-trips (marshal, parse, marshal gives the
// same bytes) and can be checked against a profile without panicking.
func FuzzParseGroupSession(f *testing.F) {
	f.Add([]byte(sessionJSON))
	f.Add([]byte(`{"id":"G","kind":"cbt","enrollment":"open","date":"2025-03-03"}`))
	f.Add([]byte(`{"id":"G","kind":"dbt","enrollment":"closed","started":"2025-03-04","date":"2025-03-03"}`))
	f.Add([]byte(`{"id":"G","kind":"family","focus":{"ages":"adolescent","gender":"man","cohort":"es","trauma":true},"enrollment":"open","date":"2024-02-29",
		"participants":[{"id":"P","role":"patient","age":15},{"id":"P","role":"family"}]}`))
	f.Add([]byte(`{"id":"G","kind":"yoga"}`))
	f.Add([]byte(`{"participants":[{"id":"P","role":"patient","age":-1,"joined":"2025-02-30"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	profiles := []iop.Profile{iop.TIP47(), iop.TexasGroups(), iop.IllinoisAges(), iop.WisconsinYouth()}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := iop.ParseGroupSession(data)
		if err != nil {
			requireTyped(t, err)
			return
		}
		g2 := requireRoundTrip(t, g, iop.ParseGroupSession)
		require.True(t, g.Equal(g2))
		for _, p := range profiles {
			fs, err := g.Check(p)
			require.NoError(t, err)
			for _, fd := range fs {
				require.NotEmpty(t, fd.Subject)
				require.True(t, fd.Severity.IsValid())
			}
		}
	})
}

// FuzzGroupCheckAnyProfile checks a session against profiles decoded but not
// validated: an invalid profile never makes Check panic.
func FuzzGroupCheckAnyProfile(f *testing.F) {
	f.Add([]byte(`{"group":{"min_size":-3,"max_size":-1,"max_per_facilitator":-2,"co_facilitator_above":-1,"focus_mismatch":"warning"},"ages":{"adult_age":-4,"min_age":300}}`), 12)
	f.Add([]byte(`{"group":{"education_kinds":["psychoeducation"],"education_max_size":1,"max_per_facilitator":1000000000}}`), 3)
	f.Add([]byte(`{"level":"2.5","ages":{"adult_age":18,"adolescent_max_age":1,"adult_min_age":99}}`), 40)
	f.Fuzz(func(t *testing.T, profile []byte, n int) {
		var p iop.Profile
		if err := p.UnmarshalJSON(profile); err != nil {
			requireTyped(t, err)
			return
		}
		g := session(min(max(n, 0), 200))
		g.Focus.Ages = iop.AgeFocus(1 + (max(n, 0) % 3))
		_, err := g.Check(p)
		require.NoError(t, err)
		_, _ = iop.Roster{Date: g.Date, Kind: g.Kind, Patients: g.Participants}.Plan(p)
	})
}

// FuzzParseRoster decodes rosters: a typed error or a round trip, and a plan
// that places each patient once or reports them.
func FuzzParseRoster(f *testing.F) {
	f.Add([]byte(`{"date":"2025-03-03","kind":"cbt","by_gender":true,"patients":[{"id":"P-1","age":16,"gender":"man"},{"id":"P-2","population":"adult","gender":"woman"}]}`))
	f.Add([]byte(`{"date":"2025-03-03","kind":"psychoeducation","by_cohort":true,"patients":[{"id":"P-1","age":11},{"id":"P-1"}]}`))
	f.Add([]byte(`{"date":"2025-13-03","kind":"cbt","patients":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := iop.ParseRoster(data)
		if err != nil {
			requireTyped(t, err)
			return
		}
		requireRoundTrip(t, r, iop.ParseRoster)
		p := iop.TIP47()
		p.Ages = overlapAges()
		plan, err := r.Plan(p)
		if err != nil {
			requireTyped(t, err)
		}
		placed := map[string]int{}
		for _, g := range plan.Groups {
			for _, pt := range g.Patients {
				placed[pt.ID]++
			}
		}
		for id, n := range placed {
			require.Equal(t, 1, n, "patient %s placed %d times", id, n)
		}
	})
}

// FuzzGroupKinds decodes kind sets: a typed error, or a set that encodes in
// kind order and decodes to itself.
func FuzzGroupKinds(f *testing.F) {
	f.Add([]byte(`["psychoeducation","skills-development"]`))
	f.Add([]byte(`["cbt","cbt"]`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s iop.GroupKinds
		if err := s.UnmarshalJSON(data); err != nil {
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			return
		}
		require.True(t, s.IsValid())
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var again iop.GroupKinds
		require.NoError(t, json.Unmarshal(b, &again))
		require.Equal(t, s, again)
	})
}

// FuzzParseGroupEnums round-trips the group enums through Parse and String.
func FuzzParseGroupEnums(f *testing.F) {
	for _, e := range groupEnums() {
		for _, n := range e.names {
			f.Add(n)
		}
	}
	f.Add("")
	f.Add("%!GroupKind(0)")
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range groupEnums() {
			got, err := e.parse(s)
			if err != nil {
				require.ErrorIs(t, err, e.err)
				continue
			}
			assert.Equal(t, s, got, "Parse%s(%q).String()", e.name, s)
		}
	})
}
