package eligibility

import (
	"database/sql/driver"

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

var varianceReasons = enum.New[VarianceReason]("VarianceReason", "eligibility.ParseVarianceReason", check.EnumFail, []string{
	VariancePayerAuthorizedLower: "payer-authorized-lower",
	VariancePatientPreference:    "patient-preference",
	VarianceLevelNotAvailable:    "level-not-available",
	VarianceClinicalJudgement:    "clinical-judgement",
	VarianceCourtOrdered:         "court-ordered",
})

// AllVarianceReasons returns every reason in order, as a new slice.
func AllVarianceReasons() []VarianceReason { return varianceReasons.Values() }

// IsValid reports whether v is a known reason.
func (v VarianceReason) IsValid() bool { return varianceReasons.Valid(v) }

// IsZero reports whether v is unset.
func (v VarianceReason) IsZero() bool { return v == 0 }

// String returns the reason's name ("patient-preference"), and
// "%!VarianceReason(n)" for an invalid value.
func (v VarianceReason) String() string { return varianceReasons.String(v) }

// ParseVarianceReason parses a reason's name exactly as [VarianceReason.String] writes it.
func ParseVarianceReason(s string) (VarianceReason, error) { return varianceReasons.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid reason is an error.
func (v VarianceReason) MarshalText() ([]byte, error) { return varianceReasons.Marshal(v) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseVarianceReason].
func (v *VarianceReason) UnmarshalText(b []byte) error { return varianceReasons.Unmarshal(v, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (v VarianceReason) Value() (driver.Value, error) { return varianceReasons.Store(v) }

// Scan implements [database/sql.Scanner] with [ParseVarianceReason].
func (v *VarianceReason) Scan(src any) error { return varianceReasons.Load(v, src) }

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
