package billing

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// -weeks: iso, program, or a weekday's English name, each in any case of
// its ASCII letters; the error quotes what was given (a name typed by the
// user, escaped). A letter outside ASCII that folds to one of a name's
// (the long s) does not make the name.
func TestParseWeeks(t *testing.T) {
	sunday, err := schedule.CalendarWeeks(time.Sunday)
	require.NoError(t, err)
	monday, err := schedule.CalendarWeeks(time.Monday)
	require.NoError(t, err)
	saturday, err := schedule.CalendarWeeks(time.Saturday)
	require.NoError(t, err)
	for _, tc := range []struct {
		name     string
		program  bool
		weeks    schedule.Weeks
		describe string
	}{
		{"iso", false, schedule.ISOWeeks(), "ISO weeks"},
		{"ISO", false, schedule.ISOWeeks(), "ISO weeks"},
		{"Iso", false, schedule.ISOWeeks(), "ISO weeks"},
		{"program", true, schedule.Weeks{}, "program weeks from admission"},
		{"PROGRAM", true, schedule.Weeks{}, "program weeks from admission"},
		{"Program", true, schedule.Weeks{}, "program weeks from admission"},
		{"sunday", false, sunday, "weeks from Sunday"},
		{"SUNDAY", false, sunday, "weeks from Sunday"},
		{"Monday", false, monday, "weeks from Monday"},
		{"mOnDaY", false, monday, "weeks from Monday"},
		{"SATURDAY", false, saturday, "weeks from Saturday"},
	} {
		program, ws, err := ParseWeeks(tc.name)
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.program, program, "ParseWeeks(%q)", tc.name)
		assert.Equal(t, tc.weeks, ws, "ParseWeeks(%q)", tc.name)
		assert.Equal(t, tc.describe, DescribeWeeks(program, ws), "DescribeWeeks of %q", tc.name)
	}
	for in, want := range map[string]string{
		"":          `unknown -weeks "": want iso, program or a weekday`,
		"isoweek":   "unknown -weeks isoweek: want iso, program or a weekday",
		"iso ":      `unknown -weeks "iso ": want iso, program or a weekday`,
		"ſunday":    `unknown -weeks "\u017funday": want iso, program or a weekday`,
		"TUEſDAY":   `unknown -weeks "TUE\u017fDAY": want iso, program or a weekday`,
		"PROGRAMS":  "unknown -weeks PROGRAMS: want iso, program or a weekday",
		"sun":       "unknown -weeks sun: want iso, program or a weekday",
		"sundays":   "unknown -weeks sundays: want iso, program or a weekday",
		" monday":   `unknown -weeks " monday": want iso, program or a weekday`,
		"\x1b[2J":   `unknown -weeks "\x1b[2J": want iso, program or a weekday`,
		"week\nfix": `unknown -weeks "week\nfix": want iso, program or a weekday`,
	} {
		program, ws, err := ParseWeeks(in)
		require.EqualError(t, err, want, "ParseWeeks(%q)", in)
		assert.False(t, program)
		assert.Equal(t, schedule.Weeks{}, ws)
	}
}

