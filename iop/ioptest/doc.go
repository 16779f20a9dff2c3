// Package ioptest holds the assertions that compliance test suites import to
// check the findings of ioprules checks. They are built on testify, so they
// take the same [assert.TestingT] as testify's own and fit the suites people
// already write. Each failure message shows the findings with their
// figures (needed and found) and their citations.
//
// Each assertion returns whether it held, as testify's do; the Require forms
// stop the test (t.FailNow) when it does not.
//
//	findings := week.Check(profile)
//	ioptest.HasCode(t, findings, schedule.CodeWeeklyBelowMinimum)
//	ioptest.CodesEqual(t, findings, schedule.CodeWeeklyBelowMinimum, schedule.CodeTooFewDays)
//	ioptest.NoBlocking(t, otherFindings)
package ioptest
