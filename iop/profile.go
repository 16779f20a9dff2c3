package iop

import (
	"reflect"
	"slices"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"
)

// Profile is a named, dated set of rule parameters: its identity (ID,
// title, level, edition, dates, source, scope), who is an adult (Ages),
// rule settings (Rules), and the parameters of each checking package as
// one [Part] per package: schedule's weekly hours, tiers, certification
// and claims (schedule.Benefit), group sizes (group.Composition), the
// admission criteria and stay rules (eligibility.Placement), the
// follow-up windows (aftercare.FollowUp). Package iop names none of them:
// a part is any value that implements [Part], and a profile holds at most
// one part per package. The root package's built-in profiles
// (ioprules.MedicareIOP2025, ...) and ioprules.ParseProfile give whole
// profiles; [ParseProfile] reads one with the part kinds given.
//
// A checker whose package has no part in the profile applies none of its
// package's parameterised rules (a profile without a group part checks no
// group sizes).
//
// Profile is a value. It holds slices (states, settings, parts), so it is
// not comparable: use [Profile.Equal]. Parts are values that the library
// never changes; a copy of a profile shares them. It is safe for
// concurrent use as long as no one writes to it; built-in profile
// functions return a fresh value on each call.
type Profile struct {
	// ID identifies the profile and its version: "medicare-iop-2024".
	ID string `json:"id"`
	// Title is a human-readable name.
	Title string `json:"title"`
	// Level is the level of care the profile governs.
	Level Level `json:"level"`
	// Edition is the ASAM edition in which Level is read; zero when the
	// profile is not tied to one (the Medicare benefit is defined by hours).
	Edition Edition `json:"edition,omitzero"`
	// From is the first day the profile is in force.
	From date.Date `json:"from"`
	// Until is the first day the profile is no longer in force; zero when
	// open-ended. The range From..Until is half-open.
	Until date.Date `json:"until,omitzero"`
	// Source is the citation of the profile as a whole.
	Source Citation `json:"source"`
	// Scope is where, by whom and for which provider settings the rules
	// bind: a contractor's rule binds only in its states.
	Scope Scope `json:"scope"`
	// Ages decide which population a person is in: the vocabulary the
	// group, schedule and eligibility checks share.
	Ages AgeRules `json:"ages,omitzero"`

	// Rules change how the checks apply single rules under this profile:
	// another severity than the rule table's, or the rule turned off (a
	// payer contract that treats the weekly minimum as a warning). Each
	// setting names a rule code of a part's table and cites its source.
	Rules []RuleSetting `json:"rules,omitzero"`

	// Parts are the checking packages' parameters, at most one per
	// package. In JSON each is written under its package's key
	// ("schedule": {...}).
	Parts []Part `json:"-"`
}

// Part is one checking package's parameters in a profile. The checking
// packages implement it with value types (schedule.Benefit,
// group.Composition, eligibility.Placement, aftercare.FollowUp); iop never
// names them.
type Part interface {
	// Package names the part's package: "schedule". It is the part's JSON
	// key in a profile and the prefix of its rule codes.
	Package() string
	// Table returns the package's rule table: the codes a profile's
	// settings may name when it has this part.
	Table() RuleTable
	// Validate reports every inconsistency of the part, reading p for what
	// the part depends on (the ages, another part), as [FieldErrors] with
	// paths relative to the part ("weekly.adult.min").
	Validate(p *Profile) error
}

// PartOf returns the part of type T in p, and false when p has none.
func PartOf[T Part](p *Profile) (T, bool) {
	for _, pt := range p.Parts {
		if t, ok := pt.(T); ok {
			return t, true
		}
	}
	var zero T
	return zero, false
}

// RuleSetting changes how a profile applies one rule: Severity replaces
// the rule table's default, or Off turns the rule off. Exactly one of the
// two is set. The code must be in the rule table of one of the profile's
// parts ([Profile.Validate]).
type RuleSetting struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity,omitzero"`
	Off      bool     `json:"off,omitzero"`
	Cite     Citation `json:"cite"`
}

// Setting returns how p applies rule r: the severity its findings have,
// and false when p turns the rule off. A rule p does not name keeps the
// table's severity.
func (p *Profile) Setting(r Rule) (Severity, bool) {
	for _, s := range p.Rules {
		if s.Code == r.Code {
			return s.Severity, !s.Off
		}
	}
	return r.Severity, true
}

// AgeRules decide which population a person belongs to on a date.
type AgeRules struct {
	// AdultAge is the age at which a person is an adult: 18 in most rules,
	// 21 in DC's. Zero means the profile does not set it.
	AdultAge int `json:"adult_age,omitzero"`
	// MinAge is the youngest age the program serves: 12 for Illinois's
	// adolescent programs. Zero means no lower limit.
	MinAge int `json:"min_age,omitzero"`
	// AdolescentMaxAge is the oldest age a person may still be served in
	// adolescent treatment (22 in Illinois, with justification). Zero means
	// AdultAge - 1.
	AdolescentMaxAge int `json:"adolescent_max_age,omitzero"`
	// AdultMinAge is the youngest age a person may be served in adult
	// treatment (16 in Illinois, with justification). Zero means AdultAge.
	AdultMinAge int      `json:"adult_min_age,omitzero"`
	Cite        Citation `json:"cite,omitzero"`
}

