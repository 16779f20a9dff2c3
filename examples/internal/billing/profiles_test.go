package billing

import (
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFamilies checks the families -profile accepts against the built-in
// profiles: each is every built-in whose ID starts with its name, of one
// level, one profile in force on each day from the first one's start, the
// last open-ended; and each has a checker.
func TestFamilies(t *testing.T) {
	for _, f := range families {
		t.Run(f, func(t *testing.T) {
			ps, ok := familyOf(f)
			require.True(t, ok)
			require.NotEmpty(t, ps)
			var ids []string
			for _, p := range ioprules.Builtins() {
				if strings.HasPrefix(p.ID, f+"-") {
					ids = append(ids, p.ID)
				}
			}
			for i, p := range ps {
				assert.Equal(t, ids[i], p.ID)
				assert.Equal(t, ps[0].Level, p.Level, p.ID)
				if i+1 < len(ps) {
					assert.Equal(t, ps[i+1].From, p.Until, "%s ends the day %s begins", p.ID, ps[i+1].ID)
				} else {
					assert.Equal(t, date.Zero, p.Until, "%s is open-ended", p.ID)
				}
			}
			rs, ok, err := newRuleSet(f)
			require.NoError(t, err)
			require.True(t, ok)
			assert.True(t, rs.family)
			assert.Len(t, rs.checkers, len(ps))
			for i, ck := range rs.checkers {
				assert.Equal(t, ps[i].ID, ck.Profile().ID)
			}
			_, err = rs.choose(ps[0].From-1, "the week's")
			require.Error(t, err)
		})
	}
	_, ok := familyOf("medicare")
	assert.False(t, ok)
	assert.False(t, slices.ContainsFunc(families, func(f string) bool { return slices.Contains(profileIDs(), f) }),
		"a family's name is no profile's ID")
}
