package iop_test

import (
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// benefitOf returns p's schedule part; the zero Benefit when p has none.
func benefitOf(p iop.Profile) schedule.Benefit {
	b, _ := iop.PartOf[schedule.Benefit](&p)
	return b
}

// withBenefit returns p with its schedule part changed by f.
func withBenefit(p iop.Profile, f func(*schedule.Benefit)) iop.Profile {
	b := benefitOf(p)
	f(&b)
	return p.WithPart(b)
}
