package iop

import (
	"fmt"
	"slices"
	"strconv"
)

// ServiceCode is a billing code (HCPCS or CPT) that a payer counts as a
// program service, and how a claim line with it becomes service: a timed
// code stands for UnitMinutes per unit; an untimed code is one service per
// line; a per diem (H0015, S9480) is one program day of DayMinutes.
type ServiceCode struct {
	Code string      `json:"code"`
	Kind ServiceKind `json:"kind"`
	// UnitMinutes is the time one unit stands for (G0410, group
	// psychotherapy of about 45 to 50 minutes: 45); zero for an untimed code.
	UnitMinutes Minutes `json:"unit_minutes,omitzero"`
	// PerDiem says that one unit is a whole program day; DayMinutes is the
	// time such a day stands for (H0015: at least 3 hours).
	PerDiem    bool    `json:"per_diem,omitzero"`
	DayMinutes Minutes `json:"day_minutes,omitzero"`
}

// ClaimRules say which claim lines are program services and what a claim
// for the program must carry: the service codes, the codes that must not
// be reported on a program claim, the revenue codes a program line may
// use, the condition code and the types of bill. The zero ClaimRules
// reads no claims.
type ClaimRules struct {
	Codes []ServiceCode `json:"codes,omitzero"`
	// Excluded are codes that must not be reported on a program claim
	// (Medicare: CPT 90853 group psychotherapy, reported as G0410 instead).
	Excluded []string `json:"excluded,omitzero"`
	// RevenueCodes are the revenue codes a program line may carry, four
	// digits ("0905"); empty when the rules do not restrict them.
	RevenueCodes []string `json:"revenue_codes,omitzero"`
	// ConditionCode is the condition code every program claim carries
	// ("92" for Medicare IOP, "41" for PHP); empty when none is required.
	ConditionCode string `json:"condition_code,omitzero"`
	// BillTypes are the types of bill a program claim may have, as the
	// first three characters with "x" for the frequency digit ("13x");
	// empty for professional claims or when not restricted.
	BillTypes []string `json:"bill_types,omitzero"`
	Cite      Citation `json:"cite,omitzero"`
}

// IsZero reports whether r reads no claims.
func (r ClaimRules) IsZero() bool {
	return len(r.Codes) == 0 && len(r.Excluded) == 0 && len(r.RevenueCodes) == 0 &&
		r.ConditionCode == "" && len(r.BillTypes) == 0 && r.Cite.IsZero()
}

// Code returns the service code code, and false when it is not a program
// service under r.
func (r ClaimRules) Code(code string) (ServiceCode, bool) {
	for _, c := range r.Codes {
		if c.Code == code {
			return c, true
		}
	}
	return ServiceCode{}, false
}

// IsExcluded reports whether code must not be reported on a program claim.
func (r ClaimRules) IsExcluded(code string) bool { return slices.Contains(r.Excluded, code) }

// RevenueAllowed reports whether a program line may carry revenue code rev.
func (r ClaimRules) RevenueAllowed(rev string) bool {
	return len(r.RevenueCodes) == 0 || slices.Contains(r.RevenueCodes, rev)
}

// BillTypeAllowed reports whether a claim of type of bill tob ("0131",
// "131" or "13x") may carry the program.
func (r ClaimRules) BillTypeAllowed(tob string) bool {
	if len(r.BillTypes) == 0 {
		return true
	}
	if len(tob) == 4 && tob[0] == '0' {
		tob = tob[1:]
	}
	if len(tob) != 3 {
		return false
	}
	for _, bt := range r.BillTypes {
		if bt[:2] == tob[:2] && (bt[2] == 'x' || bt[2] == tob[2]) {
			return true
		}
	}
	return false
}

// Equal reports whether r and q are the same rules.
func (r ClaimRules) Equal(q ClaimRules) bool {
	return slices.Equal(r.Codes, q.Codes) && slices.Equal(r.Excluded, q.Excluded) &&
		slices.Equal(r.RevenueCodes, q.RevenueCodes) && r.ConditionCode == q.ConditionCode &&
		slices.Equal(r.BillTypes, q.BillTypes) && r.Cite == q.Cite
}

func (r ClaimRules) clone() ClaimRules {
	r.Codes = slices.Clone(r.Codes)
	r.Excluded = slices.Clone(r.Excluded)
	r.RevenueCodes = slices.Clone(r.RevenueCodes)
	r.BillTypes = slices.Clone(r.BillTypes)
	return r
}

