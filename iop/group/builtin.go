package group

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Built-in profiles of state and contractor group rules. They set only
// what their sources state (group sizes, staffing, ages); a program
// combines them with the hours of the payer it bills. Where the date a rule
// came into force is not confirmed, the citation's Note says so.

// NGSGroupPsychotherapy returns the group size limit of iop.ReachNational
// Government Services' local coverage determination L33632, "Psychiatry and
// Psychology Services": group psychotherapy (CPT 90853) with at most 12
// patients. An LCD binds only in its Medicare administrative contractor's
// jurisdictions (NGS: J6 and JK), so the profile names their states and is
// not part of the national Medicare profiles.
func NGSGroupPsychotherapy() iop.Profile {
	cite := iop.Citation{
		Source: "NGS LCD L33632", Title: "Psychiatry and Psychology Services", Edition: "effective 2015-10-01, revised 2024-01-01",
		URL:  "https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdid=33632",
		Note: "the 12-patient cap for CPT 90853 was confirmed from a secondary source; the jurisdictions' states (J6: IL, MN, WI; JK: CT, ME, MA, NH, NY, RI, VT) are from NGS's published jurisdictions, not re-read",
	}
	return iop.Profile{
		ID:     "ngs-l33632-groups",
		Title:  "NGS LCD L33632 group psychotherapy (CPT 90853)",
		Level:  iop.Level21,
		From:   date.New(2015, 10, 1),
		Source: cite,
		Scope: iop.Scope{Reach: iop.ReachContractor, Body: "National Government Services (Medicare J6, JK)",
			States: []string{"CT", "IL", "MA", "ME", "MN", "NH", "NY", "RI", "VT", "WI"}},
		Parts: []iop.Part{Composition{MaxSize: 12, Cite: cite}},
	}
}

// ColoradoIOP returns Colorado's rule for intensive outpatient programs
// (ASAM level 2.1 services) of the Behavioral Health Administration: a
// treatment group has at most 12 individuals receiving services (2 CCR
// 502-1 §4.6.1(E)). Only patients count: family members and observers do
// not receive the service. The rule also lets IOP services be furnished by
// audio-visual or audio-only telehealth (§4.6.1(D)).
func ColoradoIOP() iop.Profile {
	edition := "BHA Provider Rules (SOS eDocket 2023-00444); text as current through Colorado Register vol. 48 no. 6 (2025-03-25)"
	cite := iop.Citation{
		Source: "2 CCR 502-1 §4.6.1(E)", Title: "Intensive Outpatient Program (IOP) Services Standards", Edition: edition,
		URL:  "https://regulations.justia.com/states/colorado/500/502/rule-2-ccr-502-1/chapter-4/section-2-ccr-502-1-4-6",
		Note: "'individuals receiving services' read as patients; family members and observers are not counted",
	}
	return iop.Profile{
		ID:    "co-2ccr502-1-iop",
		Title: "Colorado intensive outpatient program (IOP) services",
		Level: iop.Level21,
		From:  date.New(2025, 3, 25),
		Source: iop.Citation{
			Source: "2 CCR 502-1 §4.6", Title: cite.Title, Edition: edition, URL: cite.URL,
			Note: "unverified effective date: the rules were adopted under eDocket 2023-00444 (believed in force from about 2024-01-01); From is the date of the register the text was confirmed against, a day the rule was certainly in force",
		},
		Scope: iop.Scope{Reach: iop.ReachState, States: []string{"CO"}, Body: "Colorado Behavioral Health Administration"},
		Parts: []iop.Part{Composition{MaxSize: 12, Cite: cite}},
	}
}

// texasGroups returns Texas's group limits for licensed chemical
// dependency treatment under citation c, in force from from until until.
func texasGroups(id string, from, until date.Date, c iop.Citation, scopeNote string) iop.Profile {
	return iop.Profile{
		ID:     id,
		Title:  "Texas chemical dependency treatment group limits",
		Level:  iop.Level21,
		From:   from,
		Until:  until,
		Source: c,
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"TX"}, Body: scopeNote},
		Ages: iop.AgeRules{AdultAge: 18, Cite: iop.Citation{
			Source: c.Source, Edition: c.Edition,
			Note: "unconfirmed: adult from 18 as in most state rules; the chapter's definition of adolescent was not read",
		}},
		Parts: []iop.Part{Composition{
			MaxSize:          16,
			EducationKinds:   iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation, iop.GroupKindSkillsDevelopment),
			EducationMaxSize: 35,
			SeparateAges:     true,
			Cite:             c,
		}},
	}
}

