package schedule_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// calendarPHP returns Medicare PHP with its first recertification counted
// in calendar days (the 18th day counting admission as the 1st), and a
// plan review every 31 days, as a payer's contract might add.
func calendarPHP() iop.Profile {
	p := ioprules.MedicarePHP2025()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.FirstRecertCount = schedule.DayCountCalendar })
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.NoInitialDay = false }) // a program's policy: certified on admission
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.PlanReviewDays = 31 })
	return p
}

// days60 returns Medicare IOP (recertification every 60 days, 42 CFR
// 424.24(d)(3)(ii)) under a program's policy of certifying on admission.
func days60() iop.Profile {
	p := ioprules.MedicareIOP2025()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.NoInitialDay = false })
	return p
}

// months returns Medicare IOP read as "every other month", 2 calendar
// months (the reading the library had before 2026-12-07: it is not the
// rule, but a profile may set it), certified on admission.
func months() iop.Profile {
	p := days60()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.RecertMonths, b.Certification.RecertDays = 2, 0 })
	return p
}

// weekdays returns the Mondays to Fridays from d through last.
func weekdays(d, last date.Date) []date.Date {
	var out []date.Date
	for ; d <= last; d++ {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

func TestCertificationDueDates(t *testing.T) {
	iop25, php := benefitOf(months()).Certification, benefitOf(ioprules.MedicarePHP2025()).Certification
	tests := []struct {
		name     string
		rules    schedule.CertificationRules
		admitted date.Date
		through  date.Date
		want     []date.Date
	}{
		{"IOP: every other month, the end of February clamped", iop25, day(2024, 12, 31), day(2025, 7, 1),
			[]date.Date{day(2024, 12, 31), day(2025, 2, 28), day(2025, 4, 28), day(2025, 6, 28)}},
		{"60 days instead: 2025-03-01", benefitOf(days60()).Certification, day(2024, 12, 31), day(2025, 7, 1),
			[]date.Date{day(2024, 12, 31), day(2025, 3, 1), day(2025, 4, 30), day(2025, 6, 29)}},
		{"IOP across a leap day", iop25, day(2023, 12, 31), day(2024, 3, 1),
			[]date.Date{day(2023, 12, 31), day(2024, 2, 29)}},
		{"IOP from the first of a month", iop25, day(2024, 2, 1), day(2024, 6, 1),
			[]date.Date{day(2024, 2, 1), day(2024, 4, 1), day(2024, 6, 1)}},
		{"PHP: service every day assumed, the 18th day is admission + 17, then every 30 days", php, day(2025, 1, 6), day(2025, 3, 31),
			[]date.Date{day(2025, 1, 6), day(2025, 1, 23), day(2025, 2, 22), day(2025, 3, 24)}},
		{"through before admission", php, day(2025, 1, 6), day(2025, 1, 5), nil},
		{"a first recertification and no interval", schedule.CertificationRules{FirstRecertDay: 10, Cite: php.Cite}, day(2025, 1, 6), day(2026, 1, 1),
			[]date.Date{day(2025, 1, 6), day(2025, 1, 16)}},
		{"an initial certification only", schedule.CertificationRules{InitialDays: 3, Cite: php.Cite}, day(2025, 1, 6), day(2026, 1, 1),
			[]date.Date{day(2025, 1, 9)}},
		{"no rules", schedule.CertificationRules{}, day(2025, 1, 6), day(2026, 1, 1), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, slices.Collect(schedule.CertificationDueDates(tt.rules, tt.admitted, tt.through)))
		})
	}
	t.Run("stops when told", func(t *testing.T) {
		var got []date.Date
		for d := range schedule.CertificationDueDates(php, day(2025, 1, 6), date.Max()) {
			if got = append(got, d); len(got) == 2 {
				break
			}
		}
		assert.Equal(t, []date.Date{day(2025, 1, 6), day(2025, 1, 23)}, got)
	})
	t.Run("PHP in days of service", func(t *testing.T) {
		adm := day(2025, 1, 6) // a Monday; service Monday to Friday
		c := schedule.Certifications{Admitted: adm, ServiceDays: weekdays(adm, day(2025, 3, 31))}
		// The 18th day of service is Wednesday 2025-01-29, then every 30 days.
		assert.Equal(t, []date.Date{adm, day(2025, 1, 29), day(2025, 2, 28), day(2025, 3, 30)},
			slices.Collect(c.DueDates(php, day(2025, 3, 31))))
		c.ServiceDays = weekdays(adm, day(2025, 1, 28)) // 17 days of service so far
		assert.Equal(t, []date.Date{adm}, slices.Collect(c.DueDates(php, day(2025, 3, 31))), "not yet due")
	})
}

