package iop_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// groupFinding is a finding about group G-1; need and got are counts, both
// zero for a finding without figures.
func groupFinding(code iop.Code, msg string, need, got int64) iop.Finding {
	f := iop.Finding{Code: code, Severity: iop.Blocking, Subject: "G-1", Message: msg, Cite: groupCite}
	if need != 0 || got != 0 {
		f.Need, f.Got, f.Unit = need, got, iop.UnitCount
	}
	return f
}

// personFinding is a finding about participant id, cited to cite.
func personFinding(code iop.Code, sev iop.Severity, id, msg string, cite iop.Citation) iop.Finding {
	return iop.Finding{Code: code, Severity: sev, Subject: id, Message: msg, Cite: cite}
}

// checkCase is one session checked against one profile, with the findings
// it must give: a test that produces a code, or a case at its boundary.
type checkCase struct {
	name  string
	rules iop.GroupRules
	ages  func() iop.AgeRules // nil: testAges
	n     int                 // patients in the session
	edit  func(*iop.GroupSession)
	want  iop.Findings
}

func (c checkCase) run(t *testing.T) iop.Findings {
	t.Helper()
	p := testProfile(c.rules)
	if c.ages != nil {
		p.Ages = c.ages()
	}
	require.NoError(t, p.Validate())
	g := session(c.n)
	if c.edit != nil {
		c.edit(&g)
	}
	got, err := g.Check(p)
	require.NoError(t, err)
	return got
}

func setAge(i, age int) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) { g.Participants[i].Age = age }
}

func facilitatorsOnly(n int) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) { g.Facilitators = g.Facilitators[:n] }
}

func join(edits ...func(*iop.GroupSession)) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) {
		for _, e := range edits {
			e(g)
		}
	}
}

// atLevel puts every patient at level l.
func atLevel(l iop.Level) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) {
		for i := range g.Participants {
			g.Participants[i].Level = l
		}
	}
}

func noAges() iop.AgeRules { return iop.AgeRules{} }

var (
	sixToTwelve = iop.GroupRules{MinSize: 6, MaxSize: 12}
	texasSizes  = iop.GroupRules{MaxSize: 16, EducationKinds: iop.GroupKindsOf(iop.KindPsychoeducation), EducationMaxSize: 35}
	started     = date.New(2025, time.February, 3)
)

func closedSince(d date.Date) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) { g.Enrollment, g.Started = iop.Closed, d }
}

func withParticipant(p iop.Participant) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) { g.Participants = append(g.Participants, p) }
}

func withFocus(f iop.GroupFocus) func(*iop.GroupSession) {
	return func(g *iop.GroupSession) { g.Focus = f }
}

