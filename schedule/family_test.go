package schedule_test

import (
	"errors"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFamilySummarizer: each patient-week is added up by the family's
// profile in force on its first day of service. ISO week 2025-W01 runs
// from 2024-12-30 to 2025-01-05: attended from 2024-12-31 it follows
// medicare-iop-2024, attended from 2025-01-02 only medicare-iop-2025 (a
// session missed on 2024-12-31 is no service); a week of 2023 has no
// profile.
func TestFamilySummarizer(t *testing.T) {
	family := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()}
	f, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
	require.NoError(t, err)
	missed := at(day(2024, 12, 31), 180)
	missed.Patient, missed.Attendance = "p-2", schedule.AttendanceAbsent
	s := func(patient string, d date.Date) schedule.Session {
		x := at(d, 180)
		x.Patient = patient
		return x
	}
	sessions := []schedule.Session{
		s("p-1", day(2024, 12, 31)), s("p-1", day(2025, 1, 2)),
		missed, s("p-2", day(2025, 1, 2)),
		s("p-3", day(2023, 6, 5)),
	}
	got, st := f.Summarize(nil, sessions)
	require.Len(t, got, 3)
	assert.Equal(t, "p-1", got[0].Summary.Patient)
	assert.Equal(t, 0, got[0].Profile)
	assert.Equal(t, iop.Minutes(360), got[0].Summary.Minutes)
	assert.Equal(t, "p-2", got[1].Summary.Patient)
	assert.Equal(t, 1, got[1].Profile)
	assert.Equal(t, iop.Minutes(180), got[1].Summary.Minutes)
	assert.Equal(t, "p-3", got[2].Summary.Patient)
	assert.Equal(t, -1, got[2].Profile)
	require.ErrorIs(t, got[2].Err, iop.ErrNoProfile)
	assert.Equal(t, schedule.BatchStats{Sessions: 5, Patients: 3, Weeks: 3}, st)
	assert.Equal(t, "medicare-iop-2025", f.Checker(got[1].Profile).Profile().ID)
}

// TestFamilyWeeksAreCheckable: every patient-week a FamilySummarizer gives
// a profile is one that profile's checker judges (CheckWeek gives no
// error): the family chooses by the same first day of service the checker
// judges by, the first day with counted service, or the week's first day
// when it has none. ISO week 2025-W01 runs from 2024-12-30 to 2025-01-05,
// medicare-iop-2024 ends with 2024 and medicare-iop-2025 begins with 2025.
func TestFamilyWeeksAreCheckable(t *testing.T) {
	family := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()}
	s := func(patient string, d date.Date, edit func(*schedule.Session)) schedule.Session {
		x := at(d, 180)
		x.Patient = patient
		if edit != nil {
			edit(&x)
		}
		return x
	}
	missed := func(x *schedule.Session) { x.Attendance = schedule.AttendanceAbsent }
	video := func(x *schedule.Session) { x.Delivery = iop.DeliveryVideo }
	cases := []struct {
		name     string
		sessions []schedule.Session
		profile  string // the profile that judges the week
	}{
		{"attended from 2024-12-31", []schedule.Session{s("p", day(2024, 12, 31), nil), s("p", day(2025, 1, 2), nil)}, "medicare-iop-2024"},
		{"attended from 2025-01-02, missed on 2024-12-31", []schedule.Session{s("p", day(2024, 12, 31), missed), s("p", day(2025, 1, 2), nil)}, "medicare-iop-2025"},
		{"nothing attended, the one session in 2025: the week's first day", []schedule.Session{s("p", day(2025, 1, 2), missed)}, "medicare-iop-2024"},
		{"nothing attended, the one session in 2024", []schedule.Session{s("p", day(2024, 12, 31), missed)}, "medicare-iop-2024"},
		{"attended by video in 2024 (not counted), in person in 2025", []schedule.Session{s("p", day(2024, 12, 31), video), s("p", day(2025, 1, 2), nil)}, "medicare-iop-2025"},
		{"attended by video only, in 2025 (nothing counted)", []schedule.Session{s("p", day(2025, 1, 3), video)}, "medicare-iop-2024"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
			require.NoError(t, err)
			got, st := f.Summarize(nil, c.sessions)
			requireOneCheckableWeek(t, f, got, c.profile)
			assert.Equal(t, schedule.BatchStats{Sessions: len(c.sessions), Patients: 1, Weeks: 1}, st)
		})
	}
}

