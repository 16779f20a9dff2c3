package schedule

import (
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// ClaimLine is one line of a claim as billing exports list them: the
// patient, the claim and the line's number on it, the date of service, the
// revenue code, the HCPCS or CPT code with up to four modifiers, the
// units, the place of service, optionally the minutes of service, and the
// claim's type of bill and condition codes (repeated on each line of a
// claim, as flat exports do).
//
// How a line becomes service is the profile's rule ([ClaimRules]): a
// program code that is timed stands for Units × UnitMinutes; an untimed
// code is one service of unknown length (0 minutes unless Minutes says); a
// per diem is one program day of DayMinutes. Minutes, when given,
// overrides the time the code stands for. Each line is one service. A line
// whose code is not a program service, or is excluded, counts nothing; a
// line delivered by telehealth ([ClaimLine.Delivery]) counts only when the
// profile's counting rules count that delivery. Time that does not count
// is reported as uncounted time, like a session's.
//
// ClaimLine is a comparable value, safe for concurrent use. Build it with a
// composite literal, read it with a [ClaimReader] or decode it from JSON,
// and check it with [ClaimLine.Validate].
type ClaimLine struct {
	// Patient is the opaque record ID of the patient.
	Patient string `json:"patient"`
	// Claim is the opaque record ID of the claim.
	Claim string `json:"claim"`
	// Line is the line's number on the claim, from 1.
	Line int `json:"line"`
	// Date is the date of service.
	Date date.Date `json:"date"`
	// Revenue is the revenue code, four digits ("0905"); optional.
	Revenue string `json:"revenue,omitzero"`
	// Code is the HCPCS or CPT code ("G0410", "90834"); optional on a
	// line with a revenue code only.
	Code string `json:"code,omitzero"`
	// Modifiers are the code's modifiers ("95", "GT"), unused ones empty.
	Modifiers [4]string `json:"modifiers,omitzero"`
	// Units is the number of units billed, 1 or more.
	Units int `json:"units"`
	// PlaceOfService is the two-digit place of service of a professional
	// claim ("02", "10", "53"); optional.
	PlaceOfService string `json:"place_of_service,omitzero"`
	// Minutes is the time of service when the export gives it; zero
	// otherwise.
	Minutes iop.Minutes `json:"minutes,omitzero"`
	// BillType is the claim's type of bill ("0131", "131"); optional, for
	// institutional claims.
	BillType string `json:"bill_type,omitzero"`
	// ConditionCodes are the claim's condition codes ("92", "41"), unused
	// ones empty.
	ConditionCodes [4]string `json:"condition_codes,omitzero"`
	// Replaces is the record ID of the claim a replacement (type of bill
	// frequency 7) or void (8) replaces, when it is not the claim's own
	// ID (X12 837I REF*F8, the payer's claim control number); optional.
	Replaces string `json:"replaces,omitzero"`
	// Input is where the line was read: the line of its CSV row
	// ([ClaimReader]) or its 837I SV2 segment (package x12); zero when it
	// was not read from a file. The findings about the line or its claim
	// carry it ([iop.Finding.Input]); it is not checked, and plays no part
	// in the rules.
	Input iop.Input `json:"input,omitzero"`
}

// Delivery returns how the line's service was delivered, from its place of
// service and modifiers ([iop.DeliveryOf]).
func (l ClaimLine) Delivery() iop.Delivery {
	return iop.DeliveryOf(l.PlaceOfService, l.Modifiers[0], l.Modifiers[1], l.Modifiers[2], l.Modifiers[3])
}

// hasCondition reports whether the line carries condition code cc.
func (l *ClaimLine) hasCondition(cc string) bool {
	for _, c := range l.ConditionCodes {
		if c == cc {
			return true
		}
	}
	return false
}

// maxUnits bounds the units of a line: a day of one-minute units.
const maxUnits = minutesPerDay

// valid reports whether Validate finds nothing, without building errors.
func (l *ClaimLine) valid() bool {
	if !idOK(l.Patient) || !idOK(l.Claim) || l.Line < 1 || l.Line > maxClaimLine || !serviceDate(l.Date) ||
		(l.Revenue == "" && l.Code == "") || (l.Revenue != "" && !check.Alnum(l.Revenue, 4, true)) ||
		(l.Code != "" && !check.Alnum(l.Code, 5, false)) || l.Units < 1 || l.Units > maxUnits ||
		(l.PlaceOfService != "" && !check.Alnum(l.PlaceOfService, 2, true)) || l.Minutes < 0 || l.Minutes > minutesPerDay ||
		(l.BillType != "" && !check.Alnum(l.BillType, 3, true) && !check.Alnum(l.BillType, 4, true)) ||
		(l.Replaces != "" && !idOK(l.Replaces)) {
		return false
	}
	for i := range 4 {
		if (l.Modifiers[i] != "" && !check.Alnum(l.Modifiers[i], 2, false)) || (l.ConditionCodes[i] != "" && !check.Alnum(l.ConditionCodes[i], 2, false)) {
			return false
		}
	}
	return true
}

// Validate reports every problem with l as [iop.FieldErrors] naming each
// field by its JSON name: a patient or claim ID that is not a clean record
// ID ([iop.CheckID]); a line number below 1 or above 65535, units below 1
// or above 1440, minutes below 0 or above a day ([iop.ErrOutOfRange]); a
// date of service outside the plausible range ([iop.CheckServiceDate]);
// neither a code nor a revenue code ([iop.ErrMissing]); a revenue code not
// of 4 digits, a code not of 5 digits and upper-case letters, a modifier
// or condition code not of 2, a place of service not of 2 digits, a type
// of bill not of 3 or 4 digits ([iop.ErrSyntax]), a claim replaced that is
// not a clean record ID. It returns nil when l is valid. No message holds
// a value.
func (l ClaimLine) Validate() error {
	if l.valid() {
		return nil
	}
	var es iop.FieldErrors
	if err := checkID(l.Patient); err != nil {
		es.Add("patient", err)
	}
	if err := checkID(l.Claim); err != nil {
		es.Add("claim", err)
	}
	if l.Line < 1 || l.Line > maxClaimLine {
		es.Add("line", errLineRange)
	}
	if err := iop.CheckServiceDate(l.Date); err != nil {
		es.Add("date", err)
	}
	if l.Revenue == "" && l.Code == "" {
		es.Add("code", iop.ErrMissing)
	}
	if l.Revenue != "" && !check.Alnum(l.Revenue, 4, true) {
		es.Add("revenue", errRevenueSyntax)
	}
	if l.Code != "" && !check.Alnum(l.Code, 5, false) {
		es.Add("code", errCodeSyntax)
	}
	for i, m := range l.Modifiers {
		if m != "" && !check.Alnum(m, 2, false) {
			es.Add("modifiers["+strconv.Itoa(i)+"]", errTwoChars)
		}
	}
	if l.Units < 1 || l.Units > maxUnits {
		es.Add("units", errUnitsRange)
	}
	if l.PlaceOfService != "" && !check.Alnum(l.PlaceOfService, 2, true) {
		es.Add("place_of_service", errTwoDigits)
	}
	if l.Minutes < 0 || l.Minutes > minutesPerDay {
		es.Add("minutes", errMinutesRange)
	}
	if l.BillType != "" && !billTypeSyntax(l.BillType) {
		es.Add("bill_type", errBillTypeSyntax)
	}
	for i, c := range l.ConditionCodes {
		if c != "" && !check.Alnum(c, 2, false) {
			es.Add("condition_codes["+strconv.Itoa(i)+"]", errTwoChars)
		}
	}
	if l.Replaces != "" {
		if err := checkID(l.Replaces); err != nil {
			es.Add("replaces", err)
		}
	}
	return es.Err()
}

// UnmarshalJSON decodes l strictly ([iop.FieldErrors] naming each bad
// field); it does not validate. [ParseClaimLines] does both.
func (l *ClaimLine) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, l)
}

