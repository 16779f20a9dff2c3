package eligibility

import (
	"database/sql/driver"

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

var dimensions = enum.New[Dimension]("Dimension", "eligibility.ParseDimension", check.EnumFail,
	[]string{D1: "D1", D2: "D2", D3: "D3", D4: "D4", D5: "D5", D6: "D6"})

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

// AllDimensions returns the six dimensions in order, as a new slice.
func AllDimensions() []Dimension { return dimensions.Values() }

// IsValid reports whether d is one of the six dimensions.
func (d Dimension) IsValid() bool { return dimensions.Valid(d) }

// IsZero reports whether d is unset.
func (d Dimension) IsZero() bool { return d == 0 }

// String returns "D1" to "D6", and "%!Dimension(n)" for an invalid value.
func (d Dimension) String() string { return dimensions.String(d) }

// ParseDimension parses "D1" to "D6", exactly as [Dimension.String] writes them.
func ParseDimension(s string) (Dimension, error) { return dimensions.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid dimension is an error.
func (d Dimension) MarshalText() ([]byte, error) { return dimensions.Marshal(d) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDimension].
func (d *Dimension) UnmarshalText(b []byte) error { return dimensions.Unmarshal(d, b) }

// Value implements [driver.Valuer]: the name ("D3"), never the number.
func (d Dimension) Value() (driver.Value, error) { return dimensions.Store(d) }

// Scan implements [database/sql.Scanner] with [ParseDimension].
func (d *Dimension) Scan(src any) error { return dimensions.Load(d, src) }

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
	case d >= D1 && d <= D3:
		return RoleSafety
	case d >= D4 && d <= D6:
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

var roles = enum.New[Role]("Role", "eligibility.ParseRole", check.EnumFail,
	[]string{RoleSafety: "safety", RoleIntensity: "intensity"})

// AllRoles returns the roles in order, as a new slice.
func AllRoles() []Role { return roles.Values() }

// IsValid reports whether r is a known role.
func (r Role) IsValid() bool { return roles.Valid(r) }

// IsZero reports whether r is unset.
func (r Role) IsZero() bool { return r == 0 }

// String returns "safety" or "intensity", and "%!Role(n)" otherwise.
func (r Role) String() string { return roles.String(r) }

// ParseRole parses "safety" or "intensity".
func ParseRole(s string) (Role, error) { return roles.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r Role) MarshalText() ([]byte, error) { return roles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRole].
func (r *Role) UnmarshalText(b []byte) error { return roles.Unmarshal(r, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (r Role) Value() (driver.Value, error) { return roles.Store(r) }

// Scan implements [database/sql.Scanner] with [ParseRole].
func (r *Role) Scan(src any) error { return roles.Load(r, src) }

// Dimensions is a set of dimensions, such as the dimensions that drove a
// decision. The zero Dimensions is empty. Sets are comparable and safe for
// concurrent use. In JSON a set is an array of names in dimension order,
// ["D1","D3"], never a number; as text and in SQL, the names joined by
// commas.
type Dimensions uint8

var dimensionSet = enum.NewSet[Dimensions](dimensions, "Dimensions")

// DimensionsOf returns the set of the given dimensions; invalid ones are
// left out.
func DimensionsOf(ds ...Dimension) Dimensions { return dimensionSet.Of(ds...) }

// Has reports whether d is in s.
func (s Dimensions) Has(d Dimension) bool { return dimensionSet.Has(s, d) }

// IsZero reports whether s is empty.
func (s Dimensions) IsZero() bool { return s == 0 }

// IsValid reports whether s holds only the six dimensions.
func (s Dimensions) IsValid() bool { return dimensionSet.Valid(s) }

// Len returns the number of dimensions in s.
func (s Dimensions) Len() int { return dimensionSet.Len(s) }

// Values returns the dimensions in s, in order, as a new slice.
func (s Dimensions) Values() []Dimension { return dimensionSet.Values(s) }

// String returns the names joined by commas, "D1,D3", "" for the empty
// set, with "%!Dimensions(0x..)" for bits that name no dimension.
func (s Dimensions) String() string { return dimensionSet.String(s) }

// ParseDimensions parses the form [Dimensions.String] writes: names in any
// order, each once.
func ParseDimensions(str string) (Dimensions, error) { return dimensionSet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (s Dimensions) MarshalText() ([]byte, error) { return dimensionSet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDimensions].
func (s *Dimensions) UnmarshalText(b []byte) error { return dimensionSet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names.
func (s Dimensions) MarshalJSON() ([]byte, error) { return dimensionSet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *Dimensions) UnmarshalJSON(b []byte) error { return dimensionSet.DecodeJSON(s, b) }

// Value implements [driver.Valuer]: the text form.
func (s Dimensions) Value() (driver.Value, error) { return dimensionSet.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseDimensions].
func (s *Dimensions) Scan(src any) error { return dimensionSet.Load(s, src) }

// with returns s with d added; d must be valid.
func (s Dimensions) with(d Dimension) Dimensions { return s | 1<<d }
