// Package ioptest holds the assertions that compliance test suites import to
// check the findings of ioprules checks. They take a [T], which
// [testing.TB] is, and report failures as testify's assertions do. Each
// failure message shows the findings with their figures (needed and
// found).
//
// Each assertion returns whether it held, as testify's do; the Require forms
// stop the test (t.FailNow) when it does not. [Cited] and [FollowsRules]
// read the rule table of the checker that made the findings.
//
//	findings, err := ck.CheckWeek(&sum, episode)
//	require.NoError(t, err)
//	ioptest.HasCode(t, findings, schedule.CodeWeeklyBelowMinimum)
//	ioptest.CodesEqual(t, findings, schedule.CodeWeeklyBelowMinimum, schedule.CodeTooFewDays)
//	ioptest.NoBlocking(t, otherFindings)
package ioptest
