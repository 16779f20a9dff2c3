package enum

import (
	"encoding/json"
	"math/bits"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/errs"
)

// Fail builds the error a table reports: fn is the public function that
// failed ("iop.Level.UnmarshalText"), field the element of a list that failed ("[2]",
// empty for a single value), err one of the sentinels of package errs.
// Package iop supplies one that builds its ParseError and FieldError, so
// that this package needs no import of iop.
type Fail func(fn, field string, err error) error

// Table is the names of an enum's values, indexed by value; value 0 is
// unset and has no name. A Table is read-only once made and safe for
// concurrent use.
type Table[T ~uint8] struct {
	typ   string // the type's name: "Level"
	fn    string // the parse function: "iop.Level.UnmarshalText"
	qual  string // the type's qualified name: "iop.Level"
	fail  Fail
	names []string
}

// New returns the table of an enum type named typ whose parse function is
// fn. names[v] is the name of value v; names[0] must be "".
func New[T ~uint8](typ, fn string, fail Fail, names []string) *Table[T] {
	return &Table[T]{typ: typ, fn: fn, qual: strings.TrimSuffix(fn, ".UnmarshalText"), fail: fail, names: names}
}

// Valid reports whether v has a name.
func (t *Table[T]) Valid(v T) bool { return int(v) < len(t.names) && t.names[v] != "" }

// String returns the name of v, or "%!Type(v)" when v has none, as
// time.Month does. It never panics.
func (t *Table[T]) String(v T) string {
	if t.Valid(v) {
		return t.names[v]
	}
	return "%!" + t.typ + "(" + strconv.Itoa(int(v)) + ")"
}

// Lookup returns the value whose name is exactly s.
func (t *Table[T]) Lookup(s string) (T, bool) {
	if s == "" {
		return 0, false
	}
	for i, n := range t.names {
		if n == s {
			return T(i), true
		}
	}
	return 0, false
}

// Parse returns the value whose name is exactly s, or an error that does
// not hold s.
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.Lookup(s); ok {
		return v, nil
	}
	return 0, t.fail(t.fn, "", errs.Unknown)
}

// Values returns every valid value, in order, as a new slice.
func (t *Table[T]) Values() []T {
	out := make([]T, 0, len(t.names))
	for i, n := range t.names {
		if n != "" {
			out = append(out, T(i))
		}
	}
	return out
}

// Marshal is the body of MarshalText: the name, or an error for a value
// without one.
func (t *Table[T]) Marshal(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, t.fail(t.qual+".MarshalText", "", errs.Unknown)
	}
	return []byte(t.names[v]), nil
}

// Unmarshal is the body of UnmarshalText: it parses b into *v, leaving *v
// unchanged on error.
func (t *Table[T]) Unmarshal(v *T, b []byte) error {
	x, err := t.Parse(string(b))
	if err != nil {
		return err
	}
	*v = x
	return nil
}

// Bits is the underlying type of a set: bit v is set when value v is in it.
type Bits interface {
	~uint8 | ~uint16 | ~uint32 | ~uint64
}

// Set describes a set type S of the values of table t. It is read-only once
// made and safe for concurrent use.
type Set[T ~uint8, S Bits] struct {
	t    *Table[T]
	typ  string // "Weekdays"
	qual string // "schedule.Weekdays"
	all  S
}

// NewSet returns the description of set type typ over t's values.
func NewSet[S Bits, T ~uint8](t *Table[T], typ string) *Set[T, S] {
	var all S
	for _, v := range t.Values() {
		all |= 1 << v
	}
	return &Set[T, S]{t: t, typ: typ, qual: t.qual[:strings.LastIndex(t.qual, ".")+1] + typ, all: all}
}

// Of returns the set of vs; invalid values are left out.
func (d *Set[T, S]) Of(vs ...T) S {
	var s S
	for _, v := range vs {
		if d.t.Valid(v) {
			s |= 1 << v
		}
	}
	return s
}

