package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// VarianceReason is why the level of care given differs from the level
// recommended. EHRs must document it (level-of-care forms record the
// recommended level, the level provided and the reason for the
// discrepancy). The zero VarianceReason is unset: no reason recorded, which
// [Checker.CheckVariance] reports. Reasons are comparable and safe for
// concurrent use.
type VarianceReason uint8

// The variance reasons.
const (
	_ VarianceReason = iota
	// VarianceReasonPayerAuthorizedLower: the payer authorised a less intensive
	// level than the one recommended. The level given must be lower.
	VarianceReasonPayerAuthorizedLower
	// VarianceReasonPatientPreference: the person chose another level (shared
	// decision making).
	VarianceReasonPatientPreference
	// VarianceReasonLevelNotAvailable: the recommended level is not available;
	// payer guidelines then authorise the next more intensive level that is.
	VarianceReasonLevelNotAvailable
	// VarianceReasonClinicalJudgement: the clinician judged another level right
	// (a clinical override).
	VarianceReasonClinicalJudgement
	// VarianceReasonCourtOrdered: a court or probation ordered another level.
	VarianceReasonCourtOrdered
)

var varianceReasons = enum.New[VarianceReason]("VarianceReason", "eligibility.VarianceReason.UnmarshalText", check.EnumFail, []string{
	VarianceReasonPayerAuthorizedLower: "payer-authorized-lower",
	VarianceReasonPatientPreference:    "patient-preference",
	VarianceReasonLevelNotAvailable:    "level-not-available",
	VarianceReasonClinicalJudgement:    "clinical-judgement",
	VarianceReasonCourtOrdered:         "court-ordered",
})

// IsValid reports whether v is a known reason.
func (v VarianceReason) IsValid() bool { return varianceReasons.Valid(v) }

// String returns the reason's name ("patient-preference"), and
// "%!VarianceReason(n)" for an invalid value.
func (v VarianceReason) String() string { return varianceReasons.String(v) }

// MarshalText implements [encoding.TextMarshaler]; an invalid reason is an error.
func (v VarianceReason) MarshalText() ([]byte, error) { return varianceReasons.Marshal(v) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (v *VarianceReason) UnmarshalText(b []byte) error { return varianceReasons.Unmarshal(v, b) }

// Variance records the level of care given when it differs from the level
// recommended, and why. The zero Variance means the recommended level was
// given. Variances are comparable values, safe for concurrent use; a
// decision holds one only through [Decision.Place], which validates it.
type Variance struct {
	// Given is the level of care given.
	Given iop.Level `json:"given,omitzero"`
	// Reason is why it differs from the recommended level; zero when no
	// reason is recorded.
	Reason VarianceReason `json:"reason,omitzero"`
	// Note is the opaque record ID of the note documenting the variance.
	Note string `json:"note,omitzero"`
}

// IsZero reports whether v is the zero Variance.
func (v Variance) IsZero() bool { return v == Variance{} }
