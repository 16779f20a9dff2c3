//go:build !race

package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHotPathsDoNotAllocate checks that deciding, and each check on the
// compliant path, allocates nothing, and that a check with findings
// appended into a slice with room allocates nothing either. (The race
// detector adds allocations, so the test is left out of -race builds.)
func TestHotPathsDoNotAllocate(t *testing.T) {
	for name, f := range hotPaths(t) {
		f()
		require.NoError(t, sinkErr, name)
		if name == "CheckAdmissionFindings" {
			require.NotEmpty(t, sinkFindings)
			assert.InDelta(t, 1, testing.AllocsPerRun(100, f), 0, "%s: one slice of the caller's own", name)
			continue
		}
		if name != "AppendAdmissionFindings" && name != "AppendContinuedStayStepDown" && name != "AppendTransferStepDown" && name != "Decide" && name != "Recommended" && name != "ValidateAssessment" {
			require.Nil(t, sinkFindings, name)
		}
		assert.Zero(t, testing.AllocsPerRun(100, f), "%s allocates", name)
	}
}
