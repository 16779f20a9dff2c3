package x12_test

import (
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// finalClaim is one claim of the replacement test, as an 837I writes it
// and as claim-line CSV rows.
type finalClaim struct {
	id, freq, replaces string
	lines              []finalLine
}

type finalLine struct {
	day  int // of March 2025
	code string
}

var finalClaims = []finalClaim{
	// c-1 is the original; c-2 replaces it naming its ID (REF*F8 c-1):
	// 2025-03-03 had 2 services, the replacement gives 3.
	{"c-1", "1", "", []finalLine{{3, "G0410"}, {3, "G0411"}, {5, "G0410"}, {5, "G0411"}, {5, "90834"}}},
	{"c-2", "7", "c-1", []finalLine{{3, "G0410"}, {3, "G0411"}, {3, "90834"}, {5, "G0410"}, {5, "G0411"}, {5, "90834"}}},
	// c-4 is sent twice under one ID; the replacement names the payer's
	// control number (not a claim of the export), so its own ID names the
	// claim replaced.
	{"c-4", "1", "", []finalLine{{6, "G0410"}, {6, "G0411"}}},
	{"c-4", "7", "ICN0004", []finalLine{{6, "G0410"}, {6, "G0411"}, {6, "90834"}}},
	// c-9 is voided by c-3 (REF*F8 c-9): 2025-03-07 counts nothing.
	{"c-9", "1", "", []finalLine{{7, "G0410"}, {7, "G0411"}, {7, "90834"}, {7, "90832"}}},
	{"c-3", "8", "c-9", []finalLine{{7, "G0410"}}},
}

// x12Of writes the claims as one 837I transaction set of one patient.
func x12Of(claims []finalClaim) []byte {
	segs := []string{"HL*1**20*1", "HL*2*1*22*0", "NM1*IL*1*DOE*JANE****MI*M-77"}
	for _, c := range claims {
		first, last := c.lines[0].day, c.lines[0].day
		for _, l := range c.lines {
			first, last = min(first, l.day), max(last, l.day)
		}
		segs = append(segs, "CLM*"+c.id+"*300***13:A:"+c.freq+"**A*Y*Y", "DTP*434*RD8*202503"+two(first)+"-202503"+two(last),
			"CL1*2*1*30", "REF*EA*p-1")
		if c.replaces != "" {
			segs = append(segs, "REF*F8*"+c.replaces)
		}
		segs = append(segs, "HI*BG:92")
		for i, l := range c.lines {
			segs = append(segs, "LX*"+itoa(i+1), "SV2*0905*HC:"+l.code+"*100*UN*1", "DTP*472*D8*202503"+two(l.day))
		}
	}
	return envelope(segs...)
}

// csvOf writes the claims as claim-line CSV.
func csvOf(claims []finalClaim) string {
	var b strings.Builder
	b.WriteString("patient,claim,line,date,revenue,code,units,bill_type,condition1,replaces\n")
	for _, c := range claims {
		for i, l := range c.lines {
			b.WriteString("p-1," + c.id + "," + itoa(i+1) + ",2025-03-" + two(l.day) + ",0905," + l.code + ",1,013" + c.freq + ",92," + c.replaces + "\n")
		}
	}
	return b.String()
}

func two(d int) string { return itoa(d/10) + itoa(d%10) }

// A replacement and a void in one export give the answer of the final
// claim, from claim-line CSV and from 837I alike: the same per-day
// services and the same claim findings. REF*F8 names the claim replaced
// when it is a claim of the export, and the claim's own ID otherwise.
func TestFinalClaimSameAsCSV(t *testing.T) {
	claims, errs, _ := readAll(t, x12Of(finalClaims), x12.Options{})
	require.Empty(t, errs)
	fromX12 := linesOf(claims)
	cr, err := schedule.NewClaimReader(strings.NewReader(csvOf(finalClaims)), schedule.CSVOptions{})
	require.NoError(t, err)
	var fromCSV []schedule.ClaimLine
	for l, err := range cr.All() {
		require.NoError(t, err)
		fromCSV = append(fromCSV, l)
	}
	require.Len(t, fromX12, len(fromCSV))
	csvLines, _ := withoutInput(fromCSV)
	x12Lines, _ := withoutInput(fromX12)
	require.Equal(t, csvLines, x12Lines)

	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(t, err)
	w := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	for name, lines := range map[string][]schedule.ClaimLine{"csv": fromCSV, "x12": fromX12} {
		sum, err := ck.SummarizeClaims(w, lines)
		require.NoError(t, err, name)
		assert.Equal(t, [7]uint16{3, 0, 3, 3, 0, 0, 0}, sum.DayServices, name)
	}
	a, err := ck.CheckClaims(fromCSV)
	require.NoError(t, err)
	b, err := ck.CheckClaims(fromX12)
	require.NoError(t, err)
	assert.Equal(t, withoutInputs(a), withoutInputs(b))
	var final iop.Findings
	for _, f := range withoutInputs(b) {
		switch f.Code {
		case schedule.CodeClaimReplaced, schedule.CodeClaimVoided, schedule.CodeClaimReplacesUnknown:
			final = append(final, f)
		}
	}
	claim := func(code iop.Code, sev iop.Severity, subject string, day int, ref string) iop.Finding {
		return iop.Finding{Code: code, Severity: sev, Scope: iop.FindingScopeClaim, Subject: subject, Day: date.New(2025, 3, day), Ref: ref}
	}
	assert.Equal(t, iop.Findings{
		claim(schedule.CodeClaimReplaced, iop.SeverityInfo, "c-1", 3, "c-2"),
		claim(schedule.CodeClaimReplaced, iop.SeverityInfo, "c-4", 6, "c-4"),
		claim(schedule.CodeClaimVoided, iop.SeverityInfo, "c-9", 7, "c-3"),
	}, final)
}
