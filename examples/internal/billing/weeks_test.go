package billing

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
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

// A family's patient-week is checked against the profile in force on its
// first day of service as that profile counts it, as schedule's checker
// judges a week (the first day with time or services that count, or the
// week's first day when nothing counts), as schedule.FamilySummarizer
// chooses it: a week is first added up by the profile in force on its
// first day with a service furnished and, when that profile's count puts
// the day out of its force, added up again by the profile in force then;
// a week that profile's count moves again is governed by no single
// profile, and not checked, and said so. Before, a week whose first
// service furnished counts nothing (a video session, which Medicare does
// not count; a claim line of a code outside the program) in 2024, and
// whose counted service begins in 2025, was not checked at all. Each
// record and week is counted once. Each case is checked against
// schedule.FamilySummarizer too, over the records billing read.
func TestFamilyWeekMoves(t *testing.T) {
	iop25, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	video25 := videoFamily(t)

	const sessions = "patient,date,start,minutes,kind,attendance,delivery\n"
	const claims = "patient,claim,line,date,code,bill_type,condition1\n"
	_, sunday, err := ParseWeeks("sunday")
	require.NoError(t, err)
	for _, tc := range []struct {
		name      string
		rules     *ruleSet
		weeks     schedule.Weeks // ISO weeks when zero
		claims    bool
		in        string
		want      []string // each week checked: patient, week and profile
		unchecked []string
	}{
		{name: "in person from 2024-12-31: 2024, unchanged", rules: iop25,
			in:   sessions + "p-1,2024-12-31,09:00,180,group,attended,in-person\np-1,2025-01-02,09:00,180,group,attended,in-person\n",
			want: []string{"p-1 2025-W01 medicare-iop-2024"}},
		{name: "video on 2024-12-31, in person on 2025-01-02: 2025", rules: iop25,
			in:   sessions + "p-1,2024-12-31,09:00,180,group,attended,video\np-1,2025-01-02,09:00,180,group,attended,in-person\n",
			want: []string{"p-1 2025-W01 medicare-iop-2025"}},
		{name: "video only, on 2025-01-03 (nothing counted): the week's first day, 2024", rules: iop25,
			in:   sessions + "p-1,2025-01-03,09:00,180,group,attended,video\n",
			want: []string{"p-1 2025-W01 medicare-iop-2024"}},
		{name: "a 2024 line of no program code, program lines in 2025: 2025", rules: iop25, claims: true,
			in:   claims + "p-1,c-1,1,2024-12-31,90853,0131,92\np-1,c-1,2,2025-01-02,G0410,0131,92\np-1,c-1,3,2025-01-03,G0410,0131,92\n",
			want: []string{"p-1 2025-W01 medicare-iop-2025"}},
		{name: "program lines from 2024-12-31: 2024, unchanged", rules: iop25, claims: true,
			in:   claims + "p-1,c-1,1,2024-12-31,G0410,0131,92\np-1,c-1,2,2025-01-02,G0410,0131,92\n",
			want: []string{"p-1 2025-W01 medicare-iop-2024"}},
		{name: "each profile's count moves the week: no single profile", rules: video25,
			in: sessions + "p-1,2024-12-31,09:00,180,group,attended,video\np-1,2025-01-02,09:00,180,group,attended,in-person\n" +
				"p-2,2025-01-06,09:00,180,group,attended,video\n",
			want: []string{"p-2 2025-W02 medicare-iop-2025"},
			unchecked: []string{"p-1 2025-W01: no single medicare-iop profile governs the week: by medicare-iop-2024's count its first day of counted service is 2025-01-02, " +
				"by medicare-iop-2025's its first day of counted service is 2024-12-31"}},
		{name: "moved to a day no profile is in force on", rules: iop25, weeks: sunday,
			in:        sessions + "p-1,2024-01-02,09:00,180,group,attended,video\n",
			unchecked: []string{"p-1 week of 2023-12-31: no medicare-iop profile is in force on 2023-12-31, the week's first day (nothing of it counted)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{Rules: tc.rules, Weeks: tc.weeks}
			if opt.Weeks == (schedule.Weeks{}) {
				opt.Weeks = schedule.ISOWeeks()
			}
			if tc.claims {
				opt.Input = InputClaims
			}
			rep, err := Check(strings.NewReader(tc.in), nil, opt)
			require.NoError(t, err)
			var got []string
			for _, w := range rep.Weeks(0, 10) {
				got = append(got, w.Patient+" "+w.Week+" "+w.Profile)
			}
			assert.Equal(t, tc.want, got)
			v := rep.View()
			var unchecked []string
			for _, u := range v.Unchecked {
				if !strings.HasPrefix(u, "claim ") {
					unchecked = append(unchecked, u)
				}
			}
			assert.Equal(t, tc.unchecked, unchecked)
			records := strings.Count(tc.in, "\n") - 1
			assert.Equal(t, records, v.Records, "each record counted once")
			assert.Equal(t, len(tc.want)+len(tc.unchecked), rep.head.stats.Weeks, "each week counted once")
			assert.Empty(t, v.Refused)

			// The library's choice, over the same records.
			fs, err := schedule.NewFamilySummarizer(tc.rules.profiles, opt.Weeks, nil)
			require.NoError(t, err)
			var fws []schedule.FamilyWeek
			if tc.claims {
				fws, _ = fs.SummarizeClaims(nil, slices.Clone(rep.in.lines))
			} else {
				fws, _ = fs.Summarize(nil, slices.Clone(rep.in.sessions))
			}
			var lib []string
			for _, w := range fws {
				if w.Profile >= 0 {
					lib = append(lib, w.Summary.Patient+" "+w.Summary.Week.String()+" "+tc.rules.profiles[w.Profile].ID)
				}
			}
			slices.Sort(lib)
			assert.Equal(t, tc.want, lib, "as schedule.FamilySummarizer chooses")
		})
	}
}

