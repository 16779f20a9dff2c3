package authorization

import (
	"strconv"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// CheckStays is [Checker.CheckStay] for many patients at once, the batch
// path of a billing run: auths sorted by patient record ID (byte order;
// any order within a patient), and weeks sorted by patient and then week,
// as a [schedule.Summarizer] gives them. Each patient's weeks are checked
// against that patient's authorizations on day asOf, patient after
// patient, with no discharge planned; a patient with weeks and no
// authorization has every day of service reported, and one with
// authorizations and no weeks still has its reviews and overlaps checked.
//
// It is all or nothing: when an authorization or a week is not valid, or
// either list is out of order, it returns an error naming each
// ("authorizations[4].expiration", "weeks[17].patient") and no findings.
// Once dst has room it does not allocate when no patient has more than 8
// authorizations.
func (ck Checker) CheckStays(auths []Authorization, weeks []schedule.WeekSummary, asOf date.Date) (iop.Findings, error) {
	return ck.AppendStays(nil, auths, weeks, asOf)
}

// AppendStays is [Checker.CheckStays] that appends the findings to dst;
// on error it returns dst unchanged.
func (ck Checker) AppendStays(dst iop.Findings, auths []Authorization, weeks []schedule.WeekSummary, asOf date.Date) (iop.Findings, error) {
	if ck.r == nil {
		return dst, zeroChecker()
	}
	if err := validStays(auths, weeks, asOf); err != nil {
		return dst, err
	}
	if err := ck.r.p.JudgeOn(asOf); err != nil {
		return dst, err
	}
	var s stay
	for i, j := 0, 0; i < len(auths) || j < len(weeks); {
		// The next patient in order, from either list.
		var patient string
		switch {
		case i == len(auths):
			patient = weeks[j].Patient
		case j == len(weeks) || auths[i].Patient <= weeks[j].Patient:
			patient = auths[i].Patient
		default:
			patient = weeks[j].Patient
		}
		ai := i
		for i < len(auths) && auths[i].Patient == patient {
			i++
		}
		wj := j
		for j < len(weeks) && weeks[j].Patient == patient {
			j++
		}
		s.init(ck.r, auths[ai:i], patient, asOf, 0)
		from := len(dst)
		dst = s.walkWeeks(dst, weeks[wj:j])
		dst = s.finish(dst, from)
	}
	return dst, nil
}

// validStays checks the arguments of a batch: valid authorizations and
// weeks, each list sorted by patient, each patient's weeks in order.
func validStays(auths []Authorization, weeks []schedule.WeekSummary, asOf date.Date) error {
	// The common case, checked without building errors.
	ok := iop.CheckServiceDate(asOf) == nil
	for i := 0; ok && i < len(auths); i++ {
		a := &auths[i]
		ok = a.valid() && a.Unit != QuantityUnitUnits && (i == 0 || auths[i-1].Patient <= a.Patient)
	}
	for i := 0; ok && i < len(weeks); i++ {
		w := &weeks[i]
		ok = w.Week.IsValid() && nonNegative(w)
		if ok && i > 0 {
			p := &weeks[i-1]
			ok = p.Patient < w.Patient || p.Patient == w.Patient && p.Week.End() <= w.Week.Start()
		}
	}
	if ok {
		return nil
	}
	var es iop.FieldErrors
	if err := iop.CheckServiceDate(asOf); err != nil {
		es.Add("asOf", err)
	}
	for i := 0; i < len(auths); {
		j := i + 1
		for j < len(auths) && auths[j].Patient == auths[i].Patient {
			j++
		}
		validAuths(&es, auths[i:j], i)
		unitsOnWeeks(&es, auths[i:j], i)
		if j < len(auths) && auths[j].Patient < auths[i].Patient {
			es.Add("authorizations["+strconv.Itoa(j)+"].patient", errPatientOrder)
		}
		i = j
	}
	for i := 0; i < len(weeks); {
		j := i + 1
		for j < len(weeks) && weeks[j].Patient == weeks[i].Patient {
			j++
		}
		validWeeks(&es, weeks[i:j], weeks[i].Patient, "weeks", i)
		if j < len(weeks) && weeks[j].Patient < weeks[i].Patient {
			es.Add("weeks["+strconv.Itoa(j)+"].patient", errPatientOrder)
		}
		i = j
	}
	return es.Err()
}

func nonNegative(w *schedule.WeekSummary) bool {
	for _, m := range w.DayMinutes {
		if m < 0 {
			return false
		}
	}
	return true
}
