package eligibility

import (
	"encoding/json"
	"slices"

	"github.com/ioprules/ioprules/iop"
)

// decisionJSON is the JSON form of a Decision. The levels, drivers,
// drives flags and raised_by are derived from the reasons: they are written
// for the reader and checked on decoding.
type decisionJSON struct {
	Assessment     Assessment         `json:"assessment"`
	Criteria       string             `json:"criteria,omitzero"`
	Source         string             `json:"source,omitzero"`
	Levels         []iop.Level        `json:"levels"`
	Recommended    iop.Level          `json:"recommended"`
	Justified      iop.Level          `json:"justified"`
	SafetyLevel    iop.Level          `json:"safety_level,omitzero"`
	IntensityLevel iop.Level          `json:"intensity_level,omitzero"`
	Drivers        iop.Set[Dimension] `json:"drivers"`
	RaisedBy       Modifier           `json:"raised_by,omitzero"`
	Reasons        []Reason           `json:"reasons,omitzero"`
	Modifiers      []ModifierReason   `json:"modifiers,omitzero"`
	Variance       Variance           `json:"variance,omitzero"`
}

// MarshalJSON writes the decision as a report for the record: the
// assessment, the criteria's ID and levels, the levels decided, the
// drivers, each reason with its citation, the modifiers and the variance.
// A decision made from another tool's recommendation ([Checker.Recommended])
// has "source" (the tool's name) instead of "criteria", the placement
// levels of its edition, no safety or intensity level and no reasons (its
// assessment holds the tool's ratings, if any). The zero Decision is an
// error.
func (d Decision) MarshalJSON() ([]byte, error) {
	if d.unset() {
		return nil, fieldError("", errNoDecision)
	}
	v := decisionJSON{
		Assessment: d.assessment, Criteria: d.criteria, Source: d.source, Levels: d.continuum.levels(),
		Recommended: d.recommended, Justified: d.justified,
		SafetyLevel: d.safety, IntensityLevel: d.intensity, Drivers: d.Drivers(), RaisedBy: d.raisedBy,
		Reasons: d.reasons[:], Modifiers: d.ModifierReasons(), Variance: d.variance,
	}
	if d.source != "" {
		v.Reasons = nil // the assessment's ratings give them
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes what [Decision.MarshalJSON] writes, strictly, and
// checks that it is a decision: a valid assessment; the criteria's ID; known
// levels in ascending intensity; one reason per dimension, in order, with
// the assessment's rating and note and levels of the criteria; one
// modifier reason per modifier of the assessment, in order; the levels,
// drivers and raised_by that the reasons give; and a variance that
// [Decision.Place] would accept. A decision with a "source" is one made
// from another tool's recommendation: the recommendation it holds must be
// valid ([Recommendation.Validate], with the paths of the decision:
// "assessment.id", "recommended"), and the levels, the justified level, the
// modifiers and the absent reasons, drivers, safety and intensity levels
// must be what [Checker.Recommended] makes of it. It reports every problem
// as [iop.FieldErrors] and leaves d unchanged on error. Input above 8 MiB
// or not valid UTF-8 is refused.
func (d *Decision) UnmarshalJSON(data []byte) error {
	var v decisionJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	if v.Source != "" {
		return d.unmarshalRecommended(&v)
	}
	var errs iop.FieldErrors
	errs.Add("assessment", v.Assessment.Validate())
	checkID(&errs, "criteria", v.Criteria, true)
	out := Decision{assessment: v.Assessment, criteria: v.Criteria}
	if len(v.Levels) == 0 {
		errs.Add("levels", iop.ErrMissing)
	}
	for i, l := range v.Levels {
		switch {
		case !l.IsValid() || l >= 32:
			errs.Add(indexField("levels", i), iop.ErrUnknown)
		case l.IsWithdrawalManagement() || l == iop.LevelOTS:
			errs.Add(indexField("levels", i), errWithdrawalAxis)
		case i > 0 && l.Compare(v.Levels[i-1]) <= 0:
			errs.Add(indexField("levels", i), errLevelOrder)
		default:
			out.continuum = out.continuum.with(l)
		}
	}
	out.decodeReasons(&errs, v.Reasons)
	out.decodeModifiers(&errs, v.Modifiers)
	if len(errs) > 0 {
		return errs
	}
	out.settle()
	for _, c := range [...]struct {
		field     string
		got, want iop.Level
	}{
		{"recommended", v.Recommended, out.recommended}, {"justified", v.Justified, out.justified},
		{"safety_level", v.SafetyLevel, out.safety}, {"intensity_level", v.IntensityLevel, out.intensity},
	} {
		if c.got != c.want {
			errs.Add(c.field, errDerived)
		}
	}
	if v.Drivers != out.Drivers() {
		errs.Add("drivers", errDerived)
	}
	if v.RaisedBy != out.raisedBy {
		errs.Add("raised_by", errDerived)
	}
	for i, r := range v.Reasons {
		if r.Drives != out.reasons[i].Drives {
			errs.Add(indexField("reasons", i)+".drives", errDerived)
		}
	}
	for i, mr := range v.Modifiers {
		if mr.Drives != out.modifiers[mr.Modifier-1].Drives {
			errs.Add(indexField("modifiers", i)+".drives", errDerived)
		}
	}
	errs.Add("variance", out.validVariance(v.Variance, ""))
	if err := errs.Err(); err != nil {
		return err
	}
	out.variance = v.Variance
	*d = out
	return nil
}

// unmarshalRecommended decodes the decision made from another tool's
// recommendation: the recommendation it holds must be valid, and every
// other member must be what [Checker.Recommended] derives from it.
func (d *Decision) unmarshalRecommended(v *decisionJSON) error {
	var errs iop.FieldErrors
	if v.Criteria != "" {
		errs.Add("criteria", errCriteriaAndSource)
	}
	a := &v.Assessment
	r := Recommendation{ID: a.ID, Source: v.Source, Edition: a.Edition, Date: a.Date, Population: a.Population,
		Level: v.Recommended, Ratings: a.Ratings, Modifiers: a.Modifiers, Patient: a.Patient}
	r.validate(&errs, recommendedDecisionPaths())
	if len(v.Reasons) > 0 {
		errs.Add("reasons", errRecommendationReasons)
	}
	if len(errs) > 0 {
		return errs
	}
	out := fromRecommendation(&r)
	if !slices.Equal(v.Levels, out.continuum.levels()) {
		errs.Add("levels", errDerived)
	}
	for _, c := range [...]struct {
		field     string
		got, want iop.Level
	}{
		{"justified", v.Justified, out.justified}, {"safety_level", v.SafetyLevel, 0}, {"intensity_level", v.IntensityLevel, 0},
	} {
		if c.got != c.want {
			errs.Add(c.field, errDerived)
		}
	}
	if v.Drivers != 0 {
		errs.Add("drivers", errDerived)
	}
	if v.RaisedBy != 0 {
		errs.Add("raised_by", errDerived)
	}
	if !slices.Equal(v.Modifiers, out.ModifierReasons()) {
		errs.Add("modifiers", errDerived)
	}
	errs.Add("variance", out.validVariance(v.Variance, ""))
	if err := errs.Err(); err != nil {
		return err
	}
	out.variance = v.Variance
	*d = out
	return nil
}

// decodeReasons checks the decoded reasons against the assessment and the
// levels, and stores them.
func (d *Decision) decodeReasons(errs *iop.FieldErrors, reasons []Reason) {
	if len(reasons) != NumDimensions {
		errs.Add("reasons", errReasonCount)
		return
	}
	for i, r := range reasons {
		f := indexField("reasons", i)
		dim := Dimension(i + 1)
		if r.Dimension != dim {
			errs.Add(f+".dimension", errDimensionOrder)
		}
		if rating, ok := d.assessment.Ratings.Of(dim); ok {
			if r.Risk != rating.Risk {
				errs.Add(f+".risk", errNotAssessed)
			}
			if r.Note != rating.Note {
				errs.Add(f+".note", errNotAssessed)
			}
		}
		d.levelOf(errs, f+".min", r.Min)
		d.levelOf(errs, f+".max", r.Max)
		if d.continuum.has(r.Min) && d.continuum.has(r.Max) && r.Min.Compare(r.Max) > 0 {
			errs.Add(f, errMinAboveMax)
		}
		if r.Rule < 0 {
			errs.Add(f+".rule", errRuleIndex)
		}
		if r.Cite.Source == "" {
			errs.Add(f+".cite", iop.ErrMissing)
		}
		r.Drives = false
		d.reasons[i] = r
	}
}

// decodeModifiers checks the decoded modifier reasons against the
// assessment and the levels, and stores them.
func (d *Decision) decodeModifiers(errs *iop.FieldErrors, mods []ModifierReason) {
	var seen iop.Set[Modifier]
	for i, mr := range mods {
		f := indexField("modifiers", i)
		m := mr.Modifier
		switch {
		case !m.IsValid():
			errs.Add(f+".modifier", iop.ErrUnknown)
			continue
		case !d.assessment.Modifiers.Has(m):
			errs.Add(f+".modifier", errNotAssessed)
			continue
		case seen != 0 && m <= highestModifier(seen):
			errs.Add(f+".modifier", errModifierOrder)
			continue
		}
		seen |= 1 << m
		if mr.Floor != 0 {
			d.levelOf(errs, f+".floor", mr.Floor)
		}
		switch {
		case mr.Rule < -1:
			errs.Add(f+".rule", errRuleIndex)
		case mr.Rule == -1 && (mr.Floor != 0 || !mr.Cite.IsZero()):
			errs.Add(f+".rule", errNoModifierRule)
		case mr.Rule >= 0 && mr.Cite.Source == "":
			errs.Add(f+".cite", iop.ErrMissing)
		}
		mr.Drives = false
		d.modifiers[m-1] = mr
	}
	if missing := d.assessment.Modifiers &^ seen; missing != 0 && d.assessment.Modifiers.IsValid() {
		errs.Add("modifiers", errModifierMissing)
	}
}

// levelOf reports a level that is missing or not among the decision's
// levels.
func (d *Decision) levelOf(errs *iop.FieldErrors, field string, l iop.Level) {
	switch {
	case l == 0:
		errs.Add(field, iop.ErrMissing)
	case !d.continuum.has(l):
		errs.Add(field, errNotInCriteria)
	}
}

func highestModifier(s iop.Set[Modifier]) Modifier {
	for m := Modifier(numModifiers); m > 0; m-- {
		if s.Has(m) {
			return m
		}
	}
	return 0
}
