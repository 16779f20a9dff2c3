package billing

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ioprules/ioprules/internal/benefits"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// parseWeeks reads the -weeks flag: iso, program or a weekday's English
// name, each in any case of its ASCII letters ("ISO", "Sunday"); nothing
// else (no abbreviation, no space, no other letter that folds to one of
// them).
func parseWeeks(name string) (program bool, ws schedule.Weeks, err error) {
	switch {
	case foldASCII(name, "iso"):
		return false, schedule.ISOWeeks(), nil
	case foldASCII(name, "program"):
		return true, schedule.Weeks{}, nil
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if foldASCII(name, d.String()) {
			ws, err := schedule.CalendarWeeks(d)
			return false, ws, err
		}
	}
	return false, schedule.Weeks{}, fmt.Errorf("unknown -weeks %s: want iso, program or a weekday", quote(name))
}

// Every flag whose value is one of a list of names (-input, -profile,
// -weeks, -setting, -format) reads it as parseWeeks does: in any case of
// its ASCII letters, and nothing else. Each parse returns the name as the
// list spells it.

// parseInput reads the -input flag: sessions, claims or x12.
func parseInput(name string) (string, error) {
	if k, ok := foldName(name, []string{inputSessions, inputClaims, inputX12}); ok {
		return k, nil
	}
	return "", fmt.Errorf("unknown -input %s: want sessions, claims or x12", quote(name))
}

// parseFormat reads the -format flag: text, json or csv.
func parseFormat(name string) (string, error) {
	if f, ok := foldName(name, []string{"text", "json", "csv"}); ok {
		return f, nil
	}
	return "", fmt.Errorf("unknown -format %s: want text, json or csv", quote(name))
}

// parseSetting reads the -setting flag: a provider setting by the name
// its String gives (hospital, cmhc, ...).
func parseSetting(name string) (iop.Provider, error) {
	var names []string
	for _, p := range iop.All[iop.Provider]() {
		if foldASCII(name, p.String()) {
			return p, nil
		}
		names = append(names, p.String())
	}
	return 0, fmt.Errorf("unknown -setting %s: want %s", quote(name), strings.Join(names, ", "))
}

// foldName returns the name of names that s is in any case of its ASCII
// letters (foldASCII), and false when there is none.
func foldName(s string, names []string) (string, bool) {
	for _, n := range names {
		if foldASCII(s, n) {
			return n, true
		}
	}
	return "", false
}

// foldASCII reports whether s is word in any case of its ASCII letters:
// strings.EqualFold, but for s in ASCII only (EqualFold also takes the
// long s, U+017F, for an s).
func foldASCII(s, word string) bool {
	for i := range len(s) {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return strings.EqualFold(s, word)
}

// parseMap reads the -map flag: from=to pairs separated by commas. Each
// "to" is a column of the input kind; a "from" may appear once.
func parseMap(s, kind string) (map[string]string, error) {
	if s == "" {
		return nil, nil
	}
	m := map[string]string{}
	to := map[string]bool{}
	known := columnSet(kind)
	for i, pair := range strings.Split(s, ",") {
		from, col, ok := strings.Cut(pair, "=")
		from, col = strings.TrimSpace(from), strings.TrimSpace(col)
		switch {
		case !ok || from == "" || col == "":
			return nil, fmt.Errorf("-map: pair %d: want from=to", i+1)
		case !known[col]:
			return nil, fmt.Errorf("-map: pair %d: %s is not a column of the %s input (see -h)", i+1, quote(col), kind)
		case m[from] != "":
			return nil, fmt.Errorf("-map: pair %d: %s renamed twice", i+1, quote(from))
		case to[col]:
			return nil, fmt.Errorf("-map: pair %d: two columns renamed to %s", i+1, quote(col))
		}
		m[from], to[col] = col, true
	}
	return m, nil
}

func describeWeeks(program bool, ws schedule.Weeks) string {
	if program {
		return "program weeks from admission"
	}
	return ws.String()
}

// quote writes a name given by the user (an ID, a file or column name) for
// a message: as it is when it is plain printable ASCII, quoted with Go
// escapes otherwise, so that it cannot forge a line or a terminal escape.
func quote(s string) string { return string(iop.AppendID(nil, s)) }

// quoteAll quotes each name and joins them with ", ".
func quoteAll(names []string) string {
	var b []byte
	for i, n := range names {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = iop.AppendID(b, n)
	}
	return string(b)
}

// errInput reports input that cannot be read at all.
var errInput = errors.New("cannot read the input")

// Column is a column of an input CSV, as billingcheck -h and the page
// describe it.
type Column struct {
	// Name is the column's name, or for numbered columns the first name
	// and the last number: "modifier1..4".
	Name string
	// Need is "required", "optional" or, for the claim-line columns of
	// which a file needs one at least, "either".
	Need string
	// Format says what the column holds.
	Format string
}

// Names returns the column names c stands for: "modifier1..4" stands for
// modifier1, modifier2, modifier3 and modifier4.
func (c Column) Names() []string {
	first, last, ok := strings.Cut(c.Name, "..")
	if !ok {
		return []string{c.Name}
	}
	base := strings.TrimSuffix(first, "1")
	n, _ := strconv.Atoi(last)
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, base+strconv.Itoa(i))
	}
	return out
}

