package ioptest_test

import (
	"fmt"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a TestingT that records failures instead of failing.
type recorder struct {
	msgs   []string
	failed bool
	halted bool
}

func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}
func (r *recorder) FailNow() { r.halted = true }
func (r *recorder) Helper()  {}

const (
	below iop.Code = "schedule.weekly-minutes.below-minimum"
	days  iop.Code = "schedule.days.too-few"
)

var table = iop.NewRuleTable(
	iop.Rule{Code: below, Severity: iop.SeverityBlocking, Summary: "below", Cite: iop.Citation{Source: "42 CFR 410.44(c)"}},
	iop.Rule{Code: days, Severity: iop.SeverityWarning, Summary: "days"},
)

var findings = iop.Findings{
	{Code: below, Severity: iop.SeverityBlocking, Subject: "P-1", Need: 540, Got: 539, Unit: iop.UnitMinutes},
	{Code: days, Severity: iop.SeverityWarning, Subject: "P-1", Need: 3, Got: 2, Unit: iop.UnitCount},
}

func TestAssertions(t *testing.T) {
	tests := []assertionCase{
		{"HasCode present", func(r *recorder) bool { return ioptest.HasCode(r, findings, below) }, true},
		{"HasCode absent", func(r *recorder) bool { return ioptest.HasCode(r, findings, "x") }, false},
		{"LacksCode absent", func(r *recorder) bool { return ioptest.LacksCode(r, findings, "x") }, true},
		{"LacksCode present", func(r *recorder) bool { return ioptest.LacksCode(r, findings, days) }, false},
		{"NoBlocking on warnings", func(r *recorder) bool { return ioptest.NoBlocking(r, findings[1:]) }, true},
		{"NoBlocking on blocking", func(r *recorder) bool { return ioptest.NoBlocking(r, findings) }, false},
		{"NoFindings on nil", func(r *recorder) bool { return ioptest.NoFindings(r, nil) }, true},
		{"NoFindings on warning", func(r *recorder) bool { return ioptest.NoFindings(r, findings[1:]) }, false},
		{"CodesEqual exact", func(r *recorder) bool { return ioptest.CodesEqual(r, findings, below, days) }, true},
		{"CodesEqual order matters", func(r *recorder) bool { return ioptest.CodesEqual(r, findings, days, below) }, false},
		{"CodesEqual missing one", func(r *recorder) bool { return ioptest.CodesEqual(r, findings, below) }, false},
		{"CodesEqual none", func(r *recorder) bool { return ioptest.CodesEqual(r, nil) }, true},
		{"Blocks blocking", func(r *recorder) bool { return ioptest.Blocks(r, findings, below) }, true},
		{"Blocks warning", func(r *recorder) bool { return ioptest.Blocks(r, findings, days) }, false},
		{"Figures match", func(r *recorder) bool { return ioptest.Figures(r, findings, below, 540, 539) }, true},
		{"Figures differ", func(r *recorder) bool { return ioptest.Figures(r, findings, below, 540, 540) }, false},
		{"Figures absent", func(r *recorder) bool { return ioptest.Figures(r, findings, "x", 1, 1) }, false},
		{"Cited all", func(r *recorder) bool { return ioptest.Cited(r, table, findings[:1]) }, true},
		{"Cited missing", func(r *recorder) bool { return ioptest.Cited(r, table, findings) }, false},
	}
	runAssertions(t, tests)
}

func TestFailureMessageShowsFigures(t *testing.T) {
	var r recorder
	ioptest.NoBlocking(&r, findings)
	if assert.Len(t, r.msgs, 1) {
		assert.Contains(t, r.msgs[0], "[blocking] schedule.weekly-minutes.below-minimum [P-1]: need 9h00m, got 8h59m")
	}
}

func TestRequireForms(t *testing.T) {
	var r recorder
	ioptest.RequireNoBlocking(&r, findings)
	assert.True(t, r.halted)
	r = recorder{}
	ioptest.RequireCode(&r, findings, "x")
	assert.True(t, r.halted)
	r = recorder{}
	ioptest.RequireCode(&r, findings, below)
	ioptest.RequireNoBlocking(&r, findings[1:])
	assert.False(t, r.halted)
}

