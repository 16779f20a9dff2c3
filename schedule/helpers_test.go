package schedule_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// day returns the date y-m-d; the components are literals known to exist.
func day(y, m, d int) date.Date {
	return date.New(y, time.Month(m), d)
}

// at returns an attended group session of patient "p-1" on d from 09:00.
func at(d date.Date, minutes iop.Minutes) schedule.Session {
	return schedule.Session{Patient: "p-1", Date: d, Start: schedule.MustParseClock("09:00"),
		Planned: minutes, Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}
}

// checker returns a Checker for p.
func checker(t testing.TB, p iop.Profile) schedule.Checker {
	t.Helper()
	ck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	return ck
}

// adult is an episode of an adult admitted long before the weeks tested.
func adult() schedule.Stay {
	return schedule.Stay{Population: iop.PopulationAdult, Admitted: day(2024, 1, 1)}
}

// summarize summarises sessions in the ISO week holding d.
func summarize(t testing.TB, ck schedule.Checker, d date.Date, sessions ...schedule.Session) schedule.WeekSummary {
	t.Helper()
	sum, err := ck.Summarize(schedule.ISOWeeks().Of(d), sessions)
	require.NoError(t, err)
	return sum
}

// check summarises sessions in the ISO week holding d and checks it,
// recording the findings for the coverage of the rule table.
func check(t testing.TB, ck schedule.Checker, d date.Date, e schedule.Stay, sessions ...schedule.Session) iop.Findings {
	t.Helper()
	return checkSum(t, ck, summarize(t, ck, d, sessions...), e)
}

// checkSum checks a summary, recording the findings.
func checkSum(t testing.TB, ck schedule.Checker, sum schedule.WeekSummary, e schedule.Stay) iop.Findings {
	t.Helper()
	fs, err := ck.CheckWeek(&sum, e)
	require.NoError(t, err)
	return covered(t, ck, fs)
}

// covered records fs, found by ck, for the coverage of the rule table and
// returns it.
func covered(t testing.TB, ck schedule.Checker, fs iop.Findings) iop.Findings {
	t.Helper()
	cover.Check(t, ck.Profile(), fs)
	return fs
}

// finding returns the finding of code under the rule table's severity.
func finding(code iop.Code, f iop.Finding) iop.Finding {
	r, ok := schedule.Rules().Rule(code)
	if !ok {
		panic("no rule " + string(code))
	}
	f.Code, f.Severity, f.Scope = code, r.Severity, r.Scope
	return f
}

// findingIn returns the finding of code as profile p applies it: the
// severity of p's setting for the rule, or the table's.
func findingIn(p iop.Profile, code iop.Code, f iop.Finding) iop.Finding {
	f = finding(code, f)
	r, _ := schedule.Rules().Rule(code)
	f.Severity, _ = p.Setting(r)
	return f
}

// minutes returns the figures of a finding in minutes for patient p-1.
func minutes(need, got int64) iop.Finding {
	return iop.Finding{Subject: "p-1", Need: need, Got: got, Unit: iop.UnitMinutes}
}

// fieldErrors returns the field errors in err as field: reason, failing
// when err is not an iop.FieldErrors.
func fieldErrors(t *testing.T, err error) map[string]string {
	t.Helper()
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	out := map[string]string{}
	for _, fe := range es {
		out[fe.Field] = fe.Err.Error()
	}
	return out
}

// fieldError returns the first field error in err, failing when there is
// none.
func fieldError(t *testing.T, err error) *iop.FieldError {
	t.Helper()
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	return fe
}

// jsonRoundTrip checks that v encodes to JSON that decodes to v and encodes
// to the same bytes again. It returns false, checking nothing, when v does
// not encode.
func jsonRoundTrip[T any](t *testing.T, v T, decode func(*T, []byte) error) bool {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		return false
	}
	var again T
	require.NoError(t, decode(&again, b))
	require.Equal(t, v, again)
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	return true
}

// textEnum is an enum with the text methods of the house style.
type textEnum interface {
	comparable
	String() string
	MarshalText() ([]byte, error)
}

// enumRoundTrip checks that each value parses from its String and survives
// MarshalText then UnmarshalText.
func enumRoundTrip[T textEnum](t *testing.T, values []T, parse func(string) (T, error), unmarshal func(*T, []byte) error) {
	t.Helper()
	for _, v := range values {
		got, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, got)
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, unmarshal(&back, b))
		assert.Equal(t, v, back)
	}
}

// noInput checks that err's message does not hold input, the text a parser
// refused.
func noInput(t *testing.T, err error, input string) {
	t.Helper()
	if err == nil || len(input) < 3 {
		return
	}
	var pe *iop.ParseError
	var fe *iop.FieldError
	var re *schedule.RowError
	require.True(t, errors.As(err, &pe) || errors.As(err, &fe) || errors.As(err, &re), "a typed error: %T", err)
	assert.NotContains(t, err.Error(), input, "the message holds the input")
}

// only returns the findings of fs with code c, nil when none.
func only(fs iop.Findings, c iop.Code) iop.Findings {
	var out iop.Findings
	for _, f := range fs {
		if f.Code == c {
			out = append(out, f)
		}
	}
	return out
}

// openDir opens a directory, which reads as an error.
func openDir(t *testing.T) (*os.File, error) {
	t.Helper()
	f, err := os.Open(t.TempDir())
	if err == nil {
		t.Cleanup(func() { _ = f.Close() })
	}
	return f, err
}

// benefitOf returns p's schedule part; the zero Benefit when p has none.
func benefitOf(p iop.Profile) schedule.Benefit {
	b, _ := iop.PartOf[schedule.Benefit](&p)
	return b
}

// withBenefit returns p with its schedule part changed by f.
func withBenefit(p iop.Profile, f func(*schedule.Benefit)) iop.Profile {
	b := benefitOf(p)
	f(&b)
	return p.WithPart(b)
}

// ptr returns a pointer to a copy of v: the summaries the checks take by
// pointer, from a helper's value.
func ptr[T any](v T) *T { return &v }

// inputLines returns where each line was read.
func inputLines(lines []schedule.ClaimLine) []iop.Input {
	var out []iop.Input
	for _, l := range lines {
		out = append(out, l.Input)
	}
	return out
}

// clearInput returns lines with where each was read cleared, for a
// comparison with lines built by hand (inputLines gives it).
func clearInput(lines []schedule.ClaimLine) []schedule.ClaimLine {
	for i := range lines {
		lines[i].Input = iop.Input{}
	}
	return lines
}

// sessionInputs returns where each session was read.
func sessionInputs(ss []schedule.Session) []iop.Input {
	var out []iop.Input
	for _, s := range ss {
		out = append(out, s.Input)
	}
	return out
}

// clearSessionInput returns sessions with where each was read cleared.
func clearSessionInput(ss []schedule.Session) []schedule.Session {
	for i := range ss {
		ss[i].Input = iop.Input{}
	}
	return ss
}

// csvLines returns the Inputs of CSV lines ns.
func csvLines(ns ...int) []iop.Input {
	var out []iop.Input
	for _, n := range ns {
		out = append(out, iop.InputLine(n))
	}
	return out
}
