//go:build !race

package schedule_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOneShotAllocs holds the one-shot checks to the append form's cost
// plus one allocation: none for a week or a claim without findings, one
// with findings, whatever their number. (Under -race allocation counts
// differ, so this runs in the separate allocation run of .ci/run.)
func TestOneShotAllocs(t *testing.T) {
	ck := medicare2025(t)
	for _, tc := range oneShotWeeks {
		ss, w := oneShotWeek(tc.perDay)
		sum, err := ck.Summarize(w, ss)
		require.NoError(t, err)
		fs, err := ck.CheckWeek(&sum, benchEpisode)
		require.NoError(t, err)
		require.Len(t, fs, tc.findings)
		want := 0.0
		if tc.findings > 0 {
			want = 1
		}
		got := testing.AllocsPerRun(100, func() { _, _ = ck.CheckWeek(&sum, benchEpisode) })
		assert.InDelta(t, want, got, 0, "CheckWeek with %d findings", tc.findings)
	}
	for _, bad := range []bool{false, true} {
		lines := oneShotClaim(bad)
		fs, err := ck.CheckClaim(lines)
		require.NoError(t, err)
		want := 0.0
		if len(fs) > 0 {
			want = 1
		}
		require.Equal(t, bad, len(fs) > 0)
		got := testing.AllocsPerRun(100, func() { _, _ = ck.CheckClaim(lines) })
		assert.InDelta(t, want, got, 0, "CheckClaim with %d findings", len(fs))
	}
}
