package authorization

// This file holds what depends on the shape of iop's profile and finding
// plumbing: how a Checker finds its Terms in a profile, applies the
// profile's rule settings, builds a finding, and gives its rule table.
// The rest of the package sees only add, the checker's fields and Rules.

import (
	"slices"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Rules returns the package's rule table, in the order the checks apply
// the rules: each code with its default severity, what it checks and its
// general source.
func Rules() iop.RuleTable { return iop.NewRuleTable(rules[:]...) }

// Package returns "authorization": the key of Terms in a profile's JSON
// and the prefix of the package's rule codes.
func (Terms) Package() string { return "authorization" }

// Table returns the package's rule table, [Rules].
func (Terms) Table() iop.RuleTable { return Rules() }

// Validate reports every inconsistency of t as [iop.FieldErrors] with
// paths relative to the part ("lead_days"): a day count below 0 or above
// a year, a rate window above 52 weeks ([iop.ErrOutOfRange]), a group set
// without its citation ([iop.ErrMissing]).
func (t Terms) Validate(*iop.Profile) error { return t.validate() }

// Checker applies one profile's authorization rules, with its Terms when
// it has them. Make one with [NewChecker]; it is an immutable value, cheap
// to copy and safe for concurrent use. The zero Checker is not usable:
// its checks return an error.
type Checker struct{ r *checker }

type checker struct {
	p     iop.Profile
	rules check.Rules
	terms Terms
	cite  [numRules]iop.Citation // the Terms' citation of a rule; zero for the table's
}

// NewChecker returns a Checker for profile p, after validating it
// ([iop.Profile.Validate]: a rule setting of an authorization code needs
// the profile's Terms, even empty ones). The profile's [Terms] are its
// part of the profile ([iop.PartOf]); a profile without them gives a
// Checker that applies no review, notice or decision-time rule. The
// profile is copied: later changes to p do not reach the Checker.
func NewChecker(p iop.Profile) (Checker, error) {
	if err := p.Validate(); err != nil {
		return Checker{}, err
	}
	p = p.Clone()
	t, _ := iop.PartOf[Terms](&p)
	r := &checker{p: p, terms: t, rules: check.New(rules[:], &p)}
	r.cite[ruleReviewDue] = t.ReviewCite
	r.cite[ruleReviewPastDue] = t.ReviewCite
	r.cite[ruleExpiringNoPlan] = t.ReviewCite
	r.cite[ruleDecisionLate] = t.DecisionCite
	return Checker{r}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Profile returns a copy of the profile ck applies; the zero Profile for
// the zero Checker.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	return ck.r.p.Clone()
}

// Terms returns the Terms ck applies; the zero Terms when its profile has
// none.
func (ck Checker) Terms() Terms {
	if ck.r == nil {
		return Terms{}
	}
	return ck.r.terms
}

// Rules returns the rule table as ck applies it: each rule's severity
// under the profile (zero for a rule it turns off) and the citation of
// the Terms for the rules they parameterise. It gives ck's findings their
// words ([iop.RuleTable.Message]). The zero Checker's table is [Rules].
func (ck Checker) Rules() iop.RuleTable {
	if ck.r == nil {
		return Rules()
	}
	return ck.r.rules.Table(ck.r.cite[:])
}

// finding is what a check found, before the rule's code and severity are
// set: the fields of iop.Finding that the checks fill.
type finding struct {
	subject, ref string
	day          date.Date
	level        iop.Level
	need, got    int64
	unit         iop.Unit
}

// add appends the finding f of rule i to dst, with the rule's code and
// severity. A rule that is off adds nothing.
func (r *checker) add(dst iop.Findings, i int, f finding) iop.Findings {
	return r.rules.Add(dst, i, iop.Finding{Subject: f.subject, Ref: f.ref, Day: f.day, Level: f.level,
		Need: f.need, Got: f.got, Unit: f.unit})
}

// rank returns the place of code c in the rule table.
func rank(c iop.Code) int {
	for i := range rules {
		if rules[i].Code == c {
			return i
		}
	}
	return numRules
}

// sortByRule puts the findings of fs in rule order, keeping the order of
// those of one rule.
func sortByRule(fs iop.Findings) {
	slices.SortStableFunc(fs, func(a, b iop.Finding) int { return rank(a.Code) - rank(b.Code) })
}

// zeroChecker is the error of a check of the zero Checker.
func zeroChecker() error { return check.ZeroChecker() }
