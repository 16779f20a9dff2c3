package x12

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The errors a [Reader] reports, to test with [errors.Is]. Each
// [*SegmentError] wraps one of them or one of iop's sentinel errors
// ([iop.ErrSyntax], [iop.ErrMissing], [iop.ErrOutOfRange],
// [iop.ErrInvalidDate], [iop.ErrTooLarge]).
var (
	// ErrProfessional reports a functional group or transaction set of
	// professional claims (837P, 005010X222A1 and its errata): they carry
	// no type of bill and no revenue codes, and are refused as a whole.
	ErrProfessional = errors.New("professional claims (837P, 005010X222): not read")
	// ErrVersion reports a functional group or transaction set of another
	// transaction or implementation than 837 005010X223A2.
	ErrVersion = errors.New("not an 837 005010X223A2 transaction")
	// ErrEnvelope reports an envelope that does not hold together: a
	// control number that does not match its trailer's, a count of
	// segments, sets or groups that is wrong, a trailer missing, a segment
	// outside the envelope it belongs in.
	ErrEnvelope = errors.New("envelope does not match")
	// ErrTooManyErrors reports that the reader reported
	// [Options.MaxErrors] errors and counted the rest without reporting
	// them ([LimitError]).
	ErrTooManyErrors = errors.New("too many errors")
)

// The reasons of the reader's errors: each wraps a sentinel and says why in
// words of the standard, never with the input's text.
var (
	errISA            = fmt.Errorf("%w: not an ISA segment of 106 characters with its separators in place", iop.ErrSyntax)
	errSeparators     = fmt.Errorf("%w: the ISA separators must be four different characters, none a letter, digit or space, and only the terminator a line break", iop.ErrSyntax)
	errTrailing       = fmt.Errorf("%w: data after the interchange trailer that is not another interchange", ErrEnvelope)
	errSegmentLong    = fmt.Errorf("%w: segment longer than the limit", iop.ErrTooLarge)
	errElementsMany   = fmt.Errorf("%w: more elements than the limit", iop.ErrTooLarge)
	errSegmentID      = fmt.Errorf("%w: not a segment identifier", iop.ErrSyntax)
	errCutOff         = fmt.Errorf("%w: input ends inside a segment", iop.ErrSyntax)
	errOutsideSet     = fmt.Errorf("%w: segment outside a transaction set", ErrEnvelope)
	errOutsideGroup   = fmt.Errorf("%w: segment outside a functional group", ErrEnvelope)
	errSetOpen        = fmt.Errorf("%w: transaction set not closed by SE", ErrEnvelope)
	errGroupOpen      = fmt.Errorf("%w: functional group not closed by GE", ErrEnvelope)
	errInterOpen      = fmt.Errorf("%w: interchange not closed by IEA", ErrEnvelope)
	errControl        = fmt.Errorf("%w: control number does not match the header's", ErrEnvelope)
	errSegmentCount   = fmt.Errorf("%w: number of segments in the set does not match", ErrEnvelope)
	errSetCount       = fmt.Errorf("%w: number of transaction sets in the group does not match", ErrEnvelope)
	errGroupCount     = fmt.Errorf("%w: number of functional groups in the interchange does not match", ErrEnvelope)
	errNotClaim       = fmt.Errorf("%w: not a health care claim group (GS01 HC)", ErrVersion)
	errNot837         = fmt.Errorf("%w: not an 837 transaction set", ErrVersion)
	errNumber         = fmt.Errorf("%w: want a whole number", iop.ErrSyntax)
	errDate           = fmt.Errorf("%w: want CCYYMMDD", iop.ErrInvalidDate)
	errDateRange      = fmt.Errorf("%w: want CCYYMMDD-CCYYMMDD, first date not after the last", iop.ErrInvalidDate)
	errDateFormat     = fmt.Errorf("%w: date format qualifier not D8 or RD8", iop.ErrSyntax)
	errRangeFormat    = fmt.Errorf("%w: date format qualifier not RD8", iop.ErrSyntax)
	errLineSpan       = fmt.Errorf("%w: a service line's date range covers more than one day", iop.ErrOutOfRange)
	errLineNotCovered = fmt.Errorf("%w: a service date outside the claim's statement dates (DTP*434)", iop.ErrOutOfRange)
	errNoLineDate     = fmt.Errorf("%w: no service date, and the claim's statement covers more than one day", iop.ErrMissing)
	errLineNumber     = fmt.Errorf("%w: a line number is from 1 to 65535", iop.ErrOutOfRange)
	errNoLX           = fmt.Errorf("%w: service line without an LX segment", iop.ErrMissing)
	errTwoSV2         = fmt.Errorf("%w: second SV2 segment in one service line", iop.ErrDuplicate)
	errNoCode         = fmt.Errorf("%w: neither a revenue code nor a procedure code", iop.ErrMissing)
	errQualifier      = fmt.Errorf("%w: procedure code qualifier not HC (HCPCS/CPT)", iop.ErrUnknown)
	errUnitBasis      = fmt.Errorf("%w: unit basis not UN (units) or DA (days)", iop.ErrUnknown)
	errUnits          = fmt.Errorf("%w: units are a whole number from 1 to 1440", iop.ErrOutOfRange)
	errNoUnits        = fmt.Errorf("%w: no unit basis or quantity", iop.ErrMissing)
	errComposite      = fmt.Errorf("%w: component or repetition separator in a simple element", iop.ErrSyntax)
	errCode           = fmt.Errorf("%w: not a code of the expected length and characters", iop.ErrSyntax)
	errFacility       = fmt.Errorf("%w: want facility type code:A:frequency code", iop.ErrSyntax)
	errNoStatement    = fmt.Errorf("%w: no statement dates (DTP*434)", iop.ErrMissing)
	errNoCL1          = fmt.Errorf("%w: no institutional claim code (CL1)", iop.ErrMissing)
	errNoPatient      = fmt.Errorf("%w: no medical record number (REF*EA), and the member ID is not taken as the patient's", iop.ErrMissing)
	errNoSubscriber   = fmt.Errorf("%w: no medical record number (REF*EA), and the claim is in no subscriber loop (2000B, HL03 22) to take a member ID from", iop.ErrMissing)
	errDependent      = fmt.Errorf("%w: no medical record number (REF*EA), and the patient is a dependent, whom the subscriber's member ID does not identify", iop.ErrMissing)
	errNoReplaced     = fmt.Errorf("%w: a replacement or void claim without the claim it replaces (REF*F8)", iop.ErrMissing)
	errTwice          = fmt.Errorf("%w: segment given twice in the claim", iop.ErrDuplicate)
	errConditions     = fmt.Errorf("%w: more than 24 condition codes", iop.ErrOutOfRange)
	errLineOutside    = fmt.Errorf("%w: service line outside a claim", ErrEnvelope)
	errNoSV2          = fmt.Errorf("%w: service line without an SV2 segment", iop.ErrMissing)
	errLines          = fmt.Errorf("%w: more than 999 service lines in a claim", iop.ErrOutOfRange)
)

