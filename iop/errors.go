package iop

import (
	"errors"
	"strings"

	"github.com/ioprules/ioprules/internal/strictjson"
)

// Sentinel errors. Parse and validation errors wrap one of these, so callers
// can test with [errors.Is].
var (
	ErrUnknownEdition    = errors.New("unknown ASAM edition")
	ErrUnknownLevel      = errors.New("unknown level of care")
	ErrUnknownPopulation = errors.New("unknown population")
	ErrUnknownSeverity   = errors.New("unknown severity")
	ErrUnknownUnit       = errors.New("unknown unit")
	ErrUnknownPartial    = errors.New("unknown partial-week rule")
	ErrInvalidMinutes    = errors.New("invalid minutes")
	ErrLevelNotInEdition = errors.New("level of care not defined in this edition")
	ErrMissing           = errors.New("missing")
	ErrNegative          = errors.New("negative")
	ErrOutOfRange        = errors.New("out of range")
	ErrMinAboveMax       = errors.New("minimum above maximum")
	ErrMissingCitation   = errors.New("missing citation")
	ErrDateOrder         = errors.New("dates out of order")
	ErrNoProfile         = errors.New("no profile in force")
	ErrAmbiguousProfile  = errors.New("more than one profile in force")
	ErrBirthAfterDate    = errors.New("birth date after the date judged")

	// ErrUnknownField, ErrDuplicateField, ErrSyntax and ErrInvalidDate are
	// reported by the strict JSON decoders of every package.
	ErrUnknownField   = strictjson.ErrUnknownField
	ErrDuplicateField = strictjson.ErrDuplicateField
	ErrSyntax         = strictjson.ErrSyntax
	ErrInvalidDate    = strictjson.ErrInvalidDate
)

// FieldError reports an invalid field of a decoded or validated value.
// Field is a dotted path ("weekly.adult.min", "members[3].record_id"); Err
// wraps one of the sentinel errors. The message never holds the field's value.
type FieldError = strictjson.FieldError

// ParseError reports a string that a Parse function does not accept.
// Its message has the shape `iop.ParseLevel("IOP"): unknown level of care`.
type ParseError struct {
	Func  string // the function that failed, e.g. "iop.ParseLevel"
	Input string // the rejected input, quoted in the message
	Err   error  // the sentinel error
}

// Error implements the error interface.
func (e *ParseError) Error() string {
	return e.Func + "(" + quote(e.Input) + "): " + e.Err.Error()
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }

// quote quotes s, shortening long inputs so that messages stay readable.
func quote(s string) string {
	const max = 40
	if len(s) > max {
		s = s[:max] + "…"
	}
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteString("\\x")
			const hex = "0123456789abcdef"
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Errors is a list of errors, such as the field errors that [Profile.Validate]
// reports. Its order is deterministic: the order of the checks.
type Errors []error

// Error joins the messages, one per line.
func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors, so that errors.Is and errors.As see each one.
func (es Errors) Unwrap() []error { return es }

// Err returns es as an error, or nil when es is empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}
