package eligibility

import (
	"encoding/json"
	"iter"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// Modifier is a finding of an assessment, beyond the six ratings, that can
// change a decision or what must come with it. What each modifier does is
// data: a [ModifierRule] of the [Criteria] may set a floor under the level
// of care; the IOP checks read some of them directly (see each constant).
// The zero Modifier is unset and not valid.
type Modifier uint8

// The modifiers.
const (
	_ Modifier = iota
	// ModWithdrawalMonitoring: withdrawal that needs monitoring, to be
	// provided with the level of care (ambulatory or residential withdrawal
	// management). [Decision.Findings] reports it.
	ModWithdrawalMonitoring
	// ModImminentDanger: a strong probability of serious harm in the near
	// future. Blocks admission to, and discharge from, a non-24-hour level.
	ModImminentDanger
	// ModCoOccurring: co-occurring mental health conditions: the program
	// must be co-occurring capable. [Decision.Findings] reports it.
	ModCoOccurring
	// ModUnsupportiveEnvironment: a living environment that does not
	// support recovery.
	ModUnsupportiveEnvironment
	// ModFailedLowerLevel: treatment at a less intensive level has been
	// tried and has not worked.
	ModFailedLowerLevel
	// ModCourtOrdered: treatment is ordered by a court. It does not set the
	// level: clinical need does.
	ModCourtOrdered
	// ModSteppingDown: the person comes from a more intensive level of care
	// (step-down). [CheckAdmission] accepts IOP as a step-down below the
	// recommended level with a warning.
	ModSteppingDown
)

// NumModifiers is the number of modifiers.
const NumModifiers = 7

var modifierNames = []string{
	ModWithdrawalMonitoring:    "withdrawal-monitoring",
	ModImminentDanger:          "imminent-danger",
	ModCoOccurring:             "co-occurring",
	ModUnsupportiveEnvironment: "unsupportive-environment",
	ModFailedLowerLevel:        "failed-lower-level",
	ModCourtOrdered:            "court-ordered",
	ModSteppingDown:            "stepping-down",
}

// AllModifiers returns every modifier in order, as an array (no allocation).
func AllModifiers() [NumModifiers]Modifier {
	return [...]Modifier{ModWithdrawalMonitoring, ModImminentDanger, ModCoOccurring,
		ModUnsupportiveEnvironment, ModFailedLowerLevel, ModCourtOrdered, ModSteppingDown}
}

// IsValid reports whether m is a known modifier.
func (m Modifier) IsValid() bool { return enum.Valid(modifierNames, m) }

// IsZero reports whether m is unset.
func (m Modifier) IsZero() bool { return m == 0 }

// String returns the modifier's name ("imminent-danger"), and
// "%!Modifier(n)" for an invalid value.
func (m Modifier) String() string { return enum.String(modifierNames, m, "Modifier") }

// ParseModifier parses a modifier's name exactly as [Modifier.String] writes it.
func ParseModifier(s string) (Modifier, error) {
	if m, ok := enum.Parse[Modifier](modifierNames, s); ok {
		return m, nil
	}
	return 0, parseError("ParseModifier", s, ErrUnknownModifier)
}

// MarshalText implements [encoding.TextMarshaler]; an invalid modifier is an error.
func (m Modifier) MarshalText() ([]byte, error) {
	return enum.Text(m.IsValid(), m.String(), func() error {
		return parseError("Modifier.MarshalText", m.String(), ErrUnknownModifier)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseModifier].
func (m *Modifier) UnmarshalText(b []byte) error { return enum.Unmarshal(m, b, ParseModifier) }

// Modifiers is a set of modifiers. The zero Modifiers is empty. It is
// comparable and safe for concurrent use. In JSON it is an array of
// modifier names in the order of the constants; decoding refuses unknown
// and repeated names.
type Modifiers uint16

// ModifiersOf returns the set of the given modifiers; invalid ones are left out.
func ModifiersOf(ms ...Modifier) Modifiers {
	var s Modifiers
	for _, m := range ms {
		s = s.With(m)
	}
	return s
}

// With returns s with m added; an invalid m is left out.
func (s Modifiers) With(m Modifier) Modifiers {
	if !m.IsValid() {
		return s
	}
	return s | 1<<m
}

// Without returns s with m removed.
func (s Modifiers) Without(m Modifier) Modifiers {
	if !m.IsValid() {
		return s
	}
	return s &^ (1 << m)
}

// Has reports whether m is in s.
func (s Modifiers) Has(m Modifier) bool { return m.IsValid() && s&(1<<m) != 0 }

// IsZero reports whether s is empty.
func (s Modifiers) IsZero() bool { return s == 0 }

// IsValid reports whether s holds known modifiers only.
func (s Modifiers) IsValid() bool {
	var known Modifiers
	for _, m := range AllModifiers() {
		known = known.With(m)
	}
	return s&^known == 0
}

// All returns the modifiers in s, in order.
func (s Modifiers) All() iter.Seq[Modifier] {
	return func(yield func(Modifier) bool) {
		for _, m := range AllModifiers() {
			if s.Has(m) && !yield(m) {
				return
			}
		}
	}
}

// String returns the names joined by commas, or "" when s is empty.
func (s Modifiers) String() string {
	var b strings.Builder
	for m := range s.All() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(m.String())
	}
	return b.String()
}

// MarshalJSON writes the set as an array of names; a set holding unknown
// modifiers is an error.
func (s Modifiers) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, parseError("Modifiers.MarshalJSON", strconv.Itoa(int(s)), ErrUnknownModifier)
	}
	names := make([]string, 0, NumModifiers)
	for m := range s.All() {
		names = append(names, m.String())
	}
	return json.Marshal(names)
}

// UnmarshalJSON reads an array of modifier names strictly: an unknown or
// repeated name is a [*iop.FieldError] naming its index. null leaves the
// set empty.
func (s *Modifiers) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return &iop.FieldError{Err: iop.ErrSyntax}
	}
	var set Modifiers
	for i, n := range names {
		m, ok := enum.Parse[Modifier](modifierNames, n)
		if !ok {
			return &iop.FieldError{Field: "[" + strconv.Itoa(i) + "]", Err: ErrUnknownModifier}
		}
		if set.Has(m) {
			return &iop.FieldError{Field: "[" + strconv.Itoa(i) + "]", Err: ErrDuplicateEntry}
		}
		set = set.With(m)
	}
	*s = set
	return nil
}
