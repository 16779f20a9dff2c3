package authorization

import (
	"fmt"
	"strconv"
	"time"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Authorization is a payer's answer to a request for service: who
// authorized what, for whom, how much, over which days, and what the payer
// decided, as an X12 278 response or a Da Vinci PAS ClaimResponse carries
// it. It is the record a utilization-review screen lists.
//
// The period runs from Effective through Expiration, both days included:
// the 278's certification expiration date and the PAS preAuthPeriod's end
// are the last day service is covered.
//
// Level is the level of care the payer authorized, kept apart from the
// level delivered or recommended (a payer may authorize less: see
// [Checker.CheckLevel]). Codes and Revenue are the services it covers;
// with neither set it covers every program service. Week summaries carry
// no codes: they count against any authorization whose period covers the
// day; claim lines count against the authorization covering their code.
//
// An authorization with [ActionNotRequired] needs no quantity: service
// under it is neither counted nor refused. Any other action that does not
// certify (pended, not certified, cancelled, contact payer) covers no
// service, and service on its days is reported.
//
// Authorization is a comparable value, safe for concurrent use. The zero
// Authorization is not valid. It is larger than 128 bytes: the checks take
// it by pointer, or in a slice. Its JSON form has the fields' tags; dates
// are "YYYY-MM-DD", Requested and Decided RFC 3339 instants.
type Authorization struct {
	// Number is the payer's certification or reference number (HCR02,
	// PAS preAuthRef), an opaque record ID.
	Number string `json:"number"`
	// Payer is the opaque record ID of the payer.
	Payer string `json:"payer"`
	// Patient is the opaque record ID of the patient.
	Patient string `json:"patient"`
	// Level is the level of care authorized.
	Level iop.Level `json:"level"`
	// Codes are the HCPCS or CPT codes covered ("H0015", "90853"), unused
	// ones empty.
	Codes [8]string `json:"codes,omitzero"`
	// Revenue are the revenue codes covered ("0905"), unused ones empty.
	Revenue [4]string `json:"revenue,omitzero"`
	// Quantity is how much is authorized over the period, in Unit.
	Quantity int          `json:"quantity,omitzero"`
	Unit     QuantityUnit `json:"unit,omitzero"`
	// PerWeek is the most that may be used in one week, in Unit; zero when
	// the authorization sets no frequency. Its weeks are the
	// authorization's own: seven days from Effective.
	PerWeek int `json:"per_week,omitzero"`
	// Effective and Expiration are the first and the last day covered.
	Effective  date.Date `json:"effective"`
	Expiration date.Date `json:"expiration"`
	// Action is the payer's decision.
	Action Action `json:"action"`
	// Expedited says the request was an expedited (urgent) one.
	Expedited bool `json:"expedited,omitzero"`
	// Requested is when the payer received the request; Decided when it
	// sent its decision. Either may be zero when not known; Decided is
	// zero while the request is pended.
	Requested time.Time `json:"requested,omitzero"`
	Decided   time.Time `json:"decided,omitzero"`
	// NextReview is the day the payer set for the next concurrent review;
	// zero when it set none.
	NextReview date.Date `json:"next_review,omitzero"`
	// ReviewRequested is the day the provider asked for the concurrent
	// review (a renewal) of this authorization; zero while it has not.
	ReviewRequested date.Date `json:"review_requested,omitzero"`
}

// maxQuantity bounds an authorized quantity: more than a century of days,
// and more hours than a year has.
const maxQuantity = 1 << 20

var (
	errCodeSyntax    = fmt.Errorf("%w: a code is 5 digits or upper-case letters", iop.ErrSyntax)
	errRevenueSyntax = fmt.Errorf("%w: a revenue code is 4 digits", iop.ErrSyntax)
	errQuantity      = fmt.Errorf("%w: from 0 to %d", iop.ErrOutOfRange, maxQuantity)
	errNeedQuantity  = fmt.Errorf("%w: a certification certifies a quantity of 1 or more", iop.ErrMissing)
	errExpiration    = fmt.Errorf("%w: expiration before effective", iop.ErrOrder)
	errDecided       = fmt.Errorf("%w: decided before requested", iop.ErrOrder)
	errOtherPatient  = fmt.Errorf("%w: another patient than the first", iop.ErrOrder)
	errWeekOrder     = fmt.Errorf("%w: weeks of a patient overlap or are not in order", iop.ErrOrder)
	errUnitsOnWeeks  = fmt.Errorf("%w: units are counted from claim lines, not week summaries", iop.ErrOutOfRange)
	errHoursOnClaims = fmt.Errorf("%w: hours are counted from week summaries, not claim lines", iop.ErrOutOfRange)
	errNegative      = fmt.Errorf("%w: negative figures", iop.ErrOutOfRange)
	errNoDecision    = fmt.Errorf("%w: the decision has no level", iop.ErrMissing)
	errPatientOrder  = fmt.Errorf("%w: not sorted by patient", iop.ErrOrder)
)

// Validate reports every problem with a as [iop.FieldErrors] naming each
// field by its JSON name: a number, payer or patient that is not a clean
// record ID ([iop.CheckID]); an invalid level or action, or an unknown
// unit ([iop.ErrUnknown], [iop.ErrMissing]); a code not of 5 digits or
// upper-case letters, a revenue code not of 4 digits ([iop.ErrSyntax]), or
// one listed twice ([iop.ErrDuplicate]); a quantity or frequency below 0
// or above 2^20 ([iop.ErrOutOfRange]); a certifying action with no
// quantity or unit ([iop.ErrMissing]); dates outside the plausible range
// ([iop.CheckServiceDate]); an expiration before the effective day, or a
// decision before the request ([iop.ErrOrder]). No message holds a value.
func (a *Authorization) Validate() error {
	var es iop.FieldErrors
	a.validate(&es)
	return es.Err()
}

// valid reports whether validate finds nothing, without building errors.
func (a *Authorization) valid() bool {
	if iop.CheckID(a.Number) != nil || iop.CheckID(a.Payer) != nil || iop.CheckID(a.Patient) != nil ||
		!a.Level.IsValid() || !a.Action.IsValid() || a.Quantity < 0 || a.Quantity > maxQuantity ||
		a.Quantity == 0 && a.Action.Certifies() || a.Unit != 0 && !a.Unit.IsValid() || a.Unit == 0 && a.Action.Certifies() ||
		a.PerWeek < 0 || a.PerWeek > maxQuantity || iop.CheckServiceDate(a.Effective) != nil ||
		iop.CheckServiceDate(a.Expiration) != nil || a.Expiration < a.Effective ||
		!a.Requested.IsZero() && !a.Decided.IsZero() && a.Decided.Before(a.Requested) ||
		a.NextReview != 0 && iop.CheckServiceDate(a.NextReview) != nil ||
		a.ReviewRequested != 0 && iop.CheckServiceDate(a.ReviewRequested) != nil {
		return false
	}
	for i, c := range a.Codes {
		if c != "" && (!check.Alnum(c, 5, false) || repeated(a.Codes[:i], c)) {
			return false
		}
	}
	for i, c := range a.Revenue {
		if c != "" && (!check.Alnum(c, 4, true) || repeated(a.Revenue[:i], c)) {
			return false
		}
	}
	return true
}

func (a *Authorization) validate(es *iop.FieldErrors) {
	for _, f := range [...]struct {
		name, id string
	}{{"number", a.Number}, {"payer", a.Payer}, {"patient", a.Patient}} {
		if err := iop.CheckID(f.id); err != nil {
			es.Add(f.name, err)
		}
	}
	if !a.Level.IsValid() {
		es.Add("level", missingOrUnknown(a.Level == 0))
	}
	for i, c := range a.Codes {
		switch {
		case c == "":
		case !check.Alnum(c, 5, false):
			es.Add("codes["+strconv.Itoa(i)+"]", errCodeSyntax)
		case repeated(a.Codes[:i], c):
			es.Add("codes["+strconv.Itoa(i)+"]", iop.ErrDuplicate)
		}
	}
	for i, c := range a.Revenue {
		switch {
		case c == "":
		case !check.Alnum(c, 4, true):
			es.Add("revenue["+strconv.Itoa(i)+"]", errRevenueSyntax)
		case repeated(a.Revenue[:i], c):
			es.Add("revenue["+strconv.Itoa(i)+"]", iop.ErrDuplicate)
		}
	}
	if a.Quantity < 0 || a.Quantity > maxQuantity {
		es.Add("quantity", errQuantity)
	} else if a.Quantity == 0 && a.Action.Certifies() {
		es.Add("quantity", errNeedQuantity)
	}
	if a.Unit != 0 && !a.Unit.IsValid() || a.Unit == 0 && a.Action.Certifies() {
		es.Add("unit", missingOrUnknown(a.Unit == 0))
	}
	if a.PerWeek < 0 || a.PerWeek > maxQuantity {
		es.Add("per_week", errQuantity)
	}
	if err := iop.CheckServiceDate(a.Effective); err != nil {
		es.Add("effective", err)
	}
	if err := iop.CheckServiceDate(a.Expiration); err != nil {
		es.Add("expiration", err)
	} else if a.Effective != 0 && a.Expiration < a.Effective {
		es.Add("expiration", errExpiration)
	}
	if !a.Action.IsValid() {
		es.Add("action", missingOrUnknown(a.Action == 0))
	}
	if !a.Requested.IsZero() && !a.Decided.IsZero() && a.Decided.Before(a.Requested) {
		es.Add("decided", errDecided)
	}
	if a.NextReview != 0 {
		if err := iop.CheckServiceDate(a.NextReview); err != nil {
			es.Add("next_review", err)
		}
	}
	if a.ReviewRequested != 0 {
		if err := iop.CheckServiceDate(a.ReviewRequested); err != nil {
			es.Add("review_requested", err)
		}
	}
}

func missingOrUnknown(missing bool) error {
	if missing {
		return iop.ErrMissing
	}
	return iop.ErrUnknown
}

func repeated(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// covers reports whether a covers a claim line's code and revenue code;
// a week summary's service (both empty) is covered by every
// authorization.
func (a *Authorization) covers(code, revenue string) bool {
	if code == "" && revenue == "" || !a.hasCodes() {
		return true
	}
	return code != "" && repeated(a.Codes[:], code) || revenue != "" && repeated(a.Revenue[:], revenue)
}

func (a *Authorization) hasCodes() bool {
	for _, c := range a.Codes {
		if c != "" {
			return true
		}
	}
	for _, c := range a.Revenue {
		if c != "" {
			return true
		}
	}
	return false
}

// Contains reports whether day d is in the authorization's period, from
// Effective through Expiration, both included.
func (a *Authorization) Contains(d date.Date) bool {
	return d >= a.Effective && d <= a.Expiration
}

// UnmarshalJSON decodes a strictly: an unknown or repeated member, a value
// of the wrong type, a date that does not exist ("2025-02-30") or an
// unknown name is an error naming the field ([iop.FieldErrors]). It does
// not validate; [ParseAuthorizations] does both.
func (a *Authorization) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, a)
}

// ParseAuthorizations decodes a JSON array of authorizations strictly
// and validates each; errors name the element ("[3].expiration"). It
// returns nil with the error when any element fails.
func ParseAuthorizations(data []byte) ([]Authorization, error) {
	var as []Authorization
	if err := check.Decode(data, &as); err != nil {
		return nil, err
	}
	var es iop.FieldErrors
	for i := range as {
		es.Add("["+strconv.Itoa(i)+"]", as[i].Validate())
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return as, nil
}

// validOne adds the errors of the authorization a check was given, under
// "authorization".
func validOne(es *iop.FieldErrors, a *Authorization) {
	if a == nil {
		es.Add("authorization", iop.ErrMissing)
		return
	}
	var ae iop.FieldErrors
	a.validate(&ae)
	es.Add("authorization", ae.Err())
}
