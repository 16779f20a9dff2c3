// Command quickstart walks through the capabilities of ioprules on embedded
// sample data: rule profiles and levels of care, group composition, weekly
// hours, eligibility, and aftercare. It prints a readable report.
//
//	go run ./examples/quickstart
package main

import (
	"fmt"
	"io"
	"os"
)

// A step writes one section of the report.
type step struct {
	name string // also the name of the step's golden file in testdata
	run  func(io.Writer) error
}

// steps lists the report's sections in order. Each lives in its own file.
func steps() []step {
	return []step{
		{"profiles", stepProfiles},
		{"groups", stepGroups},
		{"schedule", stepSchedule},
		{"eligibility", stepEligibility},
		{"aftercare", stepAftercare},
	}
}

func run(w io.Writer) error {
	for _, s := range steps() {
		if err := s.run(w); err != nil {
			return fmt.Errorf("%s: %w", s.name, err)
		}
	}
	return nil
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}
