package x12

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/bits"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Version is the one implementation the reader reads: the 837 Health
// Care Claim: Institutional TR3, version 5010, with its errata A1 and A2,
// as GS08 and ST03 name it.
const Version = "005010X223A2"

// professional is the prefix of the 837P's implementation names
// (005010X222, 005010X222A1, ...).
const professional = "005010X222"

// The reader's default limits.
const (
	// DefaultMaxSegmentBytes is the longest segment read, terminator
	// excluded: the longest segment of an 837I (an HI segment of twelve
	// composites) is a few hundred bytes.
	DefaultMaxSegmentBytes = 4096
	// DefaultMaxElements is the most elements in a segment (CLM has 21
	// element positions, HI 12, ISA 16).
	DefaultMaxElements = 64
	// DefaultMaxErrors is the number of errors reported before the reader
	// counts the rest without reporting them ([LimitError]).
	DefaultMaxErrors = 100
	// maxClaimLines is the most service lines of a claim: loop 2400
	// repeats at most 999 times in the 837I.
	maxClaimLines = 999
	// maxConditions is the most condition codes of a claim: two HI*BG
	// segments of twelve.
	maxConditions = 24
	// isaLen is the length of an ISA segment, terminator included.
	isaLen = 106
)

// Options say how a [Reader] reads. The zero Options applies the default
// limits, no size limit, and takes a claim's patient from its medical
// record number only.
type Options struct {
	// MaxBytes is the size limit of the input in bytes; 0 or less means
	// none. Past it the reader stops with an error wrapping
	// [iop.ErrTooLarge].
	MaxBytes int64
	// MaxSegmentBytes is the longest segment read (0: the default,
	// [DefaultMaxSegmentBytes]; at least 106, the ISA's length). A longer
	// segment is skipped and refuses its transaction set.
	MaxSegmentBytes int
	// MaxElements is the most elements of a segment (0: the default,
	// [DefaultMaxElements]; at least 16, the ISA's). A segment with more
	// is skipped and refuses its transaction set.
	MaxElements int
	// MaxErrors is the number of errors reported (0: the default,
	// [DefaultMaxErrors]). After it the reader delivers no more claims,
	// reads to the end counting the errors and lines, and ends with a
	// [*LimitError].
	MaxErrors int
	// PatientFromMemberID takes the subscriber's member ID (loop 2010BA,
	// NM1*IL with qualifier MI) as the patient's record ID for a claim
	// without a medical record number (REF*EA), when the patient is the
	// subscriber (no patient loop 2000C). Without it such a claim is
	// refused.
	PatientFromMemberID bool
	// ReuseLines lets the reader reuse the memory of the claims' Lines
	// and LineSegments once every claim of their transaction set has been
	// returned, as encoding/csv's ReuseRecord does: a claim's slices are
	// then valid until the Read that follows the last claim of its set.
	// A caller that copies the lines it keeps reads with less garbage.
	ReuseLines bool
}

// Stats count what a [Reader] read. When the reader is done (it returned
// [io.EOF]), every service line seen is read or refused:
// ServiceLines == LinesRead + LinesRefused.
type Stats struct {
	Segments          int // segments read, the ISA included
	Sets              int // transaction sets accepted
	Claims            int // claims delivered
	ServiceLines      int // SV2 segments seen
	LinesRead         int // service lines delivered in claims
	LinesRefused      int // service lines refused, or not delivered
	Errors            int // errors reported
	ErrorsNotReported int // errors counted after [Options.MaxErrors]
}

// Reader reads the claims of X12 837I interchanges ([Version]) from a
// stream, one [Claim] at a time. See the package documentation for what it
// reads and what it refuses. A Reader is not safe for concurrent use.
type Reader struct {
	opt Options
	br  *input
	lr  *limitReader

	sep, comp, rep, term byte
	sb                   []byte  // the segment read, terminator excluded
	id                   segID   // its ID
	offs                 []int32 // the separators' positions in sb, after -1 and before len(sb): element i is sb[offs[i]+1:offs[i+1]]
	seg                  int     // segments read
	state                int

	// The envelope.
	isaAt, gsAt, stAt int    // positions of the open headers
	isaControl        []byte // ISA13
	groups, sets      int    // groups of the interchange, sets of the group
	gsControl         []byte
	groupBad          bool // the group is refused: its sets are skipped
	stControl         []byte
	setSegs           int           // segments of the set so far
	setBad            *SegmentError // why the set is refused; nil while it is not
	setSilent         bool          // refused with its group: not reported again
	setLines          int           // service lines seen in the set
	setRefused        int           // service lines of the set refused by line and claim errors
	setErrors         int           // errors kept in pending
	setOverflow       int           // errors of the set not kept: past the error limit

	// The subscriber of the claims that follow.
	memberID   string
	memberErr  *SegmentError
	dependent  bool
	subscriber bool

	inClaim, inHeader, inLine bool
	cur                       claimState
	li                        int // the index of the line being read in lines
	lines                     []lineState

	pending []item // the items of the open set
	ready   []item // the items to deliver
	head    int    // the next item of ready
	done    bool   // no more segments: ready holds the last items

	limited     bool
	notRead     int
	stats       Stats
	slab        []schedule.ClaimLine // the lines read: those of delivered claims, then those of the claim being read from base
	base        int
	dirty       int // the slab's lines from dirty on were never written: make zeroed them
	intSlab     []int
	condSlab    []string // the claims' condition codes
	intern      map[string]string
	cache       [64]string    // recent longer codes, by a hash of their bytes
	short       [64]shortCode // recent codes of up to 7 bytes, by a hash of their key
	dates       [16]dayCache  // recent CCYYMMDD parsed, by a hash of their key
	errorsLimit int
}

