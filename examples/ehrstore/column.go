package main

import (
	"errors"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Adapters for the columns whose library type has no driver.Valuer and
// sql.Scanner of its own. Each stores the type's text form and reads it
// back with the library's strict parser.
//
// date.Date has Value and Scan, but they read a package-level setting
// (date.Valuer) and scan with a parser that rolls impossible dates forward
// ("2025-02-30" becomes 2025-03-02), so dates are written with
// date.Date.String and read back with iop.ParseDate instead.

// errDisagree reports a row whose queryable columns do not match the JSON
// stored with them.
var errDisagree = errors.New("columns disagree with the stored value")

// dateValue is the column value of a date: ISO 8601 text, "2025-03-03".
func dateValue(d date.Date) string { return d.String() }

// dayValue is the column value of an optional date: NULL for the zero
// date.
func dayValue(d date.Date) any {
	if d == 0 {
		return nil
	}
	return d.String()
}

// dateScanner reads a date column strictly with iop.ParseDate. When null
// is set, NULL is the zero date; otherwise NULL is an error.
type dateScanner struct {
	dst  *date.Date
	null bool
}

// Scan implements sql.Scanner.
func (s dateScanner) Scan(src any) error {
	text, ok, err := textOf(src, "ehrstore.date.Scan", s.null)
	if err != nil || !ok {
		if err == nil {
			*s.dst = 0
		}
		return err
	}
	d, err := iop.ParseDate(text)
	if err != nil {
		return err
	}
	*s.dst = d
	return nil
}

// clockValue is the column value of a start time: "09:00", or NULL when
// unset.
func clockValue(c schedule.Clock) any {
	if c.IsZero() {
		return nil
	}
	return c.String()
}

// clockScanner reads a start time with schedule.ParseClock; NULL is the
// zero (unset) Clock.
type clockScanner struct{ dst *schedule.Clock }

// Scan implements sql.Scanner.
func (s clockScanner) Scan(src any) error {
	text, ok, err := textOf(src, "ehrstore.clock.Scan", true)
	if err != nil {
		return err
	}
	if !ok {
		*s.dst = schedule.Clock{}
		return nil
	}
	c, err := schedule.ParseClock(text)
	if err != nil {
		return err
	}
	*s.dst = c
	return nil
}

// weekValue is the column value of a week: its text form, "2025-W10".
// The zero Week is an error.
func weekValue(w schedule.Week) (string, error) {
	b, err := w.MarshalText()
	return string(b), err
}

// weekScanner reads a week column with schedule.ParseWeek; NULL is an
// error.
type weekScanner struct{ dst *schedule.Week }

// Scan implements sql.Scanner.
func (s weekScanner) Scan(src any) error {
	text, _, err := textOf(src, "ehrstore.week.Scan", false)
	if err != nil {
		return err
	}
	w, err := schedule.ParseWeek(text)
	if err != nil {
		return err
	}
	*s.dst = w
	return nil
}

// textOf returns the text of a column value. ok is false for NULL, which
// is an error wrapping iop.ErrMissing unless null is set; a value of
// another type than text is an error wrapping iop.ErrSyntax. Neither error
// holds the value.
func textOf(src any, fn string, null bool) (text string, ok bool, err error) {
	switch v := src.(type) {
	case string:
		return v, true, nil
	case []byte:
		return string(v), true, nil
	case nil:
		if null {
			return "", false, nil
		}
		return "", false, &iop.ParseError{Func: fn, Err: iop.ErrMissing}
	}
	return "", false, &iop.ParseError{Func: fn, Err: iop.ErrSyntax}
}

// scopeValue stores a finding's scope as its name; NULL for the zero
// scope (the record the subject names).
func scopeValue(s iop.FindingScope) any {
	if s == 0 {
		return nil
	}
	return s.String()
}

// scopeScanner reads a scope stored by scopeValue.
type scopeScanner struct{ dst *iop.FindingScope }

// Scan implements sql.Scanner.
func (s scopeScanner) Scan(src any) error {
	text, ok, err := textOf(src, "scope", true)
	if err != nil || !ok {
		*s.dst = 0
		return err
	}
	return s.dst.UnmarshalText([]byte(text))
}