// claimRules is a profile's [ClaimRules] ready for the hot paths.
type claimRules struct {
	p     *ClaimRules
	codes map[string]int // the index of each program code; read-only
}

func newClaimRules(r *ClaimRules) claimRules {
	c := claimRules{p: r, codes: make(map[string]int, len(r.Codes))}
	for i, sc := range r.Codes {
		c.codes[sc.Code] = i
	}
	return c
}

// lineService is what a claim line stands for.
type lineService struct {
	minutes iop.Minutes
	kind    iop.ServiceKind
	program bool // the code is a program service
	counts  bool // its time counts: a program service, delivered in a way that counts
}

// service returns what valid line l stands for under the rules.
func (c *claimRules) service(l *ClaimLine, ct *counter) lineService {
	sv := lineService{minutes: l.Minutes}
	i, ok := c.codes[l.Code]
	if !ok || l.Code == "" || c.p.professional(l) {
		return sv // no program service; a professional service is billed apart
	}
	sc := &c.p.Codes[i]
	sv.kind, sv.program = sc.Kind, true
	if sv.minutes == 0 {
		switch {
		case sc.PerDiem:
			sv.minutes = sc.DayMinutes
		case sc.UnitMinutes > 0:
			sv.minutes = iop.Minutes(min(int64(l.Units)*int64(sc.UnitMinutes), minutesPerDay))
		}
	}
	d := l.Delivery()
	sv.counts = d <= iop.DeliveryInPerson || ct.tele.Has(d)
	return sv
}

