package iop

import (
	"slices"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
)

// GroupSession is one meeting of a group: its kind and focus, whether it
// takes new members, its date and length, the program it belongs to, who led
// it and who took part. [GroupSession.Check] holds it to a profile's
// [GroupRules] and [AgeRules]; [ParseGroupSession] decodes one from JSON.
//
// People appear by record ID only: opaque strings the caller chooses, never
// names. Credentials, gender identities, ages and cohorts are used to apply
// the rules and never appear in a message or an error.
//
// GroupSession is a value; it holds slices, so it is not comparable: use
// [GroupSession.Equal]. It is safe for concurrent use as long as no one
// writes to it.
type GroupSession struct {
	// ID is the record ID of the session, the subject of the findings about
	// the group as a whole.
	ID string `json:"id"`
	// Kind is what the group does.
	Kind GroupKind `json:"kind"`
	// Focus restricts who may take part; the zero GroupFocus restricts no one.
	Focus GroupFocus `json:"focus,omitzero"`
	// Enrollment says whether the group takes new members after it starts.
	Enrollment Enrollment `json:"enrollment"`
	// Started is the day of the first session of a closed group; required
	// when Enrollment is [Closed], and not after Date.
	Started date.Date `json:"started,omitzero"`
	// Date is the day of this session. Ages are taken on this day.
	Date date.Date `json:"date"`
	// Minutes is the session's length; zero when not recorded.
	Minutes Minutes `json:"minutes,omitzero"`
	// Level is the level of care of the program the group belongs to; zero
	// means the level of the profile the session is checked against.
	Level Level `json:"level,omitzero"`
	// Facilitators are the staff who led the session.
	Facilitators []Facilitator `json:"facilitators,omitzero"`
	// Participants are the patients, family members and observers present.
	Participants []Participant `json:"participants,omitzero"`
}

// GroupFocus says whom a group is for. Each restriction left at its zero
// value restricts no one. The age and gender restrictions and the cohort are
// compared with each participant's record; the profile decides how serious a
// participant who does not fit is ([GroupRules.FocusMismatch]). GroupFocus
// is comparable and safe for concurrent use.
type GroupFocus struct {
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
func (f GroupFocus) IsZero() bool { return f == GroupFocus{} }

// Facilitator is a member of staff who leads a group session. Facilitator is
// comparable and safe for concurrent use.
type Facilitator struct {
	// ID is the staff member's record ID.
	ID string `json:"id"`
	// Role is the facilitator's part: lead, co-facilitator or trainee.
	Role FacilitatorRole `json:"role"`
	// Credential is the facilitator's credential as the program records it
	// ("LCSW", "LADC", "CADC-II"); informational, never in a message.
	Credential string `json:"credential,omitzero"`
	// Licensed says whether the facilitator holds a license to practise
	// that the profile's RequireLicensed accepts.
	Licensed bool `json:"licensed,omitzero"`
}

// Participant is a person present in a group session: a patient, a family
// member or an observer. Participant is comparable and safe for concurrent
// use.
type Participant struct {
	// ID is the person's record ID, unique within the session.
	ID string `json:"id"`
	// Role says whether the person is a patient, a family member or an
	// observer.
	Role ParticipantRole `json:"role,omitzero"`
	// Age is the person's age in whole years on the session's date (see
	// [AgeOn]); zero when not given. With the profile's [AgeRules] it
	// decides the person's population.
	Age int `json:"age,omitzero"`
	// Population is the person's population when Age is not given or the
	// profile has no age rules; zero when not given.
	Population Population `json:"population,omitzero"`
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
	// outside the population of their age is on file (77 IAC 2060.120: a
	// 16- or 17-year-old in adult treatment, an 18- to 22-year-old in
	// adolescent treatment).
	AgeException bool `json:"age_exception,omitzero"`
	// Joined is the day the person first attended this group; zero means
	// since the group started. A member of a closed group who joined after
	// it started is reported.
	Joined date.Date `json:"joined,omitzero"`
	// Level is the patient's level of care; zero when not given.
	Level Level `json:"level,omitzero"`
	// Cohort is the culture or language cohort the person belongs to, an
	// opaque tag compared with [GroupFocus.Cohort]; empty when none.
	Cohort string `json:"cohort,omitzero"`
}

// Equal reports whether g and h hold the same session.
func (g GroupSession) Equal(h GroupSession) bool {
	return g.ID == h.ID && g.Kind == h.Kind && g.Focus == h.Focus &&
		g.Enrollment == h.Enrollment && g.Started == h.Started && g.Date == h.Date &&
		g.Minutes == h.Minutes && g.Level == h.Level &&
		slices.Equal(g.Facilitators, h.Facilitators) &&
		slices.Equal(g.Participants, h.Participants)
}

// Clone returns a copy of g that shares no memory with it.
func (g GroupSession) Clone() GroupSession {
	g.Facilitators = slices.Clone(g.Facilitators)
	g.Participants = slices.Clone(g.Participants)
	return g
}

// ParseGroupSession decodes a group session from JSON strictly and validates
// it: an unknown field, a duplicate field, a value of the wrong type, an
// unknown enum name ("kind": "yoga"), a date that does not exist, a
// participant without a record ID or with a record ID given twice is an
// error naming the field (a [*FieldError], or [Errors] of them). It never
// panics.
func ParseGroupSession(data []byte) (GroupSession, error) {
	var g GroupSession
	if err := g.UnmarshalJSON(data); err != nil {
		return GroupSession{}, err
	}
	if err := g.Validate(); err != nil {
		return GroupSession{}, err
	}
	return g, nil
}

// UnmarshalJSON decodes a group session strictly, as [ParseGroupSession]
// does, but does not validate it.
func (g *GroupSession) UnmarshalJSON(data []byte) error {
	type plain GroupSession
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	*g = GroupSession(v)
	return nil
}
