package iop

import (
	"fmt"
	"slices"
	"strconv"
)

// Limits that no rule can exceed, used to refuse absurd profiles.
const maxAge = 130

// validator collects field errors in the order of the checks.
type validator struct{ errs FieldErrors }

func (v *validator) add(field string, err error) {
	v.errs.Add(field, err)
}

func (v *validator) nonNegative(field string, n int) {
	if n < 0 {
		v.add(field, fmt.Errorf("%w: negative", ErrOutOfRange))
	}
}

func (v *validator) atMost(field string, n, max int) {
	if n > max {
		v.add(field, fmt.Errorf("%w: above %d", ErrOutOfRange, max))
	}
}

func (v *validator) count(field string, n, max int) {
	v.nonNegative(field, n)
	v.atMost(field, n, max)
}

func (v *validator) cited(field string, set bool, c Citation) {
	if set && c.Source == "" {
		v.add(field, fmt.Errorf("%w: citation", ErrMissing))
	}
}

// Validate reports every inconsistency in p, as [FieldErrors] naming each
// field by its JSON path, and returns nil when p is valid. It checks that
// the identity is complete (ID, title, a valid level defined in the
// edition, a start date, an end after the start, a source); that the scope
// names its reach (and its states, for a state or contractor rule); that
// the ages are in order and cited; that no two parts are of one package;
// each part, with its own Validate, its errors under its package's key
// ("schedule.weekly.adult.min"); and that each rule setting names a rule
// of one of the parts' tables, once, with a valid severity or off, and a
// citation. So a setting of a schedule rule needs a schedule part, even
// an empty one. Validate is the one place rule codes are checked: every
// NewChecker calls it.
func (p Profile) Validate() error {
	var v validator
	if p.ID == "" {
		v.add("id", ErrMissing)
	}
	if p.Title == "" {
		v.add("title", ErrMissing)
	}
	switch {
	case p.Level == 0:
		v.add("level", ErrMissing)
	case !p.Level.IsValid():
		v.add("level", ErrUnknown)
	case p.Edition != 0 && !p.Edition.IsValid():
		v.add("edition", ErrUnknown)
	case p.Edition != 0 && !p.Level.InEdition(p.Edition):
		v.add("level", fmt.Errorf("%w: %s in the %s edition", ErrUnknown, p.Level, p.Edition))
	}
	if p.From == 0 {
		v.add("from", ErrMissing)
	}
	if p.Until != 0 && p.Until <= p.From {
		v.add("until", fmt.Errorf("%w: until must be after from", ErrOrder))
	}
	v.cited("source", true, p.Source)
	p.Scope.validate(&v)

	a := p.Ages
	v.count("ages.adult_age", a.AdultAge, maxAge)
	v.count("ages.min_age", a.MinAge, maxAge)
	v.count("ages.adolescent_max_age", a.AdolescentMaxAge, maxAge)
	v.count("ages.adult_min_age", a.AdultMinAge, maxAge)
	if a != (AgeRules{Cite: a.Cite}) {
		if a.AdultAge == 0 {
			v.add("ages.adult_age", ErrMissing)
		}
		if a.MinAge != 0 && a.MinAge >= a.AdultAge {
			v.add("ages.min_age", fmt.Errorf("%w: min_age %d, adult_age %d", ErrOrder, a.MinAge, a.AdultAge))
		}
		if a.AdolescentMaxAge != 0 && a.AdolescentMaxAge < a.AdultAge-1 {
			v.add("ages.adolescent_max_age", fmt.Errorf("%w: below adult_age - 1", ErrOutOfRange))
		}
		if a.AdultMinAge > a.AdultAge {
			v.add("ages.adult_min_age", fmt.Errorf("%w: adult_min_age %d, adult_age %d", ErrOrder, a.AdultMinAge, a.AdultAge))
		}
	}
	v.cited("ages.cite", a != (AgeRules{Cite: a.Cite}), a.Cite)

	if _, err := documentType(p.Parts, "parts"); err != nil {
		v.add("", err)
	} else {
		for _, pt := range p.Parts {
			v.add(pt.Package(), pt.Validate(&p))
		}
	}
	validateSettings(&v, p.Rules, p.Parts)
	return v.errs.Err()
}

// known reports whether code c is in the table of one of parts.
func known(c Code, parts []Part) bool {
	for _, pt := range parts {
		if pt == nil {
			continue
		}
		if _, ok := pt.Table().Rule(c); ok {
			return true
		}
	}
	return false
}

func validateSettings(v *validator, rules []RuleSetting, parts []Part) {
	for i, s := range rules {
		field := "rules[" + strconv.Itoa(i) + "]"
		switch {
		case s.Code == "":
			v.add(field+".code", ErrMissing)
		case !known(s.Code, parts):
			v.add(field+".code", ErrUnknown)
		case slices.ContainsFunc(rules[:i], func(r RuleSetting) bool { return r.Code == s.Code }):
			v.add(field+".code", ErrDuplicate)
		}
		switch {
		case s.Off && s.Severity != 0:
			v.add(field+".severity", fmt.Errorf("%w: a rule turned off has no severity", ErrOrder))
		case !s.Off && s.Severity == 0:
			v.add(field+".severity", fmt.Errorf("%w: set a severity or off", ErrMissing))
		case !s.Off && !s.Severity.IsValid():
			v.add(field+".severity", ErrUnknown)
		}
		v.cited(field+".cite", true, s.Cite)
	}
}
