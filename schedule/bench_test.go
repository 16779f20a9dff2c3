package schedule_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// The benchmarks whose names hold "Medicare" are the targets of the
// checker's performance, each beside a hand-written loop ("Baseline") that
// does the same work with no library: the ratio is what matters on a noisy
// machine.
//
//	go test -run '^$' -bench . -benchmem ./schedule/

// medicareWeek returns the sessions of one patient-week from Monday
// 2025-03-03: on each day of days, n attended 60-minute group sessions.
func medicareWeek(days []int, n int) ([]schedule.Session, schedule.Week) {
	w := schedule.ISOWeeks().Of(date.New(2025, 3, 3))
	var ss []schedule.Session
	for _, d := range days {
		for j := range n {
			start, _ := schedule.ClockOf(9+j, 0)
			ss = append(ss, schedule.Session{Patient: "p-1", Date: w.Day(d), Start: start,
				Planned: 60, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
		}
	}
	return ss, w
}

var benchEpisode = schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 1, 6)}

// BenchmarkMedicareCompliantWeek summarises and checks a compliant
// Medicare IOP patient-week: 3 days of three 60-minute countable services.
// Target: 100 ns and no allocation.
func BenchmarkMedicareCompliantWeek(b *testing.B) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(b, err)
	ss, w := medicareWeek([]int{0, 2, 4}, 3)
	b.ReportAllocs()
	for b.Loop() {
		sum, err := ck.Summarize(w, ss)
		if err != nil {
			b.Fatal(err)
		}
		fs, err := ck.CheckWeek(&sum, benchEpisode)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkMedicareCompliantWeekBaseline is the same judgement written by
// hand for this one profile: minutes and services per day, the 9-19 hour
// band, 3 services a day.
func BenchmarkMedicareCompliantWeekBaseline(b *testing.B) {
	ss, w := medicareWeek([]int{0, 2, 4}, 3)
	start := w.Start()
	b.ReportAllocs()
	for b.Loop() {
		var minutes [7]int32
		var services [7]int32
		var total int32
		for i := range ss {
			s := &ss[i]
			d := int(s.Date - start)
			if d < 0 || d >= 7 || s.Attendance != schedule.AttendanceAttended || s.Kind != iop.ServiceKindGroupTherapy {
				continue
			}
			minutes[d] += int32(s.Planned)
			services[d]++
			total += int32(s.Planned)
		}
		ok := total >= 540 && total <= 1140
		for d := range services {
			ok = ok && (services[d] == 0 || services[d] >= 3)
		}
		if !ok {
			b.Fatal(total)
		}
	}
}

// BenchmarkMedicareBelowTier summarises and checks a week of one
// 60-minute session a day on 5 days, appending its findings (the weekly
// minimum and a below-tier day each day) into a reused slice. Target:
// 200 ns and no allocation.
func BenchmarkMedicareBelowTier(b *testing.B) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(b, err)
	ss, w := medicareWeek([]int{0, 1, 2, 3, 4}, 1)
	fs := make(iop.Findings, 0, 8)
	b.ReportAllocs()
	for b.Loop() {
		sum, err := ck.Summarize(w, ss)
		if err != nil {
			b.Fatal(err)
		}
		fs, err = ck.AppendWeek(fs[:0], &sum, benchEpisode)
		if err != nil || len(fs) != 6 {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkMedicareBelowTierBaseline builds the same six findings by hand
// into a reused slice.
func BenchmarkMedicareBelowTierBaseline(b *testing.B) {
	ss, w := medicareWeek([]int{0, 1, 2, 3, 4}, 1)
	start := w.Start()
	fs := make(iop.Findings, 0, 8)
	b.ReportAllocs()
	for b.Loop() {
		var services [7]int64
		var total int64
		for i := range ss {
			s := &ss[i]
			d := int(s.Date - start)
			if d < 0 || d >= 7 || s.Attendance != schedule.AttendanceAttended || s.Kind != iop.ServiceKindGroupTherapy {
				continue
			}
			services[d]++
			total += int64(s.Planned)
		}
		fs = fs[:0]
		if total < 540 {
			fs = append(fs, iop.Finding{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.SeverityBlocking, Subject: ss[0].Patient,
				Need: 540, Got: total, Unit: iop.UnitMinutes})
		}
		for d, n := range services {
			if n > 0 && n < 3 {
				fs = append(fs, iop.Finding{Code: schedule.CodeBelowTier, Severity: iop.SeverityWarning, Subject: ss[0].Patient, Day: start + date.Date(d),
					Need: 3, Got: n, Unit: iop.UnitCount})
			}
		}
		if len(fs) != 6 {
			b.Fatal(fs)
		}
	}
}

const (
	benchPatients = 20_000
	benchWeeks    = 10
	benchPerWeek  = 5
)

// batchSessions returns patients x 10 weeks x 5 sessions of 1h48m, three
// on Monday and two on Wednesday, grouped by patient and week, patients in
// order of ID. Against Medicare IOP each week meets the 9-hour minimum,
// with Wednesday below the lowest payment tier: one finding a patient-week.
func batchSessions(patients int) []schedule.Session {
	ss := make([]schedule.Session, 0, patients*benchWeeks*benchPerWeek)
	first := schedule.ISOWeeks().Of(date.New(2025, 1, 6))
	for p := range patients {
		id := fmt.Sprintf("p%05d", p)
		w := first
		for range benchWeeks {
			for j := range benchPerWeek {
				d, start := 0, schedule.MustParseClock("08:00")
				if j >= 3 {
					d, start = 2, schedule.MustParseClock("10:00")
				}
				start, _ = schedule.ClockOf(start.Hour()+2*(j%3), 0)
				ss = append(ss, schedule.Session{Patient: id, Date: w.Day(d), Start: start,
					Planned: 108, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended})
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

// BenchmarkMedicareBatch summarises 1,000,000 sessions (20,000 patients x
// 10 weeks x 5) into 200,000 patient-week summaries, grouped by patient or
// in random order, and then ("check") checks every patient-week against
// Medicare IOP into one findings slice, with the Summarizer, the summaries
// and the findings reused from call to call: the steady state of a billing
// engine. Target: summarize+check at most twice summarize alone, and no
// allocation per patient-week.
func BenchmarkMedicareBatch(b *testing.B) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(b, err)
	grouped := batchSessions(benchPatients)
	episodes := map[string]schedule.Stay{}
	for _, s := range grouped {
		episodes[s.Patient] = benchEpisode
	}
	// The summaries come sorted by patient: look each patient up once.
	last, lastEp := "", schedule.Stay{}
	episode := func(patient string, _ schedule.Week) schedule.Stay {
		if patient != last {
			last, lastEp = patient, episodes[patient]
		}
		return lastEp
	}
	for _, in := range []struct {
		name string
		ss   []schedule.Session
	}{{"grouped", grouped}, {"shuffled", shuffled(grouped)}} {
		for _, withCheck := range []bool{false, true} {
			name := in.name + "/summarize"
			if withCheck {
				name += "+check"
			}
			b.Run(name, func(b *testing.B) {
				sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
				require.NoError(b, err)
				var sums []schedule.WeekSummary
				var fs iop.Findings
				run := func() {
					var st schedule.BatchStats
					sums, st = sz.Summarize(sums[:0], in.ss)
					if st.Weeks != benchPatients*benchWeeks {
						b.Fatal(st)
					}
					if withCheck {
						if fs, err = ck.AppendWeeks(fs[:0], sums, episode); err != nil || len(fs) != st.Weeks {
							b.Fatal(len(fs), err)
						}
					}
				}
				run() // warm up the scratch memory, the summaries and the findings
				b.ReportAllocs()
				for b.Loop() {
					run()
				}
			})
		}
	}
}

// BenchmarkBatchCold is the batch summary with a new Summarizer and a nil
// output slice each time, at two sizes: the allocations per call stay a
// few dozen whatever the number of sessions.
func BenchmarkBatchCold(b *testing.B) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(b, err)
	for _, patients := range []int{1_000, 10_000} {
		grouped := batchSessions(patients)
		for _, in := range []struct {
			name string
			ss   []schedule.Session
		}{{"grouped", grouped}, {"shuffled", shuffled(grouped)}} {
			b.Run(fmt.Sprintf("%s/%d", in.name, len(in.ss)), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
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

// claimFile returns a claim-line export of n lines with an extra column.
func claimFile(n int) []byte {
	var b bytes.Buffer
	b.WriteString("patient,claim,line,date,revenue,code,modifier1,units,place_of_service,bill_type,condition1,clinician\n")
	for i := range n {
		fmt.Fprintf(&b, "p%06d,c%07d,%d,2025-03-%02d,0915,G0410,,2,,0131,92,Dr %d\n", i/50, i/5, i%5+1, 3+i%5, i%97)
	}
	return b.Bytes()
}

const benchClaimLines = 1_000_000

// BenchmarkReadClaimLines reads 1,000,000 claim lines (one extra column)
// with a ClaimReader, every line checked. Target: within 1.2x of the
// baseline below, at most one allocation per line.
func BenchmarkReadClaimLines(b *testing.B) {
	data := claimFile(benchClaimLines)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cr, err := schedule.NewClaimReader(bytes.NewReader(data), schedule.CSVOptions{IgnoreExtra: true, MaxBytes: -1})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, err := range cr.All() {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchClaimLines {
			b.Fatal(n)
		}
	}
}

// BenchmarkReadClaimLinesBaseline reads the same file with encoding/csv
// into the same structs by hand: fixed columns, the numbers and the date
// parsed, nothing validated.
func BenchmarkReadClaimLinesBaseline(b *testing.B) {
	data := claimFile(benchClaimLines)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r := csv.NewReader(bytes.NewReader(data))
		r.ReuseRecord = true
		if _, err := r.Read(); err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			var l schedule.ClaimLine
			l.Patient, l.Claim = rec[0], rec[1]
			l.Line, _ = strconv.Atoi(rec[2])
			l.Date, _ = date.Parse(date.ISO8601, rec[3])
			l.Revenue, l.Code, l.Modifiers[0] = rec[4], rec[5], rec[6]
			l.Units, _ = strconv.Atoi(rec[7])
			l.PlaceOfService, l.BillType, l.ConditionCodes[0] = rec[8], rec[9], rec[10]
			if l.Units == 0 {
				b.Fatal(l)
			}
			n++
		}
		if n != benchClaimLines {
			b.Fatal(n)
		}
	}
}

// BenchmarkRefuse100MB refuses 100 MB of claim lines: from a bytes.Reader
// (the size is known: refused before reading) and from a stream (refused
// when reading crosses the default limit of 64 MiB).
func BenchmarkRefuse100MB(b *testing.B) {
	row := []byte("p-1,c-1,1,2025-03-03,0915,G0410,2\n")
	big := bytes.Repeat(row, 100<<20/len(row)+1)
	b.Run("sized", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := schedule.NewClaimReader(bytes.NewReader(big), schedule.CSVOptions{MaxBytes: schedule.DefaultMaxBytes}); !errors.Is(err, iop.ErrTooLarge) {
				b.Fatal(err)
			}
		}
	})
	b.Run("stream", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			in := io.MultiReader(strings.NewReader("patient,claim,line,date,revenue,code,units\n"), bytes.NewReader(big))
			cr, err := schedule.NewClaimReader(in, schedule.CSVOptions{MaxBytes: schedule.DefaultMaxBytes})
			if err != nil {
				b.Fatal(err)
			}
			var last error
			for _, err := range cr.All() {
				last = err
			}
			if !errors.Is(last, iop.ErrTooLarge) {
				b.Fatal(last)
			}
		}
	})
}
