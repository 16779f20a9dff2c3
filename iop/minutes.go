package iop

import (
	"math"
	"strconv"
	"time"
)

// Minutes is an amount of service time in whole minutes, the unit in which
// the rules state hours (9 hours a week is 540 minutes). The zero value is no
// time. Minutes are comparable and safe for concurrent use.
type Minutes int32

// Hours returns h hours as Minutes, saturating at the largest and smallest
// Minutes rather than wrapping.
func Hours(h int) Minutes {
	const maxHours = math.MaxInt32 / 60
	return Minutes(min(max(h, -maxHours), maxHours) * 60)
}

// MinutesOf returns d as whole minutes, rounded toward zero, saturating
// rather than wrapping.
func MinutesOf(d time.Duration) Minutes {
	return Minutes(min(max(d/time.Minute, math.MinInt32), math.MaxInt32))
}

// Duration returns m as a time.Duration, saturating at the largest and
// smallest Duration (about 292 years) rather than wrapping.
func (m Minutes) Duration() time.Duration {
	const most = Minutes(math.MaxInt64 / int64(time.Minute))
	switch {
	case m > most:
		return math.MaxInt64
	case m < -most:
		return math.MinInt64
	}
	return time.Duration(m) * time.Minute
}

// Add returns m + n, saturating at the largest and smallest Minutes rather
// than wrapping.
func (m Minutes) Add(n Minutes) Minutes {
	return Minutes(min(max(int64(m)+int64(n), math.MinInt32), math.MaxInt32))
}

// String writes m as hours and two-digit minutes: "9h00m", "8h59m", "0h45m",
// "-1h30m".
func (m Minutes) String() string {
	var buf [16]byte
	return string(m.appendTo(buf[:0]))
}

func (m Minutes) appendTo(b []byte) []byte {
	v := int64(m)
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	b = strconv.AppendInt(b, v/60, 10)
	b = append(b, 'h')
	if v%60 < 10 {
		b = append(b, '0')
	}
	b = strconv.AppendInt(b, v%60, 10)
	return append(b, 'm')
}

// MarshalText implements [encoding.TextMarshaler] with [Minutes.String].
func (m Minutes) MarshalText() ([]byte, error) { return m.appendTo(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseMinutes].
func (m *Minutes) UnmarshalText(b []byte) error {
	v, err := ParseMinutes(string(b))
	if err == nil {
		*m = v
	}
	return err
}

// ParseMinutes parses minutes in the form [Minutes.String] writes: an
// optional '-', the hours, 'h', exactly two digits of minutes below 60, 'm'.
func ParseMinutes(s string) (Minutes, error) {
	fail := func() (Minutes, error) {
		return 0, &ParseError{Func: "iop.ParseMinutes", Err: ErrSyntax}
	}
	rest, neg := s, false
	if len(rest) > 0 && rest[0] == '-' {
		rest, neg = rest[1:], true
	}
	if len(rest) < 5 || rest[len(rest)-1] != 'm' || rest[len(rest)-4] != 'h' {
		return fail()
	}
	hs, ms := rest[:len(rest)-4], rest[len(rest)-3:len(rest)-1]
	if len(hs) > 1 && hs[0] == '0' {
		return fail()
	}
	for i := 0; i < len(hs); i++ {
		if hs[i] < '0' || hs[i] > '9' {
			return fail()
		}
	}
	h, err := strconv.ParseInt(hs, 10, 32)
	if err != nil {
		return fail()
	}
	if ms[0] < '0' || ms[0] > '5' || ms[1] < '0' || ms[1] > '9' {
		return fail()
	}
	total := h*60 + int64(ms[0]-'0')*10 + int64(ms[1]-'0')
	if neg {
		if total == 0 {
			return fail() // "-0h00m" is not what String writes
		}
		total = -total
	}
	if total != int64(Minutes(total)) {
		return fail()
	}
	return Minutes(total), nil
}
