package aftercare

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// FollowUpWindow is a window after discharge within which a follow-up
// contact must happen: Days days after the discharge (or index) date,
// counting the discharge day itself only when SameDayCounts. With
// SameDayCounts a 7-day window spans 8 calendar days (HEDIS FUA: "8 total
// days"); without it, the 7 days after the discharge day.
//
// A window with After counts from the day of the contact that met the
// window it names, not from the discharge: HEDIS IET engagement needs 2
// more services in the 34 days after the initiation contact. The contact
// that met that earlier window does not count again.
type FollowUpWindow struct {
	// Name identifies the window: "fuh-7", "iet-initiation".
	Name string `json:"name"`
	// Measure is the HEDIS measure the window is, when it is one.
	Measure Measure `json:"measure,omitzero"`
	// Index is the event the window counts from: zero for the program's
	// discharge; a HEDIS measure's own index event otherwise
	// ([Measure.Window]).
	Index IndexEvent `json:"index,omitzero"`
	Days  int        `json:"days"`
	// SameDayCounts says whether a contact on the discharge day itself
	// counts (HEDIS FUA and FUM: yes; FUH and FUI: no).
	SameDayCounts bool `json:"same_day_counts,omitzero"`
	// Contacts is how many contacts the window needs; zero means one.
	Contacts int `json:"contacts,omitzero"`
	// After names an earlier window of the same rules whose meeting
	// contact starts this window ("iet-initiation" for IET engagement);
	// empty means the window starts at the discharge.
	After string       `json:"after,omitzero"`
	Cite  iop.Citation `json:"cite"`
}

// Range returns the first and the last day of the window counted from day
// from (the discharge, or the contact that met the window named by After);
// both days are in the window. The first day is from itself only when
// SameDayCounts.
func (w FollowUpWindow) Range(from date.Date) (first, last date.Date) {
	first = from
	if !w.SameDayCounts {
		first++
	}
	return first, from + date.Date(w.Days)
}

// Need returns how many contacts the window needs: Contacts, or one when
// Contacts is zero or less.
func (w FollowUpWindow) Need() int { return max(w.Contacts, 1) }

// FollowUp is the aftercare part of a profile ([iop.Part]): the follow-up
// windows after discharge, in order. A window with After comes after the
// window it names. A profile without a FollowUp part holds a discharge to
// no follow-up window. In a profile's JSON it is the member "aftercare":
// {"windows": [...]}. FollowUp is a value; the library never changes its
// slice.
type FollowUp struct {
	Windows []FollowUpWindow `json:"windows,omitzero"`
}

// Package returns "aftercare", the part's key in a profile.
func (FollowUp) Package() string { return "aftercare" }

// Table returns the package's rule table, [Rules].
func (FollowUp) Table() iop.RuleTable { return Rules() }

// Validate reports every inconsistency of the windows, with paths
// relative to the part ("windows[2].days"): a window without a name or a
// name used twice, days out of range, an After that names no earlier
// window, a window without a citation.
func (r FollowUp) Validate(*iop.Profile) error {
	var v check.Validator
	for i, fw := range r.Windows {
		field := "windows[" + strconv.Itoa(i) + "]"
		if fw.Name == "" {
			v.Add(field+".name", iop.ErrMissing)
		}
		for _, prev := range r.Windows[:i] {
			if fw.Name != "" && prev.Name == fw.Name {
				v.Add(field+".name", iop.ErrDuplicate)
			}
		}
		if fw.Days <= 0 {
			v.Add(field+".days", fmt.Errorf("%w: must be at least 1", iop.ErrOutOfRange))
		}
		v.AtMost(field+".days", fw.Days, check.MaxDays)
		v.Count(field+".contacts", fw.Contacts, 100)
		if fw.Measure != 0 && !fw.Measure.IsValid() {
			v.Add(field+".measure", iop.ErrUnknown)
		}
		if fw.After != "" && !slices.ContainsFunc(r.Windows[:i], func(prev FollowUpWindow) bool { return prev.Name == fw.After }) {
			v.Add(field+".after", fmt.Errorf("%w: no earlier window has this name", iop.ErrMissing))
		}
		v.Cited(field+".cite", true, fw.Cite)
	}
	return v.Err()
}

// Window returns the window named name, and false when there is none.
func (r FollowUp) Window(name string) (FollowUpWindow, bool) {
	for _, w := range r.Windows {
		if w.Name == name {
			return w, true
		}
	}
	return FollowUpWindow{}, false
}
