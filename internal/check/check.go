package check

import (
	"fmt"
	"slices"

	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/ioprules/ioprules/iop"
)

// Rules is a package's rule table as one profile applies it: the severity
// of each rule, with the profile's settings applied, zero for a rule turned
// off. It is read-only once made and safe for concurrent use.
type Rules struct {
	table []iop.Rule
	sev   []iop.Severity
	named []bool // whether the profile names rule i in a setting
}

// New applies p's rule settings to table, a package's rule table. The
// codes of p's settings are checked once, by iop.Profile.Validate, which
// every NewChecker calls first: a setting of a code not in table does not
// concern it.
func New(table []iop.Rule, p *iop.Profile) Rules {
	sev := make([]iop.Severity, len(table))
	named := make([]bool, len(table))
	for i, r := range table {
		if s, on := p.Setting(r); on {
			sev[i] = s
		}
		named[i] = slices.ContainsFunc(p.Rules, func(s iop.RuleSetting) bool { return s.Code == r.Code })
	}
	return Rules{table: table, sev: sev, named: named}
}

// Tie gives rule i, a "not judged" rule that stands in for rule j when
// what j needs is missing, the force of rule j: j's severity when both
// apply, off when j is off (there is nothing to judge). A profile that
// names rule i in a setting of its own keeps that setting. Every finding
// of i then has the severity the table gives it.
func (r *Rules) Tie(i, j int) {
	if r.sev[i] != 0 && !r.named[i] {
		r.sev[i] = r.sev[j]
	}
}

// On reports whether rule i applies.
func (r *Rules) On(i int) bool { return r.sev[i] != 0 }

// Severity returns the severity of rule i, zero when it is off.
func (r *Rules) Severity(i int) iop.Severity { return r.sev[i] }

// Add appends the finding f of rule i to dst, with the rule's code and
// severity. A rule that is off adds nothing. It allocates only when dst
// must grow.
func (r *Rules) Add(dst iop.Findings, i int, f iop.Finding) iop.Findings {
	s := r.sev[i]
	if s == 0 {
		return dst
	}
	f.Code, f.Severity, f.Scope = r.table[i].Code, s, r.table[i].Scope
	return append(dst, f)
}

// Table returns the rule table as the profile applies it: each rule with
// the profile's severity (zero for a rule turned off) and cites[i] as the
// citation of rule i when it is set (the profile's own parameters), the
// table's otherwise. cites may be shorter than the table, or nil.
func (r *Rules) Table(cites []iop.Citation) iop.RuleTable {
	out := make([]iop.Rule, len(r.table))
	for i, rule := range r.table {
		rule.Severity = r.sev[i]
		if i < len(cites) && !cites[i].IsZero() {
			rule.Cite = cites[i]
		}
		out[i] = rule
	}
	return iop.NewRuleTable(out...)
}

// Decode decodes data strictly into v, as every UnmarshalJSON of the
// module does, and returns every error found as iop.FieldErrors.
func Decode(data []byte, v any) error {
	var l iop.FieldErrors
	strictjson.Decode(data, v, 0, l.Add)
	return l.Err()
}

// EnumFail builds the errors of the enum tables of the checking packages,
// as iop builds its own.
func EnumFail(fn, field string, err error) error {
	pe := &iop.ParseError{Func: fn, Err: err}
	if field == "" {
		return pe
	}
	return &iop.FieldError{Field: field, Err: pe}
}

// ZeroChecker is the error of a method called on a Checker that was not
// made by its package's NewChecker.
func ZeroChecker() error {
	return &iop.FieldError{Field: "checker", Err: errZeroChecker}
}

var errZeroChecker = fmt.Errorf("%w: not made by NewChecker", iop.ErrMissing)

// Unmarshal is the body of every UnmarshalJSON of the checking packages: it
// decodes data strictly into a fresh T (the decoder does not call T's own
// UnmarshalJSON on the top value, so no plain twin type is needed) and
// stores it in *v only when there is no error.
func Unmarshal[T any](data []byte, v *T) error {
	var x T
	if err := Decode(data, &x); err != nil {
		return err
	}
	*v = x
	return nil
}

// Parse is the body of every ParseX function of the checking packages: it
// decodes data into a T with T's own UnmarshalJSON (strict, and checking
// what the type checks as it decodes) and validates it, and returns the
// zero T with the error when either fails.
func Parse[T any, P interface {
	*T
	UnmarshalJSON([]byte) error
	Validate() error
}](data []byte) (T, error) {
	var x T
	if err := P(&x).UnmarshalJSON(data); err != nil {
		var zero T
		return zero, err
	}
	if err := P(&x).Validate(); err != nil {
		var zero T
		return zero, err
	}
	return x, nil
}

// OnceCap is how many findings a one-shot check (CheckX, the counterpart of
// an AppendX) holds on the stack before it hands them to the caller.
const OnceCap = 64

// Own is the end of every one-shot check: fs are the findings an append
// form wrote into the caller's stack buffer of OnceCap findings. It returns
// nil when there are none, and otherwise a copy of the caller's own, so a
// one-shot check allocates nothing when every rule is met and once when it
// returns up to OnceCap findings (past that, append has moved them to the
// heap on the way, and they are copied once more). On an error it returns
// no findings: a one-shot check is all or nothing.
func Own(fs iop.Findings, err error) (iop.Findings, error) {
	if err != nil || len(fs) == 0 {
		return nil, err
	}
	return slices.Clone(fs), nil
}

// Alnum reports whether s has n characters, each a digit or an upper-case
// letter (digits only when digits is set): the syntax of HCPCS and CPT
// codes (5), revenue codes (4 digits) and the like, shared by every
// package that reads claim or authorization codes.
func Alnum(s string, n int, digits bool) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || !digits && c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}
