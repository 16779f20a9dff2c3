package schedule

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// WeeklyRules are the weekly minutes of service a patient must receive, per
// population. A zero iop.Band for a population means the program does not serve
// it.
type WeeklyRules struct {
	Adult      iop.Band `json:"adult,omitzero"`
	Adolescent iop.Band `json:"adolescent,omitzero"`
	// Above is the level of care whose band the hours above a band's Max
	// fall in (level 2.5 above the 2.1 band); zero when the rules name none.
	Above iop.Level    `json:"above,omitzero"`
	Cite  iop.Citation `json:"cite,omitzero"`
}

// For returns the band for population p; the zero iop.Band for an invalid p.
func (r WeeklyRules) For(p iop.Population) iop.Band {
	switch p {
	case iop.PopulationAdult:
		return r.Adult
	case iop.PopulationAdolescent:
		return r.Adolescent
	}
	return iop.Band{}
}

// DailyRules are the per-day conditions of a service day, as a per-diem code
// defines them (H0015: at least 3 hours a day on at least 3 days a week).
type DailyRules struct {
	// MinDays is the fewest days with service a week must have.
	MinDays int `json:"min_days,omitzero"`
	// MinDayMinutes is the fewest minutes a day must have to count as a
	// day with service.
	MinDayMinutes iop.Minutes  `json:"min_day_minutes,omitzero"`
	Cite          iop.Citation `json:"cite,omitzero"`
}

// PartialWeekRules say how the first and the last week of an episode are
// held to the weekly minimum. Every profile with a weekly minimum must set
// both, because no federal rule does.
type PartialWeekRules struct {
	First PartialWeek  `json:"first,omitzero"`
	Last  PartialWeek  `json:"last,omitzero"`
	Cite  iop.Citation `json:"cite,omitzero"`
}

// StepDownRules are the allowance for a patient stepping down from this
// level: for Weeks weeks after the step-down the weekly minimum is not
// applied (several state manuals allow fewer than 9 (6) hours for 1 or 2
// weeks; unconfirmed as a general rule).
type StepDownRules struct {
	Weeks int          `json:"weeks,omitzero"`
	Cite  iop.Citation `json:"cite,omitzero"`
}

// ServiceTier is a payment tier of a per-diem: a day with at least
// MinServices countable services is paid at this tier.
type ServiceTier struct {
	MinServices int `json:"min_services"`
	// Name names the tier: "3 services", "4 or more services".
	Name string `json:"name"`
	// APCs are the payment classifications of the tier by provider
	// setting, when the payer uses them (Medicare OPPS: 5861 for a
	// hospital's 3-service IOP day, 5851 for a iop.ProviderCMHC's).
	APCs []SettingAPC `json:"apcs,omitzero"`
}

// SettingAPC is the payment classification of a tier in one setting.
type SettingAPC struct {
	Setting iop.Provider `json:"setting"`
	APC     string       `json:"apc"`
}

// APC returns the tier's payment classification in setting s, and "" when
// the tier has none there (an RHC or FQHC is paid outside the APCs).
func (t ServiceTier) APC(s iop.Provider) string {
	for _, a := range t.APCs {
		if a.Setting == s {
			return a.APC
		}
	}
	return ""
}

// ServiceTierRules are the per-day payment tiers by number of services, in
// ascending order of MinServices. A day with fewer services than the first
// tier needs is not paid as a program day; ShortDays say, by provider
// setting, what such a day gets instead and how strongly the day's finding
// speaks (a setting that no row names: the rule's own severity, and the
// day is not paid).
type ServiceTierRules struct {
	Tiers     []ServiceTier `json:"tiers,omitzero"`
	ShortDays []ShortDay    `json:"short_days,omitzero"`
	// AddOn is the weekly add-on some settings bill instead of a per diem
	// (an OTP: G0137 for a week of at least 9 services).
	AddOn WeeklyAddOn  `json:"add_on,omitzero"`
	Cite  iop.Citation `json:"cite,omitzero"`
}

// WeeklyAddOn is a payment for a week, not a day: in Settings, Code is
// billed once for a week with at least MinServices countable services.
// The zero WeeklyAddOn is none.
type WeeklyAddOn struct {
	Settings    iop.Set[iop.Provider] `json:"settings,omitzero"`
	Code        string                `json:"code,omitzero"`
	MinServices int                   `json:"min_services,omitzero"`
	Cite        iop.Citation          `json:"cite,omitzero"`
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
	_                DayCount = iota
	DayCountCalendar          // every calendar day from admission
	DayCountService           // only the days with service
)

var dayCounts = enum.New[DayCount]("DayCount", "schedule.DayCount.UnmarshalText", check.EnumFail, []string{
	DayCountCalendar: "calendar", DayCountService: "service",
})

// IsValid reports whether c is a known way of counting.
func (c DayCount) IsValid() bool { return dayCounts.Valid(c) }

