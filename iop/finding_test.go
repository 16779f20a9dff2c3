package iop_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"slices"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	codeBelow iop.Code = "test.weekly.below-minimum"
	codeDays  iop.Code = "test.days.too-few"
	codeNote  iop.Code = "test.note"
)

func sample() iop.Findings {
	return iop.Findings{
		{Code: codeBelow, Severity: iop.SeverityBlocking, Subject: "P-17/2025-W10", Need: 540, Got: 525, Unit: iop.UnitMinutes},
		{Code: codeNote, Severity: iop.SeverityInfo, Subject: "P-17/2025-W10"},
		{Code: codeDays, Severity: iop.SeverityWarning, Subject: "P-03/2025-W10", Need: 3, Got: 2, Unit: iop.UnitCount, Day: date.New(2025, 3, 4)},
	}
}

func sampleTable() iop.RuleTable {
	return iop.NewRuleTable(
		iop.Rule{Code: codeBelow, Severity: iop.SeverityBlocking, Summary: "weekly minutes below the minimum", Cite: iop.Citation{Source: "42 CFR 410.44(c)", Edition: "CY2024"}},
		iop.Rule{Code: codeNote, Severity: iop.SeverityInfo, Summary: "partial week"},
		iop.Rule{Code: codeDays, Severity: iop.SeverityWarning, Summary: "too few service days"},
		iop.Rule{Code: codeBelow, Severity: iop.SeverityInfo, Summary: "a second line for a code: never found"},
	)
}

func TestFindingString(t *testing.T) {
	fs := sample()
	assert.Equal(t, "test.weekly.below-minimum [P-17/2025-W10]: need 9h00m, got 8h45m", fs[0].String())
	assert.Equal(t, "test.note [P-17/2025-W10]", fs[1].String())
	assert.Equal(t, "test.days.too-few [P-03/2025-W10] on 2025-03-04: need 3, got 2", fs[2].String())
	f := iop.Finding{Code: "x", Ref: "fuh-7", Level: iop.Level25, Need: 1, Got: 8, Unit: iop.UnitDays}
	assert.Equal(t, "x (fuh-7): level 2.5: need 1 day, got 8 days", f.String())
}

func TestRuleTable(t *testing.T) {
	rt := sampleTable()
	fs := sample()
	assert.Equal(t, 4, rt.Len())
	assert.Equal(t, "weekly minutes below the minimum: need 9h00m, got 8h45m", rt.Message(fs[0]))
	assert.Equal(t, "partial week", rt.Message(fs[1]))
	assert.Equal(t, "too few service days on 2025-03-04: need 3, got 2", rt.Message(fs[2]))
	assert.Equal(t, "other.code: need 1, got 2", rt.Message(iop.Finding{Code: "other.code", Need: 1, Got: 2, Unit: iop.UnitCount}), "an unknown code is written as itself")
	assert.Equal(t, []byte("> partial week"), rt.AppendMessage([]byte("> "), fs[1]))
	r, ok := rt.Rule(codeBelow)
	require.True(t, ok)
	assert.Equal(t, iop.Rule{Code: codeBelow, Severity: iop.SeverityBlocking, Summary: "weekly minutes below the minimum", Cite: iop.Citation{Source: "42 CFR 410.44(c)", Edition: "CY2024"}}, r, "the first line of a code")
	_, ok = rt.Rule("none")
	assert.False(t, ok)
	var codes []iop.Code
	for r := range rt.All() {
		codes = append(codes, r.Code)
		if r.Code == codeDays {
			break
		}
	}
	assert.Equal(t, []iop.Code{codeBelow, codeNote, codeDays}, codes, "All stops when asked")
	assert.Equal(t, iop.RuleTable{}, iop.NewRuleTable(), "no rules: the zero table")
	assert.Equal(t, 0, iop.RuleTable{}.Len())

	rules := []iop.Rule{{Code: "a", Summary: "a"}}
	rt = iop.NewRuleTable(rules...)
	rules[0].Summary = "changed"
	assert.Equal(t, "a", rt.Message(iop.Finding{Code: "a"}), "the table copies its rules")
}

// A subject is a record ID chosen by the caller: one with control
// characters or quotes is escaped, so it cannot forge a line of a report.
func TestFindingStringEscapesSubject(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"P-1", "x [P-1]"},
		{"P 1", `x ["P 1"]`},
		{"P\n1\x1b[31m", `x ["P\n1\x1b[31m"]`},
		{"P\xff", `x ["P\xff"]`},
		{`P"1`, `x ["P\"1"]`},
		{"", "x"},
	} {
		f := iop.Finding{Code: "x", Subject: tc.id}
		assert.Equal(t, tc.want, f.String(), "subject %q", tc.id)
	}
}