// SummarizeClaims adds up one patient's claim lines of week w under ck's
// claim and counting rules, as [Checker.Summarize] adds up sessions: lines
// on days outside w are skipped; a line of the week that fails
// [ClaimLine.Validate], or belongs to another patient than the week's
// first, is an error ([iop.FieldErrors] naming "lines[3].units" and so
// on). The lines are read on their final answer (see
// [Checker.AppendClaims]): a replacement supersedes the claim it replaces
// on its days, a void removes it, and an exact repeat on another claim or
// line counts unless the profile counts repeats once; the lines of a
// claim of the other program (under IOP rules, condition code 92, a claim
// carrying 41, PHP, and not 92; under PHP rules the reverse) count
// nothing: their overlap is a claim finding ([CodeClaimIOPPHPOverlap]). A
// program line counts its time and one service on its day; a line given
// twice (the same claim and line number) counts once.
func (ck Checker) SummarizeClaims(w Week, lines []ClaimLine) (WeekSummary, error) {
	if ck.r == nil {
		return WeekSummary{}, check.ZeroChecker()
	}
	if !w.IsValid() {
		return WeekSummary{}, &iop.FieldError{Field: "week", Err: iop.ErrMissing}
	}
	sum := WeekSummary{Week: w}
	type item struct {
		key uint64
		sv  lineService
		i   int
	}
	var buf [smallWeek]item
	items := buf[:0]
	for i := range lines {
		l := &lines[i]
		d := uint64(l.Date - w.start)
		if d >= daysPerWeek {
			continue
		}
		if !l.valid() || (sum.Patient != "" && sum.Patient != l.Patient) {
			return WeekSummary{}, claimErrors(w, lines)
		}
		sum.Patient = l.Patient
	}
	var kb [smallWeek]bool
	keep := kb[:0]
	if len(lines) > smallWeek {
		keep = make([]bool, len(lines))
	} else {
		keep = kb[:len(lines)]
	}
	finalLines(lines, keep, ck.r.b.Claims.RepeatsOnce, ck.r.b.Claims.ConditionCode, false, nil)
	otherProgram(lines, keep, ck.r.b.Claims.ConditionCode)
	for i := range lines {
		l := &lines[i]
		d := uint64(l.Date - w.start)
		if d >= daysPerWeek || !keep[i] {
			continue
		}
		sv := ck.r.claims.service(l, &ck.r.count)
		items = append(items, item{claimKey(int(d), l.Line, sv.minutes, sv.kind, sv.counts), sv, i})
	}
	less := func(a, b item) int { return keyCmp(a.key, lines[a.i].Claim, b.key, lines[b.i].Claim) }
	sortItems(items, less)
	var a accumulator
	a.reset()
	for _, it := range items {
		a.add(&sum, it.key, it.sv.minutes, it.sv.minutes, lines[it.i].Claim, lines[it.i].Input)
	}
	return sum, nil
}

