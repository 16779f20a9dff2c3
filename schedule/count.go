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
//     the same day, start and kind) is a duplicate: it counts nothing; so
//     is a session whose ID the patient has on a session of an earlier
//     week (the later week has the duplicate);
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
		(0xFFFF-uint64(min(m, 0xFFFF)))<<keyEndShift | uint64(k)<<keyKindShift | uint64(AttendanceAttended)<<keyAttendShift
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
// turns to a map: a week of one claim's lines keeps one a line (claim and
// line number), so a week of up to 32 lines is summarised without
// allocating.
const smallIDs = 32

// keptID is an ID taken in a week: a session ID (line 0) or a claim ID with
// its line number (line+1).
type keptID struct {
	id   string
	line uint32
}

// tally is the one counting core: every path that adds up a patient-week
// ([counter.summarizeSimple], [counter.summarizeOrdered], and the
// [accumulator] of [Checker.Summarize]'s unordered path and of a
// [Summarizer]) feeds it the week's records in canonical order, and it
// alone decides what counts: the repeats of a run (the same day, start and
// kind), the time overlapped, the absences, the time missed and uncounted.
// The paths differ only in how they find the order and the repeated IDs.
type tally struct {
	day      int    // the day of the run of records, -1 before the first
	runClock uint16 // the start of the current run of sessions
	runKinds uint64 // the kinds of the sessions taken in the run (bits)
	covered  uint16 // the end of the day's counted time so far
	coverID  string // the ID of the session whose time ends at covered
	// minService is the time of its own a session needs to be a service
	// (a minute when zero).
	minService uint16
}

// enter moves the tally to day d of the week, starting the day afresh when
// it is another day than the last record's.
func (t *tally) enter(d int) {
	if d != t.day {
		t.day, t.covered, t.coverID, t.runClock, t.runKinds = d, 0, "", 0xFFFF, 0
	}
}

// repeat reports whether a session starting at clock with kind kind repeats
// one taken in its run (the same day, start and kind), and takes it.
func (t *tally) repeat(clock uint16, kind uint8) bool {
	if clock != t.runClock {
		t.runClock, t.runKinds = clock, 0
	}
	dup := t.runKinds>>kind&1 != 0
	t.runKinds |= 1 << kind
	return dup
}

// count adds to sum one record of day d (the day [tally.enter] moved to):
// a session starting at clock, or a claim line (claim), of attendance att,
// that counts toward the hours or not, planned and attended for the
// minutes given, with ID id; dup says it repeats a record taken before,
// by its run or its ID, and then it counts nothing but the repeat.
func (t *tally) count(sum *WeekSummary, d int, clock uint16, att Attendance, counts, claim, dup bool,
	planned, attended iop.Minutes, id string, in iop.Input) {
	if dup {
		m := iop.Minutes(0)
		if counts {
			m = attended
		}
		sum.Duplicates.add(m, id, in)
		return
	}
	inc32(&sum.Sessions)
	if !counts {
		sum.UncountedMinutes = addMinutes(sum.UncountedMinutes, attended)
		return
	}
	switch att {
	case AttendanceAttended:
	case AttendanceAbsent:
		inc32(&sum.Absent)
	case AttendanceExcused:
		inc32(&sum.Excused)
	case AttendancePartial:
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
		// The union of the day's intervals: time overlapped counts once.
		end := clock + uint16(attended)
		from := max(clock, t.covered)
		counted = 0
		if end > from {
			counted = iop.Minutes(end - from)
		}
		other := t.coverID
		if end > t.covered {
			t.covered, t.coverID = end, id
		}
		if counted < attended {
			sum.Overlaps.overlap(attended-counted, id, other, in)
		}
		if counted == 0 {
			return // no time of its own: no service
		}
		if counted < iop.Minutes(max(t.minService, 1)) {
			// Too little time of its own to be a service: its time counts.
			sum.Minutes = addMinutes(sum.Minutes, counted)
			sum.DayMinutes[d] = addMinutes(sum.DayMinutes[d], counted)
			return
		}
	}
	serve(sum, d, counted)
}

// serve adds a service of counted minutes on day d to sum: the last step
// of [tally.count], and the whole of it for a session that the one-pass
// path has shown to count in full ([counter.summarizeSimple]).
func serve(sum *WeekSummary, d int, counted iop.Minutes) {
	sum.Minutes = addMinutes(sum.Minutes, counted)
	sum.DayMinutes[d] = addMinutes(sum.DayMinutes[d], counted)
	if sum.DayServices[d] < math.MaxUint16 {
		sum.DayServices[d]++
	}
}

// accumulator adds up one patient-week's records in canonical order with
// the [tally], keeping the IDs taken to find the repeated ones.
type accumulator struct {
	t    tally
	nids int
	ids  [smallIDs]keptID
	big  map[keptID]struct{} // beyond smallIDs; reused when not nil
	// prior holds the session IDs of the patient's earlier weeks: a
	// session of one of them repeats a session already counted. Nil when
	// there is none; not cleared by reset.
	prior *priorIDs
}

