package eligibility_test

import (
	"encoding/json"
	"errors"
	"sync"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewChecker(t *testing.T) {
	c := eligibility.DefaultCriteria()
	p := withCriteria(ioprules.ASAM3Level21(), c)
	ck, err := eligibility.NewChecker(p)
	require.NoError(t, err)
	assert.True(t, p.Equal(ck.Profile()))
	assert.True(t, c.Equal(ck.Criteria()))

	got := ck.Profile()
	got = withBenefit(got, func(b *schedule.Benefit) { b.Weekly.Adult.Min = 0 })
	got.Rules = append(got.Rules, iop.RuleSetting{})
	assert.True(t, p.Equal(ck.Profile()), "Profile returns a copy")
	cc := ck.Criteria()
	cc.Rules[0].Min = iop.Level4
	assert.True(t, c.Equal(ck.Criteria()), "Criteria returns a copy")

	c.Rules[0].Min = iop.Level4
	d := decideRisks(t, iopRisks)
	d2, err := ck.Decide(d.Assessment())
	require.NoError(t, err)
	assert.Equal(t, d, d2, "the checker keeps its own copy of the criteria")

	var zero eligibility.Checker
	assert.True(t, zero.Profile().IsZero())
	assert.True(t, zero.Criteria().IsZero())
}

func TestNewCheckerRefuses(t *testing.T) {
	c := eligibility.DefaultCriteria()
	tests := []struct {
		name string
		p    iop.Profile
		c    eligibility.Criteria
		want []fieldWant
	}{
		{"a level 1 profile", func() iop.Profile { p := ioprules.ASAM3Level21(); p.Level = iop.Level1; return p }(), c, []fieldWant{{"level", iop.ErrOutOfRange}}},
		{"a level 3.1 profile", func() iop.Profile { p := ioprules.ASAM3Level21(); p.Level = iop.Level31; return p }(), c, []fieldWant{{"level", iop.ErrOutOfRange}}},
		{"an invalid profile", func() iop.Profile { p := ioprules.ASAM3Level21(); p.ID = ""; return p }(), c,
			[]fieldWant{{"id", iop.ErrMissing}}},
		{"criteria of another edition", func() iop.Profile { p := ioprules.ASAM3Level21(); p.Edition = iop.Edition4; return p }(), c,
			[]fieldWant{{"eligibility.criteria.edition", iop.ErrOutOfRange}}},
		{"invalid criteria", ioprules.ASAM3Level21(), eligibility.Criteria{ID: "x"}, append([]fieldWant{
			{"eligibility.criteria.title", iop.ErrMissing}, {"eligibility.criteria.edition", iop.ErrMissing}, {"eligibility.criteria.source", iop.ErrMissing},
			{"eligibility.criteria.levels", iop.ErrMissing},
		}, gaps(eligibility.NumDimensions*eligibility.NumRisks)...)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ck, err := eligibility.NewChecker(withCriteria(tt.p, tt.c))
			requireFields(t, err, tt.want...)
			assert.Equal(t, eligibility.Checker{}, ck)
		})
	}
}

// TestCheckerConcurrent shares one Checker, and one profile, between
// goroutines that decide, make decisions from another tool's
// recommendation, check and encode; run with -race.
func TestCheckerConcurrent(t *testing.T) {
	p := ioprules.ASAM3Level21()
	ck := newChecker(t, p)
	a := assess(t, iopRisks, eligibility.ModifierCoOccurring)
	want := decide(t, a)
	wantFs := admission(t, ck, want, iop.Hours(8))
	rec := recommendation(t, iop.Level25)
	wantRec := recommended(t, rec)
	wantRecFs := admission(t, ck, wantRec, iop.Hours(20))
	type result struct {
		d, r   eligibility.Decision
		fs, rf iop.Findings
		err    error
	}
	results := make([][]result, 8)
	var wg sync.WaitGroup
	for g := range results {
		wg.Go(func() {
			for range 50 {
				d, err := ck.Decide(a)
				fs, aerr := ck.AppendAdmission(make(iop.Findings, 0, g), &d, iop.Hours(8))
				_, cerr := ck.CheckDecision(&d)
				r, rerr := ck.Recommended(rec)
				rf, raerr := ck.CheckAdmission(&r, iop.Hours(20))
				b, jerr := json.Marshal(r)
				var back eligibility.Decision
				uerr := json.Unmarshal(b, &back)
				_ = ck.Profile()
				_, nerr := eligibility.NewChecker(withCriteria(p, ck.Criteria()))
				results[g] = append(results[g], result{d, back, fs, rf, errors.Join(err, aerr, cerr, rerr, raerr, jerr, uerr, nerr)})
			}
		})
	}
	wg.Wait()
	for _, rs := range results {
		require.Len(t, rs, 50)
		for _, r := range rs {
			require.NoError(t, r.err)
			assert.Equal(t, want, r.d)
			assert.Equal(t, wantFs, r.fs)
			assert.Equal(t, wantRec, r.r)
			assert.Equal(t, wantRecFs, r.rf)
		}
	}
}

// gaps returns n refusals of ratings no rule maps.
func gaps(n int) []fieldWant {
	out := make([]fieldWant, n)
	for i := range out {
		out[i] = fieldWant{"eligibility.criteria.rules", iop.ErrMissing}
	}
	return out
}
