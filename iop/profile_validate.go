package iop

import (
	"fmt"
	"slices"
	"strconv"
)

// Limits that no rule can exceed, used to refuse absurd profiles.
const (
	minutesPerWeek = 7 * 24 * 60
	minutesPerDay  = 24 * 60
	maxAge         = 130
	maxDays        = 3660 // ten years of days: longer than any interval a rule states
)

// validator collects field errors in the order of the checks.
type validator struct{ errs FieldErrors }

func (v *validator) add(field string, err error) {
	v.errs.Add(field, err)
}

func (v *validator) nonNegative(field string, n int) {
	if n < 0 {
		v.add(field, fmt.Errorf("%w: negative", ErrOutOfRange))
	}
}

func (v *validator) atMost(field string, n, max int) {
	if n > max {
		v.add(field, fmt.Errorf("%w: above %d", ErrOutOfRange, max))
	}
}

func (v *validator) count(field string, n, max int) {
	v.nonNegative(field, n)
	v.atMost(field, n, max)
}

func (v *validator) cited(field string, set bool, c Citation) {
	if set && c.Source == "" {
		v.add(field, fmt.Errorf("%w: citation", ErrMissing))
	}
}

func (v *validator) band(field string, b Band, max Minutes) {
	v.count(field+".min", int(b.Min), int(max))
	v.count(field+".max", int(b.Max), int(max))
	if b.Max != 0 && b.Min > b.Max {
		v.add(field, fmt.Errorf("%w: min %s, max %s", ErrOrder, b.Min, b.Max))
	}
}