func TestSeverityAndFollowsRules(t *testing.T) {
	rules := iop.NewRuleTable(iop.Rule{Code: below, Severity: iop.SeverityWarning}, iop.Rule{Code: days, Severity: iop.SeverityWarning})
	fs := iop.Findings{{Code: below, Severity: iop.SeverityWarning}, {Code: days, Severity: iop.SeverityWarning}}
	assert.True(t, ioptest.Severity(t, fs, below, iop.SeverityWarning))
	assert.True(t, ioptest.FollowsRules(t, rules, fs))

	var rec recorder
	assert.False(t, ioptest.Severity(&rec, fs, below, iop.SeverityBlocking))
	assert.False(t, ioptest.FollowsRules(&rec, iop.NewRuleTable(iop.Rule{Code: below, Severity: iop.SeverityBlocking}, iop.Rule{Code: days, Severity: iop.SeverityWarning}), fs), "the table says blocking")
	assert.False(t, ioptest.FollowsRules(&rec, iop.NewRuleTable(iop.Rule{Code: days, Severity: iop.SeverityWarning}), fs), "a code not in the table")
	assert.False(t, ioptest.FollowsRules(&rec, iop.NewRuleTable(iop.Rule{Code: below, Severity: iop.SeverityWarning}, iop.Rule{Code: days}), fs), "a rule turned off")
	assert.Len(t, rec.msgs, 4)
}

// A rule that reports each day apart (schedule's below-tier, one finding a
// day, each at the force of the day's setting) has several findings of one
// code: Figures, Blocks and Severity hold when any of them matches, not only
// the first.
func TestAnyFindingOfTheCode(t *testing.T) {
	const tier iop.Code = "schedule.day-services.below-tier"
	fs := iop.Findings{
		{Code: tier, Severity: iop.SeverityWarning, Subject: "P-1", Need: 3, Got: 2, Unit: iop.UnitCount},
		{Code: tier, Severity: iop.SeverityBlocking, Subject: "P-2", Need: 3, Got: 1, Unit: iop.UnitCount},
	}
	tests := []assertionCase{
		{"Figures first", func(r *recorder) bool { return ioptest.Figures(r, fs, tier, 3, 2) }, true},
		{"Figures second", func(r *recorder) bool { return ioptest.Figures(r, fs, tier, 3, 1) }, true},
		{"Figures none", func(r *recorder) bool { return ioptest.Figures(r, fs, tier, 3, 0) }, false},
		{"Blocks second", func(r *recorder) bool { return ioptest.Blocks(r, fs, tier) }, true},
		{"Blocks none", func(r *recorder) bool { return ioptest.Blocks(r, fs[:1], tier) }, false},
		{"Severity first", func(r *recorder) bool { return ioptest.Severity(r, fs, tier, iop.SeverityWarning) }, true},
		{"Severity second", func(r *recorder) bool { return ioptest.Severity(r, fs, tier, iop.SeverityBlocking) }, true},
		{"Severity none", func(r *recorder) bool { return ioptest.Severity(r, fs, tier, iop.SeverityInfo) }, false},
	}
	runAssertions(t, tests)
}

// The caller's message is part of every failure, figures and severity
// that differ included.
func TestFailureKeepsTheCallersMessage(t *testing.T) {
	tests := []struct {
		name string
		run  func(r *recorder) bool
	}{
		{"Figures absent", func(r *recorder) bool { return ioptest.Figures(r, findings, "x", 1, 1, "week %d", 10) }},
		{"Figures differ", func(r *recorder) bool { return ioptest.Figures(r, findings, below, 540, 540, "week %d", 10) }},
		{"Severity absent", func(r *recorder) bool { return ioptest.Severity(r, findings, "x", iop.SeverityInfo, "week %d", 10) }},
		{"Severity differs", func(r *recorder) bool { return ioptest.Severity(r, findings, below, iop.SeverityInfo, "week %d", 10) }},
		{"Blocks", func(r *recorder) bool { return ioptest.Blocks(r, findings, days, "week %d", 10) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			require.False(t, tt.run(&r))
			require.Len(t, r.msgs, 1)
			assert.Contains(t, r.msgs[0], "Messages:   \tweek 10")
		})
	}
}

// assertionCase runs one assertion against a recorder and says whether it
// should pass.
type assertionCase struct {
	name string
	run  func(r *recorder) bool
	pass bool
}

// runAssertions checks each case's result, and that a failure is
// reported exactly when the assertion fails.
func runAssertions(t *testing.T, tests []assertionCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r recorder
			assert.Equal(t, tt.pass, tt.run(&r))
			assert.Equal(t, tt.pass, len(r.msgs) == 0, "a failure is reported exactly when the assertion fails: %v", r.msgs)
		})
	}
}
