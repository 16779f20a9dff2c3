package eligibility

import (
	"encoding/json"

	"github.com/ioprules/ioprules/internal/check"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Rating is the risk rating of one dimension, with the ID of the clinical
// note that supports it. Its Risk is the rating itself: the zero Rating is
// a rating of 0 without a note. Whether a dimension was rated is recorded
// by [Ratings], not here. Ratings are comparable and safe for concurrent
// use.
//
// In JSON a Rating is {"risk": 2, "note": "n-17"}; "risk" is always
// written and must be given.
type Rating struct {
	Risk Risk `json:"risk"`
	// Note is the opaque record ID of the note that documents the rating,
	// chosen by the caller; it may be empty. Reasons repeat it; it must
	// never be a name or other identifying detail.
	// A note ID, when given, must be one [iop.CheckID] accepts.
	Note string `json:"note,omitzero"`
}

// UnmarshalJSON decodes a rating strictly: "risk" must be given, as a
// number 0 to 4, and a note ID must be one [iop.CheckID] accepts.
func (r *Rating) UnmarshalJSON(data []byte) error {
	var v struct {
		Risk *Risk  `json:"risk"`
		Note string `json:"note"`
	}
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	if v.Risk == nil {
		errs.Add("risk", errNoRisk)
	}
	checkID(&errs, "note", v.Note, false)
	if err := errs.Err(); err != nil {
		return err
	}
	*r = Rating{Risk: *v.Risk, Note: v.Note}
	return nil
}

// Ratings holds the rating of each of the six dimensions and which of them
// are rated. The zero Ratings rates nothing, and an assessment holding it
// is refused; a dimension is rated only when [NewRatings] or
// [Ratings.With] rates it, so a rating of 0 and "not rated" cannot be
// mistaken for each other. Ratings are comparable values, safe for
// concurrent use; With returns a new value.
//
// In JSON Ratings are an object keyed by dimension, holding the rated
// dimensions only: {"D1": {"risk": 2, "note": "n-17"}, ...}; decoding
// refuses unknown and repeated keys.
type Ratings struct {
	of    [NumDimensions]Rating
	rated iop.Set[Dimension]
}

// NewRatings returns the six dimensions rated d1 to d6, without notes. A
// risk above 4 is refused: the error is an [iop.FieldErrors] naming each
// such dimension ("D3"), and the Ratings are zero.
func NewRatings(d1, d2, d3, d4, d5, d6 Risk) (Ratings, error) {
	var r Ratings
	var errs iop.FieldErrors
	for i, v := range [NumDimensions]Risk{d1, d2, d3, d4, d5, d6} {
		d := Dimension(i + 1)
		if !v.IsValid() {
			errs.Add(d.String(), errRiskRange)
			continue
		}
		r = r.With(d, Rating{Risk: v})
	}
	if err := errs.Err(); err != nil {
		return Ratings{}, err
	}
	return r, nil
}

// With returns r with dimension d rated v; an invalid d leaves r unchanged.
// A Risk above 4 is kept, and refused by [Assessment.Validate].
func (r Ratings) With(d Dimension, v Rating) Ratings {
	if d.IsValid() {
		r.of[d-1] = v
		r.rated = r.rated | iop.SetOf[Dimension](d)
	}
	return r
}

// Without returns r with dimension d not rated.
func (r Ratings) Without(d Dimension) Ratings {
	if d.IsValid() {
		r.of[d-1] = Rating{}
		r.rated &^= 1 << d
	}
	return r
}

// Of returns the rating of dimension d, and false when d is not rated (or
// not valid).
func (r Ratings) Of(d Dimension) (Rating, bool) {
	if !r.rated.Has(d) {
		return Rating{}, false
	}
	return r.of[d-1], true
}

// Risk returns the risk of dimension d, and false when d is not rated.
func (r Ratings) Risk(d Dimension) (Risk, bool) {
	v, ok := r.Of(d)
	return v.Risk, ok
}

// Rated returns the dimensions that are rated.
func (r Ratings) Rated() iop.Set[Dimension] { return r.rated }

// IsComplete reports whether all six dimensions are rated.
func (r Ratings) IsComplete() bool { return r.rated == iop.SetOf(iop.All[Dimension]()...) }

// IsZero reports whether r rates nothing.
func (r Ratings) IsZero() bool { return r == Ratings{} }

// Highest returns the highest risk among the rated dimensions, and the
// dimensions that have it. It returns Risk0 and the empty set when none is
// rated.
func (r Ratings) Highest() (Risk, iop.Set[Dimension]) {
	var top Risk
	var set iop.Set[Dimension]
	for d := Dimension1; d <= Dimension6; d++ {
		v, ok := r.Of(d)
		switch {
		case !ok:
		case set == 0 || v.Risk > top:
			top, set = v.Risk, iop.SetOf[Dimension](d)
		case v.Risk == top:
			set = set | iop.SetOf[Dimension](d)
		}
	}
	return top, set
}

type ratingsJSON struct {
	D1 *Rating `json:"D1,omitempty"`
	D2 *Rating `json:"D2,omitempty"`
	D3 *Rating `json:"D3,omitempty"`
	D4 *Rating `json:"D4,omitempty"`
	D5 *Rating `json:"D5,omitempty"`
	D6 *Rating `json:"D6,omitempty"`
}

func (v *ratingsJSON) fields() [NumDimensions]**Rating {
	return [...]**Rating{&v.D1, &v.D2, &v.D3, &v.D4, &v.D5, &v.D6}
}

// MarshalJSON writes the rated dimensions as an object keyed by dimension;
// a risk above 4 is an error.
func (r Ratings) MarshalJSON() ([]byte, error) {
	var v ratingsJSON
	for i, f := range v.fields() {
		if rating, ok := r.Of(Dimension(i + 1)); ok {
			*f = &rating
		}
	}
	return json.Marshal(v)
}

// UnmarshalJSON reads the object [Ratings.MarshalJSON] writes, strictly,
// reporting every error; a dimension that is absent or null is not rated.
func (r *Ratings) UnmarshalJSON(data []byte) error {
	var v ratingsJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	var out Ratings
	for i, f := range v.fields() {
		if *f != nil {
			out = out.With(Dimension(i+1), **f)
		}
	}
	*r = out
	return nil
}

// Assessment is a multidimensional assessment: the ASAM edition it follows,
// the day it was made, the population of the person, the risk rating of each
// dimension and the modifiers that were found. It holds no identifying
// detail: ID and the note IDs are opaque record IDs chosen by the caller.
//
// The zero Assessment is unset and not valid. An Assessment is a
// comparable value, safe for concurrent use; check it with
// [Assessment.Validate]. Decode it from JSON with [ParseAssessment].
type Assessment struct {
	// ID is the opaque record ID of the assessment; findings name it as
	// their subject. It is required, and must be one [iop.CheckID]
	// accepts.
	ID         string            `json:"id,omitzero"`
	Edition    iop.Edition       `json:"edition,omitzero"`
	Date       date.Date         `json:"date,omitzero"`
	Population iop.Population    `json:"population,omitzero"`
	Ratings    Ratings           `json:"ratings,omitzero"`
	Modifiers  iop.Set[Modifier] `json:"modifiers,omitzero"`
	// Patient is what the assessment documents of a payer's patient
	// criteria (Medicare 410.43(c), 410.44(c)); the zero value records
	// none, and an admission under a profile that requires them is then
	// not judged on them.
	Patient PatientRecord `json:"patient,omitzero"`
}

// IsZero reports whether a is the zero Assessment.
func (a Assessment) IsZero() bool { return a == Assessment{} }

// Validate reports every problem with a, in field order, as [iop.FieldErrors]
// naming each field by its JSON path ("ratings.D3"): an ID that
// [iop.CheckID] refuses (missing, too long, not valid UTF-8, or holding
// control characters), a missing or unknown edition or population, a
// missing date or one outside the plausible range of [iop.CheckServiceDate]
// (1970-01-01 to 2199-12-31), a dimension not rated, a risk above 4, a
// note ID that iop.CheckID refuses, unknown modifiers, and an adolescent
// assessed under the 4th edition, which does not cover adolescents (the 3rd
// edition still governs them). It returns nil when a is valid, without
// allocating.
func (a Assessment) Validate() error {
	var errs iop.FieldErrors
	checkID(&errs, "id", a.ID, true)
	switch {
	case a.Edition == 0:
		errs.Add("edition", iop.ErrMissing)
	case !a.Edition.IsValid():
		errs.Add("edition", iop.ErrUnknown)
	}
	if err := iop.CheckServiceDate(a.Date); err != nil {
		errs.Add("date", err)
	}
	switch {
	case a.Population == 0:
		errs.Add("population", iop.ErrMissing)
	case !a.Population.IsValid():
		errs.Add("population", iop.ErrUnknown)
	case a.Population == iop.PopulationAdolescent && a.Edition == iop.Edition4:
		errs.Add("population", errPopulationNotInEdition)
	}
	for d := Dimension1; d <= Dimension6; d++ {
		r, ok := a.Ratings.Of(d)
		switch {
		case !ok:
			errs.Add("ratings."+d.String(), errNotRated)
		case !r.Risk.IsValid():
			errs.Add("ratings."+d.String()+".risk", errRiskRange)
		}
		if ok && r.Note != "" {
			if err := iop.CheckID(r.Note); err != nil {
				errs.Add("ratings."+d.String()+".note", err)
			}
		}
	}
	if !a.Modifiers.IsValid() {
		errs.Add("modifiers", iop.ErrUnknown)
	}
	a.Patient.validate(&errs, "patient")
	return errs.Err()
}

// ParseAssessment decodes an assessment from JSON strictly and validates
// it: an unknown or repeated field, an unknown dimension, rating, modifier,
// edition or population, a rating without its risk, a date that does not
// exist ("2025-02-30") or a problem [Assessment.Validate] finds is an error
// naming the field. Every error is reported, as [iop.FieldErrors]; a
// refused assessment comes back as the zero Assessment. Input above 8 MiB
// is refused ([iop.ErrTooLarge]), and so is input that is not valid UTF-8
// ([iop.ErrSyntax]).
func ParseAssessment(data []byte) (Assessment, error) { return check.Parse[Assessment](data) }

// UnmarshalJSON decodes an assessment strictly, as [ParseAssessment] does,
// but does not validate it beyond its record IDs and date: an ID or note
// ID that [iop.CheckID] refuses and a date that [iop.CheckServiceDate]
// refuses are errors here as in [Assessment.Validate], so that a value
// decoded from JSON never holds a record ID that a CSV reader or Validate
// would refuse. Leaving the ID or the date out is left to Validate.
func (a *Assessment) UnmarshalJSON(data []byte) error {
	var v Assessment
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	checkID(&errs, "id", v.ID, false)
	if v.Date != date.Zero {
		if err := iop.CheckServiceDate(v.Date); err != nil {
			errs.Add("date", err)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	*a = v
	return nil
}
