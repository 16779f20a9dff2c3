package iop

import (
	"database/sql/driver"
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/internal/enum"
)

// Setting is the kind of provider that furnishes a program's services, as
// Medicare pays them: the payment classification of an IOP or PHP day
// depends on it. The zero Setting is unset and not valid.
type Setting uint8

// The provider settings.
const (
	_                  Setting = iota
	HospitalOutpatient         // hospital outpatient department (type of bill 13x)
	CMHC                       // community mental health center (type of bill 76x)
	CAH                        // critical access hospital (type of bill 85x)
	RHC                        // rural health clinic (type of bill 71x): paid outside the OPPS APCs
	FQHC                       // federally qualified health center (type of bill 77x): paid outside the OPPS APCs
	OTP                        // opioid treatment program: IOP paid as a weekly add-on (G0137)
)

var settings = enum.New[Setting]("Setting", "iop.ParseSetting", enumFail, []string{
	HospitalOutpatient: "hospital",
	CMHC:               "cmhc",
	CAH:                "cah",
	RHC:                "rhc",
	FQHC:               "fqhc",
	OTP:                "otp",
})

// AllSettings returns every setting, in order.
func AllSettings() []Setting { return settings.Values() }

// IsValid reports whether s is a known setting.
func (s Setting) IsValid() bool { return settings.Valid(s) }

// IsZero reports whether s is unset.
func (s Setting) IsZero() bool { return s == 0 }

// String returns "hospital", "cmhc", "cah", "rhc", "fqhc" or "otp", and
// "%!Setting(n)" for an invalid value.
func (s Setting) String() string { return settings.String(s) }

// ParseSetting parses a setting's name, exactly as [Setting.String] writes it.
func ParseSetting(s string) (Setting, error) { return settings.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (s Setting) MarshalText() ([]byte, error) { return settings.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseSetting].
func (s *Setting) UnmarshalText(b []byte) error { return settings.Unmarshal(s, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (s Setting) Value() (driver.Value, error) { return settings.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseSetting].
func (s *Setting) Scan(src any) error { return settings.Load(s, src) }

// Settings is a set of provider settings. The zero Settings is empty. In
// JSON a set is an array of names; as text and in SQL, the names joined by
// commas.
type Settings uint16

var settingSet = enum.NewSet[Settings](settings, "Settings")

// SettingsOf returns the set of the given settings; invalid ones are left out.
func SettingsOf(ss ...Setting) Settings { return settingSet.Of(ss...) }

// Has reports whether s is in set.
func (set Settings) Has(s Setting) bool { return settingSet.Has(set, s) }

// IsZero reports whether set is empty.
func (set Settings) IsZero() bool { return set == 0 }

// IsValid reports whether set holds only known settings.
func (set Settings) IsValid() bool { return settingSet.Valid(set) }

// Len returns the number of settings in set.
func (set Settings) Len() int { return settingSet.Len(set) }

// Values returns the settings in set, in order.
func (set Settings) Values() []Setting { return settingSet.Values(set) }

// String returns the names joined by commas, in order.
func (set Settings) String() string { return settingSet.String(set) }

// ParseSettings parses the form [Settings.String] writes.
func ParseSettings(str string) (Settings, error) { return settingSet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (set Settings) MarshalText() ([]byte, error) { return settingSet.Text(set) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseSettings].
func (set *Settings) UnmarshalText(b []byte) error { return settingSet.DecodeText(set, b) }

// MarshalJSON writes set as an array of names.
func (set Settings) MarshalJSON() ([]byte, error) { return settingSet.JSON(set) }

// UnmarshalJSON reads an array of names, each once.
func (set *Settings) UnmarshalJSON(b []byte) error { return settingSet.DecodeJSON(set, b) }

// Value implements [driver.Valuer]: the text form.
func (set Settings) Value() (driver.Value, error) { return settingSet.Store(set) }

// Scan implements [database/sql.Scanner] with [ParseSettings].
func (set *Settings) Scan(src any) error { return settingSet.Load(set, src) }

// Reach is how far a profile's rules bind: the whole nation, one state,
// the states of one Medicare administrative contractor, or one payer's
// contracts. The zero Reach is unset and not valid.
type Reach uint8

// The reaches of a rule.
const (
	_          Reach = iota
	National         // a federal rule or a national guideline
	State            // one state's rule
	Contractor       // one Medicare contractor's local coverage determination
	Payer            // one payer's policy or contract
)

var reaches = enum.New[Reach]("Reach", "iop.ParseReach", enumFail, []string{
	National: "national", State: "state", Contractor: "contractor", Payer: "payer",
})

// AllReaches returns every reach, in order.
func AllReaches() []Reach { return reaches.Values() }

// IsValid reports whether r is a known reach.
func (r Reach) IsValid() bool { return reaches.Valid(r) }

// IsZero reports whether r is unset.
func (r Reach) IsZero() bool { return r == 0 }

// String returns "national", "state", "contractor" or "payer", and
// "%!Reach(n)" for an invalid value.
func (r Reach) String() string { return reaches.String(r) }

// ParseReach parses a reach's name, exactly as [Reach.String] writes it.
func ParseReach(s string) (Reach, error) { return reaches.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (r Reach) MarshalText() ([]byte, error) { return reaches.Marshal(r) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseReach].
func (r *Reach) UnmarshalText(b []byte) error { return reaches.Unmarshal(r, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (r Reach) Value() (driver.Value, error) { return reaches.Store(r) }

// Scan implements [database/sql.Scanner] with [ParseReach].
func (r *Reach) Scan(src any) error { return reaches.Load(r, src) }

// Scope is where and for whom a profile's rules bind: its reach, the
// states it covers (two-letter USPS codes; empty for a national rule), the
// body that issued it ("CMS", "National Government Services", "Texas
// HHSC"), and the provider settings it applies to (empty: every setting).
// A contractor's LCD binds only in its jurisdictions' states, so it is a
// profile of its own with those states, never part of a national one.
type Scope struct {
	Reach    Reach    `json:"reach"`
	States   []string `json:"states,omitzero"`
	Body     string   `json:"body,omitzero"`
	Settings Settings `json:"settings,omitzero"`
}

// Covers reports whether the scope covers state (a USPS code) and setting:
// a national scope covers every state, and empty Settings every setting.
// An unset state or setting is covered only where the scope does not
// restrict it.
func (s Scope) Covers(state string, setting Setting) bool {
	if s.Reach != National && len(s.States) > 0 {
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
	case s.Reach == National && len(s.States) > 0:
		v.add("scope.states", fmt.Errorf("%w: a national rule names no states", ErrOrder))
	case (s.Reach == State || s.Reach == Contractor) && len(s.States) == 0:
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
