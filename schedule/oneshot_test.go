package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// The one-shot form of a check (CheckWeek, CheckClaim) and its append form
// (AppendWeek, AppendClaim into a reused slice) side by side, with a
// hand-written loop that builds the same findings, for a week with 0, 1
// and 5 findings under Medicare IOP 2025. The one-shot form costs the
// append form plus one allocation when it returns findings, none when it
// does not:
//
//	go test -run '^$' -bench 'OneShot|Append|HandWritten' -benchmem ./schedule/

// oneShotWeeks are the patient-weeks from Monday 2025-03-03 with 0, 1 and
// 5 findings: sessions per day (60 minutes each) for Monday to Friday.
var oneShotWeeks = []struct {
	name     string
	perDay   [5]int
	findings int
}{
	{"0findings", [5]int{3, 0, 3, 0, 3}, 0}, // 9 h, three 3-service days
	{"1finding", [5]int{3, 3, 3, 2, 0}, 1},  // 11 h, Thursday below the tier
	{"5findings", [5]int{1, 1, 1, 1, 3}, 5}, // 7 h below 9 h, four days below the tier
}

func oneShotWeek(perDay [5]int) ([]schedule.Session, schedule.Week) {
	w := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	var ss []schedule.Session
	for d, n := range perDay {
		for j := range n {
			start, _ := schedule.ClockOf(9+j, 0)
			ss = append(ss, schedule.Session{Patient: "p-1", Date: w.Day(d), Start: start,
				Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
		}
	}
	return ss, w
}

func medicare2025(tb testing.TB) schedule.Checker {
	tb.Helper()
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(tb, err)
	return ck
}

func BenchmarkWeekOneShot(b *testing.B) {
	ck := medicare2025(b)
	for _, tc := range oneShotWeeks {
		ss, w := oneShotWeek(tc.perDay)
		sum, err := ck.Summarize(w, ss)
		require.NoError(b, err)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, err := ck.CheckWeek(&sum, benchEpisode)
				if err != nil || len(fs) != tc.findings {
					b.Fatal(fs, err)
				}
			}
		})
	}
}

func BenchmarkWeekAppend(b *testing.B) {
	ck := medicare2025(b)
	for _, tc := range oneShotWeeks {
		ss, w := oneShotWeek(tc.perDay)
		sum, err := ck.Summarize(w, ss)
		require.NoError(b, err)
		dst := make(iop.Findings, 0, 8)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dst, err = ck.AppendWeek(dst[:0], &sum, benchEpisode)
				if err != nil || len(dst) != tc.findings {
					b.Fatal(dst, err)
				}
			}
		})
	}
}

// BenchmarkWeekHandWritten is the baseline: the weekly minimum and the
// per-day tier judged by hand from the same summary's minutes and
// services, the findings built into a new slice when there are any, as a
// one-shot call returns them.
func BenchmarkWeekHandWritten(b *testing.B) {
	ck := medicare2025(b)
	for _, tc := range oneShotWeeks {
		ss, w := oneShotWeek(tc.perDay)
		sum, err := ck.Summarize(w, ss)
		require.NoError(b, err)
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var buf [8]iop.Finding
				fs := buf[:0]
				if sum.Minutes < 540 {
					fs = append(fs, iop.Finding{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.SeverityWarning,
						Subject: sum.Patient, Need: 540, Got: int64(sum.Minutes), Unit: iop.UnitMinutes})
				}
				for d, n := range sum.DayServices {
					if n > 0 && n < 3 {
						fs = append(fs, iop.Finding{Code: schedule.CodeBelowTier, Severity: iop.SeverityBlocking,
							Subject: sum.Patient, Day: sum.Week.Day(d), Need: 3, Got: int64(n), Unit: iop.UnitCount})
					}
				}
				var out iop.Findings
				if len(fs) > 0 {
					out = append(iop.Findings(nil), fs...)
				}
				if len(out) != tc.findings {
					b.Fatal(out)
				}
			}
		})
	}
}

// oneShotClaim is one claim of three lines on 2025-03-03 under Medicare
// IOP 2025; bad makes its first line a code excluded from program claims,
// one finding.
func oneShotClaim(bad bool) []schedule.ClaimLine {
	day := date.New(2025, 3, 3)
	line := func(n int, code string) schedule.ClaimLine {
		return schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: n, Date: day, Revenue: "0915", Code: code,
			Units: 1, BillType: "0131", ConditionCodes: [4]string{"92"}}
	}
	ls := []schedule.ClaimLine{line(1, "G0410"), line(2, "G0411"), line(3, "90834")}
	if bad {
		ls[0].Code = "90853"
	}
	return ls
}

func BenchmarkClaimOneShot(b *testing.B) {
	ck := medicare2025(b)
	for _, bad := range []bool{false, true} {
		lines := oneShotClaim(bad)
		want, err := ck.CheckClaim(lines)
		require.NoError(b, err)
		b.Run(map[bool]string{false: "0findings", true: "1finding"}[bad], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				fs, err := ck.CheckClaim(lines)
				if err != nil || len(fs) != len(want) {
					b.Fatal(fs, err)
				}
			}
		})
	}
}

func BenchmarkClaimAppend(b *testing.B) {
	ck := medicare2025(b)
	for _, bad := range []bool{false, true} {
		lines := oneShotClaim(bad)
		want, err := ck.CheckClaim(lines)
		require.NoError(b, err)
		dst := make(iop.Findings, 0, 8)
		b.Run(map[bool]string{false: "0findings", true: "1finding"}[bad], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				dst, err = ck.AppendClaim(dst[:0], lines)
				if err != nil || len(dst) != len(want) {
					b.Fatal(dst, err)
				}
			}
		})
	}
}

// BenchmarkClaimHandWritten is the baseline: the excluded-code rule alone,
// by hand, over the same lines.
func BenchmarkClaimHandWritten(b *testing.B) {
	for _, bad := range []bool{false, true} {
		lines := oneShotClaim(bad)
		b.Run(map[bool]string{false: "0findings", true: "1finding"}[bad], func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var out iop.Findings
				for i := range lines {
					if lines[i].Code == "90853" {
						out = append(out, iop.Finding{Code: schedule.CodeClaimCodeExcluded, Severity: iop.SeverityBlocking,
							Subject: lines[i].Claim, Day: lines[i].Date, Got: 1, Unit: iop.UnitCount})
						break
					}
				}
				if (len(out) == 1) != bad {
					b.Fatal(out)
				}
			}
		})
	}
}
