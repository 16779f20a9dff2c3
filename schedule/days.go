package schedule

import (
	"time"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Day is one day of a [WeekSummary] as per-diem billing sees it: its
// counted time and services, whether it is a service day, and the payment
// tier it reaches. Its Tier holds a slice (the tier's APCs), so a Day is
// not comparable; it is safe for concurrent use.
type Day struct {
	// Date is the day.
	Date date.Date
	// Weekday is the day of the week.
	Weekday time.Weekday
	// Minutes is the counted time.
	Minutes iop.Minutes
	// Services is the number of countable services furnished.
	Services int
	// ServiceDay reports whether the day counts as a service day: its
	// counted time reaches the profile's Daily.MinDayMinutes, or is above
	// zero when the profile sets none.
	ServiceDay bool
	// Tier is the payment tier the day's services reach; zero when they
	// reach none or the profile sets no tiers.
	Tier ServiceTier
	// HasTier reports whether the day's services reach a tier.
	HasTier bool
	// APC is the tier's payment classification in the setting asked for
	// ([Checker.DaysIn]); empty without a tier, without a setting, or in a
	// setting paid outside the APCs (an RHC or FQHC).
	APC string
	// Pay says how the day is paid in the setting asked for: at the
	// tier's per diem, or, below the lowest tier, what the setting pays
	// instead ([ServiceTierRules.ShortDays]); zero for a day without
	// service or under a profile without tiers.
	Pay DayPay
}

// Days returns the seven days of a week's summary with their counted time,
// services, service-day status and payment tier under ck's profile: the
// tier of every day, where [Checker.CheckWeek] reports only the days below
// the lowest tier. It gives no APC: see [Checker.DaysIn]. The zero Checker
// gives no tiers and takes any counted time as a service day. It does not
// allocate.
func (ck Checker) Days(s WeekSummary) [7]Day { return ck.DaysIn(s, 0) }

// DaysIn is [Checker.Days] for a program furnished in setting (the
// episode's [Stay.Setting]): each day with a tier also has the tier's
// payment classification there ([ServiceTier.APC]; Medicare IOP in a
// hospital outpatient department: APC 5861 for 3 services, 5862 for 4 or
// more; in a CMHC 5851 and 5852), and each day with service says how it
// is paid ([Day.Pay]): a hospital's day below the tier has its services
// paid one by one, a CMHC's goes unpaid, an OTP's days count toward the
// weekly add-on and reach no daily tier. RHC and FQHC days have no APC:
// they are paid outside the APCs.
func (ck Checker) DaysIn(s WeekSummary, setting iop.Provider) [7]Day {
	var out [daysPerWeek]Day
	for i := range out {
		d := Day{Date: s.Week.Day(i), Minutes: s.DayMinutes[i], Services: int(s.DayServices[i])}
		d.Weekday = weekday(d.Date)
		d.ServiceDay = d.Minutes > 0
		if ck.r != nil {
			d.ServiceDay = d.ServiceDay && d.Minutes >= ck.r.b.Daily.MinDayMinutes
			if d.Services > 0 {
				tiers := &ck.r.b.ServiceTiers
				d.Tier, d.HasTier = tiers.TierFor(d.Services)
				if d.Pay = dayPay(tiers, d.HasTier, setting); d.Pay == DayPayWeekly {
					d.Tier, d.HasTier = ServiceTier{}, false // no daily tier
				}
				if d.HasTier && setting != 0 {
					d.APC = d.Tier.APC(setting)
				}
			}
		}
		out[i] = d
	}
	return out
}

// dayPay returns how a day with service is paid under tier rules r in
// setting: at the per diem when it reaches a tier (at reasonable cost, or
// the clinic's rate, in a setting paid outside the APCs), what the
// setting's short-day row says when it does not, not judged when the
// profile has such rows but no setting is given, unpaid otherwise (a day
// below the tier is not paid as a program day). An OTP's days are weekly
// whatever their services. It is zero under a profile without tiers.
func dayPay(r *ServiceTierRules, hasTier bool, setting iop.Provider) DayPay {
	if len(r.Tiers) == 0 {
		return 0
	}
	row, ok := shortDayFor(r.ShortDays, setting)
	switch {
	case ok && row.Pay == DayPayWeekly:
		return DayPayWeekly
	case hasTier && ok && (row.Pay == DayPayCost || row.Pay == DayPayClinic):
		return row.Pay
	case hasTier:
		return DayPayPerDiem
	case ok:
		return row.Pay
	case setting == 0 && len(r.ShortDays) > 0:
		return DayPayNotJudged
	}
	return DayPayUnpaid
}
