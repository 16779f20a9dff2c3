package main

import (
	"database/sql"
	"database/sql/driver"
	"encoding"
	"reflect"

	"github.com/ioprules/ioprules/iop"
)

// The library's enums, sets and minutes have a text form
// (encoding.TextMarshaler and encoding.TextUnmarshaler) and nothing
// database/sql knows of: the store hands them over through these adapters,
// which write the text form and read it back with the type's strict
// UnmarshalText. Nothing stores an ordinal.

// textValue is a value written as its text form.
type textValue struct {
	v    encoding.TextMarshaler
	null bool // an unset value is NULL
}

// Value implements driver.Valuer: the text form; NULL for an unset enum.
func (t textValue) Value() (driver.Value, error) {
	if t.null {
		return nil, nil
	}
	b, err := t.v.MarshalText()
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// sqlEnum is the column value of an enum: its name, or NULL when unset.
func sqlEnum[T interface {
	comparable
	encoding.TextMarshaler
}](v T) driver.Valuer {
	var zero T
	return textValue{v: v, null: v == zero}
}

// sqlText is the column value of a set or of minutes: its text form, ""
// for the empty set.
func sqlText[T encoding.TextMarshaler](v T) driver.Valuer { return textValue{v: v} }

// textScanner reads a text column into *dst with its UnmarshalText; NULL
// is the zero value.
type textScanner[T any, P interface {
	*T
	encoding.TextUnmarshaler
}] struct{ dst P }

// Scan implements sql.Scanner. A value of another type than text is an
// error wrapping iop.ErrSyntax; an unknown name the type's own error
// (wrapping iop.ErrUnknown). Neither holds the value.
func (s textScanner[T, P]) Scan(src any) error {
	text, ok, err := textOf(src, "ehrstore."+reflect.TypeFor[T]().Name()+".Scan", true)
	if err != nil {
		return err
	}
	if !ok {
		var zero T
		*s.dst = zero
		return nil
	}
	v, err := iop.Parse[T, P](text)
	if err != nil {
		return err
	}
	*s.dst = v
	return nil
}

// sqlScan is the scan destination of a column holding a T's text form.
func sqlScan[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](dst P) sql.Scanner {
	return textScanner[T, P]{dst: dst}
}

// sqlNull is a nullable column holding a T's text form, for a type whose
// zero value is a value (eligibility.Risk0): Valid is false for NULL. It
// is the text-form twin of sql.Null.
type sqlNull[T any, P interface {
	*T
	encoding.TextUnmarshaler
}] struct {
	V     T
	Valid bool
}

// Scan implements sql.Scanner: NULL leaves Valid false; text is parsed
// with T's UnmarshalText.
func (n *sqlNull[T, P]) Scan(src any) error {
	if src == nil {
		var zero T
		n.V, n.Valid = zero, false
		return nil
	}
	if err := (textScanner[T, P]{dst: &n.V}).Scan(src); err != nil {
		return err
	}
	n.Valid = true
	return nil
}
