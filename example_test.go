package ioprules_test

import (
	"fmt"
	"strings"

	"github.com/ioprules/ioprules"
)

// How many rule codes each package can emit.
func ExampleCatalog() {
	counts := map[string]int{}
	var order []string
	for r := range ioprules.Catalog().All() {
		pkg, _, _ := strings.Cut(string(r.Code), ".")
		if counts[pkg] == 0 {
			order = append(order, pkg)
		}
		counts[pkg]++
	}
	for _, pkg := range order {
		fmt.Println(pkg, counts[pkg] > 0)
	}
	// Output:
	// group true
	// schedule true
	// eligibility true
	// aftercare true
}
