package billing

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClaimsJSONRoundTrip decodes every line of -input claims -format json
// back into the library's types and compares them with what the library
// gives on the same export by its single-week and single-claim paths
// (Checker.SummarizeClaims, CheckWeek, CheckClaim, DaysIn).
func TestClaimsJSONRoundTrip(t *testing.T) {
	out := jsonReport(t, "medicare-iop", "iso", Options{Input: InputClaims, Setting: iop.ProviderHospitalOutpatient,
		Columns: map[string]string{"date_of_service": "date"}}, sampleClaims, "")
	var weeks []libraryRow
	var apcs [][]string
	var claims []claimRow
	var claimProfiles []string
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if bytes.HasPrefix(sc.Bytes(), []byte(`{"claim":`)) {
			var c struct {
				Claim    string        `json:"claim"`
				Patient  string        `json:"patient"`
				Lines    int           `json:"lines"`
				From     date.Date     `json:"from"`
				Through  date.Date     `json:"through"`
				Profile  string        `json:"profile"`
				Result   string        `json:"result"`
				Findings []jsonFinding `json:"findings"`
			}
			require.NoError(t, dec.Decode(&c), sc.Text())
			fs := plainFindings(t, c.Profile, c.Findings)
			assert.Equal(t, wantResult(fs), c.Result)
			claims = append(claims, claimRow{claim: c.Claim, patient: c.Patient, lines: c.Lines, from: c.From, through: c.Through, findings: fs})
			claimProfiles = append(claimProfiles, c.Profile)
			continue
		}
		var w struct {
			Patient     string               `json:"patient"`
			Week        schedule.Week        `json:"week"`
			From        string               `json:"from"`
			Minutes     iop.Minutes          `json:"minutes"`
			Days        int                  `json:"days"`
			DayServices [7]uint16            `json:"day_services"`
			DayAPCs     []string             `json:"day_apcs"`
			Profile     string               `json:"profile"`
			Result      string               `json:"result"`
			Held        []date.Date          `json:"held"`
			Findings    []jsonFinding        `json:"findings"`
			Summary     schedule.WeekSummary `json:"summary"`
		}
		require.NoError(t, dec.Decode(&w), sc.Text())
		assert.Equal(t, w.Summary.Patient, w.Patient)
		assert.Equal(t, w.Summary.Week, w.Week)
		fs := plainFindings(t, w.Profile, w.Findings)
		assert.Equal(t, wantResult(fs), w.Result)
		weeks = append(weeks, libraryRow{w.Summary, w.Profile, fs})
		apcs = append(apcs, w.DayAPCs)
	}
	require.NoError(t, sc.Err())

	wantWeeks, wantAPCs, wantClaims, wantProfiles := libraryClaims(t)
	assert.Equal(t, wantWeeks, weeks)
	assert.Equal(t, wantAPCs, apcs)
	assert.Equal(t, wantClaims, claims)
	assert.Equal(t, wantProfiles, claimProfiles)
}

// libraryClaims computes the claim-line sample's patient-weeks, their
// APCs in a hospital, and its claims, each against the Medicare IOP
// profile in force on its first date of service, with the library
// directly, one patient-week and one claim at a time; and the IDs of the
// claims' profiles.
func libraryClaims(t *testing.T) ([]libraryRow, [][]string, []claimRow, []string) {
	t.Helper()
	cr, err := schedule.NewClaimReader(strings.NewReader(sampleClaims), schedule.CSVOptions{
		Columns: map[string]string{"date_of_service": "date"}, IgnoreExtra: true})
	require.NoError(t, err)
	var lines []schedule.ClaimLine
	for l, err := range cr.All() {
		var re *schedule.RowError
		if errors.As(err, &re) {
			continue
		}
		require.NoError(t, err)
		lines = append(lines, l)
	}
	require.Equal(t, []string{"clinician", "payer_plan"}, cr.Extra())

	// Patient-weeks: each patient's lines by ISO week, in patient and week
	// order; the episode starts on the patient's first day of service.
	type key struct {
		patient string
		week    schedule.Week
	}
	byWeek := map[key][]schedule.ClaimLine{}
	first := map[string]date.Date{}
	for _, l := range lines {
		k := key{l.Patient, schedule.ISOWeeks().Of(l.Date)}
		byWeek[k] = append(byWeek[k], l)
		if d, ok := first[l.Patient]; !ok || l.Date < d {
			first[l.Patient] = l.Date
		}
	}
	var keys []key
	for k := range byWeek {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.patient, b.patient); c != 0 {
			return c
		}
		return int(a.week.Start() - b.week.Start())
	})
	var weeks []libraryRow
	var apcs [][]string
	for _, k := range keys {
		day := byWeek[k][0].Date
		for _, l := range byWeek[k] {
			day = min(day, l.Date)
		}
		ck := asOf(t, day)
		sum, err := ck.SummarizeClaims(k.week, byWeek[k])
		require.NoError(t, err)
		ep := schedule.Stay{Population: iop.PopulationAdult, Admitted: first[k.patient], Setting: iop.ProviderHospitalOutpatient}
		fs, err := ck.CheckWeek(&sum, ep)
		require.NoError(t, err)
		weeks = append(weeks, libraryRow{sum, ck.Profile().ID, fs})
		var a []string
		for _, d := range ck.DaysIn(sum, iop.ProviderHospitalOutpatient) {
			a = append(a, d.APC)
		}
		apcs = append(apcs, a)
	}

	// Claims, in claim ID order.
	byClaim := map[string][]schedule.ClaimLine{}
	for _, l := range lines {
		byClaim[l.Claim] = append(byClaim[l.Claim], l)
	}
	var claims []claimRow
	var profiles []string
	for _, id := range slices.Sorted(func(yield func(string) bool) {
		for id := range byClaim {
			if !yield(id) {
				return
			}
		}
	}) {
		ls := byClaim[id]
		c := claimRow{claim: id, patient: ls[0].Patient, lines: len(ls), from: ls[0].Date, through: ls[0].Date}
		for _, l := range ls {
			c.from, c.through = min(c.from, l.Date), max(c.through, l.Date)
		}
		ck := asOf(t, c.from)
		c.findings, err = ck.CheckClaim(ls)
		require.NoError(t, err)
		claims = append(claims, c)
		profiles = append(profiles, ck.Profile().ID)
	}
	return weeks, apcs, claims, profiles
}

