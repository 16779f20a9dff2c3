package authorization_test

import (
	"github.com/ioprules/ioprules"
	"os"
	"slices"
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// cover proves that every code of the rule table is produced by some test
// and that every finding has the severity its profile gives it.
var cover = checktest.New(authorization.Rules())

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }

// profile is the profile the tests check under: its identity and rule
// settings; the Terms come apart.
func profile() iop.Profile { return ioprules.MedicareIOP2026() }

// newChecker returns a Checker for profile() with Terms terms as its
// authorization part.
func newChecker(t testing.TB, terms authorization.Terms) authorization.Checker {
	t.Helper()
	ck, err := newCheckerErr(terms)
	require.NoError(t, err)
	return ck
}

// newCheckerErr is newChecker with its error.
func newCheckerErr(terms authorization.Terms) (authorization.Checker, error) {
	return authorization.NewChecker(profile().WithPart(terms))
}

// reviewTerms are a payer's terms: a review 3 days before the end, a
// 2-week rate window, and no notice rule.
func reviewTerms() authorization.Terms {
	return authorization.Terms{LeadDays: 3, ReviewCite: iop.Citation{Source: "Payer X UR manual §4", Edition: "2026"}}
}

func day(s string) date.Date { return iop.MustParseDate(s) }

// auth returns a certified authorization of patient P-1 for 10 days from
// Monday 2026-03-02 through Friday 2026-03-13, both included.
func auth() authorization.Authorization {
	return authorization.Authorization{
		Number: "AUTH-1", Payer: "PAYER-1", Patient: "P-1", Level: iop.Level21,
		Codes: [8]string{"H0015"}, Quantity: 10, Unit: authorization.QuantityUnitDays,
		Effective: day("2026-03-02"), Expiration: day("2026-03-13"), Action: authorization.ActionCertified,
	}
}

// week returns patient's ISO week summary of the week holding from, with
// minutes and services on each day given, from the week's Monday.
func week(patient, monday string, minutes []iop.Minutes, services []uint16) schedule.WeekSummary {
	w := schedule.ISOWeeks().Of(day(monday))
	s := schedule.WeekSummary{Patient: patient, Week: w}
	for i, m := range minutes {
		s.DayMinutes[i] = m
		s.Minutes += m
	}
	for i, n := range services {
		s.DayServices[i] = n
	}
	return s
}

// days returns the ISO week summaries of patient with one 3-hour service
// on each day listed, in the order the weeks first appear.
func days(patient string, ds ...string) []schedule.WeekSummary {
	var out []schedule.WeekSummary
	for _, s := range ds {
		d := day(s)
		w := schedule.ISOWeeks().Of(d)
		j := slices.IndexFunc(out, func(s schedule.WeekSummary) bool { return s.Week == w })
		if j < 0 {
			out = append(out, schedule.WeekSummary{Patient: patient, Week: w})
			j = len(out) - 1
		}
		sum := &out[j]
		i := w.Index(d)
		sum.DayMinutes[i] += 180
		sum.Minutes += 180
		sum.DayServices[i]++
	}
	return out
}

// weekdays returns the days Monday to Friday of the weeks from monday.
func weekdays(monday string, weeks int) []string {
	var out []string
	for w := range weeks {
		for i := range 5 {
			out = append(out, (day(monday) + date.Date(7*w+i)).Format(date.ISO8601))
		}
	}
	return out
}

// decision returns a decision for an adult recommended level 2.1 and
// placed at placed (the recommended level when placed is zero).
func decision(t testing.TB, placed iop.Level) eligibility.Decision {
	t.Helper()
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	r, err := eligibility.NewRatings(1, 0, 1, 2, 2, 1)
	require.NoError(t, err)
	d, err := ck.Decide(eligibility.Assessment{ID: "A-1", Edition: iop.Edition3, Date: day("2026-03-02"), Population: iop.PopulationAdult, Ratings: r})
	require.NoError(t, err)
	require.Equal(t, iop.Level21, d.Recommended())
	if placed != 0 && placed != iop.Level21 {
		d, err = d.Place(placed, eligibility.VarianceReasonClinicalJudgement, "N-1")
		require.NoError(t, err)
	}
	return d
}

// fx is an expected finding, without what the rule table gives it.
type fx struct {
	code         iop.Code
	subject, ref string
	day          string
	level        iop.Level
	need, got    int64
	unit         iop.Unit
}

// want returns the findings fxs as ck reports them: each with its rule's
// severity under ck's profile; nil for none.
func want(t testing.TB, ck authorization.Checker, fxs ...fx) iop.Findings {
	t.Helper()
	var out iop.Findings
	for _, x := range fxs {
		rule, ok := ck.Rules().Rule(x.code)
		require.True(t, ok, "code %s not in the table", x.code)
		var d date.Date
		if x.day != "" {
			d = day(x.day)
		}
		out = append(out, iop.Finding{Code: x.code, Severity: rule.Severity, Subject: x.subject, Day: d, Level: x.level,
			Ref: x.ref, Need: x.need, Got: x.got, Unit: x.unit})
	}
	return out
}

// day0 is day, with the zero date for "".
func day0(s string) date.Date {
	if s == "" {
		return 0
	}
	return day(s)
}
