package benefits

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benefit returns p's schedule part, failing t when p has none.
func benefit(t *testing.T, p iop.Profile) schedule.Benefit {
	t.Helper()
	b, ok := iop.PartOf[schedule.Benefit](&p)
	require.True(t, ok, "%s: no schedule part", p.ID)
	return b
}

// All lists the profiles in the order of ioprules.Builtins, each once, each
// with one part, its schedule part, and nothing of another checking
// package (package doc).
func TestAll(t *testing.T) {
	var ids []string
	for _, p := range All() {
		ids = append(ids, p.ID)
		require.Len(t, p.Parts, 1, p.ID)
		assert.Equal(t, "schedule", p.Parts[0].Package(), p.ID)
		assert.IsType(t, schedule.Benefit{}, p.Parts[0], p.ID)
	}
	assert.Equal(t, []string{
		"medicare-iop-2024", "medicare-iop-2025", "medicare-iop-2026",
		"medicare-php-2024", "medicare-php-2025", "medicare-php-2026",
		"asam3-2.1", "asam3-2.5", "hcpcs-h0015", "ny-s9480", "samhsa-tip47", "dc-22a-6329",
	}, ids)
}

// Every profile validates as a whole (identity, settings, parts), and its
// schedule part on its own; every rule setting is of a rule of schedule's
// table.
func TestAllValidate(t *testing.T) {
	table := schedule.Rules()
	for _, p := range All() {
		t.Run(p.ID, func(t *testing.T) {
			assert.NoError(t, p.Validate())
			assert.NoError(t, benefit(t, p).Validate(&p))
			for _, s := range p.Rules {
				_, ok := table.Rule(s.Code)
				assert.True(t, ok, "setting %s: not a rule of schedule", s.Code)
			}
		})
	}
}

var citationType = reflect.TypeFor[iop.Citation]()

// cited reports whether values of t carry their own citation (a Cite
// field), directly or as the elements of a slice.
func cited(t reflect.Type) bool {
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	f, ok := t.FieldByName("Cite")
	return ok && f.Type == citationType
}

// uncited appends to out the path of each citation of v that is needed and
// has no Source: a field XCite is needed when a field whose name starts
// with X is set (TelehealthCite for Telehealth, MinServiceCite for
// MinServiceMinutes); a field Cite when any other field of its struct is
// set, apart from those an XCite covers and from values that carry their
// own citation. It walks structs, slices and interfaces (a profile's
// parts).
func uncited(path string, v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			uncited(path, v.Elem(), out)
		}
		return
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			uncited(fmt.Sprintf("%s[%d]", path, i), v.Index(i), out)
		}
		return
	case reflect.Struct:
		if v.Type() == citationType {
			return
		}
	default:
		return
	}
	t := v.Type()
	missing := func(i int) bool { return v.Field(i).Interface().(iop.Citation).Source == "" }
	covered := map[int]bool{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type != citationType || f.Name == "Cite" || !strings.HasSuffix(f.Name, "Cite") {
			continue
		}
		x, set := strings.TrimSuffix(f.Name, "Cite"), false
		for j := range t.NumField() {
			if g := t.Field(j); j != i && g.Type != citationType && strings.HasPrefix(g.Name, x) {
				covered[j] = true
				set = set || !v.Field(j).IsZero()
			}
		}
		if set && missing(i) {
			*out = append(*out, path+"."+f.Name)
		}
	}
	if c, ok := t.FieldByName("Cite"); ok && c.Type == citationType {
		set := false
		for j := range t.NumField() {
			if g := t.Field(j); !covered[j] && g.Type != citationType && !cited(g.Type) {
				set = set || !v.Field(j).IsZero()
			}
		}
		if set && missing(c.Index[0]) {
			*out = append(*out, path+".Cite")
		}
	}
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			uncited(path+"."+t.Field(i).Name, v.Field(i), out)
		}
	}
}

