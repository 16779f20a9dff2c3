package fhir

// This file is the one place the OperationOutcome mapping uses the
// library's findings API.

import (
	"encoding/json"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// OutcomeOptions says how [EncodeOutcome] writes each issue. The zero
// OutcomeOptions words findings with the library's catalog and writes the
// default expression.
type OutcomeOptions struct {
	// Rules words the findings: the rule table of the checker that made
	// them (its Rules method), so that a profile's own citations and
	// severities are the ones written. The zero RuleTable is the
	// library's catalog ([ioprules.Catalog]).
	Rules iop.RuleTable
	// Expression returns the FHIRPath expressions of the elements a
	// finding is about, when the caller knows which resource the finding's
	// subject is. Nil writes, for each finding, the resource type its
	// package checks: "Encounter" for schedule, "Group" for group,
	// "QuestionnaireResponse" for eligibility, "EpisodeOfCare" for
	// aftercare. It must not return input text.
	Expression func(iop.Finding) []string
}

// packageResource is the resource a package's findings are about.
var packageResource = map[string]string{
	"schedule": "Encounter", "group": "Group", "eligibility": "QuestionnaireResponse",
	"aftercare": "EpisodeOfCare",
}

// EncodeOutcome writes findings as an R4 OperationOutcome (JSON), one
// issue per finding in order: severity error for a blocking finding,
// warning for a warning, information for information; code business-rule;
// details.coding the rule code in [SystemRule], with the rule's summary
// as its display; diagnostics the finding in words
// ([iop.RuleTable.Message]: the rule, the day and the figures, never input
// text); expression the element the finding is about
// ([OutcomeOptions.Expression]). No findings give one issue of severity
// information and code informational, since an OperationOutcome must
// hold one. A finding with an invalid severity or no code is refused.
func EncodeOutcome(fs iop.Findings, o OutcomeOptions) ([]byte, error) {
	r := fm.OperationOutcome{}
	rules := o.Rules
	if rules.Len() == 0 {
		rules = ioprules.Catalog()
	}
	var errs iop.FieldErrors
	for i, f := range fs {
		var sev fm.IssueSeverity
		switch f.Severity {
		case iop.SeverityBlocking:
			sev = fm.IssueSeverityError
		case iop.SeverityWarning:
			sev = fm.IssueSeverityWarning
		case iop.SeverityInfo:
			sev = fm.IssueSeverityInformation
		default:
			errs.Add("["+itoa(i)+"].severity", iop.ErrUnknown)
			continue
		}
		if f.Code == "" {
			errs.Add("["+itoa(i)+"].code", iop.ErrMissing)
			continue
		}
		c := fm.Coding{System: ptr(SystemRule), Code: ptr(string(f.Code))}
		if rule, ok := rules.Rule(f.Code); ok {
			c.Display = ptr(rule.Summary)
		}
		is := fm.OperationOutcomeIssue{
			Severity:    sev,
			Code:        fm.IssueTypeBusinessRule,
			Details:     &fm.CodeableConcept{Coding: []fm.Coding{c}},
			Diagnostics: ptr(rules.Message(f)),
		}
		if o.Expression != nil {
			is.Expression = o.Expression(f)
		} else if res, ok := packageResource[f.Code.Package()]; ok {
			is.Expression = []string{res}
		}
		r.Issue = append(r.Issue, is)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(r.Issue) == 0 {
		r.Issue = []fm.OperationOutcomeIssue{{Severity: fm.IssueSeverityInformation, Code: fm.IssueTypeInformational, Diagnostics: ptr("no findings")}}
	}
	return json.Marshal(r)
}
