package eligibility_test

import (
	"fmt"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
)

// TestDefaultEveryDimensionAndRating rates one dimension at a time, the
// others at 0, and checks the level the default criteria recommend, the
// levels each role calls for, the most intensive level justified and the
// dimensions that drove it.
func TestDefaultEveryDimensionAndRating(t *testing.T) {
	const (
		l05, l1, l21, l25 = iop.Level05, iop.Level1, iop.Level21, iop.Level25
		l31, l35, l37, l4 = iop.Level31, iop.Level35, iop.Level37, iop.Level4
	)
	type want struct {
		rec, justified, safety, intensity iop.Level
		drivers                           iop.Set[eligibility.Dimension]
	}
	d1, d2, d3 := set(eligibility.Dimension1), set(eligibility.Dimension2), set(eligibility.Dimension3)
	d4, d5, d6 := set(eligibility.Dimension4), set(eligibility.Dimension5), set(eligibility.Dimension6)
	tests := []struct {
		d    eligibility.Dimension
		risk int
		want want
	}{
		{eligibility.Dimension1, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension1, 1, want{l05, l21, l05, l05, allDims}},
		{eligibility.Dimension1, 2, want{l21, l25, l21, l05, d1}},
		{eligibility.Dimension1, 3, want{l37, l37, l37, l05, d1}},
		{eligibility.Dimension1, 4, want{l4, l4, l4, l05, d1}},

		{eligibility.Dimension2, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension2, 1, want{l05, l21, l05, l05, allDims}},
		{eligibility.Dimension2, 2, want{l1, l25, l1, l05, d2}},
		{eligibility.Dimension2, 3, want{l37, l37, l37, l05, d2}},
		{eligibility.Dimension2, 4, want{l4, l4, l4, l05, d2}},

		{eligibility.Dimension3, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension3, 1, want{l05, l21, l05, l05, allDims}},
		{eligibility.Dimension3, 2, want{l21, l25, l21, l05, d3}},
		{eligibility.Dimension3, 3, want{l25, l37, l25, l05, d3}},
		{eligibility.Dimension3, 4, want{l4, l4, l4, l05, d3}},

		{eligibility.Dimension4, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension4, 1, want{l1, l21, l05, l1, d4}},
		{eligibility.Dimension4, 2, want{l21, l25, l05, l21, d4}},
		{eligibility.Dimension4, 3, want{l25, l35, l05, l25, d4}},
		{eligibility.Dimension4, 4, want{l35, l35, l05, l35, d4}},

		{eligibility.Dimension5, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension5, 1, want{l1, l21, l05, l1, d5}},
		{eligibility.Dimension5, 2, want{l21, l25, l05, l21, d5}},
		{eligibility.Dimension5, 3, want{l25, l35, l05, l25, d5}},
		{eligibility.Dimension5, 4, want{l35, l35, l05, l35, d5}},

		{eligibility.Dimension6, 0, want{l05, l1, l05, l05, allDims}},
		{eligibility.Dimension6, 1, want{l1, l21, l05, l1, d6}},
		{eligibility.Dimension6, 2, want{l21, l31, l05, l21, d6}},
		{eligibility.Dimension6, 3, want{l31, l35, l05, l31, d6}},
		{eligibility.Dimension6, 4, want{l31, l35, l05, l31, d6}},
	}
	assert.Len(t, tests, eligibility.NumDimensions*eligibility.NumRisks)
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s=%d", tt.d, tt.risk), func(t *testing.T) {
			var risks [6]int
			risks[tt.d-1] = tt.risk
			d := decideRisks(t, risks)
			got := want{d.Recommended(), d.Justified(), d.SafetyLevel(), d.IntensityLevel(), d.Drivers()}
			assert.Equal(t, tt.want, got)
			r := d.Reason(tt.d)
			assert.Equal(t, ruleIndex(tt.d, tt.risk), r.Rule)
			assert.Equal(t, tt.d.Role(), r.Role())
			assert.Equal(t, eligibility.Modifier(0), d.RaisedBy())
		})
	}
}

// TestDefaultDimensionsPullApart rates several dimensions that call for
// different levels: the highest-risk dimensions decide, never an average,
// and a modifier can only raise the level.
func TestDefaultDimensionsPullApart(t *testing.T) {
	type want struct {
		rec, safety, intensity iop.Level
		drivers                iop.Set[eligibility.Dimension]
		raisedBy               eligibility.Modifier
	}
	im := eligibility.ModifierImminentDanger
	tests := []struct {
		name  string
		risks [6]int
		mods  []eligibility.Modifier
		want  want
	}{
		{"withdrawal needs 24-hour care, readiness would do with outpatient", [6]int{3, 0, 0, 1, 0, 0}, nil,
			want{iop.Level37, iop.Level37, iop.Level1, set(eligibility.Dimension1), 0}},
		{"relapse potential outweighs mild psychiatric symptoms", [6]int{0, 1, 1, 1, 3, 1}, nil,
			want{iop.Level25, iop.Level05, iop.Level25, set(eligibility.Dimension5), 0}},
		{"biomedical outpatient care, environment needs IOP", [6]int{0, 2, 0, 0, 0, 2}, nil,
			want{iop.Level21, iop.Level1, iop.Level21, set(eligibility.Dimension6), 0}},
		{"safety and intensity agree on IOP", [6]int{2, 0, 2, 2, 1, 0}, nil,
			want{iop.Level21, iop.Level21, iop.Level21, set(eligibility.Dimension1, eligibility.Dimension3, eligibility.Dimension4), 0}},
		{"not an average: five dimensions at 0, one at 4", [6]int{0, 0, 0, 0, 0, 4}, nil,
			want{iop.Level31, iop.Level05, iop.Level31, set(eligibility.Dimension6), 0}},
		{"readiness at 4 does not reach level 4, biomedical at 4 does", [6]int{0, 4, 0, 4, 4, 0}, nil,
			want{iop.Level4, iop.Level4, iop.Level35, set(eligibility.Dimension2), 0}},
		{"imminent danger raises IOP ratings to 3.7", iopRisks, []eligibility.Modifier{im},
			want{iop.Level37, iop.Level05, iop.Level21, 0, im}},
		{"imminent danger does not lower level 4", [6]int{4, 0, 0, 0, 0, 0}, []eligibility.Modifier{im},
			want{iop.Level4, iop.Level4, iop.Level05, set(eligibility.Dimension1), 0}},
		{"unsupportive environment raises outpatient to IOP", [6]int{0, 0, 0, 1, 1, 1},
			[]eligibility.Modifier{eligibility.ModifierUnsupportiveEnvironment},
			want{iop.Level21, iop.Level05, iop.Level1, 0, eligibility.ModifierUnsupportiveEnvironment}},
		{"a failed lower level floor equal to the dimensions' level leaves them driving", iopRisks,
			[]eligibility.Modifier{eligibility.ModifierFailedLowerLevel},
			want{iop.Level21, iop.Level05, iop.Level21, set(eligibility.Dimension4, eligibility.Dimension5), 0}},
		{"modifiers without a floor change nothing", iopRisks,
			[]eligibility.Modifier{eligibility.ModifierCoOccurring, eligibility.ModifierCourtOrdered, eligibility.ModifierWithdrawalMonitoring},
			want{iop.Level21, iop.Level05, iop.Level21, set(eligibility.Dimension4, eligibility.Dimension5), 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decideRisks(t, tt.risks, tt.mods...)
			got := want{d.Recommended(), d.SafetyLevel(), d.IntensityLevel(), d.Drivers(), d.RaisedBy()}
			assert.Equal(t, tt.want, got)
		})
	}
}
