package group_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rule returns the rule of code c from the table.
func rule(t testing.TB, c iop.Code) iop.Rule {
	t.Helper()
	r, ok := group.Rules().Rule(c)
	require.True(t, ok, "no rule "+string(c))
	return r
}

// finding is the finding of rule c, at the table's severity, about subject
// on the session's day, cited to cite; need and got are counts, both zero
// for a finding without figures.
func finding(t testing.TB, c iop.Code, subject string, need, got int64) iop.Finding {
	t.Helper()
	r := rule(t, c)
	f := iop.Finding{Code: c, Severity: r.Severity, Subject: subject, Day: sessionDay}
	if need != 0 || got != 0 {
		f.Need, f.Got, f.Unit = need, got, iop.UnitCount
	}
	return f
}

// checkCase is one session checked against one profile, with the findings
// it must give: a test that produces a code, or a case at its boundary.
type checkCase struct {
	name     string
	rules    group.Composition
	ages     func() iop.AgeRules // nil: testAges
	settings []iop.RuleSetting
	n        int // patients in the session
	edit     func(*group.Meeting)
	want     func(t testing.TB) iop.Findings
}

func (c checkCase) profile() iop.Profile {
	p := testProfile(c.rules)
	if c.ages != nil {
		p.Ages = c.ages()
	}
	p.Rules = c.settings
	return p
}

func (c checkCase) run(t *testing.T) iop.Findings {
	t.Helper()
	s := session(c.n)
	if c.edit != nil {
		c.edit(&s)
	}
	return check(t, c.profile(), s)
}

func setAge(i, age int) func(*group.Meeting) {
	return func(s *group.Meeting) { s.Participants[i].Age = age }
}

func facilitatorsOnly(n int) func(*group.Meeting) {
	return func(s *group.Meeting) { s.Facilitators = s.Facilitators[:n] }
}

func join(edits ...func(*group.Meeting)) func(*group.Meeting) {
	return func(s *group.Meeting) {
		for _, e := range edits {
			e(s)
		}
	}
}

// atLevel puts every patient at level l.
func atLevel(l iop.Level) func(*group.Meeting) {
	return func(s *group.Meeting) {
		for i := range s.Participants {
			s.Participants[i].Level = l
		}
	}
}

func noAges() iop.AgeRules { return iop.AgeRules{} }

var (
	sixToTwelve = group.Composition{MinSize: 6, MaxSize: 12}
	texasSizes  = group.Composition{MaxSize: 16, EducationKinds: iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation), EducationMaxSize: 35}
	settingCite = iop.Citation{Source: "Test payer contract §4"}
)

func closedSince(d date.Date) func(*group.Meeting) {
	return func(s *group.Meeting) { s.Enrollment, s.Started = group.EnrollmentClosed, d }
}

func withParticipant(p group.Participant) func(*group.Meeting) {
	return func(s *group.Meeting) { s.Participants = append(s.Participants, p) }
}

func withFocus(f group.Focus) func(*group.Meeting) {
	return func(s *group.Meeting) { s.Focus = f }
}

// findings builds the wanted findings lazily, once the test has its t.
func findings(fs ...func(testing.TB) iop.Finding) func(testing.TB) iop.Findings {
	return func(t testing.TB) iop.Findings {
		out := make(iop.Findings, len(fs))
		for i, f := range fs {
			out[i] = f(t)
		}
		return out
	}
}

// about is a wanted finding of code c about the group, with counts.
func about(c iop.Code, need, got int64) func(testing.TB) iop.Finding {
	return func(t testing.TB) iop.Finding { return finding(t, c, "G-1", need, got) }
}

// person is a wanted finding of code c about participant id.
func person(c iop.Code, id string) func(testing.TB) iop.Finding {
	return func(t testing.TB) iop.Finding { return finding(t, c, id, 0, 0) }
}

// at changes the severity of a wanted finding, as a profile setting does.
func at(sev iop.Severity, f func(testing.TB) iop.Finding) func(testing.TB) iop.Finding {
	return func(t testing.TB) iop.Finding {
		x := f(t)
		x.Severity = sev
		return x
	}
}

