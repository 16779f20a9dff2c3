package aftercare_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMeasureWindowEdges holds each HEDIS measure, as a profile lists it
// with aftercare.FollowUpOf, to its day convention at the edges: FUA and FUM
// count the day of the index visit (7 days span 8: day 7 counts, day 8
// does not); FUH and FUI do not count the discharge day (days 1 to 7, 1 to
// 30); IET initiation is the episode date and the 13 days after (13 counts,
// 14 does not). A missed window is reported with the measure's name as
// Ref, its last day, the contacts needed and kept, and the measure's
// citation.
func TestMeasureWindowEdges(t *testing.T) {
	tests := []struct {
		m    aftercare.Measure
		day  int // the day of the one contact kept, after the index day
		met  bool
		last int // the window's last day, after the index day
	}{
		{aftercare.MeasureFUA7, -1, false, 7}, {aftercare.MeasureFUA7, 0, true, 7}, {aftercare.MeasureFUA7, 7, true, 7}, {aftercare.MeasureFUA7, 8, false, 7},
		{aftercare.MeasureFUA30, 0, true, 30}, {aftercare.MeasureFUA30, 30, true, 30}, {aftercare.MeasureFUA30, 31, false, 30},
		{aftercare.MeasureFUM7, -1, false, 7}, {aftercare.MeasureFUM7, 0, true, 7}, {aftercare.MeasureFUM7, 7, true, 7}, {aftercare.MeasureFUM7, 8, false, 7},
		{aftercare.MeasureFUM30, 0, true, 30}, {aftercare.MeasureFUM30, 30, true, 30}, {aftercare.MeasureFUM30, 31, false, 30},
		{aftercare.MeasureFUH7, 0, false, 7}, {aftercare.MeasureFUH7, 1, true, 7}, {aftercare.MeasureFUH7, 7, true, 7}, {aftercare.MeasureFUH7, 8, false, 7},
		{aftercare.MeasureFUH30, 0, false, 30}, {aftercare.MeasureFUH30, 1, true, 30}, {aftercare.MeasureFUH30, 30, true, 30}, {aftercare.MeasureFUH30, 31, false, 30},
		{aftercare.MeasureFUI7, 0, false, 7}, {aftercare.MeasureFUI7, 1, true, 7}, {aftercare.MeasureFUI7, 7, true, 7}, {aftercare.MeasureFUI7, 8, false, 7},
		{aftercare.MeasureFUI30, 0, false, 30}, {aftercare.MeasureFUI30, 1, true, 30}, {aftercare.MeasureFUI30, 30, true, 30}, {aftercare.MeasureFUI30, 31, false, 30},
		{aftercare.MeasureIETInitiation, -1, false, 13}, {aftercare.MeasureIETInitiation, 0, true, 13}, {aftercare.MeasureIETInitiation, 13, true, 13}, {aftercare.MeasureIETInitiation, 14, false, 13},
	}
	ep := discharged(t, "E1", completed(), false)
	for _, tt := range tests {
		t.Run(tt.m.String()+" day "+itoa(tt.day), func(t *testing.T) {
			p := withMeasures(tt.m)
			w := shaped(tt.m.Window())
			require.Equal(t, []aftercare.FollowUpWindow{w}, followUpOf(p).Windows)
			got, err := checkDischarge(t, p, ep, planWith(kept(tt.day)), dischargedOn+60)
			require.NoError(t, err)
			if tt.met {
				assert.Nil(t, got)
				return
			}
			want := windowFinding(aftercare.CodeFollowUpMissed, w, tt.last, 0)
			require.Equal(t, iop.Findings{want}, got)
			assert.Equal(t, tt.m.String(), got[0].Ref, "the measure names the finding")
			assert.Equal(t, iop.Citation{
				Source: "NCQA HEDIS", Title: w.Cite.Title, Edition: "measurement years 2024-2026", URL: w.Cite.URL, Note: w.Cite.Note,
			}, w.Cite, "the measure's citation")
			assert.NotEmpty(t, w.Cite.Title)

			// Open on its last day, with nothing kept in it: not scheduled.
			got, err = checkDischarge(t, p, ep, planWith(kept(tt.day)), dischargedOn+date.Date(tt.last))
			require.NoError(t, err)
			if tt.day >= 0 && tt.day <= tt.last {
				want = windowFinding(aftercare.CodeFollowUpNotScheduled, w, tt.last, 0)
				assert.Equal(t, iop.Findings{want}, got)
			}
		})
	}
}

// TestIETEngagementEdges holds IET engagement to its day convention: 2
// more services from the day after the initiation contact through 34 days
// after it; the initiation contact and another on its day do not count.
// The findings name "iet-engagement", the window's last day counted from
// the initiation, and the figures.
func TestIETEngagementEdges(t *testing.T) {
	p := withMeasures(aftercare.MeasureIETInitiation, aftercare.MeasureIETEngagement)
	const init = 4 // the initiation contact, days after the index day
	tests := []struct {
		name string
		days []int // engagement contacts, days after the initiation
		got  int64 // counted in the engagement window; 2 meets it
	}{
		{"days 1 and 34", []int{1, 34}, 2},
		{"days 1 and 35", []int{1, 35}, 1},
		{"days 0 and 34", []int{0, 34}, 1},
		{"days 34 and 35", []int{34, 35}, 1},
		{"days 35 and 36", []int{35, 36}, 0},
		{"three in the window", []int{2, 9, 20}, 3},
	}
	ep := discharged(t, "E1", completed(), false)
	eng := shaped(aftercare.MeasureIETEngagement.Window())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			contacts := []aftercare.Contact{kept(init)}
			for _, d := range tt.days {
				contacts = append(contacts, kept(init+d))
			}
			got, err := checkDischarge(t, p, ep, planWith(contacts...), dischargedOn+90)
			require.NoError(t, err)
			if tt.got >= 2 {
				assert.Nil(t, got)
				return
			}
			want := windowFinding(aftercare.CodeFollowUpMissed, eng, init+34, tt.got)
			require.Equal(t, iop.Findings{want}, got)
			assert.Equal(t, "iet-engagement", got[0].Ref)
			assert.Equal(t, int64(2), got[0].Need)
		})
	}
}
