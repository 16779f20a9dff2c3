package iop

import (
	"encoding/json"
	"math/bits"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/internal/strictjson"
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

var groupKindNames = []string{
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
}

// GroupKindValues returns every group kind, in order.
func GroupKindValues() []GroupKind {
	out := make([]GroupKind, 0, len(groupKindNames)-1)
	for k := KindPsychoeducation; int(k) < len(groupKindNames); k++ {
		out = append(out, k)
	}
	return out
}

// IsValid reports whether k is a known kind.
func (k GroupKind) IsValid() bool { return enum.Valid(groupKindNames, k) }

// IsZero reports whether k is unset.
func (k GroupKind) IsZero() bool { return k == 0 }

// String returns the kind's name ("psychoeducation", "cbt",
// "twelve-step-facilitation"), and "%!GroupKind(n)" for an invalid value.
func (k GroupKind) String() string { return enum.String(groupKindNames, k, "GroupKind") }

// ParseGroupKind parses a kind's name exactly as [GroupKind.String] writes it.
func ParseGroupKind(s string) (GroupKind, error) {
	if k, ok := enum.Parse[GroupKind](groupKindNames, s); ok {
		return k, nil
	}
	return 0, &ParseError{Func: "iop.ParseGroupKind", Input: s, Err: ErrUnknownGroupKind}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k GroupKind) MarshalText() ([]byte, error) {
	return enum.Text(k.IsValid(), k.String(), func() error {
		return &ParseError{Func: "iop.GroupKind.MarshalText", Input: k.String(), Err: ErrUnknownGroupKind}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseGroupKind].
func (k *GroupKind) UnmarshalText(b []byte) error { return enum.Unmarshal(k, b, ParseGroupKind) }

// GroupKinds is a set of group kinds, such as the kinds a profile holds to
// its education size limits. The zero GroupKinds is the empty set. Sets are
// comparable and safe for concurrent use. In JSON a set is an array of kind
// names in kind order: ["psychoeducation","skills-development"].
type GroupKinds uint32

// GroupKindsOf returns the set of the given kinds; invalid kinds are left out.
func GroupKindsOf(kinds ...GroupKind) GroupKinds {
	var s GroupKinds
	for _, k := range kinds {
		if k.IsValid() {
			s |= 1 << k
		}
	}
	return s
}

// allGroupKinds is the set of every valid kind.
const allGroupKinds = GroupKinds(1<<(KindOther+1)) - 2

// Has reports whether k is in s.
func (s GroupKinds) Has(k GroupKind) bool { return k.IsValid() && s&(1<<k) != 0 }

// IsZero reports whether s is empty.
func (s GroupKinds) IsZero() bool { return s == 0 }

// IsValid reports whether s holds only known kinds.
func (s GroupKinds) IsValid() bool { return s&^allGroupKinds == 0 }

// Len returns the number of kinds in s, invalid bits included.
func (s GroupKinds) Len() int { return bits.OnesCount32(uint32(s)) }

// Kinds returns the kinds in s, in kind order; invalid bits are left out.
func (s GroupKinds) Kinds() []GroupKind {
	var out []GroupKind
	for k := KindPsychoeducation; k <= KindOther; k++ {
		if s.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// String returns the kinds' names joined by commas, in kind order, with
// "%!GroupKinds(0x...)" appended for bits that name no kind; "" for the
// empty set.
func (s GroupKinds) String() string {
	var b strings.Builder
	for _, k := range s.Kinds() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k.String())
	}
	if rest := s &^ allGroupKinds; rest != 0 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString("%!GroupKinds(0x" + strconv.FormatUint(uint64(rest), 16) + ")")
	}
	return b.String()
}

// MarshalJSON writes s as an array of kind names in kind order. A set with
// bits that name no kind is an error.
func (s GroupKinds) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, &ParseError{Func: "iop.GroupKinds.MarshalJSON", Input: s.String(), Err: ErrUnknownGroupKind}
	}
	kinds := s.Kinds()
	if kinds == nil {
		kinds = []GroupKind{}
	}
	return json.Marshal(kinds)
}

// UnmarshalJSON reads an array of kind names strictly: an unknown name is an
// error wrapping [ErrUnknownGroupKind], a name given twice one wrapping
// [ErrDuplicateKind], each naming the element ("[2]").
func (s *GroupKinds) UnmarshalJSON(b []byte) error {
	var kinds []GroupKind
	if err := strictjson.Decode(b, &kinds); err != nil {
		return err
	}
	var set GroupKinds
	for i, k := range kinds {
		if set.Has(k) {
			return &FieldError{Field: "[" + strconv.Itoa(i) + "]", Err: ErrDuplicateKind}
		}
		set |= 1 << k
	}
	*s = set
	return nil
}
