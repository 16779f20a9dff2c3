package iop_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuiltinsValidate(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range iop.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			require.NoError(t, p.Validate())
			assert.False(t, seen[p.ID], "duplicate built-in ID")
			seen[p.ID] = true
		})
	}
}

// TestBuiltinNumbers pins every number of the built-in profiles that a
// source gives, with the source's reading (issue: rule fidelity).
func TestBuiltinNumbers(t *testing.T) {
	for _, year := range []int{2024, 2025, 2026} {
		ioprule := map[int]iop.Profile{2024: iop.MedicareIOP2024(), 2025: iop.MedicareIOP2025(), 2026: iop.MedicareIOP2026()}[year]
		php := map[int]iop.Profile{2024: iop.MedicarePHP2024(), 2025: iop.MedicarePHP2025(), 2026: iop.MedicarePHP2026()}[year]
		assert.Equal(t, iop.Band{Min: 540}, ioprule.Weekly.For(iop.Adult), "Medicare IOP sets a minimum and no maximum")
		assert.Equal(t, iop.Band{Min: 540}, ioprule.Weekly.For(iop.Adolescent))
		assert.Equal(t, iop.CertificationRules{RecertMonths: 2, Cite: ioprule.Certification.Cite}, ioprule.Certification,
			"every other month, not 60 days")
		assert.Equal(t, date.New(year, 1, 1), ioprule.From)
		assert.Equal(t, iop.Band{Min: 1200}, php.Weekly.For(iop.Adult))
		assert.Equal(t, iop.CertificationRules{FirstRecertDay: 17, FirstRecertCount: iop.ServiceDays, RecertDays: 30, Cite: php.Certification.Cite},
			php.Certification, "the 18th day of services, then every 30 days; no 31-day plan review")
		for _, tc := range []struct {
			p       iop.Profile
			setting iop.Setting
			apcs    [2]string
		}{
			{ioprule, iop.HospitalOutpatient, [2]string{"5861", "5862"}},
			{ioprule, iop.CMHC, [2]string{"5851", "5852"}},
			{php, iop.HospitalOutpatient, [2]string{"5863", "5864"}},
			{php, iop.CMHC, [2]string{"5853", "5854"}},
			{ioprule, iop.FQHC, [2]string{"", ""}},
		} {
			tiers := tc.p.ServiceTiers.Tiers
			require.Len(t, tiers, 2)
			assert.Equal(t, [2]int{3, 4}, [2]int{tiers[0].MinServices, tiers[1].MinServices})
			got := [2]string{tiers[0].APC(tc.setting), tiers[1].APC(tc.setting)}
			assert.Equal(t, tc.apcs, got, "%s %s", tc.p.ID, tc.setting)
		}
		for _, p := range []iop.Profile{ioprule, php} {
			sev, on := p.Setting(iop.Rule{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.Blocking})
			assert.Equal(t, [2]any{iop.Warning, true}, [2]any{sev, on}, "%s: the weekly minimum is a certification requirement", p.ID)
			sev, on = p.Setting(iop.Rule{Code: "schedule.day-services.below-tier", Severity: iop.Warning})
			assert.Equal(t, [2]any{iop.Blocking, true}, [2]any{sev, on}, "%s: a day below 3 services is not a program day", p.ID)
			assert.True(t, p.Group.Cite.IsZero(), "%s: no contractor's group cap in a national profile", p.ID)
		}
	}
	assert.Equal(t, date.New(2025, 1, 1), iop.MedicareIOP2024().Until)
	assert.Equal(t, date.Zero, iop.MedicareIOP2026().Until)

	asam := iop.ASAM3Level21()
	assert.Equal(t, iop.Band{Min: 360, Max: 1199}, asam.Weekly.For(iop.Adolescent))
	assert.Equal(t, iop.Band{Min: 540, Max: 1199}, asam.Weekly.For(iop.Adult))
	assert.Equal(t, iop.Level25, asam.Weekly.Above)
	for _, tc := range []struct {
		m    iop.Minutes
		want int
	}{{iop.Hours(9) - 1, -1}, {iop.Hours(9), 0}, {iop.Hours(19) + 30, 0}, {iop.Hours(20) - 1, 0}, {iop.Hours(20), +1}} {
		assert.Equal(t, tc.want, asam.Weekly.Adult.Compare(tc.m), "ASAM 2.1 adult band, %s", tc.m)
	}

	h := iop.H0015()
	assert.Equal(t, iop.DailyRules{MinDays: 3, MinDayMinutes: 180, Cite: h.Daily.Cite}, h.Daily)

	ngs := iop.NGSGroupPsychotherapy()
	assert.Equal(t, 12, ngs.Group.MaxSize)
	assert.Equal(t, iop.Contractor, ngs.Scope.Reach)

	for _, tc := range []struct {
		p           iop.Profile
		from, until date.Date
	}{
		{iop.TexasGroups2004(), date.New(2004, 9, 1), date.New(2024, 4, 30)},
		{iop.TexasGroups(), date.New(2024, 4, 30), 0},
		{iop.WisconsinYouth(), date.New(2020, 7, 1), 0},
		{iop.IllinoisAges(), date.New(2025, 4, 2), 0},
		{iop.S9480NewYork(), date.New(2017, 2, 1), 0},
		{iop.DCLevel21(), date.New(2017, 9, 13), 0},
	} {
		assert.Equal(t, [2]date.Date{tc.from, tc.until}, [2]date.Date{tc.p.From, tc.p.Until}, tc.p.ID)
	}
	for _, g := range []iop.Profile{iop.TexasGroups2004(), iop.TexasGroups()} {
		assert.Equal(t, [2]int{16, 35}, [2]int{g.Group.MaxSize, g.Group.EducationMaxSize}, g.ID)
	}
	il := iop.IllinoisAges()
	sev, _ := il.Setting(iop.Rule{Code: "group.age.exception-undocumented", Severity: iop.Warning})
	assert.Equal(t, iop.Blocking, sev, "Illinois: 16-17 in adult treatment only with documented justification")

	tip := iop.TIP47()
	for _, s := range tip.Rules {
		assert.Equal(t, iop.Warning, s.Severity, "%s: SAMHSA guidance is a warning at most", s.Code)
	}
	assert.NotEmpty(t, tip.Rules)
}

