package schedule

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// DayPay says how a day of program service is paid: at a per diem tier,
// or, for a day below the lowest tier, what the setting pays instead. The
// zero DayPay is unset (a day without service). DayPays are comparable and
// safe for concurrent use.
type DayPay uint8

// The ways a day is paid.
const (
	_                DayPay = iota
	DayPayPerDiem           // at a per diem tier: the tier's APC in the setting
	DayPayIndividual        // below the tier: the services are paid one by one (a hospital, under the OPPS)
	DayPayUnpaid            // below the tier: not paid (a CMHC bills only the program)
	DayPayCost              // a critical access hospital: paid at reasonable cost, no tier applies
	DayPayClinic            // an RHC or FQHC: the clinic's IOP payment for the day
	DayPayWeekly            // an OTP: counted toward the week's add-on (G0137), no daily tier
	DayPayNotJudged         // below the tier, in a setting not given: what is paid instead cannot be said
)

var dayPays = enum.New[DayPay]("DayPay", "schedule.DayPay.UnmarshalText", check.EnumFail, []string{
	DayPayPerDiem: "per-diem", DayPayIndividual: "individual", DayPayUnpaid: "unpaid", DayPayCost: "cost",
	DayPayClinic: "clinic", DayPayWeekly: "weekly", DayPayNotJudged: "not-judged",
})

// IsValid reports whether p is a known way of paying a day.
func (p DayPay) IsValid() bool { return dayPays.Valid(p) }

