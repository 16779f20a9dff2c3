package billing

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzInput reads arbitrary sessions and episodes: it never panics, and
// every refused row names a line of its input.
func FuzzInput(f *testing.F) {
	sessions, err := os.ReadFile(filepath.Join("..", "..", "billingcheck", "testdata", "stepdown.csv"))
	require.NoError(f, err)
	episodes, err := os.ReadFile(filepath.Join("..", "..", "billingcheck", "testdata", "stepdown-episodes.csv"))
	require.NoError(f, err)
	f.Add(string(sessions), string(episodes))
	f.Add(sampleSessions, sampleEpisodes)
	f.Add("patient,date,start,minutes,kind,attendance\n\"", "patient,population,admitted,discharged,stepped_down,certified\n\"")
	f.Fuzz(func(t *testing.T, s, e string) {
		in, err := readInput(strings.NewReader(s), strings.NewReader(e), readOptions{})
		if err != nil {
			return
		}
		for _, re := range in.rowErrors {
			assert.NotEmpty(t, re.err.Error())
		}
		for _, ss := range in.sessions {
			require.NoError(t, ss.Validate())
		}
		for id, ep := range in.episodes {
			require.NoError(t, ep.Validate(), id)
		}
	})
}

// FuzzExtraColumn checks that a column of another name, inserted anywhere
// in every row, changes nothing that is read: the same sessions, the same
// rows refused on the same lines.
func FuzzExtraColumn(f *testing.F) {
	sessions, err := os.ReadFile(filepath.Join("..", "..", "billingcheck", "testdata", "stepdown.csv"))
	require.NoError(f, err)
	f.Add(string(sessions), uint8(3), "x")
	f.Add(sampleSessions, uint8(0), "a\nb")
	f.Add("patient,date,start,minutes,kind,attendance\np,2025-03-03,09:00,180,group,attended\n", uint8(9), "\"")
	f.Fuzz(func(t *testing.T, s string, at uint8, cell string) {
		recs, err := csv.NewReader(strings.NewReader(s)).ReadAll()
		if err != nil || len(recs) == 0 || len(recs[0]) == 0 {
			return
		}
		// A line break in the extra cell would move the rows after it:
		// TestMapAndExtraColumns has that case.
		cell = strings.NewReplacer("\n", " ", "\r", " ").Replace(cell)
		var plain, extra bytes.Buffer
		pw, ew := csv.NewWriter(&plain), csv.NewWriter(&extra)
		k := int(at) % (len(recs[0]) + 1)
		for i, rec := range recs {
			require.NoError(t, pw.Write(rec))
			c := cell
			if i == 0 {
				c = "clinician"
			}
			require.NoError(t, ew.Write(slices.Insert(slices.Clone(rec), k, c)))
		}
		pw.Flush()
		ew.Flush()
		want, wantErr := readInput(&plain, nil, readOptions{})
		got, gotErr := readInput(&extra, nil, readOptions{})
		if wantErr != nil {
			return // a header the reader refuses: nothing to compare
		}
		require.NoError(t, gotErr)
		assert.Equal(t, want.sessions, got.sessions)
		assert.Equal(t, want.rowErrors, got.rowErrors)
		// The extra column is ignored beside those the plain file had
		// (blank header cells are named by position, which the insertion
		// shifts).
		assert.Len(t, got.ignored, len(want.ignored)+1)
		assert.Contains(t, got.ignored, "clinician")
	})
}
