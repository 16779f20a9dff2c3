package ioprules

import (
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Citations and rule groups shared by several built-in profiles. Each
// function returns a fresh value: there is no package state.

const (
	urlCFR41043 = "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.43"
	urlCFR41044 = "https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.44"
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
		Source: "HCPCS G0137 (intensive outpatient services furnished by an OTP, weekly add-on, from 2024-01-01); NGS, Coding and Billing for OTP Services",
		URL:    "https://ngsmedicare.com/web/ngs/opiod-treatment?selectedArticleId=2251313",
		Note:   "secondary (a Medicare contractor): billed once a week when at least 9 services were furnished; an OTP's week is 7 contiguous days (42 CFR 410.67(b))",
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
		Source: "CMS, Opioid Treatment Program Billing & Payment (How to Bill: institutional providers, Form CMS-1450); NGS, Coding and Billing for OTP Services (G0137, new for 2024)",
		URL:    "https://cms.gov/medicare/medicare-fee-for-service-payment/opioid-treatment-program/billing-payment",
		Note:   "a freestanding non-residential OTP bills on type of bill 087x, a hospital-based one on 013x and a CAH-based one on 085x with condition code 89 (provider-based OTP), revenue codes 090x-091x or 0949, or on a professional claim at place of service 58; its IOP services are G0137, a weekly add-on billed when at least 9 services were furnished (NGS), not the per diem of condition code 92",
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
		Source: "CPT psychotherapy time rules (90832: 16 to 37 minutes), as RULES.md §4 quotes them; OPPS per diem by number of services",
		Note:   "this library's reading: the per diem counts services furnished, and a session whose time others already cover furnishes little of its own; 16 minutes is the least time for which a timed psychotherapy code is reported. No CMS text sets a minimum per service for the per diem count: a parameter",
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

// MedicareIOP2024 returns the Medicare intensive outpatient program benefit
// for calendar year 2024 (SSA §1861(ff)(4), added by CAA 2023 §4124; 42 CFR
// 410.44 and 424.24(d)). The physician certifies that the patient needs at
// least 9 hours a week of therapeutic services, and recertifies no less
// often than every other month; the 9 hours are a certification and
// plan-of-care requirement, so a week with fewer attended hours is a
// warning for review, not a denial. Medicare sets no weekly maximum.
// Payment is a per diem by day: 3 services, or 4 or more (APC 5861/5862 in
// a hospital outpatient department, 5851/5852 in a CMHC); a day with fewer
// than 3 is not paid as an IOP day, and what it gets instead depends on
// the setting ([schedule.MedicareShortDays]: a hospital's services are paid
// one by one, a CMHC's day goes unpaid and is held, that day only). Time
// counts when furnished in person.
func MedicareIOP2024() iop.Profile { return medicareIOP(2024) }

// MedicareIOP2025 returns the Medicare IOP benefit for calendar year 2025:
// the CY2025 OPPS kept the 2024 structure and APC numbers.
func MedicareIOP2025() iop.Profile { return medicareIOP(2025) }

// MedicareIOP2026 returns the Medicare IOP benefit for calendar year 2026,
// as far as the CY2026 OPPS final rule was read (no change found). It is
// open-ended until a later year is encoded.
func MedicareIOP2026() iop.Profile { return medicareIOP(2026) }

func medicareIOP(year int) iop.Profile {
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
			Edition: "CAA 2023 §4124; CY2024 OPPS/PFS final rules, effective 2024-01-01", URL: urlCFR41044,
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
				}},
			},
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
	if year < 2026 {
		p.Until = date.New(year+1, 1, 1)
	}
	return p
}

// MedicarePHP2024 returns the Medicare partial hospitalization program for
// calendar year 2024 (42 CFR 410.43; 424.24(e)): the physician certifies
// that the patient needs at least 20 hours a week of therapeutic services,
// a certification and plan-of-care requirement (CMS answers a shorter week
// with an informational remittance message, not a denial: Change Request
// 11066, 2019). The first recertification is due as of the 18th day of
// partial hospitalization services (counted in days of service), then at
// least every 30 days. Per diem by day: 3 services, or 4 or more (APC
// 5863/5864 hospital, 5853/5854 iop.ProviderCMHC); a day with fewer than 3 is not paid
// as a PHP day.
func MedicarePHP2024() iop.Profile { return medicarePHP(2024) }

