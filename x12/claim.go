package x12

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// Claim is one claim of an 837I (loop 2300) with its service lines (loop
// 2400) as [schedule.ClaimLine] values, and the claim-level facts the claim
// checks need. Only these leave the reader: no name, address, birth date,
// diagnosis or charge of the file is kept.
//
// Each line carries the claim's patient, ID, type of bill ([Claim.BillType])
// and first four condition codes, as a flat claim-line export does, and
// for a replacement or void (frequency 7 or 8) the claim it names
// ([Claim.Replaces], REF*F8) as [schedule.ClaimLine.Replaces]; its
// date is its own (DTP*472) or, for a line without one, the claim's
// statement date when the statement covers one day.
//
// A Claim is not comparable (it holds slices); it is safe for concurrent
// reads. The slices are the claim's own unless [Options.ReuseLines]. Its
// JSON has the fields' names in snake case; the lines are
// [schedule.ClaimLine]'s JSON.
type Claim struct {
	// ID is the claim's ID (CLM01, the patient control number).
	ID string `json:"id"`
	// Patient is the patient's record ID: the medical record number
	// (REF*EA), or with [Options.PatientFromMemberID] the subscriber's
	// member ID.
	Patient string `json:"patient"`
	// FacilityType is the facility type code (CLM05-1: "13" for a
	// hospital outpatient department, "76" for a CMHC), the first two
	// digits of the type of bill.
	FacilityType string `json:"facility_type"`
	// Frequency is the claim frequency code (CLM05-3): "1" admit through
	// discharge, "7" replacement of a prior claim, "8" void of a prior
	// claim, and NUBC's others.
	Frequency string `json:"frequency"`
	// Replaces is the payer's claim control number of the claim this one
	// replaces or voids (REF*F8), for frequencies 7 and 8; empty
	// otherwise. It is the payer's number of the prior claim, which may
	// not be that claim's ID (CLM01).
	Replaces string `json:"replaces,omitzero"`
	// From and Through are the statement dates (DTP*434), both included.
	From    date.Date `json:"from"`
	Through date.Date `json:"through"`
	// AdmissionType, AdmissionSource and PatientStatus are the
	// institutional claim codes (CL1-01 to CL1-03); each may be empty.
	AdmissionType   string `json:"admission_type,omitzero"`
	AdmissionSource string `json:"admission_source,omitzero"`
	PatientStatus   string `json:"patient_status,omitzero"`
	// ConditionCodes are the condition codes (HI*BG), in the order of the
	// file: "92" IOP, "41" PHP.
	ConditionCodes []string `json:"condition_codes,omitzero"`
	// Lines are the claim's service lines read, in the order of the file;
	// lines refused are not among them.
	Lines []schedule.ClaimLine `json:"lines"`
	// LineSegments are the positions of each line's SV2 segment in the
	// input, parallel to Lines.
	LineSegments []int `json:"line_segments"`
	// Segment is the position of the claim's CLM segment in the input.
	Segment int `json:"segment"`
}

// BillType returns the type of bill: "0", the facility type code and the
// frequency ("0131"), as the claim lines carry it.
func (c *Claim) BillType() string { return "0" + c.FacilityType + c.Frequency }

// IsReplacement reports whether the claim replaces a prior claim
// (frequency 7).
func (c *Claim) IsReplacement() bool { return c.Frequency == "7" }

// IsVoid reports whether the claim voids a prior claim (frequency 8).
func (c *Claim) IsVoid() bool { return c.Frequency == "8" }

// date parses CCYYMMDD as parseDate does, recent dates again from a
// small cache.
func (r *Reader) date(b []byte) (date.Date, bool) {
	if len(b) != 8 {
		return date.Zero, false
	}
	k := keyOf(b)
	e := &r.dates[slot(k, 4)]
	if e.key == k && e.day != date.Zero {
		return e.day, true
	}
	d, ok := parseDate(b)
	if ok {
		e.key, e.day = k, d
	}
	return d, ok
}

