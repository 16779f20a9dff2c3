package check_test

import (
	"testing"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/stretchr/testify/assert"
)

// SafeCell puts a single quote before a cell a spreadsheet would run as a
// formula (OWASP: =, +, -, @, tab, CR first), and CellValue takes it away.
func TestSafeCell(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {"p-1", "p-1"}, {"x=1", "x=1"}, {"'", "'"}, {"'x", "'x"},
		{"=1+1", "'=1+1"}, {"+1", "'+1"}, {"-1", "'-1"}, {"@SUM(1)", "'@SUM(1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"},
		{"'=1", "''=1"}, {"''-1", "'''-1"},
	} {
		assert.Equal(t, tc.want, check.SafeCell(tc.in), "SafeCell(%q)", tc.in)
		assert.Equal(t, tc.in, check.CellValue(check.SafeCell(tc.in)), "CellValue(SafeCell(%q))", tc.in)
	}
	// A cell written by another program keeps its text unless it is
	// neutralised.
	for in, want := range map[string]string{"'=1": "=1", "'x": "'x", "=1": "=1", "''": "''"} {
		assert.Equal(t, want, check.CellValue(in), "CellValue(%q)", in)
	}
}

// FuzzSafeCell: CellValue gives back what SafeCell wrote, and what
// SafeCell writes never starts with a formula character.
func FuzzSafeCell(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "p-1", "'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := check.SafeCell(s)
		assert.Equal(t, s, check.CellValue(w))
		if w != "" {
			assert.NotContains(t, "=+-@\t\r", string(w[0]))
		}
	})
}
