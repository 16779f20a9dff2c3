package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// CheckDecision returns what decision d implies for the record, in rule
// order: a level raised by a modifier (with the modifier rule's citation),
// withdrawal monitoring and co-occurring capability that must come with the
// level of care. The zero (or nil) Decision is an error.
func (ck Checker) CheckDecision(d *Decision) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendDecision(buf[:0], d))
}

// AppendDecision is [Checker.CheckDecision] appending its findings to dst.
// On error it returns dst unchanged.
func (ck Checker) AppendDecision(dst iop.Findings, d *Decision) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	if d == nil || d.unset() {
		return dst, fieldError("decision", errNoDecision)
	}
	if err := ck.r.judge(d.assessment.Date); err != nil {
		return dst, err
	}
	r := ck.r
	fs := dst
	if m := d.raisedBy; m != 0 {
		fs = r.addLevels(fs, ruleDecisionRaisedByModifier, d, d.recommended, higher(d.safety, d.intensity))
	}
	if d.assessment.Modifiers.Has(ModifierWithdrawalMonitoring) {
		fs = r.addPlain(fs, ruleDecisionWithdrawalMonitoring, d)
	}
	if d.assessment.Modifiers.Has(ModifierCoOccurring) {
		fs = r.addPlain(fs, ruleDecisionCoOccurring, d)
	}
	return fs, nil
}

// CheckVariance checks the variance of decision d ([Decision.Place]), in
// rule order: a level given without a reason (blocking); a level below the
// recommended one (with the citation of the rule that drove the
// recommendation); a level above anything the decision justifies; a
// payer-authorised "lower" level that is not lower (blocking); a lower
// level given because the recommended one is not available, where the next
// more intensive one should be. A decision without a variance has no
// findings. The figures are the intensities of the levels. The zero (or
// nil) Decision is an error.
func (ck Checker) CheckVariance(d *Decision) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendVariance(buf[:0], d))
}

// AppendVariance is [Checker.CheckVariance] appending its findings to dst.
// On error it returns dst unchanged.
func (ck Checker) AppendVariance(dst iop.Findings, d *Decision) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	if d == nil || d.unset() {
		return dst, fieldError("decision", errNoDecision)
	}
	if err := ck.r.judge(d.assessment.Date); err != nil {
		return dst, err
	}
	v := d.variance
	if v.Given == 0 {
		return dst, nil
	}
	r := ck.r
	rec := d.recommended
	fs := dst
	if !v.Reason.IsValid() {
		fs = r.addLevels(fs, ruleVarianceUndocumented, d, rec, v.Given)
	}
	cmp := v.Given.Compare(rec)
	if cmp < 0 {
		fs = r.addLevels(fs, ruleVarianceBelowRecommended, d, rec, v.Given)
	}
	if v.Given.Compare(d.justified) > 0 {
		fs = r.addLevels(fs, ruleVarianceAboveJustified, d, d.justified, v.Given)
	}
	if v.Reason == VarianceReasonPayerAuthorizedLower && cmp >= 0 {
		fs = r.addLevels(fs, ruleVarianceReasonMismatch, d, rec, v.Given)
	}
	if v.Reason == VarianceReasonLevelNotAvailable && cmp < 0 {
		fs = r.addLevels(fs, ruleVarianceNotNextAvailable, d, rec, v.Given)
	}
	return fs, nil
}

