package schedule_test

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// seen records the codes the tests' findings hold, so that TestMain can
// check that every code in Rules is produced by some test and that no test
// produces a code Rules does not list.
var seen = struct {
	sync.Mutex
	codes map[iop.Code]bool
}{codes: map[iop.Code]bool{}}

// saw records the codes of fs and returns fs.
func saw(fs iop.Findings) iop.Findings {
	seen.Lock()
	defer seen.Unlock()
	for _, f := range fs {
		seen.codes[f.Code] = true
	}
	return fs
}

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" {
		code = checkCodes()
	}
	os.Exit(code)
}

// checkCodes compares the codes the tests saw with the catalog.
func checkCodes() int {
	var listed []iop.Code
	for _, r := range schedule.Rules() {
		listed = append(listed, r.Code)
	}
	status := 0
	seen.Lock()
	defer seen.Unlock()
	for _, c := range listed {
		if !seen.codes[c] {
			fmt.Fprintf(os.Stderr, "FAIL: rule %s is listed by Rules but no test produced it\n", c)
			status = 1
		}
	}
	for c := range seen.codes {
		if !slices.Contains(listed, c) {
			fmt.Fprintf(os.Stderr, "FAIL: tests produced %s, which Rules does not list\n", c)
			status = 1
		}
	}
	return status
}