// claimSegment handles a segment of a transaction set that is not
// refused.
func (r *Reader) claimSegment(id segID) {
	switch id {
	case idHL:
		r.endClaim()
		switch string(r.el(3)) {
		case "20":
			r.subscriber, r.dependent, r.memberID, r.memberErr = false, false, "", nil
		case "22":
			r.subscriber, r.dependent, r.memberID, r.memberErr = true, false, "", nil
		case "23":
			r.dependent = true
		}
	case idNM1:
		if r.inClaim {
			r.inHeader = false // loops 2310 and 2330: their segments are not the claim's
			return
		}
		if r.opt.PatientFromMemberID && r.subscriber && string(r.el(1)) == "IL" && string(r.el(8)) == "MI" {
			r.memberID, r.memberErr = "", nil
			v := r.el(9)
			switch {
			case !r.simple(v):
				r.memberErr = &SegmentError{Segment: r.seg, ID: "NM1", Element: 9, Err: errComposite}
			default:
				s := string(v)
				if err := iop.CheckID(s); err != nil {
					r.memberErr = &SegmentError{Segment: r.seg, ID: "NM1", Element: 9, Err: err}
				} else {
					r.memberID = s
				}
			}
		}
	case idSBR:
		if r.inClaim {
			r.inHeader = false
		}
	case idCLM:
		r.endClaim()
		r.startClaim()
	case idDTP:
		switch {
		case r.inLine:
			r.lineDate()
		case r.inHeader:
			r.statementDates()
		}
	case idCL1:
		if r.inHeader {
			r.cl1()
		}
	case idHI:
		if r.inHeader {
			r.conditions()
		}
	case idREF:
		if r.inHeader {
			r.ref()
		}
	case idLX:
		r.startLine()
	case idSV2:
		r.sv2()
	}
}

// claimErr records the first error of the claim: the claim is refused.
func (r *Reader) claimErr(element, component int, err error) {
	if r.cur.err == nil {
		r.cur.err = &SegmentError{Segment: r.seg, ID: knownID(r.el(0)), Element: element, Component: component, Err: err}
	}
}

// lineErr records the first error of the line being read: the line is
// refused.
func (r *Reader) lineErr(element, component int, err error) {
	if ln := &r.lines[r.li]; ln.err == nil {
		ln.err = &SegmentError{Segment: r.seg, ID: knownID(r.el(0)), Element: element, Component: component, Err: err}
	}
}

// startClaim reads a CLM segment.
func (r *Reader) startClaim() {
	r.inClaim, r.inHeader, r.inLine = true, true, false
	r.cur = claimState{at: r.seg}
	r.lines = r.lines[:0]
	r.base = len(r.slab)
	c := &r.cur.c
	c.Segment = r.seg
	if v := r.el(1); !r.simple(v) {
		r.claimErr(1, 0, errComposite)
	} else {
		c.ID = string(v)
		if err := iop.CheckID(c.ID); err != nil {
			r.claimErr(1, 0, err)
		}
	}
	var buf [4][]byte
	parts := r.components(buf[:0], r.el(5))
	switch {
	case len(parts) != 3 || len(parts[0]) != 2 || !code(parts[0], 2, 2, true):
		r.claimErr(5, 1, errFacility)
	case string(parts[1]) != "A":
		r.claimErr(5, 2, errFacility)
	case !code(parts[2], 1, 1, false):
		r.claimErr(5, 3, errFacility)
	default:
		c.FacilityType, c.Frequency = r.str(parts[0]), r.str(parts[2])
	}
}

// statementDates reads DTP*434 of the claim.
func (r *Reader) statementDates() {
	if string(r.el(1)) != "434" {
		return
	}
	if r.cur.statement {
		r.claimErr(0, 0, errTwice)
		return
	}
	r.cur.statement = true
	if string(r.el(2)) != "RD8" {
		r.claimErr(2, 0, errRangeFormat)
		return
	}
	from, through, ok := r.dateRange(r.el(3))
	if !ok {
		r.claimErr(3, 0, errDateRange)
		return
	}
	r.cur.c.From, r.cur.c.Through = from, through
}

// dateRange parses CCYYMMDD-CCYYMMDD, the first date not after the last.
func (r *Reader) dateRange(b []byte) (from, through date.Date, ok bool) {
	if len(b) != 17 || b[8] != '-' {
		return 0, 0, false
	}
	from, ok1 := r.date(b[:8])
	through, ok2 := r.date(b[9:])
	return from, through, ok1 && ok2 && from <= through
}

