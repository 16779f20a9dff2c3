package eligibility

import (
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// Criterion maps one risk rating of one dimension to the levels of care it rules
// in: levels less intensive than Min are ruled out (not safe, or not enough
// care, for that rating); Min to Max are ruled in (the rating justifies
// them); levels more intensive than Max are more care than the rating alone
// justifies, though another dimension may need them. Both ends are
// included and must be levels of the [Criteria]. Every rule carries the
// citation of its source.
//
// Criteria are comparable values, safe for concurrent use. In JSON "risk" is
// always written and must be given, since the zero Risk is the rating 0.
type Criterion struct {
	Dimension Dimension    `json:"dimension,omitzero"`
	Risk      Risk         `json:"risk"`
	Min       iop.Level    `json:"min,omitzero"`
	Max       iop.Level    `json:"max,omitzero"`
	Cite      iop.Citation `json:"cite,omitzero"`
}

// String returns "D3 risk 2: 2.1-2.5".
func (r Criterion) String() string {
	return r.Dimension.String() + " risk " + r.Risk.String() + ": " + r.Min.String() + "-" + r.Max.String()
}

// UnmarshalJSON decodes a rule strictly, reporting every error: "risk"
// must be given.
func (r *Criterion) UnmarshalJSON(data []byte) error {
	var v struct {
		Dimension Dimension    `json:"dimension"`
		Risk      *Risk        `json:"risk"`
		Min       iop.Level    `json:"min"`
		Max       iop.Level    `json:"max"`
		Cite      iop.Citation `json:"cite"`
	}
	errs, _ := decodeJSON(data, &v).(iop.FieldErrors)
	if v.Risk == nil && !slices.ContainsFunc(errs, func(e *iop.FieldError) bool { return e.Field == "risk" || e.Field == "" }) {
		errs.Add("risk", errNoRisk)
	}
	if err := errs.Err(); err != nil {
		return err
	}
	*r = Criterion{Dimension: v.Dimension, Risk: *v.Risk, Min: v.Min, Max: v.Max, Cite: v.Cite}
	return nil
}

// ModifierRule says what a modifier does to a decision: when Floor is set,
// the recommended level is at least Floor (a modifier can raise the level,
// never lower it); when Floor is zero the modifier is recorded in the
// decision's reasons and changes no level.
type ModifierRule struct {
	Modifier Modifier     `json:"modifier,omitzero"`
	Floor    iop.Level    `json:"floor,omitzero"`
	Cite     iop.Citation `json:"cite,omitzero"`
}

// Criteria are level-of-care criteria as data: the levels of care they
// place into, in ascending intensity; a [Criterion] for every risk rating (0-4)
// of every dimension (1-6); and [ModifierRule]s. They combine as the public
// sources describe: the level follows the highest-risk dimensions, never an
// average. Each dimension's rating rules out the levels below its rule's
// Min; the recommended level is the most intensive of those minimums over
// the six dimensions (the safety dimensions 1-3 and the intensity
// dimensions 4-6 are reported apart), raised by any modifier floor. See
// [Checker.Decide].
//
// [DefaultCriteria] returns the set this library builds from public sources
// (3rd edition). Users load their own, such as licensed ASAM criteria or a
// state's or payer's, with [ParseCriteria], which refuses gaps and
// contradictions ([Criteria.Validate]).
//
// Criteria hold slices, so they are not comparable: use [Criteria.Equal].
// They are safe for concurrent use as long as no one writes to them; a
// [Checker] keeps its own copy.
type Criteria struct {
	// ID identifies the criteria and their version: "ioprules-public-3rd-v1".
	ID    string `json:"id"`
	Title string `json:"title"`
	// Edition is the ASAM edition the criteria are written for; an
	// assessment of another edition is refused.
	Edition iop.Edition `json:"edition,omitzero"`
	// Population limits the criteria to adults or adolescents; zero means
	// both.
	Population iop.Population `json:"population,omitzero"`
	// Source is the citation of the criteria as a whole.
	Source iop.Citation `json:"source,omitzero"`
	// Levels are the levels of care the criteria place into, in strictly
	// ascending intensity. Withdrawal-management levels and OTS of the 3rd
	// edition are not placement levels.
	Levels    []iop.Level    `json:"levels,omitzero"`
	Rules     []Criterion    `json:"rules,omitzero"`
	Modifiers []ModifierRule `json:"modifiers,omitzero"`
}

// Equal reports whether c and d hold the same criteria.
func (c Criteria) Equal(d Criteria) bool {
	return c.ID == d.ID && c.Title == d.Title && c.Edition == d.Edition &&
		c.Population == d.Population && c.Source == d.Source &&
		slices.Equal(c.Levels, d.Levels) && slices.Equal(c.Rules, d.Rules) &&
		slices.Equal(c.Modifiers, d.Modifiers)
}

// IsZero reports whether c is the zero Criteria.
func (c Criteria) IsZero() bool { return c.Equal(Criteria{}) }

// Clone returns a copy of c that shares no memory with it.
func (c Criteria) Clone() Criteria {
	c.Levels = slices.Clone(c.Levels)
	c.Rules = slices.Clone(c.Rules)
	c.Modifiers = slices.Clone(c.Modifiers)
	return c
}

// RuleFor returns the first rule for rating r of dimension d, its index in
// c.Rules, and false when there is none.
func (c Criteria) RuleFor(d Dimension, r Risk) (Criterion, int, bool) {
	for i, rule := range c.Rules {
		if rule.Dimension == d && rule.Risk == r {
			return rule, i, true
		}
	}
	return Criterion{}, -1, false
}

// ParseCriteria decodes criteria from JSON strictly and validates them: an
// unknown or repeated field, an unknown level, dimension, rating or
// modifier, a rule without its risk, a gap (a rating no rule maps), a
// contradiction or a rating that maps to nothing is an error naming the
// field. Every problem is reported, as [iop.FieldErrors]; refused criteria
// come back as the zero Criteria. Input above 8 MiB is refused
// ([iop.ErrTooLarge]), and so is input that is not valid UTF-8
// ([iop.ErrSyntax]).
func ParseCriteria(data []byte) (Criteria, error) { return check.Parse[Criteria](data) }

// UnmarshalJSON decodes criteria strictly, as [ParseCriteria] does, but
// does not validate them beyond their ID: an ID that [iop.CheckID] refuses
// is an error here as in [Criteria.Validate].
func (c *Criteria) UnmarshalJSON(data []byte) error {
	var v Criteria
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	checkID(&errs, "id", v.ID, false)
	if err := errs.Err(); err != nil {
		return err
	}
	*c = v
	return nil
}

// levelSet is a set of levels of care, as a bit per iop.Level value.
type levelSet uint32

func (s levelSet) with(l iop.Level) levelSet {
	if !l.IsValid() || l >= 32 {
		return s
	}
	return s | 1<<l
}

func (s levelSet) has(l iop.Level) bool { return l.IsValid() && l < 32 && s&(1<<l) != 0 }

// levels returns the levels of s in ascending intensity, as a new slice.
func (s levelSet) levels() []iop.Level {
	var out []iop.Level
	for _, l := range iop.All[iop.Level]() {
		if s.has(l) {
			out = append(out, l)
		}
	}
	slices.SortStableFunc(out, iop.Level.Compare)
	return out
}

// higher returns the more intensive of a and b; an unset level loses.
func higher(a, b iop.Level) iop.Level {
	if a == 0 || b.Compare(a) > 0 {
		return b
	}
	return a
}

// indexField returns the JSON path of element i of the array name: "rules[7]".
func indexField(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }
