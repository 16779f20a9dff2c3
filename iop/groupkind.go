package iop

import (
	"github.com/ioprules/ioprules/internal/enum"
)

// GroupKind is the kind of a group session: what the group does. The kinds
// are the ones IOP programs describe (SAMHSA TIP 41 and TIP 47 describe the
// models). The zero GroupKind is unset and not valid. Kinds are
// comparable and safe for concurrent use.
type GroupKind uint8

// The kinds of group.
const (
	_                          GroupKind = iota
	GroupKindPsychoeducation             // psychoeducation: teaching about substances, illness and recovery
	GroupKindSkillsDevelopment           // skills development: refusal, coping, communication, life skills
	GroupKindCBT                         // cognitive-behavioral therapy
	GroupKindDBT                         // dialectical behavior therapy
	GroupKindProcess                     // interpersonal process group (group counseling or psychotherapy)
	GroupKindSupport                     // support group
	GroupKindFamily                      // family or multi-family group
	GroupKindTraumaInformed              // trauma-informed or trauma-specific group
	GroupKindRelapsePrevention           // relapse prevention
	GroupKindTwelveStep                  // twelve-step facilitation
	GroupKindOther                       // any other kind the program runs
)

var groupKinds = enum.New[GroupKind]("GroupKind", "iop.GroupKind.UnmarshalText", enumFail, []string{
	GroupKindPsychoeducation:   "psychoeducation",
	GroupKindSkillsDevelopment: "skills-development",
	GroupKindCBT:               "cbt",
	GroupKindDBT:               "dbt",
	GroupKindProcess:           "process",
	GroupKindSupport:           "support",
	GroupKindFamily:            "family",
	GroupKindTraumaInformed:    "trauma-informed",
	GroupKindRelapsePrevention: "relapse-prevention",
	GroupKindTwelveStep:        "twelve-step-facilitation",
	GroupKindOther:             "other",
})

// IsValid reports whether k is a known value.
func (k GroupKind) IsValid() bool { return groupKinds.Valid(k) }

// String returns the kind's name ("psychoeducation", "cbt", ...), and "%!GroupKind(n)" for an invalid value.
func (k GroupKind) String() string { return groupKinds.String(k) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (k GroupKind) MarshalText() ([]byte, error) { return groupKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (k *GroupKind) UnmarshalText(b []byte) error { return groupKinds.Unmarshal(k, b) }
