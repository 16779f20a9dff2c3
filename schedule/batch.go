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
// (or claim lines) of many patients, in any order, into one [WeekSummary]
// per patient-week, sorted by patient record ID (byte order) and then by
// week. It reads a slice or an iterator alike.
//
// Each patient-week is added up exactly as [Checker.Summarize] (or
// [Checker.SummarizeClaims]) adds it up: in the canonical order, with
// repeated sessions counted once and overlapping time counted once (a
// session ID the patient has in an earlier week is a duplicate in the
// later one), so
// that the batch gives the same summaries as the single-week path on any
// input, and no order, repetition or split of the input can raise the
// time counted. To do so it keeps a 40-byte record of each valid session
// until the end of the call (the record refers to the session's ID, not a
// copy), sorts the records with counting sorts by week and by patient (no
// sort at all when the input comes in order), and adds each patient-week
// up.
//
// A Summarizer holds scratch memory that it reuses from call to call: once
// it has seen a batch of a given size, a call allocates nothing but what
// dst lacks. It is therefore not safe for concurrent use: use one per
// goroutine. Until the next call it keeps the patient and session IDs of
// the last one.
type Summarizer struct {
	counting *counter
	claims   *claimRules
	weeks    Weeks
	weeksFor func(patient string) Weeks

	ids    map[string]int32
	pats   []batchPatient
	recs   []batchRec
	sorted []batchRec
	pos    []int32
	rank   []int32 // each patient's place in order of ID
	order  []int32
	acc    accumulator
	keep   []bool      // the claim lines of the final answer
	lines  []ClaimLine // the claim lines of a SummarizeClaimsSeq call
	prior  priorIDs    // the session IDs of the patient's weeks so far

	// The state of one call.
	stats   BatchStats
	lastID  string
	lastPat int32
	minRec  int32 // the earliest and latest week starts of recs
	maxRec  int32
}

// batchPatient is a patient seen in the current call.
type batchPatient struct {
	id    string
	weeks Weeks
	n     int32 // records
}

// batchRec is a valid session or claim line kept until the end of a call,
// with what adding it up needs.
type batchRec struct {
	key               uint64 // the canonical key within the patient-week
	id                string // the session's ID, or the claim's
	start             int32  // the week's first day (a date.Date)
	pat               int32
	planned, attended uint16
	in                iop.Input // where the record was read (in the padding: a batchRec stays 40 bytes)
}

// BatchStats counts what one call of a [Summarizer] saw.
type BatchStats struct {
	// Sessions is the number of sessions (or claim lines) read.
	Sessions int
	// Unplaced is the number of sessions that could not be placed in a
	// patient-week: no patient ID, no date or one beyond the range of
	// date.Date less a week, or no valid week scheme for the patient. They
	// are in no summary.
	Unplaced int
	// Invalid is the number of sessions, placed or not, that fail
	// [Session.Validate] ([ClaimLine.Validate]). They are in no summary: a
	// Summarizer does not report which they are, so validate sessions
	// first ([SessionReader] and [ParseSessions] do) when Invalid must be zero.
	Invalid int
	// Patients and Weeks are the numbers of patients and patient-weeks
	// summarised.
	Patients, Weeks int
}

// NewSummarizer returns a Summarizer that counts sessions with the counting
// rules of ck's profile (and claim lines with its claim rules) and divides
// every patient's days into weeks by weeks. It returns an error for the
// zero Checker, and one wrapping [iop.ErrMissing] when weeks is not valid.
// For a scheme per patient, use [NewSummarizerFor].
func NewSummarizer(ck Checker, weeks Weeks) (*Summarizer, error) {
	if ck.r == nil {
		return nil, check.ZeroChecker()
	}
	if !weeks.IsValid() {
		return nil, &iop.FieldError{Field: "weeks", Err: iop.ErrMissing}
	}
	return &Summarizer{counting: &ck.r.count, claims: &ck.r.claims, weeks: weeks, ids: make(map[string]int32)}, nil
}

