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
	err     error         // why: no profile in force on its first day of service
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
}

// day is the patient-week's first day of service: the first day with a
// service furnished (a session attended in whole or in part, or a claim
// line) or, when no session of the week was attended, the week's first
// day, the day schedule's checker judges a week without service by (the
// first day with a session was chosen before, and a week from 2024-12-30
// whose one session, on 2025-01-05, was missed ended the whole check: its
// 2025 profile is not in force on the day the checker judges).
func (p *weekPlan) day() date.Date {
	if p.firstServed != date.Zero {
		return p.firstServed
	}
	return p.week.Start()
}

// summarize places every session (or claim line) in its patient-week,
// chooses each patient-week's profile by its first day of service, and
// adds the patient-weeks up with a Summarizer of their profile, one per
// profile, each over its patient-weeks' records only, so that each is
// counted by the rules it is checked by. It returns the rows in patient
// and week order, without findings, the patient-weeks no profile applies
// to, in the same order, and the counts of the whole input.
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
		if p.profile, p.err = rs.choose(p.day(), "the week's"); p.err != nil {
			skipped = append(skipped, unchecked{patient: k.patient, week: p.week, err: p.err})
			stats.Sessions += p.records
			stats.Weeks++
		}
	}
	slices.SortFunc(skipped, func(a, b unchecked) int {
		return cmp.Or(strings.Compare(a.patient, b.patient), cmp.Compare(a.week.Start(), b.week.Start()))
	})

	// Each profile's records; one that cannot be placed goes to the first
	// profile, whose Summarizer counts it.
	profileOf := func(i int) int {
		if p := plans[keys[i]]; p != nil {
			return p.profile
		}
		return 0
	}
	var rows []row
	for pi, ck := range rs.checkers {
		var sz *schedule.Summarizer
		var err error
		if weeksFor != nil {
			sz, err = schedule.NewSummarizerFor(ck, weeksFor)
		} else {
			sz, err = schedule.NewSummarizer(ck, weeks)
		}
		if err != nil {
			return nil, nil, stats, err
		}
		var sums []schedule.WeekSummary
		var st schedule.BatchStats
		// The profile's records, read in place: no copy of the input.
		if !slices.ContainsFunc(keys, func(k weekKey) bool { p := plans[k]; return p != nil && p.profile == pi }) &&
			(pi != 0 || !slices.Contains(keys, weekKey{})) {
			continue
		}
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
				return nil, nil, stats, fmt.Errorf("%s %s: summarized against another profile than its own", quote(s.Patient), s.Week)
			}
			rows = append(rows, row{sum: s, profile: pi})
		}
	}
	stats.Patients = len(patients)
	// In patient and week order, as one Summarizer gives them.
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(strings.Compare(a.sum.Patient, b.sum.Patient), cmp.Compare(a.sum.Week.Start(), b.sum.Week.Start()))
	})
	return rows, skipped, stats, nil
}
