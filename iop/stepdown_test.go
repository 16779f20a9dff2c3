package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStepDown(t *testing.T) {
	d := iop.MustParseDate("2025-03-18")
	tests := []struct {
		name   string
		sd     iop.StepDown
		lowers bool
		errs   map[string]error
	}{
		{"none recorded", iop.StepDown{}, false, nil},
		{"2.1 to 1", iop.StepDown{Date: d, From: iop.Level21, To: iop.Level1}, true, nil},
		{"2.5 to 2.1", iop.StepDown{Date: d, From: iop.Level25, To: iop.Level21}, true, nil},
		{"2.1 to 2.1: no step-down, valid data", iop.StepDown{Date: d, From: iop.Level21, To: iop.Level21}, false, nil},
		{"2.1 to 2.5: no step-down, valid data", iop.StepDown{Date: d, From: iop.Level21, To: iop.Level25}, false, nil},
		{"a day without levels", iop.StepDown{Date: d}, false, map[string]error{"from": iop.ErrMissing, "to": iop.ErrMissing}},
		{"levels without a day", iop.StepDown{From: iop.Level21, To: iop.Level1}, true, map[string]error{"date": iop.ErrMissing}},
		{"an unknown level", iop.StepDown{Date: d, From: iop.Level(200), To: iop.Level1}, false, map[string]error{"from": iop.ErrUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.lowers, tt.sd.Lowers())
			err := tt.sd.Validate()
			if tt.errs == nil {
				require.NoError(t, err)
				return
			}
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			got := map[string]error{}
			for _, fe := range fes {
				got[fe.Field] = fe.Err
			}
			assert.Equal(t, tt.errs, got)
		})
	}
	sd := iop.StepDown{Date: d, From: iop.Level21, To: iop.Level1}
	b, err := json.Marshal(sd)
	require.NoError(t, err)
	assert.JSONEq(t, `{"date":"2025-03-18","from":"2.1","to":"1"}`, string(b))
	var back iop.StepDown
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, sd, back)
	assert.True(t, iop.StepDown{}.IsZero())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = sd.Validate() }))
}
