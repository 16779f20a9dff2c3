package enum_test

import (
	"errors"
	"testing"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/internal/errs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type color uint8

type colors uint16

type failure struct{ fn, field string }

func (f failure) Error() string { return f.fn + " " + f.field }

func fail(fn, field string, err error) error { return errors.Join(failure{fn, field}, err) }

var (
	table = enum.New[color]("color", "test.ParseColor", fail, []string{1: "red", 2: "green", 4: "blue"})
	set   = enum.NewSet[colors](table, "colors")
)

func TestTable(t *testing.T) {
	assert.Equal(t, []color{1, 2, 4}, table.Values())
	assert.Equal(t, "green", table.String(2))
	assert.Equal(t, "%!color(3)", table.String(3))
	assert.Equal(t, "%!color(200)", table.String(200))
	assert.False(t, table.Valid(0))
	v, err := table.Parse("blue")
	require.NoError(t, err)
	assert.Equal(t, color(4), v)
	_, err = table.Parse("")
	require.ErrorIs(t, err, errs.Unknown)
	_, err = table.Parse("Red")
	require.ErrorIs(t, err, errs.Unknown)
	var f failure
	require.ErrorAs(t, err, &f)
	assert.Equal(t, failure{fn: "test.ParseColor"}, f)
	_, err = table.Marshal(3)
	require.ErrorIs(t, err, errs.Unknown)
	b, err := table.Marshal(1)
	require.NoError(t, err)
	assert.Equal(t, "red", string(b))

	c := color(2)
	require.ErrorIs(t, table.Unmarshal(&c, []byte("pink")), errs.Unknown)
	assert.Equal(t, color(2), c, "unchanged on error")
}

func TestSet(t *testing.T) {
	s := set.Of(4, 1, 3)
	assert.Equal(t, colors(1<<1|1<<4), s)
	assert.Equal(t, "red,blue", set.String(s))
	assert.Equal(t, []color{1, 4}, set.Values(s))
	assert.True(t, set.Has(s, 4))
	assert.False(t, set.Has(s, 2))
	assert.Equal(t, 2, set.Len(s))
	assert.Equal(t, "red,blue,%!colors(0x8)", set.String(s|1<<3), "stray bits are shown, not dropped")
	assert.False(t, set.Valid(s|1<<3))

	back, err := set.Parse("blue,red")
	require.NoError(t, err)
	assert.Equal(t, s, back)
	_, err = set.Parse("red,red")
	require.ErrorIs(t, err, errs.Duplicate)
	_, err = set.Parse("red,pink")
	require.ErrorIs(t, err, errs.Unknown)
	var f failure
	require.ErrorAs(t, err, &f)
	assert.Equal(t, "[1]", f.field)

	b, err := set.JSON(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["red","blue"]`, string(b))
	b, err = set.JSON(0)
	require.NoError(t, err)
	assert.JSONEq(t, `[]`, string(b))
	_, err = set.JSON(s | 1<<3)
	require.ErrorIs(t, err, errs.Unknown)
	var got colors
	require.NoError(t, set.DecodeJSON(&got, []byte(`["blue","red"]`)))
	assert.Equal(t, s, got)
	require.ErrorIs(t, set.DecodeJSON(&got, []byte(`["blue","blue"]`)), errs.Duplicate)
	require.ErrorIs(t, set.DecodeJSON(&got, []byte(`3`)), errs.Syntax)

	require.NoError(t, set.DecodeText(&got, []byte("red")))
	assert.Equal(t, set.Of(1), got)
}

// TestErrorsNameTheQualifiedType: every error of a table and of a set names
// its function by the type's package-qualified name, as the parse function
// given to New does ("test.Color.UnmarshalText"), so that an error says
// which package's type refused.
func TestErrorsNameTheQualifiedType(t *testing.T) {
	tb := enum.New[color]("Color", "test.Color.UnmarshalText", fail, []string{1: "red", 2: "green"})
	st := enum.NewSet[colors](tb, "Colors")
	failed := func(err error) failure {
		t.Helper()
		var f failure
		require.ErrorAs(t, err, &f)
		return f
	}
	_, err := tb.Parse("pink")
	assert.Equal(t, failure{fn: "test.Color.UnmarshalText"}, failed(err))
	_, err = tb.Marshal(3)
	assert.Equal(t, failure{fn: "test.Color.MarshalText"}, failed(err))
	_, err = st.Parse("red,pink")
	assert.Equal(t, failure{fn: "test.Colors.UnmarshalText", field: "[1]"}, failed(err))
	_, err = st.Text(1 << 5)
	assert.Equal(t, failure{fn: "test.Colors.MarshalText"}, failed(err))
	_, err = st.JSON(1 << 5)
	assert.Equal(t, failure{fn: "test.Colors.MarshalJSON"}, failed(err))
	var got colors
	assert.Equal(t, failure{fn: "test.Colors.UnmarshalJSON"}, failed(st.DecodeJSON(&got, []byte(`3`))))
	assert.Equal(t, failure{fn: "test.Colors.UnmarshalJSON", field: "[0]"}, failed(st.DecodeJSON(&got, []byte(`["pink"]`))))
}
