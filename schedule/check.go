package schedule

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Checker applies one rule profile to weeks of sessions: its weekly band,
// per-day rules, partial-week and step-down rules, payment tiers,
// certification intervals, and its counting rules to say which sessions
// count: the parameters of the profile's [Benefit] part. A profile without
// one checks no hours and counts no session. Make one with [NewChecker]; it is an
// immutable value, cheap to copy and safe for concurrent use. The zero
// Checker is not usable: its methods return an error (the zero Checker's
// [Checker.Days] only adds up the minutes).
type Checker struct{ r *checker }

type checker struct {
	p       iop.Profile
	b       Benefit // the profile's schedule part; zero without one
	rules   check.Rules
	cite    [len(rules)]iop.Citation // the profile's citation of each rule's group; zero for the table's
	weekly  bool                     // the profile sets weekly hours
	daily   bool                     // the profile sets per-day rules
	minTier uint16                   // the services the lowest payment tier needs; 0 without tiers
	count   counter                  // the profile's counting rules
	claims  claimRules               // the profile's claim rules
}

// NewChecker returns a Checker for profile p, after validating it
// ([iop.Profile.Validate], which checks the codes of its rule settings
// once for every checker: "rules[2].code"). The parameters are those of p's
// [Benefit]; without one the Checker applies no parameterised rule. The
// profile is copied: later changes to p do not reach the Checker. To
// choose the profile, and with it the counting rules, in force on a date,
// use [iop.Profiles.AsOf].
func NewChecker(p iop.Profile) (Checker, error) {
	if err := p.Validate(); err != nil {
		return Checker{}, err
	}
	r := &checker{p: p.Clone()}
	rs := check.New(rules[:], &r.p)
	rs.Tie(rulePartialWeekNotJudged, ruleWeeklyBelowMinimum)
	rs.Tie(ruleCertContentNotJudged, ruleCertContentMissing)
	rs.Tie(rulePlanNotJudged, rulePlanElementMissing)
	r.rules = rs
	if b, ok := iop.PartOf[Benefit](&r.p); ok {
		// The checker's own copy: a caller that changes a slice of its
		// part afterwards does not change the checker.
		r.b = b.clone()
		r.p = r.p.WithPart(r.b)
	}
	q := &r.b
	r.count = newCounter(&q.Counting)
	r.claims = newClaimRules(&q.Claims)
	r.weekly = q.Weekly.Adult != (iop.Band{}) || q.Weekly.Adolescent != (iop.Band{})
	r.daily = q.Daily.MinDays > 0 || q.Daily.MinDayMinutes > 0
	if len(q.ServiceTiers.Tiers) > 0 {
		r.minTier = uint16(min(q.ServiceTiers.Tiers[0].MinServices, math.MaxUint16))
	}
	for i, c := range [len(rules)]iop.Citation{
		rulePopulationNotServed:     q.Weekly.Cite,
		rulePartialWeek:             q.PartialWeeks.Cite,
		ruleWeeklyBelowMinimum:      q.Weekly.Cite,
		ruleStepDownAllowance:       q.StepDown.Cite,
		ruleWeeklyAboveMaximum:      q.Weekly.Cite,
		ruleShortDay:                q.Daily.Cite,
		ruleTooFewDays:              q.Daily.Cite,
		ruleBelowTier:               q.ServiceTiers.Cite,
		ruleUncountedTime:           q.Counting.Cite,
		ruleMissedTime:              q.Counting.Cite,
		ruleCertificationMissing:    q.Certification.Cite,
		ruleCertificationDue:        q.Certification.Cite,
		rulePlanReviewOverdue:       q.Certification.Cite,
		ruleClaimOtherProgram:       q.Claims.Cite,
		ruleClaimCodeExcluded:       q.Claims.Cite,
		ruleClaimCodeNotProgram:     q.Claims.Cite,
		ruleClaimRevenueCode:        q.Claims.Cite,
		ruleClaimConditionMissing:   q.Claims.Cite,
		ruleClaimBillType:           q.Claims.Cite,
		ruleClaimBillTypeContested:  q.Claims.Cite,
		ruleWeeklyAddOnBelow:        q.ServiceTiers.AddOn.Cite,
		ruleCertContentNotJudged:    q.Certification.Content.Cite,
		ruleCertContentMissing:      q.Certification.Content.Cite,
		rulePlanNotJudged:           q.Certification.Plan.Cite,
		rulePlanElementMissing:      q.Certification.Plan.Cite,
		rulePlanAuthor:              q.Certification.Plan.Cite,
		rulePlanAfterService:        q.Certification.Plan.Cite,
		ruleClaimSettingRevenue:     q.Claims.settingCite(func(s *SettingClaims) bool { return s.Revenue != "" }),
		ruleClaimDayModifierMissing: q.Claims.settingCite(func(s *SettingClaims) bool { return s.DayModifier != "" }),
		ruleClaimDayCodeMissing:     q.Claims.settingCite(func(s *SettingClaims) bool { return len(s.DayCodes) > 0 }),
	} {
		r.cite[i] = c
	}
	return Checker{r}, nil
}

