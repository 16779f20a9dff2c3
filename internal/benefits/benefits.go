package benefits

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Citations and rule groups shared by several built-in profiles. Each
// function returns a fresh value: there is no package state.

const (
	// URLCFR41043 and URLCFR41044 are the eCFR addresses of 42 CFR 410.43
	// (PHP) and 410.44 (IOP), which package ioprules cites too.
	URLCFR41043 = "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.43"
	URLCFR41044 = "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.44"
	urlCFR42424 = "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-424/subpart-B/section-424.24"
	urlOPPS2024 = "https://www.federalregister.gov/documents/2023-11-22/2023-24293/medicare-program-hospital-outpatient-prospective-payment-and-ambulatory-surgical-center-payment-systems"
)

func citeASAM3(section string) iop.Citation {
	return iop.Citation{
		Source: "The ASAM Criteria, " + section, Edition: "3rd edition (2013)",
		Note: "secondary: the criteria are proprietary; the figures are those state Medicaid manuals and payer policies quote",
	}
}

func citeUnsetPartialWeek() iop.Citation {
	return iop.Citation{
		Source:  "ioprules default",
		Edition: "v0",
		Note:    "unconfirmed: the rule does not say how a partial first or last week counts; prorated by the days of the week in the episode is this library's default, override it in your own profile",
	}
}

func citeAdultAge18() iop.Citation {
	return iop.Citation{Source: "The ASAM Criteria, adolescent criteria (ages 12-17)", Edition: "3rd edition (2013)", Note: "adult from 18, the age at which state manuals such as 77 Ill. Adm. Code 2060 place adult treatment"}
}

func partialProrated() schedule.PartialWeekRules {
	return schedule.PartialWeekRules{First: schedule.PartialWeekProrated, Last: schedule.PartialWeekProrated, Cite: citeUnsetPartialWeek()}
}

// medicareScope is where the Medicare program rules bind: every state, the
// settings given.
func medicareScope(settings ...iop.Provider) iop.Scope {
	return iop.Scope{Reach: iop.ReachNational, Body: "CMS (Medicare)", Settings: iop.SetOf[iop.Provider](settings...)}
}

// citeOPPS returns the citation of a calendar year's OPPS final rule.
func citeOPPS(year int, what string) iop.Citation {
	c := iop.Citation{
		Source: "OPPS/ASC final rule, " + what,
		Note:   "the 3-service and 4-or-more tiers by setting are confirmed from CMS's fact sheet (secondary); the APC numbers are read from summaries of the rule, not from its Addendum A",
	}
	switch year {
	case 2024:
		c.Edition, c.URL = "CY2024, 88 FR 81540 (2023-11-22), corrected 89 FR 9002 (2024-02-09)", urlOPPS2024
	case 2025:
		c.Edition = "CY2025, CMS-1809-FC (2024-11): tiers and APC numbers kept, rates updated"
	case 2026:
		c.Edition = "CY2026, 90 FR 53448 (2025-11-25): no change to the tiers or APC numbers found"
		c.Note += "; the rule's PHP/IOP section was not read"
	}
	return c
}

// medicareTiers returns the per diem tiers of a Medicare program in year:
// a day with 3 countable services, or 4 or more, by setting. A day with
// fewer than 3 is not paid as a program day; what it gets instead depends
// on the setting ([schedule.MedicareShortDays]).
func medicareTiers(year int, hospital3, hospital4, cmhc3, cmhc4, what string) schedule.ServiceTierRules {
	return schedule.ServiceTierRules{
		Tiers: []schedule.ServiceTier{
			{MinServices: 3, Name: "3 services", APCs: []schedule.SettingAPC{{Setting: iop.ProviderHospitalOutpatient, APC: hospital3}, {Setting: iop.ProviderCMHC, APC: cmhc3}}},
			{MinServices: 4, Name: "4 or more services", APCs: []schedule.SettingAPC{{Setting: iop.ProviderHospitalOutpatient, APC: hospital4}, {Setting: iop.ProviderCMHC, APC: cmhc4}}},
		},
		ShortDays: schedule.MedicareShortDays(),
		Cite:      citeOPPS(year, what),
	}
}

