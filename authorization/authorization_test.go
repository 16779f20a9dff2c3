package authorization_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAuthorizationValidate(t *testing.T) {
	require.NoError(t, func() error { a := auth(); return a.Validate() }())
	tests := []struct {
		name   string
		change func(a *authorization.Authorization)
		fields []string
	}{
		{name: "zero", change: func(a *authorization.Authorization) { *a = authorization.Authorization{} },
			fields: []string{"number", "payer", "patient", "level", "effective", "expiration", "action"}},
		{name: "codes", change: func(a *authorization.Authorization) {
			a.Codes = [8]string{"H0015", "h0015", "H0015", "9085"}
			a.Revenue = [4]string{"905", "0905", "0905"}
		}, fields: []string{"codes[1]", "codes[2]", "codes[3]", "revenue[0]", "revenue[2]"}},
		{name: "a certification without a quantity", change: func(a *authorization.Authorization) { a.Quantity, a.Unit = 0, 0 },
			fields: []string{"quantity", "unit"}},
		{name: "a denial without one", change: func(a *authorization.Authorization) {
			a.Quantity, a.Unit, a.Action = 0, 0, authorization.ActionNotCertified
		}},
		{name: "out of range", change: func(a *authorization.Authorization) {
			a.Quantity, a.PerWeek, a.Unit, a.Level = 1<<20+1, -1, 9, 99
		}, fields: []string{"level", "quantity", "unit", "per_week"}},
		{name: "dates", change: func(a *authorization.Authorization) {
			a.Expiration, a.NextReview, a.ReviewRequested = a.Effective-1, 1, 1
			a.Requested, a.Decided = time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		}, fields: []string{"expiration", "decided", "next_review", "review_requested"}},
		{name: "control characters in an ID", change: func(a *authorization.Authorization) { a.Number = "A\n1" },
			fields: []string{"number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := auth()
			tt.change(&a)
			err := a.Validate()
			if tt.fields == nil {
				require.NoError(t, err)
				return
			}
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
			assert.Equal(t, tt.fields, fields(es))
		})
	}
}

