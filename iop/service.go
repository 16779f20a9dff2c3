package iop

import (
	"github.com/ioprules/ioprules/internal/enum"
)

// ServiceKind is the kind of service a session furnishes. Whether a kind
// counts toward a program's hours is not a property of the kind but a rule
// of the profile: see schedule.CountingRules. The zero ServiceKind is unset and not
// valid. Kinds are comparable and safe for concurrent use.
type ServiceKind uint8

// The service kinds. The list follows the services 42 CFR 410.43(a)(4) and
// 410.44 name for partial hospitalization and intensive outpatient programs,
// plus the services programs commonly schedule that those lists leave out.
const (
	_                               ServiceKind = iota
	ServiceKindGroupTherapy                     // group psychotherapy or counseling (CPT 90853)
	ServiceKindIndividualTherapy                // individual psychotherapy or counseling
	ServiceKindFamilyTherapy                    // family counseling whose purpose is the patient's treatment
	ServiceKindPsychoeducation                  // patient training and education tied to the patient's care
	ServiceKindMedicationManagement             // medication management, drugs that cannot be self-administered
	ServiceKindOccupationalTherapy              // occupational therapy
	ServiceKindActivityTherapy                  // individualized activity therapy, not primarily recreational
	ServiceKindDiagnostic                       // diagnostic services and assessments
	ServiceKindCaseManagement                   // case management and care coordination
	ServiceKindPeerSupport                      // peer support
	ServiceKindRecreation                       // recreational or diversionary activity
	ServiceKindOther                            // anything else
)

var serviceKinds = enum.New[ServiceKind]("ServiceKind", "iop.ServiceKind.UnmarshalText", enumFail, []string{
	ServiceKindGroupTherapy:         "group",
	ServiceKindIndividualTherapy:    "individual",
	ServiceKindFamilyTherapy:        "family",
	ServiceKindPsychoeducation:      "psychoeducation",
	ServiceKindMedicationManagement: "medication",
	ServiceKindOccupationalTherapy:  "occupational",
	ServiceKindActivityTherapy:      "activity",
	ServiceKindDiagnostic:           "diagnostic",
	ServiceKindCaseManagement:       "case-management",
	ServiceKindPeerSupport:          "peer-support",
	ServiceKindRecreation:           "recreation",
	ServiceKindOther:                "other",
})

// IsValid reports whether k is a known kind.
func (k ServiceKind) IsValid() bool { return serviceKinds.Valid(k) }

// String returns the kind's name ("group", "case-management", ...), and
// "%!ServiceKind(n)" for an invalid value.
func (k ServiceKind) String() string { return serviceKinds.String(k) }

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k ServiceKind) MarshalText() ([]byte, error) { return serviceKinds.Marshal(k) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (k *ServiceKind) UnmarshalText(b []byte) error { return serviceKinds.Unmarshal(k, b) }

// Delivery is how a service was delivered: in person, or by telehealth
// with video, or audio only. Whether a telehealth service counts toward a
// program's hours differs by payer and year: see
// schedule.CountingRules.Telehealth.
// The zero Delivery is unset; a session that does not say is taken as in
// person.
type Delivery uint8

// The ways of delivering a service.
const (
	_                 Delivery = iota
	DeliveryInPerson           // face to face
	DeliveryVideo              // synchronous audio and video (modifier 95, GT; place of service 02, 10)
	DeliveryAudioOnly          // synchronous audio only (modifier 93, FQ)
)

var deliveries = enum.New[Delivery]("Delivery", "iop.Delivery.UnmarshalText", enumFail, []string{
	DeliveryInPerson: "in-person", DeliveryVideo: "video", DeliveryAudioOnly: "audio-only",
})

// IsValid reports whether d is a known delivery.
func (d Delivery) IsValid() bool { return deliveries.Valid(d) }

// String returns "in-person", "video" or "audio-only", and
// "%!Delivery(n)" for an invalid value.
func (d Delivery) String() string { return deliveries.String(d) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (d Delivery) MarshalText() ([]byte, error) { return deliveries.Marshal(d) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (d *Delivery) UnmarshalText(b []byte) error { return deliveries.Unmarshal(d, b) }

// DeliveryOf returns how a claim line's service was delivered, from its
// place of service and modifiers, as the national code sets mark it:
// modifier 93 (audio-only telemedicine) or FQ (audio-only, RHC and FQHC)
// is [DeliveryAudioOnly]; modifier 95 (synchronous audio-video telemedicine), GT
// (interactive audio and video, CAH method II) or place of service 02
// (telehealth other than in the patient's home) or 10 (telehealth in the
// patient's home) is [DeliveryVideo]; anything else is [DeliveryInPerson].
func DeliveryOf(placeOfService string, modifiers ...string) Delivery {
	video := placeOfService == "02" || placeOfService == "10"
	for _, m := range modifiers {
		switch m {
		case "93", "FQ":
			return DeliveryAudioOnly
		case "95", "GT":
			video = true
		}
	}
	if video {
		return DeliveryVideo
	}
	return DeliveryInPerson
}
