package iop

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/enum"
)

// GroupKind is the kind of a group session: what the group does. The kinds
// are the ones IOP programs describe (SAMHSA TIP 41 and TIP 47 describe the
// models). The zero GroupKind is unset and not valid. Kinds are
// comparable and safe for concurrent use.
type GroupKind uint8

// The kinds of group.
const (
	_                     GroupKind = iota
	KindPsychoeducation             // psychoeducation: teaching about substances, illness and recovery
	KindSkillsDevelopment           // skills development: refusal, coping, communication, life skills
	KindCBT                         // cognitive-behavioral therapy
	KindDBT                         // dialectical behavior therapy
	KindProcess                     // interpersonal process group (group counseling or psychotherapy)
	KindSupport                     // support group
	KindFamily                      // family or multi-family group
	KindTraumaInformed              // trauma-informed or trauma-specific group
	KindRelapsePrevention           // relapse prevention
	KindTwelveStep                  // twelve-step facilitation
	KindOther                       // any other kind the program runs
)

var groupKinds = enum.New[GroupKind]("GroupKind", "iop.ParseGroupKind", enumFail, []string{
	KindPsychoeducation:   "psychoeducation",
	KindSkillsDevelopment: "skills-development",
	KindCBT:               "cbt",
	KindDBT:               "dbt",
	KindProcess:           "process",
	KindSupport:           "support",
	KindFamily:            "family",
	KindTraumaInformed:    "trauma-informed",
	KindRelapsePrevention: "relapse-prevention",
	KindTwelveStep:        "twelve-step-facilitation",
	KindOther:             "other",
})

// AllGroupKinds returns every group kind, in order.
func AllGroupKinds() []GroupKind { return groupKinds.Values() }

// IsValid reports whether k is a known value.
func (k GroupKind) IsValid() bool { return groupKinds.Valid(k) }

// IsZero reports whether k is unset.
func (k GroupKind) IsZero() bool { return k == 0 }

// String returns the kind's name ("psychoeducation", "cbt", ...), and "%!GroupKind(n)" for an invalid value.
func (k GroupKind) String() string { return groupKinds.String(k) }

// ParseGroupKind parses a kind's name, exactly as [GroupKind.String] writes it.
func ParseGroupKind(s string) (GroupKind, error) { return groupKinds.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (k GroupKind) MarshalText() ([]byte, error) { return groupKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseGroupKind].
func (k *GroupKind) UnmarshalText(b []byte) error { return groupKinds.Unmarshal(k, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (k GroupKind) Value() (driver.Value, error) { return groupKinds.Store(k) }

// Scan implements [database/sql.Scanner] with [ParseGroupKind].
func (k *GroupKind) Scan(src any) error { return groupKinds.Load(k, src) }

// GroupKinds is a set of group kinds, such as the kinds a profile holds to
// its education size limits. The zero GroupKinds is the empty set. Sets are
// comparable and safe for concurrent use. In JSON a set is an array of kind
// names in kind order, ["psychoeducation","skills-development"]; as text and
// in SQL, the names joined by commas.
type GroupKinds uint32

var groupKindSet = enum.NewSet[GroupKinds](groupKinds, "GroupKinds")

// GroupKindsOf returns the set of the given kinds; invalid kinds are left out.
func GroupKindsOf(kinds ...GroupKind) GroupKinds { return groupKindSet.Of(kinds...) }

// Has reports whether k is in s.
func (s GroupKinds) Has(k GroupKind) bool { return groupKindSet.Has(s, k) }

// IsZero reports whether s is empty.
func (s GroupKinds) IsZero() bool { return s == 0 }

// IsValid reports whether s holds only known kinds.
func (s GroupKinds) IsValid() bool { return groupKindSet.Valid(s) }

// Len returns the number of kinds in s.
func (s GroupKinds) Len() int { return groupKindSet.Len(s) }

// Kinds returns the kinds in s, in order.
func (s GroupKinds) Kinds() []GroupKind { return groupKindSet.Values(s) }

// String returns the names joined by commas, in order, with
// "%!GroupKinds(0x..)" for bits that name no kind.
func (s GroupKinds) String() string { return groupKindSet.String(s) }

// ParseGroupKinds parses the form [GroupKinds.String] writes.
func ParseGroupKinds(str string) (GroupKinds, error) { return groupKindSet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (s GroupKinds) MarshalText() ([]byte, error) { return groupKindSet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseGroupKinds].
func (s *GroupKinds) UnmarshalText(b []byte) error { return groupKindSet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names.
func (s GroupKinds) MarshalJSON() ([]byte, error) { return groupKindSet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *GroupKinds) UnmarshalJSON(b []byte) error { return groupKindSet.DecodeJSON(s, b) }

// Value implements [driver.Valuer]: the text form.
func (s GroupKinds) Value() (driver.Value, error) { return groupKindSet.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseGroupKinds].
func (s *GroupKinds) Scan(src any) error { return groupKindSet.Load(s, src) }