// medicareIOPTiers returns the IOP per diem tiers of year, and the OTP's
// weekly add-on G0137 (at least 9 services in the week) in place of a per
// diem.
func medicareIOPTiers(year int) schedule.ServiceTierRules {
	t := medicareTiers(year, "5861", "5862", "5851", "5852", "IOP per diem APCs")
	t.AddOn = schedule.WeeklyAddOn{Settings: iop.SetOf[iop.Provider](iop.ProviderOTP), Code: "G0137", MinServices: 9, Cite: iop.Citation{
		Source:  "HCPCS G0137 (intensive outpatient services furnished by an OTP, weekly add-on); NGS, Coding and Billing for OTP Services",
		Edition: "HCPCS 2024 (effective 2024-01-01)",
		URL:     "https://ngsmedicare.com/web/ngs/opiod-treatment?selectedArticleId=2251313",
		Note:    "secondary (a Medicare contractor): billed once a week when at least 9 services were furnished; an OTP's week is 7 contiguous days (42 CFR 410.67(b))",
	}}
	return t
}

// medicareIOPClaims returns the IOP claim rules: condition code 92 on
// types of bill 13x, 76x, 85x, 71x and 77x, 12x accepted as contested
// (listed by one contractor, NGS, only), and professional services apart.
func medicareIOPClaims() schedule.ClaimRules {
	c := medicareProfessionalApart(medicareClaims("92", "13x", "76x", "85x", "71x", "77x"))
	c.ContestedBillTypes = []string{"12x"}
	c.ProfessionalPlaces = []string{"58"}
	c.Cite.Note += "; 12x is accepted with a warning: one contractor (NGS) lists it for hospital IOP and the I/OCE refuses PHP on 12x (RULES.md §2); an OTP bills on a professional claim at place of service 58 (CMS OTP billing page)"
	c.Settings = medicareIOPSettingClaims()
	return c
}

// medicareIOPSettingClaims returns the IOP claim rules of the settings
// Medicare pays outside the OPPS APCs: an RHC's (71x) and an FQHC's (77x)
// IOP lines carry revenue code 0905 and the RHC reports modifier CG on
// the line paid (CY2024 PFS final rule, as NAHRI summarises CMS's
// instructions; the List A codes of which a day needs one were not read,
// so DayCodes is left empty and that rule is not applied); an OTP bills
// on type of bill 87x when freestanding, on 13x or 85x with condition code
// 89 when provider-based (CMS OTP billing page), its IOP services being the
// weekly add-on G0137, with no per diem condition code.
func medicareIOPSettingClaims() []schedule.SettingClaims {
	clinic := iop.Citation{
		Source:  "CY2024 Physician Fee Schedule final rule (RHC/FQHC intensive outpatient services); CMS billing instructions as summarised by NAHRI",
		Title:   "CMS releases IOP requirements for FQHCs and RHCs",
		Edition: "effective 2024-01-01",
		URL:     "https://nahri.org/articles/cms-releases-iop-requirements-fqhcs-and-rhcs",
		Note:    "secondary (a trade summary of CMS's transmittal, read 2026-12-07): condition code 92 and revenue code 0905 on IOP claims; an RHC reports modifier CG on the line paid (coinsurance), an FQHC its charges on the primary line; at least one List A service on the claim for the day (List B bundled): the transmittal's List A was not read, so no day codes are set (a profile may set them)",
	}
	otp := iop.Citation{
		Source:  "CMS, Opioid Treatment Program Billing & Payment (How to Bill: institutional providers, Form CMS-1450); NGS, Coding and Billing for OTP Services (G0137)",
		Edition: "G0137 new for 2024; pages as read 2026-12",
		URL:     "https://cms.gov/medicare/medicare-fee-for-service-payment/opioid-treatment-program/billing-payment",
		Note:    "a freestanding non-residential OTP bills on type of bill 087x, a hospital-based one on 013x and a CAH-based one on 085x with condition code 89 (provider-based OTP), revenue codes 090x-091x or 0949, or on a professional claim at place of service 58; its IOP services are G0137, a weekly add-on billed when at least 9 services were furnished (NGS), not the per diem of condition code 92",
	}
	return []schedule.SettingClaims{
		{Setting: iop.ProviderRHC, BillTypes: []string{"71x"}, Revenue: "0905", DayModifier: "CG", Cite: clinic},
		{Setting: iop.ProviderFQHC, BillTypes: []string{"77x"}, Revenue: "0905", Cite: clinic},
		{Setting: iop.ProviderOTP, BillTypes: []string{"87x"}, NoCondition: true, Cite: otp},
		{Setting: iop.ProviderOTP, BillTypes: []string{"13x", "85x"}, Condition: "89", NoCondition: true, Cite: otp},
	}
}

// medicareProfessionalApart makes the lines of professional claims no
// program services (42 CFR 410.43(b), 410.44(b)).
func medicareProfessionalApart(c schedule.ClaimRules) schedule.ClaimRules {
	c.InstitutionalOnly = true
	c.Cite.Note += "; the lines of a professional claim (no type of bill) are professional services billed apart, not program services (42 CFR 410.43(b), 410.44(b): physicians, PAs, NPs/CNSs, psychologists)"
	return c
}

