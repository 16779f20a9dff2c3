package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// Discharge is a discharge from intensive outpatient care (ASAM level 2.1),
// seen from the level-of-care criteria: the decision on the reassessment at
// discharge, whether the discharge is planned (the treatment at this level
// is complete) and the level of continuing care the person is referred to.
// The discharge reasons and the aftercare plan are package aftercare's.
// Discharges are comparable values, safe for concurrent use.
type Discharge struct {
	// Final is the decision on the assessment at discharge.
	Final Decision
	// Planned records a planned discharge: the work at this level is done.
	Planned bool
	// NextLevel is the level of continuing care the person is referred to;
	// zero when none.
	NextLevel iop.Level
}

// CheckDischarge checks a discharge from IOP under profile p: no discharge
// of a person in imminent danger; a person whose reassessment recommends a
// more intensive level is referred to it (blocking); a planned discharge
// while the reassessment still recommends level 2.1 (warning); a
// continuing-care level is named when the reassessment recommends level 1
// or more, and it is not below the recommended level (warnings).
//
// It returns nil when the discharge meets every rule, without allocating.
func CheckDischarge(x Discharge, p iop.Profile) iop.Findings {
	var r report
	if !r.ready(x.Final, p) {
		return r.fs
	}
	d := x.Final
	rec := d.recommended
	r.imminentDanger(d, CodeDischargeImminentDanger, "transfer to 24-hour care, do not discharge")
	above := rec.Compare(iop.Level21) > 0
	if above && (x.NextLevel == 0 || x.NextLevel.Compare(rec) < 0) {
		r.levels(CodeDischargeHigherLevelNeeded, iop.Blocking,
			"the reassessment recommends level "+rec.String()+" (driven by "+d.drivenBy()+"): refer to it",
			d.driverCite(), rec, x.NextLevel)
	}
	if x.Planned && rec == iop.Level21 {
		r.levels(CodeDischargeCriteriaStillMet, iop.Warning,
			"planned discharge, but the reassessment still recommends level 2.1 (driven by "+d.drivenBy()+")",
			citeTIP47(), rec, x.NextLevel)
	}
	if !above && rec.Compare(iop.Level1) >= 0 {
		switch {
		case x.NextLevel == 0:
			r.levels(CodeDischargeNoContinuingCare, iop.Warning,
				"no continuing-care level named; the reassessment recommends level "+rec.String(),
				citeTIP47(), rec, 0)
		case x.NextLevel.Compare(rec) < 0:
			r.levels(CodeDischargeNextLevelBelow, iop.Warning,
				"continuing care at level "+x.NextLevel.String()+", below the recommended level "+rec.String(),
				citeTIP47(), rec, x.NextLevel)
		}
	}
	return r.fs
}
