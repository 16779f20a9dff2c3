package authorization_test

import (
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckStay(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	with := func(f func(a *authorization.Authorization)) []authorization.Authorization {
		a := auth()
		f(&a)
		return []authorization.Authorization{a}
	}
	tenDays := weekdays("2026-03-02", 2) // Mar 2-6 and 9-13: 10 days
	tests := []struct {
		name  string
		auths []authorization.Authorization
		weeks []schedule.WeekSummary
		want  []fx
	}{
		{name: "the last unit on the last authorized day", auths: with(func(*authorization.Authorization) {}),
			weeks: days("P-1", tenDays...)},
		{name: "the day after the expiration", auths: with(func(*authorization.Authorization) {}),
			weeks: days("P-1", append(tenDays, "2026-03-14")...),
			want:  []fx{{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-14"}}},
		{name: "the day before the effective day", auths: with(func(*authorization.Authorization) {}),
			weeks: days("P-1", "2026-03-01", "2026-03-02"),
			want:  []fx{{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-01"}}},
		{name: "one day more than authorized", auths: with(func(a *authorization.Authorization) { a.Quantity = 9 }),
			weeks: days("P-1", tenDays...),
			want: []fx{{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-13",
				need: 9, got: 10, unit: iop.UnitDays}}},
		{name: "two days more: one finding a day", auths: with(func(a *authorization.Authorization) { a.Quantity = 8 }),
			weeks: days("P-1", tenDays...),
			want: []fx{
				{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-12", need: 8, got: 9, unit: iop.UnitDays},
				{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-13", need: 8, got: 10, unit: iop.UnitDays}}},
		{name: "two services a day are one day", auths: with(func(*authorization.Authorization) {}),
			weeks: days("P-1", append(tenDays, tenDays...)...)},
		{name: "visits: the last visit", auths: with(func(a *authorization.Authorization) {
			a.Unit, a.Quantity = authorization.QuantityUnitVisits, 12
		}), weeks: []schedule.WeekSummary{week("P-1", "2026-03-02", []iop.Minutes{180, 180, 180, 180}, []uint16{3, 3, 3, 3})}},
		{name: "visits: one more", auths: with(func(a *authorization.Authorization) {
			a.Unit, a.Quantity = authorization.QuantityUnitVisits, 11
		}), weeks: []schedule.WeekSummary{week("P-1", "2026-03-02", []iop.Minutes{180, 180, 180, 180}, []uint16{3, 3, 3, 3})},
			want: []fx{{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-05", need: 11, got: 12, unit: iop.UnitCount}}},
		{name: "hours: the last minute", auths: with(func(a *authorization.Authorization) {
			a.Unit, a.Quantity = authorization.QuantityUnitHours, 12
		}), weeks: []schedule.WeekSummary{week("P-1", "2026-03-02", []iop.Minutes{180, 180, 180, 180}, []uint16{1, 1, 1, 1})}},
		{name: "hours: one minute more", auths: with(func(a *authorization.Authorization) {
			a.Unit, a.Quantity = authorization.QuantityUnitHours, 12
		}), weeks: []schedule.WeekSummary{week("P-1", "2026-03-02", []iop.Minutes{180, 180, 180, 181}, []uint16{1, 1, 1, 1})},
			want: []fx{{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-05", need: 720, got: 721, unit: iop.UnitMinutes}}},
		{name: "frequency: 5 days in a 5-day week", auths: with(func(a *authorization.Authorization) { a.PerWeek = 5 }),
			weeks: days("P-1", tenDays...)},
		{name: "frequency: 5 days in a 4-day week", auths: with(func(a *authorization.Authorization) { a.PerWeek = 4 }),
			weeks: days("P-1", tenDays...),
			want: []fx{
				{code: authorization.CodeFrequencyExceeded, subject: "AUTH-1", day: "2026-03-02", need: 4, got: 5, unit: iop.UnitDays},
				{code: authorization.CodeFrequencyExceeded, subject: "AUTH-1", day: "2026-03-09", need: 4, got: 5, unit: iop.UnitDays}}},
		{name: "frequency counts the authorization's weeks, not the summaries'", auths: with(func(a *authorization.Authorization) {
			a.Effective, a.PerWeek = day("2026-03-04"), 3 // Wednesday to Tuesday
		}), weeks: days("P-1", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-09", "2026-03-10", "2026-03-11"),
			want: []fx{{code: authorization.CodeFrequencyExceeded, subject: "AUTH-1", day: "2026-03-04", need: 3, got: 5, unit: iop.UnitDays}}},
		{name: "pended: each day reported", auths: with(func(a *authorization.Authorization) { a.Action = authorization.ActionPended }),
			weeks: days("P-1", "2026-03-02", "2026-03-03"),
			want: []fx{
				{code: authorization.CodeNotCertified, subject: "AUTH-1", day: "2026-03-02"},
				{code: authorization.CodeNotCertified, subject: "AUTH-1", day: "2026-03-03"}}},
		{name: "not required: nothing counted", auths: with(func(a *authorization.Authorization) {
			a.Action, a.Quantity, a.Unit = authorization.ActionNotRequired, 0, 0
		}), weeks: days("P-1", tenDays...)},
		{name: "rule order across days", auths: with(func(a *authorization.Authorization) { a.Quantity, a.PerWeek = 4, 4 }),
			weeks: days("P-1", "2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-14"),
			want: []fx{
				{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-01"},
				{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-14"},
				{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-06", need: 4, got: 5, unit: iop.UnitDays},
				{code: authorization.CodeFrequencyExceeded, subject: "AUTH-1", day: "2026-03-02", need: 4, got: 5, unit: iop.UnitDays}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckStay(tt.auths, tt.weeks, day("2026-03-13"), 0)
			require.NoError(t, err)
			assert.Equal(t, want(t, ck, tt.want...), fs)
			cover.Check(t, ck.Profile(), fs)
		})
	}
}

// TestCheckStayTwoAuthorizations: consecutive authorizations share the
// stay; overlapping ones are reported, and a denied one covers nothing.
func TestCheckStayTwoAuthorizations(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	first, second := auth(), auth()
	first.Expiration, first.Quantity = day("2026-03-06"), 5
	second.Number, second.Effective, second.Quantity = "AUTH-2", day("2026-03-09"), 5
	weeks := days("P-1", weekdays("2026-03-02", 2)...)

	fs, err := ck.CheckStay([]authorization.Authorization{first, second}, weeks, day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Nil(t, fs, "5 days under each")

	second.Effective = day("2026-03-06")
	fs, err = ck.CheckStay([]authorization.Authorization{first, second}, weeks, day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeOverlap, subject: "AUTH-2", day: "2026-03-06", got: 1, unit: iop.UnitDays}), fs)
	cover.Check(t, ck.Profile(), fs)

	second.Effective = day("2026-03-07") // the day after the first's last day
	fs, err = ck.CheckStay([]authorization.Authorization{first, second}, weeks, day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Nil(t, fs, "adjacent periods do not overlap")

	second.Effective = day("2026-03-06")
	second.Codes = [8]string{"90853"} // another service: no overlap, and H0015 days past the first are outside
	fs, err = ck.CheckStay([]authorization.Authorization{first, second}, weeks, day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Nil(t, fs, "a week summary's service counts against any authorization of its day")

	denied := second
	denied.Codes, denied.Action, denied.Effective = [8]string{}, authorization.ActionNotCertified, day("2026-03-02")
	fs, err = ck.CheckStay([]authorization.Authorization{denied, first}, days("P-1", "2026-03-02", "2026-03-09"), day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeNotCertified, subject: "AUTH-2", day: "2026-03-09"}), fs,
		"a day both cover counts against the certified one")
}

// TestCheckStayCountsAsSchedule: the use counted is schedule's count, with
// repeated and overlapping sessions counted once.
func TestCheckStayCountsAsSchedule(t *testing.T) {
	sck, err := schedule.NewChecker(profile())
	require.NoError(t, err)
	w := schedule.ISOWeeks().Of(day("2026-03-02"))
	session := func(id, d string, start string, minutes iop.Minutes) schedule.Session {
		return schedule.Session{ID: id, Patient: "P-1", Date: day(d), Start: schedule.MustParseClock(start), Planned: minutes,
			Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}
	}
	ss := []schedule.Session{
		session("S-1", "2026-03-02", "09:00", 60),
		session("S-1", "2026-03-02", "09:00", 60), // repeated: once
		session("S-2", "2026-03-02", "09:30", 60), // overlaps S-1 by 30 minutes
		session("S-3", "2026-03-03", "09:00", 60),
	}
	sum, err := sck.Summarize(w, ss)
	require.NoError(t, err)
	require.Equal(t, iop.Minutes(150), sum.Minutes)
	require.Equal(t, 2, sum.Days())

	ck := newChecker(t, authorization.Terms{})
	for _, tt := range []struct {
		unit authorization.QuantityUnit
		used int64
	}{
		{authorization.QuantityUnitDays, 2},
		{authorization.QuantityUnitVisits, int64(sum.Services())},
		{authorization.QuantityUnitHours, 150},
	} {
		a := auth()
		a.Unit = tt.unit
		rs, err := ck.Remaining([]authorization.Authorization{a}, []schedule.WeekSummary{sum}, day("2026-03-03"))
		require.NoError(t, err)
		require.Len(t, rs, 1)
		assert.Equal(t, tt.used, rs[0].Used, "unit %s", tt.unit)
	}
}

func TestCheckStayErrors(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	bad := auth()
	bad.Expiration = day("2026-03-01")
	other := auth()
	other.Patient = "P-2"
	units := auth()
	units.Unit = authorization.QuantityUnitUnits
	ws := days("P-1", "2026-03-09", "2026-03-02")
	tests := []struct {
		name  string
		auths []authorization.Authorization
		weeks []schedule.WeekSummary
		asOf  date.Date
		want  iop.FieldErrors
	}{
		{name: "expiration before effective", auths: []authorization.Authorization{bad}, asOf: day("2026-03-13"),
			want: iop.FieldErrors{{Field: "authorizations[0].expiration", Err: authorization.ErrExpiration}}},
		{name: "two patients", auths: []authorization.Authorization{auth(), other}, asOf: day("2026-03-13"),
			want: iop.FieldErrors{{Field: "authorizations[1].patient", Err: authorization.ErrOtherPatient}}},
		{name: "units from summaries", auths: []authorization.Authorization{units}, asOf: day("2026-03-13"),
			want: iop.FieldErrors{{Field: "authorizations[0].unit", Err: authorization.ErrUnitsOnWeeks}}},
		{name: "weeks out of order", auths: []authorization.Authorization{auth()}, weeks: ws, asOf: day("2026-03-13"),
			want: iop.FieldErrors{{Field: "weeks[1].week", Err: authorization.ErrWeekOrder}}},
		{name: "no day judged", auths: []authorization.Authorization{auth()},
			want: iop.FieldErrors{{Field: "asOf", Err: iop.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := iop.Findings{}
			fs, err := ck.AppendStay(dst, tt.auths, tt.weeks, tt.asOf, 0)
			assert.Equal(t, dst, fs)
			var got iop.FieldErrors
			require.ErrorAs(t, err, &got)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := authorization.Checker{}.CheckStay(nil, nil, day("2026-03-13"), 0)
	require.ErrorIs(t, err, iop.ErrMissing)
}

// TestCheckStayRenewal: a renewal that starts before the authorization it
// follows expires takes over once that one is used up; the overlap is
// reported.
func TestCheckStayRenewal(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	first, renewal := auth(), auth()
	first.Expiration = day("2026-03-31")
	renewal.Number, renewal.Effective, renewal.Expiration = "AUTH-2", day("2026-03-16"), day("2026-04-15")
	weeks := days("P-1", weekdays("2026-03-02", 3)...) // 15 days
	auths := []authorization.Authorization{first, renewal}
	fs, err := ck.CheckStay(auths, weeks, day("2026-03-20"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck, fx{code: authorization.CodeOverlap, subject: "AUTH-2", day: "2026-03-16", got: 16, unit: iop.UnitDays}), fs)
	rs, err := ck.Remaining(auths, weeks, day("2026-03-20"))
	require.NoError(t, err)
	require.Len(t, rs, 2)
	assert.Equal(t, []int64{10, 5}, []int64{rs[0].Used, rs[1].Used})

	// Both used up: the day goes to the first, beyond its quantity.
	weeks = days("P-1", weekdays("2026-03-02", 5)[:21]...)
	fs, err = ck.CheckStay(auths, weeks, day("2026-03-30"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck,
		fx{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-30", need: 10, got: 11, unit: iop.UnitDays},
		fx{code: authorization.CodeOverlap, subject: "AUTH-2", day: "2026-03-16", got: 16, unit: iop.UnitDays}), fs)
}
