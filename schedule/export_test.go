package schedule

// ParseDateForTest exposes the CSV readers' date parser to the tests.
var ParseDateForTest = parseDate
