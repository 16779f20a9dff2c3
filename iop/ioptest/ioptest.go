package ioptest

import (
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// describe lists the findings one per line, with figures and citations.
func describe(fs iop.Findings) string {
	if len(fs) == 0 {
		return "no findings"
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  [")
		b.WriteString(f.Severity.String())
		b.WriteString("] ")
		b.WriteString(f.Error())
	}
	return b.String()
}

// HasCode asserts that fs holds a finding with code c.
func HasCode(t assert.TestingT, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if fs.Has(c) {
		return true
	}
	return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// LacksCode asserts that fs holds no finding with code c.
func LacksCode(t assert.TestingT, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if !fs.Has(c) {
		return true
	}
	return assert.Fail(t, "want no finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// NoBlocking asserts that fs holds no blocking finding. Warnings and
// information are allowed.
func NoBlocking(t assert.TestingT, fs iop.Findings, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if !fs.HasBlocking() {
		return true
	}
	return assert.Fail(t, "want no blocking finding, got:"+describe(fs.Blocking()), msgAndArgs...)
}

// NoFindings asserts that fs is empty: every rule was met without warning.
func NoFindings(t assert.TestingT, fs iop.Findings, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if len(fs) == 0 {
		return true
	}
	return assert.Fail(t, "want no findings, got:"+describe(fs), msgAndArgs...)
}

// CodesEqual asserts that the codes of fs are exactly want, in order,
// duplicates included.
func CodesEqual(t assert.TestingT, fs iop.Findings, want ...iop.Code) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	got := fs.Codes()
	if slices.Equal(got, want) || (len(got) == 0 && len(want) == 0) {
		return true
	}
	return assert.Fail(t, "finding codes differ", "want %v, got:%s", want, describe(fs))
}

// Blocks asserts that fs holds a blocking finding with code c.
func Blocks(t assert.TestingT, fs iop.Findings, c iop.Code, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	f, ok := fs.Find(c)
	if ok && f.Severity == iop.Blocking {
		return true
	}
	return assert.Fail(t, "want a blocking finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
}

// Figures asserts that fs holds a finding with code c whose figures are
// need and got.
func Figures(t assert.TestingT, fs iop.Findings, c iop.Code, need, got int64, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	f, ok := fs.Find(c)
	if !ok {
		return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
	}
	if f.Need == need && f.Got == got {
		return true
	}
	return assert.Fail(t, "figures of "+string(c)+" differ", "want need %d, got %d; finding:%s", need, got, describe(iop.Findings{f}))
}

// Cited asserts that every finding in fs carries a citation.
func Cited(t assert.TestingT, fs iop.Findings, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	var missing iop.Findings
	for _, f := range fs {
		if f.Cite.Source == "" {
			missing = append(missing, f)
		}
	}
	if len(missing) == 0 {
		return true
	}
	return assert.Fail(t, "want every finding cited, these are not:"+describe(missing), msgAndArgs...)
}

// RequireNoBlocking is [NoBlocking] that stops the test when it fails.
func RequireNoBlocking(t require.TestingT, fs iop.Findings, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if !NoBlocking(t, fs, msgAndArgs...) {
		t.FailNow()
	}
}

// RequireCode is [HasCode] that stops the test when it fails.
func RequireCode(t require.TestingT, fs iop.Findings, c iop.Code, msgAndArgs ...any) {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	if !HasCode(t, fs, c, msgAndArgs...) {
		t.FailNow()
	}
}

// Severity asserts that fs holds a finding with code c of severity want:
// for a test suite that checks a profile's settings (a payer that makes the
// weekly minimum a warning).
func Severity(t assert.TestingT, fs iop.Findings, c iop.Code, want iop.Severity, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	f, ok := fs.Find(c)
	if !ok {
		return assert.Fail(t, "want a finding with code "+string(c)+", got:"+describe(fs), msgAndArgs...)
	}
	if f.Severity == want {
		return true
	}
	return assert.Fail(t, "severity of "+string(c)+" differs", "want %s; finding:%s", want, describe(iop.Findings{f}))
}

// FollowsProfile asserts that every finding in fs has the severity that
// profile p gives its rule: the rule table's default (rules, a package's
// Rules(), or the root Catalog()) or the profile's own setting; that no
// finding belongs to a rule p turns off; and that every code is in rules.
func FollowsProfile(t assert.TestingT, p iop.Profile, rules []iop.Rule, fs iop.Findings, msgAndArgs ...any) bool {
	if h, ok := t.(interface{ Helper() }); ok {
		h.Helper()
	}
	var wrong iop.Findings
	for _, f := range fs {
		i := slices.IndexFunc(rules, func(r iop.Rule) bool { return r.Code == f.Code })
		if i < 0 {
			wrong = append(wrong, f)
			continue
		}
		if sev, on := p.Setting(rules[i]); !on || sev != f.Severity {
			wrong = append(wrong, f)
		}
	}
	if len(wrong) == 0 {
		return true
	}
	return assert.Fail(t, "these findings do not have the severity profile "+p.ID+" gives their rule, or their rule is unknown or off:"+describe(wrong), msgAndArgs...)
}