// The walk finds what it is meant to find: a figure without a citation,
// at every depth, and not a citation of a group that is not set.
func TestUncited(t *testing.T) {
	cite := iop.Citation{Source: "s"}
	p := iop.Profile{
		Ages:  iop.AgeRules{AdultAge: 18},
		Rules: []iop.RuleSetting{{Code: schedule.CodeBelowTier, Severity: iop.SeverityWarning, Cite: cite}, {Code: schedule.CodeWeeklyBelowMinimum, Off: true}},
		Parts: []iop.Part{schedule.Benefit{
			Weekly:   schedule.WeeklyRules{Adult: iop.Band{Min: 540}},
			Counting: schedule.CountingRules{MinServiceMinutes: 16, Cite: cite},
			ServiceTiers: schedule.ServiceTierRules{Tiers: []schedule.ServiceTier{{MinServices: 3}}, Cite: cite,
				ShortDays: []schedule.ShortDay{{Pay: schedule.DayPayUnpaid, Cite: cite}, {Pay: schedule.DayPayCost}},
				AddOn:     schedule.WeeklyAddOn{Code: "G0137"}},
			Claims: schedule.ClaimRules{Settings: []schedule.SettingClaims{{Revenue: "0905"}}},
		}},
	}
	var got []string
	uncited("p", reflect.ValueOf(p), &got)
	assert.Equal(t, []string{
		"p.Ages.Cite", "p.Rules[1].Cite",
		"p.Parts[0].Weekly.Cite",
		"p.Parts[0].ServiceTiers.ShortDays[1].Cite", "p.Parts[0].ServiceTiers.AddOn.Cite",
		"p.Parts[0].Counting.MinServiceCite",
		"p.Parts[0].Claims.Settings[0].Cite",
	}, got)
}

// Every figure of every profile carries a citation with a Source: each
// rule group set, each row of a table (settings' claims, short days), each
// rule setting, the ages, and the profile itself.
func TestEveryThresholdCited(t *testing.T) {
	for _, p := range All() {
		var got []string
		uncited(p.ID, reflect.ValueOf(p), &got)
		assert.Empty(t, got, "%s: uncited", p.ID)
		assert.NotEmpty(t, p.Source.Source, "%s: the profile's source", p.ID)
	}
}

// withoutCites returns a copy of v with every citation zero, at any depth,
// so that a rule group's figures compare as a whole value.
func withoutCites[T any](v T) T {
	var out T
	reflect.ValueOf(&out).Elem().Set(stripCites(reflect.ValueOf(v)))
	return out
}

func stripCites(v reflect.Value) reflect.Value {
	switch {
	case v.Type() == citationType:
		return reflect.Zero(citationType)
	case v.Kind() == reflect.Slice && !v.IsNil():
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(stripCites(v.Index(i)))
		}
		return out
	case v.Kind() == reflect.Struct:
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				out.Field(i).Set(stripCites(v.Field(i)))
			}
		}
		return out
	}
	return v
}

