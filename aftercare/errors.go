package aftercare

import (
	"errors"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// Sentinel errors. The errors of this package wrap one of these (or one of
// [iop]'s: [iop.ErrMissing], [iop.ErrUnknownLevel], [iop.ErrOutOfRange],
// [iop.ErrDateOrder], [iop.ErrNegative]), so callers can test with
// [errors.Is].
var (
	ErrUnknownState   = errors.New("unknown episode state")
	ErrUnknownEvent   = errors.New("unknown episode event")
	ErrUnknownReason  = errors.New("unknown discharge reason")
	ErrUnknownStep    = errors.New("unknown step to another level")
	ErrUnknownContact = errors.New("unknown contact status")

	// ErrMoveNotAllowed reports a move the episode's state does not allow:
	// a discharge of a referral, a second admission.
	ErrMoveNotAllowed = errors.New("move not allowed from this state")
	// ErrDateBackwards reports a move dated before the move before it.
	ErrDateBackwards = errors.New("date before the previous move")
	// ErrDischargeBeforeAdmission reports a discharge dated before the
	// admission.
	ErrDischargeBeforeAdmission = errors.New("discharge before admission")
	// ErrAfterDeath reports a move into aftercare after a discharge for
	// death.
	ErrAfterDeath = errors.New("no aftercare after a discharge for death")
	// ErrFieldNotAllowed reports a field that the event's kind does not
	// take: a level on a hold, a discharge on an admission.
	ErrFieldNotAllowed = errors.New("field not allowed for this event")
	// ErrContradictsReason reports a discharge whose planning or step
	// contradicts its reason: a completion that was not planned, a step to
	// another level after a death.
	ErrContradictsReason = errors.New("contradicts the discharge reason")
	// ErrNotDischarged reports a check of an episode that has no discharge.
	ErrNotDischarged = errors.New("episode not discharged")
)

// FieldError reports an invalid field by its JSON path; it is
// [iop.FieldError].
type FieldError = iop.FieldError

// MoveError reports a move that an episode refused. The episode is left as
// it was. The message names the episode's record ID, the position of the
// event in its history, the event's kind and the state it was refused in;
// never the event's date or any other value.
type MoveError struct {
	Episode string    // the episode's record ID
	Index   int       // the position the event would have had in the history, from 0
	Kind    EventKind // the refused event's kind (zero when the kind itself is unknown)
	From    State     // the state the episode was in (zero before the referral)
	Err     error     // a sentinel, or a [*FieldError] naming the event's field
}

// Error returns `aftercare: episode "E1": event 3 (discharge) from referred: move not allowed`.
func (e *MoveError) Error() string {
	from := "start"
	if e.From != 0 {
		from = e.From.String()
	}
	return "aftercare: episode " + strconv.Quote(e.Episode) + ": event " + strconv.Itoa(e.Index) +
		" (" + e.Kind.String() + ") from " + from + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *MoveError) Unwrap() error { return e.Err }

// EpisodeError reports an episode that a function cannot work on: [Check]
// of an episode without a discharge. The message names the record ID only.
type EpisodeError struct {
	Episode string
	Err     error
}

// Error returns `aftercare: episode "E1": episode not discharged`.
func (e *EpisodeError) Error() string {
	return "aftercare: episode " + strconv.Quote(e.Episode) + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *EpisodeError) Unwrap() error { return e.Err }
