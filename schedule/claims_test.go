package schedule_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// line returns line n of claim c-1 of p-1 on day d with code and units, on
// a hospital outpatient bill with Medicare IOP's condition code.
func line(n int, d date.Date, code string, units int) schedule.ClaimLine {
	return schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: n, Date: d, Revenue: "0915", Code: code, Units: units,
		BillType: "0131", ConditionCodes: [4]string{"92"}}
}

func TestClaimLineValidate(t *testing.T) {
	ok := line(1, mon, "G0410", 2)
	require.NoError(t, ok.Validate())
	bad := schedule.ClaimLine{Patient: "p\n1", Claim: "", Line: 0, Date: day(1969, 12, 31), Revenue: "95", Code: "g0410",
		Modifiers: [4]string{"9"}, Units: 0, PlaceOfService: "2", Minutes: -1, BillType: "13", ConditionCodes: [4]string{"", "920"}}
	assert.Equal(t, map[string]string{
		"patient":            "invalid syntax: control or format character",
		"claim":              "missing",
		"line":               "out of range: a line number is from 1 to 65535",
		"date":               "out of range: a service date is from 1970-01-01 to 2199-12-31",
		"revenue":            "invalid syntax: want 4 digits",
		"code":               "invalid syntax: want 5 digits and upper-case letters",
		"modifiers[0]":       "invalid syntax: want 2 digits or upper-case letters",
		"units":              "out of range: units are from 1 to 1440",
		"place_of_service":   "invalid syntax: want 2 digits",
		"minutes":            "out of range: minutes are from 0 to a day",
		"bill_type":          "invalid syntax: want 3 or 4 digits, the last one a digit or an upper-case letter",
		"condition_codes[1]": "invalid syntax: want 2 digits or upper-case letters",
	}, fieldErrors(t, bad.Validate()))
	assert.Equal(t, iop.DeliveryVideo, schedule.ClaimLine{PlaceOfService: "10"}.Delivery())
	assert.Equal(t, iop.DeliveryAudioOnly, schedule.ClaimLine{Modifiers: [4]string{"", "93"}}.Delivery())
	assert.Equal(t, iop.DeliveryInPerson, ok.Delivery())
}

// TestBillTypeSyntax: the type of bill is alphanumeric in its last place,
// the frequency code (Medicare's Q, a reopening); the others are digits. An
// 837I's CLM05 with a letter as frequency reads into a line that
// validates (x12's FuzzReader found the two disagreeing).
func TestBillTypeSyntax(t *testing.T) {
	for _, tc := range []struct {
		bill string
		ok   bool
	}{
		{"131", true}, {"0131", true}, {"013Q", true}, {"13Q", true}, {"0137", true},
		{"01Q3", false}, {"Q13", false}, {"013q", false}, {"13", false}, {"01311", false}, {"0 13", false},
	} {
		l := schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: 1, Date: date.New(2025, 3, 3), Code: "G0410", Units: 1, BillType: tc.bill}
		if tc.ok {
			assert.NoError(t, l.Validate(), tc.bill)
		} else {
			assert.ErrorIs(t, l.Validate(), iop.ErrSyntax, tc.bill)
		}
	}
}

