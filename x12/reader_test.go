package x12_test

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads every claim and error of data under opt.
func readAll(t *testing.T, data []byte, opt x12.Options) ([]x12.Claim, []error, x12.Stats) {
	t.Helper()
	r, err := x12.NewReader(bytes.NewReader(data), opt)
	require.NoError(t, err)
	var claims []x12.Claim
	var errs []error
	for c, err := range r.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		claims = append(claims, c)
	}
	_, err = r.Read()
	require.ErrorIs(t, err, io.EOF)
	return claims, errs, r.Stats()
}

// withoutInput returns lines with where each was read cleared, and those
// positions.
func withoutInput(lines []schedule.ClaimLine) ([]schedule.ClaimLine, []iop.Input) {
	out := slices.Clone(lines)
	var at []iop.Input
	for i := range out {
		at = append(at, out[i].Input)
		out[i].Input = iop.Input{}
	}
	return out, at
}

// withoutInputs returns fs with where each finding's record was read
// cleared.
func withoutInputs(fs iop.Findings) iop.Findings {
	out := slices.Clone(fs)
	for i := range out {
		out[i].Input = iop.Input{}
	}
	return out
}

// linesOf flattens the claims' lines.
func linesOf(claims []x12.Claim) []schedule.ClaimLine {
	var ls []schedule.ClaimLine
	for _, c := range claims {
		ls = append(ls, c.Lines...)
	}
	return ls
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	require.NoError(t, err)
	return data
}

// The sample holds four claims of three patients in two transaction sets
// (one a replacement with a line without a date over a five-day statement,
// one a void of one day), then a group of 837P claims and a set whose SE
// count is wrong.
func TestReaderSample(t *testing.T) {
	claims, errs, stats := readAll(t, readFile(t, "testdata/claims.x12"), x12.Options{})
	require.Len(t, claims, 4)
	head := func(c x12.Claim) x12.Claim { c.Lines, c.LineSegments = nil, nil; return c }
	d := func(day int) date.Date { return date.New(2025, 3, day) }
	assert.Equal(t, []x12.Claim{
		{ID: "c-5001", Patient: "p-101", FacilityType: "13", Frequency: "1", From: d(3), Through: d(7),
			AdmissionType: "2", AdmissionSource: "1", PatientStatus: "30", ConditionCodes: []string{"92"}, Segment: 21},
		{ID: "c-5002", Patient: "p-102", FacilityType: "13", Frequency: "1", From: d(4), Through: d(4),
			AdmissionType: "2", AdmissionSource: "1", PatientStatus: "30", ConditionCodes: []string{"92", "41"}, Segment: 51},
		{ID: "c-5003", Patient: "p-101", FacilityType: "13", Frequency: "7", Replaces: "ICN0001", From: d(3), Through: d(7),
			AdmissionType: "2", AdmissionSource: "1", PatientStatus: "30", ConditionCodes: []string{"92"}, Segment: 77},
		{ID: "c-5004", Patient: "p-103", FacilityType: "13", Frequency: "8", Replaces: "ICN0002", From: d(10), Through: d(10),
			AdmissionType: "2", AdmissionSource: "1", PatientStatus: "30", ConditionCodes: []string{"92"}, Segment: 94},
	}, []x12.Claim{head(claims[0]), head(claims[1]), head(claims[2]), head(claims[3])})
	assert.Equal(t, []int{29, 32, 35, 38, 41, 44}, claims[0].LineSegments)
	assert.Equal(t, []string{"0131", "0131", "0137", "0138"},
		[]string{claims[0].BillType(), claims[1].BillType(), claims[2].BillType(), claims[3].BillType()})
	assert.Equal(t, []bool{false, false, true, false}, []bool{claims[0].IsReplacement(), claims[1].IsReplacement(), claims[2].IsReplacement(), claims[3].IsReplacement()})
	assert.Equal(t, []bool{false, false, false, true}, []bool{claims[0].IsVoid(), claims[1].IsVoid(), claims[2].IsVoid(), claims[3].IsVoid()})
	require.Len(t, errs, 3)
	want := []*x12.SegmentError{
		{Segment: 93, ID: "SV2"},
		{Segment: 104, ID: "GS", Element: 8},
		{Segment: 130, ID: "SE", Element: 1},
	}
	sentinels := []error{iop.ErrMissing, x12.ErrProfessional, x12.ErrEnvelope}
	for i, err := range errs {
		var se *x12.SegmentError
		require.ErrorAs(t, err, &se)
		got := x12.SegmentError{Segment: se.Segment, ID: se.ID, Element: se.Element, Component: se.Component}
		assert.Equal(t, *want[i], got)
		require.ErrorIs(t, err, sentinels[i])
	}
	assert.Equal(t, x12.Stats{Segments: 132, Sets: 2, Claims: 4, ServiceLines: 15, LinesRead: 13, LinesRefused: 2, Errors: 3}, stats)
}

