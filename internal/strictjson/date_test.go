package strictjson_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
)

// ParseDate takes YYYY-MM-DD of a date that exists, years 0001 to 9999,
// and nothing else: date/v2's own parsers roll "2025-02-30" forward.
// 0001-01-01 is date.Zero, the unset date.
func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		ok   bool
		want date.Date
	}{
		{"2024-02-29", true, date.New(2024, 2, 29)},
		{"2000-02-29", true, date.New(2000, 2, 29)},
		{"2025-02-28", true, date.New(2025, 2, 28)},
		{"2025-12-31", true, date.New(2025, 12, 31)},
		{"2025-01-01", true, date.New(2025, 1, 1)},
		{"2025-04-30", true, date.New(2025, 4, 30)},
		{"0001-01-01", true, date.New(1, 1, 1)},
		{"9999-12-31", true, date.New(9999, 12, 31)},
		{"2025-02-29", false, date.Zero},
		{"1900-02-29", false, date.Zero},
		{"2025-02-30", false, date.Zero},
		{"2025-04-31", false, date.Zero},
		{"2025-12-32", false, date.Zero},
		{"2025-13-01", false, date.Zero},
		{"2025-00-10", false, date.Zero},
		{"2025-01-00", false, date.Zero},
		{"0000-12-31", false, date.Zero},
		{"2025-1-01", false, date.Zero},
		{"2025-01-1", false, date.Zero},
		{"25-01-01", false, date.Zero},
		{"02025-01-01", false, date.Zero},
		{"+025-01-01", false, date.Zero},
		{"-025-01-01", false, date.Zero},
		{"2025/01/01", false, date.Zero},
		{"20250101", false, date.Zero},
		{" 2025-01-01", false, date.Zero},
		{"2025-01-01 ", false, date.Zero},
		{"2025-01-01T00:00:00Z", false, date.Zero},
		{"", false, date.Zero},
		{"Jane Doe 1", false, date.Zero},
	} {
		got, err := strictjson.ParseDate(tc.in)
		assert.Equal(t, tc.want, got, "ParseDate(%q)", tc.in)
		if tc.ok {
			assert.NoError(t, err, "ParseDate(%q)", tc.in)
		} else {
			assert.Same(t, errs.InvalidDate, err, "ParseDate(%q): the bare sentinel, holding no input", tc.in)
		}
	}
}

// FuzzParseDate compares ParseDate with the standard library's strict
// reading of the same layout (two-digit month and day, a day that exists
// in its month), and checks the round trip through date's own format.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2025-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "+025-01-01", "2025-1-011"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := strictjson.ParseDate(s)
		std, stdErr := time.Parse(time.DateOnly, s)
		if stdErr != nil || std.Year() < 1 || len(s) != len(time.DateOnly) {
			assert.Same(t, errs.InvalidDate, err, "ParseDate(%q): time.Parse says %v", s, stdErr)
			assert.Equal(t, date.Zero, got)
			return
		}
		if assert.NoError(t, err, "ParseDate(%q): time.Parse reads %v", s, std) {
			assert.Equal(t, date.NewAt(std), got)
			assert.Equal(t, s, got.Format(date.ISO8601))
		}
	})
}