// checkCases holds, for every code, a case that produces it and the cases at
// its boundary. TestGroupRulesCatalog checks that together they produce
// every code in the catalog.
func checkCases() []checkCase {
	adultGroup := withFocus(iop.GroupFocus{Ages: iop.FocusAdult})
	adolescentGroup := func(g *iop.GroupSession) {
		g.Focus.Ages = iop.FocusAdolescent
		for i := range g.Participants {
			g.Participants[i].Age = 15
		}
	}
	family := iop.Participant{ID: "F-1", Role: iop.Family, Gender: iop.GenderMan, Agreement: true}
	observer := iop.Participant{ID: "O-1", Role: iop.Observer, Gender: iop.GenderWoman, Agreement: true}
	return []checkCase{
		// Size, for a 6-12 limit: 5, 6, 12 and 13 patients.
		{name: "size 5 of 6-12", rules: sixToTwelve, n: 5, want: iop.Findings{
			groupFinding(iop.CodeGroupSizeBelowMinimum, "group G-1 has 5 participants who count toward its size, below the minimum of 6", 6, 5),
		}},
		{name: "size 6 of 6-12", rules: sixToTwelve, n: 6},
		{name: "size 12 of 6-12", rules: sixToTwelve, n: 12},
		{name: "size 13 of 6-12", rules: sixToTwelve, n: 13, want: iop.Findings{
			groupFinding(iop.CodeGroupSizeAboveMaximum, "group G-1 has 13 participants who count toward its size, above the maximum of 12", 12, 13),
		}},
		{name: "size 1 of 2-12", rules: iop.GroupRules{MinSize: 2}, n: 1, want: iop.Findings{
			groupFinding(iop.CodeGroupSizeBelowMinimum, "group G-1 has 1 participant who counts toward its size, below the minimum of 2", 2, 1),
		}},
		{name: "family members not counted", rules: sixToTwelve, n: 12, edit: withParticipant(family)},
		{name: "family members counted", rules: iop.GroupRules{MaxSize: 12, CountFamily: true}, n: 12, edit: withParticipant(family), want: iop.Findings{
			groupFinding(iop.CodeGroupSizeAboveMaximum, "group G-1 has 13 participants who count toward its size, above the maximum of 12", 12, 13),
		}},
		{name: "observers not counted", rules: iop.GroupRules{MinSize: 6, CountFamily: true}, n: 5, edit: withParticipant(observer), want: iop.Findings{
			groupFinding(iop.CodeGroupSizeBelowMinimum, "group G-1 has 5 participants who count toward its size, below the minimum of 6", 6, 5),
		}},
		{name: "observers counted", rules: iop.GroupRules{MinSize: 6, CountObservers: true}, n: 5, edit: withParticipant(observer)},
		{name: "education group of 35", rules: texasSizes, n: 35, edit: func(g *iop.GroupSession) { g.Kind = iop.KindPsychoeducation }},
		{name: "education group of 36", rules: texasSizes, n: 36, edit: func(g *iop.GroupSession) { g.Kind = iop.KindPsychoeducation }, want: iop.Findings{
			groupFinding(iop.CodeGroupSizeAboveMaximum, "group G-1 has 36 participants who count toward its size, above the maximum of 35", 35, 36),
		}},
		{name: "counseling group of 16", rules: texasSizes, n: 16},
		{name: "counseling group of 17", rules: texasSizes, n: 17, want: iop.Findings{
			groupFinding(iop.CodeGroupSizeAboveMaximum, "group G-1 has 17 participants who count toward its size, above the maximum of 16", 16, 17),
		}},

		// Facilitators.
		{name: "two facilitators of two", rules: iop.GroupRules{MinFacilitators: 2}, n: 8},
		{name: "one facilitator of two", rules: iop.GroupRules{MinFacilitators: 2}, n: 8, edit: facilitatorsOnly(1), want: iop.Findings{
			groupFinding(iop.CodeGroupFacilitatorsTooFew, "group G-1 has 1 facilitator; the profile requires 2", 2, 1),
		}},
		{name: "a trainee does not count", rules: iop.GroupRules{MinFacilitators: 2}, n: 8, edit: func(g *iop.GroupSession) { g.Facilitators[1].Role = iop.Trainee }, want: iop.Findings{
			groupFinding(iop.CodeGroupFacilitatorsTooFew, "group G-1 has 1 facilitator; the profile requires 2", 2, 1),
		}},
		{name: "a trainee counts when the profile says", rules: iop.GroupRules{MinFacilitators: 2, CountTrainees: true}, n: 8, edit: func(g *iop.GroupSession) { g.Facilitators[1].Role = iop.Trainee }},
		{name: "licensed lead", rules: iop.GroupRules{RequireLicensed: true}, n: 8},
		{name: "no licensed facilitator", rules: iop.GroupRules{RequireLicensed: true}, n: 8, edit: func(g *iop.GroupSession) { g.Facilitators[0].Licensed = false }, want: iop.Findings{
			groupFinding(iop.CodeGroupNoLicensedFacilitator, "group G-1 has no licensed facilitator", 0, 0),
		}},
		{name: "no facilitator at all", rules: iop.GroupRules{RequireLicensed: true, MinFacilitators: 1}, n: 8, edit: facilitatorsOnly(0), want: iop.Findings{
			groupFinding(iop.CodeGroupFacilitatorsTooFew, "group G-1 has 0 facilitators; the profile requires 1", 1, 0),
			groupFinding(iop.CodeGroupNoLicensedFacilitator, "group G-1 has no licensed facilitator", 0, 0),
		}},
		{name: "kind exempt from a licensed facilitator", rules: iop.GroupRules{RequireLicensed: true, LicensedExempt: iop.GroupKindsOf(iop.KindSupport)}, n: 8,
			edit: func(g *iop.GroupSession) { g.Kind, g.Facilitators[0].Licensed = iop.KindSupport, false }},
		{name: "licensed trainee does not count", rules: iop.GroupRules{RequireLicensed: true}, n: 8,
			edit: func(g *iop.GroupSession) { g.Facilitators[0].Role = iop.Trainee }, want: iop.Findings{
				groupFinding(iop.CodeGroupNoLicensedFacilitator, "group G-1 has no licensed facilitator", 0, 0),
			}},
		{name: "licensed trainee counts when the profile says", rules: iop.GroupRules{RequireLicensed: true, CountTrainees: true}, n: 8,
			edit: func(g *iop.GroupSession) { g.Facilitators[0].Role = iop.Trainee }},
		{name: "10 with one facilitator, co-facilitator above 10", rules: iop.GroupRules{CoFacilitatorAbove: 10}, n: 10, edit: facilitatorsOnly(1)},
		{name: "11 with one facilitator, co-facilitator above 10", rules: iop.GroupRules{CoFacilitatorAbove: 10}, n: 11, edit: facilitatorsOnly(1), want: iop.Findings{
			groupFinding(iop.CodeGroupCoFacilitatorRequired, "group G-1 has 11 participants who count and 1 facilitator; above 10 a co-facilitator is required", 2, 1),
		}},
		{name: "11 with two facilitators, co-facilitator above 10", rules: iop.GroupRules{CoFacilitatorAbove: 10}, n: 11},
		{name: "10 for one facilitator of 10", rules: iop.GroupRules{MaxPerFacilitator: 10}, n: 10, edit: facilitatorsOnly(1)},
		{name: "11 for one facilitator of 10", rules: iop.GroupRules{MaxPerFacilitator: 10}, n: 11, edit: facilitatorsOnly(1), want: iop.Findings{
			groupFinding(iop.CodeGroupFacilitatorRatio, "group G-1 has 11 participants who count for 1 facilitator, more than 10 per facilitator", 10, 11),
		}},
		{name: "20 for two facilitators of 10", rules: iop.GroupRules{MaxPerFacilitator: 10}, n: 20},
		{name: "21 for two facilitators of 10", rules: iop.GroupRules{MaxPerFacilitator: 10}, n: 21, want: iop.Findings{
			groupFinding(iop.CodeGroupFacilitatorRatio, "group G-1 has 21 participants who count for 2 facilitators, more than 10 per facilitator", 20, 21),
		}},

		// Ages.
		{name: "age 12, the youngest served", n: 6, edit: setAge(2, 12)},
		{name: "age 11, below the youngest served", n: 6, edit: setAge(2, 11), want: iop.Findings{
			personFinding(iop.CodeGroupBelowMinimumAge, iop.Blocking, "P-03", "patient P-03 in group G-1 is younger than the program serves", agesCite),
		}},
		{name: "18 in an adult group", n: 6, edit: join(adultGroup, setAge(2, 18))},
		{name: "17 in an adult group", n: 6, edit: join(adultGroup, setAge(2, 17)), want: iop.Findings{
			personFinding(iop.CodeGroupAdolescentInAdultGroup, iop.Blocking, "P-03", "patient P-03 may not be served in adult group G-1", agesCite),
		}},
		{name: "17 in a young-adult group", n: 6, edit: join(withFocus(iop.GroupFocus{Ages: iop.FocusYoungAdult}), setAge(0, 17)), want: iop.Findings{
			personFinding(iop.CodeGroupAdolescentInAdultGroup, iop.Blocking, "P-01", "patient P-01 may not be served in adult group G-1", agesCite),
		}},
		{name: "17 in an adolescent group", n: 6, edit: join(adolescentGroup, setAge(2, 17))},
		{name: "18 in an adolescent group", n: 6, edit: join(adolescentGroup, setAge(2, 18)), want: iop.Findings{
			personFinding(iop.CodeGroupAdultInAdolescentGroup, iop.Blocking, "P-03", "patient P-03 may not be served in adolescent group G-1", agesCite),
		}},
		{name: "16 with justification in an adult group", ages: overlapAges, n: 6,
			edit: join(adultGroup, setAge(2, 16), func(g *iop.GroupSession) { g.Participants[2].AgeException = true })},
		{name: "16 without justification in an adult group", ages: overlapAges, n: 6, edit: join(adultGroup, setAge(2, 16)), want: iop.Findings{
			personFinding(iop.CodeGroupAgeExceptionUndocumented, iop.Warning, "P-03", "patient P-03 in group G-1 is served outside the population of their age without the justification on file", agesCite),
		}},
		{name: "15 in an adult group that takes 16", ages: overlapAges, n: 6, edit: join(adultGroup, setAge(2, 15)), want: iop.Findings{
			personFinding(iop.CodeGroupAdolescentInAdultGroup, iop.Blocking, "P-03", "patient P-03 may not be served in adult group G-1", agesCite),
		}},
		{name: "22 without justification in an adolescent group", ages: overlapAges, n: 6, edit: join(adolescentGroup, setAge(2, 22)), want: iop.Findings{
			personFinding(iop.CodeGroupAgeExceptionUndocumented, iop.Warning, "P-03", "patient P-03 in group G-1 is served outside the population of their age without the justification on file", agesCite),
		}},
		{name: "23 in an adolescent group that takes 22", ages: overlapAges, n: 6, edit: join(adolescentGroup, setAge(2, 23)), want: iop.Findings{
			personFinding(iop.CodeGroupAdultInAdolescentGroup, iop.Blocking, "P-03", "patient P-03 may not be served in adolescent group G-1", agesCite),
		}},
		{name: "population label without age rules", ages: noAges, n: 6, edit: join(adultGroup, func(g *iop.GroupSession) {
			g.Participants[1].Age, g.Participants[1].Population = 0, iop.Adolescent
			g.Participants[2].Age, g.Participants[2].Population = 0, iop.Adult
		}), want: iop.Findings{
			personFinding(iop.CodeGroupAdolescentInAdultGroup, iop.Blocking, "P-02", "patient P-02 may not be served in adult group G-1", groupCite),
		}},
		{name: "a family member's age is not checked", n: 6, edit: join(adolescentGroup, withParticipant(family))},
		{name: "adults only, ages kept apart", rules: iop.GroupRules{SeparateAges: true}, n: 6},
		{name: "17 with adults, ages kept apart", rules: iop.GroupRules{SeparateAges: true}, n: 6, edit: setAge(2, 17), want: iop.Findings{
			groupFinding(iop.CodeGroupAgesMixed, "group G-1 mixes 1 adolescent and 5 adult patients", 0, 0),
		}},
		{name: "17 with adults, ages not kept apart", n: 6, edit: setAge(2, 17)},
		{name: "17 with adults where 17 may be an adult", rules: iop.GroupRules{SeparateAges: true}, ages: overlapAges, n: 6, edit: setAge(2, 17)},
		{name: "15 with adults where 16 may be an adult", rules: iop.GroupRules{SeparateAges: true}, ages: overlapAges, n: 6, edit: setAge(2, 15), want: iop.Findings{
			groupFinding(iop.CodeGroupAgesMixed, "group G-1 mixes 1 adolescent and 5 adult patients", 0, 0),
		}},
		{name: "labels mixed, ages kept apart", rules: iop.GroupRules{SeparateAges: true}, ages: noAges, n: 6, edit: func(g *iop.GroupSession) {
			for i := range g.Participants {
				g.Participants[i].Age, g.Participants[i].Population = 0, iop.Adolescent
			}
			g.Participants[5].Population = iop.Adult
		}, want: iop.Findings{
			groupFinding(iop.CodeGroupAgesMixed, "group G-1 mixes 5 adolescent and 1 adult patients", 0, 0),
		}},

		// Focus.
		{name: "women in a women's group", n: 6, edit: withFocus(iop.GroupFocus{Gender: iop.GenderWoman})},
		{name: "a man in a women's group", n: 6, edit: join(withFocus(iop.GroupFocus{Gender: iop.GenderWoman}), withParticipant(family),
			func(g *iop.GroupSession) { g.Participants[2].Gender = iop.GenderMan }), want: iop.Findings{
			personFinding(iop.CodeGroupGenderMismatch, iop.Blocking, "P-03", "patient P-03 does not fit the gender focus of group G-1", groupCite),
			personFinding(iop.CodeGroupGenderMismatch, iop.Blocking, "F-1", "family member F-1 does not fit the gender focus of group G-1", groupCite),
		}},
		{name: "a man in a women's group, as a warning", rules: iop.GroupRules{FocusMismatch: iop.Warning}, n: 6,
			edit: join(withFocus(iop.GroupFocus{Gender: iop.GenderWoman}), func(g *iop.GroupSession) { g.Participants[2].Gender = iop.GenderNonbinary }), want: iop.Findings{
				personFinding(iop.CodeGroupGenderMismatch, iop.Warning, "P-03", "patient P-03 does not fit the gender focus of group G-1", groupCite),
			}},
		{name: "25 in a young-adult group to 25", rules: iop.GroupRules{YoungAdultMaxAge: 25}, n: 6,
			edit: join(withFocus(iop.GroupFocus{Ages: iop.FocusYoungAdult}), setAge(2, 25), setAge(0, 18), setAge(1, 18), setAge(3, 18), setAge(4, 18), setAge(5, 18))},
		{name: "26 in a young-adult group to 25", rules: iop.GroupRules{YoungAdultMaxAge: 25}, n: 6,
			edit: join(withFocus(iop.GroupFocus{Ages: iop.FocusYoungAdult}), setAge(2, 26), setAge(0, 18), setAge(1, 18), setAge(3, 18), setAge(4, 18), setAge(5, 18)), want: iop.Findings{
				personFinding(iop.CodeGroupAgeBandMismatch, iop.Blocking, "P-03", "patient P-03 is above the young-adult age of group G-1", groupCite),
			}},
		{name: "young-adult group without an upper age", n: 6, edit: withFocus(iop.GroupFocus{Ages: iop.FocusYoungAdult})},
		{name: "dual diagnosis, all with a co-occurring condition", n: 6, edit: join(withFocus(iop.GroupFocus{CoOccurring: true}), withParticipant(family))},
		{name: "dual diagnosis, one without", n: 6, edit: join(withFocus(iop.GroupFocus{CoOccurring: true}), func(g *iop.GroupSession) { g.Participants[2].CoOccurring = false }), want: iop.Findings{
			personFinding(iop.CodeGroupCoOccurringMismatch, iop.Blocking, "P-03", "patient P-03 has no co-occurring condition on record for dual-diagnosis group G-1", groupCite),
		}},
		{name: "trauma group, all with a history", n: 6, edit: join(withFocus(iop.GroupFocus{Trauma: true}), withParticipant(family))},
		{name: "trauma group, one without", n: 6, edit: join(withFocus(iop.GroupFocus{Trauma: true}), func(g *iop.GroupSession) { g.Participants[2].Trauma = false }), want: iop.Findings{
			personFinding(iop.CodeGroupTraumaMismatch, iop.Blocking, "P-03", "patient P-03 has no trauma history on record for trauma-specific group G-1", groupCite),
		}},
		{name: "language group, all in the cohort", n: 6, edit: join(withFocus(iop.GroupFocus{Cohort: "es"}), withParticipant(family))},
		{name: "language group, one outside", n: 6, edit: join(withFocus(iop.GroupFocus{Cohort: "es"}), func(g *iop.GroupSession) { g.Participants[2].Cohort = "" }), want: iop.Findings{
			personFinding(iop.CodeGroupCohortMismatch, iop.Blocking, "P-03", "patient P-03 is not in the cohort of group G-1", groupCite),
		}},

		// Confidentiality agreements.
		{name: "agreements on file", rules: iop.GroupRules{RequireAgreement: true}, n: 6, edit: join(withParticipant(family), withParticipant(observer))},
		{name: "agreements missing", rules: iop.GroupRules{RequireAgreement: true}, n: 6, edit: join(withParticipant(observer), func(g *iop.GroupSession) {
			g.Participants[2].Agreement = false
			g.Participants[6].Agreement = false
		}), want: iop.Findings{
			personFinding(iop.CodeGroupAgreementMissing, iop.Blocking, "P-03", "patient P-03 has no confidentiality agreement on file for group G-1", groupCite),
			personFinding(iop.CodeGroupAgreementMissing, iop.Blocking, "O-1", "observer O-1 has no confidentiality agreement on file for group G-1", groupCite),
		}},
		{name: "agreements not required", n: 6, edit: func(g *iop.GroupSession) { g.Participants[2].Agreement = false }},

		// Closed groups.
		{name: "closed group, joined on its first day", n: 6, edit: join(closedSince(started), func(g *iop.GroupSession) { g.Participants[2].Joined = started })},
		{name: "closed group, joined the day after", n: 6, edit: join(closedSince(started), withParticipant(iop.Participant{ID: "F-1", Role: iop.Family, Joined: started + 7}),
			withParticipant(iop.Participant{ID: "O-1", Role: iop.Observer, Joined: started + 7}),
			func(g *iop.GroupSession) { g.Participants[2].Joined = started + 1 }), want: iop.Findings{
			personFinding(iop.CodeGroupJoinedClosedGroup, iop.Warning, "P-03", "patient P-03 joined closed group G-1 after its first session", groupCite),
			personFinding(iop.CodeGroupJoinedClosedGroup, iop.Warning, "F-1", "family member F-1 joined closed group G-1 after its first session", groupCite),
		}},
		{name: "open group, joined later", n: 6, edit: func(g *iop.GroupSession) { g.Participants[2].Joined = started + 1 }},

		// Levels of care.
		{name: "every patient at the program's level", n: 6, edit: func(g *iop.GroupSession) { g.Participants[2].Level = 0 }},
		{name: "a 2.5 patient in a 2.1 group", n: 6, edit: func(g *iop.GroupSession) { g.Participants[2].Level = iop.Level25 }, want: iop.Findings{
			personFinding(iop.CodeGroupLevelMismatch, iop.Warning, "P-03", "patient P-03 has a level of care other than the program of group G-1", groupCite),
		}},
		{name: "a 2.1 patient in a 2.5 group, blocking", rules: iop.GroupRules{LevelMismatch: iop.Blocking}, n: 2, edit: func(g *iop.GroupSession) {
			g.Level = iop.Level25
			g.Participants[1].Level = iop.Level25
		}, want: iop.Findings{
			personFinding(iop.CodeGroupLevelMismatch, iop.Blocking, "P-01", "patient P-01 has a level of care other than the program of group G-1", groupCite),
		}},
	}
}