func TestNextCertification(t *testing.T) {
	php := benefitOf(ioprules.MedicarePHP2025()).Certification
	adm := day(2025, 1, 6)
	every := weekdays(adm, adm+60)
	tests := []struct {
		name    string
		rules   schedule.CertificationRules
		signed  []date.Date
		service []date.Date
		want    date.Date
		ok      bool
	}{
		{"the initial one, on admission", benefitOf(calendarPHP()).Certification, nil, nil, adm, true},
		{"the initial one, no day set (42 CFR 424.24(e))", php, nil, nil, date.Zero, false},
		{"the first recertification by the 18th day of services", php, []date.Date{adm}, every, day(2025, 1, 29), true},
		{"not yet due: 17 days of services", php, []date.Date{adm}, every[:17], date.Zero, false},
		{"counted in calendar days", benefitOf(calendarPHP()).Certification, []date.Date{adm}, nil, adm + 17, true},
		{"then 30 days after the last one signed", php, []date.Date{adm, adm + 15}, every, adm + 45, true},
		{"IOP: two months after the initial one", benefitOf(months()).Certification, []date.Date{adm + 1}, nil, day(2025, 3, 7), true},
		{"IOP: 60 days after the initial one", benefitOf(ioprules.MedicareIOP2025()).Certification, []date.Date{adm + 1}, nil, adm + 61, true},
		{"an initial one that never lapses", schedule.CertificationRules{InitialDays: 2, Cite: php.Cite}, []date.Date{adm}, nil, date.Zero, false},
		{"no rules", schedule.CertificationRules{}, nil, nil, date.Zero, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := schedule.NextCertification(tt.rules, schedule.Certifications{Admitted: adm, Signed: tt.signed, ServiceDays: tt.service})
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.want, got)
		})
	}
}

// certCheck summarises 4-hour sessions on days and checks the
// certifications c under ck, recording the findings.
func certCheck(t *testing.T, ck schedule.Checker, c schedule.Certifications, days ...date.Date) iop.Findings {
	t.Helper()
	var ss []schedule.Session
	for _, d := range days {
		ss = append(ss, at(d, 240))
	}
	got, err := ck.CheckCertification(ptr(summarize(t, ck, days[0], ss...)), c)
	require.NoError(t, err)
	return covered(t, ck, got)
}

func TestCertificationDeadlines(t *testing.T) {
	// The day before, on and after each deadline: a day of service on it is
	// covered through the deadline, not after.
	missing := func(d date.Date) iop.Finding {
		return finding(schedule.CodeCertificationMissing, iop.Finding{Subject: "p-1", Day: d})
	}
	due := func(p iop.Profile, d date.Date, n int64) iop.Finding {
		return finding(schedule.CodeCertificationDue, iop.Finding{Subject: "p-1", Day: d, Need: n, Got: n - 1, Unit: iop.UnitCount})
	}
	months, sixty := months(), days60()
	adm := day(2024, 12, 31)
	signed := schedule.Certifications{Admitted: adm, Signed: []date.Date{adm}}
	feb28, mar1 := day(2025, 2, 28), day(2025, 3, 1)
	php, cal := ioprules.MedicarePHP2025(), calendarPHP()
	padm := day(2025, 1, 6) // a Monday
	// Services Monday to Friday from admission: the 18th day of services is
	// Wednesday 2025-01-29; the 18th calendar day is Thursday 2025-01-23.
	psigned := schedule.Certifications{Admitted: padm, Signed: []date.Date{padm}, ServiceDays: weekdays(padm, day(2025, 1, 24))}
	jan29 := day(2025, 1, 29)
	tests := []struct {
		name    string
		profile iop.Profile
		c       schedule.Certifications
		days    []date.Date
		want    iop.Findings
	}{
		{"IOP months: the day before 2025-02-28", months, signed, []date.Date{feb28 - 1}, iop.Findings{due(months, feb28, 2)}},
		{"IOP months: on 2025-02-28", months, signed, []date.Date{feb28}, iop.Findings{due(months, feb28, 2)}},
		{"IOP months: the day after, 2025-03-01", months, signed, []date.Date{mar1}, iop.Findings{missing(mar1), due(months, feb28, 2)}},
		{"IOP recertified on the day due", months, schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, feb28}}, []date.Date{mar1}, nil},
		{"60 days: the day before 2025-03-01", sixty, signed, []date.Date{feb28}, iop.Findings{due(sixty, mar1, 2)}},
		{"60 days: on 2025-03-01", sixty, signed, []date.Date{mar1}, iop.Findings{due(sixty, mar1, 2)}},
		{"60 days: the day after", sixty, signed, []date.Date{mar1 + 1}, iop.Findings{missing(mar1 + 1), due(sixty, mar1, 2)}},
		{"PHP service days: the 17th day of services", php, psigned, []date.Date{jan29 - 2, jan29 - 1}, nil},
		{"PHP service days: the 18th", php, psigned, []date.Date{jan29 - 2, jan29 - 1, jan29}, iop.Findings{due(php, jan29, 2)}},
		{"PHP service days: the 19th", php, psigned, []date.Date{jan29 - 2, jan29 - 1, jan29, jan29 + 1},
			iop.Findings{missing(jan29 + 1), due(php, jan29, 2)}},
		{"PHP calendar days: the day before the 18th day", cal, psigned, []date.Date{padm + 16}, iop.Findings{due(cal, padm+17, 2)}},
		{"PHP calendar days: the 18th day", cal, psigned, []date.Date{padm + 17}, iop.Findings{due(cal, padm+17, 2)}},
		{"PHP calendar days: the day after", cal, psigned, []date.Date{padm + 18}, iop.Findings{missing(padm + 18), due(cal, padm+17, 2)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, certCheck(t, checker(t, tt.profile), tt.c, tt.days...))
		})
	}
}

