package schedule_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
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
	assert.Equal(t, csvLines(2, 3, 4), inputLines(got), "the line of each row")
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
	assert.Equal(t, csvLines(2, 3, 4), sessionInputs(ss))
	assert.Equal(t, []schedule.Session{s, t2, u}, clearSessionInput(ss))

	got, errs2 := readClaimRows(t, "patient,claim,line,date,code,replaces\n'=1,'+c,1,2025-03-03,G0410,'-c\n")
	assert.Empty(t, errs2)
	assert.Equal(t, []schedule.ClaimLine{{Patient: "=1", Claim: "+c", Line: 1, Date: mon, Code: "G0410", Units: 1, Replaces: "-c"}}, clearInput(got))
}

// A finding drawn from one record read from a file says where it was read:
// the overlap and the duplicate of sessions (the first of them in
// canonical order), a claim line repeated, a claim; in the checker's and
// the batch path alike. Findings of a week or a day say nothing of it.
func TestFindingsSayWhereRead(t *testing.T) {
	sessions := "patient,id,date,start,minutes,kind,attendance\n" +
		"p-1,s-1,2025-03-03,09:00,60,group,attended\n" +
		"p-1,s-2,2025-03-03,09:30,60,individual,attended\n" +
		"p-1,s-1,2025-03-04,09:00,60,group,attended\n"
	ss, errs := readAll(t, sessions)
	require.Empty(t, errs)
	ck := checker(t, ioprules.MedicareIOP2025())
	w := schedule.ISOWeeks().Of(mon)
	sum, err := ck.Summarize(w, ss)
	require.NoError(t, err)
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	require.NoError(t, err)
	batch, _ := sz.Summarize(nil, ss)
	require.Len(t, batch, 1)
	assert.Equal(t, sum, batch[0], "the batch path says where alike")
	assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 60, First: "s-1", Input: iop.InputLine(4)}, sum.Duplicates)
	assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 30, First: "s-2", With: "s-1", Input: iop.InputLine(3)}, sum.Overlaps)
	fs, err := ck.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: mon})
	require.NoError(t, err)
	where := map[iop.Code]iop.Input{}
	for _, f := range fs {
		where[f.Code] = f.Input
	}
	assert.Equal(t, iop.InputLine(4), where[schedule.CodeSessionDuplicate])
	assert.Equal(t, iop.InputLine(3), where[schedule.CodeSessionOverlap])
	assert.Equal(t, iop.Input{}, where[schedule.CodeWeeklyBelowMinimum], "a week's finding is of no one record")

	claims := "patient,claim,line,date,code,bill_type,condition1\n" +
		"p-1,c-1,1,2025-03-03,G0410,0131,92\n" +
		"p-1,c-1,2,2025-03-03,90853,0131,92\n" +
		"p-1,c-2,1,2025-03-03,G0410,0131,\n"
	ls, rowErrs := readClaimRows(t, claims)
	require.Empty(t, rowErrs)
	cfs, err := ck.CheckClaims(ls)
	require.NoError(t, err)
	rep := func(code iop.Code, sev iop.Severity, scope iop.FindingScope, subject string) iop.Finding {
		return iop.Finding{Code: code, Severity: sev, Scope: scope, Subject: subject}
	}
	excluded := rep(schedule.CodeClaimCodeExcluded, iop.SeverityBlocking, iop.FindingScopeClaim, "c-1")
	excluded.Day, excluded.Ref, excluded.Got, excluded.Unit, excluded.Input = mon, "90853", 1, iop.UnitCount, iop.InputLine(3)
	missing := rep(schedule.CodeClaimConditionMissing, iop.SeverityBlocking, iop.FindingScopeClaim, "c-2")
	missing.Ref, missing.Input = "92", iop.InputLine(4)
	repeated := rep(schedule.CodeClaimLineRepeated, iop.SeverityWarning, iop.FindingScopeLine, "c-2")
	repeated.Day, repeated.Line, repeated.Ref, repeated.Input = mon, 1, "c-1#1", iop.InputLine(4)
	assert.Equal(t, iop.Findings{excluded, missing, repeated}, cfs)
	assert.Equal(t, "schedule.claim.line-repeated [c-2] line 1 at input line 4 on 2025-03-03 (c-1#1)", cfs[2].String())
}
