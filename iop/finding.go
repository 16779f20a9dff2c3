package iop

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
)

// Severity says what a finding means for the record it is about.
// The zero Severity is unset and not valid.
type Severity uint8

// The severities, from the least to the most serious.
const (
	_        Severity = iota
	Info              // worth knowing; nothing to do
	Warning           // should be looked at; does not block
	Blocking          // the record does not meet the rule: do not bill, admit or discharge on it
)

var severityNames = []string{Info: "info", Warning: "warning", Blocking: "blocking"}

// IsValid reports whether s is a known severity.
func (s Severity) IsValid() bool { return enum.Valid(severityNames, s) }

// IsZero reports whether s is unset.
func (s Severity) IsZero() bool { return s == 0 }

// String returns "info", "warning" or "blocking", and "%!Severity(n)" otherwise.
func (s Severity) String() string { return enum.String(severityNames, s, "Severity") }

// ParseSeverity parses "info", "warning" or "blocking".
func ParseSeverity(s string) (Severity, error) {
	if v, ok := enum.Parse[Severity](severityNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseSeverity", Input: s, Err: ErrUnknownSeverity}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid severity is an error.
func (s Severity) MarshalText() ([]byte, error) {
	return enum.Text(s.IsValid(), s.String(), func() error {
		return &ParseError{Func: "iop.Severity.MarshalText", Input: s.String(), Err: ErrUnknownSeverity}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseSeverity].
func (s *Severity) UnmarshalText(b []byte) error { return enum.Unmarshal(s, b, ParseSeverity) }

// Unit is the unit of a finding's figures.
type Unit uint8

// The units of figures. The zero Unit means the finding has no figures.
const (
	_             Unit = iota
	UnitMinutes        // minutes of service time
	UnitDays           // calendar days
	UnitCount          // a count: people, services, sessions, contacts
	UnitIntensity      // a level's intensity, as [Level.Intensity]
)

var unitNames = []string{UnitMinutes: "minutes", UnitDays: "days", UnitCount: "count", UnitIntensity: "intensity"}

// IsValid reports whether u is a known unit.
func (u Unit) IsValid() bool { return enum.Valid(unitNames, u) }

// IsZero reports whether u is unset.
func (u Unit) IsZero() bool { return u == 0 }

// String returns the unit's name, and "%!Unit(n)" for an invalid value.
func (u Unit) String() string { return enum.String(unitNames, u, "Unit") }

// ParseUnit parses a unit's name.
func ParseUnit(s string) (Unit, error) {
	if v, ok := enum.Parse[Unit](unitNames, s); ok {
		return v, nil
	}
	return 0, &ParseError{Func: "iop.ParseUnit", Input: s, Err: ErrUnknownUnit}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid unit is an error.
func (u Unit) MarshalText() ([]byte, error) {
	return enum.Text(u.IsValid(), u.String(), func() error {
		return &ParseError{Func: "iop.Unit.MarshalText", Input: u.String(), Err: ErrUnknownUnit}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseUnit].
func (u *Unit) UnmarshalText(b []byte) error { return enum.Unmarshal(u, b, ParseUnit) }

// Code is the stable identifier of a rule, such as
// "schedule.weekly-minutes.below-minimum". Codes never change meaning once
// released; test suites assert on them. Every code the library can emit is
// listed with its citation by the packages' Rules functions and by the root
// package's Catalog.
//
// Code implements error so that errors.Is(err, code) reports whether err
// holds a finding with that code.
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Finding is the result of one rule applied to one record: what was found,
// how serious it is, which record it concerns, and the figures behind it.
// A Finding is comparable and safe for concurrent use; it is an error.
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Subject is the opaque record ID the finding concerns (a patient, a
	// group, a week), chosen by the caller; never a name or other detail.
	Subject string `json:"subject,omitzero"`
	// Message explains the finding in words, naming record IDs and figures only.
	Message string `json:"message"`
	// Cite is the source of the rule, from the profile that was applied.
	Cite Citation `json:"cite,omitzero"`
	// Need and Got are the figures involved, in Unit: the rule needed 540
	// minutes and found 525. Both are zero when Unit is zero.
	Need int64 `json:"need,omitzero"`
	Got  int64 `json:"got,omitzero"`
	Unit Unit  `json:"unit,omitzero"`
}

// Error returns "code: message [need N, got M unit] (citation)".
func (f Finding) Error() string {
	var b strings.Builder
	b.WriteString(string(f.Code))
	b.WriteString(": ")
	b.WriteString(f.Message)
	if f.Unit != 0 {
		b.WriteString(" [need ")
		b.WriteString(f.figure(f.Need))
		b.WriteString(", got ")
		b.WriteString(f.figure(f.Got))
		b.WriteString("]")
	}
	if !f.Cite.IsZero() {
		b.WriteString(" (")
		b.WriteString(f.Cite.String())
		b.WriteString(")")
	}
	return b.String()
}

func (f Finding) figure(v int64) string {
	switch f.Unit {
	case UnitMinutes:
		if v == int64(Minutes(v)) {
			return Minutes(v).String()
		}
	case UnitDays:
		return strconv.FormatInt(v, 10) + " days"
	}
	return strconv.FormatInt(v, 10)
}

// Is reports whether target is the finding's [Code], so that
// errors.Is(err, code) works on findings and lists of findings.
func (f Finding) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == f.Code
}

// IsBlocking reports whether the finding blocks.
func (f Finding) IsBlocking() bool { return f.Severity == Blocking }

// Findings is the list of findings of a check, in rule order: the order in
// which the check applies its rules, then the order of the records. A nil
// list means every rule was met. Findings is an error when non-empty; use
// [Findings.Err] to get an error only when something blocks.
type Findings []Finding

// Err returns fs as an error when it holds at least one blocking finding,
// and nil otherwise, so that warnings do not fail a caller's error check.
func (fs Findings) Err() error {
	if fs.HasBlocking() {
		return fs
	}
	return nil
}

// Error joins the findings' messages, one per line.
func (fs Findings) Error() string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.Error())
	}
	return b.String()
}

// Unwrap returns each finding as an error, so that errors.Is(err, code) and
// errors.As(err, &finding) see them.
func (fs Findings) Unwrap() []error {
	errs := make([]error, len(fs))
	for i, f := range fs {
		errs[i] = f
	}
	return errs
}

// HasBlocking reports whether any finding blocks.
func (fs Findings) HasBlocking() bool {
	for _, f := range fs {
		if f.Severity == Blocking {
			return true
		}
	}
	return false
}

// Has reports whether a finding with code c is in fs.
func (fs Findings) Has(c Code) bool {
	_, ok := fs.Find(c)
	return ok
}

// Find returns the first finding with code c.
func (fs Findings) Find(c Code) (Finding, bool) {
	for _, f := range fs {
		if f.Code == c {
			return f, true
		}
	}
	return Finding{}, false
}

// Blocking returns the blocking findings, in order, as a new list.
func (fs Findings) Blocking() Findings { return fs.AtLeast(Blocking) }

// AtLeast returns the findings of severity s or more, in order, as a new list.
func (fs Findings) AtLeast(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity >= s {
			out = append(out, f)
		}
	}
	return out
}

// About returns the findings whose Subject is id, in order, as a new list.
func (fs Findings) About(id string) Findings {
	var out Findings
	for _, f := range fs {
		if f.Subject == id {
			out = append(out, f)
		}
	}
	return out
}

// Codes returns the codes of the findings, in order, duplicates kept.
func (fs Findings) Codes() []Code {
	codes := make([]Code, len(fs))
	for i, f := range fs {
		codes[i] = f.Code
	}
	return codes
}

// Sorted returns a copy of fs ordered by code, then subject, then message:
// an order that does not depend on the order of the input records.
func (fs Findings) Sorted() Findings {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b Finding) int {
		if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return out
}

// RuleInfo describes a rule code for the catalog: its code, the severity it
// is reported with by default, what it checks, and where the rule comes from
// (the citation a finding carries may be more specific: it comes from the
// profile applied).
type RuleInfo struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	Summary  string   `json:"summary"`
	Cite     Citation `json:"cite"`
}
