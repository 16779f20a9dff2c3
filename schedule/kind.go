package schedule

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
)

// Kind is the kind of service a session furnishes. Whether a kind counts
// toward a program's hours is not a property of the kind but a rule: see
// [Counting]. The zero Kind is unset and not valid. Kinds are comparable and
// safe for concurrent use.
type Kind uint8

// The session kinds. The list follows the services 42 CFR 410.43(a)(4) and
// 410.44 name for partial hospitalization and intensive outpatient programs,
// plus the services programs commonly schedule that those lists leave out.
const (
	_                    Kind = iota
	GroupTherapy              // group psychotherapy or counseling (CPT 90853)
	IndividualTherapy         // individual psychotherapy or counseling
	FamilyTherapy             // family counseling whose purpose is the patient's treatment
	Psychoeducation           // patient training and education tied to the patient's care
	MedicationManagement      // medication management, drugs that cannot be self-administered
	OccupationalTherapy       // occupational therapy
	ActivityTherapy           // individualized activity therapy, not primarily recreational
	Diagnostic                // diagnostic services and assessments
	CaseManagement            // case management and care coordination
	PeerSupport               // peer support
	Recreation                // recreational or diversionary activity
	OtherService              // anything else
)

var kindNames = []string{
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
}

// Kinds returns every kind, in order.
func Kinds() []Kind {
	out := make([]Kind, 0, len(kindNames)-1)
	for k := GroupTherapy; int(k) < len(kindNames); k++ {
		out = append(out, k)
	}
	return out
}

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k > 0 && int(k) < len(kindNames) }

// IsZero reports whether k is unset.
func (k Kind) IsZero() bool { return k == 0 }

// String returns the kind's name ("group", "case-management", ...), and
// "%!Kind(n)" for an invalid value.
func (k Kind) String() string { return enum.String(kindNames, k, "Kind") }

// ParseKind parses a kind's name, exactly as [Kind.String] writes it.
func ParseKind(s string) (Kind, error) {
	if k, ok := enum.Parse[Kind](kindNames, s); ok {
		return k, nil
	}
	return 0, &iop.ParseError{Func: "schedule.ParseKind", Input: s, Err: ErrUnknownKind}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	return enum.Text(k.IsValid(), k.String(), func() error {
		return &iop.ParseError{Func: "schedule.Kind.MarshalText", Input: k.String(), Err: ErrUnknownKind}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error { return enum.Unmarshal(k, b, ParseKind) }

// KindSet is a set of kinds. The zero KindSet is empty. KindSets are
// comparable and safe for concurrent use. In JSON a set is an array of kind
// names in kind order: ["group","individual"].
type KindSet uint32

// KindsOf returns the set of the given kinds; invalid kinds are left out.
func KindsOf(kinds ...Kind) KindSet {
	var s KindSet
	for _, k := range kinds {
		if k.IsValid() {
			s |= 1 << k
		}
	}
	return s
}

// Has reports whether k is in s.
func (s KindSet) Has(k Kind) bool { return k < 32 && s&(1<<k) != 0 }

// IsValid reports whether s holds only known kinds.
func (s KindSet) IsValid() bool {
	for k := Kind(0); k < 32; k++ {
		if s&(1<<k) != 0 && !k.IsValid() {
			return false
		}
	}
	return true
}

// Kinds returns the kinds in s, in order.
func (s KindSet) Kinds() []Kind {
	var out []Kind
	for _, k := range Kinds() {
		if s.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

// String returns the kinds' names joined by commas, in order.
func (s KindSet) String() string {
	var b strings.Builder
	for _, k := range s.Kinds() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(k.String())
	}
	return b.String()
}

// MarshalJSON writes s as an array of kind names in kind order, as
// iop.GroupKinds does: ["group","individual"]. A set with an unknown kind
// is an error.
func (s KindSet) MarshalJSON() ([]byte, error) {
	if !s.IsValid() {
		return nil, &iop.ParseError{Func: "schedule.KindSet.MarshalJSON", Input: s.String(), Err: ErrUnknownKind}
	}
	kinds := s.Kinds()
	if kinds == nil {
		kinds = []Kind{}
	}
	return json.Marshal(kinds)
}

// UnmarshalJSON reads an array of kind names strictly: an unknown name is
// an error wrapping [ErrUnknownKind], a name given twice one wrapping
// [iop.ErrDuplicateField], each naming the element ("[2]").
func (s *KindSet) UnmarshalJSON(b []byte) error {
	var kinds []Kind
	if err := strictjson.Decode(b, &kinds); err != nil {
		return err
	}
	var set KindSet
	for i, k := range kinds {
		if set.Has(k) {
			return &iop.FieldError{Field: "[" + strconv.Itoa(i) + "]", Err: iop.ErrDuplicateField}
		}
		set |= 1 << k
	}
	*s = set
	return nil
}
