package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeJSON decodes arbitrary JSON as the package's other decoded
// types (episode, certifications, week summary): never a panic, errors
// are field errors, and what decodes re-encodes to the same bytes.
func FuzzDecodeJSON(f *testing.F) {
	f.Add([]byte(`{"population":"adolescent","admitted":"2024-02-29","discharged":"2024-03-31","stepped_down":"2024-03-18"}`))
	f.Add([]byte(`{"admitted":"2025-01-06","signed":["2025-01-06","2025-01-24"],"reviewed":["2025-02-05"]}`))
	f.Add([]byte(`{"population":"child","admitted":"2025-02-30"}`))
	f.Add([]byte(`{"patient":"p-1","week":"2024-12-18/W-2","minutes":"9h00m","day_services":[1,2,3,0,0,0,65535]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var e schedule.Episode
		if err := e.UnmarshalJSON(data); err == nil {
			_ = e.Validate()
			jsonRoundTrip(t, e, (*schedule.Episode).UnmarshalJSON)
		} else {
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
		}
		var cs schedule.Certifications
		if cs.UnmarshalJSON(data) == nil {
			_ = cs.Validate()
			jsonRoundTrip(t, cs, (*schedule.Certifications).UnmarshalJSON)
		}
		var s schedule.WeekSummary
		if s.UnmarshalJSON(data) == nil {
			jsonRoundTrip(t, s, (*schedule.WeekSummary).UnmarshalJSON)
		}
	})
}
