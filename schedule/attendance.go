package schedule

import (
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// Attendance says whether the patient took part in a session. Only attended
// time counts toward a program's hours: an excused absence furnishes no
// service, so it counts no more than an unexcused one (the rules count
// services furnished; no source found counts excused absences). The zero
// Attendance is unset and not valid.
type Attendance uint8

// The attendances.
const (
	_        Attendance = iota
	Attended            // the whole session: its planned minutes count
	Absent              // not there: nothing counts
	Excused             // not there, with an excuse: nothing counts
	Partial             // part of the session (late arrival, early leave): the attended minutes count
)

var attendanceNames = []string{Attended: "attended", Absent: "absent", Excused: "excused", Partial: "partial"}

// IsValid reports whether a is a known attendance.
func (a Attendance) IsValid() bool { return a > 0 && int(a) < len(attendanceNames) }

// IsZero reports whether a is unset.
func (a Attendance) IsZero() bool { return a == 0 }

// String returns "attended", "absent", "excused" or "partial", and
// "%!Attendance(n)" otherwise.
func (a Attendance) String() string { return enum.String(attendanceNames, a, "Attendance") }

// ParseAttendance parses "attended", "absent", "excused" or "partial".
func ParseAttendance(s string) (Attendance, error) {
	if a, ok := enum.Parse[Attendance](attendanceNames, s); ok {
		return a, nil
	}
	return 0, &iop.ParseError{Func: "schedule.ParseAttendance", Input: s, Err: ErrUnknownAttendance}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid attendance is an error.
func (a Attendance) MarshalText() ([]byte, error) {
	return enum.Text(a.IsValid(), a.String(), func() error {
		return &iop.ParseError{Func: "schedule.Attendance.MarshalText", Input: a.String(), Err: ErrUnknownAttendance}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAttendance].
func (a *Attendance) UnmarshalText(b []byte) error { return enum.Unmarshal(a, b, ParseAttendance) }
