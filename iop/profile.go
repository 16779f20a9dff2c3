package iop

import (
	"database/sql/driver"
	"slices"

	"github.com/ioprules/ioprules/internal/enum"

	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"
)

// Profile is a named, dated set of rule parameters: every number a check
// uses (weekly hours, service days, group sizes, certification intervals,
// follow-up windows, age limits), each group of parameters with the
// citation of its source. The library ships built-in profiles as functions
// ([MedicareIOP2024], [ASAM3Level21], ...); users build their own, or load
// them with [ParseProfile], and check them with [Profile.Validate].
//
// A rule group left at its zero value is not applied: a profile without
// [GroupRules] checks no group sizes. A rule group that is set must carry a
// citation.
//
// Profile is a value. It holds slices (service tiers, follow-up windows), so
// it is not comparable: use [Profile.Equal]. It is safe for concurrent use as
// long as no one writes to it; built-in profile functions return a fresh
// value on each call.
type Profile struct {
	// ID identifies the profile and its version: "medicare-iop-2024".
	ID string `json:"id"`
	// Title is a human-readable name.
	Title string `json:"title"`
	// Level is the level of care the profile governs.
	Level Level `json:"level"`
	// Edition is the ASAM edition in which Level is read; zero when the
	// profile is not tied to one (the Medicare benefit is defined by hours).
	Edition Edition `json:"edition,omitzero"`
	// From is the first day the profile is in force.
	From date.Date `json:"from"`
	// Until is the first day the profile is no longer in force; zero when
	// open-ended. The range From..Until is half-open.
	Until date.Date `json:"until,omitzero"`
	// Source is the citation of the profile as a whole.
	Source Citation `json:"source"`
	// Scope is where, by whom and for which provider settings the rules
	// bind: a contractor's rule binds only in its states.
	Scope Scope `json:"scope"`

	Ages          AgeRules           `json:"ages,omitzero"`
	Weekly        WeeklyRules        `json:"weekly,omitzero"`
	Daily         DailyRules         `json:"daily,omitzero"`
	PartialWeeks  PartialWeekRules   `json:"partial_weeks,omitzero"`
	StepDown      StepDownRules      `json:"step_down,omitzero"`
	ServiceTiers  ServiceTierRules   `json:"service_tiers,omitzero"`
	Certification CertificationRules `json:"certification,omitzero"`
	Stay          StayRules          `json:"stay,omitzero"`
	Counting      CountingRules      `json:"counting,omitzero"`
	Claims        ClaimRules         `json:"claims,omitzero"`
	Group         GroupRules         `json:"group,omitzero"`
	FollowUp      FollowUpRules      `json:"follow_up,omitzero"`

	// Rules change how the checks apply single rules under this profile:
	// another severity than the rule table's, or the rule turned off (a
	// payer contract that treats the weekly minimum as a warning). Each
	// setting names a rule code and cites its source.
	Rules []RuleSetting `json:"rules,omitzero"`
}

// RuleSetting changes how a profile applies one rule: Severity replaces
// the rule table's default, or Off turns the rule off. Exactly one of the
// two is set. The code must be one the checking package knows; its
// NewChecker refuses an unknown one.
type RuleSetting struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity,omitzero"`
	Off      bool     `json:"off,omitzero"`
	Cite     Citation `json:"cite"`
}

// Setting returns how p applies rule r: the severity its findings have,
// and false when p turns the rule off. A rule p does not name keeps the
// table's severity.
func (p *Profile) Setting(r Rule) (Severity, bool) {
	for _, s := range p.Rules {
		if s.Code == r.Code {
			return s.Severity, !s.Off
		}
	}
	return r.Severity, true
}