// MedicarePHP2025 returns the Medicare PHP for calendar year 2025.
func MedicarePHP2025() iop.Profile { return medicarePHP(2025) }

// MedicarePHP2026 returns the Medicare PHP for calendar year 2026,
// open-ended until a later year is encoded.
func MedicarePHP2026() iop.Profile { return medicarePHP(2026) }

func medicarePHP(year int) iop.Profile {
	weekly := iop.Citation{
		Source: "42 CFR 410.43(c)(1); 42 CFR 424.24(e)(1); CMS Change Request 11066 (Pub. 100-20 Transmittal 2266, 2019-02-28)",
		Title:  "Partial hospitalization services: conditions and exclusions", Edition: "CY2024 OPPS final rule", URL: urlCFR41043,
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
			Edition: "CY2024 OPPS final rule", URL: urlCFR41043,
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
				}},
			},
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
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

// ASAM3Level21 returns ASAM level 2.1 (intensive outpatient) of the 3rd
// edition as public sources quote it: at least 9 hours a week for adults
// and 6 for adolescents, below the 20 of level 2.5 (payers write the bands
// as 9-19 and 6-19 hours; the band here ends at 19h59m, so 19h30m is 2.1
// intensity). iop.Hours above the band fall in level 2.5. The step-down
// allowance (fewer hours for up to 2 weeks after stepping down from 2.1) is
// unconfirmed as a general rule and set here as several state manuals
// describe it.
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
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// ASAM3Level25 returns ASAM level 2.5 (partial hospitalization) of the 3rd
// edition: at least 20 hours a week, adults and adolescents.
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
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// H0015 returns the per-day definition of HCPCS H0015 (alcohol and/or drug
// services; intensive outpatient: a program of at least 3 hours a day on at
// least 3 days a week): a day of 2.5 hours is not a service day, and 2 days
// of 4.5 hours do not make a week. From is a floor: the code predates it.
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
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// S9480NewYork returns New York's rule for HCPCS S9480 (intensive
// outpatient psychiatric services, per diem) under the Office of Mental
// Health's IOP guidance: at least 3 hours on a billed day, 9 hours a week
// scheduled, and a written justification after 6 weeks.
func S9480NewYork() iop.Profile {
	band := iop.Band{Min: iop.Hours(9)}
	cite := iop.Citation{
		Source:  "New York State Office of Mental Health, Intensive Outpatient Program guidance (clinic), with HCPCS S9480",
		Edition: "dated 2017-02-01, updated 2023-01",
		Note:    "the guidance's date is confirmed (secondary); its figures (3 hours a day, 9 a week, justification after 6 weeks) were not re-read",
	}
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
			eligibility.Placement{Stay: eligibility.StayRules{JustifyAfterDays: 42, Cite: cite}},
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// TIP47 returns SAMHSA's recommendations for intensive outpatient
// treatment: at least 9 hours a week for adults and 6 for adolescents
// (SAMHSA's 2021 advisory, restating TIP 47), and groups of typically 6 to
// 12 members with one or two leaders and a confidentiality agreement from
// each member (TIP 41). The sources describe practice; they do not bind, so
// every group rule of the profile is a warning.
func TIP47() iop.Profile {
	tip41 := iop.Citation{
		Source: "SAMHSA TIP 41, Substance Abuse Treatment: Group Therapy, ch. 2", Edition: "2005",
		URL:  "https://www.ncbi.nlm.nih.gov/books/NBK64223/",
		Note: "guidance, not a rule: 'typically 6 to 12 members, one or two leaders'; the co-leader above 10 members and the agreement on file for every member are this library's reading; TIP 41's wording was not re-read",
	}
	return iop.Profile{
		ID:     "samhsa-tip47",
		Title:  "SAMHSA TIP 47 intensive outpatient treatment recommendations",
		Level:  iop.Level21,
		From:   date.New(2006, 1, 1),
		Source: iop.Citation{Source: "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment", Edition: "2006; advisory update 2021", URL: "https://www.ncbi.nlm.nih.gov/books/NBK64093/"},
		Scope:  iop.Scope{Reach: iop.ReachNational, Body: "SAMHSA (guidance)"},
		Ages:   iop.AgeRules{AdultAge: 18, Cite: iop.Citation{Source: "SAMHSA TIP 47, ch. 7 (adolescents)", Edition: "2006"}},
		Rules: guidance(tip41,
			group.CodeSizeBelowMinimum, group.CodeSizeAboveMaximum, group.CodeFacilitatorsTooFew,
			group.CodeNoLicensedFacilitator, group.CodeCoFacilitatorRequired, group.CodeFacilitatorRatio,
			group.CodeAgreementMissing),
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
			group.Composition{
				MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 1, CoFacilitatorAbove: 10,
				RequireAgreement: true, Cite: tip41,
			},
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// guidance returns settings that make the rules codes warnings, citing
// their source as guidance.
func guidance(cite iop.Citation, codes ...iop.Code) []iop.RuleSetting {
	out := make([]iop.RuleSetting, len(codes))
	for i, c := range codes {
		out[i] = iop.RuleSetting{Code: c, Severity: iop.SeverityWarning, Cite: cite}
	}
	return out
}

// DCLevel21 returns the District of Columbia's level 2.1 rule (22-A DCMR
// 6329): 9-19 hours a week for adults, 6-19 for people under 21, and a
// length of stay of 30 to 60 days. The band, like ASAM's, ends below 20
// hours.
func DCLevel21() iop.Profile {
	cite := iop.Citation{
		Source: "22-A DCMR 6329", Title: "Level 2.1: Intensive Outpatient Program", Edition: "in force by 2017-09-13",
		Note: "From is the earliest date the section was confirmed in force (secondary); the chapter has since been renumbered (level 1 is now §6331, 3.1 §6334, 3.3 §6335, 3.5 §6336, current through DCR Vol. 71 No. 49, 2024-12-06; the current IOP section, probably §6332, was not read); no end date is set because the renumbering's effective date was not found (RULES.md §5), and no current DC profile is built from the 2017 text",
	}
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
			eligibility.Placement{Stay: eligibility.StayRules{TypicalMinDays: 30, TypicalMaxDays: 60, Cite: cite}},
			aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30),
		},
	}
}

