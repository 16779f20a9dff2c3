package iop

import (
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
)

// ParseDate parses a calendar date in the ISO 8601 form YYYY-MM-DD,
// strictly: the date must exist ("2025-02-30" and "2024-13-01" are refused,
// where date.ParseISO would roll them forward) and its year be from 0001 to
// 9999. The error wraps [ErrInvalidDate] and does not hold s.
func ParseDate(s string) (date.Date, error) {
	d, err := strictjson.ParseDate(s)
	if err != nil {
		return date.Zero, &ParseError{Func: "iop.ParseDate", Err: err}
	}
	return d, nil
}

// MustParseDate is ParseDate that panics on error. For tests and constants
// only.
func MustParseDate(s string) date.Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
