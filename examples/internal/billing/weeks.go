package billing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// unchecked is a patient-week or a claim that no profile of the rules
// applies to: it is reported, not checked.
type unchecked struct {
	patient string
	week    schedule.Week // a patient-week's, zero for a claim
	claim   string        // a claim's ID, "" for a patient-week
	// err says why: no profile in force on its first day of service, or,
	// for a family's week, no single profile that governs it.
	err error
}

// weekKey is a patient-week: the patient and the week's first day.
type weekKey struct {
	patient string
	start   date.Date
}

// weekPlan is what choosing a patient-week's profile needs: its first day
// with a service furnished, and the choice.
type weekPlan struct {
	week        schedule.Week
	firstServed date.Date // the first day with a service furnished, zero for none
	records     int
	profile     int // the index of its profile in the rules, -1 for none
	err         error
	// moved reports a family's week whose count under the profile first
	// chosen put its first day of service out of that profile's force
	// (summarize): first is that profile, firstDay the day its count gave,
	// and firstWhat the words that name the day (judgedDay).
	moved     bool
	first     int
	firstDay  date.Date
	firstWhat string
}

// day is the day a patient-week's profile is first chosen by: its first
// day with a service furnished (a session attended in whole or in part,
// or a claim line) or, when no session of the week was attended, the
// week's first day, the day schedule's checker judges a week without
// counted service by. A family's week whose count, under the profile
// chosen, judges it by a day out of that profile's force is moved
// (summarize).
func (p *weekPlan) day() date.Date {
	if p.firstServed != date.Zero {
		return p.firstServed
	}
	return p.week.Start()
}

// summarize places every session (or claim line) in its patient-week,
// chooses each patient-week's profile, and adds the patient-weeks up with
// a Summarizer of their profile, one per profile, each over its
// patient-weeks' records only, read in place, so that each is counted by
// the rules it is checked by. A family's profile for a week is the one in
// force on the week's first day of service as schedule's checker judges
// it, by the profile's own count (judgedDay): what counts is the
// profile's to say (Medicare counts no video session, nor a claim line of
// a code outside the program), so summarize first chooses by the first
// day with a service furnished (weekPlan.day), then, for each week whose
// count puts that day outside its profile's force, moves the week to the
// profile in force on the day and adds it up again, by that profile, in
// a second round over the weeks moved only; a week that profile's count
// moves again is governed by no single profile of the family, and not
// checked, as schedule.FamilySummarizer has it. One profile named (not a
// family) is applied where it is in force on the first day with a
// service furnished; checkWeeks reports the weeks it cannot judge.
//
// It returns the rows in patient and week order, without findings, the
// patient-weeks no profile applies to, in the same order, and the counts
// of the whole input, each record and each week counted once.
func summarize(rs *ruleSet, weeks schedule.Weeks, weeksFor func(string) schedule.Weeks, in *input) ([]row, []unchecked, schedule.BatchStats, error) {
	var stats schedule.BatchStats
	n := len(in.sessions)
	record := func(i int) (string, date.Date, bool) {
		s := &in.sessions[i]
		return s.Patient, s.Date, s.Attendance == schedule.AttendanceAttended || s.Attendance == schedule.AttendancePartial
	}
	if in.kind == inputClaims {
		n = len(in.lines)
		record = func(i int) (string, date.Date, bool) { return in.lines[i].Patient, in.lines[i].Date, true }
	}

	// Each patient's weeks, asked once as the Summarizer asks.
	schemes := map[string]schedule.Weeks{}
	schemeOf := func(patient string) schedule.Weeks {
		if weeksFor == nil {
			return weeks
		}
		ws, ok := schemes[patient]
		if !ok {
			ws = weeksFor(patient)
			schemes[patient] = ws
		}
		return ws
	}
	plans := map[weekKey]*weekPlan{}
	keys := make([]weekKey, n) // each record's patient-week
	for i := range n {
		patient, d, served := record(i)
		ws := schemeOf(patient)
		if !ws.IsValid() {
			continue // the Summarizer counts it as unplaced
		}
		w := ws.Of(d)
		k := weekKey{patient, w.Start()}
		keys[i] = k
		p := plans[k]
		if p == nil {
			p = &weekPlan{week: w}
			plans[k] = p
		}
		p.records++
		if served && (p.firstServed == date.Zero || d < p.firstServed) {
			p.firstServed = d
		}
	}
	var skipped []unchecked
	patients := map[string]bool{}
	for k, p := range plans {
		patients[k.patient] = true
		if p.profile, p.err = rs.choose(p.day(), "the week's first day of service"); p.err != nil {
			skipped = append(skipped, unchecked{patient: k.patient, week: p.week, err: p.err})
			stats.Sessions += p.records
			stats.Weeks++
		}
	}
	stats.Patients = len(patients)

	// Each profile's records; one that cannot be placed goes to the first
	// profile, whose Summarizer counts it.
	rows, st, err := summarizeRound(rs, weeks, weeksFor, in, n, plans, func(i int) int {
		if p := plans[keys[i]]; p != nil {
			return p.profile
		}
		return 0
	})
	stats.Sessions += st.Sessions
	stats.Unplaced += st.Unplaced
	stats.Invalid += st.Invalid
	stats.Weeks += st.Weeks
	if err != nil {
		return nil, nil, stats, err
	}

	if rs.family {
		// The second round: the weeks whose count moves their first day
		// of service out of their profile's force, each added up again by
		// the profile in force on that day. Their records and weeks are
		// counted once, in the first round.
		moved := false
		for _, rw := range rows {
			d, what := judgedDay(&rw.sum)
			if rs.profiles[rw.profile].InForceOn(d) {
				continue
			}
			p := plans[weekKey{rw.sum.Patient, rw.sum.Week.Start()}]
			moved = true
			p.moved, p.first, p.firstDay, p.firstWhat = true, rw.profile, d, what
			if p.profile, p.err = rs.choose(d, "the week's "+what); p.err != nil {
				skipped = append(skipped, unchecked{patient: rw.sum.Patient, week: p.week, err: p.err})
			}
		}
		if moved {
			rows = slices.DeleteFunc(rows, func(rw row) bool { return plans[weekKey{rw.sum.Patient, rw.sum.Week.Start()}].moved })
			again, _, err := summarizeRound(rs, weeks, weeksFor, in, n, plans, func(i int) int {
				if p := plans[keys[i]]; p != nil && p.moved {
					return p.profile
				}
				return -1
			})
			if err != nil {
				return nil, nil, stats, err
			}
			for _, rw := range again {
				d, what := judgedDay(&rw.sum)
				if rs.profiles[rw.profile].InForceOn(d) {
					rows = append(rows, rw)
					continue
				}
				p := plans[weekKey{rw.sum.Patient, rw.sum.Week.Start()}]
				p.profile, p.err = -1, fmt.Errorf("no single %s profile governs the week: by %s's count its %s is %s, by %s's its %s is %s",
					rs.name, rs.profiles[p.first].ID, p.firstWhat, p.firstDay, rs.profiles[rw.profile].ID, what, d)
				skipped = append(skipped, unchecked{patient: rw.sum.Patient, week: p.week, err: p.err})
			}
		}
	}

	slices.SortFunc(skipped, func(a, b unchecked) int {
		return cmp.Or(strings.Compare(a.patient, b.patient), cmp.Compare(a.week.Start(), b.week.Start()))
	})
	// In patient and week order, as one Summarizer gives them.
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(strings.Compare(a.sum.Patient, b.sum.Patient), cmp.Compare(a.sum.Week.Start(), b.sum.Week.Start()))
	})
	return rows, skipped, stats, nil
}