// medicareCounting returns the counting rules of the Medicare programs:
// the services of 42 CFR 410.43(a)(4) and 410.44 ([schedule.DefaultCounting])
// with case management and peer support (services of other trained staff;
// care coordination and peer support codes added by the CY2024 OPPS), and
// a session is a service for the day's count only with 16 minutes of its
// own (overlapping sessions count once).
func medicareCounting() schedule.CountingRules {
	c := schedule.DefaultCounting()
	c.Kinds |= iop.SetOf[iop.ServiceKind](iop.ServiceKindCaseManagement, iop.ServiceKindPeerSupport)
	c.Cite = iop.Citation{
		Source:  "42 CFR 410.43(a)(4), 410.44(a)(4) (services of social workers, trained psychiatric nurses and other staff trained to work with psychiatric patients); CY2024 OPPS final rule (care coordination, discharge planning, caregiver training and peer support codes added to the PHP and IOP lists)",
		Edition: "CY2024 OPPS/PFS final rules, effective 2024-01-01",
		Note:    "case management (care coordination, discharge planning) and peer support count; caregiver training counts as family counseling; the codes CMS added were not read (no code is added to the claim table for them); professional services of physicians, PAs, NPs/CNSs and psychologists are billed apart and are not program services (410.43(b), 410.44(b)): see the claim rules",
	}
	c.MinServiceMinutes = 16
	c.MinServiceCite = iop.Citation{
		Source:  "CPT psychotherapy time rules (90832: 16 to 37 minutes), as RULES.md §4 quotes them; OPPS per diem by number of services",
		Edition: "CPT 2013 onward (the psychotherapy codes' time ranges); CY2024 OPPS",
		Note:    "this library's reading: the per diem counts services furnished, and a session whose time others already cover furnishes little of its own; 16 minutes is the least time for which a timed psychotherapy code is reported. No CMS text sets a minimum per service for the per diem count: a parameter",
	}
	return c
}

// medicareSettings returns the rule settings of the Medicare programs: the
// weekly minimum is what the physician certifies the patient needs, so a
// short week is a warning for review, and a day below the lowest tier is
// not payable as a program day.
func medicareSettings(year int, weekly iop.Citation) []iop.RuleSetting {
	return []iop.RuleSetting{
		{Code: schedule.CodeWeeklyBelowMinimum, Severity: iop.SeverityWarning, Cite: weekly},
		{Code: schedule.CodeBelowTier, Severity: iop.SeverityBlocking, Cite: iop.Citation{
			Source: "OPPS per diem payment of IOP and PHP days; Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260",
			Title:  "Outpatient Partial Hospitalization Services", Edition: citeOPPS(year, "").Edition,
			Note: "a day with fewer than 3 qualifying services is not paid at a program per diem (a CMHC is not paid for it; a hospital's services are paid individually); the manual's text was not read, the rule is from CMS's descriptions of the per diem",
		}},
	}
}

