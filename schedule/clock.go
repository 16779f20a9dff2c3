package schedule

import (
	"github.com/ioprules/ioprules/iop"
)

// minutesPerDay is the length of a civil day on the wall clock, used to
// bound times of day; it is not a rule threshold.
const minutesPerDay = 24 * 60

// Clock is a time of day on the wall clock, to the minute, from 00:00 to
// 23:59: the time a session starts in the program's own time zone. It holds
// no location and no date; see the package documentation on time zones.
//
// The zero Clock is unset and not valid, so that a session without a start
// time can be told from one that starts at midnight. Clocks are comparable
// and safe for concurrent use.
type Clock struct{ m uint16 } // minutes after midnight + 1; 0 is unset

// ClockOf returns the time of day hour:minute. It returns an error wrapping
// [iop.ErrOutOfRange] unless 0 <= hour < 24 and 0 <= minute < 60.
func ClockOf(hour, minute int) (Clock, error) {
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return Clock{}, &iop.FieldError{Field: "clock", Err: errClockRange}
	}
	return Clock{uint16(hour*60+minute) + 1}, nil
}

// ParseClock parses a time of day as "HH:MM" (two digits each, 24-hour),
// exactly as [Clock.String] writes it. The error is an [*iop.ParseError]
// wrapping [iop.ErrSyntax]; it does not hold s.
func ParseClock(s string) (Clock, error) {
	if len(s) == 5 && s[2] == ':' && digits(s[0], s[1]) && digits(s[3], s[4]) {
		h := int(s[0]-'0')*10 + int(s[1]-'0')
		m := int(s[3]-'0')*10 + int(s[4]-'0')
		if c, err := ClockOf(h, m); err == nil {
			return c, nil
		}
	}
	return Clock{}, &iop.ParseError{Func: "schedule.ParseClock", Err: errClockSyntax}
}

func digits(a, b byte) bool { return a >= '0' && a <= '9' && b >= '0' && b <= '9' }

// MustParseClock is [ParseClock] that panics on error. It is for tests and
// constants only.
func MustParseClock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is set.
func (c Clock) IsValid() bool { return c.m >= 1 && c.m <= minutesPerDay }

// IsZero reports whether c is unset.
func (c Clock) IsZero() bool { return c.m == 0 }

// Hour returns the hour, 0 to 23; 0 for the zero Clock.
func (c Clock) Hour() int { return int(c.Minutes()) / 60 }

// Minute returns the minute within the hour, 0 to 59.
func (c Clock) Minute() int { return int(c.Minutes()) % 60 }

// Minutes returns the minutes after midnight; 0 for the zero Clock.
func (c Clock) Minutes() iop.Minutes {
	if !c.IsValid() {
		return 0
	}
	return iop.Minutes(c.m - 1)
}

// String returns "HH:MM", and "%!Clock(unset)" for the zero Clock.
func (c Clock) String() string {
	if !c.IsValid() {
		return "%!Clock(unset)"
	}
	m := int(c.m - 1)
	b := [5]byte{byte('0' + m/600), byte('0' + m/60%10), ':', byte('0' + m%60/10), byte('0' + m%10)}
	return string(b[:])
}

// MarshalText implements [encoding.TextMarshaler]; the zero Clock is an
// error wrapping [iop.ErrMissing].
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, &iop.ParseError{Func: "schedule.Clock.MarshalText", Err: iop.ErrMissing}
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseClock],
// leaving c unchanged on error.
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
