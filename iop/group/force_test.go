package group_test

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProfileNotInForce: 77 Ill. Adm. Code 2060 was adopted on 2025-04-02,
// so a session of the day before is not judged by it: an error naming
// the profile and its range, not a finding about the group.
func TestProfileNotInForce(t *testing.T) {
	ck := checker(t, group.IllinoisAges())
	s := session(6)
	s.Date = date.New(2025, 4, 1)
	_, err := ck.CheckMeeting(s)
	var pe *iop.ProfileError
	require.ErrorAs(t, err, &pe)
	require.ErrorIs(t, err, iop.ErrNotInForce)
	assert.Equal(t, "il-77iac2060-ages", pe.Profile)
	assert.Equal(t, date.New(2025, 4, 1), pe.On)
	s.Date = date.New(2025, 4, 2)
	fs, err := ck.CheckMeeting(s)
	require.NoError(t, err)
	assert.Nil(t, fs)
}
