package schedule

import (
	"time"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// isoDay is a day of the week numbered as ISO 8601 numbers it: Monday 1 to
// Sunday 7. It is the element of [Weekdays], so that a set's text lists the
// days Monday first.
type isoDay uint8

var isoDays = enum.New[isoDay]("Weekday", "schedule.Weekdays.UnmarshalText", check.EnumFail,
	[]string{1: "mon", 2: "tue", 3: "wed", 4: "thu", 5: "fri", 6: "sat", 7: "sun"})

// isoOf returns the ISO number of d, 0 for a weekday out of range.
func isoOf(d time.Weekday) isoDay {
	switch {
	case d == time.Sunday:
		return 7
	case d > time.Sunday && d <= time.Saturday:
		return isoDay(d)
	}
	return 0
}

// Weekdays is a set of days of the week, such as the days a program runs.
// The zero Weekdays is empty. Sets are comparable and safe for concurrent
// use. As text a set is the three-letter lower-case names of its
// days joined by commas, Monday first: "mon,wed,fri"; in JSON, an array of
// those names, ["mon","wed","fri"].
type Weekdays uint8

var weekdaySet = enum.NewSet[Weekdays](isoDays, "Weekdays")

// WeekdaysOf returns the set of the given days; days out of range are left
// out.
func WeekdaysOf(days ...time.Weekday) Weekdays {
	var s Weekdays
	for _, d := range days {
		s |= weekdaySet.Of(isoOf(d))
	}
	return s
}

// Has reports whether d is in s.
func (s Weekdays) Has(d time.Weekday) bool { return weekdaySet.Has(s, isoOf(d)) }

// IsValid reports whether s holds only days of the week.
func (s Weekdays) IsValid() bool { return weekdaySet.Valid(s) }

// size returns the number of days in s.
func (s Weekdays) size() int { return weekdaySet.Len(s) }

// members returns the days in s, Monday first.
func (s Weekdays) members() []time.Weekday {
	var out []time.Weekday
	for _, d := range weekdaySet.Values(s) {
		out = append(out, time.Weekday(d%7))
	}
	return out
}

// String returns the days' names joined by commas, Monday first:
// "mon,wed,fri"; "" for the empty set, and "%!Weekdays(0x..)" for bits
// that name no day.
func (s Weekdays) String() string { return weekdaySet.String(s) }

// MarshalText implements [encoding.TextMarshaler].
func (s Weekdays) MarshalText() ([]byte, error) { return weekdaySet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *Weekdays) UnmarshalText(b []byte) error { return weekdaySet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names, Monday first.
func (s Weekdays) MarshalJSON() ([]byte, error) { return weekdaySet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *Weekdays) UnmarshalJSON(b []byte) error { return weekdaySet.DecodeJSON(s, b) }
