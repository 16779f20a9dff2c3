//go:build unix

package x12_test

import "syscall"

// cpuNanos returns the CPU time the process used so far, user and system,
// in nanoseconds: a measure of work that other processes on a shared
// machine do not inflate as they do wall time.
func cpuNanos() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
