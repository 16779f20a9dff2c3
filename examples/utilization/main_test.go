package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestRun checks the program's output on three days (the day before a
// review falls due, the day it does, the day after) against
// testdata/*.golden. Run with -update to rewrite them after a deliberate
// change.
func TestRun(t *testing.T) {
	for _, day := range []string{"2026-03-15", "2026-03-16", "2026-03-17"} {
		t.Run(day, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, run(&buf, iop.MustParseDate(day)))
			golden := filepath.Join("testdata", day+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), buf.String())
		})
	}
}