// checkCases holds, for every code, a case that produces it and the cases at
// its boundary. The coverage of TestMain checks that together with the
// other tests they produce every code of the rule table.
func checkCases() []checkCase {
	adultGroup := withFocus(group.Focus{Ages: group.AgeFocusAdult})
	adolescentGroup := func(s *group.Meeting) {
		s.Focus.Ages = group.AgeFocusAdolescent
		for i := range s.Participants {
			s.Participants[i].Age = 15
		}
	}
	family := group.Participant{ID: "F-1", Role: group.ParticipantRoleFamily, Gender: group.GenderMan, Agreement: true}
	observer := group.Participant{ID: "O-1", Role: group.ParticipantRoleObserver, Gender: group.GenderWoman, Agreement: true}
	return []checkCase{
		// Size, for a 6-12 limit: 5, 6, 12 and 13 patients.
		{name: "size 5 of 6-12", rules: sixToTwelve, n: 5, want: findings(about(group.CodeSizeBelowMinimum, 6, 5))},
		{name: "size 6 of 6-12", rules: sixToTwelve, n: 6},
		{name: "size 12 of 6-12", rules: sixToTwelve, n: 12},
		{name: "size 13 of 6-12", rules: sixToTwelve, n: 13, want: findings(about(group.CodeSizeAboveMaximum, 12, 13))},
		{name: "size 1 of 2-12", rules: group.Composition{MinSize: 2}, n: 1, want: findings(about(group.CodeSizeBelowMinimum, 2, 1))},
		{name: "family members not counted", rules: sixToTwelve, n: 12, edit: withParticipant(family)},
		{name: "family members counted", rules: group.Composition{MaxSize: 12, CountFamily: true}, n: 12, edit: withParticipant(family),
			want: findings(about(group.CodeSizeAboveMaximum, 12, 13))},
		{name: "observers not counted", rules: group.Composition{MinSize: 6, CountFamily: true}, n: 5, edit: withParticipant(observer),
			want: findings(about(group.CodeSizeBelowMinimum, 6, 5))},
		{name: "observers counted", rules: group.Composition{MinSize: 6, CountObservers: true}, n: 5, edit: withParticipant(observer)},
		{name: "education group of 35", rules: texasSizes, n: 35, edit: func(s *group.Meeting) { s.Kind = iop.GroupKindPsychoeducation }},
		{name: "education group of 36", rules: texasSizes, n: 36, edit: func(s *group.Meeting) { s.Kind = iop.GroupKindPsychoeducation },
			want: findings(about(group.CodeSizeAboveMaximum, 35, 36))},
		{name: "counseling group of 16", rules: texasSizes, n: 16},
		{name: "counseling group of 17", rules: texasSizes, n: 17, want: findings(about(group.CodeSizeAboveMaximum, 16, 17))},
		{name: "size 13 of 6-12, turned off", rules: sixToTwelve, n: 13,
			settings: []iop.RuleSetting{{Code: group.CodeSizeAboveMaximum, Off: true, Cite: settingCite}}},

		// Facilitators.
		{name: "two facilitators of two", rules: group.Composition{MinFacilitators: 2}, n: 8},
		{name: "one facilitator of two", rules: group.Composition{MinFacilitators: 2}, n: 8, edit: facilitatorsOnly(1),
			want: findings(about(group.CodeFacilitatorsTooFew, 2, 1))},
		{name: "a trainee does not count", rules: group.Composition{MinFacilitators: 2}, n: 8,
			edit: func(s *group.Meeting) { s.Facilitators[1].Role = group.FacilitatorRoleTrainee },
			want: findings(about(group.CodeFacilitatorsTooFew, 2, 1))},
		{name: "a trainee counts when the profile says", rules: group.Composition{MinFacilitators: 2, CountTrainees: true}, n: 8,
			edit: func(s *group.Meeting) { s.Facilitators[1].Role = group.FacilitatorRoleTrainee }},
		{name: "licensed lead", rules: group.Composition{RequireLicensed: true}, n: 8},
		{name: "no licensed facilitator", rules: group.Composition{RequireLicensed: true}, n: 8,
			edit: func(s *group.Meeting) { s.Facilitators[0].Licensed = false },
			want: findings(about(group.CodeNoLicensedFacilitator, 0, 0))},
		{name: "no facilitator at all", rules: group.Composition{RequireLicensed: true, MinFacilitators: 1}, n: 8, edit: facilitatorsOnly(0),
			want: findings(about(group.CodeFacilitatorsTooFew, 1, 0), about(group.CodeNoLicensedFacilitator, 0, 0))},
		{name: "kind exempt from a licensed facilitator", rules: group.Composition{RequireLicensed: true, LicensedExempt: iop.SetOf[iop.GroupKind](iop.GroupKindSupport)}, n: 8,
			edit: func(s *group.Meeting) { s.Kind, s.Facilitators[0].Licensed = iop.GroupKindSupport, false }},
		{name: "licensed trainee does not count", rules: group.Composition{RequireLicensed: true}, n: 8,
			edit: func(s *group.Meeting) { s.Facilitators[0].Role = group.FacilitatorRoleTrainee },
			want: findings(about(group.CodeNoLicensedFacilitator, 0, 0))},
		{name: "licensed trainee counts when the profile says", rules: group.Composition{RequireLicensed: true, CountTrainees: true}, n: 8,
			edit: func(s *group.Meeting) { s.Facilitators[0].Role = group.FacilitatorRoleTrainee }},
		{name: "10 with one facilitator, co-facilitator above 10", rules: group.Composition{CoFacilitatorAbove: 10}, n: 10, edit: facilitatorsOnly(1)},
		{name: "11 with one facilitator, co-facilitator above 10", rules: group.Composition{CoFacilitatorAbove: 10}, n: 11, edit: facilitatorsOnly(1),
			want: findings(about(group.CodeCoFacilitatorRequired, 2, 1))},
		{name: "11 with two facilitators, co-facilitator above 10", rules: group.Composition{CoFacilitatorAbove: 10}, n: 11},
		{name: "10 for one facilitator of 10", rules: group.Composition{MaxPerFacilitator: 10}, n: 10, edit: facilitatorsOnly(1)},
		{name: "11 for one facilitator of 10", rules: group.Composition{MaxPerFacilitator: 10}, n: 11, edit: facilitatorsOnly(1),
			want: findings(about(group.CodeFacilitatorRatio, 10, 11))},
		{name: "20 for two facilitators of 10", rules: group.Composition{MaxPerFacilitator: 10}, n: 20},
		{name: "21 for two facilitators of 10", rules: group.Composition{MaxPerFacilitator: 10}, n: 21,
			want: findings(about(group.CodeFacilitatorRatio, 20, 21))},

		// Ages.
		{name: "age 12, the youngest served", n: 6, edit: setAge(2, 12)},
		{name: "age 11, below the youngest served", n: 6, edit: setAge(2, 11),
			want: findings(person(group.CodeBelowMinimumAge, "P-03"))},
		{name: "18 in an adult group", n: 6, edit: join(adultGroup, setAge(2, 18))},
		{name: "17 in an adult group", n: 6, edit: join(adultGroup, setAge(2, 17)),
			want: findings(person(group.CodeAdolescentInAdultGroup, "P-03"))},
		{name: "17 in a young-adult group", n: 6, edit: join(withFocus(group.Focus{Ages: group.AgeFocusYoungAdult}), setAge(0, 17)),
			want: findings(person(group.CodeAdolescentInAdultGroup, "P-01"))},
		{name: "17 in an adolescent group", n: 6, edit: join(adolescentGroup, setAge(2, 17))},
		{name: "18 in an adolescent group", n: 6, edit: join(adolescentGroup, setAge(2, 18)),
			want: findings(person(group.CodeAdultInAdolescentGroup, "P-03"))},
		{name: "16 with justification in an adult group", ages: overlapAges, n: 6,
			edit: join(adultGroup, setAge(2, 16), func(s *group.Meeting) { s.Participants[2].AgeException = true })},
		{name: "16 without justification in an adult group", ages: overlapAges, n: 6, edit: join(adultGroup, setAge(2, 16)),
			want: findings(person(group.CodeAgeExceptionUndocumented, "P-03"))},
		{name: "15 in an adult group that takes 16", ages: overlapAges, n: 6, edit: join(adultGroup, setAge(2, 15)),
			want: findings(person(group.CodeAdolescentInAdultGroup, "P-03"))},
		{name: "22 without justification in an adolescent group", ages: overlapAges, n: 6, edit: join(adolescentGroup, setAge(2, 22)),
			want: findings(person(group.CodeAgeExceptionUndocumented, "P-03"))},
		{name: "23 in an adolescent group that takes 22", ages: overlapAges, n: 6, edit: join(adolescentGroup, setAge(2, 23)),
			want: findings(person(group.CodeAdultInAdolescentGroup, "P-03"))},
		{name: "population label without age rules", ages: noAges, n: 6, edit: join(adultGroup, func(s *group.Meeting) {
			s.Participants[1].Age, s.Participants[1].Population = 0, iop.PopulationAdolescent
			s.Participants[2].Age, s.Participants[2].Population = 0, iop.PopulationAdult
		}), want: findings(person(group.CodeAdolescentInAdultGroup, "P-02"))},
		{name: "a family member's age is not checked", n: 6, edit: join(adolescentGroup, withParticipant(family))},
		{name: "adults only, ages kept apart", rules: group.Composition{SeparateAges: true}, n: 6},
		{name: "17 with adults, ages kept apart", rules: group.Composition{SeparateAges: true}, n: 6, edit: setAge(2, 17),
			want: findings(person(group.CodeAgesMixed, "G-1"))},
		{name: "17 with adults, ages not kept apart", n: 6, edit: setAge(2, 17)},
		{name: "17 with adults where 17 may be an adult", rules: group.Composition{SeparateAges: true}, ages: overlapAges, n: 6, edit: setAge(2, 17)},
		{name: "15 with adults where 16 may be an adult", rules: group.Composition{SeparateAges: true}, ages: overlapAges, n: 6, edit: setAge(2, 15),
			want: findings(person(group.CodeAgesMixed, "G-1"))},
		{name: "labels mixed, ages kept apart", rules: group.Composition{SeparateAges: true}, ages: noAges, n: 6, edit: func(s *group.Meeting) {
			for i := range s.Participants {
				s.Participants[i].Age, s.Participants[i].Population = 0, iop.PopulationAdolescent
			}
			s.Participants[5].Population = iop.PopulationAdult
		}, want: findings(person(group.CodeAgesMixed, "G-1"))},

		// Focus.
		{name: "women in a women's group", n: 6, edit: withFocus(group.Focus{Gender: group.GenderWoman})},
		{name: "a man in a women's group", n: 6, edit: join(withFocus(group.Focus{Gender: group.GenderWoman}), withParticipant(family),
			func(s *group.Meeting) { s.Participants[2].Gender = group.GenderMan }),
			want: findings(person(group.CodeGenderMismatch, "P-03"), person(group.CodeGenderMismatch, "F-1"))},
		{name: "a man in a women's group, as a warning", n: 6,
			settings: []iop.RuleSetting{{Code: group.CodeGenderMismatch, Severity: iop.SeverityWarning, Cite: settingCite}},
			edit:     join(withFocus(group.Focus{Gender: group.GenderWoman}), func(s *group.Meeting) { s.Participants[2].Gender = group.GenderNonbinary }),
			want:     findings(at(iop.SeverityWarning, person(group.CodeGenderMismatch, "P-03")))},
		{name: "a man in a women's group, focus rule off", n: 6,
			settings: []iop.RuleSetting{{Code: group.CodeGenderMismatch, Off: true, Cite: settingCite}},
			edit:     join(withFocus(group.Focus{Gender: group.GenderWoman}), func(s *group.Meeting) { s.Participants[2].Gender = group.GenderMan })},
		{name: "25 in a young-adult group to 25", rules: group.Composition{YoungAdultMaxAge: 25}, n: 6,
			edit: join(withFocus(group.Focus{Ages: group.AgeFocusYoungAdult}), setAge(2, 25), setAge(0, 18), setAge(1, 18), setAge(3, 18), setAge(4, 18), setAge(5, 18))},
		{name: "26 in a young-adult group to 25", rules: group.Composition{YoungAdultMaxAge: 25}, n: 6,
			edit: join(withFocus(group.Focus{Ages: group.AgeFocusYoungAdult}), setAge(2, 26), setAge(0, 18), setAge(1, 18), setAge(3, 18), setAge(4, 18), setAge(5, 18)),
			want: findings(person(group.CodeAgeBandMismatch, "P-03"))},
		{name: "young-adult group without an upper age", n: 6, edit: withFocus(group.Focus{Ages: group.AgeFocusYoungAdult})},
		{name: "dual diagnosis, all with a co-occurring condition", n: 6, edit: join(withFocus(group.Focus{CoOccurring: true}), withParticipant(family))},
		{name: "dual diagnosis, one without", n: 6,
			edit: join(withFocus(group.Focus{CoOccurring: true}), func(s *group.Meeting) { s.Participants[2].CoOccurring = false }),
			want: findings(person(group.CodeCoOccurringMismatch, "P-03"))},
		{name: "trauma group, all with a history", n: 6, edit: join(withFocus(group.Focus{Trauma: true}), withParticipant(family))},
		{name: "trauma group, one without", n: 6,
			edit: join(withFocus(group.Focus{Trauma: true}), func(s *group.Meeting) { s.Participants[2].Trauma = false }),
			want: findings(person(group.CodeTraumaMismatch, "P-03"))},
		{name: "language group, all in the cohort", n: 6, edit: join(withFocus(group.Focus{Cohort: "es"}), withParticipant(family))},
		{name: "language group, one outside", n: 6,
			edit: join(withFocus(group.Focus{Cohort: "es"}), func(s *group.Meeting) { s.Participants[2].Cohort = "" }),
			want: findings(person(group.CodeCohortMismatch, "P-03"))},

		// Confidentiality agreements.
		{name: "agreements on file", rules: group.Composition{RequireAgreement: true}, n: 6, edit: join(withParticipant(family), withParticipant(observer))},
		{name: "agreements missing", rules: group.Composition{RequireAgreement: true}, n: 6, edit: join(withParticipant(observer), func(s *group.Meeting) {
			s.Participants[2].Agreement = false
			s.Participants[6].Agreement = false
		}), want: findings(person(group.CodeAgreementMissing, "P-03"), person(group.CodeAgreementMissing, "O-1"))},
		{name: "agreements not required", n: 6, edit: func(s *group.Meeting) { s.Participants[2].Agreement = false }},

		// Closed groups.
		{name: "closed group, joined on its first day", n: 6, edit: join(closedSince(started), func(s *group.Meeting) { s.Participants[2].Joined = started })},
		{name: "closed group, joined the day after", n: 6, edit: join(closedSince(started),
			withParticipant(group.Participant{ID: "F-1", Role: group.ParticipantRoleFamily, Joined: started + 7}),
			withParticipant(group.Participant{ID: "O-1", Role: group.ParticipantRoleObserver, Joined: started + 7}),
			func(s *group.Meeting) { s.Participants[2].Joined = started + 1 }),
			want: findings(person(group.CodeJoinedClosedGroup, "P-03"), person(group.CodeJoinedClosedGroup, "F-1"))},
		{name: "open group, joined later", n: 6, edit: func(s *group.Meeting) { s.Participants[2].Joined = started + 1 }},

		// Levels of care.
		{name: "every patient at the program's level", n: 6, edit: func(s *group.Meeting) { s.Participants[2].Level = 0 }},
		{name: "a 2.5 patient in a 2.1 group", n: 6, edit: func(s *group.Meeting) { s.Participants[2].Level = iop.Level25 },
			want: findings(person(group.CodeLevelMismatch, "P-03"))},
		{name: "a 2.1 patient in a 2.5 group, blocking", n: 2,
			settings: []iop.RuleSetting{{Code: group.CodeLevelMismatch, Severity: iop.SeverityBlocking, Cite: settingCite}},
			edit: func(s *group.Meeting) {
				s.Level = iop.Level25
				s.Participants[1].Level = iop.Level25
			}, want: findings(at(iop.SeverityBlocking, person(group.CodeLevelMismatch, "P-01")))},
	}
}

