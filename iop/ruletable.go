package iop

import (
	"iter"
	"slices"
)

// RuleTable is a read-only table of rules: a package's rules with their
// defaults (the Rules function of each checking package), the rules as a
// checker applies them (each Checker's Rules method), or every rule of the
// module (the root package's Catalog). It gives a finding its words and
// its citation, looked up by the finding's code. The zero RuleTable is
// empty. A RuleTable is safe for concurrent use; copies share the table,
// which no one changes.
type RuleTable struct {
	rules []Rule
}

// NewRuleTable returns a table of the rules given, in order. The slice is
// copied. When a code is listed twice, lookups find the first.
func NewRuleTable(rules ...Rule) RuleTable {
	if len(rules) == 0 {
		return RuleTable{}
	}
	return RuleTable{rules: slices.Clone(rules)}
}

// Len returns the number of rules in t.
func (t RuleTable) Len() int { return len(t.rules) }

// All returns the rules of t, in order.
func (t RuleTable) All() iter.Seq[Rule] {
	return func(yield func(Rule) bool) {
		for _, r := range t.rules {
			if !yield(r) {
				return
			}
		}
	}
}

// Rule returns the rule of code c, and false when t has none.
func (t RuleTable) Rule(c Code) (Rule, bool) {
	for i := range t.rules {
		if t.rules[i].Code == c {
			return t.rules[i], true
		}
	}
	return Rule{}, false
}

// Message returns finding f in words: its rule's summary, the day, the
// parameter it names and the figures, as "counted service time below the
// weekly minimum: need 9h00m, got 8h59m". A code t does not know is
// written as the code itself. The message names no person: the subject is
// left out, and only figures and the day are written.
func (t RuleTable) Message(f Finding) string { return string(t.AppendMessage(nil, f)) }

// AppendMessage appends the message of f, as [RuleTable.Message] writes
// it, to b.
func (t RuleTable) AppendMessage(b []byte, f Finding) []byte {
	if r, ok := t.Rule(f.Code); ok {
		b = append(b, r.Summary...)
	} else {
		b = append(b, f.Code...)
	}
	return f.appendDetail(b)
}