// IsZero reports whether ck was not made by [NewChecker].
func (ck Checker) IsZero() bool { return ck.r == nil }

// Profile returns a copy of the profile ck applies; the zero Profile for
// the zero Checker.
func (ck Checker) Profile() iop.Profile {
	if ck.r == nil {
		return iop.Profile{}
	}
	if _, ok := iop.PartOf[Benefit](&ck.r.p); ok {
		return ck.r.p.WithPart(ck.r.b.clone())
	}
	return ck.r.p.Clone()
}

// Rules returns the rule table as ck's profile applies it: each rule with
// the profile's severity (zero for a rule the profile turns off) and the
// citation of the profile's own parameters for the rule when it has them,
// the rule's general source otherwise. It gives ck's findings their words
// ([iop.RuleTable.Message]). The zero Checker's table is [Rules].
func (ck Checker) Rules() iop.RuleTable {
	if ck.r == nil {
		return Rules()
	}
	return ck.r.rules.Table(ck.r.cite[:])
}

// add appends the finding of rule i about subject (and day, when it
// concerns one) with its figures and the profile's citation of the rule's
// group. The finding is built in place, in the call to check.Rules.Add, so
// that it is copied as little as possible.
func (r *checker) add(dst iop.Findings, i int, subject string, day date.Date, need, got int64, unit iop.Unit) iop.Findings {
	return r.rules.Add(dst, i, iop.Finding{Subject: subject, Day: day, Need: need, Got: got, Unit: unit})
}

// Summarize adds up one patient's sessions of week w under ck's counting
// rules, in the canonical order (see the package documentation): a session
// repeated counts once, overlapping time counts once, telehealth counts as
// the profile says. Sessions on days outside w are skipped, but a session
// of the week whose ID the patient has on a session before w (in
// sessions) is a duplicate: a session recorded in two weeks counts in the
// earlier one only. A session of
// the week that fails [Session.Validate], or belongs to another patient
// than the week's first, is an error: [iop.FieldErrors] naming every such
// session and field ("sessions[3].minutes", "sessions[5].patient"), and
// the zero summary. Patient is that of the first session of the week,
// empty when there is none. It does not allocate when the sessions are
// valid and either come in canonical order (as a day's schedule lists
// them: by day and start) with no session ID repeated and no session
// with an ID before w, or are at most 32 in the week with at most 8
// session IDs.
func (ck Checker) Summarize(w Week, sessions []Session) (WeekSummary, error) {
	if ck.r == nil {
		return WeekSummary{}, check.ZeroChecker()
	}
	if !w.IsValid() {
		return WeekSummary{}, &iop.FieldError{Field: "week", Err: iop.ErrMissing}
	}
	// Sessions that come in canonical order (see count.go), as a day's
	// schedule lists them, are added as they come, in one pass; others are
	// ordered first.
	var sum WeekSummary
	c := &ck.r.count
	if c.summarizeSimple(&sum, w, sessions) {
		return sum, nil
	}
	sum = WeekSummary{}
	switch c.summarizeOrdered(&sum, w, sessions) {
	case orderedDone:
		return sum, nil
	case orderedInvalid:
		return WeekSummary{}, sessionErrors(w, sessions)
	}
	return ck.r.summarizeUnordered(w, sessions)
}

