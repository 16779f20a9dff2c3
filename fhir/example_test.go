package fhir_test

import (
	"fmt"
	"github.com/ioprules/ioprules"
	"time"

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// An EHR sends its EpisodeOfCare and the week's Encounters; the program
// checks each week against the ASAM level 2.1 profile and answers with an
// OperationOutcome.
func Example() {
	loc, _ := time.LoadLocation("America/Denver")
	episodeJSON := []byte(`{"resourceType":"EpisodeOfCare","id":"ep-1","status":"active",
	  "statusHistory":[{"status":"planned","period":{"start":"2025-02-24","end":"2025-03-03"}},
	                   {"status":"active","period":{"start":"2025-03-03"}}],
	  "type":[{"coding":[{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-episode-identifier-cs","code":"09"}]}],
	  "patient":{"reference":"Patient/p-7"}}`)
	ep, report, err := fhir.DecodeEpisode(episodeJSON, fhir.EpisodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("episode", ep.Episode.ID(), ep.Episode.State(), "level", ep.Episode.Level(), "notes", len(report))
	admitted, _ := ep.Episode.AdmissionEvent()

	encounter := func(id, start, end string) []byte {
		return []byte(`{"resourceType":"Encounter","id":"` + id + `","status":"finished",
		  "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		  "type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90853"}]}],
		  "subject":{"reference":"Patient/p-7"},"episodeOfCare":[{"reference":"EpisodeOfCare/ep-1"}],
		  "period":{"start":"` + start + `","end":"` + end + `"}}`)
	}
	weeks := [][][]byte{
		{encounter("e1", "2025-03-03T17:00:00-07:00", "2025-03-03T20:00:00-07:00"),
			encounter("e2", "2025-03-05T17:00:00-07:00", "2025-03-05T20:00:00-07:00"),
			encounter("e3", "2025-03-07T17:00:00-07:00", "2025-03-07T20:00:00-07:00")},
		{encounter("e4", "2025-03-10T17:00:00-06:00", "2025-03-10T20:00:00-06:00"),
			encounter("e5", "2025-03-12T17:00:00-06:00", "2025-03-12T19:30:00-06:00")},
	}
	ck, err := schedule.NewChecker(ioprules.ASAM3Level21())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, week := range weeks {
		var sessions []schedule.Session
		for _, data := range week {
			enc, _, err := fhir.DecodeEncounter(data, loc)
			if err != nil {
				fmt.Println(err)
				return
			}
			sessions = append(sessions, enc.Session)
		}
		w := schedule.ISOWeeks().Of(sessions[0].Date)
		sum, err := ck.Summarize(w, sessions)
		if err != nil {
			fmt.Println(err)
			return
		}
		findings, err := ck.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: admitted.On})
		if err != nil {
			fmt.Println(err)
			return
		}
		outcome, err := fhir.EncodeOutcome(findings, fhir.OutcomeOptions{Rules: ck.Rules()})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(w, sum.Minutes, string(outcome))
	}
	// Output:
	// episode ep-1 active level 2.1 notes 0
	// 2025-W10 9h00m {"issue":[{"severity":"information","code":"informational","diagnostics":"no findings"}],"resourceType":"OperationOutcome"}
	// 2025-W11 5h30m {"issue":[{"severity":"error","code":"business-rule","details":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/rule","code":"schedule.weekly-minutes.below-minimum","display":"counted service time below the weekly minimum"}]},"diagnostics":"counted service time below the weekly minimum: need 9h00m, got 5h30m","expression":["Encounter"]}],"resourceType":"OperationOutcome"}
}

// A payer's Da Vinci PAS ClaimResponse read as the authorizations a
// utilization-review screen lists: one per item.
func ExampleDecodeClaimResponse() {
	data := []byte(`{"resourceType":"ClaimResponse","status":"active",
	 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"institutional"}]},
	 "use":"preauthorization","patient":{"reference":"Patient/P1"},"created":"2026-01-05T16:02:00Z",
	 "insurer":{"reference":"Organization/PAYER-7","display":"A Payer"},"outcome":"complete","preAuthRef":"AUTH0001",
	 "preAuthPeriod":{"start":"2026-01-06","end":"2026-02-02"},
	 "item":[{"itemSequence":1,
	   "extension":[{"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemAuthorizedDetail","extension":[
	     {"url":"productOrServiceCode","valueCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"S9480"}]}},
	     {"url":"quantity","valueQuantity":{"value":12,"unit":"days","system":"https://codesystem.x12.org/005010/673","code":"DY"}}]}],
	   "adjudication":[{"category":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adjudication","code":"submitted"}]},
	     "extension":[{"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction","extension":[
	       {"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode",
	        "valueCodeableConcept":{"coding":[{"system":"https://codesystem.x12.org/005010/306","code":"A2"}]}}]}]}]}]}`)
	c, report, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{Level: iop.Level21})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range c.Authorizations {
		fmt.Println(a.Number, a.Payer, a.Patient, a.Action, a.Action.X12(), a.Quantity, a.Unit, a.Codes[0], a.Effective, a.Expiration, a.Decided.Format(time.RFC3339))
	}
	fmt.Println(len(report), "notes")
	// Output:
	// AUTH0001 PAYER-7 P1 partial A2 12 days S9480 2026-01-06 2026-02-02 2026-01-05T16:02:00Z
	// 0 notes
}