// cl1 reads the institutional claim codes.
func (r *Reader) cl1() {
	if r.cur.cl1 {
		r.claimErr(0, 0, errTwice)
		return
	}
	r.cur.cl1 = true
	fields := [3]*string{&r.cur.c.AdmissionType, &r.cur.c.AdmissionSource, &r.cur.c.PatientStatus}
	for i, f := range fields {
		v := r.el(i + 1)
		if len(v) > 0 && !code(v, 1, 2, false) {
			r.claimErr(i+1, 0, errCode)
			return
		}
		*f = r.str(v)
	}
}

// conditions reads the condition codes of an HI segment: its BG
// composites. Other HI segments (diagnoses, occurrences, values) are not
// read.
func (r *Reader) conditions() {
	var buf [3][]byte
	for i := 1; i+1 < len(r.offs); i++ {
		parts := r.components(buf[:0], r.el(i))
		if string(parts[0]) != "BG" {
			continue
		}
		switch {
		case len(parts) < 2 || !code(parts[1], 2, 2, false):
			r.claimErr(i, 2, errCode)
			return
		case r.cur.nCond == maxConditions:
			r.claimErr(i, 0, errConditions)
			return
		}
		r.cur.conditions[r.cur.nCond] = r.str(parts[1])
		r.cur.nCond++
	}
}

// ref reads REF*EA (the medical record number) and REF*F8 (the claim
// replaced) of the claim.
func (r *Reader) ref() {
	var dst *string
	var seen *bool
	switch string(r.el(1)) {
	case "EA":
		dst, seen = &r.cur.c.Patient, &r.cur.patient
	case "F8":
		dst, seen = &r.cur.c.Replaces, &r.cur.replaces
	default:
		return
	}
	if *seen {
		r.claimErr(0, 0, errTwice)
		return
	}
	*seen = true
	v := r.el(2)
	if !r.simple(v) {
		r.claimErr(2, 0, errComposite)
		return
	}
	s := r.str(v) // a patient's ID comes back on many claims
	if err := iop.CheckID(s); err != nil {
		r.claimErr(2, 0, err)
		return
	}
	*dst = s
}

// startLine reads an LX segment.
func (r *Reader) startLine() {
	if !r.inClaim {
		r.pend(&SegmentError{Segment: r.seg, ID: "LX", Err: errLineOutside})
		return
	}
	r.endLine()
	r.inHeader, r.inLine = false, true
	r.newLine(lineState{lx: r.seg})
	n, ok := number(r.el(1))
	switch {
	case !ok:
		r.lineErr(1, 0, errNumber)
	case n < 1 || n > 65535:
		r.lineErr(1, 0, errLineNumber)
	}
	r.slab[r.base+r.li].Line = n
}

// newLine starts a line on the claim. Past the most lines a claim may
// have, the last line is dropped, counted, to hold the lines' memory.
func (r *Reader) newLine(ln lineState) {
	if len(r.lines) > maxClaimLines {
		if r.lines[len(r.lines)-1].hasSV2 {
			r.cur.dropped++
		}
		r.lines = r.lines[:len(r.lines)-1]
		r.slab = r.slab[:len(r.slab)-1]
	}
	if len(r.slab) == cap(r.slab) {
		r.grow()
	}
	n := len(r.slab)
	r.slab = r.slab[:n+1]
	if n < r.dirty { // memory of a line refused, or of a set whose memory is reused
		r.slab[n] = schedule.ClaimLine{}
	} else {
		r.dirty = n + 1 // make zeroed it
	}
	r.lines = append(r.lines, ln)
	r.li = len(r.lines) - 1
}

// grow gives the slab the claim lines are read into room for more, the
// lines of the claim being read moved to the new one. Without ReuseLines
// the old slab stays with the claims delivered from it.
func (r *Reader) grow() {
	n := len(r.slab) - r.base
	size := max(8192, 2*n)
	if r.opt.ReuseLines {
		size = max(size, 2*cap(r.slab)) // grows to the largest set, then is reused
	}
	slab := make([]schedule.ClaimLine, n, size)
	copy(slab, r.slab[r.base:])
	r.slab, r.base, r.dirty = slab, 0, n
	if !r.opt.ReuseLines {
		r.intSlab = make([]int, 0, size) // the lines' positions, a slab of their own alike
	}
}

