package iop

import "github.com/rickb777/date/v2"

// Citations shared by several built-in profiles. Each function returns a
// fresh value: there is no package state.

func citeIOPRule() Citation {
	return Citation{Source: "42 CFR 410.44; SSA §1861(ff)(3)(A) as amended by CAA 2023 §4124", Edition: "CY2024 OPPS/PFS final rules, effective 2024-01-01"}
}

func citeASAM3(section string) Citation {
	return Citation{Source: "The ASAM Criteria, " + section, Edition: "3rd edition (2013), as quoted by state Medicaid manuals and payer policies"}
}

func citeUnsetPartialWeek() Citation {
	return Citation{
		Source:  "ioprules default",
		Edition: "v0",
		Note:    "unconfirmed: the rule does not say how a partial first or last week counts; prorated by the days of the week in the episode is this library's default, override it in your own profile",
	}
}

func citeAdultAge18() Citation {
	return Citation{Source: "The ASAM Criteria, adolescent criteria (ages 12-17)", Edition: "3rd edition (2013)", Note: "adult from 18, the age at which state manuals such as 77 IAC 2060.120 place adult treatment"}
}

// followUpMentalHealth returns the 7- and 30-day follow-up windows after a
// discharge from mental-health care, read from HEDIS FUH: a visit on the
// day of discharge does not count. HEDIS measures follow-up after an
// inpatient stay, not after an IOP or PHP discharge; FUH is the nearest
// measure and the default here.
func followUpMentalHealth() FollowUpRules {
	cite := Citation{
		Source:  "NCQA HEDIS Follow-Up After Hospitalization for Mental Illness (FUH)",
		Edition: "HEDIS MY2024-2025",
		Note:    "HEDIS has no measure of follow-up after an IOP or PHP discharge; FUH's windows (a visit on the discharge day does not count) are this library's default, override them in your own profile",
	}
	return FollowUpRules{Windows: []FollowUpWindow{
		{Name: "7-day", Days: 7, Cite: cite},
		{Name: "30-day", Days: 30, Cite: cite},
	}}
}

// followUpSUD returns the follow-up windows after a discharge from
// substance use disorder care: the 7- and 30-day windows of HEDIS FUI (the
// follow-up must be on a later date than the discharge), then HEDIS IET's
// initiation (the index day and the 13 days after: "within 14 days") and
// engagement (2 more services from the day after initiation through day
// 34). HEDIS counts FUI from high-intensity care and IET from a new SUD
// episode, not from an IOP discharge: counting them from the discharge into
// continuing care is this library's default.
func followUpSUD() FollowUpRules {
	fui := Citation{
		Source:  "NCQA HEDIS Follow-Up After High-Intensity Care for Substance Use Disorder (FUI)",
		Edition: "HEDIS MY2024-2025",
		Note:    "HEDIS has no measure of follow-up after an IOP discharge; FUI's windows (follow-up on a later date than the discharge) are this library's default, override them in your own profile",
	}
	iet := Citation{
		Source:  "NCQA HEDIS Initiation and Engagement of Substance Use Disorder Treatment (IET)",
		Edition: "HEDIS MY2024-2025",
		Note:    "HEDIS counts IET from a new SUD episode; counting it from the discharge into continuing care is this library's default",
	}
	return FollowUpRules{Windows: []FollowUpWindow{
		{Name: "7-day", Days: 7, Cite: fui},
		{Name: "30-day", Days: 30, Cite: fui},
		{Name: "iet-initiation", Days: 13, SameDayCounts: true, Cite: iet},
		{Name: "iet-engagement", Days: 34, Contacts: 2, After: "iet-initiation", Cite: iet},
	}}
}

