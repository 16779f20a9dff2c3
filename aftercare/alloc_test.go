//go:build !race

// The allocation tests: the race detector adds allocations, so they are
// left out of -race builds; CI runs them in a run of their own
// (go test -run Alloc ./...).

package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
)

// TestCheckAllocs holds the checker to what the benchmarks show: nothing
// allocated for a compliant discharge, nor for findings appended into a
// slice with room for them.
func TestCheckAllocs(t *testing.T) {
	ep, plan, p, asOf := benchCompliant(t)
	ck := newChecker(t, p)
	allocs := testing.AllocsPerRun(100, func() {
		if fs, err := ck.CheckDischarge(ep, plan, asOf); err != nil || fs != nil {
			t.Fatal(fs, err)
		}
	})
	assert.Zero(t, allocs, "CheckDischarge of a compliant discharge")

	ep, plan, p, asOf = benchFindings(t)
	ck = newChecker(t, p)
	dst := make(iop.Findings, 0, 8)
	allocs = testing.AllocsPerRun(100, func() {
		if fs, err := ck.AppendDischarge(dst[:0], ep, plan, asOf); err != nil || len(fs) != 4 {
			t.Fatal(fs, err)
		}
	})
	assert.Zero(t, allocs, "AppendDischarge into a reused slice")
	allocs = testing.AllocsPerRun(100, func() {
		if fs, err := ck.CheckDischarge(ep, plan, asOf); err != nil || len(fs) != 4 {
			t.Fatal(fs, err)
		}
	})
	assert.InDelta(t, 1, allocs, 0, "CheckDischarge with findings: one slice of the caller's own")

	allocs = testing.AllocsPerRun(100, func() {
		if err := plan.Validate(); err != nil {
			t.Fatal(err)
		}
	})
	assert.Zero(t, allocs, "Plan.Validate of a valid plan")
}

// TestMeasureAllocs: Measure allocates its FollowUp slice, nothing per case.
func TestMeasureAllocs(t *testing.T) {
	cases := make([]aftercare.Case, 100)
	for i := range cases {
		cases[i] = aftercare.Case{Episode: discharged(t, "E1", completed(), false), Plan: fullPlan()}
	}
	ck := newChecker(t, ioprules.ASAM3Level21())
	allocs := testing.AllocsPerRun(20, func() {
		if _, err := ck.Measure(cases, dischargedOn+60); err != nil {
			t.Fatal(err)
		}
	})
	assert.InDelta(t, 1, allocs, 0)
}
