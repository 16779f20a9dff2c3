package iop

import (
	"github.com/ioprules/ioprules/internal/enum"
)

// Level is an ASAM level of care. Levels of the 3rd edition (2013) and the
// 4th edition (2023) share one type: a level that exists in both (2.1, 2.5,
// 3.1, 3.5, 3.7, 4) is one value, and [Level.InEdition] says where a level
// is defined. Level 1 of the 3rd edition (outpatient services) and level 1.0
// of the 4th (long-term remission monitoring) are different levels.
//
// The zero Level is unset and not valid. Levels are comparable and safe for
// concurrent use. Their order as numbers is declaration order, not
// intensity: compare intensities with [Level.Compare].
type Level uint8

// The levels of care. Withdrawal management (WM) is a separate axis in the
// 3rd edition; the 4th edition folds it into the levels.
const (
	_         Level = iota
	Level05         // 0.5 early intervention (3rd edition)
	Level1          // 1 outpatient services (3rd edition)
	Level10         // 1.0 long-term remission monitoring (4th edition)
	Level15         // 1.5 outpatient therapy (4th edition)
	Level17         // 1.7 medically managed outpatient (4th edition)
	Level21         // 2.1 intensive outpatient (both editions)
	Level25         // 2.5 partial hospitalization (3rd) / high-intensity outpatient (4th)
	Level27         // 2.7 medically managed intensive outpatient (4th edition)
	Level31         // 3.1 clinically managed low-intensity residential (both editions)
	Level33         // 3.3 clinically managed population-specific high-intensity residential (3rd edition, adults)
	Level35         // 3.5 clinically managed high-intensity (adult) / medium-intensity (adolescent) residential
	Level37         // 3.7 medically monitored intensive inpatient (3rd) / medically managed residential (4th)
	Level4          // 4 medically managed intensive inpatient (both editions)
	Level1WM        // 1-WM ambulatory withdrawal management without extended on-site monitoring (3rd edition)
	Level2WM        // 2-WM ambulatory withdrawal management with extended on-site monitoring (3rd edition)
	Level32WM       // 3.2-WM clinically managed residential withdrawal management (3rd edition)
	Level37WM       // 3.7-WM medically monitored inpatient withdrawal management (3rd edition)
	Level4WM        // 4-WM medically managed intensive inpatient withdrawal management (3rd edition)
	LevelOTS        // OTS opioid treatment services, a level 1 service (3rd edition)
)

type levelInfo struct {
	code      string
	intensity uint8 // tenths: 2.1 is 21
	editions  uint8 // bit e set when defined in Edition e
	name3     string
	name3Adol string // 3rd-edition adolescent name where it differs
	name4     string
}

const (
	in3  = 1 << Edition3
	in4  = 1 << Edition4
	in34 = in3 | in4
)

// levels is indexed by Level. Names: The ASAM Criteria, 3rd ed. (2013) and
// 4th ed. (2023), as summarised by public state manuals (see the package
// references).
var levels = [...]levelInfo{
	Level05:   {"0.5", 5, in3, "Early Intervention", "", ""},
	Level1:    {"1", 10, in3, "Outpatient Services", "", ""},
	Level10:   {"1.0", 10, in4, "", "", "Long-Term Remission Monitoring"},
	Level15:   {"1.5", 15, in4, "", "", "Outpatient Therapy"},
	Level17:   {"1.7", 17, in4, "", "", "Medically Managed Outpatient"},
	Level21:   {"2.1", 21, in34, "Intensive Outpatient Services", "", "Intensive Outpatient"},
	Level25:   {"2.5", 25, in34, "Partial Hospitalization Services", "", "High-Intensity Outpatient"},
	Level27:   {"2.7", 27, in4, "", "", "Medically Managed Intensive Outpatient"},
	Level31:   {"3.1", 31, in34, "Clinically Managed Low-Intensity Residential Services", "", "Clinically Managed Low-Intensity Residential"},
	Level33:   {"3.3", 33, in3, "Clinically Managed Population-Specific High-Intensity Residential Services", "", ""},
	Level35:   {"3.5", 35, in34, "Clinically Managed High-Intensity Residential Services", "Clinically Managed Medium-Intensity Residential Services", "Clinically Managed High-Intensity Residential"},
	Level37:   {"3.7", 37, in34, "Medically Monitored Intensive Inpatient Services", "Medically Monitored High-Intensity Inpatient Services", "Medically Managed Residential"},
	Level4:    {"4", 40, in34, "Medically Managed Intensive Inpatient Services", "", "Medically Managed Inpatient"},
	Level1WM:  {"1-WM", 10, in3, "Ambulatory Withdrawal Management without Extended On-Site Monitoring", "", ""},
	Level2WM:  {"2-WM", 20, in3, "Ambulatory Withdrawal Management with Extended On-Site Monitoring", "", ""},
	Level32WM: {"3.2-WM", 32, in3, "Clinically Managed Residential Withdrawal Management", "", ""},
	Level37WM: {"3.7-WM", 37, in3, "Medically Monitored Inpatient Withdrawal Management", "", ""},
	Level4WM:  {"4-WM", 40, in3, "Medically Managed Intensive Inpatient Withdrawal Management", "", ""},
	LevelOTS:  {"OTS", 10, in3, "Opioid Treatment Services", "", ""},
}

