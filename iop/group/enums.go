package group

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// This file holds the small enums of a group session: its age focus, its
// enrollment, the roles of its participants and facilitators, and gender
// identity. Each follows the house pattern: zero is unset and not valid,
// String never panics, Parse accepts exactly what String writes, the text
// methods make JSON (and a database, through them) use the names. No error holds
// the rejected text.

// AgeFocus is the age group a group session is for. The zero AgeFocus means
// the group has no age focus. Values are comparable and safe for concurrent
// use.
type AgeFocus uint8

// The age foci.
const (
	_                  AgeFocus = iota
	AgeFocusAdolescent          // adolescents only, as the profile's [iop.AgeRules] define them
	AgeFocusAdult               // adults only
	AgeFocusYoungAdult          // young adults: adults up to [Composition] YoungAdultMaxAge
)

var ageFoci = enum.New[AgeFocus]("AgeFocus", "group.AgeFocus.UnmarshalText", check.EnumFail,
	[]string{AgeFocusAdolescent: "adolescent", AgeFocusAdult: "adult", AgeFocusYoungAdult: "young-adult"})

// IsValid reports whether f is a known age focus.
func (f AgeFocus) IsValid() bool { return ageFoci.Valid(f) }

// String returns "adolescent", "adult" or "young-adult", and
// "%!AgeFocus(n)" for an invalid value.
func (f AgeFocus) String() string { return ageFoci.String(f) }

// MarshalText implements [encoding.TextMarshaler]; an invalid focus is an error.
func (f AgeFocus) MarshalText() ([]byte, error) { return ageFoci.Marshal(f) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (f *AgeFocus) UnmarshalText(b []byte) error { return ageFoci.Unmarshal(f, b) }

// Population returns the population a group with focus f serves:
// [iop.PopulationAdolescent] for [AgeFocusAdolescent], [iop.PopulationAdult] for [AgeFocusAdult] and
// [AgeFocusYoungAdult], and zero when f is unset or invalid.
func (f AgeFocus) Population() iop.Population {
	switch f {
	case AgeFocusAdolescent:
		return iop.PopulationAdolescent
	case AgeFocusAdult, AgeFocusYoungAdult:
		return iop.PopulationAdult
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

var genders = enum.New[Gender]("Gender", "group.Gender.UnmarshalText", check.EnumFail, []string{
	GenderWoman: "woman", GenderMan: "man", GenderNonbinary: "nonbinary",
	GenderOther: "other", GenderUndisclosed: "undisclosed",
})

// IsValid reports whether g is a known gender identity.
func (g Gender) IsValid() bool { return genders.Valid(g) }

// String returns "woman", "man", "nonbinary", "other" or "undisclosed", and
// "%!Gender(n)" for an invalid value.
func (g Gender) String() string { return genders.String(g) }

// MarshalText implements [encoding.TextMarshaler]; an invalid gender is an error.
func (g Gender) MarshalText() ([]byte, error) { return genders.Marshal(g) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (g *Gender) UnmarshalText(b []byte) error { return genders.Unmarshal(g, b) }

// Enrollment says whether a group takes new members after it starts. The
// zero Enrollment is unset and not valid. Values are comparable and safe for
// concurrent use.
type Enrollment uint8

// The enrollments.
const (
	_                Enrollment = iota
	EnrollmentOpen              // members join and leave at any session (rolling admission)
	EnrollmentClosed            // the same members from the first session to the last
)

var enrollments = enum.New[Enrollment]("Enrollment", "group.Enrollment.UnmarshalText", check.EnumFail,
	[]string{EnrollmentOpen: "open", EnrollmentClosed: "closed"})

// IsValid reports whether e is a known enrollment.
func (e Enrollment) IsValid() bool { return enrollments.Valid(e) }

// String returns "open" or "closed", and "%!Enrollment(n)" for an invalid value.
func (e Enrollment) String() string { return enrollments.String(e) }

// MarshalText implements [encoding.TextMarshaler]; an invalid enrollment is an error.
func (e Enrollment) MarshalText() ([]byte, error) { return enrollments.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (e *Enrollment) UnmarshalText(b []byte) error { return enrollments.Unmarshal(e, b) }

// ParticipantRole says why a person is in a group session. The zero
// ParticipantRole is unset and not valid. Values are comparable and safe for
// concurrent use.
type ParticipantRole uint8

// The participant roles.
const (
	_                       ParticipantRole = iota
	ParticipantRolePatient                  // a patient of the program
	ParticipantRoleFamily                   // a family member or other support person of a patient
	ParticipantRoleObserver                 // an observer: a student, a visitor, a surveyor
)

var participantRoles = enum.New[ParticipantRole]("ParticipantRole", "group.ParticipantRole.UnmarshalText", check.EnumFail,
	[]string{ParticipantRolePatient: "patient", ParticipantRoleFamily: "family", ParticipantRoleObserver: "observer"})

// IsValid reports whether r is a known role.
func (r ParticipantRole) IsValid() bool { return participantRoles.Valid(r) }

// String returns "patient", "family" or "observer", and
// "%!ParticipantRole(n)" for an invalid value.
func (r ParticipantRole) String() string { return participantRoles.String(r) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r ParticipantRole) MarshalText() ([]byte, error) { return participantRoles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (r *ParticipantRole) UnmarshalText(b []byte) error { return participantRoles.Unmarshal(r, b) }

// FacilitatorRole is a facilitator's part in leading a group. The zero
// FacilitatorRole is unset and not valid. Values are comparable and safe for
// concurrent use.
type FacilitatorRole uint8

// The facilitator roles.
const (
	_                            FacilitatorRole = iota
	FacilitatorRoleLead                          // the group's leader
	FacilitatorRoleCoFacilitator                 // a second leader
	FacilitatorRoleTrainee                       // a student or intern leading under supervision
)

var facilitatorRoles = enum.New[FacilitatorRole]("FacilitatorRole", "group.FacilitatorRole.UnmarshalText", check.EnumFail,
	[]string{FacilitatorRoleLead: "lead", FacilitatorRoleCoFacilitator: "co-facilitator", FacilitatorRoleTrainee: "trainee"})

// IsValid reports whether r is a known role.
func (r FacilitatorRole) IsValid() bool { return facilitatorRoles.Valid(r) }

// String returns "lead", "co-facilitator" or "trainee", and
// "%!FacilitatorRole(n)" for an invalid value.
func (r FacilitatorRole) String() string { return facilitatorRoles.String(r) }

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r FacilitatorRole) MarshalText() ([]byte, error) { return facilitatorRoles.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (r *FacilitatorRole) UnmarshalText(b []byte) error { return facilitatorRoles.Unmarshal(r, b) }
