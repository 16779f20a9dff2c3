package iop

import (
	"encoding/json"
	"iter"
	"math/bits"
	"strconv"
	"strings"
)

// Enum is what [Set] needs of an enum type: a small unsigned integer whose
// valid values have names. Every enum of the module is one.
type Enum interface {
	~uint8
	IsValid() bool
	String() string
}

// Set is a set of values of the enum type E, such as the kinds of group a
// profile holds to its education size limits (Set[GroupKind]) or the
// modifiers of an assessment (Set[eligibility.Modifier]): bit v is set when
// value v is in it, for values 0 to 63. The zero Set is the empty set.
// Sets are comparable and safe for concurrent use.
//
// As text a set is the names of its values in value order joined by commas
// ("group,individual", "" for the empty set); in JSON, an array of names
// (["group","individual"]). Decoding accepts the names in any order, each
// once; an unknown or repeated name is an error wrapping [ErrUnknown] or
// [ErrDuplicate] that names the element ("[2]"), never the name.
type Set[E Enum] uint64

// SetOf returns the set of vs; invalid values are left out.
func SetOf[E Enum](vs ...E) Set[E] {
	var s Set[E]
	for _, v := range vs {
		if v < 64 && v.IsValid() {
			s |= 1 << v
		}
	}
	return s
}

// Has reports whether v is in s.
func (s Set[E]) Has(v E) bool { return v < 64 && v.IsValid() && s&(1<<v) != 0 }

// IsValid reports whether s holds only valid values.
func (s Set[E]) IsValid() bool {
	for rest := uint64(s); rest != 0; rest &= rest - 1 {
		if !E(bits.TrailingZeros64(rest)).IsValid() {
			return false
		}
	}
	return true
}

// Len returns the number of values in s, invalid ones included.
func (s Set[E]) Len() int { return bits.OnesCount64(uint64(s)) }

// All returns the valid values in s, in value order.
func (s Set[E]) All() iter.Seq[E] {
	return func(yield func(E) bool) {
		for rest := uint64(s); rest != 0; rest &= rest - 1 {
			v := E(bits.TrailingZeros64(rest))
			if v.IsValid() && !yield(v) {
				return
			}
		}
	}
}

// String returns the names joined by commas in value order, with
// "%!Set(0x..)" for the bits that name no value; "" for the empty set.
func (s Set[E]) String() string {
	var b strings.Builder
	var stray uint64
	for rest := uint64(s); rest != 0; rest &= rest - 1 {
		i := bits.TrailingZeros64(rest)
		if !E(i).IsValid() {
			stray |= 1 << i
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(E(i).String())
	}
	if stray != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("%!Set(0x" + strconv.FormatUint(stray, 16) + ")")
	}
	return b.String()
}

// MarshalText implements [encoding.TextMarshaler]: the String form; bits
// that name no value are an error.
func (s Set[E]) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, enumFail("iop.Set.MarshalText", "", ErrUnknown)
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: the form String
// writes, names in any order, each once. On error s is unchanged.
func (s *Set[E]) UnmarshalText(b []byte) error {
	var v Set[E]
	if len(b) > 0 {
		for i, name := range strings.Split(string(b), ",") {
			if err := v.add(name, i, "iop.Set.UnmarshalText"); err != nil {
				return err
			}
		}
	}
	*s = v
	return nil
}

// MarshalJSON writes s as an array of names in value order, [] for the
// empty set. Bits that name no value are an error.
func (s Set[E]) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, enumFail("iop.Set.MarshalJSON", "", ErrUnknown)
	}
	names := make([]string, 0, s.Len())
	for v := range s.All() {
		names = append(names, v.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads an array of names, each once. On error s is
// unchanged.
func (s *Set[E]) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return enumFail("iop.Set.UnmarshalJSON", "", ErrSyntax)
	}
	var v Set[E]
	for i, name := range names {
		if err := v.add(name, i, "iop.Set.UnmarshalJSON"); err != nil {
			return err
		}
	}
	*s = v
	return nil
}

// add adds the value named name, element i of the input, to s.
func (s *Set[E]) add(name string, i int, fn string) error {
	for v := E(0); v < 64; v++ {
		if v.IsValid() && v.String() == name {
			if s.Has(v) {
				return enumFail(fn, "["+strconv.Itoa(i)+"]", ErrDuplicate)
			}
			*s |= 1 << v
			return nil
		}
	}
	return enumFail(fn, "["+strconv.Itoa(i)+"]", ErrUnknown)
}
