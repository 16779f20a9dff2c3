package checktest

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setFlag sets the test binary's flag name to value until t ends.
func setFlag(t *testing.T, name, value string) {
	t.Helper()
	f := flag.Lookup(name)
	require.NotNil(t, f, "flag %s", name)
	old := f.Value.String()
	require.NoError(t, flag.Set(name, value))
	t.Cleanup(func() { _ = flag.Set(name, old) })
}

// wholeSuite is false when any of -run, -fuzz, -skip or -short filters the
// tests, and true otherwise; lookupFlag reads a flag's value, "" for a flag
// that does not exist.
func TestWholeSuite(t *testing.T) {
	for _, name := range []string{"test.run", "test.fuzz", "test.skip"} {
		setFlag(t, name, "")
	}
	setFlag(t, "test.short", "false")
	assert.True(t, wholeSuite(), "no filter")
	assert.Empty(t, lookupFlag("test.run"))
	assert.Empty(t, lookupFlag("test.no-such-flag"))

	for _, tc := range []struct{ name, value string }{
		{"test.run", "^TestX$"}, {"test.fuzz", "FuzzX"}, {"test.skip", "TestY"}, {"test.short", "true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			setFlag(t, tc.name, tc.value)
			assert.Equal(t, tc.value, lookupFlag(tc.name))
			assert.False(t, wholeSuite())
		})
		assert.True(t, wholeSuite(), "%s restored", tc.name)
	}
}
