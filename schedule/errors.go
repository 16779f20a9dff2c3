package schedule

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The reasons of the errors package schedule reports. Each wraps one of
// iop's sentinel errors ([iop.ErrMissing], [iop.ErrOutOfRange],
// [iop.ErrSyntax], ...), so that errors.Is(err, iop.ErrOutOfRange) works,
// and says why in words of the rules, never with the rejected value.
var (
	errNotPositive      = fmt.Errorf("%w: must be positive", iop.ErrOutOfRange)
	errAboveDay         = fmt.Errorf("%w: session crosses midnight", iop.ErrOutOfRange)
	errAboveSessions    = fmt.Errorf("%w: the day's sessions cross midnight", iop.ErrOutOfRange)
	errAttendedAbove    = fmt.Errorf("%w: attended above planned", iop.ErrOutOfRange)
	errAttendedNegative = fmt.Errorf("%w: attended minutes are negative", iop.ErrOutOfRange)
	errAttendedMismatch = fmt.Errorf("%w: attended minutes do not fit the attendance", iop.ErrOutOfRange)
	errOtherPatient     = fmt.Errorf("%w: a session of another patient than the week's first", iop.ErrOutOfRange)
	errNegative         = fmt.Errorf("%w: negative", iop.ErrOutOfRange)
	errClockSyntax      = fmt.Errorf("%w: want HH:MM from 00:00 to 23:59", iop.ErrSyntax)
	errClockRange       = fmt.Errorf("%w: hour 0 to 23, minute 0 to 59", iop.ErrOutOfRange)
	errWeekSyntax       = fmt.Errorf("%w: want YYYY-Www, YYYY-MM-DD/P1W or YYYY-MM-DD/Wn", iop.ErrSyntax)
	errWeekRange        = fmt.Errorf("%w: no such week", iop.ErrOutOfRange)
	errWeekday          = fmt.Errorf("%w: not a day of the week", iop.ErrOutOfRange)
	errDateRange        = fmt.Errorf("%w: date beyond the range weeks are counted in", iop.ErrOutOfRange)
	errNumber           = fmt.Errorf("%w: want whole minutes", iop.ErrSyntax)
	errWholeNumber      = fmt.Errorf("%w: want a whole number", iop.ErrSyntax)
	errMalformedRow     = fmt.Errorf("%w: malformed CSV row", iop.ErrSyntax)
	errDischarge        = fmt.Errorf("%w: discharged before admitted", iop.ErrOrder)
	errStepDown         = fmt.Errorf("%w: stepped down outside the episode", iop.ErrOrder)
	errSignedOrder      = fmt.Errorf("%w: not in ascending order after admission", iop.ErrOrder)
	errIDReplacement    = fmt.Errorf("%w: holds the replacement character (invalid UTF-8)", iop.ErrSyntax)
	errScanType         = fmt.Errorf("%w: want a string", iop.ErrSyntax)
	errOtherClaim       = fmt.Errorf("%w: a line of another claim than the first", iop.ErrOutOfRange)
	errLineRange        = fmt.Errorf("%w: a line number is from 1 to 65535", iop.ErrOutOfRange)
	errUnitsRange       = fmt.Errorf("%w: units are from 1 to 1440", iop.ErrOutOfRange)
	errMinutesRange     = fmt.Errorf("%w: minutes are from 0 to a day", iop.ErrOutOfRange)
	errRevenueSyntax    = fmt.Errorf("%w: want 4 digits", iop.ErrSyntax)
	errCodeSyntax       = fmt.Errorf("%w: want 5 digits and upper-case letters", iop.ErrSyntax)
	errTwoChars         = fmt.Errorf("%w: want 2 digits or upper-case letters", iop.ErrSyntax)
	errTwoDigits        = fmt.Errorf("%w: want 2 digits", iop.ErrSyntax)
	errBillTypeSyntax   = fmt.Errorf("%w: want 3 or 4 digits, the last one a digit or an upper-case letter", iop.ErrSyntax)
)

// RowError reports a CSV row that could not be read as a session or a
// claim line. Line is the 1-based line of the input where the row starts,
// EndLine the last line it took when it took more than one (a quoted cell
// over several lines, refused whole), zero otherwise; Err is an [iop.FieldErrors] naming the columns ("minutes",
// "header[3]"), or a syntax error wrapping [iop.ErrSyntax] and
// encoding/csv's own error (csv.ErrQuote, csv.ErrFieldCount, ...). The
// message holds no cell value.
type RowError struct {
	Line    int   // the line the row starts on, from 1
	EndLine int   // the last line of the row when it took more than one; 0 otherwise
	Err     error // what is wrong with it
}

// Error returns "line N: reason", or "lines N-M: reason".
func (e *RowError) Error() string {
	if e.EndLine > e.Line {
		return "lines " + strconv.Itoa(e.Line) + "-" + strconv.Itoa(e.EndLine) + ": " + e.Err.Error()
	}
	return "line " + strconv.Itoa(e.Line) + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *RowError) Unwrap() error { return e.Err }

// missingOrUnknown adds the error of an enum field that is unset or not
// known.
func missingOrUnknown(es *iop.FieldErrors, field string, zero, valid bool) {
	switch {
	case zero:
		es.Add(field, iop.ErrMissing)
	case !valid:
		es.Add(field, iop.ErrUnknown)
	}
}

// ErrNoHeader reports a CSV input whose first row is data, not the names
// of its columns: a header-less export. It wraps [iop.ErrSyntax].
var ErrNoHeader = fmt.Errorf("%w: the first row is data, not column names: a header row is required", iop.ErrSyntax)

// MoreErrors reports that a call found more errors than it keeps
// ([DefaultMaxErrors], [CSVOptions.MaxErrors], [ParseOptions.MaxErrors]):
// Reported errors were returned, and Unreported more were found after
// them, counted and dropped. It wraps [iop.ErrTooLarge]. A CSV reader
// returns it once, after its last row, before io.EOF; a parse or a
// header gives it as the last of its [iop.FieldErrors].
type MoreErrors struct {
	Reported   int // the errors reported
	Unreported int // the errors found after them, not reported
	// Unchecked is the number of records left unchecked after them: a
	// parse of JSON stops decoding at the cap and only counts the
	// elements left; a CSV reader checks every row (zero).
	Unchecked int
}

// Error returns "input too large: N more errors not reported (after the
// first M)", and "; K more records not checked" when K is not zero.
func (e *MoreErrors) Error() string {
	s := iop.ErrTooLarge.Error() + ": " + strconv.Itoa(e.Unreported) + " more errors not reported (after the first " + strconv.Itoa(e.Reported) + ")"
	if e.Unchecked > 0 {
		s += "; " + strconv.Itoa(e.Unchecked) + " more records not checked"
	}
	return s
}

// Unwrap returns [iop.ErrTooLarge].
func (e *MoreErrors) Unwrap() error { return iop.ErrTooLarge }
