package billing

import (
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/rickb777/date/v2"
)

// readX12 reads the claims of an 837I (package x12) into claim lines. A
// line, claim or transaction set refused is a row refused, by its segment
// (every one, kept or counted past maxErrors as a CSV's rows are); an
// input that is not an interchange, above the size limit or that cannot be
// read is input that cannot be read.
func (in *input) readX12(r io.Reader, seen func(string, date.Date)) error {
	r, ok := isX12(r)
	if !ok {
		return fmt.Errorf("%w: %s: not an X12 interchange (no ISA segment)", errInput, inputX12)
	}
	// Every error is read and kept or counted here (in.keep), as those of
	// a CSV are: the reader's own cap would end the reading at its 100th
	// error, leaving the claims after it unchecked.
	xr, err := x12.NewReader(r, x12.Options{MaxBytes: schedule.DefaultMaxBytes, MaxErrors: math.MaxInt})
	if err != nil {
		return inputError(inputX12, err)
	}
	for c, err := range xr.All() {
		var se *x12.SegmentError
		switch {
		case errors.As(err, &se) && se.Segment == 1 && !errors.Is(err, x12.ErrEnvelope):
			return inputError(inputX12, err) // the ISA cannot be read
		case errors.As(err, &se):
			in.keep(rowError{inputX12, se.Segment, se})
		case err != nil:
			var ioe *x12.ReadError
			if errors.As(err, &ioe) {
				err = ioe.Err
			}
			return inputError(inputX12, err)
		default:
			in.lines = append(in.lines, c.Lines...)
			in.lineAt = append(in.lineAt, c.LineSegments...)
		}
	}
	in.refuseOtherPatients(inputX12, func(at int, err error) error { return &x12.SegmentError{Segment: at, ID: "SV2", Err: err} })
	for _, l := range in.lines {
		seen(l.Patient, l.Date)
	}
	return nil
}
