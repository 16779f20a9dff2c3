package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/episode.golden")

// goldenText returns testdata/episode.golden.
func goldenText(t *testing.T) string {
	t.Helper()
	want, err := os.ReadFile(filepath.Join("testdata", "episode.golden"))
	require.NoError(t, err)
	return string(want)
}

// TestRun checks the program's output, under the built-in ASAM 2.1
// profile main applies, against testdata/episode.golden. Run with -update
// to rewrite it after a deliberate change.
func TestRun(t *testing.T) {
	var out, errOut bytes.Buffer
	assert.Equal(t, 0, run(&out, &errOut, ioprules.ASAM3Level21()))
	assert.Empty(t, errOut.String())
	if *update {
		require.NoError(t, os.WriteFile(filepath.Join("testdata", "episode.golden"), out.Bytes(), 0o644))
	}
	assert.Equal(t, goldenText(t), out.String())
}

// withFollowUp returns the built-in ASAM 2.1 profile with a window of the
// payer's added to its follow-up after discharge.
func withFollowUp(t *testing.T, w aftercare.FollowUpWindow) iop.Profile {
	t.Helper()
	p := ioprules.ASAM3Level21().Clone()
	for i, part := range p.Parts {
		if f, ok := part.(aftercare.FollowUp); ok {
			f.Windows = append(append([]aftercare.FollowUpWindow(nil), f.Windows...), w)
			p.Parts[i] = f
			return p
		}
	}
	require.Fail(t, "the built-in profile has no follow-up")
	return p
}

// The walk's three checks under the built-in profile (the golden file):
// at discharge, contacts on days 8 and 15 leave the 7-day window
// (2025-03-11 to 2025-03-17) without one; a third on day 7, its last day,
// meets every window; six weeks on, the day-7 contact missed and the
// others kept, the 7-day window closed unmet and the 30-day one met. A
// payer's window of 3 contacts in 30 days (to 2025-04-09) adds its own
// findings beside the 7-day window's, in the profile's order of windows,
// citing the payer's manual: two contacts booked, then three, then two
// kept. The findings name the episode's ID, the window and the figures
// only.
func TestRunFindings(t *testing.T) {
	p := withFollowUp(t, aftercare.FollowUpWindow{Name: "payer-30", Days: 30, Contacts: 3,
		Cite: iop.Citation{Source: "Example Health Plan provider manual §9.2", Edition: "2025"}})
	var out, errOut bytes.Buffer
	require.Equal(t, 0, run(&out, &errOut, p))
	assert.Empty(t, errOut.String())
	const builtinSource = "    source: ioprules aftercare: follow-up after the program's discharge (v1)\n"
	const payerSource = "    source: Example Health Plan provider manual §9.2 (2025)\n"
	notScheduled7 := "  [warning] E-1001 aftercare.follow-up.not-scheduled: fewer contacts kept or scheduled than an open follow-up window needs, by its last day on 2025-03-17 (discharge-7): need 1, got 0\n" + builtinSource
	missed7 := "  [warning] E-1001 aftercare.follow-up.missed: fewer contacts kept than a follow-up window needs, by its last day on 2025-03-17 (discharge-7): need 1, got 0\n" + builtinSource
	want := strings.Replace(goldenText(t), notScheduled7, notScheduled7+
		"  [warning] E-1001 aftercare.follow-up.not-scheduled: fewer contacts kept or scheduled than an open follow-up window needs, by its last day on 2025-04-09 (payer-30): need 3, got 2\n"+payerSource, 1)
	want = strings.Replace(want, missed7, missed7+
		"  [warning] E-1001 aftercare.follow-up.missed: fewer contacts kept than a follow-up window needs, by its last day on 2025-04-09 (payer-30): need 3, got 2\n"+payerSource, 1)
	require.NotEqual(t, want, goldenText(t), "the golden file has the findings this test adds to")
	assert.Equal(t, want, out.String())
}

// The walk's dates against the built-in profile's windows, as the
// comments in walk say: for the discharge on 2025-03-10, discharge-7 runs
// from 2025-03-11 (the discharge day does not count) to 2025-03-17 (day
// 7, the walk's third contact, in; day 8, its first, out), discharge-30
// to 2025-04-09 (days 8 and 15 in).
func TestWalkWindows(t *testing.T) {
	p := ioprules.ASAM3Level21()
	fu, ok := iop.PartOf[aftercare.FollowUp](&p)
	require.True(t, ok)
	type span struct {
		name        string
		first, last date.Date
	}
	var got []span
	for _, w := range fu.Windows {
		first, last := w.Range(date.New(2025, 3, 10))
		got = append(got, span{w.Name, first, last})
	}
	assert.Equal(t, []span{
		{"discharge-7", date.New(2025, 3, 11), date.New(2025, 3, 17)},
		{"discharge-30", date.New(2025, 3, 11), date.New(2025, 4, 9)},
	}, got)
}

