package schedule_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readClaimRows reads every line and row error of a claim-line CSV.
func readClaimRows(t *testing.T, in string) ([]schedule.ClaimLine, []string) {
	t.Helper()
	cr, err := schedule.NewClaimReader(strings.NewReader(in), schedule.CSVOptions{MaxErrors: -1})
	require.NoError(t, err)
	var got []schedule.ClaimLine
	var errs []string
	for l, err := range cr.All() {
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		got = append(got, l)
	}
	return got, errs
}

// The replaces column names the claim a replacement or void replaces
// ([schedule.ClaimLine.Replaces]), checked as claim IDs are: empty is
// none, a control character or more than 128 bytes is refused.
func TestClaimReaderReplaces(t *testing.T) {
	in := "patient,claim,line,date,code,bill_type,condition1,replaces\n" +
		"p-1,c-2,1,2025-03-03,G0410,0137,92,c-1\n" +
		"p-1,c-3,1,2025-03-03,G0410,0131,92,\n" +
		"p-1,c-4,1,2025-03-03,G0410,0137,92," + strings.Repeat("x", 128) + "\n" +
		"p-1,c-5,1,2025-03-03,G0410,0137,92," + strings.Repeat("x", 129) + "\n" +
		"p-1,c-6,1,2025-03-03,G0410,0137,92,\"c\u202e1\"\n"
	got, errs := readClaimRows(t, in)
	want := func(claim, replaces, billType string) schedule.ClaimLine {
		return schedule.ClaimLine{Patient: "p-1", Claim: claim, Line: 1, Date: mon, Code: "G0410", Units: 1, BillType: billType,
			ConditionCodes: [4]string{"92"}, Replaces: replaces}
	}
	assert.Equal(t, []schedule.ClaimLine{want("c-2", "c-1", "0137"), want("c-3", "", "0131"), want("c-4", strings.Repeat("x", 128), "0137")},
		clearInput(got))
	assert.Equal(t, []string{
		"line 5: replaces: out of range: longer than 128 bytes",
		"line 6: replaces: invalid syntax: control or format character",
	}, errs)
}

// A record ID that a spreadsheet would run as a formula is written with a
// single quote before it (OWASP) and read back without it, in the session
// CSV; the claim-line reader reads such cells alike.
func TestCSVFormulaCells(t *testing.T) {
	s := at(mon, 60)
	s.Patient, s.ID = "=HYPERLINK(1)", "@s"
	t2 := at(mon+1, 60)
	t2.Patient, t2.ID = "-1", "'+2"
	u := at(mon+2, 60)
	u.Patient, u.ID = "p=1", "'x"
	var b bytes.Buffer
	require.NoError(t, schedule.WriteCSV(&b, slices.Values([]schedule.Session{s, t2, u})))
	assert.Equal(t, "patient,id,date,start,minutes,kind,attendance,attended,code,delivery\n"+
		"'=HYPERLINK(1),'@s,2025-03-03,09:00,60,group,attended,,,\n"+
		"'-1,''+2,2025-03-04,09:00,60,group,attended,,,\n"+
		"p=1,'x,2025-03-05,09:00,60,group,attended,,,\n", b.String())
	ss, errs := readAll(t, b.String())
	assert.Empty(t, errs)
	assert.Equal(t, []schedule.Session{s, t2, u}, clearSessionInput(ss))

	got, errs2 := readClaimRows(t, "patient,claim,line,date,code,replaces\n'=1,'+c,1,2025-03-03,G0410,'-c\n")
	assert.Empty(t, errs2)
	assert.Equal(t, []schedule.ClaimLine{{Patient: "=1", Claim: "+c", Line: 1, Date: mon, Code: "G0410", Units: 1, Replaces: "-c"}}, clearInput(got))
}
