package iop

// groupRules lists the group-composition rule codes. (Filled in by the
// group-composition work.)
func groupRules() []RuleInfo { return nil }