// The Medicare IOP and PHP profiles hold the figures of RULES.md §2 and §3.
func TestMedicareFigures(t *testing.T) {
	nine, twenty := iop.Band{Min: 9 * 60}, iop.Band{Min: 20 * 60}
	all := iop.SetOf[iop.Provider]
	for _, year := range []int{2024, 2025, 2026} {
		iopP, php := MedicareIOP(year), MedicarePHP(year)
		ib, pb := benefit(t, iopP), benefit(t, php)

		// §2: at least 9 hours a week, no weekly maximum, for adults and
		// adolescents alike; above it is level 2.5. §3: at least 20 hours.
		assert.Equal(t, schedule.WeeklyRules{Adult: nine, Adolescent: nine, Above: iop.Level25}, withoutCites(ib.Weekly), "IOP %d", year)
		assert.Equal(t, schedule.WeeklyRules{Adult: twenty, Adolescent: twenty}, withoutCites(pb.Weekly), "PHP %d", year)
		assert.Equal(t, [2]iop.Level{iop.Level21, iop.Level25}, [2]iop.Level{iopP.Level, php.Level})

		// A short week is a warning for review (a certification
		// requirement); a day below 3 services is not a program day.
		for _, p := range []iop.Profile{iopP, php} {
			assert.Equal(t, []iop.RuleSetting{
				{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.SeverityWarning},
				{Code: schedule.CodeBelowTier, Severity: iop.SeverityBlocking},
			}, withoutCites(p.Rules), p.ID)
		}

		// §2: recertification every 60 days, no day for the initial one.
		// §3: the first as of the 18th day of services (day 17 counting the
		// first as 0, by days of service), then every 30 days.
		ic, pc := withoutCites(ib.Certification), withoutCites(pb.Certification)
		ic.Content, ic.Plan, pc.Content, pc.Plan = schedule.CertificationContentRules{}, schedule.PlanRules{}, schedule.CertificationContentRules{}, schedule.PlanRules{}
		assert.Equal(t, schedule.CertificationRules{NoInitialDay: true, RecertDays: 60}, ic, "IOP %d", year)
		assert.Equal(t, schedule.CertificationRules{NoInitialDay: true, FirstRecertDay: 17, FirstRecertCount: schedule.DayCountService,
			RecertDays: 30}, pc, "PHP %d", year)

		// §2: per diem tiers of 3 services and 4 or more, with the APCs by
		// setting; the OTP's weekly add-on G0137 at 9 services.
		tiers := func(h3, h4, c3, c4 string) []schedule.ServiceTier {
			return []schedule.ServiceTier{
				{MinServices: 3, Name: "3 services", APCs: []schedule.SettingAPC{{Setting: iop.ProviderHospitalOutpatient, APC: h3}, {Setting: iop.ProviderCMHC, APC: c3}}},
				{MinServices: 4, Name: "4 or more services", APCs: []schedule.SettingAPC{{Setting: iop.ProviderHospitalOutpatient, APC: h4}, {Setting: iop.ProviderCMHC, APC: c4}}},
			}
		}
		assert.Equal(t, schedule.ServiceTierRules{
			Tiers: tiers("5861", "5862", "5851", "5852"), ShortDays: withoutCites(schedule.MedicareShortDays()),
			AddOn: schedule.WeeklyAddOn{Settings: all(iop.ProviderOTP), Code: "G0137", MinServices: 9},
		}, withoutCites(ib.ServiceTiers), "IOP %d", year)
		assert.Equal(t, schedule.ServiceTierRules{
			Tiers: tiers("5863", "5864", "5853", "5854"), ShortDays: withoutCites(schedule.MedicareShortDays()),
		}, withoutCites(pb.ServiceTiers), "PHP %d", year)

		// §2: condition code 92 on 13x, 76x, 85x, 71x, 77x; 12x contested;
		// professional services billed apart; RHC/FQHC revenue code 0905; a
		// freestanding OTP on 87x. §3: condition code 41.
		assert.Equal(t, [2]string{"92", "41"}, [2]string{ib.Claims.ConditionCode, pb.Claims.ConditionCode})
		assert.Equal(t, []string{"13x", "76x", "85x", "71x", "77x"}, ib.Claims.BillTypes)
		assert.Equal(t, []string{"12x"}, ib.Claims.ContestedBillTypes)
		assert.Equal(t, []string{"13x", "76x", "85x"}, pb.Claims.BillTypes)
		assert.Empty(t, pb.Claims.ContestedBillTypes)
		assert.Equal(t, [2]bool{true, true}, [2]bool{ib.Claims.InstitutionalOnly, pb.Claims.InstitutionalOnly})
		assert.Equal(t, []schedule.SettingClaims{
			{Setting: iop.ProviderRHC, BillTypes: []string{"71x"}, Revenue: "0905", DayModifier: "CG"},
			{Setting: iop.ProviderFQHC, BillTypes: []string{"77x"}, Revenue: "0905"},
			{Setting: iop.ProviderOTP, BillTypes: []string{"87x"}, NoCondition: true},
			{Setting: iop.ProviderOTP, BillTypes: []string{"13x", "85x"}, Condition: "89", NoCondition: true},
		}, withoutCites(ib.Claims.Settings))
		assert.Empty(t, pb.Claims.Settings)

		// §2: the settings; PHP in hospitals, CAHs and CMHCs.
		assert.Equal(t, iop.Scope{Reach: iop.ReachNational, Body: "CMS (Medicare)", Settings: all(iop.ProviderHospitalOutpatient,
			iop.ProviderCMHC, iop.ProviderCAH, iop.ProviderRHC, iop.ProviderFQHC, iop.ProviderOTP)}, iopP.Scope)
		assert.Equal(t, iop.Scope{Reach: iop.ReachNational, Body: "CMS (Medicare)", Settings: all(iop.ProviderHospitalOutpatient,
			iop.ProviderCMHC, iop.ProviderCAH)}, php.Scope)

		// The 16 minutes of a psychotherapy code's least time (§4) make a
		// session a service; case management and peer support count.
		c := withoutCites(ib.Counting)
		assert.Equal(t, iop.Minutes(16), c.MinServiceMinutes)
		assert.True(t, c.Kinds.Has(iop.ServiceKindCaseManagement) && c.Kinds.Has(iop.ServiceKindPeerSupport), "%s", c.Kinds)
		assert.Equal(t, ib.Counting, pb.Counting, "IOP and PHP count alike")
		assert.Equal(t, partialProrated(), ib.PartialWeeks)
		assert.Equal(t, partialProrated(), pb.PartialWeeks)
	}
}