func TestSummarizeClaims(t *testing.T) {
	p := ioprules.MedicareIOP2025()
	ck := checker(t, p)
	tele := line(5, mon+1, "90834", 1)
	tele.Modifiers[0] = "95" // video: Medicare counts in-person time only
	given := line(6, mon+1, "90837", 1)
	given.Minutes = 55 // the export's minutes override the code's 60
	lines := []schedule.ClaimLine{
		line(1, mon, "G0410", 2),                // 2 x 45 minutes of group psychotherapy
		line(2, mon, "90834", 1),                // 45 minutes
		line(3, mon, "90791", 1),                // an untimed evaluation: one service, no time
		line(3, mon, "90791", 1),                // the same line again: counted once
		line(4, mon+1, "90853", 1),              // excluded: counts nothing
		tele, given, line(7, mon+9, "G0410", 1), // the last in another week
	}
	sum, err := ck.SummarizeClaims(schedule.ISOWeeks().Of(mon), lines)
	require.NoError(t, err)
	assert.Equal(t, schedule.WeekSummary{Patient: "p-1", Week: schedule.ISOWeeks().Of(mon), Minutes: 190,
		DayMinutes: [7]iop.Minutes{135, 55}, DayServices: [7]uint16{3, 1}, Sessions: 6, UncountedMinutes: 45,
		Duplicates: schedule.Repeats{Sessions: 1, First: "c-1"}}, sum)
	days := ck.DaysIn(sum, iop.ProviderHospitalOutpatient)
	assert.Equal(t, "5861", days[0].APC, "3 services: the lower tier")
	fs := checkSum(t, ck, sum, adult())
	assert.Equal(t, []iop.Code{schedule.CodeSessionDuplicate, schedule.CodeWeeklyBelowMinimum, schedule.CodeBelowTier, schedule.CodeUncountedTime}, fs.Codes())

	t.Run("the batch path gives the same", func(t *testing.T) {
		sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
		require.NoError(t, err)
		got, st := sz.SummarizeClaims(nil, lines)
		require.Len(t, got, 2)
		assert.Equal(t, sum, got[0])
		assert.Equal(t, schedule.BatchStats{Sessions: len(lines), Patients: 1, Weeks: 2}, st)
		reversed := slices.Clone(lines)
		slices.Reverse(reversed)
		again, _ := sz.SummarizeClaimsSeq(nil, slices.Values(reversed))
		assert.Equal(t, got, again, "in any order")
	})
	t.Run("errors", func(t *testing.T) {
		bad := line(0, mon, "G0410", 1)
		other := line(9, mon, "G0410", 1)
		other.Patient = "p-2"
		_, err := ck.SummarizeClaims(schedule.ISOWeeks().Of(mon), []schedule.ClaimLine{line(1, mon, "G0410", 1), bad, other})
		assert.Equal(t, map[string]string{"lines[1].line": "out of range: a line number is from 1 to 65535",
			"lines[2].patient": "out of range: a session of another patient than the week's first"}, fieldErrors(t, err))
	})
}

func TestCheckClaim(t *testing.T) {
	medicare := ioprules.MedicareIOP2025()
	ck := checker(t, medicare)
	with := func(mod func([]schedule.ClaimLine)) []schedule.ClaimLine {
		ls := []schedule.ClaimLine{line(1, mon, "G0410", 2), line(2, mon, "90834", 1), line(3, mon+2, "90791", 1)}
		mod(ls)
		return ls
	}
	f := func(code iop.Code, d date.Date, ref string, got int64) iop.Finding {
		ff := finding(code, iop.Finding{Subject: "c-1", Day: d, Ref: ref, Got: got})
		if got > 0 {
			ff.Unit = iop.UnitCount
		}
		return ff
	}
	tests := []struct {
		name  string
		lines []schedule.ClaimLine
		want  iop.Findings
	}{
		{"a compliant claim", with(func([]schedule.ClaimLine) {}), nil},
		{"90853 is not reported on a program claim", with(func(ls []schedule.ClaimLine) { ls[1].Code = "90853" }),
			iop.Findings{f(schedule.CodeClaimCodeExcluded, mon, "90853", 1)}},
		{"a code that is no program service", with(func(ls []schedule.ClaimLine) { ls[2].Code = "99213" }),
			iop.Findings{f(schedule.CodeClaimCodeNotProgram, mon+2, "", 1)}},
		{"no condition code", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].ConditionCodes = [4]string{"20"}
			}
		}), iop.Findings{f(schedule.CodeClaimConditionMissing, 0, "92", 0)}},
		{"a type of bill Medicare IOP is not billed on", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].BillType = "0141"
			}
		}), iop.Findings{f(schedule.CodeClaimBillType, 0, "", 0)}},
		{"12x: contested (one contractor lists it), a warning", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].BillType = "0121"
			}
		}), iop.Findings{finding(schedule.CodeClaimBillTypeContested, iop.Finding{Subject: "c-1", Ref: "0121"})}},
		{"an OTP's professional claim (place of service 58): no condition code or type of bill asked", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].BillType, ls[i].PlaceOfService, ls[i].ConditionCodes = "", "58", [4]string{}
			}
		}), nil},
		{"a professional claim's lines are no program services", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].BillType, ls[i].PlaceOfService, ls[i].ConditionCodes = "", "11", [4]string{}
			}
		}), nil},
		{"no type of bill", with(func(ls []schedule.ClaimLine) {
			for i := range ls {
				ls[i].BillType = ""
			}
		}), iop.Findings{f(schedule.CodeClaimBillType, 0, "", 0)}},
		{"a claim without program lines is no program claim", []schedule.ClaimLine{line(1, mon, "99213", 1)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ck.CheckClaim(tt.lines)
			require.NoError(t, err)
			assert.Equal(t, tt.want, covered(t, ck, got))
		})
	}
	// An excluded code names the day of its first line, and holds the
	// claim it is on (its scope), not that day only.
	t.Run("an excluded code holds the claim", func(t *testing.T) {
		got, err := ck.CheckClaim(with(func(ls []schedule.ClaimLine) { ls[1].Code = "90853" }))
		require.NoError(t, err)
		days, whole := got.Held()
		assert.Empty(t, days)
		assert.True(t, whole)
	})
	t.Run("revenue codes of a per-diem profile", func(t *testing.T) {
		h := ioprules.H0015()
		hk := checker(t, h)
		l := line(1, mon, "H0015", 1)
		l.Revenue = "0905" // H0015 goes with 0906
		got, err := hk.CheckClaim([]schedule.ClaimLine{l})
		require.NoError(t, err)
		assert.Equal(t, iop.Findings{finding(schedule.CodeClaimRevenueCode,
			iop.Finding{Subject: "c-1", Day: mon, Got: 1, Unit: iop.UnitCount})}, covered(t, hk, got))
		sum, err := hk.SummarizeClaims(schedule.ISOWeeks().Of(mon), []schedule.ClaimLine{l})
		require.NoError(t, err)
		assert.Equal(t, iop.Minutes(180), sum.Minutes, "a per diem is a program day of 3 hours")
	})
	t.Run("many claims, and errors", func(t *testing.T) {
		a := with(func(ls []schedule.ClaimLine) { ls[1].Code = "90853" })
		b := with(func([]schedule.ClaimLine) {})
		for i := range b {
			b[i].Claim = "c-2"
		}
		b[0].Units = 0
		got, err := ck.AppendClaims(nil, append(a, b...))
		assert.Equal(t, map[string]string{"lines[3].units": "out of range: units are from 1 to 1440"}, fieldErrors(t, err))
		assert.Nil(t, got, "all or nothing: an error adds no findings")
		b[0].Units = 1
		got, err = ck.CheckClaims(append(a, b...))
		require.NoError(t, err)
		assert.Equal(t, iop.Findings{
			f(schedule.CodeClaimCodeExcluded, mon, "90853", 1),
			finding(schedule.CodeClaimLineRepeated, iop.Finding{Subject: "c-2", Line: 3, Day: b[2].Date, Ref: "c-1#3"}),
		}, covered(t, ck, got), "c-2 repeats the line c-1 has unchanged: reported with both lines")
		_, err = ck.CheckClaim(append(a[:1:1], b[1]))
		assert.Equal(t, map[string]string{"lines[1].claim": "out of range: a line of another claim than the first"}, fieldErrors(t, err))
		_, err = schedule.Checker{}.CheckClaim(a)
		require.ErrorIs(t, err, iop.ErrMissing)
	})
}

