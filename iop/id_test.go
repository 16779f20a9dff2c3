package iop_test

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckID(t *testing.T) {
	for _, ok := range []string{"P-17", "patient 17", "Zoë-1", "A", string(make([]byte, 0)) + "x"} {
		require.NoError(t, iop.CheckID(ok), "CheckID(%q)", ok)
	}
	for _, tc := range []struct {
		id   string
		want error
	}{
		{"", iop.ErrMissing},
		{"P\xff", iop.ErrSyntax},
		{"P\xfe", iop.ErrSyntax},
		{"P\x00", iop.ErrSyntax},
		{"P\n1", iop.ErrSyntax},
		{"P\x1b[31m", iop.ErrSyntax},
		{"P\u202e1", iop.ErrSyntax},
		{"P\u0085", iop.ErrSyntax},
		{string(make([]byte, 129)), iop.ErrOutOfRange},
	} {
		err := iop.CheckID(tc.id)
		require.ErrorIs(t, err, tc.want, "CheckID(%q)", tc.id)
		assert.NotContains(t, err.Error(), "P", "the message never holds the ID")
	}
}

func TestCheckServiceDate(t *testing.T) {
	require.NoError(t, iop.CheckServiceDate(date.New(1970, 1, 1)))
	require.NoError(t, iop.CheckServiceDate(date.New(2199, 12, 31)))
	require.ErrorIs(t, iop.CheckServiceDate(date.New(1969, 12, 31)), iop.ErrOutOfRange)
	require.ErrorIs(t, iop.CheckServiceDate(date.New(2200, 1, 1)), iop.ErrOutOfRange)
	require.ErrorIs(t, iop.CheckServiceDate(date.New(25, 3, 1)), iop.ErrOutOfRange)
	require.ErrorIs(t, iop.CheckServiceDate(date.Zero), iop.ErrMissing)
}
