package iop

import "github.com/rickb777/date/v2"

// StepDown is the record of a step-down: the day a person moved from one
// level of care to a less intensive one. It is the one record that every
// package reads: eligibility's continued-stay and transfer checks (the
// allowance that continues the stay), schedule's weekly check (the weeks
// not held to the weekly minimum, schedule.Stay.StepDown) and aftercare's
// check of the discharge against it, so that one step-down gives one
// answer.
//
// A step-down lowers the intensity of care ([Level.Compare]): one whose To
// is not less intensive than From is well-formed data but no step-down,
// and the packages say so ([StepDown.Lowers]). The zero StepDown is "none
// recorded". StepDowns are comparable and safe for concurrent use.
type StepDown struct {
	// Date is the day of the step-down.
	Date date.Date `json:"date"`
	// From is the level stepped down from (the program's, 2.1 for an IOP).
	From Level `json:"from"`
	// To is the level stepped down to.
	To Level `json:"to"`
}

// IsZero reports whether s records no step-down.
func (s StepDown) IsZero() bool { return s == StepDown{} }

// Lowers reports whether s goes to a less intensive level than it comes
// from: false for the zero StepDown and for a "step-down" to a level of
// the same or more intensity.
func (s StepDown) Lowers() bool {
	return s.From.IsValid() && s.To.IsValid() && s.To.Compare(s.From) < 0
}

// Validate reports every problem with a recorded step-down as
// [FieldErrors] with paths relative to it: a day [CheckServiceDate]
// refuses ("date"), a level unset ([ErrMissing]) or unknown
// ([ErrUnknown]) ("from", "to"). The zero StepDown is valid (none
// recorded); a step-down that does not lower the level is valid data
// ([StepDown.Lowers] says so). It does not allocate for a valid value.
func (s StepDown) Validate() error {
	if s.IsZero() || (CheckServiceDate(s.Date) == nil && s.From.IsValid() && s.To.IsValid()) {
		return nil
	}
	var es FieldErrors
	if err := CheckServiceDate(s.Date); err != nil {
		es.Add("date", err)
	}
	for _, f := range []struct {
		name string
		l    Level
	}{{"from", s.From}, {"to", s.To}} {
		switch {
		case f.l == 0:
			es.Add(f.name, ErrMissing)
		case !f.l.IsValid():
			es.Add(f.name, ErrUnknown)
		}
	}
	return es.Err()
}
