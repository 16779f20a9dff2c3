package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLevel(t *testing.T) {
	tests := []struct {
		in   string
		want iop.Level
	}{
		{"0.5", iop.Level05}, {"1", iop.Level1}, {"1.0", iop.Level10}, {"1.5", iop.Level15},
		{"1.7", iop.Level17}, {"2.1", iop.Level21}, {"2.5", iop.Level25}, {"2.7", iop.Level27},
		{"3.1", iop.Level31}, {"3.3", iop.Level33}, {"3.5", iop.Level35}, {"3.7", iop.Level37},
		{"4", iop.Level4}, {"1-WM", iop.Level1WM}, {"2-WM", iop.Level2WM}, {"3.2-WM", iop.Level32WM},
		{"3.7-WM", iop.Level37WM}, {"4-WM", iop.Level4WM}, {"OTS", iop.LevelOTS},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := iop.Parse[iop.Level](tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, "ParseLevel(%q)", tt.in)
			assert.Equal(t, tt.in, got.String())
		})
	}
}

func TestParseLevelRejects(t *testing.T) {
	for _, in := range []string{"", "2.10", "2,1", " 2.1", "IOP", "4.0", "ots", "%!Level(0)", "2.1\x00"} {
		t.Run(in, func(t *testing.T) {
			got, err := iop.Parse[iop.Level](in)
			require.ErrorIs(t, err, iop.ErrUnknown)
			var pe *iop.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "iop.Level.UnmarshalText", pe.Func)
			assert.Equal(t, iop.Level(0), got)
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := iop.Parse[iop.Level]("Jane Doe 1980-01-01")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, `iop.Level.UnmarshalText: unknown value`, err.Error(), "the message never holds the rejected text")
}

func TestLevelString(t *testing.T) {
	assert.Equal(t, "%!Level(0)", iop.Level(0).String())
	assert.Equal(t, "%!Level(200)", iop.Level(200).String())
	assert.False(t, iop.Level(200).IsValid())
}

func TestLevelEditions(t *testing.T) {
	third := []iop.Level{iop.Level05, iop.Level1, iop.Level21, iop.Level25, iop.Level31, iop.Level33, iop.Level35, iop.Level37, iop.Level4,
		iop.Level1WM, iop.Level2WM, iop.Level32WM, iop.Level37WM, iop.Level4WM, iop.LevelOTS}
	fourth := []iop.Level{iop.Level10, iop.Level15, iop.Level17, iop.Level21, iop.Level25, iop.Level27, iop.Level31, iop.Level35, iop.Level37, iop.Level4}
	assert.Equal(t, third, iop.Levels(iop.Edition3))
	assert.Equal(t, fourth, iop.Levels(iop.Edition4))
	assert.Empty(t, iop.Levels(0))

	assert.False(t, iop.Level33.InEdition(iop.Edition4), "3.3 is gone in the 4th edition")
	assert.False(t, iop.Level05.InEdition(iop.Edition4), "0.5 is gone in the 4th edition")
	assert.False(t, iop.Level27.InEdition(iop.Edition3), "2.7 is new in the 4th edition")
}

func TestLevelNames(t *testing.T) {
	tests := []struct {
		l    iop.Level
		e    iop.Edition
		p    iop.Population
		want string
	}{
		{iop.Level21, iop.Edition3, iop.PopulationAdult, "Intensive Outpatient Services"},
		{iop.Level21, iop.Edition4, iop.PopulationAdult, "Intensive Outpatient"},
		{iop.Level25, iop.Edition3, iop.PopulationAdult, "Partial Hospitalization Services"},
		{iop.Level25, iop.Edition4, iop.PopulationAdult, "High-Intensity Outpatient"},
		{iop.Level35, iop.Edition3, iop.PopulationAdult, "Clinically Managed High-Intensity Residential Services"},
		{iop.Level35, iop.Edition3, iop.PopulationAdolescent, "Clinically Managed Medium-Intensity Residential Services"},
		{iop.Level37, iop.Edition3, iop.PopulationAdolescent, "Medically Monitored High-Intensity Inpatient Services"},
		{iop.Level33, iop.Edition4, iop.PopulationAdult, ""},
		{iop.Level(99), iop.Edition3, iop.PopulationAdult, ""},
	}
	for _, tt := range tests {
		t.Run(tt.l.String()+"/"+tt.e.String()+"/"+tt.p.String(), func(t *testing.T) {
			assert.Equal(t, tt.want, tt.l.Name(tt.e, tt.p))
		})
	}
}

func TestLevelIntensity(t *testing.T) {
	order := []iop.Level{iop.Level05, iop.Level1, iop.Level15, iop.Level17, iop.Level21, iop.Level25, iop.Level27, iop.Level31, iop.Level33, iop.Level35, iop.Level37, iop.Level4}
	for i := 1; i < len(order); i++ {
		assert.Equal(t, -1, order[i-1].Compare(order[i]), "%s vs %s", order[i-1], order[i])
		assert.Equal(t, +1, order[i].Compare(order[i-1]), "%s vs %s", order[i], order[i-1])
	}
	assert.Equal(t, 0, iop.Level1.Compare(iop.Level10), "1 and 1.0 are equally intensive")
	assert.Equal(t, 21, iop.Level21.Intensity())
	assert.Equal(t, 0, iop.Level(0).Intensity())
	assert.True(t, iop.Level32WM.IsWithdrawalManagement())
	assert.False(t, iop.Level21.IsWithdrawalManagement())
}

func TestLevelJSON(t *testing.T) {
	type rec struct {
		L iop.Level `json:"l"`
	}
	b, err := json.Marshal(rec{iop.Level32WM})
	require.NoError(t, err)
	assert.JSONEq(t, `{"l":"3.2-WM"}`, string(b))

	var r rec
	require.NoError(t, json.Unmarshal(b, &r))
	assert.Equal(t, iop.Level32WM, r.L)

	_, err = json.Marshal(rec{iop.Level(0)})
	require.ErrorIs(t, err, iop.ErrUnknown)

	err = json.Unmarshal([]byte(`{"l":"2.2"}`), &r)
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, iop.Level32WM, r.L, "a refused value leaves the field unchanged")
}

func TestMustParseLevel(t *testing.T) {
	assert.Equal(t, iop.Level21, iop.MustParseLevel("2.1"))
	assert.Panics(t, func() { iop.MustParseLevel("IOP") })
}

func TestEdition(t *testing.T) {
	for _, e := range []iop.Edition{iop.Edition3, iop.Edition4} {
		got, err := iop.Parse[iop.Edition](e.String())
		require.NoError(t, err)
		assert.Equal(t, e, got)
	}
	assert.Equal(t, 2013, iop.Edition3.Year())
	assert.Equal(t, 2023, iop.Edition4.Year())
	assert.Equal(t, 0, iop.Edition(9).Year())
	assert.Equal(t, "%!Edition(9)", iop.Edition(9).String())
	_, err := iop.Parse[iop.Edition]("3")
	require.ErrorIs(t, err, iop.ErrUnknown)
	b, err := iop.Edition4.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "4th", string(b))
	var e iop.Edition
	require.ErrorIs(t, e.UnmarshalText([]byte("5th")), iop.ErrUnknown)
	_, err = iop.Edition(0).MarshalText()
	require.ErrorIs(t, err, iop.ErrUnknown)
}
