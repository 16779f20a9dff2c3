package eligibility_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// exampleAssessment returns an adult assessment, rated D1 to D6.
func exampleAssessment(id string, on date.Date, risks ...eligibility.Risk) eligibility.Assessment {
	return eligibility.Assessment{
		ID: id, Edition: iop.Edition3, Date: on, Population: iop.Adult,
		Ratings: eligibility.NewRatings(risks[0], risks[1], risks[2], risks[3], risks[4], risks[5]),
	}
}

func Example() {
	a := exampleAssessment("A-1001", date.New(2025, 3, 3),
		eligibility.Risk1, eligibility.Risk0, eligibility.Risk1, eligibility.Risk2, eligibility.Risk2, eligibility.Risk1)
	d, err := eligibility.DefaultCriteria().Decide(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("recommended:", d.Recommended(), d.Recommended().Name(iop.Edition3, iop.Adult))
	fmt.Println("driven by:", d.Drivers())
	for _, r := range d.Reasons() {
		mark := " "
		if r.Drives {
			mark = "*"
		}
		fmt.Printf("%s %s risk %s (%s): %s-%s\n", mark, r.Dimension, r.Risk, r.Risk.Name(), r.Min, r.Max)
	}
	fmt.Println(eligibility.CheckAdmission(d, iop.ASAM3Level21(), iop.Hours(9)) == nil)
	// Output:
	// recommended: 2.1 Intensive Outpatient Services
	// driven by: D4,D5
	//   D1 risk 1 (mild): 0.5-2.1
	//   D2 risk 0 (none): 0.5-1
	//   D3 risk 1 (mild): 0.5-2.1
	// * D4 risk 2 (moderate): 2.1-2.5
	// * D5 risk 2 (moderate): 2.1-2.5
	//   D6 risk 1 (mild): 1-2.1
	// true
}

func ExampleDimension_Name() {
	for _, d := range eligibility.Dimensions() {
		fmt.Printf("%s  %-55s %s\n", d, d.Name(iop.Edition3), d.Name(iop.Edition4))
	}
	// Output:
	// D1  Acute Intoxication and/or Withdrawal Potential          Intoxication, Withdrawal, and Addiction Medications
	// D2  Biomedical Conditions and Complications                 Biomedical Conditions
	// D3  Emotional, Behavioral, or Cognitive Conditions and Complications Psychiatric and Cognitive Conditions
	// D4  Readiness to Change                                     Substance Use-Related Risks
	// D5  Relapse, Continued Use, or Continued Problem Potential  Recovery Environment Interactions
	// D6  Recovery/Living Environment                             Person-Centered Considerations
}

func ExampleRisk_Meaning() {
	for _, r := range eligibility.Risks() {
		fmt.Println(r, r.Meaning())
	}
	// Output:
	// 0 no current risk: full functioning in this dimension
	// 1 mild: minor difficulty, stable with routine support
	// 2 moderate: some difficulty, needs structured support or monitoring
	// 3 significant: serious difficulty, needs intensive or 24-hour structure
	// 4 severe: utmost severity, an imminent danger that needs immediate care
}

// Criteria that leave a rating unmapped, or map one rating twice, are
// refused with an error naming the rule.
func ExampleParseCriteria() {
	c := eligibility.DefaultCriteria()
	c.Rules = c.Rules[1:]                       // drop D1 risk 0: a gap
	c.Rules = append(c.Rules, eligibility.Rule{ // map D2 risk 3 a second time
		Dimension: eligibility.D2, Risk: eligibility.Risk3, Min: iop.Level25, Max: iop.Level25, Cite: c.Source,
	})
	data, _ := json.Marshal(c)
	_, err := eligibility.ParseCriteria(data)
	var re *eligibility.RuleError
	if errors.As(err, &re) {
		fmt.Println("first:", re.Dimension, "risk", re.Risk, re.Field)
	}
	fmt.Println(errors.Is(err, eligibility.ErrUnmapped), errors.Is(err, eligibility.ErrContradiction))
	fmt.Println(err)
	// Output:
	// first: D2 risk 3 rules[29]
	// true true
	// eligibility: rule D2 risk 3 (rules[29]): contradictory rules: conflicts with rules[7]
	// eligibility: rule D1 risk 0 (rules): risk rating mapped by no rule
}

func ExampleDecision_Place() {
	a := exampleAssessment("A-1002", date.New(2025, 3, 3),
		eligibility.Risk0, eligibility.Risk0, eligibility.Risk3, eligibility.Risk2, eligibility.Risk2, eligibility.Risk1)
	d, _ := eligibility.DefaultCriteria().Decide(a)
	fmt.Println("recommended:", d.Recommended(), "driven by", d.Drivers())

	// Partial hospitalization is not available; IOP is given instead.
	placed := d.Place(iop.Level21, eligibility.VarianceLevelNotAvailable, "note-77")
	fmt.Println("given:", placed.Placed(), placed.Variance().Reason)
	for _, f := range placed.Findings() {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// recommended: 2.5 driven by D3
	// given: 2.1 level-not-available
	// warning eligibility.variance.below-recommended
	// warning eligibility.variance.not-next-available
}

func ExampleCheckTransfer() {
	c := eligibility.DefaultCriteria()
	admitted := date.New(2025, 3, 3)
	before, _ := c.Decide(exampleAssessment("A-1", admitted,
		eligibility.Risk1, eligibility.Risk0, eligibility.Risk1, eligibility.Risk2, eligibility.Risk2, eligibility.Risk1))
	after, _ := c.Decide(exampleAssessment("A-2", admitted+28,
		eligibility.Risk0, eligibility.Risk0, eligibility.Risk0, eligibility.Risk1, eligibility.Risk1, eligibility.Risk1))
	rv := eligibility.Review{Admitted: admitted, Previous: before, Current: after, Progress: eligibility.ProgressGoalsMet}
	for _, f := range eligibility.CheckTransfer(rv, iop.ASAM3Level21()) {
		fmt.Println(f.Severity, f.Code, "-", f.Message)
	}
	// Output:
	// warning eligibility.transfer.down-indicated - the reassessment recommends level 1: step down
	// info eligibility.transfer.step-down-allowance - for 2 weeks after the step-down, fewer than the weekly minimum hours may continue under profile asam3-2.1
}

func ExampleCriteria_Moves() {
	start := date.New(2025, 3, 3)
	r := func(n ...int) []eligibility.Risk {
		out := make([]eligibility.Risk, len(n))
		for i, v := range n {
			out[i], _ = eligibility.RiskOf(v)
		}
		return out
	}
	series := []eligibility.Assessment{
		exampleAssessment("A-1", start, r(2, 0, 1, 2, 3, 1)...),
		exampleAssessment("A-2", start+14, r(1, 0, 1, 2, 2, 1)...),
		exampleAssessment("A-3", start+42, r(0, 0, 0, 1, 1, 1)...),
	}
	moves, err := eligibility.DefaultCriteria().Moves(series)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range moves {
		from := "-"
		if m.From != 0 {
			from = m.From.String()
		}
		fmt.Printf("%s %s %-5s %3s -> %-3s driven by %s\n", m.On, m.ID, m.Direction, from, m.To, m.DrivenBy())
	}
	// Output:
	// 2025-03-03 A-1 start   - -> 2.5 driven by D5
	// 2025-03-17 A-2 down  2.5 -> 2.1 driven by D5
	// 2025-04-14 A-3 down  2.1 -> 1   driven by D4,D5
}
