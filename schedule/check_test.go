package schedule_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mon is Monday 2025-03-03, the first day of ISO week 2025-W10.
var mon = day(2025, 3, 3)

// daysOf returns, for each day from Monday with minutes m, four attended
// group sessions adding up to m (four services, so that per-diem tiers are
// met), from 08:00 two hours apart.
func daysOf(minutes ...iop.Minutes) []schedule.Session {
	var ss []schedule.Session
	for i, m := range minutes {
		for j := range 4 {
			s := at(mon+date.Date(i), m/4)
			if j == 3 {
				s.Planned = m - 3*(m/4)
			}
			s.Start, _ = schedule.ClockOf(8+2*j, 0)
			ss = append(ss, s)
		}
	}
	return ss
}

func TestWeekBoundariesToTheMinute(t *testing.T) {
	asam, php, medicare := ioprules.ASAM3Level21(), ioprules.MedicarePHP2025(), ioprules.MedicareIOP2025()
	below := func(p iop.Profile, need, got int64) iop.Findings {
		return iop.Findings{findingIn(p, schedule.CodeWeeklyBelowMinimum, minutes(need, got))}
	}
	above := func(need, got int64) iop.Findings {
		f := finding(schedule.CodeWeeklyAboveMaximum, minutes(need, got))
		f.Level = iop.Level25
		return iop.Findings{f}
	}
	tests := []struct {
		name    string
		profile iop.Profile
		pop     iop.Population
		minutes []iop.Minutes // per day from Monday
		want    iop.Findings
	}{
		{"ASAM 2.1 adult 8h59m is below 9h", asam, iop.PopulationAdult, []iop.Minutes{180, 180, 179}, below(asam, 540, 539)},
		{"ASAM 2.1 adult 9h00m meets 9h", asam, iop.PopulationAdult, []iop.Minutes{180, 180, 180}, nil},
		{"ASAM 2.1 19h30m is within the band", asam, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 210}, nil},
		{"ASAM 2.1 19h59m is the top of the band", asam, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 239}, nil},
		{"ASAM 2.1 20h00m is above it, in level 2.5", asam, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 240}, above(1199, 1200)},
		{"ASAM 2.1 adolescent 5h59m is below 6h", asam, iop.PopulationAdolescent, []iop.Minutes{180, 179}, below(asam, 360, 359)},
		{"ASAM 2.1 adolescent 6h00m meets 6h", asam, iop.PopulationAdolescent, []iop.Minutes{180, 180}, nil},
		{"Medicare IOP 8h59m is a warning", medicare, iop.PopulationAdult, []iop.Minutes{180, 180, 179}, below(medicare, 540, 539)},
		{"Medicare IOP 9h00m meets the certified need", medicare, iop.PopulationAdult, []iop.Minutes{180, 180, 180}, nil},
		{"Medicare IOP has no maximum: 20h00m", medicare, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 240}, nil},
		{"Medicare PHP 19h59m is a warning", php, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 239}, below(php, 1200, 1199)},
		{"Medicare PHP 20h00m meets it", php, iop.PopulationAdult, []iop.Minutes{240, 240, 240, 240, 240}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := adult()
			e.Population = tt.pop
			got := check(t, checker(t, tt.profile), mon, e, daysOf(tt.minutes...)...)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want.HasBlocking(), got.BlockingErr() != nil, "Err() is an error exactly when a finding blocks")
		})
	}
	t.Run("the Medicare weekly minimum is a warning", func(t *testing.T) {
		for _, p := range []iop.Profile{medicare, php, ioprules.MedicareIOP2026(), ioprules.MedicarePHP2026()} {
			day := mon
			if !p.InForceOn(day) {
				day = schedule.ISOWeeks().Of(p.From + 7).Start() // a week of the profile's own year
			}
			got := check(t, checker(t, p), day, adult(), daysOf(60)...)
			require.NotEmpty(t, got)
			assert.Equal(t, iop.SeverityWarning, got[0].Severity, p.ID)
		}
	})
}

