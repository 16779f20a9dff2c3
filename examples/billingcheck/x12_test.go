package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestX12 runs the embedded 837I sample, the claims of the embedded
// claim-line sample as an 837I: the JSON and CSV reports are those of the
// claim-line CSV but for where each finding's record was read (a segment,
// a row's line), the refused line named by its segment.
func TestX12(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runWith("", "-input", "x12", "-setting", "hospital", "-format", format)
			assert.Equal(t, exitBlocking, code)
			want := ""
			if format != "text" {
				want = "billingcheck: without an episode, taken as adults admitted on their first day of service: p-101, p-102, p-103\n" +
					"billingcheck: row refused: x12 segment 141 (DTP), element 3: invalid date: want CCYYMMDD\n"
				_, csvOut, _ := runWith("", "-input", "claims", "-setting", "hospital", "-format", format)
				assert.Equal(t, withoutInput(csvOut), withoutInput(out))
			}
			assert.Equal(t, want, errOut)
			golden(t, "x12."+format, out)
		})
	}
}

// An input that starts with an ISA segment is read as an 837I when -input
// does not say otherwise, from a file or standard input, the sample file
// the README names included.
func TestX12Detected(t *testing.T) {
	path := filepath.Join(t.TempDir(), "claims.edi")
	require.NoError(t, os.WriteFile(path, []byte(sampleX12), 0o600))
	_, want, _ := runWith("", "-input", "x12", "-format", "json")
	code, out, _ := runWith("", "-format", "json", path)
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, want, out)
	code, out, _ = runWith(sampleX12, "-format", "json", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, want, out)
	// The README's command: the sample 837I by its path in the repository
	// (examples/internal/billing/sample/claims.x12 from its root).
	code, out, _ = runWith("", "-format", "json", filepath.Join("..", "internal", "billing", "sample", "claims.x12"))
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, want, out)
}

// -input x12 refuses input that is not an interchange, and -map.
func TestX12Refused(t *testing.T) {
	code, out, errOut := runWith(sampleClaims, "-input", "x12", "-")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, "billingcheck: cannot read the input: x12: not an X12 interchange (no ISA segment)\n", errOut)
	code, _, errOut = runWith(sampleX12, "-map", "a=patient", "-")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "billingcheck: -map renames CSV columns; X12 input has none\n", errOut)
	code, _, errOut = runWith(strings.Replace(sampleX12, "ISA*00*", "ISA*00|", 1), "-")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "billingcheck: cannot read the input: x12: segment 1 (ISA): invalid syntax: not an ISA segment of 106 characters with its separators in place\n", errOut)
}

// A claim ID given to two patients: the lines of the second are refused by
// their segment, as a claim-line CSV's by their line.
func TestX12OtherPatient(t *testing.T) {
	in := strings.Replace(sampleX12, "CLM*c-5002*", "CLM*c-5001*", 1)
	code, _, errOut := runWith(in, "-format", "csv", "-")
	assert.Equal(t, exitBlocking, code)
	want := "billingcheck: without an episode, taken as adults admitted on their first day of service: p-101, p-103\n"
	for _, seg := range []string{"73", "76", "79", "82", "85", "88", "91", "94"} {
		want += "billingcheck: row refused: x12 segment " + seg + " (SV2): patient: out of range: not the patient of the claim's first line\n"
	}
	want += "billingcheck: row refused: x12 segment 141 (DTP), element 3: invalid date: want CCYYMMDD\n"
	assert.Equal(t, want, errOut)
}

// inputRE matches where a finding's record was read, in the JSON and CSV
// reports.
var inputRE = regexp.MustCompile(`,"input":"[a-z ]+[0-9]+"|(input line|segment) [0-9]+`)

// withoutInput returns a report without where the findings' records were
// read.
func withoutInput(report string) string { return inputRE.ReplaceAllString(report, "") }
