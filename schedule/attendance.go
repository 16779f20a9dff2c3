package schedule

import (
	"database/sql/driver"

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
	_        Attendance = iota
	Attended            // the whole session: its planned minutes count
	Absent              // not there: nothing counts
	Excused             // not there, with an excuse: nothing counts
	Partial             // part of the session (late arrival, early leave): the attended minutes count
)

var attendances = enum.New[Attendance]("Attendance", "schedule.ParseAttendance", check.EnumFail,
	[]string{Attended: "attended", Absent: "absent", Excused: "excused", Partial: "partial"})

// AllAttendances returns every attendance, in order.
func AllAttendances() []Attendance { return attendances.Values() }

// IsValid reports whether a is a known attendance.
func (a Attendance) IsValid() bool { return attendances.Valid(a) }

// IsZero reports whether a is unset.
func (a Attendance) IsZero() bool { return a == 0 }

// String returns "attended", "absent", "excused" or "partial", and
// "%!Attendance(n)" otherwise.
func (a Attendance) String() string { return attendances.String(a) }

// ParseAttendance parses "attended", "absent", "excused" or "partial",
// exactly as [Attendance.String] writes them.
func ParseAttendance(s string) (Attendance, error) { return attendances.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid attendance is an error.
func (a Attendance) MarshalText() ([]byte, error) { return attendances.Marshal(a) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseAttendance].
func (a *Attendance) UnmarshalText(b []byte) error { return attendances.Unmarshal(a, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (a Attendance) Value() (driver.Value, error) { return attendances.Store(a) }

// Scan implements [database/sql.Scanner] with [ParseAttendance].
func (a *Attendance) Scan(src any) error { return attendances.Load(a, src) }