func TestDayServicesMedicare(t *testing.T) {
	// A day with fewer than 3 services is not paid as a program day: under
	// the Medicare profiles, with no setting given, what it gets instead
	// cannot be said, and the finding blocks that day at the rule's force
	// (see TestPaidShortDayBySetting for each setting); 3 services reach
	// the lower tier and 4 the upper one.
	for _, p := range []iop.Profile{ioprules.MedicareIOP2025(), ioprules.MedicarePHP2025()} {
		ck := checker(t, p)
		tier := func(n int64) iop.Findings {
			return iop.Findings{findingIn(p, schedule.CodeBelowTier,
				iop.Finding{Subject: "p-1", Day: mon, Ref: "not-judged", Need: 3, Got: n, Unit: iop.UnitCount})}
		}
		tests := []struct {
			services int
			want     iop.Findings
			tier     int // the tier's MinServices; 0 for none
			apc      [2]string
		}{
			{2, tier(2), 0, [2]string{}},
			{3, nil, 3, [2]string{benefitOf(p).ServiceTiers.Tiers[0].APC(iop.ProviderHospitalOutpatient), benefitOf(p).ServiceTiers.Tiers[0].APC(iop.ProviderCMHC)}},
			{4, nil, 4, [2]string{benefitOf(p).ServiceTiers.Tiers[1].APC(iop.ProviderHospitalOutpatient), benefitOf(p).ServiceTiers.Tiers[1].APC(iop.ProviderCMHC)}},
		}
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%d services", p.ID, tt.services), func(t *testing.T) {
				var ss []schedule.Session
				for j := range tt.services {
					s := at(mon, 60)
					s.Start, _ = schedule.ClockOf(8+j, 0)
					ss = append(ss, s)
				}
				sum := summarize(t, ck, mon, ss...)
				fs, err := ck.CheckWeek(&sum, adult())
				require.NoError(t, err)
				covered(t, ck, fs)
				assert.Equal(t, tt.want, only(fs, schedule.CodeBelowTier))
				if tt.want != nil {
					require.ErrorIs(t, fs.BlockingErr(), schedule.CodeBelowTier, "the day blocks billing")
				}
				hosp, cmhc, rhc := ck.DaysIn(sum, iop.ProviderHospitalOutpatient)[0], ck.DaysIn(sum, iop.ProviderCMHC)[0], ck.DaysIn(sum, iop.ProviderRHC)[0]
				assert.Equal(t, tt.tier > 0, hosp.HasTier)
				assert.Equal(t, tt.tier, hosp.Tier.MinServices)
				got := [2]string{hosp.APC, cmhc.APC}
				assert.Equal(t, tt.apc, got)
				assert.Empty(t, rhc.APC, "an RHC is paid outside the APCs")
				assert.Empty(t, ck.Days(sum)[0].APC, "no setting, no APC")
			})
		}
	}
	ck := checker(t, ioprules.MedicareIOP2025())
	four := ck.DaysIn(summarize(t, ck, mon, daysOf(240)...), iop.ProviderHospitalOutpatient)[0]
	assert.Equal(t, "5862", four.APC, "hospital IOP, 4 or more services")
	three := ck.DaysIn(summarize(t, ck, mon, daysOf(240)[:3]...), iop.ProviderCMHC)[0]
	assert.Equal(t, "5851", three.APC, "CMHC IOP, 3 services")
}

func TestWeekServiceDaysH0015(t *testing.T) {
	h := ioprules.H0015()
	short := func(i int, got int64) iop.Finding {
		return finding(schedule.CodeShortDay, iop.Finding{Subject: "p-1", Day: mon + date.Date(i), Need: 180, Got: got, Unit: iop.UnitMinutes})
	}
	tooFew := func(got int64) iop.Finding {
		return finding(schedule.CodeTooFewDays, iop.Finding{Subject: "p-1", Need: 3, Got: got, Unit: iop.UnitDays})
	}
	tests := []struct {
		name    string
		minutes []iop.Minutes
		want    iop.Findings
	}{
		{"3 days of 3h make a week", []iop.Minutes{180, 180, 180}, nil},
		{"2 days of 4h30m do not", []iop.Minutes{270, 270}, iop.Findings{tooFew(2)}},
		{"a day of 2h30m is no service day", []iop.Minutes{180, 180, 150}, iop.Findings{short(2, 150), tooFew(2)}},
		{"2h59m is no service day either", []iop.Minutes{180, 179, 180}, iop.Findings{short(1, 179), tooFew(2)}},
		{"4 days with one short still makes 3", []iop.Minutes{180, 180, 180, 60}, iop.Findings{short(3, 60)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, check(t, checker(t, h), mon, adult(), daysOf(tt.minutes...)...))
		})
	}
}

