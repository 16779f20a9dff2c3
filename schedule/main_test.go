package schedule_test

import (
	"os"
	"slices"
	"testing"

	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// cover records the findings the tests produce: every code of the rule
// table must be produced by some test, with the severity the table or the
// profile's setting gives it.
var cover = checktest.New(schedule.Rules()).WithSeverity(shortDaySeverity)

// shortDaySeverity is the force of a day below the payment tier in the
// setting whose short-day row pays what the finding's Ref says.
func shortDaySeverity(p iop.Profile, f iop.Finding) (iop.Severity, bool) {
	// A "not judged" finding has the force of the rule it stands in for,
	// unless the profile names it in a setting of its own.
	if of, ok := map[iop.Code]iop.Code{
		schedule.CodePartialWeekNotJudged: schedule.CodeWeeklyBelowMinimum,
		schedule.CodeCertContentNotJudged: schedule.CodeCertContentMissing,
		schedule.CodePlanNotJudged:        schedule.CodePlanElementMissing,
	}[f.Code]; ok && !slices.ContainsFunc(p.Rules, func(s iop.RuleSetting) bool { return s.Code == f.Code }) {
		r, _ := schedule.Rules().Rule(of)
		return p.Setting(r)
	}
	b, ok := iop.PartOf[schedule.Benefit](&p)
	if f.Code != schedule.CodeBelowTier || !ok {
		return 0, false
	}
	for _, r := range b.ServiceTiers.ShortDays {
		if r.Pay.String() == f.Ref {
			return r.Severity, true
		}
	}
	return 0, false
}

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }
