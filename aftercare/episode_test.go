package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moveFor returns a valid event of kind k for an episode whose last move
// was on day last.
func moveFor(k aftercare.EventKind, last date.Date) aftercare.Event {
	ev := aftercare.Event{Kind: k, On: last + 1}
	switch k {
	case aftercare.EventKindAdmit:
		ev.Level = iop.Level21
	case aftercare.EventKindDischarge:
		ev.Discharge = completed()
	}
	return ev
}

// TestEveryAllowedMove makes each move the state machine allows, from an
// episode in that state, through Apply and through the named method.
func TestEveryAllowedMove(t *testing.T) {
	n := 0
	for from, moves := range allowed {
		if from == 0 {
			continue // the referral: TestRefer
		}
		for k, to := range moves {
			n++
			t.Run(from.String()+"/"+k.String(), func(t *testing.T) {
				before := episodeIn(t, from)
				last, ok := before.Last()
				require.True(t, ok)
				ev := moveFor(k, last.On)
				want := append(before.Events(), ev)

				got, err := before.Apply(ev)
				require.NoError(t, err)
				assert.Equal(t, to, got.State())
				assert.Equal(t, want, got.Events())
				assert.Equal(t, from, before.State(), "the episode moved from is unchanged")

				byMethod, err := applyByMethod(before, ev)
				require.NoError(t, err)
				assert.True(t, byMethod.Equal(got), "%s method and Apply agree", k)
			})
		}
	}
	assert.Equal(t, 13, n, "allowed moves after the referral (14 with it)")
}

func TestRefer(t *testing.T) {
	ep, err := aftercare.Refer("E1", referredOn, true)
	require.NoError(t, err)
	assert.Equal(t, aftercare.StateReferred, ep.State())
	assert.Equal(t, "E1", ep.ID())
	assert.True(t, ep.CourtOrdered())
	assert.Equal(t, []aftercare.Event{{Kind: aftercare.EventKindRefer, On: referredOn, CourtOrdered: true}}, ep.Events())

	ep, err = aftercare.Refer("E1", 0, false)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.True(t, ep.IsZero(), "a refused referral gives the zero Episode")

	_, err = aftercare.Refer("", referredOn, false)
	var me *aftercare.MoveError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, &aftercare.MoveError{Episode: "", Index: 0, Kind: aftercare.EventKindRefer, Err: iop.FieldErrors{{Field: "id", Err: iop.ErrMissing}}}, me)

	_, err = aftercare.Refer("\xff", referredOn, false)
	require.ErrorIs(t, err, iop.ErrSyntax)

	_, err = (aftercare.Episode{}).Apply(aftercare.Event{Kind: aftercare.EventKindRefer, On: referredOn})
	require.ErrorIs(t, err, iop.ErrMissing, "the zero Episode has no ID")
}

