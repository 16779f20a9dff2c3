package eligibility

import (
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
	// ModifierWithdrawalMonitoring: withdrawal that needs monitoring, to be
	// provided with the level of care (ambulatory or residential withdrawal
	// management). [Checker.CheckDecision] reports it.
	ModifierWithdrawalMonitoring
	// ModifierImminentDanger: a strong probability of serious harm in the near
	// future. Blocks admission to, and discharge from, a non-24-hour level.
	ModifierImminentDanger
	// ModifierCoOccurring: co-occurring mental health conditions: the program
	// must be co-occurring capable. [Checker.CheckDecision] reports it.
	ModifierCoOccurring
	// ModifierUnsupportiveEnvironment: a living environment that does not
	// support recovery.
	ModifierUnsupportiveEnvironment
	// ModifierFailedLowerLevel: treatment at a less intensive level has been
	// tried and has not worked.
	ModifierFailedLowerLevel
	// ModifierCourtOrdered: treatment is ordered by a court. It does not set the
	// level: clinical need does.
	ModifierCourtOrdered
	// ModifierSteppingDown: the person comes from a more intensive level of care
	// (step-down). [Checker.CheckAdmission] accepts IOP as a step-down below
	// the recommended level with a warning.
	ModifierSteppingDown
)

// NumModifiers is the number of modifiers.
const numModifiers = 7

var modifiers = enum.New[Modifier]("Modifier", "eligibility.Modifier.UnmarshalText", check.EnumFail, []string{
	ModifierWithdrawalMonitoring:    "withdrawal-monitoring",
	ModifierImminentDanger:          "imminent-danger",
	ModifierCoOccurring:             "co-occurring",
	ModifierUnsupportiveEnvironment: "unsupportive-environment",
	ModifierFailedLowerLevel:        "failed-lower-level",
	ModifierCourtOrdered:            "court-ordered",
	ModifierSteppingDown:            "stepping-down",
})

// IsValid reports whether m is a known modifier.
func (m Modifier) IsValid() bool { return modifiers.Valid(m) }

// String returns the modifier's name ("imminent-danger"), and
// "%!Modifier(n)" for an invalid value.
func (m Modifier) String() string { return modifiers.String(m) }

// MarshalText implements [encoding.TextMarshaler]; an invalid modifier is an error.
func (m Modifier) MarshalText() ([]byte, error) { return modifiers.Marshal(m) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (m *Modifier) UnmarshalText(b []byte) error { return modifiers.Unmarshal(m, b) }
