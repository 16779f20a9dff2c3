package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
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
	asam, php := iop.ASAM3Level21(), iop.MedicarePHP2024()
	below := func(cite iop.Citation, need, got int64) iop.Findings {
		return iop.Findings{{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.Blocking, Subject: "p-1",
			Message: "counted service time is below the weekly minimum", Cite: cite, Need: need, Got: got, Unit: iop.UnitMinutes}}
	}
	tests := []struct {
		name    string
		profile iop.Profile
		pop     iop.Population
		minutes []iop.Minutes // per day from Monday
		want    iop.Findings
	}{
		{"adult 539 is below 9h", asam, iop.Adult, []iop.Minutes{180, 180, 179}, below(asam.Weekly.Cite, 540, 539)},
		{"adult 540 meets 9h", asam, iop.Adult, []iop.Minutes{180, 180, 180}, nil},
		{"adult 1140 is the top of 19h", asam, iop.Adult, []iop.Minutes{240, 240, 240, 240, 180}, nil},
		{"adult 1141 is above 19h", asam, iop.Adult, []iop.Minutes{240, 240, 240, 240, 181}, iop.Findings{{
			Code: schedule.CodeWeeklyAboveMaximum, Severity: iop.Warning, Subject: "p-1",
			Message: "counted service time is above the top of the weekly band", Cite: asam.Weekly.Cite,
			Need: 1140, Got: 1141, Unit: iop.UnitMinutes,
		}}},
		{"adolescent 359 is below 6h", asam, iop.Adolescent, []iop.Minutes{180, 179}, below(asam.Weekly.Cite, 360, 359)},
		{"adolescent 360 meets 6h", asam, iop.Adolescent, []iop.Minutes{180, 180}, nil},
		{"PHP 1199 is below 20h", php, iop.Adult, []iop.Minutes{240, 240, 240, 240, 239}, below(php.Weekly.Cite, 1200, 1199)},
		{"PHP 1200 meets 20h", php, iop.Adult, []iop.Minutes{240, 240, 240, 240, 240}, nil},
		{"Medicare IOP 540 in 3 days of 4 services", iop.MedicareIOP2024(), iop.Adult, []iop.Minutes{180, 180, 180}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := adult()
			e.Population = tt.pop
			got := check(t, checker(t, tt.profile), mon, e, daysOf(tt.minutes...)...)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.want.HasBlocking(), got.Err() != nil, "Err() is an error exactly when a finding blocks")
		})
	}
}

func TestWeekServiceDaysH0015(t *testing.T) {
	h := iop.H0015()
	cite := h.Daily.Cite
	short := func(weekday string, got int64) iop.Finding {
		return iop.Finding{Code: schedule.CodeShortDay, Severity: iop.Warning, Subject: "p-1",
			Message: weekday + ": too little counted time for a service day", Cite: cite, Need: 180, Got: got, Unit: iop.UnitMinutes}
	}
	tooFew := func(got int64) iop.Finding {
		return iop.Finding{Code: schedule.CodeTooFewDays, Severity: iop.Blocking, Subject: "p-1",
			Message: "too few service days in the week", Cite: cite, Need: 3, Got: got, Unit: iop.UnitDays}
	}
	tests := []struct {
		name    string
		minutes []iop.Minutes
		want    iop.Findings
	}{
		{"3 days of 3h make a week", []iop.Minutes{180, 180, 180}, nil},
		{"2 days of 4h30m do not", []iop.Minutes{270, 270}, iop.Findings{tooFew(2)}},
		{"a day of 2h30m is no service day", []iop.Minutes{180, 180, 150}, iop.Findings{short("Wednesday", 150), tooFew(2)}},
		{"2h59m is no service day either", []iop.Minutes{180, 179, 180}, iop.Findings{short("Tuesday", 179), tooFew(2)}},
		{"4 days with one short still makes 3", []iop.Minutes{180, 180, 180, 60}, iop.Findings{short("Thursday", 60)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, check(t, checker(t, h), mon, adult(), daysOf(tt.minutes...)...))
		})
	}
}

