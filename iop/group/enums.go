package group

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// This file holds the small enums of a group session: its age focus, its
// enrollment, the roles of its participants and facilitators, and gender
// identity. Each follows the house pattern: zero is unset and not valid,
// String never panics, Parse accepts exactly what String writes, the text
// methods make JSON use the names, and SQL stores the names. No error holds
// the rejected text.

// AgeFocus is the age group a group session is for. The zero AgeFocus means
// the group has no age focus. Values are comparable and safe for concurrent
// use.
type AgeFocus uint8

// The age foci.
const (
	_               AgeFocus = iota
	FocusAdolescent          // adolescents only, as the profile's [iop.AgeRules] define them
	FocusAdult               // adults only
	FocusYoungAdult          // young adults: adults up to [Composition] YoungAdultMaxAge
)

var ageFoci = enum.New[AgeFocus]("AgeFocus", "group.ParseAgeFocus", check.EnumFail,
	[]string{FocusAdolescent: "adolescent", FocusAdult: "adult", FocusYoungAdult: "young-adult"})

// AllAgeFocuses returns every age focus, in order.
func AllAgeFocuses() []AgeFocus { return ageFoci.Values() }

// IsValid reports whether f is a known age focus.
func (f AgeFocus) IsValid() bool { return ageFoci.Valid(f) }

// IsZero reports whether f is unset (no age focus).
func (f AgeFocus) IsZero() bool { return f == 0 }

// String returns "adolescent", "adult" or "young-adult", and
// "%!AgeFocus(n)" for an invalid value.
func (f AgeFocus) String() string { return ageFoci.String(f) }