func TestGroupCheck(t *testing.T) {
	for _, c := range checkCases() {
		t.Run(c.name, func(t *testing.T) {
			got := c.run(t)
			assert.Equal(t, c.want, got)
			ioptest.Cited(t, got)
		})
	}
}

// TestGroupRulesCatalog checks that every code the check cases produce is in
// the catalog, and that every code in the catalog is produced by a case.
func TestGroupRulesCatalog(t *testing.T) {
	var catalog []iop.Code
	for _, r := range iop.Rules() {
		if !strings.HasPrefix(string(r.Code), "iop.group-") {
			continue // another part of package iop
		}
		assert.NotEmpty(t, r.Summary, "%s", r.Code)
		assert.NotEmpty(t, r.Cite.Source, "%s", r.Code)
		assert.True(t, r.Severity.IsValid(), "%s", r.Code)
		assert.NotContains(t, catalog, r.Code, "listed twice")
		catalog = append(catalog, r.Code)
	}
	produced := map[iop.Code]bool{}
	for _, c := range checkCases() {
		for _, f := range c.run(t) {
			assert.Contains(t, catalog, f.Code, "case %q", c.name)
			produced[f.Code] = true
		}
	}
	for _, code := range catalog {
		assert.True(t, produced[code], "no case produces %s", code)
	}
	assert.Len(t, catalog, 19)
}

