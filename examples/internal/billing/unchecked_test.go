package billing

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A patient-week or claim that no profile applies to is not checked: it
// is reported with the rule and the day (no patient data beyond the
// record ID), in the text report after the tables, on errOut with json
// and csv, in the View; and it fails the run.

// The profile named is not in force on any day of the claims: every
// patient-week and claim is reported, none checked.
func TestNotInForceProfile(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop-2024")
	require.NoError(t, err)
	require.True(t, ok)
	_, ws, err := ParseWeeks("sunday")
	require.NoError(t, err)
	rep, err := Check(strings.NewReader(SampleClaims()), nil, Options{Input: InputClaims, Rules: rs, Weeks: ws,
		Columns: map[string]string{"date_of_service": "date"}, Source: "claims.csv"})
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	const (
		why      = ": medicare-iop-2024 is not in force on 2025-03-03, the week's first day of service (it is in force from 2024-01-01 to 2024-12-31)"
		whyClaim = ": medicare-iop-2024 is not in force on 2025-03-03, the claim's first day of service (it is in force from 2024-01-01 to 2024-12-31)"
	)
	var out, notes bytes.Buffer
	rep.Write("text", &out, &notes)
	assert.Equal(t, "billingcheck: medicare-iop-2024, weeks from Sunday, claims.csv\n"+
		"claim lines read: 28, rows refused: 1, patients: 3, patient-weeks: 3\n\n"+
		"patient  week  from  profile  counted  days  services  result\n\n"+
		"claim  patient  lines  from  through  profile  result\n\n"+
		"not checked, no profile in force:\n"+
		"  p-101 week of 2025-03-02"+why+"\n"+
		"  p-102 week of 2025-03-02"+why+"\n"+
		"  p-103 week of 2025-03-02"+why+"\n"+
		"  claim c-5001 of p-101"+whyClaim+"\n"+
		"  claim c-5002 of p-102"+whyClaim+"\n"+
		"  claim c-5003 of p-103"+whyClaim+"\n\n"+
		"without an episode, taken as adults admitted on their first day of service: p-101, p-102, p-103\n\n"+
		"rows refused:\n"+
		"  claims line 30: date: invalid date\n\n"+
		"patient-weeks: 3, claims: 3, not checked: 6, blocking findings: 0, warnings: 0, rows refused: 1\n", out.String())
	assert.Empty(t, notes.String())

	for _, format := range []string{"json", "csv"} {
		out.Reset()
		notes.Reset()
		rep.Write(format, &out, &notes)
		// The notes name a week as the JSON does ("2025-03-02/P1W").
		assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first day of service: p-101, p-102, p-103\n"+
			"billingcheck: not checked: p-101 2025-03-02/P1W"+why+"\n"+
			"billingcheck: not checked: p-102 2025-03-02/P1W"+why+"\n"+
			"billingcheck: not checked: p-103 2025-03-02/P1W"+why+"\n"+
			"billingcheck: not checked: claim c-5001 of p-101"+whyClaim+"\n"+
			"billingcheck: not checked: claim c-5002 of p-102"+whyClaim+"\n"+
			"billingcheck: not checked: claim c-5003 of p-103"+whyClaim+"\n"+
			"billingcheck: row refused: claims line 30: date: invalid date\n", notes.String(), format)
	}
	assert.Equal(t, strings.Join(CSVColumns(), ",")+"\n", out.String(), "a CSV report of no finding is its header")

	assert.Equal(t, View{Heading: "medicare-iop-2024, weeks from Sunday", Input: InputClaims, Records: 28, Patients: 3,
		Unchecked: []string{
			"p-101 week of 2025-03-02" + why, "p-102 week of 2025-03-02" + why, "p-103 week of 2025-03-02" + why,
			"claim c-5001 of p-101" + whyClaim, "claim c-5002 of p-102" + whyClaim, "claim c-5003 of p-103" + whyClaim,
		},
		Refused: []ViewRefusal{{File: "claims", Line: 30, Message: "claims line 30: date: invalid date"}},
		Derived: []string{"p-101", "p-102", "p-103"}, Ignored: []string{"clinician", "payer_plan"}, Hours: []ViewHours{},
	}, rep.View())
	assert.Empty(t, rep.Weeks(0, 10))
	assert.Empty(t, rep.Claims(0, 10))
}

// A family with no profile in force on a week's first day of service (2023)
// reports that week, and checks the patient's weeks of 2025 against the
// 2025 profile; program weeks count from the first session, in 2023. The
// week of 2025 is billable but for the day its one service holds.
func TestNotInForceFamily(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	in := "patient,date,start,minutes,kind,attendance\n" +
		"p-1,2023-03-06,09:00,180,group,attended\n" +
		"p-1,2025-03-03,09:00,180,group,attended\n"
	rep, err := Check(strings.NewReader(in), nil, Options{Rules: rs, Program: true, Source: "standard input"})
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	var out, notes bytes.Buffer
	rep.Write("text", &out, &notes)
	assert.Equal(t, "billingcheck: medicare-iop by first day of service, program weeks from admission, standard input\n"+
		"sessions read: 2, rows refused: 0, patients: 1, patient-weeks: 2\n\n"+
		"patient  week              from        profile            counted  days  services  result\n"+
		"p-1      program week 105  2025-03-03  medicare-iop-2025  3h00m    1     1------   billable except 2025-03-03\n"+
		"    warning  schedule.weekly-minutes.below-minimum: counted service time below the weekly minimum: need 9h00m, got 3h00m\n"+
		"    blocking schedule.day-services.below-tier: too few countable services for a paid program day on 2025-03-03 (not-judged): need 3, got 1\n\n"+
		"not checked, no profile in force:\n"+
		"  p-1 program week 1: no medicare-iop profile is in force on 2023-03-06, the week's first day of service\n\n"+
		"without an episode, taken as adults admitted on their first session: p-1\n\n"+
		"patient-weeks: 2, not checked: 1, blocking findings: 1, warnings: 1, rows refused: 0\n", out.String())
	assert.Empty(t, notes.String())

	out.Reset()
	rep.Write("csv", &out, &notes)
	assert.Equal(t, "patient,week,claim,profile,code,severity,day,need,got,unit,input\n"+
		"p-1,2023-03-06/W105,,medicare-iop-2025,schedule.weekly-minutes.below-minimum,warning,,540,180,minutes,\n"+
		"p-1,2023-03-06/W105,,medicare-iop-2025,schedule.day-services.below-tier,blocking,2025-03-03,3,1,count,\n", out.String())
	assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first session: p-1\n"+
		"billingcheck: not checked: p-1 2023-03-06/W1: no medicare-iop profile is in force on 2023-03-06, the week's first day of service\n", notes.String())
}