// MedicareIOP2024 returns the Medicare intensive outpatient program benefit
// in force from 2024-01-01: a physician certifies a need for at least 9 hours
// a week of therapeutic services (42 CFR 410.44, 424.24(d)); 19 hours is the
// top of the band, above which partial hospitalization applies. The weekly
// band applies to every beneficiary, whatever the age. Recertification
// sources disagree (the CY2024 rule reads "no less often than every other
// month", some contractor pages monthly): the default is 60 days. Payment is
// a per diem in two tiers, 3 services and 4 or more; the APCs given are the
// CMHC ones (5851, 5852); hospital-based 5861/5862 are unconfirmed. Groups
// are capped at 12 patients as the NGS LCD L33632 caps CPT 90853.
func MedicareIOP2024() Profile {
	band := Band{Min: Hours(9), Max: Hours(19)}
	return Profile{
		ID:       "medicare-iop-2024",
		Title:    "Medicare intensive outpatient program (IOP), CY2024",
		Level:    Level21,
		From:     date.New(2024, 1, 1),
		Source:   citeIOPRule(),
		Counting: DefaultCounting(),
		Weekly: WeeklyRules{Adult: band, Adolescent: band, Cite: Citation{
			Source: "42 CFR 410.44(c); 42 CFR 424.24(d)(1)", Edition: "CY2024 OPPS/PFS final rules",
		}},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		ServiceTiers: ServiceTierRules{
			Tiers: []ServiceTier{
				{MinServices: 3, Name: "3 services", APC: "5851"},
				{MinServices: 4, Name: "4 or more services", APC: "5852"},
			},
			Cite: Citation{Source: "CY2024 OPPS final rule, IOP per diem APCs", Edition: "88 FR 81540 (2023-11-22)", Note: "APCs are the CMHC ones; hospital-based 5861/5862 unconfirmed"},
		},
		Certification: CertificationRules{InitialDays: 0, RecertDays: 60, Cite: Citation{
			Source: "42 CFR 424.24(d)", Edition: "CY2024 PFS final rule",
			Note: "sources disagree: 'no less often than every other month' in the rule, monthly on some contractor pages; default 60 days",
		}},
		Group: GroupRules{MaxSize: 12, RequireLicensed: true, Cite: Citation{
			Source: "NGS LCD L33632 (Psychiatric Codes), CPT 90853 group psychotherapy", Edition: "as revised 2024",
		}},
		FollowUp: followUpMentalHealth(),
	}
}

// MedicarePHP2024 returns the Medicare partial hospitalization program in
// force from 2024-01-01: at least 20 hours a week of therapeutic services
// (42 CFR 410.43(c)(1)); certification at admission, recertification by the
// 18th day of services (day 17 after admission) and then at least every 30 days, and a plan of care reviewed at
// least every 31 days (42 CFR 424.24(e)).
func MedicarePHP2024() Profile {
	band := Band{Min: Hours(20)}
	return Profile{
		ID:       "medicare-php-2024",
		Title:    "Medicare partial hospitalization program (PHP), CY2024",
		Level:    Level25,
		From:     date.New(2024, 1, 1),
		Source:   Citation{Source: "42 CFR 410.43; 42 CFR 424.24(e); SSA §1861(ff)", Edition: "CY2024 OPPS final rule"},
		Counting: DefaultCounting(),
		Weekly: WeeklyRules{Adult: band, Adolescent: band, Cite: Citation{
			Source: "42 CFR 410.43(c)(1)", Edition: "CY2024 OPPS final rule",
		}},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		ServiceTiers: ServiceTierRules{
			Tiers: []ServiceTier{
				{MinServices: 3, Name: "3 services"},
				{MinServices: 4, Name: "4 or more services"},
			},
			Cite: Citation{Source: "CY2024 OPPS final rule, PHP per diem APCs", Edition: "88 FR 81540 (2023-11-22)", Note: "unconfirmed: tiers taken to match IOP's; APC numbers not given"},
		},
		Certification: CertificationRules{InitialDays: 0, FirstRecertDay: 17, RecertDays: 30, PlanReviewDays: 31, Cite: Citation{
			Source: "42 CFR 424.24(e)(3)", Edition: "CY2024 OPPS final rule",
			Note: "the rule says 'as of the 18th day' of services, the first day being day 1: day 17 counted from admission as day 0",
		}},
		FollowUp: followUpMentalHealth(),
	}
}