// TestPerDiem checks the per diem line of the text report in a setting
// with APCs and in one paid outside them.
func TestPerDiem(t *testing.T) {
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2024())
	require.NoError(t, err)
	sum := schedule.WeekSummary{Patient: "p-1", Week: schedule.MustParseWeek("2025-W10"), DayServices: [7]uint16{3, 0, 4, 0, 2, 0, 0}}
	assert.Equal(t, "Mon APC 5861, Wed APC 5862", perDiem(ck.DaysIn(sum, iop.ProviderHospitalOutpatient)))
	assert.Equal(t, "Mon APC 5851, Wed APC 5852", perDiem(ck.DaysIn(sum, iop.ProviderCMHC)))
	assert.Equal(t, "Mon 3 services (no APC), Wed 4 or more services (no APC)", perDiem(ck.DaysIn(sum, iop.ProviderRHC)))
	assert.Equal(t, "no day reaches a payment tier", perDiem(ck.DaysIn(schedule.WeekSummary{Patient: "p-1", Week: sum.Week}, iop.ProviderCMHC)))
}

// FuzzClaimsInput reads and checks arbitrary claim lines: it never panics
// or fails, every refused row names a line, each claim names one patient,
// and every claim line kept is in one claim row.
func FuzzClaimsInput(f *testing.F) {
	f.Add(sampleClaims)
	f.Add("patient,claim,line,date,code\np,c,1,2025-03-03,G0410\nq,c,2,2025-03-03,G0410\n")
	f.Add("patient,claim,line,date,code\nq,c,2,2025-03-03,G0410\np,c,1,2025-03-03,G0410\np,c,1,2025-03-04,G0410\n")
	f.Add("patient,claim,line,date,code\n\"")
	rs, ok, err := newRuleSet("medicare-iop")
	require.NoError(f, err)
	require.True(f, ok)
	f.Fuzz(func(t *testing.T, s string) {
		in, err := readInput(strings.NewReader(s), nil, readOptions{kind: inputClaims, mapping: map[string]string{"date_of_service": "date"}})
		if err != nil {
			return
		}
		for _, re := range in.rowErrors {
			assert.Positive(t, re.line)
		}
		assert.True(t, slices.IsSortedFunc(in.rowErrors, func(a, b rowError) int { return a.line - b.line }))
		require.Len(t, in.lineAt, len(in.lines))
		patient := map[string]string{}
		for _, l := range in.lines {
			if p, ok := patient[l.Claim]; ok {
				assert.Equal(t, p, l.Patient, "claim %q", l.Claim)
			}
			patient[l.Claim] = l.Patient
		}
		rows, skipped, err := checkClaims(rs, in)
		require.NoError(t, err)
		assert.Len(t, rows, len(patient)-len(skipped))
		n := 0
		for _, r := range rows {
			assert.True(t, rs.profiles[r.profile].InForceOn(r.from), "claim %q", r.claim)
			n += r.lines
			for _, f := range r.findings {
				assert.Equal(t, r.claim, f.Subject)
			}
		}
		for _, u := range skipped {
			for _, l := range in.lines {
				if l.Claim == u.claim {
					n++
				}
			}
		}
		assert.Len(t, in.lines, n)
	})
}