// -input, -format and -setting: a name of their list in any case of its
// ASCII letters, returned as the list spells it; the error quotes what
// was given. A letter outside ASCII that folds to one of a name's (the
// long s, U+017F) does not make the name.
func TestParseNames(t *testing.T) {
	for _, tc := range []struct {
		in, want string
	}{
		{"sessions", InputSessions}, {"SESSIONS", InputSessions}, {"Sessions", InputSessions},
		{"claims", InputClaims}, {"CLAIMS", InputClaims}, {"cLaImS", InputClaims},
		{"x12", InputX12}, {"X12", InputX12},
	} {
		got, err := ParseInput(tc.in)
		require.NoError(t, err, "ParseInput(%q)", tc.in)
		assert.Equal(t, tc.want, got, "ParseInput(%q)", tc.in)
	}
	for in, want := range map[string]string{
		"":            `unknown -input "": want sessions, claims or x12`,
		"claim":       "unknown -input claim: want sessions, claims or x12",
		"claims ":     `unknown -input "claims ": want sessions, claims or x12`,
		"claim\u017f": `unknown -input "claim\u017f": want sessions, claims or x12`,
		"x\x1b[2J":    `unknown -input "x\x1b[2J": want sessions, claims or x12`,
	} {
		got, err := ParseInput(in)
		require.EqualError(t, err, want, "ParseInput(%q)", in)
		assert.Empty(t, got)
	}

	for _, tc := range []struct {
		in, want string
	}{
		{"text", "text"}, {"TEXT", "text"}, {"Text", "text"},
		{"json", "json"}, {"JSON", "json"}, {"jSoN", "json"},
		{"csv", "csv"}, {"CSV", "csv"},
	} {
		got, err := ParseFormat(tc.in)
		require.NoError(t, err, "ParseFormat(%q)", tc.in)
		assert.Equal(t, tc.want, got, "ParseFormat(%q)", tc.in)
		assert.True(t, IsFormat(got), "ParseFormat(%q) = %q, a name Write takes", tc.in, got)
	}
	for in, want := range map[string]string{
		"":          `unknown -format "": want text, json or csv`,
		"xml":       "unknown -format xml: want text, json or csv",
		"jsonl":     "unknown -format jsonl: want text, json or csv",
		" csv":      `unknown -format " csv": want text, json or csv`,
		"j\u017fon": `unknown -format "j\u017fon": want text, json or csv`,
	} {
		got, err := ParseFormat(in)
		require.EqualError(t, err, want, "ParseFormat(%q)", in)
		assert.Empty(t, got)
	}

	for _, tc := range []struct {
		in   string
		want iop.Provider
	}{
		{"hospital", iop.ProviderHospitalOutpatient}, {"HOSPITAL", iop.ProviderHospitalOutpatient},
		{"Hospital", iop.ProviderHospitalOutpatient}, {"CMHC", iop.ProviderCMHC}, {"Otp", iop.ProviderOTP},
	} {
		got, err := ParseSetting(tc.in)
		require.NoError(t, err, "ParseSetting(%q)", tc.in)
		assert.Equal(t, tc.want, got, "ParseSetting(%q)", tc.in)
	}
	for _, p := range iop.All[iop.Provider]() {
		got, err := ParseSetting(strings.ToUpper(p.String()))
		require.NoError(t, err, p.String())
		assert.Equal(t, p, got)
	}
	const settings = "hospital, cmhc, cah, rhc, fqhc, otp"
	for in, want := range map[string]string{
		"":              `unknown -setting "": want ` + settings,
		"clinic":        "unknown -setting clinic: want " + settings,
		"hosp":          "unknown -setting hosp: want " + settings,
		"ho\u017fpital": `unknown -setting "ho\u017fpital": want ` + settings,
	} {
		got, err := ParseSetting(in)
		require.EqualError(t, err, want, "ParseSetting(%q)", in)
		assert.Zero(t, got)
	}
}

