package iop

import "github.com/ioprules/ioprules/internal/enum"

// This file holds the small enums of a group session: its age focus, its
// enrollment, the roles of its participants and facilitators, and gender
// identity. Each follows the house pattern: zero is unset and not valid,
// String never panics, Parse accepts exactly what String writes, and the
// text methods make JSON use the names.

// AgeFocus is the age group a group session is for. The zero AgeFocus means
// the group has no age focus. Values are comparable and safe for concurrent
// use.
type AgeFocus uint8

// The age foci.
const (
	_               AgeFocus = iota
	FocusAdolescent          // adolescents only, as the profile's [AgeRules] define them
	FocusAdult               // adults only
	FocusYoungAdult          // young adults: adults up to [GroupRules.YoungAdultMaxAge]
)

var ageFocusNames = []string{FocusAdolescent: "adolescent", FocusAdult: "adult", FocusYoungAdult: "young-adult"}

// IsValid reports whether f is a known age focus.
func (f AgeFocus) IsValid() bool { return enum.Valid(ageFocusNames, f) }

// IsZero reports whether f is unset (no age focus).
func (f AgeFocus) IsZero() bool { return f == 0 }

// String returns "adolescent", "adult" or "young-adult", and
// "%!AgeFocus(n)" for an invalid value.
func (f AgeFocus) String() string { return enum.String(ageFocusNames, f, "AgeFocus") }

// Population returns the population a group with focus f serves: [Adolescent]
// for [FocusAdolescent], [Adult] for [FocusAdult] and [FocusYoungAdult], and
// zero when f is unset or invalid.
func (f AgeFocus) Population() Population {
	switch f {
	case FocusAdolescent:
		return Adolescent
	case FocusAdult, FocusYoungAdult:
		return Adult
	}
	return 0
}

