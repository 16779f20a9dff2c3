package eligibility

import (
	"errors"
	"strings"

	"github.com/ioprules/ioprules/iop"
)

// Sentinel errors. Parse, decode and validation errors wrap one of these (or
// one of package iop's, such as [iop.ErrMissing]), so callers can test with
// [errors.Is].
var (
	ErrUnknownDimension = errors.New("unknown assessment dimension")
	ErrUnknownRisk      = errors.New("unknown risk rating")
	ErrUnknownModifier  = errors.New("unknown assessment modifier")
	ErrUnknownVariance  = errors.New("unknown variance reason")
	ErrUnknownProgress  = errors.New("unknown progress")
	ErrUnknownDirection = errors.New("unknown direction of a move")
	ErrDuplicateEntry   = errors.New("given more than once")

	// ErrUnmapped reports a risk rating of a dimension that no rule of the
	// criteria maps to levels of care: a gap.
	ErrUnmapped = errors.New("risk rating mapped by no rule")
	// ErrContradiction reports two rules that cannot both hold: the same
	// rating mapped twice to different levels, or a higher rating of a
	// dimension that needs less care than a lower one.
	ErrContradiction = errors.New("contradictory rules")
	// ErrDuplicateRule reports the same rule given twice.
	ErrDuplicateRule = errors.New("rule given twice")
	// ErrMapsToNothing reports a rule that rules in no level of care: no
	// minimum, or a minimum more intensive than its maximum.
	ErrMapsToNothing = errors.New("rule maps the rating to no level of care")
	// ErrLevelNotInCriteria reports a level that is not in the criteria's
	// list of levels.
	ErrLevelNotInCriteria = errors.New("level of care not in the criteria's levels")
	// ErrWithdrawalAxis reports a 3rd-edition withdrawal-management level (or
	// OTS) used as a placement level: the 3rd edition keeps them on an axis
	// of their own.
	ErrWithdrawalAxis = errors.New("withdrawal management and OTS are not placement levels")
	// ErrLevelOrder reports levels not listed in strictly ascending
	// intensity.
	ErrLevelOrder = errors.New("levels not in ascending order of intensity")

	ErrEditionMismatch        = errors.New("assessment and criteria are of different ASAM editions")
	ErrPopulationMismatch     = errors.New("criteria do not apply to the assessment's population")
	ErrPopulationNotInEdition = errors.New("population not covered by this ASAM edition")
)

// RuleError reports a rule of [Criteria] that is missing, malformed or in
// conflict with another rule. Field is the JSON path of the rule
// ("rules[7]", "modifiers[1]"), or "rules" for a rating that no rule maps;
// Dimension and Risk name the rating a dimension rule is about, Modifier the
// modifier a modifier rule is about; With is the JSON path of the rule it
// conflicts with, if any. Err wraps one of the sentinel errors
// ([ErrUnmapped], [ErrContradiction], [ErrMapsToNothing], ...).
type RuleError struct {
	Field     string
	Dimension Dimension
	Risk      Risk
	Modifier  Modifier
	With      string
	Err       error
}

// Error returns "eligibility: rule D3 risk 2 (rules[7]): contradictory
// rules: conflicts with rules[4]".
func (e *RuleError) Error() string {
	var b strings.Builder
	b.WriteString("eligibility: rule ")
	switch {
	case e.Dimension != 0:
		b.WriteString(e.Dimension.String())
		b.WriteString(" risk ")
		b.WriteString(e.Risk.String())
		b.WriteString(" (")
		b.WriteString(e.Field)
		b.WriteString(")")
	case e.Modifier != 0:
		b.WriteString(e.Modifier.String())
		b.WriteString(" (")
		b.WriteString(e.Field)
		b.WriteString(")")
	default:
		b.WriteString(e.Field)
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	if e.With != "" {
		b.WriteString(": conflicts with ")
		b.WriteString(e.With)
	}
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *RuleError) Unwrap() error { return e.Err }

func parseError(fn, input string, err error) error {
	return &iop.ParseError{Func: "eligibility." + fn, Input: input, Err: err}
}