func TestMeasures(t *testing.T) {
	for _, tc := range []struct {
		m           iop.Measure
		days        int
		sameDay     bool
		contacts    int
		after       string
		first, last int // days after the index day
	}{
		{iop.IETInitiation, 13, true, 1, "", 0, 13},
		{iop.IETEngagement, 34, false, 2, "iet-initiation", 1, 34},
		{iop.FUA7, 7, true, 1, "", 0, 7},
		{iop.FUA30, 30, true, 1, "", 0, 30},
		{iop.FUM7, 7, true, 1, "", 0, 7},
		{iop.FUM30, 30, true, 1, "", 0, 30},
		{iop.FUH7, 7, false, 1, "", 1, 7},
		{iop.FUH30, 30, false, 1, "", 1, 30},
		{iop.FUI7, 7, false, 1, "", 1, 7},
		{iop.FUI30, 30, false, 1, "", 1, 30},
	} {
		w := tc.m.Window()
		assert.Equal(t, tc.m.String(), w.Name)
		assert.Equal(t, tc.m, w.Measure)
		assert.Equal(t, [4]any{tc.days, tc.sameDay, tc.contacts, tc.after}, [4]any{w.Days, w.SameDayCounts, w.Need(), w.After}, tc.m.String())
		index := date.New(2025, 2, 28)
		first, last := w.Range(index)
		assert.Equal(t, [2]int{tc.first, tc.last}, [2]int{int(first - index), int(last - index)}, tc.m.String())
		assert.NotEmpty(t, w.Cite.URL, tc.m.String())
	}
	assert.Equal(t, iop.FollowUpWindow{}, iop.Measure(0).Window())
	assert.Len(t, iop.AllMeasures(), 10)
}