var levelTable = enum.New[Level]("Level", "iop.Level.UnmarshalText", enumFail, func() []string {
	codes := make([]string, len(levels))
	for i, l := range levels {
		codes[i] = l.code
	}
	return codes
}())

// Levels returns the levels defined in edition e, in order of intensity
// (withdrawal management and OTS last, for the 3rd edition). It returns a new
// slice on each call.
func Levels(e Edition) []Level {
	var out []Level
	for l := Level05; l <= LevelOTS; l++ {
		if l.InEdition(e) {
			out = append(out, l)
		}
	}
	return out
}

// IsValid reports whether l is a known level.
func (l Level) IsValid() bool { return levelTable.Valid(l) }

// String returns the level's code as ASAM writes it ("2.1", "3.2-WM", "OTS"),
// and "%!Level(n)" for an invalid value.
func (l Level) String() string { return levelTable.String(l) }

// InEdition reports whether l is defined in edition e.
func (l Level) InEdition(e Edition) bool {
	return l.IsValid() && e.IsValid() && levels[l].editions&(1<<e) != 0
}

// Name returns the level's name in edition e for population p (the 3rd
// edition names levels 3.5 and 3.7 differently for adolescents), or "" when
// l is not defined in e.
func (l Level) Name(e Edition, p Population) string {
	if !l.InEdition(e) {
		return ""
	}
	info := levels[l]
	if e == Edition4 {
		return info.name4
	}
	if p == PopulationAdolescent && info.name3Adol != "" {
		return info.name3Adol
	}
	return info.name3
}

// Intensity returns the level's place in the order of intensity of care, in
// tenths of the ASAM number: 21 for 2.1, 40 for 4. Withdrawal management
// levels take the number of their level (32 for 3.2-WM). Invalid levels have
// intensity 0.
func (l Level) Intensity() int {
	if !l.IsValid() {
		return 0
	}
	return int(levels[l].intensity)
}

// Compare returns -1, 0 or +1 as l is less, equally or more intensive than m.
func (l Level) Compare(m Level) int {
	a, b := l.Intensity(), m.Intensity()
	switch {
	case a < b:
		return -1
	case a > b:
		return +1
	}
	return 0
}

// IsWithdrawalManagement reports whether l is one of the 3rd edition's
// withdrawal-management levels.
func (l Level) IsWithdrawalManagement() bool { return l >= Level1WM && l <= Level4WM }

// MustParseLevel is iop.Parse[Level] that panics on error. For tests and constants only.
func MustParseLevel(s string) Level {
	l, err := Parse[Level](s)
	if err != nil {
		panic(err)
	}
	return l
}

// MarshalText implements [encoding.TextMarshaler]; an invalid level is an error.
func (l Level) MarshalText() ([]byte, error) { return levelTable.Marshal(l) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (l *Level) UnmarshalText(b []byte) error { return levelTable.Unmarshal(l, b) }
