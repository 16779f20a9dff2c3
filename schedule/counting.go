package schedule

import (
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/strictjson"

	"github.com/ioprules/ioprules/iop"
)

// Counting is the rule that says which sessions count toward a program's
// hours and service days: a session counts when its kind is in Kinds or
// its billing code is in Codes, and then only the minutes attended count
// (see [Session.AttendedMinutes]). Time in sessions that do not count is
// reported apart (see [CodeUncountedTime]).
//
// The rule is not a field of [iop.Profile], whose rule groups are
// comparable values; it travels with the profile in a [Checker]. The zero
// Counting counts nothing and is refused by [NewChecker]; start from
// [DefaultCounting].
//
// Counting holds a slice, so it is not comparable: use [Counting.Equal].
// It is safe for concurrent use as long as no one writes to it. In JSON:
//
//	{"kinds": ["group", "individual"], "codes": ["H0015"], "cite": {"source": "..."}}
type Counting struct {
	// Kinds are the kinds of session that count.
	Kinds KindSet `json:"kinds,omitzero"`
	// Codes are billing codes that count whatever the session's kind
	// ("H0015", "90853"), compared exactly.
	Codes []string `json:"codes,omitzero"`
	// Cite is the source of the rule.
	Cite iop.Citation `json:"cite"`
}

// DefaultCounting returns the services 42 CFR 410.43(a)(4) lists for
// partial hospitalization and 410.44 for intensive outpatient programs:
// individual and group therapy, family counseling, patient training and
// education, drugs and biologicals (medication management), occupational
// therapy, individualized activity therapies that are not primarily
// recreational or diversionary, and diagnostic services. Case management,
// peer support, recreation and other services do not count: the regulation
// does not list them (recreation it excludes), so add them to your own
// Counting if your payer counts them.
func DefaultCounting() Counting {
	return Counting{
		Kinds: KindsOf(GroupTherapy, IndividualTherapy, FamilyTherapy, Psychoeducation,
			MedicationManagement, OccupationalTherapy, ActivityTherapy, Diagnostic),
		Cite: iop.Citation{
			Source:  "42 CFR 410.43(a)(4); 42 CFR 410.44; SSA §1861(ff)(2)",
			Edition: "CY2024 OPPS/PFS final rules, effective 2024-01-01",
			Note:    "case management and peer support are not in the regulation's list and do not count by default",
		},
	}
}

// Counts reports whether session s is of a kind, or carries a billing code,
// that counts. It does not look at attendance.
func (c Counting) Counts(s Session) bool { return c.counts(&s) }

func (c *Counting) counts(s *Session) bool {
	if c.Kinds.Has(s.Kind) {
		return true
	}
	if s.Code == "" {
		return false
	}
	return slices.Contains(c.Codes, s.Code)
}

// IsZero reports whether c counts nothing and cites nothing.
func (c Counting) IsZero() bool { return c.Kinds == 0 && len(c.Codes) == 0 && c.Cite.IsZero() }

// Equal reports whether c and d are the same rule.
func (c Counting) Equal(d Counting) bool {
	return c.Kinds == d.Kinds && c.Cite == d.Cite && slices.Equal(c.Codes, d.Codes)
}

// Validate reports every problem with c as [iop.Errors] of
// [*iop.FieldError]s: nothing that counts, an unknown kind, an empty or
// repeated code, or a missing citation.
func (c Counting) Validate() error {
	var es fieldErrs
	if c.Kinds == 0 && len(c.Codes) == 0 {
		es.add("counting", ErrMissing)
	}
	if !c.Kinds.IsValid() {
		es.add("counting.kinds", ErrUnknownKind)
	}
	for i, code := range c.Codes {
		field := "counting.codes[" + strconv.Itoa(i) + "]"
		switch {
		case code == "":
			es.add(field, ErrMissing)
		case slices.Contains(c.Codes[:i], code):
			es.add(field, iop.ErrDuplicateField)
		}
	}
	if c.Cite.Source == "" {
		es.add("counting.cite", iop.ErrMissingCitation)
	}
	return es.err()
}

// UnmarshalJSON decodes c strictly; it does not validate. [ParseCounting]
// does both.
func (c *Counting) UnmarshalJSON(data []byte) error {
	type plain Counting
	var v plain
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	*c = Counting(v)
	return nil
}

// ParseCounting decodes a counting rule from JSON strictly and validates
// it.
func ParseCounting(data []byte) (Counting, error) {
	var c Counting
	if err := c.UnmarshalJSON(data); err != nil {
		return Counting{}, err
	}
	if err := c.Validate(); err != nil {
		return Counting{}, err
	}
	return c, nil
}
