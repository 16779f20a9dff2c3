package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Recommendation is a level of care recommended by another tool, such as
// ASAM's licensed decision software (CONTINUUM, CO-Triage) that EHRs host:
// the level, the ASAM edition it belongs to, the tool's name as the source,
// and what the tool gave with it (the ratings of the six dimensions, the
// modifiers the assessment found). [Checker.Recommended] turns it into a
// [Decision], so that [Decision.Place], the variance findings and the IOP
// checks work on it as on a decision of [Checker.Decide]. It holds no
// identifying detail: ID and the note IDs are opaque record IDs.
//
// The zero Recommendation is not valid. Recommendations are comparable
// values, safe for concurrent use. Decode one from JSON with
// [ParseRecommendation]: {"id": "A-7", "source": "ASAM CONTINUUM",
// "edition": "3rd", "date": "2025-03-03", "population": "adult", "level":
// "2.1", "ratings": {...}, "modifiers": [...]}.
type Recommendation struct {
	// ID is the opaque record ID of the assessment the tool recommended
	// the level on; findings name it as their subject. It is required, and
	// must be one [iop.CheckID] accepts.
	ID string `json:"id,omitzero"`
	// Source is the name of the tool that recommended the level: "ASAM
	// CONTINUUM", "ASAM CO-Triage". It is required, and is checked as a
	// record ID is ([iop.CheckID]: 1 to 128 bytes of UTF-8 without control
	// characters).
	Source string `json:"source,omitzero"`
	// Edition is the ASAM edition of the level; required.
	Edition iop.Edition `json:"edition,omitzero"`
	// Date is the day of the recommendation; required, and within the
	// range of [iop.CheckServiceDate].
	Date date.Date `json:"date,omitzero"`
	// Population is adult or adolescent; required (the 4th edition does
	// not cover adolescents). The IOP checks take the weekly band of it.
	Population iop.Population `json:"population,omitzero"`
	// Level is the level of care the tool recommends: a placement level of
	// the edition (not a withdrawal-management level or OTS of the 3rd
	// edition: record withdrawal management as [ModifierWithdrawalMonitoring]).
	Level iop.Level `json:"level,omitzero"`
	// Ratings are the tool's risk ratings, when it gives them: all six
	// dimensions, or none (the zero Ratings).
	Ratings Ratings `json:"ratings,omitzero"`
	// Modifiers are the modifiers of the assessment, when the EHR records
	// them; the IOP checks read some of them (imminent danger, stepping
	// down, withdrawal monitoring, co-occurring conditions).
	Modifiers iop.Set[Modifier] `json:"modifiers,omitzero"`
	// Patient is what the assessment documents of a payer's patient
	// criteria ([Assessment.Patient]); the zero value records none.
	Patient PatientRecord `json:"patient,omitzero"`
}

// recPaths names the fields of a recommendation in an error: as a
// Recommendation, or as the JSON of the Decision made from one.
type recPaths struct {
	id, source, edition, date, population, level, ratings, modifiers, patient string
}

func recommendationPaths() recPaths {
	return recPaths{"id", "source", "edition", "date", "population", "level", "ratings", "modifiers", "patient"}
}

func recommendedDecisionPaths() recPaths {
	return recPaths{"assessment.id", "source", "assessment.edition", "assessment.date", "assessment.population",
		"recommended", "assessment.ratings", "assessment.modifiers", "assessment.patient"}
}

// IsZero reports whether r is the zero Recommendation.
func (r Recommendation) IsZero() bool { return r == Recommendation{} }

// Validate reports every problem with r, in field order, as
// [iop.FieldErrors] naming each field by its JSON path: an ID or source
// that [iop.CheckID] refuses; a missing or unknown edition or population,
// or an adolescent under the 4th edition; a date that
// [iop.CheckServiceDate] refuses; a missing or unknown level, a level that
// does not exist in the edition ("level", [iop.ErrOutOfRange]) or that is
// a withdrawal-management level or OTS; ratings that leave a dimension out
// ("ratings.D4", [iop.ErrMissing]) unless none is given, a risk above 4, a
// note ID that iop.CheckID refuses; unknown modifiers. It returns nil when
// r is valid.
func (r Recommendation) Validate() error {
	var errs iop.FieldErrors
	r.validate(&errs, recommendationPaths())
	return errs.Err()
}

func (r *Recommendation) validate(errs *iop.FieldErrors, p recPaths) {
	checkID(errs, p.id, r.ID, true)
	checkID(errs, p.source, r.Source, true)
	switch {
	case r.Edition == 0:
		errs.Add(p.edition, iop.ErrMissing)
	case !r.Edition.IsValid():
		errs.Add(p.edition, iop.ErrUnknown)
	}
	if err := iop.CheckServiceDate(r.Date); err != nil {
		errs.Add(p.date, err)
	}
	switch {
	case r.Population == 0:
		errs.Add(p.population, iop.ErrMissing)
	case !r.Population.IsValid():
		errs.Add(p.population, iop.ErrUnknown)
	case r.Population == iop.PopulationAdolescent && r.Edition == iop.Edition4:
		errs.Add(p.population, errPopulationNotInEdition)
	}
	switch l := r.Level; {
	case l == 0:
		errs.Add(p.level, iop.ErrMissing)
	case !l.IsValid():
		errs.Add(p.level, iop.ErrUnknown)
	case l.IsWithdrawalManagement() || l == iop.LevelOTS:
		errs.Add(p.level, errWithdrawalAxis)
	case r.Edition.IsValid() && !l.InEdition(r.Edition):
		errs.Add(p.level, errLevelNotInEdition)
	}
	if !r.Ratings.IsZero() {
		for d := Dimension1; d <= Dimension6; d++ {
			rating, ok := r.Ratings.Of(d)
			switch {
			case !ok:
				errs.Add(p.ratings+"."+d.String(), errPartialRatings)
			case !rating.Risk.IsValid():
				errs.Add(p.ratings+"."+d.String()+".risk", errRiskRange)
			}
			if ok && rating.Note != "" {
				if err := iop.CheckID(rating.Note); err != nil {
					errs.Add(p.ratings+"."+d.String()+".note", err)
				}
			}
		}
	}
	if !r.Modifiers.IsValid() {
		errs.Add(p.modifiers, iop.ErrUnknown)
	}
	r.Patient.validate(errs, p.patient)
}

