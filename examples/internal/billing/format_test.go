package billing

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestJSONRoundTrip decodes every line of -format json back into the
// library's types and compares them with what the library computes from
// the same input.
func TestJSONRoundTrip(t *testing.T) {
	for _, weeks := range []string{"iso", "program", "sunday"} {
		t.Run(weeks, func(t *testing.T) {
			want := libraryWeeks(t, weeks)
			out := jsonReport(t, "medicare-iop", weeks, Options{}, sampleSessions, sampleEpisodes)
			var got []libraryRow
			sc := bufio.NewScanner(strings.NewReader(out))
			for sc.Scan() {
				var line struct {
					Patient     string               `json:"patient"`
					Week        schedule.Week        `json:"week"`
					From        string               `json:"from"`
					Minutes     iop.Minutes          `json:"minutes"`
					Days        int                  `json:"days"`
					DayServices [7]uint16            `json:"day_services"`
					Profile     string               `json:"profile"`
					Result      string               `json:"result"`
					Held        []date.Date          `json:"held"`
					Findings    []jsonFinding        `json:"findings"`
					Summary     schedule.WeekSummary `json:"summary"`
				}
				dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
				dec.DisallowUnknownFields()
				require.NoError(t, dec.Decode(&line), sc.Text())
				s := line.Summary
				// The convenience fields say what the summary says.
				assert.Equal(t, s.Patient, line.Patient)
				assert.Equal(t, s.Week, line.Week)
				assert.Equal(t, s.Week.Start().String(), line.From)
				assert.Equal(t, s.Minutes, line.Minutes)
				assert.Equal(t, s.Days(), line.Days)
				assert.Equal(t, s.DayServices, line.DayServices)
				fs := plainFindings(t, line.Profile, line.Findings)
				assert.Equal(t, wantResult(fs), line.Result)
				got = append(got, libraryRow{s, line.Profile, fs})
			}
			require.NoError(t, sc.Err())
			assert.Equal(t, want, got)
		})
	}
}

// plainFindings returns the findings of a JSON report line, checked against
// the rule table of the checker of the built-in profile id: each finding's
// summary and citation are its rule's there. No findings is nil.
func plainFindings(t *testing.T, id string, jfs []jsonFinding) iop.Findings {
	t.Helper()
	if len(jfs) == 0 {
		return nil
	}
	p, ok := ioprules.Builtins().ByID(id)
	require.True(t, ok, id)
	ck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	rules := ck.Rules()
	fs := make(iop.Findings, len(jfs))
	for i, jf := range jfs {
		r, ok := rules.Rule(jf.Code)
		require.True(t, ok, string(jf.Code))
		assert.Equal(t, r.Summary, jf.Summary, string(jf.Code))
		assert.Equal(t, r.Cite, jf.Cite, string(jf.Code))
		fs[i] = jf.finding()
	}
	return fs
}

// wantResult is the JSON result of a patient-week with these findings.
func wantResult(fs iop.Findings) string {
	return strings.ToLower(severityResult(fs))
}

// libraryRow is a patient-week as the library checks it: its summary, the
// ID of the profile it is checked against and its findings.
type libraryRow struct {
	sum      schedule.WeekSummary
	profile  string
	findings iop.Findings
}

// asOf returns the checker of the Medicare IOP profile in force on day,
// from ioprules.Builtins, as a caller of the library finds it.
func asOf(t *testing.T, day date.Date) schedule.Checker {
	t.Helper()
	p, err := ioprules.Builtins().AsOf(iop.Level21, day)
	require.NoError(t, err)
	require.Contains(t, []string{"medicare-iop-2024", "medicare-iop-2025", "medicare-iop-2026"}, p.ID)
	ck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	return ck
}

// libraryWeeks computes the sample's patient-weeks with the library
// directly: the profile in force on the week's first session attended
// (the Medicare IOP profile of its year), then Checker.Summarize on each
// patient's sessions of each week, CheckWeek and CheckCertification.
func libraryWeeks(t *testing.T, weeksName string) []libraryRow {
	t.Helper()
	in, err := readInput(strings.NewReader(sampleSessions), strings.NewReader(sampleEpisodes), readOptions{})
	require.NoError(t, err)
	program, ws, err := parseWeeks(weeksName)
	require.NoError(t, err)
	type key struct {
		patient string
		week    schedule.Week
	}
	byWeek := map[key][]schedule.Session{}
	for _, s := range in.sessions {
		w := ws
		if program {
			w, err = schedule.ProgramWeeks(in.episodes[s.Patient].Admitted)
			require.NoError(t, err)
		}
		k := key{s.Patient, w.Of(s.Date)}
		byWeek[k] = append(byWeek[k], s)
	}
	keys := slices.SortedFunc(func(yield func(key) bool) {
		for k := range byWeek {
			if !yield(k) {
				return
			}
		}
	}, func(a, b key) int {
		if c := strings.Compare(a.patient, b.patient); c != 0 {
			return c
		}
		return cmp.Compare(a.week.Start(), b.week.Start())
	})
	var rows []libraryRow
	for _, k := range keys {
		first := date.Max()
		for _, s := range byWeek[k] {
			if s.Attendance == schedule.AttendanceAttended || s.Attendance == schedule.AttendancePartial {
				first = min(first, s.Date)
			}
		}
		if first == date.Max() { // no session attended: the first session's day
			for _, s := range byWeek[k] {
				first = min(first, s.Date)
			}
		}
		ck := asOf(t, first)
		sum, err := ck.Summarize(k.week, byWeek[k])
		require.NoError(t, err)
		fs, err := ck.CheckWeek(&sum, in.episodes[k.patient])
		require.NoError(t, err)
		if c, ok := in.certs[k.patient]; ok {
			cfs, err := ck.CheckCertification(&sum, c)
			require.NoError(t, err)
			fs = append(fs, cfs...)
		}
		rows = append(rows, libraryRow{sum, ck.Profile().ID, fs})
	}
	return rows
}

// jsonReport checks data (and episodes, when not empty) against the rules
// named, in the weeks named, as billingcheck -format json does, and
// returns the report.
func jsonReport(t *testing.T, rules, weeks string, opt Options, data, episodes string) string {
	t.Helper()
	rs, ok, err := NewRules(rules)
	require.NoError(t, err)
	require.True(t, ok)
	opt.Rules = rs
	opt.Program, opt.Weeks, err = ParseWeeks(weeks)
	require.NoError(t, err)
	var ep io.Reader
	if episodes != "" {
		ep = strings.NewReader(episodes)
	}
	rep, err := Check(strings.NewReader(data), ep, opt)
	require.NoError(t, err)
	var out, errOut bytes.Buffer
	rep.Write("json", &out, &errOut)
	return out.String()
}
