package ioptest_test

import (
	"fmt"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/ioptest"
)

// printer is a stand-in for *testing.T that prints failures.
type printer struct{}

func (printer) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }
func (printer) Helper()                           {}
func (printer) FailNow()                          {}

func ExampleHasCode() {
	findings := iop.Findings{{
		Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityBlocking, Subject: "P-1",
		Need: 540, Got: 539, Unit: iop.UnitMinutes,
	}}
	// In a test: ioptest.HasCode(t, findings, ...).
	fmt.Println(ioptest.HasCode(printer{}, findings, "schedule.weekly-minutes.below-minimum"))
	fmt.Println(ioptest.NoBlocking(printer{}, findings[:0]))
	// Output:
	// true
	// true
}
