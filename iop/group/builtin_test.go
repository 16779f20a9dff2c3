package group_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func groupBuiltins() iop.Profiles {
	return iop.Profiles{
		group.NGSGroupPsychotherapy(), ioprules.TIP47(), group.ColoradoIOP(), group.TexasGroups2004(), group.TexasGroups(),
		group.CaliforniaDMC(), group.WisconsinYouth(), group.IllinoisAges(),
	}
}

func TestGroupBuiltinsValid(t *testing.T) {
	all := ioprules.Builtins()
	for _, p := range groupBuiltins() {
		t.Run(p.ID, func(t *testing.T) {
			require.NoError(t, p.Validate())
			got, ok := all.ByID(p.ID)
			require.True(t, ok, "in Builtins()")
			assert.True(t, got.Equal(p))
			assert.NotEmpty(t, compositionOf(p).Cite.Source)
			checker(t, p)

			b, err := json.Marshal(p)
			require.NoError(t, err)
			again, err := ioprules.ParseProfile(b)
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
	strip := func(r group.Composition) group.Composition { r.Cite = iop.Citation{}; return r }
	assert.Equal(t, group.Composition{MaxSize: 12}, strip(compositionOf(group.NGSGroupPsychotherapy())))
	assert.Equal(t, group.Composition{}, strip(compositionOf(ioprules.MedicareIOP2024())), "the NGS cap is not national")
	assert.Equal(t, group.Composition{MaxSize: 12}, strip(compositionOf(group.ColoradoIOP())))
	assert.Equal(t, strip(compositionOf(group.TexasGroups())), strip(compositionOf(group.TexasGroups2004())), "same numbers since 2004")
	assert.Equal(t, group.Composition{
		MaxSize: 16, EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation, iop.GroupKindSkillsDevelopment),
		EducationMaxSize: 35, SeparateAges: true,
	}, strip(compositionOf(group.TexasGroups())))
	assert.Equal(t, group.Composition{MinSize: 2, MaxSize: 12}, strip(compositionOf(group.CaliforniaDMC())))
	assert.Equal(t, group.Composition{
		MaxSize: 12, CoFacilitatorAbove: 10, RequireLicensed: true,
		LicensedExempt: iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation, iop.GroupKindSkillsDevelopment, iop.GroupKindSupport),
	}, strip(compositionOf(group.WisconsinYouth())))
	assert.Equal(t, group.Composition{SeparateAges: true}, strip(compositionOf(group.IllinoisAges())))
	il := group.IllinoisAges().Ages
	il.Cite = iop.Citation{}
	assert.Equal(t, iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16}, il)
	assert.Equal(t, group.Composition{
		MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 1, CoFacilitatorAbove: 10, RequireAgreement: true,
	}, strip(compositionOf(ioprules.TIP47())))
}

// TestBuiltinsAsOfNotAmbiguous checks that the built-ins never tie for a
// level on a day, so Builtins().AsOf always chooses.
func TestBuiltinsAsOfNotAmbiguous(t *testing.T) {
	days := []date.Date{date.New(2015, time.June, 1), date.New(2024, time.October, 1), date.New(2025, time.June, 1), date.New(2026, time.January, 1)}
	for _, l := range []iop.Level{iop.Level1, iop.Level21, iop.Level25} {
		for _, d := range days {
			_, err := ioprules.Builtins().AsOf(l, d)
			assert.NotErrorIs(t, err, iop.ErrAmbiguousProfile, "level %s on %s", l, d)
		}
	}
}