// NewSummarizerFor returns a Summarizer as [NewSummarizer] does, that
// divides each patient's days into weeks by the scheme weeksFor returns
// for the patient (called once per patient per call: program weeks from
// each admission, say). A patient for whom weeksFor returns an invalid
// scheme has their sessions counted as unplaced. It returns an error for
// the zero Checker, and one wrapping [iop.ErrMissing] when weeksFor is nil.
func NewSummarizerFor(ck Checker, weeksFor func(patient string) Weeks) (*Summarizer, error) {
	if ck.r == nil {
		return nil, check.ZeroChecker()
	}
	if weeksFor == nil {
		return nil, &iop.FieldError{Field: "weeksFor", Err: iop.ErrMissing}
	}
	return &Summarizer{counting: &ck.r.count, claims: &ck.r.claims, weeksFor: weeksFor, ids: make(map[string]int32)}, nil
}

// Summarize adds up sessions and appends one summary per patient-week to
// dst, sorted by patient ID and week, with the counts of the call.
func (s *Summarizer) Summarize(dst []WeekSummary, sessions []Session) ([]WeekSummary, BatchStats) {
	s.begin()
	for i := range sessions {
		s.add(&sessions[i])
	}
	return s.end(dst)
}

// SummarizeSeq is [Summarizer.Summarize] for sessions that come from an
// iterator, such as rows streamed from a database or a file.
func (s *Summarizer) SummarizeSeq(dst []WeekSummary, sessions iter.Seq[Session]) ([]WeekSummary, BatchStats) {
	s.begin()
	for sess := range sessions {
		s.add(&sess)
	}
	return s.end(dst)
}

// SummarizeClaims is [Summarizer.Summarize] for claim lines, turned into
// service as [Checker.SummarizeClaims] turns them, on the final answer of
// the lines given: a replacement supersedes the claim it replaces on its
// days, a void removes it (see [Checker.AppendClaims]), and the claims of
// the other program (IOP, condition code 92, and PHP, 41) count nothing.
// The lines superseded or of the other program count as read, in no
// summary.
func (s *Summarizer) SummarizeClaims(dst []WeekSummary, lines []ClaimLine) ([]WeekSummary, BatchStats) {
	s.begin()
	if cap(s.keep) < len(lines) {
		s.keep = make([]bool, len(lines))
	}
	keep := s.keep[:len(lines)]
	finalLines(lines, keep, s.claims.p.RepeatsOnce, s.claims.p.ConditionCode, false, nil)
	otherProgram(lines, keep, s.claims.p.ConditionCode)
	for i := range lines {
		if !keep[i] {
			s.stats.Sessions++
			continue
		}
		s.addClaim(&lines[i])
	}
	return s.end(dst)
}

// SummarizeClaimsSeq is [Summarizer.SummarizeClaims] for claim lines that
// come from an iterator, such as a [ClaimReader]. Since a replacement may
// come after the claim it replaces, it keeps the lines of the call (in
// scratch memory it reuses) before adding them up.
func (s *Summarizer) SummarizeClaimsSeq(dst []WeekSummary, lines iter.Seq[ClaimLine]) ([]WeekSummary, BatchStats) {
	// A replacement may come after the claim it replaces: keep the lines
	// of the call, to find the final answer first.
	s.lines = s.lines[:0]
	for l := range lines {
		s.lines = append(s.lines, l)
	}
	dst, st := s.SummarizeClaims(dst, s.lines)
	clear(s.lines) // drop the IDs
	return dst, st
}

func (s *Summarizer) begin() {
	clear(s.ids)
	clear(s.pats) // drop the patient IDs
	s.pats = s.pats[:0]
	s.recs = s.recs[:0]
	s.stats = BatchStats{}
	s.lastID, s.lastPat = "", -1
}