// MedicareIOP returns the identity, schedule part and schedule settings of
// ioprules.MedicareIOP2024 and the following years (year).
func MedicareIOP(year int) iop.Profile {
	weekly := iop.Citation{
		Source: "42 CFR 424.24(d)(1); SSA §1861(ff)(4)", Title: "Requirements for medical and other health services furnished by providers under Medicare Part B",
		Edition: "as amended by the CY2024 OPPS/PFS final rules", URL: urlCFR42424,
		Note: "a certification and plan-of-care requirement (the patient needs at least 9 hours a week), not a per-week payment condition: a shorter week is flagged for review; no weekly maximum in the statute or regulation; paragraph wording read from secondary sources",
	}
	band := iop.Band{Min: iop.Hours(9)}
	p := iop.Profile{
		ID:    "medicare-iop-" + itoa(year),
		Title: "Medicare intensive outpatient program (IOP), CY" + itoa(year),
		Level: iop.Level21,
		From:  date.New(year, 1, 1),
		Source: iop.Citation{
			Source: "SSA §1861(ff)(4); 42 CFR 410.44", Title: "Intensive outpatient services",
			Edition: "CAA 2023 §4124; CY2024 OPPS/PFS final rules, effective 2024-01-01", URL: URLCFR41044,
			Note: "§1861(ff)(4) defines intensive outpatient services (the 9-hour need, the every-other-month determination); §1861(ff)(3)(A) describes the program; both read from secondary sources",
		},
		Scope: medicareScope(iop.ProviderHospitalOutpatient, iop.ProviderCMHC, iop.ProviderCAH, iop.ProviderRHC, iop.ProviderFQHC, iop.ProviderOTP),
		Rules: medicareSettings(year, weekly),
		Parts: []iop.Part{
			schedule.Benefit{
				Counting:     medicareCounting(),
				Claims:       medicareIOPClaims(),
				Weekly:       schedule.WeeklyRules{Adult: band, Adolescent: band, Above: iop.Level25, Cite: weekly},
				PartialWeeks: partialProrated(),
				ServiceTiers: medicareIOPTiers(year),
				Certification: schedule.CertificationRules{NoInitialDay: true, RecertDays: 60, Cite: iop.Citation{
					Source: "42 CFR 424.24(d)(3)(ii) (recertification no less frequently than every 60 days); 424.24(b), (d) (no day set for the initial certification)", Title: "Requirements for medical and other health services furnished by providers under Medicare Part B",
					Edition: "as amended by 88 FR 82177 (CY2024 PFS final rule)", URL: urlCFR42424,
					Note: "the 60 days read on 2026-12-06 in an eCFR mirror carrying the 2023-11-22 amendments, not re-found on 2026-12-07 (the stored copies show (a)-(c) only); 'every other month' is the statute's and CMS summaries' wording, and 2 calendar months (62 days from a July 1st) is not the rule; no day is set for the initial certification, so one signed at any time covers from admission (a program may require it on admission: initial_days)",
				}, Content: medicareCertContent(false), Plan: medicarePlan()},
			},
		},
	}
	if year < 2026 {
		p.Until = date.New(year+1, 1, 1)
	}
	return p
}

// MedicarePHP returns the identity, schedule part and schedule settings of
// ioprules.MedicarePHP2024 and the following years (year).
func MedicarePHP(year int) iop.Profile {
	weekly := iop.Citation{
		Source: "42 CFR 410.43(c)(1); 42 CFR 424.24(e)(1); CMS Change Request 11066 (Pub. 100-20 Transmittal 2266, 2019-02-28)",
		Title:  "Partial hospitalization services: conditions and exclusions", Edition: "CY2024 OPPS final rule", URL: URLCFR41043,
		Note: "a certification and plan-of-care requirement; CMS answers weeks under 20 hours with informational remittance messaging, effective 2019-07-01, not a denial",
	}
	band := iop.Band{Min: iop.Hours(20)}
	p := iop.Profile{
		ID:    "medicare-php-" + itoa(year),
		Title: "Medicare partial hospitalization program (PHP), CY" + itoa(year),
		Level: iop.Level25,
		From:  date.New(year, 1, 1),
		Source: iop.Citation{
			Source: "SSA §1861(ff); 42 CFR 410.43; 42 CFR 424.24(e)", Title: "Partial hospitalization services: conditions and exclusions",
			Edition: "CY2024 OPPS final rule", URL: URLCFR41043,
		},
		Scope: medicareScope(iop.ProviderHospitalOutpatient, iop.ProviderCMHC, iop.ProviderCAH),
		Rules: medicareSettings(year, weekly),
		Parts: []iop.Part{
			schedule.Benefit{
				Counting:     medicareCounting(),
				Claims:       medicareProfessionalApart(medicareClaims("41", "13x", "76x", "85x")),
				Weekly:       schedule.WeeklyRules{Adult: band, Adolescent: band, Cite: weekly},
				PartialWeeks: partialProrated(),
				ServiceTiers: medicareTiers(year, "5863", "5864", "5853", "5854", "PHP per diem APCs"),
				Certification: schedule.CertificationRules{NoInitialDay: true, FirstRecertDay: 17, FirstRecertCount: schedule.DayCountService, RecertDays: 30, Cite: iop.Citation{
					Source: "42 CFR 424.24(e)(3); 424.24(b), (e) (no day set for the initial certification)", Title: "Requirements for medical and other health services furnished by providers under Medicare Part B",
					Edition: "CY2024 OPPS final rule", URL: urlCFR42424,
					Note: "'as of the 18th day of partial hospitalization services': read as the 18th day on which services were furnished (day 17 counting the first as day 0); no CMS text defining it was found; set first_recert_count to calendar for the earlier, calendar reading; the 31-day plan review earlier cited here is not in 424.24(e) and was removed; no day is set for the initial certification, so one signed at any time covers from admission (a program may require it on admission: initial_days)",
				}, Content: medicareCertContent(true), Plan: medicarePlan()},
			},
		},
	}
	if year < 2026 {
		p.Until = date.New(year+1, 1, 1)
	}
	return p
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}

