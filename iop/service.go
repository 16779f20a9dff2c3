package iop

import (
	"database/sql/driver"

	"github.com/ioprules/ioprules/internal/enum"
)

// ServiceKind is the kind of service a session furnishes. Whether a kind
// counts toward a program's hours is not a property of the kind but a rule
// of the profile: see [CountingRules]. The zero ServiceKind is unset and not
// valid. Kinds are comparable and safe for concurrent use.
type ServiceKind uint8

// The service kinds. The list follows the services 42 CFR 410.43(a)(4) and
// 410.44 name for partial hospitalization and intensive outpatient programs,
// plus the services programs commonly schedule that those lists leave out.
const (
	_                    ServiceKind = iota
	GroupTherapy                     // group psychotherapy or counseling (CPT 90853)
	IndividualTherapy                // individual psychotherapy or counseling
	FamilyTherapy                    // family counseling whose purpose is the patient's treatment
	Psychoeducation                  // patient training and education tied to the patient's care
	MedicationManagement             // medication management, drugs that cannot be self-administered
	OccupationalTherapy              // occupational therapy
	ActivityTherapy                  // individualized activity therapy, not primarily recreational
	Diagnostic                       // diagnostic services and assessments
	CaseManagement                   // case management and care coordination
	PeerSupport                      // peer support
	Recreation                       // recreational or diversionary activity
	OtherService                     // anything else
)

var serviceKinds = enum.New[ServiceKind]("ServiceKind", "iop.ParseServiceKind", enumFail, []string{
	GroupTherapy:         "group",
	IndividualTherapy:    "individual",
	FamilyTherapy:        "family",
	Psychoeducation:      "psychoeducation",
	MedicationManagement: "medication",
	OccupationalTherapy:  "occupational",
	ActivityTherapy:      "activity",
	Diagnostic:           "diagnostic",
	CaseManagement:       "case-management",
	PeerSupport:          "peer-support",
	Recreation:           "recreation",
	OtherService:         "other",
})

// AllServiceKinds returns every service kind, in order.
func AllServiceKinds() []ServiceKind { return serviceKinds.Values() }

// IsValid reports whether k is a known kind.
func (k ServiceKind) IsValid() bool { return serviceKinds.Valid(k) }

// IsZero reports whether k is unset.
func (k ServiceKind) IsZero() bool { return k == 0 }

// String returns the kind's name ("group", "case-management", ...), and
// "%!ServiceKind(n)" for an invalid value.
func (k ServiceKind) String() string { return serviceKinds.String(k) }