// String returns the name ("per-diem", "individual", "unpaid", "cost",
// "clinic", "weekly", "not-judged"), and "%!DayPay(n)" otherwise.
func (p DayPay) String() string { return dayPays.String(p) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (p DayPay) MarshalText() ([]byte, error) { return dayPays.Marshal(p) }

// UnmarshalText implements [encoding.TextUnmarshaler]: the names
// [DayPay.String] writes.
func (p *DayPay) UnmarshalText(b []byte) error { return dayPays.Unmarshal(p, b) }

// ShortDay says what a day with services below the lowest per diem tier
// gets in some provider settings, and the force of the finding that
// reports it (a day below the tier is never more than that day's
// finding: it does not hold the other days of the week). A Severity of
// zero reports nothing (an OTP has no daily tier).
type ShortDay struct {
	Settings iop.Set[iop.Provider] `json:"settings"`
	Pay      DayPay                `json:"pay"`
	Severity iop.Severity          `json:"severity,omitzero"`
	Cite     iop.Citation          `json:"cite"`
}

// shortDayFor returns the row of rows for setting, and false when none
// names it (a setting not given finds none).
func shortDayFor(rows []ShortDay, setting iop.Provider) (ShortDay, bool) {
	if setting == 0 {
		return ShortDay{}, false
	}
	for _, r := range rows {
		if r.Settings.Has(setting) {
			return r, true
		}
	}
	return ShortDay{}, false
}

// validateShortDays reports every problem with rows under field: a row
// without settings, pay or citation, an unknown value, a setting in two
// rows, a pay that is no below-tier answer.
func validateShortDays(es *iop.FieldErrors, field string, rows []ShortDay) {
	var seen iop.Set[iop.Provider]
	for i, r := range rows {
		f := field + "[" + strconv.Itoa(i) + "]"
		switch {
		case r.Settings == 0:
			es.Add(f+".settings", iop.ErrMissing)
		case !r.Settings.IsValid():
			es.Add(f+".settings", iop.ErrUnknown)
		case seen&r.Settings != 0:
			es.Add(f+".settings", iop.ErrDuplicate)
		}
		seen |= r.Settings
		switch {
		case r.Pay == 0:
			es.Add(f+".pay", iop.ErrMissing)
		case !r.Pay.IsValid():
			es.Add(f+".pay", iop.ErrUnknown)
		case r.Pay == DayPayPerDiem || r.Pay == DayPayNotJudged:
			es.Add(f+".pay", fmt.Errorf("%w: not what a day below the tier is paid", iop.ErrOrder))
		}
		if r.Severity != 0 && !r.Severity.IsValid() {
			es.Add(f+".severity", iop.ErrUnknown)
		}
		if r.Cite.IsZero() {
			es.Add(f+".cite", iop.ErrMissing)
		}
	}
}

// MedicareShortDays returns what Medicare pays for an IOP or PHP day with
// fewer than 3 qualifying services, by setting, as far as the sources
// read say (see each row's citation): a hospital outpatient department's
// services are paid individually under the OPPS (a warning for the day:
// it is paid, not as a program day); a CMHC bills only the program, so the
// day goes unpaid (blocking for that day only); a critical access
// hospital is paid at reasonable cost; an RHC or FQHC is paid its IOP
// rate for a day with a List A service; an OTP bills a weekly add-on, not
// a per diem, so its days have no tier to miss.
func MedicareShortDays() []ShortDay {
	const (
		opps   = "OPPS per diem payment of IOP and PHP days (CY2024 OPPS/ASC final rule, 88 FR 81540)"
		oppsEd = "CY2024 OPPS/ASC final rule (2023-11-22), kept in CY2025 and CY2026"
		cy2024 = "CY2024 (effective 2024-01-01)"
	)
	return []ShortDay{
		{Settings: iop.SetOf[iop.Provider](iop.ProviderHospitalOutpatient), Pay: DayPayIndividual, Severity: iop.SeverityWarning, Cite: iop.Citation{
			Source: opps, Title: "Payment for intensive outpatient and partial hospitalization services", Edition: oppsEd,
			Note: "secondary: CMS's per diem descriptions (RULES.md §2) say a hospital's services on a day below 3 are paid individually within the mental health composite; the rule's text, Claims Processing Manual ch. 4 §260 and the I/OCE PHP logic were not read; the same is assumed for a non-excepted off-campus department (modifier PN), whose rate was not found",
		}},
		{Settings: iop.SetOf[iop.Provider](iop.ProviderCMHC), Pay: DayPayUnpaid, Severity: iop.SeverityBlocking, Cite: iop.Citation{
			Source: opps, Title: "Payment for intensive outpatient and partial hospitalization services", Edition: oppsEd,
			Note: "secondary: a CMHC may bill only the program (RULES.md §2), so a day below 3 services is not paid; the rule's text and the I/OCE were not read",
		}},
		{Settings: iop.SetOf[iop.Provider](iop.ProviderCAH), Pay: DayPayCost, Severity: iop.SeverityWarning, Cite: iop.Citation{
			Source:  "42 CFR 413.70 (CAH outpatient services at reasonable cost); CGS Medicare, Intensive Outpatient Program Services: CAH type of bill 85X, HCPCS not required",
			Edition: "CGS page of 2024-01-02",
			Note:    "a CAH is paid outside the OPPS APCs (413.70 not re-read here); what a day below 3 services gets was not found: flagged for review",
		}},
		{Settings: iop.SetOf[iop.Provider](iop.ProviderRHC, iop.ProviderFQHC), Pay: DayPayClinic, Severity: iop.SeverityWarning, Cite: iop.Citation{
			Source:  "RHC/FQHC IOP billing (CY2024 PFS final rule; Claims Processing Manual ch. 9), as summarised by NAHRI, \"CMS releases IOP requirements for FQHCs and RHCs\"",
			Edition: cy2024,
			URL:     "https://nahri.org/articles/cms-releases-iop-requirements-fqhcs-and-rhcs",
			Note:    "secondary: paid at the hospital 3-service per diem (RHC; FQHC the lesser of charges) for a day with a List A service, revenue code 0905, modifier CG (RHC); whether fewer than 3 services are paid was not found: flagged for review",
		}},
		{Settings: iop.SetOf[iop.Provider](iop.ProviderOTP), Pay: DayPayWeekly, Cite: iop.Citation{
			Source:  "HCPCS G0137 (OTP intensive outpatient services, weekly add-on); NGS, Coding and Billing for OTP Services",
			Edition: cy2024,
			URL:     "https://ngsmedicare.com/web/ngs/opiod-treatment?selectedArticleId=2251313",
			Note:    "an OTP bills G0137 once a week when at least 9 services were furnished, not a per diem: no daily tier",
		}},
	}
}