// sortItems sorts a few items by insertion, more with the standard sort.
func sortItems[T any](items []T, cmp func(a, b T) int) {
	if len(items) > smallWeek {
		sortFunc(items, cmp)
		return
	}
	for i := 1; i < len(items); i++ {
		for j := i; j > 0 && cmp(items[j], items[j-1]) < 0; j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// claimErrors returns the errors of the claim lines of week w.
func claimErrors(w Week, lines []ClaimLine) error {
	var es iop.FieldErrors
	patient := ""
	for i := range lines {
		l := &lines[i]
		if !w.Contains(l.Date) {
			continue
		}
		field := "lines[" + strconv.Itoa(i) + "]"
		if !l.valid() {
			es.Add(field, l.Validate())
			continue
		}
		switch {
		case patient == "":
			patient = l.Patient
		case l.Patient != patient:
			es.Add(field+".patient", errOtherPatient)
		}
	}
	return es.Err()
}

// CheckClaim checks the lines of one claim against ck's claim rules
// ([ClaimRules]) and returns every finding in rule order (nil when the
// claim complies), each with the claim's ID as Subject:
// [CodeClaimCodeExcluded] for lines with a code that must not be reported
// on a program claim (Ref the first such code, Day its date, Got the
// number of such lines); then, for a claim with at least one program line:
// [CodeClaimCodeNotProgram] for lines whose code is no program service,
// [CodeClaimRevenueCode] for program lines with a revenue code the rules do
// not allow, [CodeClaimConditionMissing] when no line carries the
// condition code the program needs, and [CodeClaimBillType] when the
// claim's type of bill is missing or not one the program allows. A claim
// without program lines is not a program claim, and only its excluded
// codes are reported. A claim of the other Medicare program (under IOP
// rules, condition code 92, a claim carrying 41, PHP, and not 92; under
// PHP rules the reverse) is not judged: its one finding is
// [CodeClaimOtherProgram] (information), whatever its lines hold. The services per day and the payment tier they
// reach are the week's ([Checker.SummarizeClaims], [Checker.CheckWeek]).
//
// It returns an error, and no findings, when a line fails
// [ClaimLine.Validate] or belongs to another claim or patient than the
// first ([iop.FieldErrors] naming "lines[3].claim"). It does not allocate
// when the claim complies.
func (ck Checker) CheckClaim(lines []ClaimLine) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendClaim(buf[:0], lines))
}

// AppendClaim is [Checker.CheckClaim] that appends the findings to dst;
// on error it returns dst unchanged.
func (ck Checker) AppendClaim(dst iop.Findings, lines []ClaimLine) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	for i := range lines {
		l := &lines[i]
		if !l.valid() || l.Claim != lines[0].Claim || l.Patient != lines[0].Patient {
			return dst, claimLineErrors(lines, 0)
		}
	}
	if err := ck.r.judgeClaim(lines); err != nil {
		return dst, err
	}
	return ck.r.claim(dst, lines), nil
}

// CheckClaims is [Checker.AppendClaims] into a new slice.
func (ck Checker) CheckClaims(lines []ClaimLine) (iop.Findings, error) {
	return ck.AppendClaims(nil, lines)
}

// AppendClaims checks every claim of an export, whose lines come grouped
// by claim (each run of lines with the same claim ID and type of bill is
// one claim: a replacement under the claim's own ID is a claim of its
// own), into dst, claim after claim, on the final answer of the export: a
// replacement (type of bill frequency 7) supersedes the claim it replaces
// on its days and a void (8) removes it ([CodeClaimReplaced],
// [CodeClaimVoided]; the claims superseded are not checked), an exact
// repeat of a line is reported naming both lines
// ([CodeClaimLineRepeated]), and an IOP claim (92) overlapping a PHP claim
// (41) of the patient is reported ([CodeClaimIOPPHPOverlap]), each after
// the findings of the claim it concerns. It is all or nothing: a line that fails
// [ClaimLine.Validate] or has another patient than its claim's first line
// is an error, and then it returns dst unchanged with every such error
// ([iop.FieldErrors] naming "lines[i]...").
func (ck Checker) AppendClaims(dst iop.Findings, lines []ClaimLine) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	var es iop.FieldErrors
	for i := 0; i < len(lines); {
		j := i + 1
		for j < len(lines) && lines[j].Claim == lines[i].Claim {
			j++
		}
		claim := lines[i:j]
		ok := true
		for k := range claim {
			ok = ok && claim[k].valid() && claim[k].Patient == claim[0].Patient
		}
		if !ok {
			es = append(es, claimLineErrors(claim, i).(iop.FieldErrors)...)
		} else if err := ck.r.judgeClaim(claim); err != nil {
			es.Add("lines["+strconv.Itoa(i)+"]", err)
		}
		i = j
	}
	if len(es) > 0 {
		return dst, es
	}
	// The final answer: replacements, voids, repeats and IOP/PHP overlaps.
	// Each submission (a run of one claim ID and type of bill) that keeps
	// a line is checked, then the events about its lines are reported.
	r := ck.r
	keep := make([]bool, len(lines))
	cc := r.b.Claims.ConditionCode
	events := finalLines(lines, keep, r.b.Claims.RepeatsOnce, cc, otherCondition(cc) != "", nil)
	slices.SortStableFunc(events, func(a, b claimEvent) int { return a.line - b.line })
	e := 0
	for _, run := range runsOf(nil, lines) {
		if slices.Contains(keep[run.from:run.to], true) {
			dst = r.claim(dst, lines[run.from:run.to])
		}
		for ; e < len(events) && events[e].line < run.to; e++ {
			i, f := events[e].finding(lines)
			dst = r.rules.Add(dst, i, f)
		}
	}
	return dst, nil
}

