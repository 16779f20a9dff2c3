package billing

import (
	"bufio"
	"errors"
	"io"
)

// inputX12 is the -input kind of an X12 837I file: its claim lines are
// checked as those of a claim-line CSV.
const inputX12 = "x12"

// isX12 reports whether the input starts as an X12 interchange does, with
// an ISA segment, and returns a reader of the whole input.
func isX12(r io.Reader) (io.Reader, bool) {
	br := bufio.NewReader(r)
	b, _ := br.Peek(3)
	return br, string(b) == "ISA"
}

// errMapX12 refuses -map with X12 input, which has no columns.
var errMapX12 = errors.New("-map renames CSV columns; X12 input has none")
