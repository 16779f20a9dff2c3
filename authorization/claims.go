package authorization

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// claimDays turns a stay's claim lines into use, in the order of the
// days: a line counts when some authorization lists its code or revenue
// code (or one lists none); a line that repeats another (the same claim
// and line number, as schedule counts it) counts once; each line is one
// visit and its units; the lines of one day and codes are added up.
func claimDays(auths []Authorization, lines []schedule.ClaimLine) []day {
	type lineUse struct {
		claim string
		line  int
		u     day
	}
	var ls []lineUse
	for i := range lines {
		l := &lines[i]
		inScope := false
		for j := range auths {
			inScope = inScope || auths[j].covers(l.Code, l.Revenue)
		}
		if inScope {
			ls = append(ls, lineUse{claim: l.Claim, line: l.Line, u: day{d: l.Date, k: byDay, code: l.Code, revenue: l.Revenue,
				visits: 1, units: int64(l.Units), minutes: int64(l.Minutes)}})
		}
	}
	// Repeats: the first of each claim and line number counts.
	slices.SortStableFunc(ls, func(a, b lineUse) int {
		if c := strings.Compare(a.claim, b.claim); c != 0 {
			return c
		}
		return cmp.Compare(a.line, b.line)
	})
	ls = slices.CompactFunc(ls, func(a, b lineUse) bool { return a.claim == b.claim && a.line == b.line })
	slices.SortStableFunc(ls, func(a, b lineUse) int {
		if c := cmp.Compare(a.u.d, b.u.d); c != 0 {
			return c
		}
		if c := strings.Compare(a.u.code, b.u.code); c != 0 {
			return c
		}
		return strings.Compare(a.u.revenue, b.u.revenue)
	})
	var days []day
	for _, l := range ls {
		if n := len(days); n > 0 && days[n-1].d == l.u.d && days[n-1].code == l.u.code && days[n-1].revenue == l.u.revenue {
			u := &days[n-1]
			u.visits++
			u.units += l.u.units
			u.minutes += l.u.minutes
			continue
		}
		days = append(days, l.u)
	}
	return days
}

// CheckClaims is [Checker.CheckStay] for a stay whose service is given as
// claim lines: each line counts against the authorization whose period
// holds its date of service and that lists its code or revenue code (an
// authorization that lists none covers every line); a line no
// authorization of the stay lists is not in scope and counts nothing. A
// day is one day however many lines it has, each line is a visit, and
// units are the lines' units; a line that repeats another (the same claim
// and line number) counts once, as [schedule.Checker.SummarizeClaims]
// counts it. Hours are counted from week summaries only: an authorization
// in hours is an error here. Lines may come in any order. Its other
// errors are CheckStay's, with lines named "lines[3].units".
func (ck Checker) CheckClaims(auths []Authorization, lines []schedule.ClaimLine, asOf, discharge date.Date) (iop.Findings, error) {
	return ck.AppendClaims(nil, auths, lines, asOf, discharge)
}

// AppendClaims is [Checker.CheckClaims] that appends the findings to dst;
// on error it returns dst unchanged.
func (ck Checker) AppendClaims(dst iop.Findings, auths []Authorization, lines []schedule.ClaimLine, asOf, discharge date.Date) (iop.Findings, error) {
	s, days, err := ck.claimStay(auths, lines, asOf, discharge)
	if err != nil {
		return dst, err
	}
	from := len(dst)
	for i := range days {
		dst = s.take(dst, &days[i])
	}
	return s.finish(dst, from), nil
}

// RemainingClaims is [Checker.Remaining] for a stay whose service is given
// as claim lines, counted as [Checker.CheckClaims] counts them.
func (ck Checker) RemainingClaims(auths []Authorization, lines []schedule.ClaimLine, asOf date.Date) ([]Remaining, error) {
	s, days, err := ck.claimStay(auths, lines, asOf, 0)
	if err != nil {
		return nil, err
	}
	for i := range days {
		s.take(nil, &days[i])
	}
	out := make([]Remaining, len(auths))
	for k := range auths {
		out[k] = s.remaining(k)
	}
	return out, nil
}

func (ck Checker) claimStay(auths []Authorization, lines []schedule.ClaimLine, asOf, discharge date.Date) (*stay, []day, error) {
	if ck.r == nil {
		return nil, nil, zeroChecker()
	}
	var es iop.FieldErrors
	patient := validStay(&es, auths, asOf, discharge)
	for i := range auths {
		if auths[i].Unit == QuantityUnitHours {
			es.Add("authorizations["+strconv.Itoa(i)+"].unit", errHoursOnClaims)
		}
	}
	for i := range lines {
		l := &lines[i]
		field := "lines[" + strconv.Itoa(i) + "]"
		if err := l.Validate(); err != nil {
			es.Add(field, err)
			continue
		}
		if patient == "" {
			patient = l.Patient
		} else if l.Patient != patient {
			es.Add(field+".patient", errOtherPatient)
		}
	}
	if err := es.Err(); err != nil {
		return nil, nil, err
	}
	if err := ck.r.p.JudgeOn(asOf); err != nil {
		return nil, nil, err
	}
	s := &stay{}
	s.init(ck.r, auths, patient, asOf, discharge)
	return s, claimDays(auths, lines), nil
}