// The reader's states: where in the envelope the next segment is.
const (
	stOutside     = iota // before an ISA
	stInterchange        // after ISA: GS or IEA next
	stGroup              // after GS: ST or GE next
	stSet                // after ST: the set's segments, then SE
)

// item is a claim or an error to deliver.
type item struct {
	claim Claim
	err   error
	limit bool // the first error past the limit was here: nothing after it is delivered
}

// claimState is the claim being read.
type claimState struct {
	c          Claim
	err        *SegmentError
	at         int
	statement  bool
	cl1        bool
	conditions [maxConditions]string
	nCond      int
	patient    bool
	replaces   bool
	dropped    int // service lines past the most a claim may have
}

// lineState is the service line being read.
type lineState struct {
	lx, sv2 int
	dated   bool
	hasSV2  bool
	err     *SegmentError
}

// NewReader returns a reader of r under opt. It reads nothing yet; an
// error says that an option is out of range.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	var es iop.FieldErrors
	switch {
	case opt.MaxSegmentBytes == 0:
		opt.MaxSegmentBytes = DefaultMaxSegmentBytes
	case opt.MaxSegmentBytes < isaLen:
		es.Add("max_segment_bytes", fmt.Errorf("%w: at least 106, the length of an ISA segment", iop.ErrOutOfRange))
	}
	switch {
	case opt.MaxElements == 0:
		opt.MaxElements = DefaultMaxElements
	case opt.MaxElements < 16:
		es.Add("max_elements", fmt.Errorf("%w: at least 16, the elements of an ISA segment", iop.ErrOutOfRange))
	}
	switch {
	case opt.MaxErrors == 0:
		opt.MaxErrors = DefaultMaxErrors
	case opt.MaxErrors < 0:
		es.Add("max_errors", fmt.Errorf("%w: negative", iop.ErrOutOfRange))
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	lr := &limitReader{r: r, limit: opt.MaxBytes}
	size := opt.MaxSegmentBytes + 2
	return &Reader{opt: opt, lr: lr, br: newInput(lr, max(size, 4096)),
		offs: make([]int32, 0, opt.MaxElements+2), intern: make(map[string]string, 64), errorsLimit: opt.MaxErrors}, nil
}

// Stats returns the counts of what the reader read so far.
func (r *Reader) Stats() Stats { return r.stats }

// Read returns the next claim. Its errors, and what to do next:
//   - a [*SegmentError]: a service line, a claim, a transaction set or a
//     functional group was refused (its lines are not delivered), or an
//     envelope trailer does not match; call Read again;
//   - a [*LimitError]: [Options.MaxErrors] errors were reported; the
//     reader read to the end and has no more claims;
//   - an error wrapping [iop.ErrTooLarge] past [Options.MaxBytes], an
//     [*ReadError], or a [*SegmentError] for an ISA that cannot be read
//     (the separators are unknown): the reader stops;
//   - [io.EOF]: the end of the input.
//
// The errors of a transaction set come when its SE has been read, in the
// order of the input, each line's before its claim's; a set refused as a
// whole (a count or control number that does not match, a segment that
// cannot be read, another version) is one error and none of its claims;
// so is a set not closed by SE, whose error names first the reason it was
// refused already, when it was.
func (r *Reader) Read() (Claim, error) {
	for r.head == len(r.ready) {
		if r.done {
			return Claim{}, io.EOF
		}
		r.ready, r.head = r.ready[:0], 0
		r.step()
	}
	it := &r.ready[r.head]
	r.head++
	return it.claim, it.err
}

