package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// Progress is the clinician's judgement, at a review, of the person's
// progress on the plan of care. The zero Progress is unset: not recorded,
// which the continued-stay check reports. Progress values are comparable
// and safe for concurrent use.
type Progress uint8

// The progress judgements.
const (
	_                 Progress = iota
	ProgressMade               // progressing toward the goals, not yet met
	ProgressNone               // not progressing
	ProgressGoalsMet           // the goals of this level are met
	ProgressWorsening          // worsening
)

var progresses = enum.New[Progress]("Progress", "eligibility.Progress.UnmarshalText", check.EnumFail, []string{
	ProgressMade:      "progressing",
	ProgressNone:      "not-progressing",
	ProgressGoalsMet:  "goals-met",
	ProgressWorsening: "worsening",
})

// IsValid reports whether p is a known judgement.
func (p Progress) IsValid() bool { return progresses.Valid(p) }

// String returns the judgement's name ("goals-met"), and "%!Progress(n)"
// for an invalid value.
func (p Progress) String() string { return progresses.String(p) }

// MarshalText implements [encoding.TextMarshaler]; an invalid judgement is an error.
func (p Progress) MarshalText() ([]byte, error) { return progresses.Marshal(p) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (p *Progress) UnmarshalText(b []byte) error { return progresses.Unmarshal(p, b) }
