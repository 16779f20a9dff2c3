package schedule

import (
	"strings"
	"time"

	"github.com/ioprules/ioprules/iop"
)

// DaySet is a set of days of the week, such as the days a program runs.
// The zero DaySet is empty. DaySets are comparable and safe for concurrent
// use.
type DaySet uint8

// dayOrder is the canonical order of the days in text: Monday first, as
// ISO 8601 orders them.
var dayOrder = [7]time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

var dayAbbr = [7]string{time.Sunday: "sun", time.Monday: "mon", time.Tuesday: "tue", time.Wednesday: "wed", time.Thursday: "thu", time.Friday: "fri", time.Saturday: "sat"}

// DaysOf returns the set of the given weekdays; weekdays out of range are
// left out.
func DaysOf(days ...time.Weekday) DaySet {
	var s DaySet
	for _, d := range days {
		if d >= time.Sunday && d <= time.Saturday {
			s |= 1 << d
		}
	}
	return s
}

// Has reports whether d is in s.
func (s DaySet) Has(d time.Weekday) bool { return d >= 0 && d < 7 && s&(1<<d) != 0 }

// Len returns the number of days in s.
func (s DaySet) Len() int {
	n := 0
	for d := range 7 {
		if s&(1<<d) != 0 {
			n++
		}
	}
	return n
}

// IsValid reports whether s holds only days of the week.
func (s DaySet) IsValid() bool { return s&0x80 == 0 }

// IsZero reports whether s is empty.
func (s DaySet) IsZero() bool { return s == 0 }

// String returns the days as three-letter names joined by commas, Monday
// first: "mon,wed,fri". The empty set is "".
func (s DaySet) String() string {
	var b strings.Builder
	for _, d := range dayOrder {
		if s.Has(d) {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(dayAbbr[d])
		}
	}
	if !s.IsValid() {
		b.WriteString(",%!DaySet(invalid)")
	}
	return b.String()
}

// ParseDays parses a set of days exactly as [DaySet.String] writes it:
// three-letter lower-case names, Monday first, each once, joined by commas.
func ParseDays(s string) (DaySet, error) {
	fail := func() (DaySet, error) {
		return 0, &iop.ParseError{Func: "schedule.ParseDays", Input: s, Err: ErrInvalidDays}
	}
	if s == "" {
		return 0, nil
	}
	var set DaySet
	next := 0 // index in dayOrder of the next day allowed
	for part := range strings.SplitSeq(s, ",") {
		i := next
		for i < len(dayOrder) && dayAbbr[dayOrder[i]] != part {
			i++
		}
		if i == len(dayOrder) {
			return fail()
		}
		set |= 1 << dayOrder[i]
		next = i + 1
	}
	return set, nil
}

// MarshalText implements [encoding.TextMarshaler].
func (s DaySet) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, &iop.ParseError{Func: "schedule.DaySet.MarshalText", Input: s.String(), Err: ErrInvalidDays}
	}
	return []byte(s.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDays].
func (s *DaySet) UnmarshalText(b []byte) error {
	v, err := ParseDays(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
