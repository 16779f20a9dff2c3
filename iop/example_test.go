package iop_test

import (
	"errors"
	"fmt"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

func ExampleParse_level() {
	l, err := iop.Parse[iop.Level]("2.1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l, "=", l.Name(iop.Edition3, iop.PopulationAdult))
	fmt.Println(l, "=", l.Name(iop.Edition4, iop.PopulationAdult))
	fmt.Println("more intensive than 1.5:", l.Compare(iop.Level15) > 0)

	_, err = iop.Parse[iop.Level]("IOP")
	fmt.Println(err)
	// Output:
	// 2.1 = Intensive Outpatient Services
	// 2.1 = Intensive Outpatient
	// more intensive than 1.5: true
	// iop.Level.UnmarshalText: unknown value
}

func ExampleParseProfile() {
	data := []byte(`{
		"id": "state-iop-2025", "title": "A state's IOP rules", "level": "2.1",
		"from": "2025-07-01", "source": {"source": "State Admin. Code 9-12"},
		"scope": {"reach": "state", "states": ["MT"], "body": "State Department of Health"},
		"ages": {"adult_age": 18, "cite": {"source": "State Admin. Code 9-12-2"}},
		"schedule": {
			"weekly": {"adult": {"min": "9h00m"}, "adolescent": {"min": "6h00m"}, "cite": {"source": "State Admin. Code 9-12-4"}},
			"partial_weeks": {"first": "exempt", "last": "prorated", "cite": {"source": "State Admin. Code 9-12-4(d)"}},
			"counting": {"kinds": ["group", "individual", "family"], "cite": {"source": "State Admin. Code 9-12-5"}}
		}
	}`)
	// The kinds of part the document may hold: here schedule's only. The
	// root package's ParseProfile passes every checking package's.
	p, err := iop.ParseProfile(data, schedule.Benefit{})
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := iop.PartOf[schedule.Benefit](&p)
	fmt.Println(p.ID, "adolescents:", b.Weekly.For(iop.PopulationAdolescent).Min)

	_, err = iop.ParseProfile([]byte(`{"id": "x", "schedule": {"weekly": {"adult": {"minimum": "9h00m"}}}}`), schedule.Benefit{})
	var fe *iop.FieldError
	if errors.As(err, &fe) {
		fmt.Println("refused:", fe.Field, "-", fe.Err)
	}
	// Output:
	// state-iop-2025 adolescents: 6h00m
	// refused: schedule.weekly.adult.#0 - unknown field
}

func ExampleProfile_Validate() {
	p := ioprules.ASAM3Level21()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Weekly.Adult = iop.Band{Min: iop.Hours(20), Max: iop.Hours(19)} })
	p = withBenefit(p, func(b *schedule.Benefit) { b.Certification.RecertDays = -30 })
	err := p.Validate()
	var errs iop.FieldErrors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Println(e)
		}
	}
	// Output:
	// schedule.weekly.adult: out of order: min 20h00m, max 19h00m
	// schedule.certification.recert_days: out of range: negative
	// schedule.certification.cite: missing: citation
}

func ExampleProfiles_AsOf() {
	state := ioprules.ASAM3Level21()
	state.ID, state.From = "state-2025", date.New(2025, 7, 1)
	profiles := iop.Profiles{ioprules.ASAM3Level21(), state}
	for _, day := range []date.Date{date.New(2025, 6, 30), date.New(2025, 7, 1)} {
		p, err := profiles.AsOf(iop.Level21, day)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(day, p.ID)
	}
	_, err := profiles.AsOf(iop.Level25, date.New(2025, 7, 1))
	fmt.Println(errors.Is(err, iop.ErrNoProfile))
	// Output:
	// 2025-06-30 asam3-2.1
	// 2025-07-01 state-2025
	// true
}

func ExampleAgeRules_PopulationOn() {
	rules := ioprules.ASAM3Level21().Ages
	birth := date.New(2008, 2, 29)
	for _, on := range []date.Date{date.New(2026, 2, 28), date.New(2026, 3, 1)} {
		p, err := rules.PopulationOn(birth, on)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(on, p)
	}
	// Output:
	// 2026-02-28 adolescent
	// 2026-03-01 adult
}

func ExampleFindings_BlockingErr() {
	fs := iop.Findings{
		{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityBlocking, Subject: "P-17",
			Need: 540, Got: 525, Unit: iop.UnitMinutes},
		{Code: "schedule.session.overlap", Severity: iop.SeverityWarning, Subject: "P-17"},
	}
	err := fs.BlockingErr()
	fmt.Println(err)
	fmt.Println(errors.Is(err, iop.Code("schedule.weekly-minutes.below-minimum")))
	fmt.Println(errors.Is(err, iop.Code("schedule.session.overlap")), "(a warning)")
	// Output:
	// blocking: schedule.weekly-minutes.below-minimum [P-17]: need 9h00m, got 8h45m
	// true
	// false (a warning)
}

func ExampleRuleTable_Message() {
	rules := iop.NewRuleTable(iop.Rule{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityBlocking,
		Summary: "counted service time below the weekly minimum", Cite: iop.Citation{Source: "42 CFR 410.44(c)"}})
	f := iop.Finding{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityBlocking, Subject: "P-17",
		Need: 540, Got: 525, Unit: iop.UnitMinutes}
	r, _ := rules.Rule(f.Code)
	fmt.Printf("%s: %s (%s)\n", f.Code, rules.Message(f), r.Cite)
	// Output:
	// schedule.weekly-minutes.below-minimum: counted service time below the weekly minimum: need 9h00m, got 8h45m (42 CFR 410.44(c))
}

func ExamplePartialWeek_Minimum() {
	// Admitted on a Friday: 3 of the week's 7 days fall in the episode.
	fmt.Println(schedule.PartialWeekFull.Minimum(iop.Hours(9), 3))
	fmt.Println(schedule.PartialWeekProrated.Minimum(iop.Hours(9), 3))
	fmt.Println(schedule.PartialWeekExempt.Minimum(iop.Hours(9), 3))
	// Output:
	// 9h00m
	// 3h51m
	// 0h00m
}