// sessionColumns describes the columns schedule.SessionReader reads; the test
// checks that it names every column schedule.WriteCSV writes.
func sessionColumns() []Column {
	var kinds, attendances, deliveries []string
	for _, k := range iop.All[iop.ServiceKind]() {
		kinds = append(kinds, k.String())
	}
	for _, a := range iop.All[schedule.Attendance]() {
		attendances = append(attendances, a.String())
	}
	for _, d := range iop.All[iop.Delivery]() {
		deliveries = append(deliveries, d.String())
	}
	return []Column{
		{"patient", "required", "the patient's record ID: 1 to 128 bytes of UTF-8, no control characters"},
		{"id", "optional", "the session's record ID, as patient"},
		{"date", "required", "the date of service, YYYY-MM-DD (a day that exists)"},
		{"start", "required", "the start time on the program's clock, HH:MM (00:00 to 23:59)"},
		{"minutes", "required", "the planned length, whole minutes; the session ends by midnight"},
		{"kind", "required", "the service: " + strings.Join(kinds, ", ")},
		{"attendance", "required", "one of " + strings.Join(attendances, ", ")},
		{"attended", "optional", "the minutes attended, whole minutes (with partial)"},
		{"code", "optional", "the billing code (HCPCS/CPT: 5 digits or upper-case letters), which may make a session count"},
		{"delivery", "optional", "how it was delivered: " + strings.Join(deliveries, ", ") +
			" (empty: in-person); whether telehealth counts is the profile's rule"},
	}
}

// claimColumns describes the columns schedule.ClaimReader reads; the test
// checks them against the reader.
func claimColumns() []Column {
	return []Column{
		{"patient", "required", "the patient's record ID: 1 to 128 bytes of UTF-8, no control characters"},
		{"claim", "required", "the claim's record ID, as patient"},
		{"line", "required", "the line's number on the claim, 1 to 65535"},
		{"date", "required", "the date of service, YYYY-MM-DD (a day that exists)"},
		{"revenue", "either", "the revenue code, 4 digits: 0905"},
		{"code", "either", "the HCPCS/CPT code, 5 digits or upper-case letters: G0410, 90834"},
		{"modifier1..4", "optional", "the code's modifiers, 2 characters: 95 or GT (video), 93 or FQ (audio only)"},
		{"units", "optional", "the units billed, 1 to 1440 (empty: 1); a timed code stands for units times its minutes"},
		{"place_of_service", "optional", "2 digits: 02 or 10 (telehealth)"},
		{"minutes", "optional", "the time of service, whole minutes, when the export gives it: it overrides the code's"},
		{"bill_type", "optional", "the claim's type of bill, 3 or 4 digits: 0131 (hospital), 0761 (CMHC)"},
		{"condition1..4", "optional", "the claim's condition codes, 2 characters: 92 (IOP), 41 (PHP)"},
		{"replaces", "optional", "the claim ID a replacement (bill type frequency 7) or void (8) names, as claim, when not its own"},
	}
}

// columnsOf describes the columns of an input kind.
func columnsOf(kind string) []Column {
	if kind == inputClaims {
		return claimColumns()
	}
	return sessionColumns()
}

// columnSet is the set of the column names of an input kind.
func columnSet(kind string) map[string]bool {
	m := map[string]bool{}
	for _, c := range columnsOf(kind) {
		for _, n := range c.Names() {
			m[n] = true
		}
	}
	return m
}

// profileIDs lists the IDs of the built-in profiles that have a schedule
// part, sorted.
func profileIDs() []string {
	var ids []string
	for _, p := range benefits.All() {
		ids = append(ids, p.ID)
	}
	slices.Sort(ids)
	return ids
}
