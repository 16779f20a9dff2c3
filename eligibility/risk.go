package eligibility

import (
	"bytes"

	"github.com/ioprules/ioprules/internal/enum"
)

// Risk is a risk rating of one dimension, 0 (no risk) to 4 (severe: utmost
// severity, imminent danger), as The ASAM Criteria rate each dimension. The
// ratings are ordinal: a dimension rated 3 needs more care than one rated 2,
// and the level of care follows the highest-rated dimensions, not an average.
//
// Like time.Month, Risk keeps its zero value for "unset": the rating 0 is
// [Risk0], whose numeric value is 1. Use the constants, [RiskOf] or
// [ParseRisk]; [Risk.Int] returns the rating as the number 0-4. Risks are
// comparable, ordered (Risk3 > Risk2) and safe for concurrent use.
//
// In JSON a Risk is the number 0 to 4; as text (map keys) the digit.
type Risk uint8

// The risk ratings. The meanings are this library's summary of the public
// descriptions (see [Risk.Meaning]).
const (
	_     Risk = iota
	Risk0      // 0: none
	Risk1      // 1: mild
	Risk2      // 2: moderate
	Risk3      // 3: significant
	Risk4      // 4: severe, imminent danger
)

// NumRisks is the number of risk ratings, 0 to 4.
const NumRisks = 5

var riskCodes = []string{Risk0: "0", Risk1: "1", Risk2: "2", Risk3: "3", Risk4: "4"}

var riskNames = []string{Risk0: "none", Risk1: "mild", Risk2: "moderate", Risk3: "significant", Risk4: "severe"}

// riskMeanings are written for this library from the public risk
// descriptions (Minn. R. 9530.6622; The ASAM Criteria, 3rd ed., as state
// manuals summarise it); they are not ASAM's text.
var riskMeanings = []string{
	Risk0: "no current risk: full functioning in this dimension",
	Risk1: "mild: minor difficulty, stable with routine support",
	Risk2: "moderate: some difficulty, needs structured support or monitoring",
	Risk3: "significant: serious difficulty, needs intensive or 24-hour structure",
	Risk4: "severe: utmost severity, an imminent danger that needs immediate care",
}

// Risks returns the five ratings in order, as an array (no allocation).
func Risks() [NumRisks]Risk { return [...]Risk{Risk0, Risk1, Risk2, Risk3, Risk4} }

// RiskOf returns the rating n (0 to 4), and false for any other n.
func RiskOf(n int) (Risk, bool) {
	if n < 0 || n >= NumRisks {
		return 0, false
	}
	return Risk(n + 1), true
}

// IsValid reports whether r is one of the ratings 0 to 4.
func (r Risk) IsValid() bool { return r >= Risk0 && r <= Risk4 }

// IsZero reports whether r is unset.
func (r Risk) IsZero() bool { return r == 0 }

// Int returns the rating as the number 0 to 4, and -1 when r is not valid.
func (r Risk) Int() int {
	if !r.IsValid() {
		return -1
	}
	return int(r) - 1
}

// String returns the rating's digit, "0" to "4", and "%!Risk(n)" for an
// invalid value (n being the internal value).
func (r Risk) String() string { return enum.String(riskCodes, r, "Risk") }

// Name returns "none", "mild", "moderate", "significant" or "severe", or ""
// for an invalid rating.
func (r Risk) Name() string {
	if !r.IsValid() {
		return ""
	}
	return riskNames[r]
}

// Meaning returns what the rating means, in a sentence, or "" for an
// invalid rating.
func (r Risk) Meaning() string {
	if !r.IsValid() {
		return ""
	}
	return riskMeanings[r]
}

// ParseRisk parses "0" to "4", exactly as [Risk.String] writes them.
func ParseRisk(s string) (Risk, error) {
	if r, ok := enum.Parse[Risk](riskCodes, s); ok {
		return r, nil
	}
	return 0, parseError("ParseRisk", s, ErrUnknownRisk)
}

// MarshalText implements [encoding.TextMarshaler]: the digit; an invalid
// rating is an error.
func (r Risk) MarshalText() ([]byte, error) {
	return enum.Text(r.IsValid(), r.String(), func() error {
		return parseError("Risk.MarshalText", r.String(), ErrUnknownRisk)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRisk].
func (r *Risk) UnmarshalText(b []byte) error { return enum.Unmarshal(r, b, ParseRisk) }

// MarshalJSON writes the rating as the JSON number 0 to 4; an invalid
// rating is an error.
func (r Risk) MarshalJSON() ([]byte, error) { return r.MarshalText() }

// UnmarshalJSON reads the JSON number 0 to 4, written as a single digit
// ("2", not "2.0" or "\"2\""); null leaves the rating unset.
func (r *Risk) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		*r = 0
		return nil
	}
	v, ok := enum.Parse[Risk](riskCodes, string(b))
	if !ok {
		return ErrUnknownRisk // the input is not quoted: it may hold anything
	}
	*r = v
	return nil
}
