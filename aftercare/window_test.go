package aftercare_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
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
		w           aftercare.FollowUpWindow
		first, last date.Date
	}{
		{"FUH/FUI 7 days: the 7 days after", aftercare.FollowUpWindow{Name: "7-day", Days: 7, Cite: cite}, date.New(2025, 3, 11), date.New(2025, 3, 17)},
		{"FUA/FUM 7 days: 8 calendar days", aftercare.FollowUpWindow{Name: "7-day", Days: 7, SameDayCounts: true, Cite: cite}, d, date.New(2025, 3, 17)},
		{"30 days across a month end", aftercare.FollowUpWindow{Name: "30-day", Days: 30, Cite: cite}, date.New(2025, 3, 11), date.New(2025, 4, 9)},
		{"IET initiation: 14 days with the index day", aftercare.FollowUpWindow{Name: "iet-initiation", Days: 13, SameDayCounts: true, Cite: cite}, d, date.New(2025, 3, 23)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			first, last := tt.w.Range(d)
			assert.Equal(t, tt.first, first)
			assert.Equal(t, tt.last, last)
		})
	}
	assert.Equal(t, 1, aftercare.FollowUpWindow{}.Need())
	assert.Equal(t, 1, aftercare.FollowUpWindow{Contacts: -3}.Need())
	assert.Equal(t, 2, aftercare.FollowUpWindow{Contacts: 2}.Need())
}

func TestFollowUpRulesWindow(t *testing.T) {
	r := followUpOf(asamHEDIS())
	w, ok := r.Window("iet-engagement")
	require.True(t, ok)
	assert.Equal(t, "iet-initiation", w.After)
	assert.Equal(t, 2, w.Need())
	_, ok = r.Window("90-day")
	assert.False(t, ok)
}

func TestFollowUpValidateAfter(t *testing.T) {
	cite := iop.Citation{Source: "test"}
	init := aftercare.FollowUpWindow{Name: "init", Days: 13, SameDayCounts: true, Cite: cite}
	engage := aftercare.FollowUpWindow{Name: "engage", Days: 34, Contacts: 2, After: "init", Cite: cite}
	tests := []struct {
		name    string
		windows []aftercare.FollowUpWindow
		field   string
	}{
		{"after an earlier window", []aftercare.FollowUpWindow{init, engage}, ""},
		{"after a later window", []aftercare.FollowUpWindow{engage, init}, "aftercare.windows[0].after"},
		{"after itself", []aftercare.FollowUpWindow{{Name: "x", Days: 7, After: "x", Cite: cite}}, "aftercare.windows[0].after"},
		{"after nothing", []aftercare.FollowUpWindow{init, {Name: "y", Days: 7, After: "z", Cite: cite}}, "aftercare.windows[1].after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tip47HEDIS()
			p = withFollowUp(p, func(f *aftercare.FollowUp) { f.Windows = tt.windows })
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

// No built-in profile holds a HEDIS measure counted from the IOP
// discharge (issue 23, RULES.md §6: IET counts from the episode's start,
// FUI and FUH from a higher level's discharge, FUA and FUM from an ED
// visit): each holds a program's follow-up after discharge, 7 and 30
// days, the discharge day not counting.
func TestBuiltinFollowUp(t *testing.T) {
	for _, p := range ioprules.Builtins() {
		for _, w := range followUpOf(p).Windows {
			assert.False(t, w.Measure.IsValid(), "%s: window %s is a HEDIS measure counted from the IOP discharge", p.ID, w.Name)
			assert.False(t, w.SameDayCounts, "%s: window %s", p.ID, w.Name)
		}
	}
	want := aftercare.DischargeFollowUp(followUpOf(ioprules.MedicareIOP2025()).Windows[0].Cite, 7, 30)
	assert.Equal(t, want, followUpOf(ioprules.MedicareIOP2025()))
	assert.Equal(t, want, followUpOf(ioprules.ASAM3Level21()))
	assert.Equal(t, []aftercare.Measure{aftercare.MeasureFUH7, aftercare.MeasureFUH30}, measuresOf(medicareHEDIS(ioprules.MedicareIOP2024())))
	assert.Equal(t, []aftercare.Measure{aftercare.MeasureIETInitiation, aftercare.MeasureIETEngagement, aftercare.MeasureFUI7, aftercare.MeasureFUI30}, measuresOf(asamHEDIS()))
}

func measuresOf(p iop.Profile) []aftercare.Measure {
	var out []aftercare.Measure
	for _, w := range followUpOf(p).Windows {
		out = append(out, w.Measure)
	}
	return out
}

func TestFollowUpJSON(t *testing.T) {
	for _, p := range ioprules.Builtins() {
		b, err := json.Marshal(p)
		require.NoError(t, err)
		got, err := ioprules.ParseProfile(b)
		require.NoError(t, err)
		assert.True(t, got.Equal(p), p.ID)
	}
	_, err := ioprules.ParseProfile([]byte(`{"id":"x","title":"x","level":"2.1","from":"2025-01-01","source":{"source":"x"},"scope":{"reach":"national"},
		"aftercare":{"windows":[{"name":"a","days":7,"after":"b","cite":{"source":"x"}}]}}`))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "aftercare.windows[0].after", fe.Field)
}
