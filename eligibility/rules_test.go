package eligibility_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesCatalog(t *testing.T) {
	rules := eligibility.Rules()
	seen := map[iop.Code]bool{}
	for _, r := range rules {
		assert.False(t, seen[r.Code], "code %s listed twice", r.Code)
		seen[r.Code] = true
		assert.True(t, strings.HasPrefix(string(r.Code), "eligibility."), "code %s has the package prefix", r.Code)
		assert.Equal(t, strings.ToLower(string(r.Code)), string(r.Code))
		assert.Len(t, strings.Split(string(r.Code), "."), 3, "code %s is <package>.<rule>.<outcome>", r.Code)
		assert.True(t, r.Severity.IsValid(), "code %s severity", r.Code)
		assert.NotEmpty(t, r.Summary, "code %s summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "code %s citation", r.Code)
	}
	assert.ElementsMatch(t, codeConstants(t), codesOf(rules), "every Code constant is in Rules and nothing else")
}

// codeConstants reads the Code constants declared in rules.go.
func codeConstants(t *testing.T) []iop.Code {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "rules.go", nil, 0)
	require.NoError(t, err)
	var codes []iop.Code
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || !strings.HasPrefix(vs.Names[0].Name, "Code") || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		require.True(t, ok, "%s is a string literal", vs.Names[0].Name)
		s, err := strconv.Unquote(lit.Value)
		require.NoError(t, err)
		codes = append(codes, iop.Code(s))
		return true
	})
	return codes
}

func codesOf(rules []iop.RuleInfo) []iop.Code {
	codes := make([]iop.Code, len(rules))
	for i, r := range rules {
		codes[i] = r.Code
	}
	return codes
}

