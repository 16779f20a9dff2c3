package ioprules

import (
	"slices"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
)

// Catalog returns every rule code the library can emit, package by package
// (group, schedule, eligibility, aftercare, authorization), each with its default
// severity, what it checks and its source: the packages' rule tables, which
// their checks read too.
func Catalog() iop.RuleTable {
	var all []iop.Rule
	for _, t := range [...]iop.RuleTable{group.Rules(), schedule.Rules(), eligibility.Rules(), aftercare.Rules(), authorization.Rules()} {
		all = slices.AppendSeq(all, t.All())
	}
	return iop.NewRuleTable(all...)
}

// Kinds returns one value of each checking package's part type, in the
// order a profile's JSON lists them: schedule.Benefit, group.Composition,
// eligibility.Placement, aftercare.FollowUp and authorization.Terms. Pass them to
// iop.ParseProfile to read a whole profile, as [ParseProfile] does.
func Kinds() []iop.Part {
	return []iop.Part{schedule.Benefit{}, group.Composition{}, eligibility.Placement{}, aftercare.FollowUp{}, authorization.Terms{}}
}

// ParseProfile decodes a whole profile from JSON strictly and validates
// it: iop.ParseProfile with every checking package's part ([Kinds]). A
// member "schedule" decodes into a schedule.Benefit, "group" into a
// group.Composition, "eligibility" into an eligibility.Placement,
// "aftercare" into an aftercare.FollowUp and "authorization" into an
// authorization.Terms; errors name the field
// ("schedule.weekly.adult.min").
func ParseProfile(data []byte) (iop.Profile, error) {
	return iop.ParseProfile(data, Kinds()...)
}