// CheckAdmission checks an admission to the program of the checker's
// profile on decision d, with planned weekly minutes of service in the
// plan of care: intensive outpatient care (ASAM level 2.1), or partial
// hospitalization under a level 2.5 profile (ioprules.MedicarePHP2025).
// The person must need the care of the profile's level but not 24-hour
// care: the decision must recommend that level, the plan must schedule
// the weekly hours the profile sets for the person's population (9 hours
// for adults and 6 for adolescents under ioprules.ASAM3Level21, 20 under
// the Medicare PHP profiles), and the assessment must document the
// profile's patient criteria (42 CFR 410.44(c) for Medicare IOP, 410.43(c)
// for PHP). Under a level 2.5 profile the level findings below name 2.5
// where this comment says 2.1 ("need 2.5, got 2.1" for a decision that
// recommends IOP).
//
// Findings, in rule order: a decision that places the person elsewhere;
// imminent danger; a recommended level below 2.1, above it short of 24-hour
// care, or 24-hour care (each blocking, or its "-documented" rule, a
// warning, when the decision documents a variance placing the person in
// IOP; below 2.1, the "-step-down" rule when the person steps down from a
// more intensive level); no weekly band for the population; planned hours
// below the band or above it, as [iop.Band.Compare] judges them (the one
// judgement of the weekly band, shared with package schedule), with the
// band's end and the plan as figures in minutes. Both ends of the band are
// included: under ioprules.ASAM3Level21 the adult band is 9h00m to 19h59m, so
// 8h59m is below it, 19h30m and 19h59m are within it and 20h00m is above
// it. A finding above the band names, in its Level, the level whose band
// the hours fall in (the Above of the profile's weekly rules: 2.5 above the 2.1 band).
// A band without a maximum, as Medicare's IOP rules have (42 CFR 410.44
// sets only the 9-hour minimum), is never exceeded. A profile without
// weekly rules checks no hours. Last come the patient criteria of the
// profile's [Placement]: each required criterion documented as not met or
// contradicted, then each not recorded (see [PatientRules]).
//
// The zero (or nil) Decision and negative planned minutes are errors. On the
// compliant path it allocates nothing.
func (ck Checker) CheckAdmission(d *Decision, planned iop.Minutes) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendAdmission(buf[:0], d, planned))
}

// AppendAdmission is [Checker.CheckAdmission] appending its findings to
// dst, so that a batch reuses one slice: it allocates only when dst must
// grow. On error it returns dst unchanged.
func (ck Checker) AppendAdmission(dst iop.Findings, d *Decision, planned iop.Minutes) (iop.Findings, error) {
	if err := ck.ready(); err != nil {
		return dst, err
	}
	unset := d == nil || d.unset()
	switch {
	case unset && planned < 0:
		return dst, iop.FieldErrors{{Field: "decision", Err: errNoDecision}, {Field: "planned", Err: errNegativeMinutes}}
	case unset:
		return dst, fieldError("decision", errNoDecision)
	case planned < 0:
		return dst, fieldError("planned", errNegativeMinutes)
	}
	if err := ck.r.judge(d.assessment.Date); err != nil {
		return dst, err
	}
	r := ck.r
	a := &d.assessment
	rec := d.recommended
	if g := d.variance.Given; g != 0 && g != r.level {
		dst = r.addLevels(dst, ruleAdmissionPlacedElsewhere, d, r.level, g)
	}
	if a.Modifiers.Has(ModifierImminentDanger) {
		dst = r.addPlain(dst, ruleAdmissionImminentDanger, d)
	}
	documented := d.documentedAt(r.level)
	switch cmp := rec.Compare(r.level); {
	case cmp < 0:
		rule := ruleAdmissionBelowIOP
		switch {
		case documented:
			rule = ruleAdmissionBelowIOPDocumented
		case a.Modifiers.Has(ModifierSteppingDown):
			rule = ruleAdmissionBelowIOPStepDown
		}
		dst = r.addLevels(dst, rule, d, rec, r.level)
	case cmp > 0 && is24Hour(rec):
		rule := ruleAdmissionNeeds24Hour
		if documented {
			rule = ruleAdmissionNeeds24HourDocumented
		}
		dst = r.addLevels(dst, rule, d, rec, r.level)
	case cmp > 0:
		rule := ruleAdmissionAboveIOP
		if documented {
			rule = ruleAdmissionAboveIOPDocumented
		}
		dst = r.addLevels(dst, rule, d, rec, r.level)
	}
	dst = r.hours(dst, a, planned)
	return r.patient(dst, d), nil
}

// hours appends the findings of the planned weekly hours of an admission.
func (r *checker) hours(dst iop.Findings, a *Assessment, planned iop.Minutes) iop.Findings {
	w := &r.weekly
	if w.Adult == (iop.Band{}) && w.Adolescent == (iop.Band{}) {
		return dst
	}
	band := w.For(a.Population)
	if band == (iop.Band{}) {
		return r.rules.Add(dst, ruleAdmissionPopulationNotServed, iop.Finding{Subject: a.ID})
	}
	switch band.Compare(planned) {
	case -1:
		dst = r.rules.Add(dst, ruleAdmissionHoursBelowMinimum, iop.Finding{Subject: a.ID,
			Need: int64(band.Min), Got: int64(planned), Unit: iop.UnitMinutes})
	case +1:
		dst = r.rules.Add(dst, ruleAdmissionHoursAboveMaximum, iop.Finding{Subject: a.ID,
			Level: w.Above, Need: int64(band.Max), Got: int64(planned), Unit: iop.UnitMinutes})
	}
	return dst
}
