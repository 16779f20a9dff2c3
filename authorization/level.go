package authorization

import (
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
)

// CheckLevel compares the level of care a authorizes with the level
// decision d placed the patient at ([eligibility.Decision.Placed]: the
// level given, or the one recommended): a less intensive authorized level
// is [CodeLevelBelowDelivered] (Subject the authorization's number). An
// authorization that certifies nothing authorizes no level and is not
// compared. It returns an error when a is not valid or d has no level.
func (ck Checker) CheckLevel(a *Authorization, d *eligibility.Decision) (iop.Findings, error) {
	return ck.AppendLevel(nil, a, d)
}

// AppendLevel is [Checker.CheckLevel] that appends the findings to dst; on
// error it returns dst unchanged.
func (ck Checker) AppendLevel(dst iop.Findings, a *Authorization, d *eligibility.Decision) (iop.Findings, error) {
	if ck.r == nil {
		return dst, zeroChecker()
	}
	var es iop.FieldErrors
	validOne(&es, a)
	var delivered iop.Level
	if d != nil {
		delivered = d.Placed()
	}
	if !delivered.IsValid() {
		es.Add("decision", errNoDecision)
	}
	if err := es.Err(); err != nil {
		return dst, err
	}
	if !a.Action.Certifies() || a.Level.Compare(delivered) >= 0 {
		return dst, nil
	}
	return ck.r.add(dst, ruleLevelBelowDelivered, finding{subject: a.Number, level: delivered,
		need: int64(delivered.Intensity()), got: int64(a.Level.Intensity()), unit: iop.UnitIntensity}), nil
}
