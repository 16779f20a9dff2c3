package schedule

import (
	"strconv"
	"time"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/rickb777/date/v2/timespan"
)

// daysPerWeek is the length of a week in days; weeks of every kind have
// seven.
const daysPerWeek = 7

// WeekKind names how weeks are counted. The zero WeekKind is unset and not
// valid. Kinds are comparable and safe for concurrent use.
type WeekKind uint8

// The kinds of week.
const (
	_ WeekKind = iota
	// WeekKindISO is the ISO 8601 week: Monday to Sunday, numbered within its
	// ISO year, so that 2024-12-30 is in 2025-W01.
	WeekKindISO
	// WeekKindCalendar is seven days from a chosen weekday (Sunday to Saturday,
	// say), as a payer's billing week may run.
	WeekKindCalendar
	// WeekKindProgram is seven days from the day of admission: week 1 starts on
	// the admission day, so a program week is never a partial first week.
	WeekKindProgram
)

var weekKinds = enum.New[WeekKind]("WeekKind", "schedule.WeekKind.UnmarshalText", check.EnumFail,
	[]string{WeekKindISO: "iso", WeekKindCalendar: "calendar", WeekKindProgram: "program"})

// IsValid reports whether k is a known kind of week.
func (k WeekKind) IsValid() bool { return weekKinds.Valid(k) }

