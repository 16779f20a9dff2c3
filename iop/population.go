package iop

import (
	"database/sql/driver"
	"time"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/rickb777/date/v2"
)

// Population is the population a rule applies to: adults or adolescents.
// Which one a person belongs to on a date is decided by a profile's
// [AgeRules]. The zero Population is unset and not valid.
type Population uint8

// The populations.
const (
	_          Population = iota
	Adult                 // an adult, at or above the profile's adult age
	Adolescent            // below the profile's adult age
)

var populations = enum.New[Population]("Population", "iop.ParsePopulation", enumFail, []string{Adult: "adult", Adolescent: "adolescent"})

// AllPopulations returns every population, in order.
func AllPopulations() []Population { return populations.Values() }

// IsValid reports whether p is a known value.
func (p Population) IsValid() bool { return populations.Valid(p) }

// IsZero reports whether p is unset.
func (p Population) IsZero() bool { return p == 0 }

// String returns "adult" or "adolescent", and "%!Population(n)" for an invalid value.
func (p Population) String() string { return populations.String(p) }

// ParsePopulation parses "adult" or "adolescent", exactly as [Population.String] writes it.
func ParsePopulation(s string) (Population, error) { return populations.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (p Population) MarshalText() ([]byte, error) { return populations.Marshal(p) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePopulation].
func (p *Population) UnmarshalText(b []byte) error { return populations.Unmarshal(p, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (p Population) Value() (driver.Value, error) { return populations.Store(p) }

// Scan implements [database/sql.Scanner] with [ParsePopulation].
func (p *Population) Scan(src any) error { return populations.Load(p, src) }

// AgeOn returns the age in whole years on day on of a person born on birth:
// the number of birthdays that have come by that day. A person born on
// February 29 has their birthday on March 1 in common years (the day after
// February 28), the usual rule in US law. It returns an error wrapping
// [ErrOrder] when birth is after on.
func AgeOn(birth, on date.Date) (int, error) {
	if birth > on {
		return 0, ErrOrder
	}
	by, bm, bd := birth.Date()
	oy, om, od := on.Date()
	age := oy - by
	if bm == time.February && bd == 29 && !isLeap(oy) {
		bm, bd = time.March, 1
	}
	if om < bm || (om == bm && od < bd) {
		age--
	}
	return age, nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
