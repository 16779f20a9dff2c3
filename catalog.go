package ioprules

import (
	"slices"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
)

// Catalog returns every rule code the library can emit, package by package
// (group, schedule, eligibility, aftercare), each with its default
// severity, what it checks and its source: the packages' rule tables, which
// their checks read too.
func Catalog() iop.RuleTable {
	var all []iop.Rule
	for _, t := range [...]iop.RuleTable{group.Rules(), schedule.Rules(), eligibility.Rules(), aftercare.Rules()} {
		all = slices.AppendSeq(all, t.All())
	}
	return iop.NewRuleTable(all...)
}

// Kinds returns one value of each checking package's part type, in the
// order a profile's JSON lists them: schedule.Benefit, group.Composition,
// eligibility.Placement and aftercare.FollowUp. Pass them to
// iop.ParseProfile to read a whole profile, as [ParseProfile] does.
func Kinds() []iop.Part {
	return []iop.Part{schedule.Benefit{}, group.Composition{}, eligibility.Placement{}, aftercare.FollowUp{}}
}

// ParseProfile decodes a whole profile from JSON strictly and validates
// it: iop.ParseProfile with every checking package's part ([Kinds]). A
// member "schedule" decodes into a schedule.Benefit, "group" into a
// group.Composition, "eligibility" into an eligibility.Placement and
// "aftercare" into an aftercare.FollowUp; errors name the field
// ("schedule.weekly.adult.min").
func ParseProfile(data []byte) (iop.Profile, error) {
	return iop.ParseProfile(data, Kinds()...)
}