// coloradoIOP returns a payer profile built on ASAM level 2.1 that counts
// telehealth, as Colorado's IOP rule allows it.
func coloradoIOP() iop.Profile {
	p := ioprules.ASAM3Level21()
	p.ID, p.Title = "co-iop-test", "Colorado IOP (test)"
	p.Scope = iop.Scope{Reach: iop.ReachState, States: []string{"CO"}, Body: "Colorado Behavioral Health Administration"}
	p = withBenefit(p, func(b *schedule.Benefit) {
		b.Counting.Telehealth = iop.SetOf[iop.Delivery](iop.DeliveryVideo, iop.DeliveryAudioOnly)
	})
	p = withBenefit(p, func(b *schedule.Benefit) {
		b.Counting.TelehealthCite = iop.Citation{Source: "2 CCR 502-1 §4.6.1(D)", Title: "Intensive Outpatient Program (IOP) Services Standards",
			URL:  "https://regulations.justia.com/states/colorado/500/502/rule-2-ccr-502-1/chapter-4/section-2-ccr-502-1-4-6",
			Note: "IOP services may be delivered in person, by audio-visual telehealth or audio-only"}
	})
	return p
}

func TestTelehealthCounting(t *testing.T) {
	video := sess("s1", mon, "09:00", 60)
	video.Delivery = iop.DeliveryVideo
	inPerson := sess("s2", mon, "11:00", 60)
	co, medicare := checker(t, coloradoIOP()), checker(t, ioprules.MedicareIOP2025())
	sum := summarize(t, co, mon, video, inPerson)
	assert.Equal(t, iop.Minutes(120), sum.Minutes, "video counts under the Colorado profile")
	assert.Equal(t, iop.Minutes(0), sum.UncountedMinutes)
	sum = summarize(t, medicare, mon, video, inPerson)
	assert.Equal(t, iop.Minutes(60), sum.Minutes, "not under Medicare")
	assert.Equal(t, iop.Minutes(60), sum.UncountedMinutes)
	fs := checkSum(t, medicare, sum, adult())
	u, ok := fs.Find(schedule.CodeUncountedTime)
	require.True(t, ok)
	assert.Equal(t, int64(0), u.Need, "no threshold: only the time not counted")
	assert.Equal(t, int64(60), u.Got)
	// Claim lines alike: modifier 95 is video.
	l := line(1, mon, "90834", 1)
	l.Modifiers[0] = "95"
	p := coloradoIOP()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Claims = benefitOf(ioprules.MedicareIOP2025()).Claims })
	cc := checker(t, p)
	s, err := cc.SummarizeClaims(schedule.ISOWeeks().Of(mon), []schedule.ClaimLine{l})
	require.NoError(t, err)
	assert.Equal(t, iop.Minutes(45), s.Minutes)
}

