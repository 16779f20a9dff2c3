package authorization

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// Action is the payer's decision on an authorization request: the action
// code of the X12 278 response (HCR01). The zero Action is unset and not
// valid. Its text form is the name below; [Action.X12] gives the code.
type Action uint8

// The actions, with their X12 HCR01 codes.
const (
	_ Action = iota
	// ActionCertified: certified in total (A1).
	ActionCertified
	// ActionPartial: certified in part (A2): fewer days, units or visits,
	// or a lower level, than were asked for. What was certified is the
	// authorization's quantity and level.
	ActionPartial
	// ActionNotCertified: not certified (A3): the request was denied.
	ActionNotCertified
	// ActionPended: pended (A4): no decision yet.
	ActionPended
	// ActionModified: modified (A6): certified with changes to what was
	// asked for or certified before (dates, quantity, service).
	ActionModified
	// ActionCancelled: cancelled (C): a certification given before is void.
	ActionCancelled
	// ActionContactPayer: contact payer (CT): the request could not be
	// answered in the transaction.
	ActionContactPayer
	// ActionNotRequired: no action required (NA): the service needs no
	// authorization from this payer, so nothing is counted against one.
	ActionNotRequired
)

var actions = enum.New[Action]("Action", "authorization.Action.UnmarshalText", check.EnumFail, []string{
	ActionCertified:    "certified",
	ActionPartial:      "partial",
	ActionNotCertified: "not-certified",
	ActionPended:       "pended",
	ActionModified:     "modified",
	ActionCancelled:    "cancelled",
	ActionContactPayer: "contact-payer",
	ActionNotRequired:  "not-required",
})

var actionX12 = [...]string{
	ActionCertified: "A1", ActionPartial: "A2", ActionNotCertified: "A3", ActionPended: "A4",
	ActionModified: "A6", ActionCancelled: "C", ActionContactPayer: "CT", ActionNotRequired: "NA",
}

// IsValid reports whether a is a known action.
func (a Action) IsValid() bool { return actions.Valid(a) }

// String returns the action's name ("certified", "not-certified"), and
// "%!Action(n)" for an invalid value.
func (a Action) String() string { return actions.String(a) }

// MarshalText implements [encoding.TextMarshaler]; an invalid action is an
// error.
func (a Action) MarshalText() ([]byte, error) { return actions.Marshal(a) }

// UnmarshalText implements [encoding.TextUnmarshaler]: exactly the names
// String writes. The error never holds the text.
func (a *Action) UnmarshalText(b []byte) error { return actions.Unmarshal(a, b) }

// X12 returns the action's code in X12 element 306 as the 278 response's
// HCR01 uses it ("A1", "CT"); "" for an invalid action.
func (a Action) X12() string {
	if !a.IsValid() {
		return ""
	}
	return actionX12[a]
}

// Certifies reports whether service may be furnished under an
// authorization with this action: certified in total or in part,
// modified. [ActionNotRequired] certifies nothing, but needs nothing:
// see [Authorization].
func (a Action) Certifies() bool {
	return a == ActionCertified || a == ActionPartial || a == ActionModified
}

// QuantityUnit is what an authorization's quantity counts, as the X12 278
// (HSD01, the quantity qualifier) and the Da Vinci PAS quantity name it.
// The zero QuantityUnit is unset and not valid.
type QuantityUnit uint8

// The units of an authorized quantity, with their X12 HSD01 codes.
const (
	_ QuantityUnit = iota
	// QuantityUnitDays: days of service (DY). A day counts once however
	// many services it has: a day with counted service time, as
	// [schedule.WeekSummary.Days] counts them.
	QuantityUnitDays
	// QuantityUnitVisits: visits (VS): countable services furnished, as
	// [schedule.WeekSummary.Services] counts them, or claim lines. (The
	// code VS is unconfirmed: the readable lists of HSD01 found give DY,
	// FL and HS, not visits.)
	QuantityUnitVisits
	// QuantityUnitUnits: units (FL): the units billed on claim lines.
	QuantityUnitUnits
	// QuantityUnitHours: hours (HS) of counted service time.
	QuantityUnitHours
)

var quantityUnits = enum.New[QuantityUnit]("QuantityUnit", "authorization.QuantityUnit.UnmarshalText", check.EnumFail, []string{
	QuantityUnitDays: "days", QuantityUnitVisits: "visits", QuantityUnitUnits: "units", QuantityUnitHours: "hours",
})

var quantityUnitX12 = [...]string{
	QuantityUnitDays: "DY", QuantityUnitVisits: "VS", QuantityUnitUnits: "FL", QuantityUnitHours: "HS",
}

// IsValid reports whether u is a known unit.
func (u QuantityUnit) IsValid() bool { return quantityUnits.Valid(u) }

// String returns "days", "visits", "units" or "hours", and
// "%!QuantityUnit(n)" for an invalid value.
func (u QuantityUnit) String() string { return quantityUnits.String(u) }

// MarshalText implements [encoding.TextMarshaler]; an invalid unit is an
// error.
func (u QuantityUnit) MarshalText() ([]byte, error) { return quantityUnits.Marshal(u) }

// UnmarshalText implements [encoding.TextUnmarshaler]: exactly the names
// String writes.
func (u *QuantityUnit) UnmarshalText(b []byte) error { return quantityUnits.Unmarshal(u, b) }

// X12 returns the unit's X12 HSD01 quantity qualifier ("DY", "VS", "FL",
// "HS"); "" for an invalid unit.
func (u QuantityUnit) X12() string {
	if !u.IsValid() {
		return ""
	}
	return quantityUnitX12[u]
}
