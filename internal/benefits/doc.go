// Package benefits holds the built-in multi-part profiles of package
// ioprules as far as package schedule checks them: each profile's
// identity, its schedule part ([schedule.Benefit]) and its settings of
// schedule's rules, and nothing of another checking package. Package
// ioprules builds its built-ins from these, adding the other parts
// (aftercare's follow-up, eligibility's stay rules, group's composition)
// and their settings; a program that checks schedules only (the billing
// check, and the web page's WebAssembly, which must stay small) reads
// them here without linking the other checking packages.
//
// Each function returns new values: there is no package state.
package benefits
