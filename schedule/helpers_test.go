package schedule_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
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

// jsonRoundTrip checks that v encodes to JSON that decodes to v and encodes
// to the same bytes again. It returns false, checking nothing, when v does
// not encode.
func jsonRoundTrip[T any](t *testing.T, v T, decode func(*T, []byte) error) bool {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		return false
	}
	var again T
	require.NoError(t, decode(&again, b))
	require.Equal(t, v, again)
	b2, err := json.Marshal(again)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
	return true
}

// textEnum is an enum with the text methods of the house style.
type textEnum interface {
	comparable
	String() string
	MarshalText() ([]byte, error)
}

// enumRoundTrip checks that each value parses from its String and survives
// MarshalText then UnmarshalText.
func enumRoundTrip[T textEnum](t *testing.T, values []T, parse func(string) (T, error), unmarshal func(*T, []byte) error) {
	t.Helper()
	for _, v := range values {
		got, err := parse(v.String())
		require.NoError(t, err)
		assert.Equal(t, v, got)
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back T
		require.NoError(t, unmarshal(&back, b))
		assert.Equal(t, v, back)
	}
}