// endLine ends the service line being read: a line without its SV2 is
// dropped with an error (it is no service line).
func (r *Reader) endLine() {
	if !r.inLine {
		return
	}
	r.inLine = false
	if ln := &r.lines[r.li]; !ln.hasSV2 {
		r.pend(&SegmentError{Segment: ln.lx, ID: "LX", Err: errNoSV2})
		r.lines = r.lines[:r.li] // the last line: an SV2 of its own would have come after it
		r.slab = r.slab[:r.base+r.li]
	}
}

// sv2 reads an SV2 segment: the line's revenue code, procedure code and
// modifiers, and units.
func (r *Reader) sv2() {
	switch {
	case !r.inClaim:
		r.setRefused++
		r.pend(&SegmentError{Segment: r.seg, ID: "SV2", Err: errLineOutside})
		return
	case !r.inLine || r.lines[r.li].hasSV2:
		reason := errNoLX
		if r.inLine {
			reason = errTwoSV2
		}
		li := r.li
		r.newLine(lineState{sv2: r.seg, hasSV2: true})
		r.lineErr(0, 0, reason)
		if r.inLine {
			r.li = min(li, len(r.lines)-1)
		}
		return
	}
	ln := &r.lines[r.li]
	ln.hasSV2, ln.sv2 = true, r.seg
	l := &r.slab[r.base+r.li]
	if v := r.el(1); len(v) > 0 {
		if !code(v, 4, 4, true) {
			r.lineErr(1, 0, errCode)
		}
		l.Revenue = r.str(v)
	}
	if v := r.el(2); len(v) > 0 { // its components scanned in place
		qualifier, rest, more := r.cut(v)
		var proc []byte
		if more {
			proc, rest, more = r.cut(rest)
		}
		switch {
		case string(qualifier) != "HC":
			r.lineErr(2, 1, errQualifier)
		case proc == nil || !code(proc, 5, 5, false):
			r.lineErr(2, 2, errCode)
		default:
			l.Code = r.str(proc)
			for i := 2; more && i < 6; i++ { // the modifiers: components 3 to 6
				var m []byte
				m, rest, more = r.cut(rest)
				if len(m) == 0 {
					continue
				}
				if !code(m, 2, 2, false) {
					r.lineErr(2, i+1, errCode)
					break
				}
				l.Modifiers[i-2] = r.str(m)
			}
		}
	} else if l.Revenue == "" {
		r.lineErr(0, 0, errNoCode)
	}
	basis, qty := r.el(4), r.el(5)
	switch {
	case len(basis) == 0 || len(qty) == 0:
		r.lineErr(4, 0, errNoUnits)
	case string(basis) != "UN" && string(basis) != "DA":
		r.lineErr(4, 0, errUnitBasis)
	default:
		n, ok := quantity(qty)
		if !ok {
			r.lineErr(5, 0, errUnits)
		}
		l.Units = n
	}
}

// quantity parses units: a whole number from 1 to 1440, written with
// or without a fraction of zeros ("2", "2.0").
func quantity(b []byte) (int, bool) {
	for i, c := range b {
		if c == '.' {
			for _, z := range b[i+1:] {
				if z != '0' {
					return 0, false
				}
			}
			b = b[:i]
			break
		}
	}
	n, ok := number(b)
	return n, ok && n >= 1 && n <= 1440
}

