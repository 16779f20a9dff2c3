package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMedicareClaims(t *testing.T) {
	c := benefitOf(ioprules.MedicareIOP2025()).Claims
	assert.Equal(t, "92", c.ConditionCode)
	assert.Equal(t, "41", benefitOf(ioprules.MedicarePHP2025()).Claims.ConditionCode)
	g, ok := c.Code("G0410")
	require.True(t, ok)
	assert.Equal(t, schedule.ServiceCode{Code: "G0410", Kind: iop.ServiceKindGroupTherapy, UnitMinutes: 45}, g)
	_, ok = c.Code("90853")
	assert.False(t, ok)
	assert.True(t, c.IsExcluded("90853"), "group psychotherapy is G0410 on Medicare program claims")
	for _, tc := range []struct {
		tob  string
		want bool
	}{{"0131", true}, {"131", true}, {"13x", true}, {"0761", true}, {"0851", true}, {"0111", false}, {"", false}, {"1", false}} {
		assert.Equal(t, tc.want, c.BillTypeAllowed(tc.tob), "BillTypeAllowed(%q)", tc.tob)
	}
	assert.False(t, benefitOf(ioprules.MedicarePHP2025()).Claims.BillTypeAllowed("0771"), "an FQHC does not bill PHP")
	assert.True(t, c.RevenueAllowed("0914"), "Medicare IOP lines carry the service's own revenue code")
	h := benefitOf(ioprules.H0015()).Claims
	assert.True(t, h.RevenueAllowed("0906"))
	assert.False(t, h.RevenueAllowed("0905"))
	d, ok := h.Code("H0015")
	require.True(t, ok)
	assert.True(t, d.PerDiem)
	assert.Equal(t, iop.Hours(3), d.DayMinutes)
}

func TestClaimRulesValidate(t *testing.T) {
	const valid = `{"id":"x","title":"X","level":"2.1","from":"2025-01-01","source":{"source":"S"},"scope":{"reach":"payer"}`
	for _, tc := range []struct {
		name, claims, field string
		want                error
	}{
		{"bad code", `{"codes":[{"code":"G041","kind":"group"}],"cite":{"source":"S"}}`, "claims.codes[0].code", iop.ErrSyntax},
		{"code twice", `{"codes":[{"code":"G0410","kind":"group"},{"code":"G0410","kind":"group"}],"cite":{"source":"S"}}`, "claims.codes[1].code", iop.ErrDuplicate},
		{"no kind", `{"codes":[{"code":"G0410"}],"cite":{"source":"S"}}`, "claims.codes[0].kind", iop.ErrMissing},
		{"per diem without day", `{"codes":[{"code":"H0015","kind":"other","per_diem":true}],"cite":{"source":"S"}}`, "claims.codes[0].day_minutes", iop.ErrMissing},
		{"revenue code", `{"revenue_codes":["905"],"cite":{"source":"S"}}`, "claims.revenue_codes[0]", iop.ErrSyntax},
		{"bill type", `{"bill_types":["1x"],"cite":{"source":"S"}}`, "claims.bill_types[0]", iop.ErrSyntax},
		{"no citation", `{"condition_code":"92"}`, "claims.cite", iop.ErrMissing},
		{"included and excluded", `{"codes":[{"code":"90853","kind":"group"}],"excluded":["90853"],"cite":{"source":"S"}}`, "claims.codes[0].code", iop.ErrOrder},
		{"setting missing", `{"settings":[{"bill_types":["71x"],"cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].setting", iop.ErrMissing},
		{"setting's bill types missing", `{"settings":[{"setting":"rhc","cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].bill_types", iop.ErrMissing},
		{"setting's bill type", `{"settings":[{"setting":"rhc","bill_types":["7x"],"cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].bill_types[0]", iop.ErrSyntax},
		{"setting's condition", `{"settings":[{"setting":"otp","bill_types":["13x"],"condition":"089","cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].condition", iop.ErrSyntax},
		{"setting's revenue", `{"settings":[{"setting":"rhc","bill_types":["71x"],"revenue":"905","cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].revenue", iop.ErrSyntax},
		{"setting's modifier", `{"settings":[{"setting":"rhc","bill_types":["71x"],"day_modifier":"C","cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].day_modifier", iop.ErrSyntax},
		{"setting's day code", `{"settings":[{"setting":"rhc","bill_types":["71x"],"day_codes":["g0410"],"cite":{"source":"S"}}],"cite":{"source":"S"}}`, "claims.settings[0].day_codes[0]", iop.ErrSyntax},
		{"setting's citation", `{"settings":[{"setting":"rhc","bill_types":["71x"]}],"cite":{"source":"S"}}`, "claims.settings[0].cite", iop.ErrMissing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iop.ParseProfile([]byte(valid+`,"schedule":{"claims":`+tc.claims+`}}`), schedule.Benefit{})
			require.ErrorIs(t, err, tc.want)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "schedule."+tc.field, fe.Field)
		})
	}
}
