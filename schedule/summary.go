package schedule

import (
	"github.com/rickb777/date/v2"
	"math"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// WeekSummary is what one patient's sessions of one week add up to under a
// profile's [CountingRules]: the minutes that count, per week and per
// day, the countable services furnished per day, and the time that does not
// count. Day arrays are indexed from the week's first day (index 0 is
// Week.Start()). Counts saturate rather than wrap.
//
// A WeekSummary is a comparable value, safe for concurrent use. Make one
// with [Checker.Summarize], or many with a [Summarizer]; check it with
// [Checker.CheckWeek]. In JSON its week is the week's text form
// ("2025-W10") and its minutes are "9h00m" strings.
type WeekSummary struct {
	// Patient is the record ID of the patient whose sessions these are.
	Patient string `json:"patient"`
	// Week is the week summarised.
	Week Week `json:"week"`
	// Minutes is the time that counts: attended minutes of countable
	// sessions.
	Minutes iop.Minutes `json:"minutes"`
	// DayMinutes is Minutes per day of the week.
	DayMinutes [7]iop.Minutes `json:"day_minutes"`
	// DayServices is the number of countable sessions attended, in whole
	// or in part, per day: the services that set a per-diem payment tier.
	DayServices [7]uint16 `json:"day_services"`
	// Sessions is the number of sessions in the week, countable or not,
	// attended or not.
	Sessions int32 `json:"sessions"`
	// Absent, Excused and Partial count the countable sessions missed, missed
	// with an excuse, and attended in part.
	Absent  int32 `json:"absent"`
	Excused int32 `json:"excused"`
	Partial int32 `json:"partial"`
	// MissedMinutes is the planned time of countable sessions that was not
	// attended.
	MissedMinutes iop.Minutes `json:"missed_minutes"`
	// UncountedMinutes is the time attended in sessions that do not count:
	// kinds or codes the profile does not count, and telehealth it does not
	// count (CountingRules.delivered).
	UncountedMinutes iop.Minutes `json:"uncounted_minutes"`
	// Duplicates are the sessions not counted at all because they repeat
	// another of the week: the same session ID, or the same date, start and
	// kind (claim lines: the same claim ID and line number). Their minutes
	// are the countable time they would have added.
	Duplicates Repeats `json:"duplicates,omitzero"`
	// Overlaps are the countable sessions whose attended time overlaps
	// another's on the same day: the time overlapped counted once. Their
	// minutes are the time not counted again.
	Overlaps Repeats `json:"overlaps,omitzero"`
}

// Repeats counts sessions of a week that were not counted, or not counted
// in full, because they repeat or overlap others: how many, the minutes not
// counted, and the record ID of the first of them in canonical order (the
// session's ID, or the claim's for a claim line; empty when it has none).
// The zero Repeats is none. It is comparable.
type Repeats struct {
	Sessions int32       `json:"sessions"`
	Minutes  iop.Minutes `json:"minutes"`
	First    string      `json:"first,omitzero"`
	// With is, for overlaps, the record ID of the session the first one
	// overlapped (whose time it shares); empty when it has none.
	With string `json:"with,omitzero"`
	// Input is where the first of them was read (its CSV row's line, its
	// 837I SV2 segment); zero when it was not read from a file.
	Input iop.Input `json:"input,omitzero"`
}

// UnmarshalJSON decodes s strictly ([iop.FieldErrors] naming each bad
// field); it does not check the figures.
func (s *WeekSummary) UnmarshalJSON(data []byte) error {
	return check.Unmarshal(data, s)
}

// validate adds the problems of a summary given to a check to es: no week,
// or negative figures.
func (s *WeekSummary) validate(es *iop.FieldErrors) {
	if !s.Week.IsValid() {
		es.Add("week", iop.ErrMissing)
	}
	neg := s.Minutes < 0 || s.MissedMinutes < 0 || s.UncountedMinutes < 0 ||
		s.Sessions < 0 || s.Absent < 0 || s.Excused < 0 || s.Partial < 0 ||
		s.Duplicates.Sessions < 0 || s.Duplicates.Minutes < 0 || s.Overlaps.Sessions < 0 || s.Overlaps.Minutes < 0
	for _, m := range s.DayMinutes {
		neg = neg || m < 0
	}
	if neg {
		es.Add("minutes", errNegative)
	}
}

// valid reports whether validate finds nothing.
func (s *WeekSummary) valid() bool {
	neg := int32(s.Minutes) | int32(s.MissedMinutes) | int32(s.UncountedMinutes) |
		s.Sessions | s.Absent | s.Excused | s.Partial |
		s.Duplicates.Sessions | int32(s.Duplicates.Minutes) | s.Overlaps.Sessions | int32(s.Overlaps.Minutes)
	for _, m := range s.DayMinutes {
		neg |= int32(m)
	}
	return neg >= 0 && s.Week.IsValid()
}

// Days returns the number of days with counted minutes.
func (s WeekSummary) Days() int {
	n := 0
	for _, m := range s.DayMinutes {
		if m > 0 {
			n++
		}
	}
	return n
}

// Services returns the number of countable services furnished in the week.
func (s WeekSummary) Services() int {
	n := 0
	for _, v := range s.DayServices {
		n += int(v)
	}
	return n
}

func addMinutes(a, b iop.Minutes) iop.Minutes {
	if s := int64(a) + int64(b); s <= math.MaxInt32 {
		return iop.Minutes(s)
	}
	return math.MaxInt32
}

func inc32(n *int32) {
	if *n < math.MaxInt32 {
		*n++
	}
}

// addParts counts a valid session of attendance a, planned and attended
// minutes, on day i of the week, into sum.
func (sum *WeekSummary) addParts(a Attendance, planned, attended iop.Minutes, i int, counts bool) {
	inc32(&sum.Sessions)
	if !counts {
		sum.UncountedMinutes = addMinutes(sum.UncountedMinutes, attended)
		return
	}
	switch a {
	case AttendanceAbsent:
		inc32(&sum.Absent)
	case AttendanceExcused:
		inc32(&sum.Excused)
	case AttendancePartial:
		inc32(&sum.Partial)
	}
	sum.MissedMinutes = addMinutes(sum.MissedMinutes, planned-attended)
	if attended > 0 {
		sum.Minutes = addMinutes(sum.Minutes, attended)
		sum.DayMinutes[i] = addMinutes(sum.DayMinutes[i], attended)
		if sum.DayServices[i] < math.MaxUint16 {
			sum.DayServices[i]++
		}
	}
}

// judgedDay is the day by which a checker's profile is chosen for the
// week: its first day of service (with counted minutes or services), or
// its first day when it has none. A week that straddles two profiles'
// ranges (a week from December 29 to January 4 under profiles dated by
// calendar year) is judged whole by the profile in force on that day, the
// day the week's services began, as a per diem biller and the family
// batch path choose it.
func (s *WeekSummary) judgedDay() date.Date {
	for i := range s.DayMinutes {
		if s.DayMinutes[i] > 0 || s.DayServices[i] > 0 {
			return s.Week.Day(i)
		}
	}
	return s.Week.Day(0)
}
