package schedule

import (
	"iter"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Summarizer is the batch path for billing engines: it turns the sessions
// of many patients, in any order, into one [WeekSummary] per patient-week,
// sorted by patient record ID (byte order) and then by week. It reads a
// slice or an iterator alike and keeps no copy of a session.
//
// Sessions that come grouped by patient (all of a patient's sessions
// together, in any order within the patient) are added up as they come into
// the patient's own weeks, so the memory used grows with the number of
// patient-weeks only. When a patient comes back after another, the rest of
// the input is kept as compact 16-byte records, sorted by patient with one
// counting-sort pass at the end and added up the same way.
//
// A Summarizer holds scratch memory that it reuses from call to call: once
// it has seen a batch of a given size, a call allocates nothing but what
// dst lacks. It is therefore not safe for concurrent use: use one per
// goroutine. Until the next call it keeps the patient IDs of the last one.
type Summarizer struct {
	counting *counter
	weeks    Weeks
	weeksFor func(patient string) Weeks

	ids    map[string]int32
	pats   []batchPatient
	recs   []batchRec
	sorted []batchRec
	pos    []int32
	wpos   []int32
	nrec   []int32 // records per patient
	order  []int32
	tmp    []WeekSummary
	win    window

	// The state of one call.
	dst     []WeekSummary
	base    int // len(dst) when the call began
	stats   BatchStats
	lastID  string
	lastPat int32
	records bool  // the input is not grouped by patient: sessions go to recs
	minRec  int32 // the earliest and latest week starts of recs
	maxRec  int32
}

// batchPatient is a patient seen in the current call.
type batchPatient struct {
	id     string
	weeks  Weeks
	off, n int32 // the patient's block of summaries in dst[base:]
}

// batchRec is a valid session kept for later, with what adding it up needs.
type batchRec struct {
	start             int32 // the week's first day (a date.Date)
	pat               int32
	planned, attended uint16
	day               uint8 // 0 to 6
	flags             uint8 // attendance | recCounts
}

const (
	recAttendance = 0x07
	recCounts     = 0x10
)

// BatchStats counts what one call of a [Summarizer] saw.
type BatchStats struct {
	// Sessions is the number of sessions read.
	Sessions int
	// Unplaced is the number of sessions that could not be placed in a
	// patient-week: no patient ID, no date or one beyond the range of
	// date.Date less a week, or no valid week scheme for the patient. They
	// are in no summary.
	Unplaced int
	// Invalid is the number of sessions, placed or not, that fail
	// [Session.Validate]. They are in no summary: a Summarizer does not
	// report which they are, so validate sessions first ([CSVReader] and
	// [ParseSessions] do) when Invalid must be zero.
	Invalid int
	// Patients and Weeks are the numbers of patients and patient-weeks
	// summarised.
	Patients, Weeks int
}

// NewSummarizer returns a Summarizer that counts sessions with the counting
// rules of ck's profile and divides days into weeks by weeks, or, when
// weeksFor is not nil, by the scheme weeksFor returns for each patient
// (called once per patient per call: program weeks from each admission,
// say). A patient for whom weeksFor returns an invalid scheme has their
// sessions counted as unplaced. It returns an error for the zero Checker,
// and one wrapping [iop.ErrMissing] when weeksFor is nil and weeks is not
// valid.
func NewSummarizer(ck Checker, weeks Weeks, weeksFor func(patient string) Weeks) (*Summarizer, error) {
	if ck.r == nil {
		return nil, check.ZeroChecker()
	}
	if weeksFor == nil && !weeks.IsValid() {
		return nil, &iop.FieldError{Field: "weeks", Err: iop.ErrMissing}
	}
	return &Summarizer{counting: &ck.r.count, weeks: weeks, weeksFor: weeksFor, ids: make(map[string]int32)}, nil
}

// Summarize adds up sessions and appends one summary per patient-week to
// dst, sorted by patient ID and week, with the counts of the call.
func (s *Summarizer) Summarize(dst []WeekSummary, sessions []Session) ([]WeekSummary, BatchStats) {
	s.begin(dst)
	for i := range sessions {
		s.add(&sessions[i])
	}
	return s.end()
}

// SummarizeSeq is [Summarizer.Summarize] for sessions that come from an
// iterator, such as rows streamed from a database or a file.
func (s *Summarizer) SummarizeSeq(dst []WeekSummary, sessions iter.Seq[Session]) ([]WeekSummary, BatchStats) {
	s.begin(dst)
	for sess := range sessions {
		s.add(&sess)
	}
	return s.end()
}

func (s *Summarizer) begin(dst []WeekSummary) {
	clear(s.ids)
	s.pats = s.pats[:0]
	s.nrec = s.nrec[:0]
	s.recs = s.recs[:0]
	s.dst, s.base = dst, len(dst)
	s.stats = BatchStats{}
	s.lastID, s.lastPat, s.records = "", -1, false
	s.win.reset(-1)
}

// placeable reports whether a session on day d can be placed: its week's
// first day must fit a batchRec.
func placeable(d date.Date) bool {
	return d != date.Zero && d >= date.Min()+daysPerWeek && d <= date.Max()-daysPerWeek
}

func (s *Summarizer) add(sess *Session) {
	s.stats.Sessions++
	m, valid := sess.check(s.counting.valid)
	if !valid {
		s.stats.Invalid++
	}
	if sess.Patient == "" || !placeable(sess.Date) {
		s.stats.Unplaced++
		return
	}
	if !valid {
		return
	}
	pi := s.lastPat
	if pi < 0 || sess.Patient != s.lastID {
		var seen bool
		pi, seen = s.patient(sess.Patient)
		s.lastID, s.lastPat = sess.Patient, pi
		if !s.records && pi != s.win.pat {
			s.flushWindow()
			if seen {
				s.records = true // the patient came back: the input is not grouped
			} else {
				s.win.reset(pi)
			}
		}
	}
	ws := s.weeks
	if s.weeksFor != nil {
		if ws = s.pats[pi].weeks; !ws.IsValid() {
			s.stats.Unplaced++
			return
		}
	}
	counts := s.counting.counts(sess)
	if !s.records {
		w := &s.win
		d := sess.Date - w.lastStart
		if w.last < 0 || d < 0 || d >= daysPerWeek {
			w.find(ws.start(sess.Date), &s.pats[pi])
			d = sess.Date - w.lastStart
		}
		sum := &w.wk[w.last]
		sum.addParts(sess.Attendance, sess.Planned, m, int(d), counts)
		return
	}
	start := ws.start(sess.Date)
	r := batchRec{start: int32(start), pat: pi, day: uint8(sess.Date - start),
		planned: uint16(sess.Planned), attended: uint16(m), flags: uint8(sess.Attendance)}
	if counts {
		r.flags |= recCounts
	}
	if len(s.recs) == 0 || r.start < s.minRec {
		s.minRec = r.start
	}
	if len(s.recs) == 0 || r.start > s.maxRec {
		s.maxRec = r.start
	}
	if len(s.recs) == cap(s.recs) {
		s.recs = slices.Grow(s.recs, max(len(s.recs), 1024)) // double
	}
	s.recs = append(s.recs, r)
	s.nrec[pi]++
}

// patient returns the index of the patient with record ID id, adding it,
// and whether it was seen before.
func (s *Summarizer) patient(id string) (int32, bool) {
	if i, ok := s.ids[id]; ok {
		return i, true
	}
	i := int32(len(s.pats))
	ws := s.weeks
	if s.weeksFor != nil {
		ws = s.weeksFor(id)
	}
	s.ids[id] = i
	s.pats = append(s.pats, batchPatient{id: id, weeks: ws})
	s.nrec = append(s.nrec, 0)
	return i, false
}

// flushWindow appends the window's weeks to dst as its patient's block.
func (s *Summarizer) flushWindow() {
	if s.win.pat < 0 {
		return
	}
	p := &s.pats[s.win.pat]
	p.off, p.n = int32(len(s.dst)-s.base), int32(len(s.win.wk))
	s.dst = s.win.emit(s.dst)
	s.win.reset(-1)
}

func (s *Summarizer) end() ([]WeekSummary, BatchStats) {
	if !s.records {
		s.flushWindow()
	}
	s.sortPatients()
	if len(s.recs) > 0 {
		s.addRecords()
	} else {
		s.arrange()
	}
	dst := s.dst
	s.stats.Weeks = len(dst) - s.base
	s.stats.Patients = len(s.order)
	s.dst, s.lastID = nil, ""
	return dst, s.stats
}

// sortPatients sets order to the patients with summaries or records, in
// order of patient ID.
func (s *Summarizer) sortPatients() {
	s.order = s.order[:0]
	for i := range s.pats {
		if s.pats[i].n > 0 || s.nrec[i] > 0 {
			s.order = append(s.order, int32(i))
		}
	}
	byID := func(a, b int32) int { return strings.Compare(s.pats[a].id, s.pats[b].id) }
	if !slices.IsSortedFunc(s.order, byID) {
		slices.SortFunc(s.order, byID)
	}
}

// maxRadixWeeks bounds the span of weeks, in weeks, over which records are
// first sorted by week; records that span more are sorted by patient only.
const maxRadixWeeks = 1 << 16

// addRecords sorts the records by patient (and week, when their weeks span
// few enough) with counting sorts, then adds each patient's up over the
// block the patient already had, emitting every patient's block again in
// order of patient ID.
func (s *Summarizer) addRecords() {
	recs := s.recs
	s.sorted = slices.Grow(s.sorted[:0], len(recs))[:len(recs)]
	if span := (int64(s.maxRec)-int64(s.minRec))/daysPerWeek + 1; span <= maxRadixWeeks {
		s.wpos = slices.Grow(s.wpos[:0], int(span))[:span]
		clear(s.wpos)
		for _, r := range recs {
			s.wpos[(r.start-s.minRec)/daysPerWeek]++
		}
		next := int32(0)
		for i, n := range s.wpos {
			s.wpos[i] = next
			next += n
		}
		for _, r := range recs {
			w := (r.start - s.minRec) / daysPerWeek
			s.sorted[s.wpos[w]] = r
			s.wpos[w]++
		}
		recs, s.sorted = s.sorted, recs // sorted by week; now stably by patient
	}
	s.pos = slices.Grow(s.pos[:0], len(s.pats))[:len(s.pats)]
	next := int32(0)
	for _, pi := range s.order {
		s.pos[pi] = next
		next += s.nrec[pi]
	}
	for _, r := range recs {
		s.sorted[s.pos[r.pat]] = r
		s.pos[r.pat]++
	}
	// Move the blocks made before the input turned out not to be grouped
	// aside, and emit every patient's block again in order of ID.
	s.tmp = append(s.tmp[:0], s.dst[s.base:]...)
	clear(s.dst[s.base:])
	s.dst = s.dst[:s.base]
	at := 0
	for _, pi := range s.order {
		p := &s.pats[pi]
		block := s.sorted[at : at+int(s.nrec[pi])]
		at += len(block)
		s.win.reset(pi)
		if p.n > 0 {
			s.win.load(s.tmp[p.off : p.off+p.n])
		}
		for _, r := range block {
			sum := s.win.find(date.Date(r.start), p)
			sum.addParts(Attendance(r.flags&recAttendance), iop.Minutes(r.planned), iop.Minutes(r.attended), int(r.day), r.flags&recCounts != 0)
		}
		s.flushWindow()
	}
	clear(s.tmp) // drop the patient IDs
	s.recs = recs[:0]
}

// arrange puts the patients' blocks in order of patient ID, when they came
// in another order.
func (s *Summarizer) arrange() {
	in := int32(0)
	for _, pi := range s.order {
		if s.pats[pi].off != in {
			break
		}
		in += s.pats[pi].n
	}
	if int(in) == len(s.dst)-s.base {
		return // already in order
	}
	s.tmp = s.tmp[:0]
	for _, pi := range s.order {
		p := &s.pats[pi]
		s.tmp = append(s.tmp, s.dst[s.base+int(p.off):s.base+int(p.off+p.n)]...)
	}
	s.dst = append(s.dst[:s.base], s.tmp...)
	clear(s.tmp) // drop the patient IDs
}

// smallWindow is the number of weeks up to which a window finds a week by
// scanning; beyond it, by a map.
const smallWindow = 64

// window holds the weeks of the patient being added up.
type window struct {
	pat       int32 // -1 when none
	wk        []WeekSummary
	last      int       // the week found last, -1 when none
	lastStart date.Date // its first day
	big       map[date.Date]int32
}

func (w *window) reset(pat int32) {
	w.pat, w.wk, w.last = pat, w.wk[:0], -1
	if len(w.big) > 0 {
		clear(w.big)
	}
}

// load starts the window from a block of earlier summaries.
func (w *window) load(block []WeekSummary) {
	w.wk = append(w.wk, block...)
	if len(w.wk) > smallWindow {
		w.index(0)
	}
}

// index enters the weeks from i on into the map.
func (w *window) index(from int) {
	if w.big == nil {
		w.big = make(map[date.Date]int32)
	}
	for i := from; i < len(w.wk); i++ {
		w.big[w.wk[i].Week.start] = int32(i)
	}
}

// find returns the summary of the window's week from start, adding it.
func (w *window) find(start date.Date, p *batchPatient) *WeekSummary {
	if w.last >= 0 && w.wk[w.last].Week.start == start {
		return &w.wk[w.last]
	}
	i := -1
	if len(w.wk) <= smallWindow {
		for j := range w.wk {
			if w.wk[j].Week.start == start {
				i = j
				break
			}
		}
	} else if j, ok := w.big[start]; ok {
		i = int(j)
	}
	if i < 0 {
		i = len(w.wk)
		w.wk = append(w.wk, WeekSummary{Patient: p.id, Week: Week{ws: p.weeks, start: start}})
		switch {
		case len(w.wk) == smallWindow+1:
			w.index(0)
		case len(w.wk) > smallWindow+1:
			w.index(i)
		}
	}
	w.last, w.lastStart = i, start
	return &w.wk[i]
}

// emit appends the window's weeks to dst in order of week.
func (w *window) emit(dst []WeekSummary) []WeekSummary {
	byStart := func(a, b WeekSummary) int {
		switch {
		case a.Week.start < b.Week.start:
			return -1
		case a.Week.start > b.Week.start:
			return 1
		}
		return 0
	}
	if !slices.IsSortedFunc(w.wk, byStart) {
		slices.SortFunc(w.wk, byStart)
	}
	if cap(dst)-len(dst) < len(w.wk) {
		// Double, where append would grow a large slice by a quarter: the
		// output is built a patient at a time.
		dst = slices.Grow(dst, max(len(w.wk), len(dst), 256))
	}
	return append(dst, w.wk...)
}