// claimLineErrors returns the errors of the lines of one claim, numbered
// from offset.
func claimLineErrors(lines []ClaimLine, offset int) error {
	var es iop.FieldErrors
	for i := range lines {
		l := &lines[i]
		field := "lines[" + strconv.Itoa(offset+i) + "]"
		switch {
		case !l.valid():
			es.Add(field, l.Validate())
		case l.Claim != lines[0].Claim:
			es.Add(field+".claim", errOtherClaim)
		case l.Patient != lines[0].Patient:
			es.Add(field+".patient", errOtherPatient)
		}
	}
	return es.Err()
}

// claim applies the claim rules to the valid lines of one claim.
func (r *checker) claim(fs iop.Findings, lines []ClaimLine) iop.Findings {
	if len(lines) == 0 {
		return fs
	}
	p := &r.b.Claims
	id := lines[0].Claim
	if cc := ofOtherProgram(lines, p.ConditionCode); cc != "" {
		// Another program's claim: not judged under this profile.
		return r.rules.Add(fs, ruleClaimOtherProgram, iop.Finding{Subject: id, Day: lines[0].Date, Ref: cc, Input: lines[0].Input})
	}
	var excluded, notProgram, revenue int64
	var excludedDay, notProgramDay, revenueDay date.Date
	var excludedIn, notProgramIn, revenueIn iop.Input // where the first such line was read
	excludedCode, billType := "", ""
	program, condition := false, p.ConditionCode == ""
	for i := range lines {
		l := &lines[i]
		if billType == "" {
			billType = l.BillType
		}
		if !condition && l.hasCondition(p.ConditionCode) {
			condition = true
		}
		_, isProgram := r.claims.codes[l.Code]
		isProgram = isProgram && l.Code != "" && !p.professional(l)
		switch {
		case isProgram:
			program = true
			if !p.RevenueAllowed(l.Revenue) && l.Revenue != "" {
				if revenue++; revenue == 1 {
					revenueDay, revenueIn = l.Date, l.Input
				}
			}
		case l.Code != "" && p.IsExcluded(l.Code):
			if excluded++; excluded == 1 {
				excludedDay, excludedIn = l.Date, l.Input
				for _, c := range p.Excluded { // the profile's own string, not the input's
					if c == l.Code {
						excludedCode = c
					}
				}
			}
		case l.Code != "":
			if notProgram++; notProgram == 1 {
				notProgramDay, notProgramIn = l.Date, l.Input
			}
		}
	}
	if excluded > 0 {
		fs = r.rules.Add(fs, ruleClaimCodeExcluded, iop.Finding{Subject: id, Day: excludedDay, Ref: excludedCode,
			Got: excluded, Unit: iop.UnitCount, Input: excludedIn})
	}
	if !program {
		return fs
	}
	if notProgram > 0 {
		fs = r.rules.Add(fs, ruleClaimCodeNotProgram, iop.Finding{Subject: id, Day: notProgramDay, Got: notProgram,
			Unit: iop.UnitCount, Input: notProgramIn})
	}
	if revenue > 0 {
		fs = r.rules.Add(fs, ruleClaimRevenueCode, iop.Finding{Subject: id, Day: revenueDay, Got: revenue,
			Unit: iop.UnitCount, Input: revenueIn})
	}
	// A professional claim the rules take as program services (an OTP's,
	// at place of service 58) carries neither a condition code nor a type
	// of bill: those are the institutional claim's.
	professional := billType == "" && lines[0].PlaceOfService != "" && p.InstitutionalOnly
	// A claim on a setting's type of bill is the setting's (an RHC's 71x,
	// an OTP's 87x): its type of bill carries the program, and an OTP's
	// carries no condition code.
	sc := p.setting(billType, func(cc string) bool {
		for i := range lines {
			if lines[i].hasCondition(cc) {
				return true
			}
		}
		return false
	})
	if !condition && !professional && (sc == nil || !sc.NoCondition) {
		fs = r.rules.Add(fs, ruleClaimConditionMissing, iop.Finding{Subject: id, Ref: p.ConditionCode, Input: lines[0].Input})
	}
	switch {
	case len(p.BillTypes) == 0 || professional || sc != nil:
	case billType != "" && !p.BillTypeAllowed(billType) && p.BillTypeContested(billType):
		fs = r.rules.Add(fs, ruleClaimBillTypeContested, iop.Finding{Subject: id, Ref: billType, Input: lines[0].Input})
	case billType == "" || !p.BillTypeAllowed(billType):
		fs = r.rules.Add(fs, ruleClaimBillType, iop.Finding{Subject: id, Input: lines[0].Input})
	}
	if sc != nil {
		fs = r.settingClaim(fs, sc, lines)
	}
	return fs
}

