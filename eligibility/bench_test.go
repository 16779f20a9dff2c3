package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

var (
	sinkDecision eligibility.Decision
	sinkFindings iop.Findings
	sinkErr      error
)

// hotPaths are the checks that must run without allocating on the
// compliant path. bench_test.go benchmarks them; alloc_test.go asserts it.
func hotPaths(tb testing.TB) map[string]func() {
	c := eligibility.DefaultCriteria()
	a := assess(tb, iopRisks, eligibility.ModCoOccurring)
	a.Ratings = a.Ratings.With(eligibility.D4, eligibility.Rating{Risk: eligibility.Risk2, Note: "n-4"})
	d, err := c.Decide(a)
	if err != nil {
		tb.Fatal(err)
	}
	p := iop.ASAM3Level21()
	later := a
	later.ID, later.Date = "A-2", a.Date+date.Date(14)
	next, err := c.Decide(later)
	if err != nil {
		tb.Fatal(err)
	}
	rv := eligibility.Review{Admitted: a.Date, Previous: d, Current: next, Progress: eligibility.ProgressMade}
	low, err := c.Decide(assess(tb, [6]int{0, 0, 0, 1, 1, 1}))
	if err != nil {
		tb.Fatal(err)
	}
	x := eligibility.Discharge{Final: low, Planned: true, NextLevel: iop.Level1}
	plain := d.Assessment()
	plain.Modifiers = 0
	pd, err := c.Decide(plain)
	if err != nil {
		tb.Fatal(err)
	}
	return map[string]func(){
		"Decide":             func() { sinkDecision, sinkErr = c.Decide(a) },
		"ValidateAssessment": func() { sinkErr = a.Validate() },
		"DecisionFindings":   func() { sinkFindings = pd.Findings() },
		"CheckAdmission":     func() { sinkFindings = eligibility.CheckAdmission(d, p, iop.Hours(9)) },
		"CheckContinuedStay": func() { sinkFindings = eligibility.CheckContinuedStay(rv, p) },
		"CheckTransfer":      func() { sinkFindings = eligibility.CheckTransfer(rv, p) },
		"CheckDischarge":     func() { sinkFindings = eligibility.CheckDischarge(x, p) },
	}
}

func BenchmarkDecide(b *testing.B)             { benchHot(b, "Decide") }
func BenchmarkValidateAssessment(b *testing.B) { benchHot(b, "ValidateAssessment") }
func BenchmarkDecisionFindings(b *testing.B)   { benchHot(b, "DecisionFindings") }
func BenchmarkCheckAdmission(b *testing.B)     { benchHot(b, "CheckAdmission") }
func BenchmarkCheckContinuedStay(b *testing.B) { benchHot(b, "CheckContinuedStay") }
func BenchmarkCheckTransfer(b *testing.B)      { benchHot(b, "CheckTransfer") }
func BenchmarkCheckDischarge(b *testing.B)     { benchHot(b, "CheckDischarge") }

func benchHot(b *testing.B, name string) {
	f := hotPaths(b)[name]
	b.ReportAllocs()
	for b.Loop() {
		f()
	}
}

func BenchmarkMoves(b *testing.B) {
	c := eligibility.DefaultCriteria()
	series := make([]eligibility.Assessment, 12)
	for i := range series {
		risks := iopRisks
		risks[4] = i % 4
		series[i] = assess(b, risks)
		series[i].Date = day + date.Date(7*i)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, sinkErr = c.Moves(series)
	}
}

func BenchmarkValidateCriteria(b *testing.B) {
	c := eligibility.DefaultCriteria()
	b.ReportAllocs()
	for b.Loop() {
		sinkErr = c.Validate()
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
