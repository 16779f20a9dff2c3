// Package memtest measures what a call costs in time and peak heap, for
// the tests that hold the module's entry points to memory proportional to
// their input (issue 18) and constant for the streaming readers (issue
// 25), and makes large inputs on the fly, without holding them.
package memtest
