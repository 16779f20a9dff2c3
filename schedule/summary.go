package schedule

import (
	"math"

	"github.com/ioprules/ioprules/iop"
)

// WeekSummary is what one patient's sessions of one week add up to under a
// [Counting] rule: the minutes that count, per week and per day, the
// countable services furnished per day, and the time that does not count.
// Day arrays are indexed from the week's first day (index 0 is
// Week.Start()). Counts saturate rather than wrap.
//
// A WeekSummary is a comparable value, safe for concurrent use. Make one
// with [Checker.Summarize], or many with a [Summarizer]; check it with
// [Checker.Week].
type WeekSummary struct {
	// Patient is the record ID of the patient whose sessions these are.
	Patient string
	// Week is the week summarised.
	Week Week
	// Minutes is the time that counts: attended minutes of countable
	// sessions.
	Minutes iop.Minutes
	// DayMinutes is Minutes per day of the week.
	DayMinutes [daysPerWeek]iop.Minutes
	// DayServices is the number of countable sessions attended, in whole
	// or in part, per day: the services that set a per-diem payment tier.
	DayServices [daysPerWeek]uint16
	// Sessions is the number of valid sessions in the week, countable or
	// not, attended or not.
	Sessions int32
	// Absent, Excused and Partial count the countable sessions missed, missed
	// with an excuse, and attended in part.
	Absent, Excused, Partial int32
	// MissedMinutes is the planned time of countable sessions that was not
	// attended.
	MissedMinutes iop.Minutes
	// UncountedMinutes is the time attended in sessions that do not count.
	UncountedMinutes iop.Minutes
	// Invalid is the number of sessions that failed [Session.Validate] (or
	// belonged to another patient) and were not counted.
	Invalid int32
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
	case Absent:
		inc32(&sum.Absent)
	case Excused:
		inc32(&sum.Excused)
	case Partial:
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

// merge adds the counts of o, a summary of the same patient-week, into sum.
func (sum *WeekSummary) merge(o *WeekSummary) {
	sum.Minutes = addMinutes(sum.Minutes, o.Minutes)
	for i := range daysPerWeek {
		sum.DayMinutes[i] = addMinutes(sum.DayMinutes[i], o.DayMinutes[i])
		sum.DayServices[i] = uint16(min(int(sum.DayServices[i])+int(o.DayServices[i]), math.MaxUint16))
	}
	for _, p := range [...]struct{ dst, src *int32 }{
		{&sum.Sessions, &o.Sessions}, {&sum.Absent, &o.Absent}, {&sum.Excused, &o.Excused},
		{&sum.Partial, &o.Partial}, {&sum.Invalid, &o.Invalid},
	} {
		*p.dst = int32(min(int64(*p.dst)+int64(*p.src), math.MaxInt32))
	}
	sum.MissedMinutes = addMinutes(sum.MissedMinutes, o.MissedMinutes)
	sum.UncountedMinutes = addMinutes(sum.UncountedMinutes, o.UncountedMinutes)
}