// summarizeUnordered is Summarize for sessions that do not come in
// canonical order, or that repeat a session ID: it checks every session of
// the week, then orders their keys, and indices, and adds them up.
func (r *checker) summarizeUnordered(w Week, sessions []Session) (WeekSummary, error) {
	sum := WeekSummary{Week: w}
	c := &r.count
	var keyBuf [smallWeek]uint64
	var idxBuf [smallWeek]int32
	keys, idx := keyBuf[:0], idxBuf[:0]
	for i := range sessions {
		s := &sessions[i]
		d := uint64(s.Date - w.start)
		if d >= daysPerWeek {
			continue
		}
		m, ok := s.check(c.valid)
		switch {
		case !ok:
		case sum.Patient == "":
			ok = s.idsOK()
		default:
			ok = s.Patient == sum.Patient && (s.ID == "" || idOK(s.ID))
		}
		if !ok {
			return WeekSummary{}, sessionErrors(w, sessions)
		}
		sum.Patient = s.Patient
		keys, idx = append(keys, sessionKey(s, int(d), m, c.counts(s))), append(idx, int32(i))
	}
	sortKeys(keys, idx, sessions)
	var a accumulator
	a.reset()
	a.t.minService = r.count.minService
	if sum.Patient != "" {
		for i := range sessions {
			s := &sessions[i]
			if s.Date >= w.start || s.ID == "" || s.Patient != sum.Patient {
				continue
			}
			if _, ok := s.check(c.valid); ok && idOK(s.ID) {
				if a.prior == nil {
					a.prior = new(priorIDs)
				}
				a.prior.add(s.ID)
			}
		}
	}
	for j, k := range keys {
		s := &sessions[idx[j]]
		a.add(&sum, k, s.Planned, s.AttendedMinutes(), s.ID, s.Input)
	}
	return sum, nil
}

// smallWeek is the number of sessions of a week [Checker.Summarize] orders
// without allocating.
const smallWeek = 32

// sortKeys sorts keys, and idx with them, into canonical order.
func sortKeys(keys []uint64, idx []int32, sessions []Session) {
	if len(keys) <= smallWeek {
		for i := 1; i < len(keys); i++ {
			for j := i; j > 0 && keyLess(keys[j], sessions[idx[j]].ID, keys[j-1], sessions[idx[j-1]].ID); j-- {
				keys[j], keys[j-1] = keys[j-1], keys[j]
				idx[j], idx[j-1] = idx[j-1], idx[j]
			}
		}
		return
	}
	type pair struct {
		k uint64
		i int32
	}
	ps := make([]pair, len(keys))
	for j := range keys {
		ps[j] = pair{keys[j], idx[j]}
	}
	slices.SortFunc(ps, func(a, b pair) int { return keyCmp(a.k, sessions[a.i].ID, b.k, sessions[b.i].ID) })
	for j, p := range ps {
		keys[j], idx[j] = p.k, p.i
	}
}

// sessionErrors returns the errors of the sessions of week w.
func sessionErrors(w Week, sessions []Session) error {
	var es iop.FieldErrors
	patient := ""
	for i := range sessions {
		s := &sessions[i]
		if !w.Contains(s.Date) {
			continue
		}
		field := "sessions[" + strconv.Itoa(i) + "]"
		if !s.valid() {
			es.Add(field, s.Validate())
			continue
		}
		switch {
		case patient == "":
			patient = s.Patient
		case s.Patient != patient:
			es.Add(field+".patient", errOtherPatient)
		}
	}
	return es.Err()
}

