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
	_          Population = iota
	Adult                 // an adult, at or above the profile's adult age
	Adolescent            // below the profile's adult age
)

var populationNames = []string{Adult: "adult", Adolescent: "adolescent"}

// Populations returns every population, in order.
func Populations() []Population { return []Population{Adult, Adolescent} }

// IsValid reports whether p is a known population.
func (p Population) IsValid() bool { return enum.Valid(populationNames, p) }

// IsZero reports whether p is unset.
func (p Population) IsZero() bool { return p == 0 }

// String returns "adult" or "adolescent", and "%!Population(n)" otherwise.
func (p Population) String() string { return enum.String(populationNames, p, "Population") }

// ParsePopulation parses "adult" or "adolescent".
func ParsePopulation(s string) (Population, error) {
	if p, ok := enum.Parse[Population](populationNames, s); ok {
		return p, nil
	}
	return 0, &ParseError{Func: "iop.ParsePopulation", Input: s, Err: ErrUnknownPopulation}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid population is an error.
func (p Population) MarshalText() ([]byte, error) {
	return enum.Text(p.IsValid(), p.String(), func() error {
		return &ParseError{Func: "iop.Population.MarshalText", Input: p.String(), Err: ErrUnknownPopulation}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParsePopulation].
func (p *Population) UnmarshalText(b []byte) error { return enum.Unmarshal(p, b, ParsePopulation) }

// AgeOn returns the age in whole years on day on of a person born on birth:
// the number of birthdays that have come by that day. A person born on
// February 29 has their birthday on March 1 in common years (the day after
// February 28), the usual rule in US law. It returns an error wrapping
// [ErrBirthAfterDate] when birth is after on.
func AgeOn(birth, on date.Date) (int, error) {
	if birth > on {
		return 0, ErrBirthAfterDate
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
