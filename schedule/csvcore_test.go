package schedule

import (
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The CSV readers' own parsing against encoding/csv, its slow twin: a line
// (no line end in it) splits into the same cells or fails alike, and a row
// over several lines (LF only, quoted line ends) ends where encoding/csv's
// first record ends, with as many cells.

func FuzzParseLine(f *testing.F) {
	for _, s := range []string{"a,b,c", `"a","b""c",`, `a"b`, `"a"b`, `"a`, " ", ",,", `""`, `"",""`, `x,"y`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if line == "" || strings.ContainsAny(line, "\r\n") {
			return
		}
		var c csvCore
		err := c.parse([]byte(line))
		r := csv.NewReader(strings.NewReader(line))
		r.FieldsPerRecord = -1
		want, wantErr := r.Read()
		if wantErr != nil {
			require.True(t, errors.Is(err, csv.ErrQuote) || errors.Is(err, csv.ErrBareQuote),
				"encoding/csv refuses %q (%v), so must parse: %v", line, wantErr, err)
			return
		}
		require.NoError(t, err, "encoding/csv reads %q", line)
		require.Equal(t, want, slices.Clone(c.cells()))
	})
}

func FuzzRowEnd(f *testing.F) {
	for _, s := range []string{"a,\"b\nc\",d\nnext", "\"a\n\"\n", "a,b\n", "\"a\"\"\n\",b", "\"open\nno close"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		data = strings.ReplaceAll(data, "\r", "")
		if data == "" || data[0] == '\n' {
			return // encoding/csv skips empty lines; the readers too, before rowEnd
		}
		end, _, cells, _, ok := rowEnd([]byte(data), true)
		r := csv.NewReader(strings.NewReader(data))
		r.FieldsPerRecord = -1
		want, err := r.Read()
		if err != nil && !errors.Is(err, io.EOF) {
			require.False(t, ok, "encoding/csv refuses %q: %v", data, err)
			return
		}
		require.True(t, ok, "encoding/csv reads %q", data)
		require.Len(t, want, cells)
		require.Equal(t, int(r.InputOffset()), end)
	})
}