// Validate reports every inconsistency in p, in the order of its fields, as
// [FieldErrors] naming each field by its JSON path. It checks
// that the identity is complete (ID, title, a valid level defined in the
// edition, a start date, an end after the start, a source); that no number
// is negative or beyond what a week, a day or a life holds; that no minimum
// is above its maximum; that every rule group that is set has a citation;
// that a profile with a weekly minimum says how partial weeks count and
// which sessions count; that service tiers ascend; that the scope names its
// reach (and its states, for a state or contractor rule); that claim rules
// are well-formed codes; and that each rule setting names a rule of a
// checking package once, with a valid severity or off, and a citation. It
// returns nil when p is valid.
func (p Profile) Validate() error {
	var v validator
	if p.ID == "" {
		v.add("id", ErrMissing)
	}
	if p.Title == "" {
		v.add("title", ErrMissing)
	}
	switch {
	case p.Level == 0:
		v.add("level", ErrMissing)
	case !p.Level.IsValid():
		v.add("level", ErrUnknown)
	case p.Edition != 0 && !p.Edition.IsValid():
		v.add("edition", ErrUnknown)
	case p.Edition != 0 && !p.Level.InEdition(p.Edition):
		v.add("level", fmt.Errorf("%w: %s in the %s edition", ErrUnknown, p.Level, p.Edition))
	}
	if p.From == 0 {
		v.add("from", ErrMissing)
	}
	if p.Until != 0 && p.Until <= p.From {
		v.add("until", fmt.Errorf("%w: until must be after from", ErrOrder))
	}
	v.cited("source", true, p.Source)
	p.Scope.validate(&v)

	a := p.Ages
	v.count("ages.adult_age", a.AdultAge, maxAge)
	v.count("ages.min_age", a.MinAge, maxAge)
	v.count("ages.adolescent_max_age", a.AdolescentMaxAge, maxAge)
	v.count("ages.adult_min_age", a.AdultMinAge, maxAge)
	if a != (AgeRules{Cite: a.Cite}) {
		if a.AdultAge == 0 {
			v.add("ages.adult_age", ErrMissing)
		}
		if a.MinAge != 0 && a.MinAge >= a.AdultAge {
			v.add("ages.min_age", fmt.Errorf("%w: min_age %d, adult_age %d", ErrOrder, a.MinAge, a.AdultAge))
		}
		if a.AdolescentMaxAge != 0 && a.AdolescentMaxAge < a.AdultAge-1 {
			v.add("ages.adolescent_max_age", fmt.Errorf("%w: below adult_age - 1", ErrOutOfRange))
		}
		if a.AdultMinAge > a.AdultAge {
			v.add("ages.adult_min_age", fmt.Errorf("%w: adult_min_age %d, adult_age %d", ErrOrder, a.AdultMinAge, a.AdultAge))
		}
	}
	v.cited("ages.cite", a != (AgeRules{Cite: a.Cite}), a.Cite)

	w := p.Weekly
	v.band("weekly.adult", w.Adult, minutesPerWeek)
	v.band("weekly.adolescent", w.Adolescent, minutesPerWeek)
	weekly := w.Adult != (Band{}) || w.Adolescent != (Band{})
	v.cited("weekly.cite", weekly, w.Cite)
	if w.Above != 0 && !w.Above.IsValid() {
		v.add("weekly.above", ErrUnknown)
	}

	d := p.Daily
	v.count("daily.min_days", d.MinDays, 7)
	v.count("daily.min_day_minutes", int(d.MinDayMinutes), minutesPerDay)
	if d.MinDays > 0 && d.MinDayMinutes > 0 && w.Adult.Max > 0 && Minutes(d.MinDays)*d.MinDayMinutes > w.Adult.Max {
		v.add("daily", fmt.Errorf("%w: min_days x min_day_minutes above weekly.adult.max", ErrOrder))
	}
	v.cited("daily.cite", d != (DailyRules{Cite: d.Cite}), d.Cite)

	pw := p.PartialWeeks
	for _, f := range []struct {
		name string
		w    PartialWeek
	}{{"partial_weeks.first", pw.First}, {"partial_weeks.last", pw.Last}} {
		switch {
		case f.w == 0 && weekly:
			v.add(f.name, fmt.Errorf("%w: a profile with a weekly minimum must say how partial weeks count", ErrMissing))
		case f.w != 0 && !f.w.IsValid():
			v.add(f.name, ErrUnknown)
		}
	}
	v.cited("partial_weeks.cite", pw != (PartialWeekRules{Cite: pw.Cite}), pw.Cite)

	v.count("step_down.weeks", p.StepDown.Weeks, 52)
	v.cited("step_down.cite", p.StepDown.Weeks != 0, p.StepDown.Cite)

	st := p.ServiceTiers
	for i, t := range st.Tiers {
		field := "service_tiers.tiers[" + strconv.Itoa(i) + "]"
		if t.MinServices <= 0 {
			v.add(field+".min_services", fmt.Errorf("%w: must be at least 1", ErrOutOfRange))
		}
		if t.Name == "" {
			v.add(field+".name", ErrMissing)
		}
		if i > 0 && t.MinServices <= st.Tiers[i-1].MinServices {
			v.add(field+".min_services", fmt.Errorf("%w: tiers must ascend", ErrOrder))
		}
	}
	v.cited("service_tiers.cite", len(st.Tiers) > 0, st.Cite)

	c := p.Certification
	v.count("certification.initial_days", c.InitialDays, maxDays)
	v.count("certification.first_recert_day", c.FirstRecertDay, maxDays)
	v.count("certification.recert_days", c.RecertDays, maxDays)
	v.count("certification.recert_months", c.RecertMonths, maxDays/30)
	if c.RecertDays != 0 && c.RecertMonths != 0 {
		v.add("certification.recert_months", fmt.Errorf("%w: set recert_days or recert_months, not both", ErrOrder))
	}
	if c.FirstRecertCount != 0 && !c.FirstRecertCount.IsValid() {
		v.add("certification.first_recert_count", ErrUnknown)
	}
	v.count("certification.plan_review_days", c.PlanReviewDays, maxDays)
	if c.FirstRecertDay != 0 && c.FirstRecertDay <= c.InitialDays {
		v.add("certification.first_recert_day", fmt.Errorf("%w: must come after initial_days", ErrOrder))
	}
	v.cited("certification.cite", c != (CertificationRules{Cite: c.Cite}), c.Cite)

	s := p.Stay
	v.count("stay.typical_min_days", s.TypicalMinDays, maxDays)
	v.count("stay.typical_max_days", s.TypicalMaxDays, maxDays)
	v.count("stay.justify_after_days", s.JustifyAfterDays, maxDays)
	if s.TypicalMaxDays != 0 && s.TypicalMinDays > s.TypicalMaxDays {
		v.add("stay", fmt.Errorf("%w: typical_min_days %d, typical_max_days %d", ErrOrder, s.TypicalMinDays, s.TypicalMaxDays))
	}
	v.cited("stay.cite", s != (StayRules{Cite: s.Cite}), s.Cite)

	g := p.Group
	const maxGroup = 1000
	v.count("group.min_size", g.MinSize, maxGroup)
	v.count("group.max_size", g.MaxSize, maxGroup)
	if g.MaxSize != 0 && g.MinSize > g.MaxSize {
		v.add("group", fmt.Errorf("%w: min_size %d, max_size %d", ErrOrder, g.MinSize, g.MaxSize))
	}
	if !g.EducationKinds.IsValid() {
		v.add("group.education_kinds", ErrUnknown)
	}
	v.count("group.education_min_size", g.EducationMinSize, maxGroup)
	v.count("group.education_max_size", g.EducationMaxSize, maxGroup)
	if g.EducationKinds.IsZero() && (g.EducationMinSize != 0 || g.EducationMaxSize != 0) {
		v.add("group.education_kinds", fmt.Errorf("%w: education sizes need the kinds they apply to", ErrMissing))
	}
	if !g.EducationKinds.IsZero() && g.EducationMinSize == 0 && g.EducationMaxSize == 0 {
		v.add("group.education_max_size", fmt.Errorf("%w: education_kinds need an education size", ErrMissing))
	}
	if emin, emax := g.educationSizes(); !g.EducationKinds.IsZero() && emax > 0 && emin > emax {
		v.add("group", fmt.Errorf("%w: education min %d, max %d", ErrOrder, emin, emax))
	}
	if !g.LicensedExempt.IsValid() {
		v.add("group.licensed_exempt", ErrUnknown)
	}
	v.count("group.min_facilitators", g.MinFacilitators, maxGroup)
	v.count("group.co_facilitator_above", g.CoFacilitatorAbove, maxGroup)
	v.count("group.max_per_facilitator", g.MaxPerFacilitator, maxGroup)
	v.count("group.young_adult_max_age", g.YoungAdultMaxAge, maxAge)
	if g.YoungAdultMaxAge != 0 && a.AdultAge != 0 && g.YoungAdultMaxAge < a.AdultAge {
		v.add("group.young_adult_max_age", fmt.Errorf("%w: below ages.adult_age", ErrOutOfRange))
	}
	v.cited("group.cite", g != (GroupRules{Cite: g.Cite}), g.Cite)

	for i, fw := range p.FollowUp.Windows {
		field := "follow_up.windows[" + strconv.Itoa(i) + "]"
		if fw.Name == "" {
			v.add(field+".name", ErrMissing)
		}
		for _, prev := range p.FollowUp.Windows[:i] {
			if fw.Name != "" && prev.Name == fw.Name {
				v.add(field+".name", ErrDuplicate)
			}
		}
		if fw.Days <= 0 {
			v.add(field+".days", fmt.Errorf("%w: must be at least 1", ErrOutOfRange))
		}
		v.atMost(field+".days", fw.Days, maxDays)
		v.count(field+".contacts", fw.Contacts, 100)
		if fw.After != "" && !slices.ContainsFunc(p.FollowUp.Windows[:i], func(prev FollowUpWindow) bool { return prev.Name == fw.After }) {
			v.add(field+".after", fmt.Errorf("%w: no earlier window has this name", ErrMissing))
		}
		v.cited(field+".cite", true, fw.Cite)
	}
	p.Counting.validate(&v)
	p.Claims.validate(&v)
	if (weekly || d != (DailyRules{Cite: d.Cite})) && p.Counting.IsZero() {
		v.add("counting", fmt.Errorf("%w: a profile with weekly or daily rules must say which sessions count", ErrMissing))
	}
	validateSettings(&v, p.Rules)
	return v.errs.Err()
}