func TestAuthorizationJSON(t *testing.T) {
	a := auth()
	a.Revenue = [4]string{"0905"}
	a.PerWeek, a.Expedited = 5, true
	a.Requested = time.Date(2026, 2, 27, 9, 30, 0, 0, time.UTC)
	a.Decided = time.Date(2026, 2, 28, 11, 0, 0, 0, time.UTC)
	a.NextReview = day("2026-03-10")
	b, err := json.Marshal([]authorization.Authorization{a})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"number":"AUTH-1","payer":"PAYER-1","patient":"P-1","level":"2.1",
		"codes":["H0015","","","","","","",""],"revenue":["0905","","",""],"quantity":10,"unit":"days","per_week":5,
		"effective":"2026-03-02","expiration":"2026-03-13","action":"certified","expedited":true,
		"requested":"2026-02-27T09:30:00Z","decided":"2026-02-28T11:00:00Z","next_review":"2026-03-10"}]`, string(b))
	got, err := authorization.ParseAuthorizations(b)
	require.NoError(t, err)
	assert.Equal(t, []authorization.Authorization{a}, got)

	for _, tt := range []struct {
		name, in string
		fields   []string
	}{
		{name: "a date that does not exist", in: `[{"effective":"2026-02-30"}]`, fields: []string{"[0].effective"}},
		{name: "an unknown member, named by its place", in: `[{"number":"A","Jane Doe":1}]`, fields: []string{"[0].#1"}},
		{name: "an unknown action", in: `[{"action":"A1"}]`, fields: []string{"[0].action"}},
		{name: "a repeated member", in: `[{"unit":"days","unit":"days"}]`, fields: []string{"[0].unit"}},
		{name: "valid JSON, invalid value", in: `[{"number":"A"}]`,
			fields: []string{"[0].payer", "[0].patient", "[0].level", "[0].effective", "[0].expiration", "[0].action"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := authorization.ParseAuthorizations([]byte(tt.in))
			assert.Nil(t, got)
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
			assert.Equal(t, tt.fields, fields(es))
			assert.NotContains(t, err.Error(), "Jane")
		})
	}
}

func TestEnums(t *testing.T) {
	for _, tt := range []struct {
		a        authorization.Action
		name     string
		x12      string
		certifes bool
	}{
		{authorization.ActionCertified, "certified", "A1", true},
		{authorization.ActionPartial, "partial", "A2", true},
		{authorization.ActionNotCertified, "not-certified", "A3", false},
		{authorization.ActionPended, "pended", "A4", false},
		{authorization.ActionModified, "modified", "A6", true},
		{authorization.ActionCancelled, "cancelled", "C", false},
		{authorization.ActionContactPayer, "contact-payer", "CT", false},
		{authorization.ActionNotRequired, "not-required", "NA", false},
		{0, "%!Action(0)", "", false},
		{9, "%!Action(9)", "", false},
	} {
		assert.Equal(t, tt.name, tt.a.String())
		assert.Equal(t, tt.x12, tt.a.X12())
		assert.Equal(t, tt.certifes, tt.a.Certifies())
		var back authorization.Action
		if tt.a.IsValid() {
			b, err := tt.a.MarshalText()
			require.NoError(t, err)
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.a, back)
		} else {
			_, err := tt.a.MarshalText()
			require.ErrorIs(t, err, iop.ErrUnknown)
			require.ErrorIs(t, back.UnmarshalText([]byte(tt.name)), iop.ErrUnknown)
		}
	}
	for _, tt := range []struct {
		u         authorization.QuantityUnit
		name, x12 string
	}{
		{authorization.QuantityUnitDays, "days", "DY"},
		{authorization.QuantityUnitVisits, "visits", "VS"},
		{authorization.QuantityUnitUnits, "units", "FL"},
		{authorization.QuantityUnitHours, "hours", "HS"},
		{0, "%!QuantityUnit(0)", ""},
	} {
		assert.Equal(t, tt.name, tt.u.String())
		assert.Equal(t, tt.x12, tt.u.X12())
		var back authorization.QuantityUnit
		if tt.u.IsValid() {
			b, err := tt.u.MarshalText()
			require.NoError(t, err)
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.u, back)
		} else {
			_, err := tt.u.MarshalText()
			require.ErrorIs(t, err, iop.ErrUnknown)
			require.ErrorIs(t, back.UnmarshalText([]byte("weeks")), iop.ErrUnknown)
		}
	}
}

func TestCheckerRules(t *testing.T) {
	ck := newChecker(t, authorization.CMS0057F())
	rs := ck.Rules()
	require.Equal(t, authorization.Rules().Len(), rs.Len())
	for r := range authorization.Rules().All() {
		got, ok := rs.Rule(r.Code)
		require.True(t, ok, "%s", r.Code)
		assert.Equal(t, r.Severity, got.Severity)
		assert.NotEmpty(t, r.Summary)
		assert.False(t, r.Cite.IsZero(), "rule %s has no citation", r.Code)
		assert.Equal(t, "authorization", r.Code.Package())
	}
	late, ok := rs.Rule(authorization.CodeDecisionLate)
	require.True(t, ok)
	assert.Equal(t, authorization.CMS0057F().DecisionCite, late.Cite)
	assert.Equal(t, authorization.CMS0057F(), ck.Terms())
	assert.True(t, authorization.Checker{}.IsZero())
	assert.False(t, ck.IsZero())
	assert.Equal(t, iop.Profile{}, authorization.Checker{}.Profile())
	assert.Equal(t, authorization.Terms{}, authorization.Checker{}.Terms())
	assert.True(t, profile().WithPart(authorization.CMS0057F()).Equal(ck.Profile()))

	// A profile's setting turns a rule off or changes its severity.
	contract := iop.Citation{Source: "Payer X contract §9"}
	p := profile().WithPart(authorization.Terms{})
	p.Rules = append(p.Rules, iop.RuleSetting{Code: authorization.CodeOverlap, Off: true, Cite: contract},
		iop.RuleSetting{Code: authorization.CodeOutsidePeriod, Severity: iop.SeverityWarning, Cite: contract},
		iop.RuleSetting{Code: authorization.CodeQuantityExceeded, Off: true, Cite: contract})
	ck, err := authorization.NewChecker(p)
	require.NoError(t, err)
	a, b := auth(), auth()
	b.Number, a.Quantity = "AUTH-2", 1
	fs, err := ck.CheckStay([]authorization.Authorization{a, b}, days("P-1", "2026-03-01", "2026-03-02", "2026-03-03"), day("2026-03-03"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-01"}), fs)
	assert.Equal(t, iop.SeverityWarning, fs[0].Severity)
	cover.Check(t, p, fs)
	off, ok := ck.Rules().Rule(authorization.CodeOverlap)
	require.True(t, ok)
	assert.Zero(t, off.Severity)

	// A setting of this package needs its part; an unknown code is refused.
	q := profile()
	q.Rules = append(q.Rules, iop.RuleSetting{Code: authorization.CodeOverlap, Off: true, Cite: contract})
	_, err = authorization.NewChecker(q)
	require.ErrorIs(t, err, iop.ErrUnknown)
	p.Rules = append(p.Rules, iop.RuleSetting{Code: "authorization.no-such-rule", Off: true, Cite: contract})
	_, err = authorization.NewChecker(p)
	require.ErrorIs(t, err, iop.ErrUnknown)
}