func TestWeekPartialWeeks(t *testing.T) {
	asam := iop.ASAM3Level21() // prorated first and last weeks
	withRules := func(first, last iop.PartialWeek) iop.Profile {
		p := iop.ASAM3Level21()
		p.PartialWeeks.First, p.PartialWeeks.Last = first, last
		return p
	}
	partial := func(msg string, need, got int64) iop.Finding {
		return iop.Finding{Code: schedule.CodePartialWeek, Severity: iop.Info, Subject: "p-1", Message: msg,
			Cite: asam.PartialWeeks.Cite, Need: need, Got: got, Unit: iop.UnitMinutes}
	}
	below := func(need, got int64) iop.Finding {
		return iop.Finding{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.Blocking, Subject: "p-1",
			Message: "counted service time is below the weekly minimum", Cite: asam.Weekly.Cite, Need: need, Got: got, Unit: iop.UnitMinutes}
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
		{
			"admitted Thursday: 4 of 7 days, 540*4/7 = 308", asam, thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)},
			iop.Findings{partial("first week of the episode, 4 of 7 days in it: weekly minimum prorated", 308, 308)},
		},
		{
			"admitted Thursday, 307 is below 308", asam, thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 127)},
			iop.Findings{partial("first week of the episode, 4 of 7 days in it: weekly minimum prorated", 308, 307), below(308, 307)},
		},
		{
			"admitted Monday: a full week", asam, mon, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)},
			iop.Findings{below(540, 308)},
		},
		{
			"full rule: a partial first week needs 540", withRules(iop.PartialWeekFull, iop.PartialWeekFull), thu, 0,
			[]schedule.Session{at(thu, 180), at(fri, 128)},
			iop.Findings{below(540, 308)},
		},
		{
			"exempt rule: a partial first week needs nothing", withRules(iop.PartialWeekExempt, iop.PartialWeekFull), thu, 0,
			[]schedule.Session{at(fri, 60)},
			iop.Findings{partial("first week of the episode, 4 of 7 days in it: weekly minimum exempt", 0, 60)},
		},
		{
			"discharged Tuesday: 2 of 7 days, 540*2/7 = 154", asam, day(2025, 1, 6), mon + 1,
			[]schedule.Session{at(mon, 154)},
			iop.Findings{partial("last week of the episode, 2 of 7 days in it: weekly minimum prorated", 154, 154)},
		},
		{
			"admitted Tuesday, discharged Thursday: 3 days, 231", asam, mon + 1, thu,
			[]schedule.Session{at(mon+1, 231)},
			iop.Findings{partial("first and last week of the episode, 3 of 7 days in it: weekly minimum prorated", 231, 231)},
		},
		{
			"first and last: the rule that asks less applies", withRules(iop.PartialWeekFull, iop.PartialWeekExempt), mon + 1, thu,
			[]schedule.Session{at(mon+1, 30)},
			iop.Findings{partial("first and last week of the episode, 3 of 7 days in it: weekly minimum exempt", 0, 30)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := schedule.Episode{Population: iop.Adult, Admitted: tt.admitted, Discharged: tt.disch}
			want := tt.want
			for i := range want {
				if want[i].Code == schedule.CodePartialWeek {
					want[i].Cite = tt.profile.PartialWeeks.Cite
				}
			}
			assert.Equal(t, want, check(t, checker(t, tt.profile), mon, e, tt.sessions...))
		})
	}
}

func TestWeekPartialServiceDays(t *testing.T) {
	// H0015 admitted on Thursday: 3 days x 4/7 = 1 service day needed.
	h := iop.H0015()
	e := schedule.Episode{Population: iop.Adult, Admitted: mon + 3}
	got := check(t, checker(t, h), mon, e, at(mon+4, 180))
	assert.Equal(t, iop.Findings{{Code: schedule.CodePartialWeek, Severity: iop.Info, Subject: "p-1",
		Message: "first week of the episode, 4 of 7 days in it: service days prorated", Cite: h.PartialWeeks.Cite,
		Need: 1, Got: 1, Unit: iop.UnitDays}}, got)
}

