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

// programClaim returns the lines of claim id on day d, of three program
// services, carrying the condition codes ccs.
func programClaim(id string, d int, ccs ...string) []schedule.ClaimLine {
	ls := []schedule.ClaimLine{line(1, mon+date.Date(d), "G0410", 2), line(2, mon+date.Date(d), "90834", 1), line(3, mon+date.Date(d), "90853", 1)}
	for i := range ls {
		ls[i].Claim = id
		ls[i].ConditionCodes = [4]string{}
		copy(ls[i].ConditionCodes[:], ccs)
	}
	return ls
}

// TestClaimOtherProgram: condition code 92 marks an IOP claim and 41 a PHP
// claim (RULES.md §2 and §3; Claims Processing Manual ch. 4 §260.1, CR
// 13222). Under an IOP profile a claim carrying 41 and not 92 is the PHP's:
// not judged (one information finding naming the code it carries, no
// claim finding of the IOP's rules, even for a code IOP excludes), and its
// lines count nothing toward the week; the reverse under a PHP profile. A
// claim carrying both, or neither, is judged as the profile's program
// claim. The overlap of an IOP and a PHP claim stays a blocking finding of
// its own (MM13222).
func TestClaimOtherProgram(t *testing.T) {
	iopP, phpP := ioprules.MedicareIOP2025(), ioprules.MedicarePHP2025()
	iopCk, phpCk := checker(t, iopP), checker(t, phpP)
	other := func(p iop.Profile, id string, d int, cc string) iop.Finding {
		return findingIn(p, schedule.CodeClaimOtherProgram, iop.Finding{Subject: id, Day: mon + date.Date(d), Ref: cc})
	}
	excluded := func(p iop.Profile, id string, d int) iop.Finding {
		return findingIn(p, schedule.CodeClaimCodeExcluded, iop.Finding{Subject: id, Day: mon + date.Date(d), Ref: "90853", Got: 1, Unit: iop.UnitCount})
	}
	tests := []struct {
		name  string
		p     iop.Profile
		ck    schedule.Checker
		lines []schedule.ClaimLine
		want  iop.Findings
	}{
		{"IOP: a PHP claim (41) is not judged", iopP, iopCk, programClaim("c-5", 0, "41"), iop.Findings{other(iopP, "c-5", 0, "41")}},
		{"IOP: a PHP claim with no type of bill either: still one finding", iopP, iopCk,
			func() []schedule.ClaimLine {
				ls := programClaim("c-5", 0, "41")
				for i := range ls {
					ls[i].BillType = ""
				}
				return ls
			}(), iop.Findings{other(iopP, "c-5", 0, "41")}},
		{"IOP: an IOP claim (92): judged (90853 excluded)", iopP, iopCk, programClaim("c-1", 0, "92"), iop.Findings{excluded(iopP, "c-1", 0)}},
		{"IOP: a claim carrying 92 and 41: judged as IOP's", iopP, iopCk, programClaim("c-1", 0, "41", "92"), iop.Findings{excluded(iopP, "c-1", 0)}},
		{"IOP: neither code: the condition code is missing", iopP, iopCk, programClaim("c-1", 0),
			iop.Findings{excluded(iopP, "c-1", 0), findingIn(iopP, schedule.CodeClaimConditionMissing, iop.Finding{Subject: "c-1", Ref: "92"})}},
		{"PHP: an IOP claim (92) is not judged", phpP, phpCk, programClaim("c-1", 2, "92"), iop.Findings{other(phpP, "c-1", 2, "92")}},
		{"PHP: neither code: the condition code 41 is missing", phpP, phpCk, programClaim("c-5", 0),
			iop.Findings{excluded(phpP, "c-5", 0), findingIn(phpP, schedule.CodeClaimConditionMissing, iop.Finding{Subject: "c-5", Ref: "41"})}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.ck.CheckClaim(tt.lines)
			require.NoError(t, err)
			assert.Equal(t, tt.want, covered(t, tt.ck, got))
			all, err := tt.ck.CheckClaims(tt.lines)
			require.NoError(t, err)
			assert.Equal(t, tt.want, all, "CheckClaims gives the same for one claim")
		})
	}

	t.Run("an export: IOP's claim judged, PHP's not, their overlap blocks", func(t *testing.T) {
		ls := append(programClaim("c-1", 0, "92"), programClaim("c-5", 0, "41")...)
		ls = append(ls, programClaim("c-6", 2, "41")...)
		got, err := iopCk.CheckClaims(ls)
		require.NoError(t, err)
		assert.Equal(t, iop.Findings{
			excluded(iopP, "c-1", 0),
			findingIn(iopP, schedule.CodeClaimIOPPHPOverlap, iop.Finding{Subject: "c-1", Day: mon, Ref: "c-5"}),
			other(iopP, "c-5", 0, "41"),
			other(iopP, "c-6", 2, "41"),
		}, covered(t, iopCk, got))
		require.ErrorIs(t, got.BlockingErr(), schedule.CodeClaimIOPPHPOverlap)
		require.NotErrorIs(t, got.BlockingErr(), schedule.CodeClaimConditionMissing)

		got, err = phpCk.CheckClaims(ls)
		require.NoError(t, err)
		assert.Equal(t, iop.Findings{
			other(phpP, "c-1", 0, "92"),
			findingIn(phpP, schedule.CodeClaimIOPPHPOverlap, iop.Finding{Subject: "c-1", Day: mon, Ref: "c-5"}),
			excluded(phpP, "c-5", 0),
			excluded(phpP, "c-6", 2),
		}, covered(t, phpCk, got))
	})

	t.Run("the week counts its own program's claims, in both paths", func(t *testing.T) {
		ls := append(programClaim("c-1", 0, "92"), programClaim("c-6", 2, "41")...)
		w := schedule.ISOWeeks().Of(mon)
		for _, tc := range []struct {
			name string
			ck   schedule.Checker
			day  int
		}{{"IOP", iopCk, 0}, {"PHP", phpCk, 2}} {
			sum, err := tc.ck.SummarizeClaims(w, ls)
			require.NoError(t, err)
			var want [7]uint16
			want[tc.day] = 2 // G0410 and 90834; 90853 is excluded
			assert.Equal(t, want, sum.DayServices, tc.name)
			sz, err := schedule.NewSummarizer(tc.ck, schedule.ISOWeeks())
			require.NoError(t, err)
			batch, _ := sz.SummarizeClaims(nil, ls)
			require.Len(t, batch, 1, tc.name)
			assert.Equal(t, sum, batch[0], "%s: the Summarizer gives the same", tc.name)
		}
	})
}
