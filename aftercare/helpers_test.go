package aftercare_test

import (
	"github.com/ioprules/ioprules"
	"slices"
	"strconv"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// day parses an ISO date strictly; for test fixtures only.
func day(s string) date.Date { return iop.MustParseDate(s) }

func itoa(n int) string { return strconv.Itoa(n) }

// The days of the fixture episode.
var (
	referredOn   = day("2025-01-06")
	assessedOn   = day("2025-01-08")
	admittedOn   = day("2025-01-13")
	startedOn    = day("2025-01-14")
	heldOn       = day("2025-02-03")
	resumedOn    = day("2025-02-10")
	dischargedOn = day("2025-03-10")
	aftercareOn  = day("2025-03-11")
	closedOn     = day("2025-06-30")
)

// completed is a planned completion stepping down to level 1.
func completed() aftercare.Discharge {
	return aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "R-77"}
}

// fixtureEvents is the history of an episode that passes through every
// state: referral to close, with a hold.
func fixtureEvents() []aftercare.Event {
	return []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: referredOn},
		{Kind: aftercare.EventKindAssess, On: assessedOn},
		{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: startedOn},
		{Kind: aftercare.EventKindHold, On: heldOn},
		{Kind: aftercare.EventKindResume, On: resumedOn},
		{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: completed()},
		{Kind: aftercare.EventKindAftercare, On: aftercareOn},
		{Kind: aftercare.EventKindClose, On: closedOn},
	}
}

// prefixFor is how many fixture events bring an episode to state s.
var prefixFor = map[aftercare.State]int{
	aftercare.StateReferred: 1, aftercare.StateAssessed: 2, aftercare.StateAdmitted: 3, aftercare.StateActive: 4,
	aftercare.StateOnHold: 5, aftercare.StateDischarged: 7, aftercare.StateInAftercare: 8, aftercare.StateClosed: 9,
}

// episodeIn returns the fixture episode "E1" in state s.
func episodeIn(t testing.TB, s aftercare.State) aftercare.Episode {
	t.Helper()
	ep, err := aftercare.Replay("E1", fixtureEvents()[:prefixFor[s]])
	require.NoError(t, err)
	require.Equal(t, s, ep.State())
	return ep
}

// discharged returns episode id, admitted to level 2.1 and discharged on
// dischargedOn with d; court marks a court-ordered referral.
func discharged(t testing.TB, id string, d aftercare.Discharge, court bool) aftercare.Episode {
	t.Helper()
	ep, err := aftercare.Replay(id, []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: referredOn, CourtOrdered: court},
		{Kind: aftercare.EventKindAssess, On: assessedOn},
		{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: startedOn},
		{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: d},
	})
	require.NoError(t, err)
	return ep
}

// newChecker returns the Checker of profile p, which must be valid.
func newChecker(t testing.TB, p iop.Profile) aftercare.Checker {
	t.Helper()
	ck, err := aftercare.NewChecker(p)
	require.NoError(t, err)
	return ck
}

// checkDischarge checks ep and plan under profile p as of asOf, and records
// the findings for the coverage of the rule table, which also checks their
// severities.
func checkDischarge(t testing.TB, p iop.Profile, ep aftercare.Episode, plan aftercare.Plan, asOf date.Date) (iop.Findings, error) {
	t.Helper()
	return checkWith(t, newChecker(t, p), ep, plan, asOf)
}

// checkWith checks with ck, recording the findings as checkDischarge does.
func checkWith(t testing.TB, ck aftercare.Checker, ep aftercare.Episode, plan aftercare.Plan, asOf date.Date) (iop.Findings, error) {
	t.Helper()
	fs, err := ck.CheckDischarge(ep, plan, asOf)
	cover.Check(t, ck.Profile(), fs)
	return fs, err
}

// fieldErr is an expected [*iop.FieldError]: the field it names and the
// sentinel it wraps.
type fieldErr struct {
	field string
	err   error
}

// requireFieldErrors checks that err is [iop.FieldErrors] holding exactly
// want, in order; want nil means no error.
func requireFieldErrors(t *testing.T, err error, want []fieldErr) {
	t.Helper()
	if want == nil {
		require.NoError(t, err)
		return
	}
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	require.Len(t, errs, len(want))
	for i, w := range want {
		require.Equal(t, w.field, errs[i].Field, "error %d", i)
		require.ErrorIs(t, errs[i], w.err, "error %d", i)
	}
}

// requireFieldError checks that err wraps want.err and that the first
// [*iop.FieldError] in it names want.field.
func requireFieldError(t *testing.T, err error, want fieldErr) {
	t.Helper()
	require.ErrorIs(t, err, want.err)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	require.Equal(t, want.field, fe.Field)
}

// followUpOf returns p's aftercare part; the zero FollowUp when p has none.
func followUpOf(p iop.Profile) aftercare.FollowUp {
	f, _ := iop.PartOf[aftercare.FollowUp](&p)
	return f
}

// withFollowUp returns p with its aftercare part changed by f, on a copy
// of its windows.
func withFollowUp(p iop.Profile, f func(*aftercare.FollowUp)) iop.Profile {
	fu := followUpOf(p)
	fu.Windows = slices.Clone(fu.Windows)
	f(&fu)
	return p.WithPart(fu)
}

// asamHEDIS is ASAM 2.1 holding the HEDIS windows these tests exercise
// (IET initiation and engagement, FUI 7 and 30), counted here from the
// discharge as the tests' fixtures do; the built-in profiles hold a
// program's follow-up after discharge instead (issue 23: no HEDIS measure
// counts from an IOP discharge).
func asamHEDIS() iop.Profile {
	return ioprules.ASAM3Level21().WithPart(fromDischarge(aftercare.MeasureIETInitiation, aftercare.MeasureIETEngagement, aftercare.MeasureFUI7, aftercare.MeasureFUI30))
}

// medicareHEDIS is p holding the FUH 7 and 30 windows.
func medicareHEDIS(p iop.Profile) iop.Profile {
	return p.WithPart(fromDischarge(aftercare.MeasureFUH7, aftercare.MeasureFUH30))
}

// tip47HEDIS is TIP 47 holding the IET and FUI windows.
func tip47HEDIS() iop.Profile {
	return ioprules.TIP47().WithPart(fromDischarge(aftercare.MeasureIETInitiation, aftercare.MeasureIETEngagement, aftercare.MeasureFUI7, aftercare.MeasureFUI30))
}

// fromDischarge returns the windows of measures ms counted from the
// program's discharge: program windows shaped like the measures, the
// fixtures of the window mechanics (a HEDIS measure itself counts from its
// own index event).
func fromDischarge(ms ...aftercare.Measure) aftercare.FollowUp {
	f := aftercare.FollowUpOf(ms...)
	for i := range f.Windows {
		f.Windows[i].Index = 0
	}
	return f
}