// CheckWeek checks a week's summary against ck's profile, for a patient in
// episode e, and returns every finding in rule order (nil when every rule
// is met): sessions repeated or overlapping (counted once); service outside
// the episode (not counted); for a profile with
// weekly hours, a population it does not serve, the partial-week
// adjustment, the weekly minimum (or the step-down allowance) and maximum,
// judged by [iop.Band.Compare]; for a profile with per-day rules, each day
// short of a service day and the number of service days; for a profile
// with payment tiers, each day below the lowest tier; then time that did
// not count and time missed. Rule groups the profile leaves zero are not
// applied, nor rules its settings turn off.
//
// It returns an error, and no findings, when e is not valid or s has no
// week or negative figures: [iop.FieldErrors] naming "episode.population",
// "summary.week" and so on; a nil s is "summary" missing. A week is
// judged only when ck's profile is in force on its first day of service,
// the first day with time or services that count (DayMinutes,
// DayServices above zero) or the week's first day when nothing counts;
// otherwise the error is an [*iop.ProfileError] wrapping
// [iop.ErrNotInForce] (a [FamilySummarizer] chooses each week's profile by
// that day). It does not allocate when the week complies. The summary is passed by pointer, as
// every record larger than 128 bytes is, and is not changed.
func (ck Checker) CheckWeek(s *WeekSummary, e Stay) (iop.Findings, error) {
	var buf [check.OnceCap]iop.Finding
	return check.Own(ck.AppendWeek(buf[:0], s, e))
}

// AppendWeek is [Checker.CheckWeek] that appends the findings to dst and
// returns the extended slice; on error it returns dst unchanged. It
// allocates only when dst must grow.
func (ck Checker) AppendWeek(dst iop.Findings, s *WeekSummary, e Stay) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	if s == nil {
		return dst, &iop.FieldError{Field: "summary", Err: iop.ErrMissing}
	}
	if !e.valid() || !s.valid() {
		return dst, weekErrors(s, &e)
	}
	if err := ck.r.p.JudgeOn(s.judgedDay()); err != nil {
		return dst, err
	}
	return ck.r.week(dst, s, &e), nil
}

// CheckWeeks is [Checker.AppendWeeks] into a new slice.
func (ck Checker) CheckWeeks(sums []WeekSummary, episode func(patient string, w Week) Stay) (iop.Findings, error) {
	return ck.AppendWeeks(nil, sums, episode)
}

// AppendWeeks checks many patient-weeks, as a [Summarizer] returns them,
// appending every finding to dst in the order of sums: a billing job's loop
// that reuses one findings slice from batch to batch. episode returns the
// episode of a patient in a week (a patient may have had several), and is
// called once per summary. It is all or nothing: when a summary or an
// episode is not valid, it returns dst unchanged and every such error, as
// [iop.FieldErrors] naming "sums[i].episode.admitted" and so on. It
// allocates only when dst must grow, and for errors.
func (ck Checker) AppendWeeks(dst iop.Findings, sums []WeekSummary, episode func(patient string, w Week) Stay) (iop.Findings, error) {
	if ck.r == nil {
		return dst, check.ZeroChecker()
	}
	orig := dst
	var es iop.FieldErrors
	for i := range sums {
		s := &sums[i]
		e := episode(s.Patient, s.Week)
		if !e.valid() || !s.valid() {
			es.Add("sums["+strconv.Itoa(i)+"]", weekErrors(s, &e))
			continue
		}
		if err := ck.r.p.JudgeOn(s.judgedDay()); err != nil {
			es.Add("sums["+strconv.Itoa(i)+"]", err)
			continue
		}
		if len(es) == 0 {
			dst = ck.r.week(dst, s, &e)
		}
	}
	if len(es) > 0 {
		return orig, es
	}
	return dst, nil
}

// weekErrors returns the errors of a week's check.
func weekErrors(s *WeekSummary, e *Stay) error {
	var es iop.FieldErrors
	if !e.valid() {
		es.Add("episode", e.Validate())
	}
	if !s.valid() {
		var ss iop.FieldErrors
		s.validate(&ss)
		es.Add("summary", ss.Err())
	}
	return es.Err()
}