// asam21Top is the top of the level 2.1 band: the minute below level 2.5's
// floor of 20 hours. Payers quote the band in whole hours ("9-19"), meaning
// below 20: 19 hours 30 minutes is level 2.1 intensity.
const asam21Top = 20*60 - 1

// ASAM3Level21 returns the identity, schedule part and schedule settings of
// ioprules.ASAM3Level21, whose doc comment says what the source sets.
func ASAM3Level21() iop.Profile {
	return iop.Profile{
		ID:      "asam3-2.1",
		Title:   "ASAM level 2.1 intensive outpatient, 3rd edition",
		Level:   iop.Level21,
		Edition: iop.Edition3,
		From:    date.New(2013, 10, 1),
		Source:  citeASAM3("level 2.1 intensive outpatient services"),
		Scope:   iop.Scope{Reach: iop.ReachNational, Body: "American Society of Addiction Medicine"},
		Ages:    iop.AgeRules{AdultAge: 18, Cite: citeAdultAge18()},
		Parts: []iop.Part{
			schedule.Benefit{
				Counting: schedule.DefaultCounting(),
				Weekly: schedule.WeeklyRules{
					Adult:      iop.Band{Min: iop.Hours(9), Max: asam21Top},
					Adolescent: iop.Band{Min: iop.Hours(6), Max: asam21Top},
					Above:      iop.Level25,
					Cite: iop.Citation{
						Source: "Aetna Clinical Policy Bulletin, intensive outpatient (ASAM 2.1: 9-19 h adults, 6-19 h adolescents)", Edition: "ASAM 3rd edition (2013) bands",
						Note: "secondary; '19 h' read as below level 2.5's 20 h, so the band ends at 19h59m",
					},
				},
				PartialWeeks: partialProrated(),
				StepDown: schedule.StepDownRules{Weeks: 2, Cite: iop.Citation{
					Source: "state Medicaid manuals (step-down from 2.1)", Edition: "as read 2025",
					Note: "unconfirmed as a general rule: several states allow fewer than 9 (6) hours for 1-2 weeks after a step-down",
				}},
			},
		},
	}
}

// ASAM3Level25 returns the identity, schedule part and schedule settings of
// ioprules.ASAM3Level25, whose doc comment says what the source sets.
func ASAM3Level25() iop.Profile {
	band := iop.Band{Min: iop.Hours(20)}
	return iop.Profile{
		ID:      "asam3-2.5",
		Title:   "ASAM level 2.5 partial hospitalization, 3rd edition",
		Level:   iop.Level25,
		Edition: iop.Edition3,
		From:    date.New(2013, 10, 1),
		Source:  citeASAM3("level 2.5 partial hospitalization services"),
		Scope:   iop.Scope{Reach: iop.ReachNational, Body: "American Society of Addiction Medicine"},
		Ages:    iop.AgeRules{AdultAge: 18, Cite: citeAdultAge18()},
		Parts: []iop.Part{
			schedule.Benefit{
				Counting:     schedule.DefaultCounting(),
				Weekly:       schedule.WeeklyRules{Adult: band, Adolescent: band, Cite: citeASAM3("level 2.5: 20 or more hours a week")},
				PartialWeeks: partialProrated(),
			},
		},
	}
}

// H0015 returns the identity, schedule part and schedule settings of
// ioprules.H0015, whose doc comment says what the source sets.
func H0015() iop.Profile {
	cite := iop.Citation{
		Source: "HCPCS Level II H0015", Title: "Alcohol and/or drug services; intensive outpatient (treatment program that operates at least 3 hours/day and at least 3 days/week ...)",
		Edition: "CMS HCPCS file", Note: "the descriptor itself states 3 hours a day and 3 days a week; read from a copy of the CMS HCPCS file",
	}
	return iop.Profile{
		ID:     "hcpcs-h0015",
		Title:  "HCPCS H0015 intensive outpatient service day",
		Level:  iop.Level21,
		From:   date.New(2003, 1, 1),
		Source: iop.Citation{Source: cite.Source, Title: cite.Title, Edition: cite.Edition, Note: "From is a floor; the code predates it"},
		Scope:  iop.Scope{Reach: iop.ReachNational, Body: "CMS (HCPCS code set), applied by state Medicaid programs"},
		Parts: []iop.Part{
			schedule.Benefit{
				Counting: schedule.DefaultCounting(),
				Daily:    schedule.DailyRules{MinDays: 3, MinDayMinutes: iop.Hours(3), Cite: cite},
				Claims: schedule.ClaimRules{
					Codes:        []schedule.ServiceCode{{Code: "H0015", Kind: iop.ServiceKindOther, PerDiem: true, DayMinutes: iop.Hours(3)}},
					RevenueCodes: []string{"0906"},
					Cite: iop.Citation{
						Source: cite.Source, Title: cite.Title, Edition: cite.Edition,
						Note: "one unit is a program day of at least 3 hours; revenue code 0906 (intensive outpatient, chemical dependency) is the NUBC code payers pair with it, label not read in the licensed NUBC manual",
					},
				},
				PartialWeeks: partialProrated(),
			},
		},
	}
}

