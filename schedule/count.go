package schedule

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/ioprules/ioprules/iop"
)

// Counting that cannot be inflated. The sessions of one patient-week are
// added up in a canonical order, the same whatever order they come in and
// the same in [Checker.Summarize] and a [Summarizer]:
//
//   - by day, then start, then the later end first, then the session that
//     counts first, then kind, attendance, planned minutes and ID;
//   - a session that repeats one already taken (the same non-empty ID, or
//     the same day, start and kind) is a duplicate: it counts nothing;
//   - a countable session's attended time is the interval from its start
//     for its attended minutes; the day's counted time is the union of
//     those intervals, so time overlapped counts once, and a session that
//     adds no time is no service.
//
// Claim lines have no start time: they are taken after the day's sessions,
// in order of claim and line, their time added as it is, and a line that
// repeats one already taken (the same claim ID and line number) is a
// duplicate.

// The bits of a canonical key, most significant first.
const (
	keyDayShift      = 61 // 3 bits: the day of the week, 0 to 6
	keyClaimShift    = 60 // 1 bit: a claim line (after the sessions)
	keyClockShift    = 44 // 16 bits: the start in minutes after midnight, or the claim line's number
	keyEndShift      = 28 // 16 bits: 0xFFFF minus the end (the later end first)
	keyUncountShift  = 27 // 1 bit: the session does not count (those that count first)
	keyKindShift     = 19 // 8 bits: the kind
	keyAttendShift   = 16 // 3 bits: the attendance
	keyPlannedShift  = 0  // 16 bits: the planned minutes
	keyClaim         = uint64(1) << keyClaimShift
	keyUncounted     = uint64(1) << keyUncountShift
	maxClaimLine     = math.MaxUint16
	keyDayClockMask  = ^uint64(0) &^ (uint64(1)<<keyClockShift - 1)
	keyKindMask      = uint64(0xFF) << keyKindShift
	keyAttendMask    = uint64(0x7) << keyAttendShift
	keyPlannedMask   = uint64(0xFFFF)
	keyEndMask       = uint64(0xFFFF) << keyEndShift
	keyClockMaskOnly = uint64(0xFFFF) << keyClockShift
)

// sessionKey returns the canonical key of a valid session on day d of its
// week, attended for m minutes.
func sessionKey(s *Session, d int, m iop.Minutes, counts bool) uint64 {
	clock := uint64(s.Start.m - 1)
	k := uint64(d)<<keyDayShift | clock<<keyClockShift | (0xFFFF-(clock+uint64(m)))<<keyEndShift |
		uint64(s.Kind)<<keyKindShift | uint64(s.Attendance)<<keyAttendShift | uint64(s.Planned)
	if !counts {
		k |= keyUncounted
	}
	return k
}

// claimKey returns the canonical key of claim line number line on day d,
// standing for m minutes of service of kind k.
func claimKey(d, line int, m iop.Minutes, k iop.ServiceKind, counts bool) uint64 {
	key := uint64(d)<<keyDayShift | keyClaim | uint64(min(max(line, 0), maxClaimLine))<<keyClockShift |
		(0xFFFF-uint64(min(m, 0xFFFF)))<<keyEndShift | uint64(k)<<keyKindShift | uint64(Attended)<<keyAttendShift
	if !counts {
		key |= keyUncounted
	}
	return key
}

// keyLess orders two records by their keys, then IDs.
func keyLess(ka uint64, ida string, kb uint64, idb string) bool {
	if ka != kb {
		return ka < kb
	}
	return ida < idb
}

// keyCmp is keyLess as a comparison.
func keyCmp(ka uint64, ida string, kb uint64, idb string) int {
	switch {
	case ka < kb:
		return -1
	case ka > kb:
		return 1
	}
	return strings.Compare(ida, idb)
}

// smallIDs is the number of IDs an accumulator keeps in an array before it
// turns to a map.
const smallIDs = 8

// keptID is an ID taken in a week: a session ID (line 0) or a claim ID with
// its line number (line+1).
type keptID struct {
	id   string
	line uint32
}

// accumulator adds up one patient-week's records in canonical order.
type accumulator struct {
	day      int    // the day of the run of records, -1 before the first
	runClock uint16 // the start of the current run of sessions
	runKinds uint64 // the kinds of the sessions taken in the run (bits)
	covered  uint16 // the end of the day's counted time so far
	nids     int
	ids      [smallIDs]keptID
	big      map[keptID]struct{} // beyond smallIDs; reused when not nil
}

