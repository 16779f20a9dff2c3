// Package errs holds the sentinel errors shared by the module's internal
// packages. Package iop re-declares each under its public name; users see
// them there.
package errs
