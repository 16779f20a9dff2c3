package checktest_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"testing"

	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The rule table of these tests: a blocking rule, a warning the profile
// makes info, and an info rule the profile turns off.
func table() iop.RuleTable {
	return iop.NewRuleTable(
		iop.Rule{Code: "x.a", Severity: iop.SeverityBlocking, Summary: "a"},
		iop.Rule{Code: "x.b", Severity: iop.SeverityWarning, Summary: "b"},
		iop.Rule{Code: "x.c", Severity: iop.SeverityInfo, Summary: "c"},
	)
}

func profile() iop.Profile {
	return iop.Profile{Rules: []iop.RuleSetting{
		{Code: "x.b", Severity: iop.SeverityInfo},
		{Code: "x.c", Off: true},
	}}
}

// recorder is a testing.TB that records the failures reported to it
// instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func finding(code iop.Code, s iop.Severity) iop.Finding {
	return iop.Finding{Code: code, Severity: s, Subject: "P-1"}
}

// Check fails the test, once per finding and in the findings' order, for a
// code not in the table, a severity other than the profile gives the rule,
// and a rule the profile turns off; it records every code of the table it
// sees, a finding of the wrong severity included.
func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		name    string
		fs      iop.Findings
		want    []string
		missing []iop.Code
	}{
		{name: "none", missing: []iop.Code{"x.a", "x.b", "x.c"}},
		{name: "table severity", fs: iop.Findings{finding("x.a", iop.SeverityBlocking)}, missing: []iop.Code{"x.b", "x.c"}},
		{name: "profile severity", fs: iop.Findings{finding("x.b", iop.SeverityInfo)}, missing: []iop.Code{"x.a", "x.c"}},
		{name: "table severity where the profile sets another", fs: iop.Findings{finding("x.b", iop.SeverityWarning)},
			want: []string{"finding x.b: severity warning, want info"}, missing: []iop.Code{"x.a", "x.c"}},
		{name: "wrong severity", fs: iop.Findings{finding("x.a", iop.SeverityWarning)},
			want: []string{"finding x.a: severity warning, want blocking"}, missing: []iop.Code{"x.b", "x.c"}},
		{name: "turned off", fs: iop.Findings{finding("x.c", iop.SeverityInfo)},
			want: []string{"finding x.c: the profile turns this rule off"}, missing: []iop.Code{"x.a", "x.b"}},
		{name: "unknown code", fs: iop.Findings{finding("x.z", iop.SeverityInfo)},
			want: []string{"finding x.z: code not in the rule table"}, missing: []iop.Code{"x.a", "x.b", "x.c"}},
		{name: "every one, in order", fs: iop.Findings{
			finding("x.z", iop.SeverityInfo), finding("x.c", iop.SeverityInfo), finding("x.a", iop.SeverityBlocking),
			finding("x.b", iop.SeverityBlocking), finding("x.y", iop.SeverityWarning),
		}, want: []string{
			"finding x.z: code not in the rule table",
			"finding x.c: the profile turns this rule off",
			"finding x.b: severity blocking, want info",
			"finding x.y: code not in the rule table",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := checktest.New(table())
			r := &recorder{TB: t}
			c.Check(r, profile(), tc.fs)
			assert.Equal(t, tc.want, r.errs)
			assert.Equal(t, tc.missing, c.Missing())
		})
	}
}

// Missing is in table order whatever the order of the findings, and
// accumulates over calls.
func TestMissing(t *testing.T) {
	c := checktest.New(table())
	r := &recorder{TB: t}
	c.Check(r, iop.Profile{}, iop.Findings{finding("x.c", iop.SeverityInfo)})
	assert.Equal(t, []iop.Code{"x.a", "x.b"}, c.Missing())
	c.Check(r, iop.Profile{}, nil)
	c.Check(r, iop.Profile{}, iop.Findings{finding("x.a", iop.SeverityBlocking)})
	assert.Equal(t, []iop.Code{"x.b"}, c.Missing())
	c.Check(r, iop.Profile{}, iop.Findings{finding("x.b", iop.SeverityWarning)})
	assert.Nil(t, c.Missing())
	assert.Empty(t, r.errs)

	assert.Nil(t, checktest.New(iop.NewRuleTable()).Missing(), "an empty table misses nothing")
}