// placeable reports whether a session on day d can be placed: its week's
// first day must fit a batchRec.
func placeable(d date.Date) bool {
	return d != date.Zero && d >= date.Min()+daysPerWeek && d <= date.Max()-daysPerWeek
}

// place returns the patient and the first day of the week of a record of
// patient on day d, counting it as unplaced when it cannot be placed.
func (s *Summarizer) place(patient string, d date.Date) (int32, date.Date, bool) {
	if patient == "" || !placeable(d) {
		s.stats.Unplaced++
		return 0, 0, false
	}
	pi := s.lastPat
	if pi < 0 || patient != s.lastID {
		pi = s.patient(patient)
		s.lastID, s.lastPat = patient, pi
	}
	ws := s.pats[pi].weeks
	if !ws.IsValid() {
		s.stats.Unplaced++
		return 0, 0, false
	}
	return pi, ws.start(d), true
}

func (s *Summarizer) add(sess *Session) {
	s.stats.Sessions++
	m, valid := sess.check(s.counting.valid)
	valid = valid && (sess.Patient == s.lastID || idOK(sess.Patient)) && (sess.ID == "" || idOK(sess.ID))
	if !valid {
		s.stats.Invalid++
	}
	if !valid && (sess.Patient == "" || !placeable(sess.Date)) {
		s.stats.Unplaced++
		return
	}
	if !valid {
		return
	}
	pi, start, ok := s.place(sess.Patient, sess.Date)
	if !ok {
		return
	}
	s.push(batchRec{key: sessionKey(sess, int(sess.Date-start), m, s.counting.counts(sess)), id: sess.ID,
		start: int32(start), pat: pi, planned: uint16(sess.Planned), attended: uint16(m), in: sess.Input})
}

func (s *Summarizer) addClaim(l *ClaimLine) {
	s.stats.Sessions++
	valid := l.valid()
	if !valid {
		s.stats.Invalid++
		if l.Patient == "" || !placeable(l.Date) {
			s.stats.Unplaced++
		}
		return
	}
	pi, start, ok := s.place(l.Patient, l.Date)
	if !ok {
		return
	}
	sv := s.claims.service(l, s.counting)
	s.push(batchRec{key: claimKey(int(l.Date-start), l.Line, sv.minutes, sv.kind, sv.counts), id: l.Claim,
		start: int32(start), pat: pi, planned: uint16(min(sv.minutes, 0xFFFF)), attended: uint16(min(sv.minutes, 0xFFFF)), in: l.Input})
}

func (s *Summarizer) push(r batchRec) {
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
	s.pats[r.pat].n++
}

// patient returns the index of the patient with record ID id, adding it.
func (s *Summarizer) patient(id string) int32 {
	if i, ok := s.ids[id]; ok {
		return i
	}
	i := int32(len(s.pats))
	ws := s.weeks
	if s.weeksFor != nil {
		ws = s.weeksFor(id)
	}
	s.ids[id] = i
	s.pats = append(s.pats, batchPatient{id: id, weeks: ws})
	return i
}

