package eligibility_test

import (
	"os"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/internal/checktest"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/require"
)

// cover proves that every rule of the table is produced by some test, and
// that every finding has the severity its profile gives it.
var cover = checktest.New(eligibility.Rules())

func TestMain(m *testing.M) { os.Exit(cover.Run(m)) }

var day = iop.MustParseDate("2025-03-03")

// iopRisks are ratings for which the default criteria recommend 2.1.
var iopRisks = [6]int{1, 0, 1, 2, 2, 1}

// lowRisks are ratings for which the default criteria recommend 1.
var lowRisks = [6]int{0, 0, 0, 1, 1, 1}

// ratings rates D1 to D6 with the given numbers.
func ratings(t testing.TB, risks [6]int) eligibility.Ratings {
	t.Helper()
	var rs eligibility.Ratings
	for i, n := range risks {
		r, err := eligibility.RiskOf(n)
		require.NoError(t, err)
		rs = rs.With(eligibility.Dimension(i+1), eligibility.Rating{Risk: r})
	}
	return rs
}

// assess returns a valid adult 3rd-edition assessment with the given risks
// (D1 to D6, as numbers 0-4) and modifiers.
func assess(t testing.TB, risks [6]int, mods ...eligibility.Modifier) eligibility.Assessment {
	t.Helper()
	return eligibility.Assessment{
		ID: "A-1", Edition: iop.Edition3, Date: day, Population: iop.PopulationAdult,
		Ratings: ratings(t, risks), Modifiers: iop.SetOf[eligibility.Modifier](mods...),
	}
}

// newChecker returns a checker for p and the default criteria.
func newChecker(t testing.TB, p iop.Profile) eligibility.Checker {
	t.Helper()
	ck, err := eligibility.NewChecker(p)
	require.NoError(t, err)
	return ck
}

// std is the checker for ASAM level 2.1, 3rd edition, and the default
// criteria.
func std(t testing.TB) eligibility.Checker { return newChecker(t, ioprules.ASAM3Level21()) }

// decide decides a with the default criteria and requires no error.
func decide(t testing.TB, a eligibility.Assessment) eligibility.Decision {
	t.Helper()
	d, err := std(t).Decide(a)
	require.NoError(t, err)
	return d
}

// meetsAll returns a with every patient criterion documented as met: what
// the Medicare profiles' admissions need besides the hours.
func meetsAll(a eligibility.Assessment) eligibility.Assessment {
	a.Patient = eligibility.PatientRecord{Met: iop.SetOf(iop.All[eligibility.PatientCriterion]()...)}
	return a
}

// decideRisks decides an assessment with the given risks and modifiers.
func decideRisks(t testing.TB, risks [6]int, mods ...eligibility.Modifier) eligibility.Decision {
	t.Helper()
	return decide(t, assess(t, risks, mods...))
}

// place places d at level given and requires no error.
func place(t testing.TB, d eligibility.Decision, given iop.Level, reason eligibility.VarianceReason, note string) eligibility.Decision {
	t.Helper()
	p, err := d.Place(given, reason, note)
	require.NoError(t, err)
	return p
}

// checked requires no error and records the findings with the coverage,
// which checks their severities against ck's profile.
func checked(t testing.TB, ck eligibility.Checker, fs iop.Findings, err error) iop.Findings {
	t.Helper()
	require.NoError(t, err)
	cover.Check(t, ck.Profile(), fs)
	return fs
}

func admission(t testing.TB, ck eligibility.Checker, d eligibility.Decision, planned iop.Minutes) iop.Findings {
	t.Helper()
	fs, err := ck.CheckAdmission(&d, planned)
	return checked(t, ck, fs, err)
}

func continuedStay(t testing.TB, ck eligibility.Checker, rv eligibility.Review) iop.Findings {
	t.Helper()
	fs, err := ck.CheckContinuedStay(&rv)
	return checked(t, ck, fs, err)
}