// TestRefusedMoves is a sample of refused moves: each gives a typed error
// and leaves the episode unchanged.
func TestRefusedMoves(t *testing.T) {
	died := aftercare.Discharge{Reason: aftercare.DischargeReasonDied}
	tests := []struct {
		name  string
		from  aftercare.State
		setup func(testing.TB) aftercare.Episode // overrides from when set
		ev    aftercare.Event
		want  error
		field string // the field a *FieldError names, if any
	}{
		{name: "second referral", from: aftercare.StateReferred, ev: aftercare.Event{Kind: aftercare.EventKindRefer, On: referredOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "admit without assessment", from: aftercare.StateReferred, ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21}, want: aftercare.ErrMoveNotAllowed},
		{name: "discharge a referral", from: aftercare.StateReferred, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: completed()}, want: aftercare.ErrMoveNotAllowed},
		{name: "close while admitted", from: aftercare.StateAdmitted, ev: aftercare.Event{Kind: aftercare.EventKindClose, On: closedOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "hold before any service", from: aftercare.StateAdmitted, ev: aftercare.Event{Kind: aftercare.EventKindHold, On: heldOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "second admission", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: heldOn, Level: iop.Level25}, want: aftercare.ErrMoveNotAllowed},
		{name: "resume while active", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindResume, On: heldOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "aftercare while on hold", from: aftercare.StateOnHold, ev: aftercare.Event{Kind: aftercare.EventKindAftercare, On: resumedOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "second discharge", from: aftercare.StateDischarged, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: aftercareOn, Discharge: completed()}, want: aftercare.ErrMoveNotAllowed},
		{name: "restart after discharge", from: aftercare.StateInAftercare, ev: aftercare.Event{Kind: aftercare.EventKindStart, On: closedOn}, want: aftercare.ErrMoveNotAllowed},
		{name: "anything after close", from: aftercare.StateClosed, ev: aftercare.Event{Kind: aftercare.EventKindClose, On: closedOn + 1}, want: aftercare.ErrMoveNotAllowed},
		{name: "date backwards by a day", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindHold, On: startedOn - 1}, want: aftercare.ErrDateBackwards},
		{name: "discharge before admission", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: admittedOn - 1, Discharge: completed()}, want: aftercare.ErrDischargeBeforeAdmission},
		{name: "discharge after admission but before the last move", from: aftercare.StateOnHold, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: heldOn - 1, Discharge: completed()}, want: aftercare.ErrDateBackwards},
		{name: "aftercare after death", setup: func(t testing.TB) aftercare.Episode { return discharged(t, "E1", died, false) },
			ev: aftercare.Event{Kind: aftercare.EventKindAftercare, On: aftercareOn}, want: aftercare.ErrAfterDeath},
		{name: "no date", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindHold}, want: iop.ErrMissing, field: "on"},
		{name: "date past 9999", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindHold, On: date.New(10000, 1, 1)}, want: iop.ErrOutOfRange, field: "on"},
		{name: "no kind", from: aftercare.StateActive, ev: aftercare.Event{On: heldOn}, want: iop.ErrMissing, field: "kind"},
		{name: "unknown kind", from: aftercare.StateActive, ev: aftercare.Event{Kind: 42, On: heldOn}, want: iop.ErrUnknown, field: "kind"},
		{name: "admission without level", from: aftercare.StateAssessed, ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: admittedOn}, want: iop.ErrMissing, field: "level"},
		{name: "admission to an unknown level", from: aftercare.StateAssessed, ev: aftercare.Event{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: 200}, want: iop.ErrUnknown, field: "level"},
		{name: "level on a hold", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindHold, On: heldOn, Level: iop.Level21}, want: iop.ErrUnknownField, field: "level"},
		{name: "court order on an assessment", from: aftercare.StateReferred, ev: aftercare.Event{Kind: aftercare.EventKindAssess, On: assessedOn, CourtOrdered: true}, want: iop.ErrUnknownField, field: "court_ordered"},
		{name: "discharge details on a close", from: aftercare.StateDischarged, ev: aftercare.Event{Kind: aftercare.EventKindClose, On: closedOn, Discharge: completed()}, want: iop.ErrUnknownField, field: "discharge"},
		{name: "discharge without details", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn}, want: iop.ErrMissing, field: "discharge"},
		{name: "completion not planned", from: aftercare.StateActive, ev: aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted}}, want: iop.ErrOutOfRange, field: "discharge.planned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before aftercare.Episode
			if tt.setup != nil {
				before = tt.setup(t)
			} else {
				before = episodeIn(t, tt.from)
			}
			events := before.Events()
			got, err := before.Apply(tt.ev)
			require.ErrorIs(t, err, tt.want)
			var me *aftercare.MoveError
			require.ErrorAs(t, err, &me)
			assert.Equal(t, "E1", me.Episode)
			assert.Equal(t, before.Len(), me.Index)
			assert.Equal(t, before.State(), me.From)
			assert.Equal(t, tt.ev.Kind, me.Kind)
			if tt.field != "" {
				var fe *iop.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field)
			}
			assert.True(t, got.Equal(before), "Apply returns the episode unchanged")
			assert.Equal(t, events, before.Events(), "the history is unchanged")
			assert.Equal(t, before.State(), got.State())
		})
	}
}

func TestSameDayMoves(t *testing.T) {
	// Referral, assessment, admission, first service and discharge on one
	// day: dates may stand still, never go back.
	d := referredOn
	ep, err := aftercare.Refer("E2", d, false)
	require.NoError(t, err)
	for _, ev := range []aftercare.Event{
		{Kind: aftercare.EventKindAssess, On: d},
		{Kind: aftercare.EventKindAdmit, On: d, Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: d},
		{Kind: aftercare.EventKindDischarge, On: d, Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonLeftAgainstAdvice}},
	} {
		ep, err = ep.Apply(ev)
		require.NoError(t, err)
	}
	los, ok := ep.LengthOfStay()
	assert.True(t, ok)
	assert.Equal(t, 0, los)
}

func TestMovesDoNotShareHistory(t *testing.T) {
	active := episodeIn(t, aftercare.StateActive)
	a, err := active.Hold(heldOn)
	require.NoError(t, err)
	b, err := active.Discharge(heldOn, completed())
	require.NoError(t, err)
	assert.Equal(t, aftercare.EventKindHold, must(a.Last()).Kind)
	assert.Equal(t, aftercare.EventKindDischarge, must(b.Last()).Kind)
	assert.Equal(t, 4, active.Len())

	evs := a.Events()
	evs[0].On = 1
	assert.Equal(t, referredOn, a.Events()[0].On, "Events returns a copy")
}

func must[T any](v T, ok bool) T {
	if !ok {
		panic("not ok")
	}
	return v
}

