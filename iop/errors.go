package iop

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/ioprules/ioprules/internal/strictjson"
)

// The sentinel errors every package of the module wraps. A [FieldError],
// [ParseError] or other typed error carries the detail; test for the kind of
// problem with [errors.Is]:
//
//	errors.Is(err, iop.ErrUnknown) // a name that is not a known value
var (
	// ErrUnknown reports a value that is not one of its type's known values:
	// a level of care, a session kind, a rule code.
	ErrUnknown = errs.Unknown
	// ErrUnknownField reports a JSON member or CSV column the type does not
	// have.
	ErrUnknownField = errs.UnknownField
	// ErrMissing reports a required value that is not set.
	ErrMissing = errors.New("missing")
	// ErrOutOfRange reports a number outside the range its field allows,
	// negative counts included.
	ErrOutOfRange = errors.New("out of range")
	// ErrDuplicate reports a value, member, record or ID given twice.
	ErrDuplicate = errs.Duplicate
	// ErrOrder reports values out of order: a minimum above its maximum, an
	// end before its start, a birth after the day judged.
	ErrOrder = errors.New("out of order")
	// ErrSyntax reports malformed input: JSON, CSV, or a value of the wrong
	// type.
	ErrSyntax = errs.Syntax
	// ErrInvalidDate reports a date that does not exist ("2025-02-30") or
	// is not in YYYY-MM-DD form.
	ErrInvalidDate = errs.InvalidDate
	// ErrTooLarge reports input above the size limit of the function reading
	// it.
	ErrTooLarge = errs.TooLarge
	// ErrNoProfile reports that no profile is in force for the level and day
	// asked.
	ErrNoProfile = errors.New("no profile in force")
	// ErrAmbiguousProfile reports that more than one profile is in force for
	// the level and day asked, with the same start date.
	ErrAmbiguousProfile = errors.New("more than one profile in force")
	// ErrNotInForce reports that a checker was asked to judge a day on
	// which its profile is not in force (a week of 2025 under a 2024
	// profile): the caller chose the wrong profile, so it is an error,
	// never a finding about the record.
	ErrNotInForce = errors.New("profile not in force")
)

// FieldError reports an invalid field of a decoded or validated value.
// Field is the path of the field, as in the value's JSON form:
// "weekly.adult.min", "participants[3].id"; an object member that is not a
// field of the schema is named by its position, "#3", since its key may be
// anything. Err wraps one of the sentinel errors, with the reason. The
// message never holds the field's value, which may identify a person.
type FieldError struct {
	Field string // the path of the field; empty for the input as a whole
	Err   error  // what is wrong: wraps a sentinel error
}

// Error returns "field: reason". A FieldError without a reason (the zero
// value, or nil) says "invalid".
func (e *FieldError) Error() string {
	if e == nil {
		return reason(nil)
	}
	if e.Field == "" {
		return reason(e.Err)
	}
	return e.Field + ": " + reason(e.Err)
}

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error {
	if e == nil {
		return nil
	}
	return e.Err
}

// reason returns the message of err, and "invalid" for no error: the
// Error methods of the zero error values, which must not panic.
func reason(err error) string {
	if err == nil {
		return "invalid"
	}
	return err.Error()
}

// ParseError reports a string that a Parse function, or an UnmarshalText
// method, does not accept. Its message names the function and the reason,
// "iop.Level.UnmarshalText: unknown value", never the rejected text, which may be a
// name or a birth date typed into the wrong field.
type ParseError struct {
	Func string // the function that failed: "iop.Level.UnmarshalText"
	Err  error  // the reason: wraps a sentinel error
}

// Error returns "func: reason".
func (e *ParseError) Error() string { return e.Func + ": " + reason(e.Err) }

// Unwrap returns the reason.
func (e *ParseError) Unwrap() error { return e.Err }

// FieldErrors is a list of field errors, shaped like go/scanner's
// ErrorList: a validation or a decoding adds every error it finds, and
// [FieldErrors.Err] returns the list as an error, or nil when it is empty.
// The order is that of the checks (the fields' order), which is
// deterministic; [FieldErrors.Sort] orders by path.
type FieldErrors []*FieldError

// Add appends err under the path field. An error that is itself a
// [*FieldError] or a FieldErrors (from a nested value) is added with field
// as the prefix of its paths, so that every error keeps its full path.
func (l *FieldErrors) Add(field string, err error) {
	switch e := err.(type) {
	case nil:
	case FieldErrors:
		for _, fe := range e {
			if fe != nil {
				*l = append(*l, &FieldError{Field: strictjson.Join(field, fe.Field), Err: fe.Err})
			}
		}
	case *FieldError:
		if e != nil {
			*l = append(*l, &FieldError{Field: strictjson.Join(field, e.Field), Err: e.Err})
		}
	default:
		*l = append(*l, &FieldError{Field: field, Err: err})
	}
}

// Len returns the number of errors.
func (l FieldErrors) Len() int { return len(l) }

// Sort orders the list by field path, array indices compared as numbers
// ("a[2]" before "a[10]"), keeping the order of errors of the same field.
func (l FieldErrors) Sort() {
	slices.SortStableFunc(l, func(a, b *FieldError) int { return comparePaths(fieldOf(a), fieldOf(b)) })
}

// fieldOf returns e's path, empty for a nil e.
func fieldOf(e *FieldError) string {
	if e == nil {
		return ""
	}
	return e.Field
}

// comparePaths compares paths part by part, runs of digits as numbers.
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, _ := strconv.ParseUint(a[:min(da, 18)], 10, 64)
			nb, _ := strconv.ParseUint(b[:min(db, 18)], 10, 64)
			if c := compareInts(da, db, na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func compareInts(da, db int, na, nb uint64) int {
	switch {
	case da != db:
		return da - db
	case na < nb:
		return -1
	case na > nb:
		return 1
	}
	return 0
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// Error returns the messages, one per line.
func (l FieldErrors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns each error, so that errors.Is and errors.As see them.
func (l FieldErrors) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Err returns l as an error, or nil when l is empty.
func (l FieldErrors) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// enumFail builds the errors of the enum tables of this package.
func enumFail(fn, field string, err error) error {
	pe := &ParseError{Func: fn, Err: err}
	if field == "" {
		return pe
	}
	return &FieldError{Field: field, Err: pe}
}

// decodeJSON decodes data strictly into v, as every UnmarshalJSON of the
// module does, and returns every error found as [FieldErrors].
func decodeJSON(data []byte, v any) error {
	var l FieldErrors
	strictjson.Decode(data, v, 0, l.Add)
	return l.Err()
}