// week applies the weekly rules, in rule order.
func (r *checker) week(fs iop.Findings, s *WeekSummary, e *Stay) iop.Findings {
	// Keep the days in the episode only.
	day := s.DayMinutes
	services := s.DayServices
	lo, hi := int64(e.Admitted-s.Week.start), int64(daysPerWeek-1)
	if e.Discharged != date.Zero {
		hi = min(hi, int64(e.Discharged-s.Week.start))
	}
	if s.Duplicates.Sessions > 0 {
		fs = r.rules.Add(fs, ruleSessionDuplicate, iop.Finding{Subject: cmp.Or(s.Duplicates.First, s.Patient),
			Got: int64(s.Duplicates.Minutes), Unit: iop.UnitMinutes, Input: s.Duplicates.Input})
	}
	if s.Overlaps.Sessions > 0 {
		fs = r.rules.Add(fs, ruleSessionOverlap, iop.Finding{Subject: cmp.Or(s.Overlaps.First, s.Patient), Ref: s.Overlaps.With,
			Got: int64(s.Overlaps.Minutes), Unit: iop.UnitMinutes, Input: s.Overlaps.Input})
	}
	var counted, outside int64
	for i := range int64(daysPerWeek) {
		if i >= lo && i <= hi {
			counted += int64(day[i])
			continue
		}
		outside += int64(day[i])
		day[i], services[i] = 0, 0
	}
	if outside > 0 {
		fs = r.add(fs, ruleServiceOutsideEpisode, s.Patient, 0, counted+outside, counted, iop.UnitMinutes)
	}
	sh := shapeOf(s.Week, e)
	if sh.days > 0 {
		fs = r.weekRules(fs, s, e, sh, iop.Minutes(min(counted, math.MaxInt32)), &day, &services)
	}
	if s.UncountedMinutes > 0 {
		fs = r.add(fs, ruleUncountedTime, s.Patient, 0, 0, int64(s.UncountedMinutes), iop.UnitMinutes)
	}
	if s.MissedMinutes > 0 {
		fs = r.add(fs, ruleMissedTime, s.Patient, 0, int64(s.Minutes)+int64(s.MissedMinutes), int64(s.Minutes), iop.UnitMinutes)
	}
	return fs
}

