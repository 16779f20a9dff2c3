package authorization_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParseAuthorizations: any input is refused or decodes to
// authorizations that marshal and decode back to the same bytes; no
// error holds the input's text.
func FuzzParseAuthorizations(f *testing.F) {
	a := auth()
	a.Revenue[0] = "0905"
	good, err := json.Marshal([]authorization.Authorization{a})
	require.NoError(f, err)
	f.Add(good)
	f.Add([]byte(`[{"number":"A","effective":"2026-02-30"}]`))
	f.Add([]byte(`[{"requested":"2026-03-02T09:00:00-05:00","decided":"2026-03-02T08:00:00Z"}]`))
	f.Add([]byte(`[{"codes":["H0015","H0015"]},{"unit":"fortnights"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		as, err := authorization.ParseAuthorizations(data)
		if err != nil {
			assert.Nil(t, as)
			return
		}
		b, err := json.Marshal(as)
		require.NoError(t, err)
		back, err := authorization.ParseAuthorizations(b)
		require.NoError(t, err)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}

// FuzzEnumText: UnmarshalText accepts exactly what MarshalText writes.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"certified", "not-required", "A1", "days", "hours", "", "DY"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var a authorization.Action
		if a.UnmarshalText([]byte(s)) == nil {
			b, err := a.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, s, string(b))
		}
		var u authorization.QuantityUnit
		if u.UnmarshalText([]byte(s)) == nil {
			b, err := u.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, s, string(b))
		}
	})
}

// FuzzCheckStay: on any week of service, the use the check counts against
// one authorization is the naive count of the days, services or minutes
// in its period, and the quantity findings are the days with use past it
// (a day that uses none of the unit is not one).
func FuzzCheckStay(f *testing.F) {
	f.Add([]byte{0, 180, 3, 0, 0, 60, 1, 200, 0, 1}, uint8(1), uint8(5), uint8(3))
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, uint8(2), uint8(1), uint8(0))
	ck := newChecker(f, reviewTerms())
	f.Fuzz(func(t *testing.T, data []byte, unit, quantity, startDay uint8) {
		a := auth()
		a.Unit = []authorization.QuantityUnit{authorization.QuantityUnitDays, authorization.QuantityUnitVisits, authorization.QuantityUnitHours}[unit%3]
		a.Quantity = int(quantity%20) + 1
		a.Effective = day("2026-03-02") + date.Date(startDay%14)
		a.Expiration = a.Effective + 9
		// Three ISO weeks from 2026-02-23: each pair of bytes is a day's
		// minutes (in 10s) and services.
		var weeks []schedule.WeekSummary
		for w := range 3 {
			s := schedule.WeekSummary{Patient: "P-1", Week: schedule.ISOWeeks().Of(day("2026-02-23") + date.Date(7*w))}
			for i := range 7 {
				if j := 2 * (7*w + i); j+1 < len(data) {
					s.DayMinutes[i] = iop.Minutes(data[j]) * 10
					s.DayServices[i] = uint16(data[j+1] % 8)
				}
			}
			weeks = append(weeks, s)
		}
		var used, q int64
		var over []date.Date
		q = int64(a.Quantity)
		if a.Unit == authorization.QuantityUnitHours {
			q *= 60
		}
		for _, s := range weeks {
			for i := range 7 {
				d := s.Week.Day(i)
				if !a.Contains(d) || s.DayMinutes[i] == 0 && s.DayServices[i] == 0 {
					continue
				}
				var amt int64
				switch a.Unit {
				case authorization.QuantityUnitDays:
					amt = 1
				case authorization.QuantityUnitVisits:
					amt = int64(s.DayServices[i])
				case authorization.QuantityUnitHours:
					amt = int64(s.DayMinutes[i])
				}
				used += amt
				if amt > 0 && used > q {
					over = append(over, d)
				}
			}
		}
		rs, err := ck.Remaining([]authorization.Authorization{a}, weeks, day("2026-03-20"))
		require.NoError(t, err)
		require.Len(t, rs, 1)
		assert.Equal(t, used, rs[0].Used)
		fs, err := ck.CheckStay([]authorization.Authorization{a}, weeks, day("2026-03-20"), 0)
		require.NoError(t, err)
		var got []date.Date
		for _, f := range fs {
			if f.Code == authorization.CodeQuantityExceeded {
				got = append(got, f.Day)
			}
		}
		assert.Equal(t, over, got)
	})
}

// FuzzRemainingJSON: a Remaining decodes strictly, and what decodes
// marshals and decodes back to the same bytes.
func FuzzRemainingJSON(f *testing.F) {
	b, err := json.Marshal(authorization.Remaining{Authorization: "AUTH-1", Unit: iop.UnitDays, Authorized: 10, Used: 8, Left: 2,
		Rate: 4, RunOut: day("2026-03-19"), ReviewBy: day("2026-03-16")})
	require.NoError(f, err)
	f.Add(b)
	f.Add([]byte(`{"authorization":"A","run_out":"2026-02-30"}`))
	f.Add([]byte(`{"unit":"weeks","left":-1,"extra":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r authorization.Remaining
		if err := json.Unmarshal(data, &r); err != nil {
			var es iop.FieldErrors
			if errors.As(err, &es) {
				assert.NotContains(t, err.Error(), "Jane")
			}
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back authorization.Remaining
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, r, back)
	})
}