// TestGroupCheckRuleOrder checks a session that breaks every rule: the
// findings come in rule order, then participant order.
func TestGroupCheckRuleOrder(t *testing.T) {
	p := testProfile(iop.GroupRules{
		MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 2, CoFacilitatorAbove: 10,
		MaxPerFacilitator: 10, RequireAgreement: true, YoungAdultMaxAge: 25,
	})
	p.Ages = overlapAges()
	g := session(0)
	g.Focus = iop.GroupFocus{Ages: iop.FocusYoungAdult, Gender: iop.GenderWoman, CoOccurring: true, Trauma: true, Cohort: "es"}
	g.Enrollment, g.Started = iop.Closed, started
	g.Facilitators = []iop.Facilitator{{ID: "S-1", Role: iop.Lead, Credential: "CADC"}}
	g.Participants = []iop.Participant{
		{ID: "P-1", Role: iop.Patient, Age: 40, Gender: iop.GenderMan, Level: iop.Level25, Joined: started + 14},
		{ID: "P-2", Role: iop.Patient, Age: 11, Gender: iop.GenderWoman},
		{ID: "P-3", Role: iop.Patient, Age: 17, Gender: iop.GenderWoman, Agreement: true, CoOccurring: true, Trauma: true, Cohort: "es"},
	}
	got, err := g.Check(p)
	require.NoError(t, err)
	want := []iop.Code{
		iop.CodeGroupSizeBelowMinimum,
		iop.CodeGroupFacilitatorsTooFew,
		iop.CodeGroupNoLicensedFacilitator,
		iop.CodeGroupBelowMinimumAge,          // P-2
		iop.CodeGroupAgeExceptionUndocumented, // P-3
		iop.CodeGroupGenderMismatch,           // P-1
		iop.CodeGroupAgeBandMismatch,          // P-1
		iop.CodeGroupCoOccurringMismatch,      // P-1
		iop.CodeGroupCoOccurringMismatch,      // P-2
		iop.CodeGroupTraumaMismatch,           // P-1
		iop.CodeGroupTraumaMismatch,           // P-2
		iop.CodeGroupCohortMismatch,           // P-1
		iop.CodeGroupCohortMismatch,           // P-2
		iop.CodeGroupAgreementMissing,         // P-1
		iop.CodeGroupAgreementMissing,         // P-2
		iop.CodeGroupJoinedClosedGroup,        // P-1
		iop.CodeGroupLevelMismatch,            // P-1
	}
	ioptest.CodesEqual(t, got, want...)
	subjects := make([]string, len(got))
	for i, f := range got {
		subjects[i] = f.Subject
	}
	assert.Equal(t, []string{"G-1", "G-1", "G-1", "P-2", "P-3", "P-1", "P-1", "P-1", "P-2", "P-1", "P-2", "P-1", "P-2", "P-1", "P-2", "P-1", "P-1"}, subjects)
	require.ErrorIs(t, got.Err(), iop.CodeGroupCohortMismatch)
	assert.ErrorIs(t, got, iop.CodeGroupLevelMismatch)
}