// requireOneCheckableWeek holds weeks to one patient-week, given the
// profile whose ID is profile, whose checker judges it (no error).
func requireOneCheckableWeek(t *testing.T, f *schedule.FamilySummarizer, weeks []schedule.FamilyWeek, profile string) {
	t.Helper()
	require.Len(t, weeks, 1)
	require.GreaterOrEqual(t, weeks[0].Profile, 0, "%v", weeks[0].Err)
	ck := f.Checker(weeks[0].Profile)
	assert.Equal(t, profile, ck.Profile().ID)
	_, err := ck.CheckWeek(&weeks[0].Summary, schedule.Stay{Population: iop.PopulationAdult, Admitted: day(2024, 12, 1)})
	require.NoError(t, err)
}

// TestFamilyClaimWeeksAreCheckable is TestFamilyWeeksAreCheckable for claim
// lines: a line of a code the profile does not count is no service, so a
// week whose 2024 line is not a program service is judged by 2025.
func TestFamilyClaimWeeksAreCheckable(t *testing.T) {
	family := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()}
	ln := func(n int, d date.Date, code string) schedule.ClaimLine {
		return schedule.ClaimLine{Patient: "p", Claim: "c-1", Line: n, Date: d, Revenue: "0914", Code: code, Units: 2,
			BillType: "0131", ConditionCodes: [4]string{"92"}}
	}
	cases := []struct {
		name    string
		lines   []schedule.ClaimLine
		profile string
	}{
		{"program lines from 2024-12-31", []schedule.ClaimLine{ln(1, day(2024, 12, 31), "G0410"), ln(2, day(2025, 1, 2), "G0410")}, "medicare-iop-2024"},
		{"a line of no program code in 2024, program lines in 2025", []schedule.ClaimLine{ln(1, day(2024, 12, 31), "99999"), ln(2, day(2025, 1, 2), "G0410")}, "medicare-iop-2025"},
		{"no program line: the week's first day", []schedule.ClaimLine{ln(1, day(2025, 1, 2), "99999")}, "medicare-iop-2024"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
			require.NoError(t, err)
			got, _ := f.SummarizeClaims(nil, c.lines)
			requireOneCheckableWeek(t, f, got, c.profile)
		})
	}
}

// TestFamilyWeekNoProfileGoverns: when each profile's count puts the week's
// first day of service in the other's force, no single profile governs
// the week. Here the 2025 profile counts video (as Colorado's rule does)
// and the 2024 one does not: by 2024's count the week's service begins on
// 2025-01-02 (in person), by 2025's on 2024-12-31 (by video).
func TestFamilyWeekNoProfileGoverns(t *testing.T) {
	p24, p25 := ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025()
	b, ok := iop.PartOf[schedule.Benefit](&p25)
	require.True(t, ok)
	b.Counting.Telehealth = iop.SetOf(iop.DeliveryVideo)
	b.Counting.TelehealthCite = iop.Citation{Source: "a payer's telehealth rule, for the test", Edition: "2025"}
	p25 = p25.WithPart(b)
	f, err := schedule.NewFamilySummarizer(iop.Profiles{p24, p25}, schedule.ISOWeeks(), nil)
	require.NoError(t, err)
	video := at(day(2024, 12, 31), 180)
	video.Delivery = iop.DeliveryVideo
	got, st := f.Summarize(nil, []schedule.Session{video, at(day(2025, 1, 2), 180)})
	require.Len(t, got, 1)
	assert.Equal(t, schedule.FamilyWeek{Summary: schedule.WeekSummary{Patient: "p-1", Week: schedule.ISOWeeks().Of(day(2025, 1, 2))}, Profile: -1,
		Err: &iop.ProfileError{Level: p24.Level, On: day(2024, 12, 31), Err: iop.ErrAmbiguousProfile}}, got[0])
	assert.Equal(t, schedule.BatchStats{Sessions: 2, Patients: 1, Weeks: 1}, st)
}