// TexasGroups2004 returns Texas's group limits as 25 TAC §448.901(b) stated
// them from 2004-09-01 until the rules moved to 26 TAC ch. 564 on
// 2024-04-30, with the same numbers: group counseling at most 16 clients,
// education and life skills training at most 35.
func TexasGroups2004() iop.Profile {
	return texasGroups("tx-25tac448-groups", date.New(2004, 9, 1), date.New(2024, 4, 30), iop.Citation{
		Source: "25 TAC §448.901(b); 25 TAC §448.905", Title: "Requirements Applicable to All Treatment Services",
		Edition: "adopted effective 2004-09-01 (29 TexReg 2020)",
		URL:     "https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=R&app=9&p_dir=&p_rloc=&p_tloc=&p_ploc=&pg=1&p_tac=&ti=25&pt=1&ch=448&rl=901",
	}, "Texas Department of State Health Services")
}

// TexasGroups returns Texas's group limits for licensed chemical dependency
// treatment from 2024-04-30: group counseling at most 16 clients, education
// and life skills training at most 35 (26 TAC §564.902(b)), and outpatient
// programs keep adults and adolescents apart (26 TAC §564.905(b)(1)). The
// education cap covers psychoeducation and skills development groups. The
// rule exempts multi-family education, seminars and outside speakers from
// both caps; such events are not group sessions here.
func TexasGroups() iop.Profile {
	return texasGroups("tx-26tac564-groups", date.New(2024, 4, 30), 0, iop.Citation{
		Source: "26 TAC §564.902(b); 26 TAC §564.905(b)(1)", Title: "Requirements Applicable to All Treatment Services",
		Edition: "transferred from 25 TAC ch. 448 effective 2024-04-30 (49 TexReg 2197)",
		URL:     "https://texreg.sos.state.tx.us/public/readtac$ext.TacPage?sl=T&app=9&p_dir=P&p_rloc=217763&p_tloc=&p_ploc=1&pg=2&p_tac=&ti=26&pt=1&ch=564&rl=902",
		Note:    "same numbers since 2004 (see the tx-25tac448-groups profile)",
	}, "Texas Health and Human Services Commission")
}

// CaliforniaDMC returns California's Drug Medi-Cal rule for group
// outpatient drug free services: a group has at least 2 and at most 12
// individuals, one of them at least a Medi-Cal beneficiary (Welfare and
// Institutions iop.Code §14021.6, as amended by SB 1045, Stats. 2014 ch. 80,
// in force from 2015-01-01). The statute governs outpatient drug free
// services, ASAM level 1; whether DMC-ODS applies the same sizes to
// intensive outpatient groups is unconfirmed, so the profile is for level 1
// and a program may copy it for 2.1. The beneficiary condition is not
// checked: a session records no payer.
func CaliforniaDMC() iop.Profile {
	cite := iop.Citation{Source: "Cal. Welf. & Inst. Code §14021.6", Edition: "as amended by SB 1045 (Stats. 2014, ch. 80)"}
	return iop.Profile{
		ID:     "ca-dmc-groups",
		Title:  "California Drug Medi-Cal group outpatient drug free services",
		Level:  iop.Level1,
		From:   date.New(2015, 1, 1),
		Source: cite,
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"CA"}, Body: "California Department of Health Care Services (Drug Medi-Cal)"},
		Parts: []iop.Part{Composition{MinSize: 2, MaxSize: 12, Cite: iop.Citation{
			Source: cite.Source, Edition: cite.Edition,
			Note: "2 to 12 individuals confirmed in the statute for outpatient drug free groups; applying it to intensive outpatient is unconfirmed",
		}}},
	}
}

