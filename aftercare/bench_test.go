package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
)

// BenchmarkApply moves an active episode (4 moves in its history) to
// discharge.
func BenchmarkApply(b *testing.B) {
	ep := episodeIn(b, aftercare.Active)
	ev := aftercare.Event{Kind: aftercare.EventDischarge, On: dischargedOn, Discharge: completed()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ep.Apply(ev); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyRefused is a refused move: the error is the only
// allocation.
func BenchmarkApplyRefused(b *testing.B) {
	ep := episodeIn(b, aftercare.Referred)
	ev := aftercare.Event{Kind: aftercare.EventDischarge, On: dischargedOn, Discharge: completed()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ep.Apply(ev); err == nil {
			b.Fatal("not refused")
		}
	}
}

// BenchmarkCheckCompliant checks a compliant discharge and plan against
// the four SUD windows of ASAM level 2.1.
func BenchmarkCheckCompliant(b *testing.B) {
	ep := discharged(b, "E1", completed(), true)
	plan, p := fullPlan(), iop.ASAM3Level21()
	b.ReportAllocs()
	for b.Loop() {
		fs, err := aftercare.Check(ep, plan, p, dischargedOn+60)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkCheckFindings checks a discharge with four findings.
func BenchmarkCheckFindings(b *testing.B) {
	ep := discharged(b, "E1", aftercare.Discharge{Reason: aftercare.ReasonLeftAgainstAdvice}, true)
	plan, p := planWith(kept(9)), iop.ASAM3Level21()
	b.ReportAllocs()
	for b.Loop() {
		fs, err := aftercare.Check(ep, plan, p, dischargedOn+60)
		if err != nil || len(fs) != 4 {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkReplay rebuilds a 9-move episode.
func BenchmarkReplay(b *testing.B) {
	events := fixtureEvents()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aftercare.Replay("E1", events); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseEpisode decodes and replays a 9-move episode from JSON.
func BenchmarkParseEpisode(b *testing.B) {
	data := []byte(fixtureJSON)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aftercare.ParseEpisode(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalEpisode encodes a 9-move episode.
func BenchmarkMarshalEpisode(b *testing.B) {
	ep := episodeIn(b, aftercare.Closed)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(ep); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMeasure computes the measures over 1000 discharges.
func BenchmarkMeasure(b *testing.B) {
	cases := make([]aftercare.Case, 1000)
	for i := range cases {
		cases[i] = aftercare.Case{Episode: discharged(b, "E1", completed(), false), Plan: fullPlan()}
	}
	p := iop.ASAM3Level21()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aftercare.Measure(cases, p, dischargedOn+60); err != nil {
			b.Fatal(err)
		}
	}
}