func TestWeekStepDown(t *testing.T) {
	asam := iop.ASAM3Level21() // 2 weeks of step-down allowance
	e := adult()
	e.SteppedDown = mon + 2 // Wednesday: the allowance runs to the Tuesday two weeks on
	allowance := func(need, got int64) iop.Findings {
		return iop.Findings{{Code: schedule.CodeStepDownAllowance, Severity: iop.Info, Subject: "p-1",
			Message: "below the weekly minimum within the step-down allowance", Cite: asam.StepDown.Cite,
			Need: need, Got: got, Unit: iop.UnitMinutes}}
	}
	tests := []struct {
		name string
		week date.Date
		want iop.Findings
	}{
		{"the week before", mon - 7, iop.Findings{{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.Blocking, Subject: "p-1",
			Message: "counted service time is below the weekly minimum", Cite: asam.Weekly.Cite, Need: 540, Got: 300, Unit: iop.UnitMinutes}}},
		{"the week of the step-down", mon, allowance(540, 300)},
		{"the next week", mon + 7, allowance(540, 300)},
		{"the week that holds the last day of the allowance", mon + 14, allowance(540, 300)},
		{"the week after", mon + 21, iop.Findings{{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.Blocking, Subject: "p-1",
			Message: "counted service time is below the weekly minimum", Cite: asam.Weekly.Cite, Need: 540, Got: 300, Unit: iop.UnitMinutes}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := check(t, checker(t, asam), tt.week, e, at(tt.week, 300))
			assert.Equal(t, tt.want, got)
		})
	}

	// The allowance covers the service-day minimum too.
	h := iop.H0015()
	h.StepDown = asam.StepDown
	got := check(t, checker(t, h), mon, e, at(mon, 180))
	assert.Equal(t, iop.Findings{{Code: schedule.CodeStepDownAllowance, Severity: iop.Info, Subject: "p-1",
		Message: "too few service days within the step-down allowance", Cite: asam.StepDown.Cite,
		Need: 3, Got: 1, Unit: iop.UnitDays}}, got)
}

func TestWeekOtherFindings(t *testing.T) {
	medicare := iop.MedicareIOP2024()
	counting := schedule.DefaultCounting().Cite
	t.Run("service outside the episode is not counted", func(t *testing.T) {
		e := schedule.Episode{Population: iop.Adult, Admitted: day(2025, 1, 6), Discharged: mon + 2}
		got := check(t, checker(t, iop.ASAM3Level21()), mon, e, at(mon, 300), at(mon+1, 240), at(mon+3, 120))
		ioptest.CodesEqual(t, got, schedule.CodeServiceOutsideEpisode, schedule.CodePartialWeek)
		ioptest.Figures(t, got, schedule.CodeServiceOutsideEpisode, 0, 120)
		ioptest.Figures(t, got, schedule.CodePartialWeek, 231, 540) // 3 of 7 days
	})
	t.Run("a week wholly outside the episode", func(t *testing.T) {
		e := schedule.Episode{Population: iop.Adult, Admitted: mon + 7}
		got := check(t, checker(t, iop.ASAM3Level21()), mon, e, at(mon, 60))
		ioptest.CodesEqual(t, got, schedule.CodeServiceOutsideEpisode)
	})
	t.Run("invalid sessions are not counted", func(t *testing.T) {
		bad := at(mon, 540)
		bad.Attended = 600
		other := at(mon+1, 60)
		other.Patient = "p-2"
		got := check(t, checker(t, iop.ASAM3Level21()), mon, adult(), at(mon+2, 540), bad, other)
		assert.Equal(t, iop.Findings{{Code: schedule.CodeSessionInvalid, Severity: iop.Blocking, Subject: "p-1",
			Message: "sessions failed validation and were not counted", Cite: schedule.Rules()[0].Cite,
			Got: 2, Unit: iop.UnitCount}}, got)
	})
	t.Run("a population the profile does not serve", func(t *testing.T) {
		p := iop.TIP47()
		p.Weekly.Adolescent = iop.Band{}
		e := adult()
		e.Population = iop.Adolescent
		got := check(t, checker(t, p), mon, e, daysOf(180, 180, 180)...)
		assert.Equal(t, iop.Findings{{Code: schedule.CodePopulationNotServed, Severity: iop.Blocking, Subject: "p-1",
			Message: "the profile sets no weekly hours for the adolescent population", Cite: p.Weekly.Cite}}, got)
	})
	t.Run("days below the lowest payment tier", func(t *testing.T) {
		ss := []schedule.Session{at(mon, 180), at(mon+1, 180), at(mon+2, 180)}
		ss[0].Planned, ss[1].Planned = 90, 90
		ss = append(ss, at(mon, 90), at(mon+1, 90))
		ss[3].Start, ss[4].Start = schedule.MustParseClock("11:00"), schedule.MustParseClock("11:00")
		got := check(t, checker(t, medicare), mon, adult(), ss...)
		want := iop.Findings{}
		for _, wd := range []string{"Monday", "Tuesday", "Wednesday"} {
			n := int64(2)
			if wd == "Wednesday" {
				n = 1
			}
			want = append(want, iop.Finding{Code: schedule.CodeBelowTier, Severity: iop.Warning, Subject: "p-1",
				Message: wd + ": too few countable services for a paid program day", Cite: medicare.ServiceTiers.Cite,
				Need: 3, Got: n, Unit: iop.UnitCount})
		}
		assert.Equal(t, want, got)
		assert.NoError(t, got.Err(), "warnings do not block")
	})
	t.Run("time that does not count and time missed", func(t *testing.T) {
		rec := at(mon+3, 60)
		rec.Kind = schedule.Recreation
		absent := at(mon+3, 120)
		absent.Attendance, absent.Start = schedule.Absent, schedule.MustParseClock("13:00")
		late := at(mon+4, 180)
		late.Attendance, late.Attended = schedule.Partial, 150
		excused := at(mon+5, 60)
		excused.Attendance = schedule.Excused
		got := check(t, checker(t, iop.ASAM3Level21()), mon, adult(), at(mon, 180), at(mon+1, 180), at(mon+2, 180), rec, absent, late, excused)
		assert.Equal(t, iop.Findings{
			{Code: schedule.CodeUncountedTime, Severity: iop.Info, Subject: "p-1",
				Message: "time attended in sessions that do not count toward the program's hours", Cite: counting,
				Got: 60, Unit: iop.UnitMinutes},
			{Code: schedule.CodeMissedTime, Severity: iop.Info, Subject: "p-1",
				Message: "planned time not attended: 1 absent, 1 excused, 1 attended in part", Cite: counting,
				Got: 210, Unit: iop.UnitMinutes},
		}, got)
	})
}