func TestWeekPartialWeeks(t *testing.T) {
	asam := ioprules.ASAM3Level21() // prorated first and last weeks
	withRules := func(first, last schedule.PartialWeek) iop.Profile {
		p := ioprules.ASAM3Level21()
		p = withBenefit(p, func(b *schedule.Benefit) { b.PartialWeeks.First, b.PartialWeeks.Last = first, last })
		return p
	}
	partial := func(need, got int64) iop.Finding {
		return finding(schedule.CodePartialWeek, minutes(need, got))
	}
	below := func(need, got int64) iop.Finding {
		return finding(schedule.CodeWeeklyBelowMinimum, minutes(need, got))
	}
	thu, fri := mon+3, mon+4
	tests := []struct {
		name     string
		profile  iop.Profile
		admitted date.Date
		disch    date.Date
		sessions []schedule.Session
		want     iop.Findings
	}{
		{"admitted Thursday: 4 of 7 days, 540*4/7 = 308", asam, thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)}, iop.Findings{partial(308, 308)}},
		{"admitted Thursday, 307 is below 308", asam, thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 127)}, iop.Findings{partial(308, 307), below(308, 307)}},
		{"admitted Monday: a full week", asam, mon, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)}, iop.Findings{below(540, 308)}},
		{"full rule: a partial first week needs 540", withRules(schedule.PartialWeekFull, schedule.PartialWeekFull), thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)}, iop.Findings{below(540, 308)}},
		{"exempt rule: a partial first week needs nothing", withRules(schedule.PartialWeekExempt, schedule.PartialWeekFull), thu, 0,
			[]schedule.Session{at(fri, 60)}, iop.Findings{partial(0, 60)}},
		{"discharged Tuesday: 2 of 7 days, 540*2/7 = 154", asam, day(2025, 1, 6), mon + 1,
			[]schedule.Session{at(mon, 154)}, iop.Findings{partial(154, 154)}},
		{"admitted Tuesday, discharged Thursday: 3 days, 231", asam, mon + 1, thu,
			[]schedule.Session{at(mon+1, 231)}, iop.Findings{partial(231, 231)}},
		{"first and last: the rule that asks less applies", withRules(schedule.PartialWeekFull, schedule.PartialWeekExempt), mon + 1, thu,
			[]schedule.Session{at(mon+1, 30)}, iop.Findings{partial(0, 30)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := schedule.Stay{Population: iop.PopulationAdult, Admitted: tt.admitted, Discharged: tt.disch}
			assert.Equal(t, tt.want, check(t, checker(t, tt.profile), mon, e, tt.sessions...))
		})
	}
}

func TestWeekPartialServiceDays(t *testing.T) {
	// H0015 admitted on Thursday: 3 days x 4/7 = 1 service day needed.
	h := ioprules.H0015()
	e := schedule.Stay{Population: iop.PopulationAdult, Admitted: mon + 3}
	got := check(t, checker(t, h), mon, e, at(mon+4, 180))
	assert.Equal(t, iop.Findings{finding(schedule.CodePartialWeek,
		iop.Finding{Subject: "p-1", Need: 1, Got: 1, Unit: iop.UnitDays})}, got)
}

func TestWeekStepDown(t *testing.T) {
	asam := ioprules.ASAM3Level21() // 2 weeks of step-down allowance
	e := adult()
	// Wednesday, from 2.1 to 1: the allowance runs to the Tuesday two weeks on.
	e.StepDown = iop.StepDown{Date: mon + 2, From: iop.Level21, To: iop.Level1}
	allowance := iop.Findings{finding(schedule.CodeStepDownAllowance, minutes(540, 300))}
	below := iop.Findings{finding(schedule.CodeWeeklyBelowMinimum, minutes(540, 300))}
	tests := []struct {
		name string
		week date.Date
		want iop.Findings
	}{
		{"the week before", mon - 7, below},
		{"the week of the step-down", mon, allowance},
		{"the next week", mon + 7, allowance},
		{"the week that holds the last day of the allowance", mon + 14, allowance},
		{"the week after", mon + 21, below},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, check(t, checker(t, asam), tt.week, e, at(tt.week, 300)))
		})
	}
	// A record that does not step down from the profile's level, or does
	// not lower it, gives no allowance.
	for name, sd := range map[string]iop.StepDown{
		"to a level as intensive (2.1 to 2.1)":   {Date: mon + 2, From: iop.Level21, To: iop.Level21},
		"to a more intensive level (2.1 to 2.5)": {Date: mon + 2, From: iop.Level21, To: iop.Level25},
		"from another level (2.5 to 2.1)":        {Date: mon + 2, From: iop.Level25, To: iop.Level21},
	} {
		t.Run(name, func(t *testing.T) {
			e := adult()
			e.StepDown = sd
			assert.Equal(t, below, check(t, checker(t, asam), mon, e, at(mon, 300)))
		})
	}

	// The allowance covers the service-day minimum too.
	h := ioprules.H0015()
	h = withBenefit(h, func(b *schedule.Benefit) { b.StepDown = benefitOf(asam).StepDown })
	got := check(t, checker(t, h), mon, e, at(mon, 180))
	assert.Equal(t, iop.Findings{finding(schedule.CodeStepDownAllowance,
		iop.Finding{Subject: "p-1", Need: 3, Got: 1, Unit: iop.UnitDays})}, got)
}