// All returns an iterator over the rest of the claims and errors, as Read
// returns them, up to io.EOF, which it does not yield.
func (r *Reader) All() iter.Seq2[Claim, error] {
	return func(yield func(Claim, error) bool) {
		for {
			c, err := r.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(c, err) {
				return
			}
		}
	}
}

// report delivers err, or counts it once MaxErrors were reported.
func (r *Reader) report(err error) {
	if r.stats.Errors >= r.errorsLimit {
		r.limited = true
		r.stats.ErrorsNotReported++
		return
	}
	r.stats.Errors++
	r.ready = append(r.ready, item{err: err})
}

// deliver delivers c, unless the error limit was reached.
func (r *Reader) deliver(c Claim) {
	if r.limited {
		r.notRead += len(c.Lines)
		r.stats.LinesRefused += len(c.Lines)
		return
	}
	r.stats.Claims++
	r.stats.LinesRead += len(c.Lines)
	r.ready = append(r.ready, item{claim: c})
}

// fail ends the reading with err, which is always delivered.
func (r *Reader) fail(err error) {
	if r.state == stSet {
		r.discardSet()
	}
	r.finish()
	r.ready = append(r.ready, item{err: err})
}

// finish ends the reading, with the limit's error when it was reached.
func (r *Reader) finish() {
	r.done = true
	if r.limited {
		r.ready = append(r.ready, item{err: &LimitError{Reported: r.stats.Errors, NotReported: r.stats.ErrorsNotReported, LinesNotRead: r.notRead}})
	}
}

// step reads one segment, or the end of the input.
func (r *Reader) step() {
	if r.state == stOutside {
		if r.seg == 0 {
			if b, _ := r.br.peek(3); string(b) == "\uFEFF" {
				_, _ = r.br.discard(3) // a byte order mark, as some editors write
			}
		}
		r.skipBlank()
		if _, err := r.br.peek(1); err != nil {
			switch {
			case errors.Is(err, io.EOF) && r.seg == 0:
				r.fail(&SegmentError{Segment: 1, Err: fmt.Errorf("%w: no interchange", iop.ErrMissing)})
			case errors.Is(err, io.EOF):
				r.finish()
			default:
				r.fail(r.readError(err))
			}
			return
		}
		r.readISA()
		return
	}
	var b []byte
	if in := r.br; in.w-in.r >= 5 { // r.br.peek(5), inlined
		b = in.buf[in.r : in.r+5]
	} else {
		b, _ = in.peekFill(5)
	}
	k := 0
	for k < len(b) && (b[k] == '\r' || b[k] == '\n' || b[k] == ' ' || b[k] == '\t') { // what next skips
		k++
	}
	if k > 0 && len(b) < k+3 { // too many line breaks peeked to see an ISA after them
		r.br.skipSpace()
		b, k = nil, 0
		b, _ = r.br.peek(3)
	}
	if len(b) >= k+3 && string(b[k:k+3]) == "ISA" { // a new interchange before this one's IEA
		_, _ = r.br.discard(k)
		r.close()
		return
	}
	ok, err := r.next()
	switch {
	case err != nil:
		r.fail(err)
		return
	case !ok:
		r.end()
		return
	}
	r.segment()
}

// end handles the end of the input inside an interchange.
func (r *Reader) end() {
	r.close()
	r.finish()
}

// close closes an interchange that has no IEA, and what it holds open.
func (r *Reader) close() {
	switch r.state {
	case stSet:
		r.endClaim()
		r.refuseSet(r.setOpen())
		r.report(&SegmentError{Segment: r.gsAt, ID: "GS", Err: errGroupOpen})
	case stGroup:
		r.report(&SegmentError{Segment: r.gsAt, ID: "GS", Err: errGroupOpen})
	}
	r.report(&SegmentError{Segment: r.isaAt, ID: "ISA", Err: errInterOpen})
	r.state = stOutside
}

// skipBlank skips line breaks between segments.
func (r *Reader) skipBlank() { r.br.skipBlank() }

// readError is the error of the input's reader: past the size limit, or
// an I/O error.
func (r *Reader) readError(err error) error {
	if errors.Is(err, errLimit) {
		return fmt.Errorf("%w: input above %d bytes", iop.ErrTooLarge, r.opt.MaxBytes)
	}
	return &ReadError{Err: err}
}

// The positions of the element separators in an ISA segment.
var isaSeps = [...]int{3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103}

