package authorization

import (
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// CheckTurnaround checks how long the payer took to decide a's request,
// or has taken so far at instant at when it has not decided, against the
// profile's [Terms]: an expedited request within ExpeditedHours of the
// instant received, a standard one within StandardDays calendar days of
// the day received (in the location of a.Requested). A decision exactly at
// the limit meets it. Requests received before DecisionsFrom, and
// authorizations with no Requested instant, are not checked; nor is
// anything when the Terms set no limit. [CodeDecisionLate] is the finding.
// It returns an error when a is not valid or at is zero, and one wrapping
// [iop.ErrNotInForce] when ck's profile is not in force on the day
// received.
func (ck Checker) CheckTurnaround(a *Authorization, at time.Time) (iop.Findings, error) {
	return ck.AppendTurnaround(nil, a, at)
}

// AppendTurnaround is [Checker.CheckTurnaround] that appends the findings
// to dst; on error it returns dst unchanged.
func (ck Checker) AppendTurnaround(dst iop.Findings, a *Authorization, at time.Time) (iop.Findings, error) {
	if ck.r == nil {
		return dst, zeroChecker()
	}
	var es iop.FieldErrors
	validOne(&es, a)
	if at.IsZero() {
		es.Add("at", iop.ErrMissing)
	}
	if err := es.Err(); err != nil {
		return dst, err
	}
	t := &ck.r.terms
	if a.Requested.IsZero() {
		return dst, nil
	}
	received := date.NewAt(a.Requested)
	if err := ck.r.p.JudgeOn(received); err != nil {
		return dst, err // a request is judged by the profile in force on the day received
	}
	if t.DecisionsFrom != 0 && received < t.DecisionsFrom {
		return dst, nil
	}
	end := a.Decided
	if end.IsZero() {
		end = at
	}
	if a.Expedited {
		limit := time.Duration(t.ExpeditedHours) * time.Hour
		if took := end.Sub(a.Requested); t.ExpeditedHours > 0 && took > limit {
			dst = ck.r.add(dst, ruleDecisionLate, finding{subject: a.Number, ref: "expedited_hours", day: received,
				need: int64(limit / time.Minute), got: int64((took + time.Minute - 1) / time.Minute), unit: iop.UnitMinutes})
		}
		return dst, nil
	}
	if days := int64(date.NewAt(end.In(a.Requested.Location())) - received); t.StandardDays > 0 && days > int64(t.StandardDays) {
		dst = ck.r.add(dst, ruleDecisionLate, finding{subject: a.Number, ref: "standard_days", day: received,
			need: int64(t.StandardDays), got: days, unit: iop.UnitDays})
	}
	return dst, nil
}