// priorIDs is the set of the session IDs of a patient's earlier weeks. A
// filter of 1024 bits says when an ID may be in it; only then are the IDs
// compared, one by one up to 64 of them, through a map made then beyond.
type priorIDs struct {
	bits [16]uint64
	ids  []string
	set  map[string]struct{}
}

func (p *priorIDs) reset() {
	if len(p.ids) > 0 {
		p.bits, p.ids, p.set = [16]uint64{}, p.ids[:0], nil
	}
}

func (p *priorIDs) add(id string) {
	h := idHash(id)
	p.bits[h>>28] |= 1 << (h >> 22 & 63)
	p.ids = append(p.ids, id)
	if p.set != nil {
		p.set[id] = struct{}{}
	}
}

func (p *priorIDs) has(id string) bool {
	if p == nil || len(p.ids) == 0 {
		return false
	}
	if h := idHash(id); p.bits[h>>28]&(1<<(h>>22&63)) == 0 {
		return false
	}
	if len(p.ids) <= 64 {
		for _, x := range p.ids {
			if x == id {
				return true
			}
		}
		return false
	}
	if p.set == nil {
		p.set = make(map[string]struct{}, len(p.ids))
		for _, x := range p.ids {
			p.set[x] = struct{}{}
		}
	}
	_, ok := p.set[id]
	return ok
}

