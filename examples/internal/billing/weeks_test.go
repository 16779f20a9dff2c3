package billing

import (
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A patient-week is checked against the family's profile in force on its
// first day of service: the first day with a session attended in whole or
// in part, or, in a week with no session attended, the week's first day
// (as schedule's checker judges such a week). billingcheck's doc gives ISO
// week 2025-W01 (2024-12-30 to 2025-01-05): attended from 2024-12-31,
// medicare-iop-2024; attended from 2025-01-02 only, medicare-iop-2025.
// Before the fix a week whose one session, on 2025-01-05, was missed was
// given the 2025 profile, which the checker refused to judge the week by:
// Check failed as a whole.
func TestFirstDayOfService(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	session := func(day, attendance string) string {
		attended := ""
		if attendance == "partial" {
			attended = "30"
		}
		return "p-1," + day + ",09:00,60,group," + attendance + "," + attended + "\n"
	}
	for _, tc := range []struct {
		name     string
		sessions []string
		want     string
	}{
		{"attended from 2024-12-31", []string{session("2024-12-31", "attended"), session("2025-01-02", "attended")}, "medicare-iop-2024"},
		{"attended from 2025-01-02 only", []string{session("2024-12-31", "absent"), session("2025-01-02", "attended")}, "medicare-iop-2025"},
		{"excused on 2024-12-30, attended from 2025-01-01", []string{session("2025-01-01", "attended"), session("2024-12-30", "excused")}, "medicare-iop-2025"},
		{"partly attended on 2024-12-31", []string{session("2025-01-02", "attended"), session("2024-12-31", "partial")}, "medicare-iop-2024"},
		{"none attended, the first from 2024-12-31", []string{session("2025-01-02", "absent"), session("2024-12-31", "absent")}, "medicare-iop-2024"},
		{"none attended, the one session on 2025-01-05", []string{session("2025-01-05", "excused")}, "medicare-iop-2024"},
		{"none attended, from 2025-01-02", []string{session("2025-01-02", "absent"), session("2025-01-03", "absent")}, "medicare-iop-2024"},
		{"attended on the week's last day only", []string{session("2024-12-30", "absent"), session("2025-01-05", "attended")}, "medicare-iop-2025"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := "patient,date,start,minutes,kind,attendance,attended\n" + strings.Join(tc.sessions, "")
			rep, err := Check(strings.NewReader(in), nil, Options{Rules: rs, Weeks: schedule.ISOWeeks()})
			require.NoError(t, err)
			weeks := rep.Weeks(0, 10)
			require.Len(t, weeks, 1)
			assert.Equal(t, "2025-W01", weeks[0].Week)
			assert.Equal(t, tc.want, weeks[0].Profile)
		})
	}
}

// The text report's services column: a day's countable services as one
// digit, "-" for none, "+" for more than 9.
func TestServicesColumn(t *testing.T) {
	for _, tc := range []struct {
		days [7]uint16
		want string
	}{
		{[7]uint16{}, "-------"},
		{[7]uint16{3, 0, 3, 0, 2, 0, 0}, "3-3-2--"},
		{[7]uint16{1, 9, 10, 11, 65535, 0, 8}, "19+++-8"},
	} {
		assert.Equal(t, tc.want, services(schedule.WeekSummary{DayServices: tc.days}), "services(%v)", tc.days)
	}
}

// The chart of a View draws the weeks of its first ChartPatients patients,
// in patient order, and no more.
func TestViewChartPatients(t *testing.T) {
	rs, ok, err := NewRules("asam3-2.1")
	require.NoError(t, err)
	require.True(t, ok)
	for _, n := range []int{1, ChartPatients - 1, ChartPatients, ChartPatients + 1} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			var b strings.Builder
			b.WriteString("patient,date,start,minutes,kind,attendance\n")
			var want []ViewHours
			for i := range n {
				id := "p-" + strconv.Itoa(100+i)
				// Two weeks each: the chart's weeks are in patient and week order.
				b.WriteString(id + ",2025-03-03,09:00,180,group,attended\n" + id + ",2025-03-10,09:00,120,group,attended\n")
				if i < ChartPatients {
					want = append(want,
						ViewHours{Patient: id, Week: "2025-W10", Label: "2025-W10", Minutes: 180, Min: 540},
						ViewHours{Patient: id, Week: "2025-W11", Label: "2025-W11", Minutes: 120, Min: 540})
				}
			}
			rep, err := Check(strings.NewReader(b.String()), nil, Options{Rules: rs, Weeks: schedule.ISOWeeks()})
			require.NoError(t, err)
			v := rep.View()
			assert.Equal(t, min(n, ChartPatients), v.ChartPatients)
			assert.Equal(t, want, v.Hours)
			assert.Equal(t, 2*n, v.Weeks)
			assert.Equal(t, n, v.Patients)
		})
	}
}

// A week whose first day of service counts nothing (a claim line of a code
// excluded from the program) is judged by schedule's checker on its first
// day of counted service: when the profile chosen by the first day of
// service is not in force then, the week is not checked, and said so,
// rather than the whole check failing (as it did before the fix). The
// claim is checked against the profile in force on its first date of
// service.
func TestWeekNotJudged(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	in := "patient,claim,line,date,code,bill_type,condition1\n" +
		"p-1,c-1,1,2024-12-31,90853,0131,92\n" +
		"p-1,c-1,2,2025-01-02,G0410,0131,92\n" +
		"p-2,c-2,1,2025-01-02,G0410,0131,92\n"
	rep, err := Check(strings.NewReader(in), nil, Options{Input: InputClaims, Rules: rs, Weeks: schedule.ISOWeeks()})
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	v := rep.View()
	assert.Equal(t, []string{"p-1 2025-W01: medicare-iop-2024 is not in force on 2025-01-02, the week's first day of counted service (it is in force from 2024-01-01 to 2024-12-31)"}, v.Unchecked)
	assert.Equal(t, 1, v.Weeks)
	weeks := rep.Weeks(0, 10)
	require.Len(t, weeks, 1)
	assert.Equal(t, "p-2", weeks[0].Patient)
	assert.Equal(t, "medicare-iop-2025", weeks[0].Profile)
	var claims []string
	for _, c := range rep.Claims(0, 10) {
		claims = append(claims, c.Claim+" "+c.Profile)
	}
	assert.ElementsMatch(t, []string{"c-1 medicare-iop-2024", "c-2 medicare-iop-2025"}, claims)
}