func TestProfileJSONRoundTrip(t *testing.T) {
	for _, p := range iop.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			b, err := json.Marshal(p)
			require.NoError(t, err)
			got, err := iop.ParseProfile(b)
			require.NoError(t, err)
			assert.True(t, p.Equal(got), "round trip changed the profile:\n%s", b)
			b2, err := json.Marshal(got)
			require.NoError(t, err)
			assert.Equal(t, string(b), string(b2))
		})
	}
}

// TestParseProfileRefuses checks that each kind of bad input is refused with
// a typed error naming the field.
func TestParseProfileRefuses(t *testing.T) {
	const valid = `{"id":"x","title":"X","level":"2.1","from":"2025-01-01","source":{"source":"S"},"scope":{"reach":"state","states":["NY"]}`
	tests := []struct {
		name  string
		json  string
		field string
		want  error
	}{
		{"unknown top-level field", valid + `,"colour":"red"}`, "#6", iop.ErrUnknownField},
		{"misspelt nested field", valid + `,"weekly":{"adult":{"minimum":540}}}`, "weekly.adult.#0", iop.ErrUnknownField},
		{"unknown key with escapes", valid + `,"x\n\u001b[31m":1}`, "#6", iop.ErrUnknownField},
		{"rule setting of no checking package", valid + `,"rules":[{"code":"iop.x","severity":"warning","cite":{"source":"S"}}]}`, "rules[0].code", iop.ErrUnknown},
		{"rule setting without severity", valid + `,"rules":[{"code":"schedule.x","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrMissing},
		{"rule setting off with severity", valid + `,"rules":[{"code":"schedule.x","off":true,"severity":"info","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrOrder},
		{"rule setting unknown severity", valid + `,"rules":[{"code":"schedule.x","severity":"fatal","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrUnknown},
		{"rule setting twice", valid + `,"rules":[{"code":"schedule.x","off":true,"cite":{"source":"S"}},{"code":"schedule.x","off":true,"cite":{"source":"S"}}]}`, "rules[1].code", iop.ErrDuplicate},
		{"rule setting without citation", valid + `,"rules":[{"code":"schedule.x","off":true}]}`, "rules[0].cite", iop.ErrMissing},
		{"weekly rules without counting", valid + `,"weekly":{"adult":{"min":"9h00m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}}}`, "counting", iop.ErrMissing},
		{"counting with an unknown kind", valid + `,"counting":{"kinds":["group","yoga"],"cite":{"source":"S"}}}`, "counting.kinds[1]", iop.ErrUnknown},
		{"minutes as a number", valid + `,"daily":{"min_day_minutes":180,"cite":{"source":"S"}}}`, "daily.min_day_minutes", iop.ErrSyntax},
		{"too large", valid + `,"title":"` + strings.Repeat("x", 9<<20) + `"}`, "", iop.ErrTooLarge},
		{"unknown level", `{"id":"x","title":"X","level":"2.2","from":"2025-01-01","source":{"source":"S"},"scope":{"reach":"national"}}`, "level", iop.ErrUnknown},
		{"date that does not exist", `{"id":"x","title":"X","level":"2.1","from":"2025-02-30","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"month 13", `{"id":"x","title":"X","level":"2.1","from":"2024-13-01","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"date in another form", `{"id":"x","title":"X","level":"2.1","from":"01/02/2025","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"minimum above maximum", valid + `,"weekly":{"adult":{"min":"10h00m","max":"9h00m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}},"counting":{"kinds":["group"],"cite":{"source":"S"}}}`, "weekly.adult", iop.ErrOrder},
		{"negative minutes", valid + `,"weekly":{"adult":{"min":"-0h01m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}},"counting":{"kinds":["group"],"cite":{"source":"S"}}}`, "weekly.adult.min", iop.ErrOutOfRange},
		{"wrong JSON type", valid + `,"daily":{"min_days":"three"}}`, "daily.min_days", iop.ErrSyntax},
		{"integer out of range", valid + `,"daily":{"min_days":99999999999999999999}}`, "daily.min_days", iop.ErrSyntax},
		{"unknown partial-week rule", valid + `,"partial_weeks":{"first":"half"}}`, "partial_weeks.first", iop.ErrUnknown},
		{"missing citation", valid + `,"daily":{"min_days":3}}`, "daily.cite", iop.ErrMissing},
		{"duplicate field", `{"id":"x","id":"y"}`, "id", iop.ErrDuplicate},
		{"negative interval", valid + `,"certification":{"recert_days":-30,"cite":{"source":"S"}}}`, "certification.recert_days", iop.ErrOutOfRange},
		{"not an object", `[1,2]`, "", iop.ErrSyntax},
		{"trailing data", valid + `} {}`, "", iop.ErrSyntax},
		{"truncated", `{"id":"x"`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := iop.ParseProfile([]byte(tt.json))
			require.ErrorIs(t, err, tt.want)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.True(t, p.IsZero(), "a refused profile is the zero Profile")
			for _, secret := range []string{"colour", "minimum", "red", "three", "half", "fatal", "yoga", "99999999999999999999", "\x1b"} {
				assert.NotContains(t, err.Error(), secret, "the message holds no input text")
			}
		})
	}
}

func TestValidateReportsEverything(t *testing.T) {
	p := iop.Profile{
		Level:   iop.Level27,
		Edition: iop.Edition3,
		From:    date.New(2025, 1, 1),
		Until:   date.New(2024, 1, 1),
		Weekly:  iop.WeeklyRules{Adult: iop.Band{Min: 600, Max: 540}},
		Daily:   iop.DailyRules{MinDays: 8, Cite: iop.Citation{Source: "S"}},
		Group:   iop.GroupRules{MinSize: 13, MaxSize: 12, Cite: iop.Citation{Source: "S"}},
		ServiceTiers: iop.ServiceTierRules{Tiers: []iop.ServiceTier{
			{MinServices: 4, Name: "4+"}, {MinServices: 3, Name: "3"},
		}, Cite: iop.Citation{Source: "S"}},
		Certification: iop.CertificationRules{RecertDays: -1, Cite: iop.Citation{Source: "S"}},
		FollowUp: iop.FollowUpRules{Windows: []iop.FollowUpWindow{
			{Name: "7-day", Days: 7, Cite: iop.Citation{Source: "S"}},
			{Name: "7-day", Days: 0},
		}},
	}
	err := p.Validate()
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	var fields []string
	for _, e := range errs {
		var fe *iop.FieldError
		require.ErrorAs(t, e, &fe)
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{
		"id", "title", "level", "until", "source", "scope.reach",
		"weekly.adult", "weekly.cite",
		"daily.min_days",
		"partial_weeks.first", "partial_weeks.last",
		"service_tiers.tiers[1].min_services",
		"certification.recert_days",
		"group",
		"follow_up.windows[1].name", "follow_up.windows[1].days", "follow_up.windows[1].cite", "counting",
	}, fields)
	require.ErrorIs(t, err, iop.ErrUnknown)
	require.ErrorIs(t, err, iop.ErrOrder)
	require.ErrorIs(t, err, iop.ErrOrder)
}

func TestValidateAges(t *testing.T) {
	base := iop.ASAM3Level21()
	tests := []struct {
		name  string
		ages  iop.AgeRules
		field string
		want  error
	}{
		{"min age at adult age", iop.AgeRules{AdultAge: 18, MinAge: 18, Cite: iop.Citation{Source: "S"}}, "ages.min_age", iop.ErrOrder},
		{"adolescent max below adult age", iop.AgeRules{AdultAge: 18, AdolescentMaxAge: 16, Cite: iop.Citation{Source: "S"}}, "ages.adolescent_max_age", iop.ErrOutOfRange},
		{"adult min above adult age", iop.AgeRules{AdultAge: 18, AdultMinAge: 19, Cite: iop.Citation{Source: "S"}}, "ages.adult_min_age", iop.ErrOrder},
		{"no adult age", iop.AgeRules{MinAge: 12, Cite: iop.Citation{Source: "S"}}, "ages.adult_age", iop.ErrMissing},
		{"absurd age", iop.AgeRules{AdultAge: 200, Cite: iop.Citation{Source: "S"}}, "ages.adult_age", iop.ErrOutOfRange},
		{"uncited", iop.AgeRules{AdultAge: 18}, "ages.cite", iop.ErrMissing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := base
			p.Ages = tt.ages
			err := p.Validate()
			require.ErrorIs(t, err, tt.want)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
}

func TestAsOf(t *testing.T) {
	old := iop.MedicareIOP2024()
	newer := iop.MedicareIOP2026()
	newer.ID, newer.From = "medicare-iop-2025", date.New(2025, 1, 1)
	ps := iop.Profiles{old, newer, iop.MedicarePHP2024()}

	tests := []struct {
		day  date.Date
		want string
	}{
		{date.New(2024, 1, 1), "medicare-iop-2024"},
		{date.New(2024, 12, 31), "medicare-iop-2024"},
		{date.New(2025, 1, 1), "medicare-iop-2025"},
		{date.New(2030, 6, 1), "medicare-iop-2025"},
	}
	for _, tt := range tests {
		p, err := ps.AsOf(iop.Level21, tt.day)
		require.NoError(t, err, "AsOf(2.1, %s)", tt.day)
		assert.Equal(t, tt.want, p.ID, "AsOf(2.1, %s)", tt.day)
	}

	_, err := ps.AsOf(iop.Level21, date.New(2023, 12, 31))
	require.ErrorIs(t, err, iop.ErrNoProfile)
	var pe *iop.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, iop.Level21, pe.Level)

	twin := newer
	twin.ID = "twin"
	_, err = append(ps, twin).AsOf(iop.Level21, date.New(2025, 6, 1))
	require.ErrorIs(t, err, iop.ErrAmbiguousProfile)

	assert.Len(t, ps.InForceOn(date.New(2024, 6, 1)), 2)
	got, ok := ps.ByID("medicare-php-2024")
	require.True(t, ok)
	assert.Equal(t, iop.Level25, got.Level)
	_, ok = ps.ByID("nope")
	assert.False(t, ok)
}

func TestInForce(t *testing.T) {
	p := iop.MedicareIOP2024()
	p.Until = date.New(2025, 1, 1)
	r := p.InForce()
	assert.Equal(t, date.New(2024, 1, 1), r.Start())
	assert.Equal(t, date.New(2024, 12, 31), r.Last(), "Until is excluded")
	assert.True(t, p.InForceOn(date.New(2024, 12, 31)))
	assert.False(t, p.InForceOn(date.New(2025, 1, 1)))
	assert.False(t, p.InForceOn(date.New(2023, 12, 31)))
	assert.True(t, iop.MedicareIOP2026().InForce().Contains(date.New(2099, 1, 1)), "open-ended")
}

func TestProfileCloneEqual(t *testing.T) {
	p := iop.MedicareIOP2024()
	c := p.Clone()
	require.True(t, p.Equal(c))
	c.ServiceTiers.Tiers[0].MinServices = 2
	assert.Equal(t, 3, p.ServiceTiers.Tiers[0].MinServices, "a clone shares no memory")
	assert.False(t, p.Equal(c))
	assert.True(t, iop.Profile{}.IsZero())
	assert.False(t, p.IsZero())
}

func TestProrate(t *testing.T) {
	tests := []struct {
		rule iop.PartialWeek
		days int
		want iop.Minutes
	}{
		{iop.PartialWeekFull, 3, 540},
		{iop.PartialWeekProrated, 3, 231}, // 540*3/7 = 231.4
		{iop.PartialWeekProrated, 1, 77},
		{iop.PartialWeekProrated, 7, 540},
		{iop.PartialWeekProrated, 0, 0},
		{iop.PartialWeekExempt, 6, 0},
		{iop.PartialWeekExempt, 7, 540},
		{iop.PartialWeek(0), 3, 540},
		{iop.PartialWeekProrated, -1, 540},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.rule.Minimum(540, tt.days), "%s.Minimum(540, %d)", tt.rule, tt.days)
	}
	assert.Equal(t, 1, iop.Prorate(iop.PartialWeekProrated, 3, 3), "3 days a week prorated to 3 of 7 days")
}

func TestServiceTiers(t *testing.T) {
	tiers := iop.MedicareIOP2024().ServiceTiers
	for _, tt := range []struct {
		n    int
		want string
		ok   bool
	}{{0, "", false}, {2, "", false}, {3, "3 services", true}, {4, "4 or more services", true}, {9, "4 or more services", true}} {
		got, ok := tiers.TierFor(tt.n)
		assert.Equal(t, tt.ok, ok, "TierFor(%d)", tt.n)
		assert.Equal(t, tt.want, got.Name, "TierFor(%d)", tt.n)
	}
}

func TestFieldErrors(t *testing.T) {
	require.NoError(t, iop.FieldErrors(nil).Err())
	var es iop.FieldErrors
	es.Add("", errors.New("a"))
	es.Add("f", iop.ErrMissing)
	nested := iop.FieldErrors{{Field: "x", Err: iop.ErrUnknown}, {Field: "[2]", Err: iop.ErrDuplicate}}
	es.Add("list[10]", nested)
	es.Add("list[9]", &iop.FieldError{Field: "y", Err: iop.ErrOrder})
	es.Add("ignored", nil)
	require.Error(t, es.Err())
	assert.Equal(t, "a\nf: missing\nlist[10].x: unknown value\nlist[10][2]: duplicate\nlist[9].y: out of order", es.Error())
	require.ErrorIs(t, es.Err(), iop.ErrMissing)
	require.ErrorIs(t, es.Err(), iop.ErrDuplicate)
	es.Sort()
	var paths []string
	for _, e := range es {
		paths = append(paths, e.Field)
	}
	assert.Equal(t, []string{"", "f", "list[9].y", "list[10].x", "list[10][2]"}, paths)
}

func TestScope(t *testing.T) {
	ngs := iop.NGSGroupPsychotherapy().Scope
	assert.True(t, ngs.Covers("NY", iop.HospitalOutpatient))
	assert.False(t, ngs.Covers("TX", iop.HospitalOutpatient), "an LCD binds only in its contractor's states")
	php := iop.MedicarePHP2024().Scope
	assert.True(t, php.Covers("TX", iop.CMHC))
	assert.False(t, php.Covers("TX", iop.FQHC), "PHP is furnished by hospitals and CMHCs only")
	for _, tc := range []struct {
		name  string
		scope string
		field string
		want  error
	}{
		{"no reach", `{}`, "scope.reach", iop.ErrMissing},
		{"state without states", `{"reach":"state"}`, "scope.states", iop.ErrMissing},
		{"national with states", `{"reach":"national","states":["NY"]}`, "scope.states", iop.ErrOrder},
		{"bad state code", `{"reach":"contractor","states":["NY","new york"]}`, "scope.states[1]", iop.ErrSyntax},
		{"state twice", `{"reach":"state","states":["NY","NY"]}`, "scope.states[1]", iop.ErrDuplicate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iop.ParseProfile([]byte(`{"id":"x","title":"X","level":"2.1","from":"2025-01-01","source":{"source":"S"},"scope":` + tc.scope + `}`))
			require.ErrorIs(t, err, tc.want)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.NotContains(t, err.Error(), "new york")
		})
	}
}
