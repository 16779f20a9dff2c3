package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

var day = date.New(2025, 3, 3)

// assess returns a valid adult 3rd-edition assessment with the given risks
// (D1 to D6, as numbers 0-4) and modifiers.
func assess(t testing.TB, risks [6]int, mods ...eligibility.Modifier) eligibility.Assessment {
	t.Helper()
	var rs eligibility.Ratings
	for i, n := range risks {
		r, ok := eligibility.RiskOf(n)
		require.True(t, ok, "risk %d", n)
		rs = rs.With(eligibility.Dimension(i+1), eligibility.Rating{Risk: r})
	}
	return eligibility.Assessment{
		ID: "A-1", Edition: iop.Edition3, Date: day, Population: iop.Adult,
		Ratings: rs, Modifiers: eligibility.ModifiersOf(mods...),
	}
}

// decide decides a with the default criteria and requires no error.
func decide(t testing.TB, a eligibility.Assessment) eligibility.Decision {
	t.Helper()
	d, err := eligibility.DefaultCriteria().Decide(a)
	require.NoError(t, err)
	return d
}

// decideRisks decides an assessment with the given risks and modifiers.
func decideRisks(t testing.TB, risks [6]int, mods ...eligibility.Modifier) eligibility.Decision {
	t.Helper()
	return decide(t, assess(t, risks, mods...))
}

// iopRisks are ratings for which the default criteria recommend 2.1.
var iopRisks = [6]int{1, 0, 1, 2, 2, 1}

func set(ds ...eligibility.Dimension) eligibility.DimensionSet { return eligibility.SetOf(ds...) }

var allDims = set(eligibility.D1, eligibility.D2, eligibility.D3, eligibility.D4, eligibility.D5, eligibility.D6)
