package authorization_test

import (
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func line(claim string, n int, d, code string, units int) schedule.ClaimLine {
	return schedule.ClaimLine{Patient: "P-1", Claim: claim, Line: n, Date: day(d), Code: code, Units: units}
}

func TestCheckClaims(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	units := auth()
	units.Codes = [8]string{"90853"}
	units.Unit, units.Quantity = authorization.QuantityUnitUnits, 4
	visits := units
	visits.Unit, visits.Quantity = authorization.QuantityUnitVisits, 2
	daysAuth := units
	daysAuth.Unit, daysAuth.Quantity = authorization.QuantityUnitDays, 1
	tests := []struct {
		name  string
		auth  authorization.Authorization
		lines []schedule.ClaimLine
		want  []fx
	}{
		{name: "the last unit", auth: units, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 2), line("C-1", 2, "2026-03-03", "90853", 2)}},
		{name: "one unit more", auth: units, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 2), line("C-1", 2, "2026-03-03", "90853", 3)},
			want: []fx{{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-03", need: 4, got: 5, unit: iop.UnitCount}}},
		{name: "a repeated line counts once", auth: units, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 2), line("C-1", 2, "2026-03-03", "90853", 2), line("C-1", 2, "2026-03-03", "90853", 2)}},
		{name: "lines of a code not authorized are not in scope", auth: units, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 4), line("C-1", 2, "2026-03-02", "H0015", 4)}},
		{name: "the last visit on the last day", auth: visits, lines: []schedule.ClaimLine{
			line("C-2", 1, "2026-03-13", "90853", 1), line("C-1", 1, "2026-03-02", "90853", 1)}},
		{name: "the day after the expiration", auth: visits, lines: []schedule.ClaimLine{
			line("C-2", 1, "2026-03-14", "90853", 1), line("C-1", 1, "2026-03-02", "90853", 1)},
			want: []fx{{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-14"}}},
		{name: "two lines on a day are one day", auth: daysAuth, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 1), line("C-1", 2, "2026-03-02", "90853", 1)}},
		{name: "a second day", auth: daysAuth, lines: []schedule.ClaimLine{
			line("C-1", 1, "2026-03-02", "90853", 1), line("C-2", 1, "2026-03-03", "90853", 1)},
			want: []fx{{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-03", need: 1, got: 2, unit: iop.UnitDays}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckClaims([]authorization.Authorization{tt.auth}, tt.lines, day("2026-03-13"), 0)
			require.NoError(t, err)
			assert.Equal(t, want(t, ck, tt.want...), fs)
			cover.Check(t, ck.Profile(), fs)
		})
	}

	rs, err := ck.RemainingClaims([]authorization.Authorization{units}, tests[2].lines, day("2026-03-03"))
	require.NoError(t, err)
	assert.Equal(t, []authorization.Remaining{{Authorization: "AUTH-1", Unit: iop.UnitCount, Authorized: 4, Used: 4,
		Rate: 14, RunOut: day("2026-03-03")}}, rs)
}

// TestCheckClaimsCountsAsSchedule: a repeated claim line counts once here
// as it does in schedule's summary.
func TestCheckClaimsCountsAsSchedule(t *testing.T) {
	p := profile()
	sck, err := schedule.NewChecker(p)
	require.NoError(t, err)
	lines := []schedule.ClaimLine{
		line("C-1", 1, "2026-03-02", "G0410", 1), line("C-1", 1, "2026-03-02", "G0410", 1), line("C-1", 2, "2026-03-03", "G0410", 1),
	}
	sum, err := sck.SummarizeClaims(schedule.ISOWeeks().Of(day("2026-03-02")), lines)
	require.NoError(t, err)
	ck := newChecker(t, authorization.Terms{})
	a := auth()
	a.Codes = [8]string{"G0410"}
	a.Unit = authorization.QuantityUnitVisits
	rs, err := ck.RemainingClaims([]authorization.Authorization{a}, lines, day("2026-03-03"))
	require.NoError(t, err)
	require.Len(t, rs, 1)
	assert.Equal(t, int64(sum.Services()), rs[0].Used)
	assert.Equal(t, int32(1), sum.Duplicates.Sessions)
}

func TestCheckClaimsErrors(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	hours := auth()
	hours.Unit = authorization.QuantityUnitHours
	bad := line("C-1", 0, "2026-03-02", "H0015", 1)
	other := line("C-1", 1, "2026-03-02", "H0015", 1)
	other.Patient = "P-2"
	dst := iop.Findings{}
	fs, err := ck.AppendClaims(dst, []authorization.Authorization{hours}, []schedule.ClaimLine{bad, other}, day("2026-03-13"), 0)
	assert.Equal(t, dst, fs)
	var es iop.FieldErrors
	require.ErrorAs(t, err, &es)
	assert.Equal(t, []string{"authorizations[0].unit", "lines[0].line", "lines[1].patient"}, fields(es))
	_, err = authorization.Checker{}.CheckClaims(nil, nil, day("2026-03-13"), 0)
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = authorization.Checker{}.RemainingClaims(nil, nil, day("2026-03-13"))
	require.ErrorIs(t, err, iop.ErrMissing)
}

// TestCheckClaimsCodesOfADay: two codes of one authorization on the day
// it runs out make one finding, with the day's whole use.
func TestCheckClaimsCodesOfADay(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	a := auth()
	a.Codes = [8]string{"90853", "H0015"}
	a.Unit, a.Quantity = authorization.QuantityUnitUnits, 3
	fs, err := ck.CheckClaims([]authorization.Authorization{a}, []schedule.ClaimLine{
		line("C-1", 1, "2026-03-02", "90853", 2), line("C-1", 2, "2026-03-02", "H0015", 2), line("C-1", 3, "2026-03-02", "H0015", 1),
		line("C-2", 1, "2026-03-01", "H0015", 1), line("C-2", 2, "2026-03-01", "90853", 1),
	}, day("2026-03-13"), 0)
	require.NoError(t, err)
	assert.Equal(t, want(t, ck,
		fx{code: authorization.CodeOutsidePeriod, subject: "P-1", day: "2026-03-01"},
		fx{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-02", need: 3, got: 5, unit: iop.UnitCount}), fs)
}
