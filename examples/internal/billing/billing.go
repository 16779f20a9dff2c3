package billing

import (
	"cmp"
	"errors"
	"io"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// The input kinds: sessions, or claim lines.
const (
	InputSessions = inputSessions
	InputClaims   = inputClaims
)

// InputX12 is billingcheck's -input kind of an X12 837I, whose claim lines
// are checked as a claim-line CSV's (Options.X12).
const InputX12 = inputX12

// IsX12 reports whether an input starts as an X12 interchange does, with
// an ISA segment, and returns a reader of the whole input.
func IsX12(r io.Reader) (io.Reader, bool) { return isX12(r) }

// ErrMapX12 refuses renames of columns with X12 input, which has none.
var ErrMapX12 = errMapX12

// ErrInput reports input that cannot be read at all: a header without a
// required column, an input too large, an I/O error.
var ErrInput = errInput

// Rules are the profiles a check applies: one built-in profile, or a
// family of them, each with its checker; make them with NewRules.
type Rules = ruleSet

// NewRules returns the rules name names: a family (Families) or the ID of
// a built-in profile that has a schedule part (ProfileIDs), in any case of
// its ASCII letters, as ParseWeeks reads a week scheme. It returns false
// when name is neither, and an error when a profile's checker cannot be
// made.
func NewRules(name string) (*Rules, bool, error) { return newRuleSet(name) }

// Families returns the names of the families of built-in profiles dated
// by calendar year, the default first.
func Families() []string { return slices.Clone(families) }

// FamilyOf returns the built-in profiles of a family, in the order of
// ioprules.Builtins, and false when family is not one of Families.
func FamilyOf(family string) (iop.Profiles, bool) { return familyOf(family) }

// InForce describes the days a profile is in force: "from 2024-01-01 to
// 2024-12-31", or "from 2026-01-01" when it is open-ended.
func InForce(p iop.Profile) string { return inForce(p) }

// ProfileIDs lists the IDs of the built-in profiles that have a schedule
// part, sorted: those the billing check applies rules of.
func ProfileIDs() []string { return profileIDs() }

// Describe names the rules for a report's heading: the profile's ID, or
// the family's name and how its profiles are chosen.
func (rs *ruleSet) Describe() string { return rs.describe() }

// ParseWeeks reads a week scheme: iso, program (from each admission), or
// the weekday calendar weeks start on, each in any case of its ASCII
// letters (no other letter that folds to one of them: the long s is no
// s). program reports program weeks.
func ParseWeeks(name string) (program bool, ws schedule.Weeks, err error) { return parseWeeks(name) }

// ParseInput reads an input kind: sessions, claims or x12, in any case of
// its ASCII letters, as ParseWeeks reads a week scheme. It returns the
// kind as InputSessions, InputClaims or InputX12 spell it.
func ParseInput(name string) (string, error) { return parseInput(name) }

// ParseFormat reads a report format: text, json or csv, in any case of
// its ASCII letters. It returns the name IsFormat accepts.
func ParseFormat(name string) (string, error) { return parseFormat(name) }

// ParseSetting reads a provider setting by the name its String gives
// (hospital, cmhc, ...), in any case of its ASCII letters.
func ParseSetting(name string) (iop.Provider, error) { return parseSetting(name) }

// DescribeWeeks names a week scheme for a report's heading.
func DescribeWeeks(program bool, ws schedule.Weeks) string { return describeWeeks(program, ws) }

// ParseColumns reads renames of an input's columns, from=to pairs
// separated by commas, each "to" a column of the input kind.
func ParseColumns(s, kind string) (map[string]string, error) { return parseMap(s, kind) }

// SessionColumns describes the columns of the sessions CSV.
func SessionColumns() []Column { return sessionColumns() }

// ClaimColumns describes the columns of the claim-line CSV.
func ClaimColumns() []Column { return claimColumns() }

// EpisodeColumns are the columns of the episodes CSV, in their order.
func EpisodeColumns() []string { return slices.Clone(episodeColumns) }

// CSVColumns are the columns of the CSV report.
func CSVColumns() []string { return slices.Clone(csvColumns) }

// Quote writes a name given by the user (an ID, a file or column name) for
// a message: as it is when it is plain printable ASCII, quoted with Go
// escapes otherwise.
func Quote(s string) string { return quote(s) }

// QuoteAll quotes each name and joins them with ", ".
func QuoteAll(names []string) string { return quoteAll(names) }

// JSONFinding is a finding as the JSON report writes it: the iop.Finding's
// fields, then the summary and citation of its rule as the profile applied
// it.
type JSONFinding = jsonFinding

// Options say what a check reads and applies.
type Options struct {
	// Input is the input's kind, InputSessions (when empty) or InputClaims.
	Input string
	// X12 reports claim lines read from an X12 837I (package x12), with
	// Input InputClaims; Columns are then not used.
	X12 bool
	// Rules are the profiles applied; NewRules makes them.
	Rules *Rules
	// Program reports program weeks, from each patient's admission; Weeks
	// is the week scheme otherwise.
	Program bool
	Weeks   schedule.Weeks
	// Setting is the provider setting of every episode, for each day's
	// APC; zero for none.
	Setting iop.Provider
	// Columns renames the input's columns (ParseColumns).
	Columns map[string]string
	// Source names the input in the text report's heading; when empty,
	// the heading names none.
	Source string
	// MaxErrors is how many rows refused are reported, at most; those
	// after are counted (Report.Refused). 0 means
	// schedule.DefaultMaxErrors, a negative value all.
	MaxErrors int
}

// Report is a check's results: what was read, refused and checked.
type Report struct {
	head heading
	in   *input
	res  results
}

// Check reads the sessions or claim lines from data, the episodes CSV from
// episodes when it is not nil, and checks every patient-week, and every
// claim, against the profile of the rules in force on its first day of
// service. A row that cannot be read is in the report; input that cannot
// be read at all is an error wrapping ErrInput.
func Check(data, episodes io.Reader, opt Options) (*Report, error) {
	if opt.Rules == nil {
		return nil, errors.New("billing.Check: no rules")
	}
	in, err := readInput(data, episodes, readOptions{kind: opt.Input, x12: opt.X12, mapping: opt.Columns, setting: opt.Setting, maxErrors: opt.MaxErrors})
	if err != nil {
		return nil, err
	}
	var weeksFor func(patient string) schedule.Weeks
	if opt.Program {
		weeksFor = func(patient string) schedule.Weeks {
			ws, _ := schedule.ProgramWeeks(in.episodes[patient].Admitted)
			return ws
		}
	}
	rows, skipped, stats, err := summarize(opt.Rules, opt.Weeks, weeksFor, in)
	if err != nil {
		return nil, err
	}
	res, err := checkWeeks(opt.Rules, in, rows)
	if err != nil {
		return nil, err
	}
	// The weeks no profile applies to, and those checkWeeks could not
	// judge, in patient and week order.
	res.unchecked = append(skipped, res.unchecked...)
	slices.SortStableFunc(res.unchecked, func(a, b unchecked) int {
		return cmp.Or(strings.Compare(a.patient, b.patient), cmp.Compare(a.week.Start(), b.week.Start()))
	})
	if in.kind == inputClaims {
		var claims []unchecked
		if res.claims, claims, err = checkClaims(opt.Rules, in); err != nil {
			return nil, err
		}
		res.unchecked = append(res.unchecked, claims...)
		for _, c := range res.claims {
			res.count(c.findings)
		}
	}
	head := heading{weeks: describeWeeks(opt.Program, opt.Weeks), source: opt.Source, stats: stats,
		setting: opt.Setting, rules: opt.Rules}
	return &Report{head: head, in: in, res: res}, nil
}

// Ignored lists the input's columns ignored, by name.
func (r *Report) Ignored() []string { return slices.Clone(r.in.ignored) }

// Failed reports whether a finding blocks, a row was refused, or a
// patient-week or claim was not checked (no profile in force).
func (r *Report) Failed() bool {
	return r.res.blocking > 0 || r.in.refused() > 0 || len(r.res.unchecked) > 0
}

// Refused returns the number of rows refused, those reported and those
// counted past Options.MaxErrors.
func (r *Report) Refused() int { return r.in.refused() }

// IsFormat reports whether name is a report format: text, json or csv.
func IsFormat(name string) bool {
	return formatOf(name) != nil
}

// WriteJSON writes the JSON report to out, as Write("json", ...) does;
// the page calls it, and WriteCSV, by name, so that its WebAssembly holds
// no text report.
func (r *Report) WriteJSON(out, errOut io.Writer) { writeJSON(out, errOut, r.head, r.in, r.res) }

// WriteCSV writes the CSV report to out, as Write("csv", ...) does.
func (r *Report) WriteCSV(out, errOut io.Writer) { writeCSV(out, errOut, r.head, r.in, r.res) }

// Write writes the report in a format (IsFormat) to out, and to errOut
// what is not data in that format (json and csv: the rows refused, what
// was not checked). Write errors are left to out to keep: write to a
// bufio.Writer and check its Flush.
func (r *Report) Write(format string, out, errOut io.Writer) {
	if f := formatOf(format); f != nil {
		f(out, errOut, r.head, r.in, r.res)
	}
}