// AgeRules decide which population a person belongs to on a date.
type AgeRules struct {
	// AdultAge is the age at which a person is an adult: 18 in most rules,
	// 21 in DC's. Zero means the profile does not set it.
	AdultAge int `json:"adult_age,omitzero"`
	// MinAge is the youngest age the program serves: 12 for Illinois's
	// adolescent programs. Zero means no lower limit.
	MinAge int `json:"min_age,omitzero"`
	// AdolescentMaxAge is the oldest age a person may still be served in
	// adolescent treatment (22 in Illinois, with justification). Zero means
	// AdultAge - 1.
	AdolescentMaxAge int `json:"adolescent_max_age,omitzero"`
	// AdultMinAge is the youngest age a person may be served in adult
	// treatment (16 in Illinois, with justification). Zero means AdultAge.
	AdultMinAge int      `json:"adult_min_age,omitzero"`
	Cite        Citation `json:"cite,omitzero"`
}

// PopulationOn returns the population of a person born on birth, on day on:
// [Adolescent] below AdultAge, [Adult] from it. It returns an error wrapping
// [ErrMissing] when the rules set no adult age, [ErrBirthAfterDate] when
// birth is after on, and [ErrOutOfRange] when the person is below MinAge.
// The error never holds the dates.
func (r AgeRules) PopulationOn(birth, on date.Date) (Population, error) {
	if r.AdultAge <= 0 {
		return 0, &FieldError{Field: "ages.adult_age", Err: ErrMissing}
	}
	age, err := AgeOn(birth, on)
	if err != nil {
		return 0, err
	}
	return r.PopulationAt(age)
}

// PopulationAt returns the population of a person of age years, as
// [AgeRules.PopulationOn] does.
func (r AgeRules) PopulationAt(age int) (Population, error) {
	switch {
	case r.AdultAge <= 0:
		return 0, &FieldError{Field: "ages.adult_age", Err: ErrMissing}
	case age < 0 || age < r.MinAge:
		return 0, &FieldError{Field: "ages.min_age", Err: ErrOutOfRange}
	case age >= r.AdultAge:
		return Adult, nil
	}
	return Adolescent, nil
}

// MayJoin reports whether a person of age years may be served in a program
// for population p, counting the overlaps AdolescentMaxAge and AdultMinAge
// allow.
func (r AgeRules) MayJoin(age int, p Population) bool {
	if age < r.MinAge || r.AdultAge <= 0 {
		return false
	}
	switch p {
	case Adult:
		min := r.AdultAge
		if r.AdultMinAge > 0 {
			min = r.AdultMinAge
		}
		return age >= min
	case Adolescent:
		max := r.AdultAge - 1
		if r.AdolescentMaxAge > 0 {
			max = r.AdolescentMaxAge
		}
		return age <= max
	}
	return false
}

// Band is a range of weekly service minutes; both ends are included.
// Max zero means no maximum.
type Band struct {
	Min Minutes `json:"min"`
	Max Minutes `json:"max,omitzero"`
}

// Contains reports whether m is within the band.
func (b Band) Contains(m Minutes) bool { return b.Compare(m) == 0 }

// Compare places m against the band: -1 below Min, +1 above a Max that is
// set, 0 within. It is the one judgement of weekly minutes the library
// makes: schedule's weekly check and eligibility's admission check both
// call it.
func (b Band) Compare(m Minutes) int {
	switch {
	case m < b.Min:
		return -1
	case b.Max != 0 && m > b.Max:
		return +1
	}
	return 0
}

// WeeklyRules are the weekly minutes of service a patient must receive, per
// population. A zero Band for a population means the program does not serve
// it.
type WeeklyRules struct {
	Adult      Band `json:"adult,omitzero"`
	Adolescent Band `json:"adolescent,omitzero"`
	// Above is the level of care whose band the hours above a band's Max
	// fall in (level 2.5 above the 2.1 band); zero when the rules name none.
	Above Level    `json:"above,omitzero"`
	Cite  Citation `json:"cite,omitzero"`
}

// For returns the band for population p; the zero Band for an invalid p.
func (r WeeklyRules) For(p Population) Band {
	switch p {
	case Adult:
		return r.Adult
	case Adolescent:
		return r.Adolescent
	}
	return Band{}
}

