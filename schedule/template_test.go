package schedule_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFit(t *testing.T) {
	mwf := schedule.WeekdaysOf(time.Monday, time.Wednesday, time.Friday)
	tmpl := func(days schedule.Weekdays, n int, m iop.Minutes) schedule.Template {
		return schedule.Template{ID: "t-1", Days: days, Start: schedule.MustParseClock("09:00"), Sessions: n, Minutes: m, Kind: iop.ServiceKindGroupTherapy}
	}
	medicare, h0015, asam := ioprules.MedicareIOP2025(), ioprules.H0015(), ioprules.ASAM3Level21()
	tests := []struct {
		name    string
		profile iop.Profile
		pop     iop.Population
		t       schedule.Template
		want    schedule.Fit
		codes   []iop.Code
		meets   bool
	}{
		{"Mon/Wed/Fri 3 x 60 min clears Medicare's 9h by nothing", medicare, iop.PopulationAdult, tmpl(mwf, 3, 60),
			schedule.Fit{Weekly: 540, Day: 180, Days: 3, Band: benefitOf(medicare).Weekly.Adult, Margin: 0}, nil, true},
		{"3 x 59 min misses it by 9 minutes, a warning under Medicare", medicare, iop.PopulationAdult, tmpl(mwf, 3, 59),
			schedule.Fit{Weekly: 531, Day: 177, Days: 3, Band: benefitOf(medicare).Weekly.Adult, Margin: -9},
			[]iop.Code{schedule.CodeWeeklyBelowMinimum}, true},
		{"2 sessions a day miss the per-diem tier: no paid day", medicare, iop.PopulationAdult, tmpl(mwf, 2, 90),
			schedule.Fit{Weekly: 540, Day: 180, Days: 3, Band: benefitOf(medicare).Weekly.Adult, Margin: 0},
			[]iop.Code{schedule.CodeBelowTier, schedule.CodeBelowTier, schedule.CodeBelowTier}, false},
		{"Medicare has no weekly maximum", medicare, iop.PopulationAdult, tmpl(schedule.WeekdaysOf(1, 2, 3, 4, 5), 4, 60),
			schedule.Fit{Weekly: 1200, Day: 240, Days: 5, Band: benefitOf(medicare).Weekly.Adult, Margin: 660}, nil, true},
		{"ASAM 2.1: 5 days of 4 x 60 min are 20h, above the band", asam, iop.PopulationAdult, tmpl(schedule.WeekdaysOf(1, 2, 3, 4, 5), 4, 60),
			schedule.Fit{Weekly: 1200, Day: 240, Days: 5, Band: benefitOf(asam).Weekly.Adult, Margin: 660, Headroom: -1},
			[]iop.Code{schedule.CodeWeeklyAboveMaximum}, true},
		{"H0015: 2 days of 4h30m are not a week", h0015, iop.PopulationAdult, tmpl(schedule.WeekdaysOf(time.Tuesday, time.Thursday), 3, 90),
			schedule.Fit{Weekly: 540, Day: 270, Days: 2, DayMargin: 90, DaysMargin: -1},
			[]iop.Code{schedule.CodeTooFewDays}, false},
		{"H0015: 3 days of 2h30m are not service days", h0015, iop.PopulationAdult, tmpl(mwf, 1, 150),
			schedule.Fit{Weekly: 450, Day: 150, Days: 3, DayMargin: -30, DaysMargin: 0},
			[]iop.Code{schedule.CodeShortDay, schedule.CodeShortDay, schedule.CodeShortDay, schedule.CodeTooFewDays}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ck := checker(t, tt.profile)
			got, err := ck.FitTemplate(tt.t, tt.pop)
			require.NoError(t, err)
			covered(t, ck, got.Findings)
			ioptest.CodesEqual(t, got.Findings, tt.codes...)
			for _, f := range got.Findings {
				assert.Equal(t, "t-1", f.Subject)
			}
			assert.Equal(t, tt.meets, got.Meets())
			got.Findings = nil
			assert.Equal(t, tt.want, got)
		})
	}
	t.Run("a kind that does not count counts nothing", func(t *testing.T) {
		tm := tmpl(mwf, 3, 60)
		tm.Kind = iop.ServiceKindRecreation
		ck := checker(t, medicare)
		got, err := ck.FitTemplate(tm, iop.PopulationAdult)
		require.NoError(t, err)
		assert.Equal(t, iop.Minutes(0), got.Weekly)
		assert.Equal(t, iop.Minutes(-540), got.Margin)
		ioptest.CodesEqual(t, covered(t, ck, got.Findings), schedule.CodeWeeklyBelowMinimum, schedule.CodeUncountedTime)
		assert.True(t, got.Meets(), "under Medicare the weekly minimum is a warning")
		asam := checker(t, ioprules.ASAM3Level21())
		got, err = asam.FitTemplate(tm, iop.PopulationAdult)
		require.NoError(t, err)
		covered(t, asam, got.Findings)
		assert.False(t, got.Meets(), "under ASAM 2.1 it blocks")
	})
	t.Run("errors", func(t *testing.T) {
		_, err := checker(t, medicare).FitTemplate(schedule.Template{Sessions: 1, Minutes: 60, Kind: iop.ServiceKindGroupTherapy}, 0)
		assert.Equal(t, map[string]string{"template.days": "missing", "template.start": "missing", "population": "missing"}, fieldErrors(t, err))
		_, err = checker(t, medicare).FitTemplate(tmpl(mwf, 3, 60), 9)
		assert.Equal(t, map[string]string{"population": "unknown value"}, fieldErrors(t, err))
		_, err = schedule.Checker{}.FitTemplate(tmpl(mwf, 3, 60), iop.PopulationAdult)
		require.ErrorIs(t, err, iop.ErrMissing)
	})
}