// TestGroupCheckMessagesHoldNoDetail checks that no message or error holds a
// participant's credential, cohort, gender identity, age or level: only
// record IDs and counts. The markers are values no message wording uses.
func TestGroupCheckMessagesHoldNoDetail(t *testing.T) {
	p := iop.TIP47()
	p.Ages = overlapAges()
	p.Group.SeparateAges = true
	p.Group.YoungAdultMaxAge = 25
	g := session(0)
	g.Focus = iop.GroupFocus{Ages: iop.FocusYoungAdult, Gender: iop.GenderNonbinary, CoOccurring: true, Trauma: true, Cohort: "marker-cohort-x"}
	g.Enrollment, g.Started = iop.Closed, started
	g.Facilitators = []iop.Facilitator{{ID: "S-1", Role: iop.Trainee, Credential: "marker-credential-x"}}
	g.Participants = []iop.Participant{
		{ID: "P-1", Role: iop.Patient, Age: 97, Gender: iop.GenderUndisclosed, Level: iop.Level37WM, Cohort: "marker-cohort-y", Joined: started + 3},
		{ID: "P-2", Role: iop.Patient, Age: 17, Gender: iop.GenderWoman, Cohort: "marker-cohort-y"},
		{ID: "F-1", Role: iop.Family, Age: 63, Gender: iop.GenderMan},
	}
	got, err := g.Check(p)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	for _, f := range got {
		for _, secret := range []string{"marker", "97", "63", "17", "undisclosed", "woman", "man ", "nonbinary", "3.7", "2.1", "2025"} {
			assert.NotContains(t, f.Message, secret, "%s", f.Code)
		}
		assert.Contains(t, []string{"G-1", "P-1", "P-2", "F-1"}, f.Subject)
	}
	assert.GreaterOrEqual(t, len(got.Codes()), 10)
}

