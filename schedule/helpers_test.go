package schedule_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/require"
)

// day returns the date y-m-d; the components are literals known to exist.
func day(y, m, d int) date.Date {
	return date.New(y, time.Month(m), d)
}

// at returns an attended group session of patient "p-1" on d from 09:00.
func at(d date.Date, minutes iop.Minutes) schedule.Session {
	return schedule.Session{Patient: "p-1", Date: d, Start: schedule.MustParseClock("09:00"),
		Planned: minutes, Kind: schedule.GroupTherapy, Attendance: schedule.Attended}
}

// checker returns a Checker for p with the default counting rule.
func checker(t testing.TB, p iop.Profile) schedule.Checker {
	t.Helper()
	ck, err := schedule.NewChecker(p, schedule.DefaultCounting())
	require.NoError(t, err)
	return ck
}

// adult is an episode of an adult admitted long before the weeks tested.
func adult() schedule.Episode {
	return schedule.Episode{Population: iop.Adult, Admitted: day(2024, 1, 1)}
}

// check summarises sessions in the ISO week holding d and checks it.
func check(t testing.TB, ck schedule.Checker, d date.Date, e schedule.Episode, sessions ...schedule.Session) iop.Findings {
	t.Helper()
	w := schedule.ISOWeeks().Of(d)
	fs, err := ck.Week(ck.Summarize(w, sessions), e)
	require.NoError(t, err)
	return saw(fs)
}

// mustDate parses a YYYY-MM-DD date that the test knows exists.
func mustDate(t testing.TB, s string) date.Date {
	t.Helper()
	d, err := date.Parse(date.ISO8601, s)
	require.NoError(t, err)
	return d
}