// isProgram reports whether valid line l is a program service.
func (r *checker) isProgram(l *ClaimLine) bool {
	_, ok := r.claims.codes[l.Code]
	return ok && l.Code != "" && !r.b.Claims.professional(l)
}

// settingClaim applies the rules of a provider setting (sc) to the valid
// lines of one of its claims: the revenue code of its program lines, then
// for each day of service, in the order of the lines, the modifier one
// program line carries, then the codes of which the day needs one. It
// does not allocate beyond the growth of fs.
func (r *checker) settingClaim(fs iop.Findings, sc *SettingClaims, lines []ClaimLine) iop.Findings {
	id := lines[0].Claim
	if sc.Revenue != "" {
		var n int64
		var day date.Date
		var in iop.Input
		for i := range lines {
			if l := &lines[i]; r.isProgram(l) && l.Revenue != sc.Revenue {
				if n++; n == 1 {
					day, in = l.Date, l.Input
				}
			}
		}
		if n > 0 {
			fs = r.rules.Add(fs, ruleClaimSettingRevenue, iop.Finding{Subject: id, Day: day, Ref: sc.Revenue, Got: n,
				Unit: iop.UnitCount, Input: in})
		}
	}
	// firstOfDay reports whether line i is the first program line of its
	// day; has whether a program line of that day passes ok.
	firstOfDay := func(i int) bool {
		if !r.isProgram(&lines[i]) {
			return false
		}
		for j := range i {
			if lines[j].Date == lines[i].Date && r.isProgram(&lines[j]) {
				return false
			}
		}
		return true
	}
	has := func(i int, ok func(*ClaimLine) bool) bool {
		for j := i; j < len(lines); j++ {
			if l := &lines[j]; l.Date == lines[i].Date && r.isProgram(l) && ok(l) {
				return true
			}
		}
		return false
	}
	if m := sc.DayModifier; m != "" {
		for i := range lines {
			if firstOfDay(i) && !has(i, func(l *ClaimLine) bool { return slices.Contains(l.Modifiers[:], m) }) {
				fs = r.rules.Add(fs, ruleClaimDayModifierMissing, iop.Finding{Subject: id, Day: lines[i].Date, Ref: m, Input: lines[i].Input})
			}
		}
	}
	if len(sc.DayCodes) > 0 {
		for i := range lines {
			if firstOfDay(i) && !has(i, func(l *ClaimLine) bool { return slices.Contains(sc.DayCodes, l.Code) }) {
				fs = r.rules.Add(fs, ruleClaimDayCodeMissing, iop.Finding{Subject: id, Day: lines[i].Date, Input: lines[i].Input})
			}
		}
	}
	return fs
}

// judgeClaim returns the error of a claim whose first day of service falls
// outside the profile's force: a claim is judged whole by the profile in
// force on its first line's day.
func (ck *checker) judgeClaim(lines []ClaimLine) error {
	if len(lines) == 0 {
		return nil
	}
	first := lines[0].Date
	for i := range lines {
		first = min(first, lines[i].Date)
	}
	return ck.p.JudgeOn(first)
}

// billTypeSyntax reports whether s is a type of bill: 3 characters, or 4
// with the leading zero, all digits but the last, the frequency code, which
// may also be an upper-case letter (the NUBC type of bill is alphanumeric:
// Medicare's frequency Q, for example). The CSV's bill_type and an 837I's
// CLM05 are held to the same syntax.
func billTypeSyntax(s string) bool {
	if len(s) != 3 && len(s) != 4 {
		return false
	}
	last := s[len(s)-1]
	return check.Alnum(s[:len(s)-1], len(s)-1, true) && (last >= '0' && last <= '9' || last >= 'A' && last <= 'Z')
}