func TestGroupCheckInvalidSession(t *testing.T) {
	g := session(6)
	g.Participants[4].ID = ""
	got, err := g.Check(iop.TIP47())
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "participants[4].id", fe.Field)
	assert.Nil(t, got)
}

// TestGroupCheckBuiltins checks a 12-person session against each built-in
// profile with group rules.
func TestGroupCheckBuiltins(t *testing.T) {
	tests := []struct {
		profile iop.Profile
		n       int
		edit    func(*iop.GroupSession)
		want    []iop.Code
	}{
		{iop.TIP47(), 12, nil, nil},
		{iop.TIP47(), 13, nil, []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.TIP47(), 11, facilitatorsOnly(1), []iop.Code{iop.CodeGroupCoFacilitatorRequired}},
		{iop.MedicareIOP2024(), 12, nil, nil},
		{iop.MedicareIOP2024(), 13, nil, []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.ColoradoIOP(), 12, nil, nil},
		{iop.ColoradoIOP(), 13, nil, []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.TexasGroups(), 16, nil, nil},
		{iop.TexasGroups(), 17, nil, []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.TexasGroups(), 35, func(g *iop.GroupSession) { g.Kind = iop.KindSkillsDevelopment }, nil},
		{iop.TexasGroups(), 36, func(g *iop.GroupSession) { g.Kind = iop.KindPsychoeducation }, []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.TexasGroups(), 6, setAge(0, 17), []iop.Code{iop.CodeGroupAgesMixed}},
		{iop.CaliforniaDMC(), 1, atLevel(iop.Level1), []iop.Code{iop.CodeGroupSizeBelowMinimum}},
		{iop.CaliforniaDMC(), 2, atLevel(iop.Level1), nil},
		{iop.CaliforniaDMC(), 2, nil, []iop.Code{iop.CodeGroupLevelMismatch, iop.CodeGroupLevelMismatch}},
		{iop.WisconsinYouth(), 10, join(facilitatorsOnly(1), atLevel(iop.Level25)), nil},
		{iop.WisconsinYouth(), 11, join(facilitatorsOnly(1), atLevel(iop.Level25)), []iop.Code{iop.CodeGroupCoFacilitatorRequired}},
		{iop.WisconsinYouth(), 12, atLevel(iop.Level25), nil},
		{iop.WisconsinYouth(), 13, atLevel(iop.Level25), []iop.Code{iop.CodeGroupSizeAboveMaximum}},
		{iop.WisconsinYouth(), 8, join(atLevel(iop.Level25), func(g *iop.GroupSession) {
			g.Kind, g.Facilitators[0].Licensed = iop.KindSupport, false
		}), nil},
		{iop.WisconsinYouth(), 8, join(atLevel(iop.Level25), func(g *iop.GroupSession) { g.Facilitators[0].Licensed = false }), []iop.Code{iop.CodeGroupNoLicensedFacilitator}},
		{iop.IllinoisAges(), 6, setAge(0, 17), nil},
		{iop.IllinoisAges(), 6, setAge(0, 15), []iop.Code{iop.CodeGroupAgesMixed}},
		{iop.IllinoisAges(), 6, join(withFocus(iop.GroupFocus{Ages: iop.FocusAdult}), setAge(0, 17)), []iop.Code{iop.CodeGroupAgeExceptionUndocumented}},
	}
	for _, tt := range tests {
		g := session(tt.n)
		if tt.edit != nil {
			tt.edit(&g)
		}
		got, err := g.Check(tt.profile)
		require.NoError(t, err)
		ioptest.CodesEqual(t, got, tt.want...)
	}
}