// reset starts a new week.
func (a *accumulator) reset() {
	a.day, a.nids = -1, 0
	if len(a.big) > 0 {
		clear(a.big)
	}
}

// seen reports whether id was taken before in the week, taking it if not.
func (a *accumulator) seen(id keptID) bool {
	for i := range a.nids {
		if a.ids[i] == id {
			return true
		}
	}
	if len(a.big) > 0 {
		if _, ok := a.big[id]; ok {
			return true
		}
	}
	if a.nids < smallIDs {
		a.ids[a.nids] = id
		a.nids++
		return false
	}
	if a.big == nil {
		a.big = make(map[keptID]struct{})
	}
	a.big[id] = struct{}{}
	return false
}

// add adds to sum the record of key, planned and attended minutes and ID
// (the session's, or the claim's), the records coming in canonical order.
func (a *accumulator) add(sum *WeekSummary, key uint64, planned, attended iop.Minutes, id string) {
	a.take(sum, int(key>>keyDayShift), uint16((key&keyClockMaskOnly)>>keyClockShift), uint8((key&keyKindMask)>>keyKindShift),
		Attendance((key&keyAttendMask)>>keyAttendShift), key&keyUncounted == 0, key&keyClaim != 0, planned, attended, id)
}

// take is add with the key's parts: the day of the week d, the start clock
// (a claim line's number), the kind, attendance, whether the record counts
// and is a claim line.
func (a *accumulator) take(sum *WeekSummary, d int, clock uint16, kind uint8, att Attendance, counts, claim bool,
	planned, attended iop.Minutes, id string) {
	if d != a.day {
		a.day, a.covered, a.runClock, a.runKinds = d, 0, 0xFFFF, 0
	}
	// Duplicates.
	dup := false
	switch {
	case claim:
		dup = id != "" && a.seen(keptID{id, uint32(clock) + 1})
	default:
		if clock != a.runClock {
			a.runClock, a.runKinds = clock, 0
		}
		dup = a.runKinds>>kind&1 != 0
		if !dup && id != "" {
			dup = a.seen(keptID{id, 0})
		}
		a.runKinds |= 1 << kind
	}
	if dup {
		m := iop.Minutes(0)
		if counts {
			m = attended
		}
		sum.Duplicates.add(m, id)
		return
	}
	inc32(&sum.Sessions)
	if !counts {
		sum.UncountedMinutes = addMinutes(sum.UncountedMinutes, attended)
		return
	}
	switch att {
	case Attended:
	case Absent:
		inc32(&sum.Absent)
	case Excused:
		inc32(&sum.Excused)
	case Partial:
		inc32(&sum.Partial)
	}
	if planned != attended {
		sum.MissedMinutes = addMinutes(sum.MissedMinutes, planned-attended)
	}
	if attended <= 0 && !claim {
		return // an absence: no service
	}
	counted := attended
	if !claim {
		end := clock + uint16(attended)
		from := max(clock, a.covered)
		counted = 0
		if end > from {
			counted = iop.Minutes(end - from)
		}
		a.covered = max(a.covered, end)
		if counted < attended {
			sum.Overlaps.add(attended-counted, id)
		}
		if counted == 0 {
			return // no time of its own: no service
		}
	}
	sum.Minutes = addMinutes(sum.Minutes, counted)
	sum.DayMinutes[d] = addMinutes(sum.DayMinutes[d], counted)
	if sum.DayServices[d] < math.MaxUint16 {
		sum.DayServices[d]++
	}
}

// add counts a session of m minutes not counted, with ID id.
func (r *Repeats) add(m iop.Minutes, id string) {
	if r.Sessions == 0 {
		r.First = id
	}
	inc32(&r.Sessions)
	r.Minutes = addMinutes(r.Minutes, m)
}

// idOK reports whether id passes [iop.CheckID] and holds no replacement
// character (U+FFFD: what a JSON decoder makes of invalid UTF-8, so that
// JSON and CSV refuse the same IDs). Printable ASCII takes a fast path.
func idOK(id string) bool {
	if len(id) == 0 || len(id) > iop.MaxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c < 0x20 || c >= 0x7f {
			return checkID(id) == nil
		}
	}
	return true
}

// checkID is [iop.CheckID] that also refuses the replacement character.
func checkID(id string) error {
	if err := iop.CheckID(id); err != nil {
		return err
	}
	if strings.ContainsRune(id, utf8.RuneError) {
		return errIDReplacement
	}
	return nil
}
