package authorization_test

import (
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckLevel(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	tests := []struct {
		name       string
		authorized iop.Level
		placed     iop.Level
		action     authorization.Action
		want       []fx
	}{
		{name: "authorized as recommended", authorized: iop.Level21},
		{name: "authorized above", authorized: iop.Level25},
		{name: "authorized below the level placed", authorized: iop.Level1,
			want: []fx{{code: authorization.CodeLevelBelowDelivered, subject: "AUTH-1", level: iop.Level21,
				need: int64(iop.Level21.Intensity()), got: int64(iop.Level1.Intensity()), unit: iop.UnitIntensity}}},
		{name: "placed at the level authorized", authorized: iop.Level1, placed: iop.Level1},
		{name: "a denial authorizes no level", authorized: iop.Level1, action: authorization.ActionNotCertified},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := auth()
			a.Level = tt.authorized
			if tt.action != 0 {
				a.Action = tt.action
			}
			d := decision(t, tt.placed)
			fs, err := ck.CheckLevel(&a, &d)
			require.NoError(t, err)
			assert.Equal(t, want(t, ck, tt.want...), fs)
			cover.Check(t, ck.Profile(), fs)
		})
	}
	a := auth()
	_, err := ck.CheckLevel(&a, &eligibility.Decision{})
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, iop.FieldErrors{{Field: "decision", Err: authorization.ErrNoDecision}}, es)
	_, err = ck.CheckLevel(nil, nil)
	require.ErrorAs(t, err, &es)
	assert.Equal(t, []string{"authorization", "decision"}, fields(es))
}
