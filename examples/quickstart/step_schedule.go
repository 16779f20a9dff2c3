package main

import "io"

// stepSchedule is the schedule step of the report (not written yet).
func stepSchedule(w io.Writer) error { return nil }