// WithSeverity returns c; its function gives the severity of a finding when
// it reports one, the profile's otherwise, and is not asked about a rule
// the profile turns off.
func TestWithSeverity(t *testing.T) {
	var asked []iop.Code
	c := checktest.New(table())
	require.Same(t, c, c.WithSeverity(func(p iop.Profile, f iop.Finding) (iop.Severity, bool) {
		asked = append(asked, f.Code)
		if f.Subject == "short" {
			return iop.SeverityWarning, true
		}
		return 0, false
	}))
	short := iop.Finding{Code: "x.a", Severity: iop.SeverityWarning, Subject: "short"}
	r := &recorder{TB: t}
	c.Check(r, profile(), iop.Findings{
		short,                                // the function's severity
		finding("x.a", iop.SeverityWarning),  // not the function's: the table's
		finding("x.a", iop.SeverityBlocking), // the table's
		finding("x.b", iop.SeverityInfo),     // the profile's
		{Code: "x.c", Subject: "short"},      // off: the function is not asked
		{Code: "x.b", Severity: iop.SeverityInfo, Subject: "short"}, // the function's, not the profile's
	})
	assert.Equal(t, []string{
		"finding x.a: severity warning, want blocking",
		"finding x.c: the profile turns this rule off",
		"finding x.b: severity info, want warning",
	}, r.errs)
	assert.Equal(t, []iop.Code{"x.a", "x.a", "x.a", "x.b", "x.b"}, asked)
}

// Check and Missing may be called from parallel tests.
func TestConcurrent(t *testing.T) {
	c := checktest.New(table())
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []string
	for i := range 8 {
		wg.Go(func() {
			r := &recorder{TB: t}
			code := []iop.Code{"x.a", "x.b"}[i%2]
			sev := []iop.Severity{iop.SeverityBlocking, iop.SeverityWarning}[i%2]
			for range 100 {
				c.Check(r, iop.Profile{}, iop.Findings{finding(code, sev)})
				c.Missing()
			}
			mu.Lock()
			errs = append(errs, r.errs...)
			mu.Unlock()
		})
	}
	wg.Wait()
	assert.Empty(t, errs)
	assert.Equal(t, []iop.Code{"x.c"}, c.Missing())
}

// child is the environment variable that makes this test binary one of
// TestRun's children, and says what it does.
const child = "CHECKTEST_CHILD"

var runCover = checktest.New(table())

func TestMain(m *testing.M) {
	if os.Getenv(child) == "" {
		os.Exit(m.Run())
	}
	os.Exit(runCover.Run(m))
}

// TestChild is the test a child runs: it produces x.a and x.b, and x.c
// too when told to ("all"), or fails ("fail").
func TestChild(t *testing.T) {
	mode := os.Getenv(child)
	if mode == "" {
		t.Skip("run by TestRun's children")
	}
	runCover.Check(t, iop.Profile{}, iop.Findings{finding("x.a", iop.SeverityBlocking), finding("x.b", iop.SeverityWarning)})
	switch mode {
	case "all":
		runCover.Check(t, iop.Profile{}, iop.Findings{finding("x.c", iop.SeverityInfo)})
	case "fail":
		t.Fail()
	}
}

// Run fails a whole suite that passed but left a code of the table
// unproduced, naming the codes; it leaves a suite that failed as it is,
// and does not judge a partial run (-run, -skip, -short).
func TestRun(t *testing.T) {
	if os.Getenv(child) != "" {
		t.Skip("a child")
	}
	if runtime.GOOS == "js" || runtime.GOOS == "wasip1" {
		t.Skip("no child processes under " + runtime.GOOS)
	}
	for _, tc := range []struct {
		mode   string
		args   []string
		code   int
		stderr string
	}{
		{mode: "all", code: 0},
		{mode: "some", code: 1, stderr: "checktest: rule codes no test produced: [x.c]\n"},
		{mode: "fail", code: 1},
		{mode: "some", args: []string{"-test.run=^TestChild$"}, code: 0},
		{mode: "some", args: []string{"-test.skip=^TestRun$"}, code: 0},
		{mode: "some", args: []string{"-test.short"}, code: 0},
	} {
		t.Run(fmt.Sprint(tc.mode, tc.args), func(t *testing.T) {
			args := tc.args
			if f := flag.Lookup("test.gocoverdir"); f != nil && f.Value.String() != "" {
				// Under -cover, the children's counts join this binary's.
				args = append(args, "-test.gocoverdir="+f.Value.String())
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Env = append(os.Environ(), child+"="+tc.mode)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			assert.Equal(t, tc.code, code)
			assert.Equal(t, tc.stderr, stderr.String())
		})
	}
}
