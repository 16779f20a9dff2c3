package errs

import "errors"

var (
	// Unknown reports a value that is not one of a type's known values.
	Unknown = errors.New("unknown value")
	// UnknownField reports a JSON member or CSV column the type does not have.
	UnknownField = errors.New("unknown field")
	// Duplicate reports a value, member or record given twice.
	Duplicate = errors.New("duplicate")
	// Syntax reports malformed input or a value of the wrong JSON type.
	Syntax = errors.New("invalid syntax")
	// InvalidDate reports a date that is not a real calendar date in
	// YYYY-MM-DD form.
	InvalidDate = errors.New("invalid date")
	// TooLarge reports input above the size limit of the function reading it.
	TooLarge = errors.New("input too large")
)
