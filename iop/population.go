package iop

import (
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
	_                    Population = iota
	PopulationAdult                 // an adult, at or above the profile's adult age
	PopulationAdolescent            // below the profile's adult age
)

var populations = enum.New[Population]("Population", "iop.Population.UnmarshalText", enumFail, []string{PopulationAdult: "adult", PopulationAdolescent: "adolescent"})

// IsValid reports whether p is a known value.
func (p Population) IsValid() bool { return populations.Valid(p) }

// String returns "adult" or "adolescent", and "%!Population(n)" for an invalid value.
func (p Population) String() string { return populations.String(p) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (p Population) MarshalText() ([]byte, error) { return populations.Marshal(p) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (p *Population) UnmarshalText(b []byte) error { return populations.Unmarshal(p, b) }

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
