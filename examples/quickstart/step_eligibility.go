package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/ioprules/ioprules"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
)

var (
	//go:embed sample/eligibility-assessment.json
	eligibilityAssessmentJSON []byte
	//go:embed sample/eligibility-criteria.json
	eligibilityCriteriaJSON []byte
	//go:embed sample/eligibility-bad-criteria.json
	eligibilityBadCriteriaJSON []byte
	//go:embed sample/eligibility-series.json
	eligibilitySeriesJSON []byte
)

// stepEligibility shows an assessment decided to a level of care with the
// default criteria, criteria loaded (and refused) from JSON, a variance,
// and a series of reassessments with the IOP continued-stay, transfer and
// discharge checks.
func stepEligibility(w io.Writer) error {
	fmt.Fprintln(w, "== Eligibility: an assessment to a level of care")
	a, err := eligibility.ParseAssessment(eligibilityAssessmentJSON)
	if err != nil {
		return err
	}
	profile := ioprules.ASAM3Level21()
	criteria := eligibility.DefaultCriteria()
	ck, err := eligibility.NewChecker(profile.WithPart(eligibility.Placement{Criteria: criteria}))
	if err != nil {
		return err
	}
	// The findings in words as this checker's profile applies the rules.
	show := func(fs iop.Findings, err error) error { return printChecked(w, ck.Rules(), fs, err) }
	d, err := ck.Decide(a)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  assessment %s (%s edition, %s, %s), modifiers %s\n", a.ID, a.Edition, a.Population, a.Date, a.Modifiers)
	fmt.Fprintf(w, "  criteria %s: %s\n", criteria.ID, criteria.Source.Note)
	for _, r := range d.Reasons() {
		mark := " "
		if r.Drives {
			mark = "*"
		}
		fmt.Fprintf(w, "  %s %s %-64s risk %s  rules in %s-%s\n", mark, r.Dimension, r.Dimension.Name(a.Edition), r.Risk, r.Min, r.Max)
	}
	fmt.Fprintf(w, "  recommended %s %s (driven by %s; safety dimensions %s, intensity dimensions %s)\n",
		d.Recommended(), d.Recommended().Name(a.Edition, a.Population), d.Drivers(), d.SafetyLevel(), d.IntensityLevel())
	if err := show(ck.CheckDecision(&d)); err != nil {
		return err
	}
	for _, planned := range []iop.Minutes{iop.Hours(9), iop.Hours(8)} {
		fmt.Fprintf(w, "  admission to IOP with %s a week under %s:\n", planned, profile.ID)
		if err := show(ck.CheckAdmission(&d, planned)); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\n== Level-of-care criteria from JSON")
	state, err := eligibility.ParseCriteria(eligibilityCriteriaJSON)
	if err != nil {
		return err
	}
	stateCk, err := eligibility.NewChecker(profile.WithPart(eligibility.Placement{Criteria: state}))
	if err != nil {
		return err
	}
	sd, err := stateCk.Decide(a)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  loaded %s: %d levels, %d rules, %d modifier rules; %s recommends %s\n",
		state.ID, len(state.Levels), len(state.Rules), len(state.Modifiers), a.ID, sd.Recommended())
	_, err = eligibility.ParseCriteria(eligibilityBadCriteriaJSON)
	var errs iop.FieldErrors
	if !errors.As(err, &errs) {
		return fmt.Errorf("the draft criteria were not refused: %w", err)
	}
	fmt.Fprintln(w, "  refused the draft criteria:")
	for _, e := range errs {
		fmt.Fprintf(w, "    %v\n", e)
	}

	series, err := parseSeries(eligibilitySeriesJSON)
	if err != nil {
		return err
	}
	decisions := make([]eligibility.Decision, len(series))
	for i, s := range series {
		if decisions[i], err = ck.Decide(s); err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\n== A variance: partial hospitalization is not available")
	first := decisions[0]
	placed, err := first.Place(iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "note-0401-v")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %s: %s recommended (driven by %s), %s given (%s, documented in %s)\n", first.Assessment().ID,
		first.Recommended(), first.Drivers(), placed.Placed(), placed.Variance().Reason, placed.Variance().Note)
	if err := show(ck.CheckVariance(&placed)); err != nil {
		return err
	}

	fmt.Fprintln(w, "\n== Reassessments")
	moves, err := ck.Moves(series)
	if err != nil {
		return err
	}
	for _, m := range moves {
		from := "-"
		if m.From != 0 {
			from = m.From.String()
		}
		fmt.Fprintf(w, "  %s %s %-5s %3s -> %-3s driven by %s\n", m.On, m.ID, m.Direction, from, m.To, m.DrivenBy())
	}
	admitted := series[1].Date
	review := eligibility.Review{Admitted: admitted, Previous: decisions[1], Current: decisions[2], Progress: eligibility.ProgressMade}
	fmt.Fprintf(w, "  review of %s, continued stay:\n", series[2].ID)
	if err := show(ck.CheckContinuedStay(&review)); err != nil {
		return err
	}
	fmt.Fprintf(w, "  review of %s, transfer (ratings rose in %s):\n", series[2].ID, review.Rose())
	if err := show(ck.CheckTransfer(&review)); err != nil {
		return err
	}
	last := eligibility.Review{Admitted: admitted, Previous: decisions[2], Current: decisions[3], Progress: eligibility.ProgressGoalsMet}
	fmt.Fprintf(w, "  review of %s, transfer:\n", series[3].ID)
	if err := show(ck.CheckTransfer(&last)); err != nil {
		return err
	}
	fmt.Fprintf(w, "  planned discharge to level %s:\n", iop.Level1)
	x := eligibility.DischargeReview{Final: decisions[3], Planned: true, NextLevel: iop.Level1}
	if err := show(ck.CheckDischargeReview(&x)); err != nil {
		return err
	}
	fmt.Fprintln(w)
	return nil
}

// parseSeries decodes a JSON array of assessments, each strictly.
func parseSeries(data []byte) ([]eligibility.Assessment, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, err
	}
	out := make([]eligibility.Assessment, len(raws))
	for i, raw := range raws {
		a, err := eligibility.ParseAssessment(raw)
		if err != nil {
			return nil, fmt.Errorf("assessment %d: %w", i, err)
		}
		out[i] = a
	}
	return out, nil
}

// printChecked prints the findings of a check, or returns its error.
func printChecked(w io.Writer, rules iop.RuleTable, fs iop.Findings, err error) error {
	if err != nil {
		return err
	}
	printFindings(w, rules, fs)
	return nil
}

func printFindings(w io.Writer, rules iop.RuleTable, fs iop.Findings) {
	if len(fs) == 0 {
		fmt.Fprintln(w, "    every rule met")
		return
	}
	for _, f := range fs {
		fmt.Fprintf(w, "    %-8s %s: %s\n", f.Severity, f.Code, rules.Message(f))
	}
}