// CiteS9480NewYork is the source of [S9480NewYork]: its schedule part and
// ioprules.S9480NewYork's stay rules.
func CiteS9480NewYork() iop.Citation {
	return iop.Citation{
		Source:  "New York State Office of Mental Health, Intensive Outpatient Program guidance (clinic), with HCPCS S9480",
		Edition: "dated 2017-02-01, updated 2023-01",
		Note:    "the guidance's date is confirmed (secondary); its figures (3 hours a day, 9 a week, justification after 6 weeks) were not re-read",
	}
}

// S9480NewYork returns the identity, schedule part and schedule settings of
// ioprules.S9480NewYork, whose doc comment says what the source sets.
func S9480NewYork() iop.Profile {
	band := iop.Band{Min: iop.Hours(9)}
	cite := CiteS9480NewYork()
	return iop.Profile{
		ID:     "ny-s9480",
		Title:  "New York S9480 intensive outpatient psychiatric services",
		Level:  iop.Level21,
		From:   date.New(2017, 2, 1),
		Source: cite,
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"NY"}, Body: "New York State Office of Mental Health"},
		Parts: []iop.Part{
			schedule.Benefit{
				Counting: schedule.DefaultCounting(),
				Weekly:   schedule.WeeklyRules{Adult: band, Adolescent: band, Cite: cite},
				Daily:    schedule.DailyRules{MinDayMinutes: iop.Hours(3), Cite: cite},
				Claims: schedule.ClaimRules{
					Codes:        []schedule.ServiceCode{{Code: "S9480", Kind: iop.ServiceKindOther, PerDiem: true, DayMinutes: iop.Hours(3)}},
					RevenueCodes: []string{"0905"},
					Cite: iop.Citation{
						Source: "HCPCS Level II S9480", Title: "Intensive outpatient psychiatric services, per diem", Edition: "CMS HCPCS file",
						Note: "one unit is a program day of at least 3 hours under New York's rule; revenue code 0905 (intensive outpatient, psychiatric) as payers pair it, label not read in the licensed NUBC manual",
					},
				},
				PartialWeeks: partialProrated(),
			},
		},
	}
}

// TIP47 returns the identity, schedule part and schedule settings of
// ioprules.TIP47, whose doc comment says what the source sets.
func TIP47() iop.Profile {
	return iop.Profile{
		ID:     "samhsa-tip47",
		Title:  "SAMHSA TIP 47 intensive outpatient treatment recommendations",
		Level:  iop.Level21,
		From:   date.New(2006, 1, 1),
		Source: iop.Citation{Source: "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment", Edition: "2006; advisory update 2021", URL: "https://www.ncbi.nlm.nih.gov/books/NBK64093/"},
		Scope:  iop.Scope{Reach: iop.ReachNational, Body: "SAMHSA (guidance)"},
		Ages:   iop.AgeRules{AdultAge: 18, Cite: iop.Citation{Source: "SAMHSA TIP 47, ch. 7 (adolescents)", Edition: "2006"}},
		Parts: []iop.Part{
			schedule.Benefit{
				Weekly: schedule.WeeklyRules{
					Adult:      iop.Band{Min: iop.Hours(9)},
					Adolescent: iop.Band{Min: iop.Hours(6)},
					Cite:       iop.Citation{Source: "SAMHSA Advisory, Clinical Issues in Intensive Outpatient Treatment for Substance Use Disorders", Edition: "2021"},
				},
				Counting:     tip47Counting(),
				PartialWeeks: partialProrated(),
			},
		},
	}
}

// CiteDCLevel21 is the source of [DCLevel21]: its identity, its schedule
// part and ioprules.DCLevel21's stay rules.
func CiteDCLevel21() iop.Citation {
	return iop.Citation{
		Source: "22-A DCMR 6329", Title: "Level 2.1: Intensive Outpatient Program", Edition: "in force by 2017-09-13",
		Note: "From is the earliest date the section was confirmed in force (secondary); the chapter has since been renumbered (level 1 is now §6331, 3.1 §6334, 3.3 §6335, 3.5 §6336, current through DCR Vol. 71 No. 49, 2024-12-06; the current IOP section, probably §6332, was not read); no end date is set because the renumbering's effective date was not found (RULES.md §5), and no current DC profile is built from the 2017 text",
	}
}