func TestWeekOtherFindings(t *testing.T) {
	medicare := ioprules.MedicareIOP2025()
	t.Run("service outside the episode is not counted", func(t *testing.T) {
		asam := ioprules.ASAM3Level21()
		e := schedule.Stay{Population: iop.PopulationAdult, Admitted: day(2025, 1, 6), Discharged: mon + 2}
		got := check(t, checker(t, asam), mon, e, at(mon, 300), at(mon+1, 240), at(mon+3, 120))
		assert.Equal(t, iop.Findings{
			finding(schedule.CodeServiceOutsideEpisode, minutes(660, 540)), // 120 minutes outside
			finding(schedule.CodePartialWeek, minutes(231, 540)),           // 3 of 7 days
		}, got)
	})
	t.Run("a week wholly outside the episode", func(t *testing.T) {
		e := schedule.Stay{Population: iop.PopulationAdult, Admitted: mon + 7}
		got := check(t, checker(t, ioprules.ASAM3Level21()), mon, e, at(mon, 60))
		ioptest.CodesEqual(t, got, schedule.CodeServiceOutsideEpisode)
	})
	t.Run("a population the profile does not serve", func(t *testing.T) {
		p := ioprules.TIP47()
		p = withBenefit(p, func(b *schedule.Benefit) { b.Weekly.Adolescent = iop.Band{} })
		e := adult()
		e.Population = iop.PopulationAdolescent
		got := check(t, checker(t, p), mon, e, daysOf(180, 180, 180)...)
		assert.Equal(t, iop.Findings{finding(schedule.CodePopulationNotServed, iop.Finding{Subject: "p-1"})}, got)
	})
	t.Run("days below the lowest payment tier", func(t *testing.T) {
		ss := []schedule.Session{at(mon, 90), at(mon+1, 90), at(mon+2, 180), at(mon, 90), at(mon+1, 90)}
		ss[3].Start, ss[4].Start = schedule.MustParseClock("11:00"), schedule.MustParseClock("11:00")
		asam := ioprules.ASAM3Level21()
		asam = withBenefit(asam, func(b *schedule.Benefit) { b.ServiceTiers = benefitOf(medicare).ServiceTiers }) // tiers without Medicare's settings: the table's warning
		got := check(t, checker(t, asam), mon, adult(), ss...)
		tier := func(i int, n int64) iop.Finding {
			return finding(schedule.CodeBelowTier,
				iop.Finding{Subject: "p-1", Day: mon + date.Date(i), Ref: "not-judged", Need: 3, Got: n, Unit: iop.UnitCount})
		}
		assert.Equal(t, iop.Findings{tier(0, 2), tier(1, 2), tier(2, 1)}, only(got, schedule.CodeBelowTier))
		require.NoError(t, got.BlockingErr(), "warnings do not block")
		assert.Equal(t, "too few countable services for a paid program day on 2025-03-03 (not-judged): need 3, got 2", checker(t, asam).Rules().Message(got[0]))
	})
	t.Run("time that does not count and time missed", func(t *testing.T) {
		asam := ioprules.ASAM3Level21()
		rec := at(mon+3, 60)
		rec.Kind = iop.ServiceKindRecreation
		absent := at(mon+3, 120)
		absent.Attendance, absent.Start = schedule.AttendanceAbsent, schedule.MustParseClock("13:00")
		late := at(mon+4, 180)
		late.Attendance, late.Attended = schedule.AttendancePartial, 150
		excused := at(mon+5, 60)
		excused.Attendance = schedule.AttendanceExcused
		sum := summarize(t, checker(t, asam), mon, at(mon, 180), at(mon+1, 180), at(mon+2, 180), rec, absent, late, excused)
		assert.Equal(t, [3]int32{1, 1, 1}, [3]int32{sum.Absent, sum.Excused, sum.Partial}, "the summary counts the misses")
		got := checkSum(t, checker(t, asam), sum, adult())
		assert.Equal(t, iop.Findings{
			finding(schedule.CodeUncountedTime, minutes(0, 60)), // 60 minutes of recreation, not counted
			finding(schedule.CodeMissedTime, minutes(900, 690)), // 210 minutes missed
		}, got)
	})
}

