package schedule_test

import (
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// benchWeek is one compliant patient-week: five attended 2-hour groups,
// Monday to Friday, 10h00m against Medicare's 9-19 hours.
func benchWeek() ([]schedule.Session, schedule.Week) {
	w := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	ss := make([]schedule.Session, 5)
	for i := range ss {
		ss[i] = schedule.Session{Patient: "p-1", Date: w.Day(i), Start: schedule.MustParseClock("09:00"),
			Planned: iop.Hours(2), Kind: schedule.GroupTherapy, Attendance: schedule.Attended}
	}
	return ss, w
}

func BenchmarkCheckWeek(b *testing.B) {
	ck, err := schedule.NewChecker(iop.ASAM3Level21(), schedule.DefaultCounting())
	require.NoError(b, err)
	ss, w := benchWeek()
	ep := schedule.Episode{Population: iop.Adult, Admitted: date.New(2025, 1, 6)}
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		fs, err := ck.Week(ck.Summarize(w, ss), ep)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// batchSessions returns 10,000 patients x 20 weeks x 5 sessions, grouped by
// patient and week.
func batchSessions() []schedule.Session {
	const patients, weeks, perWeek = 10_000, 20, 5
	ss := make([]schedule.Session, 0, patients*weeks*perWeek)
	first := schedule.ISOWeeks().Of(date.New(2025, 1, 6))
	for p := range patients {
		id := fmt.Sprintf("p%05d", p)
		w := first
		for range weeks {
			for d := range perWeek {
				ss = append(ss, schedule.Session{Patient: id, Date: w.Day(d), Start: schedule.MustParseClock("09:00"),
					Planned: iop.Hours(2), Kind: schedule.GroupTherapy, Attendance: schedule.Attended})
			}
			w = w.Next()
		}
	}
	return ss
}

func benchBatch(b *testing.B, ss []schedule.Session) {
	ck, err := schedule.NewChecker(iop.MedicareIOP2024(), schedule.DefaultCounting())
	require.NoError(b, err)
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks(), nil)
	require.NoError(b, err)
	out, _ := sz.Summarize(nil, ss) // warm up: steady state reuses the scratch memory and out
	b.ReportAllocs()
	defer reportCPU(b, cpuTime())
	for b.Loop() {
		var st schedule.BatchStats
		out, st = sz.Summarize(out[:0], ss)
		if st.Weeks != 200_000 {
			b.Fatal(st)
		}
	}
}

func BenchmarkBatchGrouped(b *testing.B) { benchBatch(b, batchSessions()) }

func BenchmarkBatchShuffled(b *testing.B) {
	ss := batchSessions()
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
	benchBatch(b, ss)
}

// cpuTime returns the CPU time the process has used. Benchmarks report it
// per op ("cpu-ns/op") beside the wall time, which other load on the machine
// inflates.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-ns/op metric for the loop that started at start.
func reportCPU(b *testing.B, start time.Duration) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
	}
}
