package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Direction is the direction of a move between levels of care. The zero
// Direction is unset and not valid. Directions are comparable and safe for
// concurrent use.
type Direction uint8

// The directions.
const (
	_              Direction = iota
	DirectionStart           // the first placement of a series
	DirectionUp              // to a more intensive level
	DirectionDown            // to a less intensive level
)

var directions = enum.New[Direction]("Direction", "eligibility.Direction.UnmarshalText", check.EnumFail,
	[]string{DirectionStart: "start", DirectionUp: "up", DirectionDown: "down"})

// IsValid reports whether d is a known direction.
func (d Direction) IsValid() bool { return directions.Valid(d) }

// String returns "start", "up" or "down", and "%!Direction(n)" otherwise.
func (d Direction) String() string { return directions.String(d) }

// MarshalText implements [encoding.TextMarshaler]; an invalid direction is an error.
func (d Direction) MarshalText() ([]byte, error) { return directions.Marshal(d) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (d *Direction) UnmarshalText(b []byte) error { return directions.Unmarshal(d, b) }

// Move is a change of the recommended level of care that a series of
// assessments implies: the first placement, then every step up or down.
// Moves are comparable values, safe for concurrent use.
type Move struct {
	// Index is the index in the series of the assessment that implies the
	// move; ID and On are its record ID and date.
	Index int       `json:"index"`
	ID    string    `json:"id,omitzero"`
	On    date.Date `json:"on"`
	// From is the level before the move (zero for the first placement), To
	// the level after it.
	From      iop.Level `json:"from,omitzero"`
	To        iop.Level `json:"to"`
	Direction Direction `json:"direction"`
	// Drivers are the dimensions that set To; PreviousDrivers those that
	// set From. RaisedBy is the modifier that set To, if one did.
	Drivers         iop.Set[Dimension] `json:"drivers,omitzero"`
	PreviousDrivers iop.Set[Dimension] `json:"previous_drivers,omitzero"`
	RaisedBy        Modifier           `json:"raised_by,omitzero"`
	// Rose and Fell are the dimensions whose rating rose or fell since the
	// previous assessment.
	Rose iop.Set[Dimension] `json:"rose,omitzero"`
	Fell iop.Set[Dimension] `json:"fell,omitzero"`
}

// DrivenBy returns the dimensions that drove the move: for a step up, the
// new drivers whose rating rose (or all new drivers when none rose, as
// when a modifier or another dimension's rule set the level); for a step
// down, the previous drivers whose rating fell (or all of them); for the
// first placement, the drivers.
func (m Move) DrivenBy() iop.Set[Dimension] {
	switch m.Direction {
	case DirectionUp:
		if s := m.Drivers & m.Rose; s != 0 {
			return s
		}
		return m.Drivers
	case DirectionDown:
		if s := m.PreviousDrivers & m.Fell; s != 0 {
			return s
		}
		return m.PreviousDrivers
	}
	return m.Drivers
}

// Moves decides each assessment of a series, in order, and returns the
// moves between levels the series implies: the first placement
// ([DirectionStart]), then one move for each assessment whose recommended
// level differs from the one before it. Assessments that keep the level
// imply no move. An empty series has no moves.
//
// The series must be in date order (the same day twice is allowed). Every
// assessment that cannot be decided ([Checker.Decide]) and every one dated
// before the one before it is reported, as [iop.FieldErrors] naming its
// index ("[3].ratings.D2", "[1].date"), and then there are no moves.
func (ck Checker) Moves(series []Assessment) ([]Move, error) {
	if err := ck.ready(); err != nil {
		return nil, err
	}
	var errs iop.FieldErrors
	var moves []Move
	var prev Decision
	for i, a := range series {
		at := indexField("", i)
		if i > 0 && a.Date != date.Zero && a.Date < series[i-1].Date {
			errs.Add(at+".date", errBeforePrevious)
		}
		d, err := ck.Decide(a)
		if err != nil {
			errs.Add(at, err)
			continue
		}
		if len(errs) > 0 || (!prev.unset() && d.recommended == prev.recommended) {
			prev = d
			continue
		}
		m := Move{Index: i, ID: a.ID, On: a.Date, To: d.recommended, Direction: DirectionStart,
			Drivers: d.Drivers(), RaisedBy: d.raisedBy}
		if !prev.unset() {
			m.From, m.PreviousDrivers = prev.recommended, prev.Drivers()
			m.Direction = DirectionDown
			if d.recommended.Compare(prev.recommended) > 0 {
				m.Direction = DirectionUp
			}
			for dim := Dimension1; dim <= Dimension6; dim++ {
				switch was, now := prev.reasons[dim-1].Risk, d.reasons[dim-1].Risk; {
				case now > was:
					m.Rose = m.Rose | iop.SetOf[Dimension](dim)
				case now < was:
					m.Fell = m.Fell | iop.SetOf[Dimension](dim)
				}
			}
		}
		moves = append(moves, m)
		prev = d
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return moves, nil
}