func TestEpisodeQueries(t *testing.T) {
	var zero aftercare.Episode
	assert.True(t, zero.IsZero())
	assert.Equal(t, aftercare.State(0), zero.State())
	_, ok := zero.Last()
	assert.False(t, ok)
	assert.False(t, zero.CourtOrdered())
	assert.Equal(t, iop.Level(0), zero.Level())

	referred := episodeIn(t, aftercare.StateReferred)
	assert.False(t, referred.IsZero())
	_, ok = referred.AdmissionEvent()
	assert.False(t, ok)
	_, ok = referred.LengthOfStay()
	assert.False(t, ok)

	closed := episodeIn(t, aftercare.StateClosed)
	admit, ok := closed.AdmissionEvent()
	require.True(t, ok)
	assert.Equal(t, aftercare.Event{Kind: aftercare.EventKindAdmit, On: admittedOn, Level: iop.Level21}, admit)
	dis, ok := closed.DischargeEvent()
	require.True(t, ok)
	assert.Equal(t, aftercare.Event{Kind: aftercare.EventKindDischarge, On: dischargedOn, Discharge: completed()}, dis)
	assert.Equal(t, iop.Level21, closed.Level())
	los, ok := closed.LengthOfStay()
	require.True(t, ok)
	assert.Equal(t, 56, los)
	assert.Equal(t, 9, closed.Len())
	assert.Equal(t, aftercare.Event{Kind: aftercare.EventKindClose, On: closedOn}, must(closed.Last()))

	// Closed without admission: no discharge.
	notAdmitted, err := referred.Close(assessedOn)
	require.NoError(t, err)
	assert.Equal(t, aftercare.StateClosed, notAdmitted.State())
	_, ok = notAdmitted.DischargeEvent()
	assert.False(t, ok)

	other, err := aftercare.Replay("E9", fixtureEvents())
	require.NoError(t, err)
	assert.False(t, other.Equal(closed), "another ID")
	assert.False(t, referred.Equal(closed))
	assert.True(t, closed.Equal(episodeIn(t, aftercare.StateClosed)))
}

func TestReplay(t *testing.T) {
	events := fixtureEvents()
	got, err := aftercare.Replay("E1", events)
	require.NoError(t, err)

	// Move by move gives the same episode.
	step, err := aftercare.Refer("E1", events[0].On, false)
	require.NoError(t, err)
	for _, ev := range events[1:] {
		step, err = step.Apply(ev)
		require.NoError(t, err)
	}
	assert.True(t, got.Equal(step))
	assert.Equal(t, events, got.Events())

	_, err = aftercare.Replay("E1", nil)
	require.ErrorIs(t, err, iop.ErrMissing)

	bad := fixtureEvents()
	bad[5].On = bad[4].On - 1
	got, err = aftercare.Replay("E1", bad)
	var me *aftercare.MoveError
	require.ErrorAs(t, err, &me)
	assert.Equal(t, &aftercare.MoveError{Episode: "E1", Index: 5, Kind: aftercare.EventKindResume, From: aftercare.StateOnHold, Err: aftercare.ErrDateBackwards}, me)
	assert.True(t, got.IsZero(), "Replay returns the zero Episode on error")

	_, err = aftercare.Replay("E1", fixtureEvents()[1:])
	require.ErrorIs(t, err, aftercare.ErrMoveNotAllowed, "a history must begin with the referral")
}

func TestMoveErrorMessage(t *testing.T) {
	ep := episodeIn(t, aftercare.StateReferred)
	_, err := ep.Discharge(dischargedOn, completed())
	require.EqualError(t, err, "aftercare: event 1 (discharge) from referred: out of order: move not allowed from this state")
	_, err = ep.Hold(0)
	require.EqualError(t, err, "aftercare: event 1 (hold) from referred: on: missing")
	_, err = aftercare.Refer("E1", 0, false)
	require.EqualError(t, err, "aftercare: event 0 (refer) from start: on: missing")
	_, err = ep.Assess(referredOn - 1)
	require.EqualError(t, err, "aftercare: event 1 (assess) from referred: out of order: date before the previous move")
	_, err = ep.Assess(1)
	require.EqualError(t, err, "aftercare: event 1 (assess) from referred: on: out of range: a service date is from 1970-01-01 to 2199-12-31")
	_, err = ep.Apply(aftercare.Event{Kind: aftercare.EventKindAssess, On: assessedOn, Level: 200, CourtOrdered: true})
	require.EqualError(t, err, "aftercare: event 1 (assess) from referred: level: unknown field: not taken by this kind of event\n"+
		"court_ordered: unknown field: not taken by this kind of event")
	assert.NotContains(t, err.Error(), "E1", "the record ID is in the error's Episode field only")
}