// ASAM3Level21 returns ASAM level 2.1 (intensive outpatient) of the 3rd
// edition as public sources quote it: at least 9 hours a week for adults
// and 6 for adolescents, below the 20 of level 2.5; Aetna's policy states
// the bands as 9-19 and 6-19 hours. The step-down allowance (fewer hours
// for up to 2 weeks after stepping down from 2.1) is unconfirmed as a
// general rule and set here as several state manuals describe it.
func ASAM3Level21() Profile {
	return Profile{
		ID:       "asam3-2.1",
		Title:    "ASAM level 2.1 intensive outpatient, 3rd edition",
		Level:    Level21,
		Edition:  Edition3,
		From:     date.New(2013, 10, 1),
		Source:   citeASAM3("level 2.1 intensive outpatient services"),
		Counting: DefaultCounting(),
		Ages:     AgeRules{AdultAge: 18, Cite: citeAdultAge18()},
		Weekly: WeeklyRules{
			Adult:      Band{Min: Hours(9), Max: Hours(19)},
			Adolescent: Band{Min: Hours(6), Max: Hours(19)},
			Cite:       Citation{Source: "Aetna Clinical Policy Bulletin, intensive outpatient (ASAM 2.1: 9-19 h adults, 6-19 h adolescents)", Edition: "ASAM 3rd edition (2013) bands"},
		},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		StepDown: StepDownRules{Weeks: 2, Cite: Citation{
			Source: "state Medicaid manuals (step-down from 2.1)", Edition: "as read 2025",
			Note: "unconfirmed as a general rule: several states allow fewer than 9 (6) hours for 1-2 weeks after a step-down",
		}},
		FollowUp: followUpSUD(),
	}
}

// ASAM3Level25 returns ASAM level 2.5 (partial hospitalization) of the 3rd
// edition: at least 20 hours a week, adults and adolescents.
func ASAM3Level25() Profile {
	band := Band{Min: Hours(20)}
	return Profile{
		ID:           "asam3-2.5",
		Title:        "ASAM level 2.5 partial hospitalization, 3rd edition",
		Level:        Level25,
		Edition:      Edition3,
		From:         date.New(2013, 10, 1),
		Source:       citeASAM3("level 2.5 partial hospitalization services"),
		Counting:     DefaultCounting(),
		Ages:         AgeRules{AdultAge: 18, Cite: citeAdultAge18()},
		Weekly:       WeeklyRules{Adult: band, Adolescent: band, Cite: citeASAM3("level 2.5: 20 or more hours a week")},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		FollowUp:     followUpSUD(),
	}
}

// H0015 returns the per-day definition of HCPCS H0015 (alcohol and/or drug
// services, intensive outpatient) as state manuals apply it: a service day
// has at least 3 hours, and a week at least 3 such days. A day of 2.5 hours
// is not a service day, and 2 days of 4.5 hours do not make a week. From is
// a floor: the code predates it.
func H0015() Profile {
	return Profile{
		ID:           "hcpcs-h0015",
		Title:        "HCPCS H0015 intensive outpatient service day",
		Level:        Level21,
		From:         date.New(2003, 1, 1),
		Source:       Citation{Source: "HCPCS Level II code H0015", Edition: "descriptor as applied by state Medicaid manuals", Note: "From is a floor; the code predates it"},
		Counting:     DefaultCounting(),
		Daily:        DailyRules{MinDays: 3, MinDayMinutes: Hours(3), Cite: Citation{Source: "HCPCS H0015: at least 3 hours a day, at least 3 days a week", Edition: "state Medicaid manuals"}},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		FollowUp:     followUpSUD(),
	}
}

