package billing

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/internal/benefits"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// The built-in profiles the billing check applies are those of
// ioprules.Builtins that have a schedule part, as far as package schedule
// checks them: each one's identity, schedule part and settings of
// schedule's rules (package internal/benefits, from which package ioprules
// builds its built-ins; TestBuiltinsAsScheduled checks they are the same).
// Reading them there rather than from package ioprules keeps the other
// checking packages out of the web page's WebAssembly: what they would
// add to it is more than its size budget allows.

// families are the names -profile accepts for a family of built-in
// profiles dated by calendar year: those whose ID is the family's name, a
// hyphen and the year.
var families = []string{"medicare-iop", "medicare-php"}

// familyOf returns the built-in profiles of family, in the order of
// ioprules.Builtins, and false when family is not one of families.
func familyOf(family string) (iop.Profiles, bool) {
	if !slices.Contains(families, family) {
		return nil, false
	}
	var ps iop.Profiles
	for _, p := range benefits.All() {
		if strings.HasPrefix(p.ID, family+"-") {
			ps = append(ps, p)
		}
	}
	return ps, len(ps) > 0
}

// ruleSet is what -profile names: one built-in profile, or a family of
// them; each profile with its checker, made once, and the choice of the
// profile for a patient-week or a claim by its first day of service.
type ruleSet struct {
	// name is the family's name or the profile's ID, as -profile gave it.
	name string
	// family reports whether name is a family: each patient-week and claim
	// is checked against the family's profile in force on its first day of
	// service. Otherwise the one profile is applied where it is in force.
	family   bool
	profiles iop.Profiles
	checkers []schedule.Checker
	// tiers reports, for each profile, whether it pays days in tiers.
	tiers []bool
}

// newRuleSet returns the rules -profile names: a family or a built-in ID,
// in any case of its ASCII letters (foldASCII), named as the family or
// the profile spells it. It returns false when name is neither.
func newRuleSet(name string) (*ruleSet, bool, error) {
	if n, ok := foldName(name, families); ok {
		name = n
	} else if n, ok := foldName(name, profileIDs()); ok {
		name = n
	}
	if ps, ok := familyOf(name); ok {
		rs, err := ruleSetOf(name, true, ps)
		return rs, true, err
	}
	if p, ok := benefits.All().ByID(name); ok {
		rs, err := ruleSetOf(name, false, iop.Profiles{p})
		return rs, true, err
	}
	return nil, false, nil
}

// ruleSetOf returns the rules of profiles ps, named name: a family of
// them, or, when family is false, the one profile ps holds. Each profile
// is given its checker.
func ruleSetOf(name string, family bool, ps iop.Profiles) (*ruleSet, error) {
	rs := &ruleSet{name: name, family: family, profiles: ps}
	for _, p := range rs.profiles {
		ck, err := schedule.NewChecker(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.ID, err)
		}
		rs.checkers = append(rs.checkers, ck)
		b, _ := iop.PartOf[schedule.Benefit](&p)
		rs.tiers = append(rs.tiers, len(b.ServiceTiers.Tiers) > 0)
	}
	return rs, nil
}

// choose returns the index of the profile that applies to a patient-week
// or a claim by day; what names the day ("the week's first day of
// service", "the claim's first day of service"). When none applies it
// returns an error that says why, naming the day and profiles only (no
// patient data).
func (rs *ruleSet) choose(day date.Date, what string) (int, error) {
	if !rs.family {
		p := rs.profiles[0]
		if p.InForceOn(day) {
			return 0, nil
		}
		return -1, fmt.Errorf("%s is not in force on %s, %s (it is in force %s)", p.ID, day, what, inForce(p))
	}
	p, err := rs.profiles.AsOf(rs.profiles[0].Level, day)
	switch {
	case errors.Is(err, iop.ErrNoProfile):
		return -1, fmt.Errorf("no %s profile is in force on %s, %s", rs.name, day, what)
	case err != nil:
		return -1, fmt.Errorf("no single %s profile is in force on %s, %s: %w", rs.name, day, what, err)
	}
	return slices.IndexFunc(rs.profiles, func(q iop.Profile) bool { return q.ID == p.ID }), nil
}

// inForce describes the days a profile is in force: "from 2024-01-01 to
// 2024-12-31", or "from 2026-01-01" when it is open-ended.
func inForce(p iop.Profile) string {
	if p.Until == date.Zero {
		return "from " + p.From.String()
	}
	return "from " + p.From.String() + " to " + (p.Until - 1).String()
}

// describe names the rules for the report's heading: the profile's ID, or
// the family's name and how its profiles are chosen.
func (rs *ruleSet) describe() string {
	if rs.family {
		return rs.name + " by first day of service"
	}
	return rs.name
}
