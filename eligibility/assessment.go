package eligibility

import (
	"encoding/json"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Rating is the risk rating of one dimension, with the ID of the clinical
// note that supports it. The zero Rating is unset: the dimension was not
// rated. Ratings are comparable and safe for concurrent use.
type Rating struct {
	Risk Risk `json:"risk,omitzero"`
	// Note is the opaque record ID of the note that documents the rating,
	// chosen by the caller; it may be empty. Findings and reasons repeat it;
	// it must never be a name or other identifying detail.
	Note string `json:"note,omitzero"`
}

// Ratings holds the rating of each of the six dimensions. Index it with
// [Ratings.Of] and change it with [Ratings.With]. In JSON it is an object
// keyed by dimension: {"D1": {"risk": 2, "note": "n-17"}, ...}; decoding
// refuses unknown and repeated keys. Ratings are comparable.
type Ratings [NumDimensions]Rating

// NewRatings returns the ratings d1 to d6, without notes.
func NewRatings(d1, d2, d3, d4, d5, d6 Risk) Ratings {
	return Ratings{{Risk: d1}, {Risk: d2}, {Risk: d3}, {Risk: d4}, {Risk: d5}, {Risk: d6}}
}

// Of returns the rating of dimension d, or the zero Rating for an invalid d.
func (r Ratings) Of(d Dimension) Rating {
	if !d.IsValid() {
		return Rating{}
	}
	return r[d-1]
}

// With returns r with dimension d rated v; an invalid d leaves r unchanged.
func (r Ratings) With(d Dimension, v Rating) Ratings {
	if d.IsValid() {
		r[d-1] = v
	}
	return r
}

// Highest returns the highest rating among the dimensions, and the
// dimensions that have it. It returns the zero Risk when none is rated.
func (r Ratings) Highest() (Risk, DimensionSet) {
	var top Risk
	var set DimensionSet
	for _, d := range Dimensions() {
		switch v := r.Of(d).Risk; {
		case v > top:
			top, set = v, SetOf(d)
		case v == top && v != 0:
			set = set.With(d)
		}
	}
	return top, set
}

type ratingsJSON struct {
	D1 Rating `json:"D1,omitzero"`
	D2 Rating `json:"D2,omitzero"`
	D3 Rating `json:"D3,omitzero"`
	D4 Rating `json:"D4,omitzero"`
	D5 Rating `json:"D5,omitzero"`
	D6 Rating `json:"D6,omitzero"`
}

// MarshalJSON writes the ratings as an object keyed by dimension, leaving
// out dimensions that are not rated.
func (r Ratings) MarshalJSON() ([]byte, error) {
	return json.Marshal(ratingsJSON{r[0], r[1], r[2], r[3], r[4], r[5]})
}

// UnmarshalJSON reads the object [Ratings.MarshalJSON] writes, strictly.
func (r *Ratings) UnmarshalJSON(b []byte) error {
	var v ratingsJSON
	if err := strictjson.Decode(b, &v); err != nil {
		return err
	}
	*r = Ratings{v.D1, v.D2, v.D3, v.D4, v.D5, v.D6}
	return nil
}

// Assessment is a multidimensional assessment: the ASAM edition it follows,
// the day it was made, the population of the person, the risk rating of each
// dimension and the modifiers that were found. It holds no identifying
// detail: ID and the note IDs are opaque record IDs chosen by the caller.
//
// The zero Assessment is unset. An Assessment is a comparable value, safe
// for concurrent use; check it with [Assessment.Validate]. Decode it from
// JSON with [ParseAssessment].
type Assessment struct {
	// ID is the opaque record ID of the assessment; findings name it as
	// their subject.
	ID         string         `json:"id,omitzero"`
	Edition    iop.Edition    `json:"edition,omitzero"`
	Date       date.Date      `json:"date,omitzero"`
	Population iop.Population `json:"population,omitzero"`
	Ratings    Ratings        `json:"ratings,omitzero"`
	Modifiers  Modifiers      `json:"modifiers,omitzero"`
}

// IsZero reports whether a is the zero Assessment.
func (a Assessment) IsZero() bool { return a == Assessment{} }

// Validate reports every problem with a, in field order, as [iop.Errors] of
// [*iop.FieldError] naming each field by its JSON path ("ratings.D3"): a
// missing or unknown edition or population, a missing date, a dimension
// not rated or rated outside 0-4, unknown modifiers, and an adolescent
// assessed under the 4th edition, which does not cover adolescents (the 3rd
// edition still governs them). It returns nil when a is valid, without
// allocating.
func (a Assessment) Validate() error {
	var errs iop.Errors
	add := func(field string, err error) { errs = append(errs, &iop.FieldError{Field: field, Err: err}) }
	switch {
	case a.Edition == 0:
		add("edition", iop.ErrMissing)
	case !a.Edition.IsValid():
		add("edition", iop.ErrUnknownEdition)
	}
	if a.Date == date.Zero {
		add("date", iop.ErrMissing)
	}
	switch {
	case a.Population == 0:
		add("population", iop.ErrMissing)
	case !a.Population.IsValid():
		add("population", iop.ErrUnknownPopulation)
	case a.Population == iop.Adolescent && a.Edition == iop.Edition4:
		add("population", ErrPopulationNotInEdition)
	}
	for _, d := range Dimensions() {
		switch r := a.Ratings.Of(d).Risk; {
		case r == 0:
			add("ratings."+d.String(), iop.ErrMissing)
		case !r.IsValid():
			add("ratings."+d.String(), ErrUnknownRisk)
		}
	}
	if !a.Modifiers.IsValid() {
		add("modifiers", ErrUnknownModifier)
	}
	return errs.Err()
}

// ParseAssessment decodes an assessment from JSON strictly and validates
// it: an unknown or repeated field, an unknown dimension, rating, modifier,
// edition or population, a date that does not exist ("2025-02-30") or a
// problem [Assessment.Validate] finds is an error naming the field.
func ParseAssessment(data []byte) (Assessment, error) {
	var a Assessment
	if err := a.UnmarshalJSON(data); err != nil {
		return Assessment{}, err
	}
	if err := a.Validate(); err != nil {
		return Assessment{}, err
	}
	return a, nil
}

// UnmarshalJSON decodes an assessment strictly, as [ParseAssessment] does,
// but does not validate it.
func (a *Assessment) UnmarshalJSON(data []byte) error {
	type plain Assessment
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	*a = Assessment(v)
	return nil
}
