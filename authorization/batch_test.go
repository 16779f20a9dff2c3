package authorization_test

import (
	"testing"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stays is a batch of three patients: P-1 with an authorization used one
// day past its quantity, P-2 with service and no authorization, P-3 with
// two overlapping authorizations and no service.
func stays() ([]authorization.Authorization, []schedule.WeekSummary) {
	a1 := auth()
	a1.Quantity = 9
	a3, b3 := auth(), auth()
	a3.Patient, b3.Patient, b3.Number = "P-3", "P-3", "AUTH-3"
	weeks := days("P-1", weekdays("2026-03-02", 2)...)
	weeks = append(weeks, days("P-2", "2026-03-03", "2026-03-10")...)
	return []authorization.Authorization{a1, a3, b3}, weeks
}

// TestCheckStays: the batch gives what CheckStay gives patient by patient.
// P-1's weeks run past the day judged: they count, so its quantity runs
// out on 2026-03-12 and its review was due 3 days before.
func TestCheckStays(t *testing.T) {
	ck := newChecker(t, reviewTerms())
	auths, weeks := stays()
	asOf := day("2026-03-11")
	got, err := ck.CheckStays(auths, weeks, asOf)
	require.NoError(t, err)

	var slow iop.Findings
	for _, st := range []struct {
		auths []authorization.Authorization
		weeks []schedule.WeekSummary
	}{{auths[:1], weeks[:2]}, {nil, weeks[2:]}, {auths[1:], nil}} {
		fs, err := ck.CheckStay(st.auths, st.weeks, asOf, 0)
		require.NoError(t, err)
		slow = append(slow, fs...)
	}
	assert.Equal(t, slow, got)
	assert.Equal(t, want(t, ck,
		fx{code: authorization.CodeQuantityExceeded, subject: "AUTH-1", day: "2026-03-13", need: 9, got: 10, unit: iop.UnitDays},
		fx{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-09", need: 3, got: 2, unit: iop.UnitDays},
		fx{code: authorization.CodeOutsidePeriod, subject: "P-2", day: "2026-03-03"},
		fx{code: authorization.CodeOutsidePeriod, subject: "P-2", day: "2026-03-10"},
		fx{code: authorization.CodeReviewPastDue, subject: "AUTH-1", day: "2026-03-10", need: 3, got: 1, unit: iop.UnitDays},
		fx{code: authorization.CodeReviewPastDue, subject: "AUTH-3", day: "2026-03-10", need: 3, got: 1, unit: iop.UnitDays},
		fx{code: authorization.CodeOverlap, subject: "AUTH-3", day: "2026-03-02", got: 12, unit: iop.UnitDays},
	), got)
}

func TestCheckStaysErrors(t *testing.T) {
	ck := newChecker(t, authorization.Terms{})
	auths, weeks := stays()
	bad := auths[2]
	bad.Quantity = -1
	tests := []struct {
		name   string
		auths  []authorization.Authorization
		weeks  []schedule.WeekSummary
		fields []string
	}{
		{name: "authorizations out of order", auths: []authorization.Authorization{auths[1], auths[0]}, fields: []string{"authorizations[1].patient"}},
		{name: "weeks out of order", weeks: []schedule.WeekSummary{weeks[2], weeks[0]}, fields: []string{"weeks[1].patient"}},
		{name: "a patient's weeks out of order", weeks: []schedule.WeekSummary{weeks[1], weeks[0]}, fields: []string{"weeks[1].week"}},
		{name: "an invalid authorization", auths: []authorization.Authorization{auths[1], bad}, fields: []string{"authorizations[1].quantity"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dst := iop.Findings{}
			fs, err := ck.AppendStays(dst, tt.auths, tt.weeks, day("2026-03-13"))
			assert.Equal(t, dst, fs)
			var es iop.FieldErrors
			require.ErrorAs(t, err, &es)
			assert.Equal(t, tt.fields, fields(es))
		})
	}
	_, err := authorization.Checker{}.CheckStays(nil, nil, day("2026-03-13"))
	require.ErrorIs(t, err, iop.ErrMissing)
}