func TestProfileGroupFromJSON(t *testing.T) {
	p, err := ioprules.ParseProfile([]byte(`{
		"id": "tx-copy", "title": "Texas groups, copied", "level": "2.1", "from": "2025-01-01",
		"source": {"source": "26 TAC ch. 564"}, "scope": {"reach": "state", "states": ["TX"]},
		"group": {
			"max_size": 16, "education_kinds": ["skills-development", "psychoeducation"], "education_max_size": 35,
			"count_family": true, "require_licensed": true, "licensed_exempt": ["support"],
			"min_facilitators": 1, "co_facilitator_above": 10, "max_per_facilitator": 12, "count_trainees": true,
			"separate_ages": true, "young_adult_max_age": 25, "require_agreement": true,
			"cite": {"source": "26 TAC §564.902(b)"}
		}
	}`))
	require.NoError(t, err)
	assert.Equal(t, group.Composition{
		MaxSize: 16, EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation, iop.GroupKindSkillsDevelopment), EducationMaxSize: 35,
		CountFamily: true, RequireLicensed: true, LicensedExempt: iop.SetOf[iop.GroupKind](iop.GroupKindSupport),
		MinFacilitators: 1, CoFacilitatorAbove: 10, MaxPerFacilitator: 12, CountTrainees: true,
		SeparateAges: true, YoungAdultMaxAge: 25, RequireAgreement: true,
		Cite: iop.Citation{Source: "26 TAC §564.902(b)"},
	}, compositionOf(p))

	_, err = ioprules.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},"scope":{"reach":"national"},
		"group":{"max_size":12,"education_kinds":["lecture"],"cite":{"source":"s"}}}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "group.education_kinds[0]", fe.Field)
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.NotContains(t, err.Error(), "lecture")

	_, err = ioprules.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"s"},"scope":{"reach":"national"},
		"group":{"max_size":12,"focus_mismatch":"warning","cite":{"source":"s"}}}`))
	require.ErrorIs(t, err, iop.ErrUnknownField, "the severities are rule settings now")
}

func TestProfileValidateGroup(t *testing.T) {
	tests := []struct {
		name  string
		rules group.Composition
		ages  iop.AgeRules
		field string
		err   error
	}{
		{"education sizes without kinds", group.Composition{EducationMaxSize: 35}, testAges(), "group.education_kinds", iop.ErrMissing},
		{"education kinds without sizes", group.Composition{EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindCBT)}, testAges(), "group.education_max_size", iop.ErrMissing},
		{"unknown education kind", group.Composition{EducationKinds: 1, EducationMaxSize: 3}, testAges(), "group.education_kinds", iop.ErrUnknown},
		{"education minimum above maximum", group.Composition{EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindCBT), EducationMinSize: 8, MaxSize: 6}, testAges(), "group", iop.ErrOrder},
		{"negative education size", group.Composition{EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindCBT), EducationMaxSize: -1}, testAges(), "group.education_max_size", iop.ErrOutOfRange},
		{"unknown exempt kind", group.Composition{LicensedExempt: 1 << 30}, testAges(), "group.licensed_exempt", iop.ErrUnknown},
		{"negative min facilitators", group.Composition{MinFacilitators: -1}, testAges(), "group.min_facilitators", iop.ErrOutOfRange},
		{"young adults below adult age", group.Composition{YoungAdultMaxAge: 17}, testAges(), "group.young_adult_max_age", iop.ErrOutOfRange},
		{"young adults beyond a life", group.Composition{YoungAdultMaxAge: 131}, iop.AgeRules{}, "group.young_adult_max_age", iop.ErrOutOfRange},
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
	p := testProfile(group.Composition{RequireAgreement: true})
	p = withComposition(p, func(c *group.Composition) { c.Cite = iop.Citation{} })
	require.ErrorIs(t, p.Validate(), iop.ErrMissing, "a boolean group rule needs its citation too")
}

// TestTIP47IsGuidance checks that under ioprules.TIP47 the size, staffing and
// agreement rules, which TIP 41 and TIP 47 describe as practice, give
// warnings that never block, each cited to TIP 41 with the note that says
// so; the table's other rules keep their severity.
func TestTIP47IsGuidance(t *testing.T) {
	p := ioprules.TIP47()
	tip41 := compositionOf(p).Cite
	require.Contains(t, tip41.Source, "TIP 41")
	require.NotEmpty(t, tip41.Note, "the note says the source is guidance")
	guided := []iop.Code{
		group.CodeSizeBelowMinimum, group.CodeSizeAboveMaximum, group.CodeFacilitatorsTooFew,
		group.CodeNoLicensedFacilitator, group.CodeCoFacilitatorRequired, group.CodeFacilitatorRatio,
		group.CodeAgreementMissing,
	}
	var settings []iop.RuleSetting
	for _, c := range guided {
		settings = append(settings, iop.RuleSetting{Code: c, Severity: iop.SeverityWarning, Cite: tip41})
	}
	assert.Equal(t, settings, p.Rules, "every guided rule is a warning cited to TIP 41")

	warn := func(c iop.Code, subject string, need, got int64) func(testing.TB) iop.Finding {
		return at(iop.SeverityWarning, func(t testing.TB) iop.Finding { return finding(t, c, subject, need, got) })
	}
	tests := []struct {
		name string
		n    int
		edit func(*group.Meeting)
		want func(testing.TB) iop.Findings
	}{
		{name: "6 members", n: 6},
		{name: "5 members", n: 5, want: findings(warn(group.CodeSizeBelowMinimum, "G-1", 6, 5))},
		{name: "12 members", n: 12},
		{name: "13 members", n: 13, want: findings(warn(group.CodeSizeAboveMaximum, "G-1", 12, 13))},
		{name: "no facilitator", n: 8, edit: facilitatorsOnly(0),
			want: findings(warn(group.CodeFacilitatorsTooFew, "G-1", 1, 0), warn(group.CodeNoLicensedFacilitator, "G-1", 0, 0))},
		{name: "an unlicensed lead", n: 8, edit: func(s *group.Meeting) { s.Facilitators[0].Licensed = false },
			want: findings(warn(group.CodeNoLicensedFacilitator, "G-1", 0, 0))},
		{name: "10 with one leader", n: 10, edit: facilitatorsOnly(1)},
		{name: "11 with one leader", n: 11, edit: facilitatorsOnly(1), want: findings(warn(group.CodeCoFacilitatorRequired, "G-1", 2, 1))},
		{name: "no agreement on file", n: 8, edit: func(s *group.Meeting) { s.Participants[2].Agreement = false },
			want: findings(warn(group.CodeAgreementMissing, "P-03", 0, 0))},
		{name: "everything at once", n: 13, edit: join(facilitatorsOnly(1), func(s *group.Meeting) {
			s.Facilitators[0].Licensed = false
			s.Participants[12].Agreement = false
		}), want: findings(
			warn(group.CodeSizeAboveMaximum, "G-1", 12, 13), warn(group.CodeNoLicensedFacilitator, "G-1", 0, 0),
			warn(group.CodeCoFacilitatorRequired, "G-1", 2, 1), warn(group.CodeAgreementMissing, "P-13", 0, 0),
		)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := session(tt.n)
			if tt.edit != nil {
				tt.edit(&s)
			}
			got := check(t, p, s)
			var want iop.Findings
			if tt.want != nil {
				want = tt.want(t)
			}
			assert.Equal(t, want, got)
			require.NoError(t, got.BlockingErr(), "guidance never blocks")
		})
	}

	// A rule TIP 47 does not soften keeps the table's severity.
	s := session(6)
	s.Focus.Gender = group.GenderWoman
	s.Participants[1].Gender = group.GenderMan
	got := check(t, p, s)
	assert.Equal(t, iop.Findings{finding(t, group.CodeGenderMismatch, "P-02", 0, 0)}, got)
	require.ErrorIs(t, got.BlockingErr(), group.CodeGenderMismatch)
}

// TestNGSGroupPsychotherapy checks the contractor profile of NGS's LCD
// L33632: at most 12 patients in a group (12 passes, 13 blocks), in the
// states of NGS's jurisdictions only.
func TestNGSGroupPsychotherapy(t *testing.T) {
	p := group.NGSGroupPsychotherapy()
	assert.Equal(t, iop.ReachContractor, p.Scope.Reach)
	for state, want := range map[string]bool{"NY": true, "IL": true, "WI": true, "MA": true, "TX": false, "CA": false, "CO": false} {
		assert.Equal(t, want, p.Scope.Covers(state, 0), "covers %s", state)
	}
	for _, m := range []iop.Profile{ioprules.MedicareIOP2024(), ioprules.MedicareIOP2025(), ioprules.MedicareIOP2026()} {
		assert.Zero(t, compositionOf(m).MaxSize, "%s: the LCD's cap is not national", m.ID)
	}

	above := finding(t, group.CodeSizeAboveMaximum, "G-1", 12, 13)
	require.Equal(t, iop.SeverityBlocking, above.Severity)
	family := group.Participant{ID: "F-1", Role: group.ParticipantRoleFamily, Gender: group.GenderMan, Agreement: true}
	tests := []struct {
		name string
		n    int
		edit func(*group.Meeting)
		want iop.Findings
	}{
		{name: "1 patient", n: 1},
		{name: "12 patients", n: 12},
		{name: "12 patients and a family member", n: 12, edit: withParticipant(family)},
		{name: "13 patients", n: 13, want: iop.Findings{above}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := session(tt.n)
			if tt.edit != nil {
				tt.edit(&s)
			}
			got := check(t, p, s)
			assert.Equal(t, tt.want, got)
			if tt.want != nil {
				require.ErrorIs(t, got.BlockingErr(), group.CodeSizeAboveMaximum)
			}
		})
	}
}

// TestIllinoisAges checks 77 Ill. Adm. Code 2060's ages at their edges:
// adults from 18; 16 and 17 in adult treatment only with documented
// justification, and without it the placement is blocking; 15 never; and
// 18 to 22 in adolescent treatment only with the justification.
func TestIllinoisAges(t *testing.T) {
	p := group.IllinoisAges()
	blocking := func(c iop.Code) iop.Findings {
		f := finding(t, c, "P-03", 0, 0)
		f.Severity = iop.SeverityBlocking
		return iop.Findings{f}
	}
	tests := []struct {
		name      string
		focus     group.AgeFocus
		age       int
		justified bool
		want      iop.Findings
	}{
		{"15 in an adult group", group.AgeFocusAdult, 15, false, blocking(group.CodeAdolescentInAdultGroup)},
		{"15 in an adult group, justified", group.AgeFocusAdult, 15, true, blocking(group.CodeAdolescentInAdultGroup)},
		{"16 in an adult group", group.AgeFocusAdult, 16, false, blocking(group.CodeAgeExceptionUndocumented)},
		{"16 in an adult group, justified", group.AgeFocusAdult, 16, true, nil},
		{"17 in an adult group", group.AgeFocusAdult, 17, false, blocking(group.CodeAgeExceptionUndocumented)},
		{"17 in an adult group, justified", group.AgeFocusAdult, 17, true, nil},
		{"18 in an adult group", group.AgeFocusAdult, 18, false, nil},
		{"18 in an adult group, justified", group.AgeFocusAdult, 18, true, nil},
		{"11 in an adolescent group", group.AgeFocusAdolescent, 11, false, blocking(group.CodeBelowMinimumAge)},
		{"12 in an adolescent group", group.AgeFocusAdolescent, 12, false, nil},
		{"17 in an adolescent group", group.AgeFocusAdolescent, 17, false, nil},
		{"18 in an adolescent group", group.AgeFocusAdolescent, 18, false, blocking(group.CodeAgeExceptionUndocumented)},
		{"18 in an adolescent group, justified", group.AgeFocusAdolescent, 18, true, nil},
		{"22 in an adolescent group, justified", group.AgeFocusAdolescent, 22, true, nil},
		{"23 in an adolescent group, justified", group.AgeFocusAdolescent, 23, true, blocking(group.CodeAdultInAdolescentGroup)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := session(6)
			s.Focus.Ages = tt.focus
			if tt.focus == group.AgeFocusAdolescent {
				for i := range s.Participants {
					s.Participants[i].Age = 15
				}
			}
			s.Participants[2].Age, s.Participants[2].AgeException = tt.age, tt.justified
			got := check(t, p, s)
			assert.Equal(t, tt.want, got)
			if tt.want != nil {
				require.ErrorIs(t, got.BlockingErr(), tt.want[0].Code, "blocking")
			}
		})
	}
}

// TestTexasAgesNotJudged: Texas keeps adults and adolescents apart (26 TAC
// §564.905(b)(1)); a group of 17 with no ages recorded breaks the size
// limit of 16 and cannot be judged on ages, which is said at the force of
// the rule it could not apply, never passed in silence (issue 23 case 5).
// With the ages recorded, all adults, there is nothing to judge.
func TestTexasAgesNotJudged(t *testing.T) {
	p := group.TexasGroups()
	s := session(17)
	for i := range s.Participants {
		s.Participants[i].Age = 0
	}
	got := check(t, p, s)
	ioptest.CodesEqual(t, got, group.CodeSizeAboveMaximum, group.CodeAgesNotJudged)
	f, ok := got.Find(group.CodeAgesNotJudged)
	require.True(t, ok)
	assert.Equal(t, iop.Finding{Code: group.CodeAgesNotJudged, Severity: iop.SeverityBlocking, Subject: "G-1", Day: sessionDay,
		Ref: "ages", Got: 17, Unit: iop.UnitCount}, f)
	ioptest.CodesEqual(t, check(t, p, session(17)), group.CodeSizeAboveMaximum)

	// At the force of the mixed-ages rule, in the findings and in the
	// checker's table alike: a profile that makes it a warning makes the
	// not judged a warning; one that turns it off judges nothing.
	for _, tt := range []struct {
		name    string
		setting iop.RuleSetting
		want    iop.Severity
	}{
		{"a warning", iop.RuleSetting{Code: group.CodeAgesMixed, Severity: iop.SeverityWarning, Cite: iop.Citation{Source: "program policy"}}, iop.SeverityWarning},
		{"off", iop.RuleSetting{Code: group.CodeAgesMixed, Off: true, Cite: iop.Citation{Source: "program policy"}}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := p.Clone()
			q.Rules = append(q.Rules, tt.setting)
			ck := checker(t, q)
			fs, err := ck.CheckMeeting(s)
			require.NoError(t, err)
			r, ok := ck.Rules().Rule(group.CodeAgesNotJudged)
			require.True(t, ok)
			assert.Equal(t, tt.want, r.Severity, "the checker's table gives the force its findings carry")
			assert.True(t, ioptest.FollowsRules(t, ck.Rules(), fs))
			f, found := fs.Find(group.CodeAgesNotJudged)
			assert.Equal(t, tt.want != 0, found)
			assert.Equal(t, tt.want, f.Severity)
		})
	}
}