// TestEveryCodeProduced runs, for each code of the catalog, a check that
// produces it, and checks that every code a check produces is in the
// catalog with the severity given there (or a lower one).
func TestEveryCodeProduced(t *testing.T) {
	p := iop.ASAM3Level21()
	iopD := decideRisks(t, iopRisks)
	low := [6]int{0, 0, 0, 1, 1, 1}
	admitted := decideOn(t, "A-0", 0, iopRisks)
	rv := func(days int, risks [6]int, pr eligibility.Progress, mods ...eligibility.Modifier) eligibility.Review {
		return eligibility.Review{Admitted: day, Previous: admitted, Current: decideOn(t, "A-1", days, risks, mods...), Progress: pr}
	}
	scenarios := map[iop.Code]func() iop.Findings{
		eligibility.CodeDecisionMissing: func() iop.Findings { return eligibility.Decision{}.Findings() },
		eligibility.CodeDecisionRaisedByModifier: func() iop.Findings {
			return decideRisks(t, iopRisks, eligibility.ModImminentDanger).Findings()
		},
		eligibility.CodeDecisionWithdrawalMonitoring: func() iop.Findings {
			return decideRisks(t, iopRisks, eligibility.ModWithdrawalMonitoring).Findings()
		},
		eligibility.CodeDecisionCoOccurring: func() iop.Findings {
			return decideRisks(t, iopRisks, eligibility.ModCoOccurring).Findings()
		},
		eligibility.CodeVarianceUndocumented: func() iop.Findings { return iopD.Place(iop.Level25, 0, "").Findings() },
		eligibility.CodeVarianceBelowRecommended: func() iop.Findings {
			return iopD.Place(iop.Level1, eligibility.VariancePatientPreference, "n").Findings()
		},
		eligibility.CodeVarianceAboveJustified: func() iop.Findings {
			return iopD.Place(iop.Level35, eligibility.VarianceClinicalJudgement, "n").Findings()
		},
		eligibility.CodeVarianceReasonMismatch: func() iop.Findings {
			return iopD.Place(iop.Level25, eligibility.VariancePayerAuthorizedLower, "n").Findings()
		},
		eligibility.CodeVarianceNotNextAvailable: func() iop.Findings {
			return iopD.Place(iop.Level1, eligibility.VarianceLevelNotAvailable, "n").Findings()
		},
		eligibility.CodeVarianceLevelNotInCriteria: func() iop.Findings {
			return iopD.Place(iop.LevelOTS, eligibility.VarianceCourtOrdered, "n").Findings()
		},
		eligibility.CodeProfileNotIOP: func() iop.Findings { return eligibility.CheckAdmission(iopD, iop.ASAM3Level25(), iop.Hours(20)) },
		eligibility.CodeAdmissionBelowIOP: func() iop.Findings {
			return eligibility.CheckAdmission(decideRisks(t, low), p, iop.Hours(9))
		},
		eligibility.CodeAdmissionAboveIOP: func() iop.Findings {
			return eligibility.CheckAdmission(decideRisks(t, [6]int{0, 0, 0, 3, 0, 0}), p, iop.Hours(9))
		},
		eligibility.CodeAdmissionNeeds24Hour: func() iop.Findings {
			return eligibility.CheckAdmission(decideRisks(t, [6]int{0, 3, 0, 0, 0, 0}), p, iop.Hours(9))
		},
		eligibility.CodeAdmissionImminentDanger: func() iop.Findings {
			return eligibility.CheckAdmission(decideRisks(t, iopRisks, eligibility.ModImminentDanger), p, iop.Hours(9))
		},
		eligibility.CodeAdmissionPlacedElsewhere: func() iop.Findings {
			return eligibility.CheckAdmission(iopD.Place(iop.Level25, eligibility.VariancePatientPreference, "n"), p, iop.Hours(9))
		},
		eligibility.CodeAdmissionPopulationNotServed: func() iop.Findings {
			a := assess(t, iopRisks)
			a.Population = iop.Adolescent
			return eligibility.CheckAdmission(decide(t, a), adultsOnly(p), iop.Hours(9))
		},
		eligibility.CodeAdmissionHoursBelowMinimum: func() iop.Findings { return eligibility.CheckAdmission(iopD, p, iop.Hours(6)) },
		eligibility.CodeAdmissionHoursAboveMaximum: func() iop.Findings { return eligibility.CheckAdmission(iopD, p, iop.Hours(20)) },
		eligibility.CodeReviewDateOrder: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(-3, iopRisks, eligibility.ProgressMade), p)
		},
		eligibility.CodeStayCriteriaNotMet: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(20, low, eligibility.ProgressMade), p)
		},
		eligibility.CodeStayNoProgress: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(20, iopRisks, eligibility.ProgressNone), p)
		},
		eligibility.CodeStayProgressUnrecorded: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(20, iopRisks, 0), p)
		},
		eligibility.CodeStayJustificationDue: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(60, iopRisks, eligibility.ProgressMade), iop.S9480NewYork())
		},
		eligibility.CodeStayBeyondTypical: func() iop.Findings {
			return eligibility.CheckContinuedStay(rv(90, iopRisks, eligibility.ProgressMade), iop.DCLevel21())
		},
		eligibility.CodeTransferUpIndicated: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, [6]int{1, 0, 1, 2, 3, 1}, eligibility.ProgressMade), p)
		},
		eligibility.CodeTransferImminentDanger: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, iopRisks, eligibility.ProgressMade, eligibility.ModImminentDanger), p)
		},
		eligibility.CodeTransferWorsening: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, iopRisks, eligibility.ProgressWorsening), p)
		},
		eligibility.CodeTransferDownIndicated: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, low, eligibility.ProgressGoalsMet), iop.MedicareIOP2024())
		},
		eligibility.CodeTransferStepDownAllowance: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, low, eligibility.ProgressGoalsMet), p)
		},
		eligibility.CodeTransferGoalsMetRatingsHigh: func() iop.Findings {
			return eligibility.CheckTransfer(rv(20, iopRisks, eligibility.ProgressGoalsMet), p)
		},
		eligibility.CodeDischargeImminentDanger: func() iop.Findings {
			return eligibility.CheckDischarge(eligibility.Discharge{Final: decideRisks(t, iopRisks, eligibility.ModImminentDanger)}, p)
		},
		eligibility.CodeDischargeHigherLevelNeeded: func() iop.Findings {
			return eligibility.CheckDischarge(eligibility.Discharge{Final: decideRisks(t, [6]int{0, 0, 3, 0, 0, 0})}, p)
		},
		eligibility.CodeDischargeCriteriaStillMet: func() iop.Findings {
			return eligibility.CheckDischarge(eligibility.Discharge{Final: iopD, Planned: true, NextLevel: iop.Level21}, p)
		},
		eligibility.CodeDischargeNoContinuingCare: func() iop.Findings {
			return eligibility.CheckDischarge(eligibility.Discharge{Final: decideRisks(t, low), Planned: true}, p)
		},
		eligibility.CodeDischargeNextLevelBelow: func() iop.Findings {
			return eligibility.CheckDischarge(eligibility.Discharge{Final: iopD, NextLevel: iop.Level1}, p)
		},
	}
	catalog := map[iop.Code]iop.Severity{}
	for _, r := range eligibility.Rules() {
		catalog[r.Code] = r.Severity
	}
	for _, r := range eligibility.Rules() {
		t.Run(string(r.Code), func(t *testing.T) {
			produce, ok := scenarios[r.Code]
			require.True(t, ok, "no scenario produces %s", r.Code)
			fs := produce()
			assert.True(t, fs.Has(r.Code), "scenario for %s produced %v", r.Code, fs.Codes())
			for _, f := range fs {
				sev, ok := catalog[f.Code]
				require.True(t, ok, "code %s is not in Rules", f.Code)
				assert.LessOrEqual(t, f.Severity, sev, "%s reported above its catalog severity", f.Code)
				assert.NotEmpty(t, f.Cite.Source, "%s cited", f.Code)
				assert.NotEmpty(t, f.Message)
			}
		})
	}
	extra := slices.DeleteFunc(slices.Collect(maps.Keys(scenarios)), func(c iop.Code) bool { _, ok := catalog[c]; return ok })
	assert.Empty(t, extra, "scenarios for codes not in Rules")
}