func TestTemplateValidate(t *testing.T) {
	ok := schedule.Template{Days: schedule.WeekdaysOf(time.Monday), Start: schedule.MustParseClock("18:00"), Sessions: 2, Minutes: 180, Kind: iop.ServiceKindGroupTherapy}
	require.NoError(t, ok.Validate(), "18:00 + 2 x 3h ends at midnight")
	tests := []struct {
		name string
		edit func(*schedule.Template)
		want map[string]string
	}{
		{"past midnight", func(t *schedule.Template) { t.Minutes = 181 }, map[string]string{"minutes": "out of range: the day's sessions cross midnight"}},
		{"no days", func(t *schedule.Template) { t.Days = 0 }, map[string]string{"days": "missing"}},
		{"bad days", func(t *schedule.Template) { t.Days = 0xff }, map[string]string{"days": "unknown value"}},
		{"no sessions", func(t *schedule.Template) { t.Sessions = 0 }, map[string]string{"sessions": notPositive}},
		{"huge numbers", func(t *schedule.Template) { t.Sessions, t.Minutes = 1<<62, 1<<30 }, map[string]string{"minutes": "out of range: the day's sessions cross midnight"}},
		{"everything", func(t *schedule.Template) { *t = schedule.Template{Kind: 40} }, map[string]string{
			"days": "missing", "start": "missing", "sessions": notPositive,
			"minutes": notPositive, "kind": "unknown value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := ok
			tt.edit(&tm)
			assert.Equal(t, tt.want, fieldErrors(t, tm.Validate()))
		})
	}
	s := ok.Session("p-1", mon, 1)
	assert.Equal(t, schedule.Session{Patient: "p-1", Date: mon, Start: schedule.MustParseClock("21:00"), Planned: 180,
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended}, s)
	assert.Equal(t, schedule.Clock{}, ok.Session("p-1", mon, 2).Start, "a session past midnight has no start")
}

func TestParseTemplate(t *testing.T) {
	got, err := schedule.ParseTemplate([]byte(`{"id":"iop-mwf","days":["mon","wed","fri"],"start":"09:00","sessions":3,"minutes":"1h00m","kind":"group","code":"H0015"}`))
	require.NoError(t, err)
	want := schedule.Template{ID: "iop-mwf", Days: schedule.WeekdaysOf(time.Monday, time.Wednesday, time.Friday),
		Start: schedule.MustParseClock("09:00"), Sessions: 3, Minutes: 60, Kind: iop.ServiceKindGroupTherapy, Code: "H0015"}
	assert.Equal(t, want, got)
	b, err := json.Marshal(got)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"iop-mwf","days":["mon","wed","fri"],"start":"09:00","sessions":3,"minutes":"1h00m","kind":"group","code":"H0015"}`, string(b))

	_, err = schedule.ParseTemplate([]byte(`{"days":["wed","wed"],"start":"09:00","sessions":3,"minutes":"1h00m","kind":"group"}`))
	require.ErrorIs(t, err, iop.ErrDuplicate)
	_, err = schedule.ParseTemplate([]byte(`{"days":["mon"],"start":"09:00","sessions":3,"minutes":"0h00m","kind":"group"}`))
	assert.Equal(t, map[string]string{"minutes": notPositive}, fieldErrors(t, err))
	_, err = schedule.ParseTemplate([]byte(`{"days":["mon"],"hours":3}`))
	require.ErrorIs(t, err, iop.ErrUnknownField)
}

// FuzzTemplateJSON decodes arbitrary JSON as a template: it never panics,
// and what decodes re-encodes to the same bytes.
func FuzzTemplateJSON(f *testing.F) {
	f.Add([]byte(`{"id":"iop-mwf","days":["mon","wed","fri"],"start":"09:00","sessions":3,"minutes":"1h00m","kind":"group","code":"H0015"}`))
	f.Add([]byte(`{"days":[],"start":"23:59","sessions":-1,"minutes":"35791394h07m","kind":"other"}`))
	f.Add([]byte(`{"days":["sun"],"sessions":9223372036854775807}`))
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		var tm schedule.Template
		if tm.UnmarshalJSON(data) != nil {
			return
		}
		if _, err := ck.FitTemplate(tm, iop.PopulationAdult); err == nil {
			require.NoError(t, tm.Validate())
		}
		jsonRoundTrip(t, tm, (*schedule.Template).UnmarshalJSON) // an unset start or kind has no JSON form
	})
}
