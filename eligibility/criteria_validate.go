package eligibility

import (
	"fmt"

	"github.com/ioprules/ioprules/iop"
)

// Validate reports every problem with c, in a fixed order, as
// [iop.FieldErrors] naming each field by its JSON path. In order:
//
//   - the criteria's own fields: a missing title, edition or source
//     ([iop.ErrMissing]); an ID that [iop.CheckID] refuses; an unknown edition or population
//     ([iop.ErrUnknown]); adolescents under the 4th edition
//     ([iop.ErrOutOfRange]);
//   - the levels: none, unknown, not in the edition, withdrawal-management
//     levels or OTS, or not in strictly ascending intensity ([iop.ErrOrder]);
//   - each rule ("rules[7]"): a missing or unknown dimension, a risk above
//     4, a Min or Max missing or not among the levels, Min more intensive
//     than Max (the rating maps to nothing: [iop.ErrOrder]), a missing
//     citation, the same rating mapped again ([iop.ErrDuplicate], with the
//     index of the first rule in the reason);
//   - each dimension and rating no rule maps: a gap ("rules",
//     [iop.ErrMissing], the dimension and rating in the reason);
//   - for each dimension, a rating that rules in less care than the rating
//     below it, a higher risk needing a less intensive level ([iop.ErrOrder]);
//   - each modifier rule ("modifiers[1]"): a missing or unknown modifier, a
//     floor not among the levels, a missing citation, a modifier given
//     twice ([iop.ErrDuplicate]).
//
// It returns nil when c is valid.
func (c Criteria) Validate() error {
	var errs iop.FieldErrors
	checkID(&errs, "id", c.ID, true)
	if c.Title == "" {
		errs.Add("title", iop.ErrMissing)
	}
	switch {
	case c.Edition == 0:
		errs.Add("edition", iop.ErrMissing)
	case !c.Edition.IsValid():
		errs.Add("edition", iop.ErrUnknown)
	}
	switch {
	case c.Population != 0 && !c.Population.IsValid():
		errs.Add("population", iop.ErrUnknown)
	case c.Population == iop.PopulationAdolescent && c.Edition == iop.Edition4:
		errs.Add("population", errPopulationNotInEdition)
	}
	if c.Source.Source == "" {
		errs.Add("source", iop.ErrMissing)
	}
	levels := c.validateLevels(&errs)
	first := c.validateRules(&errs, levels)
	for d := Dimension1; d <= Dimension6; d++ {
		for r := Risk0; r <= Risk4; r++ {
			if first[d-1][r] < 0 {
				errs.Add("rules", fmt.Errorf("%w: no rule maps %s risk %s", iop.ErrMissing, d, r))
			}
		}
	}
	for d := Dimension1; d <= Dimension6; d++ {
		for r := Risk1; r <= Risk4; r++ {
			i, j := first[d-1][r-1], first[d-1][r]
			if i < 0 || j < 0 {
				continue
			}
			lo, hi := c.Rules[i], c.Rules[j]
			if !levels.has(lo.Min) || !levels.has(lo.Max) || !levels.has(hi.Min) || !levels.has(hi.Max) {
				continue
			}
			if hi.Min.Compare(lo.Min) < 0 || hi.Max.Compare(lo.Max) < 0 {
				errs.Add(indexField("rules", j), fmt.Errorf("%w: rules in less care than the rating below it, rules[%d]", iop.ErrOrder, i))
			}
		}
	}
	c.validateModifiers(&errs, levels)
	return errs.Err()
}

// validateLevels checks c.Levels and returns the set of the valid ones.
func (c Criteria) validateLevels(errs *iop.FieldErrors) levelSet {
	if len(c.Levels) == 0 {
		errs.Add("levels", iop.ErrMissing)
	}
	var set levelSet
	var prev iop.Level
	for i, l := range c.Levels {
		f := indexField("levels", i)
		switch {
		case !l.IsValid():
			errs.Add(f, iop.ErrUnknown)
			continue
		case c.Edition.IsValid() && !l.InEdition(c.Edition):
			errs.Add(f, errLevelNotInEdition)
			continue
		case l.IsWithdrawalManagement() || l == iop.LevelOTS:
			errs.Add(f, errWithdrawalAxis)
			continue
		case prev != 0 && l.Compare(prev) <= 0:
			errs.Add(f, errLevelOrder)
			continue
		}
		set, prev = set.with(l), l
	}
	return set
}

// validateRules checks each rule and returns the index of the first rule
// of each dimension and rating (-1 when none).
func (c Criteria) validateRules(errs *iop.FieldErrors, levels levelSet) [NumDimensions][NumRisks]int {
	var first [NumDimensions][NumRisks]int
	for d := range first {
		for r := range first[d] {
			first[d][r] = -1
		}
	}
	for i, rule := range c.Rules {
		f := indexField("rules", i)
		d, r := rule.Dimension, rule.Risk
		switch {
		case d == 0:
			errs.Add(f+".dimension", iop.ErrMissing)
		case !d.IsValid():
			errs.Add(f+".dimension", iop.ErrUnknown)
		}
		if !r.IsValid() {
			errs.Add(f+".risk", errRiskRange)
		}
		for _, end := range [...]struct {
			name string
			l    iop.Level
		}{{".min", rule.Min}, {".max", rule.Max}} {
			switch {
			case end.l == 0:
				errs.Add(f+end.name, iop.ErrMissing)
			case !levels.has(end.l):
				errs.Add(f+end.name, errNotInCriteria)
			}
		}
		if levels.has(rule.Min) && levels.has(rule.Max) && rule.Min.Compare(rule.Max) > 0 {
			errs.Add(f, errMinAboveMax)
		}
		if rule.Cite.Source == "" {
			errs.Add(f+".cite", iop.ErrMissing)
		}
		if !d.IsValid() || !r.IsValid() {
			continue
		}
		switch j := first[d-1][r]; {
		case j < 0:
			first[d-1][r] = i
		case c.Rules[j] == rule:
			errs.Add(f, fmt.Errorf("%w: the same rule as rules[%d]", iop.ErrDuplicate, j))
		default:
			errs.Add(f, fmt.Errorf("%w: maps the rating of rules[%d] to other levels", iop.ErrDuplicate, j))
		}
	}
	return first
}

func (c Criteria) validateModifiers(errs *iop.FieldErrors, levels levelSet) {
	var seen [numModifiers + 1]int
	for i, mr := range c.Modifiers {
		f := indexField("modifiers", i)
		m := mr.Modifier
		switch {
		case m == 0:
			errs.Add(f+".modifier", iop.ErrMissing)
		case !m.IsValid():
			errs.Add(f+".modifier", iop.ErrUnknown)
		}
		if mr.Floor != 0 && !levels.has(mr.Floor) {
			errs.Add(f+".floor", errNotInCriteria)
		}
		if mr.Cite.Source == "" {
			errs.Add(f+".cite", iop.ErrMissing)
		}
		if !m.IsValid() {
			continue
		}
		if j := seen[m] - 1; j >= 0 {
			errs.Add(f+".modifier", fmt.Errorf("%w: the modifier of modifiers[%d]", iop.ErrDuplicate, j))
			continue
		}
		seen[m] = i + 1
	}
}
