package iop

import "github.com/rickb777/date/v2"

// Built-in profiles of state group rules. They set only what their sources
// state (group sizes, staffing, ages); a program combines them with the
// hours of the payer it bills. Where the date a rule came into force is not
// confirmed, From is the date of the text the library was read from, and the
// source's Note says so.

// ColoradoIOP returns Colorado's rule for intensive outpatient programs
// (ASAM level 2.1 services) of the Behavioral Health Administration: a
// treatment group has at most 12 individuals receiving services (2 CCR
// 502-1 §4.6.1(E)). Only patients count: family members and observers do
// not receive the service.
func ColoradoIOP() Profile {
	cite := Citation{Source: "2 CCR 502-1 §4.6.1(E)", Edition: "as current through Colorado Register vol. 48 no. 6 (2025-03-25)"}
	return Profile{
		ID:     "co-2ccr502-1-iop",
		Title:  "Colorado intensive outpatient program (IOP) services",
		Level:  Level21,
		From:   date.New(2025, 3, 25),
		Source: Citation{Source: "2 CCR 502-1 §4.6 (intensive outpatient program services standards)", Edition: cite.Edition, Note: "From is the date of the register the text was read from; the section was in force earlier (date unconfirmed)"},
		Group: GroupRules{MaxSize: 12, Cite: Citation{
			Source: cite.Source, Edition: cite.Edition,
			Note: "'individuals receiving services' read as patients; family members and observers are not counted",
		}},
	}
}

// TexasGroups returns Texas's group limits for licensed chemical dependency
// treatment: group counseling at most 16 clients, education and life skills
// training at most 35 (26 TAC §564.902(b), formerly 25 TAC §448.901(b)),
// and outpatient programs keep adults and adolescents apart (26 TAC
// §564.905(b)(1)). The education cap covers psychoeducation and skills
// development groups. The rule exempts multi-family education, seminars and
// outside speakers from both caps; such events are not group sessions here.
func TexasGroups() Profile {
	edition := "as current through Texas Register vol. 49 no. 38 (2024-09-20)"
	return Profile{
		ID:     "tx-26tac564-groups",
		Title:  "Texas chemical dependency treatment group limits",
		Level:  Level21,
		From:   date.New(2024, 9, 20),
		Source: Citation{Source: "26 TAC ch. 564 (chemical dependency treatment facilities), formerly 25 TAC ch. 448", Edition: edition, Note: "From is the date of the register the text was read from; the rules were in force earlier"},
		Ages: AgeRules{AdultAge: 18, Cite: Citation{
			Source: "26 TAC §564.905 (adolescent programs)", Edition: edition,
			Note: "unconfirmed: adult from 18 as in most state rules; the chapter's definition of adolescent was not read",
		}},
		Group: GroupRules{
			MaxSize:          16,
			EducationKinds:   GroupKindsOf(KindPsychoeducation, KindSkillsDevelopment),
			EducationMaxSize: 35,
			SeparateAges:     true,
			Cite:             Citation{Source: "26 TAC §564.902(b) (formerly 25 TAC §448.901(b)); 26 TAC §564.905(b)(1)", Edition: edition},
		},
	}
}

// CaliforniaDMC returns California's Drug Medi-Cal rule for group
// outpatient drug free services: a group has at least 2 and at most 12
// individuals, one of them at least a Medi-Cal beneficiary (Welfare and
// Institutions Code §14021.6, as amended by SB 1045, Stats. 2014 ch. 80,
// in force from 2015-01-01). The statute governs outpatient drug free
// services, ASAM level 1; whether DMC-ODS applies the same sizes to
// intensive outpatient groups is unconfirmed, so the profile is for level 1
// and a program may copy it for 2.1. The beneficiary condition is not
// checked: a session records no payer.
func CaliforniaDMC() Profile {
	cite := Citation{Source: "Cal. Welf. & Inst. Code §14021.6", Edition: "as amended by SB 1045 (Stats. 2014, ch. 80)"}
	return Profile{
		ID:     "ca-dmc-groups",
		Title:  "California Drug Medi-Cal group outpatient drug free services",
		Level:  Level1,
		From:   date.New(2015, 1, 1),
		Source: cite,
		Group: GroupRules{MinSize: 2, MaxSize: 12, Cite: Citation{
			Source: cite.Source, Edition: cite.Edition,
			Note: "2 to 12 individuals confirmed in the statute for outpatient drug free groups; applying it to intensive outpatient is unconfirmed",
		}},
	}
}

// WisconsinYouth returns Wisconsin's rule for group sessions of community-
// based mental health day treatment for youth: no more than 10 youth with
// one staff member, no more than 12 with two, and only a master's-level
// mental health professional may lead psychotherapy groups while a mental
// health support worker may lead others (Wis. Admin. Code DHS
// 40.10(3)(a)3). Day treatment is filed under level 2.5, the closest ASAM
// level. Psychoeducation, skills development and support groups are taken
// as the groups that are not psychotherapy.
func WisconsinYouth() Profile {
	cite := Citation{Source: "Wis. Admin. Code DHS 40.10(3)(a)3", Edition: "as read 2025"}
	return Profile{
		ID:     "wi-dhs40-youth-groups",
		Title:  "Wisconsin mental health day treatment for youth, group sessions",
		Level:  Level25,
		From:   date.New(2025, 1, 1),
		Source: Citation{Source: "Wis. Admin. Code ch. DHS 40 (mental health day treatment services for children)", Edition: cite.Edition, Note: "From is the year the text was read; the rule was in force earlier (date unconfirmed); level 2.5 is this library's filing"},
		Group: GroupRules{
			MaxSize:            12,
			CoFacilitatorAbove: 10,
			RequireLicensed:    true,
			LicensedExempt:     GroupKindsOf(KindPsychoeducation, KindSkillsDevelopment, KindSupport),
			Cite: Citation{
				Source: cite.Source, Edition: cite.Edition,
				Note: "'10 youth with one staff, 12 with two' encoded as max 12 and a co-facilitator above 10; a master's-level professional is read as licensed; the kinds that are not psychotherapy are this library's reading",
			},
		},
	}
}

// IllinoisAges returns Illinois's ages for substance use disorder treatment
// (77 Ill. Adm. Code 2060.120): an adolescent is 12 to under 18 and an adult
// 18 or older; a person of 18 to 22 may be admitted to adolescent treatment,
// and one of 16 or 17 to adult treatment, when the assessment justifies it.
// Groups keep adolescents and adults apart, as the separate adolescent and
// adult treatment of the definitions implies.
func IllinoisAges() Profile {
	cite := Citation{Source: "77 Ill. Adm. Code 2060.120 (definitions: adolescent, adult)", Edition: "as read 2025"}
	return Profile{
		ID:     "il-77iac2060-ages",
		Title:  "Illinois substance use disorder treatment, adolescent and adult ages",
		Level:  Level21,
		From:   date.New(2025, 1, 1),
		Source: Citation{Source: "77 Ill. Adm. Code Part 2060", Edition: cite.Edition, Note: "From is the year the text was read; the Part was in force earlier (date unconfirmed)"},
		Ages:   AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16, Cite: cite},
		Group: GroupRules{SeparateAges: true, Cite: Citation{
			Source: cite.Source, Edition: cite.Edition,
			Note: "separate groups read from the separate adolescent and adult treatment the definitions describe",
		}},
	}
}