// DailyRules are the per-day conditions of a service day, as a per-diem code
// defines them (H0015: at least 3 hours a day on at least 3 days a week).
type DailyRules struct {
	// MinDays is the fewest days with service a week must have.
	MinDays int `json:"min_days,omitzero"`
	// MinDayMinutes is the fewest minutes a day must have to count as a
	// day with service.
	MinDayMinutes Minutes  `json:"min_day_minutes,omitzero"`
	Cite          Citation `json:"cite,omitzero"`
}

// PartialWeekRules say how the first and the last week of an episode are
// held to the weekly minimum. Every profile with a weekly minimum must set
// both, because no federal rule does.
type PartialWeekRules struct {
	First PartialWeek `json:"first,omitzero"`
	Last  PartialWeek `json:"last,omitzero"`
	Cite  Citation    `json:"cite,omitzero"`
}

// StepDownRules are the allowance for a patient stepping down from this
// level: for Weeks weeks after the step-down the weekly minimum is not
// applied (several state manuals allow fewer than 9 (6) hours for 1 or 2
// weeks; unconfirmed as a general rule).
type StepDownRules struct {
	Weeks int      `json:"weeks,omitzero"`
	Cite  Citation `json:"cite,omitzero"`
}

// ServiceTier is a payment tier of a per-diem: a day with at least
// MinServices countable services is paid at this tier.
type ServiceTier struct {
	MinServices int `json:"min_services"`
	// Name names the tier: "3 services", "4 or more services".
	Name string `json:"name"`
	// APCs are the payment classifications of the tier by provider
	// setting, when the payer uses them (Medicare OPPS: 5861 for a
	// hospital's 3-service IOP day, 5851 for a CMHC's).
	APCs []SettingAPC `json:"apcs,omitzero"`
}

// SettingAPC is the payment classification of a tier in one setting.
type SettingAPC struct {
	Setting Setting `json:"setting"`
	APC     string  `json:"apc"`
}

// APC returns the tier's payment classification in setting s, and "" when
// the tier has none there (an RHC or FQHC is paid outside the APCs).
func (t ServiceTier) APC(s Setting) string {
	for _, a := range t.APCs {
		if a.Setting == s {
			return a.APC
		}
	}
	return ""
}

// ServiceTierRules are the per-day payment tiers by number of services, in
// ascending order of MinServices. A day with fewer services than the first
// tier needs is not paid as a program day.
type ServiceTierRules struct {
	Tiers []ServiceTier `json:"tiers,omitzero"`
	Cite  Citation      `json:"cite,omitzero"`
}

// TierFor returns the highest tier whose MinServices is at most services,
// and false when services reaches no tier.
func (r ServiceTierRules) TierFor(services int) (ServiceTier, bool) {
	for i := len(r.Tiers) - 1; i >= 0; i-- {
		if services >= r.Tiers[i].MinServices {
			return r.Tiers[i], true
		}
	}
	return ServiceTier{}, false
}

// DayCount says how the days of a deadline are counted: calendar days from
// admission, or days on which the program furnished services.
type DayCount uint8

// The ways of counting days.
const (
	_            DayCount = iota
	CalendarDays          // every calendar day from admission
	ServiceDays           // only the days with service
)

var dayCounts = enum.New[DayCount]("DayCount", "iop.ParseDayCount", enumFail, []string{
	CalendarDays: "calendar", ServiceDays: "service",
})

// AllDayCounts returns every way of counting days, in order.
func AllDayCounts() []DayCount { return dayCounts.Values() }

// IsValid reports whether c is a known way of counting.
func (c DayCount) IsValid() bool { return dayCounts.Valid(c) }

// IsZero reports whether c is unset.
func (c DayCount) IsZero() bool { return c == 0 }

// String returns "calendar" or "service", and "%!DayCount(n)" otherwise.
func (c DayCount) String() string { return dayCounts.String(c) }

