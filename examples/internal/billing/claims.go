package billing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// claimRow is one claim: its lines' span, the index of the profile it was
// checked against in the rules (ruleSet.profiles) and its findings.
type claimRow struct {
	claim, patient string
	lines          int
	from, through  date.Date // the first and last dates of service
	profile        int
	findings       iop.Findings
}

// checkClaims checks every claim of the claim lines read, the lines grouped
// by claim (sorted by claim ID and line number), each with Checker.AppendClaim
// against the profile in force on its first date of service, and returns
// one row per claim in that order, with its findings, and the claims no
// profile applies to.
func checkClaims(rs *ruleSet, in *input) ([]claimRow, []unchecked, error) {
	lines := slices.Clone(in.lines)
	slices.SortStableFunc(lines, func(a, b schedule.ClaimLine) int {
		return cmp.Or(strings.Compare(a.Claim, b.Claim), cmp.Compare(a.Line, b.Line))
	})

	// One findings slice for the whole batch; each row holds its part.
	var all iop.Findings
	var rows []claimRow
	var skipped []unchecked
	for i := 0; i < len(lines); {
		l := &lines[i]
		r := claimRow{claim: l.Claim, patient: l.Patient, from: l.Date, through: l.Date}
		j := i
		for ; j < len(lines) && lines[j].Claim == r.claim; j++ {
			r.lines++
			r.from, r.through = min(r.from, lines[j].Date), max(r.through, lines[j].Date)
		}
		claim := lines[i:j]
		i = j
		var err error
		if r.profile, err = rs.choose(r.from, "the claim's first day of service"); err != nil {
			skipped = append(skipped, unchecked{patient: r.patient, claim: r.claim, err: err})
			continue
		}
		// The lines were validated when read, and each claim's name one
		// patient (readClaims): an error here is not one of the input's.
		from := len(all)
		if all, err = rs.checkers[r.profile].AppendClaim(all, claim); err != nil {
			return nil, nil, fmt.Errorf("checking the claims: %w", err)
		}
		if len(all) > from {
			r.findings = all[from:len(all):len(all)]
		}
		rows = append(rows, r)
	}
	return rows, skipped, nil
}