// SegmentError reports a segment of the input that is refused, or that
// makes a service line, a claim, a transaction set or a functional group
// refused. Segment is its position in the input, from 1 (the first ISA);
// ID the segment's identifier when it is one the reader knows ("SV2"),
// empty otherwise; Element and Component the position of the element and
// component at fault, from 1, zero for the segment as a whole. Err wraps
// the reason's sentinel. The message names positions only, never the
// content of a segment: "segment 27 (SV2), element 3: ...".
type SegmentError struct {
	Segment   int    // the segment's position in the input, from 1
	ID        string // the segment's identifier, when a known one; else ""
	Element   int    // the element at fault, from 1; 0 for the segment
	Component int    // the component at fault, from 1; 0 for the element
	Err       error  // the reason: wraps a sentinel error
}

// Error returns "segment N (ID), element E, component C: reason".
func (e *SegmentError) Error() string {
	b := make([]byte, 0, 80)
	b = append(b, "segment "...)
	b = strconv.AppendInt(b, int64(e.Segment), 10)
	if e.ID != "" {
		b = append(b, " ("...)
		b = append(b, e.ID...)
		b = append(b, ')')
	}
	if e.Element > 0 {
		b = append(b, ", element "...)
		b = strconv.AppendInt(b, int64(e.Element), 10)
		if e.Component > 0 {
			b = append(b, ", component "...)
			b = strconv.AppendInt(b, int64(e.Component), 10)
		}
	}
	b = append(b, ": "...)
	b = append(b, e.Err.Error()...)
	return string(b)
}

// Unwrap returns the reason.
func (e *SegmentError) Unwrap() error { return e.Err }

// LimitError is the reader's last error when it reported
// [Options.MaxErrors] errors: it read on to the end of the input to count
// what it did not report. NotReported is the number of errors not
// reported; LinesNotRead the service lines refused or not delivered after
// the limit (included in [Stats.LinesRefused]).
type LimitError struct {
	Reported     int // the errors reported before the limit
	NotReported  int // the errors found after it and not reported
	LinesNotRead int // the service lines not delivered after it
}

// Error returns "x12: N errors reported, M more not reported, L service lines not read".
func (e *LimitError) Error() string {
	return "x12: " + strconv.Itoa(e.Reported) + " errors reported, " + strconv.Itoa(e.NotReported) +
		" more not reported, " + strconv.Itoa(e.LinesNotRead) + " service lines not read"
}

// Unwrap returns [ErrTooManyErrors].
func (e *LimitError) Unwrap() error { return ErrTooManyErrors }

// ReadError reports an error of the reader the input is read from. Err is its
// own error; errors.Is and errors.As see through it.
type ReadError struct {
	Err error
}

// Error returns "x12: reading: " and the reader's error.
func (e *ReadError) Error() string { return "x12: reading: " + e.Err.Error() }

// Unwrap returns the reader's error.
func (e *ReadError) Unwrap() error { return e.Err }
