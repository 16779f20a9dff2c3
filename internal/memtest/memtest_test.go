package memtest_test

import (
	"io"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/internal/memtest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStream(t *testing.T) {
	for _, tc := range []struct {
		head, body, tail string
		size             int64
		want             string
	}{
		{"h\n", "ab\n", "t", 9, "h\nab\nab\nt"},
		{"h\n", "ab\n", "t", 10, "h\nab\nab\nt"},
		{"h\n", "ab\n", "t", 11, "h\nab\nab\nab\nt"},
		{"", "x", "", 3, "xxx"},
		{"head", "x", "", 2, "head"},
		{"", "", "", 5, ""},
	} {
		b, err := io.ReadAll(memtest.NewStream(tc.head, tc.body, tc.tail, tc.size))
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(b))
	}
	b := memtest.Bytes("h", "0123456789", "", 1<<20+1)
	n := len(b) // compared as a number: a failing assert.Len would print 1 MB
	assert.Equal(t, 1+104857*10, n, "whole copies of body only")

}

func TestMeasure(t *testing.T) {
	var keep []byte
	c := memtest.Measure(func() { keep = make([]byte, 32<<20) })
	// Peak is HeapInuse less its level before the call, so memory the
	// runtime frees meanwhile (a sweep of a few KB, seen once) comes off it:
	// the slice is seen when the peak is within 1 MiB of it.
	assert.GreaterOrEqual(t, c.Peak, uint64(31<<20), "a 32 MiB slice is seen")
	assert.Len(t, keep, 32<<20)
	c = memtest.Measure(func() { _ = strings.Repeat("x", 10) })
	assert.Less(t, c.Peak, uint64(1<<20))
}
