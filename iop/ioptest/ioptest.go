package ioptest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
)

// T is what the assertions need of a test: [testing.TB] has it, and so
// does testify's require.TestingT with a Helper method.
type T interface {
	Helper()
	Errorf(format string, args ...any)
	FailNow()
}

// describe lists the findings one per line, with their figures.
func describe(fs iop.Findings) string {
	if len(fs) == 0 {
		return "no findings"
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  [")
		b.WriteString(f.Severity.String())
		b.WriteString("] ")
		b.WriteString(f.String())
	}
	return b.String()
}

// HasCode asserts that fs holds a finding with code c.
func HasCode(t T, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	t.Helper()
	if fs.Has(c) {
		return true
	}
	return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// LacksCode asserts that fs holds no finding with code c.
func LacksCode(t T, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	t.Helper()
	if !fs.Has(c) {
		return true
	}
	return assert.Fail(t, "want no finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// NoBlocking asserts that fs holds no blocking finding. Warnings and
// information are allowed.
func NoBlocking(t T, fs iop.Findings, msgAndArgs ...any) bool {
	t.Helper()
	if !fs.HasBlocking() {
		return true
	}
	return assert.Fail(t, "want no blocking finding, got:"+describe(fs.Blocking()), msgAndArgs...)
}

// NoFindings asserts that fs is empty: every rule was met without warning.
func NoFindings(t T, fs iop.Findings, msgAndArgs ...any) bool {
	t.Helper()
	if len(fs) == 0 {
		return true
	}
	return assert.Fail(t, "want no findings, got:"+describe(fs), msgAndArgs...)
}

// CodesEqual asserts that the codes of fs are exactly want, in order,
// duplicates included.
func CodesEqual(t T, fs iop.Findings, want ...iop.Code) bool {
	t.Helper()
	got := fs.Codes()
	if slices.Equal(got, want) || (len(got) == 0 && len(want) == 0) {
		return true
	}
	return assert.Fail(t, "finding codes differ", "want %v, got:%s", want, describe(fs))
}

// Blocks asserts that fs holds a blocking finding with code c.
func Blocks(t T, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	t.Helper()
	if slices.ContainsFunc(fs, func(f iop.Finding) bool { return f.Code == c && f.Severity == iop.SeverityBlocking }) {
		return true
	}
	return assert.Fail(t, "want a blocking finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// Figures asserts that fs holds a finding with code c whose figures are
// need and got. Any finding of the code may match: a rule that reports
// each day (or each record) apart has a finding for each.
func Figures(t T, fs iop.Findings, c iop.Code, need, got int64, msgAndArgs ...any) bool {
	t.Helper()
	of := ofCode(fs, c)
	if len(of) == 0 {
		return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
	}
	if slices.ContainsFunc(of, func(f iop.Finding) bool { return f.Need == need && f.Got == got }) {
		return true
	}
	return assert.Fail(t, fmt.Sprintf("figures of %s differ: want need %d, got %d; findings:%s", c, need, got, describe(of)), msgAndArgs...)
}

// ofCode returns the findings of fs with code c.
func ofCode(fs iop.Findings, c iop.Code) iop.Findings {
	var of iop.Findings
	for _, f := range fs {
		if f.Code == c {
			of = append(of, f)
		}
	}
	return of
}

// Cited asserts that the rule of every finding in fs is in table with a
// citation. Pass the Rules of the checker that made fs.
func Cited(t T, table iop.RuleTable, fs iop.Findings, msgAndArgs ...any) bool {
	t.Helper()
	var missing iop.Findings
	for _, f := range fs {
		if r, ok := table.Rule(f.Code); !ok || r.Cite.Source == "" {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 {
		return true
	}
	return assert.Fail(t, "want every finding cited, these are not:"+describe(missing), msgAndArgs...)
}

// RequireNoBlocking is [NoBlocking] that stops the test when it fails.
func RequireNoBlocking(t T, fs iop.Findings, msgAndArgs ...any) {
	t.Helper()
	if !NoBlocking(t, fs, msgAndArgs...) {
		t.FailNow()
	}
}

// RequireCode is [HasCode] that stops the test when it fails.
func RequireCode(t T, fs iop.Findings, c iop.Code, msgAndArgs ...any) {
	t.Helper()
	if !HasCode(t, fs, c, msgAndArgs...) {
		t.FailNow()
	}
}

// Severity asserts that fs holds a finding with code c of severity want:
// for a test suite that checks a profile's settings (a payer that makes the
// weekly minimum a warning). Any finding of the code may match.
func Severity(t T, fs iop.Findings, c iop.Code, want iop.Severity, msgAndArgs ...any) bool {
	t.Helper()
	of := ofCode(fs, c)
	if len(of) == 0 {
		return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
	}
	if slices.ContainsFunc(of, func(f iop.Finding) bool { return f.Severity == want }) {
		return true
	}
	return assert.Fail(t, fmt.Sprintf("severity of %s differs: want %s; findings:%s", c, want, describe(of)), msgAndArgs...)
}

// FollowsRules asserts that every finding in fs has the severity its rule
// has in table, and that no finding belongs to a rule the table turns off
// (severity zero) or does not list. Pass the Rules of the checker that
// made fs: they hold the severities its profile gives. One force no table
// can hold is the exception: a day below the payment tier
// (schedule.CodeBelowTier) has the force of its provider setting's
// short-day row (schedule.ShortDay), a warning in a hospital where the
// table says blocking; check those findings with [Severity].
func FollowsRules(t T, table iop.RuleTable, fs iop.Findings, msgAndArgs ...any) bool {
	t.Helper()
	var wrong iop.Findings
	for _, f := range fs {
		if r, ok := table.Rule(f.Code); !ok || r.Severity == 0 || r.Severity != f.Severity {
			wrong = append(wrong, f)
		}
	}
	if len(wrong) == 0 {
		return true
	}
	return assert.Fail(t, "these findings do not have the severity their rule has in the table, or their rule is unknown or off:"+describe(wrong), msgAndArgs...)
}
