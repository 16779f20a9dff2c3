package eligibility

import (
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// Risk is a risk rating of one dimension, 0 (no risk) to 4 (severe: utmost
// severity, imminent danger), as The ASAM Criteria rate each dimension. The
// ratings are ordinal: a dimension rated 3 needs more care than one rated 2,
// and the level of care follows the highest-rated dimensions, not an average.
//
// The numeric value of a Risk is the rating: Risk0 is 0, Risk4 is 4, so
// Risk(2) and Risk2 are the same rating. The zero Risk is therefore the
// rating 0, a valid rating, not "unset": whether a dimension was rated at
// all is recorded by [Ratings], never by the Risk. Values above 4 are not
// valid. Risks are comparable, ordered (Risk3 > Risk2) and safe for
// concurrent use.
//
// In JSON a Risk is the number 0 to 4; as text the digit "0" to
// "4". (encoding/json writes a map keyed by Risk with digit keys but hands
// each key to UnmarshalJSON quoted, which refuses a string: key such maps
// by [Dimension], or by int.)
type Risk uint8

// The risk ratings. The meanings are this library's summary of the public
// descriptions (see [Risk.Meaning]).
const (
	Risk0 Risk = iota // 0: none
	Risk1             // 1: mild
	Risk2             // 2: moderate
	Risk3             // 3: significant
	Risk4             // 4: severe, imminent danger
)

// NumRisks is the number of risk ratings, 0 to 4.
const NumRisks = 5

var riskNames = [NumRisks]string{"none", "mild", "moderate", "significant", "severe"}

// riskMeanings are written for this library from the public risk
// descriptions (Minn. R. 9530.6622; The ASAM Criteria, 3rd ed., as state
// manuals summarise it); they are not ASAM's text.
var riskMeanings = [NumRisks]string{
	"no current risk: full functioning in this dimension",
	"mild: minor difficulty, stable with routine support",
	"moderate: some difficulty, needs structured support or monitoring",
	"significant: serious difficulty, needs intensive or 24-hour structure",
	"severe: utmost severity, an imminent danger that needs immediate care",
}

// RiskOf returns the rating n. Any n outside 0 to 4 is refused with an
// error wrapping [iop.ErrOutOfRange] that does not hold n.
func RiskOf(n int) (Risk, error) {
	if n < 0 || n >= NumRisks {
		return 0, &iop.ParseError{Func: "eligibility.RiskOf", Err: errRiskRange}
	}
	return Risk(n), nil
}

// IsValid reports whether r is one of the ratings 0 to 4.
func (r Risk) IsValid() bool { return r <= Risk4 }

// Int returns the rating as the number 0 to 4 (the value of r).
func (r Risk) Int() int { return int(r) }

// String returns the rating's digit, "0" to "4", and "%!Risk(n)" for an
// invalid value.
func (r Risk) String() string {
	if !r.IsValid() {
		return "%!Risk(" + strconv.Itoa(int(r)) + ")"
	}
	return string(rune('0' + r))
}

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

// parseRisk reads the single digit 0 to 4.
func parseRisk(b []byte) (Risk, bool) {
	if len(b) != 1 || b[0] < '0' || b[0] > '4' {
		return 0, false
	}
	return Risk(b[0] - '0'), true
}

// MarshalText implements [encoding.TextMarshaler]: the digit; an invalid
// rating is an error.
func (r Risk) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, check.EnumFail("eligibility.Risk.MarshalText", "", iop.ErrUnknown)
	}
	return []byte{byte('0' + r)}, nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [iop.Parse],
// leaving r unchanged on error.
func (r *Risk) UnmarshalText(b []byte) error {
	v, ok := parseRisk(b)
	if !ok {
		return check.EnumFail("eligibility.Risk.UnmarshalText", "", iop.ErrUnknown)
	}
	*r = v
	return nil
}

// MarshalJSON writes the rating as the JSON number 0 to 4; an invalid
// rating is an error.
func (r Risk) MarshalJSON() ([]byte, error) {
	if !r.IsValid() {
		return nil, check.EnumFail("Risk.MarshalJSON", "", iop.ErrUnknown)
	}
	return []byte{byte('0' + r)}, nil
}

// UnmarshalJSON reads the JSON number 0 to 4, written as a single digit
// ("2", not "2.0", "\"2\"" or null), leaving r unchanged on error.
func (r *Risk) UnmarshalJSON(b []byte) error {
	v, ok := parseRisk(trimSpace(b))
	if !ok {
		return check.EnumFail("Risk.UnmarshalJSON", "", iop.ErrUnknown)
	}
	*r = v
	return nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