// FuzzFamilyWeeks holds the family's promise on any sessions about a
// year's end: every week it gives a profile is one that profile's checker
// judges, and every other week says why none governs it. The sessions are
// FuzzSummarizePaths' moved to the week of 2025-12-29 (ISO 2026-W01), a
// day either side; the family's 2026 profile counts H0015 and video as
// well, its 2025 profile does not, so their counts can disagree.
func FuzzFamilyWeeks(f *testing.F) {
	f.Add(commonWeekSeed)
	f.Add([]byte{0, 16, 36, 3, 1, 0, 0, 0, 0, 52, 36, 3, 1, 0, 6, 0, 5, 16, 36, 3, 1, 0, 1, 0})
	f.Add([]byte{1, 16, 36, 3, 0, 0, 2, 0, 4, 20, 24, 4, 0, 0, 1, 1})
	p26 := withBenefit(ioprules.MedicareIOP2026(), func(b *schedule.Benefit) {
		b.Counting.Codes = []string{"H0015"}
		b.Counting.Telehealth, b.Counting.TelehealthCite = iop.SetOf[iop.Delivery](iop.DeliveryVideo), b.Counting.Cite
	})
	family := iop.Profiles{ioprules.MedicareIOP2025(), p26}
	stay := schedule.Stay{Population: iop.PopulationAdult, Admitted: day(2025, 12, 1)}
	f.Fuzz(func(t *testing.T, data []byte) {
		ss := fuzzSessions(data)
		for i := range ss {
			ss[i].Date += day(2025, 12, 29) - mon
		}
		fs, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
		require.NoError(t, err)
		weeks, _ := fs.Summarize(nil, ss)
		for _, w := range weeks {
			if w.Profile < 0 {
				assert.True(t, errors.Is(w.Err, iop.ErrNoProfile) || errors.Is(w.Err, iop.ErrAmbiguousProfile), "%v", w.Err)
				continue
			}
			require.NoError(t, w.Err)
			_, err := fs.Checker(w.Profile).CheckWeek(&w.Summary, stay)
			require.NoError(t, err, "week %v by profile %d", w.Summary.Week, w.Profile)
		}
	})
}

// TestFamilyWeekCheckedByItsProfile: the profile a FamilyWeek names is
// one whose Checker judges the week (CheckWeek judges it by its first day
// of counted service). In 2025-W01, from 2024-12-30 to 2025-01-05, a week
// whose first day attended holds only recreation, which does not count
// (2024-12-31), and whose counted service begins on 2025-01-02 follows
// medicare-iop-2025; a week with only a session missed on 2025-01-02 has
// no service, and is judged by its first day, under medicare-iop-2024.
func TestFamilyWeekCheckedByItsProfile(t *testing.T) {
	family := iop.Profiles{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025()}
	s := func(patient string, d date.Date, kind iop.ServiceKind, a schedule.Attendance) schedule.Session {
		x := at(d, 180)
		x.Patient, x.ID, x.Kind, x.Attendance = patient, patient+"-"+d.String(), kind, a
		return x
	}
	sessions := []schedule.Session{
		s("p-1", day(2024, 12, 31), iop.ServiceKindRecreation, schedule.AttendanceAttended),
		s("p-1", day(2025, 1, 2), iop.ServiceKindGroupTherapy, schedule.AttendanceAttended),
		s("p-2", day(2025, 1, 2), iop.ServiceKindGroupTherapy, schedule.AttendanceAbsent),
		s("p-3", day(2024, 12, 31), iop.ServiceKindGroupTherapy, schedule.AttendanceAttended),
		s("p-3", day(2025, 1, 2), iop.ServiceKindGroupTherapy, schedule.AttendanceAttended),
	}
	f, err := schedule.NewFamilySummarizer(family, schedule.ISOWeeks(), nil)
	require.NoError(t, err)
	got, st := f.Summarize(nil, sessions)
	profileOf := map[string]string{}
	for _, w := range got {
		require.GreaterOrEqual(t, w.Profile, 0, w.Summary.Patient)
		ck := f.Checker(w.Profile)
		profileOf[w.Summary.Patient] = ck.Profile().ID
		_, err := ck.CheckWeek(&w.Summary, schedule.Stay{Population: iop.PopulationAdult, Admitted: day(2024, 12, 2)})
		require.NoError(t, err, "%s's week under %s", w.Summary.Patient, ck.Profile().ID)
	}
	assert.Equal(t, map[string]string{"p-1": "medicare-iop-2025", "p-2": "medicare-iop-2024", "p-3": "medicare-iop-2024"}, profileOf)
	assert.Equal(t, schedule.BatchStats{Sessions: 5, Patients: 3, Weeks: 3}, st)
	again, _ := f.Summarize(nil, sessions)
	assert.Equal(t, got, again, "the same on a second call, with the scratch memory reused")
}