func TestCheckCertification(t *testing.T) {
	php := calendarPHP()
	ck := checker(t, php)
	adm := day(2025, 1, 6) // a Monday
	missing := func(d date.Date) iop.Finding {
		return finding(schedule.CodeCertificationMissing, iop.Finding{Subject: "p-1", Day: d})
	}
	due := func(d date.Date, n int64) iop.Finding {
		return finding(schedule.CodeCertificationDue, iop.Finding{Subject: "p-1", Day: d, Need: n, Got: n - 1, Unit: iop.UnitCount})
	}
	tests := []struct {
		name     string
		week     date.Date
		days     []int // days of service, from the week's Monday
		signed   []date.Date
		reviewed []date.Date
		want     iop.Findings
	}{
		{"covered from admission, signed on the day due", adm, []int{0, 1, 2}, []date.Date{adm}, nil, nil},
		{"not yet signed", adm, []int{0, 1}, nil, nil,
			iop.Findings{missing(adm), missing(adm + 1), due(adm, 1)}},
		{"signed the day before admission", adm, []int{0, 1}, []date.Date{adm - 1}, nil, nil},
		{"signed late: the days before are not covered", adm, []int{0, 1, 2}, []date.Date{adm + 2}, nil,
			iop.Findings{missing(adm), missing(adm + 1), due(adm, 1)}},
		{"the 18th day is covered, the recertification due by Thursday", adm + 14, []int{2, 3}, []date.Date{adm}, nil,
			iop.Findings{due(adm+17, 2)}},
		{"the 19th day without a recertification is not", adm + 14, []int{3, 4}, []date.Date{adm}, nil,
			iop.Findings{missing(adm + 18), due(adm+17, 2)}},
		{"a late recertification leaves a gap", adm + 14, []int{3, 4, 6}, []date.Date{adm, adm + 20}, nil,
			iop.Findings{missing(adm + 18), due(adm+17, 2)}},
		{"a recertification signed early starts the next interval", adm + 14, []int{3, 4}, []date.Date{adm, adm + 17}, nil, nil},
		{"a recertification covers 30 days on", adm + 42, []int{0, 1, 2}, []date.Date{adm, adm + 18}, []date.Date{adm + 30},
			iop.Findings{due(adm+48, 3)}},
		{"the plan of care due for review after 31 days", adm + 28, []int{3, 4}, []date.Date{adm, adm + 18}, nil,
			iop.Findings{finding(schedule.CodePlanReviewOverdue, iop.Finding{Subject: "p-1", Day: adm + 32, Need: 31, Got: 32, Unit: iop.UnitDays})}},
		{"day 31 is in time", adm + 28, []int{2, 3}, []date.Date{adm, adm + 18}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := schedule.ISOWeeks().Of(tt.week)
			var ss []schedule.Session
			for _, d := range tt.days {
				ss = append(ss, at(w.Day(d), 240))
			}
			got, err := ck.CheckCertification(ptr(summarize(t, ck, tt.week, ss...)), schedule.Certifications{Admitted: adm, Signed: tt.signed, Reviewed: tt.reviewed})
			require.NoError(t, err)
			assert.Equal(t, tt.want, covered(t, ck, got))
		})
	}
	t.Run("a profile without certification rules", func(t *testing.T) {
		asam := checker(t, ioprules.ASAM3Level21())
		fs, err := asam.CheckCertification(ptr(summarize(t, asam, adm, at(adm, 60))), schedule.Certifications{Admitted: adm})
		require.NoError(t, err)
		assert.Nil(t, fs)
	})
	t.Run("appended", func(t *testing.T) {
		dst := iop.Findings{{Code: "x"}}
		got, err := ck.AppendCertification(dst, ptr(summarize(t, ck, adm, at(adm, 60))), schedule.Certifications{Admitted: adm})
		require.NoError(t, err)
		assert.Equal(t, append(dst, missing(adm), due(adm, 1)), got)
	})
}

