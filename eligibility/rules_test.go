package eligibility_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesCatalog(t *testing.T) {
	rules := slices.Collect(eligibility.Rules().All())
	seen := map[iop.Code]bool{}
	for _, r := range rules {
		assert.False(t, seen[r.Code], "code %s listed twice", r.Code)
		seen[r.Code] = true
		assert.Equal(t, "eligibility", r.Code.Package())
		assert.Equal(t, strings.ToLower(string(r.Code)), string(r.Code))
		assert.Len(t, strings.Split(string(r.Code), "."), 3, "code %s is <package>.<subject>.<what>", r.Code)
		assert.True(t, r.Severity.IsValid(), "code %s severity", r.Code)
		assert.NotEmpty(t, r.Summary, "code %s summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "code %s citation", r.Code)
	}
	assert.Equal(t, codeConstants(t), codesOf(rules), "every Code constant is in Rules, in the same order, and nothing else")

}

// TestCatalogCitesItsOwnSources: the catalog's citations are the general
// sources of the rules, not the citations of the built-in profiles' rule
// groups (a finding carries those when the profile applies them).
func TestCatalogCitesItsOwnSources(t *testing.T) {
	borrowed := map[iop.Citation]string{}
	for _, p := range ioprules.Builtins() {
		for name, c := range map[string]iop.Citation{
			"weekly": benefitOf(p).Weekly.Cite, "stay": placementOf(p).Stay.Cite, "step_down": benefitOf(p).StepDown.Cite, "source": p.Source,
			"daily": benefitOf(p).Daily.Cite, "certification": benefitOf(p).Certification.Cite, "ages": p.Ages.Cite,
		} {
			if !c.IsZero() {
				borrowed[c] = p.ID + " " + name
			}
		}
	}
	for _, r := range slices.Collect(eligibility.Rules().All()) {
		from, ok := borrowed[r.Cite]
		assert.False(t, ok, "%s cites the %s rules of a built-in profile", r.Code, from)
	}
}

// codeConstants reads the Code constants declared in rules.go, in order.
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

func codesOf(rules []iop.Rule) []iop.Code {
	codes := make([]iop.Code, len(rules))
	for i, r := range rules {
		codes[i] = r.Code
	}
	return codes
}

// TestRuleOrder: findings come in the order of the rule table.
func TestRuleOrder(t *testing.T) {
	ck := std(t)
	fs := admission(t, ck, place(t, decideRisks(t, iopRisks, eligibility.ModifierImminentDanger), iop.Level1,
		eligibility.VarianceReasonCourtOrdered, "n"), iop.Hours(20))
	require.Equal(t, []iop.Code{eligibility.CodeAdmissionPlacedElsewhere, eligibility.CodeAdmissionImminentDanger,
		eligibility.CodeAdmissionNeeds24Hour, eligibility.CodeAdmissionHoursAboveMaximum}, fs.Codes())
	index := map[iop.Code]int{}
	for i, r := range slices.Collect(eligibility.Rules().All()) {
		index[r.Code] = i
	}
	for i := 1; i < len(fs); i++ {
		assert.Less(t, index[fs[i-1].Code], index[fs[i].Code])
	}
}

// profileJSON is a level 2.1 profile whose rules change two eligibility
// rules: the weekly minimum is a warning, and the maximum is off.
const profileJSON = `{
  "id": "payer-x-iop-2025",
  "title": "Payer X intensive outpatient",
  "level": "2.1",
  "edition": "3rd",
  "from": "2025-01-01",
  "source": {"source": "Payer X provider manual", "edition": "2025"},
  "scope": {"reach": "payer", "body": "Payer X"},
  "schedule": {
    "counting": {"kinds": ["group", "individual"], "cite": {"source": "Payer X provider manual, ch. 3"}},
    "weekly": {"adult": {"min": "9h00m", "max": "19h00m"}, "adolescent": {"min": "6h00m", "max": "19h00m"}, "cite": {"source": "Payer X provider manual, ch. 4"}},
    "partial_weeks": {"first": "prorated", "last": "prorated", "cite": {"source": "Payer X provider manual, ch. 4"}}
  },
  "eligibility": {},
  "rules": [
    {"code": "eligibility.admission.hours-below-minimum", "severity": "warning", "cite": {"source": "Payer X contract, §7"}},
    {"code": "eligibility.admission.hours-above-maximum", "off": true, "cite": {"source": "Payer X contract, §7"}}
  ]
}`

func TestProfileRuleSettings(t *testing.T) {
	p, err := ioprules.ParseProfile([]byte(profileJSON))
	require.NoError(t, err)
	ck := newChecker(t, p)
	d := decideRisks(t, iopRisks)

	fs := admission(t, ck, d, iop.Hours(8))
	require.Len(t, fs, 1)
	assert.Equal(t, eligibility.CodeAdmissionHoursBelowMinimum, fs[0].Code)
	assert.Equal(t, iop.SeverityWarning, fs[0].Severity, "the profile lowers the rule to a warning")
	assert.Equal(t, iop.SeverityBlocking, admission(t, std(t), d, iop.Hours(8))[0].Severity, "the table's default elsewhere")
	require.NoError(t, fs.BlockingErr(), "a warning does not block")

	assert.Nil(t, admission(t, ck, d, iop.Hours(25)), "the profile turns the maximum off")
	assert.Equal(t, []iop.Code{eligibility.CodeAdmissionHoursAboveMaximum}, admission(t, std(t), d, iop.Hours(25)).Codes())
}

func TestNewCheckerRefusesUnknownCode(t *testing.T) {
	p := ioprules.ASAM3Level21().WithPart(eligibility.Placement{})
	p.Rules = []iop.RuleSetting{
		{Code: eligibility.CodeAdmissionBelowIOP, Severity: iop.SeverityWarning, Cite: iop.Citation{Source: "contract"}},
		{Code: "eligibility.admission.no-such-rule", Off: true, Cite: iop.Citation{Source: "contract"}},
	}
	ck, err := eligibility.NewChecker(p)
	requireFields(t, err, fieldWant{"rules[1].code", iop.ErrUnknown})
	assert.Equal(t, eligibility.Checker{}, ck)

	p.Rules = p.Rules[:1]
	_, err = eligibility.NewChecker(p)
	require.NoError(t, err)
}
