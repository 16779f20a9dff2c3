package fhir

import (
	"strings"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// dateOf reads a FHIR date or dateTime as the civil date it names: the
// date as written, which is the writer's local date ("2025-03-04T23:30:00-07:00"
// is 2025-03-04). Partial dates ("2025", "2025-03") and dates that do not
// exist are refused with [iop.ErrInvalidDate].
func dateOf(s string) (date.Date, error) {
	if len(s) < 10 {
		return 0, iop.ErrInvalidDate
	}
	if len(s) > 10 {
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			return 0, iop.ErrInvalidDate
		}
	}
	d, err := date.Parse(date.ISO8601, s[:10])
	if err != nil {
		return 0, iop.ErrInvalidDate
	}
	if err := iop.CheckServiceDate(d); err != nil {
		return 0, err
	}
	return d, nil
}

// instantOf reads a FHIR dateTime with a time of day and its offset.
func instantOf(s string) (time.Time, error) {
	if len(s) <= 10 || !strings.Contains(s, "T") {
		return time.Time{}, iop.ErrInvalidDate
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, iop.ErrInvalidDate
	}
	return t, nil
}

func dateText(d date.Date) string { return d.String() }

// instantText writes an instant with its offset and, when it has one, its
// fraction of a second (FHIR instant and dateTime allow both).
func instantText(t time.Time) string { return t.Format(time.RFC3339Nano) }