func TestCheckSession(t *testing.T) {
	for _, c := range checkCases() {
		t.Run(c.name, func(t *testing.T) {
			got := c.run(t)
			var want iop.Findings
			if c.want != nil {
				want = c.want(t)
			}
			assert.Equal(t, want, got)
		})
	}
}

// TestCheckerRulesCitations checks where the citation of a checker's rule
// comes from: the profile's group rules, its age rules for the age rules
// (the group rules' when the profile has no age rules), and the rule table
// when the profile has neither; and that the checker's table carries the
// profile's severities.
func TestCheckerRulesCitations(t *testing.T) {
	cite := func(ck group.Checker, c iop.Code) iop.Citation {
		r, ok := ck.Rules().Rule(c)
		require.True(t, ok)
		return r.Cite
	}
	p := testProfile(group.Composition{MinSize: 2})
	ck := checker(t, p)
	assert.Equal(t, groupCite, cite(ck, group.CodeLevelMismatch))
	assert.Equal(t, agesCite, cite(ck, group.CodeAgesMixed))
	assert.Equal(t, agesCite, cite(ck, group.CodeBelowMinimumAge))

	p.Ages = iop.AgeRules{}
	ck = checker(t, p)
	assert.Equal(t, groupCite, cite(ck, group.CodeBelowMinimumAge), "no age rules: the group rules' citation")

	p = p.WithPart(group.Composition{})
	ck = checker(t, p)
	assert.Equal(t, rule(t, group.CodeLevelMismatch).Cite, cite(ck, group.CodeLevelMismatch), "no group rules: the table's")
	s := session(2)
	s.Participants[1].Level = iop.Level25
	got := check(t, p, s)
	assert.Equal(t, iop.Findings{finding(t, group.CodeLevelMismatch, "P-02", 0, 0)}, got)
	ioptest.Cited(t, ck.Rules(), got)
	ioptest.FollowsRules(t, ck.Rules(), got)

	p.Rules = []iop.RuleSetting{{Code: group.CodeLevelMismatch, Off: true, Cite: groupCite}, {Code: group.CodeAgesMixed, Severity: iop.SeverityInfo, Cite: groupCite}}
	ck = checker(t, p)
	r, _ := ck.Rules().Rule(group.CodeLevelMismatch)
	assert.Equal(t, iop.Severity(0), r.Severity, "a rule turned off has no severity")
	r, _ = ck.Rules().Rule(group.CodeAgesMixed)
	assert.Equal(t, iop.SeverityInfo, r.Severity)
	assert.Equal(t, group.Rules(), group.Checker{}.Rules(), "the zero Checker's table is the package's")
	assert.Equal(t, group.Rules().Len(), ck.Rules().Len())
}

