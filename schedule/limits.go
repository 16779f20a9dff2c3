package schedule

import (
	"fmt"
	"slices"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// DefaultMaxBytes is the input size limit of the entry points that hold
// their whole input, [ParseSessions] and [ParseClaimLines]: 64 MiB holds
// about half a million sessions in JSON; a larger input is refused with
// [iop.ErrTooLarge] before it is parsed. Raise it with [ParseOptions]. The
// CSV readers hold one row at a time and set no size limit by default;
// [CSVOptions.MaxBytes] sets one.
const DefaultMaxBytes = 64 << 20

// tooLarge returns the error of an input above limit bytes.
func tooLarge(limit int64) error {
	return fmt.Errorf("%w: input above %d bytes", iop.ErrTooLarge, limit)
}

func sortFunc[T any](s []T, cmp func(a, b T) int) { slices.SortFunc(s, cmp) }

// parseDate parses a date as YYYY-MM-DD strictly, as [iop.ParseDate] does
// (the date must exist, the year be 0001 to 9999), without going through
// time.Parse: the CSV readers' hot path.
func parseDate(s string) (date.Date, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return date.Zero, false
	}
	n := func(a, b int) (int, bool) {
		v := 0
		for i := a; i < b; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := n(0, 4)
	m, ok2 := n(5, 7)
	d, ok3 := n(8, 10)
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return date.Zero, false
	}
	return date.New(y, time.Month(m), d), true
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