// The claim lines read from the 837I are those of the equivalent claim-line
// CSV, and give the same patient-week summaries and findings.
func TestReaderSameAsCSV(t *testing.T) {
	claims, _, _ := readAll(t, readFile(t, "testdata/claims.x12"), x12.Options{})
	fromX12 := linesOf(claims)
	cr, err := schedule.NewClaimReader(bytes.NewReader(readFile(t, "testdata/claims.csv")), schedule.CSVOptions{})
	require.NoError(t, err)
	var fromCSV []schedule.ClaimLine
	for l, err := range cr.All() {
		require.NoError(t, err)
		fromCSV = append(fromCSV, l)
	}
	require.Len(t, fromCSV, 13)
	csvLines, csvAt := withoutInput(fromCSV)
	x12Lines, x12At := withoutInput(fromX12)
	assert.Equal(t, csvLines, x12Lines)
	var wantCSV, wantX12 []iop.Input
	for i := range fromCSV {
		wantCSV = append(wantCSV, iop.InputLine(i+2))
	}
	for _, c := range claims {
		for _, seg := range c.LineSegments {
			wantX12 = append(wantX12, iop.InputSegment(seg))
		}
	}
	assert.Equal(t, wantCSV, csvAt, "each CSV line carries its row's line")
	assert.Equal(t, wantX12, x12At, "each 837I line carries its SV2 segment")

	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(t, err)
	type answer struct {
		sum      schedule.WeekSummary
		findings iop.Findings
	}
	answers := func(lines []schedule.ClaimLine) map[string]answer {
		out := map[string]answer{}
		for _, patient := range []string{"p-101", "p-102", "p-103"} {
			var mine []schedule.ClaimLine
			for _, l := range lines {
				if l.Patient == patient {
					mine = append(mine, l)
				}
			}
			for _, w := range []schedule.Week{schedule.ISOWeeks().Of(date.New(2025, 3, 3)), schedule.ISOWeeks().Of(date.New(2025, 3, 10))} {
				sum, err := ck.SummarizeClaims(w, mine)
				require.NoError(t, err)
				if sum.Patient == "" {
					continue
				}
				fs, err := ck.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: date.New(2025, 2, 3)})
				require.NoError(t, err)
				sum.Duplicates.Input, sum.Overlaps.Input = iop.Input{}, iop.Input{} // a row's line, a segment
				out[patient+" "+w.String()] = answer{sum, withoutInputs(fs)}
			}
		}
		return out
	}
	a, b := answers(fromCSV), answers(fromX12)
	require.Len(t, a, 3)
	assert.Equal(t, a, b)
	assert.NotEmpty(t, a["p-102 2025-W10"].findings) // one day of 3 services in the week: below the weekly minimum

	// The claims' answer is the same too: the replacement c-5003 and the
	// void c-5004 name the payer's control numbers (REF*F8), which are no
	// claim of the export, and no earlier claim has their own IDs, so
	// each is reported (a warning) rather than silently counted beside
	// what it replaces.
	fromCSVClaims, err := ck.CheckClaims(fromCSV)
	require.NoError(t, err)
	fromX12Claims, err := ck.CheckClaims(fromX12)
	require.NoError(t, err)
	assert.Equal(t, withoutInputs(fromCSVClaims), withoutInputs(fromX12Claims))
	var unknown iop.Findings
	for _, f := range fromX12Claims {
		if f.Code == schedule.CodeClaimReplacesUnknown {
			unknown = append(unknown, f)
		}
	}
	assert.Equal(t, iop.Findings{
		{Code: schedule.CodeClaimReplacesUnknown, Severity: iop.SeverityWarning, Scope: iop.FindingScopeClaim, Subject: "c-5003", Day: date.New(2025, 3, 3), Ref: "ICN0001",
			Input: iop.InputSegment(84)}, // the SV2 of the claim's first line
		{Code: schedule.CodeClaimReplacesUnknown, Severity: iop.SeverityWarning, Scope: iop.FindingScopeClaim, Subject: "c-5004", Day: date.New(2025, 3, 10), Ref: "ICN0002",
			Input: iop.InputSegment(101)},
	}, unknown)
}