func TestWeekRuleOrder(t *testing.T) {
	// Every rule a week can break at once comes out in table order.
	p := ioprules.S9480NewYork() // weekly minimum, per-day minimum
	p = withBenefit(p, func(b *schedule.Benefit) { b.ServiceTiers = benefitOf(ioprules.MedicareIOP2025()).ServiceTiers })
	e := schedule.Stay{Population: iop.PopulationAdult, Admitted: mon + 1, Discharged: mon + 5}
	rec := at(mon+2, 30)
	rec.Kind, rec.Start = iop.ServiceKindRecreation, schedule.MustParseClock("18:00")
	absent := at(mon+3, 60)
	absent.Attendance = schedule.AttendanceAbsent
	got := check(t, checker(t, p), mon, e, at(mon, 60), at(mon+2, 60), rec, absent)
	ioptest.CodesEqual(t, got, schedule.CodeServiceOutsideEpisode, schedule.CodePartialWeek, schedule.CodeWeeklyBelowMinimum,
		schedule.CodeShortDay, schedule.CodeBelowTier, schedule.CodeUncountedTime, schedule.CodeMissedTime)
	rank := map[iop.Code]int{}
	for r := range schedule.Rules().All() {
		rank[r.Code] = len(rank)
	}
	for i := 1; i < len(got); i++ {
		assert.LessOrEqual(t, rank[got[i-1].Code], rank[got[i].Code], "%s before %s", got[i-1].Code, got[i].Code)
	}
}

func TestWeekCalendarEdges(t *testing.T) {
	ck := checker(t, ioprules.ASAM3Level21())
	t.Run("a Sunday week that straddles the year end", func(t *testing.T) {
		sun, err := schedule.CalendarWeeks(0)
		require.NoError(t, err)
		w := sun.Of(day(2025, 1, 1))
		require.Equal(t, day(2024, 12, 29), w.Start())
		sum, err := ck.Summarize(w, []schedule.Session{at(day(2024, 12, 30), 180), at(day(2024, 12, 31), 180), at(day(2025, 1, 2), 180), at(day(2025, 1, 5), 180)})
		require.NoError(t, err)
		assert.Equal(t, iop.Minutes(540), sum.Minutes, "the Sunday after is the next week")
		assert.Nil(t, checkSum(t, ck, sum, adult()))
	})
	t.Run("ISO week 2025-W01 starts in 2024", func(t *testing.T) {
		fs := check(t, ck, day(2025, 1, 1), adult(), at(day(2024, 12, 30), 180), at(day(2024, 12, 31), 180), at(day(2025, 1, 2), 179))
		ioptest.Figures(t, fs, schedule.CodeWeeklyBelowMinimum, 540, 539)
	})
	t.Run("a session on the leap day counts", func(t *testing.T) {
		fs := check(t, ck, day(2024, 2, 29), adult(), at(day(2024, 2, 26), 180), at(day(2024, 2, 29), 180), at(day(2024, 3, 3), 180))
		assert.Nil(t, fs)
	})
	t.Run("a session on a DST change day counts its duration", func(t *testing.T) {
		// 2025-03-09: US clocks spring forward at 02:00. A 3-hour session
		// from 01:00 counts 180 minutes, whatever the wall clock shows.
		s := at(day(2025, 3, 9), 180)
		s.Start = schedule.MustParseClock("01:00")
		fs := check(t, ck, day(2025, 3, 9), adult(), at(day(2025, 3, 3), 180), at(day(2025, 3, 5), 180), s)
		assert.Nil(t, fs)
	})
}

