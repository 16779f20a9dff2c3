package eligibility

import (
	"github.com/ioprules/ioprules/iop"
)

// Reason explains the part one dimension played in a decision: its rating
// (and the note that documents it), the rule of the criteria that applied
// and the levels that rule rules in. Drives is true for the dimensions
// whose rule set the recommended level: the highest-risk dimensions.
// Reasons are comparable values, safe for concurrent use.
type Reason struct {
	Dimension Dimension `json:"dimension"`
	Risk      Risk      `json:"risk"`
	// Note is the note ID of the rating, from the assessment.
	Note string `json:"note,omitzero"`
	// Min and Max are the levels the rule rules in for this rating.
	Min iop.Level `json:"min"`
	Max iop.Level `json:"max"`
	// Drives reports whether this dimension set the recommended level.
	Drives bool `json:"drives,omitzero"`
	// Rule is the index of the rule in the criteria's Rules.
	Rule int          `json:"rule"`
	Cite iop.Citation `json:"cite"`
}

// Role returns the dimension's role: safety (1-3) or intensity (4-6).
func (r Reason) Role() Role { return r.Dimension.Role() }

// ModifierReason explains the part a modifier of the assessment played in
// a decision: the floor its rule sets (zero when it sets none, or when the
// criteria have no rule for it), and whether that floor raised the
// recommended level above what the dimensions need.
type ModifierReason struct {
	Modifier Modifier  `json:"modifier"`
	Floor    iop.Level `json:"floor,omitzero"`
	Drives   bool      `json:"drives,omitzero"`
	// Rule is the index of the rule in the criteria's Modifiers, -1 when
	// the criteria have none for this modifier.
	Rule int          `json:"rule"`
	Cite iop.Citation `json:"cite,omitzero"`
}

// Decision is a level-of-care decision: the level the criteria recommend
// for an assessment, the reason for each dimension (which dimensions drove
// the level, and by which rule), the modifiers that played a part, and the
// variance when the level given differs from the level recommended.
//
// A Decision is made only by [Checker.Decide], [Checker.Recommended] (a
// level recommended by another tool), [Decision.Place] and
// [Decision.UnmarshalJSON], which keep it consistent; its fields are
// unexported. It needs no heap: it holds the assessment and the reasons in
// fixed arrays, so deciding does not allocate. The zero Decision is unset,
// and the checks refuse it. Decisions are comparable values, safe for
// concurrent use; Place returns a new one.
//
// In JSON a Decision is a report for the record that decodes back to the
// same Decision: the assessment, the criteria's ID and levels, the levels
// decided, the drivers, each reason with its citation, the modifiers and
// the variance.
type Decision struct {
	assessment  Assessment
	criteria    string
	source      string // the tool that recommended the level; "" for Decide
	continuum   levelSet
	recommended iop.Level
	justified   iop.Level
	safety      iop.Level
	intensity   iop.Level
	reasons     [NumDimensions]Reason
	modifiers   [numModifiers]ModifierReason // indexed by modifier - 1; zero when absent
	raisedBy    Modifier
	variance    Variance
}

// settle computes the levels of d, the drivers and the modifier that
// raised the level from its reasons and modifier reasons: the one
// computation of a decision, shared by Decide and UnmarshalJSON.
func (d *Decision) settle() {
	d.safety, d.intensity, d.justified, d.raisedBy = 0, 0, 0, 0
	for i := range d.reasons {
		r := &d.reasons[i]
		if r.Dimension.Role() == RoleSafety {
			d.safety = higher(d.safety, r.Min)
		} else {
			d.intensity = higher(d.intensity, r.Min)
		}
		d.justified = higher(d.justified, r.Max)
	}
	rec := higher(d.safety, d.intensity)
	for i := range d.modifiers {
		mr := &d.modifiers[i]
		mr.Drives = false
		if mr.Modifier != 0 && mr.Floor != 0 && mr.Floor.Compare(rec) > 0 {
			rec, d.raisedBy = mr.Floor, mr.Modifier
		}
	}
	if d.raisedBy != 0 {
		d.modifiers[d.raisedBy-1].Drives = true
	}
	for i := range d.reasons {
		d.reasons[i].Drives = d.raisedBy == 0 && d.reasons[i].Min == rec
	}
	d.recommended = rec
	d.justified = higher(d.justified, rec)
}

// IsZero reports whether d is the zero Decision. (Every decision made by
// the package has a recommended level; the zero Decision has none.)
func (d Decision) IsZero() bool { return d.recommended == 0 }

// unset is IsZero without copying d.
func (d *Decision) unset() bool { return d.recommended == 0 }

// Assessment returns the assessment decided on.
func (d Decision) Assessment() Assessment { return d.assessment }

// Criteria returns the ID of the criteria applied, or "" for a decision
// made from another tool's recommendation ([Checker.Recommended]).
func (d Decision) Criteria() string { return d.criteria }

// Source returns the name of the tool that recommended the level for a
// decision made by [Checker.Recommended] ("ASAM CONTINUUM"), or "" for a
// decision of [Checker.Decide].
func (d Decision) Source() string { return d.source }

