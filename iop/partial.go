package iop

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/enum"
)

// PartialWeek says how a week that an episode covers only in part (the week
// of admission, the week of discharge) is held to the weekly minimum. No
// federal rule defines it, so every profile that has a weekly minimum must
// say. The zero PartialWeek is unset and not valid.
type PartialWeek uint8

// The partial-week rules.
const (
	_ PartialWeek = iota
	// PartialWeekFull holds a partial week to the full weekly minimum.
	PartialWeekFull
	// PartialWeekProrated holds a partial week to the weekly minimum times
	// the share of the week's seven days that fall in the episode, rounded
	// down to the minute: admitted on day 5 of 7, 3/7 of 540 = 231 minutes.
	PartialWeekProrated
	// PartialWeekExempt does not hold a partial week to a weekly minimum.
	PartialWeekExempt
)

var partialWeeks = enum.New[PartialWeek]("PartialWeek", "iop.ParsePartialWeek", enumFail, []string{PartialWeekFull: "full", PartialWeekProrated: "prorated", PartialWeekExempt: "exempt"})

// AllPartialWeeks returns every partial-week rule, in order.
func AllPartialWeeks() []PartialWeek { return partialWeeks.Values() }

// IsValid reports whether w is a known value.
func (w PartialWeek) IsValid() bool { return partialWeeks.Valid(w) }

// IsZero reports whether w is unset.
func (w PartialWeek) IsZero() bool { return w == 0 }

// String returns "full", "prorated" or "exempt", and "%!PartialWeek(n)" for an invalid value.
func (w PartialWeek) String() string { return partialWeeks.String(w) }

// ParsePartialWeek parses "full", "prorated" or "exempt", exactly as [PartialWeek.String] writes it.
func ParsePartialWeek(s string) (PartialWeek, error) { return partialWeeks.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (w PartialWeek) MarshalText() ([]byte, error) { return partialWeeks.Marshal(w) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePartialWeek].
func (w *PartialWeek) UnmarshalText(b []byte) error { return partialWeeks.Unmarshal(w, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (w PartialWeek) Value() (driver.Value, error) { return partialWeeks.Store(w) }

// Scan implements [database/sql.Scanner] with [ParsePartialWeek].
func (w *PartialWeek) Scan(src any) error { return partialWeeks.Load(w, src) }

// Minimum returns the weekly minimum that rule w sets for a week of which
// days of 7 fall in the episode, given the full-week minimum min. A full
// week (7 days, or days out of range) is held to min whatever the rule.
func (w PartialWeek) Minimum(min Minutes, days int) Minutes { return Prorate(w, min, days) }

// Prorate applies rule w to any full-week minimum (minutes, service days,
// sessions) for a week of which days of 7 fall in the episode: min itself
// for [PartialWeekFull], min*days/7 rounded down for [PartialWeekProrated],
// zero for [PartialWeekExempt]. A full week (7 days, or days out of range)
// and an unset rule give min.
func Prorate[T ~int | ~int8 | ~int16 | ~int32 | ~int64](w PartialWeek, min T, days int) T {
	if days >= 7 || days < 0 {
		return min
	}
	switch w {
	case PartialWeekProrated:
		return T(int64(min) * int64(days) / 7)
	case PartialWeekExempt:
		return 0
	}
	return min
}
