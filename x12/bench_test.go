package x12_test

import (
	"bytes"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchInput returns n service lines as an 837I (claims of 5 lines over one
// week, 1000 claims a transaction set) and as the equivalent claim-line CSV.
func benchInput(n int) (edi, csv []byte) {
	var e, c bytes.Buffer
	e.WriteString("ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*MACRECEIVER    *250310*1200*^*00501*000000101*0*T*:~\n")
	e.WriteString("GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2~\n")
	c.WriteString("patient,claim,line,date,revenue,code,modifier1,units,bill_type,condition1\n")
	const perClaim, perSet = 5, 1000
	claims := (n + perClaim - 1) / perClaim
	sets, segs := 0, 0
	seg := func(s string) { e.WriteString(s); e.WriteString("~\n"); segs++ }
	for k := 0; k < claims; k++ {
		if k%perSet == 0 {
			sets++
			segs = 0
			seg("ST*837*" + strconv.Itoa(sets) + "*005010X223A2")
			seg("BHT*0019*00*B1*20250310*1200*CH")
			seg("HL*1**20*1")
			seg("NM1*85*2*RIVERSIDE HOSPITAL*****XX*1234567893")
		}
		id, patient := "c-"+strconv.Itoa(k), "p-"+strconv.Itoa(k%2000)
		seg("HL*2*1*22*0")
		seg("SBR*P*18*******MA")
		seg("NM1*IL*1*DOE*JANE****MI*1EG4TE5MK73")
		seg("DMG*D8*19600101*F")
		seg("CLM*" + id + "*1500***13:A:1**A*Y*Y")
		seg("DTP*434*RD8*20250303-20250307")
		seg("CL1*2*1*30")
		seg("REF*EA*" + patient)
		seg("HI*ABK:F1020")
		seg("HI*BG:92")
		for i := 1; i <= perClaim && k*perClaim+i <= n; i++ {
			day := "0" + strconv.Itoa(2+i)
			code := "G0410"
			if i%2 == 0 {
				code = "90853"
			}
			seg("LX*" + strconv.Itoa(i))
			seg("SV2*0905*HC:" + code + "*300*UN*2")
			seg("DTP*472*D8*202503" + day)
			c.WriteString(patient + "," + id + "," + strconv.Itoa(i) + ",2025-03-" + day + ",0905," + code + ",,2,0131,92\n")
		}
		if k%perSet == perSet-1 || k == claims-1 {
			segs++
			e.WriteString("SE*" + strconv.Itoa(segs) + "*" + strconv.Itoa(sets) + "~\n")
		}
	}
	e.WriteString("GE*" + strconv.Itoa(sets) + "*7~\nIEA*1*000000101~\n")
	return e.Bytes(), c.Bytes()
}

// readX12 reads the n service lines of edi, under opt, b.N times.
func readX12(b *testing.B, edi []byte, n int, opt x12.Options) {
	b.SetBytes(int64(len(edi)))
	b.ReportAllocs()
	cpu := cpuNanos()
	defer func() { b.ReportMetric(float64(cpuNanos()-cpu)/float64(b.N), "cpu-ns/op") }()
	for b.Loop() {
		r, err := x12.NewReader(bytes.NewReader(edi), opt)
		if err != nil {
			b.Fatal(err)
		}
		lines := 0
		for c, err := range r.All() {
			if err != nil {
				b.Fatal(err)
			}
			lines += len(c.Lines)
		}
		if lines != n {
			b.Fatalf("read %d lines", lines)
		}
	}
}

// readCSV reads the n claim lines of csv with schedule.NewClaimReader,
// b.N times; with keep, it keeps them, as a caller that checks them does.
func readCSV(b *testing.B, csv []byte, n int, keep bool) {
	b.SetBytes(int64(len(csv)))
	b.ReportAllocs()
	cpu := cpuNanos()
	defer func() { b.ReportMetric(float64(cpuNanos()-cpu)/float64(b.N), "cpu-ns/op") }()
	for b.Loop() {
		cr, err := schedule.NewClaimReader(bytes.NewReader(csv), schedule.CSVOptions{MaxBytes: -1})
		if err != nil {
			b.Fatal(err)
		}
		var kept []schedule.ClaimLine
		lines := 0
		for l, err := range cr.All() {
			if err != nil {
				b.Fatal(err)
			}
			if keep {
				kept = append(kept, l)
			}
			lines++
		}
		if lines != n || keep && len(kept) != n {
			b.Fatalf("read %d lines", lines)
		}
	}
}

// BenchmarkRead reads 1M service lines from an 837I and the same lines
// from claim-line CSV (schedule.NewClaimReader), in one run.
func BenchmarkRead(b *testing.B) {
	const n = 1_000_000
	edi, csv := benchInput(n)
	b.Run("x12", func(b *testing.B) { readX12(b, edi, n, x12.Options{}) })
	b.Run("x12-reuse", func(b *testing.B) { readX12(b, edi, n, x12.Options{ReuseLines: true}) })
	b.Run("csv-keep", func(b *testing.B) { readCSV(b, csv, n, true) })
	b.Run("csv", func(b *testing.B) { readCSV(b, csv, n, false) })
}

// With IOPRULES_BENCH_RATIO=1, reading 1M service lines from an 837I
// with the default options takes less than 1.5 times reading the same
// lines as CSV (issue 19), both measured in this run: x12 and CSV in
// turn, three rounds, the fastest of each compared, in wall time and in
// CPU time (which other processes of a shared machine inflate less).
// Without the variable the test is skipped: shared CI machines are too
// noisy for a timing to decide a build.
func TestReadRatio(t *testing.T) {
	if os.Getenv("IOPRULES_BENCH_RATIO") != "1" {
		t.Skip("timing: set IOPRULES_BENCH_RATIO=1 to run")
	}
	const n, rounds, most = 1_000_000, 3, 1.5
	edi, csv := benchInput(n)
	wall, cpu := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(1), math.Inf(1)}
	for range rounds {
		for i, read := range []func(*testing.B){
			func(b *testing.B) { readX12(b, edi, n, x12.Options{}) },
			func(b *testing.B) { readCSV(b, csv, n, false) },
		} {
			res := testing.Benchmark(read)
			require.Positive(t, res.N, "the benchmark failed")
			wall[i] = min(wall[i], float64(res.NsPerOp()))
			cpu[i] = min(cpu[i], res.Extra["cpu-ns/op"])
		}
	}
	t.Logf("x12 %.1f ms/op (CPU %.1f), CSV %.1f ms/op (CPU %.1f): %.2fx wall, %.2fx CPU",
		wall[0]/1e6, cpu[0]/1e6, wall[1]/1e6, cpu[1]/1e6, wall[0]/wall[1], cpu[0]/cpu[1])
	assert.Less(t, wall[0]/wall[1], most, "x12 / CSV, wall time")
	if cpu[1] > 0 { // no CPU time where the platform gives none
		assert.Less(t, cpu[0]/cpu[1], most, "x12 / CSV, CPU time")
	}
}

// The benchmark's input reads without error into the lines of its CSV.
func TestBenchInput(t *testing.T) {
	edi, csv := benchInput(2503)
	claims, errs, _ := readAll(t, edi, x12.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	cr, err := schedule.NewClaimReader(bytes.NewReader(csv), schedule.CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var want []schedule.ClaimLine
	for l, err := range cr.All() {
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, l)
	}
	got := linesOf(claims)
	if len(got) != 2503 || len(want) != 2503 {
		t.Fatalf("lines %d and %d", len(got), len(want))
	}
	for i := range got {
		// Where each was read differs: the SV2 segment, the CSV row's line.
		if got[i].Input.Segment() == 0 || want[i].Input.Line() != i+2 {
			t.Fatalf("line %d: read at %v and %v", i, got[i].Input, want[i].Input)
		}
		got[i].Input, want[i].Input = iop.Input{}, iop.Input{}
		if got[i] != want[i] {
			t.Fatalf("line %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
