// Package check is the machinery the checking packages (group, schedule,
// eligibility, aftercare) share: a rule table applied under a profile's
// settings, the findings it adds, the strict JSON entry point and the error
// builder of their enum tables. It imports iop, so iop itself cannot use it.
package check
