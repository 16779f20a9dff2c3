package checktest

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/ioprules/ioprules/iop"
)

// Coverage records the findings a package's tests produce. Make one per
// test binary with [New], pass findings to [Coverage.Check] from the tests,
// and run the tests through [Coverage.Run] in TestMain. Safe for
// concurrent use.
type Coverage struct {
	mu    sync.Mutex
	table iop.RuleTable
	seen  map[iop.Code]bool
	sev   func(p iop.Profile, f iop.Finding) (iop.Severity, bool)
}

// WithSeverity makes c take the severity of a finding from fn when fn
// reports one: for a rule whose force the profile's data sets finding by
// finding (schedule's day below a payment tier, by provider setting). It
// returns c.
func (c *Coverage) WithSeverity(fn func(p iop.Profile, f iop.Finding) (iop.Severity, bool)) *Coverage {
	c.sev = fn
	return c
}

// New returns a Coverage for the rule table table.
func New(table iop.RuleTable) *Coverage {
	return &Coverage{table: table, seen: make(map[iop.Code]bool)}
}

// Check records fs, found under profile p, and fails t for a finding whose
// code is not in the table or whose severity is not the one p gives the
// rule ([iop.Profile.Setting]), or that p turns off.
func (c *Coverage) Check(t testing.TB, p iop.Profile, fs iop.Findings) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range fs {
		rule, ok := c.table.Rule(f.Code)
		if !ok {
			t.Errorf("finding %s: code not in the rule table", f.Code)
			continue
		}
		c.seen[f.Code] = true
		want, on := p.Setting(rule)
		if c.sev != nil && on {
			if s, ok := c.sev(p, f); ok {
				want = s
			}
		}
		switch {
		case !on:
			t.Errorf("finding %s: the profile turns this rule off", f.Code)
		case f.Severity != want:
			t.Errorf("finding %s: severity %s, want %s", f.Code, f.Severity, want)
		}
	}
}

// Missing returns the codes of the table no test has produced, in table
// order.
func (c *Coverage) Missing() []iop.Code {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []iop.Code
	for r := range c.table.All() {
		if !c.seen[r.Code] {
			out = append(out, r.Code)
		}
	}
	return out
}

// Run runs the tests and then, when the whole suite ran (no -run, -fuzz or
// -short filter) and passed, fails when a code of the table was produced by
// no test. It returns the exit code for os.Exit.
func (c *Coverage) Run(m *testing.M) int {
	code := m.Run()
	if code != 0 || !wholeSuite() {
		return code
	}
	if missing := c.Missing(); len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "checktest: rule codes no test produced: %v\n", missing)
		return 1
	}
	return code
}

func wholeSuite() bool {
	for _, name := range []string{"test.run", "test.fuzz", "test.skip"} {
		if f := lookupFlag(name); f != "" {
			return false
		}
	}
	return !testing.Short()
}
