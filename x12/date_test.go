package x12

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
)

// parseDate's arithmetic agrees with date.New on every day from 1970 to
// 2199 (the plausible dates of service), and refuses days that do not
// exist.
func TestParseDate(t *testing.T) {
	for d := date.New(1970, 1, 1); d < date.New(2200, 1, 1); d++ {
		got, ok := parseDate([]byte(d.Format("20060102")))
		if !ok || got != d {
			t.Fatalf("parseDate(%s) = %v, %v", d, got, ok)
		}
	}
	for _, s := range []string{"20250230", "20250229", "20241301", "20240000", "19691231", "22000101", "2025031", "2025-3-1", "2025031a"} {
		_, ok := parseDate([]byte(s))
		assert.False(t, ok, s)
	}
	got, ok := parseDate([]byte("20240229"))
	assert.True(t, ok)
	assert.Equal(t, date.New(2024, time.February, 29), got)
}