func TestGroupRulesHelpers(t *testing.T) {
	r := iop.GroupRules{MinSize: 2, MaxSize: 16, EducationKinds: iop.GroupKindsOf(iop.KindPsychoeducation), EducationMaxSize: 35}
	lo, hi := r.SizeFor(iop.KindPsychoeducation)
	assert.Equal(t, [2]int{2, 35}, [2]int{lo, hi})
	lo, hi = r.SizeFor(iop.KindCBT)
	assert.Equal(t, [2]int{2, 16}, [2]int{lo, hi})

	tests := []struct {
		rules   iop.GroupRules
		counted int
		want    int
	}{
		{iop.GroupRules{}, 12, 1},
		{iop.GroupRules{MinFacilitators: 2}, 3, 2},
		{iop.GroupRules{CoFacilitatorAbove: 10}, 10, 1},
		{iop.GroupRules{CoFacilitatorAbove: 10}, 11, 2},
		{iop.GroupRules{MaxPerFacilitator: 10}, 21, 3},
		{iop.GroupRules{MaxPerFacilitator: 10, CoFacilitatorAbove: 4}, 5, 2},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.rules.Facilitators(tt.counted), "%+v.Facilitators(%d)", tt.rules, tt.counted)
	}
	assert.True(t, iop.GroupRules{RequireLicensed: true}.LicensedRequired(iop.KindCBT))
	assert.False(t, iop.GroupRules{RequireLicensed: true, LicensedExempt: iop.GroupKindsOf(iop.KindCBT)}.LicensedRequired(iop.KindCBT))
	assert.False(t, iop.GroupRules{}.LicensedRequired(iop.KindCBT))
}

