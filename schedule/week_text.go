package schedule

import (
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// maxProgramWeek bounds the week numbers [ParseWeek] reads, so that every
// week it returns lies in years 1 to 9999 or near them.
const maxProgramWeek = 600_000

// ParseWeek parses a week in the text form [Week.String] writes:
// "2025-W10" (an ISO week), "2024-12-29/P1W" (a calendar week from its first
// day) or "2024-12-18/W2" (program week 2 from admission on 2024-12-18).
// Dates must exist and have four-digit years; numbers have no sign but '-'
// and no leading zero. The error is an [*iop.ParseError] wrapping
// [iop.ErrSyntax], [iop.ErrInvalidDate] or [iop.ErrOutOfRange]; it does not
// hold s.
func ParseWeek(s string) (Week, error) {
	w, err := parseWeek(s)
	if err != nil {
		return Week{}, &iop.ParseError{Func: "schedule.ParseWeek", Err: err}
	}
	return w, nil
}

// MustParseWeek is [ParseWeek] that panics on error. It is for tests and
// constants only.
func MustParseWeek(s string) Week {
	w, err := ParseWeek(s)
	if err != nil {
		panic(err)
	}
	return w
}

func parseWeek(s string) (Week, error) {
	if len(s) == 8 && s[4] == '-' && s[5] == 'W' {
		y, ok1 := atoiDigits(s[:4])
		n, ok2 := atoiDigits(s[6:])
		if !ok1 || !ok2 {
			return Week{}, errWeekSyntax
		}
		if y < 1 || n < 1 || n > 53 {
			return Week{}, errWeekRange
		}
		jan4 := date.New(y, 1, 4)
		start := jan4 - date.Date((int(weekday(jan4))+6)%7) + date.Date(7*(n-1))
		if yy, nn := start.ISOWeek(); yy != y || nn != n {
			return Week{}, errWeekRange // week 53 of a year of 52
		}
		return Week{ws: ISOWeeks(), start: start}, nil
	}
	if len(s) < 12 || s[10] != '/' {
		return Week{}, errWeekSyntax
	}
	d, err := iop.ParseDate(s[:10])
	if err != nil {
		return Week{}, iop.ErrInvalidDate
	}
	rest := s[11:]
	if rest == "P1W" {
		ws, _ := CalendarWeeks(weekday(d))
		return ws.Of(d), nil
	}
	if rest[0] != 'W' {
		return Week{}, errWeekSyntax
	}
	n, ok := atoiSigned(rest[1:])
	if !ok {
		return Week{}, errWeekSyntax
	}
	if n < -maxProgramWeek || n > maxProgramWeek {
		return Week{}, errWeekRange
	}
	ws, err := ProgramWeeks(d)
	if err != nil {
		return Week{}, errWeekRange // 0001-01-01 is the zero date.Date: no admission
	}
	return Week{ws: ws, start: d + date.Date(7*(n-1))}, nil
}

// atoiDigits reads a run of decimal digits, leading zeros allowed.
func atoiDigits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// atoiSigned reads an integer in canonical form: an optional '-', no
// leading zero, no "-0".
func atoiSigned(s string) (int, bool) {
	neg := len(s) > 0 && s[0] == '-'
	if neg {
		s = s[1:]
	}
	if s == "" || (s[0] == '0' && (len(s) > 1 || neg)) {
		return 0, false
	}
	n, ok := atoiDigits(s)
	if neg {
		n = -n
	}
	return n, ok
}

// appendPadded appends n in decimal with at least width digits.
func appendPadded(b []byte, n, width int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	p := 1
	for range width - 1 {
		p *= 10
	}
	for ; p > 1 && n < p; p /= 10 {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// appendDate appends d as YYYY-MM-DD.
func appendDate(b []byte, d date.Date) []byte {
	y, m, dd := d.Date()
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, int(m), 2)
	b = append(b, '-')
	return appendPadded(b, dd, 2)
}

// textable reports whether w has a text form [ParseWeek] reads: its dates
// have years 1 to 9999.
func (w Week) textable() bool {
	inRange := func(y int) bool { return y >= 1 && y <= 9999 }
	switch w.ws.kind {
	case WeekKindISO:
		y, _ := w.ISO()
		return inRange(y)
	case WeekKindCalendar:
		return inRange(w.start.Year())
	case WeekKindProgram:
		n := w.Number()
		return inRange(w.ws.origin.Year()) && n >= -maxProgramWeek && n <= maxProgramWeek
	}
	return false
}

// MarshalText implements [encoding.TextMarshaler] with [Week.String]. The
// zero Week is an error wrapping [iop.ErrMissing]; a week whose dates have
// years outside 1 to 9999, one wrapping [iop.ErrOutOfRange].
func (w Week) MarshalText() ([]byte, error) {
	switch {
	case !w.IsValid():
		return nil, &iop.ParseError{Func: "schedule.Week.MarshalText", Err: iop.ErrMissing}
	case !w.textable():
		return nil, &iop.ParseError{Func: "schedule.Week.MarshalText", Err: errDateRange}
	}
	return w.appendText(nil), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseWeek],
// leaving w unchanged on error.
func (w *Week) UnmarshalText(b []byte) error {
	v, err := ParseWeek(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}
