package billing

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile-input features of issue 18, through Check: what billingcheck
// and the web page both call.

func hostileRules(t *testing.T) *Rules {
	t.Helper()
	rs, ok, err := NewRules("asam3-2.1")
	require.NoError(t, err)
	require.True(t, ok)
	return rs
}

const oneSession = "patient,date,start,minutes,kind,attendance\np-1,2025-03-03,09:00,180,group,attended\n"

// The episodes are read under the readers' limits (CR line ends, a stray
// quote costs its own row, rows above MaxRowBytes refused), the patient
// cell checked as a record ID, the rows refused past MaxErrors counted.
func TestCheckEpisodesLimits(t *testing.T) {
	ep := "patient,population,admitted,discharged,stepped_down,certified\r" +
		"p-1,adult,2025-01-06,,,\r" +
		"p-1,adult,2025-01-06,,,\r" +
		"p\x1b[31m,adult,2025-01-06,,,\r" +
		"\"p-2,adult,2025-01-06,,,\r" +
		strings.Repeat("x", 100<<10) + "\r"
	_, ws, err := ParseWeeks("iso")
	require.NoError(t, err)
	opt := Options{Rules: hostileRules(t), Weeks: ws, MaxErrors: -1}
	rep, err := Check(strings.NewReader(oneSession), strings.NewReader(ep), opt)
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	assert.Equal(t, 4, rep.Refused())
	v := rep.View()
	assert.Equal(t, []ViewRefusal{
		{File: "episodes", Line: 3, Message: "episodes line 3: patient: duplicate"},
		{File: "episodes", Line: 4, Message: "episodes line 4: patient: invalid syntax: control or format character"},
		{File: "episodes", Line: 5, Message: "episodes line 5: invalid syntax: malformed CSV row: extraneous or missing \" in quoted-field: a quoted cell is not closed on its line (no cell may hold a line end)"},
		{File: "episodes", Line: 6, Message: "episodes line 6: invalid syntax: malformed CSV row: wrong number of fields: a row above 65536 bytes"},
	}, v.Refused)
	assert.Zero(t, v.MoreRefused)

	opt.MaxErrors = 1
	rep, err = Check(strings.NewReader(oneSession), strings.NewReader(ep), opt)
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	assert.Equal(t, 4, rep.Refused())
	v = rep.View()
	assert.Equal(t, []ViewRefusal{{File: "episodes", Line: 3, Message: "episodes line 3: patient: duplicate"}}, v.Refused)
	assert.Equal(t, 3, v.MoreRefused)
	var out, notes bytes.Buffer
	rep.Write("text", &out, &notes)
	assert.Equal(t, "billingcheck: asam3-2.1, ISO weeks\n"+
		"sessions read: 1, rows refused: 4, patients: 1, patient-weeks: 1\n"+
		"\n"+
		"patient  week      from        profile    counted  days  services  result\n"+
		"p-1      2025-W10  2025-03-03  asam3-2.1  3h00m    1     1------   BLOCKING\n"+
		"    blocking schedule.weekly-minutes.below-minimum: counted service time below the weekly minimum: need 9h00m, got 3h00m\n"+
		"\n"+
		"rows refused:\n"+
		"  episodes line 3: patient: duplicate\n"+
		"  and 3 more rows refused, not reported (-max-errors raises the cap)\n"+
		"\n"+
		"patient-weeks: 1, not checked: 0, blocking findings: 1, warnings: 0, rows refused: 4\n", out.String())
	assert.Empty(t, notes.String(), "the text report says it all on out")
	out.Reset()
	rep.WriteJSON(&out, &notes)
	assert.Equal(t, "billingcheck: row refused: episodes line 3: patient: duplicate\nbillingcheck: and 3 more rows refused, not reported (-max-errors raises the cap)\n", notes.String())
}

// The CSV report neutralises every cell that starts with =, +, -, @, a tab
// or a CR (OWASP), and those whose leading quotes come before one (so a
// reader that takes the quote away gets the ID back), and only those.
func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "p-1": "p-1", "=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(1)": "'@SUM(1)",
		"\tx": "'\tx", "\rx": "'\rx", "x=1": "x=1", "'=1": "''=1", "'x": "'x",
	} {
		assert.Equal(t, want, safeCell(in), "%q", in)
	}
	in := "patient,date,start,minutes,kind,attendance\n=HYPERLINK(1),2025-03-03,09:00,60,group,attended\n"
	_, ws, err := ParseWeeks("iso")
	require.NoError(t, err)
	rep, err := Check(strings.NewReader(in), nil, Options{Rules: hostileRules(t), Weeks: ws})
	require.NoError(t, err)
	var out, notes bytes.Buffer
	rep.WriteCSV(&out, &notes)
	recs, err := csv.NewReader(&out).ReadAll()
	require.NoError(t, err)
	require.Greater(t, len(recs), 1)
	for _, rec := range recs[1:] {
		assert.Equal(t, "'=HYPERLINK(1)", rec[0])
	}
}

// splitRow reads one line of CSV: quotes within the line only.
func TestSplitRow(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
		err  error
	}{
		{"a,b,,c", []string{"a", "b", "", "c"}, nil},
		{`"a,b","c""d",`, []string{"a,b", `c"d`, ""}, nil},
		{`"a`, nil, errQuoteLineEnd},
		{`"a"b,c`, nil, csv.ErrQuote},
		{`a"b,c`, nil, csv.ErrBareQuote},
	} {
		got, err := splitRow(nil, []byte(tc.line))
		if tc.err != nil {
			require.ErrorIs(t, err, tc.err, tc.line)
			continue
		}
		require.NoError(t, err, tc.line)
		assert.Equal(t, tc.want, got, tc.line)
	}
}