// String returns "iso", "calendar" or "program", and "%!WeekKind(n)" otherwise.
func (k WeekKind) String() string { return weekKinds.String(k) }

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k WeekKind) MarshalText() ([]byte, error) { return weekKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (k *WeekKind) UnmarshalText(b []byte) error { return weekKinds.Unmarshal(k, b) }

// Weeks is a way of dividing days into weeks: ISO weeks, calendar weeks from
// a chosen weekday, or program weeks from an admission date. Every week has
// seven days. The zero Weeks is unset and not valid. Weeks values are
// comparable and safe for concurrent use.
type Weeks struct {
	kind   WeekKind
	first  uint8     // the weekday weeks start on
	origin date.Date // program weeks: the admission day
}

// ISOWeeks returns ISO 8601 weeks, Monday to Sunday.
func ISOWeeks() Weeks { return Weeks{kind: WeekKindISO, first: uint8(time.Monday)} }

// CalendarWeeks returns weeks that start on weekday first: CalendarWeeks(time.Sunday)
// gives Sunday to Saturday. It returns an error wrapping [iop.ErrOutOfRange]
// when first is not a day of the week.
func CalendarWeeks(first time.Weekday) (Weeks, error) {
	if first < time.Sunday || first > time.Saturday {
		return Weeks{}, &iop.FieldError{Field: "weeks", Err: errWeekday}
	}
	return Weeks{kind: WeekKindCalendar, first: uint8(first)}, nil
}

// ProgramWeeks returns weeks counted from the admission day: week 1 is
// admitted to admitted+6. It returns an error wrapping [iop.ErrMissing]
// when admitted is the zero date, and [iop.ErrOutOfRange] when it is
// outside [date.Min] to [date.Max].
func ProgramWeeks(admitted date.Date) (Weeks, error) {
	switch {
	case admitted == date.Zero:
		return Weeks{}, &iop.FieldError{Field: "weeks", Err: iop.ErrMissing}
	case admitted < date.Min() || admitted > date.Max():
		return Weeks{}, &iop.FieldError{Field: "weeks", Err: errDateRange}
	}
	return Weeks{kind: WeekKindProgram, first: uint8(weekday(admitted)), origin: admitted}, nil
}

// IsValid reports whether ws was made by one of the constructors.
func (ws Weeks) IsValid() bool { return ws.kind >= WeekKindISO && ws.kind <= WeekKindProgram }

// IsZero reports whether ws is unset.
func (ws Weeks) IsZero() bool { return ws == Weeks{} }

// Kind returns the kind of week.
func (ws Weeks) Kind() WeekKind { return ws.kind }

// First returns the weekday the weeks start on: Monday for ISO weeks, the
// admission's weekday for program weeks.
func (ws Weeks) First() time.Weekday { return time.Weekday(ws.first) }

// Admitted returns the admission day of program weeks, and the zero date
// for other kinds.
func (ws Weeks) Admitted() date.Date { return ws.origin }

// String describes the scheme without dates: "ISO weeks", "weeks from
// Sunday", "program weeks from admission".
func (ws Weeks) String() string {
	switch ws.kind {
	case WeekKindISO:
		return "ISO weeks"
	case WeekKindCalendar:
		return "weeks from " + time.Weekday(ws.first).String()
	case WeekKindProgram:
		return "program weeks from admission"
	}
	return "%!Weeks(unset)"
}

// weekday returns the weekday of d without going through time.Time.
func weekday(d date.Date) time.Weekday {
	return time.Weekday((int64(d)%7 + 7 + int64(date.ZeroDay)) % 7)
}

// start returns the first day of the week holding d.
func (ws Weeks) start(d date.Date) date.Date {
	if ws.kind == WeekKindProgram {
		diff := int64(d - ws.origin)
		q := diff / daysPerWeek
		if diff%daysPerWeek < 0 {
			q--
		}
		return ws.origin + date.Date(q*daysPerWeek)
	}
	off := (int(weekday(d)) - int(ws.first) + daysPerWeek) % daysPerWeek
	return d - date.Date(off)
}

// Of returns the week holding day d; the zero Week when ws is not valid.
func (ws Weeks) Of(d date.Date) Week {
	if !ws.IsValid() {
		return Week{}
	}
	return Week{ws: ws, start: ws.start(d)}
}

// Week is one week of a [Weeks] scheme: seven days from Start, the range
// Start..End half-open. The zero Week is unset and not valid. Weeks are
// comparable (they can be map keys) and safe for concurrent use.
type Week struct {
	ws    Weeks
	start date.Date
}

// IsValid reports whether w was made by [Weeks.Of].
func (w Week) IsValid() bool { return w.ws.IsValid() }

// IsZero reports whether w is unset.
func (w Week) IsZero() bool { return w == Week{} }

// Weeks returns the scheme w belongs to.
func (w Week) Weeks() Weeks { return w.ws }

// Kind returns the kind of week.
func (w Week) Kind() WeekKind { return w.ws.kind }

// Start returns the first day of the week.
func (w Week) Start() date.Date { return w.start }

// Last returns the last day of the week, Start+6.
func (w Week) Last() date.Date { return w.start + daysPerWeek - 1 }

// End returns the day after the week, Start+7: the end of the half-open
// range Start..End.
func (w Week) End() date.Date { return w.start + daysPerWeek }

// Range returns the week's days as a range.
func (w Week) Range() timespan.DateRange { return timespan.BetweenDates(w.start, w.End()) }

// Contains reports whether day d is in the week.
func (w Week) Contains(d date.Date) bool { return d >= w.start && d < w.End() }

// Index returns the position of day d in the week, 0 for Start to 6, and
// -1 when d is not in the week.
func (w Week) Index(d date.Date) int {
	if !w.Contains(d) {
		return -1
	}
	return int(d - w.start)
}

// Day returns the i-th day of the week, Start+i.
func (w Week) Day(i int) date.Date { return w.start + date.Date(i) }

// Next returns the following week.
func (w Week) Next() Week { return Week{ws: w.ws, start: w.End()} }

// Prev returns the preceding week.
func (w Week) Prev() Week { return Week{ws: w.ws, start: w.start - daysPerWeek} }

// ISO returns the ISO 8601 year and week number of the week's start. For
// ISO weeks this names the week: 2024-12-30 starts 2025-W01.
func (w Week) ISO() (year, week int) { return w.start.ISOWeek() }

// Number returns the week's number: the ISO week number (1 to 53) for ISO
// weeks; the program week (1 for the week starting on admission, 0 and
// below before it) for program weeks; 0 for calendar weeks, which have no
// number.
func (w Week) Number() int {
	switch w.ws.kind {
	case WeekKindISO:
		_, n := w.ISO()
		return n
	case WeekKindProgram:
		return int(int64(w.start-w.ws.origin)/daysPerWeek) + 1
	}
	return 0
}

// String names the week in its text form, which [ParseWeek] reads back:
//
//   - an ISO week as its ISO 8601 week date, "2025-W01";
//   - a calendar week as an ISO 8601 interval of one week from its first
//     day, "2024-12-29/P1W" (the first day says which weekday weeks start
//     on);
//   - a program week as the admission day and the week's number,
//     "2024-12-18/W2" (week 1 starts on admission; weeks before it are
//     numbered 0, -1, ...).
//
// The zero Week is "%!Week(unset)".
func (w Week) String() string {
	if !w.IsValid() {
		return "%!Week(unset)"
	}
	var buf [32]byte
	return string(w.appendText(buf[:0]))
}

func (w Week) appendText(b []byte) []byte {
	switch w.ws.kind {
	case WeekKindISO:
		y, n := w.ISO()
		b = appendPadded(b, y, 4)
		b = append(b, "-W"...)
		return appendPadded(b, n, 2)
	case WeekKindCalendar:
		b = appendDate(b, w.start)
		return append(b, "/P1W"...)
	}
	b = appendDate(b, w.ws.origin)
	b = append(b, "/W"...)
	return strconv.AppendInt(b, int64(w.Number()), 10)
}
