package eligibility

import (
	"iter"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// Dimension is one of the six assessment dimensions of The ASAM Criteria.
// The dimensions keep their numbers across editions; their names changed
// in the 4th edition (2023): see [Dimension.Name]. The zero Dimension is
// unset and not valid. Dimensions are comparable and safe for concurrent use.
type Dimension uint8

// The six dimensions, by number.
const (
	_  Dimension = iota
	D1           // 3rd: acute intoxication and/or withdrawal potential; 4th: intoxication, withdrawal and addiction medications
	D2           // 3rd: biomedical conditions and complications; 4th: biomedical conditions
	D3           // 3rd: emotional, behavioral or cognitive conditions and complications; 4th: psychiatric and cognitive conditions
	D4           // 3rd: readiness to change; 4th: substance use-related risks
	D5           // 3rd: relapse, continued use or continued problem potential; 4th: recovery environment interactions
	D6           // 3rd: recovery/living environment; 4th: person-centered considerations
)

// NumDimensions is the number of assessment dimensions.
const NumDimensions = 6

var dimensionCodes = []string{D1: "D1", D2: "D2", D3: "D3", D4: "D4", D5: "D5", D6: "D6"}

// dimensionNames holds the names per edition, indexed by dimension. Source:
// The ASAM Criteria, 3rd ed. (2013) and 4th ed. (2023), as public state
// manuals name them (see the package references).
var dimensionNames = [...][2]string{
	D1: {"Acute Intoxication and/or Withdrawal Potential", "Intoxication, Withdrawal, and Addiction Medications"},
	D2: {"Biomedical Conditions and Complications", "Biomedical Conditions"},
	D3: {"Emotional, Behavioral, or Cognitive Conditions and Complications", "Psychiatric and Cognitive Conditions"},
	D4: {"Readiness to Change", "Substance Use-Related Risks"},
	D5: {"Relapse, Continued Use, or Continued Problem Potential", "Recovery Environment Interactions"},
	D6: {"Recovery/Living Environment", "Person-Centered Considerations"},
}

// Dimensions returns the six dimensions in order, as an array (no
// allocation).
func Dimensions() [NumDimensions]Dimension { return [...]Dimension{D1, D2, D3, D4, D5, D6} }

// IsValid reports whether d is one of the six dimensions.
func (d Dimension) IsValid() bool { return d >= D1 && d <= D6 }

// IsZero reports whether d is unset.
func (d Dimension) IsZero() bool { return d == 0 }

// String returns "D1" to "D6", and "%!Dimension(n)" for an invalid value.
func (d Dimension) String() string { return enum.String(dimensionCodes, d, "Dimension") }

// Name returns the dimension's name in edition e, or "" when d or e is not
// valid.
func (d Dimension) Name(e iop.Edition) string {
	if !d.IsValid() {
		return ""
	}
	switch e {
	case iop.Edition3:
		return dimensionNames[d][0]
	case iop.Edition4:
		return dimensionNames[d][1]
	}
	return ""
}

// Role returns the part the dimension plays in a decision: dimensions 1 to
// 3 decide whether a setting is safe ([RoleSafety]), dimensions 4 to 6
// shape the intensity of care ([RoleIntensity]). It returns 0 for an
// invalid dimension.
func (d Dimension) Role() Role {
	switch {
	case d >= D1 && d <= D3:
		return RoleSafety
	case d >= D4 && d <= D6:
		return RoleIntensity
	}
	return 0
}

// ParseDimension parses "D1" to "D6", exactly as [Dimension.String] writes them.
func ParseDimension(s string) (Dimension, error) {
	if d, ok := enum.Parse[Dimension](dimensionCodes, s); ok {
		return d, nil
	}
	return 0, parseError("ParseDimension", s, ErrUnknownDimension)
}

// MarshalText implements [encoding.TextMarshaler]; an invalid dimension is an error.
func (d Dimension) MarshalText() ([]byte, error) {
	return enum.Text(d.IsValid(), d.String(), func() error {
		return parseError("Dimension.MarshalText", d.String(), ErrUnknownDimension)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDimension].
func (d *Dimension) UnmarshalText(b []byte) error { return enum.Unmarshal(d, b, ParseDimension) }

// Role is the part a dimension plays in a level-of-care decision. The zero
// Role is unset.
type Role uint8

// The roles. The highest-risk dimensions decide the level: the safety
// dimensions rule out settings that are not safe, the intensity dimensions
// set how much care the person needs within the settings that are.
const (
	_             Role = iota
	RoleSafety         // dimensions 1-3: is a setting safe
	RoleIntensity      // dimensions 4-6: how intensive the care must be
)

var roleNames = []string{RoleSafety: "safety", RoleIntensity: "intensity"}

// String returns "safety" or "intensity", and "%!Role(n)" otherwise.
func (r Role) String() string { return enum.String(roleNames, r, "Role") }

// DimensionSet is a set of dimensions, such as the dimensions that drove a
// decision. The zero DimensionSet is empty. It is comparable and safe for
// concurrent use.
type DimensionSet uint8

// SetOf returns the set of the given dimensions; invalid ones are left out.
func SetOf(ds ...Dimension) DimensionSet {
	var s DimensionSet
	for _, d := range ds {
		s = s.With(d)
	}
	return s
}

// With returns s with d added; an invalid d is left out.
func (s DimensionSet) With(d Dimension) DimensionSet {
	if !d.IsValid() {
		return s
	}
	return s | 1<<d
}

// Has reports whether d is in s.
func (s DimensionSet) Has(d Dimension) bool { return d.IsValid() && s&(1<<d) != 0 }

// IsZero reports whether s is empty.
func (s DimensionSet) IsZero() bool { return s == 0 }

// Len returns the number of dimensions in s.
func (s DimensionSet) Len() int {
	n := 0
	for d := D1; d <= D6; d++ {
		if s.Has(d) {
			n++
		}
	}
	return n
}

// All returns the dimensions in s, in order.
func (s DimensionSet) All() iter.Seq[Dimension] {
	return func(yield func(Dimension) bool) {
		for d := D1; d <= D6; d++ {
			if s.Has(d) && !yield(d) {
				return
			}
		}
	}
}

// String returns the dimensions joined by commas, "D1,D3", or "" when s is
// empty.
func (s DimensionSet) String() string {
	var b strings.Builder
	for d := range s.All() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
