package billing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestView checks the page's view of the sample against the JSON report:
// every patient-week once, those with a blocking finding first, then
// warnings, then the others, each group in the report's order; pages that
// join up; and the chart's hours in patient and week order.
func TestView(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	_, ws, err := ParseWeeks("iso")
	require.NoError(t, err)
	rep, err := Check(strings.NewReader(sampleSessions), strings.NewReader(sampleEpisodes), Options{Rules: rs, Weeks: ws})
	require.NoError(t, err)
	out := jsonReport(t, "medicare-iop", "iso", Options{}, sampleSessions, sampleEpisodes)
	type key struct{ patient, week, result string }
	var byResult [4][]key
	var order []key
	for line := range strings.Lines(out) {
		var w struct {
			Patient string `json:"patient"`
			Week    string `json:"week"`
			Result  string `json:"result"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &w))
		k := key{w.Patient, w.Week, w.Result}
		order = append(order, k)
		r := map[string]int{"blocking": 0, "warning": 1, "info": 2, "ok": 3}[w.Result]
		byResult[r] = append(byResult[r], k)
	}
	var want []key
	for _, ks := range byResult {
		want = append(want, ks...)
	}
	require.NotEmpty(t, byResult[0], "the sample has a blocking week")

	all := rep.Weeks(0, 1000)
	var got []key
	for _, w := range all {
		got = append(got, key{w.Patient, w.Week, w.Result})
	}
	assert.Equal(t, want, got)
	assert.Equal(t, append(rep.Weeks(0, 5), rep.Weeks(5, 1000)...), all, "pages join up")
	assert.Empty(t, rep.Weeks(len(all), 10))
	assert.Empty(t, rep.Weeks(-1, 0))

	v := rep.View()
	assert.Equal(t, len(all), v.Weeks)
	assert.Equal(t, 5, v.ChartPatients)
	require.Len(t, v.Hours, len(order))
	for i, h := range v.Hours {
		assert.Equal(t, order[i].patient, h.Patient)
		assert.Equal(t, order[i].week, h.Week)
	}
}

func TestGuessInput(t *testing.T) {
	tests := []struct {
		name, data string
		columns    map[string]string
		want       string
	}{
		{"sessions", "patient,date,start,minutes,kind,attendance\n", nil, InputSessions},
		{"claims", "patient,claim,line,date,code\n", nil, InputClaims},
		{"claims with a byte order mark, quoted", "\uFEFFpatient,\"claim\",line\r\n", nil, InputClaims},
		{"claims renamed", "member,claim_id,line\n", map[string]string{"claim_id": "claim"}, InputClaims},
		{"empty", "", nil, InputSessions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, GuessInput([]byte(tt.data), tt.columns))
		})
	}
}

// The page's claims: those with a blocking finding first, then the
// others, each group in claim order; each finding with its rule's words
// and the citation of the rule as the profile applies it; pages that join
// up, and a page out of range empty.
func TestViewClaims(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	cols, err := ParseColumns(SampleClaimsColumns, InputClaims)
	require.NoError(t, err)
	rep, err := Check(strings.NewReader(SampleClaims()), nil, Options{Input: InputClaims, Rules: rs, Weeks: schedule.ISOWeeks(),
		Setting: iop.ProviderHospitalOutpatient, Columns: cols})
	require.NoError(t, err)
	p, ok := ioprules.Builtins().ByID("medicare-iop-2025")
	require.True(t, ok)
	ck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	cite := func(code iop.Code) string {
		r, ok := ck.Rules().Rule(code)
		require.True(t, ok, string(code))
		return r.Cite.String()
	}
	c5001 := ViewClaim{Claim: "c-5001", Patient: "p-101", Lines: 10, From: "2025-03-03", Through: "2025-03-07",
		Profile: "medicare-iop-2025", Result: "ok", Findings: []ViewFinding{}}
	c5002 := ViewClaim{Claim: "c-5002", Patient: "p-102", Lines: 8, From: "2025-03-03", Through: "2025-03-07",
		Profile: "medicare-iop-2025", Result: "blocking", Findings: []ViewFinding{{
			Code: "schedule.claim.code-excluded", Severity: "blocking", Day: "2025-03-05", Got: 1, Unit: "count",
			Message: "claim lines with a code not to be reported on a program claim at input line 15 on 2025-03-05 (90853): 1",
			Cite:    cite(schedule.CodeClaimCodeExcluded),
		}}}
	c5003 := ViewClaim{Claim: "c-5003", Patient: "p-103", Lines: 10, From: "2025-03-03", Through: "2025-03-07",
		Profile: "medicare-iop-2025", Result: "blocking", Findings: []ViewFinding{{
			Code: "schedule.claim.condition-code-missing", Severity: "blocking",
			Message: "a program claim without the program's condition code at input line 20 (92)",
			Cite:    cite(schedule.CodeClaimConditionMissing),
		}}}
	all := []ViewClaim{c5002, c5003, c5001}
	assert.Equal(t, all, rep.Claims(0, 10))
	assert.Equal(t, all, append(rep.Claims(0, 1), rep.Claims(1, 2)...), "pages join up")
	assert.Equal(t, []ViewClaim{c5002}, rep.Claims(-5, 1))
	assert.Empty(t, rep.Claims(3, 10))
	assert.Empty(t, rep.Claims(0, 0))
	assert.Empty(t, rep.Claims(0, -1))

	// The week of p-101: each day's services, tier and APC in a hospital.
	weeks := rep.Weeks(0, 10)
	require.Len(t, weeks, 3)
	assert.Equal(t, ViewWeek{Patient: "p-101", Week: "2025-W10", Label: "2025-W10", From: "2025-03-03", Profile: "medicare-iop-2025",
		Minutes: 600, Min: 540, Days: 3,
		Dates:    [7]string{"2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07", "2025-03-08", "2025-03-09"},
		Services: [7]int{3, 0, 4, 0, 3, 0, 0},
		Tiers:    [7]string{"3 services", "", "4 or more services", "", "3 services", "", ""},
		APCs:     [7]string{"5861", "", "5862", "", "5861", "", ""},
		Result:   "ok", Findings: []ViewFinding{}}, weeks[2], "p-101's week, ok, is shown last")
	v := rep.View()
	assert.Equal(t, "medicare-iop by first day of service, ISO weeks, setting hospital", v.Heading)
	assert.Equal(t, InputClaims, v.Input)
	assert.Equal(t, 3, v.Claims)
	assert.Equal(t, 2, v.Blocking)
	assert.Equal(t, 2, v.Warnings)
}