// WisconsinYouth returns Wisconsin's rule for group sessions of community-
// based mental health day treatment for youth, in force from 2020-07-01
// when ch. DHS 40 was recreated: no more than 10 youth with one staff
// member, no more than 12 with two, and only a master's-level mental health
// professional may lead psychotherapy groups while a mental health support
// worker may lead others (Wis. Admin. iop.Code DHS 40.10(3)(a)3). Day treatment
// is filed under level 2.5, the closest ASAM level. iop.ServiceKindPsychoeducation, skills
// development and support groups are taken as the groups that are not
// psychotherapy.
func WisconsinYouth() iop.Profile {
	cite := iop.Citation{
		Source: "Wis. Admin. Code DHS 40.10(3)(a)3", Title: "Mental health day treatment services for youth",
		Edition: "ch. DHS 40 as recreated effective 2020-07-01 (CR 19-018)",
		URL:     "https://docs.legis.wisconsin.gov/code/admin_code/dhs/030/40",
	}
	return iop.Profile{
		ID:     "wi-dhs40-youth-groups",
		Title:  "Wisconsin mental health day treatment for youth, group sessions",
		Level:  iop.Level25,
		From:   date.New(2020, 7, 1),
		Source: iop.Citation{Source: "Wis. Admin. Code ch. DHS 40", Title: cite.Title, Edition: cite.Edition, URL: cite.URL, Note: "level 2.5 is this library's filing; substance use programs fall under DHS 75"},
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"WI"}, Body: "Wisconsin Department of Health Services"},
		Parts: []iop.Part{Composition{
			MaxSize:            12,
			CoFacilitatorAbove: 10,
			RequireLicensed:    true,
			LicensedExempt:     iop.SetOf[iop.GroupKind](iop.GroupKindPsychoeducation, iop.GroupKindSkillsDevelopment, iop.GroupKindSupport),
			Cite: iop.Citation{
				Source: cite.Source, Title: cite.Title, Edition: cite.Edition, URL: cite.URL,
				Note: "'10 youth with one staff, 12 with two' encoded as max 12 and a co-facilitator above 10; a master's-level professional is read as licensed; the kinds that are not psychotherapy are this library's reading",
			},
		}},
	}
}

// IllinoisAges returns Illinois's ages for substance use disorder treatment
// under the iop.Part 2060 adopted 2025-04-02 (77 Ill. Adm. iop.Code 2060): an
// adolescent is 12 to under 18 and an adult 18 or older; a person of 18 to
// 22 may be admitted to adolescent treatment, and one of 16 or 17 to adult
// treatment, only with documented justification: without it the placement
// does not meet the rule (blocking). Groups keep adolescents and adults
// apart.
func IllinoisAges() iop.Profile {
	cite := iop.Citation{
		Source: "77 Ill. Adm. Code 2060 (definitions: adolescent, adult)", Title: "Substance Use Disorder Treatment and Intervention Services",
		Edition: "new Part adopted 2025-04-02", URL: "https://www.dhs.state.il.us/page.aspx?item=172977",
		Note: "the adoption date is from IDHS's implementation page; the wording of the age overlaps (16-17 in adult treatment, 18-22 in adolescent treatment, with documented justification) was not re-read; the Part it replaced had no such overlaps",
	}
	return iop.Profile{
		ID:     "il-77iac2060-ages",
		Title:  "Illinois substance use disorder treatment, adolescent and adult ages",
		Level:  iop.Level21,
		From:   date.New(2025, 4, 2),
		Source: cite,
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"IL"}, Body: "Illinois Department of Human Services (SUPR)"},
		Ages:   iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16, Cite: cite},
		Parts: []iop.Part{Composition{SeparateAges: true, Cite: iop.Citation{
			Source: cite.Source, Title: cite.Title, Edition: cite.Edition, URL: cite.URL,
			Note: "separate groups read from the separate adolescent and adult treatment the definitions describe",
		}}},
		Rules: []iop.RuleSetting{{Code: CodeAgeExceptionUndocumented, Severity: iop.SeverityBlocking, Cite: cite}},
	}
}
