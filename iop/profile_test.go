package iop_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProfileJSONRoundTrip(t *testing.T) {
	for _, p := range ioprules.Builtins() {
		t.Run(p.ID, func(t *testing.T) {
			b, err := json.Marshal(p)
			require.NoError(t, err)
			got, err := iop.ParseProfile(b, ioprules.Kinds()...)
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
		{"misspelt nested field", valid + `,"schedule":{"weekly":{"adult":{"minimum":540}}}}`, "schedule.weekly.adult.#0", iop.ErrUnknownField},
		{"unknown key with escapes", valid + `,"x\n\u001b[31m":1}`, "#6", iop.ErrUnknownField},
		{"rule setting of no checking package", valid + `,"rules":[{"code":"iop.x","severity":"warning","cite":{"source":"S"}}]}`, "rules[0].code", iop.ErrUnknown},
		{"rule setting without severity", valid + `,"schedule":{},"rules":[{"code":"schedule.session.duplicate","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrMissing},
		{"rule setting off with severity", valid + `,"schedule":{},"rules":[{"code":"schedule.session.duplicate","off":true,"severity":"info","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrOrder},
		{"rule setting unknown severity", valid + `,"schedule":{},"rules":[{"code":"schedule.session.duplicate","severity":"fatal","cite":{"source":"S"}}]}`, "rules[0].severity", iop.ErrUnknown},
		{"rule setting twice", valid + `,"schedule":{},"rules":[{"code":"schedule.session.duplicate","off":true,"cite":{"source":"S"}},{"code":"schedule.session.duplicate","off":true,"cite":{"source":"S"}}]}`, "rules[1].code", iop.ErrDuplicate},
		{"rule setting without citation", valid + `,"schedule":{},"rules":[{"code":"schedule.session.duplicate","off":true}]}`, "rules[0].cite", iop.ErrMissing},
		{"weekly rules without counting", valid + `,"schedule":{"weekly":{"adult":{"min":"9h00m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}}}}`, "schedule.counting", iop.ErrMissing},
		{"counting with an unknown kind", valid + `,"schedule":{"counting":{"kinds":["group","yoga"],"cite":{"source":"S"}}}}`, "schedule.counting.kinds[1]", iop.ErrUnknown},
		{"counting a code in lower case", valid + `,"schedule":{"counting":{"codes":["h0015"],"cite":{"source":"S"}}}}`, "schedule.counting.codes[0]", iop.ErrSyntax},
		{"counting a code with a space", valid + `,"schedule":{"counting":{"codes":["H0015","S9480 "],"cite":{"source":"S"}}}}`, "schedule.counting.codes[1]", iop.ErrSyntax},
		{"counting a name as a code", valid + `,"schedule":{"counting":{"codes":["yoga"],"cite":{"source":"S"}}}}`, "schedule.counting.codes[0]", iop.ErrSyntax},
		{"minutes as a number", valid + `,"schedule":{"daily":{"min_day_minutes":180,"cite":{"source":"S"}}}}`, "schedule.daily.min_day_minutes", iop.ErrSyntax},
		{"too large", valid + `,"title":"` + strings.Repeat("x", 9<<20) + `"}`, "", iop.ErrTooLarge},
		{"unknown level", `{"id":"x","title":"X","level":"2.2","from":"2025-01-01","source":{"source":"S"},"scope":{"reach":"national"}}`, "level", iop.ErrUnknown},
		{"date that does not exist", `{"id":"x","title":"X","level":"2.1","from":"2025-02-30","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"month 13", `{"id":"x","title":"X","level":"2.1","from":"2024-13-01","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"date in another form", `{"id":"x","title":"X","level":"2.1","from":"01/02/2025","source":{"source":"S"},"scope":{"reach":"national"}}`, "from", iop.ErrInvalidDate},
		{"minimum above maximum", valid + `,"schedule":{"weekly":{"adult":{"min":"10h00m","max":"9h00m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}},"counting":{"kinds":["group"],"cite":{"source":"S"}}}}`, "schedule.weekly.adult", iop.ErrOrder},
		{"negative minutes", valid + `,"schedule":{"weekly":{"adult":{"min":"-0h01m"},"cite":{"source":"S"}},"partial_weeks":{"first":"full","last":"full","cite":{"source":"S"}},"counting":{"kinds":["group"],"cite":{"source":"S"}}}}`, "schedule.weekly.adult.min", iop.ErrOutOfRange},
		{"wrong JSON type", valid + `,"schedule":{"daily":{"min_days":"three"}}}`, "schedule.daily.min_days", iop.ErrSyntax},
		{"integer out of range", valid + `,"schedule":{"daily":{"min_days":99999999999999999999}}}`, "schedule.daily.min_days", iop.ErrSyntax},
		{"unknown partial-week rule", valid + `,"schedule":{"partial_weeks":{"first":"half"}}}`, "schedule.partial_weeks.first", iop.ErrUnknown},
		{"missing citation", valid + `,"schedule":{"daily":{"min_days":3}}}`, "schedule.daily.cite", iop.ErrMissing},
		{"duplicate field", `{"id":"x","id":"y"}`, "id", iop.ErrDuplicate},
		{"negative interval", valid + `,"schedule":{"certification":{"recert_days":-30,"cite":{"source":"S"}}}}`, "schedule.certification.recert_days", iop.ErrOutOfRange},
		{"not an object", `[1,2]`, "", iop.ErrSyntax},
		{"trailing data", valid + `} {}`, "", iop.ErrSyntax},
		{"truncated", `{"id":"x"`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := iop.ParseProfile([]byte(tt.json), ioprules.Kinds()...)
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
		Parts: []iop.Part{
			schedule.Benefit{
				Weekly: schedule.WeeklyRules{Adult: iop.Band{Min: 600, Max: 540}},
				Daily:  schedule.DailyRules{MinDays: 8, Cite: iop.Citation{Source: "S"}},
				ServiceTiers: schedule.ServiceTierRules{Tiers: []schedule.ServiceTier{
					{MinServices: 4, Name: "4+"}, {MinServices: 3, Name: "3"},
				}, Cite: iop.Citation{Source: "S"}},
				Certification: schedule.CertificationRules{RecertDays: -1, Cite: iop.Citation{Source: "S"}},
			},
			group.Composition{MinSize: 13, MaxSize: 12, Cite: iop.Citation{Source: "S"}},
			aftercare.FollowUp{Windows: []aftercare.FollowUpWindow{
				{Name: "7-day", Days: 7, Cite: iop.Citation{Source: "S"}},
				{Name: "7-day", Days: 0},
			}},
		},
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
		"schedule.weekly.adult", "schedule.weekly.cite",
		"schedule.daily.min_days",
		"schedule.partial_weeks.first", "schedule.partial_weeks.last",
		"schedule.service_tiers.tiers[1].min_services",
		"schedule.certification.recert_days",
		"schedule.counting",
		"group",
		"aftercare.windows[1].name", "aftercare.windows[1].days", "aftercare.windows[1].cite",
	}, fields)
	require.ErrorIs(t, err, iop.ErrUnknown)
	require.ErrorIs(t, err, iop.ErrOrder)
	require.ErrorIs(t, err, iop.ErrOrder)
}

func TestValidateAges(t *testing.T) {
	base := ioprules.ASAM3Level21()
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
	old := ioprules.MedicareIOP2024()
	newer := ioprules.MedicareIOP2026()
	newer.ID, newer.From = "medicare-iop-2025", date.New(2025, 1, 1)
	ps := iop.Profiles{old, newer, ioprules.MedicarePHP2024()}

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
	p := ioprules.MedicareIOP2024()
	p.Until = date.New(2025, 1, 1)
	r := p.InForce()
	assert.Equal(t, date.New(2024, 1, 1), r.Start())
	assert.Equal(t, date.New(2024, 12, 31), r.Last(), "Until is excluded")
	assert.True(t, p.InForceOn(date.New(2024, 12, 31)))
	assert.False(t, p.InForceOn(date.New(2025, 1, 1)))
	assert.False(t, p.InForceOn(date.New(2023, 12, 31)))
	assert.True(t, ioprules.MedicareIOP2026().InForce().Contains(date.New(2099, 1, 1)), "open-ended")
}

func TestProfileCloneEqual(t *testing.T) {
	p := ioprules.MedicareIOP2024()
	c := p.Clone()
	require.True(t, p.Equal(c))
	c.Rules[0].Severity = iop.SeverityInfo
	c.Scope.States = append(c.Scope.States, "NY")
	c = withBenefit(c, func(b *schedule.Benefit) { b.Weekly.Adult.Min = 1 })
	assert.Equal(t, iop.SeverityWarning, p.Rules[0].Severity, "a clone has its own settings")
	assert.Empty(t, p.Scope.States, "and its own states")
	assert.Equal(t, iop.Hours(9), benefitOf(p).Weekly.Adult.Min, "and its own list of parts")
	assert.False(t, p.Equal(c))
	assert.True(t, iop.Profile{}.IsZero())
	assert.False(t, p.IsZero())
}

func TestWithPartAndPartOf(t *testing.T) {
	p := ioprules.ASAM3Level21()
	n := len(p.Parts)
	_, ok := iop.PartOf[group.Composition](&p)
	require.False(t, ok)
	q := p.WithPart(group.Composition{MaxSize: 12, Cite: iop.Citation{Source: "S"}})
	assert.Len(t, p.Parts, n, "WithPart does not change its receiver")
	require.Len(t, q.Parts, n+1, "a part of a new package is added")
	c, ok := iop.PartOf[group.Composition](&q)
	require.True(t, ok)
	assert.Equal(t, 12, c.MaxSize)
	r := q.WithPart(group.Composition{MaxSize: 10, Cite: iop.Citation{Source: "S"}})
	require.Len(t, r.Parts, n+1, "a part of the same package is replaced")
	c, _ = iop.PartOf[group.Composition](&r)
	assert.Equal(t, 10, c.MaxSize)
	assert.False(t, q.Equal(r))
}

// TestPartsRefused: two parts of one package, a part whose package is a
// key of the profile's own, and a nil part are refused, by Validate and by
// MarshalJSON; a part kind given twice to ParseProfile too.
func TestPartsRefused(t *testing.T) {
	p := ioprules.ASAM3Level21()
	two := p
	two.Parts = append(slices.Clone(p.Parts), schedule.Benefit{})
	err := two.Validate()
	require.ErrorIs(t, err, iop.ErrDuplicate)
	assert.Equal(t, map[string]error{"schedule": iop.ErrDuplicate}, fieldMap(err))
	_, err = json.Marshal(two)
	require.ErrorIs(t, err, iop.ErrDuplicate)

	bad := p.WithPart(reservedPart{})
	require.ErrorIs(t, bad.Validate(), iop.ErrUnknown)
	nilPart := p
	nilPart.Parts = append(slices.Clone(p.Parts), nil)
	require.ErrorIs(t, nilPart.Validate(), iop.ErrMissing)

	_, err = iop.ParseProfile([]byte(`{}`), schedule.Benefit{}, schedule.Benefit{})
	require.ErrorIs(t, err, iop.ErrDuplicate)
	_, err = iop.ParseProfile([]byte(`{}`), reservedPart{})
	require.ErrorIs(t, err, iop.ErrUnknown)
}

// TestUnmarshalJSONWithoutParts: json.Unmarshal reads a profile without
// parts, and refuses a member holding one.
func TestUnmarshalJSONWithoutParts(t *testing.T) {
	p := ioprules.ASAM3Level21()
	p.Parts = nil
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var q iop.Profile
	require.NoError(t, json.Unmarshal(b, &q))
	assert.True(t, p.Equal(q))

	b, err = json.Marshal(ioprules.ASAM3Level21())
	require.NoError(t, err)
	q = iop.Profile{ID: "kept"}
	require.ErrorIs(t, q.UnmarshalJSON(b), iop.ErrUnknownField)
	assert.Equal(t, "kept", q.ID, "a refused document leaves the profile as it was")
}

// TestPartKeptWhenEmpty: a part given as {} is kept, so that a profile can
// set the rules of a package with no parameters of its own.
func TestPartKeptWhenEmpty(t *testing.T) {
	p, err := iop.ParseProfile([]byte(`{"id":"x","title":"X","level":"2.1","from":"2025-01-01","source":{"source":"S"},
		"scope":{"reach":"national"},"aftercare":{},"rules":[{"code":"aftercare.plan.missing","off":true,"cite":{"source":"S"}}]}`), ioprules.Kinds()...)
	require.NoError(t, err)
	require.Len(t, p.Parts, 1)
	assert.Equal(t, aftercare.FollowUp{}, p.Parts[0])
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"x","title":"X","level":"2.1","from":"2025-01-01","source":{"source":"S"},
		"scope":{"reach":"national"},"aftercare":{},"rules":[{"code":"aftercare.plan.missing","off":true,"cite":{"source":"S"}}]}`, string(b))
}

// reservedPart is a part whose package is a key of the profile's own.
type reservedPart struct{}

func (reservedPart) Package() string             { return "rules" }
func (reservedPart) Table() iop.RuleTable        { return iop.RuleTable{} }
func (reservedPart) Validate(*iop.Profile) error { return nil }

// fieldMap returns the field errors of err by path, with their sentinels.
func fieldMap(err error) map[string]error {
	var es iop.FieldErrors
	if !errors.As(err, &es) {
		return nil
	}
	out := map[string]error{}
	for _, e := range es {
		for _, s := range []error{iop.ErrDuplicate, iop.ErrUnknown, iop.ErrMissing, iop.ErrOrder, iop.ErrOutOfRange} {
			if errors.Is(e, s) {
				out[e.Field] = s
			}
		}
	}
	return out
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
	ngs := group.NGSGroupPsychotherapy().Scope
	assert.True(t, ngs.Covers("NY", iop.ProviderHospitalOutpatient))
	assert.False(t, ngs.Covers("TX", iop.ProviderHospitalOutpatient), "an LCD binds only in its contractor's states")
	php := ioprules.MedicarePHP2024().Scope
	assert.True(t, php.Covers("TX", iop.ProviderCMHC))
	assert.False(t, php.Covers("TX", iop.ProviderFQHC), "PHP is furnished by hospitals and CMHCs only")
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
