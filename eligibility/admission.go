package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// CheckAdmission checks an admission to intensive outpatient care (ASAM
// level 2.1) on decision d, under profile p (a level 2.1 profile such as
// [iop.ASAM3Level21] or [iop.MedicareIOP2024]), with planned weekly minutes
// of service in the plan of care. The person must need at least the care
// of level 2.1 but not 24-hour care: the decision must recommend 2.1, and
// the plan must schedule the weekly hours the profile sets for the person's
// population (9 hours for adults and 6 for adolescents under
// [iop.ASAM3Level21]).
//
// Findings, in order: the decision or profile missing or not for IOP; a
// decision that places the person elsewhere; imminent danger; a recommended
// level below 2.1, above it short of 24-hour care, or 24-hour care
// (blocking, or a warning when the decision documents a variance placing
// the person in IOP, or, below 2.1, when the person is stepping down from a
// more intensive level); no weekly band for the population; planned hours
// below the profile's minimum or above its maximum. A profile without
// weekly rules checks no hours.
//
// It returns nil when the admission meets every rule, without allocating.
func CheckAdmission(d Decision, p iop.Profile, planned iop.Minutes) iop.Findings {
	var r report
	if !r.ready(d, p) {
		return r.fs
	}
	a := d.assessment
	rec := d.recommended
	if g := d.variance.Given; g != 0 && g != iop.Level21 {
		r.levels(CodeAdmissionPlacedElsewhere, iop.Blocking, "the decision places the person at level "+g.String()+", not 2.1",
			citeVariance(), g, iop.Level21)
	}
	r.imminentDanger(d, CodeAdmissionImminentDanger, "admit to 24-hour care, not to IOP")
	documented := d.documentedAt(iop.Level21)
	switch cmp := rec.Compare(iop.Level21); {
	case cmp < 0:
		r.levels(CodeAdmissionBelowIOP, severityUnless(documented || a.Modifiers.Has(ModSteppingDown)),
			"recommended level "+rec.String()+" (driven by "+d.drivenBy()+") is less intensive than IOP",
			citeSAMHSAAdvisory(), rec, iop.Level21)
	case cmp > 0 && is24Hour(rec):
		r.levels(CodeAdmissionNeeds24Hour, severityUnless(documented),
			"recommended level "+rec.String()+" (driven by "+d.drivenBy()+") is 24-hour care",
			d.driverCite(), rec, iop.Level21)
	case cmp > 0:
		r.levels(CodeAdmissionAboveIOP, severityUnless(documented),
			"recommended level "+rec.String()+" (driven by "+d.drivenBy()+") is more intensive than IOP",
			d.driverCite(), rec, iop.Level21)
	}
	w := p.Weekly
	if w.Adult == (iop.Band{}) && w.Adolescent == (iop.Band{}) {
		return r.fs
	}
	band := w.For(a.Population)
	switch {
	case band == iop.Band{}:
		r.add(CodeAdmissionPopulationNotServed, iop.Blocking,
			"profile "+p.ID+" sets no weekly hours for the "+a.Population.String()+" population", w.Cite)
	case planned < band.Min:
		r.figures(CodeAdmissionHoursBelowMinimum, iop.Blocking,
			"the plan schedules "+planned.String()+" a week, below the "+a.Population.String()+" minimum of "+band.Min.String(),
			w.Cite, int64(band.Min), int64(planned), iop.UnitMinutes)
	case band.Max != 0 && planned > band.Max:
		r.figures(CodeAdmissionHoursAboveMaximum, iop.Warning,
			"the plan schedules "+planned.String()+" a week, above the "+a.Population.String()+" maximum of "+band.Max.String(),
			w.Cite, int64(band.Max), int64(planned), iop.UnitMinutes)
	}
	return r.fs
}