// readISA reads an ISA segment: its fixed layout gives the separators.
func (r *Reader) readISA() {
	r.seg++
	r.stats.Segments++
	b, err := r.br.peek(isaLen)
	if err != nil && !errors.Is(err, io.EOF) {
		r.fail(r.readError(err))
		return
	}
	if len(b) < isaLen || string(b[:3]) != "ISA" {
		r.fail(&SegmentError{Segment: r.seg, Err: errISA})
		return
	}
	sep := b[3]
	for _, p := range isaSeps {
		if b[p] != sep {
			r.fail(&SegmentError{Segment: r.seg, ID: "ISA", Err: errISA})
			return
		}
	}
	rep, comp, term := b[82], b[104], b[105]
	v5010 := string(b[84:89]) == "00501"
	if !v5010 {
		rep = comp // before 00501, ISA11 is the standards identifier ("U"), not a separator
	}
	seps := [4]byte{sep, rep, comp, term}
	for i, c := range seps {
		if i == 1 && !v5010 {
			continue
		}
		if c == ' ' || isAlnum(c) || bytes.IndexByte(seps[i+1:], c) >= 0 || i < 3 && (c == '\r' || c == '\n') {
			r.fail(&SegmentError{Segment: r.seg, ID: "ISA", Err: errSeparators})
			return
		}
	}
	r.sep, r.rep, r.comp, r.term = sep, rep, comp, term
	if !v5010 {
		r.report(&SegmentError{Segment: r.seg, ID: "ISA", Element: 12, Err: fmt.Errorf("%w: interchange control version not 00501", ErrVersion)})
	}
	r.isaControl = append(r.isaControl[:0], b[90:99]...)
	r.isaAt, r.groups, r.state = r.seg, 0, stInterchange
	_, _ = r.br.discard(isaLen)
}

// next reads the next segment into r.sb and r.offs. It returns false at the end of
// the input, and an error that ends the reading.
func (r *Reader) next() (bool, error) {
	for {
		var b []byte
		var err error
		if in := r.br; true { // r.br.readSlice(r.term), inlined
			if i := bytes.IndexByte(in.buf[in.r:in.w], r.term); i >= 0 {
				b = in.buf[in.r : in.r+i+1]
				in.r += i + 1
			} else {
				b, err = in.readSliceFill(r.term)
			}
		}
		switch {
		case err == nil && len(b) <= r.opt.MaxSegmentBytes+1:
		case errors.Is(err, bufio.ErrBufferFull), err == nil:
			r.seg++
			r.stats.Segments++
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.br.readSlice(r.term)
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return false, r.readError(err)
			}
			r.badSegment(&SegmentError{Segment: r.seg, Err: errSegmentLong})
			if err != nil {
				return false, nil
			}
			continue
		case errors.Is(err, io.EOF):
			if b = bytes.TrimLeft(b, "\r\n \t"); len(b) > 0 {
				r.seg++
				r.stats.Segments++
				if bytes.HasPrefix(b, []byte{'S', 'V', '2', r.sep}) || string(b) == "SV2" { // a service line cut short: refused
					r.stats.ServiceLines++
					if r.state == stSet {
						r.setLines++
					} else {
						r.stats.LinesRefused++
					}
				}
				r.badSegment(&SegmentError{Segment: r.seg, Err: errCutOff})
			}
			return false, nil
		case err != nil:
			return false, r.readError(err)
		}
		b = b[:len(b)-1]
		for len(b) > 0 && (b[0] == '\r' || b[0] == '\n' || b[0] == ' ' || b[0] == '\t') { // no segment ID starts with them
			b = b[1:]
		}
		if r.term == '\n' && len(b) > 0 && b[len(b)-1] == '\r' {
			b = b[:len(b)-1]
		}
		if len(b) == 0 {
			continue
		}
		r.seg++
		r.stats.Segments++
		sep := r.sep
		idEnd := 0
		for idEnd < len(b) && idEnd < 4 && b[idEnd] != sep {
			idEnd++
		}
		if id := b[:idEnd]; len(id) < 2 || len(id) > 3 || !upperAlnum(id) {
			r.badSegment(&SegmentError{Segment: r.seg, Err: errSegmentID})
			continue
		}
		r.sb = b
		offs := append(r.offs[:0], -1)
		r.id = segIDOf(b[:idEnd])
		if !r.wanted(r.id) { // a segment not read: its ID only, its elements counted
			if bytes.Count(b, []byte{sep}) > r.opt.MaxElements {
				r.badSegment(&SegmentError{Segment: r.seg, Err: errElementsMany})
				continue
			}
			r.offs = append(offs, int32(idEnd))
			return true, nil
		}
		offs, many := separators(offs, b, idEnd, sep, r.opt.MaxElements+1) // -1 and the separators
		r.offs = append(offs, int32(len(b)))
		if many {
			r.badSegment(&SegmentError{Segment: r.seg, Err: errElementsMany})
			continue
		}
		return true, nil
	}
}

