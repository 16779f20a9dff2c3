package billing_test

import (
	"fmt"
	"strings"

	"github.com/ioprules/ioprules/examples/internal/billing"
)

// The check billingcheck and the web page share: the sample sessions
// against the Medicare IOP profile in force on each week's first day of
// service.
func Example() {
	rules, _, err := billing.NewRules("medicare-iop")
	if err != nil {
		panic(err)
	}
	program, weeks, _ := billing.ParseWeeks("iso")
	rep, err := billing.Check(strings.NewReader(billing.SampleSessions()), strings.NewReader(billing.SampleEpisodes()),
		billing.Options{Rules: rules, Program: program, Weeks: weeks})
	if err != nil {
		panic(err)
	}
	v := rep.View()
	fmt.Printf("%s: %d sessions, %d patient-weeks, %d blocking findings, %d rows refused\n",
		v.Heading, v.Records, v.Weeks, v.Blocking, len(v.Refused))
	w := rep.Weeks(0, 1)[0]
	fmt.Printf("first shown: %s %s, %s: %s\n", w.Patient, w.Week, w.Result, w.Findings[0].Code)
	// Output:
	// medicare-iop by first day of service, ISO weeks: 118 sessions, 14 patient-weeks, 1 blocking findings, 2 rows refused
	// first shown: p-002 2025-W12, blocking: schedule.day-services.below-tier
}
