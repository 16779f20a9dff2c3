package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkApply moves an active episode (4 moves in its history) to
// discharge.
func BenchmarkApply(b *testing.B) {
	ep := episodeIn(b, aftercare.StateActive)
	ev := aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: completed()}
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
	ep := episodeIn(b, aftercare.StateReferred)
	ev := aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: completed()}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ep.Apply(ev); err == nil {
			b.Fatal("not refused")
		}
	}
}

// benchCompliant is a compliant discharge and plan, judged against the
// four SUD windows of ASAM level 2.1.
func benchCompliant(tb testing.TB) (aftercare.Episode, aftercare.Plan, iop.Profile, date.Date) {
	return discharged(tb, "E1", completed(), true), fullPlan(), asamHEDIS(), dischargedOn + 60
}

// benchFindings is a discharge with four findings: court notice,
// outreach, and two windows missed.
func benchFindings(tb testing.TB) (aftercare.Episode, aftercare.Plan, iop.Profile, date.Date) {
	return discharged(tb, "E1", aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}, true), planWith(kept(9)), asamHEDIS(), dischargedOn + 60
}

// BenchmarkCheckDischargeCompliant checks a compliant discharge and plan
// against the four SUD windows of ASAM level 2.1.
func BenchmarkCheckDischargeCompliant(b *testing.B) {
	ep, plan, p, asOf := benchCompliant(b)
	ck := newChecker(b, p)
	b.ReportAllocs()
	for b.Loop() {
		fs, err := ck.CheckDischarge(ep, plan, asOf)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkAppendDischargeFindings checks a discharge with four findings,
// appended into a reused slice.
func BenchmarkAppendDischargeFindings(b *testing.B) {
	ep, plan, p, asOf := benchFindings(b)
	ck := newChecker(b, p)
	var dst iop.Findings
	var err error
	b.ReportAllocs()
	for b.Loop() {
		dst, err = ck.AppendDischarge(dst[:0], ep, plan, asOf)
		if err != nil || len(dst) != 4 {
			b.Fatal(dst, err)
		}
	}
}

// BenchmarkBaselineCompliant is the hand-written baseline of
// BenchmarkCheckDischargeCompliant: the same rules coded inline for this
// one case, with no rule table, no profile settings and no validation of
// the enums, to show what the checker's shape costs.
func BenchmarkBaselineCompliant(b *testing.B) {
	ep, plan, p, asOf := benchCompliant(b)
	ws := followUpOf(p).Windows
	b.ReportAllocs()
	for b.Loop() {
		if dst := handCheck(nil, ep, plan, ws, asOf); dst != nil {
			b.Fatal(dst)
		}
	}
}

// BenchmarkBaselineFindings is the hand-written baseline of
// BenchmarkAppendDischargeFindings.
func BenchmarkBaselineFindings(b *testing.B) {
	ep, plan, p, asOf := benchFindings(b)
	ws := followUpOf(p).Windows
	var dst iop.Findings
	b.ReportAllocs()
	for b.Loop() {
		if dst = handCheck(dst[:0], ep, plan, ws, asOf); len(dst) != 4 {
			b.Fatal(dst)
		}
	}
}

// handCheck is the baseline: the rules of AppendDischarge written out by
// hand, findings built in place with codes only (no severities, summaries
// or citations from a table), and the windows judged contact by contact.
// It assumes a discharged episode and a valid plan.
func handCheck(dst iop.Findings, ep aftercare.Episode, plan aftercare.Plan, ws []aftercare.FollowUpWindow, asOf date.Date) iop.Findings {
	ev, _ := ep.DischargeEvent()
	d := ev.Discharge
	made := plan.Made != 0
	switch {
	case d.Planned && !made:
		dst = append(dst, iop.Finding{Code: aftercare.CodePlanMissing, Subject: ep.ID()})
	case d.Planned && plan.Made > ev.On:
		dst = append(dst, iop.Finding{Code: aftercare.CodePlanLate, Subject: ep.ID()})
	}
	if from := ep.Level(); d.Step != 0 && d.ToLevel.Compare(from) != d.Step.Want() {
		dst = append(dst, iop.Finding{Code: aftercare.CodeStepDownNotLower, Subject: ep.ID()})
	}
	if d.Reason == aftercare.DischargeReasonTransferred && d.ReferredTo == "" {
		dst = append(dst, iop.Finding{Code: aftercare.CodeTransferNoReferral, Subject: ep.ID()})
	}
	if ep.CourtOrdered() && d.Reason != aftercare.DischargeReasonCompleted && d.Reason != aftercare.DischargeReasonTransferred {
		dst = append(dst, iop.Finding{Code: aftercare.CodeCourtNotice, Subject: ep.ID()})
	}
	if !d.Planned && d.Reason != aftercare.DischargeReasonDied {
		dst = append(dst, iop.Finding{Code: aftercare.CodeOutreach, Subject: ep.ID()})
	}
	if d.Reason == aftercare.DischargeReasonDied || d.Step == aftercare.StepUp {
		return dst
	}
	var metOn [8]date.Date
	var metAt [8]int
	for i, w := range ws {
		from, exclude := ev.On, -1
		if w.After != "" {
			for j := range i {
				if ws[j].Name == w.After {
					from, exclude = metOn[j], metAt[j]
				}
			}
			if from == 0 {
				continue
			}
		}
		first, last := w.Range(from)
		kept := 0
		metAt[i] = -1
		for k, c := range plan.Contacts {
			if k != exclude && c.On >= first && c.On <= last && c.On <= asOf && c.Status == aftercare.ContactStatusKept {
				if kept++; kept == w.Need() {
					metOn[i], metAt[i] = c.On, k
				}
			}
		}
		if kept < w.Need() && asOf > last {
			dst = append(dst, iop.Finding{Code: aftercare.CodeFollowUpMissed, Subject: ep.ID(), Day: last, Need: int64(w.Need()), Got: int64(kept), Unit: iop.UnitCount})
		}
	}
	return dst
}

// TestHandCheckAgrees keeps the baseline honest: on the benchmarks' cases
// it reports the codes the checker reports.
func TestHandCheckAgrees(t *testing.T) {
	for _, mk := range []func(testing.TB) (aftercare.Episode, aftercare.Plan, iop.Profile, date.Date){benchCompliant, benchFindings} {
		ep, plan, p, asOf := mk(t)
		want, err := checkDischarge(t, p, ep, plan, asOf)
		require.NoError(t, err)
		assert.Equal(t, want.Codes(), handCheck(nil, ep, plan, followUpOf(p).Windows, asOf).Codes())
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
	ep := episodeIn(b, aftercare.StateClosed)
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
	ck := newChecker(b, asamHEDIS())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ck.Measure(cases, dischargedOn+60); err != nil {
			b.Fatal(err)
		}
	}
}
