package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCounting(t *testing.T) {
	def := schedule.DefaultCounting()
	for _, k := range schedule.Kinds() {
		s := at(mon, 60)
		s.Kind = k
		want := k != schedule.CaseManagement && k != schedule.PeerSupport && k != schedule.Recreation && k != schedule.OtherService
		assert.Equal(t, want, def.Counts(s), "%s", k)
	}
	withCodes := def
	withCodes.Codes = []string{"H2036", "H0015"}
	s := at(mon, 60)
	s.Kind, s.Code = schedule.OtherService, "H0015"
	assert.False(t, def.Counts(s))
	assert.True(t, withCodes.Counts(s), "a billing code the rule names counts whatever the kind")
	s.Code = "h0015"
	assert.False(t, withCodes.Counts(s), "codes compare exactly")
	s.Code = ""
	assert.False(t, withCodes.Counts(s))

	assert.True(t, def.Equal(schedule.DefaultCounting()))
	assert.False(t, def.Equal(withCodes))
	assert.True(t, schedule.Counting{}.IsZero())
	assert.False(t, def.IsZero())
	require.NoError(t, withCodes.Validate())
}

func TestCountingValidate(t *testing.T) {
	cite := schedule.DefaultCounting().Cite
	tests := []struct {
		name string
		c    schedule.Counting
		want map[string]error
	}{
		{"nothing counts", schedule.Counting{Cite: cite}, map[string]error{"counting": schedule.ErrMissing}},
		{"an unknown kind", schedule.Counting{Kinds: 1 << 30, Cite: cite}, map[string]error{"counting.kinds": schedule.ErrUnknownKind}},
		{"empty and repeated codes", schedule.Counting{Codes: []string{"H0015", "", "H0015"}, Cite: cite}, map[string]error{
			"counting.codes[1]": schedule.ErrMissing, "counting.codes[2]": iop.ErrDuplicateField}},
		{"no citation", schedule.Counting{Kinds: schedule.KindsOf(schedule.GroupTherapy)}, map[string]error{"counting.cite": iop.ErrMissingCitation}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fieldErrors(t, tt.c.Validate()))
		})
	}
}

func TestParseCounting(t *testing.T) {
	got, err := schedule.ParseCounting([]byte(`{"kinds":["group","individual","peer-support"],"codes":["H0015"],"cite":{"source":"Example payer contract §4"}}`))
	require.NoError(t, err)
	want := schedule.Counting{Kinds: schedule.KindsOf(schedule.GroupTherapy, schedule.IndividualTherapy, schedule.PeerSupport),
		Codes: []string{"H0015"}, Cite: iop.Citation{Source: "Example payer contract §4"}}
	assert.True(t, want.Equal(got), "got %+v", got)
	_, err = schedule.ParseCounting([]byte(`{"kinds":["group"],"cite":{}}`))
	require.ErrorIs(t, err, iop.ErrMissingCitation)
	_, err = schedule.ParseCounting([]byte(`{"kinds":["group","grop"],"cite":{"source":"x"}}`))
	require.ErrorIs(t, err, schedule.ErrUnknownKind)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "kinds[1]", fe.Field)
	_, err = schedule.ParseCounting([]byte(`{"kinds":["group"],"hours":true}`))
	require.ErrorIs(t, err, iop.ErrUnknownField)
}

// FuzzRulesJSON decodes arbitrary JSON as the package's other decoded
// types (counting rule, episode, certifications): never a panic, and what
// decodes re-encodes to the same bytes.
func FuzzRulesJSON(f *testing.F) {
	f.Add([]byte(`{"kinds":["group","individual"],"codes":["H0015"],"cite":{"source":"x","note":"y"}}`))
	f.Add([]byte(`{"population":"adolescent","admitted":"2024-02-29","discharged":"2024-03-31","stepped_down":"2024-03-18"}`))
	f.Add([]byte(`{"admitted":"2025-01-06","signed":["2025-01-06","2025-01-24"],"reviewed":["2025-02-05"]}`))
	f.Add([]byte(`{"population":"child","admitted":"2025-02-30"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c schedule.Counting
		if c.UnmarshalJSON(data) == nil {
			_ = c.Validate()
			if jsonRoundTrip(t, c, (*schedule.Counting).UnmarshalJSON) {
				_, _ = schedule.ParseCounting(data)
			}
		}
		var e schedule.Episode
		if e.UnmarshalJSON(data) == nil {
			_ = e.Validate()
			jsonRoundTrip(t, e, (*schedule.Episode).UnmarshalJSON)
		}
		var cs schedule.Certifications
		if cs.UnmarshalJSON(data) == nil {
			_ = cs.Validate()
			jsonRoundTrip(t, cs, (*schedule.Certifications).UnmarshalJSON)
		}
	})
}
