package authorization_test

import (
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReviewLeadTime: with a 3-day lead time and the expiration on
// Friday 2026-03-13 (a quantity that does not run out first), the review
// is due on Tuesday 2026-03-10: nothing the day before, due on the day,
// past due the day after, unless the stay has a plan.
func TestReviewLeadTime(t *testing.T) {
	ck := newChecker(t, reviewTerms())
	a := auth()
	a.Quantity = 30
	weeks := days("P-1", "2026-03-02", "2026-03-03")
	next := auth()
	next.Number, next.Effective, next.Expiration, next.Action = "AUTH-2", day("2026-03-14"), day("2026-03-27"), authorization.ActionPended
	tests := []struct {
		name      string
		asOf      string
		discharge string
		requested string
		nextAuth  bool
		want      []fx
	}{
		{name: "the day before the lead time", asOf: "2026-03-09"},
		{name: "on the lead time", asOf: "2026-03-10",
			want: []fx{{code: authorization.CodeReviewDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 3, unit: iop.UnitDays}}},
		{name: "the day after the lead time", asOf: "2026-03-11",
			want: []fx{{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 1, unit: iop.UnitDays}}},
		{name: "on the last day", asOf: "2026-03-13",
			want: []fx{{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 3, unit: iop.UnitDays}}},
		{name: "after the expiration", asOf: "2026-03-14"},
		{name: "review asked for", asOf: "2026-03-11", requested: "2026-03-10"},
		{name: "review asked for later than the day judged", asOf: "2026-03-11", requested: "2026-03-12",
			want: []fx{{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 1, unit: iop.UnitDays}}},
		{name: "discharge planned on the last day", asOf: "2026-03-11", discharge: "2026-03-13"},
		{name: "discharge planned after it", asOf: "2026-03-11", discharge: "2026-03-16",
			want: []fx{{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 1, unit: iop.UnitDays}}},
		{name: "a following authorization, pended", asOf: "2026-03-11", nextAuth: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := a
			if tt.requested != "" {
				a.ReviewRequested = day(tt.requested)
			}
			auths := []authorization.Authorization{a}
			if tt.nextAuth {
				auths = append(auths, next)
			}
			discharge := day0(tt.discharge)
			fs, err := ck.CheckStay(auths, weeks, day(tt.asOf), discharge)
			require.NoError(t, err)
			assert.Equal(t, want(t, ck, tt.want...), fs)
			cover.Check(t, ck.Profile(), fs)
		})
	}
}

// TestReviewRunOut: the review counts back from the day the quantity is
// projected to run out at the recent rate, when that is before the
// expiration.
func TestReviewRunOut(t *testing.T) {
	ck := newChecker(t, reviewTerms())
	a := auth()
	a.Expiration = day("2026-03-31")
	// 10 days authorized; 5 used in the first week (Mar 2 to 8) and 3 by
	// Wednesday Mar 11. The rate is the first week's, 5 a week; 5 were
	// left at its end, so they run out 7 days after Mar 8.
	weeks := days("P-1", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11")
	rs, err := ck.Remaining([]authorization.Authorization{a}, weeks, day("2026-03-11"))
	require.NoError(t, err)
	assert.Equal(t, []authorization.Remaining{{Authorization: "AUTH-1", Unit: iop.UnitDays, Authorized: 10, Used: 8, Left: 2,
		Rate: 5, RunOut: day("2026-03-15"), ReviewBy: day("2026-03-12")}}, rs)

	fs, err := ck.CheckStay([]authorization.Authorization{a}, weeks, day("2026-03-12"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeReviewDue, subject: "AUTH-1", day: "2026-03-12", need: 3, got: 3, unit: iop.UnitDays}), fs)

	// The payer's next review day comes first.
	a.NextReview = day("2026-03-09")
	fs, err = ck.CheckStay([]authorization.Authorization{a}, weeks, day("2026-03-11"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-09", need: 3, got: 2, unit: iop.UnitDays}), fs)

	// Used up: the run-out day is the day the last unit was used; the rate
	// is that of the two weeks from Mar 2 to 15.
	all := days("P-1", weekdays("2026-03-02", 2)...)
	a.NextReview = 0
	rs, err = ck.Remaining([]authorization.Authorization{a}, all, day("2026-03-16"))
	require.NoError(t, err)
	assert.Equal(t, []authorization.Remaining{{Authorization: "AUTH-1", Unit: iop.UnitDays, Authorized: 10, Used: 10, Left: 0,
		Rate: 5, RunOut: day("2026-03-13"), ReviewBy: day("2026-03-10")}}, rs)

	// No use in the window: no projection.
	rs, err = ck.Remaining([]authorization.Authorization{a}, nil, day("2026-03-16"))
	require.NoError(t, err)
	assert.Equal(t, []authorization.Remaining{{Authorization: "AUTH-1", Unit: iop.UnitDays, Authorized: 10, Left: 10,
		ReviewBy: day("2026-03-28")}}, rs)
}

// TestExpiringNoPlan: with 2 notice days, an authorization expiring on
// 2026-03-13 needs a plan from 2026-03-11 through 2026-03-13.
func TestExpiringNoPlan(t *testing.T) {
	terms := authorization.Terms{NoticeDays: 2, ReviewCite: reviewTerms().ReviewCite}
	ck := newChecker(t, terms)
	a := auth()
	for _, tt := range []struct {
		asOf string
		want []fx
	}{
		{asOf: "2026-03-10"},
		{asOf: "2026-03-11", want: []fx{{code: authorization.CodeExpiringNoPlan, subject: "AUTH-1", day: "2026-03-13", need: 2, got: 2, unit: iop.UnitDays}}},
		{asOf: "2026-03-13", want: []fx{{code: authorization.CodeExpiringNoPlan, subject: "AUTH-1", day: "2026-03-13", need: 2, got: 0, unit: iop.UnitDays}}},
		{asOf: "2026-03-14"},
	} {
		fs, err := ck.CheckStay([]authorization.Authorization{a}, nil, day(tt.asOf), 0)
		require.NoError(t, err)
		assert.Equal(t, want(t, ck, tt.want...), fs, "as of %s", tt.asOf)
		cover.Check(t, ck.Profile(), fs)
	}
	fs, err := ck.CheckStay([]authorization.Authorization{a}, nil, day("2026-03-12"), day("2026-03-13"))
	require.NoError(t, err)
	assert.Nil(t, fs, "discharge planned by the expiration")
}

func TestTermsValidate(t *testing.T) {
	_, err := newCheckerErr(authorization.Terms{LeadDays: -1, StandardDays: 7})
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, []string{"authorization.lead_days", "authorization.decision_cite"}, fields(es))
	require.NoError(t, authorization.CMS0057F().Validate(nil))
	assert.Equal(t, "authorization", authorization.Terms{}.Package())
}

func fields(es iop.FieldErrors) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Field)
	}
	return out
}