// separators appends to offs the positions of sep in b from i on, and
// reports whether there are more than offs has room for, up to max in all.
// It looks at eight bytes at a time: a byte equal to sep is a zero byte
// of the word xor sep, found without a branch per byte.
func separators(offs []int32, b []byte, i int, sep byte, maxSeps int) ([]int32, bool) {
	const ones, low7 = 0x0101010101010101, 0x7f7f7f7f7f7f7f7f
	pat := uint64(sep) * ones
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:]) ^ pat
		m := ^((x&low7 + low7) | x | low7) // 0x80 in each byte of x that is zero
		for m != 0 {
			if len(offs) == maxSeps {
				return offs, true
			}
			offs = append(offs, int32(i+bits.TrailingZeros64(m)>>3))
			m &= m - 1
		}
	}
	for ; i < len(b); i++ {
		if b[i] == sep {
			if len(offs) == maxSeps {
				return offs, true
			}
			offs = append(offs, int32(i))
		}
	}
	return offs, false
}

// segID is a segment ID packed in an integer, for switches.
type segID uint32

// The IDs of the segments the reader reads.
const (
	idGS  = segID('G'<<16 | 'S'<<8)
	idGE  = segID('G'<<16 | 'E'<<8)
	idST  = segID('S'<<16 | 'T'<<8)
	idSE  = segID('S'<<16 | 'E'<<8)
	idIEA = segID('I'<<16 | 'E'<<8 | 'A')
	idHL  = segID('H'<<16 | 'L'<<8)
	idCLM = segID('C'<<16 | 'L'<<8 | 'M')
	idDTP = segID('D'<<16 | 'T'<<8 | 'P')
	idCL1 = segID('C'<<16 | 'L'<<8 | '1')
	idHI  = segID('H'<<16 | 'I'<<8)
	idREF = segID('R'<<16 | 'E'<<8 | 'F')
	idLX  = segID('L'<<16 | 'X'<<8)
	idSV2 = segID('S'<<16 | 'V'<<8 | '2')
	idNM1 = segID('N'<<16 | 'M'<<8 | '1')
	idSBR = segID('S'<<16 | 'B'<<8 | 'R')
)

// segIDOf packs the ID id, of 2 or 3 bytes.
func segIDOf(id []byte) segID {
	v := uint32(id[0])<<16 | uint32(id[1])<<8
	if len(id) == 3 {
		v |= uint32(id[2])
	}
	return segID(v)
}

// wanted reports whether the reader reads the elements of segments with
// this ID; of the others it needs the ID only.
func (r *Reader) wanted(id segID) bool {
	switch id {
	case idGS, idGE, idST, idSE, idIEA, idHL, idCLM, idDTP, idCL1, idHI, idREF, idLX, idSV2:
		return true
	case idNM1:
		return r.opt.PatientFromMemberID && !r.inClaim
	}
	return false
}

// badSegment handles a segment that cannot be read: it refuses the open
// transaction set, or is an envelope error outside one.
func (r *Reader) badSegment(e *SegmentError) {
	if r.state == stSet {
		r.setSegs++
		if r.setBad == nil {
			r.setBad = e
		}
		return
	}
	r.report(e)
}

// segment handles the segment in r.sb.
func (r *Reader) segment() {
	id := r.id
	if r.state == stSet {
		switch id {
		case idSE:
			r.setSegs++
			r.endSet()
			return
		case idST, idGE, idGS, idIEA:
			r.endClaim()
			r.refuseSet(r.setOpen())
			r.state = stGroup
		default:
			r.setSegs++
			if id == idSV2 {
				r.stats.ServiceLines++
				r.setLines++
			}
			if r.setBad == nil {
				r.claimSegment(id)
			}
			return
		}
	}
	if id == idSV2 {
		r.stats.ServiceLines++
		r.stats.LinesRefused++
	}
	switch r.state {
	case stGroup:
		switch id {
		case idST:
			r.startSet()
		case idGE:
			r.endGroup()
		case idGS, idIEA:
			r.report(&SegmentError{Segment: r.gsAt, ID: "GS", Err: errGroupOpen})
			r.state = stInterchange
			r.segment2(id)
		default:
			r.report(&SegmentError{Segment: r.seg, ID: knownID(r.el(0)), Err: errOutsideSet})
		}
	case stInterchange:
		r.segment2(id)
	}
}

// segment2 handles a segment between functional groups.
func (r *Reader) segment2(id segID) {
	switch id {
	case idGS:
		r.startGroup()
	case idIEA:
		r.endInterchange()
	default:
		r.report(&SegmentError{Segment: r.seg, ID: knownID(r.el(0)), Err: errOutsideGroup})
	}
}