func TestCertificationsValidate(t *testing.T) {
	adm := day(2025, 1, 6)
	const order = "out of order: not in ascending order after admission"
	tests := []struct {
		name string
		c    schedule.Certifications
		want map[string]string
	}{
		{"no admission", schedule.Certifications{}, map[string]string{"admitted": "missing"}},
		{"an unset signing", schedule.Certifications{Admitted: adm, Signed: []date.Date{0}}, map[string]string{"signed[0]": "missing"}},
		{"recertified before admission", schedule.Certifications{Admitted: adm, Signed: []date.Date{adm - 3, adm - 1}}, map[string]string{"signed[1]": order}},
		{"signings out of order", schedule.Certifications{Admitted: adm, Signed: []date.Date{adm, adm + 9, adm + 9}}, map[string]string{"signed[2]": order}},
		{"an unset review", schedule.Certifications{Admitted: adm, Reviewed: []date.Date{adm + 1, 0}}, map[string]string{"reviewed[1]": "missing"}},
		{"reviewed before admission", schedule.Certifications{Admitted: adm, Reviewed: []date.Date{adm - 1}}, map[string]string{"reviewed[0]": order}},
		{"service days out of order", schedule.Certifications{Admitted: adm, ServiceDays: []date.Date{adm + 1, adm}}, map[string]string{"service_days[1]": order}},
		{"a service day in year 0", schedule.Certifications{Admitted: adm, ServiceDays: []date.Date{day(0, 1, 1)}},
			map[string]string{"service_days[0]": "out of range: a service date is from 1970-01-01 to 2199-12-31"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fieldErrors(t, tt.c.Validate()))
			ck := checker(t, ioprules.MedicarePHP2025())
			_, err := ck.CheckCertification(ptr(summarize(t, ck, adm)), tt.c)
			want := map[string]string{}
			for f, r := range tt.want {
				want["certifications."+f] = r
			}
			assert.Equal(t, want, fieldErrors(t, err))
		})
	}
	require.NoError(t, schedule.Certifications{Admitted: adm, Signed: []date.Date{adm - 1, adm + 18}}.Validate(), "an initial certification may precede admission")
	ck := checker(t, ioprules.MedicarePHP2025())
	_, err := ck.CheckCertification(&schedule.WeekSummary{}, schedule.Certifications{Admitted: adm})
	assert.Equal(t, map[string]string{"summary.week": "missing"}, fieldErrors(t, err))
	_, err = schedule.Checker{}.CheckCertification(&schedule.WeekSummary{}, schedule.Certifications{Admitted: adm})
	require.ErrorIs(t, err, iop.ErrMissing)
}

func TestCertificationsJSON(t *testing.T) {
	var c schedule.Certifications
	require.NoError(t, c.UnmarshalJSON([]byte(`{"admitted":"2024-02-29","signed":["2024-02-29","2024-03-18"],"reviewed":["2024-03-20"]}`)))
	assert.Equal(t, schedule.Certifications{Admitted: day(2024, 2, 29), Signed: []date.Date{day(2024, 2, 29), day(2024, 3, 18)}, Reviewed: []date.Date{day(2024, 3, 20)}}, c)
	require.ErrorIs(t, c.UnmarshalJSON([]byte(`{"admitted":"2025-02-29"}`)), iop.ErrInvalidDate)
	require.ErrorIs(t, c.UnmarshalJSON([]byte(`{"admitted":"2025-02-28","extra":1}`)), iop.ErrUnknownField)
}
