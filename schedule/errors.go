package schedule

import (
	"errors"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// Sentinel errors. Validation and parse errors wrap one of these (inside an
// [iop.FieldError] that names the field), so callers can test them with
// [errors.Is].
var (
	// ErrNonPositiveDuration reports a session whose planned length is zero
	// or negative.
	ErrNonPositiveDuration = errors.New("duration not positive")
	// ErrAttendedAbovePlanned reports attended minutes above the planned
	// length of the session.
	ErrAttendedAbovePlanned = errors.New("attended minutes above planned minutes")
	// ErrCrossesMidnight reports a session that ends after midnight of its
	// date: split it into one session per date.
	ErrCrossesMidnight = errors.New("session crosses midnight")
	// ErrAttendanceMismatch reports attended minutes that contradict the
	// attendance: minutes on an absence, or a partial attendance with none.
	ErrAttendanceMismatch = errors.New("attended minutes do not fit the attendance")
	// ErrUnknownKind reports a session kind that is not known.
	ErrUnknownKind = errors.New("unknown session kind")
	// ErrUnknownAttendance reports an attendance that is not known.
	ErrUnknownAttendance = errors.New("unknown attendance")
	// ErrInvalidClock reports a time of day that is not "HH:MM" from 00:00
	// to 23:59.
	ErrInvalidClock = errors.New("invalid time of day")
	// ErrInvalidDays reports a set of weekdays that is not a canonical list
	// such as "mon,wed,fri".
	ErrInvalidDays = errors.New("invalid days of the week")
	// ErrInvalidNumber reports a CSV cell that is not a whole number.
	ErrInvalidNumber = errors.New("invalid number")
	// ErrInvalidWeeks reports a week scheme that is not valid: a weekday out
	// of range, or program weeks without an admission date.
	ErrInvalidWeeks = errors.New("invalid week scheme")
	// ErrMalformedRow reports a CSV row that is not well-formed CSV (a bare
	// quote, the wrong number of fields), or input that cannot be read.
	ErrMalformedRow = errors.New("malformed CSV row")
	// ErrUnknownColumn reports a CSV header column the reader does not know.
	ErrUnknownColumn = errors.New("unknown column")
	// ErrNoLocation reports a nil *time.Location.
	ErrNoLocation = errors.New("no location")
	// ErrZeroChecker reports the use of a Checker not made by [NewChecker].
	ErrZeroChecker = errors.New("checker not made by NewChecker")

	// ErrInvalidDate reports a date that does not exist ("2025-02-30") or
	// is not in YYYY-MM-DD form. It is [iop.ErrInvalidDate].
	ErrInvalidDate = iop.ErrInvalidDate
	// ErrMissing reports a required value that is not set. It is [iop.ErrMissing].
	ErrMissing = iop.ErrMissing
	// ErrNegative reports a negative count. It is [iop.ErrNegative].
	ErrNegative = iop.ErrNegative
	// ErrDateOrder reports dates out of order. It is [iop.ErrDateOrder].
	ErrDateOrder = iop.ErrDateOrder
)

// RowError reports a CSV row that could not be read as a session. Line is
// the 1-based line of the input where the row starts; Err is an
// [iop.Errors] of [*iop.FieldError]s naming the columns, or a syntax error.
// The message holds no cell value.
type RowError struct {
	Line int   // the line the row starts on, from 1
	Err  error // what is wrong with it
}

// Error returns "line N: reason".
func (e *RowError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *RowError) Unwrap() error { return e.Err }

// fieldErrs collects field errors in the order of the checks.
type fieldErrs iop.Errors

func (es *fieldErrs) add(field string, err error) {
	*es = append(*es, &iop.FieldError{Field: field, Err: err})
}

// enum reports an enum field that is unset (zero) or not known.
func (es *fieldErrs) enum(field string, zero, valid bool, unknown error) {
	switch {
	case zero:
		es.add(field, ErrMissing)
	case !valid:
		es.add(field, unknown)
	}
}

func (es fieldErrs) err() error { return iop.Errors(es).Err() }