// ParseRecommendation decodes a recommendation from JSON strictly and
// validates it ([Recommendation.Validate]): an unknown or repeated field,
// an unknown edition, population, level, dimension or modifier, a date that
// does not exist ("2025-02-30"), input above 8 MiB ([iop.ErrTooLarge]) or
// not valid UTF-8 is an error naming the field. Every error is reported, as
// [iop.FieldErrors]; a refused recommendation comes back as the zero
// Recommendation.
func ParseRecommendation(data []byte) (Recommendation, error) {
	return check.Parse[Recommendation](data)
}

// UnmarshalJSON decodes a recommendation strictly, as
// [ParseRecommendation] does, but validates only its record IDs, its
// source and its date, as [Assessment.UnmarshalJSON] does.
func (r *Recommendation) UnmarshalJSON(data []byte) error {
	var v Recommendation
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	checkID(&errs, "id", v.ID, false)
	checkID(&errs, "source", v.Source, false)
	if v.Date != date.Zero {
		if err := iop.CheckServiceDate(v.Date); err != nil {
			errs.Add("date", err)
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	*r = v
	return nil
}

// Recommended returns the [Decision] for a level of care recommended by
// another tool, so that [Decision.Place], [Checker.CheckVariance],
// [Checker.CheckDecision], [Checker.CheckAdmission] and the review checks
// work on it. The decision's [Decision.Source] is the tool's name, and the
// findings that follow from the level (a level above IOP, a level given
// below the recommended one) cite the tool and the edition. The criteria
// of the checker are not applied: the level is the tool's. So:
//
//   - the recommended and the justified level are the tool's level (a
//     level given above it is more care than the decision justifies);
//   - the levels a variance may give are the placement levels of the
//     recommendation's edition;
//   - the safety and intensity levels are zero and no dimension drives
//     the level (the tool does not say which did);
//   - the reasons hold the tool's ratings and notes, when it gave them,
//     without levels, rule (-1) or citation; the modifiers have no rule
//     (-1) and set no floor.
//
// Recommended refuses, with the zero Decision and an [iop.FieldErrors], a
// recommendation that is not valid ([Recommendation.Validate]) and one of
// another edition than the checker's profile, when the profile names one
// ("edition", [iop.ErrOutOfRange]). It does not allocate.
func (ck Checker) Recommended(r Recommendation) (Decision, error) {
	if err := ck.ready(); err != nil {
		return Decision{}, err
	}
	var errs iop.FieldErrors
	r.validate(&errs, recommendationPaths())
	if err := errs.Err(); err != nil {
		return Decision{}, err
	}
	if err := ck.r.judge(r.Date); err != nil {
		return Decision{}, err
	}
	if e := ck.r.profile.Edition; e.IsValid() && r.Edition != e {
		return Decision{}, fieldError("edition", errProfileEdition)
	}
	return fromRecommendation(&r), nil
}

// fromRecommendation makes the decision of a valid recommendation: the one
// construction, shared by Recommended and Decision.UnmarshalJSON.
func fromRecommendation(r *Recommendation) Decision {
	d := Decision{
		assessment: Assessment{ID: r.ID, Edition: r.Edition, Date: r.Date, Population: r.Population,
			Ratings: r.Ratings, Modifiers: r.Modifiers, Patient: r.Patient},
		source: r.Source, continuum: editionLevels(r.Edition), recommended: r.Level, justified: r.Level,
	}
	if !r.Ratings.IsZero() {
		for dim := Dimension1; dim <= Dimension6; dim++ {
			rating := r.Ratings.of[dim-1]
			d.reasons[dim-1] = Reason{Dimension: dim, Risk: rating.Risk, Note: rating.Note, Rule: -1}
		}
	}
	for m := Modifier(1); m <= numModifiers; m++ {
		if r.Modifiers.Has(m) {
			d.modifiers[m-1] = ModifierReason{Modifier: m, Rule: -1}
		}
	}
	return d
}

// editionLevels returns the placement levels of edition e: its levels but
// the withdrawal-management levels and OTS of the 3rd edition.
func editionLevels(e iop.Edition) levelSet {
	var s levelSet
	for l := iop.Level(1); l.IsValid(); l++ {
		if l.InEdition(e) && !l.IsWithdrawalManagement() && l != iop.LevelOTS {
			s = s.with(l)
		}
	}
	return s
}
