package ioprules_test

import (
	"fmt"

	"github.com/ioprules/ioprules"
)

func ExampleCatalog() {
	codes := map[string]bool{}
	for _, r := range ioprules.Catalog() {
		codes[string(r.Code)] = true
	}
	fmt.Println(len(codes) == len(ioprules.Catalog()))
	// Output:
	// true
}
