package fhir_test

import (
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeCarePlan(t *testing.T) {
	plan := aftercare.Plan{Made: day("2025-03-07"), GroupSessionsPerWeek: 2, MutualHelpPerWeek: 3, CounselingPerMonth: 2,
		Medication: true, RecoveryHousing: true,
		Contacts: []aftercare.Contact{{On: day("2025-03-12"), Status: aftercare.ContactStatusKept}, {On: day("2025-03-19"), Status: aftercare.ContactStatusMissed}, {On: day("2025-03-26"), Status: aftercare.ContactStatusScheduled}}}
	windows := []aftercare.FollowUpWindow{
		{Name: "fuh-7", Days: 7, Cite: iop.Citation{Source: "x"}},
		{Name: "fua-30", Days: 30, SameDayCounts: true, Cite: iop.Citation{Source: "x"}},
		{Name: "iet-engagement", Days: 34, Contacts: 2, After: "fuh-7", Cite: iop.Citation{Source: "x"}},
	}
	data, err := fhir.EncodeCarePlan(fhir.CarePlan{ID: "CP1", Patient: "P1", Plan: plan, Discharged: day("2025-03-10"), Windows: windows})
	require.NoError(t, err)
	keep("careplan.json", data)
	item := func(code string) string {
		return `"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/aftercare-item","code":"` + code + `"}]}`
	}
	win := func(name string) string {
		return `"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/aftercare-item","code":"follow-up-window"}],"text":"` + name + `"}`
	}
	assert.JSONEq(t, `{"resourceType":"CarePlan","id":"CP1",
	"text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">Aftercare plan made 2025-03-07: 11 activities.</div>"},
	"status":"active","intent":"plan","title":"Aftercare plan",
	"category":[{"coding":[{"system":"http://hl7.org/fhir/us/core/CodeSystem/careplan-category","code":"assess-plan"}]}],
	"subject":{"reference":"Patient/P1"},"period":{"start":"2025-03-07"},"created":"2025-03-07",
	"activity":[
	 {"detail":{`+item("group")+`,"status":"not-started","scheduledTiming":{"repeat":{"frequency":2,"period":1,"periodUnit":"wk"}}}},
	 {"detail":{`+item("mutual-help")+`,"status":"not-started","scheduledTiming":{"repeat":{"frequency":3,"period":1,"periodUnit":"wk"}}}},
	 {"detail":{`+item("counseling")+`,"status":"not-started","scheduledTiming":{"repeat":{"frequency":2,"period":1,"periodUnit":"mo"}}}},
	 {"detail":{`+item("medication")+`,"status":"not-started"}},
	 {"detail":{`+item("recovery-housing")+`,"status":"not-started"}},
	 {"detail":{`+item("follow-up-contact")+`,"status":"completed","scheduledPeriod":{"start":"2025-03-12","end":"2025-03-12"}}},
	 {"detail":{`+item("follow-up-contact")+`,"status":"cancelled","scheduledPeriod":{"start":"2025-03-19","end":"2025-03-19"}}},
	 {"detail":{`+item("follow-up-contact")+`,"status":"scheduled","scheduledPeriod":{"start":"2025-03-26","end":"2025-03-26"}}},
	 {"detail":{`+win("fuh-7")+`,"status":"not-started","scheduledPeriod":{"start":"2025-03-11","end":"2025-03-17"}}},
	 {"detail":{`+win("fua-30")+`,"status":"not-started","scheduledPeriod":{"start":"2025-03-10","end":"2025-04-09"}}},
	 {"detail":{`+win("iet-engagement")+`,"status":"not-started"}}]}`, string(data))

	_, err = fhir.EncodeCarePlan(fhir.CarePlan{ID: "CP1", Patient: "P1", Plan: plan, Windows: windows})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, iop.FieldErrors{{Field: "discharged", Err: iop.ErrMissing}}, fes)
}