// PopulationOn returns the population of a person born on birth, on day on:
// [PopulationAdolescent] below AdultAge, [PopulationAdult] from it. It returns an error wrapping
// [ErrMissing] when the rules set no adult age, [ErrOrder] when birth is
// after on, and [ErrOutOfRange] when the person is below MinAge.
// The error never holds the dates.
func (r AgeRules) PopulationOn(birth, on date.Date) (Population, error) {
	if r.AdultAge <= 0 {
		return 0, &FieldError{Field: "ages.adult_age", Err: ErrMissing}
	}
	age, err := AgeOn(birth, on)
	if err != nil {
		return 0, err
	}
	return r.PopulationAt(age)
}

// PopulationAt returns the population of a person of age years, as
// [AgeRules.PopulationOn] does.
func (r AgeRules) PopulationAt(age int) (Population, error) {
	switch {
	case r.AdultAge <= 0:
		return 0, &FieldError{Field: "ages.adult_age", Err: ErrMissing}
	case age < 0 || age < r.MinAge:
		return 0, &FieldError{Field: "ages.min_age", Err: ErrOutOfRange}
	case age >= r.AdultAge:
		return PopulationAdult, nil
	}
	return PopulationAdolescent, nil
}

// MayJoin reports whether a person of age years may be served in a program
// for population p, counting the overlaps AdolescentMaxAge and AdultMinAge
// allow.
func (r AgeRules) MayJoin(age int, p Population) bool {
	if age < r.MinAge || r.AdultAge <= 0 {
		return false
	}
	switch p {
	case PopulationAdult:
		min := r.AdultAge
		if r.AdultMinAge > 0 {
			min = r.AdultMinAge
		}
		return age >= min
	case PopulationAdolescent:
		max := r.AdultAge - 1
		if r.AdolescentMaxAge > 0 {
			max = r.AdolescentMaxAge
		}
		return age <= max
	}
	return false
}

// Band is a range of weekly service minutes; both ends are included.
// Max zero means no maximum.
type Band struct {
	Min Minutes `json:"min"`
	Max Minutes `json:"max,omitzero"`
}

// Contains reports whether m is within the band.
func (b Band) Contains(m Minutes) bool { return b.Compare(m) == 0 }

// Compare places m against the band: -1 below Min, +1 above a Max that is
// set, 0 within. It is the one judgement of weekly minutes the library
// makes: schedule's weekly check and eligibility's admission check both
// call it.
func (b Band) Compare(m Minutes) int {
	switch {
	case m < b.Min:
		return -1
	case b.Max != 0 && m > b.Max:
		return +1
	}
	return 0
}

// InForce returns the range of days the profile is in force. An open-ended
// profile runs to [date.Max].
func (p Profile) InForce() timespan.DateRange {
	until := p.Until
	if until == date.Zero {
		until = date.Max()
	}
	return timespan.BetweenDates(p.From, until)
}

// InForceOn reports whether the profile is in force on day d.
func (p Profile) InForceOn(d date.Date) bool {
	return d >= p.From && (p.Until == date.Zero || d < p.Until)
}

// WithPart returns a copy of p with part pt in place of p's part of the
// same package, or added after p's parts when p has none: the way to
// change one package's parameters of a profile (a built-in profile with
// another weekly band). p itself is not changed.
func (p Profile) WithPart(pt Part) Profile {
	p.Parts = slices.Clone(p.Parts)
	for i, q := range p.Parts {
		if q != nil && pt != nil && q.Package() == pt.Package() {
			p.Parts[i] = pt
			return p
		}
	}
	p.Parts = append(p.Parts, pt)
	return p
}

// IsZero reports whether p is the zero Profile.
func (p Profile) IsZero() bool { return p.Equal(Profile{}) }

// Equal reports whether p and q hold the same identity, ages, settings and
// parts; parts are compared with [reflect.DeepEqual], in order.
func (p Profile) Equal(q Profile) bool {
	return p.ID == q.ID && p.Title == q.Title && p.Level == q.Level &&
		p.Edition == q.Edition && p.From == q.From && p.Until == q.Until &&
		p.Source == q.Source && p.Scope.equal(q.Scope) && p.Ages == q.Ages &&
		slices.Equal(p.Rules, q.Rules) && len(p.Parts) == len(q.Parts) &&
		reflect.DeepEqual(p.Parts, q.Parts)
}

// Clone returns a copy of p whose slices (states, settings, parts) are
// its own. The parts themselves are values the library never changes, and
// are shared.
func (p Profile) Clone() Profile {
	p.Scope.States = slices.Clone(p.Scope.States)
	p.Rules = slices.Clone(p.Rules)
	p.Parts = slices.Clone(p.Parts)
	return p
}
