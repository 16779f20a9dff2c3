package eligibility

import (
	"encoding/json"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// decisionJSON is the JSON form of a Decision. The levels, drivers,
// drives flags and raised_by are derived from the reasons: they are written
// for the reader and checked on decoding.
type decisionJSON struct {
	Assessment     Assessment       `json:"assessment"`
	Criteria       string           `json:"criteria"`
	Levels         []iop.Level      `json:"levels"`
	Recommended    iop.Level        `json:"recommended"`
	Justified      iop.Level        `json:"justified"`
	SafetyLevel    iop.Level        `json:"safety_level"`
	IntensityLevel iop.Level        `json:"intensity_level"`
	Drivers        Dimensions       `json:"drivers"`
	RaisedBy       Modifier         `json:"raised_by,omitzero"`
	Reasons        []Reason         `json:"reasons"`
	Modifiers      []ModifierReason `json:"modifiers,omitzero"`
	Variance       Variance         `json:"variance,omitzero"`
}

// MarshalJSON writes the decision as a report for the record: the
// assessment, the criteria's ID and levels, the levels decided, the
// drivers, each reason with its citation, the modifiers and the variance.
// The zero Decision is an error.
func (d Decision) MarshalJSON() ([]byte, error) {
	if d.unset() {
		return nil, fieldError("", errNoDecision)
	}
	return json.Marshal(decisionJSON{
		Assessment: d.assessment, Criteria: d.criteria, Levels: d.continuum.levels(),
		Recommended: d.recommended, Justified: d.justified,
		SafetyLevel: d.safety, IntensityLevel: d.intensity, Drivers: d.Drivers(), RaisedBy: d.raisedBy,
		Reasons: d.reasons[:], Modifiers: d.ModifierReasons(), Variance: d.variance,
	})
}

// UnmarshalJSON decodes what [Decision.MarshalJSON] writes, strictly, and
// checks that it is a decision: a valid assessment; the criteria's ID; known
// levels in ascending intensity; one reason per dimension, in order, with
// the assessment's rating and note and levels of the criteria; one
// modifier reason per modifier of the assessment, in order; the levels,
// drivers and raised_by that the reasons give; and a variance that
// [Decision.Place] would accept. It reports every problem as
// [iop.FieldErrors] and leaves d unchanged on error.
func (d *Decision) UnmarshalJSON(data []byte) error {
	var v decisionJSON
	if err := check.Decode(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	errs.Add("assessment", v.Assessment.Validate())
	if v.Criteria == "" {
		errs.Add("criteria", iop.ErrMissing)
	}
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
	var seen Modifiers
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

func highestModifier(s Modifiers) Modifier {
	for m := Modifier(NumModifiers); m > 0; m-- {
		if s.Has(m) {
			return m
		}
	}
	return 0
}
