package fhir_test

import (
	"strconv"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

func day(s string) date.Date { return iop.MustParseDate(s) }

func itoa(n int) string { return strconv.Itoa(n) }

func completed() aftercare.Discharge {
	return aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "R-77"}
}

// fullEvents is a history through every state, with a hold, under a court order.
func fullEvents() []aftercare.Event {
	return []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: day("2025-01-06"), CourtOrdered: true},
		{Kind: aftercare.EventKindAssess, On: day("2025-01-08")},
		{Kind: aftercare.EventKindAdmit, On: day("2025-01-13"), Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: day("2025-01-14")},
		{Kind: aftercare.EventKindHold, On: day("2025-02-03")},
		{Kind: aftercare.EventKindResume, On: day("2025-02-10")},
		{Kind: aftercare.EventKindDischarge, On: day("2025-03-10"), Discharge: completed()},
		{Kind: aftercare.EventKindAftercare, On: day("2025-03-11")},
		{Kind: aftercare.EventKindClose, On: day("2025-06-30")},
	}
}

func replay(t testing.TB, id string, evs []aftercare.Event) aftercare.Episode {
	t.Helper()
	ep, err := aftercare.Replay(id, evs)
	require.NoError(t, err)
	return ep
}

// emitted collects every resource a test emits, for the conformance module.
var emitted = map[string][]byte{}

func keep(name string, data []byte) { emitted[name] = data }