func TestFindingsBlockingErr(t *testing.T) {
	fs := sample()
	err := fs.BlockingErr()
	require.Error(t, err)
	require.ErrorIs(t, err, codeBelow)
	require.NotErrorIs(t, err, codeDays, "a warning is not in the blocking error")
	require.NotErrorIs(t, err, codeNote, "nor is information")
	require.NotErrorIs(t, err, iop.Code("other"))
	var be *iop.BlockingError
	require.ErrorAs(t, err, &be)
	assert.Equal(t, iop.Findings{fs[0]}, be.Findings)
	assert.Equal(t, "blocking: test.weekly.below-minimum [P-17/2025-W10]: need 9h00m, got 8h45m", err.Error())

	two := append(sample(), iop.Finding{Code: codeDays, Severity: iop.SeverityBlocking, Subject: "P-9"})
	err = two.BlockingErr()
	require.ErrorIs(t, err, codeDays, "the same code, blocking this time")
	assert.Equal(t, "blocking: test.weekly.below-minimum [P-17/2025-W10]: need 9h00m, got 8h45m; test.days.too-few [P-9]", err.Error())

	assert.NoError(t, fs[1:].BlockingErr(), "warnings and info do not block")
	assert.NoError(t, iop.Findings(nil).BlockingErr())
	var e any = iop.Findings(nil)
	_, isErr := e.(error)
	assert.False(t, isErr, "Findings is not an error")
	e = iop.Finding{}
	_, isErr = e.(error)
	assert.False(t, isErr, "nor is a Finding")
}

func TestFindingsQueries(t *testing.T) {
	fs := sample()
	assert.True(t, fs.Has(codeDays))
	assert.False(t, fs.Has("none"))
	assert.Equal(t, []iop.Code{codeBelow, codeNote, codeDays}, fs.Codes())
	assert.Equal(t, iop.Findings{fs[0]}, fs.Blocking())
	assert.Equal(t, iop.Findings{fs[0], fs[2]}, fs.AtLeast(iop.SeverityWarning))
	assert.Equal(t, iop.Findings{fs[2]}, fs.About("P-03/2025-W10"))
	assert.Equal(t, iop.Findings{fs[2], fs[1], fs[0]}, fs.Sorted())
	assert.Equal(t, codeBelow, fs.Sorted().Sorted()[2].Code, "Sorted is stable")
	assert.Equal(t, sample(), fs, "Sorted does not change the receiver")

	// Findings alike in code, subject, day and figures (the lines of one
	// claim that repeat others) come out in one order whatever order they
	// came in.
	repeats := iop.Findings{
		{Code: "schedule.claim.line-repeated", Severity: iop.SeverityWarning, Subject: "c-1", Line: 3, Ref: "c-1#1", Input: iop.InputLine(4)},
		{Code: "schedule.claim.line-repeated", Severity: iop.SeverityWarning, Subject: "c-1", Line: 2, Ref: "c-1#1", Input: iop.InputLine(3)},
		{Code: "schedule.claim.line-repeated", Severity: iop.SeverityWarning, Subject: "c-1", Line: 2, Ref: "c-0#1", Input: iop.InputLine(3)},
		{Code: "schedule.claim.line-repeated", Severity: iop.SeverityWarning, Subject: "c-1", Line: 2, Ref: "c-0#1", Input: iop.InputSegment(3)},
	}
	want := iop.Findings{repeats[2], repeats[3], repeats[1], repeats[0]}
	assert.Equal(t, want, repeats.Sorted())
	reversed := slices.Clone(repeats)
	slices.Reverse(reversed)
	assert.Equal(t, want, reversed.Sorted(), "in any order")
	got, ok := fs.Find(codeNote)
	require.True(t, ok)
	assert.Equal(t, fs[1], got)
	assert.True(t, fs.HasBlocking())
	assert.Equal(t, "schedule", iop.Code("schedule.weekly-minutes.below-minimum").Package())
}

