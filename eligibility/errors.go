package eligibility

import (
	"fmt"

	"github.com/ioprules/ioprules/iop"
)

// The reasons this package gives in its errors. Each wraps one of package
// iop's sentinel errors, so that errors.Is(err, iop.ErrOutOfRange) and the
// like work; none holds input text.
var (
	errNotIOPProfile          = fmt.Errorf("%w: the eligibility checks need a level 2.1 (intensive outpatient) or 2.5 (partial hospitalization) profile", iop.ErrOutOfRange)
	errStayNotIOP             = fmt.Errorf("%w: the continued-stay, transfer and discharge checks judge a level 2.1 (intensive outpatient) stay", iop.ErrOutOfRange)
	errEditionMismatch        = fmt.Errorf("%w: not the edition of the criteria", iop.ErrOutOfRange)
	errProfileEdition         = fmt.Errorf("%w: not the edition of the profile", iop.ErrOutOfRange)
	errPopulationMismatch     = fmt.Errorf("%w: the criteria do not apply to this population", iop.ErrOutOfRange)
	errPopulationNotInEdition = fmt.Errorf("%w: the 4th edition does not cover adolescents", iop.ErrOutOfRange)
	errLevelNotInEdition      = fmt.Errorf("%w: not a level of the edition", iop.ErrOutOfRange)
	errNotInCriteria          = fmt.Errorf("%w: not a level of the criteria", iop.ErrUnknown)
	errWithdrawalAxis         = fmt.Errorf("%w: withdrawal management and OTS are not placement levels", iop.ErrOutOfRange)
	errLevelOrder             = fmt.Errorf("%w: levels must ascend in intensity", iop.ErrOrder)
	errMinAboveMax            = fmt.Errorf("%w: min is more intensive than max", iop.ErrOrder)
	errRiskRange              = fmt.Errorf("%w: a risk rating is 0 to 4", iop.ErrOutOfRange)
	errNoRisk                 = fmt.Errorf("%w: a rating needs its risk, 0 to 4", iop.ErrMissing)
	errNotRated               = fmt.Errorf("%w: the dimension is not rated", iop.ErrMissing)
	errBeforePrevious         = fmt.Errorf("%w: dated before the assessment before it", iop.ErrOrder)
	errAdmittedAfter          = fmt.Errorf("%w: admission after the reassessment", iop.ErrOrder)
	errPreviousAfter          = fmt.Errorf("%w: the previous assessment is dated after the reassessment", iop.ErrOrder)
	errSteppedDownAfter       = fmt.Errorf("%w: the step-down is dated after the reassessment", iop.ErrOrder)
	errPatientBoth            = fmt.Errorf("%w: a patient criterion recorded both met and not met", iop.ErrDuplicate)
	errNegativeMinutes        = fmt.Errorf("%w: planned minutes are negative", iop.ErrOutOfRange)
	errNoDecision             = fmt.Errorf("%w: no decision made by Checker.Decide", iop.ErrMissing)
	errDerived                = fmt.Errorf("%w: not what the reasons give", iop.ErrOutOfRange)
	errNotAssessed            = fmt.Errorf("%w: not the assessment's", iop.ErrOutOfRange)
	errDimensionOrder         = fmt.Errorf("%w: one reason per dimension, D1 to D6 in order", iop.ErrOrder)
	errModifierOrder          = fmt.Errorf("%w: modifiers in the order of the constants, each once", iop.ErrOrder)
	errModifierMissing        = fmt.Errorf("%w: a modifier of the assessment has no reason", iop.ErrMissing)
	errNoModifierRule         = fmt.Errorf("%w: a modifier without a rule (rule -1) has no floor or citation", iop.ErrOutOfRange)
	errRuleIndex              = fmt.Errorf("%w: not an index of the criteria's rules", iop.ErrOutOfRange)
	errReasonCount            = fmt.Errorf("%w: a decision has one reason per dimension, 6", iop.ErrOutOfRange)
	errPartialRatings         = fmt.Errorf("%w: ratings, when given, rate all six dimensions", iop.ErrMissing)
	errRecommendationReasons  = fmt.Errorf("%w: a recommended decision's reasons come from the assessment's ratings", iop.ErrOutOfRange)
	errCriteriaAndSource      = fmt.Errorf("%w: a decision has criteria or a source, not both", iop.ErrDuplicate)
)

// fieldError returns err about field as an [iop.FieldErrors] of one error.
func fieldError(field string, err error) error {
	return iop.FieldErrors{{Field: field, Err: err}}
}
