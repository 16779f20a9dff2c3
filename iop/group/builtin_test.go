package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func groupBuiltins() iop.Profiles {
	return iop.Profiles{iop.ColoradoIOP(), iop.TexasGroups(), iop.CaliforniaDMC(), iop.WisconsinYouth(), iop.IllinoisAges()}
}

func TestGroupBuiltinsValid(t *testing.T) {
	all := iop.Builtins()
	for _, p := range groupBuiltins() {
		t.Run(p.ID, func(t *testing.T) {
			require.NoError(t, p.Validate())
			got, ok := all.ByID(p.ID)
			require.True(t, ok, "in Builtins()")
			assert.True(t, got.Equal(p))
			assert.NotEmpty(t, p.Group.Cite.Source)
			checker(t, p)

			b, err := json.Marshal(p)
			require.NoError(t, err)
			again, err := iop.ParseProfile(b)
			require.NoError(t, err)
			assert.True(t, again.Equal(p), "JSON round trip")
		})
	}
	for _, p := range all {
		checker(t, p)
	}
}

// TestGroupBuiltinsValues pins the numbers each state's profile takes from
// its source.
func TestGroupBuiltinsValues(t *testing.T) {
	strip := func(r iop.GroupRules) iop.GroupRules { r.Cite = iop.Citation{}; return r }
	assert.Equal(t, iop.GroupRules{MaxSize: 12}, strip(iop.ColoradoIOP().Group))
	assert.Equal(t, iop.GroupRules{
		MaxSize: 16, EducationKinds: iop.GroupKindsOf(iop.KindPsychoeducation, iop.KindSkillsDevelopment),
		EducationMaxSize: 35, SeparateAges: true,
	}, strip(iop.TexasGroups().Group))
	assert.Equal(t, iop.GroupRules{MinSize: 2, MaxSize: 12}, strip(iop.CaliforniaDMC().Group))
	assert.Equal(t, iop.GroupRules{
		MaxSize: 12, CoFacilitatorAbove: 10, RequireLicensed: true,
		LicensedExempt: iop.GroupKindsOf(iop.KindPsychoeducation, iop.KindSkillsDevelopment, iop.KindSupport),
	}, strip(iop.WisconsinYouth().Group))
	assert.Equal(t, iop.GroupRules{SeparateAges: true}, strip(iop.IllinoisAges().Group))
	il := iop.IllinoisAges().Ages
	il.Cite = iop.Citation{}
	assert.Equal(t, iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16}, il)
	assert.Equal(t, iop.GroupRules{
		MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 1, CoFacilitatorAbove: 10, RequireAgreement: true,
	}, strip(iop.TIP47().Group))
}

// TestBuiltinsAsOfNotAmbiguous checks that the built-ins never tie for a
// level on a day, so Builtins().AsOf always chooses.
func TestBuiltinsAsOfNotAmbiguous(t *testing.T) {
	days := []date.Date{date.New(2015, time.June, 1), date.New(2024, time.October, 1), date.New(2025, time.June, 1), date.New(2026, time.January, 1)}
	for _, l := range []iop.Level{iop.Level1, iop.Level21, iop.Level25} {
		for _, d := range days {
			_, err := iop.Builtins().AsOf(l, d)
			assert.NotErrorIs(t, err, iop.ErrAmbiguousProfile, "level %s on %s", l, d)
		}
	}
}

