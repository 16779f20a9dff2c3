package aftercare

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// Reason is why an episode was discharged, in the categories of the TEDS
// discharge data set (TEDS-D, variable REASON). The zero Reason is unset and
// not valid. Reasons are comparable and safe for concurrent use.
type Reason uint8

// The discharge reasons, in TEDS-D order: [Reason.TEDS] gives the code.
const (
	_                       Reason = iota
	ReasonCompleted                // treatment completed (TEDS-D 1)
	ReasonLeftAgainstAdvice        // dropped out or left against professional advice (TEDS-D 2)
	ReasonTerminated               // terminated by the facility (TEDS-D 3)
	ReasonTransferred              // transferred to another level of care or program (TEDS-D 4)
	ReasonIncarcerated             // incarcerated (TEDS-D 5)
	ReasonDied                     // death (TEDS-D 6)
	ReasonOther                    // other (TEDS-D 7)
)

var reasonNames = []string{
	ReasonCompleted: "completed", ReasonLeftAgainstAdvice: "left-against-advice",
	ReasonTerminated: "terminated-by-facility", ReasonTransferred: "transferred",
	ReasonIncarcerated: "incarcerated", ReasonDied: "died", ReasonOther: "other",
}

// Reasons returns every reason, in TEDS-D order.
func Reasons() []Reason {
	return []Reason{ReasonCompleted, ReasonLeftAgainstAdvice, ReasonTerminated,
		ReasonTransferred, ReasonIncarcerated, ReasonDied, ReasonOther}
}

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return enum.Valid(reasonNames, r) }

// IsZero reports whether r is unset.
func (r Reason) IsZero() bool { return r == 0 }

// String returns the reason's name ("left-against-advice"), and
// "%!Reason(n)" for an invalid value.
func (r Reason) String() string { return enum.String(reasonNames, r, "Reason") }

// TEDS returns the reason's TEDS-D code, 1 to 7, and 0 for an invalid reason.
func (r Reason) TEDS() int {
	if !r.IsValid() {
		return 0
	}
	return int(r)
}

// ReasonFromTEDS returns the reason with TEDS-D code n (1 to 7), and an
// [*iop.ParseError] wrapping [ErrUnknownReason] for any other code.
func ReasonFromTEDS(n int) (Reason, error) {
	if n < 1 || n > int(ReasonOther) {
		return 0, &iop.ParseError{Func: "aftercare.ReasonFromTEDS", Input: strconv.Itoa(n), Err: ErrUnknownReason}
	}
	return Reason(n), nil
}

// Planning returns whether a discharge for reason r is always planned
// (a completion), never planned (leaving against advice, incarceration,
// death), or may be either (termination, transfer, other): fixed is false
// in the last case.
func (r Reason) Planning() (planned, fixed bool) {
	switch r {
	case ReasonCompleted:
		return true, true
	case ReasonLeftAgainstAdvice, ReasonIncarcerated, ReasonDied:
		return false, true
	}
	return false, false
}

