package x12_test

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// isaSeg is the ISA segment of wrap, its terminator and line break
// included.
const isaSeg = "ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*MACRECEIVER    *250310*1200*^*00501*000000101*0*T*:~\n"

// segs writes segments each with its terminator and a line break.
func segs(ss ...string) string { return strings.Join(ss, "~\n") + "~\n" }

// openSet is an ISA, a GS and an ST of a claim set, then the segments of
// claimSegs up to i, with no trailer.
func openSet(i int) string {
	return isaSeg + segs(append([]string{"GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2", "ST*837*0001*005010X223A2"}, claimSegs[:i]...)...)
}

const (
	txtNotSE  = "envelope does not match: transaction set not closed by SE"
	txtNotGE  = "envelope does not match: functional group not closed by GE"
	txtNotIEA = "envelope does not match: interchange not closed by IEA"
	txtNot837 = "not an 837 005010X223A2 transaction"

	txtNotSEAt3 = "envelope does not match: transaction set opened at segment 3 (ST) not closed by SE"
	txtCutOff   = "invalid syntax: input ends inside a segment"
	txtLong     = "input too large: segment longer than the limit"

	txtDependent    = "missing: no medical record number (REF*EA), and the patient is a dependent, whom the subscriber's member ID does not identify"
	txtNoSubscriber = "missing: no medical record number (REF*EA), and the claim is in no subscriber loop (2000B, HL03 22) to take a member ID from"
)

