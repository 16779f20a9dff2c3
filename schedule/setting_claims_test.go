package schedule_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settingLine is a line of claim c-1 of patient p-1 on type of bill tob.
func settingLine(n int, d date.Date, code, revenue, tob string, modifiers ...string) schedule.ClaimLine {
	l := schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: n, Date: d, Revenue: revenue, Code: code, Units: 1,
		BillType: tob, ConditionCodes: [4]string{"92"}}
	copy(l.Modifiers[:], modifiers)
	return l
}

// The claim rules of the settings Medicare pays outside the OPPS APCs
// (CY2024 PFS, as NAHRI summarises CMS's instructions; the CMS OTP
// billing page): an RHC's and an FQHC's IOP lines carry revenue code
// 0905, an RHC reports modifier CG on one line of each day (the line
// paid), and a freestanding OTP bills on 87x without condition code 92.
func TestSettingClaims(t *testing.T) {
	p := ioprules.MedicareIOP2025()
	ck := checker(t, p)
	const rhc, fqhc, otp, hospital = "0711", "0771", "0871", "0131"
	tue := mon + 1
	tests := []struct {
		name  string
		lines []schedule.ClaimLine
		want  iop.Findings
	}{
		{"an RHC claim with 0905 and CG on each day", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0905", rhc, "CG"), settingLine(2, mon, "90834", "0905", rhc),
			settingLine(3, tue, "90834", "0905", rhc), settingLine(4, tue, "G0410", "0905", rhc, "", "CG"),
		}, nil},
		{"an RHC line with another revenue code", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0905", rhc, "CG"), settingLine(2, mon, "90834", "0900", rhc),
			settingLine(3, tue, "90834", "0900", rhc, "CG"),
		}, iop.Findings{finding(schedule.CodeClaimSettingRevenue, iop.Finding{Subject: "c-1", Day: mon, Ref: "0905", Got: 2, Unit: iop.UnitCount})}},
		{"an RHC day without CG is held, the other day not", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0905", rhc, "CG"), settingLine(2, tue, "G0410", "0905", rhc), settingLine(3, tue, "90834", "0905", rhc),
		}, iop.Findings{finding(schedule.CodeClaimDayModifierMissing, iop.Finding{Subject: "c-1", Day: tue, Ref: "CG"})}},
		{"CG on a line that is no program service does not count", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0905", rhc), settingLine(2, mon, "99213", "0905", rhc, "CG"),
		}, iop.Findings{
			finding(schedule.CodeClaimCodeNotProgram, iop.Finding{Subject: "c-1", Day: mon, Got: 1, Unit: iop.UnitCount}),
			finding(schedule.CodeClaimDayModifierMissing, iop.Finding{Subject: "c-1", Day: mon, Ref: "CG"}),
		}},
		{"an FQHC needs 0905, not CG", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0905", fqhc), settingLine(2, tue, "G0410", "0914", fqhc),
		}, iop.Findings{finding(schedule.CodeClaimSettingRevenue, iop.Finding{Subject: "c-1", Day: tue, Ref: "0905", Got: 1, Unit: iop.UnitCount})}},
		{"an RHC claim still needs condition code 92", func() []schedule.ClaimLine {
			l := settingLine(1, mon, "G0410", "0905", rhc, "CG")
			l.ConditionCodes = [4]string{}
			return []schedule.ClaimLine{l}
		}(), iop.Findings{finding(schedule.CodeClaimConditionMissing, iop.Finding{Subject: "c-1", Ref: "92"})}},
		{"a hospital claim has no setting rules", []schedule.ClaimLine{
			settingLine(1, mon, "G0410", "0914", hospital), settingLine(2, tue, "G0410", "0914", hospital),
		}, nil},
		{"an OTP claim on 87x needs no condition code 92", func() []schedule.ClaimLine {
			l := settingLine(1, mon, "G0410", "0906", otp)
			l.ConditionCodes = [4]string{}
			return []schedule.ClaimLine{l}
		}(), nil},
		{"a claim on 87x is an OTP's, not a bill type refused", []schedule.ClaimLine{settingLine(1, mon, "G0410", "0906", otp)}, nil},
		{"a provider-based OTP's claim on 13x with condition code 89 needs no 92", func() []schedule.ClaimLine {
			l := settingLine(1, mon, "G0410", "0906", hospital)
			l.ConditionCodes = [4]string{"89"}
			return []schedule.ClaimLine{l}
		}(), nil},
		{"a hospital claim on 13x without 89 still needs 92", func() []schedule.ClaimLine {
			l := settingLine(1, mon, "G0410", "0906", hospital)
			l.ConditionCodes = [4]string{}
			return []schedule.ClaimLine{l}
		}(), iop.Findings{finding(schedule.CodeClaimConditionMissing, iop.Finding{Subject: "c-1", Ref: "92"})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ck.CheckClaim(tt.lines)
			require.NoError(t, err)
			assert.Equal(t, tt.want, covered(t, ck, fs))
		})
	}

	// The day's List A: CMS's list was not read, so the built-in profile
	// sets none; a profile that sets the codes holds a day without one.
	listA := withBenefit(p, func(b *schedule.Benefit) {
		b.Claims.Settings = append([]schedule.SettingClaims(nil), b.Claims.Settings...)
		b.Claims.Settings[0].DayCodes = []string{"G0410"}
	})
	ck2 := checker(t, listA)
	fs, err := ck2.CheckClaim([]schedule.ClaimLine{
		settingLine(1, mon, "G0410", "0905", rhc, "CG"), settingLine(2, tue, "90834", "0905", rhc, "CG"),
	})
	require.NoError(t, err)
	assert.Equal(t, iop.Findings{finding(schedule.CodeClaimDayCodeMissing, iop.Finding{Subject: "c-1", Day: tue})}, covered(t, ck2, fs))
	days, whole := fs.Held()
	assert.Equal(t, []date.Date{tue}, days, "the day without a List A service only")
	assert.False(t, whole)
}