// weekRules applies the rules of weekly hours, service days and payment
// tiers to a week with days in the episode.
func (r *checker) weekRules(fs iop.Findings, s *WeekSummary, e *Stay, sh weekShape, counted iop.Minutes,
	day *[daysPerWeek]iop.Minutes, services *[daysPerWeek]uint16) iop.Findings {
	p := &r.b
	// Weekly hours: the band, adjusted for a partial week.
	var band iop.Band
	served := false
	if r.weekly {
		band = p.Weekly.For(e.Population)
		served = band != (iop.Band{})
		if !served {
			fs = r.add(fs, rulePopulationNotServed, s.Patient, 0, 0, 0, 0)
		}
	}
	need := band.Min
	if served && sh.partial() {
		need = partialMin(&p.PartialWeeks, band.Min, sh)
	}
	// Service days.
	serviceDays, needDays := 0, p.Daily.MinDays
	if r.daily {
		for _, m := range day {
			if m > 0 && m >= p.Daily.MinDayMinutes {
				serviceDays++
			}
		}
		if needDays > 0 && sh.partial() {
			needDays = partialMin(&p.PartialWeeks, p.Daily.MinDays, sh)
		}
	}
	if served && need != band.Min && !(e.AdmissionAssumed && sh.first) {
		fs = r.add(fs, rulePartialWeek, s.Patient, 0, int64(need), int64(counted), iop.UnitMinutes)
	}
	if needDays != p.Daily.MinDays {
		fs = r.add(fs, rulePartialWeek, s.Patient, 0, int64(needDays), int64(serviceDays), iop.UnitDays)
	}
	judged := 0
	if served {
		judged = iop.Band{Min: need, Max: band.Max}.Compare(counted)
	}
	if served && judged < 0 && e.AdmissionAssumed && sh.first && r.rules.On(ruleWeeklyBelowMinimum) {
		// The admission is assumed: the minimum of this first week is
		// not known. Not judged, at the force of the rule not applied
		// (the rule tables tie the two: NewChecker).
		fs = r.rules.Add(fs, rulePartialWeekNotJudged, iop.Finding{Subject: s.Patient, Ref: "admission",
			Got: int64(counted), Unit: iop.UnitMinutes})
		judged = 0
	}
	fewDays := serviceDays < needDays
	stepDown := (judged < 0 || fewDays) && r.stepDown(s.Week, e)
	if judged < 0 && !stepDown {
		fs = r.add(fs, ruleWeeklyBelowMinimum, s.Patient, 0, int64(need), int64(counted), iop.UnitMinutes)
	}
	if stepDown && judged < 0 {
		fs = r.add(fs, ruleStepDownAllowance, s.Patient, 0, int64(need), int64(counted), iop.UnitMinutes)
	}
	if stepDown && fewDays {
		fs = r.add(fs, ruleStepDownAllowance, s.Patient, 0, int64(needDays), int64(serviceDays), iop.UnitDays)
	}
	if judged > 0 {
		fs = r.rules.Add(fs, ruleWeeklyAboveMaximum, iop.Finding{Subject: s.Patient, Level: p.Weekly.Above,
			Need: int64(band.Max), Got: int64(counted), Unit: iop.UnitMinutes})
	}
	if r.daily && p.Daily.MinDayMinutes > 0 {
		for i, m := range day {
			if m > 0 && m < p.Daily.MinDayMinutes {
				fs = r.add(fs, ruleShortDay, s.Patient, s.Week.Day(i), int64(p.Daily.MinDayMinutes), int64(m), iop.UnitMinutes)
			}
		}
	}
	if fewDays && !stepDown {
		fs = r.add(fs, ruleTooFewDays, s.Patient, 0, int64(needDays), int64(serviceDays), iop.UnitDays)
	}
	if r.minTier > 0 {
		fs = r.belowTier(fs, s, e.Setting, services)
	}
	if a := &r.b.ServiceTiers.AddOn; a.MinServices > 0 && a.Settings.Has(e.Setting) {
		n := 0
		for _, k := range services {
			n += int(k)
		}
		if n < a.MinServices {
			fs = r.rules.Add(fs, ruleWeeklyAddOnBelow, iop.Finding{Subject: s.Patient, Ref: a.Code,
				Need: int64(a.MinServices), Got: int64(n), Unit: iop.UnitCount})
		}
	}
	return fs
}

// belowTier reports each day with services below the lowest payment tier:
// one finding a day, never one for the week. Its force is that of the
// setting's short-day row (a hospital's services are paid one by one: a
// warning; a CMHC's day goes unpaid: blocking; an OTP has no daily tier:
// nothing), the rule's own when no row names the setting; Ref says what
// the day gets instead ([DayPay]).
func (r *checker) belowTier(fs iop.Findings, s *WeekSummary, setting iop.Provider, services *[daysPerWeek]uint16) iop.Findings {
	tiers := &r.b.ServiceTiers
	row, hasRow := shortDayFor(tiers.ShortDays, setting)
	if hasRow && row.Severity == 0 {
		return fs
	}
	ref := ""
	if len(tiers.ShortDays) > 0 {
		ref = dayPay(tiers, false, setting).String()
	}
	for i, n := range services {
		if n == 0 || n >= r.minTier {
			continue
		}
		k := len(fs)
		fs = r.rules.Add(fs, ruleBelowTier, iop.Finding{Subject: s.Patient, Day: s.Week.Day(i), Ref: ref,
			Need: int64(r.minTier), Got: int64(n), Unit: iop.UnitCount})
		if hasRow && len(fs) > k {
			fs[k].Severity = row.Severity
		}
	}
	return fs
}
