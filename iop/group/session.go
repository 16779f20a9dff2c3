package group

import (
	"slices"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Meeting is one meeting of a group: its kind and focus, whether it takes
// new members, its date and length, the program it belongs to, who led it
// and who took part. [Checker.CheckMeeting] holds it to a profile's
// [Composition] and [iop.AgeRules]; [ParseMeeting] decodes one from JSON.
//
// People appear by record ID only: opaque strings the caller chooses, never
// names. Credentials, gender identities, ages and cohorts are used to apply
// the rules and never appear in a finding or an error.
//
// The zero Meeting is not valid. Meeting is a value; it holds slices, so it
// is not comparable: use [Meeting.Equal]. It is safe for concurrent use as
// long as no one writes to it.
type Meeting struct {
	// ID is the record ID of the session, the subject of the findings about
	// the group as a whole.
	ID string `json:"id"`
	// Kind is what the group does.
	Kind iop.GroupKind `json:"kind"`
	// Focus restricts who may take part; the zero Focus restricts no one.
	Focus Focus `json:"focus,omitzero"`
	// Enrollment says whether the group takes new members after it starts.
	Enrollment Enrollment `json:"enrollment"`
	// Started is the day of the first session of a closed group; required
	// when Enrollment is [EnrollmentClosed], and not after Date.
	Started date.Date `json:"started,omitzero"`
	// Date is the day of this session. Ages are taken on this day.
	Date date.Date `json:"date"`
	// Minutes is the session's length, from zero to a day; zero when not
	// recorded. In JSON it is a string such as "1h30m".
	Minutes iop.Minutes `json:"minutes,omitzero"`
	// Level is the level of care of the program the group belongs to; zero
	// means the level of the profile the session is checked against.
	Level iop.Level `json:"level,omitzero"`
	// Facilitators are the staff who led the session.
	Facilitators []Facilitator `json:"facilitators,omitzero"`
	// Participants are the patients, family members and observers present.
	Participants []Participant `json:"participants,omitzero"`
}

// Focus says whom a group is for. Each restriction left at its zero value
// restricts no one. The restrictions are compared with each participant's
// record; the rule table gives how serious a participant who does not fit
// is (blocking), and a profile's rule settings may change it. Focus is
// comparable and safe for concurrent use.
type Focus struct {
	// Ages is the age group the group serves: adolescents, adults or young
	// adults.
	Ages AgeFocus `json:"ages,omitzero"`
	// Gender makes the group gender-specific: every participant must have
	// this gender identity (a women's group: [GenderWoman]).
	Gender Gender `json:"gender,omitzero"`
	// CoOccurring makes it a dual-diagnosis group: every patient must have a
	// co-occurring mental-health and substance use condition.
	CoOccurring bool `json:"co_occurring,omitzero"`
	// Trauma makes it a trauma-specific group: every patient must have a
	// trauma history on record.
	Trauma bool `json:"trauma,omitzero"`
	// Cohort makes it culture- or language-specific: every patient must
	// belong to this cohort, an opaque tag the caller chooses ("es",
	// "veterans").
	Cohort string `json:"cohort,omitzero"`
}

// IsZero reports whether f restricts no one.
func (f Focus) IsZero() bool { return f == Focus{} }

// Facilitator is a member of staff who leads a group session. The zero
// Facilitator is not valid. Facilitator is comparable and safe for
// concurrent use.
type Facilitator struct {
	// ID is the staff member's record ID, unique among the session's
	// facilitators.
	ID string `json:"id"`
	// Role is the facilitator's part: lead, co-facilitator or trainee.
	Role FacilitatorRole `json:"role"`
	// Credential is the facilitator's credential as the program records it
	// ("LCSW", "LADC", "CADC-II"); informational, never in a finding.
	Credential string `json:"credential,omitzero"`
	// Licensed says whether the facilitator holds a license to practise
	// that the profile's RequireLicensed accepts.
	Licensed bool `json:"licensed,omitzero"`
}

// Participant is a person present in a group session, or on a [Roster]: a
// patient, a family member or an observer. The zero Participant is not
// valid. Participant is comparable and safe for concurrent use.
type Participant struct {
	// ID is the person's record ID, unique within the session.
	ID string `json:"id"`
	// Role says whether the person is a patient, a family member or an
	// observer.
	Role ParticipantRole `json:"role,omitzero"`
	// Age is the person's age in whole years on the session's date (see
	// [iop.AgeOn]), from 0 to 130; zero when not given. With the profile's
	// [iop.AgeRules] it decides the person's population.
	Age int `json:"age,omitzero"`
	// Population is the person's population when Age is not given or the
	// profile has no age rules; zero when not given.
	Population iop.Population `json:"population,omitzero"`
	// Gender is the person's gender identity; zero when not recorded.
	// Required in a gender-specific group.
	Gender Gender `json:"gender,omitzero"`
	// CoOccurring says whether a co-occurring mental-health and substance
	// use condition is on record.
	CoOccurring bool `json:"co_occurring,omitzero"`
	// Trauma says whether a trauma history is on record.
	Trauma bool `json:"trauma,omitzero"`
	// Agreement says whether a signed confidentiality agreement for the
	// group is on file.
	Agreement bool `json:"agreement,omitzero"`
	// AgeException says whether the justification for serving the person
	// outside the population of their age is on file (77 Ill. Adm. Code
	// 2060.120: a 16- or 17-year-old in adult treatment, an 18- to
	// 22-year-old in adolescent treatment).
	AgeException bool `json:"age_exception,omitzero"`
	// Joined is the day the person first attended this group; zero means
	// since the group started. A member of a closed group who joined after
	// it started is reported.
	Joined date.Date `json:"joined,omitzero"`
	// Level is the patient's level of care; zero when not given.
	Level iop.Level `json:"level,omitzero"`
	// Cohort is the culture or language cohort the person belongs to, an
	// opaque tag compared with [Focus.Cohort]; empty when none.
	Cohort string `json:"cohort,omitzero"`
}

// Equal reports whether s and t hold the same session.
func (s Meeting) Equal(t Meeting) bool {
	return s.ID == t.ID && s.Kind == t.Kind && s.Focus == t.Focus &&
		s.Enrollment == t.Enrollment && s.Started == t.Started && s.Date == t.Date &&
		s.Minutes == t.Minutes && s.Level == t.Level &&
		slices.Equal(s.Facilitators, t.Facilitators) &&
		slices.Equal(s.Participants, t.Participants)
}

// Clone returns a copy of s that shares no memory with it.
func (s Meeting) Clone() Meeting {
	s.Facilitators = slices.Clone(s.Facilitators)
	s.Participants = slices.Clone(s.Participants)
	return s
}

// ParseMeeting decodes a group session from JSON strictly and validates it
// ([Meeting.Validate]): an unknown or duplicate member, a value of the
// wrong type, an unknown name ("kind": "yoga"), a date that does not exist
// ("2025-02-30"), a participant without a record ID or with a record ID
// given twice is an error naming every field ([iop.FieldErrors]), never
// holding the input's text. A refused session comes back as the zero
// Session. It never panics.
func ParseMeeting(data []byte) (Meeting, error) { return check.Parse[Meeting](data) }

// UnmarshalJSON decodes a group session strictly, as [ParseMeeting] does,
// but does not validate it. A document that is not valid UTF-8 is refused
// whole ([iop.ErrSyntax]): a decoder would turn each invalid byte of a
// record ID into U+FFFD, and two IDs that differ only there would become
// one.
func (s *Meeting) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, s)
}
