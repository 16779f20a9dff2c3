package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
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
	_          Dimension = iota
	Dimension1           // 3rd: acute intoxication and/or withdrawal potential; 4th: intoxication, withdrawal and addiction medications
	Dimension2           // 3rd: biomedical conditions and complications; 4th: biomedical conditions
	Dimension3           // 3rd: emotional, behavioral or cognitive conditions and complications; 4th: psychiatric and cognitive conditions
	Dimension4           // 3rd: readiness to change; 4th: substance use-related risks
	Dimension5           // 3rd: relapse, continued use or continued problem potential; 4th: recovery environment interactions
	Dimension6           // 3rd: recovery/living environment; 4th: person-centered considerations
)

// NumDimensions is the number of assessment dimensions.
const NumDimensions = 6

var dimensions = enum.New[Dimension]("Dimension", "eligibility.Dimension.UnmarshalText", check.EnumFail,
	[]string{Dimension1: "D1", Dimension2: "D2", Dimension3: "D3", Dimension4: "D4", Dimension5: "D5", Dimension6: "D6"})

// dimensionNames holds the names per edition, indexed by dimension. Source:
// The ASAM Criteria, 3rd ed. (2013) and 4th ed. (2023), as public state
// manuals name them (see the package references).
var dimensionNames = [...][2]string{
	Dimension1: {"Acute Intoxication and/or Withdrawal Potential", "Intoxication, Withdrawal, and Addiction Medications"},
	Dimension2: {"Biomedical Conditions and Complications", "Biomedical Conditions"},
	Dimension3: {"Emotional, Behavioral, or Cognitive Conditions and Complications", "Psychiatric and Cognitive Conditions"},
	Dimension4: {"Readiness to Change", "Substance Use-Related Risks"},
	Dimension5: {"Relapse, Continued Use, or Continued Problem Potential", "Recovery Environment Interactions"},
	Dimension6: {"Recovery/Living Environment", "Person-Centered Considerations"},
}

// IsValid reports whether d is one of the six dimensions.
func (d Dimension) IsValid() bool { return dimensions.Valid(d) }

// String returns "D1" to "D6", and "%!Dimension(n)" for an invalid value.
func (d Dimension) String() string { return dimensions.String(d) }

// MarshalText implements [encoding.TextMarshaler]; an invalid dimension is an error.
func (d Dimension) MarshalText() ([]byte, error) { return dimensions.Marshal(d) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (d *Dimension) UnmarshalText(b []byte) error { return dimensions.Unmarshal(d, b) }

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
// shape the intensity of care ([RoleIntensity]). It returns the zero Role
// for an invalid dimension.
func (d Dimension) Role() Role {
	switch {
	case d >= Dimension1 && d <= Dimension3:
		return RoleSafety
	case d >= Dimension4 && d <= Dimension6:
		return RoleIntensity
	}
	return 0
}

// Role is the part a dimension plays in a level-of-care decision. The zero
// Role is unset and not valid.
type Role uint8

// The roles. The highest-risk dimensions decide the level: the safety
// dimensions rule out settings that are not safe, the intensity dimensions
// set how much care the person needs within the settings that are.
const (
	_             Role = iota
	RoleSafety         // dimensions 1-3: is a setting safe
	RoleIntensity      // dimensions 4-6: how intensive the care must be
)

var roles = enum.New[Role]("Role", "eligibility.Role.UnmarshalText", check.EnumFail,
	[]string{RoleSafety: "safety", RoleIntensity: "intensity"})

// IsValid reports whether r is a known role.
func (r Role) IsValid() bool { return roles.Valid(r) }

// String returns "safety" or "intensity", and "%!Role(n)" otherwise.
func (r Role) String() string { return roles.String(r) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r Role) MarshalText() ([]byte, error) { return roles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (r *Role) UnmarshalText(b []byte) error { return roles.Unmarshal(r, b) }
