package schedule

import (
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMedicareShortDays: each setting of the Medicare IOP scope has one
// answer for a day below 3 services (RULES.md §2), and no setting blocks
// more than its day.
func TestMedicareShortDays(t *testing.T) {
	rows := MedicareShortDays()
	var es iop.FieldErrors
	validateShortDays(&es, "short_days", rows)
	require.NoError(t, es.Err())
	cases := []struct {
		setting  iop.Provider
		pay      DayPay
		severity iop.Severity
		ok       bool
	}{
		{iop.ProviderHospitalOutpatient, DayPayIndividual, iop.SeverityWarning, true},
		{iop.ProviderCMHC, DayPayUnpaid, iop.SeverityBlocking, true},
		{iop.ProviderCAH, DayPayCost, iop.SeverityWarning, true},
		{iop.ProviderRHC, DayPayClinic, iop.SeverityWarning, true},
		{iop.ProviderFQHC, DayPayClinic, iop.SeverityWarning, true},
		{iop.ProviderOTP, DayPayWeekly, 0, true},
		{0, 0, 0, false},
	}
	for _, c := range cases {
		t.Run(c.setting.String(), func(t *testing.T) {
			r, ok := shortDayFor(rows, c.setting)
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.pay, r.Pay)
			assert.Equal(t, c.severity, r.Severity)
		})
	}
}

func TestValidateShortDays(t *testing.T) {
	cite := iop.Citation{Source: "s"}
	rows := []ShortDay{
		{Settings: iop.SetOf[iop.Provider](iop.ProviderCMHC), Pay: DayPayUnpaid, Cite: cite},
		{Settings: iop.SetOf[iop.Provider](iop.ProviderCMHC, iop.ProviderRHC), Pay: DayPayPerDiem, Cite: cite},
		{Pay: 99, Severity: 9},
	}
	var es iop.FieldErrors
	validateShortDays(&es, "short_days", rows)
	var fields []string
	for _, e := range es {
		fields = append(fields, e.Field)
	}
	assert.Equal(t, []string{"short_days[1].settings", "short_days[1].pay", "short_days[2].settings",
		"short_days[2].pay", "short_days[2].severity", "short_days[2].cite"}, fields)
}

func TestDayPayText(t *testing.T) {
	for p := DayPayPerDiem; p <= DayPayNotJudged; p++ {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q DayPay
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q)
	}
	assert.Equal(t, "%!DayPay(99)", DayPay(99).String())
}