// isCheckingPackage reports whether pkg is a package whose rules a profile
// may set.
func isCheckingPackage(pkg string) bool {
	switch pkg {
	case "group", "schedule", "eligibility", "aftercare":
		return true
	}
	return false
}

func validateSettings(v *validator, rules []RuleSetting) {
	for i, s := range rules {
		field := "rules[" + strconv.Itoa(i) + "]"
		switch {
		case s.Code == "":
			v.add(field+".code", ErrMissing)
		case !isCheckingPackage(s.Code.Package()):
			v.add(field+".code", fmt.Errorf("%w: not a rule of group, schedule, eligibility or aftercare", ErrUnknown))
		case slices.ContainsFunc(rules[:i], func(r RuleSetting) bool { return r.Code == s.Code }):
			v.add(field+".code", ErrDuplicate)
		}
		switch {
		case s.Off && s.Severity != 0:
			v.add(field+".severity", fmt.Errorf("%w: a rule turned off has no severity", ErrOrder))
		case !s.Off && s.Severity == 0:
			v.add(field+".severity", fmt.Errorf("%w: set a severity or off", ErrMissing))
		case !s.Off && !s.Severity.IsValid():
			v.add(field+".severity", ErrUnknown)
		}
		v.cited(field+".cite", true, s.Cite)
	}
}