func transfer(t testing.TB, ck eligibility.Checker, rv eligibility.Review) iop.Findings {
	t.Helper()
	fs, err := ck.CheckTransfer(&rv)
	return checked(t, ck, fs, err)
}

func discharge(t testing.TB, ck eligibility.Checker, x eligibility.DischargeReview) iop.Findings {
	t.Helper()
	fs, err := ck.CheckDischargeReview(&x)
	return checked(t, ck, fs, err)
}

func decisionFindings(t testing.TB, ck eligibility.Checker, d eligibility.Decision) iop.Findings {
	t.Helper()
	fs, err := ck.CheckDecision(&d)
	return checked(t, ck, fs, err)
}

func varianceFindings(t testing.TB, ck eligibility.Checker, d eligibility.Decision) iop.Findings {
	t.Helper()
	fs, err := ck.CheckVariance(&d)
	return checked(t, ck, fs, err)
}

// rule returns the rule table's line for code c.
func rule(t testing.TB, c iop.Code) iop.Rule {
	t.Helper()
	r, ok := eligibility.Rules().Rule(c)
	if !ok {
		t.Fatalf("no rule %s", c)
	}
	return r
}

// finding returns the finding of rule c with the table's severity, summary
// and citation, about subject, with the given figures.
func finding(t testing.TB, c iop.Code, subject string, need, got int64, unit iop.Unit) iop.Finding {
	t.Helper()
	r := rule(t, c)
	return iop.Finding{Code: c, Severity: r.Severity, Subject: subject, Need: need, Got: got, Unit: unit}
}

// fieldWant is one error expected of a refusal: the field, and the
// sentinel the error wraps.
type fieldWant struct {
	field string
	err   error
}

// requireFields requires err to be an iop.FieldErrors with exactly the
// given fields, in order, each wrapping its sentinel.
func requireFields(t testing.TB, err error, want ...fieldWant) {
	t.Helper()
	var got iop.FieldErrors
	require.ErrorAs(t, err, &got)
	fields := make([]string, len(got))
	for i, fe := range got {
		fields[i] = fe.Field
	}
	wantFields := make([]string, len(want))
	for i, w := range want {
		wantFields[i] = w.field
	}
	require.Equal(t, wantFields, fields)
	for i, w := range want {
		require.ErrorIs(t, got[i], w.err, "%s", w.field)
	}
}

func set(ds ...eligibility.Dimension) iop.Set[eligibility.Dimension] {
	return iop.SetOf[eligibility.Dimension](ds...)
}

var allDims = set(eligibility.Dimension1, eligibility.Dimension2, eligibility.Dimension3, eligibility.Dimension4, eligibility.Dimension5, eligibility.Dimension6)

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

// placementOf returns p's eligibility part; the zero Placement when p has none.
func placementOf(p iop.Profile) eligibility.Placement {
	x, _ := iop.PartOf[eligibility.Placement](&p)
	return x
}

// withPlacement returns p with its eligibility part changed by f.
func withPlacement(p iop.Profile, f func(*eligibility.Placement)) iop.Profile {
	x := placementOf(p)
	f(&x)
	return p.WithPart(x)
}

// withCriteria returns p with its placement's criteria c.
func withCriteria(p iop.Profile, c eligibility.Criteria) iop.Profile {
	return withPlacement(p, func(x *eligibility.Placement) { x.Criteria = c })
}

func ptr[T any](v T) *T { return &v }

// criterionFinding is the admission finding of code about patient
// criterion c of assessment A-1 (not met, or not judged).
func criterionFinding(t testing.TB, code iop.Code, c eligibility.PatientCriterion) iop.Finding {
	f := finding(t, code, "A-1", 0, 0, 0)
	f.Ref = c.String()
	return f
}

// decideRecord decides an assessment of risks and mods whose patient
// criteria are documented as rec.
func decideRecord(t testing.TB, risks [6]int, rec eligibility.PatientRecord, mods ...eligibility.Modifier) eligibility.Decision {
	a := assess(t, risks, mods...)
	a.Patient = rec
	return decide(t, a)
}
