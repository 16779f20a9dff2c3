// Package x12 reads the claims of ANSI X12 837I files (005010X223A2, the
// HIPAA standard for institutional claims) into [schedule.ClaimLine]
// values and the claim-level facts the claim checks need, streaming, with
// the guarantees of the module's CSV readers: strict, bounded, and no
// text of the file in any error.
//
// What a hospital outpatient department, a CMHC or an RHC sends to
// Medicare and Medicaid for intensive outpatient and partial
// hospitalization is an 837I; a [Reader] reads it as billers send it,
// without flattening it to CSV first:
//
//	r, err := x12.NewReader(file, x12.Options{})
//	for claim, err := range r.All() {
//		if err != nil { // a *SegmentError: a line, claim or set refused; read on
//			continue    // (a *LimitError, a *ReadError or the input above MaxBytes ends it)
//		}
//		lines = append(lines, claim.Lines...) // schedule.ClaimLine, as from schedule.NewClaimReader
//	}
//	weeks, _ := summarizer.SummarizeClaims(nil, lines) // the patient-weeks, as from CSV
//
// # The envelope
//
// An interchange starts with an ISA segment of fixed layout: its fourth
// character is the element separator, ISA11 the repetition separator
// (in 00501: an interchange of an earlier version, ISA11 "U", is
// reported with [ErrVersion], not as one of bad separators), ISA16 the
// component separator and the character after it the segment
// terminator. The reader takes them from there and assumes none of "*",
// ":", "^" and "~"; they must be four different characters, none a
// letter, digit or space, and only the terminator may be a line break.
// Line breaks (LF or CRLF), spaces and tabs after a terminator are
// skipped, and a byte order mark before an ISA (files saved with one,
// joined); after an IEA, so are NUL bytes and Ctrl-Z (0x1A), with which
// some systems pad a file to a block or mark its end. A file may hold several interchanges, each several functional
// groups (GS/GE), each several transaction sets (ST/SE); the reader
// checks each trailer against its header: IEA01 the number of groups and
// IEA02 the ISA13 control number, GE01 the number of sets and GE02 the
// GS06 control number, SE01 the number of segments of the set (ST and SE
// included) and SE02 the ST02 control number.
//
// A functional group must be of health care claims (GS01 "HC") and name
// [Version] in GS08, and each transaction set must be an 837 naming it in
// ST03. A group or set of professional claims (837P, 005010X222A1) is
// refused with [ErrProfessional], one of another version with
// [ErrVersion].
//
// A transaction set is accepted or refused as a whole, as an X12
// acknowledgment does: its claims are held until its SE has been read and
// checked, then delivered; a set whose SE count or control number does not
// match, or that holds a segment that cannot be read (a segment ID that is
// not 2 or 3 upper-case letters and digits, a segment above
// [Options.MaxSegmentBytes] or with more than [Options.MaxElements]
// elements), is one error and delivers nothing. A set that the input ends
// in, or that an ST, GS, GE, IEA or ISA interrupts, is refused as not
// closed by SE; when it was refused already, its one error names that
// reason at its segment first, then that the set was not closed: "segment
// 57: invalid syntax: input ends inside a segment; envelope does not
// match: transaction set opened at segment 3 (ST) not closed by SE". A
// reader's memory is its largest transaction set's claims (a few hundred
// bytes a service line), and the limits bound every segment. A group's or
// interchange's trailer that does not match is reported when it is read,
// after the sets it closes were delivered: a caller that must refuse the
// whole interchange stops at the first [ErrEnvelope].
//
// # Claims and service lines
//
// Of each claim (loop 2300) the reader keeps, in a [Claim]:
//   - CLM01, the claim's ID (a record ID, [iop.CheckID]);
//   - CLM05, the facility type code (two digits), qualifier "A" and the
//     claim frequency code: the type of bill is "0" + facility + frequency
//     ("0131"); frequency 7 is a replacement and 8 a void, which must name
//     the payer's control number of the claim they replace in REF*F8
//     ([Claim.Replaces]);
//   - DTP*434 (RD8), the statement dates, required;
//   - CL1, the institutional claim codes, required;
//   - the condition codes of HI segments with qualifier BG ("92" IOP, "41"
//     PHP); HI segments of other qualifiers (diagnoses ABK/ABF, occurrence,
//     value and span codes) are not read;
//   - the patient's record ID: REF*EA, the medical record number, or with
//     [Options.PatientFromMemberID] the subscriber's member ID (NM1*IL
//     with qualifier MI, loop 2010BA) when the claim has no REF*EA and the
//     patient is the subscriber. A claim without either is refused; the
//     error says whether the claim is in no subscriber loop (2000B, HL03
//     22), or its patient is a dependent (loop 2000C, HL03 23), whom the
//     subscriber's member ID does not identify.
//
// These are read from the claim's own segments, before its first service
// line and before the provider and other-payer loops (2310, 2320, 2330),
// whose REF and DTP segments are another party's.
//
// Of each service line (loop 2400): LX01 the line number (1 to 65535);
// SV201 the revenue code (four digits); SV202 the procedure code with
// qualifier HC (HCPCS, CPT included: five digits or upper-case letters)
// and up to four modifiers (two each); SV204 the unit basis, UN (units)
// or DA (days), and SV205 the quantity, a whole number from 1 to 1440
// ("2" or "2.0"), which becomes [schedule.ClaimLine.Units]; DTP*472 the
// date of service (D8, or RD8 of one day), within the statement dates. A line without DTP*472 takes
// the claim's statement date when the statement covers one day, and is
// refused otherwise. Each line carries the claim's patient, ID, type of
// bill and first four condition codes ([Claim.ConditionCodes] has them
// all), for a replacement or void the claim it names (REF*F8, as
// [schedule.ClaimLine.Replaces]), so that the lines of an 837I are those
// of the equivalent claim-line CSV; and the position of its SV2 segment
// ([schedule.ClaimLine.Input], "segment 57"), which the findings about
// the line or its claim carry.
//
// Each line read is valid by [schedule.ClaimLine.Validate]. A line that is
// not is refused alone, with a [*SegmentError] naming its segment and
// element; a claim whose own segments are not valid is refused with its
// lines (one error). Every service line (SV2 segment) seen is counted as
// read or refused ([Stats]): ServiceLines == LinesRead + LinesRefused.
//
// # Nothing else leaves the reader
//
// Names, addresses, birth dates, diagnoses, charges and free text (NM1,
// N3, N4, DMG, HI with other qualifiers, NTE, ...) are skipped: their
// elements are not even split. No error holds text of the file: a
// [*SegmentError] names the segment's position in the input (the first
// ISA is segment 1), its ID when it is one of the segment IDs of the 837I,
// the element and component, and the reason, "segment 27 (SV2), element
// 4: unknown: unit basis not UN (units) or DA (days)". The reader logs
// nothing.
//
// # Limits
//
// [Options] bound a segment's length ([DefaultMaxSegmentBytes]) and
// elements ([DefaultMaxElements]) and the errors reported
// ([DefaultMaxErrors]): after them the reader delivers no more claims,
// reads on to count what it did not report, and ends with a
// [*LimitError]. There is no limit of the input's size unless
// [Options.MaxBytes] sets one.
//
// # Concurrency
//
// A [Reader] is for one goroutine. The [Claim] values it returns are the
// caller's: their slices are not reused.
//
// # References
//
//   - 45 CFR 162.1102, the HIPAA standard for health care claims: the ASC
//     X12N 837 Health Care Claim: Institutional, version 5010 (005010X223)
//     with its errata (005010X223A1, A2). The regulation's text was not
//     re-read for this package.
//   - ASC X12 Technical Report Type 3, Health Care Claim: Institutional
//     (837), 005010X223A2: loops 2300 and 2400; the layouts above were
//     checked against public renderings of the TR3 and the X12 base
//     standard (Stedi's X12 005010 reference for C023 and SV2, a
//     published 837I TR3 extract for SV202, X12's RFI 1538 on REF*F8 with
//     CLM05-3 7 and 8), not against the licensed TR3 itself.
//   - NUBC UB-04 manual: types of bill, claim frequency codes, condition
//     codes 41 and 92, revenue codes (through the TR3's code source 132).
package x12
