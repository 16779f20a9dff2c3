package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// report collects the findings of a check about one subject. It allocates
// only when it adds a finding.
type report struct {
	subject string
	fs      iop.Findings
}

func (r *report) add(code iop.Code, sev iop.Severity, msg string, cite iop.Citation) {
	r.fs = append(r.fs, iop.Finding{Code: code, Severity: sev, Subject: r.subject, Message: msg, Cite: cite})
}

func (r *report) figures(code iop.Code, sev iop.Severity, msg string, cite iop.Citation, need, got int64, unit iop.Unit) {
	r.fs = append(r.fs, iop.Finding{Code: code, Severity: sev, Subject: r.subject, Message: msg, Cite: cite,
		Need: need, Got: got, Unit: unit})
}

// levels adds a finding whose figures are the intensities of the level
// needed and the level found.
func (r *report) levels(code iop.Code, sev iop.Severity, msg string, cite iop.Citation, need, got iop.Level) {
	r.figures(code, sev, msg, cite, int64(need.Intensity()), int64(got.Intensity()), iop.UnitIntensity)
}

// ready reports whether a check can run on decision d and profile p, and
// adds the findings that say why not. IOP checks need a decision and a
// profile for level 2.1.
func (r *report) ready(d Decision, p iop.Profile) bool {
	r.subject = d.assessment.ID
	ok := true
	if d.IsZero() {
		r.add(CodeDecisionMissing, iop.Blocking, "no level-of-care decision to check", citeLibrary("input check"))
		ok = false
	}
	if p.Level != iop.Level21 {
		r.levels(CodeProfileNotIOP, iop.Blocking, "profile "+p.ID+" governs level "+p.Level.String()+", not 2.1",
			p.Source, iop.Level21, p.Level)
		ok = false
	}
	return ok
}

// imminentDanger adds a blocking finding with code when the assessment
// found imminent danger; what says what to do instead.
func (r *report) imminentDanger(d Decision, code iop.Code, what string) {
	if d.assessment.Modifiers.Has(ModImminentDanger) {
		r.add(code, iop.Blocking, "imminent danger: "+what, d.modifierCite(ModImminentDanger, citeImminentDanger()))
	}
}

// is24Hour reports whether l is a residential or inpatient level: ASAM
// levels 3 and 4 provide care 24 hours a day.
func is24Hour(l iop.Level) bool { return l.Compare(iop.Level31) >= 0 }

// severityUnless returns Blocking, or Warning when lowered holds (a
// documented variance, a step-down).
func severityUnless(lowered bool) iop.Severity {
	if lowered {
		return iop.Warning
	}
	return iop.Blocking
}

// drivenBy says what set the recommended level: "D3,D5" or "modifier
// imminent-danger".
func (d Decision) drivenBy() string {
	if d.raisedBy != 0 {
		return "modifier " + d.raisedBy.String()
	}
	return d.Drivers().String()
}

// driverCite returns the citation of what set the recommended level: the
// modifier rule, or the first driving dimension's rule.
func (d Decision) driverCite() iop.Citation {
	if d.raisedBy != 0 {
		return d.modifiers[d.raisedBy-1].Cite
	}
	for _, r := range d.reasons {
		if r.Drives {
			return r.Cite
		}
	}
	return iop.Citation{}
}

// modifierCite returns the cite of the criteria's rule for m, or def when
// the criteria have none.
func (d Decision) modifierCite(m Modifier, def iop.Citation) iop.Citation {
	if mr, ok := d.Modifier(m); ok && mr.Rule >= 0 && mr.Cite.Source != "" {
		return mr.Cite
	}
	return def
}

// Findings returns what the decision implies for the record, in rule
// order: a level raised by a modifier, withdrawal monitoring and
// co-occurring capability that must come with the level, and the problems
// of a variance (a level given without a reason, below the recommended
// level, above any justified level, a reason that does not fit, a level
// outside the criteria). It returns nil when there is nothing to report.
// Unlike [Criteria.Decide], it allocates when it reports.
func (d Decision) Findings() iop.Findings {
	r := report{subject: d.assessment.ID}
	if d.IsZero() {
		r.add(CodeDecisionMissing, iop.Blocking, "no level-of-care decision", citeLibrary("input check"))
		return r.fs
	}
	rec := d.recommended
	if m := d.raisedBy; m != 0 {
		r.levels(CodeDecisionRaisedByModifier, iop.Info,
			"modifier "+m.String()+" raised the recommended level from "+higher(d.safety, d.intensity).String()+" to "+rec.String(),
			d.modifiers[m-1].Cite, rec, higher(d.safety, d.intensity))
	}
	if d.assessment.Modifiers.Has(ModWithdrawalMonitoring) {
		r.add(CodeDecisionWithdrawalMonitoring, iop.Info, "withdrawal monitoring must be provided with level "+d.Placed().String(),
			d.modifierCite(ModWithdrawalMonitoring, citeWithdrawalInIOP()))
	}
	if d.assessment.Modifiers.Has(ModCoOccurring) {
		r.add(CodeDecisionCoOccurring, iop.Info, "co-occurring conditions: the level "+d.Placed().String()+" program must be co-occurring capable",
			d.modifierCite(ModCoOccurring, citeCoOccurring()))
	}
	v := d.variance
	if v.Given == 0 {
		return r.fs
	}
	given := v.Given.String() + " given, " + rec.String() + " recommended"
	if !d.continuum.has(v.Given) {
		r.add(CodeVarianceLevelNotInCriteria, iop.Blocking, "level "+v.Given.String()+" is not a level of criteria "+d.criteria,
			citeLibrary("input check"))
	}
	if !v.Reason.IsValid() {
		r.levels(CodeVarianceUndocumented, iop.Blocking, "level "+given+": no reason recorded for the variance",
			citeVariance(), rec, v.Given)
	}
	cmp := v.Given.Compare(rec)
	if cmp < 0 {
		r.levels(CodeVarianceBelowRecommended, iop.Warning, "level "+given+" (driven by "+d.drivenBy()+")",
			d.driverCite(), rec, v.Given)
	}
	if v.Given.Compare(d.justified) > 0 {
		r.levels(CodeVarianceAboveJustified, iop.Warning, "level "+v.Given.String()+" given, no rule justifies more than "+d.justified.String(),
			citeTIP47(), d.justified, v.Given)
	}
	if v.Reason == VariancePayerAuthorizedLower && cmp >= 0 {
		r.levels(CodeVarianceReasonMismatch, iop.Blocking, "level "+given+": a payer-authorized lower level must be less intensive",
			citeVariance(), rec, v.Given)
	}
	if v.Reason == VarianceLevelNotAvailable && cmp < 0 {
		r.levels(CodeVarianceNotNextAvailable, iop.Warning, "level "+given+": the recommended level is not available, give the next more intensive one",
			citeNextAvailable(), rec, v.Given)
	}
	return r.fs
}
