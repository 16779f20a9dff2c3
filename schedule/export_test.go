package schedule

// ParseDateForTest exposes the CSV readers' date parser to the tests.
var ParseDateForTest = parseDate

// SummarizePathsForTest adds up the sessions of week w under ck's counting
// rules by each path of [Checker.Summarize] on its own: the one-pass path
// of the common week (simpleOK when it takes the week), the one-pass path
// in canonical order (orderedOK when it takes the week; invalid when it finds a session that is not valid) and the ordering path through
// the accumulator, which takes every valid week.
func SummarizePathsForTest(ck Checker, w Week, sessions []Session) (simple WeekSummary, simpleOK bool,
	ordered WeekSummary, orderedOK, invalid bool, sorted WeekSummary, err error) {
	c := &ck.r.count
	simpleOK = c.summarizeSimple(&simple, w, sessions)
	switch c.summarizeOrdered(&ordered, w, sessions) {
	case orderedDone:
		orderedOK = true
	case orderedInvalid:
		invalid = true
	}
	sorted, err = ck.r.summarizeUnordered(w, sessions)
	return simple, simpleOK, ordered, orderedOK, invalid, sorted, err
}