// rewrite gives data other separators: element, component, repetition
// and terminator, with no line breaks.
func rewrite(data []byte, el, comp, rep, term byte) []byte {
	s := strings.NewReplacer("*", string(el), ":", string(comp), "^", string(rep), "~\n", string(term)).Replace(string(data))
	return []byte(s)
}

// The separators are the ISA's, never assumed; line breaks after the
// terminator (LF or CRLF) are tolerated.
func TestReaderSeparators(t *testing.T) {
	data := readFile(t, "testdata/claims.x12")
	want, wantErrs, wantStats := readAll(t, data, x12.Options{})
	for name, in := range map[string][]byte{
		"pipe, gt, bang, apostrophe": rewrite(data, '|', '>', '!', '\''),
		"tilde-free":                 rewrite(data, '+', '<', '{', '\n'),
		"crlf":                       bytes.ReplaceAll(data, []byte("~\n"), []byte("~\r\n")),
		"one line":                   bytes.ReplaceAll(data, []byte("~\n"), []byte("~")),
		// Whitespace left after each terminator, as tools that pad lines
		// write: every segment after the ISA was refused as not one.
		"spaces before line breaks": bytes.ReplaceAll(data, []byte("~\n"), []byte("~  \n")),
		"tabs before CRLF":          bytes.ReplaceAll(data, []byte("~\n"), []byte("~\t\r\n")),
		"one line, spaced":          bytes.ReplaceAll(data, []byte("~\n"), []byte("~ ")),
		"tilde-free, spaced":        bytes.ReplaceAll(rewrite(data, '+', '<', '{', '\n'), []byte("\n"), []byte("\n ")),
	} {
		t.Run(name, func(t *testing.T) {
			got, errs, stats := readAll(t, in, x12.Options{})
			assert.Equal(t, want, got)
			assert.Equal(t, wantErrs, errs)
			assert.Equal(t, wantStats, stats)
		})
	}
}

// envelope wraps the segments of one claim set in an interchange with
// the given control numbers and counts.
func envelope(body ...string) []byte {
	set := append(append([]string{"ST*837*0001*005010X223A2"}, body...), "SE*"+itoa(len(body)+2)+"*0001")
	return wrap(set...)
}

