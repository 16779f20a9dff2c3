package authorization_test

import (
	"fmt"
	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// A week-by-week IOP stay under a 10-day authorization, with a payer that
// wants its concurrent review asked for 3 days before the authorized days
// run out. The patient attends on Mondays, Tuesdays, Thursdays and
// Fridays.
func Example() {
	terms := authorization.CMS0057F()
	terms.LeadDays = 3
	terms.ReviewCite = iop.Citation{Source: "Payer X utilization review manual §4.2", Edition: "2026"}
	ck, err := authorization.NewChecker(ioprules.MedicareIOP2026().WithPart(terms))
	if err != nil {
		fmt.Println(err)
		return
	}
	a := authorization.Authorization{
		Number: "AUTH-1001", Payer: "PAYER-9", Patient: "P-1", Level: iop.Level21,
		Codes: [8]string{"H0015"}, Quantity: 10, Unit: authorization.QuantityUnitDays,
		Effective: iop.MustParseDate("2026-03-02"), Expiration: iop.MustParseDate("2026-03-20"),
		Action: authorization.ActionCertified,
	}
	// One summary a week, as schedule makes them: 3 hours on each day.
	var weeks []schedule.WeekSummary
	for w := range 3 {
		s := schedule.WeekSummary{Patient: "P-1", Week: schedule.ISOWeeks().Of(a.Effective + date.Date(7*w))}
		for _, d := range []int{0, 1, 3, 4} {
			s.DayMinutes[d], s.DayServices[d] = 180, 1
		}
		weeks = append(weeks, s)
	}
	show := func(auths []authorization.Authorization, upTo int, asOf date.Date) {
		rs, err := ck.Remaining(auths, weeks[:upTo], asOf)
		if err != nil {
			fmt.Println(err)
			return
		}
		r := rs[0]
		fmt.Printf("%s: used %d of %d days, %d left, %d a week, runs out %s, review by %s\n",
			asOf, r.Used, r.Authorized, r.Left, r.Rate, r.RunOut, r.ReviewBy)
		fs, err := ck.CheckStay(auths, weeks[:upTo], asOf, 0)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, f := range fs {
			fmt.Printf("  %s %s day %s need %d got %d\n", f.Code, f.Subject, f.Day, f.Need, f.Got)
		}
	}
	auths := []authorization.Authorization{a}
	show(auths, 1, iop.MustParseDate("2026-03-08"))
	show(auths, 2, iop.MustParseDate("2026-03-15"))
	show(auths, 2, iop.MustParseDate("2026-03-16"))

	fmt.Println("without a review:")
	show(auths, 3, iop.MustParseDate("2026-03-22"))

	fmt.Println("reviewed on 2026-03-16, modified to 16 days through 2026-04-03:")
	a.ReviewRequested = iop.MustParseDate("2026-03-16")
	a.Action, a.Quantity, a.Expiration = authorization.ActionModified, 16, iop.MustParseDate("2026-04-03")
	show([]authorization.Authorization{a}, 3, iop.MustParseDate("2026-03-22"))
	// Output:
	// 2026-03-08: used 4 of 10 days, 6 left, 4 a week, runs out 2026-03-19, review by 2026-03-16
	// 2026-03-15: used 8 of 10 days, 2 left, 4 a week, runs out 2026-03-19, review by 2026-03-16
	// 2026-03-16: used 8 of 10 days, 2 left, 4 a week, runs out 2026-03-19, review by 2026-03-16
	//   authorization.review.due AUTH-1001 day 2026-03-16 need 3 got 3
	// without a review:
	// 2026-03-22: used 12 of 10 days, 0 left, 4 a week, runs out 2026-03-17, review by 2026-03-14
	//   authorization.quantity.exceeded AUTH-1001 day 2026-03-19 need 10 got 11
	//   authorization.quantity.exceeded AUTH-1001 day 2026-03-20 need 10 got 12
	// reviewed on 2026-03-16, modified to 16 days through 2026-04-03:
	// 2026-03-22: used 12 of 16 days, 4 left, 4 a week, runs out 2026-03-29, review by 2026-03-26
}
