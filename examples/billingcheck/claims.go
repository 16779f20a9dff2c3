package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// claimRow is one claim: its lines' span and its findings.
type claimRow struct {
	claim, patient string
	lines          int
	from, through  date.Date // the first and last dates of service
	findings       iop.Findings
}

// checkClaims checks every claim of the claim lines read with
// Checker.AppendClaims, the lines grouped by claim (sorted by claim ID and
// line number), and returns one row per claim in that order, with its
// findings (those with its ID as subject).
func checkClaims(ck schedule.Checker, in *input) ([]claimRow, error) {
	lines := slices.Clone(in.lines)
	slices.SortStableFunc(lines, func(a, b schedule.ClaimLine) int {
		return cmp.Or(strings.Compare(a.Claim, b.Claim), cmp.Compare(a.Line, b.Line))
	})
	// The lines were validated when read, and each claim's name one patient
	// (readClaims): an error here is not one of the input's.
	all, err := ck.AppendClaims(nil, lines)
	if err != nil {
		return nil, fmt.Errorf("checking the claims: %w", err)
	}

	var rows []claimRow
	for i := 0; i < len(lines); {
		l := &lines[i]
		r := claimRow{claim: l.Claim, patient: l.Patient, from: l.Date, through: l.Date}
		for ; i < len(lines) && lines[i].Claim == r.claim; i++ {
			r.lines++
			r.from, r.through = min(r.from, lines[i].Date), max(r.through, lines[i].Date)
		}
		// The claim's findings are the next ones with its ID as subject.
		n := 0
		for n < len(all) && all[n].Subject == r.claim {
			n++
		}
		r.findings, all = all[:n:n], all[n:]
		if n == 0 {
			r.findings = nil
		}
		rows = append(rows, r)
	}
	if len(all) > 0 {
		return nil, fmt.Errorf("%d claim findings not matched to a claim", len(all))
	}
	return rows, nil
}
