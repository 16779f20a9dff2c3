package eligibility_test

import (
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMoves(t *testing.T) {
	at := func(id string, days int, risks [6]int, mods ...eligibility.Modifier) eligibility.Assessment {
		a := assess(t, risks, mods...)
		a.ID, a.Date = id, day+date.Date(days)
		return a
	}
	series := []eligibility.Assessment{
		at("A-0", 0, [6]int{2, 0, 1, 2, 3, 1}),                                      // 2.5, driven by D5
		at("A-1", 7, [6]int{1, 0, 1, 2, 2, 1}),                                      // 2.1: D5 fell
		at("A-2", 14, [6]int{1, 0, 1, 2, 2, 1}),                                     // 2.1 again: no move
		at("A-3", 21, [6]int{1, 0, 3, 2, 2, 1}),                                     // 2.5: D3 rose
		at("A-4", 21, [6]int{1, 0, 1, 2, 2, 1}, eligibility.ModifierImminentDanger), // 3.7, raised by the modifier
		at("A-5", 35, [6]int{0, 0, 0, 1, 1, 1}),                                     // 1
	}
	moves, err := std(t).Moves(series)
	require.NoError(t, err)
	d1, d3, d4, d5 := eligibility.Dimension1, eligibility.Dimension3, eligibility.Dimension4, eligibility.Dimension5
	want := []eligibility.Move{
		{Index: 0, ID: "A-0", On: day, To: iop.Level25, Direction: eligibility.DirectionStart, Drivers: set(d5)},
		{Index: 1, ID: "A-1", On: day + 7, From: iop.Level25, To: iop.Level21, Direction: eligibility.DirectionDown,
			Drivers: set(d4, d5), PreviousDrivers: set(d5), Fell: set(d1, d5)},
		{Index: 3, ID: "A-3", On: day + 21, From: iop.Level21, To: iop.Level25, Direction: eligibility.DirectionUp,
			Drivers: set(d3), PreviousDrivers: set(d4, d5), Rose: set(d3)},
		{Index: 4, ID: "A-4", On: day + 21, From: iop.Level25, To: iop.Level37, Direction: eligibility.DirectionUp,
			PreviousDrivers: set(d3), RaisedBy: eligibility.ModifierImminentDanger, Fell: set(d3)},
		{Index: 5, ID: "A-5", On: day + 35, From: iop.Level37, To: iop.Level1, Direction: eligibility.DirectionDown,
			Drivers: set(d4, d5, eligibility.Dimension6), Fell: set(d1, d3, d4, d5)},
	}
	assert.Equal(t, want, moves)

	drivenBy := make([]iop.Set[eligibility.Dimension], len(moves))
	for i, m := range moves {
		drivenBy[i] = m.DrivenBy()
	}
	assert.Equal(t, []iop.Set[eligibility.Dimension]{set(d5), set(d5), set(d3), 0, 0}, drivenBy)
}

func TestMovesErrors(t *testing.T) {
	ck := std(t)
	moves, err := ck.Moves(nil)
	require.NoError(t, err)
	assert.Empty(t, moves)

	early := assess(t, iopRisks)
	late := early
	late.Date = day + 1
	bad := late
	bad.Ratings = bad.Ratings.Without(eligibility.Dimension2)
	edition := late
	edition.Edition = iop.Edition4
	moves, err = ck.Moves([]eligibility.Assessment{late, early, bad, edition})
	requireFields(t, err,
		fieldWant{"[1].date", iop.ErrOrder},
		fieldWant{"[2].ratings.D2", iop.ErrMissing},
		fieldWant{"[3].edition", iop.ErrOutOfRange})
	assert.Nil(t, moves, "no moves when an assessment is refused")

	_, err = eligibility.Checker{}.Moves([]eligibility.Assessment{early})
	require.ErrorIs(t, err, iop.ErrMissing)
}