// ParseAgeFocus parses "adolescent", "adult" or "young-adult".
func ParseAgeFocus(s string) (AgeFocus, error) { return ageFoci.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid focus is an error.
func (f AgeFocus) MarshalText() ([]byte, error) { return ageFoci.Marshal(f) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAgeFocus].
func (f *AgeFocus) UnmarshalText(b []byte) error { return ageFoci.Unmarshal(f, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (f AgeFocus) Value() (driver.Value, error) { return ageFoci.Store(f) }

// Scan implements [database/sql.Scanner] with [ParseAgeFocus].
func (f *AgeFocus) Scan(src any) error { return ageFoci.Load(f, src) }

// Population returns the population a group with focus f serves:
// [iop.Adolescent] for [FocusAdolescent], [iop.Adult] for [FocusAdult] and
// [FocusYoungAdult], and zero when f is unset or invalid.
func (f AgeFocus) Population() iop.Population {
	switch f {
	case FocusAdolescent:
		return iop.Adolescent
	case FocusAdult, FocusYoungAdult:
		return iop.Adult
	}
	return 0
}

// Gender is a person's gender identity as the program records it, used only
// to check membership of gender-specific groups; it never appears in a
// message or an error. The zero Gender is not recorded. Values are
// comparable and safe for concurrent use.
type Gender uint8

// The gender identities.
const (
	_                 Gender = iota
	GenderWoman              // identifies as a woman
	GenderMan                // identifies as a man
	GenderNonbinary          // identifies as nonbinary or genderqueer
	GenderOther              // another gender identity
	GenderUndisclosed        // chose not to disclose
)

var genders = enum.New[Gender]("Gender", "group.ParseGender", check.EnumFail, []string{
	GenderWoman: "woman", GenderMan: "man", GenderNonbinary: "nonbinary",
	GenderOther: "other", GenderUndisclosed: "undisclosed",
})

// AllGenders returns every gender identity, in order.
func AllGenders() []Gender { return genders.Values() }

// IsValid reports whether g is a known gender identity.
func (g Gender) IsValid() bool { return genders.Valid(g) }

// IsZero reports whether g is not recorded.
func (g Gender) IsZero() bool { return g == 0 }

// String returns "woman", "man", "nonbinary", "other" or "undisclosed", and
// "%!Gender(n)" for an invalid value.
func (g Gender) String() string { return genders.String(g) }

// ParseGender parses a gender identity's name exactly as [Gender.String]
// writes it.
func ParseGender(s string) (Gender, error) { return genders.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid gender is an error.
func (g Gender) MarshalText() ([]byte, error) { return genders.Marshal(g) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseGender].
func (g *Gender) UnmarshalText(b []byte) error { return genders.Unmarshal(g, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (g Gender) Value() (driver.Value, error) { return genders.Store(g) }

// Scan implements [database/sql.Scanner] with [ParseGender].
func (g *Gender) Scan(src any) error { return genders.Load(g, src) }

// Enrollment says whether a group takes new members after it starts. The
// zero Enrollment is unset and not valid. Values are comparable and safe for
// concurrent use.
type Enrollment uint8

// The enrollments.
const (
	_      Enrollment = iota
	Open              // members join and leave at any session (rolling admission)
	Closed            // the same members from the first session to the last
)

var enrollments = enum.New[Enrollment]("Enrollment", "group.ParseEnrollment", check.EnumFail,
	[]string{Open: "open", Closed: "closed"})

// AllEnrollments returns every enrollment, in order.
func AllEnrollments() []Enrollment { return enrollments.Values() }

// IsValid reports whether e is a known enrollment.
func (e Enrollment) IsValid() bool { return enrollments.Valid(e) }

// IsZero reports whether e is unset.
func (e Enrollment) IsZero() bool { return e == 0 }

// String returns "open" or "closed", and "%!Enrollment(n)" for an invalid value.
func (e Enrollment) String() string { return enrollments.String(e) }

// ParseEnrollment parses "open" or "closed".
func ParseEnrollment(s string) (Enrollment, error) { return enrollments.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid enrollment is an error.
func (e Enrollment) MarshalText() ([]byte, error) { return enrollments.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEnrollment].
func (e *Enrollment) UnmarshalText(b []byte) error { return enrollments.Unmarshal(e, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (e Enrollment) Value() (driver.Value, error) { return enrollments.Store(e) }

// Scan implements [database/sql.Scanner] with [ParseEnrollment].
func (e *Enrollment) Scan(src any) error { return enrollments.Load(e, src) }

// ParticipantRole says why a person is in a group session. The zero
// ParticipantRole is unset and not valid. Values are comparable and safe for
// concurrent use.
type ParticipantRole uint8

// The participant roles.
const (
	_        ParticipantRole = iota
	Patient                  // a patient of the program
	Family                   // a family member or other support person of a patient
	Observer                 // an observer: a student, a visitor, a surveyor
)

var participantRoles = enum.New[ParticipantRole]("ParticipantRole", "group.ParseParticipantRole", check.EnumFail,
	[]string{Patient: "patient", Family: "family", Observer: "observer"})

// AllParticipantRoles returns every participant role, in order.
func AllParticipantRoles() []ParticipantRole { return participantRoles.Values() }

// IsValid reports whether r is a known role.
func (r ParticipantRole) IsValid() bool { return participantRoles.Valid(r) }

// IsZero reports whether r is unset.
func (r ParticipantRole) IsZero() bool { return r == 0 }

// String returns "patient", "family" or "observer", and
// "%!ParticipantRole(n)" for an invalid value.
func (r ParticipantRole) String() string { return participantRoles.String(r) }

// ParseParticipantRole parses "patient", "family" or "observer".
func ParseParticipantRole(s string) (ParticipantRole, error) { return participantRoles.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r ParticipantRole) MarshalText() ([]byte, error) { return participantRoles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseParticipantRole].
func (r *ParticipantRole) UnmarshalText(b []byte) error { return participantRoles.Unmarshal(r, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (r ParticipantRole) Value() (driver.Value, error) { return participantRoles.Store(r) }

// Scan implements [database/sql.Scanner] with [ParseParticipantRole].
func (r *ParticipantRole) Scan(src any) error { return participantRoles.Load(r, src) }

// FacilitatorRole is a facilitator's part in leading a group. The zero
// FacilitatorRole is unset and not valid. Values are comparable and safe for
// concurrent use.
type FacilitatorRole uint8

// The facilitator roles.
const (
	_             FacilitatorRole = iota
	Lead                          // the group's leader
	CoFacilitator                 // a second leader
	Trainee                       // a student or intern leading under supervision
)

var facilitatorRoles = enum.New[FacilitatorRole]("FacilitatorRole", "group.ParseFacilitatorRole", check.EnumFail,
	[]string{Lead: "lead", CoFacilitator: "co-facilitator", Trainee: "trainee"})

// AllFacilitatorRoles returns every facilitator role, in order.
func AllFacilitatorRoles() []FacilitatorRole { return facilitatorRoles.Values() }

// IsValid reports whether r is a known role.
func (r FacilitatorRole) IsValid() bool { return facilitatorRoles.Valid(r) }

// IsZero reports whether r is unset.
func (r FacilitatorRole) IsZero() bool { return r == 0 }

// String returns "lead", "co-facilitator" or "trainee", and
// "%!FacilitatorRole(n)" for an invalid value.
func (r FacilitatorRole) String() string { return facilitatorRoles.String(r) }

// ParseFacilitatorRole parses "lead", "co-facilitator" or "trainee".
func ParseFacilitatorRole(s string) (FacilitatorRole, error) { return facilitatorRoles.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r FacilitatorRole) MarshalText() ([]byte, error) { return facilitatorRoles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseFacilitatorRole].
func (r *FacilitatorRole) UnmarshalText(b []byte) error { return facilitatorRoles.Unmarshal(r, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (r FacilitatorRole) Value() (driver.Value, error) { return facilitatorRoles.Store(r) }

// Scan implements [database/sql.Scanner] with [ParseFacilitatorRole].
func (r *FacilitatorRole) Scan(src any) error { return facilitatorRoles.Load(r, src) }