// ParseServiceKind parses a kind's name, exactly as [ServiceKind.String]
// writes it.
func ParseServiceKind(s string) (ServiceKind, error) { return serviceKinds.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k ServiceKind) MarshalText() ([]byte, error) { return serviceKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseServiceKind].
func (k *ServiceKind) UnmarshalText(b []byte) error { return serviceKinds.Unmarshal(k, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (k ServiceKind) Value() (driver.Value, error) { return serviceKinds.Store(k) }

// Scan implements [database/sql.Scanner] with [ParseServiceKind].
func (k *ServiceKind) Scan(src any) error { return serviceKinds.Load(k, src) }

// ServiceKinds is a set of service kinds. The zero ServiceKinds is empty.
// Sets are comparable and safe for concurrent use. In JSON a set is an
// array of names in kind order, ["group","individual"]; as text and in SQL,
// the names joined by commas.
type ServiceKinds uint32

var serviceKindSet = enum.NewSet[ServiceKinds](serviceKinds, "ServiceKinds")

// ServiceKindsOf returns the set of the given kinds; invalid kinds are left out.
func ServiceKindsOf(kinds ...ServiceKind) ServiceKinds { return serviceKindSet.Of(kinds...) }

// Has reports whether k is in s.
func (s ServiceKinds) Has(k ServiceKind) bool { return serviceKindSet.Has(s, k) }

// IsZero reports whether s is empty.
func (s ServiceKinds) IsZero() bool { return s == 0 }

// IsValid reports whether s holds only known kinds.
func (s ServiceKinds) IsValid() bool { return serviceKindSet.Valid(s) }

// Len returns the number of kinds in s.
func (s ServiceKinds) Len() int { return serviceKindSet.Len(s) }

// Kinds returns the kinds in s, in order.
func (s ServiceKinds) Kinds() []ServiceKind { return serviceKindSet.Values(s) }

// String returns the names joined by commas, in order, with
// "%!ServiceKinds(0x..)" for bits that name no kind.
func (s ServiceKinds) String() string { return serviceKindSet.String(s) }

// ParseServiceKinds parses the form [ServiceKinds.String] writes.
func ParseServiceKinds(str string) (ServiceKinds, error) { return serviceKindSet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (s ServiceKinds) MarshalText() ([]byte, error) { return serviceKindSet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseServiceKinds].
func (s *ServiceKinds) UnmarshalText(b []byte) error { return serviceKindSet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names.
func (s ServiceKinds) MarshalJSON() ([]byte, error) { return serviceKindSet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *ServiceKinds) UnmarshalJSON(b []byte) error { return serviceKindSet.DecodeJSON(s, b) }

// Value implements [driver.Valuer]: the text form.
func (s ServiceKinds) Value() (driver.Value, error) { return serviceKindSet.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseServiceKinds].
func (s *ServiceKinds) Scan(src any) error { return serviceKindSet.Load(s, src) }

// Delivery is how a service was delivered: in person, or by telehealth
// with video, or audio only. Whether a telehealth service counts toward a
// program's hours differs by payer and year: see [CountingRules.Telehealth].
// The zero Delivery is unset; a session that does not say is taken as in
// person.
type Delivery uint8

// The ways of delivering a service.
const (
	_         Delivery = iota
	InPerson           // face to face
	Video              // synchronous audio and video (modifier 95, GT; place of service 02, 10)
	AudioOnly          // synchronous audio only (modifier 93, FQ)
)

var deliveries = enum.New[Delivery]("Delivery", "iop.ParseDelivery", enumFail, []string{
	InPerson: "in-person", Video: "video", AudioOnly: "audio-only",
})

// AllDeliveries returns every delivery, in order.
func AllDeliveries() []Delivery { return deliveries.Values() }

// IsValid reports whether d is a known delivery.
func (d Delivery) IsValid() bool { return deliveries.Valid(d) }

// IsZero reports whether d is unset.
func (d Delivery) IsZero() bool { return d == 0 }

// String returns "in-person", "video" or "audio-only", and
// "%!Delivery(n)" for an invalid value.
func (d Delivery) String() string { return deliveries.String(d) }

// ParseDelivery parses a delivery's name, exactly as [Delivery.String] writes it.
func ParseDelivery(s string) (Delivery, error) { return deliveries.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (d Delivery) MarshalText() ([]byte, error) { return deliveries.Marshal(d) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDelivery].
func (d *Delivery) UnmarshalText(b []byte) error { return deliveries.Unmarshal(d, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (d Delivery) Value() (driver.Value, error) { return deliveries.Store(d) }

// Scan implements [database/sql.Scanner] with [ParseDelivery].
func (d *Delivery) Scan(src any) error { return deliveries.Load(d, src) }

// Deliveries is a set of deliveries. The zero Deliveries is empty. In JSON
// a set is an array of names; as text and in SQL, the names joined by
// commas.
type Deliveries uint8

var deliverySet = enum.NewSet[Deliveries](deliveries, "Deliveries")

// DeliveriesOf returns the set of the given deliveries; invalid ones are left out.
func DeliveriesOf(ds ...Delivery) Deliveries { return deliverySet.Of(ds...) }

// Has reports whether d is in s.
func (s Deliveries) Has(d Delivery) bool { return deliverySet.Has(s, d) }

// IsZero reports whether s is empty.
func (s Deliveries) IsZero() bool { return s == 0 }

// IsValid reports whether s holds only known deliveries.
func (s Deliveries) IsValid() bool { return deliverySet.Valid(s) }

// Values returns the deliveries in s, in order.
func (s Deliveries) Values() []Delivery { return deliverySet.Values(s) }

// String returns the names joined by commas, in order.
func (s Deliveries) String() string { return deliverySet.String(s) }

// ParseDeliveries parses the form [Deliveries.String] writes.
func ParseDeliveries(str string) (Deliveries, error) { return deliverySet.Parse(str) }

// MarshalText implements [encoding.TextMarshaler].
func (s Deliveries) MarshalText() ([]byte, error) { return deliverySet.Text(s) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseDeliveries].
func (s *Deliveries) UnmarshalText(b []byte) error { return deliverySet.DecodeText(s, b) }

// MarshalJSON writes s as an array of names.
func (s Deliveries) MarshalJSON() ([]byte, error) { return deliverySet.JSON(s) }

// UnmarshalJSON reads an array of names, each once.
func (s *Deliveries) UnmarshalJSON(b []byte) error { return deliverySet.DecodeJSON(s, b) }

// Value implements [driver.Valuer]: the text form.
func (s Deliveries) Value() (driver.Value, error) { return deliverySet.Store(s) }

// Scan implements [database/sql.Scanner] with [ParseDeliveries].
func (s *Deliveries) Scan(src any) error { return deliverySet.Load(s, src) }

// DeliveryOf returns how a claim line's service was delivered, from its
// place of service and modifiers, as the national code sets mark it:
// modifier 93 (audio-only telemedicine) or FQ (audio-only, RHC and FQHC)
// is [AudioOnly]; modifier 95 (synchronous audio-video telemedicine), GT
// (interactive audio and video, CAH method II) or place of service 02
// (telehealth other than in the patient's home) or 10 (telehealth in the
// patient's home) is [Video]; anything else is [InPerson].
func DeliveryOf(placeOfService string, modifiers ...string) Delivery {
	video := placeOfService == "02" || placeOfService == "10"
	for _, m := range modifiers {
		switch m {
		case "93", "FQ":
			return AudioOnly
		case "95", "GT":
			video = true
		}
	}
	if video {
		return Video
	}
	return InPerson
}
