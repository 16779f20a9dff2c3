package iop_test

import (
	"encoding/json"
	"log/slog"
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
	cite := iop.Citation{Source: "42 CFR 410.44(c)", Edition: "CY2024"}
	return iop.Findings{
		{Code: codeBelow, Severity: iop.Blocking, Subject: "P-17/2025-W10", Summary: "weekly minutes below the minimum", Cite: cite, Need: 540, Got: 525, Unit: iop.UnitMinutes},
		{Code: codeNote, Severity: iop.Info, Subject: "P-17/2025-W10", Summary: "partial week"},
		{Code: codeDays, Severity: iop.Warning, Subject: "P-03/2025-W10", Summary: "too few service days", Need: 3, Got: 2, Unit: iop.UnitCount, Day: date.New(2025, 3, 4)},
	}
}

func TestFindingError(t *testing.T) {
	fs := sample()
	assert.Equal(t, "test.weekly.below-minimum [P-17/2025-W10]: weekly minutes below the minimum: need 9h00m, got 8h45m (42 CFR 410.44(c) (CY2024))", fs[0].Error())
	assert.Equal(t, "test.note [P-17/2025-W10]: partial week", fs[1].Error())
	assert.Equal(t, "test.days.too-few [P-03/2025-W10]: too few service days on 2025-03-04: need 3, got 2", fs[2].Error())
	assert.Equal(t, "too few service days on 2025-03-04: need 3, got 2", fs[2].Message())
	days := iop.Finding{Code: "x", Summary: "m", Need: 1, Got: 8, Unit: iop.UnitDays}
	assert.Equal(t, "x: m: need 1 day, got 8 days", days.Error())
}

// A subject is a record ID chosen by the caller: one with control
// characters or quotes is escaped, so it cannot forge a line of a report.
func TestFindingErrorEscapesSubject(t *testing.T) {
	for _, tc := range []struct{ id, want string }{
		{"P-1", "x [P-1]: m"},
		{"P 1", `x ["P 1"]: m`},
		{"P\n1\x1b[31m", `x ["P\n1\x1b[31m"]: m`},
		{"P\xff", `x ["P\xff"]: m`},
		{`P"1`, `x ["P\"1"]: m`},
	} {
		f := iop.Finding{Code: "x", Subject: tc.id, Summary: "m"}
		assert.Equal(t, tc.want, f.Error(), "subject %q", tc.id)
	}
}

func TestFindingsErr(t *testing.T) {
	fs := sample()
	err := fs.Err()
	require.Error(t, err)
	require.ErrorIs(t, err, codeBelow)
	require.ErrorIs(t, err, codeDays, "errors.Is sees every finding, not only blocking ones")
	require.NotErrorIs(t, err, iop.Code("other"))
	var f iop.Finding
	require.ErrorAs(t, err, &f)
	assert.Equal(t, codeBelow, f.Code)

	assert.NoError(t, fs[1:].Err(), "warnings and info do not block")
	assert.NoError(t, iop.Findings(nil).Err())
}

func TestFindingsQueries(t *testing.T) {
	fs := sample()
	assert.True(t, fs.Has(codeDays))
	assert.False(t, fs.Has("none"))
	assert.Equal(t, []iop.Code{codeBelow, codeNote, codeDays}, fs.Codes())
	assert.Equal(t, iop.Findings{fs[0]}, fs.Blocking())
	assert.Equal(t, iop.Findings{fs[0], fs[2]}, fs.AtLeast(iop.Warning))
	assert.Equal(t, iop.Findings{fs[2]}, fs.About("P-03/2025-W10"))
	assert.Equal(t, iop.Findings{fs[2], fs[1], fs[0]}, fs.Sorted())
	assert.Equal(t, codeBelow, fs.Sorted().Sorted()[2].Code, "Sorted is stable")
	assert.Equal(t, sample(), fs, "Sorted does not change the receiver")
	got, ok := fs.Find(codeNote)
	require.True(t, ok)
	assert.Equal(t, fs[1], got)
	assert.True(t, fs.HasBlocking())
	assert.Len(t, fs.Unwrap(), 3)
	require.ErrorIs(t, fs[0], codeBelow)
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
		"day":"2025-03-04","summary":"too few service days","need":3,"got":2,"unit":"count"}`, string(b))
}

func TestFindingLogValue(t *testing.T) {
	v := sample()[2].LogValue()
	require.Equal(t, slog.KindGroup, v.Kind())
	got := map[string]string{}
	for _, a := range v.Group() {
		got[a.Key] = a.Value.String()
	}
	assert.Equal(t, map[string]string{"code": "test.days.too-few", "severity": "warning", "subject": "P-03/2025-W10",
		"day": "2025-03-04", "need": "3", "got": "2", "unit": "count"}, got)
}

func TestSeverityAndUnit(t *testing.T) {
	for _, s := range iop.AllSeverities() {
		got, err := iop.ParseSeverity(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	assert.Equal(t, []iop.Severity{iop.Info, iop.Warning, iop.Blocking}, iop.AllSeverities())
	_, err := iop.ParseSeverity("error")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "iop.ParseSeverity: unknown value", err.Error())
	for _, u := range iop.AllUnits() {
		got, err := iop.ParseUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, got)
	}
	_, err = iop.ParseUnit("hours")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Less(t, iop.Info, iop.Warning)
	assert.Less(t, iop.Warning, iop.Blocking)
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