// Builtins returns every built-in profile, in a fixed order. Each call
// returns new values.
func Builtins() iop.Profiles {
	return iop.Profiles{
		MedicareIOP2024(), MedicareIOP2025(), MedicareIOP2026(),
		MedicarePHP2024(), MedicarePHP2025(), MedicarePHP2026(),
		ASAM3Level21(),
		ASAM3Level25(),
		H0015(),
		S9480NewYork(),
		TIP47(),
		DCLevel21(),
		group.NGSGroupPsychotherapy(),
		group.ColoradoIOP(),
		group.TexasGroups2004(),
		group.TexasGroups(),
		group.CaliforniaDMC(),
		group.WisconsinYouth(),
		group.IllinoisAges(),
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
			Source: "Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260.1; CR 13222 (MLN Matters MM13222, 2023-12-20)",
			Title:  "Special Partial Hospitalization and Intensive Outpatient Billing Requirements",
			URL:    "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c04.pdf",
			Note:   "secondary: the code list, condition codes and types of bill are read from Medicare contractors' pages quoting the manual and CR 13222, not from the manual's table; the minutes are the codes' nominal times (G-codes 45 minutes or more, CPT 90832/90834/90837 30/45/60); group psychotherapy is G0410, not CPT 90853; Medicare hospital and CMHC lines carry the service's own revenue code, so revenue codes are not restricted here",
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

// citeDischargeFollowUp is the source of the built-in profiles' follow-up
// after an IOP discharge: a program's or payer's rule, not a HEDIS measure.
func citeDischargeFollowUp() iop.Citation {
	return iop.Citation{
		Source: "ioprules aftercare: follow-up after the program's discharge", Edition: "v1",
		Note: "a program's or a payer's rule, not a HEDIS measure: HEDIS IET counts from the start of a new treatment episode (the IOP admission is often the initiation itself), FUI and FUH from the discharge of a higher level (the IOP intake is the follow-up), FUA and FUM from an emergency department visit (NCQA HEDIS MY2024-2025, RULES.md §6); 7 and 30 days after the discharge, a contact on the discharge day not counting, as programs commonly hold them: set your program's or payer's own",
	}
}
