package ioprules_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var codeForm = regexp.MustCompile(`^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)

func TestCatalog(t *testing.T) {
	all := ioprules.Catalog()
	perPackage := map[string][]iop.RuleInfo{
		"iop":         iop.Rules(),
		"schedule":    schedule.Rules(),
		"eligibility": eligibility.Rules(),
		"aftercare":   aftercare.Rules(),
	}
	total := 0
	for pkg, rules := range perPackage {
		require.NotEmpty(t, rules, "package %s lists no rules", pkg)
		for _, r := range rules {
			assert.True(t, strings.HasPrefix(string(r.Code), pkg+"."), "%s: code of package %s", r.Code, pkg)
		}
		total += len(rules)
	}
	assert.Len(t, all, total, "the catalog is every package's rules")

	seen := map[iop.Code]bool{}
	for _, r := range all {
		assert.Regexp(t, codeForm, string(r.Code))
		assert.False(t, seen[r.Code], "code %s listed twice", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s: severity", r.Code)
		assert.NotEmpty(t, r.Summary, "%s: summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s: citation", r.Code)
	}
}
