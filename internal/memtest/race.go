//go:build race

package memtest

// Race reports whether the race detector is on: the 60 MB tests skip
// under it, being slow and measuring the detector's memory.
const Race = true