// Each calendar year's Medicare profile is in force from January 1st to
// the next year's, the last open-ended: on any day one IOP and one PHP
// profile is in force, and none before the IOP benefit began (2024-01-01).
func TestMedicareYears(t *testing.T) {
	all := All()
	inForce := func(d date.Date) []string {
		var ids []string
		for _, p := range all.InForceOn(d) {
			if strings.HasPrefix(p.ID, "medicare-") {
				ids = append(ids, p.ID)
			}
		}
		return ids
	}
	for _, tc := range []struct {
		day  date.Date
		want []string
	}{
		{date.New(2023, 12, 31), nil},
		{date.New(2024, 1, 1), []string{"medicare-iop-2024", "medicare-php-2024"}},
		{date.New(2024, 12, 31), []string{"medicare-iop-2024", "medicare-php-2024"}},
		{date.New(2025, 1, 1), []string{"medicare-iop-2025", "medicare-php-2025"}},
		{date.New(2025, 12, 31), []string{"medicare-iop-2025", "medicare-php-2025"}},
		{date.New(2026, 1, 1), []string{"medicare-iop-2026", "medicare-php-2026"}},
		{date.New(2040, 6, 1), []string{"medicare-iop-2026", "medicare-php-2026"}},
	} {
		assert.Equal(t, tc.want, inForce(tc.day), "%s", tc.day)
	}
	for _, year := range []int{2024, 2025, 2026} {
		y := strconv.Itoa(year)
		assert.Equal(t, [2]string{"medicare-iop-" + y, "Medicare intensive outpatient program (IOP), CY" + y},
			[2]string{MedicareIOP(year).ID, MedicareIOP(year).Title})
		assert.Equal(t, [2]string{"medicare-php-" + y, "Medicare partial hospitalization program (PHP), CY" + y},
			[2]string{MedicarePHP(year).ID, MedicarePHP(year).Title})
	}
}

// The other built-ins hold the figures of RULES.md §1 and §4: ASAM 2.1 at
// 9 hours for adults and 6 for adolescents up to the minute below 2.5's
// 20 hours; 2.5 at 20; H0015 3 hours a day on 3 days; New York's S9480 3
// hours a day and 9 a week; TIP 47 9 and 6 with no maximum; DC's 2.1 band
// as ASAM's, with adults from 21.
func TestOtherFigures(t *testing.T) {
	band21 := schedule.WeeklyRules{Adult: iop.Band{Min: 9 * 60, Max: 20*60 - 1}, Adolescent: iop.Band{Min: 6 * 60, Max: 20*60 - 1}, Above: iop.Level25}
	asam, asam25, h, ny, tip, dc := ASAM3Level21(), ASAM3Level25(), H0015(), S9480NewYork(), TIP47(), DCLevel21()
	assert.Equal(t, band21, withoutCites(benefit(t, asam).Weekly))
	assert.Equal(t, schedule.StepDownRules{Weeks: 2}, withoutCites(benefit(t, asam).StepDown), "RULES.md §1: 1-2 weeks")
	assert.Equal(t, schedule.WeeklyRules{Adult: iop.Band{Min: 20 * 60}, Adolescent: iop.Band{Min: 20 * 60}}, withoutCites(benefit(t, asam25).Weekly))
	assert.Equal(t, band21, withoutCites(benefit(t, dc).Weekly))
	assert.Equal(t, schedule.WeeklyRules{Adult: iop.Band{Min: 9 * 60}, Adolescent: iop.Band{Min: 6 * 60}}, withoutCites(benefit(t, tip).Weekly))
	assert.Equal(t, schedule.WeeklyRules{Adult: iop.Band{Min: 9 * 60}, Adolescent: iop.Band{Min: 9 * 60}}, withoutCites(benefit(t, ny).Weekly))

	assert.Equal(t, schedule.DailyRules{MinDays: 3, MinDayMinutes: 3 * 60}, withoutCites(benefit(t, h).Daily))
	assert.Equal(t, schedule.DailyRules{MinDayMinutes: 3 * 60}, withoutCites(benefit(t, ny).Daily))
	assert.Equal(t, []schedule.ServiceCode{{Code: "H0015", Kind: iop.ServiceKindOther, PerDiem: true, DayMinutes: 3 * 60}}, benefit(t, h).Claims.Codes)
	assert.Equal(t, []schedule.ServiceCode{{Code: "S9480", Kind: iop.ServiceKindOther, PerDiem: true, DayMinutes: 3 * 60}}, benefit(t, ny).Claims.Codes)

	ages := [6]int{asam.Ages.AdultAge, asam25.Ages.AdultAge, h.Ages.AdultAge, ny.Ages.AdultAge, tip.Ages.AdultAge, dc.Ages.AdultAge}
	assert.Equal(t, [6]int{18, 18, 0, 0, 18, 21}, ages)

	// The 2.1 band's top is the minute below 2.5's floor: 19h30m is 2.1.
	for _, tc := range []struct {
		m    iop.Minutes
		want int
	}{{9*60 - 1, -1}, {9 * 60, 0}, {19*60 + 30, 0}, {20*60 - 1, 0}, {20 * 60, 1}} {
		assert.Equal(t, tc.want, benefit(t, asam).Weekly.Adult.Compare(tc.m), "%s", tc.m)
	}
}

