package billing

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// inputX12 is the -input kind of an X12 837I file: its claim lines are
// checked as those of a claim-line CSV.
const inputX12 = "x12"

// isX12 reports whether the input starts as an X12 interchange does, with
// an ISA segment after what package x12 skips before it (a byte order
// mark, line breaks), and returns a reader of the whole input.
func isX12(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReader(r)
	for n := 3; ; n *= 2 {
		b, err := br.Peek(n)
		b = bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\uFEFF")), "\r\n")
		if len(b) >= 3 || err != nil {
			return br, bytes.HasPrefix(b, []byte("ISA"))
		}
	}
}

// errMapX12 refuses -map with X12 input, which has no columns.
var errMapX12 = errors.New("-map renames CSV columns; X12 input has none")