// cite: a follow-up window's finding cites the window its Ref names, as
// the checker's profile holds it; any other finding the rule it breaks,
// as the checker's table gives it.
func TestCite(t *testing.T) {
	ck, err := aftercare.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	p := ck.Profile()
	fu, ok := iop.PartOf[aftercare.FollowUp](&p)
	require.True(t, ok)
	w7, ok := fu.Window("discharge-7")
	require.True(t, ok)
	late, ok := ck.Rules().Rule(aftercare.CodePlanLate)
	require.True(t, ok)
	missed, ok := ck.Rules().Rule(aftercare.CodeFollowUpMissed)
	require.True(t, ok)
	require.NotEqual(t, w7.Cite, missed.Cite, "a window's source is not its rule's")

	for _, tc := range []struct {
		name string
		f    iop.Finding
		want iop.Citation
	}{
		{"a window's finding", iop.Finding{Code: aftercare.CodeFollowUpMissed, Ref: "discharge-7"}, w7.Cite},
		{"a window the profile does not hold", iop.Finding{Code: aftercare.CodeFollowUpMissed, Ref: "payer-30"}, missed.Cite},
		{"a finding of no window", iop.Finding{Code: aftercare.CodePlanLate}, late.Cite},
	} {
		assert.Equal(t, tc.want, cite(ck.Rules(), fu, tc.f), tc.name)
	}
}

// A profile the aftercare checker refuses stops the walk before it
// starts: exit 1, the reason on stderr by the field's path.
func TestRunBadProfile(t *testing.T) {
	p := withFollowUp(t, aftercare.FollowUpWindow{Name: "payer-0", Days: 0, Cite: iop.Citation{Source: "x"}})
	var out, errOut bytes.Buffer
	assert.Equal(t, 1, run(&out, &errOut, p))
	assert.Empty(t, out.String())
	assert.Equal(t, "episode: aftercare.windows[2].days: out of range: must be at least 1\n", errOut.String())
}

// A move: printed with the state it leads to when allowed; when refused,
// an error, nothing printed and the episode as it was. refuse is the
// other way round: a move allowed is an error, and changes nothing.
func TestWalker(t *testing.T) {
	ep, err := aftercare.Refer("E-1", date.New(2025, 1, 6), false)
	require.NoError(t, err)
	var out bytes.Buffer
	k := &walker{w: &out, ep: ep}

	require.NoError(t, k.move(aftercare.Event{Kind: aftercare.EventKindAssess, On: date.New(2025, 1, 7)}))
	assert.Equal(t, "  2025-01-07  assess    -> assessed\n", out.String())
	assert.Equal(t, aftercare.StateAssessed, k.ep.State())

	out.Reset()
	err = k.move(aftercare.Event{Kind: aftercare.EventKindResume, On: date.New(2025, 1, 8)})
	require.ErrorIs(t, err, aftercare.ErrMoveNotAllowed)
	require.EqualError(t, err, "aftercare: event 2 (resume) from assessed: out of order: move not allowed from this state")
	assert.Empty(t, out.String())
	assert.Equal(t, aftercare.StateAssessed, k.ep.State())
	assert.Equal(t, 2, k.ep.Len())

	err = k.refuse(aftercare.Event{Kind: aftercare.EventKindAdmit, On: date.New(2025, 1, 8), Level: iop.Level21})
	require.EqualError(t, err, "admit was not refused")
	assert.Empty(t, out.String())
	assert.Equal(t, aftercare.StateAssessed, k.ep.State())

	require.NoError(t, k.refuse(aftercare.Event{Kind: aftercare.EventKindStart, On: date.New(2025, 1, 8)}))
	assert.Equal(t, "  2025-01-08  start     refused: aftercare: event 2 (start) from assessed: out of order: move not allowed from this state (still assessed)\n", out.String())
	assert.Equal(t, 2, k.ep.Len())
}

// detail: what a move's line adds after the state.
func TestDetail(t *testing.T) {
	for _, tc := range []struct {
		name string
		ev   aftercare.Event
		want string
	}{
		{"referral", aftercare.Event{Kind: aftercare.EventKindRefer}, ""},
		{"court-ordered referral", aftercare.Event{Kind: aftercare.EventKindRefer, CourtOrdered: true}, "court-ordered"},
		{"admission", aftercare.Event{Kind: aftercare.EventKindAdmit, Level: iop.Level25}, "level 2.5"},
		{"discharge, unplanned", aftercare.Event{Kind: aftercare.EventKindDischarge, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}},
			"left-against-advice (TEDS-D 2)"},
		{"discharge, planned, no step", aftercare.Event{Kind: aftercare.EventKindDischarge, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true}},
			"completed (TEDS-D 1), planned"},
		{"discharge, stepped up", aftercare.Event{Kind: aftercare.EventKindDischarge, Discharge: aftercare.Discharge{
			Reason: aftercare.DischargeReasonTransferred, Step: aftercare.StepUp, ToLevel: iop.Level25}},
			"transferred (TEDS-D 4), step up to level 2.5"},
		{"hold", aftercare.Event{Kind: aftercare.EventKindHold}, ""},
		{"close", aftercare.Event{Kind: aftercare.EventKindClose}, ""},
	} {
		assert.Equal(t, tc.want, detail(tc.ev), tc.name)
	}
}

// check: an episode not discharged cannot be judged; the error names the
// field, and nothing is printed.
func TestCheckNotDischarged(t *testing.T) {
	ck, err := aftercare.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	ep, err := aftercare.Refer("E-1", date.New(2025, 1, 6), false)
	require.NoError(t, err)
	var out bytes.Buffer
	err = check(&out, ck, ep, aftercare.Plan{}, date.New(2025, 1, 6), "not discharged")
	require.ErrorIs(t, err, aftercare.ErrNotDischarged)
	require.EqualError(t, err, "episode: missing: episode not discharged")
	assert.Empty(t, out.String())
}
