package iop

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Input is where in its input a record was read: the physical line of a
// CSV row (its first line, from 1, the header being line 1), or the
// position of an X12 segment (the first ISA is segment 1; for a claim
// line, its SV2 segment). A reader sets it on the records it reads
// (schedule's CSV readers, the x12 reader), and a finding drawn from one
// record carries it ([Finding.Input]), so that a biller finds the row or
// segment; it never holds the input's text. The zero Input is a record
// not read from a file (built in code, decoded from JSON without one).
//
// An Input is 4 bytes, comparable and safe for concurrent use. Positions
// above 2,147,483,647 are kept as that number.
type Input struct {
	v uint32 // the position, from 1; the top bit set for an X12 segment
}

const (
	inputSegment = 1 << 31
	inputMax     = inputSegment - 1
)

// inputOf returns position n, saturated, as an Input of kind bit.
func inputOf(n int, bit uint32) Input {
	if n < 1 {
		return Input{}
	}
	return Input{v: uint32(min(n, inputMax)) | bit}
}

// InputLine returns the Input of a CSV row that starts on physical line n
// (from 1); n below 1 gives the zero Input.
func InputLine(n int) Input { return inputOf(n, 0) }

// InputSegment returns the Input of the X12 segment at position n (from 1:
// the ISA); n below 1 gives the zero Input.
func InputSegment(n int) Input { return inputOf(n, inputSegment) }

// IsZero reports whether in is the zero Input: not read from a file.
func (in Input) IsZero() bool { return in.v == 0 }

// Line returns the physical line of a CSV row, and 0 when in is not one.
func (in Input) Line() int {
	if in.v&inputSegment != 0 {
		return 0
	}
	return int(in.v)
}

// Segment returns the position of an X12 segment, and 0 when in is not
// one.
func (in Input) Segment() int {
	if in.v&inputSegment == 0 {
		return 0
	}
	return int(in.v &^ inputSegment)
}

// String returns "input line 12" for a CSV row, "segment 57" for an X12
// segment, and "" for the zero Input.
func (in Input) String() string { return string(in.appendTo(nil)) }

func (in Input) appendTo(b []byte) []byte {
	switch {
	case in.v == 0:
		return b
	case in.v&inputSegment != 0:
		b = append(b, "segment "...)
	default:
		b = append(b, "input line "...)
	}
	return strconv.AppendUint(b, uint64(in.v&^inputSegment), 10)
}

// MarshalText implements [encoding.TextMarshaler]: what String writes.
func (in Input) MarshalText() ([]byte, error) { return in.appendTo(nil), nil }

var errInputSyntax = fmt.Errorf("%w: want input line N or segment N", ErrSyntax)

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly
// what String writes ("" the zero Input), and refuses a position of 0, a
// sign, leading zeros or one above 2,147,483,647. On error in is
// unchanged; the error does not hold the text.
func (in *Input) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*in = Input{}
		return nil
	}
	s, bit := string(b), uint32(0)
	switch {
	case strings.HasPrefix(s, "input line "):
		s = s[len("input line "):]
	case strings.HasPrefix(s, "segment "):
		s, bit = s[len("segment "):], inputSegment
	default:
		return errInputSyntax
	}
	if s == "" || s[0] < '1' || s[0] > '9' || len(s) > 10 {
		return errInputSyntax
	}
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil || n > math.MaxInt32 {
		return errInputSyntax
	}
	*in = Input{v: uint32(n) | bit}
	return nil
}