func wrap(segs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("ISA*00*          *00*          *ZZ*SUBMITTER01    *ZZ*MACRECEIVER    *250310*1200*^*00501*000000101*0*T*:~\n")
	b.WriteString("GS*HC*SUB*REC*20250310*1200*7*X*005010X223A2~\n")
	for _, s := range segs {
		b.WriteString(s + "~\n")
	}
	b.WriteString("GE*1*7~\nIEA*1*000000101~\n")
	return b.Bytes()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// claim is a claim of one line on one day.
var claimSegs = []string{"HL*1**20*1", "HL*2*1*22*0", "NM1*IL*1*DOE*JANE****MI*M-77", "DMG*D8*19600101*F",
	"CLM*c-1*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250303", "CL1*2*1*30", "REF*EA*p-1", "HI*BG:92",
	"LX*1", "SV2*0905*HC:G0410*300*UN*2", "DTP*472*D8*20250303"}

// with returns claimSegs with segment i replaced by s (or dropped when s
// is empty).
func with(i int, s string) []string {
	out := append([]string(nil), claimSegs...)
	if s == "" {
		return append(out[:i], out[i+1:]...)
	}
	out[i] = s
	return out
}

// Each refusal names the segment and element, and wraps its sentinel.
func TestReaderRefusals(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		opt     x12.Options
		want    x12.SegmentError // Err is checked with errors.Is
		is      error
		claims  int
		refused int
	}{
		{"837P set", wrap(strings.ReplaceAll(strings.Join(append(append([]string{"ST*837*0001*005010X222A1"}, claimSegs...), "SE*14*0001"), "~"), "", "")),
			x12.Options{}, x12.SegmentError{Segment: 3, ID: "ST", Element: 3}, x12.ErrProfessional, 0, 1},
		{"SE count", wrap(append(append([]string{"ST*837*0001*005010X223A2"}, claimSegs...), "SE*13*0001")...),
			x12.Options{}, x12.SegmentError{Segment: 16, ID: "SE", Element: 1}, x12.ErrEnvelope, 0, 1},
		{"SE control", wrap(append(append([]string{"ST*837*0001*005010X223A2"}, claimSegs...), "SE*14*0002")...),
			x12.Options{}, x12.SegmentError{Segment: 16, ID: "SE", Element: 2}, x12.ErrEnvelope, 0, 1},
		{"no medical record number", envelope(with(7, "")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM"}, iop.ErrMissing, 0, 1},
		{"member ID as patient", envelope(with(7, "")...), x12.Options{PatientFromMemberID: true},
			x12.SegmentError{}, nil, 1, 0},
		{"member ID of a dependent", envelope(append(append(append([]string(nil), claimSegs[:4]...), "HL*3*2*23*0"), with(7, "")[4:]...)...), x12.Options{PatientFromMemberID: true},
			x12.SegmentError{Segment: 9, ID: "CLM"}, iop.ErrMissing, 0, 1},
		{"bad claim ID", envelope(with(4, "CLM*c\x01*300***13:A:1**A*Y*Y")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM", Element: 1}, iop.ErrSyntax, 0, 1},
		{"bad bill type", envelope(with(4, "CLM*c-1*300***13:B:1**A*Y*Y")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM", Element: 5, Component: 2}, iop.ErrSyntax, 0, 1},
		{"replacement without REF*F8", envelope(with(4, "CLM*c-1*300***13:A:7**A*Y*Y")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM"}, iop.ErrMissing, 0, 1},
		{"no statement dates", envelope(with(5, "")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM"}, iop.ErrMissing, 0, 1},
		{"statement dates reversed", envelope(with(5, "DTP*434*RD8*20250304-20250303")...), x12.Options{},
			x12.SegmentError{Segment: 9, ID: "DTP", Element: 3}, iop.ErrInvalidDate, 0, 1},
		{"no CL1", envelope(with(6, "")...), x12.Options{},
			x12.SegmentError{Segment: 8, ID: "CLM"}, iop.ErrMissing, 0, 1},
		{"February 30th", envelope(with(11, "DTP*472*D8*20250230")...), x12.Options{},
			x12.SegmentError{Segment: 15, ID: "DTP", Element: 3}, iop.ErrInvalidDate, 1, 1},
		{"line over two days", envelope(with(11, "DTP*472*RD8*20250303-20250304")...), x12.Options{},
			x12.SegmentError{Segment: 15, ID: "DTP", Element: 3}, iop.ErrOutOfRange, 1, 1},
		// Each service date falls within the statement dates (Stedi's claim
		// edit "Service date outside the statement covers period"; the TR3's
		// own note was not read): a line outside was read into a week its
		// claim does not cover.
		{"line the day before the statement", envelope(with(11, "DTP*472*D8*20250302")...), x12.Options{},
			x12.SegmentError{Segment: 15, ID: "DTP", Element: 3}, iop.ErrOutOfRange, 1, 1},
		{"line the day after the statement", envelope(with(11, "DTP*472*D8*20250304")...), x12.Options{},
			x12.SegmentError{Segment: 15, ID: "DTP", Element: 3}, iop.ErrOutOfRange, 1, 1},
		{"line of one day in RD8 after the statement", envelope(with(11, "DTP*472*RD8*20250310-20250310")...), x12.Options{},
			x12.SegmentError{Segment: 15, ID: "DTP", Element: 3}, iop.ErrOutOfRange, 1, 1},
		{"line on the statement's first day", envelope(with(11, "DTP*472*D8*20250303")...), x12.Options{},
			x12.SegmentError{}, nil, 1, 0},
		{"line on the statement's last day", envelope(with(5, "DTP*434*RD8*20250301-20250303")...), x12.Options{},
			x12.SegmentError{}, nil, 1, 0},
		{"line on the statement's first of three days", envelope(with(5, "DTP*434*RD8*20250303-20250305")...), x12.Options{},
			x12.SegmentError{}, nil, 1, 0},
		{"units in minutes", envelope(with(10, "SV2*0905*HC:G0410*300*MJ*60")...), x12.Options{},
			x12.SegmentError{Segment: 14, ID: "SV2", Element: 4}, iop.ErrUnknown, 1, 1},
		{"fractional units", envelope(with(10, "SV2*0905*HC:G0410*300*UN*1.5")...), x12.Options{},
			x12.SegmentError{Segment: 14, ID: "SV2", Element: 5}, iop.ErrOutOfRange, 1, 1},
		{"bad modifier", envelope(with(10, "SV2*0905*HC:G0410:GT:x*300*UN*1")...), x12.Options{},
			x12.SegmentError{Segment: 14, ID: "SV2", Element: 2, Component: 4}, iop.ErrSyntax, 1, 1},
		{"not HCPCS", envelope(with(10, "SV2*0905*HP:G0410*300*UN*1")...), x12.Options{},
			x12.SegmentError{Segment: 14, ID: "SV2", Element: 2, Component: 1}, iop.ErrUnknown, 1, 1},
		{"no code", envelope(with(10, "SV2**HC*300*UN*1")...), x12.Options{},
			x12.SegmentError{Segment: 14, ID: "SV2", Element: 2, Component: 2}, iop.ErrSyntax, 1, 1},
		{"line number 0", envelope(with(9, "LX*0")...), x12.Options{},
			x12.SegmentError{Segment: 13, ID: "LX", Element: 1}, iop.ErrOutOfRange, 1, 1},
		{"segment too long", envelope(with(3, "DMG*D8*"+strings.Repeat("9", 200))...), x12.Options{MaxSegmentBytes: 120},
			x12.SegmentError{Segment: 7}, iop.ErrTooLarge, 0, 1},
		{"too many elements", envelope(with(3, "DMG"+strings.Repeat("*1", 20))...), x12.Options{MaxElements: 16},
			x12.SegmentError{Segment: 7}, iop.ErrTooLarge, 0, 1},
		{"a segment ID that is not one", envelope(with(3, "jane doe*1")...), x12.Options{},
			x12.SegmentError{Segment: 7}, iop.ErrSyntax, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, errs, stats := readAll(t, tt.data, tt.opt)
			assert.Len(t, claims, tt.claims)
			assert.Equal(t, x12.Stats{Segments: stats.Segments, Sets: stats.Sets, Claims: tt.claims, ServiceLines: 1,
				LinesRead: 1 - tt.refused, LinesRefused: tt.refused, Errors: len(errs)}, stats)
			if tt.is == nil {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			var se *x12.SegmentError
			require.ErrorAs(t, errs[0], &se)
			assert.Equal(t, tt.want, x12.SegmentError{Segment: se.Segment, ID: se.ID, Element: se.Element, Component: se.Component})
			assert.ErrorIs(t, errs[0], tt.is)
		})
	}
}

// The member ID is read only with PatientFromMemberID, and REF*EA wins over it.
func TestReaderMemberID(t *testing.T) {
	claims, errs, _ := readAll(t, envelope(with(7, "")...), x12.Options{PatientFromMemberID: true})
	require.Empty(t, errs)
	require.Len(t, claims, 1)
	assert.Equal(t, "M-77", claims[0].Patient)
	assert.Equal(t, "M-77", claims[0].Lines[0].Patient)
	claims, _, _ = readAll(t, envelope(claimSegs...), x12.Options{PatientFromMemberID: true})
	require.Len(t, claims, 1)
	assert.Equal(t, "p-1", claims[0].Patient)
}

// Envelope trailers that do not match are reported at the trailer.
func TestReaderEnvelope(t *testing.T) {
	set := append(append([]string{"ST*837*0001*005010X223A2"}, claimSegs...), "SE*14*0001")
	good := string(wrap(set...))
	tests := []struct {
		name string
		data string
		want []x12.SegmentError
	}{
		{"GE count", strings.Replace(good, "GE*1*7", "GE*2*7", 1), []x12.SegmentError{{Segment: 17, ID: "GE", Element: 1}}},
		{"GE control", strings.Replace(good, "GE*1*7", "GE*1*8", 1), []x12.SegmentError{{Segment: 17, ID: "GE", Element: 2}}},
		{"IEA count", strings.Replace(good, "IEA*1*", "IEA*2*", 1), []x12.SegmentError{{Segment: 18, ID: "IEA", Element: 1}}},
		{"IEA control", strings.Replace(good, "IEA*1*000000101", "IEA*1*000000102", 1), []x12.SegmentError{{Segment: 18, ID: "IEA", Element: 2}}},
		{"no IEA", strings.Replace(good, "IEA*1*000000101~\n", "", 1), []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		// The next ISA ends an interchange without its IEA after any number
		// of line breaks: after 3 or 4 bytes of them it was read as a segment outside a
		// group, and the next interchange's groups as the first one's.
		{"no IEA, the next ISA at once", strings.Replace(good, "IEA*1*000000101~\n", "", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 2 bytes of line breaks", strings.Replace(good, "IEA*1*000000101~\n", "\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 4 bytes of line breaks", strings.Replace(good, "IEA*1*000000101~\n", "\n\n\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 3 bytes of line breaks", strings.Replace(good, "~\nIEA*1*000000101~\n", "~\n\n\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 5 bytes of line breaks", strings.Replace(good, "IEA*1*000000101~\n", "\r\n\r\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 6 bytes of line breaks", strings.Replace(good, "IEA*1*000000101~\n", "\r\n\r\n\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after spaces", strings.Replace(good, "~\nIEA*1*000000101~\n", "~ ", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after spaces and line breaks", strings.Replace(good, "~\nIEA*1*000000101~\n", "~ \t \r\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no IEA, the next ISA after 10 bytes of line breaks", strings.Replace(good, "IEA*1*000000101~\n", "\r\n\r\n\r\n\r\n\n", 1) + good, []x12.SegmentError{{Segment: 1, ID: "ISA"}}},
		{"no SE", strings.Replace(good, "SE*14*0001~\n", "", 1),
			[]x12.SegmentError{{Segment: 3, ID: "ST"}}},
		{"two interchanges", good + good, nil},
		{"garbage after IEA", good + "JANE DOE 19600101", []x12.SegmentError{{Segment: 19}}},
		{"spaces and tabs after IEA", good + "  \t\r\n   \n", nil},
		{"spaces between interchanges", good + " \t\n" + good + "   ", nil},
		// Files saved with a byte order mark, joined: each interchange
		// after the first was refused as data after the trailer, and the
		// reading ended there.
		{"two files with a BOM joined", "\uFEFF" + good + "\uFEFF" + good, nil},
		{"two files with a BOM joined, line breaks between", "\uFEFF" + good + "\r\n\uFEFF\r\n" + good, nil},
		{"a BOM, then garbage after IEA", good + "\uFEFFJANE DOE", []x12.SegmentError{{Segment: 19}}},
		{"two BOMs after IEA", good + "\uFEFF\uFEFF" + good, []x12.SegmentError{{Segment: 19}}},
		{"spaces then garbage after IEA", good + "  \n JANE DOE", []x12.SegmentError{{Segment: 19}}},
		// Padding to a block with NUL bytes, or a DOS end-of-file mark
		// (Ctrl-Z), is no data after the trailer.
		{"NUL padding after IEA", good + strings.Repeat("\x00", 300), nil},
		{"a Ctrl-Z after IEA", good + "\r\n\x1a", nil},
		{"NUL padding between interchanges", good + "\x00\x00\n" + good, nil},
		{"NUL padding then garbage", good + "\x00\x00JANE DOE", []x12.SegmentError{{Segment: 19}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs, stats := readAll(t, []byte(tt.data), x12.Options{})
			var got []x12.SegmentError
			for _, err := range errs {
				var se *x12.SegmentError
				require.ErrorAs(t, err, &se)
				got = append(got, x12.SegmentError{Segment: se.Segment, ID: se.ID, Element: se.Element, Component: se.Component})
				require.ErrorIs(t, err, x12.ErrEnvelope)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, stats.ServiceLines, stats.LinesRead+stats.LinesRefused)
		})
	}
}

// An input that is not an interchange stops the reader at once.
func TestReaderNotX12(t *testing.T) {
	for name, in := range map[string]string{
		"empty":                             "",
		"csv":                               "patient,claim,line\nJane Doe,c-1,1\n",
		"short ISA":                         "ISA*00*",
		"same separator":                    strings.Replace(string(envelope(claimSegs...)), ":~", "*~", 1),
		"line break as component separator": strings.Replace(string(envelope(claimSegs...)), ":~", "\n~", 1),
		"letter as repetition separator":    strings.Replace(string(envelope(claimSegs...)), "*^*", "*U*", 1),
	} {
		t.Run(name, func(t *testing.T) {
			claims, errs, _ := readAll(t, []byte(in), x12.Options{})
			assert.Empty(t, claims)
			require.Len(t, errs, 1)
			var se *x12.SegmentError
			require.ErrorAs(t, errs[0], &se)
			assert.Equal(t, 1, se.Segment)
		})
	}
}

// After MaxErrors errors, the reader counts the rest and ends with a
// LimitError; every service line is still accounted for.
func TestReaderErrorLimit(t *testing.T) {
	var body []string
	body = append(body, claimSegs[:9]...)
	for i := 1; i <= 10; i++ {
		body = append(body, "LX*"+itoa(i), "SV2*0905*HC:G0410*300*UN*0") // units 0: refused
	}
	body = append(body, "CLM*c-2*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250303", "CL1*2*1*30", "REF*EA*p-1", "LX*1", "SV2*0905*HC:G0410*300*UN*1")
	claims, errs, stats := readAll(t, envelope(body...), x12.Options{MaxErrors: 3})
	assert.Empty(t, claims)
	require.Len(t, errs, 4)
	var le *x12.LimitError
	require.ErrorAs(t, errs[3], &le)
	assert.Equal(t, x12.LimitError{Reported: 3, NotReported: 7, LinesNotRead: 1}, *le)
	require.ErrorIs(t, errs[3], x12.ErrTooManyErrors)
	assert.Equal(t, x12.Stats{Segments: stats.Segments, Sets: 1, ServiceLines: 11, LinesRefused: 11, Errors: 3, ErrorsNotReported: 7}, stats)
}

// MaxBytes stops the reader past the limit; no limit by default.
func TestReaderMaxBytes(t *testing.T) {
	data := readFile(t, "testdata/claims.x12")
	_, errs, _ := readAll(t, data, x12.Options{MaxBytes: 1000})
	require.NotEmpty(t, errs)
	require.ErrorIs(t, errs[len(errs)-1], iop.ErrTooLarge)
	_, errs, _ = readAll(t, data, x12.Options{MaxBytes: int64(len(data))})
	assert.Len(t, errs, 3)
}

// Options out of range are refused.
func TestNewReaderOptions(t *testing.T) {
	_, err := x12.NewReader(strings.NewReader(""), x12.Options{MaxSegmentBytes: 100, MaxElements: 3, MaxErrors: -1})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Len(t, fes, 3)
	assert.ErrorIs(t, err, iop.ErrOutOfRange)
}

// No error holds text of the input: names, birth dates, member IDs.
func TestReaderNoContentInErrors(t *testing.T) {
	data := readFile(t, "testdata/claims.x12")
	inputs := [][]byte{data, bytes.ReplaceAll(data, []byte("DMG*D8*19600101*F~\n"), []byte("DMG*D8*19600101*F*JANE~\n"))}
	for _, seg := range []string{"NM1*IL*1*DOE*JANE****MI*1EG4TE5MK73", "DMG*D8*19600101*F"} {
		for _, c := range []string{"CLM*", "SV2*", "LX*", "REF*EA*", "DTP*472*D8*"} {
			inputs = append(inputs, envelope(with(9, c+seg)...), envelope(with(4, c+seg)...))
		}
	}
	for _, in := range inputs {
		_, errs, _ := readAll(t, in, x12.Options{PatientFromMemberID: true})
		for _, err := range errs {
			for _, marker := range []string{"DOE", "JANE", "19600101", "1EG4TE5MK73", "ELM"} {
				assert.NotContains(t, err.Error(), marker)
			}
		}
	}
}

// With ReuseLines, lines copied as they come are those read without it.
func TestReaderReuseLines(t *testing.T) {
	edi, _ := benchInput(4321)
	want, _, wantStats := readAll(t, edi, x12.Options{})
	r, err := x12.NewReader(bytes.NewReader(edi), x12.Options{ReuseLines: true})
	require.NoError(t, err)
	var got []schedule.ClaimLine
	for c, err := range r.All() {
		require.NoError(t, err)
		got = append(got, c.Lines...)
	}
	assert.Equal(t, linesOf(want), got)
	assert.Equal(t, wantStats, r.Stats())
}

// A claim of more than 999 service lines is refused with all its lines;
// the reader holds at most 1000 of them.
func TestReaderClaimLines(t *testing.T) {
	body := append([]string(nil), claimSegs[:9]...)
	for i := 1; i <= 1200; i++ {
		body = append(body, "LX*"+itoa(i), "SV2*0905*HC:G0410*300*UN*1")
	}
	claims, errs, stats := readAll(t, envelope(body...), x12.Options{})
	assert.Empty(t, claims)
	require.Len(t, errs, 1)
	var se *x12.SegmentError
	require.ErrorAs(t, errs[0], &se)
	assert.Equal(t, x12.SegmentError{Segment: 8, ID: "CLM", Err: se.Err}, *se)
	require.ErrorIs(t, errs[0], iop.ErrOutOfRange)
	assert.Equal(t, x12.Stats{Segments: stats.Segments, Sets: 1, ServiceLines: 1200, LinesRefused: 1200, Errors: 1}, stats)
}

// A byte order mark before the ISA is skipped.
func TestReaderByteOrderMark(t *testing.T) {
	claims, errs, _ := readAll(t, append([]byte("\uFEFF"), envelope(claimSegs...)...), x12.Options{})
	assert.Empty(t, errs)
	assert.Len(t, claims, 1)
}

// A claim read encodes to JSON and decodes back equal.
func TestClaimJSON(t *testing.T) {
	claims, _, _ := readAll(t, readFile(t, "testdata/claims.x12"), x12.Options{})
	require.NotEmpty(t, claims)
	for _, c := range claims {
		data, err := json.Marshal(c)
		require.NoError(t, err)
		var back x12.Claim
		require.NoError(t, json.Unmarshal(data, &back))
		assert.Equal(t, c, back)
	}
}

// Claim.Replaces is the claim a replacement or void names (REF*F8), and
// empty for other frequencies, as its doc says: a claim of frequency 1
// that carried a REF*F8 had it in Replaces (and its lines did not).
func TestReaderReplacesOnlyFor7And8(t *testing.T) {
	ref := func(freq, ref string) []byte {
		segs := with(4, "CLM*c-1*300***13:A:"+freq+"**A*Y*Y")
		segs = append(segs[:8:8], append([]string{ref}, segs[8:]...)...)
		return envelope(segs...)
	}
	for _, tc := range []struct {
		freq, replaces string
	}{{"1", ""}, {"5", ""}, {"7", "ICN-9"}, {"8", "ICN-9"}} {
		t.Run(tc.freq, func(t *testing.T) {
			got, errs, _ := readAll(t, ref(tc.freq, "REF*F8*ICN-9"), x12.Options{})
			require.Empty(t, errs)
			require.Len(t, got, 1)
			assert.Equal(t, tc.replaces, got[0].Replaces)
			for _, l := range got[0].Lines {
				assert.Equal(t, tc.replaces, l.Replaces)
			}
			if tc.replaces == "" { // the same claim as with a REF the reader does not read
				want, errs, _ := readAll(t, ref(tc.freq, "REF*G1*A-1"), x12.Options{})
				require.Empty(t, errs)
				assert.Equal(t, want, got)
			}
		})
	}
}