func TestProfileGroupFromJSON(t *testing.T) {
	p, err := iop.ParseProfile([]byte(`{
		"id": "tx-copy", "title": "Texas groups, copied", "level": "2.1", "from": "2025-01-01",
		"source": {"source": "26 TAC ch. 564"},
		"group": {
			"max_size": 16, "education_kinds": ["skills-development", "psychoeducation"], "education_max_size": 35,
			"count_family": true, "require_licensed": true, "licensed_exempt": ["support"],
			"min_facilitators": 1, "co_facilitator_above": 10, "max_per_facilitator": 12, "count_trainees": true,
			"separate_ages": true, "young_adult_max_age": 25, "require_agreement": true,
			"cite": {"source": "26 TAC §564.902(b)"}
		}
	}`))
	require.NoError(t, err)
	assert.Equal(t, iop.GroupRules{
		MaxSize: 16, EducationKinds: iop.GroupKindsOf(iop.KindPsychoeducation, iop.KindSkillsDevelopment), EducationMaxSize: 35,
		CountFamily: true, RequireLicensed: true, LicensedExempt: iop.GroupKindsOf(iop.KindSupport),
		MinFacilitators: 1, CoFacilitatorAbove: 10, MaxPerFacilitator: 12, CountTrainees: true,
		SeparateAges: true, YoungAdultMaxAge: 25, RequireAgreement: true,
		Cite: iop.Citation{Source: "26 TAC §564.902(b)"},
	}, p.Group)

	_, err = iop.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},
		"group":{"max_size":12,"education_kinds":["lecture"],"cite":{"source":"s"}}}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "group.education_kinds[0]", fe.Field)
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.NotContains(t, err.Error(), "lecture")

	_, err = iop.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},
		"group":{"max_size":12,"focus_mismatch":"warning","cite":{"source":"s"}}}`))
	require.ErrorIs(t, err, iop.ErrUnknownField, "the severities are rule settings now")
}

func TestProfileValidateGroup(t *testing.T) {
	tests := []struct {
		name  string
		rules iop.GroupRules
		ages  iop.AgeRules
		field string
		err   error
	}{
		{"education sizes without kinds", iop.GroupRules{EducationMaxSize: 35}, testAges(), "group.education_kinds", iop.ErrMissing},
		{"education kinds without sizes", iop.GroupRules{EducationKinds: iop.GroupKindsOf(iop.KindCBT)}, testAges(), "group.education_max_size", iop.ErrMissing},
		{"unknown education kind", iop.GroupRules{EducationKinds: 1, EducationMaxSize: 3}, testAges(), "group.education_kinds", iop.ErrUnknown},
		{"education minimum above maximum", iop.GroupRules{EducationKinds: iop.GroupKindsOf(iop.KindCBT), EducationMinSize: 8, MaxSize: 6}, testAges(), "group", iop.ErrOrder},
		{"negative education size", iop.GroupRules{EducationKinds: iop.GroupKindsOf(iop.KindCBT), EducationMaxSize: -1}, testAges(), "group.education_max_size", iop.ErrOutOfRange},
		{"unknown exempt kind", iop.GroupRules{LicensedExempt: 1 << 30}, testAges(), "group.licensed_exempt", iop.ErrUnknown},
		{"negative min facilitators", iop.GroupRules{MinFacilitators: -1}, testAges(), "group.min_facilitators", iop.ErrOutOfRange},
		{"young adults below adult age", iop.GroupRules{YoungAdultMaxAge: 17}, testAges(), "group.young_adult_max_age", iop.ErrOutOfRange},
		{"young adults beyond a life", iop.GroupRules{YoungAdultMaxAge: 131}, iop.AgeRules{}, "group.young_adult_max_age", iop.ErrOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testProfile(tt.rules)
			p.Ages = tt.ages
			err := p.Validate()
			var errs iop.FieldErrors
			require.ErrorAs(t, err, &errs)
			require.Len(t, errs, 1, "%v", err)
			assert.Equal(t, tt.field, errs[0].Field)
			require.ErrorIs(t, errs[0], tt.err)
			_, err = group.NewChecker(p)
			assert.ErrorIs(t, err, tt.err, "NewChecker refuses it too")
		})
	}
	p := testProfile(iop.GroupRules{RequireAgreement: true})
	p.Group.Cite = iop.Citation{}
	require.ErrorIs(t, p.Validate(), iop.ErrMissing, "a boolean group rule needs its citation too")
}