// el returns element i of the segment, nil when absent.
func (r *Reader) el(i int) []byte {
	if i+1 < len(r.offs) {
		return r.sb[r.offs[i]+1 : r.offs[i+1]]
	}
	return nil
}

// components splits element e into dst by the component separator.
func (r *Reader) components(dst [][]byte, e []byte) [][]byte {
	dst = dst[:0]
	start, comp := 0, r.comp
	for i := 0; i < len(e); i++ {
		if e[i] == comp {
			dst = append(dst, e[start:i])
			start = i + 1
		}
	}
	return append(dst, e[start:])
}

// cut cuts e at its first component separator: the component before it,
// the rest after it, and whether there was one.
func (r *Reader) cut(e []byte) (before, after []byte, found bool) {
	if i := bytes.IndexByte(e, r.comp); i >= 0 {
		return e[:i], e[i+1:], true
	}
	return e, nil, false
}

// simple reports whether e holds no component or repetition separator.
func (r *Reader) simple(e []byte) bool {
	return bytes.IndexByte(e, r.comp) < 0 && bytes.IndexByte(e, r.rep) < 0
}

// startGroup reads a GS segment.
func (r *Reader) startGroup() {
	r.groups++
	r.gsAt, r.sets, r.state, r.groupBad = r.seg, 0, stGroup, false
	r.gsControl = append(r.gsControl[:0], r.el(6)...)
	var err error
	element := 0
	switch v := r.el(8); {
	case string(r.el(1)) != "HC":
		err, element = errNotClaim, 1
	case bytes.HasPrefix(v, []byte(professional)):
		err, element = ErrProfessional, 8
	case string(v) != Version:
		err, element = ErrVersion, 8
	}
	if err != nil {
		r.groupBad = true
		r.report(&SegmentError{Segment: r.seg, ID: "GS", Element: element, Err: err})
	}
}

// endGroup reads a GE segment.
func (r *Reader) endGroup() {
	r.state = stInterchange
	if n, ok := number(r.el(1)); !ok || n != r.sets {
		r.report(&SegmentError{Segment: r.seg, ID: "GE", Element: 1, Err: errSetCount})
	}
	if !bytes.Equal(r.el(2), r.gsControl) {
		r.report(&SegmentError{Segment: r.seg, ID: "GE", Element: 2, Err: errControl})
	}
}

// endInterchange reads an IEA segment.
func (r *Reader) endInterchange() {
	r.state = stOutside
	if n, ok := number(r.el(1)); !ok || n != r.groups {
		r.report(&SegmentError{Segment: r.seg, ID: "IEA", Element: 1, Err: errGroupCount})
	}
	if !bytes.Equal(r.el(2), r.isaControl) {
		r.report(&SegmentError{Segment: r.seg, ID: "IEA", Element: 2, Err: errControl})
	}
	r.skipPadding()
	if b, _ := r.br.peek(3); string(b) == "\uFEFF" { // the next file's byte order mark, files joined as they were saved
		_, _ = r.br.discard(3)
		r.skipPadding()
	}
	if b, err := r.br.peek(3); len(b) > 0 && string(b) != "ISA" && (err == nil || errors.Is(err, io.EOF)) {
		r.fail(&SegmentError{Segment: r.seg + 1, Err: errTrailing})
	}
}

// skipPadding skips what may follow an interchange's trailer and is no
// data: whitespace, as files edited end with, and the NUL and Ctrl-Z
// (0x1A) bytes with which some systems pad a file to a block or mark its
// end.
func (r *Reader) skipPadding() {
	for {
		r.br.skipSpace()
		b, _ := r.br.peek(1)
		if len(b) == 0 || b[0] != 0 && b[0] != 0x1A {
			return
		}
		_, _ = r.br.discard(1)
	}
}

// startSet reads an ST segment.
func (r *Reader) startSet() {
	r.sets++
	r.stAt, r.state, r.setSegs = r.seg, stSet, 1
	r.stControl = append(r.stControl[:0], r.el(2)...)
	r.setBad, r.setSilent, r.setLines, r.setRefused = nil, r.groupBad, 0, 0
	if r.opt.ReuseLines { // every claim delivered before was returned: Read steps only when none is left
		r.slab, r.intSlab, r.condSlab, r.base = r.slab[:0], r.intSlab[:0], r.condSlab[:0], 0
	}
	r.memberID, r.memberErr, r.dependent, r.subscriber = "", nil, false, false
	r.inClaim, r.inHeader, r.inLine = false, false, false
	if r.groupBad {
		r.setBad = &SegmentError{Segment: r.seg, ID: "ST"}
		return
	}
	switch v := r.el(3); {
	case string(r.el(1)) != "837":
		r.setBad = &SegmentError{Segment: r.seg, ID: "ST", Element: 1, Err: errNot837}
	case bytes.HasPrefix(v, []byte(professional)):
		r.setBad = &SegmentError{Segment: r.seg, ID: "ST", Element: 3, Err: ErrProfessional}
	case string(v) != Version:
		r.setBad = &SegmentError{Segment: r.seg, ID: "ST", Element: 3, Err: ErrVersion}
	}
}