// All returns the set of every valid value.
func (d *Set[T, S]) All() S { return d.all }

// Has reports whether v is in s.
func (d *Set[T, S]) Has(s S, v T) bool { return d.t.Valid(v) && s&(1<<v) != 0 }

// Valid reports whether s holds only valid values.
func (d *Set[T, S]) Valid(s S) bool { return s&^d.all == 0 }

// Len returns the number of values in s, invalid bits included.
func (d *Set[T, S]) Len(s S) int { return bits.OnesCount64(uint64(s)) }

// Values returns the values in s in order; invalid bits are left out.
func (d *Set[T, S]) Values(s S) []T {
	var out []T
	for _, v := range d.t.Values() {
		if s&(1<<v) != 0 {
			out = append(out, v)
		}
	}
	return out
}

// String returns the names joined by commas in value order, with
// "%!Type(0x..)" for bits that name no value; "" for the empty set.
func (d *Set[T, S]) String(s S) string {
	var b strings.Builder
	for _, v := range d.Values(s) {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(d.t.names[v])
	}
	if rest := s &^ d.all; rest != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("%!" + d.typ + "(0x" + strconv.FormatUint(uint64(rest), 16) + ")")
	}
	return b.String()
}

// Parse reads the comma-separated form String writes: names in any order,
// each once. The empty string is the empty set.
func (d *Set[T, S]) Parse(str string) (S, error) {
	var s S
	if str == "" {
		return s, nil
	}
	for i, name := range strings.Split(str, ",") {
		v, ok := d.t.Lookup(name)
		switch {
		case !ok:
			return 0, d.t.fail(d.qual+".UnmarshalText", "["+strconv.Itoa(i)+"]", errs.Unknown)
		case s&(1<<v) != 0:
			return 0, d.t.fail(d.qual+".UnmarshalText", "["+strconv.Itoa(i)+"]", errs.Duplicate)
		}
		s |= 1 << v
	}
	return s, nil
}

// Text is the body of a set's MarshalText: the String form; bits
// that name no value are an error.
func (d *Set[T, S]) Text(s S) ([]byte, error) {
	if !d.Valid(s) {
		return nil, d.t.fail(d.qual+".MarshalText", "", errs.Unknown)
	}
	return []byte(d.String(s)), nil
}

// JSON is the body of a set's MarshalJSON: an array of names in
// value order, [] for the empty set. Bits that name no value are an error.
func (d *Set[T, S]) JSON(s S) ([]byte, error) {
	if !d.Valid(s) {
		return nil, d.t.fail(d.qual+".MarshalJSON", "", errs.Unknown)
	}
	names := make([]string, 0, d.Len(s))
	for _, v := range d.Values(s) {
		names = append(names, d.t.names[v])
	}
	return json.Marshal(names)
}

// DecodeJSON is the body of a set's UnmarshalJSON: an array of names,
// each once. An unknown or repeated name is an error naming its element
// ("[2]"), never the name.
func (d *Set[T, S]) DecodeJSON(p *S, b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return d.t.fail(d.qual+".UnmarshalJSON", "", errs.Syntax)
	}
	var s S
	for i, name := range names {
		v, ok := d.t.Lookup(name)
		switch {
		case !ok:
			return d.t.fail(d.qual+".UnmarshalJSON", "["+strconv.Itoa(i)+"]", errs.Unknown)
		case s&(1<<v) != 0:
			return d.t.fail(d.qual+".UnmarshalJSON", "["+strconv.Itoa(i)+"]", errs.Duplicate)
		}
		s |= 1 << v
	}
	*p = s
	return nil
}

// DecodeText is the body of a set's UnmarshalText: [Set.Parse] into *p,
// leaving *p unchanged on error.
func (d *Set[T, S]) DecodeText(p *S, b []byte) error {
	s, err := d.Parse(string(b))
	if err != nil {
		return err
	}
	*p = s
	return nil
}