func (s *Summarizer) end(dst []WeekSummary) ([]WeekSummary, BatchStats) {
	s.sortPatients()
	recs := s.sortRecords()
	base := len(dst)
	prevPat := int32(-1)
	for i := 0; i < len(recs); {
		r := &recs[i]
		p := &s.pats[r.pat]
		if r.pat != prevPat {
			prevPat = r.pat
			s.prior.reset()
		}
		j := i + 1
		for j < len(recs) && recs[j].pat == r.pat && recs[j].start == r.start {
			j++
		}
		week := recs[i:j]
		if !weekSorted(week) {
			slices.SortFunc(week, func(a, b batchRec) int { return keyCmp(a.key, a.id, b.key, b.id) })
		}
		if len(dst) == cap(dst) {
			// Double, where append would grow a large slice by a quarter.
			dst = slices.Grow(dst, max(len(dst), 256))
		}
		dst = append(dst, WeekSummary{Patient: p.id, Week: Week{ws: p.weeks, start: date.Date(r.start)}})
		sum := &dst[len(dst)-1]
		s.acc.reset()
		s.acc.t.minService = s.counting.minService
		s.acc.prior = &s.prior
		for k := range week {
			w := &week[k]
			s.acc.add(sum, w.key, iop.Minutes(w.planned), iop.Minutes(w.attended), w.id, w.in)
		}
		if j < len(recs) && recs[j].pat == r.pat {
			// The patient has a later week: keep this week's session IDs.
			for k := range week {
				if w := &week[k]; w.id != "" && w.key&keyClaim == 0 {
					s.prior.add(w.id)
				}
			}
		}
		i = j
	}
	s.prior.reset()
	s.acc.prior = nil
	s.stats.Weeks = len(dst) - base
	s.stats.Patients = len(s.order)
	s.lastID = ""
	return dst, s.stats
}

// weekSorted reports whether the records of one patient-week are in
// canonical order.
func weekSorted(week []batchRec) bool {
	for i := 1; i < len(week); i++ {
		if keyLess(week[i].key, week[i].id, week[i-1].key, week[i-1].id) {
			return false
		}
	}
	return true
}

// sortPatients sets order to the patients with records, in order of
// patient ID, and rank to each patient's place in it.
func (s *Summarizer) sortPatients() {
	s.order = s.order[:0]
	for i := range s.pats {
		if s.pats[i].n > 0 {
			s.order = append(s.order, int32(i))
		}
	}
	byID := func(a, b int32) int { return strings.Compare(s.pats[a].id, s.pats[b].id) }
	if !slices.IsSortedFunc(s.order, byID) {
		slices.SortFunc(s.order, byID)
	}
	s.rank = slices.Grow(s.rank[:0], len(s.pats))[:len(s.pats)]
	for r, pi := range s.order {
		s.rank[pi] = int32(r)
	}
}

// sortRecords returns the records sorted by patient (in order of ID) and
// week, with counting sorts; the order within a patient-week is left to
// the caller. Records that come in that order are not moved.
func (s *Summarizer) sortRecords() []batchRec {
	recs := s.recs
	inOrder := true
	for i := 1; i < len(recs) && inOrder; i++ {
		a, b := &recs[i-1], &recs[i]
		ra, rb := s.rank[a.pat], s.rank[b.pat]
		inOrder = ra < rb || (ra == rb && a.start <= b.start)
	}
	if inOrder {
		return recs
	}
	s.sorted = slices.Grow(s.sorted[:0], len(recs))[:len(recs)]
	// Service dates span about 12,000 weeks ([iop.CheckServiceDate]): sort
	// by week first, then stably by patient.
	span := (int64(s.maxRec)-int64(s.minRec))/daysPerWeek + 1
	{
		s.pos = slices.Grow(s.pos[:0], int(span))[:span]
		clear(s.pos)
		for _, r := range recs {
			s.pos[(r.start-s.minRec)/daysPerWeek]++
		}
		next := int32(0)
		for i, n := range s.pos {
			s.pos[i] = next
			next += n
		}
		for _, r := range recs {
			w := (r.start - s.minRec) / daysPerWeek
			s.sorted[s.pos[w]] = r
			s.pos[w]++
		}
		recs, s.sorted = s.sorted, recs // sorted by week; now stably by patient
	}
	s.pos = slices.Grow(s.pos[:0], len(s.pats))[:len(s.pats)]
	next := int32(0)
	for _, pi := range s.order {
		s.pos[pi] = next
		next += s.pats[pi].n
	}
	for _, r := range recs {
		s.sorted[s.pos[r.pat]] = r
		s.pos[r.pat]++
	}
	out := s.sorted
	// Keep both buffers for the next call; drop the session IDs from the
	// one not returned.
	clear(recs)
	s.recs, s.sorted = recs[:0], out
	return out
}