// S9480NewYork returns New York's rule for HCPCS S9480 (intensive
// outpatient psychiatric services, per diem): at least 3 hours on a billed
// day, 9 hours a week scheduled, and a written justification after 6 weeks.
func S9480NewYork() Profile {
	band := Band{Min: Hours(9)}
	cite := Citation{Source: "New York Medicaid, HCPCS S9480 intensive outpatient psychiatric services", Edition: "as read 2025"}
	return Profile{
		ID:           "ny-s9480",
		Title:        "New York S9480 intensive outpatient psychiatric services",
		Level:        Level21,
		From:         date.New(2015, 1, 1),
		Source:       Citation{Source: cite.Source, Edition: cite.Edition, Note: "From is a floor: the date the rule was first in force is unconfirmed"},
		Counting:     DefaultCounting(),
		Weekly:       WeeklyRules{Adult: band, Adolescent: band, Cite: cite},
		Daily:        DailyRules{MinDayMinutes: Hours(3), Cite: cite},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		Stay:         StayRules{JustifyAfterDays: 42, Cite: cite},
		FollowUp:     followUpMentalHealth(),
	}
}

// TIP47 returns SAMHSA's recommendations for intensive outpatient treatment:
// at least 9 hours a week for adults and 6 for adolescents (SAMHSA's 2021
// advisory, restating TIP 47), and groups of 6 to 12 members with one or two
// leaders and a confidentiality agreement from each member (TIP 41).
func TIP47() Profile {
	return Profile{
		ID:       "samhsa-tip47",
		Title:    "SAMHSA TIP 47 intensive outpatient treatment recommendations",
		Level:    Level21,
		From:     date.New(2006, 1, 1),
		Source:   Citation{Source: "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment", Edition: "2006; advisory update 2021"},
		Counting: DefaultCounting(),
		Ages:     AgeRules{AdultAge: 18, Cite: Citation{Source: "SAMHSA TIP 47, ch. 7 (adolescents)", Edition: "2006"}},
		Weekly: WeeklyRules{
			Adult:      Band{Min: Hours(9)},
			Adolescent: Band{Min: Hours(6)},
			Cite:       Citation{Source: "SAMHSA Advisory, Clinical Issues in Intensive Outpatient Treatment for Substance Use Disorders", Edition: "2021"},
		},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		Group: GroupRules{
			MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 1, CoFacilitatorAbove: 10,
			RequireAgreement: true,
			Cite: Citation{
				Source: "SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy, ch. 2", Edition: "2005",
				Note: "6-12 members typical, one or two leaders; the co-leader above 10 members and the confidentiality agreement on file for every member (TIP 41's group agreements) are this library's reading",
			},
		},
		FollowUp: followUpSUD(),
	}
}

// DCLevel21 returns the District of Columbia's level 2.1 rule (22-A DCMR
// 6329): 9-19 hours a week for adults, 6-19 for people under 21, and a
// length of stay of 30 to 60 days.
func DCLevel21() Profile {
	cite := Citation{Source: "22-A DCMR 6329", Edition: "as read 2025"}
	return Profile{
		ID:       "dc-22a-6329",
		Title:    "District of Columbia level 2.1 intensive outpatient",
		Level:    Level21,
		From:     date.New(2019, 1, 1),
		Source:   Citation{Source: cite.Source, Edition: cite.Edition, Note: "From is a floor: the date the section was first in force is unconfirmed"},
		Counting: DefaultCounting(),
		Ages:     AgeRules{AdultAge: 21, Cite: cite},
		Weekly: WeeklyRules{
			Adult:      Band{Min: Hours(9), Max: Hours(19)},
			Adolescent: Band{Min: Hours(6), Max: Hours(19)},
			Cite:       cite,
		},
		PartialWeeks: PartialWeekRules{First: PartialWeekProrated, Last: PartialWeekProrated, Cite: citeUnsetPartialWeek()},
		Stay:         StayRules{TypicalMinDays: 30, TypicalMaxDays: 60, Cite: cite},
		FollowUp:     followUpSUD(),
	}
}

// Builtins returns every built-in profile, in a fixed order. Each call
// returns new values.
func Builtins() Profiles {
	return Profiles{
		MedicareIOP2024(),
		MedicarePHP2024(),
		ASAM3Level21(),
		ASAM3Level25(),
		H0015(),
		S9480NewYork(),
		TIP47(),
		DCLevel21(),
		ColoradoIOP(),
		TexasGroups(),
		CaliforniaDMC(),
		WisconsinYouth(),
		IllinoisAges(),
	}
}
