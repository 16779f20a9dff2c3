package iop

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/rickb777/date/v2"
)

var (
	errNotUTF8ID   = fmt.Errorf("%w: not valid UTF-8", ErrSyntax)
	errControlInID = fmt.Errorf("%w: control or format character", ErrSyntax)
)

// MaxIDLen is the longest record ID, in bytes, that [CheckID] accepts.
const MaxIDLen = 128

// CheckID reports whether id can serve as a record ID (a patient, a
// session, a claim, a group): 1 to [MaxIDLen] bytes of valid UTF-8 with no
// control or format characters (no NUL, newline, escape or bidirectional
// override). Two IDs that differ only in invalid bytes would otherwise be
// merged by a JSON decoder and kept apart by a CSV reader, and an ID with
// control characters could forge lines in a report. The error wraps
// [ErrMissing] or [ErrSyntax] and never holds the ID. A format may hold
// fewer IDs than this: a FHIR id is 1 to 64 letters, digits, '-' and '.',
// and the fhir module refuses a record whose ID is not one.
func CheckID(id string) error {
	switch {
	case id == "":
		return ErrMissing
	case len(id) > MaxIDLen:
		return fmt.Errorf("%w: longer than %d bytes", ErrOutOfRange, MaxIDLen)
	}
	for i := 0; i < len(id); {
		c := id[i]
		if c < utf8.RuneSelf { // the common case: ASCII
			if c < 0x20 || c == 0x7f {
				return errControlInID
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(id[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return errNotUTF8ID
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return errControlInID
		}
		i += size
	}
	return nil
}

// The range of plausible service dates: a date of service, admission or
// discharge outside it is refused as a typing error (a year 0000, 0025 or
// 2205), by [CheckServiceDate].
var (
	firstServiceDate = date.New(1970, 1, 1)
	endServiceDates  = date.New(2200, 1, 1)
)

// CheckServiceDate reports whether d is a plausible date of service,
// admission, discharge or certification: from 1970-01-01 up to but not
// including 2200-01-01. The error wraps [ErrMissing] for the zero date and
// [ErrOutOfRange] otherwise; it does not hold the date.
func CheckServiceDate(d date.Date) error {
	switch {
	case d == date.Zero:
		return ErrMissing
	case d < firstServiceDate || d >= endServiceDates:
		return fmt.Errorf("%w: a service date is from 1970-01-01 to 2199-12-31", ErrOutOfRange)
	}
	return nil
}
