package schedule

import (
	"errors"
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// FamilyWeek is one patient-week of a [FamilySummarizer]: its summary,
// added up by the profile of the family in force on the week's first day
// of service, and that profile's index in the family, whose checker
// judges the summary; Profile is -1, and Err says why (wrapping
// [iop.ErrNoProfile] or [iop.ErrAmbiguousProfile]), when no single
// profile of the family is in force then: the summary then has only the
// patient and week.
type FamilyWeek struct {
	Summary WeekSummary
	Profile int
	Err     error
}

// FamilySummarizer is the batch path for a family of profiles dated by
// year (Medicare IOP 2024, 2025, 2026): each patient-week is added up and
// checked by the family's profile in force on its first day of service,
// so that a week that starts in one year and ends in the next follows the
// rules of the year its services began in. The first day of service is
// the one [Checker.CheckWeek] judges a week by: its first day with time or
// services that count ([WeekSummary.DayMinutes], [WeekSummary.DayServices]),
// or the week's first day when nothing counts. What counts is the
// profile's to say (Medicare counts no video session), so the week is
// first added up by the profile in force on its first day with a session
// attended or a claim line (the week's first day when none), and added up
// again by another profile when that one's count moves the day out of its
// force; a week that each profile's count would move into the other's
// force is governed by none ([iop.ErrAmbiguousProfile]). Like a
// [Summarizer] it holds scratch memory and is not safe for concurrent
// use.
type FamilySummarizer struct {
	family   iop.Profiles
	checkers []Checker
	sums     []*Summarizer
	weeks    Weeks
	weeksFor func(patient string) Weeks

	// Scratch memory, reused from call to call.
	plans   map[familyKey]*familyPlan
	keys    []familyKey
	chosen  []int32
	part    []Session
	partCL  []ClaimLine
	partial []WeekSummary
}

type familyKey struct {
	patient string
	start   date.Date
}

type familyPlan struct {
	week        Week
	firstServed date.Date // the first day with a session attended or a claim line; zero when none
	profile     int
	err         error
}

// day returns the day the plan first chooses its profile by: its first
// day with a session attended or a claim line, or the week's first day.
func (p *familyPlan) day() date.Date {
	if p.firstServed != date.Zero {
		return p.firstServed
	}
	return p.week.Start()
}

// NewFamilySummarizer returns a FamilySummarizer for the profiles of
// family, all of one level, dividing days into weeks as [NewSummarizer]
// does. It returns an error for an empty family, profiles of more than one
// level, or a profile a [Checker] refuses.
func NewFamilySummarizer(family iop.Profiles, weeks Weeks, weeksFor func(patient string) Weeks) (*FamilySummarizer, error) {
	if len(family) == 0 {
		return nil, &iop.FieldError{Field: "family", Err: iop.ErrMissing}
	}
	f := &FamilySummarizer{family: family, weeks: weeks, weeksFor: weeksFor, plans: map[familyKey]*familyPlan{}}
	var es iop.FieldErrors
	for i, p := range family {
		if p.Level != family[0].Level {
			es.Add("family["+strconv.Itoa(i)+"].level", errors.New("another level than the family's first profile"))
			continue
		}
		ck, err := NewChecker(p)
		if err != nil {
			es.Add("family["+strconv.Itoa(i)+"]", err)
			continue
		}
		var sz *Summarizer
		if weeksFor != nil {
			sz, err = NewSummarizerFor(ck, weeksFor)
		} else {
			sz, err = NewSummarizer(ck, weeks)
		}
		if err != nil {
			return nil, err
		}
		f.checkers = append(f.checkers, ck)
		f.sums = append(f.sums, sz)
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// Checker returns the checker of the family's profile i, the index a
// [FamilyWeek] gives.
func (f *FamilySummarizer) Checker(i int) Checker { return f.checkers[i] }

// plan places the records of a call in their patient-weeks and chooses each
// week's profile; record(i) gives the i-th record's patient, day and
// whether it is service.
func (f *FamilySummarizer) plan(n int, record func(i int) (string, date.Date, bool)) {
	clear(f.plans)
	f.keys = f.keys[:0]
	for i := range n {
		patient, d, served := record(i)
		ws := f.weeks
		if f.weeksFor != nil {
			ws = f.weeksFor(patient)
		}
		if patient == "" || !placeable(d) || !ws.IsValid() {
			f.keys = append(f.keys, familyKey{})
			continue // the first profile's Summarizer counts it as unplaced
		}
		w := ws.Of(d)
		k := familyKey{patient, w.Start()}
		f.keys = append(f.keys, k)
		p := f.plans[k]
		if p == nil {
			p = &familyPlan{week: w}
			f.plans[k] = p
		}
		if served && (p.firstServed == date.Zero || d < p.firstServed) {
			p.firstServed = d
		}
	}
	for _, p := range f.plans {
		p.profile, p.err = f.profileOn(p.day())
	}
	f.choose()
}

// profileOn returns the index of the family's profile in force on d, or
// -1 and why none is.
func (f *FamilySummarizer) profileOn(d date.Date) (int, error) {
	q, err := f.family.AsOf(f.family[0].Level, d)
	if err != nil {
		return -1, err
	}
	for i := range f.family {
		if f.family[i].ID == q.ID {
			return i, nil
		}
	}
	return -1, nil // unreachable: AsOf returns a profile of the family
}

// choose sets the profile of each record of the call from its week's plan.
func (f *FamilySummarizer) choose() {
	f.chosen = f.chosen[:0]
	for _, k := range f.keys {
		pi := int32(0)
		if p := f.plans[k]; p != nil {
			pi = int32(p.profile)
		}
		f.chosen = append(f.chosen, pi)
	}
}

// replan moves each of weeks that its profile does not judge (its first
// day of service, as that profile counted it, lies outside the profile's
// force) to the profile in force on that day, and reports whether any
// moved. A week added up by a second profile was moved once already: if
// that one's count moves it again, no single profile governs it.
func (f *FamilySummarizer) replan(weeks []FamilyWeek, again bool) bool {
	moved := false
	for i := range weeks {
		s := &weeks[i].Summary
		d := s.judgedDay()
		if f.family[weeks[i].Profile].InForceOn(d) {
			continue
		}
		p := f.plans[familyKey{s.Patient, s.Week.Start()}]
		if p == nil {
			continue // unreachable: every week summarised was planned
		}
		moved = true
		if again {
			p.profile, p.err = -1, &iop.ProfileError{Level: f.family[0].Level, On: d, Err: iop.ErrAmbiguousProfile}
			continue
		}
		p.profile, p.err = f.profileOn(d)
	}
	if moved {
		f.choose()
	}
	return moved
}

// Summarize adds up sessions, each patient-week by its profile, and appends
// one FamilyWeek per patient-week to dst, sorted by profile, then patient
// and week; the weeks no profile governs come last, by patient and week.
func (f *FamilySummarizer) Summarize(dst []FamilyWeek, sessions []Session) ([]FamilyWeek, BatchStats) {
	f.plan(len(sessions), func(i int) (string, date.Date, bool) {
		s := &sessions[i]
		return s.Patient, s.Date, s.Attendance == AttendanceAttended || s.Attendance == AttendancePartial
	})
	return summarizeEach(f, dst, sessions, &f.part, (*Summarizer).Summarize)
}

// SummarizeClaims is [FamilySummarizer.Summarize] for claim lines.
func (f *FamilySummarizer) SummarizeClaims(dst []FamilyWeek, lines []ClaimLine) ([]FamilyWeek, BatchStats) {
	f.plan(len(lines), func(i int) (string, date.Date, bool) { return lines[i].Patient, lines[i].Date, true })
	return summarizeEach(f, dst, lines, &f.partCL, (*Summarizer).SummarizeClaims)
}

// summarizeEach summarises the records of each profile's patient-weeks
// (those f.plan chose for it, gathered in *part) with that profile's
// summarizer, and appends the weeks to dst: the one body of Summarize and
// SummarizeClaims.
func summarizeEach[T any](f *FamilySummarizer, dst []FamilyWeek, records []T, part *[]T,
	sum func(*Summarizer, []WeekSummary, []T) ([]WeekSummary, BatchStats)) ([]FamilyWeek, BatchStats) {
	base := len(dst)
	for round := 0; ; round++ {
		var stats BatchStats
		dst, stats = summarizeRound(f, dst[:base], records, part, sum)
		if !f.replan(dst[base:], round > 0) {
			return f.unchecked(dst, &stats), stats
		}
	}
}

// summarizeRound is one round of [summarizeEach]: every planned week
// summarised by its profile, appended to dst.
func summarizeRound[T any](f *FamilySummarizer, dst []FamilyWeek, records []T, part *[]T,
	sum func(*Summarizer, []WeekSummary, []T) ([]WeekSummary, BatchStats)) ([]FamilyWeek, BatchStats) {
	var stats BatchStats
	for pi := range f.sums {
		*part = (*part)[:0]
		for i := range records {
			if f.chosen[i] == int32(pi) {
				*part = append(*part, records[i])
			}
		}
		if len(*part) == 0 {
			continue
		}
		var st BatchStats
		f.partial, st = sum(f.sums[pi], f.partial[:0], *part)
		stats = addStats(stats, st)
		for _, s := range f.partial {
			dst = append(dst, FamilyWeek{Summary: s, Profile: pi})
		}
	}
	return dst, stats
}

// unchecked appends the weeks no profile governs, by patient and week, and
// counts them.
func (f *FamilySummarizer) unchecked(dst []FamilyWeek, stats *BatchStats) []FamilyWeek {
	base := len(dst)
	for k, p := range f.plans {
		if p.profile >= 0 {
			continue
		}
		dst = append(dst, FamilyWeek{Summary: WeekSummary{Patient: k.patient, Week: p.week}, Profile: -1, Err: p.err})
		stats.Weeks++
	}
	tail := dst[base:]
	sortItems(tail, func(a, b FamilyWeek) int {
		if a.Summary.Patient != b.Summary.Patient {
			if a.Summary.Patient < b.Summary.Patient {
				return -1
			}
			return 1
		}
		return int(a.Summary.Week.start - b.Summary.Week.start)
	})
	for i := range f.keys {
		if f.chosen[i] < 0 {
			stats.Sessions++
		}
	}
	patients := map[string]bool{}
	for k := range f.plans {
		patients[k.patient] = true
	}
	stats.Patients = len(patients)
	return dst
}

func addStats(a, b BatchStats) BatchStats {
	a.Sessions += b.Sessions
	a.Unplaced += b.Unplaced
	a.Invalid += b.Invalid
	a.Patients += b.Patients
	a.Weeks += b.Weeks
	return a
}