// endSet reads an SE segment: the set is accepted or refused.
func (r *Reader) endSet() {
	r.endClaim()
	r.state = stGroup
	if r.setBad == nil {
		if n, ok := number(r.el(1)); !ok || n != r.setSegs {
			r.setBad = &SegmentError{Segment: r.seg, ID: "SE", Element: 1, Err: errSegmentCount}
		} else if !bytes.Equal(r.el(2), r.stControl) {
			r.setBad = &SegmentError{Segment: r.seg, ID: "SE", Element: 2, Err: errControl}
		}
	}
	if r.setBad != nil {
		r.refuseSet(r.setBad)
		return
	}
	r.stats.Sets++
	r.stats.LinesRefused += r.setRefused
	if !r.limited && r.setOverflow == 0 && r.head == len(r.ready) {
		// The common case: every item is delivered, in place (pend kept no
		// more errors than can be reported).
		for i := range r.pending {
			if it := &r.pending[i]; it.err != nil {
				r.stats.Errors++
			} else {
				r.stats.Claims++
				r.stats.LinesRead += len(it.claim.Lines)
			}
		}
		r.ready, r.pending, r.head = r.pending, r.ready[:0], 0
		r.setErrors = 0
		return
	}
	for i := range r.pending {
		if it := &r.pending[i]; it.limit {
			r.limited = true
		} else if it.err != nil {
			r.report(it.err)
		} else {
			r.deliver(it.claim)
		}
		r.pending[i] = item{}
	}
	r.pending = r.pending[:0]
	if r.setOverflow > 0 {
		r.limited = true
		r.stats.ErrorsNotReported += r.setOverflow
	}
	r.setErrors, r.setOverflow = 0, 0
}

// refuseSet refuses the open set with e (reported unless the set's group
// was refused already).
func (r *Reader) refuseSet(e *SegmentError) {
	r.discardSet()
	if !r.setSilent {
		r.report(e)
	}
}

// setOpen is the error of the open set when it ends without its SE: that
// it was not closed, after the reason it was refused already when it was
// (a segment that cannot be read, the input cut off inside a segment,
// another version), as one error, at that reason's segment.
func (r *Reader) setOpen() *SegmentError {
	e := r.setBad
	if e == nil {
		return &SegmentError{Segment: r.stAt, ID: "ST", Err: errSetOpen}
	}
	if e.Err == nil { // refused with its group: not reported
		return e
	}
	open := errSetOpen
	if e.Segment != r.stAt {
		open = fmt.Errorf("%w: transaction set opened at segment %d (ST) not closed by SE", ErrEnvelope, r.stAt)
	}
	return &SegmentError{Segment: e.Segment, ID: e.ID, Element: e.Element, Component: e.Component, Err: fmt.Errorf("%w; %w", e.Err, open)}
}

// discardSet drops the open set's claims and errors: all its lines are
// refused.
func (r *Reader) discardSet() {
	r.stats.LinesRefused += r.setLines
	r.setLines, r.setRefused, r.setErrors, r.setOverflow = 0, 0, 0, 0
	clear(r.pending)
	r.pending = r.pending[:0]
	r.inClaim, r.inLine = false, false
	r.lines = r.lines[:0]
}

// pend keeps an error of the open set until its SE.
//
// The errors kept are as many as can still be reported; the others are
// counted, to hold the memory of a set of errors.
func (r *Reader) pend(e *SegmentError) {
	if r.stats.Errors+r.setErrors >= r.errorsLimit {
		if r.setOverflow++; r.setOverflow == 1 {
			r.pending = append(r.pending, item{limit: true})
		}
		return
	}
	r.setErrors++
	r.pending = append(r.pending, item{err: e})
}

