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
