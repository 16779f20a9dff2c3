package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClaims runs the embedded claim-line sample: a clean claim, a Medicare
// IOP claim with an excluded 90853 line and a day below 3 services, a claim
// without condition code 92, a video line and a refused row; the extra
// columns are ignored and date_of_service is read as date.
func TestClaims(t *testing.T) {
	for _, format := range []string{"text", "json", "csv"} {
		t.Run(format, func(t *testing.T) {
			code, out, errOut := runWith("", "-input", "claims", "-setting", "hospital", "-format", format)
			assert.Equal(t, exitBlocking, code)
			want := "billingcheck: columns ignored: clinician, payer_plan\n"
			if format != "text" {
				want += "billingcheck: without an episode, taken as adults admitted on their first day of service: p-101, p-102, p-103\n" +
					"billingcheck: row refused: claims line 30: date: invalid date\n"
			}
			assert.Equal(t, want, errOut)
			golden(t, "claims."+format, out)
		})
	}
}

// TestClaimsExport reads a claim-line export as billing systems write it: a
// byte order mark, CRLF lines, its own column names mapped by -map, extra
// columns (one with a quoted line break), lines out of claim order, a bad
// row and a claim that names two patients. Every row refused is reported
// on its line of the file.
func TestClaimsExport(t *testing.T) {
	in := "\uFEFFmember,claim_id,line,dos,hcpcs,units,clinician,bill_type,condition1\r\n" +
		"p-1,c-2,2,2025-03-03,90834,1,a,0131,92\r\n" +
		"p-1,c-1,1,2025-03-03,G0410,2,\"b\r\nc\",0131,92\r\n" +
		"p-1,c-2,1,2025-03-03,G0410,2,a,0131,92\r\n" +
		"p-1,c-1,2,2025-03-03,90853,x,a,0131,92\r\n" +
		"p-2,c-2,3,2025-03-03,G0176,1,a,0131,92\r\n"
	code, out, errOut := runWith(in, "-input", "claims", "-map", "member=patient,claim_id=claim,dos=date,hcpcs=code", "-")
	assert.Equal(t, exitBlocking, code)
	assert.Equal(t, "billingcheck: columns ignored: clinician\n", errOut)
	golden(t, "claims-export", out)
}

// TestClaimColumns checks the claim-line columns -h describes against
// schedule's ClaimReader: each is a column it reads, the required ones are
// required, and one of code and revenue is.
func TestClaimColumns(t *testing.T) {
	cols := claimColumns()
	var all []string
	for _, c := range cols {
		all = append(all, c.Names()...)
	}
	assert.Contains(t, all, "modifier4")
	assert.Contains(t, all, "condition4")
	read := func(header []string) error {
		_, err := schedule.NewClaimReader(strings.NewReader(strings.Join(header, ",")+"\n"), schedule.CSVOptions{})
		return err
	}
	require.NoError(t, read(all), "every column described is one the reader reads")
	without := func(names ...string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return slices.Contains(names, n) })
	}
	// Whether a header without the column is refused for a missing column.
	want, got := map[string]bool{}, map[string]bool{}
	for _, c := range cols {
		for _, n := range c.Names() {
			want[n] = c.Need == "required"
			err := read(without(n))
			got[n] = errors.Is(err, iop.ErrMissing)
			assert.True(t, err == nil || got[n], "%s: %v", n, err)
		}
	}
	assert.Equal(t, want, got)
	require.ErrorIs(t, read(without("code", "revenue")), iop.ErrMissing)
}

// TestDelivery checks that the delivery column is read and that telehealth
// counts as the profile says: not at all under Medicare IOP.
func TestDelivery(t *testing.T) {
	tests := []struct {
		delivery string
		counted  iop.Minutes
	}{
		{"", 180},
		{"in-person", 180},
		{"video", 0},
		{"audio-only", 0},
	}
	for _, tt := range tests {
		t.Run(tt.delivery, func(t *testing.T) {
			in := "patient,date,start,minutes,kind,attendance,delivery\np-1,2025-03-03,09:00,180,group,attended," + tt.delivery + "\n"
			_, out, errOut := runWith(in, "-format", "json", "-")
			assert.Equal(t, "billingcheck: without an episode, taken as adults admitted on their first session: p-1\n", errOut)
			var w struct {
				Summary schedule.WeekSummary `json:"summary"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &w))
			assert.Equal(t, tt.counted, w.Summary.Minutes)
			assert.Equal(t, 180-tt.counted, w.Summary.UncountedMinutes)
		})
	}
	t.Run("unknown", func(t *testing.T) {
		in := "patient,date,start,minutes,kind,attendance,delivery\np-1,2025-03-03,09:00,180,group,attended,phone\n"
		code, _, errOut := runWith(in, "-format", "csv", "-")
		assert.Equal(t, exitBlocking, code)
		assert.Equal(t, "billingcheck: row refused: sessions line 2: delivery: unknown value\n", errOut)
	})
}

// TestClaimsReadError checks that an I/O error while reading claim lines
// is input that cannot be read.
func TestClaimsReadError(t *testing.T) {
	in := io.MultiReader(strings.NewReader("patient,claim,line,date,code\np,c,1,2025-03-03,G0410\n"), &failReader{})
	var out, errOut bytes.Buffer
	code := run([]string{"-input", "claims", "-"}, in, &out, &errOut)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out.String())
	assert.Equal(t, "billingcheck: cannot read the input: claims: input/output error\n", errOut.String())
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("input/output error") }