// ParseAgeFocus parses "adolescent", "adult" or "young-adult".
func ParseAgeFocus(s string) (AgeFocus, error) {
	if v, ok := enum.Parse[AgeFocus](ageFocusNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseAgeFocus", Input: s, Err: ErrUnknownAgeFocus}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid focus is an error.
func (f AgeFocus) MarshalText() ([]byte, error) {
	return enum.Text(f.IsValid(), f.String(), func() error {
		return &ParseError{Func: "iop.AgeFocus.MarshalText", Input: f.String(), Err: ErrUnknownAgeFocus}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAgeFocus].
func (f *AgeFocus) UnmarshalText(b []byte) error { return enum.Unmarshal(f, b, ParseAgeFocus) }

// Gender is a person's gender identity as the program records it, used only
// to check membership of gender-specific groups; it never appears in a
// message. The zero Gender is not recorded. Values are comparable and safe
// for concurrent use.
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

var genderNames = []string{
	GenderWoman: "woman", GenderMan: "man", GenderNonbinary: "nonbinary",
	GenderOther: "other", GenderUndisclosed: "undisclosed",
}

// IsValid reports whether g is a known gender identity.
func (g Gender) IsValid() bool { return enum.Valid(genderNames, g) }

// IsZero reports whether g is not recorded.
func (g Gender) IsZero() bool { return g == 0 }

// String returns "woman", "man", "nonbinary", "other" or "undisclosed", and
// "%!Gender(n)" for an invalid value.
func (g Gender) String() string { return enum.String(genderNames, g, "Gender") }

// ParseGender parses a gender identity's name exactly as [Gender.String]
// writes it.
func ParseGender(s string) (Gender, error) {
	if v, ok := enum.Parse[Gender](genderNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseGender", Input: s, Err: ErrUnknownGender}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid gender is an error.
func (g Gender) MarshalText() ([]byte, error) {
	return enum.Text(g.IsValid(), g.String(), func() error {
		return &ParseError{Func: "iop.Gender.MarshalText", Input: g.String(), Err: ErrUnknownGender}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseGender].
// Unlike ParseGender's, its error is [ErrUnknownGender] alone: a decoded
// record's gender identity, even a misspelt one, stays out of messages.
func (g *Gender) UnmarshalText(b []byte) error {
	v, err := ParseGender(string(b))
	if err != nil {
		return ErrUnknownGender
	}
	*g = v
	return nil
}

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

var enrollmentNames = []string{Open: "open", Closed: "closed"}

// IsValid reports whether e is a known enrollment.
func (e Enrollment) IsValid() bool { return enum.Valid(enrollmentNames, e) }

// IsZero reports whether e is unset.
func (e Enrollment) IsZero() bool { return e == 0 }

// String returns "open" or "closed", and "%!Enrollment(n)" for an invalid value.
func (e Enrollment) String() string { return enum.String(enrollmentNames, e, "Enrollment") }

// ParseEnrollment parses "open" or "closed".
func ParseEnrollment(s string) (Enrollment, error) {
	if v, ok := enum.Parse[Enrollment](enrollmentNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseEnrollment", Input: s, Err: ErrUnknownEnrollment}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid enrollment is an error.
func (e Enrollment) MarshalText() ([]byte, error) {
	return enum.Text(e.IsValid(), e.String(), func() error {
		return &ParseError{Func: "iop.Enrollment.MarshalText", Input: e.String(), Err: ErrUnknownEnrollment}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEnrollment].
func (e *Enrollment) UnmarshalText(b []byte) error { return enum.Unmarshal(e, b, ParseEnrollment) }

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

var participantRoleNames = []string{Patient: "patient", Family: "family", Observer: "observer"}

// IsValid reports whether r is a known role.
func (r ParticipantRole) IsValid() bool { return enum.Valid(participantRoleNames, r) }

// IsZero reports whether r is unset.
func (r ParticipantRole) IsZero() bool { return r == 0 }

// String returns "patient", "family" or "observer", and
// "%!ParticipantRole(n)" for an invalid value.
func (r ParticipantRole) String() string {
	return enum.String(participantRoleNames, r, "ParticipantRole")
}

// ParseParticipantRole parses "patient", "family" or "observer".
func ParseParticipantRole(s string) (ParticipantRole, error) {
	if v, ok := enum.Parse[ParticipantRole](participantRoleNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseParticipantRole", Input: s, Err: ErrUnknownRole}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r ParticipantRole) MarshalText() ([]byte, error) {
	return enum.Text(r.IsValid(), r.String(), func() error {
		return &ParseError{Func: "iop.ParticipantRole.MarshalText", Input: r.String(), Err: ErrUnknownRole}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseParticipantRole].
func (r *ParticipantRole) UnmarshalText(b []byte) error {
	return enum.Unmarshal(r, b, ParseParticipantRole)
}

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

var facilitatorRoleNames = []string{Lead: "lead", CoFacilitator: "co-facilitator", Trainee: "trainee"}

// IsValid reports whether r is a known role.
func (r FacilitatorRole) IsValid() bool { return enum.Valid(facilitatorRoleNames, r) }

// IsZero reports whether r is unset.
func (r FacilitatorRole) IsZero() bool { return r == 0 }

// String returns "lead", "co-facilitator" or "trainee", and
// "%!FacilitatorRole(n)" for an invalid value.
func (r FacilitatorRole) String() string {
	return enum.String(facilitatorRoleNames, r, "FacilitatorRole")
}

// ParseFacilitatorRole parses "lead", "co-facilitator" or "trainee".
func ParseFacilitatorRole(s string) (FacilitatorRole, error) {
	if v, ok := enum.Parse[FacilitatorRole](facilitatorRoleNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseFacilitatorRole", Input: s, Err: ErrUnknownRole}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid role is an error.
func (r FacilitatorRole) MarshalText() ([]byte, error) {
	return enum.Text(r.IsValid(), r.String(), func() error {
		return &ParseError{Func: "iop.FacilitatorRole.MarshalText", Input: r.String(), Err: ErrUnknownRole}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseFacilitatorRole].
func (r *FacilitatorRole) UnmarshalText(b []byte) error {
	return enum.Unmarshal(r, b, ParseFacilitatorRole)
}
