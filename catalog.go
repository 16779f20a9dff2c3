package ioprules

import (
	"fmt"
	"slices"
	"strconv"

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

// ValidateProfile validates p as [iop.Profile.Validate] does and, in
// addition, refuses a rule setting whose code is in no package's rule table
// (each package's NewChecker refuses only the unknown codes of its own
// package). Use it on a profile loaded from JSON before handing it to
// several checkers.
func ValidateProfile(p iop.Profile) error {
	var errs iop.FieldErrors
	if err := p.Validate(); err != nil {
		errs.Add("", err)
	}
	all := Catalog()
	for i, s := range p.Rules {
		if _, ok := all.Rule(s.Code); s.Code == "" || ok {
			continue
		}
		if !slices.ContainsFunc(errs, func(e *iop.FieldError) bool { return e.Field == "rules["+strconv.Itoa(i)+"].code" }) {
			errs.Add("rules["+strconv.Itoa(i)+"].code", fmt.Errorf("%w: no rule has this code", iop.ErrUnknown))
		}
	}
	errs.Sort()
	return errs.Err()
}
