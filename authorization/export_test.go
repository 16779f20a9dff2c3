package authorization

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
