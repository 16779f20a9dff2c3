package aftercare

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// DischargeReason is why an episode was discharged, in the categories of
// the TEDS discharge data set (TEDS-D, variable REASON). The zero
// DischargeReason is unset and not valid. Reasons are comparable and safe
// for concurrent use.
type DischargeReason uint8

// The discharge reasons, in TEDS-D order: [DischargeReason.TEDS] gives the
// code.
const (
	_                                DischargeReason = iota
	DischargeReasonCompleted                         // treatment completed (TEDS-D 1)
	DischargeReasonLeftAgainstAdvice                 // dropped out or left against professional advice (TEDS-D 2)
	DischargeReasonTerminated                        // terminated by the facility (TEDS-D 3)
	DischargeReasonTransferred                       // transferred to another level of care or program (TEDS-D 4)
	DischargeReasonIncarcerated                      // incarcerated (TEDS-D 5)
	DischargeReasonDied                              // death (TEDS-D 6)
	DischargeReasonOther                             // other (TEDS-D 7)
)

var dischargeReasons = enum.New[DischargeReason]("DischargeReason", "aftercare.DischargeReason.UnmarshalText", check.EnumFail, []string{
	DischargeReasonCompleted: "completed", DischargeReasonLeftAgainstAdvice: "left-against-advice",
	DischargeReasonTerminated: "terminated-by-facility", DischargeReasonTransferred: "transferred",
	DischargeReasonIncarcerated: "incarcerated", DischargeReasonDied: "died", DischargeReasonOther: "other",
})

// IsValid reports whether r is a known reason.
func (r DischargeReason) IsValid() bool { return dischargeReasons.Valid(r) }

// String returns the reason's name ("left-against-advice"), and
// "%!DischargeReason(n)" for an invalid value.
func (r DischargeReason) String() string { return dischargeReasons.String(r) }

// MarshalText implements [encoding.TextMarshaler]; an invalid reason is an error.
func (r DischargeReason) MarshalText() ([]byte, error) { return dischargeReasons.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (r *DischargeReason) UnmarshalText(b []byte) error { return dischargeReasons.Unmarshal(r, b) }

// TEDS returns the reason's TEDS-D code, 1 to 7, and 0 for an invalid reason.
func (r DischargeReason) TEDS() int {
	if !r.IsValid() {
		return 0
	}
	return int(r)
}

// DischargeReasonFromTEDS returns the reason with TEDS-D code n (1 to 7),
// and an [*iop.ParseError] wrapping [iop.ErrOutOfRange] for any other code.
func DischargeReasonFromTEDS(n int) (DischargeReason, error) {
	if n < 1 || n > int(DischargeReasonOther) {
		return 0, &iop.ParseError{Func: "aftercare.DischargeReasonFromTEDS", Err: errTEDSCode}
	}
	return DischargeReason(n), nil
}

// Planning returns whether a discharge for reason r is always planned
// (a completion), never planned (leaving against advice, incarceration,
// death), or may be either (termination, transfer, other): fixed is false
// in the last case.
func (r DischargeReason) Planning() (planned, fixed bool) {
	switch r {
	case DischargeReasonCompleted:
		return true, true
	case DischargeReasonLeftAgainstAdvice, DischargeReasonIncarcerated, DischargeReasonDied:
		return false, true
	}
	return false, false
}

// Step is the direction of a move to another level of care at discharge.
// The zero Step means the discharge moves the person to no other level.
// Steps are comparable and safe for concurrent use.
type Step uint8

// The steps.
const (
	_           Step = iota
	StepDown         // to a less intensive level (2.1 to 1): the usual move into aftercare
	StepUp           // to a more intensive level (2.1 to 2.5 or residential)
	StepLateral      // to another program at a level of the same intensity
)

var steps = enum.New[Step]("Step", "aftercare.Step.UnmarshalText", check.EnumFail,
	[]string{StepDown: "down", StepUp: "up", StepLateral: "lateral"})

// IsValid reports whether s is a known step.
func (s Step) IsValid() bool { return steps.Valid(s) }

// String returns "down", "up" or "lateral", and "%!Step(n)" otherwise.
func (s Step) String() string { return steps.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid step is an error.
func (s Step) MarshalText() ([]byte, error) { return steps.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *Step) UnmarshalText(b []byte) error { return steps.Unmarshal(s, b) }

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

// Discharge is what a discharge records: the reason in TEDS-D terms,
// whether it was planned with the patient, and the level of care the
// person moves to, if any. The zero Discharge is unset. Discharge is
// comparable and safe for concurrent use.
//
// A change of level is a discharge from this episode and an admission to
// another, as TEDS counts it: a step down from 2.1 to 1 is a discharge
// with [DischargeReasonCompleted] or [DischargeReasonTransferred], [StepDown] and ToLevel
// [iop.Level1].
type Discharge struct {
	Reason DischargeReason `json:"reason"`
	// Planned says the discharge was planned with the patient. A completion
	// is always planned; leaving against advice, incarceration and death
	// never are ([DischargeReason.Planning]).
	Planned bool `json:"planned,omitzero"`
	// Step is the direction of the move to ToLevel; zero when the person
	// moves to no other level of care.
	Step Step `json:"step,omitzero"`
	// ToLevel is the level of care stepped to; zero exactly when Step is.
	ToLevel iop.Level `json:"to_level,omitzero"`
	// ReferredTo is the opaque record ID of the referral to the program the
	// person moves to (TEDS expects one with a transfer); never a name.
	// Empty when there is none; otherwise [iop.CheckID] must accept it.
	ReferredTo string `json:"referred_to,omitzero"`
}

// IsZero reports whether d is unset.
func (d Discharge) IsZero() bool { return d == Discharge{} }

// Validate reports every inconsistency in d, in field order, as
// [iop.FieldErrors]: a missing or unknown reason ([iop.ErrMissing],
// [iop.ErrUnknown]), a planning that contradicts the reason
// ([iop.ErrOutOfRange]), an unknown step or level, a step without a level
// or a level without a step, a step to another level after leaving
// against advice, incarceration or death ([iop.ErrOutOfRange]), and a
// referral ID that [iop.CheckID] refuses. No error holds the ID. It
// returns nil when d is valid, without allocating.
func (d Discharge) Validate() error {
	planned, fixed := d.Reason.Planning()
	var errs iop.FieldErrors
	switch {
	case d.Reason == 0:
		errs.Add("reason", iop.ErrMissing)
	case !d.Reason.IsValid():
		errs.Add("reason", iop.ErrUnknown)
	}
	switch {
	case fixed && planned && !d.Planned:
		errs.Add("planned", errAlwaysPlanned)
	case fixed && !planned && d.Planned:
		errs.Add("planned", errNeverPlanned)
	}
	switch {
	case d.Step != 0 && !d.Step.IsValid():
		errs.Add("step", iop.ErrUnknown)
	case d.Step != 0 && d.ToLevel == 0:
		errs.Add("to_level", iop.ErrMissing)
	case d.Step == 0 && d.ToLevel != 0:
		errs.Add("step", iop.ErrMissing)
	}
	if d.ToLevel != 0 && !d.ToLevel.IsValid() {
		errs.Add("to_level", iop.ErrUnknown)
	}
	if d.Step != 0 && fixed && !planned {
		errs.Add("step", errNoStep)
	}
	if d.ReferredTo != "" {
		errs.Add("referred_to", iop.CheckID(d.ReferredTo))
	}
	return errs.Err()
}
