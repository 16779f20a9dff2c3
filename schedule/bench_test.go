package schedule_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// cpuTime returns the CPU time the process has used. The benchmarks report
// it per op ("cpu-ns/op") beside the wall time, which other load on a shared
// machine inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-ns/op metric for a loop that started at start.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

// benchWeek is one patient-week of five attended sessions, Monday to
// Friday, of the given length: compliant with each profile benchmarked.
func benchWeek(minutes iop.Minutes) ([]schedule.Session, schedule.Week) {
	w := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	ss := make([]schedule.Session, 5)
	for i := range ss {
		ss[i] = schedule.Session{Patient: "p-1", Date: w.Day(i), Start: schedule.MustParseClock("09:00"),
			Planned: minutes, Kind: schedule.GroupTherapy, Attendance: schedule.Attended}
	}
	return ss, w
}

// benchProfiles are compliant with five 3-hour sessions (15 hours) a week.
// Medicare IOP is not among them: its per-diem tiers need 3 services a day,
// which five sessions cannot give on more than one day.
func benchProfiles() []iop.Profile {
	return []iop.Profile{iop.ASAM3Level21(), iop.DCLevel21(), iop.H0015(), iop.S9480NewYork()}
}

// BenchmarkCheckWeek summarises one patient-week of 5 sessions and checks
// it against a profile: the compliant path, which must not allocate.
func BenchmarkCheckWeek(b *testing.B) {
	for _, p := range benchProfiles() {
		b.Run(p.ID, func(b *testing.B) {
			ck, err := schedule.NewChecker(p, schedule.DefaultCounting())
			require.NoError(b, err)
			ss, w := benchWeek(180)
			ep := schedule.Episode{Population: iop.Adult, Admitted: date.New(2025, 1, 6)}
			b.ReportAllocs()
			defer reportCPU(b, cpuTime())
			for b.Loop() {
				fs, err := ck.Week(ck.Summarize(w, ss), ep)
				if err != nil || fs != nil {
					b.Fatal(fs, err)
				}
			}
		})
	}
}

// BenchmarkWeekOnly checks a summary made beforehand.
func BenchmarkWeekOnly(b *testing.B) {
	ck, err := schedule.NewChecker(iop.ASAM3Level21(), schedule.DefaultCounting())
	require.NoError(b, err)
	ss, w := benchWeek(180)
	sum := ck.Summarize(w, ss)
	ep := schedule.Episode{Population: iop.Adult, Admitted: date.New(2025, 1, 6)}
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		if fs, err := ck.Week(sum, ep); err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkWeekBlocking is the failing path: one blocking finding.
func BenchmarkWeekBlocking(b *testing.B) {
	ck, err := schedule.NewChecker(iop.ASAM3Level21(), schedule.DefaultCounting())
	require.NoError(b, err)
	ss, w := benchWeek(107) // 535 minutes
	ep := schedule.Episode{Population: iop.Adult, Admitted: date.New(2025, 1, 6)}
	b.ReportAllocs()
	for b.Loop() {
		if fs, err := ck.Week(ck.Summarize(w, ss), ep); err != nil || len(fs) != 1 {
			b.Fatal(fs, err)
		}
	}
}

const (
	benchPatients = 10_000
	benchWeeks    = 20
	benchPerWeek  = 5
)

// batchSessions returns patients x 20 weeks x 5 sessions, grouped by
// patient and week, patients in order of ID.
func batchSessions(patients int) []schedule.Session {
	ss := make([]schedule.Session, 0, patients*benchWeeks*benchPerWeek)
	first := schedule.ISOWeeks().Of(date.New(2025, 1, 6))
	for p := range patients {
		id := fmt.Sprintf("p%05d", p)
		w := first
		for range benchWeeks {
			for d := range benchPerWeek {
				ss = append(ss, schedule.Session{Patient: id, Date: w.Day(d), Start: schedule.MustParseClock("09:00"),
					Planned: iop.Hours(2), Kind: schedule.GroupTherapy, Attendance: schedule.Attended})
			}
			w = w.Next()
		}
	}
	return ss
}

func shuffled(ss []schedule.Session) []schedule.Session {
	out := slices.Clone(ss)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// BenchmarkBatch summarises 1,000,000 sessions (10,000 patients x 20 weeks
// x 5) into 200,000 patient-week summaries, from a slice or an iterator,
// grouped by patient or in random order, with a Summarizer and an output
// slice reused from call to call (the steady state of a billing engine).
func BenchmarkBatch(b *testing.B) {
	grouped := batchSessions(benchPatients)
	inputs := []struct {
		name string
		ss   []schedule.Session
	}{{"grouped", grouped}, {"shuffled", shuffled(grouped)}}
	ck, err := schedule.NewChecker(iop.MedicareIOP2024(), schedule.DefaultCounting())
	require.NoError(b, err)
	for _, in := range inputs {
		for _, seq := range []bool{false, true} {
			name := in.name + "/slice"
			if seq {
				name = in.name + "/seq"
			}
			b.Run(name, func(b *testing.B) {
				sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks(), nil)
				require.NoError(b, err)
				run := func(dst []schedule.WeekSummary) ([]schedule.WeekSummary, schedule.BatchStats) {
					if seq {
						return sz.SummarizeSeq(dst, slices.Values(in.ss))
					}
					return sz.Summarize(dst, in.ss)
				}
				out, _ := run(nil) // warm up the scratch memory and out
				b.ReportAllocs()
				defer reportCPU(b, cpuTime())
				for b.Loop() {
					var st schedule.BatchStats
					out, st = run(out[:0])
					if st.Weeks != benchPatients*benchWeeks {
						b.Fatal(st)
					}
				}
			})
		}
	}
}

// BenchmarkBatchCold is BenchmarkBatch with a new Summarizer and a nil
// output slice each time, at two sizes: the allocations per call stay a few
// dozen whatever the number of sessions.
func BenchmarkBatchCold(b *testing.B) {
	ck, err := schedule.NewChecker(iop.MedicareIOP2024(), schedule.DefaultCounting())
	require.NoError(b, err)
	for _, patients := range []int{1_000, benchPatients} {
		grouped := batchSessions(patients)
		for _, in := range []struct {
			name string
			ss   []schedule.Session
		}{{"grouped", grouped}, {"shuffled", shuffled(grouped)}} {
			b.Run(fmt.Sprintf("%s/%d", in.name, len(in.ss)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks(), nil)
					if err != nil {
						b.Fatal(err)
					}
					if _, st := sz.Summarize(nil, in.ss); st.Weeks != patients*benchWeeks {
						b.Fatal(st)
					}
				}
			})
		}
	}
}