// TestGroupCheckAllocs checks that a compliant 12-person check allocates
// nothing.
func TestGroupCheckAllocs(t *testing.T) {
	g, p := session(12), iop.TIP47()
	fs, err := g.Check(p)
	require.NoError(t, err)
	require.Nil(t, fs)
	allocs := testing.AllocsPerRun(100, func() { _, _ = g.Check(p) })
	assert.Zero(t, allocs)
}

func BenchmarkGroupCheck12(b *testing.B) {
	g, p := session(12), iop.TIP47()
	b.ReportAllocs()
	for b.Loop() {
		_, _ = g.Check(p)
	}
}

func BenchmarkGroupCheck12Findings(b *testing.B) {
	g, p := session(12), iop.TIP47()
	g.Facilitators = g.Facilitators[1:]
	g.Participants[3].Agreement = false
	g.Participants[5].Level = iop.Level25
	b.ReportAllocs()
	for b.Loop() {
		_, _ = g.Check(p)
	}
}

func BenchmarkGroupValidate12(b *testing.B) {
	g := session(12)
	b.ReportAllocs()
	for b.Loop() {
		_ = g.Validate()
	}
}

func BenchmarkParseGroupSession(b *testing.B) {
	data := []byte(sessionJSON)
	b.ReportAllocs()
	for b.Loop() {
		_, _ = iop.ParseGroupSession(data)
	}
}
