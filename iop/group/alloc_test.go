//go:build !race

// The allocation tests: the race detector adds allocations, so they are
// left out of -race builds; CI runs them in a run of their own
// (go test -run Alloc ./...).

package group_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckSessionAllocs checks that a compliant 12-person check allocates
// nothing, and that one with findings appended into a list with room
// allocates nothing either.
func TestCheckSessionAllocs(t *testing.T) {
	ck := checker(t, ioprules.TIP47())
	s := session(12)
	fs, err := ck.CheckMeeting(s)
	require.NoError(t, err)
	require.Nil(t, fs)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = ck.CheckMeeting(s) }))

	bad := findingsSession()
	dst, err := ck.AppendMeeting(nil, bad)
	require.NoError(t, err)
	require.Len(t, dst, 4)
	assert.Zero(t, testing.AllocsPerRun(100, func() { dst, _ = ck.AppendMeeting(dst[:0], bad) }))

	// The one-shot form returns findings of the caller's own: one
	// allocation, whatever their number (4 here, 13 with every agreement
	// missing).
	assert.InDelta(t, 1, testing.AllocsPerRun(100, func() { _, _ = ck.CheckMeeting(bad) }), 0)
	many := findingsSession()
	for i := range many.Participants {
		many.Participants[i].Agreement = false
	}
	fs, err = ck.CheckMeeting(many)
	require.NoError(t, err)
	require.Greater(t, len(fs), 8)
	assert.InDelta(t, 1, testing.AllocsPerRun(100, func() { _, _ = ck.CheckMeeting(many) }), 0)
}

func TestSessionValidateAllocs(t *testing.T) {
	s := session(12)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = s.Validate() }))
}
