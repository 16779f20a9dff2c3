package iop

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/rickb777/date/v2"
)

// Severity says what a finding means for the record it is about.
// The zero Severity is unset and not valid.
type Severity uint8

// The severities, from the least to the most serious.
const (
	_                Severity = iota
	SeverityInfo              // worth knowing; nothing to do
	SeverityWarning           // should be looked at; does not block
	SeverityBlocking          // the record does not meet the rule: do not bill, admit or discharge on it
)

var severities = enum.New[Severity]("Severity", "iop.Severity.UnmarshalText", enumFail,
	[]string{SeverityInfo: "info", SeverityWarning: "warning", SeverityBlocking: "blocking"})

// IsValid reports whether s is a known severity.
func (s Severity) IsValid() bool { return severities.Valid(s) }

// String returns "info", "warning" or "blocking", and "%!Severity(n)" otherwise.
func (s Severity) String() string { return severities.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid severity is an error.
func (s Severity) MarshalText() ([]byte, error) { return severities.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (s *Severity) UnmarshalText(b []byte) error { return severities.Unmarshal(s, b) }

// FindingScope is what a finding concerns: a patient-week as a whole, one
// day of it, a claim, one claim line or one session. Medicare pays by the
// day: a finding of a day holds that day only. The zero FindingScope is
// the record the finding's Subject names (an assessment, a group session,
// an episode). FindingScopes are comparable and safe for concurrent use.
type FindingScope uint8

// The scopes of a finding.
const (
	_                   FindingScope = iota
	FindingScopeWeek                 // a patient-week as a whole
	FindingScopeDay                  // one day (Finding.Day) of a patient-week
	FindingScopeClaim                // a claim (Subject)
	FindingScopeLine                 // one line (Finding.Line) of a claim (Subject)
	FindingScopeSession              // a session (Subject)
)

var findingScopes = enum.New[FindingScope]("FindingScope", "iop.FindingScope.UnmarshalText", enumFail,
	[]string{FindingScopeWeek: "week", FindingScopeDay: "day", FindingScopeClaim: "claim", FindingScopeLine: "line", FindingScopeSession: "session"})

// IsValid reports whether s is a known scope.
func (s FindingScope) IsValid() bool { return findingScopes.Valid(s) }

// String returns "week", "day", "claim", "line" or "session", and
// "%!FindingScope(n)" otherwise.
func (s FindingScope) String() string { return findingScopes.String(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid scope is an error.
func (s FindingScope) MarshalText() ([]byte, error) { return findingScopes.Marshal(s) }

// UnmarshalText implements [encoding.TextUnmarshaler]: the names
// [FindingScope.String] writes.
func (s *FindingScope) UnmarshalText(b []byte) error { return findingScopes.Unmarshal(s, b) }

// Unit is the unit of a finding's figures.
type Unit uint8

// The units of figures. The zero Unit means the finding has no figures.
const (
	_             Unit = iota
	UnitMinutes        // minutes of service time
	UnitDays           // calendar days
	UnitCount          // a count: people, services, sessions, contacts
	UnitIntensity      // a level's intensity, as [Level.Intensity]
	UnitLevel          // a level of care: the figure is the [Level], written "2.1"
)

var units = enum.New[Unit]("Unit", "iop.Unit.UnmarshalText", enumFail,
	[]string{UnitMinutes: "minutes", UnitDays: "days", UnitCount: "count", UnitIntensity: "intensity", UnitLevel: "level"})

// IsValid reports whether u is a known unit.
func (u Unit) IsValid() bool { return units.Valid(u) }

// String returns the unit's name, and "%!Unit(n)" for an invalid value.
func (u Unit) String() string { return units.String(u) }

// MarshalText implements [encoding.TextMarshaler]; an invalid unit is an error.
func (u Unit) MarshalText() ([]byte, error) { return units.Marshal(u) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (u *Unit) UnmarshalText(b []byte) error { return units.Unmarshal(u, b) }

// Code is the stable identifier of a rule, such as
// "schedule.weekly-minutes.below-minimum": the package that checks it, the
// subject, what was found. Codes never change meaning once released; test
// suites assert on them. Every code the library can emit is listed with its
// citation by the packages' Rules functions and by the root package's
// Catalog.
//
// Code implements error so that errors.Is(fs.BlockingErr(), code) reports
// whether a finding of that code blocks ([Findings.BlockingErr]).
type Code string

// Error returns the code itself.
func (c Code) Error() string { return string(c) }

// Package returns the package part of the code: "schedule" for
// "schedule.weekly-minutes.below-minimum".
func (c Code) Package() string {
	p, _, _ := strings.Cut(string(c), ".")
	return p
}

// Rule is one line of a rule table: a code, the severity its findings
// have, what it checks in one line, and the source of the rule. In a
// package's table ([RuleTable]) the severity is the default and the
// citation the rule's general source; in a checker's table they are as the
// checker's profile applies them: the profile's severity (zero for a rule
// the profile turns off) and the citation of the profile's own parameters
// when it has them. Rules are comparable and safe for concurrent use.
type Rule struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity,omitzero"`
	// Scope is what the rule's findings concern (a week, a day, a claim,
	// a line, a session); zero for the record the Subject names.
	Scope   FindingScope `json:"scope,omitzero"`
	Summary string       `json:"summary"`
	Cite    Citation     `json:"cite"`
}

// Finding is the result of one rule applied to one record: which rule, how
// serious it is, which record and day it concerns, and the figures behind
// it. It refers to its rule by code: the rule's words and citation are in
// the rule table of the checker that made it ([RuleTable.Message],
// [RuleTable.Rule]). Making one does not allocate.
//
// A Finding is a result, not an error. It is small, comparable and safe
// for concurrent use.
type Finding struct {
	Code     Code     `json:"code"`
	Severity Severity `json:"severity"`
	// Scope is what the finding concerns: the week, a day, a claim, a
	// claim line or a session, from its rule ([Rule.Scope]); zero for the
	// record Subject names.
	Scope FindingScope `json:"scope,omitzero"`
	// Subject is the opaque record ID the finding concerns (a patient, a
	// group, a claim), chosen by the caller; never a name or other detail.
	Subject string `json:"subject,omitzero"`
	// Day is the day the finding concerns, when it concerns one day of a
	// week (a day below a payment tier); zero otherwise.
	Day date.Date `json:"day,omitzero"`
	// Level is the level of care the finding points to, when it names one:
	// the level whose weekly band the hours fall in.
	Level Level `json:"level,omitzero"`
	// Line is the number of the claim line the finding concerns (Subject
	// is then the claim), from 1; zero when it concerns no one line.
	Line int32 `json:"line,omitzero"`
	// Ref names what else the finding is about: the profile parameter when
	// the rule has several (the follow-up window "fuh-7"), what a day below
	// the payment tier gets instead, or the other record of a pair (the
	// session overlapped, the claim replacing this one, the first line of
	// a repeat as "claim#line").
	Ref string `json:"ref,omitzero"`
	// Need and Got are the figures involved, in Unit: the rule needed 540
	// minutes and found 525. Both are zero when Unit is zero.
	Need int64 `json:"need,omitzero"`
	Got  int64 `json:"got,omitzero"`
	Unit Unit  `json:"unit,omitzero"`
	// Input is where in the input the record the finding is drawn from
	// was read (a CSV row's line, an 837I line's SV2 segment), when it
	// was read from a file and the finding concerns one record: a claim
	// line, a claim (its first line read, or the first line the finding
	// counts), a session. Zero otherwise. It follows Unit to keep a
	// Finding at 96 bytes.
	Input Input `json:"input,omitzero"`
}

// IsZero reports whether f is the zero Finding.
func (f Finding) IsZero() bool { return f == Finding{} }

// UnmarshalJSON decodes a finding strictly, as json.Marshal writes it: an
// unknown or repeated member, a value of the wrong type, an unknown
// severity, level or unit, or a day that does not exist is an error naming
// the field ([FieldErrors]). On error f is unchanged.
func (f *Finding) UnmarshalJSON(data []byte) error {
	var v Finding
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*f = v
	return nil
}

// String returns the finding without words: "code [subject] line N at
// input line I on day (ref): level L: need N, got G", each part only when
// the finding has it ("at segment 57" for an X12 input). It holds record
// IDs, positions and figures only, never the input's text.
func (f Finding) String() string { return string(f.appendTo(nil)) }

func (f Finding) appendTo(b []byte) []byte {
	b = append(b, f.Code...)
	if f.Subject != "" {
		b = append(b, " ["...)
		b = AppendID(b, f.Subject)
		b = append(b, ']')
	}
	return f.appendDetail(b)
}

// appendDetail appends the line, input, day, ref, level and figures of f.
func (f Finding) appendDetail(b []byte) []byte {
	if f.Line != 0 {
		b = append(b, " line "...)
		b = strconv.AppendInt(b, int64(f.Line), 10)
	}
	if !f.Input.IsZero() {
		b = append(b, " at "...)
		b = f.Input.appendTo(b)
	}
	if f.Day != 0 {
		b = append(b, " on "...)
		b = append(b, f.Day.Format(date.ISO8601)...)
	}
	if f.Ref != "" {
		b = append(b, " ("...)
		b = AppendID(b, f.Ref)
		b = append(b, ')')
	}
	if f.Level != 0 {
		b = append(b, ": level "...)
		b = append(b, f.Level.String()...)
	}
	switch {
	case f.Unit == 0:
	case f.Need == 0:
		// No threshold: the figure alone (the time not counted, the lines).
		b = append(b, ": "...)
		b = appendFigure(b, f.Got, f.Unit)
	default:
		b = append(b, ": need "...)
		b = appendFigure(b, f.Need, f.Unit)
		b = append(b, ", got "...)
		b = appendFigure(b, f.Got, f.Unit)
	}
	return b
}

// AppendID appends the record ID id to b as it is when it is printable
// ASCII without spaces or quotes, and quoted with Go escapes otherwise, so
// that an ID can never forge a line or a terminal escape in a report.
func AppendID(b []byte, id string) []byte {
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c >= 0x7f || c == '"' || c == '\\' {
			return strconv.AppendQuoteToASCII(b, id)
		}
	}
	if id == "" {
		return append(b, `""`...)
	}
	return append(b, id...)
}

// Figure returns v written in unit u: minutes as "9h00m", days as
// "30 days", counts and intensities as the number.
func Figure(v int64, u Unit) string { return string(appendFigure(nil, v, u)) }

// appendFigure appends v written in unit u, as [Figure] writes it, to b.
func appendFigure(b []byte, v int64, u Unit) []byte {
	switch u {
	case UnitMinutes:
		if v == int64(Minutes(v)) {
			return Minutes(v).appendTo(b)
		}
	case UnitLevel:
		if l := Level(v); int64(l) == v && l.IsValid() {
			return append(b, l.String()...)
		}
	case UnitDays:
		b = strconv.AppendInt(b, v, 10)
		if v == 1 || v == -1 {
			return append(b, " day"...)
		}
		return append(b, " days"...)
	}
	return strconv.AppendInt(b, v, 10)
}

// IsBlocking reports whether the finding blocks.
func (f Finding) IsBlocking() bool { return f.Severity == SeverityBlocking }

// Findings is the list of findings of a check, in rule order: the order in
// which the check applies its rules, then the order of the records. A nil
// list means every rule was met. Findings is a result, not an error: use
// [Findings.BlockingErr] for an error that is nil unless something blocks.
type Findings []Finding

// BlockingErr returns nil when no finding of fs blocks, and otherwise a
// [*BlockingError] holding the blocking findings only, so that
// errors.Is(fs.BlockingErr(), code) is true only when a finding of that
// code blocks: a warning of the same code does not count.
func (fs Findings) BlockingErr() error {
	if !fs.HasBlocking() {
		return nil
	}
	return &BlockingError{Findings: fs.Blocking()}
}

// BlockingError is the error of [Findings.BlockingErr]: the blocking
// findings of a check, in order. Its message holds codes, record IDs and
// figures only.
type BlockingError struct {
	Findings Findings
}

// Error returns the blocking findings as [Finding.String] writes them,
// joined by "; ".
func (e *BlockingError) Error() string {
	b := []byte("blocking: ")
	for i, f := range e.Findings {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = f.appendTo(b)
	}
	return string(b)
}

// Unwrap returns the codes of the blocking findings, so that
// errors.Is(err, code) reports whether a finding of that code blocks.
func (e *BlockingError) Unwrap() []error {
	errs := make([]error, len(e.Findings))
	for i, f := range e.Findings {
		errs[i] = f.Code
	}
	return errs
}

// HasBlocking reports whether any finding blocks.
func (fs Findings) HasBlocking() bool {
	for _, f := range fs {
		if f.Severity == SeverityBlocking {
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

// Held returns the days that blocking findings hold, in order and each
// once (a day below a payment tier in a CMHC, a day no certification
// covers), and whether a blocking finding holds the whole record (a week,
// a claim): one without a day, or one whose Scope is a record other than
// a day (an excluded code on a claim names the day of its first line, and
// holds the claim). Medicare pays by the day: a day held does not hold the
// other days of the week, which stay billable.
func (fs Findings) Held() (days []date.Date, whole bool) {
	for _, f := range fs {
		switch {
		case f.Severity != SeverityBlocking:
		case f.Day == 0 || (f.Scope != 0 && f.Scope != FindingScopeDay):
			whole = true
		default:
			k, found := slices.BinarySearch(days, f.Day)
			if !found {
				days = slices.Insert(days, k, f.Day)
			}
		}
	}
	return days, whole
}

// Blocking returns the blocking findings, in order, as a new list.
func (fs Findings) Blocking() Findings { return fs.AtLeast(SeverityBlocking) }

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

// Sorted returns a copy of fs ordered by code, subject, day and figures,
// then by the fields that tell the rest apart (line, level, ref, severity,
// scope, unit, input): an order that does not depend on the order of the
// input records, since only equal findings are left as they came.
func (fs Findings) Sorted() Findings {
	out := slices.Clone(fs)
	slices.SortStableFunc(out, func(a, b Finding) int {
		if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
			return c
		}
		if c := strings.Compare(a.Subject, b.Subject); c != 0 {
			return c
		}
		if a.Day != b.Day {
			return int(a.Day - b.Day)
		}
		if a.Need != b.Need {
			return cmpInt64(a.Need, b.Need)
		}
		if a.Got != b.Got {
			return cmpInt64(a.Got, b.Got)
		}
		return cmp.Or(
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Level, b.Level),
			strings.Compare(a.Ref, b.Ref),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Scope, b.Scope),
			cmp.Compare(a.Unit, b.Unit),
			cmp.Compare(a.Input.v, b.Input.v),
		)
	})
	return out
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