// TestRulesTable checks the rule table: codes of this package, named
// "group.<subject>.<what>", each once, with a severity, a summary and a
// source.
func TestRulesTable(t *testing.T) {
	rules := group.Rules()
	require.Equal(t, 20, rules.Len())
	seen := map[iop.Code]bool{}
	for r := range rules.All() {
		assert.Equal(t, "group", r.Code.Package(), "%s", r.Code)
		assert.Regexp(t, `^group\.[a-z]+\.[a-z-]+$`, string(r.Code))
		assert.False(t, seen[r.Code], "%s listed twice", r.Code)
		seen[r.Code] = true
		assert.True(t, r.Severity.IsValid(), "%s", r.Code)
		assert.NotEmpty(t, r.Summary, "%s", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s", r.Code)
	}
	assert.Equal(t, iop.SeverityBlocking, rule(t, group.CodeGenderMismatch).Severity, "focus mismatch blocks by default")
	assert.Equal(t, iop.SeverityWarning, rule(t, group.CodeLevelMismatch).Severity, "level mismatch warns by default")
}

// TestCheckSessionRuleOrder checks a session that breaks many rules: the
// findings come in rule order, then participant order.
func TestCheckSessionRuleOrder(t *testing.T) {
	p := testProfile(group.Composition{
		MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 2, CoFacilitatorAbove: 10,
		MaxPerFacilitator: 10, RequireAgreement: true, YoungAdultMaxAge: 25,
	})
	p.Ages = overlapAges()
	s := session(0)
	s.Focus = group.Focus{Ages: group.AgeFocusYoungAdult, Gender: group.GenderWoman, CoOccurring: true, Trauma: true, Cohort: "es"}
	s.Enrollment, s.Started = group.EnrollmentClosed, started
	s.Facilitators = []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Credential: "CADC"}}
	s.Participants = []group.Participant{
		{ID: "P-1", Role: group.ParticipantRolePatient, Age: 17, Gender: group.GenderWoman, Agreement: true, CoOccurring: true, Trauma: true, Cohort: "es"},
		{ID: "P-2", Role: group.ParticipantRolePatient, Age: 40, Gender: group.GenderMan, Level: iop.Level25, Joined: started + 14},
		{ID: "P-3", Role: group.ParticipantRolePatient, Age: 11, Gender: group.GenderWoman},
	}
	got := check(t, p, s)
	want := []struct {
		code    iop.Code
		subject string
	}{
		{group.CodeSizeBelowMinimum, "G-1"},
		{group.CodeFacilitatorsTooFew, "G-1"},
		{group.CodeNoLicensedFacilitator, "G-1"},
		{group.CodeBelowMinimumAge, "P-3"},
		{group.CodeAgeExceptionUndocumented, "P-1"},
		{group.CodeGenderMismatch, "P-2"},
		{group.CodeAgeBandMismatch, "P-2"},
		{group.CodeCoOccurringMismatch, "P-2"},
		{group.CodeCoOccurringMismatch, "P-3"},
		{group.CodeTraumaMismatch, "P-2"},
		{group.CodeTraumaMismatch, "P-3"},
		{group.CodeCohortMismatch, "P-2"},
		{group.CodeCohortMismatch, "P-3"},
		{group.CodeAgreementMissing, "P-2"},
		{group.CodeAgreementMissing, "P-3"},
		{group.CodeJoinedClosedGroup, "P-2"},
		{group.CodeLevelMismatch, "P-2"},
	}
	require.Len(t, got, len(want))
	for i, w := range want {
		assert.Equal(t, w.code, got[i].Code, "finding %d", i)
		assert.Equal(t, w.subject, got[i].Subject, "finding %d", i)
	}
	require.ErrorIs(t, got.BlockingErr(), group.CodeCohortMismatch)
	assert.NotErrorIs(t, got.BlockingErr(), group.CodeLevelMismatch, "a warning is not in the blocking error")
}