// -map: from=to pairs separated by commas, spaces around each name
// dropped; each "to" a column of the input kind (a numbered column by its
// number), named once, each "from" renamed once.
func TestParseColumns(t *testing.T) {
	for _, tc := range []struct {
		in, kind string
		want     map[string]string
		err      string
	}{
		{"", InputSessions, nil, ""},
		{"date_of_service=date", InputSessions, map[string]string{"date_of_service": "date"}, ""},
		{" member = patient , dos=date ", InputSessions, map[string]string{"member": "patient", "dos": "date"}, ""},
		{"claim_id=claim,mod3=modifier3,cc4=condition4", InputClaims, map[string]string{"claim_id": "claim", "mod3": "modifier3", "cc4": "condition4"}, ""},
		{"a=modifier1,b=modifier4", InputClaims, map[string]string{"a": "modifier1", "b": "modifier4"}, ""},
		{"claim_id=claim", InputSessions, nil, "-map: pair 1: claim is not a column of the sessions input (see -h)"},
		{"kind_of=kind", InputClaims, nil, "-map: pair 1: kind is not a column of the claims input (see -h)"},
		{"m=modifier5", InputClaims, nil, "-map: pair 1: modifier5 is not a column of the claims input (see -h)"},
		{"m=modifier0", InputClaims, nil, "-map: pair 1: modifier0 is not a column of the claims input (see -h)"},
		{"m=modifier1..4", InputClaims, nil, "-map: pair 1: modifier1..4 is not a column of the claims input (see -h)"},
		{"x=Date", InputSessions, nil, "-map: pair 1: Date is not a column of the sessions input (see -h)"},
		{"x=date of birth", InputSessions, nil, `-map: pair 1: "date of birth" is not a column of the sessions input (see -h)`},
		{"dos", InputSessions, nil, "-map: pair 1: want from=to"},
		{"dos=", InputSessions, nil, "-map: pair 1: want from=to"},
		{"=date", InputSessions, nil, "-map: pair 1: want from=to"},
		{" = ", InputSessions, nil, "-map: pair 1: want from=to"},
		{"dos=date,", InputSessions, nil, "-map: pair 2: want from=to"},
		{"dos=date,,member=patient", InputSessions, nil, "-map: pair 2: want from=to"},
		{"dos=date,dos=start", InputSessions, nil, "-map: pair 2: dos renamed twice"},
		{"dos=date,when=date", InputSessions, nil, "-map: pair 2: two columns renamed to date"},
		{"a=patient,b=id,c=date,c\x1b=start,c\x1b=kind", InputSessions, nil, `-map: pair 5: "c\x1b" renamed twice`},
	} {
		got, err := ParseColumns(tc.in, tc.kind)
		if tc.err != "" {
			require.EqualError(t, err, tc.err, "ParseColumns(%q, %s)", tc.in, tc.kind)
			assert.Nil(t, got)
			continue
		}
		require.NoError(t, err, "ParseColumns(%q, %s)", tc.in, tc.kind)
		assert.Equal(t, tc.want, got, "ParseColumns(%q, %s)", tc.in, tc.kind)
	}
}

// A renamed column is read under its new name: the sample's claims read
// with SampleClaimsColumns are those of a file whose header says date.
func TestParseColumnsRead(t *testing.T) {
	m, err := ParseColumns(SampleClaimsColumns, InputClaims)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"date_of_service": "date"}, m)
	renamed, err := readInput(strings.NewReader(SampleClaims()), nil, readOptions{kind: inputClaims, mapping: m})
	require.NoError(t, err)
	plain, err := readInput(strings.NewReader(strings.Replace(SampleClaims(), "date_of_service", "date", 1)), nil, readOptions{kind: inputClaims})
	require.NoError(t, err)
	assert.Equal(t, plain, renamed)
	require.Len(t, plain.lines, 28)
}

// Column.Names: a numbered column stands for its names from 1 to its last
// number; any other for itself.
func TestColumnNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"patient", []string{"patient"}},
		{"modifier1..4", []string{"modifier1", "modifier2", "modifier3", "modifier4"}},
		{"condition1..2", []string{"condition1", "condition2"}},
		{"x1..1", []string{"x1"}},
	} {
		assert.Equal(t, tc.want, Column{Name: tc.name}.Names(), "Column{Name: %q}.Names()", tc.name)
	}
}

