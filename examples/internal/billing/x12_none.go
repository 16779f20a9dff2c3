//go:build nox12

package billing

import (
	"fmt"
	"io"

	"github.com/rickb777/date/v2"
)

// readX12 refuses an 837I: a build with the tag nox12 (the web page's
// WebAssembly, which the X12 reader would take over its size budget)
// leaves package x12 out.
func (in *input) readX12(io.Reader, func(string, date.Date)) error {
	return fmt.Errorf("%w: %s: this build does not read X12 837I files", errInput, inputX12)
}