// String returns "calendar" or "service", and "%!DayCount(n)" otherwise.
func (c DayCount) String() string { return dayCounts.String(c) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (c DayCount) MarshalText() ([]byte, error) { return dayCounts.Marshal(c) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (c *DayCount) UnmarshalText(b []byte) error { return dayCounts.Unmarshal(c, b) }

// CertificationRules are when a physician must certify, and recertify, that
// the patient needs the program. Days count from the day of admission
// (day 0).
type CertificationRules struct {
	// InitialDays is the day by which the initial certification is due;
	// 0 is the day of admission. A program's policy: see NoInitialDay.
	InitialDays int `json:"initial_days,omitzero"`
	// NoInitialDay says that the source sets no day for the initial
	// certification (42 CFR 424.24(b), (d), (e): payment needs one, at no
	// stated time): once signed, whenever, it covers the episode from
	// admission, and it is never reported as due; InitialDays is then
	// unused. A day of service is missing a certification only while none
	// is signed.
	NoInitialDay bool `json:"no_initial_day,omitzero"`
	// FirstRecertDay is the day by which the first recertification is due,
	// counted like InitialDays (Medicare PHP's "18th day" of services is day
	// 17); zero means RecertDays after the initial one.
	FirstRecertDay int `json:"first_recert_day,omitzero"`
	// FirstRecertCount says how FirstRecertDay counts: calendar days from
	// admission, or days of service (Medicare PHP's "18th day of partial
	// hospitalization services"). Zero means calendar days.
	FirstRecertCount DayCount `json:"first_recert_count,omitzero"`
	// RecertDays is the longest interval between recertifications, in
	// days (Medicare IOP: 60, 42 CFR 424.24(d)(3)(ii); PHP: 30);
	// RecertMonths the same in calendar months (a program's "every other
	// month" is 2). At most one of the two is set.
	RecertDays   int `json:"recert_days,omitzero"`
	RecertMonths int `json:"recert_months,omitzero"`
	// PlanReviewDays is the longest interval between reviews of the plan of
	// care; zero when the profile sets none.
	PlanReviewDays int `json:"plan_review_days,omitzero"`
	// Content is what the certification and each recertification must
	// state, with its own citation.
	Content CertificationContentRules `json:"content,omitzero"`
	// Plan is what the plan of care must set forth and who may establish
	// it, with its own citation.
	Plan PlanRules    `json:"plan,omitzero"`
	Cite iop.Citation `json:"cite,omitzero"`
}

// CountingRules say which sessions count toward a program's hours and
// service days: a session counts when its kind is in Kinds or its billing
// code is in Codes, and then only the minutes attended count. Time in
// sessions that do not count is reported apart. The rules are part of the
// profile, so that choosing a profile by date chooses them too. A profile
// with weekly or daily rules must set them; [DefaultCounting] is the
// Medicare list.
type CountingRules struct {
	// Kinds are the kinds of session that count.
	Kinds iop.Set[iop.ServiceKind] `json:"kinds,omitzero"`
	// Codes are billing codes that count whatever the session's kind
	// ("H0015", "90853"), compared exactly.
	Codes []string `json:"codes,omitzero"`
	// Telehealth are the ways of delivery other than in person whose time
	// counts (Colorado's IOP rule allows video and audio-only); the zero
	// set counts in-person time only, as Medicare's IOP and PHP benefits
	// do. TelehealthCite is its source; a profile that counts telehealth
	// must cite it.
	Telehealth     iop.Set[iop.Delivery] `json:"telehealth,omitzero"`
	TelehealthCite iop.Citation          `json:"telehealth_cite,omitzero"`
	// MinServiceMinutes is the time of its own a session must add to its
	// day's counted time to be a service for the day's service count: a
	// session overlapped by others adds only the time they leave, so three
	// sessions of an hour at 09:00, 09:01 and 09:02 are 62 minutes and,
	// with a minimum of 16, one service. Zero counts any time of its own
	// (a minute). The time it adds counts whatever the minimum. Claim
	// lines are services as billed. MinServiceCite is its source; a
	// profile that sets it must cite it.
	MinServiceMinutes iop.Minutes  `json:"min_service_minutes,omitzero"`
	MinServiceCite    iop.Citation `json:"min_service_cite,omitzero"`
	Cite              iop.Citation `json:"cite,omitzero"`
}

// DefaultCounting returns the services 42 CFR 410.43(a)(4) lists for
// partial hospitalization and 410.44 for intensive outpatient programs:
// individual and group therapy, family counseling, patient training and
// education, drugs and biologicals (medication management), occupational
// therapy, individualized activity therapies that are not primarily
// recreational or diversionary, and diagnostic services. Case management,
// peer support, recreation and other services do not count: the regulation
// does not list them (recreation it excludes).
func DefaultCounting() CountingRules {
	return CountingRules{
		Kinds: iop.SetOf[iop.ServiceKind](iop.ServiceKindGroupTherapy, iop.ServiceKindIndividualTherapy, iop.ServiceKindFamilyTherapy, iop.ServiceKindPsychoeducation,
			iop.ServiceKindMedicationManagement, iop.ServiceKindOccupationalTherapy, iop.ServiceKindActivityTherapy, iop.ServiceKindDiagnostic),
		Cite: iop.Citation{
			Source:  "42 CFR 410.43(a)(4); 42 CFR 410.44",
			Edition: "CY2024 OPPS/PFS final rules, effective 2024-01-01",
			Note:    "case management and peer support are not in the regulation's list and do not count by default",
		},
	}
}

// IsZero reports whether r counts nothing and cites nothing.
func (r CountingRules) IsZero() bool { return r.Kinds == 0 && len(r.Codes) == 0 && r.Cite.IsZero() }

// counts reports whether a session of kind k with billing code code counts.
func (r *CountingRules) counts(k iop.ServiceKind, code string) bool {
	if r.Kinds.Has(k) {
		return true
	}
	return code != "" && slices.Contains(r.Codes, code)
}

// delivered reports whether time delivered by d counts: in person (or
// unset) always, telehealth when Telehealth holds it.
func (r *CountingRules) delivered(d iop.Delivery) bool {
	return d == 0 || d == iop.DeliveryInPerson || r.Telehealth.Has(d)
}

// equal reports whether r and q are the same rules.
func (r CountingRules) equal(q CountingRules) bool {
	return r.Kinds == q.Kinds && r.Cite == q.Cite && r.Telehealth == q.Telehealth &&
		r.TelehealthCite == q.TelehealthCite && r.MinServiceMinutes == q.MinServiceMinutes &&
		r.MinServiceCite == q.MinServiceCite && slices.Equal(r.Codes, q.Codes)
}

func (r CountingRules) validate(v *check.Validator) {
	if !r.Kinds.IsValid() {
		v.Add("counting.kinds", iop.ErrUnknown)
	}
	for i, code := range r.Codes {
		field := "counting.codes[" + strconv.Itoa(i) + "]"
		switch {
		case code == "":
			v.Add(field, iop.ErrMissing)
		case !isCode(code):
			// A session's code must be one (Session.Validate): any other
			// text would never match, and the sessions it names would
			// silently not count.
			v.Add(field, fmt.Errorf("%w: want a HCPCS or CPT code", iop.ErrSyntax))
		case slices.Contains(r.Codes[:i], code):
			v.Add(field, iop.ErrDuplicate)
		}
	}
	v.Cited("counting.cite", !r.IsZero(), r.Cite)
	switch {
	case !r.Telehealth.IsValid():
		v.Add("counting.telehealth", iop.ErrUnknown)
	case r.Telehealth.Has(iop.DeliveryInPerson):
		v.Add("counting.telehealth", fmt.Errorf("%w: in person is not telehealth", iop.ErrOrder))
	}
	v.Cited("counting.telehealth_cite", r.Telehealth != 0, r.TelehealthCite)
	v.Count("counting.min_service_minutes", int(r.MinServiceMinutes), check.MinutesPerDay)
	v.Cited("counting.min_service_cite", r.MinServiceMinutes != 0, r.MinServiceCite)
}

// ServiceCode is a billing code (HCPCS or CPT) that a payer counts as a
// program service, and how a claim line with it becomes service: a timed
// code stands for UnitMinutes per unit; an untimed code is one service per
// line; a per diem (H0015, S9480) is one program day of DayMinutes.
type ServiceCode struct {
	Code string          `json:"code"`
	Kind iop.ServiceKind `json:"kind"`
	// UnitMinutes is the time one unit stands for (G0410, group
	// psychotherapy of about 45 to 50 minutes: 45); zero for an untimed code.
	UnitMinutes iop.Minutes `json:"unit_minutes,omitzero"`
	// PerDiem says that one unit is a whole program day; DayMinutes is the
	// time such a day stands for (H0015: at least 3 hours).
	PerDiem    bool        `json:"per_diem,omitzero"`
	DayMinutes iop.Minutes `json:"day_minutes,omitzero"`
}

// ClaimRules say which claim lines are program services and what a claim
// for the program must carry: the service codes, the codes that must not
// be reported on a program claim, the revenue codes a program line may
// use, the condition code and the types of bill. The zero ClaimRules
// reads no claims.
type ClaimRules struct {
	Codes []ServiceCode `json:"codes,omitzero"`
	// Excluded are codes that must not be reported on a program claim
	// (Medicare: CPT 90853 group psychotherapy, reported as G0410 instead).
	Excluded []string `json:"excluded,omitzero"`
	// RevenueCodes are the revenue codes a program line may carry, four
	// digits ("0905"); empty when the rules do not restrict them.
	RevenueCodes []string `json:"revenue_codes,omitzero"`
	// ConditionCode is the condition code every program claim carries
	// ("92" for Medicare IOP, "41" for PHP); empty when none is required.
	ConditionCode string `json:"condition_code,omitzero"`
	// BillTypes are the types of bill a program claim may have, as the
	// first three characters with "x" for the frequency digit ("13x");
	// empty for professional claims or when not restricted.
	BillTypes []string `json:"bill_types,omitzero"`
	// ContestedBillTypes are types of bill a program claim is accepted on
	// with a warning ([CodeClaimBillTypeContested]): one source allows
	// them, others do not (Medicare IOP on 12x: listed by one contractor
	// only).
	ContestedBillTypes []string `json:"contested_bill_types,omitzero"`
	// InstitutionalOnly says that the lines of a professional claim (one
	// with a place of service and no type of bill; an export that gives
	// neither is taken as institutional) are no program services: the professional
	// services of physicians, PAs, NPs/CNSs and psychologists are billed
	// apart (42 CFR 410.43(b), 410.44(b)). ProfessionalPlaces are the
	// places of service where a professional claim's lines still are
	// program services ("58": an opioid treatment program).
	InstitutionalOnly  bool     `json:"institutional_only,omitzero"`
	ProfessionalPlaces []string `json:"professional_places,omitzero"`
	// RepeatsOnce counts a line that repeats another exactly (the same
	// patient, day, code, modifiers and units, on another claim or line
	// number that does not replace it) once; by default it counts, as no
	// source makes the two one service. Either way the repeat is reported
	// ([CodeClaimLineRepeated]).
	RepeatsOnce bool `json:"repeats_once,omitzero"`
	// Settings are the claim rules of provider settings beyond the
	// program's, each for the claims of its types of bill (Medicare IOP:
	// an RHC's and an FQHC's revenue code 0905 and the RHC's modifier CG,
	// an OTP's type of bill 87x without condition code 92).
	Settings []SettingClaims `json:"settings,omitzero"`
	Cite     iop.Citation    `json:"cite,omitzero"`
}

// SettingClaims are the claim rules of one provider setting beyond the
// program's, for the claims on its types of bill. Medicare pays an RHC's
// or FQHC's IOP day outside the OPPS APCs: its IOP lines carry revenue
// code 0905, the RHC reports modifier CG on the line paid, which carries
// the day's charges, and the day needs one service of CMS's List A; an
// OTP bills its IOP services as the weekly add-on G0137 on its own type
// of bill (87x; a provider-based OTP on the hospital's 13x or 85x with
// condition code 89), without the per diem's condition code. The zero
// SettingClaims is none; each row is cited.
type SettingClaims struct {
	// Setting is the provider setting the rows are for ("rhc").
	Setting iop.Provider `json:"setting"`
	// BillTypes are the types of bill of the setting's claims, as
	// [ClaimRules.BillTypes] writes them ("71x"): a claim on one is the
	// setting's, and may carry the program.
	BillTypes []string `json:"bill_types"`
	// Condition, when set, is the condition code that marks the setting's
	// claims among those on BillTypes ("89": a provider-based OTP's claim
	// on the hospital's 13x); empty when every claim on BillTypes is the
	// setting's.
	Condition string `json:"condition,omitzero"`
	// NoCondition says that the setting's claims carry no condition code
	// of the program (an OTP's IOP services are a weekly add-on, not a
	// per diem claim's).
	NoCondition bool `json:"no_condition,omitzero"`
	// Revenue is the revenue code every program line of the setting's
	// claims carries, four digits ("0905"); empty when any
	// ([CodeClaimSettingRevenue]).
	Revenue string `json:"revenue,omitzero"`
	// DayModifier is the modifier one program line of each day of
	// service carries ("CG": the RHC's line paid); empty when none
	// ([CodeClaimDayModifierMissing]).
	DayModifier string `json:"day_modifier,omitzero"`
	// DayCodes are the codes of which each day of service needs one on
	// the claim (the RHC/FQHC List A); empty when not checked
	// ([CodeClaimDayCodeMissing]).
	DayCodes []string     `json:"day_codes,omitzero"`
	Cite     iop.Citation `json:"cite"`
}

func (s SettingClaims) equal(t SettingClaims) bool {
	return s.Setting == t.Setting && slices.Equal(s.BillTypes, t.BillTypes) && s.Condition == t.Condition && s.NoCondition == t.NoCondition &&
		s.Revenue == t.Revenue && s.DayModifier == t.DayModifier && slices.Equal(s.DayCodes, t.DayCodes) && s.Cite == t.Cite
}

// IsZero reports whether r reads no claims.
func (r ClaimRules) IsZero() bool {
	return len(r.Codes) == 0 && len(r.Excluded) == 0 && len(r.RevenueCodes) == 0 &&
		r.ConditionCode == "" && len(r.BillTypes) == 0 && !r.RepeatsOnce && len(r.ContestedBillTypes) == 0 &&
		!r.InstitutionalOnly && len(r.ProfessionalPlaces) == 0 && len(r.Settings) == 0 && r.Cite.IsZero()
}

// settingCite returns the citation of the first setting row that has,
// and the zero Citation when none does.
func (r *ClaimRules) settingCite(has func(*SettingClaims) bool) iop.Citation {
	for i := range r.Settings {
		if has(&r.Settings[i]) {
			return r.Settings[i].Cite
		}
	}
	return iop.Citation{}
}

// setting returns the setting rules of a claim of type of bill tob whose
// lines carry condition codes has, and nil when no row has it: the first
// row with the type of bill and, when it names one, the condition code.
func (r *ClaimRules) setting(tob string, has func(string) bool) *SettingClaims {
	if tob == "" {
		return nil
	}
	for i := range r.Settings {
		s := &r.Settings[i]
		if r.billTypeIn(s.BillTypes, tob) && (s.Condition == "" || has(s.Condition)) {
			return s
		}
	}
	return nil
}

// Code returns the service code code, and false when it is not a program
// service under r.
func (r ClaimRules) Code(code string) (ServiceCode, bool) {
	for _, c := range r.Codes {
		if c.Code == code {
			return c, true
		}
	}
	return ServiceCode{}, false
}

// IsExcluded reports whether code must not be reported on a program claim.
func (r ClaimRules) IsExcluded(code string) bool { return slices.Contains(r.Excluded, code) }

// RevenueAllowed reports whether a program line may carry revenue code rev.
func (r ClaimRules) RevenueAllowed(rev string) bool {
	return len(r.RevenueCodes) == 0 || slices.Contains(r.RevenueCodes, rev)
}

// BillTypeAllowed reports whether a claim of type of bill tob ("0131",
// "131" or "13x") may carry the program.
func (r ClaimRules) BillTypeAllowed(tob string) bool {
	if len(r.BillTypes) == 0 {
		return true
	}
	return r.billTypeIn(r.BillTypes, tob)
}

// billTypeIn reports whether type of bill tob ("0131", "131") matches one
// of types ("13x").
func (ClaimRules) billTypeIn(types []string, tob string) bool {
	if len(tob) == 4 && tob[0] == '0' {
		tob = tob[1:]
	}
	if len(tob) != 3 {
		return false
	}
	for _, bt := range types {
		if bt[:2] == tob[:2] && (bt[2] == 'x' || bt[2] == tob[2]) {
			return true
		}
	}
	return false
}

// BillTypeContested reports whether tob is one of the contested types of
// bill ([ClaimRules.ContestedBillTypes]).
func (r ClaimRules) BillTypeContested(tob string) bool {
	return r.billTypeIn(r.ContestedBillTypes, tob)
}

// equal reports whether r and q are the same rules.
func (r ClaimRules) equal(q ClaimRules) bool {
	return slices.Equal(r.Codes, q.Codes) && slices.Equal(r.Excluded, q.Excluded) &&
		slices.Equal(r.RevenueCodes, q.RevenueCodes) && r.ConditionCode == q.ConditionCode &&
		slices.Equal(r.BillTypes, q.BillTypes) && r.RepeatsOnce == q.RepeatsOnce && r.Cite == q.Cite &&
		slices.Equal(r.ContestedBillTypes, q.ContestedBillTypes) && r.InstitutionalOnly == q.InstitutionalOnly &&
		slices.Equal(r.ProfessionalPlaces, q.ProfessionalPlaces) && slices.EqualFunc(r.Settings, q.Settings, SettingClaims.equal)
}

// professional reports whether line l is a professional service that is
// no program service under r.
func (r *ClaimRules) professional(l *ClaimLine) bool {
	return r.InstitutionalOnly && l.BillType == "" && l.PlaceOfService != "" && !slices.Contains(r.ProfessionalPlaces, l.PlaceOfService)
}

func (r ClaimRules) clone() ClaimRules {
	r.Codes = slices.Clone(r.Codes)
	r.Excluded = slices.Clone(r.Excluded)
	r.RevenueCodes = slices.Clone(r.RevenueCodes)
	r.BillTypes = slices.Clone(r.BillTypes)
	r.ContestedBillTypes = slices.Clone(r.ContestedBillTypes)
	r.ProfessionalPlaces = slices.Clone(r.ProfessionalPlaces)
	r.Settings = slices.Clone(r.Settings)
	for i := range r.Settings {
		s := &r.Settings[i]
		s.BillTypes, s.DayCodes = slices.Clone(s.BillTypes), slices.Clone(s.DayCodes)
	}
	return r
}

func (r ClaimRules) validate(v *check.Validator) {
	for i, c := range r.Codes {
		field := "claims.codes[" + strconv.Itoa(i) + "]"
		switch {
		case !isCode(c.Code):
			v.Add(field+".code", fmt.Errorf("%w: want a HCPCS or CPT code of 5 letters and digits", iop.ErrSyntax))
		case slices.ContainsFunc(r.Codes[:i], func(p ServiceCode) bool { return p.Code == c.Code }):
			v.Add(field+".code", iop.ErrDuplicate)
		case slices.Contains(r.Excluded, c.Code):
			v.Add(field+".code", fmt.Errorf("%w: the code is also excluded", iop.ErrOrder))
		}
		switch {
		case c.Kind == 0:
			v.Add(field+".kind", iop.ErrMissing)
		case !c.Kind.IsValid():
			v.Add(field+".kind", iop.ErrUnknown)
		}
		v.Count(field+".unit_minutes", int(c.UnitMinutes), check.MinutesPerDay)
		v.Count(field+".day_minutes", int(c.DayMinutes), check.MinutesPerDay)
		switch {
		case c.PerDiem && c.UnitMinutes != 0:
			v.Add(field+".unit_minutes", fmt.Errorf("%w: a per diem has day_minutes, not unit_minutes", iop.ErrOrder))
		case c.PerDiem && c.DayMinutes == 0:
			v.Add(field+".day_minutes", iop.ErrMissing)
		case !c.PerDiem && c.DayMinutes != 0:
			v.Add(field+".day_minutes", fmt.Errorf("%w: day_minutes is for a per diem", iop.ErrOrder))
		}
	}
	for i, c := range r.Excluded {
		if !isCode(c) {
			v.Add("claims.excluded["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want a HCPCS or CPT code", iop.ErrSyntax))
		}
	}
	for i, rev := range r.RevenueCodes {
		if len(rev) != 4 || !isDigits(rev) {
			v.Add("claims.revenue_codes["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 4 digits", iop.ErrSyntax))
		}
	}
	if r.ConditionCode != "" && (len(r.ConditionCode) != 2 || !isAlnum(r.ConditionCode)) {
		v.Add("claims.condition_code", fmt.Errorf("%w: want 2 characters", iop.ErrSyntax))
	}
	for i, bt := range r.BillTypes {
		if len(bt) != 3 || !isDigits(bt[:2]) || (bt[2] != 'x' && !isDigits(bt[2:])) {
			v.Add("claims.bill_types["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 3 characters such as 13x", iop.ErrSyntax))
		}
	}
	for i, bt := range r.ContestedBillTypes {
		if len(bt) != 3 || !isDigits(bt[:2]) || (bt[2] != 'x' && !isDigits(bt[2:])) {
			v.Add("claims.contested_bill_types["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 3 characters such as 12x", iop.ErrSyntax))
		}
	}
	for i, pos := range r.ProfessionalPlaces {
		if len(pos) != 2 || !isDigits(pos) {
			v.Add("claims.professional_places["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 2 digits", iop.ErrSyntax))
		}
	}
	for i, s := range r.Settings {
		field := "claims.settings[" + strconv.Itoa(i) + "]"
		switch {
		case s.Setting == 0:
			v.Add(field+".setting", iop.ErrMissing)
		case !s.Setting.IsValid():
			v.Add(field+".setting", iop.ErrUnknown)
		}
		if len(s.BillTypes) == 0 {
			v.Add(field+".bill_types", iop.ErrMissing)
		}
		for j, bt := range s.BillTypes {
			if len(bt) != 3 || !isDigits(bt[:2]) || (bt[2] != 'x' && !isDigits(bt[2:])) {
				v.Add(field+".bill_types["+strconv.Itoa(j)+"]", fmt.Errorf("%w: want 3 characters such as 71x", iop.ErrSyntax))
			}
		}
		if s.Condition != "" && (len(s.Condition) != 2 || !isAlnum(s.Condition)) {
			v.Add(field+".condition", fmt.Errorf("%w: want 2 characters", iop.ErrSyntax))
		}
		if s.Revenue != "" && (len(s.Revenue) != 4 || !isDigits(s.Revenue)) {
			v.Add(field+".revenue", fmt.Errorf("%w: want 4 digits", iop.ErrSyntax))
		}
		if s.DayModifier != "" && (len(s.DayModifier) != 2 || !isAlnum(s.DayModifier)) {
			v.Add(field+".day_modifier", fmt.Errorf("%w: want 2 characters", iop.ErrSyntax))
		}
		for j, c := range s.DayCodes {
			if !isCode(c) {
				v.Add(field+".day_codes["+strconv.Itoa(j)+"]", fmt.Errorf("%w: want a HCPCS or CPT code", iop.ErrSyntax))
			}
		}
		v.Cited(field+".cite", true, s.Cite)
	}
	v.Cited("claims.cite", !r.IsZero(), r.Cite)
}

// isCode reports whether s has the form of a HCPCS or CPT code: 5
// characters, digits and upper-case letters.
func isCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// PartialWeek says how a week that an episode covers only in part (the week
// of admission, the week of discharge) is held to the weekly minimum. No
// federal rule defines it, so every profile that has a weekly minimum must
// say. The zero PartialWeek is unset and not valid.
type PartialWeek uint8

// The partial-week rules.
const (
	_ PartialWeek = iota
	// PartialWeekFull holds a partial week to the full weekly minimum.
	PartialWeekFull
	// PartialWeekProrated holds a partial week to the weekly minimum times
	// the share of the week's seven days that fall in the episode, rounded
	// down to the minute: admitted on day 5 of 7, 3/7 of 540 = 231 minutes.
	PartialWeekProrated
	// PartialWeekExempt does not hold a partial week to a weekly minimum.
	PartialWeekExempt
)

var partialWeeks = enum.New[PartialWeek]("PartialWeek", "schedule.PartialWeek.UnmarshalText", check.EnumFail, []string{PartialWeekFull: "full", PartialWeekProrated: "prorated", PartialWeekExempt: "exempt"})

// IsValid reports whether w is a known value.
func (w PartialWeek) IsValid() bool { return partialWeeks.Valid(w) }

// String returns "full", "prorated" or "exempt", and "%!PartialWeek(n)" for an invalid value.
func (w PartialWeek) String() string { return partialWeeks.String(w) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (w PartialWeek) MarshalText() ([]byte, error) { return partialWeeks.Marshal(w) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (w *PartialWeek) UnmarshalText(b []byte) error { return partialWeeks.Unmarshal(w, b) }

// Minimum returns the weekly minimum that rule w sets for a week of which
// days of 7 fall in the episode, given the full-week minimum min. A full
// week (7 days, or days out of range) is held to min whatever the rule.
func (w PartialWeek) Minimum(min iop.Minutes, days int) iop.Minutes { return Prorate(w, min, days) }

// Prorate applies rule w to any full-week minimum (minutes, service days,
// sessions) for a week of which days of 7 fall in the episode: min itself
// for [PartialWeekFull], min*days/7 rounded down for [PartialWeekProrated],
// zero for [PartialWeekExempt]. A full week (7 days, or days out of range)
// and an unset rule give min.
func Prorate[T ~int | ~int8 | ~int16 | ~int32 | ~int64](w PartialWeek, min T, days int) T {
	if days >= 7 || days < 0 {
		return min
	}
	switch w {
	case PartialWeekProrated:
		return T(int64(min) * int64(days) / 7)
	case PartialWeekExempt:
		return 0
	}
	return min
}

// Benefit is schedule's part of a profile ([iop.Part]): the weekly band
// per population and the level above it, the per-day rules, how partial
// weeks count, the step-down allowance, the payment tiers, certification,
// which sessions count, and how claim lines read. Each rule group applies
// only when it is set; a profile without a Benefit checks no hours. In a
// profile's JSON it is the member "schedule": {"weekly": ..., ...}.
//
// Benefit is a value; the library never changes its slices.
type Benefit struct {
	Weekly        WeeklyRules        `json:"weekly,omitzero"`
	Daily         DailyRules         `json:"daily,omitzero"`
	PartialWeeks  PartialWeekRules   `json:"partial_weeks,omitzero"`
	StepDown      StepDownRules      `json:"step_down,omitzero"`
	ServiceTiers  ServiceTierRules   `json:"service_tiers,omitzero"`
	Certification CertificationRules `json:"certification,omitzero"`
	Counting      CountingRules      `json:"counting,omitzero"`
	Claims        ClaimRules         `json:"claims,omitzero"`
}

// Package returns "schedule", the part's key in a profile.
func (Benefit) Package() string { return "schedule" }

// Table returns the package's rule table, [Rules].
func (Benefit) Table() iop.RuleTable { return Rules() }

// hasWeekly reports whether b sets weekly hours for either population.
func (b *Benefit) hasWeekly() bool {
	return b.Weekly.Adult != (iop.Band{}) || b.Weekly.Adolescent != (iop.Band{})
}

// Validate reports every inconsistency of b, with paths relative to the
// part ("weekly.adult.min"): no number negative or beyond what a week or a
// day holds; no minimum above its maximum; every rule group that is set
// cited; a weekly minimum with partial-week rules and counting rules;
// service tiers ascending; certification intervals in order; claim rules
// of well-formed codes.
func (b Benefit) Validate(*iop.Profile) error {
	var v check.Validator
	w := b.Weekly
	v.Band("weekly.adult", w.Adult, check.MinutesPerWeek)
	v.Band("weekly.adolescent", w.Adolescent, check.MinutesPerWeek)
	weekly := b.hasWeekly()
	v.Cited("weekly.cite", weekly, w.Cite)
	if w.Above != 0 && !w.Above.IsValid() {
		v.Add("weekly.above", iop.ErrUnknown)
	}

	d := b.Daily
	v.Count("daily.min_days", d.MinDays, 7)
	v.Count("daily.min_day_minutes", int(d.MinDayMinutes), check.MinutesPerDay)
	if d.MinDays > 0 && d.MinDayMinutes > 0 && w.Adult.Max > 0 && iop.Minutes(d.MinDays)*d.MinDayMinutes > w.Adult.Max {
		v.Add("daily", fmt.Errorf("%w: min_days x min_day_minutes above weekly.adult.max", iop.ErrOrder))
	}
	v.Cited("daily.cite", d != (DailyRules{Cite: d.Cite}), d.Cite)

	pw := b.PartialWeeks
	for _, f := range []struct {
		name string
		w    PartialWeek
	}{{"partial_weeks.first", pw.First}, {"partial_weeks.last", pw.Last}} {
		switch {
		case f.w == 0 && weekly:
			v.Add(f.name, fmt.Errorf("%w: a profile with a weekly minimum must say how partial weeks count", iop.ErrMissing))
		case f.w != 0 && !f.w.IsValid():
			v.Add(f.name, iop.ErrUnknown)
		}
	}
	v.Cited("partial_weeks.cite", pw != (PartialWeekRules{Cite: pw.Cite}), pw.Cite)

	v.Count("step_down.weeks", b.StepDown.Weeks, 52)
	v.Cited("step_down.cite", b.StepDown.Weeks != 0, b.StepDown.Cite)

	st := b.ServiceTiers
	for i, t := range st.Tiers {
		field := "service_tiers.tiers[" + strconv.Itoa(i) + "]"
		if t.MinServices <= 0 {
			v.Add(field+".min_services", fmt.Errorf("%w: must be at least 1", iop.ErrOutOfRange))
		}
		if t.Name == "" {
			v.Add(field+".name", iop.ErrMissing)
		}
		if i > 0 && t.MinServices <= st.Tiers[i-1].MinServices {
			v.Add(field+".min_services", fmt.Errorf("%w: tiers must ascend", iop.ErrOrder))
		}
	}
	v.Cited("service_tiers.cite", len(st.Tiers) > 0, st.Cite)
	validateShortDays(&v.Errs, "service_tiers.short_days", st.ShortDays)
	if a := st.AddOn; a != (WeeklyAddOn{}) {
		if a.Settings == 0 || !a.Settings.IsValid() {
			v.Add("service_tiers.add_on.settings", iop.ErrMissing)
		}
		if !isCode(a.Code) {
			v.Add("service_tiers.add_on.code", fmt.Errorf("%w: want a HCPCS code", iop.ErrSyntax))
		}
		v.Count("service_tiers.add_on.min_services", a.MinServices, 7*24*60)
		v.Cited("service_tiers.add_on.cite", true, a.Cite)
	}

	c := b.Certification
	v.Count("certification.initial_days", c.InitialDays, check.MaxDays)
	v.Count("certification.first_recert_day", c.FirstRecertDay, check.MaxDays)
	v.Count("certification.recert_days", c.RecertDays, check.MaxDays)
	v.Count("certification.recert_months", c.RecertMonths, check.MaxDays/30)
	if c.RecertDays != 0 && c.RecertMonths != 0 {
		v.Add("certification.recert_months", fmt.Errorf("%w: set recert_days or recert_months, not both", iop.ErrOrder))
	}
	if c.FirstRecertCount != 0 && !c.FirstRecertCount.IsValid() {
		v.Add("certification.first_recert_count", iop.ErrUnknown)
	}
	v.Count("certification.plan_review_days", c.PlanReviewDays, check.MaxDays)
	if c.NoInitialDay && c.InitialDays != 0 {
		v.Add("certification.initial_days", fmt.Errorf("%w: no_initial_day sets no initial day", iop.ErrOrder))
	}
	if c.FirstRecertDay != 0 && c.FirstRecertDay <= c.InitialDays {
		v.Add("certification.first_recert_day", fmt.Errorf("%w: must come after initial_days", iop.ErrOrder))
	}
	c.validateContent(&v)
	v.Cited("certification.cite", c != (CertificationRules{Cite: c.Cite, Content: c.Content, Plan: c.Plan}), c.Cite)

	b.Counting.validate(&v)
	b.Claims.validate(&v)
	if (weekly || d != (DailyRules{Cite: d.Cite})) && b.Counting.IsZero() {
		v.Add("counting", fmt.Errorf("%w: a profile with weekly or daily rules must say which sessions count", iop.ErrMissing))
	}
	return v.Err()
}

// clone returns a copy of b that shares no memory with it.
func (b Benefit) clone() Benefit {
	b.ServiceTiers.Tiers = slices.Clone(b.ServiceTiers.Tiers)
	for i := range b.ServiceTiers.Tiers {
		b.ServiceTiers.Tiers[i].APCs = slices.Clone(b.ServiceTiers.Tiers[i].APCs)
	}
	b.ServiceTiers.ShortDays = slices.Clone(b.ServiceTiers.ShortDays)
	b.Counting.Codes = slices.Clone(b.Counting.Codes)
	b.Claims = b.Claims.clone()
	return b
}