func TestValuesRoundTrip(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	sum := summarize(t, ck, mon, sess("s1", mon, "09:00", 60), sess("s1", mon, "09:00", 60), sess("s2", mon, "09:30", 60))
	require.True(t, jsonRoundTrip(t, sum, (*schedule.WeekSummary).UnmarshalJSON))
	b, err := json.Marshal(sum)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"week":"2025-W10"`)
	assert.Contains(t, string(b), `"duplicates":{"sessions":1,"minutes":"1h00m","first":"s1"}`)
	s := sess("s1", mon, "09:00", 60)
	s.Delivery, s.Code = iop.DeliveryAudioOnly, "90834"
	require.True(t, jsonRoundTrip(t, s, (*schedule.Session).UnmarshalJSON))
	l := line(3, mon, "G0410", 2)
	l.Modifiers, l.Minutes, l.PlaceOfService = [4]string{"95", "GT"}, 90, "02"
	require.True(t, jsonRoundTrip(t, l, (*schedule.ClaimLine).UnmarshalJSON))
	back, err := schedule.ParseClaimLines([]byte(`[` + string(must(json.Marshal(l))) + `]`))
	require.NoError(t, err)
	assert.Equal(t, []schedule.ClaimLine{l}, back)
	for _, w := range []schedule.Week{schedule.ISOWeeks().Of(mon), must(schedule.CalendarWeeks(0)).Of(mon), must(schedule.ProgramWeeks(mon - 10)).Of(mon)} {
		require.True(t, jsonRoundTrip(t, w, func(w *schedule.Week, b []byte) error { return json.Unmarshal(b, w) }))
	}
}

// An IOP week does not count a PHP claim's lines, nor a PHP week an IOP
// claim's (condition codes 92 and 41), in the checker's and the batch
// path alike; a claim carrying both codes counts in both.
func TestClaimsOfTheOtherProgram(t *testing.T) {
	lines := func() []schedule.ClaimLine {
		iopLine := func(n int, code string) schedule.ClaimLine { return line(n, mon, code, 1) }
		php := func(n int, d date.Date, code string) schedule.ClaimLine {
			l := line(n, d, code, 1)
			l.Claim, l.ConditionCodes = "c-5", [4]string{"41"}
			return l
		}
		both := php(1, mon+2, "G0129")
		both.Claim, both.ConditionCodes = "c-6", [4]string{"41", "92"}
		return []schedule.ClaimLine{iopLine(1, "G0410"), iopLine(2, "G0411"), php(1, mon, "G0129"), php(2, mon+1, "G0129"), both}
	}
	w := schedule.ISOWeeks().Of(mon)
	for _, tt := range []struct {
		profile iop.Profile
		want    [7]uint16
	}{
		{ioprules.MedicareIOP2025(), [7]uint16{2, 0, 1}},
		{ioprules.MedicarePHP2025(), [7]uint16{1, 1, 1}},
	} {
		ck := checker(t, tt.profile)
		sum, err := ck.SummarizeClaims(w, lines())
		require.NoError(t, err)
		assert.Equal(t, tt.want, sum.DayServices, tt.profile.ID)
		sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
		require.NoError(t, err)
		batch, st := sz.SummarizeClaims(nil, lines())
		require.Len(t, batch, 1)
		assert.Equal(t, sum, batch[0], tt.profile.ID)
		assert.Equal(t, 5, st.Sessions, "the lines of the other program are read")
	}
}
