package billing

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// billingcheckFile reads a file of billingcheck's testdata.
func billingcheckFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "billingcheck", "testdata", name))
	require.NoError(t, err)
	return string(b)
}

// TestReportsAsBillingcheck writes the reports of the runs billingcheck's
// golden files hold, through Check and Report.Write: billingcheck and the
// web page say the same about the same input because both call these, so
// each report is billingcheck's golden file byte for byte, and what goes
// to errOut is what billingcheck writes on standard error but for the
// columns ignored (billingcheck's own line, from Report.Ignored).
func TestReportsAsBillingcheck(t *testing.T) {
	claims := Options{Input: InputClaims, Setting: iop.ProviderHospitalOutpatient,
		Columns: map[string]string{"date_of_service": "date"}, Source: "the embedded claims sample"}
	x12 := Options{Input: InputClaims, X12: true, Setting: iop.ProviderHospitalOutpatient, Source: "the embedded 837I sample"}
	const (
		sampleNotes = "billingcheck: row refused: sessions line 22: date: invalid date\n" +
			"billingcheck: row refused: sessions line 47: attended: out of range: attended above planned\n"
		derived    = "billingcheck: without an episode, taken as adults admitted on their first day of service: p-101, p-102, p-103\n"
		claimNotes = derived + "billingcheck: row refused: claims line 30: date: invalid date\n"
		x12Notes   = derived + "billingcheck: row refused: x12 segment 141 (DTP), element 3: invalid date: want CCYYMMDD\n"
	)
	sample := Options{Source: "the embedded sample"}
	for _, tc := range []struct {
		golden, rules, weeks, format string
		opt                          Options
		data, episodes               string
		notes                        string
		ignored                      []string
	}{
		{"sample", "medicare-iop", "iso", "text", sample, sampleSessions, sampleEpisodes, "", nil},
		{"sample-program-weeks", "medicare-iop", "program", "text", sample, sampleSessions, sampleEpisodes, "", nil},
		{"sample-iso.json", "medicare-iop", "iso", "json", sample, sampleSessions, sampleEpisodes, sampleNotes, nil},
		{"sample-sunday.csv", "medicare-iop", "sunday", "csv", sample, sampleSessions, sampleEpisodes, sampleNotes, nil},
		{"file", "asam3-2.1", "sunday", "text", Options{Source: filepath.Join("testdata", "stepdown.csv")},
			billingcheckFile(t, "stepdown.csv"), billingcheckFile(t, "stepdown-episodes.csv"), "", nil},
		{"claims.text", "medicare-iop", "iso", "text", claims, sampleClaims, "", "", []string{"clinician", "payer_plan"}},
		{"claims.json", "medicare-iop", "iso", "json", claims, sampleClaims, "", claimNotes, []string{"clinician", "payer_plan"}},
		{"claims.csv", "medicare-iop", "iso", "csv", claims, sampleClaims, "", claimNotes, []string{"clinician", "payer_plan"}},
		{"x12.text", "medicare-iop", "iso", "text", x12, sampleX12, "", "", nil},
		{"x12.json", "medicare-iop", "iso", "json", x12, sampleX12, "", x12Notes, nil},
		{"x12.csv", "medicare-iop", "iso", "csv", x12, sampleX12, "", x12Notes, nil},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			rs, ok, err := NewRules(tc.rules)
			require.NoError(t, err)
			require.True(t, ok)
			opt := tc.opt
			opt.Rules = rs
			opt.Program, opt.Weeks, err = ParseWeeks(tc.weeks)
			require.NoError(t, err)
			var ep io.Reader
			if tc.episodes != "" {
				ep = strings.NewReader(tc.episodes)
			}
			rep, err := Check(strings.NewReader(tc.data), ep, opt)
			require.NoError(t, err)
			var out, notes bytes.Buffer
			rep.Write(tc.format, &out, &notes)
			assert.Equal(t, billingcheckFile(t, tc.golden+".golden"), out.String())
			assert.Equal(t, tc.notes, notes.String())
			assert.Equal(t, tc.ignored, rep.Ignored())
			assert.True(t, rep.Failed(), "every sample has a row refused")
			switch tc.format {
			case "json":
				var byName bytes.Buffer
				rep.WriteJSON(&byName, io.Discard)
				assert.Equal(t, out.String(), byName.String(), "WriteJSON is Write json")
			case "csv":
				var byName bytes.Buffer
				rep.WriteCSV(&byName, io.Discard)
				assert.Equal(t, out.String(), byName.String(), "WriteCSV is Write csv")
			}
		})
	}
}

// A format is text, json or csv, as billingcheck's -format says; Write of
// any other name writes nothing.
func TestFormats(t *testing.T) {
	for name, want := range map[string]bool{"text": true, "json": true, "csv": true, "": false, "JSON": false, "tsv": false, "text ": false} {
		assert.Equal(t, want, IsFormat(name), "IsFormat(%q)", name)
	}
	rs, ok, err := NewRules("asam3-2.1")
	require.NoError(t, err)
	require.True(t, ok)
	rep, err := Check(strings.NewReader(oneSession), nil, Options{Rules: rs, Weeks: schedule.ISOWeeks()})
	require.NoError(t, err)
	var out, notes bytes.Buffer
	rep.Write("xml", &out, &notes)
	assert.Empty(t, out.String())
	assert.Empty(t, notes.String())
}

