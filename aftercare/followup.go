package aftercare

import (
	"github.com/rickb777/date/v2"
)

// windowResult is how one follow-up window stands on the day judged.
type windowResult struct {
	// kept counts the contacts kept in the window by the day judged;
	// planned adds those after it that are scheduled.
	kept, planned int
	// met is the day of the contact that met the window (the need-th kept
	// one), and metAt its index; zero and -1 when not met.
	met   date.Date
	metAt int
	// due is the day the window will be met if the contacts planned
	// happen, and dueAt its index; zero and -1 when too few are planned.
	due   date.Date
	dueAt int
	// last is the window's last day; zero when skipped.
	last date.Date
	// closed says the window's last day is before the day judged (or that
	// it counts from a window that closed unmet): it can no longer be met.
	closed bool
	// skipped says the window counts from a window neither met nor
	// planned, so it is not judged on its own.
	skipped bool
}

// maxStackWindows is how many windows evalWindows judges without
// allocating; profiles hold 2 to 4.
const maxStackWindows = 8

// evalWindows judges each follow-up window of ws for a discharge on day
// discharged, with contacts in date order, as of day asOf, and appends the
// results to dst in the order of ws. A contact counts as kept when its
// status is [ContactStatusKept] and its day is not after asOf; a contact after
// asOf that is scheduled (or recorded as kept ahead of time) counts as
// planned. A window with After counts from the day its anchor window was
// met (or will be, if only planned), and the contact that met the anchor
// does not count again.
func evalWindows(dst []windowResult, ws []FollowUpWindow, discharged date.Date, contacts []Contact, asOf date.Date) []windowResult {
	base := len(dst)
	for i, w := range ws {
		from, exclude := discharged, -1
		if w.After != "" {
			a, ok := anchor(ws[:i], dst[base:], w.After)
			switch {
			case !ok || a.skipped || (a.met == 0 && a.due == 0):
				dst = append(dst, windowResult{metAt: -1, dueAt: -1, skipped: true, closed: ok && a.closed})
				continue
			case a.met != 0:
				from, exclude = a.met, a.metAt
			default:
				from, exclude = a.due, a.dueAt
			}
		}
		first, last := w.Range(from)
		need := w.Need()
		r := windowResult{metAt: -1, dueAt: -1, last: last, closed: asOf > last}
		for k, c := range contacts {
			if k == exclude || c.On < first || c.On > last {
				continue
			}
			switch {
			case c.Status == ContactStatusKept && c.On <= asOf:
				r.kept++
				if r.kept == need {
					r.met, r.metAt = c.On, k
				}
			case c.On > asOf && (c.Status == ContactStatusScheduled || c.Status == ContactStatusKept):
				// still to come: counts as planned only
			default:
				continue
			}
			r.planned++
			if r.planned == need {
				r.due, r.dueAt = c.On, k
			}
		}
		dst = append(dst, r)
	}
	return dst
}

// anchor returns the result of the window named name among ws, whose
// results are rs.
func anchor(ws []FollowUpWindow, rs []windowResult, name string) (windowResult, bool) {
	for j, w := range ws {
		if w.Name == name {
			return rs[j], true
		}
	}
	return windowResult{}, false
}

// followUpApplies reports whether follow-up windows apply after discharge
// d: not after a death, and not after a step up to more intensive care
// (HEDIS FUH and FUI leave out direct transfers to inpatient or
// residential care; the receiving program takes the person in).
func followUpApplies(d Discharge) bool {
	return d.Reason != DischargeReasonDied && d.Step != StepUp
}