// ParseDayCount parses "calendar" or "service".
func ParseDayCount(s string) (DayCount, error) { return dayCounts.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (c DayCount) MarshalText() ([]byte, error) { return dayCounts.Marshal(c) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDayCount].
func (c *DayCount) UnmarshalText(b []byte) error { return dayCounts.Unmarshal(c, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (c DayCount) Value() (driver.Value, error) { return dayCounts.Store(c) }

// Scan implements [database/sql.Scanner] with [ParseDayCount].
func (c *DayCount) Scan(src any) error { return dayCounts.Load(c, src) }

// CertificationRules are when a physician must certify, and recertify, that
// the patient needs the program. Days count from the day of admission
// (day 0).
type CertificationRules struct {
	// InitialDays is the day by which the initial certification is due;
	// 0 is the day of admission.
	InitialDays int `json:"initial_days,omitzero"`
	// FirstRecertDay is the day by which the first recertification is due,
	// counted like InitialDays (Medicare PHP's "18th day" of services is day
	// 17); zero means RecertDays after the initial one.
	FirstRecertDay int `json:"first_recert_day,omitzero"`
	// FirstRecertCount says how FirstRecertDay counts: calendar days from
	// admission, or days of service (Medicare PHP's "18th day of partial
	// hospitalization services"). Zero means calendar days.
	FirstRecertCount DayCount `json:"first_recert_count,omitzero"`
	// RecertDays is the longest interval between recertifications, in
	// days; RecertMonths the same in calendar months (Medicare IOP's "no
	// less frequently than every other month" is 2 months). At most one of
	// the two is set.
	RecertDays   int `json:"recert_days,omitzero"`
	RecertMonths int `json:"recert_months,omitzero"`
	// PlanReviewDays is the longest interval between reviews of the plan of
	// care; zero when the profile sets none.
	PlanReviewDays int      `json:"plan_review_days,omitzero"`
	Cite           Citation `json:"cite,omitzero"`
}

// StayRules are limits on the length of an episode at this level.
type StayRules struct {
	// TypicalMinDays and TypicalMaxDays are the expected length of stay
	// (DC level 2.1: 30 to 60 days); zero when not set.
	TypicalMinDays int `json:"typical_min_days,omitzero"`
	TypicalMaxDays int `json:"typical_max_days,omitzero"`
	// JustifyAfterDays is the length of stay beyond which a written
	// justification is needed (New York S9480: more than 6 weeks).
	JustifyAfterDays int      `json:"justify_after_days,omitzero"`
	Cite             Citation `json:"cite,omitzero"`
}

// GroupRules are the limits a group session must meet (see package
// [github.com/ioprules/ioprules/iop/group]). Each rule applies only when its field is set; the
// zero GroupRules sets none. GroupRules is comparable and safe for
// concurrent use.
//
// Who counts toward the size limits is a parameter because the sources are
// silent on it: patients always count, family members and observers only
// when CountFamily and CountObservers say so. A per-kind cap (Texas: 16 in a
// counseling group, 35 in an education group) is held as a set of kinds,
// EducationKinds, with its own bounds, EducationMinSize and
// EducationMaxSize, that replace MinSize and MaxSize for those kinds.
type GroupRules struct {
	// MinSize and MaxSize bound the number of participants who count
	// (patients, plus family members and observers when the Count flags say
	// so). Zero means no bound. Both ends are included.
	MinSize int `json:"min_size,omitzero"`
	MaxSize int `json:"max_size,omitzero"`
	// EducationKinds are the kinds of group held to EducationMinSize and
	// EducationMaxSize instead of MinSize and MaxSize (Texas: education and
	// life skills training groups). An education bound left zero falls back
	// to the general one. A profile that sets an education bound must say
	// which kinds it covers.
	EducationKinds   GroupKinds `json:"education_kinds,omitzero"`
	EducationMinSize int        `json:"education_min_size,omitzero"`
	EducationMaxSize int        `json:"education_max_size,omitzero"`
	// CountFamily and CountObservers say whether family members and
	// observers count toward the size limits and the facilitator ratios.
	CountFamily    bool `json:"count_family,omitzero"`
	CountObservers bool `json:"count_observers,omitzero"`
	// RequireLicensed requires at least one licensed facilitator, except in
	// the kinds of group listed in LicensedExempt (Wisconsin DHS 40.10: a
	// support worker may lead a group that is not psychotherapy).
	RequireLicensed bool       `json:"require_licensed,omitzero"`
	LicensedExempt  GroupKinds `json:"licensed_exempt,omitzero"`
	// MinFacilitators is the fewest facilitators every group must have
	// (Montana's two staff per group, scope unconfirmed); zero means the
	// count is not checked.
	MinFacilitators int `json:"min_facilitators,omitzero"`
	// CoFacilitatorAbove is the size above which a second facilitator is
	// required; zero means never.
	CoFacilitatorAbove int `json:"co_facilitator_above,omitzero"`
	// MaxPerFacilitator is the most counted participants per facilitator;
	// zero means no limit.
	MaxPerFacilitator int `json:"max_per_facilitator,omitzero"`
	// CountTrainees says whether trainees count as facilitators for
	// MinFacilitators, CoFacilitatorAbove, MaxPerFacilitator and
	// RequireLicensed. The default, false, counts only leads and
	// co-facilitators, because a student under supervision is not staff in
	// the ratios the sources state.
	CountTrainees bool `json:"count_trainees,omitzero"`
	// SeparateAges forbids a group without an age focus to mix patients who
	// may only be served as adolescents with patients who may only be served
	// as adults (Texas 26 TAC §564.905(b)(1): outpatient programs keep adults
	// and adolescents apart). A group with an age focus is always held to it.
	SeparateAges bool `json:"separate_ages,omitzero"`
	// YoungAdultMaxAge is the oldest age a patient may have in a young-adult
	// group; zero means the upper age of such groups is not checked.
	YoungAdultMaxAge int `json:"young_adult_max_age,omitzero"`
	// RequireAgreement requires a confidentiality agreement on file for
	// every participant: patients, family members and observers.
	RequireAgreement bool     `json:"require_agreement,omitzero"`
	Cite             Citation `json:"cite,omitzero"`
}

// FollowUpWindow is a window after discharge within which a follow-up
// contact must happen: Days days after the discharge (or index) date,
// counting the discharge day itself only when SameDayCounts. With
// SameDayCounts a 7-day window spans 8 calendar days (HEDIS FUA: "8 total
// days"); without it, the 7 days after the discharge day.
//
// A window with After counts from the day of the contact that met the
// window it names, not from the discharge: HEDIS IET engagement needs 2
// more services in the 34 days after the initiation contact. The contact
// that met that earlier window does not count again.
type FollowUpWindow struct {
	// Name identifies the window: "fuh-7", "iet-initiation".
	Name string `json:"name"`
	// Measure is the HEDIS measure the window is, when it is one.
	Measure Measure `json:"measure,omitzero"`
	Days    int     `json:"days"`
	// SameDayCounts says whether a contact on the discharge day itself
	// counts (HEDIS FUA and FUM: yes; FUH and FUI: no).
	SameDayCounts bool `json:"same_day_counts,omitzero"`
	// Contacts is how many contacts the window needs; zero means one.
	Contacts int `json:"contacts,omitzero"`
	// After names an earlier window of the same rules whose meeting
	// contact starts this window ("iet-initiation" for IET engagement);
	// empty means the window starts at the discharge.
	After string   `json:"after,omitzero"`
	Cite  Citation `json:"cite"`
}

// Range returns the first and the last day of the window counted from day
// from (the discharge, or the contact that met the window named by After);
// both days are in the window. The first day is from itself only when
// SameDayCounts.
func (w FollowUpWindow) Range(from date.Date) (first, last date.Date) {
	first = from
	if !w.SameDayCounts {
		first++
	}
	return first, from + date.Date(w.Days)
}

// Need returns how many contacts the window needs: Contacts, or one when
// Contacts is zero or less.
func (w FollowUpWindow) Need() int { return max(w.Contacts, 1) }

// FollowUpRules are the follow-up windows after discharge, in order. A
// window with After comes after the window it names.
type FollowUpRules struct {
	Windows []FollowUpWindow `json:"windows,omitzero"`
}

// Window returns the window named name, and false when there is none.
func (r FollowUpRules) Window(name string) (FollowUpWindow, bool) {
	for _, w := range r.Windows {
		if w.Name == name {
			return w, true
		}
	}
	return FollowUpWindow{}, false
}

// InForce returns the range of days the profile is in force. An open-ended
// profile runs to [date.Max].
func (p Profile) InForce() timespan.DateRange {
	until := p.Until
	if until == date.Zero {
		until = date.Max()
	}
	return timespan.BetweenDates(p.From, until)
}

// InForceOn reports whether the profile is in force on day d.
func (p Profile) InForceOn(d date.Date) bool {
	return d >= p.From && (p.Until == date.Zero || d < p.Until)
}

// IsZero reports whether p is the zero Profile.
func (p Profile) IsZero() bool { return p.Equal(Profile{}) }

// Equal reports whether p and q hold the same parameters.
func (p Profile) Equal(q Profile) bool {
	return p.ID == q.ID && p.Title == q.Title && p.Level == q.Level &&
		p.Edition == q.Edition && p.From == q.From && p.Until == q.Until &&
		p.Source == q.Source && p.Scope.equal(q.Scope) && p.Ages == q.Ages && p.Weekly == q.Weekly &&
		p.Daily == q.Daily && p.PartialWeeks == q.PartialWeeks &&
		p.StepDown == q.StepDown && p.Certification == q.Certification &&
		p.Stay == q.Stay && p.Group == q.Group && p.Counting.Equal(q.Counting) && p.Claims.Equal(q.Claims) &&
		slices.Equal(p.Rules, q.Rules) &&
		p.ServiceTiers.Cite == q.ServiceTiers.Cite &&
		slices.EqualFunc(p.ServiceTiers.Tiers, q.ServiceTiers.Tiers, func(a, b ServiceTier) bool {
			return a.MinServices == b.MinServices && a.Name == b.Name && slices.Equal(a.APCs, b.APCs)
		}) &&
		slices.Equal(p.FollowUp.Windows, q.FollowUp.Windows)
}

// Clone returns a copy of p that shares no memory with it.
func (p Profile) Clone() Profile {
	p.ServiceTiers.Tiers = slices.Clone(p.ServiceTiers.Tiers)
	for i := range p.ServiceTiers.Tiers {
		p.ServiceTiers.Tiers[i].APCs = slices.Clone(p.ServiceTiers.Tiers[i].APCs)
	}
	p.Scope.States = slices.Clone(p.Scope.States)
	p.FollowUp.Windows = slices.Clone(p.FollowUp.Windows)
	p.Counting.Codes = slices.Clone(p.Counting.Codes)
	p.Claims = p.Claims.clone()
	p.Rules = slices.Clone(p.Rules)
	return p
}

// ParseProfile decodes a profile from JSON strictly and validates it: an
// unknown field, a value of the wrong type, an unknown level, a date that
// does not exist ("2025-02-30") or a rule that [Profile.Validate] refuses is
// an error naming the field ([FieldErrors]). Input above 8 MiB is refused
// with [ErrTooLarge]. A refused profile comes back as the zero Profile.
func ParseProfile(data []byte) (Profile, error) {
	var p Profile
	if err := p.UnmarshalJSON(data); err != nil {
		return Profile{}, err
	}
	if err := p.Validate(); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// UnmarshalJSON decodes a profile strictly, as [ParseProfile] does, but
// does not validate it.
func (p *Profile) UnmarshalJSON(data []byte) error {
	type plain Profile
	var v plain
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*p = Profile(v)
	return nil
}
