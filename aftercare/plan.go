package aftercare

import (
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// ContactStatus is where a follow-up contact stands. The zero ContactStatus
// is unset and not valid.
type ContactStatus uint8

// The contact statuses.
const (
	_                      ContactStatus = iota
	ContactStatusScheduled               // booked, not yet happened
	ContactStatusKept                    // happened: the person was seen or spoken with
	ContactStatusMissed                  // did not happen: a no-show or an unanswered call
)

var contactStatuses = enum.New[ContactStatus]("ContactStatus", "aftercare.ContactStatus.UnmarshalText", check.EnumFail,
	[]string{ContactStatusScheduled: "scheduled", ContactStatusKept: "kept", ContactStatusMissed: "missed"})

// IsValid reports whether s is a known status.
func (s ContactStatus) IsValid() bool { return contactStatuses.Valid(s) }

// String returns "scheduled", "kept" or "missed", and "%!ContactStatus(n)"
// otherwise.
func (s ContactStatus) String() string { return contactStatuses.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid status is an error.
func (s ContactStatus) MarshalText() ([]byte, error) { return contactStatuses.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *ContactStatus) UnmarshalText(b []byte) error { return contactStatuses.Unmarshal(s, b) }

// Contact is a follow-up contact after discharge: a visit, a telehealth or
// telephone session, a peer-support or medication visit, on day On. Contact
// is comparable and safe for concurrent use.
type Contact struct {
	On     date.Date     `json:"on"`
	Status ContactStatus `json:"status"`
}

// maxPerWeek bounds the weekly and monthly counts of a plan: no plan holds
// more, so a larger number is a data error.
const maxPerWeek = 100

// Plan is the aftercare (continuing-care) plan made with the patient for
// the time after discharge: the services the person will use and the
// follow-up contacts, with their dates. A plan is checked with the episode
// it belongs to by [Checker.CheckDischarge].
//
// The zero Plan means no plan was made. A plan that is made has a Made
// date. Plan holds a slice of contacts, so it is not comparable: use
// [Plan.Equal]. It is safe for concurrent use as long as no one writes to
// it.
type Plan struct {
	// Made is the day the plan was agreed with the patient.
	Made date.Date `json:"made,omitzero"`
	// GroupSessionsPerWeek is the continuing-care group sessions a week.
	GroupSessionsPerWeek int `json:"group_sessions_per_week,omitzero"`
	// MutualHelpPerWeek is the mutual-help meetings a week (twelve-step,
	// SMART Recovery and others).
	MutualHelpPerWeek int `json:"mutual_help_per_week,omitzero"`
	// CounselingPerMonth is the individual counselling sessions a month.
	CounselingPerMonth int `json:"counseling_per_month,omitzero"`
	// Medication says medication for the substance use disorder continues
	// or starts after discharge (for opioid or alcohol use disorder).
	Medication bool `json:"medication,omitzero"`
	// RecoveryHousing says the person moves to recovery (sober) housing.
	RecoveryHousing bool `json:"recovery_housing,omitzero"`
	// EmploymentSupport says the plan includes vocational or employment
	// support.
	EmploymentSupport bool `json:"employment_support,omitzero"`
	// RecoveryCoach says a recovery coach or peer specialist is assigned.
	RecoveryCoach bool `json:"recovery_coach,omitzero"`
	// Contacts are the follow-up contacts, in date order.
	Contacts []Contact `json:"contacts,omitzero"`
}

// IsZero reports whether p is the zero Plan: no plan was made.
func (p Plan) IsZero() bool {
	return p.Made == 0 && p.GroupSessionsPerWeek == 0 && p.MutualHelpPerWeek == 0 && p.CounselingPerMonth == 0 &&
		!p.Medication && !p.RecoveryHousing && !p.EmploymentSupport && !p.RecoveryCoach && len(p.Contacts) == 0
}

// content counts the kinds of service in the plan, contacts included.
func (p Plan) content() int {
	n := 0
	for _, on := range [...]bool{p.GroupSessionsPerWeek > 0, p.MutualHelpPerWeek > 0, p.CounselingPerMonth > 0,
		p.Medication, p.RecoveryHousing, p.EmploymentSupport, p.RecoveryCoach, len(p.Contacts) > 0} {
		if on {
			n++
		}
	}
	return n
}

// Equal reports whether p and q hold the same plan.
func (p Plan) Equal(q Plan) bool {
	return p.Made == q.Made && p.GroupSessionsPerWeek == q.GroupSessionsPerWeek &&
		p.MutualHelpPerWeek == q.MutualHelpPerWeek && p.CounselingPerMonth == q.CounselingPerMonth &&
		p.Medication == q.Medication && p.RecoveryHousing == q.RecoveryHousing &&
		p.EmploymentSupport == q.EmploymentSupport && p.RecoveryCoach == q.RecoveryCoach &&
		slices.Equal(p.Contacts, q.Contacts)
}

// Validate reports every inconsistency in p, in field order, as
// [iop.FieldErrors]: a plan with content but no Made date
// ([iop.ErrMissing]), a date outside the plausible range of
// [iop.CheckServiceDate] (1970-01-01 to 2199-12-31), a count that is
// negative or above 100 ([iop.ErrOutOfRange]), a contact without a date or
// a known status ([iop.ErrMissing], [iop.ErrUnknown]), and contacts out of
// date order ([iop.ErrOrder]). The zero Plan is valid. It returns nil when p is
// valid, without allocating.
func (p Plan) Validate() error {
	var errs iop.FieldErrors
	switch {
	case p.Made == 0 && !p.IsZero():
		errs.Add("made", iop.ErrMissing)
	case p.Made != 0:
		errs.Add("made", iop.CheckServiceDate(p.Made))
	}
	for _, c := range [...]struct {
		field string
		n     int
	}{{"group_sessions_per_week", p.GroupSessionsPerWeek}, {"mutual_help_per_week", p.MutualHelpPerWeek}, {"counseling_per_month", p.CounselingPerMonth}} {
		switch {
		case c.n < 0:
			errs.Add(c.field, errNegative)
		case c.n > maxPerWeek:
			errs.Add(c.field, errCountAbove)
		}
	}
	for i, c := range p.Contacts {
		switch err := iop.CheckServiceDate(c.On); {
		case err != nil:
			errs.Add(contactField(i, "on"), err)
		case i > 0 && c.On < p.Contacts[i-1].On:
			errs.Add(contactField(i, "on"), errContactOrder)
		}
		switch {
		case c.Status == 0:
			errs.Add(contactField(i, "status"), iop.ErrMissing)
		case !c.Status.IsValid():
			errs.Add(contactField(i, "status"), iop.ErrUnknown)
		}
	}
	return errs.Err()
}

func contactField(i int, name string) string {
	return "contacts[" + strconv.Itoa(i) + "]." + name
}

// ParsePlan decodes a plan from JSON strictly and validates it: an unknown
// or duplicate field, an unknown status, a date that does not exist
// ("2025-02-30") or a rule that [Plan.Validate] refuses is an error naming
// the field ([iop.FieldErrors]). A refused plan comes back as the zero
// Plan.
func ParsePlan(data []byte) (Plan, error) { return check.Parse[Plan](data) }

// UnmarshalJSON decodes a plan strictly, as [ParsePlan] does, but does not
// validate it. A document that is not valid UTF-8 is refused whole.
func (p *Plan) UnmarshalJSON(data []byte) error {
	var v Plan
	if err := decode(data, &v); err != nil {
		return err
	}
	*p = v
	return nil
}
