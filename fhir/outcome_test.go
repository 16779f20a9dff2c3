package fhir_test

import (
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeOutcome(t *testing.T) {
	fs := iop.Findings{
		{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityWarning, Subject: "P1", Need: 540, Got: 525, Unit: iop.UnitMinutes},
		{Code: "aftercare.follow-up.missed", Severity: iop.SeverityBlocking, Subject: "E1", Ref: "fuh-7"},
		{Code: "group.size.above-maximum", Severity: iop.SeverityInfo, Subject: "G1"},
	}
	cat := ioprules.Catalog()
	issue := func(sev string, f iop.Finding, expr string) string {
		r, ok := cat.Rule(f.Code)
		require.True(t, ok, "%s in the catalog", f.Code)
		return `{"severity":"` + sev + `","code":"business-rule","details":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/rule","code":"` +
			string(f.Code) + `","display":"` + r.Summary + `"}]},"diagnostics":"` + cat.Message(f) + `","expression":["` + expr + `"]}`
	}
	data, err := fhir.EncodeOutcome(fs, fhir.OutcomeOptions{})
	require.NoError(t, err)
	keep("outcome.json", data)
	assert.JSONEq(t, `{"resourceType":"OperationOutcome","issue":[`+issue("warning", fs[0], "Encounter")+`,`+
		issue("error", fs[1], "EpisodeOfCare")+`,`+issue("information", fs[2], "Group")+`]}`, string(data))

	data, err = fhir.EncodeOutcome(nil, fhir.OutcomeOptions{})
	require.NoError(t, err)
	keep("outcome-empty.json", data)
	assert.JSONEq(t, `{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational","diagnostics":"no findings"}]}`, string(data))

	data, err = fhir.EncodeOutcome(fs[:1], fhir.OutcomeOptions{Expression: func(iop.Finding) []string { return []string{"Encounter.period"} }})
	require.NoError(t, err)
	keep("outcome-expression.json", data)
	assert.JSONEq(t, `{"resourceType":"OperationOutcome","issue":[`+issue("warning", fs[0], "Encounter.period")+`]}`, string(data))

	_, err = fhir.EncodeOutcome(iop.Findings{{Code: "x.y", Severity: 9}}, fhir.OutcomeOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, iop.FieldErrors{{Field: "[0].severity", Err: iop.ErrUnknown}}, fes)
}