// Each call returns new values: changing what one call returned, down to
// the elements of its slices, changes nothing another call returns.
func TestFreshValues(t *testing.T) {
	want := All()
	got := All()
	require.Equal(t, want, got)
	for i := range got {
		b := benefit(t, got[i])
		for _, s := range [][]string{b.Claims.BillTypes, b.Claims.ContestedBillTypes, b.Claims.Excluded, b.Claims.RevenueCodes} {
			for j := range s {
				s[j] = "changed"
			}
		}
		for j := range b.Claims.Codes {
			b.Claims.Codes[j].Code = "changed"
		}
		for j := range b.ServiceTiers.Tiers {
			b.ServiceTiers.Tiers[j].MinServices = 99
			for k := range b.ServiceTiers.Tiers[j].APCs {
				b.ServiceTiers.Tiers[j].APCs[k].APC = "changed"
			}
		}
		for j := range b.Claims.Settings {
			b.Claims.Settings[j].BillTypes[0] = "changed"
		}
		for j := range got[i].Rules {
			got[i].Rules[j].Severity = iop.SeverityInfo
		}
		for j := range got[i].Scope.States {
			got[i].Scope.States[j] = "ZZ"
		}
	}
	assert.Equal(t, want, All())
	assert.NotEqual(t, want, got, "the changes took")
}

// itoa writes n in decimal as strconv.Itoa does, for the years of the
// profiles and the boundaries of its digits.
func TestItoa(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 2024, 2025, 2026, 9999, 10000, 1<<63 - 1} {
		assert.Equal(t, strconv.Itoa(n), itoa(n), "itoa(%d)", n)
	}
}

// undated appends to out the path of each citation of v that names a
// source but not its edition or date.
func undated(path string, v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			undated(path, v.Elem(), out)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			undated(fmt.Sprintf("%s[%d]", path, i), v.Index(i), out)
		}
	case reflect.Struct:
		if c, ok := v.Interface().(iop.Citation); ok {
			if c.Source != "" && c.Edition == "" {
				*out = append(*out, path)
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				undated(path+"."+v.Type().Field(i).Name, v.Field(i), out)
			}
		}
	}
}

// Every citation of every built-in profile says which edition or date of
// its source it read: a rule's force is its source's, and sources change
// by year.
func TestEveryCitationDated(t *testing.T) {
	var got []string
	undated("p", reflect.ValueOf(iop.Citation{Source: "s"}), &got)
	require.Equal(t, []string{"p"}, got, "the walk finds an undated citation")
	for _, p := range All() {
		var got []string
		undated(p.ID, reflect.ValueOf(p), &got)
		assert.Empty(t, got, "%s: undated", p.ID)
	}
}
