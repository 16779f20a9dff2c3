package enum_test

import (
	"errors"
	"testing"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type color uint8

var names = []string{1: "red", 2: "green"}

func TestEnum(t *testing.T) {
	assert.Equal(t, "red", enum.String(names, color(1), "color"))
	assert.Equal(t, "%!color(0)", enum.String(names, color(0), "color"))
	assert.Equal(t, "%!color(255)", enum.String(names, color(255), "color"))
	assert.True(t, enum.Valid(names, color(2)))
	assert.False(t, enum.Valid(names, color(0)))
	assert.False(t, enum.Valid(names, color(3)))

	c, ok := enum.Parse[color](names, "green")
	assert.True(t, ok)
	assert.Equal(t, color(2), c)
	_, ok = enum.Parse[color](names, "")
	assert.False(t, ok, "the empty name of the zero value does not parse")
	_, ok = enum.Parse[color](names, "Red")
	assert.False(t, ok)

	bad := errors.New("bad")
	_, err := enum.Text(false, "x", func() error { return bad })
	require.ErrorIs(t, err, bad)
	b, err := enum.Text(true, "red", func() error { return bad })
	require.NoError(t, err)
	assert.Equal(t, "red", string(b))

	v := color(1)
	parse := func(s string) (color, error) {
		if c, ok := enum.Parse[color](names, s); ok {
			return c, nil
		}
		return 0, bad
	}
	require.ErrorIs(t, enum.Unmarshal(&v, []byte("blue"), parse), bad)
	assert.Equal(t, color(1), v, "unchanged on error")
	require.NoError(t, enum.Unmarshal(&v, []byte("green"), parse))
	assert.Equal(t, color(2), v)
}