// lineDate reads DTP*472, the line's date of service.
func (r *Reader) lineDate() {
	if string(r.el(1)) != "472" {
		return
	}
	ln := &r.lines[r.li]
	if ln.dated {
		r.lineErr(0, 0, errTwice)
		return
	}
	ln.dated = true
	var d date.Date
	switch string(r.el(2)) {
	case "D8":
		var ok bool
		if d, ok = r.date(r.el(3)); !ok {
			r.lineErr(3, 0, errDate)
			return
		}
	case "RD8":
		from, through, ok := r.dateRange(r.el(3))
		switch {
		case !ok:
			r.lineErr(3, 0, errDateRange)
			return
		case from != through:
			r.lineErr(3, 0, errLineSpan)
			return
		}
		d = from
	default:
		r.lineErr(2, 0, errDateFormat)
		return
	}
	if c := &r.cur; c.statement && (d < c.c.From || d > c.c.Through) { // without DTP*434 the claim is refused
		r.lineErr(3, 0, errLineNotCovered)
		return
	}
	r.slab[r.base+r.li].Date = d
}

// endClaim ends the claim being read: it is refused, or its lines are
// completed from the claim and kept with it until the set's SE.
func (r *Reader) endClaim() {
	if !r.inClaim {
		return
	}
	r.endLine()
	r.inClaim, r.inHeader = false, false
	cs := &r.cur
	c := &cs.c
	if cs.err == nil {
		at := func(err error) { cs.err = &SegmentError{Segment: cs.at, ID: "CLM", Err: err} }
		switch {
		case !cs.statement:
			at(errNoStatement)
		case !cs.cl1:
			at(errNoCL1)
		case (c.Frequency == "7" || c.Frequency == "8") && c.Replaces == "":
			at(errNoReplaced)
		case len(r.lines)+cs.dropped > maxClaimLines:
			at(errLines)
		case c.Patient == "" && r.memberErr != nil:
			cs.err = r.memberErr
		case c.Patient == "" && !r.opt.PatientFromMemberID:
			at(errNoPatient)
		case c.Patient == "" && !r.subscriber:
			at(errNoSubscriber)
		case c.Patient == "" && r.dependent:
			at(errDependent)
		case c.Patient == "" && r.memberID == "":
			at(errNoPatient)
		case c.Patient == "":
			c.Patient = r.memberID
		}
	}
	if cs.err != nil {
		r.pend(cs.err)
		r.setRefused += len(r.lines) + cs.dropped
		r.lines = r.lines[:0]
		r.slab = r.slab[:r.base]
		return
	}
	if cs.nCond > 0 {
		if len(r.condSlab)+cs.nCond > cap(r.condSlab) {
			r.condSlab = make([]string, 0, 4096)
		}
		n := len(r.condSlab)
		r.condSlab = append(r.condSlab, cs.conditions[:cs.nCond]...)
		c.ConditionCodes = r.condSlab[n:len(r.condSlab):len(r.condSlab)]
	}
	if !c.IsReplacement() && !c.IsVoid() {
		c.Replaces = "" // REF*F8 names a claim replaced or voided only
	}
	var conds [4]string
	copy(conds[:], cs.conditions[:min(cs.nCond, 4)])
	bt := [4]byte{'0', 0, 0, 0}
	billType := r.str(append(append(bt[:1], c.FacilityType...), c.Frequency...))
	w := r.base // the lines read are moved down over those refused
	for i := range r.lines {
		ln := &r.lines[i]
		if ln.err == nil && !ln.dated && c.From != c.Through {
			ln.err = &SegmentError{Segment: ln.sv2, ID: "SV2", Err: errNoLineDate}
		}
		if ln.err != nil {
			r.pend(ln.err)
			r.setRefused++
			continue
		}
		l := &r.slab[r.base+i] // every field was checked as schedule.ClaimLine.Validate checks it
		if !ln.dated {
			l.Date = c.From
		}
		l.Patient, l.Claim, l.BillType, l.ConditionCodes = c.Patient, c.ID, billType, conds
		if c.IsReplacement() || c.IsVoid() {
			l.Replaces = c.Replaces
		}
		l.Input = iop.InputSegment(ln.sv2)
		if w != r.base+i {
			r.slab[w] = *l
		}
		r.intSlab = append(r.intSlab, ln.sv2)
		w++
	}
	r.slab = r.slab[:w]
	c.Lines = r.slab[r.base:w:w]
	c.LineSegments = r.intSlab[len(r.intSlab)-(w-r.base) : len(r.intSlab) : len(r.intSlab)]
	r.base = w
	r.pending = append(r.pending, item{claim: *c})
	r.lines = r.lines[:0]
}