// Levels returns the levels of care of the criteria applied, in ascending
// intensity, as a new slice.
func (d Decision) Levels() []iop.Level { return d.continuum.levels() }

// Recommended returns the recommended level of care: the least intensive
// level that every dimension's rule and every modifier floor rule in.
func (d Decision) Recommended() iop.Level { return d.recommended }

// Justified returns the most intensive level that some dimension's rule (or
// a modifier floor) justifies. A level given above it is more care than
// any finding of the assessment calls for.
func (d Decision) Justified() iop.Level { return d.justified }

// SafetyLevel returns the least intensive level the safety dimensions (1-3)
// rule in: the settings below it are not safe for the person.
func (d Decision) SafetyLevel() iop.Level { return d.safety }

// IntensityLevel returns the least intensive level the intensity
// dimensions (4-6) rule in.
func (d Decision) IntensityLevel() iop.Level { return d.intensity }

// Reasons returns the reason for each dimension, D1 to D6, as an array.
// For a decision made from another tool's recommendation, the reasons hold
// the tool's ratings and notes without levels, rule (-1) or citation, or
// are all zero when the tool gave no ratings.
func (d Decision) Reasons() [NumDimensions]Reason { return d.reasons }

// Reason returns the reason for dimension dim, or the zero Reason for an
// invalid dimension.
func (d Decision) Reason(dim Dimension) Reason {
	if !dim.IsValid() {
		return Reason{}
	}
	return d.reasons[dim-1]
}

// Drivers returns the dimensions that set the recommended level. It is
// empty when a modifier raised the level above what they need (see
// [Decision.RaisedBy]).
func (d Decision) Drivers() iop.Set[Dimension] {
	var s iop.Set[Dimension]
	for _, r := range d.reasons {
		if r.Drives {
			s = s | iop.SetOf[Dimension](r.Dimension)
		}
	}
	return s
}

// RaisedBy returns the modifier whose floor raised the recommended level
// above what the dimensions need, or zero.
func (d Decision) RaisedBy() Modifier { return d.raisedBy }

// Modifier returns the reason for modifier m, and false when the assessment
// does not have m.
func (d Decision) Modifier(m Modifier) (ModifierReason, bool) {
	if !m.IsValid() || d.modifiers[m-1].Modifier == 0 {
		return ModifierReason{}, false
	}
	return d.modifiers[m-1], true
}

// ModifierReasons returns the reasons for the assessment's modifiers, in
// order, as a new slice (nil when there are none).
func (d Decision) ModifierReasons() []ModifierReason {
	var out []ModifierReason
	for _, mr := range d.modifiers {
		if mr.Modifier != 0 {
			out = append(out, mr)
		}
	}
	return out
}

// Place records the level of care given. When it is the recommended level
// the decision has no variance; otherwise the variance holds the level, the
// reason (zero when none is recorded, which [Checker.CheckVariance]
// reports) and the ID of the note that documents it.
//
// Place refuses, with the zero Decision and an [iop.FieldErrors] naming
// each problem: the zero Decision ("decision"), a level that is missing,
// unknown or not a level of the criteria the decision applied ("given"), an
// unknown reason ("reason") and a note ID that [iop.CheckID] refuses
// ("note"; the note may be empty).
func (d Decision) Place(given iop.Level, reason VarianceReason, note string) (Decision, error) {
	v := Variance{Given: given, Reason: reason, Note: note}
	if given == d.recommended && !d.unset() {
		v = Variance{}
	}
	if err := d.validVariance(v, ""); err != nil {
		return Decision{}, err
	}
	d.variance = v
	return d, nil
}

// validVariance reports the problems of variance v of d; prefix is the
// path of the variance ("" for Place's arguments).
func (d Decision) validVariance(v Variance, prefix string) error {
	var errs iop.FieldErrors
	if d.unset() {
		errs.Add("decision", errNoDecision)
	}
	if v.IsZero() {
		return errs.Err()
	}
	switch g := v.Given; {
	case g == 0:
		errs.Add(prefix+"given", iop.ErrMissing)
	case !g.IsValid():
		errs.Add(prefix+"given", iop.ErrUnknown)
	case !d.unset() && !d.continuum.has(g):
		errs.Add(prefix+"given", errNotInCriteria)
	case g == d.recommended:
		errs.Add(prefix+"given", errDerived)
	}
	if v.Reason != 0 && !v.Reason.IsValid() {
		errs.Add(prefix+"reason", iop.ErrUnknown)
	}
	if v.Note != "" {
		if err := iop.CheckID(v.Note); err != nil {
			errs.Add(prefix+"note", err)
		}
	}
	return errs.Err()
}

// Variance returns the variance recorded by [Decision.Place]; the zero
// Variance when the level given is the level recommended.
func (d Decision) Variance() Variance { return d.variance }

// Placed returns the level of care given: the variance's level, or the
// recommended level when there is no variance.
func (d Decision) Placed() iop.Level {
	if d.variance.Given != 0 {
		return d.variance.Given
	}
	return d.recommended
}

// documentedAt reports whether the decision places the person at level l
// with a variance reason recorded.
func (d *Decision) documentedAt(l iop.Level) bool {
	return d.variance.Given == l && d.variance.Reason.IsValid()
}