// TestCheckSessionHoldsNoDetail checks that no finding's message or error
// holds a participant's credential, cohort, gender identity, age or level:
// only record IDs, the session's day and counts. The markers are values no
// message wording uses.
func TestCheckSessionHoldsNoDetail(t *testing.T) {
	p := ioprules.TIP47()
	p.Ages = overlapAges()
	p = withComposition(p, func(c *group.Composition) { c.SeparateAges = true })
	p = withComposition(p, func(c *group.Composition) { c.YoungAdultMaxAge = 25 })
	s := session(0)
	s.Focus = group.Focus{Ages: group.AgeFocusYoungAdult, Gender: group.GenderNonbinary, CoOccurring: true, Trauma: true, Cohort: "marker-cohort-x"}
	s.Enrollment, s.Started = group.EnrollmentClosed, started
	s.Facilitators = []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleTrainee, Credential: "marker-credential-x"}}
	s.Participants = []group.Participant{
		{ID: "P-1", Role: group.ParticipantRolePatient, Age: 97, Gender: group.GenderUndisclosed, Level: iop.Level37WM, Cohort: "marker-cohort-y", Joined: started + 3},
		{ID: "P-2", Role: group.ParticipantRolePatient, Age: 17, Gender: group.GenderWoman, Cohort: "marker-cohort-y"},
		{ID: "F-1", Role: group.ParticipantRoleFamily, Age: 63, Gender: group.GenderMan},
	}
	got := check(t, p, s)
	require.NotEmpty(t, got)
	rules := checker(t, p).Rules()
	for _, f := range got {
		for _, secret := range []string{"marker", "97", "63", "17", "undisclosed", "woman", "man ", "nonbinary", "3.7", "2.1"} {
			assert.NotContains(t, f.String(), secret, "%s", f.Code)
			assert.NotContains(t, rules.Message(f), secret, "%s", f.Code)
		}
		assert.Contains(t, []string{"G-1", "P-1", "P-2", "F-1"}, f.Subject)
	}
	assert.GreaterOrEqual(t, len(got.Codes()), 10)
}

