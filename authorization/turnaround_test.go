package authorization_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
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
		{name: "standard received before 2026", received: time.Date(2025, 12, 31, 12, 0, 0, 0, time.UTC), decided: received},
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

	none := newChecker(t, authorization.Terms{})
	a.Decided = time.Time{}
	fs, err = none.CheckTurnaround(&a, at)
	require.NoError(t, err)
	assert.Nil(t, fs, "no limits without Terms")
	_, err = ck.CheckTurnaround(&a, time.Time{})
	require.ErrorIs(t, err, iop.ErrMissing)
}
