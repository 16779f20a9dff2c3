package iop_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFollowUpWindowRange(t *testing.T) {
	d := date.New(2025, 3, 10)
	cite := iop.Citation{Source: "test"}
	tests := []struct {
		name        string
		w           iop.FollowUpWindow
		first, last date.Date
	}{
		{"FUH/FUI 7 days: the 7 days after", iop.FollowUpWindow{Name: "7-day", Days: 7, Cite: cite}, date.New(2025, 3, 11), date.New(2025, 3, 17)},
		{"FUA/FUM 7 days: 8 calendar days", iop.FollowUpWindow{Name: "7-day", Days: 7, SameDayCounts: true, Cite: cite}, d, date.New(2025, 3, 17)},
		{"30 days across a month end", iop.FollowUpWindow{Name: "30-day", Days: 30, Cite: cite}, date.New(2025, 3, 11), date.New(2025, 4, 9)},
		{"IET initiation: 14 days with the index day", iop.FollowUpWindow{Name: "iet-initiation", Days: 13, SameDayCounts: true, Cite: cite}, d, date.New(2025, 3, 23)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last := tt.w.Range(d)
			assert.Equal(t, tt.first, first)
			assert.Equal(t, tt.last, last)
		})
	}
	assert.Equal(t, 1, iop.FollowUpWindow{}.Need())
	assert.Equal(t, 1, iop.FollowUpWindow{Contacts: -3}.Need())
	assert.Equal(t, 2, iop.FollowUpWindow{Contacts: 2}.Need())
}

func TestFollowUpRulesWindow(t *testing.T) {
	r := iop.ASAM3Level21().FollowUp
	w, ok := r.Window("iet-engagement")
	require.True(t, ok)
	assert.Equal(t, "iet-initiation", w.After)
	assert.Equal(t, 2, w.Need())
	_, ok = r.Window("90-day")
	assert.False(t, ok)
}

func TestFollowUpValidateAfter(t *testing.T) {
	cite := iop.Citation{Source: "test"}
	init := iop.FollowUpWindow{Name: "init", Days: 13, SameDayCounts: true, Cite: cite}
	engage := iop.FollowUpWindow{Name: "engage", Days: 34, Contacts: 2, After: "init", Cite: cite}
	tests := []struct {
		name    string
		windows []iop.FollowUpWindow
		field   string
	}{
		{"after an earlier window", []iop.FollowUpWindow{init, engage}, ""},
		{"after a later window", []iop.FollowUpWindow{engage, init}, "follow_up.windows[0].after"},
		{"after itself", []iop.FollowUpWindow{{Name: "x", Days: 7, After: "x", Cite: cite}}, "follow_up.windows[0].after"},
		{"after nothing", []iop.FollowUpWindow{init, {Name: "y", Days: 7, After: "z", Cite: cite}}, "follow_up.windows[1].after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := iop.TIP47()
			p.FollowUp.Windows = tt.windows
			err := p.Validate()
			if tt.field == "" {
				require.NoError(t, err)
				return
			}
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.ErrorIs(t, err, iop.ErrMissing)
		})
	}
}

// Every built-in follow-up window is a named HEDIS measure, with the
// measure's own day convention.
func TestBuiltinFollowUp(t *testing.T) {
	for _, p := range iop.Builtins() {
		for _, w := range p.FollowUp.Windows {
			require.True(t, w.Measure.IsValid(), "%s: window %s is no measure", p.ID, w.Name)
			assert.Equal(t, w.Measure.Window(), w, "%s: window %s", p.ID, w.Name)
		}
	}
	assert.Equal(t, []iop.Measure{iop.FUH7, iop.FUH30}, measuresOf(iop.MedicareIOP2024()))
	assert.Equal(t, []iop.Measure{iop.IETInitiation, iop.IETEngagement, iop.FUI7, iop.FUI30}, measuresOf(iop.ASAM3Level21()))
}

func measuresOf(p iop.Profile) []iop.Measure {
	var out []iop.Measure
	for _, w := range p.FollowUp.Windows {
		out = append(out, w.Measure)
	}
	return out
}

func TestFollowUpJSON(t *testing.T) {
	for _, p := range iop.Builtins() {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		got, err := iop.ParseProfile(b)
		require.NoError(t, err)
		assert.True(t, got.Equal(p), p.ID)
	}
	_, err := iop.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"x"},"scope":{"reach":"national"},
		"follow_up":{"windows":[{"name":"a","days":7,"after":"b","cite":{"source":"x"}}]}}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "follow_up.windows[0].after", fe.Field)
}
