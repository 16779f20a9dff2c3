//go:build !race

package authorization_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHotPathsDoNotAllocate checks that a stay, a batch of stays, a level
// and a decision time are checked without allocating once dst has room,
// findings or not. (The race detector adds allocations, so the test is
// left out of -race builds.)
func TestHotPathsDoNotAllocate(t *testing.T) {
	terms := reviewTerms()
	terms.StandardDays, terms.ExpeditedHours, terms.DecisionCite = 7, 72, authorization.CMS0057F().DecisionCite
	ck := newChecker(t, terms)
	a := auth()
	a.Quantity, a.PerWeek = 9, 4
	auths := []authorization.Authorization{a}
	weeks := days("P-1", append(weekdays("2026-03-02", 2), "2026-03-14")...)
	batchAuths, batchWeeks := stays()
	d := decision(t, 0)
	low := auth()
	low.Level = iop.Level1
	late := auth()
	late.Requested = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	late.Decided = late.Requested.Add(10 * 24 * time.Hour)
	dst := make(iop.Findings, 0, 32)
	var err error
	for name, f := range map[string]func(){
		"AppendStay": func() {
			dst, err = ck.AppendStay(dst[:0], auths, weeks, day("2026-03-11"), 0)
		},
		"AppendStays": func() {
			dst, err = ck.AppendStays(dst[:0], batchAuths, batchWeeks, day("2026-03-11"))
		},
		"AppendTurnaround": func() {
			dst, err = ck.AppendTurnaround(dst[:0], &late, late.Decided)
		},
		"AppendLevel": func() {
			dst, err = ck.AppendLevel(dst[:0], &low, &d)
		},
	} {
		f()
		require.NoError(t, err, name)
		require.NotEmpty(t, dst, name)
		assert.Zero(t, testing.AllocsPerRun(100, f), "%s allocates", name)
	}
}
