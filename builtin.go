package ioprules

import (
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/internal/benefits"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
)

// The built-in multi-part profiles are those of package internal/benefits
// (each one's identity, schedule part and settings of schedule's rules)
// with the parts of the other checking packages added here, so that a
// program that checks schedules only can build them without linking the
// other packages. Each function returns a fresh value: there is no package
// state.

// withParts returns p with parts added after its own.
func withParts(p iop.Profile, parts ...iop.Part) iop.Profile {
	p.Parts = append(p.Parts, parts...)
	return p
}

// followUp is the follow-up after a discharge that every multi-part
// built-in profile sets: 7 and 30 days.
func followUp() iop.Part {
	return aftercare.DischargeFollowUp(citeDischargeFollowUp(), 7, 30)
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
func MedicareIOP2024() iop.Profile {
	return withParts(benefits.MedicareIOP(2024), medicareIOPPlacement(), followUp())
}

// MedicareIOP2025 returns the Medicare IOP benefit for calendar year 2025:
// the CY2025 OPPS kept the 2024 structure and APC numbers.
func MedicareIOP2025() iop.Profile {
	return withParts(benefits.MedicareIOP(2025), medicareIOPPlacement(), followUp())
}

// MedicareIOP2026 returns the Medicare IOP benefit for calendar year 2026,
// as far as the CY2026 OPPS final rule was read (no change found). It is
// open-ended until a later year is encoded.
func MedicareIOP2026() iop.Profile {
	return withParts(benefits.MedicareIOP(2026), medicareIOPPlacement(), followUp())
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
func MedicarePHP2024() iop.Profile {
	return withParts(benefits.MedicarePHP(2024), medicarePHPPlacement(), followUp())
}

// MedicarePHP2025 returns the Medicare PHP for calendar year 2025.
func MedicarePHP2025() iop.Profile {
	return withParts(benefits.MedicarePHP(2025), medicarePHPPlacement(), followUp())
}

// MedicarePHP2026 returns the Medicare PHP for calendar year 2026,
// open-ended until a later year is encoded.
func MedicarePHP2026() iop.Profile {
	return withParts(benefits.MedicarePHP(2026), medicarePHPPlacement(), followUp())
}

// ASAM3Level21 returns ASAM level 2.1 (intensive outpatient) of the 3rd
// edition as public sources quote it: at least 9 hours a week for adults
// and 6 for adolescents, below the 20 of level 2.5 (payers write the bands
// as 9-19 and 6-19 hours; the band here ends at 19h59m, so 19h30m is 2.1
// intensity). iop.Hours above the band fall in level 2.5. The step-down
// allowance (fewer hours for up to 2 weeks after stepping down from 2.1) is
// unconfirmed as a general rule and set here as several state manuals
// describe it.
func ASAM3Level21() iop.Profile { return withParts(benefits.ASAM3Level21(), followUp()) }

// ASAM3Level25 returns ASAM level 2.5 (partial hospitalization) of the 3rd
// edition: at least 20 hours a week, adults and adolescents.
func ASAM3Level25() iop.Profile { return withParts(benefits.ASAM3Level25(), followUp()) }

// H0015 returns the per-day definition of HCPCS H0015 (alcohol and/or drug
// services; intensive outpatient: a program of at least 3 hours a day on at
// least 3 days a week): a day of 2.5 hours is not a service day, and 2 days
// of 4.5 hours do not make a week. From is a floor: the code predates it.
func H0015() iop.Profile { return withParts(benefits.H0015(), followUp()) }

// S9480NewYork returns New York's rule for HCPCS S9480 (intensive
// outpatient psychiatric services, per diem) under the Office of Mental
// Health's IOP guidance: at least 3 hours on a billed day, 9 hours a week
// scheduled, and a written justification after 6 weeks.
func S9480NewYork() iop.Profile {
	return withParts(benefits.S9480NewYork(),
		eligibility.Placement{Stay: eligibility.StayRules{JustifyAfterDays: 42, Cite: benefits.CiteS9480NewYork()}},
		followUp())
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
	p := benefits.TIP47()
	p.Rules = append(p.Rules, guidance(tip41,
		group.CodeSizeBelowMinimum, group.CodeSizeAboveMaximum, group.CodeFacilitatorsTooFew,
		group.CodeNoLicensedFacilitator, group.CodeCoFacilitatorRequired, group.CodeFacilitatorRatio,
		group.CodeAgreementMissing)...)
	return withParts(p,
		group.Composition{
			MinSize: 6, MaxSize: 12, RequireLicensed: true, MinFacilitators: 1, CoFacilitatorAbove: 10,
			RequireAgreement: true, Cite: tip41,
		},
		followUp())
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
	return withParts(benefits.DCLevel21(),
		eligibility.Placement{Stay: eligibility.StayRules{TypicalMinDays: 30, TypicalMaxDays: 60, Cite: benefits.CiteDCLevel21()}},
		followUp())
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

// citeDischargeFollowUp is the source of the built-in profiles' follow-up
// after an IOP discharge: a program's or payer's rule, not a HEDIS measure.
func citeDischargeFollowUp() iop.Citation {
	return iop.Citation{
		Source: "ioprules aftercare: follow-up after the program's discharge", Edition: "v1",
		Note: "a program's or a payer's rule, not a HEDIS measure: HEDIS IET counts from the start of a new treatment episode (the IOP admission is often the initiation itself), FUI and FUH from the discharge of a higher level (the IOP intake is the follow-up), FUA and FUM from an emergency department visit (NCQA HEDIS MY2024-2025, RULES.md §6); 7 and 30 days after the discharge, a contact on the discharge day not counting, as programs commonly hold them: set your program's or payer's own",
	}
}

// medicarePatients are the patient criteria of Medicare IOP (php false,
// 42 CFR 410.44(c)) or PHP (410.43(c)).
func medicarePatients(php bool) eligibility.PatientRules {
	req := iop.SetOf(eligibility.PatientCriterionNeedsHours, eligibility.PatientCriterionBenefits, eligibility.PatientCriterionNo24Hour,
		eligibility.PatientCriterionSupport, eligibility.PatientCriterionDiagnosis, eligibility.PatientCriterionNotDangerous,
		eligibility.PatientCriterionCanParticipate)
	c := iop.Citation{
		Source: "42 CFR 410.44(c): intensive outpatient services are for patients who need at least 9 hours a week of therapeutic services as the plan of care shows, are likely to benefit from a coordinated program (more than isolated outpatient sessions), do not need 24-hour care, have an adequate support system outside the program, have a mental health diagnosis (a substance use disorder included), are not judged dangerous to self or others, and can take part in active treatment and tolerate its intensity",
		Title:  "Intensive outpatient services: conditions and exclusions", Edition: "CY2024 OPPS final rule (88 FR 81540), effective 2024-01-01", URL: benefits.URLCFR41044,
		Note: "paragraph (c) not found in any stored copy: the diagnosis that severely interferes with several areas of daily life, the ability to take part and tolerate the intensity, and the need for more than outpatient and less than PHP read in NGS's Intensive Outpatient Program page (2026-12-07); the 9 hours in RULES.md §2; the rest as 410.43(c) words the PHP criteria, which the CY2024 rule mirrored for IOP (not read)",
	}
	if php {
		req |= iop.SetOf(eligibility.PatientCriterionInpatientRisk)
		c.Source = "42 CFR 410.43(c): partial hospitalization is for patients who need at least 20 hours a week of therapeutic services as the plan of care shows, are likely to benefit from a coordinated program, do not need 24-hour care, have an adequate support system outside the program, have a mental health diagnosis, are not judged dangerous to self or others, and can take part in active treatment and tolerate its intensity; and who would otherwise be at reasonable risk of inpatient care or step down from it"
		c.Title, c.URL = "Partial hospitalization services: conditions and exclusions", benefits.URLCFR41043
		c.Note = "paragraph (c) not found in any stored copy (the stored copies of 410.43 show (a) and (b)): the 20 hours in RULES.md §3 (410.43(c)(1)); the risk of inpatient care, the diagnosis that severely interferes with daily life and the ability to take part and tolerate the intensity read in Noridian JF's Partial Hospitalization Program page (2026-12-07); the rest as (c) is commonly quoted (not read)"
	}
	return eligibility.PatientRules{Require: req, Cite: c}
}

// medicareIOPPlacement and medicarePHPPlacement are the patient criteria of
// the Medicare built-ins, as eligibility judges an admission.
func medicareIOPPlacement() iop.Part { return eligibility.Placement{Patient: medicarePatients(false)} }
func medicarePHPPlacement() iop.Part { return eligibility.Placement{Patient: medicarePatients(true)} }
