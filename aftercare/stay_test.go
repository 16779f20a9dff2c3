package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEpisodeStay(t *testing.T) {
	on := date.New(2025, 3, 3)
	ep, err := aftercare.Refer("E-1", on, false)
	require.NoError(t, err)
	_, ok := ep.Stay(iop.PopulationAdult)
	assert.False(t, ok, "no admission yet")

	ep, err = ep.Assess(on + 1)
	require.NoError(t, err)
	ep, err = ep.Admit(on+2, iop.Level21)
	require.NoError(t, err)
	s, ok := ep.Stay(iop.PopulationAdolescent)
	require.True(t, ok)
	assert.Equal(t, schedule.Stay{Population: iop.PopulationAdolescent, Admitted: on + 2}, s, "no discharge: the stay goes on")
	require.NoError(t, s.Validate())

	ep, err = ep.Start(on + 2)
	require.NoError(t, err)
	ep, err = ep.Discharge(on+30, aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true})
	require.NoError(t, err)
	s, ok = ep.Stay(iop.PopulationAdult)
	require.True(t, ok)
	assert.Equal(t, schedule.Stay{Population: iop.PopulationAdult, Admitted: on + 2, Discharged: on + 30}, s)
	require.NoError(t, s.Validate())
}
