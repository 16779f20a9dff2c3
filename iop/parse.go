package iop

import "encoding"

// Parse parses s with T's UnmarshalText: the one parser of every enum and
// set of the module, which accepts exactly what the type's String writes
// (iop.Parse[iop.Level]("2.1"), iop.Parse[group.Gender]("woman")). Unknown
// text is an error wrapping [ErrUnknown] that never holds s; on error the
// zero T is returned. T's UnmarshalText is all Parse needs, so it serves any
// type with one ([Minutes], date.Date, ...).
func Parse[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](s string) (T, error) {
	var v T
	if err := P(&v).UnmarshalText([]byte(s)); err != nil {
		var zero T
		return zero, err
	}
	return v, nil
}

// All returns every valid value of an enum type, in order: the values from 0
// to 255 whose IsValid is true.
func All[T interface {
	~uint8
	IsValid() bool
}]() []T {
	var out []T
	for i := range 256 {
		if v := T(i); v.IsValid() {
			out = append(out, v)
		}
	}
	return out
}
