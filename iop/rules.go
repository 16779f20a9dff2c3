package iop

// Rules returns the catalog of the rule codes package iop can emit, with the
// severity each is reported with by default, what it checks and its source,
// in a fixed order. Each call returns a new slice.
func Rules() []RuleInfo {
	return append([]RuleInfo(nil), groupRules()...)
}