// DCLevel21 returns the identity, schedule part and schedule settings of
// ioprules.DCLevel21, whose doc comment says what the source sets.
func DCLevel21() iop.Profile {
	cite := CiteDCLevel21()
	return iop.Profile{
		ID:     "dc-22a-6329",
		Title:  "District of Columbia level 2.1 intensive outpatient",
		Level:  iop.Level21,
		From:   date.New(2017, 9, 13),
		Source: cite,
		Scope:  iop.Scope{Reach: iop.ReachState, States: []string{"DC"}, Body: "DC Department of Behavioral Health"},
		Ages:   iop.AgeRules{AdultAge: 21, Cite: cite},
		Parts: []iop.Part{
			schedule.Benefit{
				Counting: schedule.DefaultCounting(),
				Weekly: schedule.WeeklyRules{
					Adult:      iop.Band{Min: iop.Hours(9), Max: asam21Top},
					Adolescent: iop.Band{Min: iop.Hours(6), Max: asam21Top},
					Above:      iop.Level25,
					Cite:       cite,
				},
				PartialWeeks: partialProrated(),
			},
		},
	}
}

// All returns the profiles of this package in the order of
// ioprules.Builtins: the built-ins that have a schedule part. Each call
// returns new values.
func All() iop.Profiles {
	return iop.Profiles{
		MedicareIOP(2024), MedicareIOP(2025), MedicareIOP(2026),
		MedicarePHP(2024), MedicarePHP(2025), MedicarePHP(2026),
		ASAM3Level21(),
		ASAM3Level25(),
		H0015(),
		S9480NewYork(),
		TIP47(),
		DCLevel21(),
	}
}

// medicareClaims returns the claim rules of a Medicare program: the
// HCPCS and CPT codes that are program services (Medicare Claims
// Processing Manual ch. 4 §260.1 as MACs quote it), with condition code and
// types of bill.
func medicareClaims(condition string, billTypes ...string) schedule.ClaimRules {
	timed := func(code string, k iop.ServiceKind, m iop.Minutes) schedule.ServiceCode {
		return schedule.ServiceCode{Code: code, Kind: k, UnitMinutes: m}
	}
	untimed := func(code string, k iop.ServiceKind) schedule.ServiceCode {
		return schedule.ServiceCode{Code: code, Kind: k}
	}
	return schedule.ClaimRules{
		Codes: []schedule.ServiceCode{
			timed("G0410", iop.ServiceKindGroupTherapy, 45), timed("G0411", iop.ServiceKindGroupTherapy, 45),
			timed("G0129", iop.ServiceKindOccupationalTherapy, 45), timed("G0176", iop.ServiceKindActivityTherapy, 45),
			timed("G0177", iop.ServiceKindPsychoeducation, 45),
			timed("90832", iop.ServiceKindIndividualTherapy, 30), timed("90834", iop.ServiceKindIndividualTherapy, 45), timed("90837", iop.ServiceKindIndividualTherapy, 60),
			timed("90833", iop.ServiceKindIndividualTherapy, 30), timed("90836", iop.ServiceKindIndividualTherapy, 45), timed("90838", iop.ServiceKindIndividualTherapy, 60),
			untimed("90845", iop.ServiceKindIndividualTherapy), untimed("90880", iop.ServiceKindIndividualTherapy),
			timed("90846", iop.ServiceKindFamilyTherapy, 50), timed("90847", iop.ServiceKindFamilyTherapy, 50),
			untimed("90791", iop.ServiceKindDiagnostic), untimed("90792", iop.ServiceKindDiagnostic),
		},
		Excluded:      []string{"90853", "90849", "90899"},
		ConditionCode: condition,
		BillTypes:     billTypes,
		Cite: iop.Citation{
			Source:  "Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260.1; CR 13222 (MLN Matters MM13222, 2023-12-20)",
			Title:   "Special Partial Hospitalization and Intensive Outpatient Billing Requirements",
			Edition: "as amended for IOP from 2024-01-01",
			URL:     "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c04.pdf",
			Note:    "secondary: the code list, condition codes and types of bill are read from Medicare contractors' pages quoting the manual and CR 13222, not from the manual's table; the minutes are the codes' nominal times (G-codes 45 minutes or more, CPT 90832/90834/90837 30/45/60); group psychotherapy is G0410, not CPT 90853; Medicare hospital and CMHC lines carry the service's own revenue code, so revenue codes are not restricted here",
		},
	}
}

