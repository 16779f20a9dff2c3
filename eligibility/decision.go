package eligibility

import (
	"encoding/json"

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
// A Decision needs no heap: it holds the assessment and six reasons in
// fixed arrays, so [Criteria.Decide] does not allocate. Its findings are
// built on demand by [Decision.Findings]. The zero Decision is unset.
// Decisions are comparable values, safe for concurrent use; [Decision.Place]
// returns a new one.
type Decision struct {
	assessment  Assessment
	criteria    string
	continuum   levelSet
	recommended iop.Level
	justified   iop.Level
	safety      iop.Level
	intensity   iop.Level
	reasons     [NumDimensions]Reason
	modifiers   [NumModifiers]ModifierReason // indexed by modifier - 1; zero when absent
	raisedBy    Modifier
	variance    Variance
}

// Decide applies the criteria to an assessment. For each dimension it takes
// the first rule for the dimension's rating; the levels below the rule's
// Min are ruled out. The recommended level is the most intensive of those
// minimums over the six dimensions (the level follows the highest-risk
// dimensions, never an average), raised to the floor of any modifier rule
// for a modifier the assessment has. The dimensions (or the modifier) that
// set it are marked as driving it.
//
// Decide returns an error, and the zero Decision, when the assessment is
// not valid ([Assessment.Validate]); when its edition is not the criteria's
// ([ErrEditionMismatch]) or the criteria are limited to another population
// ([ErrPopulationMismatch]), as a [*iop.FieldError]; or when a rating has no
// rule or a rule maps to no level of the criteria, as a [*RuleError]. It
// does not check the criteria otherwise: validate them once with
// [Criteria.Validate] ([ParseCriteria] does).
//
// Decide does not allocate, and takes well under a microsecond.
func (c Criteria) Decide(a Assessment) (Decision, error) {
	if err := a.Validate(); err != nil {
		return Decision{}, err
	}
	if a.Edition != c.Edition {
		return Decision{}, &iop.FieldError{Field: "edition", Err: ErrEditionMismatch}
	}
	if c.Population != 0 && c.Population != a.Population {
		return Decision{}, &iop.FieldError{Field: "population", Err: ErrPopulationMismatch}
	}
	levels := setOfLevels(c.Levels)
	var found [NumDimensions]int
	for i := range found {
		found[i] = -1
	}
	for i := range c.Rules {
		r := &c.Rules[i]
		if d := r.Dimension; d.IsValid() && found[d-1] < 0 && a.Ratings[d-1].Risk == r.Risk {
			found[d-1] = i
		}
	}
	dec := Decision{assessment: a, criteria: c.ID, continuum: levels}
	for _, d := range Dimensions() {
		rating := a.Ratings[d-1]
		i := found[d-1]
		if i < 0 {
			return Decision{}, &RuleError{Field: "rules", Dimension: d, Risk: rating.Risk, Err: ErrUnmapped}
		}
		r := &c.Rules[i]
		if !levels.has(r.Min) || !levels.has(r.Max) || r.Min.Compare(r.Max) > 0 {
			return Decision{}, &RuleError{Field: ruleField(i), Dimension: d, Risk: rating.Risk, Err: ErrMapsToNothing}
		}
		dec.reasons[d-1] = Reason{Dimension: d, Risk: rating.Risk, Note: rating.Note, Min: r.Min, Max: r.Max, Rule: i, Cite: r.Cite}
		if d.Role() == RoleSafety {
			dec.safety = higher(dec.safety, r.Min)
		} else {
			dec.intensity = higher(dec.intensity, r.Min)
		}
		dec.justified = higher(dec.justified, r.Max)
	}
	rec := higher(dec.safety, dec.intensity)
	for _, m := range AllModifiers() {
		if a.Modifiers.Has(m) {
			dec.modifiers[m-1] = ModifierReason{Modifier: m, Rule: -1}
		}
	}
	for i := range c.Modifiers {
		mr := &c.Modifiers[i]
		m := mr.Modifier
		if !a.Modifiers.Has(m) || dec.modifiers[m-1].Rule >= 0 {
			continue
		}
		if mr.Floor != 0 && !levels.has(mr.Floor) {
			return Decision{}, &RuleError{Field: modifierField(i), Modifier: m, Err: ErrLevelNotInCriteria}
		}
		dec.modifiers[m-1] = ModifierReason{Modifier: m, Floor: mr.Floor, Rule: i, Cite: mr.Cite}
		if mr.Floor != 0 && mr.Floor.Compare(rec) > 0 {
			rec, dec.raisedBy = mr.Floor, m
		}
	}
	if dec.raisedBy != 0 {
		dec.modifiers[dec.raisedBy-1].Drives = true
	} else {
		for i := range dec.reasons {
			dec.reasons[i].Drives = dec.reasons[i].Min == rec
		}
	}
	dec.recommended = rec
	dec.justified = higher(dec.justified, rec)
	return dec, nil
}

// IsZero reports whether d is the zero Decision.
func (d Decision) IsZero() bool { return d == Decision{} }

// Assessment returns the assessment decided on.
func (d Decision) Assessment() Assessment { return d.assessment }

// Criteria returns the ID of the criteria applied.
func (d Decision) Criteria() string { return d.criteria }

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
func (d Decision) Drivers() DimensionSet {
	var s DimensionSet
	for _, r := range d.reasons {
		if r.Drives {
			s = s.With(r.Dimension)
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
// reason and the ID of the note that documents it. [Decision.Findings]
// reports a variance without a reason, and reasons that do not fit the
// level given.
func (d Decision) Place(given iop.Level, reason VarianceReason, note string) Decision {
	if given == d.recommended {
		d.variance = Variance{}
		return d
	}
	d.variance = Variance{Given: given, Reason: reason, Note: note}
	return d
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
func (d Decision) documentedAt(l iop.Level) bool {
	return d.variance.Given == l && d.variance.Reason.IsValid()
}

type decisionJSON struct {
	Assessment     string           `json:"assessment,omitzero"`
	Criteria       string           `json:"criteria"`
	Edition        iop.Edition      `json:"edition"`
	Date           string           `json:"date"`
	Population     iop.Population   `json:"population"`
	Recommended    iop.Level        `json:"recommended"`
	Justified      iop.Level        `json:"justified"`
	SafetyLevel    iop.Level        `json:"safety_level"`
	IntensityLevel iop.Level        `json:"intensity_level"`
	Drivers        []Dimension      `json:"drivers,omitzero"`
	RaisedBy       Modifier         `json:"raised_by,omitzero"`
	Reasons        []Reason         `json:"reasons"`
	Modifiers      []ModifierReason `json:"modifiers,omitzero"`
	Variance       Variance         `json:"variance,omitzero"`
}

// MarshalJSON writes the decision as a report for the record: the
// assessment's ID, edition, date and population, the levels, the drivers,
// each reason with its citation, the modifiers and the variance. It is an
// error to marshal the zero Decision.
func (d Decision) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return nil, &iop.FieldError{Err: iop.ErrMissing}
	}
	a := d.assessment
	v := decisionJSON{
		Assessment: a.ID, Criteria: d.criteria, Edition: a.Edition, Date: a.Date.String(),
		Population: a.Population, Recommended: d.recommended, Justified: d.justified,
		SafetyLevel: d.safety, IntensityLevel: d.intensity, RaisedBy: d.raisedBy,
		Reasons: d.reasons[:], Modifiers: d.ModifierReasons(), Variance: d.variance,
	}
	for dim := range d.Drivers().All() {
		v.Drivers = append(v.Drivers, dim)
	}
	return json.Marshal(v)
}