func TestTermsValidateFields(t *testing.T) {
	cite := iop.Citation{Source: "Payer X UR manual"}
	for _, tt := range []struct {
		name   string
		terms  authorization.Terms
		fields []string
	}{
		{name: "empty"},
		{name: "day counts out of range", terms: authorization.Terms{LeadDays: 367, RateWeeks: 53, NoticeDays: -1, ReviewCite: cite},
			fields: []string{"authorization.lead_days", "authorization.rate_weeks", "authorization.notice_days"}},
		{name: "notice without a citation", terms: authorization.Terms{NoticeDays: 2},
			fields: []string{"authorization.review_cite"}},
		{name: "decision limits", terms: authorization.Terms{StandardDays: -1, ExpeditedHours: 9000, DecisionsFrom: 1, DecisionCite: cite},
			fields: []string{"authorization.standard_days", "authorization.expedited_hours", "authorization.decisions_from"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newCheckerErr(tt.terms)
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

// TestRateWeeks: a one-week window follows the last week alone.
func TestRateWeeks(t *testing.T) {
	terms := reviewTerms()
	terms.RateWeeks = 1
	ck := newChecker(t, terms)
	a := auth()
	a.Quantity, a.Expiration = 20, day("2026-03-31")
	// 5 days in the first week, 2 in the second.
	weeks := days("P-1", append(weekdays("2026-03-02", 1), "2026-03-09", "2026-03-10")...)
	rs, err := ck.Remaining([]authorization.Authorization{a}, weeks, day("2026-03-15"))
	require.NoError(t, err)
	// 13 left at 2 in 7 days: 46 days after Mar 15, past the expiration.
	assert.Equal(t, []authorization.Remaining{{Authorization: "AUTH-1", Unit: iop.UnitDays, Authorized: 20, Used: 7, Left: 13,
		Rate: 2, RunOut: day("2026-04-30"), ReviewBy: day("2026-03-28")}}, rs)
}

// TestManyAuthorizations: a stay with more authorizations than are kept
// on the stack, one a week, each used in full.
func TestManyAuthorizations(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	var auths []authorization.Authorization
	for w := range 10 {
		a := auth()
		a.Number = "AUTH-" + string(rune('A'+w))
		a.Effective = day("2026-03-02") + date.Date(7*w)
		a.Expiration, a.Quantity = a.Effective+6, 5
		auths = append(auths, a)
	}
	weeks := days("P-1", weekdays("2026-03-02", 10)...)
	fs, err := ck.CheckStay(auths, weeks, day("2026-05-10"), 0)
	require.NoError(t, err)
	assert.Nil(t, fs)
	weeks = days("P-1", append(weekdays("2026-03-02", 10), "2026-05-09")...)
	fs, err = ck.CheckStay(auths, weeks, day("2026-05-10"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeQuantityExceeded, subject: "AUTH-J", day: "2026-05-09", need: 5, got: 6, unit: iop.UnitDays}), fs)
}
