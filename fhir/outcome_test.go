package fhir_test

import (
	"testing"

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeOutcome(t *testing.T) {
	fs := iop.Findings{
		{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.Warning, Subject: "P1", Need: 540, Got: 525, Unit: iop.UnitMinutes, Summary: "counted service time below the weekly minimum"},
		{Code: "aftercare.follow-up.missed", Severity: iop.Blocking, Subject: "E1", Ref: "fuh-7", Summary: "follow-up window missed"},
		{Code: "group.size.above-maximum", Severity: iop.Info, Subject: "G1"},
	}
	data, err := fhir.EncodeOutcome(fs, fhir.OutcomeOptions{})
	require.NoError(t, err)
	keep("outcome.json", data)
	assert.JSONEq(t, `{"resourceType":"OperationOutcome","issue":[
	{"severity":"warning","code":"business-rule","details":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/rule","code":"schedule.weekly-minutes.below-minimum"}]},"diagnostics":"`+fs[0].Message()+`","expression":["Encounter"]},
	{"severity":"error","code":"business-rule","details":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/rule","code":"aftercare.follow-up.missed"}]},"diagnostics":"`+fs[1].Message()+`","expression":["EpisodeOfCare"]},
	{"severity":"information","code":"business-rule","details":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/rule","code":"group.size.above-maximum"}]},"diagnostics":"`+fs[2].Message()+`","expression":["Group"]}]}`, string(data))

	data, err = fhir.EncodeOutcome(nil, fhir.OutcomeOptions{})
	require.NoError(t, err)
	keep("outcome-empty.json", data)
	assert.JSONEq(t, `{"resourceType":"OperationOutcome","issue":[{"severity":"information","code":"informational","diagnostics":"no findings"}]}`, string(data))

	data, err = fhir.EncodeOutcome(fs[:1], fhir.OutcomeOptions{Expression: func(iop.Finding) []string { return []string{"Encounter.period"} }})
	require.NoError(t, err)
	keep("outcome-expression.json", data)
	assert.Contains(t, string(data), `"expression":["Encounter.period"]`)

	_, err = fhir.EncodeOutcome(iop.Findings{{Code: "x.y", Severity: 9}}, fhir.OutcomeOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, iop.FieldErrors{{Field: "[0].severity", Err: iop.ErrUnknown}}, fes)
}
