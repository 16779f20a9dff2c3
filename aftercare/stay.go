package aftercare

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// Stay returns what the weekly checks of package schedule need to know of
// e, so that a caller holding an Episode does not enter its admission and
// discharge days again: the population p (which the episode does not
// hold), the day of admission, and the day of discharge (zero while the
// episode goes on). A step-down while still billed at the level (the
// [iop.StepDown] record, which [Checker.CheckStepDown] judges against the
// discharge) and the provider setting are not part of an Episode: set
// them on the result (Stay.StepDown, Stay.Setting) where they apply. It
// returns false when e has no admission.
func (e Episode) Stay(p iop.Population) (schedule.Stay, bool) {
	a, ok := e.AdmissionEvent()
	if !ok {
		return schedule.Stay{}, false
	}
	s := schedule.Stay{Population: p, Admitted: a.On}
	if d, ok := e.DischargeEvent(); ok {
		s.Discharged = d.On
	}
	return s, true
}