func TestCheckSessionInvalid(t *testing.T) {
	ck := checker(t, ioprules.TIP47())
	s := session(6)
	s.Participants[4].ID = ""
	s.Participants[2].Gender = group.Gender(40)
	got, err := ck.CheckMeeting(s)
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	assert.Equal(t, iop.FieldErrors{
		{Field: "participants[2].gender", Err: iop.ErrUnknown},
		{Field: "participants[4].id", Err: iop.ErrMissing},
	}, errs)
	assert.Nil(t, got)

	dst := make(iop.Findings, 1, 8)
	got, err = ck.AppendMeeting(dst, s)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Equal(t, dst, got, "dst comes back unchanged")
}

func TestZeroChecker(t *testing.T) {
	var ck group.Checker
	_, err := ck.CheckMeeting(session(6))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "checker", fe.Field)
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = ck.AppendMeeting(nil, session(6))
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = ck.PlanRoster(roster())
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.True(t, ck.Profile().IsZero())
}

func TestNewChecker(t *testing.T) {
	p := ioprules.TIP47()
	ck := checker(t, p)
	assert.True(t, ck.Profile().Equal(p))
	q := ck.Profile()
	q.Rules[0].Off = true
	q.Rules = append(q.Rules, iop.RuleSetting{Code: group.CodeLevelMismatch, Off: true, Cite: settingCite})
	assert.Equal(t, ioprules.TIP47().Rules, ck.Profile().Rules, "Profile returns a copy")

	bad := testProfile(group.Composition{MinSize: 8, MaxSize: 6})
	_, err := group.NewChecker(bad)
	require.ErrorIs(t, err, iop.ErrOrder, "NewChecker validates the profile")

	p.Rules = []iop.RuleSetting{
		{Code: "schedule.weekly-minutes.below-minimum", Off: true, Cite: settingCite},
		{Code: "group.size.too-big", Severity: iop.SeverityWarning, Cite: settingCite},
	}
	_, err = group.NewChecker(p)
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	assert.Equal(t, iop.FieldErrors{{Field: "rules[1].code", Err: iop.ErrUnknown}}, errs,
		"an unknown group code is refused; a schedule code is known, since TIP 47 has a schedule part")
}

