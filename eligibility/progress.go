package eligibility

import "github.com/ioprules/ioprules/internal/enum"

// Progress is the clinician's judgement, at a review, of the person's
// progress on the plan of care. The zero Progress is unset: not recorded.
type Progress uint8

// The progress judgements.
const (
	_                 Progress = iota
	ProgressMade               // progressing toward the goals, not yet met
	ProgressNone               // not progressing
	ProgressGoalsMet           // the goals of this level are met
	ProgressWorsening          // worsening
)

var progressNames = []string{
	ProgressMade:      "progressing",
	ProgressNone:      "not-progressing",
	ProgressGoalsMet:  "goals-met",
	ProgressWorsening: "worsening",
}

// IsValid reports whether p is a known judgement.
func (p Progress) IsValid() bool { return enum.Valid(progressNames, p) }

// IsZero reports whether p is unset.
func (p Progress) IsZero() bool { return p == 0 }

// String returns the judgement's name ("goals-met"), and "%!Progress(n)"
// for an invalid value.
func (p Progress) String() string { return enum.String(progressNames, p, "Progress") }

// ParseProgress parses a judgement's name exactly as [Progress.String] writes it.
func ParseProgress(s string) (Progress, error) {
	if v, ok := enum.Parse[Progress](progressNames, s); ok {
		return v, nil
	}
	return 0, parseError("ParseProgress", s, ErrUnknownProgress)
}

// MarshalText implements [encoding.TextMarshaler]; an invalid judgement is an error.
func (p Progress) MarshalText() ([]byte, error) {
	return enum.Text(p.IsValid(), p.String(), func() error {
		return parseError("Progress.MarshalText", p.String(), ErrUnknownProgress)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseProgress].
func (p *Progress) UnmarshalText(b []byte) error { return enum.Unmarshal(p, b, ParseProgress) }
