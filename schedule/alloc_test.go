//go:build !race

// The allocation tests: the race detector adds allocations, so they are
// left out of -race builds; CI runs them in a run of their own
// (go test -run Alloc ./...).

package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSummarizeAndCheckAllocs holds the single-week path to what its
// documentation says: summarising a week that comes in order, or one of at
// most 32 sessions out of order, and checking a compliant week allocate
// nothing; findings appended into a slice with room allocate nothing.
func TestSummarizeAndCheckAllocs(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	w := schedule.ISOWeeks().Of(mon)
	inOrder := daysOf(180, 180, 180)
	shuffled := reversedOf(inOrder)
	for name, ss := range map[string][]schedule.Session{"in order": inOrder, "out of order": shuffled} {
		sum, err := ck.Summarize(w, ss)
		require.NoError(t, err)
		assert.Zero(t, testing.AllocsPerRun(100, func() { sum, _ = ck.Summarize(w, ss) }), "Summarize, %s", name)
		assert.Equal(t, iop.Minutes(540), sum.Minutes)
	}
	sum, err := ck.Summarize(w, inOrder)
	require.NoError(t, err)
	fs, err := ck.CheckWeek(&sum, adult())
	require.NoError(t, err)
	require.Nil(t, fs)
	assert.Zero(t, testing.AllocsPerRun(100, func() { fs, _ = ck.CheckWeek(&sum, adult()) }), "CheckWeek of a compliant week")

	short, err := ck.Summarize(w, daysOf(180, 180))
	require.NoError(t, err)
	dst, err := ck.AppendWeek(nil, &short, adult())
	require.NoError(t, err)
	require.NotEmpty(t, dst)
	assert.Zero(t, testing.AllocsPerRun(100, func() { dst, _ = ck.AppendWeek(dst[:0], &short, adult()) }), "AppendWeek into a slice with room")
}

// A compliant RHC claim is checked without allocating.
func TestSettingClaimAllocs(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	lines := []schedule.ClaimLine{
		settingLine(1, mon, "G0410", "0905", "0711", "CG"), settingLine(2, mon, "90834", "0905", "0711"),
		settingLine(3, mon+1, "G0410", "0905", "0711", "CG"),
	}
	var fs iop.Findings
	assert.Zero(t, testing.AllocsPerRun(100, func() { fs, _ = ck.CheckClaim(lines) }))
	assert.Empty(t, fs)
}

// A compliant claim's week (9 lines, no replacement) is summarised and
// checked, week and claim, without allocating.
func TestClaimWeekAllocs(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	ls, w := claimWeek()
	episode := schedule.Stay{Population: iop.PopulationAdult, Admitted: mon - 56}
	var fs iop.Findings
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		sum, _ := ck.SummarizeClaims(w, ls)
		fs, _ = ck.CheckWeek(&sum, episode)
		fs, _ = ck.CheckClaim(ls)
	}))
	assert.Empty(t, fs)
}