// tip47Counting counts what [schedule.DefaultCounting] does and case
// management, which SAMHSA's IOP guidance lists among the core services.
func tip47Counting() schedule.CountingRules {
	c := schedule.DefaultCounting()
	c.Kinds |= iop.SetOf[iop.ServiceKind](iop.ServiceKindCaseManagement)
	c.Cite.Note = "SAMHSA TIP 47 (2006) and its IOP advisory list case management among the core services of an IOP: it counts here (RULES.md §2, issue 23); peer support does not"
	return c
}

// medicareCertContent is what a Medicare IOP (php false) or PHP
// certification and recertification state (42 CFR 424.24(d)(1), (d)(3);
// (e)(1), (e)(3)).
func medicareCertContent(php bool) schedule.CertificationContentRules {
	initial := iop.SetOf(schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)
	recert := iop.SetOf(schedule.CertStatementContinuedNeed, schedule.CertStatementResponse, schedule.CertStatementSymptoms, schedule.CertStatementDischargeGoals)
	c := iop.Citation{
		Source: "42 CFR 424.24(d)(1) (IOP certification: the patient needs at least 9 hours a week of therapeutic services, as the plan of care shows; an individualized written plan established and periodically reviewed by a physician; services furnished while under a physician's care), (d)(3) (recertification: the continued need, the response to the program's interventions, the symptoms that continue to put the patient at risk, treatment goals toward discharge); 424.24(b) (payment only on a certification of that content)",
		Title:  "Requirements for medical and other health services furnished by providers under Medicare Part B", Edition: "as amended by the CY2024 OPPS/PFS final rules (88 FR 81540, 2023-11-22)", URL: urlCFR42424,
		Note: "424.24(a)-(c) read (stored copies, 2024); paragraphs (d) and (e) not found in any stored copy: the statements as Medicare contractors summarise them (NGS, Intensive Outpatient Program, and Noridian JF, Partial Hospitalization Program, both read 2026-12-07) and as RULES.md §2 gives them; the recertification's three descriptions follow the long-standing PHP wording of (e)(3), which the CY2024 rule applied to IOP (not read)",
	}
	if php {
		initial = iop.SetOf(schedule.CertStatementInpatientOtherwise, schedule.CertStatementNeedsHours, schedule.CertStatementPlanEstablished, schedule.CertStatementUnderCare)
		c.Source = "42 CFR 424.24(e)(1) (PHP certification: the patient would need inpatient psychiatric care without the services; an individualized written plan established and periodically reviewed by a physician; services furnished while under a physician's care), (e)(3) (recertification: inpatient care still needed otherwise, the response to the program's interventions, the symptoms that continue to put the patient at risk of hospitalization, treatment goals toward discharge); 424.24(b)"
		c.Note = "424.24(a)-(c) read (stored copies, 2024); (e) not found in any stored copy: as Noridian JF's Partial Hospitalization Program page states it (read 2026-12-07: the physician certifies the need for partial hospitalization and for at least 20 hours a week of therapeutic services, as the plan of care shows); the recertification's descriptions as (e)(3) is commonly quoted, not read"
	}
	return schedule.CertificationContentRules{Initial: initial, Recert: recert, Cite: c}
}

// medicarePlan is what a Medicare IOP or PHP plan of care sets forth and
// who establishes it (42 CFR 424.24(d)(2), (e)(2)).
func medicarePlan() schedule.PlanRules {
	return schedule.PlanRules{
		Elements: iop.SetOf(schedule.PlanElementDiagnosis, schedule.PlanElementType, schedule.PlanElementAmount, schedule.PlanElementFrequency, schedule.PlanElementDuration, schedule.PlanElementGoals),
		By:       iop.SetOf(schedule.PlanAuthorPhysician),
		Cite: iop.Citation{
			Source: "42 CFR 424.24(d)(2) (IOP), (e)(2) (PHP): an individualized written plan, established and periodically reviewed by a physician, setting forth the diagnosis, the type, amount, frequency and duration of the services, and the treatment goals; 410.43(a)(3), 410.44(a)(3): services furnished under the certification and plan",
			Title:  "Requirements for medical and other health services furnished by providers under Medicare Part B", Edition: "as amended by the CY2024 OPPS/PFS final rules", URL: urlCFR42424,
			Note: "410.43(a)(3) read (eCFR copy verified 2026-06-20); (d)(2) and (e)(2) not found in any stored copy: the elements as 410.61(c) words a therapy plan (read) and as Medicare contractors summarise the IOP/PHP plan (Noridian JF: treatment goals measurable, functional, time-framed; read); RULES.md §2 (the treatment, the goals, the frequency and duration)",
		},
	}
}
