package iop_test

import (
	"math"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMinutesString(t *testing.T) {
	tests := []struct {
		m    iop.Minutes
		want string
	}{
		{0, "0h00m"}, {45, "0h45m"}, {539, "8h59m"}, {540, "9h00m"}, {1140, "19h00m"},
		{-90, "-1h30m"}, {iop.Minutes(1<<31 - 1), "35791394h07m"}, {iop.Minutes(-1 << 31), "-35791394h08m"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.m.String())
			got, err := iop.ParseMinutes(tt.want)
			require.NoError(t, err)
			assert.Equal(t, tt.m, got)
		})
	}
}

func TestParseMinutesRejects(t *testing.T) {
	for _, in := range []string{"", "9h", "9h0m", "9h60m", "09h00m", "+9h00m", "-0h00m", "9h00", "9:00", "h00m", "540", "99999999999h00m", "9h0xm"} {
		t.Run(in, func(t *testing.T) {
			_, err := iop.ParseMinutes(in)
			require.ErrorIs(t, err, iop.ErrSyntax)
		})
	}
}

func TestMinutesConversions(t *testing.T) {
	assert.Equal(t, iop.Minutes(540), iop.Hours(9))
	assert.Equal(t, 9*time.Hour, iop.Hours(9).Duration())
	assert.Equal(t, iop.Minutes(539), iop.MinutesOf(8*time.Hour+59*time.Minute+59*time.Second))
}

func TestMinutesSaturate(t *testing.T) {
	assert.Equal(t, iop.Minutes(math.MaxInt32/60*60), iop.Hours(35791395))
	assert.Equal(t, iop.Minutes(math.MaxInt32/60*60), iop.Hours(1<<40))
	assert.Equal(t, -iop.Minutes(math.MaxInt32/60*60), iop.Hours(-1<<40))
	assert.Positive(t, iop.Minutes(math.MaxInt32).Duration())
	assert.Equal(t, time.Duration(math.MaxInt64), iop.Minutes(math.MaxInt32).Duration())
	assert.Equal(t, time.Duration(math.MinInt64), iop.Minutes(math.MinInt32).Duration())
	assert.Equal(t, 9*time.Hour, iop.Hours(9).Duration())
	assert.Equal(t, iop.Minutes(math.MaxInt64/int64(time.Minute)), iop.MinutesOf(time.Duration(math.MaxInt64)))
	assert.Equal(t, iop.Minutes(math.MaxInt32), iop.Minutes(math.MaxInt32).Add(1))
	assert.Equal(t, iop.Minutes(math.MinInt32), iop.Minutes(math.MinInt32).Add(-1))
}