// The columns described are those schedule's readers read: every column
// named is read (and no other: a header of them has nothing ignored), and
// a header without a column is refused for the column missing exactly
// when it is described as required. The sessions columns are those
// schedule.WriteCSV writes.
func TestColumnsAsReaders(t *testing.T) {
	type reader func(header []string) ([]string, error)
	readSessions := func(header []string) ([]string, error) {
		r, err := schedule.NewSessionReader(strings.NewReader(strings.Join(header, ",")+"\n"), schedule.CSVOptions{IgnoreExtra: true})
		if err != nil {
			return nil, err
		}
		return r.Extra(), nil
	}
	readClaims := func(header []string) ([]string, error) {
		r, err := schedule.NewClaimReader(strings.NewReader(strings.Join(header, ",")+"\n"), schedule.CSVOptions{IgnoreExtra: true})
		if err != nil {
			return nil, err
		}
		return r.Extra(), nil
	}
	for _, tc := range []struct {
		kind   string
		cols   []Column
		read   reader
		names  []string
		needs  []string
		either []string
	}{
		{InputSessions, SessionColumns(), readSessions,
			[]string{"patient", "id", "date", "start", "minutes", "kind", "attendance", "attended", "code", "delivery"},
			[]string{"required", "optional", "required", "required", "required", "required", "required", "optional", "optional", "optional"}, nil},
		{InputClaims, ClaimColumns(), readClaims,
			[]string{"patient", "claim", "line", "date", "revenue", "code", "modifier1..4", "units", "place_of_service", "minutes", "bill_type", "condition1..4", "replaces"},
			[]string{"required", "required", "required", "required", "either", "either", "optional", "optional", "optional", "optional", "optional", "optional", "optional"},
			[]string{"revenue", "code"}},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			var names, needs, all []string
			for _, c := range tc.cols {
				names, needs = append(names, c.Name), append(needs, c.Need)
				all = append(all, c.Names()...)
				assert.NotEmpty(t, c.Format, c.Name)
			}
			assert.Equal(t, tc.names, names)
			assert.Equal(t, tc.needs, needs)
			extra, err := tc.read(all)
			require.NoError(t, err)
			assert.Empty(t, extra, "every column described is read")
			want, got := map[string]bool{}, map[string]bool{}
			for _, c := range tc.cols {
				for _, n := range c.Names() {
					want[n] = c.Need == "required"
					_, err := tc.read(slices.DeleteFunc(slices.Clone(all), func(m string) bool { return m == n }))
					got[n] = errors.Is(err, iop.ErrMissing)
					assert.True(t, err == nil || got[n], "%s: %v", n, err)
				}
			}
			assert.Equal(t, want, got)
			if tc.either != nil {
				_, err := tc.read(slices.DeleteFunc(slices.Clone(all), func(m string) bool { return slices.Contains(tc.either, m) }))
				require.ErrorIs(t, err, iop.ErrMissing, "one of %v is required", tc.either)
			}
		})
	}
	var b bytes.Buffer
	require.NoError(t, schedule.WriteCSV(&b, slices.Values([]schedule.Session(nil))))
	header, err := csv.NewReader(&b).Read()
	require.NoError(t, err)
	var described []string
	for _, c := range SessionColumns() {
		described = append(described, c.Name)
	}
	assert.ElementsMatch(t, header, described)
}

// The column lists are the package's own: a caller that changes the slice
// it was given changes nothing of the next caller's.
func TestColumnLists(t *testing.T) {
	ep := EpisodeColumns()
	assert.Equal(t, []string{"patient", "population", "admitted", "discharged", "stepped_down", "certified"}, ep)
	ep[0] = "x"
	assert.Equal(t, "patient", EpisodeColumns()[0])
	cs := CSVColumns()
	assert.Equal(t, []string{"patient", "week", "claim", "profile", "code", "severity", "day", "need", "got", "unit", "input"}, cs)
	cs[0] = "x"
	assert.Equal(t, "patient", CSVColumns()[0])
}

// Quote leaves a plain printable ASCII name as it is and quotes any other
// with Go escapes, so that no name forges a line or a terminal escape.
func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"p-1":         "p-1",
		"":            `""`,
		"Jane Doe":    `"Jane Doe"`,
		"p\n2":        `"p\n2"`,
		"p\x1b[31m":   `"p\x1b[31m"`,
		`p"1`:         `"p\"1"`,
		"Zoë":         `"Zo\u00eb"`,
		"c-5001/line": "c-5001/line",
	} {
		assert.Equal(t, want, Quote(in), "Quote(%q)", in)
	}
	assert.Empty(t, QuoteAll(nil))
	assert.Equal(t, "p-1", QuoteAll([]string{"p-1"}))
	assert.Equal(t, `p-1, "p 2", "p\n3"`, QuoteAll([]string{"p-1", "p 2", "p\n3"}))
}