// reset starts a new week.
func (a *accumulator) reset() {
	a.t.day, a.nids = -1, 0
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
func (a *accumulator) add(sum *WeekSummary, key uint64, planned, attended iop.Minutes, id string, in iop.Input) {
	a.take(sum, int(key>>keyDayShift), uint16((key&keyClockMaskOnly)>>keyClockShift), uint8((key&keyKindMask)>>keyKindShift),
		Attendance((key&keyAttendMask)>>keyAttendShift), key&keyUncounted == 0, key&keyClaim != 0, planned, attended, id, in)
}

// take is add with the key's parts: the day of the week d, the start clock
// (a claim line's number), the kind, attendance, whether the record counts
// and is a claim line; in is where the record was read.
func (a *accumulator) take(sum *WeekSummary, d int, clock uint16, kind uint8, att Attendance, counts, claim bool,
	planned, attended iop.Minutes, id string, in iop.Input) {
	a.t.enter(d)
	dup := false
	switch {
	case claim:
		dup = id != "" && a.seen(keptID{id, uint32(clock) + 1})
	default:
		dup = a.t.repeat(clock, kind)
		if !dup && id != "" {
			dup = a.prior.has(id)
		}
		if !dup && id != "" {
			dup = a.seen(keptID{id, 0})
		}
	}
	a.t.count(sum, d, clock, att, counts, claim, dup, planned, attended, id, in)
}

// summarizeSimple adds up, into the zero sum, the sessions of week w in the
// common case, in one short pass: every session of the week valid, of the
// first one's patient, attended in full, in person, of a kind that counts,
// and starting no earlier than the one before it on the same day ends (so
// in canonical order, with no duplicate by date, start and kind and no
// overlap), and no session ID seen twice. Each then counts its planned
// minutes as a service. It returns false, sum then to be discarded, as soon
// as a session is not so.
func (c *counter) summarizeSimple(sum *WeekSummary, w Week, sessions []Session) bool {
	// A week of plausible service dates: the sessions in it need not be
	// checked one by one.
	if !serviceDate(w.start) || !serviceDate(w.start+daysPerWeek-1) {
		return false
	}
	simple := c.kinds & c.valid // the kinds of a simple session
	var (
		patient string
		lastEnd uint64    // the end of the last session, as day<<11 | minute
		idBits  [4]uint64 // the filter of the session IDs
		idScans int       // the times the IDs before were compared
		n       int32     // sessions, at most the week's
	)
	for i := range sessions {
		s := &sessions[i]
		d := uint64(s.Date - w.start)
		if d >= daysPerWeek {
			if s.Date < w.start && s.ID != "" {
				return false // an earlier week's session ID: the ordering path looks for its repeats
			}
			continue
		}
		clock := uint64(s.Start.m) - 1 // a zero Start wraps
		planned := uint64(int64(s.Planned))
		start := d<<11 | clock
		if start < lastEnd || clock >= minutesPerDay || planned-1 >= minutesPerDay || clock+planned > minutesPerDay ||
			planned < uint64(c.minService) ||
			simple>>s.Kind&1 == 0 || s.Delivery > iop.DeliveryInPerson || s.Attendance != AttendanceAttended ||
			(s.Attended != 0 && s.Attended != s.Planned) {
			return false
		}
		if patient == "" {
			if !idOK(s.Patient) {
				return false
			}
			patient = s.Patient
		} else if s.Patient != patient {
			return false
		}
		if s.ID != "" {
			if !idOK(s.ID) {
				return false
			}
			word, bit := idFilter(s.ID)
			if idBits[word]&bit != 0 {
				// Perhaps seen: compare, a few times at most.
				if idScans++; idScans > maxIDScans || idBefore(w, sessions[:i], s.ID) {
					return false
				}
			}
			idBits[word] |= bit
		}
		lastEnd = start + planned
		// In order, starting after the last one ends, attended in full and
		// counting: for such a session every step of [tally.count] before
		// the service is void (no repeat of its run, no absence, no time
		// missed, no overlap), so it is a service of its planned minutes.
		n++
		serve(sum, int(d), s.Planned)
	}
	sum.Week, sum.Patient, sum.Sessions = w, patient, n
	return true
}

// The outcomes of [counter.summarizeOrdered].
const (
	orderedDone    = iota // the week is added up
	orderedInvalid        // a session of the week is not valid
	orderedNot            // not in canonical order, or a session ID repeated: order first
)

// summarizeOrdered adds up, into the zero sum, the sessions of week w when
// they come in canonical order and repeat no session ID, in one pass and
// without an accumulator: in that order a filter of the IDs finds the
// repeated ones, and the [tally] counts as it does for the accumulator. It
// returns
// orderedInvalid as soon as a session of the week is not valid (or not the
// first one's patient's), and orderedNot, sum then to be discarded, as
// soon as the sessions are out of order or a session ID is seen twice (a
// filter of 256 bits says when an ID may have been seen; only then are
// the IDs before compared).
func (c *counter) summarizeOrdered(sum *WeekSummary, w Week, sessions []Session) int {
	sum.Week = w
	var (
		patient string
		last    uint64 // the day, start and end of the last session (see below)
		prev    *Session
		t       = tally{day: -1, minService: c.minService}
		idBits  [4]uint64 // the filter of the IDs taken
		idScans int       // the times the IDs before were compared
	)
	for i := range sessions {
		s := &sessions[i]
		d := uint64(s.Date - w.start)
		if d >= daysPerWeek {
			if s.Date < w.start && s.ID != "" {
				return orderedNot // an earlier week's session ID: the ordering path looks for its repeats
			}
			continue
		}
		m, ok := s.check(c.valid)
		switch {
		case !ok:
		case patient == "":
			ok = s.idsOK()
			patient = s.Patient
		default:
			ok = s.Patient == patient && (s.ID == "" || idOK(s.ID))
		}
		if !ok {
			return orderedInvalid
		}
		counts := c.counts(s)
		// The canonical order compares the day, start and end first (the
		// later end first), and the whole key only when those tie. The
		// key of the first session is above 0.
		clock := s.Start.m - 1
		end := clock + uint16(m)
		k := d<<32 | uint64(clock)<<16 | uint64(0xFFFF-end)
		if k <= last && (k < last || keyLess(sessionKey(s, int(d), m, counts), s.ID,
			sessionKey(prev, int(d), prev.AttendedMinutes(), c.counts(prev)), prev.ID)) {
			return orderedNot
		}
		last, prev = k, s
		// Repeats: of the run by the tally, of an ID by the filter.
		t.enter(int(d))
		dup := t.repeat(clock, uint8(s.Kind))
		if !dup && s.ID != "" {
			word, bit := idFilter(s.ID)
			if idBits[word]&bit != 0 {
				// Perhaps seen: compare, a few times at most.
				if idScans++; idScans > maxIDScans || idBefore(w, sessions[:i], s.ID) {
					return orderedNot
				}
			}
			idBits[word] |= bit
		}
		t.count(sum, int(d), clock, s.Attendance, counts, false, dup, s.Planned, m, s.ID, s.Input)
	}
	sum.Patient = patient
	return orderedDone
}

// maxIDScans is the number of times a pass in order compares a session ID
// with those before it (when the filter says it may have been seen) before
// it leaves the week to be ordered first.
const maxIDScans = 8

// idFilter returns the word and bit of session ID id in a filter of 256
// bits: a hash of its length and last four bytes, where record IDs that
// follow one another differ.
func idFilter(id string) (int, uint64) {
	h := idHash(id)
	return int(h >> 30), 1 << (h >> 24 & 63)
}

// idHash is the hash of idFilter: the bits on the left are the best.
func idHash(id string) uint32 {
	h := uint32(len(id))
	for i := max(len(id)-4, 0); i < len(id); i++ {
		h = h*31 + uint32(id[i])
	}
	return h * 0x9E3779B1
}

// idBefore reports whether a session of week w among sessions has ID id.
func idBefore(w Week, sessions []Session, id string) bool {
	for i := range sessions {
		if s := &sessions[i]; s.ID == id && uint64(s.Date-w.start) < daysPerWeek {
			return true
		}
	}
	return false
}

// overlap counts a session of ID id, read at in, overlapped by the one
// of ID other, with m minutes not counted.
func (r *Repeats) overlap(m iop.Minutes, id, other string, in iop.Input) {
	if r.Sessions == 0 {
		r.With = other
	}
	r.add(m, id, in)
}

// add counts a session of m minutes not counted, with ID id, read at in.
func (r *Repeats) add(m iop.Minutes, id string, in iop.Input) {
	if r.Sessions == 0 {
		r.First, r.Input = id, in
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
