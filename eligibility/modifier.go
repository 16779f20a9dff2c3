package eligibility

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// Modifier is a finding of an assessment, beyond the six ratings, that can
// change a decision or what must come with it. What each modifier does is
// data: a [ModifierRule] of the [Criteria] may set a floor under the level
// of care; the IOP checks read some of them directly (see each constant).
// The zero Modifier is unset and not valid. Modifiers are comparable and
// safe for concurrent use.
type Modifier uint8

// The modifiers.
const (
	_ Modifier = iota
	// ModWithdrawalMonitoring: withdrawal that needs monitoring, to be
	// provided with the level of care (ambulatory or residential withdrawal
	// management). [Checker.CheckDecision] reports it.
	ModWithdrawalMonitoring
	// ModImminentDanger: a strong probability of serious harm in the near
	// future. Blocks admission to, and discharge from, a non-24-hour level.
	ModImminentDanger
	// ModCoOccurring: co-occurring mental health conditions: the program
	// must be co-occurring capable. [Checker.CheckDecision] reports it.
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
	// (step-down). [Checker.CheckAdmission] accepts IOP as a step-down below
	// the recommended level with a warning.
	ModSteppingDown
)

// NumModifiers is the number of modifiers.
const NumModifiers = 7

var modifiers = enum.New[Modifier]("Modifier", "eligibility.ParseModifier", check.EnumFail, []string{
	ModWithdrawalMonitoring:    "withdrawal-monitoring",
	ModImminentDanger:          "imminent-danger",
	ModCoOccurring:             "co-occurring",
	ModUnsupportiveEnvironment: "unsupportive-environment",
	ModFailedLowerLevel:        "failed-lower-level",
	ModCourtOrdered:            "court-ordered",
	ModSteppingDown:            "stepping-down",
})

// AllModifiers returns every modifier in order, as a new slice.
func AllModifiers() []Modifier { return modifiers.Values() }

// IsValid reports whether m is a known modifier.
func (m Modifier) IsValid() bool { return modifiers.Valid(m) }

// IsZero reports whether m is unset.
func (m Modifier) IsZero() bool { return m == 0 }

// String returns the modifier's name ("imminent-danger"), and
// "%!Modifier(n)" for an invalid value.
func (m Modifier) String() string { return modifiers.String(m) }

// ParseModifier parses a modifier's name exactly as [Modifier.String] writes it.
func ParseModifier(s string) (Modifier, error) { return modifiers.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid modifier is an error.
func (m Modifier) MarshalText() ([]byte, error) { return modifiers.Marshal(m) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseModifier].
func (m *Modifier) UnmarshalText(b []byte) error { return modifiers.Unmarshal(m, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (m Modifier) Value() (driver.Value, error) { return modifiers.Store(m) }

// Scan implements [database/sql.Scanner] with [ParseModifier].
func (m *Modifier) Scan(src any) error { return modifiers.Load(m, src) }

// Modifiers is a set of modifiers. The zero Modifiers is empty. Sets are
// comparable and safe for concurrent use. In JSON a set is an array of
// modifier names in the order of the constants; decoding refuses unknown
// and repeated names. As text and in SQL, the names joined by commas.
type Modifiers uint16

var modifierSet = enum.NewSet[Modifiers](modifiers, "Modifiers")

// ModifiersOf returns the set of the given modifiers; invalid ones are left out.
func ModifiersOf(ms ...Modifier) Modifiers { return modifierSet.Of(ms...) }

// Has reports whether m is in s.
func (s Modifiers) Has(m Modifier) bool { return modifierSet.Has(s, m) }

// IsZero reports whether s is empty.
func (s Modifiers) IsZero() bool { return s == 0 }

// IsValid reports whether s holds known modifiers only.
func (s Modifiers) IsValid() bool { return modifierSet.Valid(s) }

// Len returns the number of modifiers in s.
func (s Modifiers) Len() int { return modifierSet.Len(s) }

// Values returns the modifiers in s, in order, as a new slice.
func (s Modifiers) Values() []Modifier { return modifierSet.Values(s) }

// String returns the names joined by commas, or "" when s is empty, with
// "%!Modifiers(0x..)" for bits that name no modifier.
func (s Modifiers) String() string { return modifierSet.String(s) }

// ParseModifiers parses the form [Modifiers.String] writes: names in any
// order, each once.
func ParseModifiers(str string) (Modifiers, error) { return modifierSet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (s Modifiers) MarshalText() ([]byte, error) { return modifierSet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseModifiers].
func (s *Modifiers) UnmarshalText(b []byte) error { return modifierSet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names.
func (s Modifiers) MarshalJSON() ([]byte, error) { return modifierSet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *Modifiers) UnmarshalJSON(b []byte) error { return modifierSet.DecodeJSON(s, b) }

// Value implements [driver.Valuer]: the text form.
func (s Modifiers) Value() (driver.Value, error) { return modifierSet.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseModifiers].
func (s *Modifiers) Scan(src any) error { return modifierSet.Load(s, src) }
