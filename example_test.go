package ioprules_test

import (
	"fmt"
	"strings"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// How many rule codes each package can emit.
func ExampleCatalog() {
	counts := map[string]int{}
	var order []string
	for r := range ioprules.Catalog().All() {
		pkg, _, _ := strings.Cut(string(r.Code), ".")
		if counts[pkg] == 0 {
			order = append(order, pkg)
		}
		counts[pkg]++
	}
	for _, pkg := range order {
		fmt.Println(pkg, counts[pkg] > 0)
	}
	// Output:
	// group true
	// schedule true
	// eligibility true
	// aftercare true
	// authorization true
}

func ExampleMedicareIOP2024() {
	p := ioprules.MedicareIOP2024()
	b, _ := iop.PartOf[schedule.Benefit](&p)
	band := b.Weekly.For(iop.PopulationAdult)
	fmt.Printf("%s: at least %s a week, no maximum: %t (%s)\n", p.ID, band.Min, band.Max == 0, b.Weekly.Cite.Source)
	fmt.Println("8h59m meets it:", band.Contains(iop.Hours(9)-1))
	fmt.Println("9h00m meets it:", band.Contains(iop.Hours(9)))
	fmt.Println("recertify every", b.Certification.RecertDays, "days")
	for _, s := range p.Rules {
		fmt.Println(s.Code, "is", s.Severity)
	}
	for _, t := range b.ServiceTiers.Tiers {
		fmt.Printf("%s: hospital APC %s, CMHC APC %s\n", t.Name, t.APC(iop.ProviderHospitalOutpatient), t.APC(iop.ProviderCMHC))
	}
	// Output:
	// medicare-iop-2024: at least 9h00m a week, no maximum: true (42 CFR 424.24(d)(1); SSA §1861(ff)(4))
	// 8h59m meets it: false
	// 9h00m meets it: true
	// recertify every 60 days
	// schedule.weekly-minutes.below-minimum is warning
	// schedule.day-services.below-tier is blocking
	// 3 services: hospital APC 5861, CMHC APC 5851
	// 4 or more services: hospital APC 5862, CMHC APC 5852
}