func TestWeekErrors(t *testing.T) {
	ck := checker(t, ioprules.ASAM3Level21())
	sum := summarize(t, ck, mon, at(mon, 540))
	tests := []struct {
		name string
		e    schedule.Stay
		want map[string]string
	}{
		{"no population", schedule.Stay{Admitted: mon}, map[string]string{"episode.population": "missing"}},
		{"unknown population", schedule.Stay{Population: 9, Admitted: mon}, map[string]string{"episode.population": "unknown value"}},
		{"no admission", schedule.Stay{Population: iop.PopulationAdult}, map[string]string{"episode.admitted": "missing"}},
		{"discharged before admitted", schedule.Stay{Population: iop.PopulationAdult, Admitted: mon, Discharged: mon - 1},
			map[string]string{"episode.discharged": "out of order: discharged before admitted"}},
		{"step-down after discharge", schedule.Stay{Population: iop.PopulationAdult, Admitted: mon, Discharged: mon + 1, StepDown: iop.StepDown{Date: mon + 2, From: iop.Level21, To: iop.Level1}},
			map[string]string{"episode.step_down.date": "out of order: stepped down outside the episode"}},
		{"step-down without levels", schedule.Stay{Population: iop.PopulationAdult, Admitted: mon, StepDown: iop.StepDown{Date: mon + 2}},
			map[string]string{"episode.step_down.from": "missing", "episode.step_down.to": "missing"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckWeek(&sum, tt.e)
			assert.Nil(t, fs)
			assert.Equal(t, tt.want, fieldErrors(t, err))
			dst := iop.Findings{{Code: "x"}}
			got, err := ck.AppendWeek(dst, &sum, tt.e)
			require.Error(t, err)
			assert.Equal(t, dst, got, "dst is returned unchanged")
		})
	}
	_, err := ck.CheckWeek(&schedule.WeekSummary{}, adult())
	assert.Equal(t, map[string]string{"summary.week": "missing"}, fieldErrors(t, err))
	neg := sum
	neg.DayMinutes[3] = -1
	_, err = ck.CheckWeek(&neg, adult())
	assert.Equal(t, map[string]string{"summary.minutes": "out of range: negative"}, fieldErrors(t, err))
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	_, err = schedule.Checker{}.CheckWeek(&sum, adult())
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Equal(t, "checker", fieldError(t, err).Field)
}

func TestNewChecker(t *testing.T) {
	_, err := schedule.NewChecker(iop.Profile{})
	require.ErrorIs(t, err, iop.ErrMissing)

	p := ioprules.MedicareIOP2025()
	ck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	p = withBenefit(p, func(b *schedule.Benefit) { b.ServiceTiers.Tiers[0].MinServices = 1 })
	p = withBenefit(p, func(b *schedule.Benefit) { b.Counting.Codes = append(benefitOf(p).Counting.Codes, "X") })
	assert.True(t, ck.Profile().Equal(ioprules.MedicareIOP2025()), "the checker keeps its own copy of the profile")
	assert.False(t, ck.IsZero())
	assert.True(t, schedule.Checker{}.IsZero())
	assert.True(t, schedule.Checker{}.Profile().IsZero())
}

// withSettings returns the Medicare IOP profile with the rule settings
// given in JSON, as a payer's profile file would hold them.
func withSettings(t *testing.T, settings string) (iop.Profile, error) {
	t.Helper()
	b, err := json.Marshal(ioprules.ASAM3Level21()) // a profile with no settings of its own
	require.NoError(t, err)
	return ioprules.ParseProfile([]byte(strings.TrimSuffix(string(b), "}") + `,"rules":` + settings + `}`))
}

func TestProfileSettings(t *testing.T) {
	week := daysOf(180, 180, 179) // 539 minutes
	t.Run("a warning", func(t *testing.T) {
		p, err := withSettings(t, `[{"code":"schedule.weekly-minutes.below-minimum","severity":"warning","cite":{"source":"payer contract"}}]`)
		require.NoError(t, err)
		got := check(t, checker(t, p), mon, adult(), week...)
		want := finding(schedule.CodeWeeklyBelowMinimum, minutes(540, 539))
		want.Severity = iop.SeverityWarning
		assert.Equal(t, iop.Findings{want}, got)
		require.NoError(t, got.BlockingErr(), "the week no longer blocks")
	})
	t.Run("off", func(t *testing.T) {
		p, err := withSettings(t, `[{"code":"schedule.weekly-minutes.below-minimum","off":true,"cite":{"source":"payer contract"}}]`)
		require.NoError(t, err)
		assert.Nil(t, check(t, checker(t, p), mon, adult(), week...))
	})
	t.Run("an unknown schedule code", func(t *testing.T) {
		_, err := withSettings(t, `[{"code":"schedule.weekly-minutes.too-low","off":true,"cite":{"source":"payer contract"}}]`)
		require.ErrorIs(t, err, iop.ErrUnknown)
		assert.Equal(t, map[string]string{"rules[0].code": "unknown value"}, fieldErrors(t, err))
	})
	t.Run("a code of a package the profile has no part of", func(t *testing.T) {
		_, err := withSettings(t, `[{"code":"group.size.above-maximum","off":true,"cite":{"source":"payer contract"}}]`)
		require.ErrorIs(t, err, iop.ErrUnknown, "the ASAM profile has no group part")
		p := ioprules.ASAM3Level21().WithPart(group.Composition{})
		p.Rules = []iop.RuleSetting{{Code: group.CodeSizeAboveMaximum, Off: true, Cite: iop.Citation{Source: "payer contract"}}}
		_, err = schedule.NewChecker(p)
		require.NoError(t, err, "with a group part, a group code may be set")
	})
}

