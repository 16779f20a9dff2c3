package schedule

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// Attendance says whether the patient took part in a session. Only attended
// time counts toward a program's hours: an excused absence furnishes no
// service, so it counts no more than an unexcused one (the rules count
// services furnished; no source found counts excused absences). The zero
// Attendance is unset and not valid. Attendances are comparable and safe
// for concurrent use.
type Attendance uint8

// The attendances.
const (
	_                  Attendance = iota
	AttendanceAttended            // the whole session: its planned minutes count
	AttendanceAbsent              // not there: nothing counts
	AttendanceExcused             // not there, with an excuse: nothing counts
	AttendancePartial             // part of the session (late arrival, early leave): the attended minutes count
)

var attendances = enum.New[Attendance]("Attendance", "schedule.Attendance.UnmarshalText", check.EnumFail,
	[]string{AttendanceAttended: "attended", AttendanceAbsent: "absent", AttendanceExcused: "excused", AttendancePartial: "partial"})

// IsValid reports whether a is a known attendance.
func (a Attendance) IsValid() bool { return attendances.Valid(a) }

// String returns "attended", "absent", "excused" or "partial", and
// "%!Attendance(n)" otherwise.
func (a Attendance) String() string { return attendances.String(a) }

// MarshalText implements [encoding.TextMarshaler]; an invalid attendance is an error.
func (a Attendance) MarshalText() ([]byte, error) { return attendances.Marshal(a) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (a *Attendance) UnmarshalText(b []byte) error { return attendances.Unmarshal(a, b) }
