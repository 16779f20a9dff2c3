package eligibility_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// exampleAssessment returns an adult assessment, rated D1 to D6.
func exampleAssessment(id string, on date.Date, d1, d2, d3, d4, d5, d6 eligibility.Risk) eligibility.Assessment {
	r, err := eligibility.NewRatings(d1, d2, d3, d4, d5, d6)
	if err != nil {
		panic(err)
	}
	return eligibility.Assessment{ID: id, Edition: iop.Edition3, Date: on, Population: iop.PopulationAdult, Ratings: r}
}

func Example() {
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	if err != nil {
		fmt.Println(err)
		return
	}
	a := exampleAssessment("A-1001", iop.MustParseDate("2025-03-03"), 1, 0, 1, 2, 2, 1)
	d, err := ck.Decide(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("recommended:", d.Recommended(), d.Recommended().Name(iop.Edition3, iop.PopulationAdult))
	fmt.Println("driven by:", d.Drivers())
	for _, r := range d.Reasons() {
		mark := " "
		if r.Drives {
			mark = "*"
		}
		fmt.Printf("%s %s risk %s (%s): %s-%s\n", mark, r.Dimension, r.Risk, r.Risk.Name(), r.Min, r.Max)
	}
	for _, planned := range []iop.Minutes{iop.Hours(9), iop.Hours(8), iop.Hours(20) - 1, iop.Hours(20)} {
		fs, err := ck.CheckAdmission(&d, planned)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(planned, fs.Codes(), fs.HasBlocking())
		for _, f := range fs {
			fmt.Println("  ", eligibility.Rules().Message(f))
		}
	}
	// Output:
	// recommended: 2.1 Intensive Outpatient Services
	// driven by: D4,D5
	//   D1 risk 1 (mild): 0.5-2.1
	//   D2 risk 0 (none): 0.5-1
	//   D3 risk 1 (mild): 0.5-2.1
	// * D4 risk 2 (moderate): 2.1-2.5
	// * D5 risk 2 (moderate): 2.1-2.5
	//   D6 risk 1 (mild): 1-2.1
	// 9h00m [] false
	// 8h00m [eligibility.admission.hours-below-minimum] true
	//    admission: the plan schedules fewer weekly hours than the minimum: need 9h00m, got 8h00m
	// 19h59m [] false
	// 20h00m [eligibility.admission.hours-above-maximum] false
	//    admission: the planned weekly hours are above the band's maximum and fall in another level's band: level 2.5: need 19h59m, got 20h00m
}

// A level of care recommended by licensed software that an EHR hosts (here
// ASAM CONTINUUM) becomes a Decision with the tool as its source: placing
// the person, the variance and the admission checks work on it, and it is
// stored and read back as JSON.
func ExampleChecker_Recommended() {
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	if err != nil {
		fmt.Println(err)
		return
	}
	rec, err := eligibility.ParseRecommendation([]byte(`{
	  "id": "A-2001", "source": "ASAM CONTINUUM", "edition": "3rd", "date": "2025-03-03",
	  "population": "adult", "level": "2.5", "modifiers": ["co-occurring"]
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := ck.Recommended(rec)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("recommended:", d.Recommended(), "by", d.Source())

	// Partial hospitalization is not available; IOP is given instead.
	placed, err := d.Place(iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "note-12")
	if err != nil {
		fmt.Println(err)
		return
	}
	fs, _ := ck.CheckVariance(&placed)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}
	fs, _ = ck.CheckAdmission(&placed, iop.Hours(9))
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}

	b, _ := json.Marshal(placed)
	var back eligibility.Decision
	fmt.Println("stored and read back:", json.Unmarshal(b, &back) == nil && back == placed)

	// A level the edition does not have is refused.
	rec.Level = iop.Level15
	_, err = ck.Recommended(rec)
	fmt.Println(err)
	// Output:
	// recommended: 2.5 by ASAM CONTINUUM
	// warning eligibility.variance.below-recommended
	// warning eligibility.variance.not-next-available
	// warning eligibility.admission.above-iop-documented
	// stored and read back: true
	// level: out of range: not a level of the edition
}

func ExampleDimension_Name() {
	for _, d := range iop.All[eligibility.Dimension]() {
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
	for _, r := range iop.All[eligibility.Risk]() {
		fmt.Println(r, r.Meaning())
	}
	// Output:
	// 0 no current risk: full functioning in this dimension
	// 1 mild: minor difficulty, stable with routine support
	// 2 moderate: some difficulty, needs structured support or monitoring
	// 3 significant: serious difficulty, needs intensive or 24-hour structure
	// 4 severe: utmost severity, an imminent danger that needs immediate care
}

// A rating of 0 is a rating; a dimension never rated is refused.
func ExampleRatings() {
	r := eligibility.Ratings{}.With(eligibility.Dimension2, eligibility.Rating{Risk: eligibility.Risk0, Note: "n-2"})
	risk, rated := r.Risk(eligibility.Dimension2)
	fmt.Println("D2:", risk, rated)
	_, rated = r.Risk(eligibility.Dimension3)
	fmt.Println("D3 rated:", rated)
	b, _ := json.Marshal(r)
	fmt.Println(string(b))

	_, err := eligibility.NewRatings(1, 0, 1, 2, 2, 7)
	fmt.Println(err, errors.Is(err, iop.ErrOutOfRange))
	// Output:
	// D2: 0 true
	// D3 rated: false
	// {"D2":{"risk":0,"note":"n-2"}}
	// D6: out of range: a risk rating is 0 to 4 true
}

// Criteria that leave a rating unmapped, or map one rating twice, are
// refused with every problem named.
func ExampleParseCriteria() {
	c := eligibility.DefaultCriteria()
	c.Rules = c.Rules[1:]                            // drop D1 risk 0: a gap
	c.Rules = append(c.Rules, eligibility.Criterion{ // map D2 risk 3 a second time
		Dimension: eligibility.Dimension2, Risk: eligibility.Risk3, Min: iop.Level25, Max: iop.Level25, Cite: c.Source,
	})
	data, _ := json.Marshal(c)
	_, err := eligibility.ParseCriteria(data)
	fmt.Println(errors.Is(err, iop.ErrMissing), errors.Is(err, iop.ErrDuplicate))
	fmt.Println(err)
	// Output:
	// true true
	// rules[29]: duplicate: maps the rating of rules[7] to other levels
	// rules: missing: no rule maps D1 risk 0
}

func ExampleDecision_Place() {
	ck, _ := eligibility.NewChecker(ioprules.ASAM3Level21())
	d, _ := ck.Decide(exampleAssessment("A-1002", iop.MustParseDate("2025-03-03"), 0, 0, 3, 2, 2, 1))
	fmt.Println("recommended:", d.Recommended(), "driven by", d.Drivers())

	// Partial hospitalization is not available; IOP is given instead.
	placed, err := d.Place(iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "note-77")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("given:", placed.Placed(), placed.Variance().Reason)
	fs, _ := ck.CheckVariance(&placed)
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}
	fs, _ = ck.CheckAdmission(&placed, iop.Hours(9))
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code)
	}
	// Output:
	// recommended: 2.5 driven by D3
	// given: 2.1 level-not-available
	// warning eligibility.variance.below-recommended
	// warning eligibility.variance.not-next-available
	// warning eligibility.admission.above-iop-documented
}

func ExampleChecker_CheckTransfer() {
	ck, _ := eligibility.NewChecker(ioprules.ASAM3Level21())
	admitted := iop.MustParseDate("2025-03-03")
	before, _ := ck.Decide(exampleAssessment("A-1", admitted, 1, 0, 1, 2, 2, 1))
	after, _ := ck.Decide(exampleAssessment("A-2", admitted+28, 0, 0, 0, 1, 1, 1))
	rv := eligibility.Review{Admitted: admitted, Previous: before, Current: after, Progress: eligibility.ProgressGoalsMet}
	fs, err := ck.CheckTransfer(&rv)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code, "-", eligibility.Rules().Message(f))
	}
	// Output:
	// warning eligibility.transfer.down-indicated - transfer: the reassessment recommends a less intensive level: step down: need 1, got 2.1
	// info eligibility.transfer.step-down-allowance - transfer: after the step-down, fewer than the weekly minimum hours may continue for the weeks the profile allows: need 14 days, got 0 days
}

// A profile's rule settings change a rule's severity or turn it off.
func ExampleNewChecker() {
	// A setting of an eligibility rule needs an eligibility part, even an
	// empty one: it decides with the default criteria.
	p := ioprules.ASAM3Level21().WithPart(eligibility.Placement{})
	p.Rules = []iop.RuleSetting{{
		Code: eligibility.CodeAdmissionHoursBelowMinimum, Severity: iop.SeverityWarning,
		Cite: iop.Citation{Source: "Payer X contract §7"},
	}}
	ck, err := eligibility.NewChecker(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	d, _ := ck.Decide(exampleAssessment("A-3", iop.MustParseDate("2025-03-03"), 1, 0, 1, 2, 2, 1))
	fs, _ := ck.CheckAdmission(&d, iop.Hours(8))
	fmt.Println(fs[0].Severity, fs[0].Code)

	p.Rules[0].Code = "eligibility.admission.no-such-rule"
	_, err = eligibility.NewChecker(p)
	fmt.Println(err)
	// Output:
	// warning eligibility.admission.hours-below-minimum
	// rules[0].code: unknown value
}

func ExampleChecker_Moves() {
	ck, _ := eligibility.NewChecker(ioprules.ASAM3Level21())
	start := iop.MustParseDate("2025-03-03")
	series := []eligibility.Assessment{
		exampleAssessment("A-1", start, 2, 0, 1, 2, 3, 1),
		exampleAssessment("A-2", start+14, 1, 0, 1, 2, 2, 1),
		exampleAssessment("A-3", start+42, 0, 0, 0, 1, 1, 1),
	}
	moves, err := ck.Moves(series)
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

// Medicare IOP admits by the patient criteria of 42 CFR 410.44(c): one
// documented as not met blocks the admission, and one the assessment does
// not record is not judged, at the same force.
func ExampleChecker_CheckAdmission_patientCriteria() {
	ck, _ := eligibility.NewChecker(ioprules.MedicareIOP2025())
	a := exampleAssessment("A-1", iop.MustParseDate("2025-03-03"), 1, 0, 1, 2, 2, 1)
	a.Patient = eligibility.PatientRecord{
		Met: iop.SetOf(eligibility.PatientCriterionNeedsHours, eligibility.PatientCriterionBenefits, eligibility.PatientCriterionNo24Hour,
			eligibility.PatientCriterionDiagnosis, eligibility.PatientCriterionNotDangerous),
		NotMet: iop.SetOf(eligibility.PatientCriterionSupport),
	}
	d, _ := ck.Decide(a)
	fs, _ := ck.CheckAdmission(&d, iop.Hours(9))
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code, f.Ref)
	}
	// Output:
	// blocking eligibility.admission.patient-criterion-not-met support-system
	// blocking eligibility.admission.patient-criterion-not-judged can-participate
}

// Medicare PHP (a level 2.5 profile) admits by the patient criteria of 42
// CFR 410.43(c), which add the risk of inpatient care to IOP's, and by its
// 20 weekly hours; the continued-stay, transfer and discharge checks judge
// an IOP stay and refuse a PHP profile.
func ExampleChecker_CheckAdmission_partialHospitalization() {
	ck, _ := eligibility.NewChecker(ioprules.MedicarePHP2025())
	a := exampleAssessment("A-1", iop.MustParseDate("2025-03-03"), 0, 1, 1, 1, 3, 1)
	a.Patient = eligibility.PatientRecord{
		Met: iop.SetOf(eligibility.PatientCriterionNeedsHours, eligibility.PatientCriterionBenefits, eligibility.PatientCriterionNo24Hour,
			eligibility.PatientCriterionSupport, eligibility.PatientCriterionDiagnosis, eligibility.PatientCriterionNotDangerous,
			eligibility.PatientCriterionCanParticipate),
	}
	d, _ := ck.Decide(a)
	fmt.Println("recommended:", d.Recommended())
	fs, _ := ck.CheckAdmission(&d, iop.Hours(19))
	for _, f := range fs {
		fmt.Println(f.Severity, f.Code+":", ck.Rules().Message(f))
	}
	_, err := ck.CheckContinuedStay(&eligibility.Review{Current: d, Progress: eligibility.ProgressMade})
	fmt.Println(errors.Is(err, iop.ErrOutOfRange))
	// Output:
	// recommended: 2.5
	// blocking eligibility.admission.hours-below-minimum: admission: the plan schedules fewer weekly hours than the minimum: need 20h00m, got 19h00m
	// blocking eligibility.admission.patient-criterion-not-judged: not judged: the assessment does not record a patient criterion (inpatient-risk)
	// true
}
