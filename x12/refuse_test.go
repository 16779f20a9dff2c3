package x12_test

import (
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errAt is what a *x12.SegmentError says: its positions and its whole
// message.
type errAt struct {
	Segment, Element, Component int
	ID                          string
	Text                        string
}

// positions requires every error of errs to be a *x12.SegmentError and
// returns what each says.
func positions(t *testing.T, errs []error) []errAt {
	t.Helper()
	var out []errAt
	for _, err := range errs {
		var se *x12.SegmentError
		require.ErrorAs(t, err, &se)
		out = append(out, errAt{Segment: se.Segment, Element: se.Element, Component: se.Component, ID: se.ID, Text: err.Error()})
	}
	return out
}

// goodLine is the one line of claimSegs, as read; edit changes a copy.
func goodLine(edit ...func(l *schedule.ClaimLine)) schedule.ClaimLine {
	l := schedule.ClaimLine{Patient: "p-1", Claim: "c-1", Line: 1, Date: date.New(2025, 3, 3), Revenue: "0905", Code: "G0410",
		Units: 2, BillType: "0131", ConditionCodes: [4]string{"92"}, Input: iop.InputSegment(14)}
	for _, e := range edit {
		e(&l)
	}
	return l
}

// insert returns claimSegs with segs inserted before segment i.
func insert(i int, segs ...string) []string {
	out := append([]string(nil), claimSegs[:i]...)
	out = append(out, segs...)
	return append(out, claimSegs[i:]...)
}

const (
	txtComposite = "invalid syntax: component or repetition separator in a simple element"
	txtTwice     = "duplicate: segment given twice in the claim"
	txtCode      = "invalid syntax: not a code of the expected length and characters"
	txtFacility  = "invalid syntax: want facility type code:A:frequency code"
	txtRange     = "invalid date: want CCYYMMDD-CCYYMMDD, first date not after the last"
	txtFormat    = "invalid syntax: date format qualifier not D8 or RD8"
	txtRange8    = "invalid syntax: date format qualifier not RD8"
	txtNoPatient = "missing: no medical record number (REF*EA), and the member ID is not taken as the patient's"
)

// Each refusal of a claim's or a line's segment, from the 837I's rules
// for loops 2300 and 2400, with its boundaries: the error names the
// segment, element and component, wraps its sentinel, and says so in
// words of the standard only; the lines delivered are whole.
func TestReaderClaimAndLineRefusals(t *testing.T) {
	refused := []schedule.ClaimLine(nil)
	tests := []struct {
		name  string
		body  []string
		opt   x12.Options
		want  []errAt
		is    []error
		lines []schedule.ClaimLine // the lines delivered
	}{
		// CLM: the claim's ID and type of bill.
		{name: "claim ID with a component separator", body: with(4, "CLM*c:1*300***13:A:1**A*Y*Y"),
			want: []errAt{{8, 1, 0, "CLM", "segment 8 (CLM), element 1: " + txtComposite}}, is: []error{iop.ErrSyntax}},
		{name: "claim ID with a repetition separator", body: with(4, "CLM*c^1*300***13:A:1**A*Y*Y"),
			want: []errAt{{8, 1, 0, "CLM", "segment 8 (CLM), element 1: " + txtComposite}}, is: []error{iop.ErrSyntax}},
		{name: "no claim ID", body: with(4, "CLM**300***13:A:1**A*Y*Y"),
			want: []errAt{{8, 1, 0, "CLM", "segment 8 (CLM), element 1: missing"}}, is: []error{iop.ErrMissing}},
		{name: "facility type of one digit", body: with(4, "CLM*c-1*300***1:A:1**A*Y*Y"),
			want: []errAt{{8, 5, 1, "CLM", "segment 8 (CLM), element 5, component 1: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "facility type of three digits", body: with(4, "CLM*c-1*300***131:A:1**A*Y*Y"),
			want: []errAt{{8, 5, 1, "CLM", "segment 8 (CLM), element 5, component 1: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "facility type of letters", body: with(4, "CLM*c-1*300***1A:A:1**A*Y*Y"),
			want: []errAt{{8, 5, 1, "CLM", "segment 8 (CLM), element 5, component 1: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "no frequency", body: with(4, "CLM*c-1*300***13:A**A*Y*Y"),
			want: []errAt{{8, 5, 1, "CLM", "segment 8 (CLM), element 5, component 1: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "frequency lower-case", body: with(4, "CLM*c-1*300***13:A:x**A*Y*Y"),
			want: []errAt{{8, 5, 3, "CLM", "segment 8 (CLM), element 5, component 3: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "frequency of two", body: with(4, "CLM*c-1*300***13:A:11**A*Y*Y"),
			want: []errAt{{8, 5, 3, "CLM", "segment 8 (CLM), element 5, component 3: " + txtFacility}}, is: []error{iop.ErrSyntax}},
		{name: "frequency empty", body: with(4, "CLM*c-1*300***13:A:**A*Y*Y"),
			want: []errAt{{8, 5, 3, "CLM", "segment 8 (CLM), element 5, component 3: " + txtFacility}}, is: []error{iop.ErrSyntax}},

		// DTP*434: the statement dates.
		{name: "statement dates twice", body: insert(6, "DTP*434*RD8*20250303-20250303"),
			want: []errAt{{10, 0, 0, "DTP", "segment 10 (DTP): " + txtTwice}}, is: []error{iop.ErrDuplicate}},
		{name: "statement dates as D8", body: with(5, "DTP*434*D8*20250303"),
			want: []errAt{{9, 2, 0, "DTP", "segment 9 (DTP), element 2: " + txtRange8}}, is: []error{iop.ErrSyntax}},
		{name: "statement of one date", body: with(5, "DTP*434*RD8*20250303"),
			want: []errAt{{9, 3, 0, "DTP", "segment 9 (DTP), element 3: " + txtRange}}, is: []error{iop.ErrInvalidDate}},
		{name: "statement range without its hyphen", body: with(5, "DTP*434*RD8*20250303:20250303"),
			want: []errAt{{9, 3, 0, "DTP", "segment 9 (DTP), element 3: " + txtRange}}, is: []error{iop.ErrInvalidDate}},
		{name: "statement range of 16 characters", body: with(5, "DTP*434*RD8*20250303-2025030"),
			want: []errAt{{9, 3, 0, "DTP", "segment 9 (DTP), element 3: " + txtRange}}, is: []error{iop.ErrInvalidDate}},
		{name: "statement before 1970", body: with(5, "DTP*434*RD8*19691231-20250303"),
			want: []errAt{{9, 3, 0, "DTP", "segment 9 (DTP), element 3: " + txtRange}}, is: []error{iop.ErrInvalidDate}},
		{name: "a DTP of another qualifier is not the statement's", body: insert(6, "DTP*435*D8*20250303"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(15) })}},

		// CL1: the institutional claim codes.
		{name: "CL1 twice", body: insert(7, "CL1*2*1*30"),
			want: []errAt{{11, 0, 0, "CL1", "segment 11 (CL1): " + txtTwice}}, is: []error{iop.ErrDuplicate}},
		{name: "admission type lower-case", body: with(6, "CL1*x*1*30"),
			want: []errAt{{10, 1, 0, "CL1", "segment 10 (CL1), element 1: " + txtCode}}, is: []error{iop.ErrSyntax}},
		{name: "patient status of three", body: with(6, "CL1*2*1*300"),
			want: []errAt{{10, 3, 0, "CL1", "segment 10 (CL1), element 3: " + txtCode}}, is: []error{iop.ErrSyntax}},
		{name: "CL1 codes may be empty", body: with(6, "CL1***"), lines: []schedule.ClaimLine{goodLine()}},

		// HI*BG: the condition codes.
		{name: "condition code of one character", body: with(8, "HI*BG:9"),
			want: []errAt{{12, 1, 2, "HI", "segment 12 (HI), element 1, component 2: " + txtCode}}, is: []error{iop.ErrSyntax}},
		{name: "condition code missing", body: with(8, "HI*ABK:F1120*BG"),
			want: []errAt{{12, 2, 2, "HI", "segment 12 (HI), element 2, component 2: " + txtCode}}, is: []error{iop.ErrSyntax}},
		{name: "diagnoses are not read", body: with(8, "HI*ABK:F11.20*ABF:zz"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.ConditionCodes = [4]string{} })}},
		{name: "24 condition codes", body: append(with(8, "HI"+strings.Repeat("*BG:92*BG:41", 6))[:9:9], append([]string{"HI" + strings.Repeat("*BG:92*BG:41", 6)}, claimSegs[9:]...)...),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) {
				l.ConditionCodes, l.Input = [4]string{"92", "41", "92", "41"}, iop.InputSegment(15)
			})}},
		{name: "25 condition codes", body: insert(9, "HI*BG:01*BG:02*BG:03*BG:04*BG:05*BG:06*BG:07*BG:08*BG:09*BG:10*BG:11*BG:12",
			"HI*BG:13*BG:14*BG:15*BG:16*BG:17*BG:18*BG:19*BG:20*BG:21*BG:22*BG:23", "HI*ABK:F1120*BG:24"),
			want: []errAt{{15, 2, 0, "HI", "segment 15 (HI), element 2: out of range: more than 24 condition codes"}}, is: []error{iop.ErrOutOfRange}},

		// REF*EA and REF*F8.
		{name: "medical record number with a component separator", body: with(7, "REF*EA*p:1"),
			want: []errAt{{11, 2, 0, "REF", "segment 11 (REF), element 2: " + txtComposite}}, is: []error{iop.ErrSyntax}},
		{name: "medical record number with a control character", body: with(7, "REF*EA*p\x7f1"),
			want: []errAt{{11, 2, 0, "REF", "segment 11 (REF), element 2: invalid syntax: control or format character"}}, is: []error{iop.ErrSyntax}},
		{name: "medical record number empty", body: with(7, "REF*EA*"),
			want: []errAt{{11, 2, 0, "REF", "segment 11 (REF), element 2: missing"}}, is: []error{iop.ErrMissing}},
		{name: "medical record number of 129 bytes", body: with(7, "REF*EA*"+strings.Repeat("p", 129)),
			want: []errAt{{11, 2, 0, "REF", "segment 11 (REF), element 2: out of range: longer than 128 bytes"}}, is: []error{iop.ErrOutOfRange}},
		{name: "medical record number of 128 bytes", body: with(7, "REF*EA*"+strings.Repeat("p", 128)),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Patient = strings.Repeat("p", 128) })}},
		{name: "medical record number twice", body: insert(8, "REF*EA*p-2"),
			want: []errAt{{12, 0, 0, "REF", "segment 12 (REF): " + txtTwice}}, is: []error{iop.ErrDuplicate}},
		{name: "claim replaced twice", body: insert(8, "REF*F8*ICN1", "REF*F8*ICN2"),
			want: []errAt{{13, 0, 0, "REF", "segment 13 (REF): " + txtTwice}}, is: []error{iop.ErrDuplicate}},
		{name: "a REF of another qualifier is not read", body: insert(8, "REF*D9*x:y^z"), lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(15) })}},
		{name: "REF*EA after SBR is the other payer's", body: append(with(7, "")[:8], "SBR*S*18*******MB", "REF*EA*p-9", "LX*1", "SV2*0905*HC:G0410*300*UN*2"),
			want: []errAt{{8, 0, 0, "CLM", "segment 8 (CLM): " + txtNoPatient}}, is: []error{iop.ErrMissing}},

		// LX: the line number.
		{name: "line number empty", body: with(9, "LX*"),
			want: []errAt{{13, 1, 0, "LX", "segment 13 (LX), element 1: invalid syntax: want a whole number"}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "line number of ten digits", body: with(9, "LX*1234567890"),
			want: []errAt{{13, 1, 0, "LX", "segment 13 (LX), element 1: invalid syntax: want a whole number"}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "line number 65536", body: with(9, "LX*65536"),
			want: []errAt{{13, 1, 0, "LX", "segment 13 (LX), element 1: out of range: a line number is from 1 to 65535"}}, is: []error{iop.ErrOutOfRange}, lines: refused},
		{name: "line number 65535", body: with(9, "LX*65535"), lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Line = 65535 })}},
		{name: "LX without SV2", body: insert(9, "LX*1"),
			want: []errAt{{13, 0, 0, "LX", "segment 13 (LX): missing: service line without an SV2 segment"}}, is: []error{iop.ErrMissing},
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(15) })}},
		{name: "LX without SV2 ends the claim", body: append(with(7, "REF*EA*p-1"), "LX*2"),
			want: []errAt{{16, 0, 0, "LX", "segment 16 (LX): missing: service line without an SV2 segment"}}, is: []error{iop.ErrMissing},
			lines: []schedule.ClaimLine{goodLine()}},

		// SV2: the revenue code, procedure code, modifiers and units.
		{name: "two SV2 in one line", body: insert(11, "SV2*0905*HC:G0411*300*UN*1"),
			want: []errAt{{15, 0, 0, "SV2", "segment 15 (SV2): duplicate: second SV2 segment in one service line"}}, is: []error{iop.ErrDuplicate},
			lines: []schedule.ClaimLine{goodLine()}},
		{name: "SV2 before LX", body: insert(9, "SV2*0905*HC:G0411*300*UN*1"),
			want: []errAt{{13, 0, 0, "SV2", "segment 13 (SV2): missing: service line without an LX segment"}}, is: []error{iop.ErrMissing},
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(15) })}},
		{name: "revenue code of three digits", body: with(10, "SV2*905*HC:G0410*300*UN*2"),
			want: []errAt{{14, 1, 0, "SV2", "segment 14 (SV2), element 1: " + txtCode}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "revenue code with a letter", body: with(10, "SV2*09A5*HC:G0410*300*UN*2"),
			want: []errAt{{14, 1, 0, "SV2", "segment 14 (SV2), element 1: " + txtCode}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "procedure code of four", body: with(10, "SV2*0905*HC:G041*300*UN*2"),
			want: []errAt{{14, 2, 2, "SV2", "segment 14 (SV2), element 2, component 2: " + txtCode}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "modifier of one character", body: with(10, "SV2*0905*HC:G0410:9*300*UN*2"),
			want: []errAt{{14, 2, 3, "SV2", "segment 14 (SV2), element 2, component 3: " + txtCode}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "empty modifiers are skipped", body: with(10, "SV2*0905*HC:G0410::GT*300*UN*2"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Modifiers = [4]string{"", "GT"} })}},
		{name: "four modifiers and a description", body: with(10, "SV2*0905*HC:G0410:GT:95:59:XU:Group*300*UN*2"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Modifiers = [4]string{"GT", "95", "59", "XU"} })}},
		{name: "revenue code only", body: with(10, "SV2*0905**300*UN*2"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Code = "" })}},
		{name: "procedure code only", body: with(10, "SV2**HC:G0410*300*UN*2"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Revenue = "" })}},
		{name: "neither code", body: with(10, "SV2***300*UN*2"),
			want: []errAt{{14, 0, 0, "SV2", "segment 14 (SV2): missing: neither a revenue code nor a procedure code"}}, is: []error{iop.ErrMissing}, lines: refused},
		{name: "no unit basis", body: with(10, "SV2*0905*HC:G0410*300**2"),
			want: []errAt{{14, 4, 0, "SV2", "segment 14 (SV2), element 4: missing: no unit basis or quantity"}}, is: []error{iop.ErrMissing}, lines: refused},
		{name: "no quantity", body: with(10, "SV2*0905*HC:G0410*300*UN"),
			want: []errAt{{14, 4, 0, "SV2", "segment 14 (SV2), element 4: missing: no unit basis or quantity"}}, is: []error{iop.ErrMissing}, lines: refused},
		{name: "units 0", body: with(10, "SV2*0905*HC:G0410*300*UN*0"),
			want: []errAt{{14, 5, 0, "SV2", "segment 14 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}}, is: []error{iop.ErrOutOfRange}, lines: refused},
		{name: "units 1441", body: with(10, "SV2*0905*HC:G0410*300*UN*1441"),
			want: []errAt{{14, 5, 0, "SV2", "segment 14 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}}, is: []error{iop.ErrOutOfRange}, lines: refused},
		{name: "units 1440", body: with(10, "SV2*0905*HC:G0410*300*UN*1440"),
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Units = 1440 })}},
		{name: "days 2.00", body: with(10, "SV2*0905*HC:G0410*300*DA*2.00"), lines: []schedule.ClaimLine{goodLine()}},
		{name: "units 2.01", body: with(10, "SV2*0905*HC:G0410*300*UN*2.01"),
			want: []errAt{{14, 5, 0, "SV2", "segment 14 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}}, is: []error{iop.ErrOutOfRange}, lines: refused},
		{name: "a refused line before one read", body: insert(9, "LX*1", "SV2*0905*HC:G0410*300*UN*0", "DTP*472*D8*20250303"),
			want: []errAt{{14, 5, 0, "SV2", "segment 14 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}}, is: []error{iop.ErrOutOfRange},
			lines: []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(17) })}},

		// DTP*472: the date of service.
		{name: "date of service twice", body: append(with(7, "REF*EA*p-1"), "DTP*472*D8*20250303"),
			want: []errAt{{16, 0, 0, "DTP", "segment 16 (DTP): " + txtTwice}}, is: []error{iop.ErrDuplicate}, lines: refused},
		{name: "date of service of seven digits", body: with(11, "DTP*472*D8*2025033"),
			want: []errAt{{15, 3, 0, "DTP", "segment 15 (DTP), element 3: invalid date: want CCYYMMDD"}}, is: []error{iop.ErrInvalidDate}, lines: refused},
		{name: "date of service 1969-12-31", body: with(11, "DTP*472*D8*19691231"),
			want: []errAt{{15, 3, 0, "DTP", "segment 15 (DTP), element 3: invalid date: want CCYYMMDD"}}, is: []error{iop.ErrInvalidDate}, lines: refused},
		{name: "date of service 2200-01-01", body: with(11, "DTP*472*D8*22000101"),
			want: []errAt{{15, 3, 0, "DTP", "segment 15 (DTP), element 3: invalid date: want CCYYMMDD"}}, is: []error{iop.ErrInvalidDate}, lines: refused},
		{name: "date of service as a range of one day", body: with(11, "DTP*472*RD8*20250303-20250303"), lines: []schedule.ClaimLine{goodLine()}},
		{name: "date of service as a bad range", body: with(11, "DTP*472*RD8*20250303"),
			want: []errAt{{15, 3, 0, "DTP", "segment 15 (DTP), element 3: " + txtRange}}, is: []error{iop.ErrInvalidDate}, lines: refused},
		{name: "date of service of another format", body: with(11, "DTP*472*DT*202503031200"),
			want: []errAt{{15, 2, 0, "DTP", "segment 15 (DTP), element 2: " + txtFormat}}, is: []error{iop.ErrSyntax}, lines: refused},
		{name: "a line's DTP of another qualifier", body: with(11, "DTP*866*D8*20250101"), lines: []schedule.ClaimLine{goodLine()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, errs, stats := readAll(t, envelope(tt.body...), tt.opt)
			assert.Equal(t, tt.want, positions(t, errs))
			require.Len(t, errs, len(tt.is))
			for i, is := range tt.is {
				require.ErrorIs(t, errs[i], is)
			}
			assert.Equal(t, tt.lines, linesOf(claims))
			assert.Equal(t, stats.ServiceLines, stats.LinesRead+stats.LinesRefused)
			assert.Equal(t, len(tt.lines), stats.LinesRead)
			assert.Equal(t, len(errs), stats.Errors)
		})
	}
}