// number parses a whole number of at most 9 digits.
func number(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// parseDate parses CCYYMMDD strictly: the date must exist and be a
// plausible date of service ([iop.CheckServiceDate]).
func parseDate(b []byte) (date.Date, bool) {
	if len(b) != 8 {
		return date.Zero, false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return date.Zero, false
		}
	}
	y := int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
	m := int(b[4]-'0')*10 + int(b[5]-'0')
	d := int(b[6]-'0')*10 + int(b[7]-'0')
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return date.Zero, false
	}
	v := date.Date(civil(y, m, d) + date.ZeroOffset)
	return v, iop.CheckServiceDate(v) == nil
}

// civil returns the days from 1970-01-01 to the date y-m-d of the
// proleptic Gregorian calendar, y from 1 (Howard Hinnant's
// days_from_civil).
func civil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// upperAlnum reports whether b is digits and upper-case letters.
func upperAlnum(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// code reports whether b is a code of min to max digits and upper-case
// letters (digits only when digits).
func code(b []byte, minLen, maxLen int, digits bool) bool {
	if len(b) < minLen || len(b) > maxLen {
		return false
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || !digits && c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// shortCode is a code of up to 7 bytes and its key: its bytes and its
// length packed in an integer (keyOf), never 0.
type shortCode struct {
	key uint64
	s   string
}

// dayCache is a date of service read and its CCYYMMDD, packed in an
// integer (keyOf); the zero dayCache holds no date.
type dayCache struct {
	key uint64
	day date.Date
}

// keyOf packs b, of at most 7 bytes, and its length in an integer:
// different for different b, never 0 for a b not empty. For 8 bytes it
// packs the bytes alone.
func keyOf(b []byte) uint64 {
	var k uint64
	switch len(b) {
	case 1:
		k = uint64(b[0])
	case 2:
		k = uint64(binary.LittleEndian.Uint16(b))
	case 3:
		k = uint64(binary.LittleEndian.Uint16(b)) | uint64(b[2])<<16
	case 4:
		k = uint64(binary.LittleEndian.Uint32(b))
	case 5:
		k = uint64(binary.LittleEndian.Uint32(b)) | uint64(b[4])<<32
	case 6:
		k = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint16(b[4:]))<<32
	case 7:
		k = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint16(b[4:]))<<32 | uint64(b[6])<<48
	case 8:
		return binary.LittleEndian.Uint64(b)
	}
	return k | uint64(len(b))<<56
}

// slot returns the slot of key in a cache of 1<<bits entries.
func slot(key uint64, bits uint) uint64 { return key * 0x9e3779b97f4a7c15 >> (64 - bits) }

// str returns b as a string, the same string for the same short codes:
// small caches in front of a map of at most 4096 codes.
func (r *Reader) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if len(b) < 8 {
		k := keyOf(b)
		e := &r.short[slot(k, 6)]
		if e.key != k {
			e.key, e.s = k, r.interned(b)
		}
		return e.s
	}
	h := (uint(len(b))*31 + uint(b[0])*7 + uint(b[len(b)-1])) % uint(len(r.cache))
	if s := r.cache[h]; s == string(b) {
		return s
	}
	s := r.interned(b)
	r.cache[h] = s
	return s
}

// interned returns b as a string, from the map of codes when there.
func (r *Reader) interned(b []byte) string {
	s, ok := r.intern[string(b)]
	if !ok {
		s = string(b)
		if len(r.intern) < 4096 {
			r.intern[s] = s
		}
	}
	return s
}

// knownIDs are the segment IDs an error may name.
const knownIDs = " ISA IEA GS GE ST SE BHT HL SBR PAT NM1 N3 N4 DMG REF PER PRV CUR CLM DTP CL1 PWK CN1 AMT K3 NTE CRC HI HCP CAS OI MIA MOA LX SV2 PID LIN CTP SVD LQ FRM "

// knownID returns the segment ID id when it is one the reader knows, ""
// otherwise: an error names a segment by its ID only when it cannot be
// text of the input's content.
func knownID(id []byte) string {
	if len(id) < 2 || len(id) > 3 {
		return ""
	}
	for i := 0; i+len(id)+1 < len(knownIDs); i++ {
		if knownIDs[i] == ' ' && knownIDs[i+1+len(id)] == ' ' && knownIDs[i+1:i+1+len(id)] == string(id) {
			return knownIDs[i+1 : i+1+len(id)]
		}
	}
	return ""
}

// limitReader counts the bytes read and fails past a limit.
type limitReader struct {
	r     io.Reader
	n     int64
	limit int64 // 0 or less: none
}

var errLimit = errors.New("limit")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.limit <= 0 {
		return l.r.Read(p)
	}
	if l.n > l.limit {
		return 0, errLimit
	}
	if int64(len(p)) > l.limit-l.n+1 {
		p = p[:l.limit-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.n > l.limit {
		return n, errLimit
	}
	return n, err
}