func TestWeekCalendarEdges(t *testing.T) {
	ck := checker(t, iop.ASAM3Level21())
	t.Run("a Sunday week that straddles the year end", func(t *testing.T) {
		sun, err := schedule.CalendarWeeks(0)
		require.NoError(t, err)
		w := sun.Of(day(2025, 1, 1))
		require.Equal(t, day(2024, 12, 29), w.Start())
		sum := ck.Summarize(w, []schedule.Session{at(day(2024, 12, 30), 180), at(day(2024, 12, 31), 180), at(day(2025, 1, 2), 180), at(day(2025, 1, 5), 180)})
		assert.Equal(t, iop.Minutes(540), sum.Minutes, "the Sunday after is the next week")
		fs, err := ck.Week(sum, adult())
		require.NoError(t, err)
		assert.Nil(t, saw(fs))
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
	ck := checker(t, iop.ASAM3Level21())
	sum := ck.Summarize(schedule.ISOWeeks().Of(mon), []schedule.Session{at(mon, 540)})
	tests := []struct {
		name  string
		e     schedule.Episode
		field string
		err   error
	}{
		{"no population", schedule.Episode{Admitted: mon}, "episode.population", schedule.ErrMissing},
		{"unknown population", schedule.Episode{Population: 9, Admitted: mon}, "episode.population", iop.ErrUnknownPopulation},
		{"no admission", schedule.Episode{Population: iop.Adult}, "episode.admitted", schedule.ErrMissing},
		{"discharged before admitted", schedule.Episode{Population: iop.Adult, Admitted: mon, Discharged: mon - 1}, "episode.discharged", schedule.ErrDateOrder},
		{"step-down after discharge", schedule.Episode{Population: iop.Adult, Admitted: mon, Discharged: mon + 1, SteppedDown: mon + 2}, "episode.stepped_down", schedule.ErrDateOrder},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.Week(sum, tt.e)
			assert.Nil(t, fs)
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
	_, err := ck.Week(schedule.WeekSummary{}, adult())
	require.ErrorIs(t, err, schedule.ErrMissing)
	_, err = schedule.Checker{}.Week(sum, adult())
	require.ErrorIs(t, err, schedule.ErrZeroChecker)
}

func TestNewChecker(t *testing.T) {
	_, err := schedule.NewChecker(iop.Profile{}, schedule.DefaultCounting())
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.NewChecker(iop.ASAM3Level21(), schedule.Counting{})
	require.ErrorIs(t, err, schedule.ErrMissing)
	require.ErrorIs(t, err, iop.ErrMissingCitation)

	p := iop.MedicareIOP2024()
	c := schedule.DefaultCounting()
	c.Codes = []string{"H0015"}
	ck, err := schedule.NewChecker(p, c)
	require.NoError(t, err)
	p.ServiceTiers.Tiers[0].MinServices = 1
	c.Codes[0] = "X"
	assert.True(t, ck.Profile().Equal(iop.MedicareIOP2024()), "the checker keeps its own copy of the profile")
	assert.Equal(t, []string{"H0015"}, ck.Counting().Codes, "and of the counting rule")
	assert.False(t, ck.IsZero())
	assert.True(t, schedule.Checker{}.IsZero())
	assert.True(t, schedule.Checker{}.Profile().IsZero())
	assert.True(t, schedule.Checker{}.Counting().IsZero())
}

func TestSummarize(t *testing.T) {
	ck := checker(t, iop.MedicareIOP2024())
	w := schedule.ISOWeeks().Of(mon)
	rec := at(mon+1, 45)
	rec.Kind = schedule.Recreation
	partial := at(mon+1, 60)
	partial.Attendance, partial.Attended, partial.Start = schedule.Partial, 40, schedule.MustParseClock("11:00")
	got := ck.Summarize(w, []schedule.Session{at(mon-1, 60), at(mon, 180), rec, partial, at(mon+7, 60)})
	assert.Equal(t, schedule.WeekSummary{
		Patient: "p-1", Week: w, Minutes: 220,
		DayMinutes: [7]iop.Minutes{180, 40}, DayServices: [7]uint16{1, 1},
		Sessions: 3, Partial: 1, MissedMinutes: 20, UncountedMinutes: 45,
	}, got)
	assert.Equal(t, 2, got.Days())
	assert.Equal(t, 2, got.Services())
	assert.Equal(t, schedule.WeekSummary{Week: w}, schedule.Checker{}.Summarize(w, nil))
	zero := schedule.Checker{}.Summarize(w, []schedule.Session{at(mon, 60)})
	assert.Equal(t, iop.Minutes(60), zero.UncountedMinutes, "the zero Checker counts nothing")
	assert.Equal(t, schedule.WeekSummary{}, ck.Summarize(schedule.Week{}, []schedule.Session{at(mon, 60)}))
}

func TestDays(t *testing.T) {
	ck := checker(t, iop.MedicareIOP2024())
	w := schedule.ISOWeeks().Of(mon)
	sum := ck.Summarize(w, daysOf(180, 0, 100))
	days := ck.Days(sum)
	tier4 := iop.MedicareIOP2024().ServiceTiers.Tiers[1]
	assert.Equal(t, schedule.Day{Date: mon, Weekday: 1, Minutes: 180, Services: 4, ServiceDay: true, Tier: tier4, HasTier: true}, days[0])
	assert.Equal(t, schedule.Day{Date: mon + 1, Weekday: 2}, days[1])
	assert.Equal(t, schedule.Day{Date: mon + 6, Weekday: 0}, days[6])

	h := checker(t, iop.H0015())
	hd := h.Days(h.Summarize(w, []schedule.Session{at(mon, 179), at(mon+1, 180)}))
	assert.False(t, hd[0].ServiceDay, "179 minutes is not an H0015 service day")
	assert.True(t, hd[1].ServiceDay)
	assert.False(t, hd[1].HasTier, "H0015 sets no payment tiers")
	assert.True(t, schedule.Checker{}.Days(sum)[0].ServiceDay)
}

func TestEpisodeJSON(t *testing.T) {
	var e schedule.Episode
	require.NoError(t, e.UnmarshalJSON([]byte(`{"population":"adolescent","admitted":"2024-02-29","stepped_down":"2024-03-18"}`)))
	assert.Equal(t, schedule.Episode{Population: iop.Adolescent, Admitted: day(2024, 2, 29), SteppedDown: day(2024, 3, 18)}, e)
	require.NoError(t, e.Validate())
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"adult","admitted":"2023-02-29"}`)), schedule.ErrInvalidDate)
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"adult","admited":"2023-02-28"}`)), iop.ErrUnknownField)
	require.ErrorIs(t, e.UnmarshalJSON([]byte(`{"population":"child"}`)), iop.ErrUnknownPopulation)
}
