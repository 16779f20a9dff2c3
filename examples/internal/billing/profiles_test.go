package billing

import (
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/internal/benefits"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
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
			_, err = rs.choose(ps[0].From-1, "the week's first day of service")
			require.Error(t, err)
		})
	}
	_, ok := familyOf("medicare")
	assert.False(t, ok)
	assert.False(t, slices.ContainsFunc(families, func(f string) bool { return slices.Contains(profileIDs(), f) }),
		"a family's name is no profile's ID")
}

// TestBuiltinsAsScheduled checks that the profiles the billing check
// applies are the built-ins of package ioprules as package schedule checks
// them: every built-in that has a schedule part, in the order of
// ioprules.Builtins, each equal to the built-in with its schedule part
// only and its settings of schedule's rules only. What the billing check
// applies of a built-in is that much: a schedule checker reads no other
// part and no other rule's setting.
func TestBuiltinsAsScheduled(t *testing.T) {
	var want iop.Profiles
	for _, p := range ioprules.Builtins() {
		b, ok := iop.PartOf[schedule.Benefit](&p)
		if !ok {
			continue
		}
		q := p.Clone()
		q.Parts = []iop.Part{b}
		q.Rules = slices.DeleteFunc(q.Rules, func(s iop.RuleSetting) bool {
			_, ok := schedule.Rules().Rule(s.Code)
			return !ok
		})
		if len(q.Rules) == 0 {
			q.Rules = nil
		}
		want = append(want, q)
	}
	require.Len(t, want, 12, "the multi-part built-ins")
	got := benefits.All()
	assert.Equal(t, want, got)
	for _, p := range got {
		require.NoError(t, p.Validate(), p.ID)
		// The same schedule checker: its rules as the profile applies them.
		full, ok := ioprules.Builtins().ByID(p.ID)
		require.True(t, ok, p.ID)
		ckWant, err := schedule.NewChecker(full)
		require.NoError(t, err)
		ckGot, err := schedule.NewChecker(p)
		require.NoError(t, err)
		assert.Equal(t, ckWant.Rules(), ckGot.Rules(), p.ID)
	}
	var ids []string
	for _, p := range want {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	assert.Equal(t, ids, profileIDs())
}

// The names -profile takes: the families, each of its built-ins in force
// one after the other; and the IDs of the built-ins with a schedule part,
// as billingcheck -h lists them. A name of neither (a built-in of groups
// only among them) is no rules and no error.
func TestProfileNames(t *testing.T) {
	fs := Families()
	assert.Equal(t, []string{"medicare-iop", "medicare-php"}, fs)
	fs[0] = "x"
	assert.Equal(t, "medicare-iop", Families()[0], "Families is the package's own")

	for _, tc := range []struct {
		family string
		ids    []string
		spans  []string
	}{
		{"medicare-iop", []string{"medicare-iop-2024", "medicare-iop-2025", "medicare-iop-2026"},
			[]string{"from 2024-01-01 to 2024-12-31", "from 2025-01-01 to 2025-12-31", "from 2026-01-01"}},
		{"medicare-php", []string{"medicare-php-2024", "medicare-php-2025", "medicare-php-2026"},
			[]string{"from 2024-01-01 to 2024-12-31", "from 2025-01-01 to 2025-12-31", "from 2026-01-01"}},
	} {
		ps, ok := FamilyOf(tc.family)
		require.True(t, ok, tc.family)
		var ids, spans []string
		for _, p := range ps {
			ids, spans = append(ids, p.ID), append(spans, InForce(p))
		}
		assert.Equal(t, tc.ids, ids, tc.family)
		assert.Equal(t, tc.spans, spans, tc.family)
		for _, name := range []string{tc.family, strings.ToUpper(tc.family), "M" + tc.family[1:]} {
			rs, ok, err := NewRules(name)
			require.NoError(t, err)
			require.True(t, ok, "NewRules(%q)", name)
			assert.Equal(t, tc.family+" by first day of service", rs.Describe(), "NewRules(%q): the family as Families spells it", name)
		}
	}
	for _, name := range []string{"", "medicare", "Medicare-IOP", "asam3-2.1", "medicare-iop-2025"} {
		ps, ok := FamilyOf(name)
		assert.False(t, ok, "FamilyOf(%q)", name)
		assert.Nil(t, ps, "FamilyOf(%q)", name)
	}

	ids := ProfileIDs()
	assert.Equal(t, []string{"asam3-2.1", "asam3-2.5", "dc-22a-6329", "hcpcs-h0015", "medicare-iop-2024", "medicare-iop-2025",
		"medicare-iop-2026", "medicare-php-2024", "medicare-php-2025", "medicare-php-2026", "ny-s9480", "samhsa-tip47"}, ids)
	for _, id := range ids {
		for _, name := range []string{id, strings.ToUpper(id)} {
			rs, ok, err := NewRules(name)
			require.NoError(t, err, name)
			require.True(t, ok, name)
			assert.Equal(t, id, rs.Describe(), "NewRules(%q): the ID as ProfileIDs spells it", name)
		}
	}
	// Names in any case of their ASCII letters, nothing else: no other
	// letter that folds to one of a name's (the long s).
	for _, name := range []string{"", "medicare", "medicare-iop-2023", "ngs-l33632-groups", "co-2ccr502-1-iop",
		" asam3-2.1", "asam3-2.1 ", "a\u017fam3-2.1", "ny-\u017f9480", "medicare-iop\x00"} {
		rs, ok, err := NewRules(name)
		require.NoError(t, err, name)
		assert.False(t, ok, "NewRules(%q)", name)
		assert.Nil(t, rs, "NewRules(%q)", name)
	}
}

// A profile in force over one day is said so: from that day to that day.
func TestInForce(t *testing.T) {
	d := date.New(2025, 3, 3)
	assert.Equal(t, "from 2025-03-03 to 2025-03-03", InForce(iop.Profile{From: d, Until: d + 1}))
	assert.Equal(t, "from 2025-03-03", InForce(iop.Profile{From: d}))
}
