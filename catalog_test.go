package ioprules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var codeForm = regexp.MustCompile(`^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)

func TestCatalog(t *testing.T) {
	all := ioprules.Catalog()
	perPackage := map[string]iop.RuleTable{
		"group":         group.Rules(),
		"schedule":      schedule.Rules(),
		"eligibility":   eligibility.Rules(),
		"aftercare":     aftercare.Rules(),
		"authorization": authorization.Rules(),
	}
	total := 0
	for pkg, rules := range perPackage {
		require.Positive(t, rules.Len(), "package %s lists no rules", pkg)
		for r := range rules.All() {
			assert.True(t, strings.HasPrefix(string(r.Code), pkg+"."), "%s: code of package %s", r.Code, pkg)
			got, ok := all.Rule(r.Code)
			assert.True(t, ok, "%s: in the catalog", r.Code)
			assert.Equal(t, r, got, "%s: the catalog's line is the package's", r.Code)
		}
		total += rules.Len()
	}
	assert.Equal(t, total, all.Len(), "the catalog is every package's rules")

	seen := map[iop.Code]bool{}
	for r := range all.All() {
		assert.Regexp(t, codeForm, string(r.Code))
		assert.False(t, seen[r.Code], "code %s listed twice", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s: severity", r.Code)
		assert.NotEmpty(t, r.Summary, "%s: summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s: citation", r.Code)
	}
}

// TestValidateRuleCodes: rule codes are validated once, by
// iop.Profile.Validate, against the tables of the profile's parts.
func TestValidateRuleCodes(t *testing.T) {
	p := ioprules.MedicareIOP2024()
	require.NoError(t, p.Validate())

	cite := iop.Citation{Source: "payer contract 7"}
	p.Rules = []iop.RuleSetting{
		{Code: schedule.CodeSessionDuplicate, Severity: iop.SeverityWarning, Cite: cite},
		{Code: "schedule.weekly-minutes.below-minimun", Severity: iop.SeverityWarning, Cite: cite},
		{Code: "billing.x", Off: true, Cite: cite},
	}
	err := p.Validate()
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, 2)
	assert.Equal(t, "rules[1].code", errs[0].Field)
	require.ErrorIs(t, errs[0], iop.ErrUnknown)
	assert.Equal(t, "rules[2].code", errs[1].Field)
	require.ErrorIs(t, errs[1], iop.ErrUnknown)
}
