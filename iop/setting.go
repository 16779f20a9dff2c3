package iop

import (
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/internal/enum"
)

// Provider is the kind of provider that furnishes a program's services, as
// Medicare pays them: the payment classification of an IOP or PHP day
// depends on it. The zero Provider is unset and not valid.
type Provider uint8

// The provider settings.
const (
	_                          Provider = iota
	ProviderHospitalOutpatient          // hospital outpatient department (type of bill 13x)
	ProviderCMHC                        // community mental health center (type of bill 76x)
	ProviderCAH                         // critical access hospital (type of bill 85x)
	ProviderRHC                         // rural health clinic (type of bill 71x): paid outside the OPPS APCs
	ProviderFQHC                        // federally qualified health center (type of bill 77x): paid outside the OPPS APCs
	ProviderOTP                         // opioid treatment program: IOP paid as a weekly add-on (G0137)
)

var settings = enum.New[Provider]("Provider", "iop.Provider.UnmarshalText", enumFail, []string{
	ProviderHospitalOutpatient: "hospital",
	ProviderCMHC:               "cmhc",
	ProviderCAH:                "cah",
	ProviderRHC:                "rhc",
	ProviderFQHC:               "fqhc",
	ProviderOTP:                "otp",
})

// IsValid reports whether s is a known setting.
func (s Provider) IsValid() bool { return settings.Valid(s) }

// String returns "hospital", "cmhc", "cah", "rhc", "fqhc" or "otp", and
// "%!Provider(n)" for an invalid value.
func (s Provider) String() string { return settings.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (s Provider) MarshalText() ([]byte, error) { return settings.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *Provider) UnmarshalText(b []byte) error { return settings.Unmarshal(s, b) }

// Reach is how far a profile's rules bind: the whole nation, one state,
// the states of one Medicare administrative contractor, or one payer's
// contracts. The zero Reach is unset and not valid.
type Reach uint8

// The reaches of a rule.
const (
	_               Reach = iota
	ReachNational         // a federal rule or a national guideline
	ReachState            // one state's rule
	ReachContractor       // one Medicare contractor's local coverage determination
	ReachPayer            // one payer's policy or contract
)

var reaches = enum.New[Reach]("Reach", "iop.Reach.UnmarshalText", enumFail, []string{
	ReachNational: "national", ReachState: "state", ReachContractor: "contractor", ReachPayer: "payer",
})

// IsValid reports whether r is a known reach.
func (r Reach) IsValid() bool { return reaches.Valid(r) }

// String returns "national", "state", "contractor" or "payer", and
// "%!Reach(n)" for an invalid value.
func (r Reach) String() string { return reaches.String(r) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (r Reach) MarshalText() ([]byte, error) { return reaches.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (r *Reach) UnmarshalText(b []byte) error { return reaches.Unmarshal(r, b) }

// Scope is where and for whom a profile's rules bind: its reach, the
// states it covers (two-letter USPS codes; empty for a national rule), the
// body that issued it ("CMS", "National Government Services", "Texas
// HHSC"), and the provider settings it applies to (empty: every setting).
// A contractor's LCD binds only in its jurisdictions' states, so it is a
// profile of its own with those states, never part of a national one.
type Scope struct {
	Reach    Reach         `json:"reach"`
	States   []string      `json:"states,omitzero"`
	Body     string        `json:"body,omitzero"`
	Settings Set[Provider] `json:"settings,omitzero"`
}

// Covers reports whether the scope covers state (a USPS code) and setting:
// a national scope covers every state, and empty Settings every setting.
// An unset state or setting is covered only where the scope does not
// restrict it.
func (s Scope) Covers(state string, setting Provider) bool {
	if s.Reach != ReachNational && len(s.States) > 0 {
		found := false
		for _, st := range s.States {
			found = found || st == state
		}
		if !found {
			return false
		}
	}
	return s.Settings == 0 || s.Settings.Has(setting)
}

func (s Scope) equal(t Scope) bool {
	if s.Reach != t.Reach || s.Body != t.Body || s.Settings != t.Settings || len(s.States) != len(t.States) {
		return false
	}
	for i := range s.States {
		if s.States[i] != t.States[i] {
			return false
		}
	}
	return true
}

func (s Scope) validate(v *validator) {
	switch {
	case s.Reach == 0:
		v.add("scope.reach", ErrMissing)
	case !s.Reach.IsValid():
		v.add("scope.reach", ErrUnknown)
	case s.Reach == ReachNational && len(s.States) > 0:
		v.add("scope.states", fmt.Errorf("%w: a national rule names no states", ErrOrder))
	case (s.Reach == ReachState || s.Reach == ReachContractor) && len(s.States) == 0:
		v.add("scope.states", fmt.Errorf("%w: a state or contractor rule names its states", ErrMissing))
	}
	for i, st := range s.States {
		field := "scope.states[" + strconv.Itoa(i) + "]"
		if len(st) != 2 || st[0] < 'A' || st[0] > 'Z' || st[1] < 'A' || st[1] > 'Z' {
			v.add(field, fmt.Errorf("%w: want a two-letter USPS code", ErrSyntax))
			continue
		}
		for _, prev := range s.States[:i] {
			if prev == st {
				v.add(field, ErrDuplicate)
			}
		}
	}
	if !s.Settings.IsValid() {
		v.add("scope.settings", ErrUnknown)
	}
}