// ParseReason parses a reason's name exactly as [Reason.String] writes it.
func ParseReason(s string) (Reason, error) {
	if v, ok := enum.Parse[Reason](reasonNames, s); ok {
		return v, nil
	}
	return 0, &iop.ParseError{Func: "aftercare.ParseReason", Input: s, Err: ErrUnknownReason}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid reason is an error.
func (r Reason) MarshalText() ([]byte, error) {
	return enum.Text(r.IsValid(), r.String(), func() error {
		return &iop.ParseError{Func: "aftercare.Reason.MarshalText", Input: r.String(), Err: ErrUnknownReason}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error { return enum.Unmarshal(r, b, ParseReason) }

// Step is the direction of a move to another level of care at discharge.
// The zero Step means the discharge moves the person to no other level.
type Step uint8

// The steps.
const (
	_           Step = iota
	StepDown         // to a less intensive level (2.1 to 1): the usual move into aftercare
	StepUp           // to a more intensive level (2.1 to 2.5 or residential)
	StepLateral      // to another program at a level of the same intensity
)

var stepNames = []string{StepDown: "down", StepUp: "up", StepLateral: "lateral"}

// IsValid reports whether s is a known step.
func (s Step) IsValid() bool { return enum.Valid(stepNames, s) }

// IsZero reports whether s is unset.
func (s Step) IsZero() bool { return s == 0 }

// String returns "down", "up" or "lateral", and "%!Step(n)" otherwise.
func (s Step) String() string { return enum.String(stepNames, s, "Step") }

// Want returns the result of [iop.Level.Compare] of the level stepped to
// with the level left that the step needs: -1 for down, +1 for up, 0 for
// lateral.
func (s Step) Want() int {
	switch s {
	case StepDown:
		return -1
	case StepUp:
		return +1
	}
	return 0
}

// ParseStep parses "down", "up" or "lateral".
func ParseStep(s string) (Step, error) {
	if v, ok := enum.Parse[Step](stepNames, s); ok {
		return v, nil
	}
	return 0, &iop.ParseError{Func: "aftercare.ParseStep", Input: s, Err: ErrUnknownStep}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid step is an error.
func (s Step) MarshalText() ([]byte, error) {
	return enum.Text(s.IsValid(), s.String(), func() error {
		return &iop.ParseError{Func: "aftercare.Step.MarshalText", Input: s.String(), Err: ErrUnknownStep}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseStep].
func (s *Step) UnmarshalText(b []byte) error { return enum.Unmarshal(s, b, ParseStep) }

// Discharge is what a discharge records: the reason in TEDS-D terms,
// whether it was planned with the patient, and the level of care the
// person moves to, if any. The zero Discharge is unset. Discharge is
// comparable and safe for concurrent use.
//
// A change of level is a discharge from this episode and an admission to
// another, as TEDS counts it: a step down from 2.1 to 1 is a discharge
// with [ReasonCompleted] or [ReasonTransferred], [StepDown] and ToLevel
// [iop.Level1].
type Discharge struct {
	Reason Reason `json:"reason"`
	// Planned says the discharge was planned with the patient. A completion
	// is always planned; leaving against advice, incarceration and death
	// never are ([Reason.Planning]).
	Planned bool `json:"planned,omitzero"`
	// Step is the direction of the move to ToLevel; zero when the person
	// moves to no other level of care.
	Step Step `json:"step,omitzero"`
	// ToLevel is the level of care stepped to; zero exactly when Step is.
	ToLevel iop.Level `json:"to_level,omitzero"`
	// ReferredTo is the opaque record ID of the referral to the program the
	// person moves to (TEDS expects one with a transfer); never a name.
	ReferredTo string `json:"referred_to,omitzero"`
}

// IsZero reports whether d is unset.
func (d Discharge) IsZero() bool { return d == Discharge{} }

// Validate reports every inconsistency in d, in field order, as
// [iop.Errors] of [*FieldError]s: a missing or unknown reason, an unknown
// step or level, a step without a level or a level without a step, a
// planning that contradicts the reason, and a step to another level after
// leaving against advice, incarceration or death. It returns nil when d is
// valid.
func (d Discharge) Validate() error {
	planned, fixed := d.Reason.Planning()
	var errs iop.Errors
	add := func(field string, err error) { errs = append(errs, &FieldError{Field: field, Err: err}) }
	switch {
	case d.Reason == 0:
		add("reason", iop.ErrMissing)
	case !d.Reason.IsValid():
		add("reason", ErrUnknownReason)
	}
	if fixed && d.Planned != planned {
		add("planned", fmt.Errorf("%w: a %s discharge is planned=%t", ErrContradictsReason, d.Reason, planned))
	}
	switch {
	case d.Step != 0 && !d.Step.IsValid():
		add("step", ErrUnknownStep)
	case d.Step != 0 && d.ToLevel == 0:
		add("to_level", iop.ErrMissing)
	case d.Step == 0 && d.ToLevel != 0:
		add("step", iop.ErrMissing)
	}
	if d.ToLevel != 0 && !d.ToLevel.IsValid() {
		add("to_level", iop.ErrUnknownLevel)
	}
	if d.Step != 0 && fixed && !planned {
		add("step", fmt.Errorf("%w: no step to another level after a %s discharge", ErrContradictsReason, d.Reason))
	}
	return errs.Err()
}
