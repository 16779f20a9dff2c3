package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
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
		{Code: codeBelow, Severity: iop.Blocking, Subject: "P-17/2025-W10", Message: "weekly minutes below the minimum", Cite: cite, Need: 540, Got: 525, Unit: iop.UnitMinutes},
		{Code: codeNote, Severity: iop.Info, Subject: "P-17/2025-W10", Message: "partial week"},
		{Code: codeDays, Severity: iop.Warning, Subject: "P-03/2025-W10", Message: "too few service days", Need: 3, Got: 2, Unit: iop.UnitCount},
	}
}

func TestFindingError(t *testing.T) {
	fs := sample()
	assert.Equal(t, "test.weekly.below-minimum: weekly minutes below the minimum [need 9h00m, got 8h45m] (42 CFR 410.44(c) (CY2024))", fs[0].Error())
	assert.Equal(t, "test.note: partial week", fs[1].Error())
	assert.Equal(t, "test.days.too-few: too few service days [need 3, got 2]", fs[2].Error())
	days := iop.Finding{Code: "x", Message: "m", Need: 7, Got: 8, Unit: iop.UnitDays}
	assert.Equal(t, "x: m [need 7 days, got 8 days]", days.Error())
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
	assert.ErrorIs(t, fs[0], codeBelow)
}

func TestFindingJSON(t *testing.T) {
	b, err := json.Marshal(sample()[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"test.weekly.below-minimum","severity":"blocking","subject":"P-17/2025-W10",
		"message":"weekly minutes below the minimum","cite":{"source":"42 CFR 410.44(c)","edition":"CY2024"},
		"need":540,"got":525,"unit":"minutes"}`, string(b))
	var f iop.Finding
	require.NoError(t, json.Unmarshal(b, &f))
	assert.Equal(t, sample()[0], f)
}

func TestSeverityAndUnit(t *testing.T) {
	for _, s := range []iop.Severity{iop.Info, iop.Warning, iop.Blocking} {
		got, err := iop.ParseSeverity(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, got)
	}
	_, err := iop.ParseSeverity("error")
	require.ErrorIs(t, err, iop.ErrUnknownSeverity)
	for _, u := range []iop.Unit{iop.UnitMinutes, iop.UnitDays, iop.UnitCount, iop.UnitIntensity} {
		got, err := iop.ParseUnit(u.String())
		require.NoError(t, err)
		assert.Equal(t, u, got)
	}
	_, err = iop.ParseUnit("hours")
	require.ErrorIs(t, err, iop.ErrUnknownUnit)
	assert.Less(t, iop.Info, iop.Warning)
	assert.Less(t, iop.Warning, iop.Blocking)
}

func TestCitation(t *testing.T) {
	assert.Equal(t, "TIP 41", iop.Citation{Source: "TIP 41"}.String())
	assert.Equal(t, "TIP 41 (2005)", iop.Citation{Source: "TIP 41", Edition: "2005"}.String())
	assert.True(t, iop.Citation{}.IsZero())
}
