package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDischargeReasonTEDS(t *testing.T) {
	// TEDS-D REASON: 1 completed, 2 dropped out / left against advice,
	// 3 terminated by facility, 4 transferred, 5 incarcerated, 6 death,
	// 7 other.
	want := map[aftercare.DischargeReason]int{
		aftercare.DischargeReasonCompleted: 1, aftercare.DischargeReasonLeftAgainstAdvice: 2, aftercare.DischargeReasonTerminated: 3,
		aftercare.DischargeReasonTransferred: 4, aftercare.DischargeReasonIncarcerated: 5, aftercare.DischargeReasonDied: 6, aftercare.DischargeReasonOther: 7,
	}
	for r, code := range want {
		assert.Equal(t, code, r.TEDS(), "%s.TEDS()", r)
		got, err := aftercare.DischargeReasonFromTEDS(code)
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	assert.Equal(t, 0, aftercare.DischargeReason(0).TEDS())
	assert.Equal(t, 0, aftercare.DischargeReason(8).TEDS())
	for _, bad := range []int{-1, 0, 8, 99} {
		_, err := aftercare.DischargeReasonFromTEDS(bad)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "DischargeReasonFromTEDS(%d)", bad)
		assert.Equal(t, "aftercare.DischargeReasonFromTEDS", pe.Func)
		require.ErrorIs(t, err, iop.ErrOutOfRange)
		assert.EqualError(t, err, "aftercare.DischargeReasonFromTEDS: out of range: TEDS-D reason codes are 1 to 7")
	}
}

func TestDischargeReasonPlanning(t *testing.T) {
	type planning struct{ planned, fixed bool }
	want := map[aftercare.DischargeReason]planning{
		aftercare.DischargeReasonCompleted:         {true, true},
		aftercare.DischargeReasonLeftAgainstAdvice: {false, true},
		aftercare.DischargeReasonTerminated:        {false, false},
		aftercare.DischargeReasonTransferred:       {false, false},
		aftercare.DischargeReasonIncarcerated:      {false, true},
		aftercare.DischargeReasonDied:              {false, true},
		aftercare.DischargeReasonOther:             {false, false},
	}
	for _, r := range iop.All[aftercare.DischargeReason]() {
		p, f := r.Planning()
		got := planning{p, f}
		assert.Equal(t, want[r], got, "%s.Planning()", r)
	}
}

func TestStepWant(t *testing.T) {
	assert.Equal(t, -1, aftercare.StepDown.Want())
	assert.Equal(t, +1, aftercare.StepUp.Want())
	assert.Equal(t, 0, aftercare.StepLateral.Want())
}

func TestDischargeValidate(t *testing.T) {
	tests := []struct {
		name string
		d    aftercare.Discharge
		want []fieldErr // in order; nil when valid
	}{
		{name: "planned completion stepping down", d: completed()},
		{name: "unplanned departure", d: aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}},
		{name: "planned transfer up", d: aftercare.Discharge{Reason: aftercare.DischargeReasonTransferred, Planned: true, Step: aftercare.StepUp, ToLevel: iop.Level25, ReferredTo: "R-1"}},
		{name: "unplanned termination", d: aftercare.Discharge{Reason: aftercare.DischargeReasonTerminated}},
		{name: "planned other", d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Planned: true}},
		{name: "no reason", d: aftercare.Discharge{Planned: true}, want: []fieldErr{{"reason", iop.ErrMissing}}},
		{name: "unknown reason", d: aftercare.Discharge{Reason: 8}, want: []fieldErr{{"reason", iop.ErrUnknown}}},
		{name: "completion not planned", d: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted}, want: []fieldErr{{"planned", iop.ErrOutOfRange}}},
		{name: "death planned", d: aftercare.Discharge{Reason: aftercare.DischargeReasonDied, Planned: true}, want: []fieldErr{{"planned", iop.ErrOutOfRange}}},
		{name: "step without level", d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Step: aftercare.StepDown}, want: []fieldErr{{"to_level", iop.ErrMissing}}},
		{name: "level without step", d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, ToLevel: iop.Level1}, want: []fieldErr{{"step", iop.ErrMissing}}},
		{name: "unknown step", d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Step: 9, ToLevel: iop.Level1}, want: []fieldErr{{"step", iop.ErrUnknown}}},
		{name: "unknown level", d: aftercare.Discharge{Reason: aftercare.DischargeReasonOther, Step: aftercare.StepDown, ToLevel: 200}, want: []fieldErr{{"to_level", iop.ErrUnknown}}},
		{name: "step after leaving against advice", d: aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice, Step: aftercare.StepDown, ToLevel: iop.Level1},
			want: []fieldErr{{"step", iop.ErrOutOfRange}}},
		{name: "everything wrong", d: aftercare.Discharge{Reason: aftercare.DischargeReasonDied, Planned: true, Step: aftercare.StepUp},
			want: []fieldErr{{"planned", iop.ErrOutOfRange}, {"to_level", iop.ErrMissing}, {"step", iop.ErrOutOfRange}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireFieldErrors(t, tt.d.Validate(), tt.want)
		})
	}
	assert.True(t, aftercare.Discharge{}.IsZero())
	assert.False(t, completed().IsZero())
}