// One profile named (not a family) is applied where it is in force on a
// week's first day of service: a week its checker judges by a day it is
// not in force on (the first day of counted service, after a line of a
// code outside the program) is not checked, and said so, rather than the
// whole check failing (as it did before); the week is not moved to
// another profile. The claim is checked against the profile in force on
// its first date of service.
func TestWeekNotJudged(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop-2024")
	require.NoError(t, err)
	require.True(t, ok)
	in := "patient,claim,line,date,code,bill_type,condition1\n" +
		"p-1,c-1,1,2024-12-31,90853,0131,92\n" +
		"p-1,c-1,2,2025-01-02,G0410,0131,92\n" +
		"p-2,c-2,1,2024-12-30,G0410,0131,92\n"
	rep, err := Check(strings.NewReader(in), nil, Options{Input: InputClaims, Rules: rs, Weeks: schedule.ISOWeeks()})
	require.NoError(t, err)
	assert.True(t, rep.Failed())
	v := rep.View()
	assert.Equal(t, []string{"p-1 2025-W01: medicare-iop-2024 is not in force on 2025-01-02, the week's first day of counted service (it is in force from 2024-01-01 to 2024-12-31)"}, v.Unchecked)
	assert.Equal(t, 1, v.Weeks)
	weeks := rep.Weeks(0, 10)
	require.Len(t, weeks, 1)
	assert.Equal(t, "p-2", weeks[0].Patient)
	assert.Equal(t, "medicare-iop-2024", weeks[0].Profile)
	var claims []string
	for _, c := range rep.Claims(0, 10) {
		claims = append(claims, c.Claim+" "+c.Profile)
	}
	assert.ElementsMatch(t, []string{"c-1 medicare-iop-2024", "c-2 medicare-iop-2024"}, claims)
}

// videoFamily is medicare-iop but that its 2025 profile counts video (as a
// payer's telehealth rule may) and its 2024 one does not, as in schedule's
// TestFamilyWeekNoProfileGoverns: a week attended by video in 2024 and in
// person in 2025 is governed by neither.
func videoFamily(t testing.TB) *ruleSet {
	t.Helper()
	ps, ok := familyOf("medicare-iop")
	require.True(t, ok)
	ps = slices.Clone(ps)
	i := slices.IndexFunc(ps, func(p iop.Profile) bool { return p.ID == "medicare-iop-2025" })
	require.GreaterOrEqual(t, i, 0)
	b, ok := iop.PartOf[schedule.Benefit](&ps[i])
	require.True(t, ok)
	b.Counting.Telehealth = iop.SetOf(iop.DeliveryVideo)
	b.Counting.TelehealthCite = iop.Citation{Source: "a payer's telehealth rule, for the test", Edition: "2025"}
	ps[i] = ps[i].WithPart(b)
	rs, err := ruleSetOf("medicare-iop", true, ps)
	require.NoError(t, err)
	return rs
}