// TestSettingsFromJSON checks that a profile's rule settings, loaded from
// JSON, change the findings: the level mismatch blocks, the focus mismatch
// is off.
func TestSettingsFromJSON(t *testing.T) {
	p, err := ioprules.ParseProfile([]byte(`{
		"id": "test-settings", "title": "Test settings", "level": "2.1", "from": "2025-01-01",
		"source": {"source": "Test Admin. Code"}, "scope": {"reach": "payer", "body": "Test payer"},
		"group": {"max_size": 12, "cite": {"source": "Test Admin. Code 1-2-3"}},
		"rules": [
			{"code": "group.level.mismatch", "severity": "blocking", "cite": {"source": "x"}},
			{"code": "group.focus.gender-mismatch", "off": true, "cite": {"source": "x"}}
		]
	}`))
	require.NoError(t, err)
	s := session(6)
	s.Focus.Gender = group.GenderWoman
	s.Participants[1].Gender = group.GenderMan
	s.Participants[3].Level = iop.Level25

	def := p.Clone()
	def.Rules = nil
	assert.Equal(t, iop.Findings{
		finding(t, group.CodeGenderMismatch, "P-02", 0, 0),
		finding(t, group.CodeLevelMismatch, "P-04", 0, 0),
	}, check(t, def, s), "the table's severities")

	blocking := finding(t, group.CodeLevelMismatch, "P-04", 0, 0)
	blocking.Severity = iop.SeverityBlocking
	got := check(t, p, s)
	assert.Equal(t, iop.Findings{blocking}, got, "the profile's settings")
	require.ErrorIs(t, got.BlockingErr(), group.CodeLevelMismatch)

	_, err = ioprules.ParseProfile([]byte(`{
		"id": "test-settings", "title": "Test settings", "level": "2.1", "from": "2025-01-01",
		"source": {"source": "Test Admin. Code"}, "scope": {"reach": "payer", "body": "Test payer"},
		"rules": [{"code": "group.level.mis-match", "severity": "blocking", "cite": {"source": "x"}}]
	}`))
	require.ErrorIs(t, err, iop.ErrUnknown, "the profile's group part knows the codes of group")
	p.Rules[0].Code = "group.level.mis-match"
	_, err = group.NewChecker(p)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "rules[0].code", fe.Field)
	assert.ErrorIs(t, err, iop.ErrUnknown)
}

