// Package billing is the billing check of the examples: it reads an export
// of sessions or claim lines (and an episodes CSV), checks each
// patient-week and claim against the profile in force on its first day of
// service, and writes the reports. billingcheck (a terminal) and the web
// page (examples/web, in a browser, as WebAssembly) both run it, so that
// both say the same about the same file.
//
// The checking and reporting is billingcheck's: its doc comment says what
// each report holds and how a profile is chosen. This package adds only
// the calls both programs need (Check, Report.Write, Report.View).
package billing
