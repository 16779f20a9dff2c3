package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestSteps checks each step's output against testdata/<step>.golden.
// Run with -update to rewrite them after a deliberate change.
func TestSteps(t *testing.T) {
	for _, s := range steps() {
		t.Run(s.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, s.run(&buf))
			golden := filepath.Join("testdata", s.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err)
			assert.Equal(t, string(want), buf.String())
		})
	}
}

// TestRun checks that the whole report is the steps' outputs in order.
func TestRun(t *testing.T) {
	var want bytes.Buffer
	for _, s := range steps() {
		b, err := os.ReadFile(filepath.Join("testdata", s.name+".golden"))
		require.NoError(t, err)
		want.Write(b)
	}
	var got bytes.Buffer
	require.NoError(t, run(&got))
	assert.Equal(t, want.String(), got.String())
	assert.NotEmpty(t, got.String())
}
