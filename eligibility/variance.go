package eligibility

import (
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// VarianceReason is why the level of care given differs from the level
// recommended. EHRs must document it (level-of-care forms record the
// recommended level, the level provided and the reason for the
// discrepancy). The zero VarianceReason is unset.
type VarianceReason uint8

// The variance reasons.
const (
	_ VarianceReason = iota
	// VariancePayerAuthorizedLower: the payer authorised a less intensive
	// level than the one recommended. The level given must be lower.
	VariancePayerAuthorizedLower
	// VariancePatientPreference: the person chose another level (shared
	// decision making).
	VariancePatientPreference
	// VarianceLevelNotAvailable: the recommended level is not available;
	// payer guidelines then authorise the next more intensive level that is.
	VarianceLevelNotAvailable
	// VarianceClinicalJudgement: the clinician judged another level right
	// (a clinical override).
	VarianceClinicalJudgement
	// VarianceCourtOrdered: a court or probation ordered another level.
	VarianceCourtOrdered
)

var varianceNames = []string{
	VariancePayerAuthorizedLower: "payer-authorized-lower",
	VariancePatientPreference:    "patient-preference",
	VarianceLevelNotAvailable:    "level-not-available",
	VarianceClinicalJudgement:    "clinical-judgement",
	VarianceCourtOrdered:         "court-ordered",
}

// IsValid reports whether v is a known reason.
func (v VarianceReason) IsValid() bool { return enum.Valid(varianceNames, v) }

// IsZero reports whether v is unset.
func (v VarianceReason) IsZero() bool { return v == 0 }

// String returns the reason's name ("patient-preference"), and
// "%!VarianceReason(n)" for an invalid value.
func (v VarianceReason) String() string { return enum.String(varianceNames, v, "VarianceReason") }

// ParseVarianceReason parses a reason's name exactly as [VarianceReason.String] writes it.
func ParseVarianceReason(s string) (VarianceReason, error) {
	if v, ok := enum.Parse[VarianceReason](varianceNames, s); ok {
		return v, nil
	}
	return 0, parseError("ParseVarianceReason", s, ErrUnknownVariance)
}

// MarshalText implements [encoding.TextMarshaler]; an invalid reason is an error.
func (v VarianceReason) MarshalText() ([]byte, error) {
	return enum.Text(v.IsValid(), v.String(), func() error {
		return parseError("VarianceReason.MarshalText", v.String(), ErrUnknownVariance)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseVarianceReason].
func (v *VarianceReason) UnmarshalText(b []byte) error {
	return enum.Unmarshal(v, b, ParseVarianceReason)
}

// Variance records the level of care given when it differs from the level
// recommended, and why. The zero Variance means the recommended level was
// given. Variances are comparable values, safe for concurrent use.
type Variance struct {
	// Given is the level of care given.
	Given iop.Level `json:"given,omitzero"`
	// Reason is why it differs from the recommended level.
	Reason VarianceReason `json:"reason,omitzero"`
	// Note is the opaque record ID of the note documenting the variance.
	Note string `json:"note,omitzero"`
}

// IsZero reports whether v is the zero Variance.
func (v Variance) IsZero() bool { return v == Variance{} }
