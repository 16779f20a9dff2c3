package aftercare

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The errors of the episode's state machine. Each wraps one of [iop]'s
// sentinels, so that both errors.Is(err, aftercare.ErrDateBackwards) and
// errors.Is(err, iop.ErrOrder) hold. Malformed events and plans are
// reported with [iop]'s sentinels alone, as [iop.FieldErrors] naming the
// field: [iop.ErrMissing], [iop.ErrUnknown], [iop.ErrOutOfRange],
// [iop.ErrOrder], [iop.ErrUnknownField].
var (
	// ErrMoveNotAllowed reports a move the episode's state does not allow:
	// a discharge of a referral, a second admission. It wraps
	// [iop.ErrOrder].
	ErrMoveNotAllowed = fmt.Errorf("%w: move not allowed from this state", iop.ErrOrder)
	// ErrDateBackwards reports a move dated before the move before it. It
	// wraps [iop.ErrOrder].
	ErrDateBackwards = fmt.Errorf("%w: date before the previous move", iop.ErrOrder)
	// ErrDischargeBeforeAdmission reports a discharge dated before the
	// admission. It wraps [iop.ErrOrder].
	ErrDischargeBeforeAdmission = fmt.Errorf("%w: discharge before admission", iop.ErrOrder)
	// ErrAfterDeath reports a move into aftercare after a discharge for
	// death. It wraps [ErrMoveNotAllowed].
	ErrAfterDeath = fmt.Errorf("%w after a discharge for death", ErrMoveNotAllowed)
	// ErrNotDischarged reports a check of an episode that has no
	// discharge. It wraps [iop.ErrMissing].
	ErrNotDischarged = fmt.Errorf("%w: episode not discharged", iop.ErrMissing)
)

// The details of the field errors of events, discharges and plans.
var (
	errFieldNotAllowed = fmt.Errorf("%w: not taken by this kind of event", iop.ErrUnknownField)
	errAlwaysPlanned   = fmt.Errorf("%w: a discharge for this reason is always planned", iop.ErrOutOfRange)
	errNeverPlanned    = fmt.Errorf("%w: a discharge for this reason is never planned", iop.ErrOutOfRange)
	errNoStep          = fmt.Errorf("%w: no step to another level after a discharge for this reason", iop.ErrOutOfRange)
	errCountAbove      = fmt.Errorf("%w: above %d", iop.ErrOutOfRange, maxPerWeek)
	errNegative        = fmt.Errorf("%w: negative", iop.ErrOutOfRange)
	errContactOrder    = fmt.Errorf("%w: contacts must be in date order", iop.ErrOrder)
	errTEDSCode        = fmt.Errorf("%w: TEDS-D reason codes are 1 to 7", iop.ErrOutOfRange)
)

// MoveError reports a move that an episode refused. The episode is left as
// it was. The message names the position of the event in the history, the
// event's kind and the state it was refused in; never the episode's record
// ID, the event's date or any other value. Episode holds the record ID for
// the caller.
type MoveError struct {
	Episode string    // the episode's record ID; not in the message
	Index   int       // the position the event would have had in the history, from 0
	Kind    EventKind // the refused event's kind (zero when the kind itself is unknown)
	From    State     // the state the episode was in (zero before the referral)
	Err     error     // an error above, or [iop.FieldErrors] naming the event's fields
}

// Error returns "aftercare: event 3 (discharge) from referred: out of
// order: move not allowed from this state".
func (e *MoveError) Error() string {
	from := "start"
	if e.From != 0 {
		from = e.From.String()
	}
	return "aftercare: event " + strconv.Itoa(e.Index) + " (" + e.Kind.String() + ") from " + from + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *MoveError) Unwrap() error { return e.Err }