// The envelope's rules (ISA, GS/GE, ST/SE, IEA): each refusal names the
// header or trailer at fault and wraps its sentinel; what the envelope
// holds that is sound is read.
func TestReaderEnvelopeRefusals(t *testing.T) {
	good := string(envelope(claimSegs...))
	second := strings.Replace(good, isaSeg, "", 1) // an interchange's groups, without its ISA
	secondSet := strings.Replace(strings.Replace(second, "GE*1*7~\nIEA*1*000000101~\n", "", 1), "GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2~\n", "", 1)
	line := func(seg int) schedule.ClaimLine {
		return goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(seg) })
	}
	tests := []struct {
		name  string
		data  string
		want  []errAt
		is    []error
		lines []schedule.ClaimLine
		stats x12.Stats
	}{
		{name: "GS01 not HC", data: strings.Replace(good, "GS*HC", "GS*HP", 1),
			want: []errAt{{2, 1, 0, "GS", "segment 2 (GS), element 1: " + txtNot837 + ": not a health care claim group (GS01 HC)"}}, is: []error{x12.ErrVersion},
			stats: x12.Stats{Segments: 18, ServiceLines: 1, LinesRefused: 1, Errors: 1}},
		{name: "GS08 of errata A1", data: strings.Replace(good, "*X*005010X223A2", "*X*005010X223A1", 1),
			want: []errAt{{2, 8, 0, "GS", "segment 2 (GS), element 8: " + txtNot837}}, is: []error{x12.ErrVersion},
			stats: x12.Stats{Segments: 18, ServiceLines: 1, LinesRefused: 1, Errors: 1}},
		{name: "ST01 an 835", data: strings.Replace(good, "ST*837", "ST*835", 1),
			want: []errAt{{3, 1, 0, "ST", "segment 3 (ST), element 1: " + txtNot837 + ": not an 837 transaction set"}}, is: []error{x12.ErrVersion},
			stats: x12.Stats{Segments: 18, ServiceLines: 1, LinesRefused: 1, Errors: 1}},
		{name: "ST03 of errata A1", data: strings.Replace(good, "ST*837*0001*005010X223A2", "ST*837*0001*005010X223A1", 1),
			want: []errAt{{3, 3, 0, "ST", "segment 3 (ST), element 3: " + txtNot837}}, is: []error{x12.ErrVersion},
			stats: x12.Stats{Segments: 18, ServiceLines: 1, LinesRefused: 1, Errors: 1}},
		{name: "ISA12 00401", data: strings.Replace(good, "*00501*", "*00401*", 1),
			want: []errAt{{1, 12, 0, "ISA", "segment 1 (ISA), element 12: " + txtNot837 + ": interchange control version not 00501"}}, is: []error{x12.ErrVersion},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "ISA of 00401, ISA11 its standards identifier U", data: strings.Replace(good, "*^*00501*", "*U*00401*", 1), // not a repetition separator before 00501
			want: []errAt{{1, 12, 0, "ISA", "segment 1 (ISA), element 12: " + txtNot837 + ": interchange control version not 00501"}}, is: []error{x12.ErrVersion},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "an 004010 interchange", data: strings.Replace(strings.Replace(good, "*^*00501*", "*U*00401*", 1), "*X*005010X223A2", "*X*004010X096A1", 1),
			want: []errAt{
				{1, 12, 0, "ISA", "segment 1 (ISA), element 12: " + txtNot837 + ": interchange control version not 00501"},
				{2, 8, 0, "GS", "segment 2 (GS), element 8: " + txtNot837},
			}, is: []error{x12.ErrVersion, x12.ErrVersion},
			stats: x12.Stats{Segments: 18, ServiceLines: 1, LinesRefused: 1, Errors: 2}},
		{name: "ISA of 00501, ISA11 a letter", data: strings.Replace(good, "*^*00501*", "*U*00501*", 1),
			want: []errAt{{1, 0, 0, "ISA", "segment 1 (ISA): invalid syntax: the ISA separators must be four different characters, none a letter, digit or space, and only the terminator a line break"}}, is: []error{iop.ErrSyntax},
			stats: x12.Stats{Segments: 1}},
		{name: "ISA separators out of place", data: strings.Replace(good, "ISA*00*", "ISA*00+", 1),
			want: []errAt{{1, 0, 0, "ISA", "segment 1 (ISA): invalid syntax: not an ISA segment of 106 characters with its separators in place"}}, is: []error{iop.ErrSyntax},
			stats: x12.Stats{Segments: 1}},
		{name: "GE empty count", data: strings.Replace(good, "GE*1*7", "GE**7", 1),
			want: []errAt{{17, 1, 0, "GE", "segment 17 (GE), element 1: envelope does not match: number of transaction sets in the group does not match"}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "no GE before IEA", data: strings.Replace(good, "GE*1*7~\n", "", 1),
			want: []errAt{{2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 17, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "no GE before the next GS", data: strings.Replace(strings.Replace(good, "GE*1*7~\n", strings.Replace(second, "IEA*1*000000101~\n", "", 1), 1), "IEA*1*", "IEA*2*", 1),
			want: []errAt{{2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine(), line(29)}, stats: x12.Stats{Segments: 33, Sets: 2, Claims: 2, ServiceLines: 2, LinesRead: 2, Errors: 1}},
		{name: "a known segment between groups", data: strings.Replace(good, "IEA*", "NTE*ADD*JANE DOE~\nIEA*", 1),
			want: []errAt{{18, 0, 0, "NTE", "segment 18 (NTE): envelope does not match: segment outside a functional group"}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 19, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "an unknown segment between groups", data: strings.Replace(good, "IEA*", "DOE*JANE~\nIEA*", 1),
			want: []errAt{{18, 0, 0, "", "segment 18: envelope does not match: segment outside a functional group"}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 19, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "a service line between GS and ST", data: strings.Replace(good, "ST*", "SV2*0905*HC:G0410*300*UN*2~\nST*", 1),
			want: []errAt{{3, 0, 0, "SV2", "segment 3 (SV2): envelope does not match: segment outside a transaction set"}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{line(15)}, stats: x12.Stats{Segments: 19, Sets: 1, Claims: 1, ServiceLines: 2, LinesRead: 1, LinesRefused: 1, Errors: 1}},
		{name: "a segment ID in lower case between GS and ST", data: strings.Replace(good, "ST*", "dmg*D8*19600101~\nST*", 1),
			want: []errAt{{3, 0, 0, "", "segment 3: invalid syntax: not a segment identifier"}}, is: []error{iop.ErrSyntax},
			lines: []schedule.ClaimLine{line(15)}, stats: x12.Stats{Segments: 19, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1}},
		{name: "an ISA inside a set", data: openSet(12) + good,
			want:  []errAt{{3, 0, 0, "ST", "segment 3 (ST): " + txtNotSE}, {2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}, {1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}},
			is:    []error{x12.ErrEnvelope, x12.ErrEnvelope, x12.ErrEnvelope},
			lines: []schedule.ClaimLine{line(29)}, stats: x12.Stats{Segments: 33, Sets: 1, Claims: 1, ServiceLines: 2, LinesRead: 1, LinesRefused: 1, Errors: 3}},
		{name: "an ISA after GE", data: strings.Replace(good, "IEA*1*000000101~\n", "", 1) + good,
			want: []errAt{{1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}}, is: []error{x12.ErrEnvelope},
			lines: []schedule.ClaimLine{goodLine(), line(31)}, stats: x12.Stats{Segments: 35, Sets: 2, Claims: 2, ServiceLines: 2, LinesRead: 2, Errors: 1}},
		{name: "a second set", data: strings.Replace(strings.Replace(good, "GE*1*7~\n", secondSet+"GE*2*7~\n", 1), "SE*14*0001~\nGE", "SE*14*0001~\nGE", 1),
			lines: []schedule.ClaimLine{goodLine(), line(28)}, stats: x12.Stats{Segments: 32, Sets: 2, Claims: 2, ServiceLines: 2, LinesRead: 2}},
		{name: "empty segments", data: strings.Replace(strings.ReplaceAll(good, "~\n", "~~\n"), "~~\nIEA*1*000000101~~\n", "~~\nIEA*1*000000101~\n", 1),
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1}},
		{name: "line feed as terminator, CRLF after it", data: strings.Replace(strings.ReplaceAll(good, "~\n", "\r\n"), ":\r\n", ":\n", 1),
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1}},
		{name: "carriage return as terminator", data: strings.ReplaceAll(good, "~\n", "\r\n"),
			lines: []schedule.ClaimLine{goodLine()}, stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1}},
		{name: "input ends inside a set's segment", data: openSet(10) + "SV2*0905*HC:G0410*300*UN*2",
			want:  []errAt{{14, 0, 0, "", "segment 14: " + txtCutOff + "; " + txtNotSEAt3}, {2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}, {1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}},
			is:    []error{iop.ErrSyntax, x12.ErrEnvelope, x12.ErrEnvelope},
			stats: x12.Stats{Segments: 14, ServiceLines: 1, LinesRefused: 1, Errors: 3}},
		{name: "input ends inside a segment between GS and ST", data: isaSeg + segs("GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2") + "\r\nSV2",
			want:  []errAt{{3, 0, 0, "", "segment 3: invalid syntax: input ends inside a segment"}, {2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}, {1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}},
			is:    []error{iop.ErrSyntax, x12.ErrEnvelope, x12.ErrEnvelope},
			stats: x12.Stats{Segments: 3, ServiceLines: 1, LinesRefused: 1, Errors: 3}},
		{name: "input ends inside a segment of other text", data: isaSeg + segs("GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2") + "DMG*D8*19600101",
			want:  []errAt{{3, 0, 0, "", "segment 3: invalid syntax: input ends inside a segment"}, {2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}, {1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}},
			is:    []error{iop.ErrSyntax, x12.ErrEnvelope, x12.ErrEnvelope},
			stats: x12.Stats{Segments: 3, Errors: 3}},
		{name: "a segment longer than the buffer", data: string(envelope(insert(4, "NTE*ADD*"+strings.Repeat("A", 5000))...)),
			want: []errAt{{8, 0, 0, "", "segment 8: input too large: segment longer than the limit"}}, is: []error{iop.ErrTooLarge},
			stats: x12.Stats{Segments: 19, ServiceLines: 1, LinesRefused: 1, Errors: 1}},
		{name: "input ends inside a segment longer than the buffer", data: openSet(4) + "NTE*ADD*" + strings.Repeat("A", 5000),
			want:  []errAt{{8, 0, 0, "", "segment 8: " + txtLong + "; " + txtNotSEAt3}, {2, 0, 0, "GS", "segment 2 (GS): " + txtNotGE}, {1, 0, 0, "ISA", "segment 1 (ISA): " + txtNotIEA}},
			is:    []error{iop.ErrTooLarge, x12.ErrEnvelope, x12.ErrEnvelope},
			stats: x12.Stats{Segments: 8, Errors: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, errs, stats := readAll(t, []byte(tt.data), x12.Options{})
			assert.Equal(t, tt.want, positions(t, errs))
			require.Len(t, errs, len(tt.is))
			for i, is := range tt.is {
				require.ErrorIs(t, errs[i], is)
			}
			assert.Equal(t, tt.lines, linesOf(claims))
			assert.Equal(t, tt.stats, stats)
		})
	}
}

// A transaction set the input ends in, or that the next ST interrupts, is
// refused as not closed by SE; when it was refused already (a segment
// that cannot be read, the input cut off inside a segment, another
// version), its one error gives that reason at that segment first. The
// group and the interchange are reported open after it, as they are when
// the input ends outside a set.
func TestReaderSetNotClosed(t *testing.T) {
	long := "NTE*ADD*" + strings.Repeat("A", 5000)
	gs := "GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2"
	notGE, notIEA := "segment 2 (GS): "+txtNotGE, "segment 1 (ISA): "+txtNotIEA
	tests := []struct {
		name  string
		data  string
		want  x12.SegmentError // the set's error; its Err is checked by text and with errors.Is
		text  string
		is    []error
		isNot []error
		rest  []string // the errors after it
		stats x12.Stats
	}{
		{name: "input ends after a segment", data: openSet(12),
			want: x12.SegmentError{Segment: 3, ID: "ST"}, text: "segment 3 (ST): " + txtNotSE,
			is: []error{x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax, iop.ErrTooLarge},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 15, ServiceLines: 1, LinesRefused: 1, Errors: 3}},
		{name: "input ends inside a segment", data: openSet(10) + "SV2*0905*HC:G0410*300*UN*2",
			want: x12.SegmentError{Segment: 14}, text: "segment 14: invalid syntax: input ends inside a segment; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrSyntax, x12.ErrEnvelope}, isNot: []error{iop.ErrTooLarge},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 14, ServiceLines: 1, LinesRefused: 1, Errors: 3}},
		{name: "input ends inside a segment longer than the limit", data: openSet(4) + long,
			want: x12.SegmentError{Segment: 8}, text: "segment 8: input too large: segment longer than the limit; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrTooLarge, x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 8, Errors: 3}},
		{name: "input ends after a segment longer than the limit", data: openSet(4) + long + "~\n" + segs(claimSegs[4:]...),
			want: x12.SegmentError{Segment: 8}, text: "segment 8: input too large: segment longer than the limit; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrTooLarge, x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 16, ServiceLines: 1, LinesRefused: 1, Errors: 3}},
		{name: "input ends after a segment of too many elements", data: openSet(4) + segs("DMG"+strings.Repeat("*1", 65)),
			want: x12.SegmentError{Segment: 8}, text: "segment 8: input too large: more elements than the limit; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrTooLarge, x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 8, Errors: 3}},
		{name: "input ends after a segment ID in lower case", data: openSet(4) + segs("dmg*D8*19600101"),
			want: x12.SegmentError{Segment: 8}, text: "segment 8: invalid syntax: not a segment identifier; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrSyntax, x12.ErrEnvelope}, isNot: []error{iop.ErrTooLarge},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 8, Errors: 3}},
		{name: "input ends in a set of another version", data: isaSeg + segs(append([]string{gs, "ST*837*0001*005010X223A1"}, claimSegs[:4]...)...),
			want: x12.SegmentError{Segment: 3, ID: "ST", Element: 3}, text: "segment 3 (ST), element 3: not an 837 005010X223A2 transaction; envelope does not match: transaction set not closed by SE",
			is: []error{x12.ErrVersion, x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax},
			rest: []string{notGE, notIEA}, stats: x12.Stats{Segments: 7, Errors: 3}},
		{name: "the next ST after a segment longer than the limit", data: isaSeg + segs(append(append([]string{gs, "ST*837*0001*005010X223A2"}, claimSegs[:4]...), long)...) +
			strings.Replace(string(envelope(claimSegs...)), isaSeg+gs+"~\n", "", 1),
			want: x12.SegmentError{Segment: 8}, text: "segment 8: input too large: segment longer than the limit; envelope does not match: transaction set opened at segment 3 (ST) not closed by SE",
			is: []error{iop.ErrTooLarge, x12.ErrEnvelope}, isNot: []error{iop.ErrSyntax},
			rest:  []string{"segment 23 (GE), element 1: envelope does not match: number of transaction sets in the group does not match"},
			stats: x12.Stats{Segments: 24, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, stats := readAll(t, []byte(tt.data), x12.Options{})
			require.Len(t, errs, 1+len(tt.rest))
			se, ok := errs[0].(*x12.SegmentError)
			require.True(t, ok, "the set's error is a %T, want a *x12.SegmentError", errs[0])
			got := *se
			assert.Equal(t, tt.text, got.Error())
			for _, is := range tt.is {
				require.ErrorIs(t, errs[0], is)
			}
			for _, is := range tt.isNot {
				require.NotErrorIs(t, errs[0], is)
			}
			got.Err = nil
			assert.Equal(t, tt.want, got)
			var rest []string
			for _, err := range errs[1:] {
				rest = append(rest, err.Error())
			}
			assert.Equal(t, tt.rest, rest)
			assert.Equal(t, tt.stats, stats)
		})
	}
}

// MaxElements is the most elements a segment may have: one more refuses
// its set, whether the reader splits the segment's elements (REF) or only
// counts them (DMG), and wherever the separator past the limit falls.
func TestReaderMaxElements(t *testing.T) {
	tooMany := []errAt{{8, 0, 0, "", "segment 8: input too large: more elements than the limit"}}
	for _, tt := range []struct {
		seg  string
		want []errAt
	}{
		{"DMG" + strings.Repeat("*1", 16), nil},
		{"REF" + strings.Repeat("*1", 16), nil},
		{"REF" + strings.Repeat("*", 16), nil},
		{"DMG" + strings.Repeat("*1", 17), tooMany},
		{"REF" + strings.Repeat("*1", 17), tooMany},              // the 17th separator in the last bytes
		{"REF" + strings.Repeat("*1", 17) + "12345678", tooMany}, // and in a word of eight
		{"REF" + strings.Repeat("*", 17), tooMany},
	} {
		t.Run(tt.seg, func(t *testing.T) {
			claims, errs, _ := readAll(t, envelope(insert(4, tt.seg)...), x12.Options{MaxElements: 16})
			assert.Equal(t, tt.want, positions(t, errs))
			if tt.want == nil {
				assert.Equal(t, []schedule.ClaimLine{goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(15) })}, linesOf(claims))
			} else {
				require.ErrorIs(t, errs[0], iop.ErrTooLarge)
				assert.Empty(t, claims)
			}
		})
	}
}

// With PatientFromMemberID, a claim without REF*EA takes the member ID of
// its subscriber (NM1*IL, qualifier MI), when the patient is the
// subscriber; the member ID's errors are the claim's only when it is
// taken.
func TestReaderMemberIDRefusals(t *testing.T) {
	noMRN := func(segs []string) []string { // claimSegs' layout less its REF*EA
		return append(append([]string(nil), segs[:7]...), segs[8:]...)
	}
	withMember := func(nm1 string) []string { return with(2, nm1) }
	dependent := func(segs []string) []string { // a patient loop (2000C) before the claim
		return append(append(append([]string(nil), segs[:4]...), "HL*3*2*23*0"), segs[4:]...)
	}
	member := goodLine(func(l *schedule.ClaimLine) { l.Patient, l.Input = "M-77", iop.InputSegment(13) })
	tests := []struct {
		name  string
		body  []string
		want  []errAt
		is    []error
		lines []schedule.ClaimLine
	}{
		{name: "member ID with a component separator", body: noMRN(withMember("NM1*IL*1*DOE*JANE****MI*M:77")),
			want: []errAt{{6, 9, 0, "NM1", "segment 6 (NM1), element 9: " + txtComposite}}, is: []error{iop.ErrSyntax}},
		{name: "member ID with a control character", body: noMRN(withMember("NM1*IL*1*DOE*JANE****MI*M\x1b77")),
			want: []errAt{{6, 9, 0, "NM1", "segment 6 (NM1), element 9: invalid syntax: control or format character"}}, is: []error{iop.ErrSyntax}},
		{name: "member ID empty", body: noMRN(withMember("NM1*IL*1*DOE*JANE****MI*")),
			want: []errAt{{6, 9, 0, "NM1", "segment 6 (NM1), element 9: missing"}}, is: []error{iop.ErrMissing}},
		{name: "a member ID not taken is not checked", body: withMember("NM1*IL*1*DOE*JANE****MI*M:77"),
			lines: []schedule.ClaimLine{goodLine()}},
		{name: "an ID of another qualifier", body: noMRN(withMember("NM1*IL*1*DOE*JANE****II*M-77")),
			want: []errAt{{8, 0, 0, "CLM", "segment 8 (CLM): " + txtNoPatient}}, is: []error{iop.ErrMissing}},
		{name: "another party's NM1", body: noMRN(withMember("NM1*QC*1*DOE*JANE****MI*M-77")),
			want: []errAt{{8, 0, 0, "CLM", "segment 8 (CLM): " + txtNoPatient}}, is: []error{iop.ErrMissing}},
		{name: "no subscriber loop", body: noMRN(with(1, "HL*2*1*21*0")),
			want: []errAt{{8, 0, 0, "CLM", "segment 8 (CLM): " + txtNoSubscriber}},
			is:   []error{iop.ErrMissing}},
		{name: "a dependent", body: dependent(noMRN(claimSegs)),
			want: []errAt{{9, 0, 0, "CLM", "segment 9 (CLM): " + txtDependent}}, is: []error{iop.ErrMissing}},
		{name: "a dependent under no subscriber loop", body: dependent(noMRN(with(1, "HL*2*1*21*1"))),
			want: []errAt{{9, 0, 0, "CLM", "segment 9 (CLM): " + txtNoSubscriber}}, is: []error{iop.ErrMissing}},
		{name: "the member ID", body: noMRN(claimSegs), lines: []schedule.ClaimLine{member}},
		{name: "a new billing provider forgets the subscriber", body: append(noMRN(claimSegs), "HL*3**20*1", "CLM*c-2*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250303", "CL1*2*1*30", "LX*1", "SV2*0905*HC:G0410*300*UN*2"),
			want: []errAt{{16, 0, 0, "CLM", "segment 16 (CLM): " + txtNoSubscriber}}, is: []error{iop.ErrMissing},
			lines: []schedule.ClaimLine{member}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, errs, stats := readAll(t, envelope(tt.body...), x12.Options{PatientFromMemberID: true})
			assert.Equal(t, tt.want, positions(t, errs))
			require.Len(t, errs, len(tt.is))
			for i, is := range tt.is {
				require.ErrorIs(t, errs[i], is)
			}
			assert.Equal(t, tt.lines, linesOf(claims))
			assert.Equal(t, stats.ServiceLines, stats.LinesRead+stats.LinesRefused)
		})
	}
}

// A caller may stop ranging over All and read on with Read.
func TestReaderAllStops(t *testing.T) {
	good := string(envelope(claimSegs...))
	r, err := x12.NewReader(strings.NewReader(good+good), x12.Options{})
	require.NoError(t, err)
	var got []x12.Claim
	for c, err := range r.All() {
		require.NoError(t, err)
		got = append(got, c)
		break
	}
	c, err := r.Read()
	require.NoError(t, err)
	got = append(got, c)
	_, err = r.Read()
	require.ErrorIs(t, err, io.EOF)
	assert.Equal(t, []schedule.ClaimLine{goodLine(), goodLine(func(l *schedule.ClaimLine) { l.Input = iop.InputSegment(32) })}, linesOf(got))
}

// With ReuseLines, what a caller copies as it reads is what it reads
// without: the claims, errors and counts, whatever sets, claims and lines
// were refused between those read.
func TestReaderReuseLinesWithRefusals(t *testing.T) {
	sample := readFile(t, "testdata/claims.x12")
	refusing := append(append(append([]string(nil), claimSegs...), "LX*2", "SV2*0905*HC:G0410*300*UN*0"),
		"CLM*c-2*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250305", "CL1*2*1*30", "REF*EA*p-2", "LX*1", "SV2*0905*HC:G0410*300*UN*1")
	for name, data := range map[string][]byte{
		"sample":            sample,
		"sample twice":      append(append([]byte(nil), sample...), sample...),
		"lines refused":     envelope(refusing...),
		"sets refused":      []byte(string(envelope(refusing...)) + strings.Replace(string(envelope(claimSegs...)), "SE*14", "SE*15", 1) + string(envelope(claimSegs...))),
		"one claim of each": []byte(string(envelope(claimSegs...)) + string(envelope(with(10, "SV2*0905**300*UN*1440")...))),
	} {
		t.Run(name, func(t *testing.T) {
			want, wantErrs, wantStats := readAll(t, data, x12.Options{})
			r, err := x12.NewReader(bytes.NewReader(data), x12.Options{ReuseLines: true})
			require.NoError(t, err)
			var got []x12.Claim
			var errs []error
			for c, err := range r.All() {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				c.Lines, c.LineSegments, c.ConditionCodes = slices.Clone(c.Lines), slices.Clone(c.LineSegments), slices.Clone(c.ConditionCodes)
				got = append(got, c)
			}
			assert.Equal(t, want, got)
			assert.Equal(t, wantErrs, errs)
			assert.Equal(t, wantStats, r.Stats())
		})
	}
}

// The reader keeps the IDs it reads apart however alike they are: IDs of
// 1 to 12 bytes that differ in one byte, each on two claims.
func TestReaderIDsAlike(t *testing.T) {
	var body []string
	var want []string
	for n := 1; n <= 12; n++ {
		for _, last := range []string{"1", "2"} {
			id := strings.Repeat("p", n-1) + last
			for range 2 {
				body = append(body, "CLM*"+id+"*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250303", "CL1*2*1*30", "REF*EA*"+id, "LX*1", "SV2*0905*HC:G0410*300*UN*1")
				want = append(want, id+" "+id)
			}
		}
	}
	claims, errs, _ := readAll(t, envelope(body...), x12.Options{})
	require.Empty(t, errs)
	var got []string
	for _, c := range claims {
		got = append(got, c.ID+" "+c.Patient)
		require.Len(t, c.Lines, 1)
		assert.Equal(t, c.ID+" "+c.Patient, c.Lines[0].Claim+" "+c.Lines[0].Patient)
	}
	assert.Equal(t, want, got)
}