// A clean run fails nothing: no finding blocks, no row refused, every
// patient-week checked; the text report says so on its last line.
func TestReportClean(t *testing.T) {
	rs, ok, err := NewRules("asam3-2.1")
	require.NoError(t, err)
	require.True(t, ok)
	rep, err := Check(strings.NewReader(billingcheckFile(t, "compliant.csv")), nil, Options{Rules: rs, Weeks: schedule.ISOWeeks(), Source: "standard input"})
	require.NoError(t, err)
	assert.False(t, rep.Failed())
	assert.Zero(t, rep.Refused())
	var out bytes.Buffer
	rep.Write("text", &out, io.Discard)
	assert.Equal(t, billingcheckFile(t, "stdin.golden"), out.String())
}

// The text report's heading ends with the input Options.Source names, or
// with the week scheme (or the setting) when Source is empty: no separator
// left dangling. The rest of the report is the same.
func TestReportHeadingSource(t *testing.T) {
	rs, ok, err := NewRules("asam3-2.1")
	require.NoError(t, err)
	require.True(t, ok)
	golden := billingcheckFile(t, "stdin.golden")
	const named = "billingcheck: asam3-2.1, ISO weeks, standard input\n"
	heading, _, _ := strings.Cut(golden, "\n")
	require.Equal(t, named, heading+"\n", "stdin.golden's heading, its first line")
	for _, tc := range []struct {
		name    string
		source  string
		setting iop.Provider
		heading string
	}{
		{"a source", "standard input", 0, named},
		{"no source", "", 0, "billingcheck: asam3-2.1, ISO weeks\n"},
		{"a setting and a source", "standard input", iop.ProviderHospitalOutpatient, "billingcheck: asam3-2.1, ISO weeks, setting hospital, standard input\n"},
		{"a setting, no source", "", iop.ProviderHospitalOutpatient, "billingcheck: asam3-2.1, ISO weeks, setting hospital\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Check(strings.NewReader(billingcheckFile(t, "compliant.csv")), nil,
				Options{Rules: rs, Weeks: schedule.ISOWeeks(), Setting: tc.setting, Source: tc.source})
			require.NoError(t, err)
			var out bytes.Buffer
			rep.Write("text", &out, io.Discard)
			assert.Equal(t, tc.heading+strings.TrimPrefix(golden, named), out.String())
		})
	}
}

// Check refuses to run without rules; input that cannot be read at all
// (a header without a required column, an I/O error in either file, a
// header of the episodes CSV other than its columns) is an error wrapping
// ErrInput that names the file and the reason, never a cell of it.
func TestCheckInputErrors(t *testing.T) {
	rep, err := Check(strings.NewReader(oneSession), nil, Options{Weeks: schedule.ISOWeeks()})
	require.EqualError(t, err, "billing.Check: no rules")
	assert.Nil(t, rep)

	diskGone := errors.New("disk gone")
	const episodesHeader = "patient,population,admitted,discharged,stepped_down,certified\n"
	for _, tc := range []struct {
		name           string
		input          string
		data, episodes io.Reader
		want           string
	}{
		{"sessions without a required column", "", strings.NewReader("patient,date,start,minutes,kind\nJane Doe,1960-01-01,09:00,60,group\n"), nil,
			"cannot read the input: sessions: line 1: header: missing: column attendance"},
		{"claims without a claim column", InputClaims, strings.NewReader("patient,line,date,code\nJane Doe,1,1960-01-01,G0410\n"), nil,
			"cannot read the input: claims: line 1: header: missing: column claim"},
		{"a header-less claims export", InputClaims, strings.NewReader("Jane Doe,c-1,1,1960-01-01,G0410\n"), nil,
			"cannot read the input: claims: line 1: header: invalid syntax: the first row is data, not column names: a header row is required"},
		{"sessions failing to be read", "", io.MultiReader(strings.NewReader(oneSession), iotest.ErrReader(diskGone)), nil,
			"cannot read the input: sessions: disk gone"},
		{"claims failing to be read", InputClaims, io.MultiReader(strings.NewReader("patient,claim,line,date,code\n"), iotest.ErrReader(diskGone)), nil,
			"cannot read the input: claims: disk gone"},
		{"episodes failing to be read", "", strings.NewReader(oneSession), io.MultiReader(strings.NewReader(episodesHeader+"p-1,adult,"), iotest.ErrReader(diskGone)),
			"cannot read the input: episodes: disk gone"},
		{"episodes failing at once", "", strings.NewReader(oneSession), iotest.ErrReader(diskGone),
			"cannot read the input: episodes: disk gone"},
		{"episodes with another header", "", strings.NewReader(oneSession), strings.NewReader("patient,admitted\nJane Doe,1960-01-01\n"),
			"cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified"},
		{"episodes with the columns in another order", "", strings.NewReader(oneSession), strings.NewReader("population,patient,admitted,discharged,stepped_down,certified\n"),
			"cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified"},
		{"episodes with a malformed header", "", strings.NewReader(oneSession), strings.NewReader("\"patient,population\n"),
			"cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified"},
		{"empty episodes", "", strings.NewReader(oneSession), strings.NewReader(""),
			"cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rs, ok, err := NewRules("asam3-2.1")
			require.NoError(t, err)
			require.True(t, ok)
			rep, err := Check(tc.data, tc.episodes, Options{Input: tc.input, Rules: rs, Weeks: schedule.ISOWeeks()})
			require.ErrorIs(t, err, ErrInput)
			assert.Nil(t, rep)
			assert.EqualError(t, err, tc.want)
		})
	}
}
