package ioprules

import (
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// Catalog returns every rule code the library can emit, package by package
// (iop, schedule, eligibility, aftercare), each with its default severity,
// what it checks and its source. Each call returns a new slice.
func Catalog() []iop.RuleInfo {
	var all []iop.RuleInfo
	for _, rules := range [][]iop.RuleInfo{
		iop.Rules(),
		schedule.Rules(),
		eligibility.Rules(),
		aftercare.Rules(),
	} {
		all = append(all, rules...)
	}
	return all
}
