package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

var (
	sinkDecision eligibility.Decision
	sinkFindings iop.Findings
	sinkErr      error
	sinkInt      int
)

// hotPaths are the checks that must run without allocating on the
// compliant path. bench_test.go benchmarks them; alloc_test.go asserts it.
func hotPaths(tb testing.TB) map[string]func() {
	ck := std(tb)
	a := assess(tb, iopRisks, eligibility.ModifierCoOccurring)
	a.Ratings = a.Ratings.With(eligibility.Dimension4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-4"})
	d := decide(tb, a)
	later := a
	later.ID, later.Date = "A-2", a.Date+date.Date(14)
	rv := eligibility.Review{Admitted: a.Date, Previous: d, Current: decide(tb, later), Progress: eligibility.ProgressMade}
	x := eligibility.DischargeReview{Final: decide(tb, assess(tb, lowRisks)), Planned: true, NextLevel: iop.Level1}
	plain := decide(tb, assess(tb, iopRisks))
	dst := make(iop.Findings, 0, 8)
	rec := recommendation(tb, iop.Level21)
	rec.Ratings, rec.Modifiers = a.Ratings, a.Modifiers
	medicare := newChecker(tb, ioprules.MedicareIOP2025())
	md := decide(tb, meetsAll(assess(tb, iopRisks)))
	php := newChecker(tb, ioprules.MedicarePHP2025())
	pa := assess(tb, phpRisks)
	pa.Patient = eligibility.PatientRecord{Met: phpCriteria}
	pd := decide(tb, pa)
	stepped := rv
	low := assess(tb, lowRisks)
	low.ID, low.Date = "A-3", later.Date
	stepped.Current = decide(tb, low)
	stepped.StepDown = iop.StepDown{Date: later.Date - 3, From: iop.Level21, To: iop.Level1}
	return map[string]func(){
		// Medicare IOP: the weekly band and the seven patient criteria of
		// 42 CFR 410.44(c), all documented as met.
		"CheckAdmissionMedicare": func() { sinkFindings, sinkErr = medicare.CheckAdmission(&md, iop.Hours(9)) },
		// Medicare PHP (level 2.5): 20 hours and the eight patient criteria
		// of 42 CFR 410.43(c), all documented as met.
		"CheckAdmissionMedicarePHP": func() { sinkFindings, sinkErr = php.CheckAdmission(&pd, iop.Hours(20)) },
		// Within the step-down allowance: one info finding each, into a
		// slice with room.
		"AppendContinuedStayStepDown": func() { sinkFindings, sinkErr = ck.AppendContinuedStay(dst[:0], &stepped) },
		"AppendTransferStepDown":      func() { sinkFindings, sinkErr = ck.AppendTransfer(dst[:0], &stepped) },
		"Decide":                      func() { sinkDecision, sinkErr = ck.Decide(a) },
		"Recommended":                 func() { sinkDecision, sinkErr = ck.Recommended(rec) },
		"ValidateAssessment":          func() { sinkErr = a.Validate() },
		"CheckDecision":               func() { sinkFindings, sinkErr = ck.CheckDecision(&plain) },
		"CheckVariance":               func() { sinkFindings, sinkErr = ck.CheckVariance(&d) },
		"CheckAdmission":              func() { sinkFindings, sinkErr = ck.CheckAdmission(&d, iop.Hours(9)) },
		"CheckContinuedStay":          func() { sinkFindings, sinkErr = ck.CheckContinuedStay(&rv) },
		"CheckTransfer":               func() { sinkFindings, sinkErr = ck.CheckTransfer(&rv) },
		"CheckDischarge":              func() { sinkFindings, sinkErr = ck.CheckDischargeReview(&x) },
		// With findings: appending into a slice with room allocates nothing.
		"AppendAdmissionFindings": func() { sinkFindings, sinkErr = ck.AppendAdmission(dst[:0], &d, iop.Hours(8)) },
		// With findings, the one-shot form: one slice of the caller's own.
		"CheckAdmissionFindings": func() { sinkFindings, sinkErr = ck.CheckAdmission(&d, iop.Hours(8)) },
	}
}

func BenchmarkDecide(b *testing.B)             { benchHot(b, "Decide") }
func BenchmarkRecommended(b *testing.B)        { benchHot(b, "Recommended") }
func BenchmarkValidateAssessment(b *testing.B) { benchHot(b, "ValidateAssessment") }
func BenchmarkCheckDecision(b *testing.B)      { benchHot(b, "CheckDecision") }
func BenchmarkCheckVariance(b *testing.B)      { benchHot(b, "CheckVariance") }
func BenchmarkCheckAdmission(b *testing.B)     { benchHot(b, "CheckAdmission") }
func BenchmarkCheckContinuedStay(b *testing.B) { benchHot(b, "CheckContinuedStay") }
func BenchmarkCheckTransfer(b *testing.B)      { benchHot(b, "CheckTransfer") }
func BenchmarkCheckDischarge(b *testing.B)     { benchHot(b, "CheckDischarge") }
func BenchmarkAppendAdmissionFindings(b *testing.B) {
	benchHot(b, "AppendAdmissionFindings")
}
func BenchmarkCheckAdmissionFindings(b *testing.B)      { benchHot(b, "CheckAdmissionFindings") }
func BenchmarkCheckAdmissionMedicare(b *testing.B)      { benchHot(b, "CheckAdmissionMedicare") }
func BenchmarkCheckAdmissionMedicarePHP(b *testing.B)   { benchHot(b, "CheckAdmissionMedicarePHP") }
func BenchmarkAppendContinuedStayStepDown(b *testing.B) { benchHot(b, "AppendContinuedStayStepDown") }
func BenchmarkAppendTransferStepDown(b *testing.B)      { benchHot(b, "AppendTransferStepDown") }

func benchHot(b *testing.B, name string) {
	f := hotPaths(b)[name]
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
}

// BenchmarkBaselineMaxOfSix is the floor Decide is measured against: the
// hand-written heart of a decision, the most intensive of six minimums
// looked up in a table, with nothing validated or explained.
func BenchmarkBaselineMaxOfSix(b *testing.B) {
	var table [eligibility.NumDimensions][eligibility.NumRisks]int
	for d := range table {
		for r := range table[d] {
			table[d][r] = 10*r + d
		}
	}
	risks := [eligibility.NumDimensions]int{1, 0, 1, 2, 2, 1}
	b.ReportAllocs()
	for b.Loop() {
		top := 0
		for d, r := range risks {
			top = max(top, table[d][r])
		}
		sinkInt = top
	}
}

func BenchmarkMoves(b *testing.B) {
	ck := std(b)
	series := make([]eligibility.Assessment, 12)
	for i := range series {
		risks := iopRisks
		risks[4] = i % 4
		series[i] = assess(b, risks)
		series[i].Date = day + date.Date(7*i)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = ck.Moves(series)
	}
}

func BenchmarkNewChecker(b *testing.B) {
	p, c := ioprules.ASAM3Level21(), eligibility.DefaultCriteria()
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = eligibility.NewChecker(withCriteria(p, c))
	}
}

func BenchmarkParseCriteria(b *testing.B) {
	data, err := json.Marshal(eligibility.DefaultCriteria())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = eligibility.ParseCriteria(data)
	}
}
