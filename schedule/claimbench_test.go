package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// claimWeek returns a compliant hospital IOP claim of one week: 3 days of
// G0410 × 2, G0411 and 90834 (4 services, 3h45m a day).
func claimWeek() ([]schedule.ClaimLine, schedule.Week) {
	start := date.New(2025, 3, 10)
	var ls []schedule.ClaimLine
	for _, d := range []int{0, 2, 4} {
		for _, c := range []struct {
			code  string
			units int
		}{{"G0410", 2}, {"G0411", 1}, {"90834", 1}} {
			ls = append(ls, schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: len(ls) + 1, Date: start + date.Date(d),
				Revenue: "0914", Code: c.code, Units: c.units, BillType: "0131", ConditionCodes: [4]string{"92"}, Input: iop.InputLine(len(ls) + 2)})
		}
	}
	return ls, schedule.ISOWeeks().Of(start)
}

// BenchmarkMedicareClaimWeek summarises a compliant IOP claim's week on
// its final answer and checks the week and the claim, as billingcheck does
// for one patient-week of claim lines.
func BenchmarkMedicareClaimWeek(b *testing.B) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(b, err)
	ls, w := claimWeek()
	episode := schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 1, 6)}
	b.ReportAllocs()
	for b.Loop() {
		sum, err := ck.SummarizeClaims(w, ls)
		if err != nil {
			b.Fatal(err)
		}
		fs, err := ck.CheckWeek(&sum, episode)
		if err != nil || fs.HasBlocking() {
			b.Fatal(fs, err)
		}
		fs, err = ck.CheckClaim(ls)
		if err != nil || fs != nil {
			b.Fatal(fs, err)
		}
	}
}

// BenchmarkMedicareClaimWeekBaseline is the same judgement written by hand
// for this claim: the program codes' minutes and services per day, the
// condition code and type of bill, 3 services a day.
func BenchmarkMedicareClaimWeekBaseline(b *testing.B) {
	ls, w := claimWeek()
	start := w.Start()
	unit := map[string]int32{"G0410": 45, "G0411": 45, "90834": 45}
	b.ReportAllocs()
	for b.Loop() {
		var minutes, services [7]int32
		ok := true
		for i := range ls {
			l := &ls[i]
			m, program := unit[l.Code]
			d := int(l.Date - start)
			if !program || d < 0 || d >= 7 {
				continue
			}
			minutes[d] += m * int32(l.Units)
			services[d]++
			ok = ok && l.ConditionCodes[0] == "92" && l.BillType[:3] == "013"
		}
		for d := range services {
			ok = ok && (services[d] == 0 || services[d] >= 3)
		}
		if !ok {
			b.Fatal(minutes)
		}
	}
}