func TestFindingJSON(t *testing.T) {
	for _, f := range sample() {
		b, err := json.Marshal(f)
		require.NoError(t, err)
		var back iop.Finding
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, f, back)
	}
	b, err := json.Marshal(sample()[2])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"test.days.too-few","severity":"warning","subject":"P-03/2025-W10",
		"day":"2025-03-04","need":3,"got":2,"unit":"count"}`, string(b))
}

// TestFindingLogged checks what log/slog writes of a finding, which has
// no LogValue method of its own: its String (words-free, figures only)
// with the text handler, and its JSON (its fields) with the JSON handler.
func TestFindingLogged(t *testing.T) {
	f := sample()[2]
	var text, js bytes.Buffer
	slog.New(slog.NewTextHandler(&text, &slog.HandlerOptions{ReplaceAttr: dropTime})).Info("checked", "finding", f)
	assert.Equal(t, `level=INFO msg=checked finding="test.days.too-few [P-03/2025-W10] on 2025-03-04: need 3, got 2"`+"\n", text.String())
	slog.New(slog.NewJSONHandler(&js, &slog.HandlerOptions{ReplaceAttr: dropTime})).Info("checked", "finding", f)
	assert.JSONEq(t, `{"level":"INFO","msg":"checked","finding":{"code":"test.days.too-few","severity":"warning",
		"subject":"P-03/2025-W10","day":"2025-03-04","need":3,"got":2,"unit":"count"}}`, js.String())
}

// dropTime leaves the time out of a log record.
func dropTime(groups []string, a slog.Attr) slog.Attr {
	if len(groups) == 0 && a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

func TestSeverityAndUnit(t *testing.T) {
	for _, s := range iop.All[iop.Severity]() {
		got, err := iop.Parse[iop.Severity](s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	assert.Equal(t, []iop.Severity{iop.SeverityInfo, iop.SeverityWarning, iop.SeverityBlocking}, iop.All[iop.Severity]())
	_, err := iop.Parse[iop.Severity]("error")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "iop.Severity.UnmarshalText: unknown value", err.Error())
	for _, u := range iop.All[iop.Unit]() {
		got, err := iop.Parse[iop.Unit](u.String())
		require.NoError(t, err)
		assert.Equal(t, u, got)
	}
	_, err = iop.Parse[iop.Unit]("hours")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Less(t, iop.SeverityInfo, iop.SeverityWarning)
	assert.Less(t, iop.SeverityWarning, iop.SeverityBlocking)
	assert.Equal(t, "%!Severity(9)", iop.Severity(9).String())
}

func TestFigure(t *testing.T) {
	for _, tc := range []struct {
		v    int64
		u    iop.Unit
		want string
	}{
		{540, iop.UnitMinutes, "9h00m"},
		{539, iop.UnitMinutes, "8h59m"},
		{1 << 40, iop.UnitMinutes, "1099511627776"},
		{1, iop.UnitDays, "1 day"},
		{30, iop.UnitDays, "30 days"},
		{3, iop.UnitCount, "3"},
		{21, iop.UnitIntensity, "21"},
	} {
		assert.Equal(t, tc.want, iop.Figure(tc.v, tc.u), "Figure(%d, %s)", tc.v, tc.u)
	}
}

func TestCitation(t *testing.T) {
	assert.Equal(t, "TIP 41", iop.Citation{Source: "TIP 41"}.String())
	assert.Equal(t, "TIP 41 (2005)", iop.Citation{Source: "TIP 41", Edition: "2005"}.String())
	assert.True(t, iop.Citation{}.IsZero())
}

// TestHeld: a blocking finding of a day holds that day only; one without a
// day holds the whole record; warnings hold nothing.
func TestHeld(t *testing.T) {
	d1, d2 := date.New(2025, 3, 12), date.New(2025, 3, 14)
	fs := iop.Findings{
		{Code: "x.a", Severity: iop.SeverityBlocking, Day: d2},
		{Code: "x.b", Severity: iop.SeverityWarning, Day: d1},
		{Code: "x.c", Severity: iop.SeverityBlocking, Day: d1},
		{Code: "x.d", Severity: iop.SeverityBlocking, Day: d2},
	}
	days, whole := fs.Held()
	assert.Equal(t, []date.Date{d1, d2}, days)
	assert.False(t, whole)
	days, whole = append(fs, iop.Finding{Code: "x.e", Severity: iop.SeverityBlocking}).Held()
	assert.Equal(t, []date.Date{d1, d2}, days)
	assert.True(t, whole)
	days, whole = iop.Findings{{Code: "x.b", Severity: iop.SeverityWarning, Day: d1}}.Held()
	assert.Empty(t, days)
	assert.False(t, whole)

	// A finding that names a day but concerns a whole record, by its
	// scope, holds the record; one that concerns the day holds the day.
	days, whole = iop.Findings{{Code: "x.f", Severity: iop.SeverityBlocking, Scope: iop.FindingScopeClaim, Day: d1}}.Held()
	assert.Empty(t, days)
	assert.True(t, whole)
	days, whole = iop.Findings{{Code: "x.g", Severity: iop.SeverityBlocking, Scope: iop.FindingScopeDay, Day: d1}}.Held()
	assert.Equal(t, []date.Date{d1}, days)
	assert.False(t, whole)
}