// FuzzFamilyAsLibrary holds billing's copy of the family choice
// (summarize) to the library's: on sessions about the end of 2024 (three
// patients, ISO weeks, in person or by video, attended, partly attended
// or missed), and on claim lines of a code that counts or one that does
// not, under medicare-iop and videoFamily, every patient-week gets
// the profile schedule.FamilySummarizer gives it over the same sessions,
// whose checker judges it, or is not checked where the library gives it
// none; and the counts are the library's.
func FuzzFamilyAsLibrary(f *testing.F) {
	// Video (90853) on 2024-12-31, in person (G0410) on 2025-01-02.
	f.Add([]byte{0, 3, 0, 1, 0, 5, 0, 0}, false)
	f.Add([]byte{0, 3, 0, 1, 0, 5, 0, 0}, true)
	f.Add([]byte{0, 3, 0, 1, 0, 5, 0, 0, 1, 6, 1, 1}, false)
	f.Add([]byte{0, 6, 0, 1, 1, 2, 1, 0, 2, 9, 2, 0}, true)
	family := []*ruleSet{videoFamily(f)}
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(f, err)
	require.True(f, ok)
	family = append(family, rs)
	first := date.New(2024, 12, 28)
	attendance := []string{"attended,", "absent,", "partial,30"}
	f.Fuzz(func(t *testing.T, data []byte, claims bool) {
		var b strings.Builder
		if claims {
			// A line of 90853 counts nothing under Medicare's rules.
			b.WriteString("patient,claim,line,date,code,bill_type,condition1\n")
		} else {
			b.WriteString("patient,date,start,minutes,kind,attendance,attended,delivery\n")
		}
		for i := 0; i+4 <= len(data) && i < 4*32; i += 4 {
			d := data[i : i+4]
			p, day := d[0]%3, first+date.Date(d[1]%12)
			if claims {
				code := "G0410"
				if d[3]&1 != 0 {
					code = "90853"
				}
				fmt.Fprintf(&b, "p-%d,c-%d,%d,%s,%s,0131,92\n", p, p, i/4+1, day, code)
				continue
			}
			delivery := "in-person"
			if d[3]&1 != 0 {
				delivery = "video"
			}
			fmt.Fprintf(&b, "p-%d,%s,%02d:00,60,group,%s,%s\n", p, day, 8+d[2]/3%8, attendance[d[2]%3], delivery)
		}
		opt := readOptions{}
		if claims {
			opt.kind = inputClaims
		}
		in, err := readInput(strings.NewReader(b.String()), nil, opt)
		require.NoError(t, err)
		require.Empty(t, in.rowErrors)
		for _, rs := range family {
			rows, skipped, stats, err := summarize(rs, schedule.ISOWeeks(), nil, in)
			require.NoError(t, err)
			got := map[string]string{}
			for _, rw := range rows {
				got[rw.sum.Patient+" "+rw.sum.Week.String()] = rs.profiles[rw.profile].ID
			}
			for _, u := range skipped {
				got[u.patient+" "+u.week.String()] = "not checked"
			}
			res, err := checkWeeks(rs, in, rows)
			require.NoError(t, err)
			assert.Empty(t, res.unchecked, "each week's profile judges it")

			fs, err := schedule.NewFamilySummarizer(rs.profiles, schedule.ISOWeeks(), nil)
			require.NoError(t, err)
			var fws []schedule.FamilyWeek
			var st schedule.BatchStats
			if claims {
				fws, st = fs.SummarizeClaims(nil, slices.Clone(in.lines))
			} else {
				fws, st = fs.Summarize(nil, slices.Clone(in.sessions))
			}
			want := map[string]string{}
			for _, w := range fws {
				k := w.Summary.Patient + " " + w.Summary.Week.String()
				if w.Profile < 0 {
					want[k] = "not checked"
					continue
				}
				want[k] = rs.profiles[w.Profile].ID
			}
			assert.Equal(t, want, got, "%s\n%s", rs.name, b.String())
			assert.Equal(t, st, stats, rs.name)
		}
	})
}
