package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func FuzzParseLevel(f *testing.F) {
	for _, l := range iop.Levels(iop.Edition3) {
		f.Add(l.String())
	}
	f.Add("1.0")
	f.Add("")
	f.Add("%!Level(0)")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := iop.Parse[iop.Level](s)
		if err != nil {
			require.ErrorIs(t, err, iop.ErrUnknown)
			return
		}
		assert.Equal(t, s, l.String(), "ParseLevel accepts exactly what String writes")
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back iop.Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	})
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"9h00m", "8h59m", "0h00m", "-1h30m", "35791394h07m", "9h60m", "", "-0h00m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := iop.ParseMinutes(s)
		if err != nil {
			require.ErrorIs(t, err, iop.ErrSyntax)
			return
		}
		assert.Equal(t, s, m.String(), "ParseMinutes accepts exactly what String writes")
	})
}

func FuzzParseProfile(f *testing.F) {
	for _, p := range ioprules.Builtins() {
		b, err := json.Marshal(p)
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","from":"2025-02-30"}`))
	f.Add([]byte(`{"weekly":{"adult":{"min":"-0h05m"}}}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := iop.ParseProfile(data, ioprules.Kinds()...)
		if err != nil {
			assert.True(t, p.IsZero(), "a refused profile is the zero Profile")
			return
		}
		require.NoError(t, p.Validate())
		b, err := json.Marshal(p)
		require.NoError(t, err)
		q, err := iop.ParseProfile(b, ioprules.Kinds()...)
		require.NoError(t, err, "a valid profile's encoding must decode: %s", b)
		assert.True(t, p.Equal(q), "round trip changed the profile")
		b2, err := json.Marshal(q)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2), "marshal, unmarshal, marshal gives the same bytes")
	})
}

// FuzzParseEnums checks the foundation's other parsers: each accepts exactly
// what its String writes, round-trips through text, and never panics.
func FuzzParseEnums(f *testing.F) {
	for _, s := range []string{"3rd", "4th", "adult", "adolescent", "info", "warning", "blocking",
		"minutes", "days", "count", "intensity", "full", "prorated", "exempt", "", "%!Unit(0)", "Adult"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		check := func(v interface{ String() string }, err error, sentinel error) {
			if err != nil {
				require.ErrorIs(t, err, sentinel)
				var pe *iop.ParseError
				require.ErrorAs(t, err, &pe)
				return
			}
			assert.Equal(t, s, v.String())
		}
		e, err := iop.Parse[iop.Edition](s)
		check(e, err, iop.ErrUnknown)
		p, err := iop.Parse[iop.Population](s)
		check(p, err, iop.ErrUnknown)
		sev, err := iop.Parse[iop.Severity](s)
		check(sev, err, iop.ErrUnknown)
		u, err := iop.Parse[iop.Unit](s)
		check(u, err, iop.ErrUnknown)
		w, err := iop.Parse[schedule.PartialWeek](s)
		check(w, err, iop.ErrUnknown)
	})
}

// FuzzAgeOn checks AgeOn's properties on any pair of days: an error exactly
// when birth is after the day judged; age 0 on the birth day; an age that
// never falls as the day advances and rises by at most one a day; the
// birthday (March 1 for a February 29 birth in a common year) is the day it
// rises.
func FuzzAgeOn(f *testing.F) {
	f.Add(int64(date.New(2008, 2, 29)), int64(date.New(2026, 2, 28)))
	f.Add(int64(date.New(2008, 2, 29)), int64(date.New(2024, 2, 29)))
	f.Add(int64(date.New(1999, 12, 31)), int64(date.New(2000, 1, 1)))
	f.Fuzz(func(t *testing.T, b, o int64) {
		birth, on := date.Date(b%4000000), date.Date(o%4000000)
		age, err := iop.AgeOn(birth, on)
		if birth > on {
			require.ErrorIs(t, err, iop.ErrOrder)
			return
		}
		require.NoError(t, err)
		require.GreaterOrEqual(t, age, 0)
		if birth == on {
			assert.Equal(t, 0, age)
		}
		next, err := iop.AgeOn(birth, on+1)
		require.NoError(t, err)
		require.GreaterOrEqual(t, next, age)
		require.LessOrEqual(t, next, age+1)
	})
}

// FuzzParseDate checks that ParseDate accepts exactly the days String
// writes (YYYY-MM-DD, a day that exists) and that its error never holds
// the input.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "2025-02-29", "2024-13-01", "0000-01-01", "9999-12-31", "2025-2-28", "Jane Doe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := iop.ParseDate(s)
		if err != nil {
			require.ErrorIs(t, err, iop.ErrInvalidDate)
			assert.Equal(t, "iop.ParseDate: invalid date", err.Error())
			return
		}
		assert.Equal(t, s, d.String())
	})
}

// FuzzInput: what UnmarshalText accepts, String writes back the same, and
// a refusal leaves the Input unchanged.
func FuzzInput(f *testing.F) {
	for _, s := range []string{"", "input line 12", "segment 57", "segment 0", "input line 2147483648", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := iop.InputSegment(3)
		if err := in.UnmarshalText([]byte(s)); err != nil {
			require.Equal(t, iop.InputSegment(3), in)
			return
		}
		require.Equal(t, s, in.String())
	})
}
