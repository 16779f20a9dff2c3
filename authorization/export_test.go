package authorization

import "github.com/ioprules/ioprules/iop"

// NewCheckerWith is NewChecker for a profile with Terms t. Until profiles
// hold parts (issue 17) it is the only way tests give a Checker its Terms.
func NewCheckerWith(p iop.Profile, t Terms) (Checker, error) { return build(p, t) }

// The errors tests compare whole.
var (
	ErrExpiration    = errExpiration
	ErrOtherPatient  = errOtherPatient
	ErrUnitsOnWeeks  = errUnitsOnWeeks
	ErrHoursOnClaims = errHoursOnClaims
	ErrWeekOrder     = errWeekOrder
	ErrPatientOrder  = errPatientOrder
	ErrNoDecision    = errNoDecision
)