func (r ClaimRules) validate(v *validator) {
	for i, c := range r.Codes {
		field := "claims.codes[" + strconv.Itoa(i) + "]"
		switch {
		case !isCode(c.Code):
			v.add(field+".code", fmt.Errorf("%w: want a HCPCS or CPT code of 5 letters and digits", ErrSyntax))
		case slices.ContainsFunc(r.Codes[:i], func(p ServiceCode) bool { return p.Code == c.Code }):
			v.add(field+".code", ErrDuplicate)
		case slices.Contains(r.Excluded, c.Code):
			v.add(field+".code", fmt.Errorf("%w: the code is also excluded", ErrOrder))
		}
		switch {
		case c.Kind == 0:
			v.add(field+".kind", ErrMissing)
		case !c.Kind.IsValid():
			v.add(field+".kind", ErrUnknown)
		}
		v.count(field+".unit_minutes", int(c.UnitMinutes), minutesPerDay)
		v.count(field+".day_minutes", int(c.DayMinutes), minutesPerDay)
		switch {
		case c.PerDiem && c.UnitMinutes != 0:
			v.add(field+".unit_minutes", fmt.Errorf("%w: a per diem has day_minutes, not unit_minutes", ErrOrder))
		case c.PerDiem && c.DayMinutes == 0:
			v.add(field+".day_minutes", ErrMissing)
		case !c.PerDiem && c.DayMinutes != 0:
			v.add(field+".day_minutes", fmt.Errorf("%w: day_minutes is for a per diem", ErrOrder))
		}
	}
	for i, c := range r.Excluded {
		if !isCode(c) {
			v.add("claims.excluded["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want a HCPCS or CPT code", ErrSyntax))
		}
	}
	for i, rev := range r.RevenueCodes {
		if len(rev) != 4 || !isDigits(rev) {
			v.add("claims.revenue_codes["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 4 digits", ErrSyntax))
		}
	}
	if r.ConditionCode != "" && (len(r.ConditionCode) != 2 || !isAlnum(r.ConditionCode)) {
		v.add("claims.condition_code", fmt.Errorf("%w: want 2 characters", ErrSyntax))
	}
	for i, bt := range r.BillTypes {
		if len(bt) != 3 || !isDigits(bt[:2]) || (bt[2] != 'x' && !isDigits(bt[2:])) {
			v.add("claims.bill_types["+strconv.Itoa(i)+"]", fmt.Errorf("%w: want 3 characters such as 13x", ErrSyntax))
		}
	}
	v.cited("claims.cite", !r.IsZero(), r.Cite)
}

// isCode reports whether s has the form of a HCPCS or CPT code: 5
// characters, digits and upper-case letters.
func isCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// DeliveryOf returns how a claim line's service was delivered, from its
// place of service and modifiers, as the national code sets mark it:
// modifier 93 (audio-only telemedicine) or FQ (audio-only, RHC and FQHC)
// is [AudioOnly]; modifier 95 (synchronous audio-video telemedicine), GT
// (interactive audio and video, CAH method II) or place of service 02
// (telehealth other than in the patient's home) or 10 (telehealth in the
// patient's home) is [Video]; anything else is [InPerson].
func DeliveryOf(placeOfService string, modifiers ...string) Delivery {
	video := placeOfService == "02" || placeOfService == "10"
	for _, m := range modifiers {
		switch m {
		case "93", "FQ":
			return AudioOnly
		case "95", "GT":
			video = true
		}
	}
	if video {
		return Video
	}
	return InPerson
}

// medicareClaims returns the claim rules of a Medicare program: the
// HCPCS and CPT codes that are program services (Medicare Claims
// Processing Manual ch. 4 §260.1 as MACs quote it), with condition code and
// types of bill.
func medicareClaims(condition string, billTypes ...string) ClaimRules {
	timed := func(code string, k ServiceKind, m Minutes) ServiceCode {
		return ServiceCode{Code: code, Kind: k, UnitMinutes: m}
	}
	untimed := func(code string, k ServiceKind) ServiceCode { return ServiceCode{Code: code, Kind: k} }
	return ClaimRules{
		Codes: []ServiceCode{
			timed("G0410", GroupTherapy, 45), timed("G0411", GroupTherapy, 45),
			timed("G0129", OccupationalTherapy, 45), timed("G0176", ActivityTherapy, 45),
			timed("G0177", Psychoeducation, 45),
			timed("90832", IndividualTherapy, 30), timed("90834", IndividualTherapy, 45), timed("90837", IndividualTherapy, 60),
			timed("90833", IndividualTherapy, 30), timed("90836", IndividualTherapy, 45), timed("90838", IndividualTherapy, 60),
			untimed("90845", IndividualTherapy), untimed("90880", IndividualTherapy),
			timed("90846", FamilyTherapy, 50), timed("90847", FamilyTherapy, 50),
			untimed("90791", Diagnostic), untimed("90792", Diagnostic),
		},
		Excluded:      []string{"90853", "90849", "90899"},
		ConditionCode: condition,
		BillTypes:     billTypes,
		Cite: Citation{
			Source: "Medicare Claims Processing Manual (Pub. 100-04) ch. 4 §260.1; CR 13222 (MLN Matters MM13222, 2023-12-20)",
			Title:  "Special Partial Hospitalization and Intensive Outpatient Billing Requirements",
			URL:    "https://www.cms.gov/regulations-and-guidance/guidance/manuals/downloads/clm104c04.pdf",
			Note:   "secondary: the code list, condition codes and types of bill are read from Medicare contractors' pages quoting the manual and CR 13222, not from the manual's table; the minutes are the codes' nominal times (G-codes 45 minutes or more, CPT 90832/90834/90837 30/45/60); group psychotherapy is G0410, not CPT 90853; Medicare hospital and CMHC lines carry the service's own revenue code, so revenue codes are not restricted here",
		},
	}
}
