package main

import "io"

// stepEligibility is the eligibility step of the report (not written yet).
func stepEligibility(w io.Writer) error { return nil }
