package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullPlan is a plan with every service and three contacts.
func fullPlan() aftercare.Plan {
	return aftercare.Plan{
		Made: dischargedOn - 7, GroupSessionsPerWeek: 2, MutualHelpPerWeek: 3, CounselingPerMonth: 2,
		Medication: true, RecoveryHousing: true, EmploymentSupport: true, RecoveryCoach: true,
		Contacts: []aftercare.Contact{
			{On: dischargedOn + 3, Status: aftercare.ContactStatusKept},
			{On: dischargedOn + 10, Status: aftercare.ContactStatusKept},
			{On: dischargedOn + 20, Status: aftercare.ContactStatusKept},
		},
	}
}

func TestPlanValidate(t *testing.T) {
	tests := []struct {
		name string
		plan aftercare.Plan
		want []fieldErr
	}{
		{name: "zero plan", plan: aftercare.Plan{}},
		{name: "full plan", plan: fullPlan()},
		{name: "made, nothing else", plan: aftercare.Plan{Made: dischargedOn}},
		{name: "content without a date", plan: aftercare.Plan{MutualHelpPerWeek: 3}, want: []fieldErr{{"made", iop.ErrMissing}}},
		{name: "contacts alone without a date", plan: aftercare.Plan{Contacts: []aftercare.Contact{{On: dischargedOn, Status: aftercare.ContactStatusKept}}}, want: []fieldErr{{"made", iop.ErrMissing}}},
		{name: "date past 9999", plan: aftercare.Plan{Made: 3652059}, want: []fieldErr{{"made", iop.ErrOutOfRange}}},
		{name: "negative counts", plan: aftercare.Plan{Made: dischargedOn, GroupSessionsPerWeek: -1, CounselingPerMonth: -2},
			want: []fieldErr{{"group_sessions_per_week", iop.ErrOutOfRange}, {"counseling_per_month", iop.ErrOutOfRange}}},
		{name: "count 100 is the top", plan: aftercare.Plan{Made: dischargedOn, MutualHelpPerWeek: 100}},
		{name: "count 101", plan: aftercare.Plan{Made: dischargedOn, MutualHelpPerWeek: 101}, want: []fieldErr{{"mutual_help_per_week", iop.ErrOutOfRange}}},
		{name: "bad contacts", plan: aftercare.Plan{Made: dischargedOn, Contacts: []aftercare.Contact{
			{On: dischargedOn + 5, Status: aftercare.ContactStatusKept},
			{On: dischargedOn + 4, Status: 0},
			{On: 0, Status: 7},
			{On: -1, Status: aftercare.ContactStatusMissed},
		}}, want: []fieldErr{
			{"contacts[1].on", iop.ErrOrder}, {"contacts[1].status", iop.ErrMissing},
			{"contacts[2].on", iop.ErrMissing}, {"contacts[2].status", iop.ErrUnknown},
			{"contacts[3].on", iop.ErrOutOfRange},
		}},
		{name: "same-day contacts are in order", plan: aftercare.Plan{Made: dischargedOn, Contacts: []aftercare.Contact{
			{On: dischargedOn, Status: aftercare.ContactStatusMissed}, {On: dischargedOn, Status: aftercare.ContactStatusKept},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireFieldErrors(t, tt.plan.Validate(), tt.want)
		})
	}
}

func TestPlanIsZeroEqual(t *testing.T) {
	assert.True(t, aftercare.Plan{}.IsZero())
	assert.False(t, aftercare.Plan{Made: dischargedOn}.IsZero())
	assert.False(t, aftercare.Plan{RecoveryCoach: true}.IsZero())
	assert.True(t, fullPlan().Equal(fullPlan()))
	other := fullPlan()
	other.Contacts[2].Status = aftercare.ContactStatusMissed
	assert.False(t, fullPlan().Equal(other))
	other = fullPlan()
	other.RecoveryHousing = false
	assert.False(t, fullPlan().Equal(other))
}

func TestParsePlan(t *testing.T) {
	const doc = `{
		"made": "2025-03-03",
		"group_sessions_per_week": 2,
		"mutual_help_per_week": 3,
		"counseling_per_month": 2,
		"medication": true,
		"recovery_housing": true,
		"employment_support": true,
		"recovery_coach": true,
		"contacts": [
			{"on": "2025-03-13", "status": "kept"},
			{"on": "2025-03-20", "status": "kept"},
			{"on": "2025-03-30", "status": "kept"}
		]
	}`
	got, err := aftercare.ParsePlan([]byte(doc))
	require.NoError(t, err)
	assert.True(t, got.Equal(fullPlan()), "got %+v", got)

	for _, tt := range []struct {
		name, doc, field string
		err              error
	}{
		{"unknown field", `{"made":"2025-03-03","sober_living":true}`, "#1", iop.ErrUnknownField},
		{"duplicate field", `{"made":"2025-03-03","made":"2025-03-04"}`, "made", iop.ErrDuplicate},
		{"impossible date", `{"made":"2025-02-30"}`, "made", iop.ErrInvalidDate},
		{"impossible contact date", `{"made":"2025-03-03","contacts":[{"on":"2025-02-29","status":"kept"}]}`, "contacts[0].on", iop.ErrInvalidDate},
		{"unknown status", `{"made":"2025-03-03","contacts":[{"on":"2025-03-13","status":"done"}]}`, "contacts[0].status", iop.ErrUnknown},
		{"wrong type", `{"made":"2025-03-03","medication":"yes"}`, "medication", iop.ErrSyntax},
		{"invalid plan", `{"mutual_help_per_week":3}`, "made", iop.ErrMissing},
		{"trailing data", `{} {}`, "", iop.ErrSyntax},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := aftercare.ParsePlan([]byte(tt.doc))
			requireFieldError(t, err, fieldErr{tt.field, tt.err})
			assert.True(t, got.IsZero())
		})
	}
}

func TestParsePlanKeepsEveryError(t *testing.T) {
	_, err := aftercare.ParsePlan([]byte(`{"made":"2025-02-30","medication":"yes","contacts":[{"on":"2025-03-13","status":"done"},{"status":"kept","note":"x"}]}`))
	requireFieldErrors(t, err, []fieldErr{
		{"made", iop.ErrInvalidDate},
		{"medication", iop.ErrSyntax},
		{"contacts[0].status", iop.ErrUnknown},
		{"contacts[1].#1", iop.ErrUnknownField},
	})
}
