package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// criteriaCheck collects the problems of criteria in the order of the checks.
type criteriaCheck struct{ errs iop.Errors }

func (v *criteriaCheck) field(field string, err error) {
	v.errs = append(v.errs, &iop.FieldError{Field: field, Err: err})
}

func (v *criteriaCheck) rule(e RuleError) { v.errs = append(v.errs, &e) }

// Validate reports every problem with c, in a fixed order, as [iop.Errors].
// Problems with the criteria's own fields are [*iop.FieldError]s: a missing
// ID, title, edition or source; an unknown population, or adolescents under
// the 4th edition; levels that are missing, unknown, not in the edition,
// withdrawal-management levels, or not in strictly ascending intensity.
// Problems with rules are [*RuleError]s naming the rule, in this order:
//
//   - for each rule: an unknown dimension or rating; a Min or Max missing or
//     not among the levels; Min more intensive than Max (the rating maps to
//     nothing); a missing citation; the same rating mapped again
//     ([ErrDuplicateRule] when identical, [ErrContradiction] when not);
//   - for each dimension and rating no rule maps: [ErrUnmapped] (a gap);
//   - for each dimension, a rating that rules in less care than the rating
//     below it (a higher risk needing a less intensive level):
//     [ErrContradiction];
//   - for each modifier rule: an unknown modifier, a floor not among the
//     levels, a missing citation, a modifier given twice.
//
// It returns nil when c is valid.
func (c Criteria) Validate() error {
	var v criteriaCheck
	if c.ID == "" {
		v.field("id", iop.ErrMissing)
	}
	if c.Title == "" {
		v.field("title", iop.ErrMissing)
	}
	switch {
	case c.Edition == 0:
		v.field("edition", iop.ErrMissing)
	case !c.Edition.IsValid():
		v.field("edition", iop.ErrUnknownEdition)
	}
	switch {
	case c.Population != 0 && !c.Population.IsValid():
		v.field("population", iop.ErrUnknownPopulation)
	case c.Population == iop.Adolescent && c.Edition == iop.Edition4:
		v.field("population", ErrPopulationNotInEdition)
	}
	if c.Source.Source == "" {
		v.field("source", iop.ErrMissingCitation)
	}
	levels := v.levels(c)
	first := v.rules(c, levels)
	for _, d := range Dimensions() {
		for _, r := range Risks() {
			if first[d-1][r-1] < 0 {
				v.rule(RuleError{Field: "rules", Dimension: d, Risk: r, Err: ErrUnmapped})
			}
		}
	}
	for _, d := range Dimensions() {
		for r := Risk1; r <= Risk4; r++ {
			i, j := first[d-1][r-2], first[d-1][r-1]
			if i < 0 || j < 0 {
				continue
			}
			lo, hi := c.Rules[i], c.Rules[j]
			if !levels.has(lo.Min) || !levels.has(lo.Max) || !levels.has(hi.Min) || !levels.has(hi.Max) {
				continue
			}
			if hi.Min.Compare(lo.Min) < 0 || hi.Max.Compare(lo.Max) < 0 {
				v.rule(RuleError{Field: ruleField(j), Dimension: d, Risk: r, With: ruleField(i), Err: ErrContradiction})
			}
		}
	}
	v.modifiers(c, levels)
	return v.errs.Err()
}

// levels checks c.Levels and returns the set of the valid ones.
func (v *criteriaCheck) levels(c Criteria) levelSet {
	if len(c.Levels) == 0 {
		v.field("levels", iop.ErrMissing)
	}
	var set levelSet
	var prev iop.Level
	for i, l := range c.Levels {
		f := indexField("levels", i)
		switch {
		case !l.IsValid():
			v.field(f, iop.ErrUnknownLevel)
			continue
		case c.Edition.IsValid() && !l.InEdition(c.Edition):
			v.field(f, iop.ErrLevelNotInEdition)
			continue
		case l.IsWithdrawalManagement() || l == iop.LevelOTS:
			v.field(f, ErrWithdrawalAxis)
			continue
		case prev != 0 && l.Compare(prev) <= 0:
			v.field(f, ErrLevelOrder)
			continue
		}
		set, prev = set.with(l), l
	}
	return set
}

// rules checks each rule and returns the index of the first rule of each
// dimension and rating (-1 when none).
func (v *criteriaCheck) rules(c Criteria, levels levelSet) [NumDimensions][NumRisks]int {
	var first [NumDimensions][NumRisks]int
	for d := range first {
		for r := range first[d] {
			first[d][r] = -1
		}
	}
	for i, rule := range c.Rules {
		f := ruleField(i)
		d, r := rule.Dimension, rule.Risk
		base := RuleError{Field: f, Dimension: d, Risk: r}
		bad := func(field string, err error) {
			e := base
			e.Field, e.Err = field, err
			v.rule(e)
		}
		if !d.IsValid() || !r.IsValid() {
			base.Dimension, base.Risk = 0, 0
			if !d.IsValid() {
				bad(f+".dimension", missingOr(d == 0, ErrUnknownDimension))
			}
			if !r.IsValid() {
				bad(f+".risk", missingOr(r == 0, ErrUnknownRisk))
			}
		}
		for _, end := range [...]struct {
			name string
			l    iop.Level
		}{{".min", rule.Min}, {".max", rule.Max}} {
			switch {
			case end.l == 0:
				bad(f+end.name, ErrMapsToNothing)
			case !levels.has(end.l):
				bad(f+end.name, ErrLevelNotInCriteria)
			}
		}
		if levels.has(rule.Min) && levels.has(rule.Max) && rule.Min.Compare(rule.Max) > 0 {
			bad(f, ErrMapsToNothing)
		}
		if rule.Cite.Source == "" {
			bad(f+".cite", iop.ErrMissingCitation)
		}
		if !d.IsValid() || !r.IsValid() {
			continue
		}
		switch j := first[d-1][r-1]; {
		case j < 0:
			first[d-1][r-1] = i
		case c.Rules[j] == rule:
			e := base
			e.With, e.Err = ruleField(j), ErrDuplicateRule
			v.rule(e)
		default:
			e := base
			e.With, e.Err = ruleField(j), ErrContradiction
			v.rule(e)
		}
	}
	return first
}

func (v *criteriaCheck) modifiers(c Criteria, levels levelSet) {
	var seen [NumModifiers + 1]int
	for i, mr := range c.Modifiers {
		f := modifierField(i)
		m := mr.Modifier
		base := RuleError{Field: f, Modifier: m}
		if !m.IsValid() {
			base.Modifier = 0
			e := base
			e.Field, e.Err = f+".modifier", missingOr(m == 0, ErrUnknownModifier)
			v.rule(e)
		}
		if mr.Floor != 0 && !levels.has(mr.Floor) {
			e := base
			e.Field, e.Err = f+".floor", ErrLevelNotInCriteria
			v.rule(e)
		}
		if mr.Cite.Source == "" {
			e := base
			e.Field, e.Err = f+".cite", iop.ErrMissingCitation
			v.rule(e)
		}
		if !m.IsValid() {
			continue
		}
		if j := seen[m] - 1; j >= 0 {
			e := base
			e.With, e.Err = modifierField(j), ErrContradiction
			if c.Modifiers[j] == mr {
				e.Err = ErrDuplicateRule
			}
			v.rule(e)
			continue
		}
		seen[m] = i + 1
	}
}

func missingOr(missing bool, err error) error {
	if missing {
		return iop.ErrMissing
	}
	return err
}
