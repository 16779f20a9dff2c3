package ioprules_test

import (
	"regexp"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
)

var codeForm = regexp.MustCompile(`^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$`)

func TestCatalog(t *testing.T) {
	seen := map[iop.Code]bool{}
	for _, r := range ioprules.Catalog() {
		assert.Regexp(t, codeForm, string(r.Code))
		assert.False(t, seen[r.Code], "code %s listed twice", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s: severity", r.Code)
		assert.NotEmpty(t, r.Summary, "%s: summary", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s: citation", r.Code)
	}
}
