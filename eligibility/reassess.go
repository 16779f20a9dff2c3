package eligibility

import (
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Direction is the direction of a move between levels of care. The zero
// Direction is unset.
type Direction uint8

// The directions.
const (
	_              Direction = iota
	DirectionStart           // the first placement of a series
	DirectionUp              // to a more intensive level
	DirectionDown            // to a less intensive level
)

var directionNames = []string{DirectionStart: "start", DirectionUp: "up", DirectionDown: "down"}

// IsValid reports whether d is a known direction.
func (d Direction) IsValid() bool { return enum.Valid(directionNames, d) }

// IsZero reports whether d is unset.
func (d Direction) IsZero() bool { return d == 0 }

// String returns "start", "up" or "down", and "%!Direction(n)" otherwise.
func (d Direction) String() string { return enum.String(directionNames, d, "Direction") }

// ParseDirection parses "start", "up" or "down".
func ParseDirection(s string) (Direction, error) {
	if v, ok := enum.Parse[Direction](directionNames, s); ok {
		return v, nil
	}
	return 0, parseError("ParseDirection", s, ErrUnknownDirection)
}

// MarshalText implements [encoding.TextMarshaler]; an invalid direction is an error.
func (d Direction) MarshalText() ([]byte, error) {
	return enum.Text(d.IsValid(), d.String(), func() error {
		return parseError("Direction.MarshalText", d.String(), ErrUnknownDirection)
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDirection].
func (d *Direction) UnmarshalText(b []byte) error { return enum.Unmarshal(d, b, ParseDirection) }

// Move is a change of the recommended level of care that a series of
// assessments implies: the first placement, then every step up or down.
// Moves are comparable values, safe for concurrent use.
type Move struct {
	// Index is the index in the series of the assessment that implies the
	// move; ID and On are its record ID and date.
	Index int
	ID    string
	On    date.Date
	// From is the level before the move (zero for the first placement), To
	// the level after it.
	From, To  iop.Level
	Direction Direction
	// Drivers are the dimensions that set To; PreviousDrivers those that
	// set From. RaisedBy is the modifier that set To, if one did.
	Drivers, PreviousDrivers DimensionSet
	RaisedBy                 Modifier
	// Rose and Fell are the dimensions whose rating rose or fell since the
	// previous assessment.
	Rose, Fell DimensionSet
}

// DrivenBy returns the dimensions that drove the move: for a step up, the
// new drivers whose rating rose (or all new drivers when none rose, as
// when a modifier or another dimension's rule set the level); for a step
// down, the previous drivers whose rating fell (or all of them); for the
// first placement, the drivers.
func (m Move) DrivenBy() DimensionSet {
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
// imply no move.
//
// The series must be in date order (the same day twice is allowed). An
// assessment that cannot be decided, or is dated before the one before
// it, is an error naming its index ("[3].date", a [*iop.FieldError] that
// wraps the cause, which may be a [*RuleError]). An empty series has no
// moves.
func (c Criteria) Moves(series []Assessment) ([]Move, error) {
	var moves []Move
	var prev Decision
	for i, a := range series {
		if i > 0 && a.Date < series[i-1].Date {
			return nil, &iop.FieldError{Field: indexField("", i) + ".date", Err: iop.ErrDateOrder}
		}
		d, err := c.Decide(a)
		if err != nil {
			return nil, strictjson.Wrap(indexField("", i), err)
		}
		if i > 0 && d.recommended == prev.recommended {
			prev = d
			continue
		}
		m := Move{Index: i, ID: a.ID, On: a.Date, To: d.recommended, Direction: DirectionStart,
			Drivers: d.Drivers(), RaisedBy: d.raisedBy}
		if i > 0 {
			m.From, m.PreviousDrivers = prev.recommended, prev.Drivers()
			m.Direction = DirectionDown
			if d.recommended.Compare(prev.recommended) > 0 {
				m.Direction = DirectionUp
			}
			for _, dim := range Dimensions() {
				was, now := prev.assessment.Ratings.Of(dim).Risk, a.Ratings.Of(dim).Risk
				switch {
				case now > was:
					m.Rose = m.Rose.With(dim)
				case now < was:
					m.Fell = m.Fell.With(dim)
				}
			}
		}
		moves = append(moves, m)
		prev = d
	}
	return moves, nil
}