func TestCheckerConcurrent(t *testing.T) {
	// One Checker shared by goroutines (run with -race).
	ck := checker(t, ioprules.MedicareIOP2025())
	ss := daysOf(180, 180, 179)
	var wg sync.WaitGroup
	results := make([]iop.Findings, 8)
	for g := range results {
		wg.Go(func() {
			var fs iop.Findings
			for range 100 {
				sum, err := ck.Summarize(schedule.ISOWeeks().Of(mon), ss)
				if err != nil {
					return
				}
				fs, _ = ck.AppendWeek(fs[:0], &sum, adult())
			}
			results[g] = fs
		})
	}
	wg.Wait()
	for _, fs := range results {
		ioptest.CodesEqual(t, covered(t, ck, fs), schedule.CodeWeeklyBelowMinimum)
	}
}

func TestSummarize(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	w := schedule.ISOWeeks().Of(mon)
	rec := at(mon+1, 45)
	rec.Kind = iop.ServiceKindRecreation
	partial := at(mon+1, 60)
	partial.Attendance, partial.Attended, partial.Start = schedule.AttendancePartial, 40, schedule.MustParseClock("11:00")
	bad := at(mon+9, 0) // outside the week: not looked at
	got, err := ck.Summarize(w, []schedule.Session{at(mon-1, 60), at(mon, 180), rec, partial, at(mon+7, 60), bad})
	require.NoError(t, err)
	assert.Equal(t, schedule.WeekSummary{
		Patient: "p-1", Week: w, Minutes: 220,
		DayMinutes: [7]iop.Minutes{180, 40}, DayServices: [7]uint16{1, 1},
		Sessions: 3, Partial: 1, MissedMinutes: 20, UncountedMinutes: 45,
	}, got)
	assert.Equal(t, 2, got.Days())
	assert.Equal(t, 2, got.Services())
	empty, err := ck.Summarize(w, nil)
	require.NoError(t, err)
	assert.Equal(t, schedule.WeekSummary{Week: w}, empty)

	t.Run("errors", func(t *testing.T) {
		over := at(mon, 540)
		over.Attendance, over.Attended = schedule.AttendancePartial, 600
		other := at(mon+1, 60)
		other.Patient = "p-2"
		zero := at(mon+2, 0)
		zero.Kind = 0
		sum, err := ck.Summarize(w, []schedule.Session{at(mon+2, 540), over, other, zero})
		assert.Equal(t, schedule.WeekSummary{}, sum)
		assert.Equal(t, map[string]string{
			"sessions[1].attended": "out of range: attended above planned",
			"sessions[2].patient":  "out of range: a session of another patient than the week's first",
			"sessions[3].minutes":  "out of range: must be positive",
			"sessions[3].kind":     "missing",
		}, fieldErrors(t, err))
		_, err = ck.Summarize(schedule.Week{}, nil)
		assert.Equal(t, "week", fieldError(t, err).Field)
		_, err = schedule.Checker{}.Summarize(w, nil)
		require.ErrorIs(t, err, iop.ErrMissing)
	})
}

func TestWeekSummaryJSON(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	sum := summarize(t, ck, mon, at(mon, 180), at(mon+2, 60))
	b, err := json.Marshal(sum)
	require.NoError(t, err)
	assert.JSONEq(t, `{"patient":"p-1","week":"2025-W10","minutes":"4h00m",
		"day_minutes":["3h00m","0h00m","1h00m","0h00m","0h00m","0h00m","0h00m"],
		"day_services":[1,0,1,0,0,0,0],"sessions":2,"absent":0,"excused":0,"partial":0,
		"missed_minutes":"0h00m","uncounted_minutes":"0h00m"}`, string(b))
	jsonRoundTrip(t, sum, (*schedule.WeekSummary).UnmarshalJSON)
	var back schedule.WeekSummary
	require.ErrorIs(t, back.UnmarshalJSON([]byte(`{"week":"2025-W54"}`)), iop.ErrOutOfRange)
}