// summarizeRound adds up the records of each profile, those profileOf
// gives its index (-1: none of this round), with a Summarizer of the
// profile, reading the input in place: no copy of it. Each summary must
// be of a patient-week planned for the profile.
func summarizeRound(rs *ruleSet, weeks schedule.Weeks, weeksFor func(string) schedule.Weeks, in *input, n int,
	plans map[weekKey]*weekPlan, profileOf func(i int) int) ([]row, schedule.BatchStats, error) {
	var stats schedule.BatchStats
	var rows []row
	for pi, ck := range rs.checkers {
		if !anyOf(n, func(i int) bool { return profileOf(i) == pi }) {
			continue
		}
		var sz *schedule.Summarizer
		var err error
		if weeksFor != nil {
			sz, err = schedule.NewSummarizerFor(ck, weeksFor)
		} else {
			sz, err = schedule.NewSummarizer(ck, weeks)
		}
		if err != nil {
			return nil, stats, err
		}
		var sums []schedule.WeekSummary
		var st schedule.BatchStats
		if in.kind == inputClaims {
			sums, st = sz.SummarizeClaimsSeq(nil, func(yield func(schedule.ClaimLine) bool) {
				for i := range in.lines {
					if profileOf(i) == pi && !yield(in.lines[i]) {
						return
					}
				}
			})
		} else {
			sums, st = sz.SummarizeSeq(nil, func(yield func(schedule.Session) bool) {
				for i := range in.sessions {
					if profileOf(i) == pi && !yield(in.sessions[i]) {
						return
					}
				}
			})
		}
		stats.Sessions += st.Sessions
		stats.Unplaced += st.Unplaced
		stats.Invalid += st.Invalid
		stats.Weeks += st.Weeks
		for _, s := range sums {
			if p := plans[weekKey{s.Patient, s.Week.Start()}]; p == nil || p.profile != pi {
				return nil, stats, fmt.Errorf("%s %s: summarized against another profile than its own", quote(s.Patient), s.Week)
			}
			rows = append(rows, row{sum: s, profile: pi})
		}
	}
	return rows, stats, nil
}

// anyOf reports whether f holds for an index below n.
func anyOf(n int, f func(i int) bool) bool {
	for i := range n {
		if f(i) {
			return true
		}
	}
	return false
}

// judgedDay returns the day schedule's checker judges a week by (the
// doc of schedule.Checker.CheckWeek): its first day with time or services
// that count under the profile it was added up by, or, when nothing
// counts, the week's first day; and the words that name that day.
func judgedDay(s *schedule.WeekSummary) (date.Date, string) {
	for i := range s.DayMinutes {
		if s.DayMinutes[i] > 0 || s.DayServices[i] > 0 {
			return s.Week.Day(i), "first day of counted service"
		}
	}
	return s.Week.Start(), "first day (nothing of it counted)"
}