// TestCheckBuiltins checks sessions against each built-in profile with
// group rules.
func TestCheckBuiltins(t *testing.T) {
	tests := []struct {
		profile iop.Profile
		n       int
		edit    func(*group.Meeting)
		want    []iop.Code
	}{
		{ioprules.TIP47(), 12, nil, nil},
		{ioprules.TIP47(), 13, nil, []iop.Code{group.CodeSizeAboveMaximum}},
		{ioprules.TIP47(), 11, facilitatorsOnly(1), []iop.Code{group.CodeCoFacilitatorRequired}},
		{ioprules.MedicareIOP2025(), 13, nil, nil},
		{ioprules.MedicareIOP2026(), 30, nil, nil},
		{group.NGSGroupPsychotherapy(), 12, nil, nil},
		{group.NGSGroupPsychotherapy(), 13, nil, []iop.Code{group.CodeSizeAboveMaximum}},
		{group.TexasGroups2004(), 16, nil, nil},
		{group.TexasGroups2004(), 17, nil, []iop.Code{group.CodeSizeAboveMaximum}},
		{group.ColoradoIOP(), 12, nil, nil},
		{group.ColoradoIOP(), 13, nil, []iop.Code{group.CodeSizeAboveMaximum}},
		{group.TexasGroups(), 16, nil, nil},
		{group.TexasGroups(), 17, nil, []iop.Code{group.CodeSizeAboveMaximum}},
		{group.TexasGroups(), 35, func(s *group.Meeting) { s.Kind = iop.GroupKindSkillsDevelopment }, nil},
		{group.TexasGroups(), 36, func(s *group.Meeting) { s.Kind = iop.GroupKindPsychoeducation }, []iop.Code{group.CodeSizeAboveMaximum}},
		{group.TexasGroups(), 6, setAge(0, 17), []iop.Code{group.CodeAgesMixed}},
		{group.CaliforniaDMC(), 1, atLevel(iop.Level1), []iop.Code{group.CodeSizeBelowMinimum}},
		{group.CaliforniaDMC(), 2, atLevel(iop.Level1), nil},
		{group.CaliforniaDMC(), 2, nil, []iop.Code{group.CodeLevelMismatch, group.CodeLevelMismatch}},
		{group.WisconsinYouth(), 10, join(facilitatorsOnly(1), atLevel(iop.Level25)), nil},
		{group.WisconsinYouth(), 11, join(facilitatorsOnly(1), atLevel(iop.Level25)), []iop.Code{group.CodeCoFacilitatorRequired}},
		{group.WisconsinYouth(), 12, atLevel(iop.Level25), nil},
		{group.WisconsinYouth(), 13, atLevel(iop.Level25), []iop.Code{group.CodeSizeAboveMaximum}},
		{group.WisconsinYouth(), 8, join(atLevel(iop.Level25), func(s *group.Meeting) {
			s.Kind, s.Facilitators[0].Licensed = iop.GroupKindSupport, false
		}), nil},
		{group.WisconsinYouth(), 8, join(atLevel(iop.Level25), func(s *group.Meeting) { s.Facilitators[0].Licensed = false }), []iop.Code{group.CodeNoLicensedFacilitator}},
		{group.IllinoisAges(), 6, setAge(0, 17), nil},
		{group.IllinoisAges(), 6, setAge(0, 15), []iop.Code{group.CodeAgesMixed}},
		{group.IllinoisAges(), 6, join(withFocus(group.Focus{Ages: group.AgeFocusAdult}), setAge(0, 17)), []iop.Code{group.CodeAgeExceptionUndocumented}},
	}
	for _, tt := range tests {
		s := session(tt.n)
		if tt.edit != nil {
			tt.edit(&s)
		}
		if !tt.profile.InForceOn(s.Date) {
			s.Date = tt.profile.From // each profile judges a day it is in force
		}
		got := check(t, tt.profile, s)
		ioptest.CodesEqual(t, got, tt.want...)
		ioptest.Cited(t, checker(t, tt.profile).Rules(), got)
	}
}

// findingsSession is a 12-person session with four findings under TIP 47.
func findingsSession() group.Meeting {
	s := session(12)
	s.Facilitators = s.Facilitators[1:]
	s.Participants[3].Agreement = false
	s.Participants[5].Level = iop.Level25
	return s
}

// TestCheckerConcurrent shares one Checker between goroutines; run with
// -race.
func TestCheckerConcurrent(t *testing.T) {
	ck := checker(t, ioprules.TIP47())
	s := findingsSession()
	want, err := ck.CheckMeeting(s)
	require.NoError(t, err)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			var dst iop.Findings
			for range 50 {
				var err error
				dst, err = ck.AppendMeeting(dst[:0], s)
				if err != nil {
					errs <- err
					return
				}
				if !slices.Equal(dst, want) {
					errs <- errors.New("different findings")
					return
				}
				if !ck.Profile().Equal(ioprules.TIP47()) {
					errs <- errors.New("the profile changed")
					return
				}
			}
			_, err := ck.PlanRoster(roster(people("P", 20, 30, group.GenderWoman)...))
			errs <- err
		}()
	}
	for range 8 {
		assert.NoError(t, <-errs)
	}
}
