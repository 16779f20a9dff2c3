package authorization_test

import (
	"fmt"
	"github.com/ioprules/ioprules"
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

const (
	benchPatients = 20_000
	benchWeeks    = 10
	benchPerWeek  = 5
)

var benchStart = date.New(2026, 1, 5) // a Monday, in the test profile's year (Medicare IOP 2026)

// benchSessions returns patients x 10 weeks x 5 sessions of 1h48m, three
// on Monday and two on Wednesday, grouped by patient and week, patients in
// order of ID: schedule's batch benchmark.
func benchSessions(patients int) []schedule.Session {
	ss := make([]schedule.Session, 0, patients*benchWeeks*benchPerWeek)
	first := schedule.ISOWeeks().Of(benchStart)
	for p := range patients {
		id := fmt.Sprintf("p%05d", p)
		w := first
		for range benchWeeks {
			for j := range benchPerWeek {
				d, hour := 0, 8+2*(j%3)
				if j >= 3 {
					d, hour = 2, 10+2*(j%3)
				}
				start, _ := schedule.ClockOf(hour, 0)
				ss = append(ss, schedule.Session{Patient: id, Date: w.Day(d), Start: start,
					Planned: 108, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
			}
			w = w.Next()
		}
	}
	return ss
}

// benchAuths returns one authorization a patient: 19 days over the 10
// weeks, at most 2 a week, its review asked for; the 20th day of service
// goes past it, one finding a patient.
func benchAuths(patients int) []authorization.Authorization {
	as := make([]authorization.Authorization, patients)
	for p := range as {
		as[p] = authorization.Authorization{Number: fmt.Sprintf("a%05d", p), Payer: "PAYER-1", Patient: fmt.Sprintf("p%05d", p),
			Level: iop.Level21, Quantity: 19, Unit: authorization.QuantityUnitDays, PerWeek: 2,
			Effective: benchStart, Expiration: benchStart + 7*benchWeeks - 1, Action: authorization.ActionCertified,
			ReviewRequested: benchStart + 40}
	}
	return as
}

// BenchmarkStays summarises 1,000,000 sessions (20,000 patients x 10
// weeks x 5) into 200,000 patient-week summaries with a schedule
// Summarizer ("summarize"), and checks the 200,000 patient-weeks against
// their authorizations with CheckStays ("check": every rule, with a
// review lead time), with the summaries and findings reused from call to
// call. "baseline" is the quantity and frequency judgement written by
// hand over the same summaries. Target: check at most 1.5x summarize, and
// no allocation once warm.
func BenchmarkStays(b *testing.B) {
	sck, err := schedule.NewChecker(ioprules.MedicareIOP2024())
	require.NoError(b, err)
	ss := benchSessions(benchPatients)
	sz, err := schedule.NewSummarizer(sck, schedule.ISOWeeks())
	require.NoError(b, err)
	sums, st := sz.Summarize(nil, ss)
	require.Equal(b, benchPatients*benchWeeks, st.Weeks)
	auths := benchAuths(benchPatients)
	asOf := benchStart + 7*benchWeeks - 1
	ck := newChecker(b, reviewTerms())

	b.Run("summarize", func(b *testing.B) {
		sums := sums[:0]
		b.ReportAllocs()
		for b.Loop() {
			sums, st = sz.Summarize(sums[:0], ss)
			if st.Weeks != benchPatients*benchWeeks {
				b.Fatal(st)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(st.Weeks), "ns/week")
	})
	b.Run("check", func(b *testing.B) {
		fs, err := ck.AppendStays(nil, auths, sums, asOf)
		require.NoError(b, err)
		require.Len(b, fs, benchPatients)
		b.ReportAllocs()
		for b.Loop() {
			if fs, err = ck.AppendStays(fs[:0], auths, sums, asOf); err != nil || len(fs) != benchPatients {
				b.Fatal(len(fs), err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sums)), "ns/week")
	})
	b.Run("baseline", func(b *testing.B) {
		fs := make(iop.Findings, 0, benchPatients)
		b.ReportAllocs()
		for b.Loop() {
			fs = fs[:0]
			a := 0
			var used int64
			for i := range sums {
				s := &sums[i]
				if i == 0 || s.Patient != sums[i-1].Patient {
					for auths[a].Patient != s.Patient {
						a++
					}
					used = 0
				}
				au := &auths[a]
				var week int64
				for j, m := range s.DayMinutes {
					d := s.Week.Day(j)
					if m == 0 || d < au.Effective || d > au.Expiration {
						continue
					}
					used++
					week++
					if used > int64(au.Quantity) {
						fs = append(fs, iop.Finding{Code: authorization.CodeQuantityExceeded, Severity: iop.SeverityBlocking, Subject: au.Number,
							Day: d, Need: int64(au.Quantity), Got: used, Unit: iop.UnitDays})
					}
				}
				if week > int64(au.PerWeek) {
					b.Fatal(week)
				}
			}
			if len(fs) != benchPatients {
				b.Fatal(len(fs))
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(sums)), "ns/week")
	})
}

// BenchmarkCheckStay checks one patient's 10 weeks against one
// authorization into a reused slice.
func BenchmarkCheckStay(b *testing.B) {
	ck := newChecker(b, reviewTerms())
	auths := benchAuths(1)
	weeks := days("p00000", weekdays("2026-01-05", 10)[:0]...)
	for w := range benchWeeks {
		weeks = append(weeks, week("p00000", (benchStart+date.Date(7*w)).Format(date.ISO8601),
			[]iop.Minutes{324, 0, 216}, []uint16{3, 0, 2}))
	}
	fs := make(iop.Findings, 0, 4)
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if fs, err = ck.AppendStay(fs[:0], auths, weeks, benchStart+69, 0); err != nil || len(fs) != 1 {
			b.Fatal(fs, err)
		}
	}
}
