package authorization_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTurnaround: CMS-0057-F limits at their boundaries: 7 calendar days
// for a standard request, 72 hours for an expedited one, from 2026-01-01.
func TestTurnaround(t *testing.T) {
	ck := newChecker(t, authorization.CMS0057F())
	received := time.Date(2026, 3, 2, 16, 30, 0, 0, time.UTC)
	at := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		expedited bool
		received  time.Time
		decided   time.Time
		want      []fx
	}{
		{name: "standard on the 7th day", received: received, decided: time.Date(2026, 3, 9, 23, 59, 0, 0, time.UTC)},
		{name: "standard on the 8th day", received: received, decided: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC),
			want: []fx{{code: authorization.CodeDecisionLate, subject: "AUTH-1", ref: "standard_days", day: "2026-03-02", need: 7, got: 8, unit: iop.UnitDays}}},
		{name: "standard undecided by the day judged", received: received,
			want: []fx{{code: authorization.CodeDecisionLate, subject: "AUTH-1", ref: "standard_days", day: "2026-03-02", need: 7, got: 30, unit: iop.UnitDays}}},
		{name: "expedited at 72 hours", expedited: true, received: received, decided: received.Add(72 * time.Hour)},
		{name: "expedited a minute later", expedited: true, received: received, decided: received.Add(72*time.Hour + time.Minute),
			want: []fx{{code: authorization.CodeDecisionLate, subject: "AUTH-1", ref: "expedited_hours", day: "2026-03-02", need: 4320, got: 4321, unit: iop.UnitMinutes}}},
		{name: "expedited a second later counts a started minute", expedited: true, received: received, decided: received.Add(72*time.Hour + time.Second),
			want: []fx{{code: authorization.CodeDecisionLate, subject: "AUTH-1", ref: "expedited_hours", day: "2026-03-02", need: 4320, got: 4321, unit: iop.UnitMinutes}}},
		{name: "no receipt recorded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := auth()
			a.Expedited, a.Requested, a.Decided = tt.expedited, tt.received, tt.decided
			fs, err := ck.CheckTurnaround(&a, at)
			require.NoError(t, err)
			assert.Equal(t, want(t, ck, tt.want...), fs)
			cover.Check(t, ck.Profile(), fs)
		})
	}
	// Calendar days are counted where the request was received.
	ny := time.FixedZone("EST", -5*3600)
	a := auth()
	a.Requested = time.Date(2026, 3, 2, 22, 0, 0, 0, ny)     // Mar 3 in UTC
	a.Decided = time.Date(2026, 3, 10, 2, 0, 0, 0, time.UTC) // Mar 9 in New York
	fs, err := ck.CheckTurnaround(&a, at)
	require.NoError(t, err)
	assert.Nil(t, fs, "Mar 2 to Mar 9 in New York")

	// A request received before 2026 is not held to the limits, under a
	// profile in force on the day received; under one that is not, it is
	// not judged at all: an error, never a silent answer.
	a.Requested, a.Decided = time.Date(2025, 12, 31, 12, 0, 0, 0, time.UTC), received
	ck2025, err := authorization.NewChecker(ioprules.MedicareIOP2025().WithPart(authorization.CMS0057F()))
	require.NoError(t, err)
	fs, err = ck2025.CheckTurnaround(&a, at)
	require.NoError(t, err)
	assert.Nil(t, fs, "received before 2026-01-01")
	_, err = ck.CheckTurnaround(&a, at)
	require.ErrorIs(t, err, iop.ErrNotInForce)

	none := newChecker(t, authorization.Terms{})
	a.Requested, a.Decided = received, time.Time{}
	fs, err = none.CheckTurnaround(&a, at)
	require.NoError(t, err)
	assert.Nil(t, fs, "no limits without Terms")
	_, err = ck.CheckTurnaround(&a, time.Time{})
	require.ErrorIs(t, err, iop.ErrMissing)
}

// TestNotInForce: every check of a stay judges its day (asOf) by the
// checker's profile, as every checker of the module does: a day the
// profile is not in force on is an error wrapping iop.ErrNotInForce,
// never a silent answer under another year's terms.
func TestNotInForce(t *testing.T) {
	ck := newChecker(t, reviewTerms()) // Medicare IOP 2026, from 2026-01-01
	auths := []authorization.Authorization{auth()}
	weeks := days("P-1", "2026-03-02")
	line := schedule.ClaimLine{Patient: "P-1", Claim: "C-1", Line: 1, Date: day("2026-03-02"), Code: "H0015", Units: 1}
	for _, tt := range []struct {
		asOf string
		want error
	}{
		{"2026-01-01", nil},
		{"2025-12-31", iop.ErrNotInForce},
	} {
		t.Run(tt.asOf, func(t *testing.T) {
			asOf := day(tt.asOf)
			_, err := ck.CheckStay(auths, weeks, asOf, 0)
			require.ErrorIs(t, err, tt.want, "CheckStay")
			_, err = ck.CheckStays(auths, weeks, asOf)
			require.ErrorIs(t, err, tt.want, "CheckStays")
			_, err = ck.Remaining(auths, weeks, asOf)
			require.ErrorIs(t, err, tt.want, "Remaining")
			_, err = ck.CheckClaims(auths, []schedule.ClaimLine{line}, asOf, 0)
			require.ErrorIs(t, err, tt.want, "CheckClaims")
			_, err = ck.RemainingClaims(auths, []schedule.ClaimLine{line}, asOf)
			require.ErrorIs(t, err, tt.want, "RemainingClaims")
			if tt.want != nil {
				var pe *iop.ProfileError
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, iop.ProfileError{Level: iop.Level21, Profile: "medicare-iop-2026", From: day("2026-01-01"), On: asOf, Err: iop.ErrNotInForce}, *pe)
			}
		})
	}
}
