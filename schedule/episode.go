package schedule

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Stay is what the weekly checks need to know of a patient's episode of
// care at the profile's level: the population whose band applies, the first
// and last days (for partial weeks and service outside the episode), and
// the step-down, if any. Both ends are included. The zero Stay is not
// valid. Stays are comparable and safe for concurrent use.
type Stay struct {
	// Population chooses the weekly band ([WeeklyRules.For]).
	Population iop.Population `json:"population"`
	// Admitted is the first day of the episode.
	Admitted date.Date `json:"admitted"`
	// Discharged is the last day of the episode, included; zero while the
	// episode goes on.
	Discharged date.Date `json:"discharged,omitzero"`
	// StepDown is the patient's step-down, if any: the one record that
	// eligibility's continued-stay and transfer checks and aftercare's
	// discharge check read too ([iop.StepDown]). When it lowers the level
	// ([iop.StepDown.Lowers]) from the profile's level (or the profile
	// names none) and the patient is still billed at that level, the weeks
	// that overlap the profile's StepDown.Weeks weeks from its day are not
	// held to the weekly minimums (minutes and service days). The zero
	// value records none.
	StepDown iop.StepDown `json:"step_down,omitzero"`
	// AdmissionAssumed says that Admitted is not known but assumed (a
	// claim export without admission dates: the first day of service).
	// A first week cut short by an assumed admission is then not judged
	// against the weekly minimum ([CodePartialWeekNotJudged]): whether it
	// is partial at all depends on the day assumed.
	AdmissionAssumed bool `json:"admission_assumed,omitzero"`
	// Setting is the kind of provider furnishing the program (a hospital
	// outpatient department, a CMHC, ...): the payment classification of a
	// day depends on it ([Checker.DaysIn]). Zero when not given.
	Setting iop.Provider `json:"setting,omitzero"`
}

// UnmarshalJSON decodes e strictly ([iop.FieldErrors] naming each bad
// field); it does not validate.
func (e *Stay) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, e)
}

// Validate reports every problem with e as [iop.FieldErrors]: an unset
// ([iop.ErrMissing]) or unknown ([iop.ErrUnknown]) population, no admission
// day, a day outside the plausible range of service dates
// ([iop.CheckServiceDate]), a discharge before admission or a step-down
// outside the episode ([iop.ErrOrder]), an unknown setting.
func (e Stay) Validate() error {
	if e.valid() {
		return nil
	}
	var es iop.FieldErrors
	missingOrUnknown(&es, "population", e.Population == 0, e.Population.IsValid())
	if err := iop.CheckServiceDate(e.Admitted); err != nil {
		es.Add("admitted", err)
	}
	optional := func(field string, d date.Date) bool {
		if d == date.Zero {
			return false
		}
		if err := iop.CheckServiceDate(d); err != nil {
			es.Add(field, err)
			return false
		}
		return true
	}
	if optional("discharged", e.Discharged) && e.Discharged < e.Admitted {
		es.Add("discharged", errDischarge)
	}
	if err := e.StepDown.Validate(); err != nil {
		es.Add("step_down", err)
	} else if sd := e.StepDown.Date; !e.StepDown.IsZero() && (sd < e.Admitted || (e.Discharged != date.Zero && sd > e.Discharged)) {
		es.Add("step_down.date", errStepDown)
	}
	if e.Setting != 0 && !e.Setting.IsValid() {
		es.Add("setting", iop.ErrUnknown)
	}
	return es.Err()
}

// serviceDate reports whether d is in the plausible range of service
// dates, as [iop.CheckServiceDate] does, without building an error.
func serviceDate(d date.Date) bool { return d >= firstServiceDate && d < endServiceDates }

// The plausible range of service dates of [iop.CheckServiceDate].
var (
	firstServiceDate = date.New(1970, 1, 1)
	endServiceDates  = date.New(2200, 1, 1)
)

func (e *Stay) valid() bool {
	return e.Population.IsValid() && serviceDate(e.Admitted) &&
		(e.Discharged == date.Zero || serviceDate(e.Discharged)) &&
		(e.StepDown.IsZero() || (serviceDate(e.StepDown.Date) && e.StepDown.From.IsValid() && e.StepDown.To.IsValid())) &&
		(e.Setting == 0 || e.Setting.IsValid()) &&
		(e.Discharged == date.Zero || e.Discharged >= e.Admitted) &&
		(e.StepDown.IsZero() || (e.StepDown.Date >= e.Admitted && (e.Discharged == date.Zero || e.StepDown.Date <= e.Discharged)))
}

// weekShape is where a week stands in an episode.
type weekShape struct {
	days        int  // days of the week in the episode, 0 to 7
	first, last bool // the week holds admission after its first day / discharge before its last
}

// partial reports whether the week holds the admission after its first day
// or the discharge before its last.
func (sh weekShape) partial() bool { return sh.first || sh.last }

func shapeOf(w Week, e *Stay) weekShape {
	first, last := max(w.start, e.Admitted), w.Last()
	if e.Discharged != date.Zero {
		last = min(last, e.Discharged)
	}
	var sh weekShape
	if last >= first {
		sh.days = int(last-first) + 1
	}
	sh.first = e.Admitted > w.start
	sh.last = e.Discharged != date.Zero && e.Discharged < w.Last()
	return sh
}

// partialMin returns the minimum that the profile's partial-week rules set
// for a week of shape sh, given the full-week minimum full: when the week is
// both the first and the last, the rule that asks less applies.
func partialMin[T int | iop.Minutes](r *PartialWeekRules, full T, sh weekShape) T {
	m := full
	if sh.first {
		m = min(m, Prorate(r.First, full, sh.days))
	}
	if sh.last {
		m = min(m, Prorate(r.Last, full, sh.days))
	}
	return m
}

// stepDown reports whether week w overlaps the step-down allowance: a
// step-down that lowers the level, from the profile's level when it names
// one.
func (r *checker) stepDown(w Week, e *Stay) bool {
	sd := &e.StepDown
	if !sd.Lowers() || r.b.StepDown.Weeks <= 0 || (r.p.Level != 0 && sd.From != r.p.Level) {
		return false
	}
	end := sd.Date + date.Date(daysPerWeek*r.b.StepDown.Weeks)
	return w.start < end && w.End() > sd.Date
}