func TestAppendWeeks(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	require.NoError(t, err)
	ss := append(daysOf(180, 180, 180), daysOf(180, 180, 179)...)
	for i := range ss[12:] {
		ss[12+i].Patient = "p-2"
	}
	ss = append(ss, at(mon+7, 60))
	third := at(mon, 60)
	third.Patient = "p-3"
	ss = append(ss, third)
	sums, _ := sz.Summarize(nil, ss)
	require.Len(t, sums, 4)
	episode := func(patient string, w schedule.Week) schedule.Stay {
		if patient == "p-3" {
			return schedule.Stay{Population: iop.PopulationAdult} // no admission
		}
		return adult()
	}
	dst := append(make(iop.Findings, 0, 8), iop.Finding{Code: "kept"})
	got, err := ck.AppendWeeks(dst, sums, episode)
	assert.Equal(t, map[string]string{"sums[3].episode.admitted": "missing"}, fieldErrors(t, err))
	assert.Equal(t, iop.Findings{{Code: "kept"}}, got, "all or nothing: an error adds no findings")
	got, err = ck.CheckWeeks(sums[:3], episode)
	require.NoError(t, err)
	covered(t, ck, got)
	// p-1's second week, of one session; p-2's week of 539 minutes.
	want := iop.Findings{}
	for _, s := range sums[:3] {
		fs, err := ck.CheckWeek(&s, adult())
		require.NoError(t, err)
		want = append(want, fs...)
	}
	assert.Equal(t, want, got, "the same as checking each week")
	ioptest.CodesEqual(t, got, schedule.CodeWeeklyBelowMinimum, schedule.CodeBelowTier, schedule.CodeWeeklyBelowMinimum)
	assert.Equal(t, "p-1", got[0].Subject)
	assert.Equal(t, "p-2", got[2].Subject)
	again, err := ck.AppendWeeks(got[:0], sums[:3], episode)
	require.NoError(t, err)
	assert.Equal(t, want, again, "a reused slice")
	_, err = schedule.Checker{}.AppendWeeks(nil, sums, episode)
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestDays(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	ss := slices.DeleteFunc(daysOf(180, 0, 100), func(s schedule.Session) bool { return s.Planned == 0 })
	sum := summarize(t, ck, mon, ss...)
	days := ck.Days(sum)
	tier4 := benefitOf(ioprules.MedicareIOP2025()).ServiceTiers.Tiers[1]
	assert.Equal(t, schedule.Day{Date: mon, Weekday: 1, Minutes: 180, Services: 4, ServiceDay: true, Tier: tier4, HasTier: true, Pay: schedule.DayPayPerDiem}, days[0])
	assert.Equal(t, schedule.Day{Date: mon + 1, Weekday: 2}, days[1])
	assert.Equal(t, schedule.Day{Date: mon + 6, Weekday: 0}, days[6])

	h := checker(t, ioprules.H0015())
	hd := h.Days(summarize(t, h, mon, at(mon, 179), at(mon+1, 180)))
	assert.False(t, hd[0].ServiceDay, "179 minutes is not an H0015 service day")
	assert.True(t, hd[1].ServiceDay)
	assert.False(t, hd[1].HasTier, "H0015 sets no payment tiers")
	assert.True(t, schedule.Checker{}.Days(sum)[0].ServiceDay)
}

func TestEpisodeJSON(t *testing.T) {
	var e schedule.Stay
	require.NoError(t, e.UnmarshalJSON([]byte(`{"population":"adolescent","admitted":"2024-02-29","step_down":{"date":"2024-03-18","from":"2.1","to":"1"}}`)))
	assert.Equal(t, schedule.Stay{Population: iop.PopulationAdolescent, Admitted: day(2024, 2, 29), StepDown: iop.StepDown{Date: day(2024, 3, 18), From: iop.Level21, To: iop.Level1}}, e)
	require.NoError(t, e.Validate())
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"adult","admitted":"2023-02-29"}`)), iop.ErrInvalidDate)
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"adult","admited":"2023-02-28"}`)), iop.ErrUnknownField)
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"child"}`)), iop.ErrUnknown)
}
