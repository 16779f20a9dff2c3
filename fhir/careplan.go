package fhir

// This file is the one place the CarePlan mapping uses the library's
// aftercare plan API.

import (
	"encoding/json"
	"strconv"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// SystemPlanItem is the code system of the items of an aftercare plan
// (CarePlan.activity.detail.code).
const SystemPlanItem = Base + "/CodeSystem/aftercare-item"

// SystemCarePlanCategory is US Core's CarePlan category code system.
const SystemCarePlanCategory = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category"

// CarePlan is an aftercare plan with what a US Core CarePlan needs beside
// it: the record IDs of the plan and the patient, the day of discharge the
// follow-up windows count from, and the windows (a profile's
// [aftercare.FollowUp] part). It is safe for concurrent use as long as no one writes to it.
type CarePlan struct {
	ID         string
	Patient    string
	Plan       aftercare.Plan
	Discharged date.Date
	Windows    []aftercare.FollowUpWindow
}

// EncodeCarePlan writes c as a US Core CarePlan (JSON), export only:
// status active, intent plan, category assess-plan, subject the patient,
// period and created the day the plan was made, a generated narrative of
// figures only (US Core requires text); one activity per service of the
// plan (group sessions and mutual-help meetings a week, counselling a
// month as a Timing; medication, recovery housing, employment support,
// recovery coach as items not started), one per follow-up contact
// (scheduled, completed when kept, cancelled when missed, on its day),
// and one per follow-up window (its name, scheduled over the days
// [aftercare.FollowUpWindow.Range] gives from the discharge). It refuses a plan
// [aftercare.Plan.Validate] refuses, the zero plan, IDs that are no FHIR
// id (1 to 64 letters, digits, '-' or '.'; [iop.CheckID] first), and windows without a discharge day.
func EncodeCarePlan(c CarePlan) ([]byte, error) {
	var errs iop.FieldErrors
	errs.Add("id", checkID(c.ID))
	errs.Add("patient", checkID(c.Patient))
	if c.Plan.IsZero() {
		errs.Add("plan", iop.ErrMissing)
	}
	errs.Add("plan", c.Plan.Validate())
	if len(c.Windows) > 0 && iop.CheckServiceDate(c.Discharged) != nil {
		errs.Add("discharged", iop.ErrMissing)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	p := c.Plan
	made := dateText(p.Made)
	r := fm.CarePlan{
		Id:       ptr(c.ID),
		Status:   fm.RequestStatusActive,
		Intent:   fm.CarePlanIntentPlan,
		Category: []fm.CodeableConcept{{Coding: []fm.Coding{{System: ptr(SystemCarePlanCategory), Code: ptr("assess-plan")}}}},
		Subject:  patientRef(c.Patient),
		Period:   &fm.Period{Start: ptr(made)},
		Created:  ptr(made),
		Title:    ptr("Aftercare plan"),
	}
	item := func(code string) *fm.CodeableConcept {
		return &fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemPlanItem), Code: ptr(code)}}}
	}
	every := func(code string, n int, unit string) {
		if n <= 0 {
			return
		}
		r.Activity = append(r.Activity, fm.CarePlanActivity{Detail: &fm.CarePlanActivityDetail{
			Code: item(code), Status: fm.CarePlanActivityStatusNotStarted,
			ScheduledTiming: &fm.Timing{Repeat: &fm.TimingRepeat{Frequency: ptr(n), Period: ptr(json.Number("1")), PeriodUnit: ptr(unit)}},
		}})
	}
	every("group", p.GroupSessionsPerWeek, "wk")
	every("mutual-help", p.MutualHelpPerWeek, "wk")
	every("counseling", p.CounselingPerMonth, "mo")
	for _, b := range []struct {
		on   bool
		code string
	}{{p.Medication, "medication"}, {p.RecoveryHousing, "recovery-housing"}, {p.EmploymentSupport, "employment-support"}, {p.RecoveryCoach, "recovery-coach"}} {
		if b.on {
			r.Activity = append(r.Activity, fm.CarePlanActivity{Detail: &fm.CarePlanActivityDetail{Code: item(b.code), Status: fm.CarePlanActivityStatusNotStarted}})
		}
	}
	for _, ct := range p.Contacts {
		st := fm.CarePlanActivityStatusScheduled
		switch ct.Status {
		case aftercare.ContactStatusKept:
			st = fm.CarePlanActivityStatusCompleted
		case aftercare.ContactStatusMissed:
			st = fm.CarePlanActivityStatusCancelled
		}
		on := dateText(ct.On)
		r.Activity = append(r.Activity, fm.CarePlanActivity{Detail: &fm.CarePlanActivityDetail{
			Code: item("follow-up-contact"), Status: st, ScheduledPeriod: &fm.Period{Start: ptr(on), End: ptr(on)},
		}})
	}
	for _, w := range c.Windows {
		first, last := w.Range(c.Discharged)
		if w.After != "" { // counts from another window's contact: no fixed days
			r.Activity = append(r.Activity, fm.CarePlanActivity{Detail: &fm.CarePlanActivityDetail{
				Code: windowCode(w), Status: fm.CarePlanActivityStatusNotStarted,
			}})
			continue
		}
		r.Activity = append(r.Activity, fm.CarePlanActivity{Detail: &fm.CarePlanActivityDetail{
			Code: windowCode(w), Status: fm.CarePlanActivityStatusNotStarted,
			ScheduledPeriod: &fm.Period{Start: ptr(dateText(first)), End: ptr(dateText(last))},
		}})
	}
	r.Text = &fm.Narrative{Status: fm.NarrativeStatusGenerated, Div: `<div xmlns="http://www.w3.org/1999/xhtml">Aftercare plan made ` +
		made + `: ` + strconv.Itoa(len(r.Activity)) + ` activities.</div>`}
	return json.Marshal(r)
}

func windowCode(w aftercare.FollowUpWindow) *fm.CodeableConcept {
	return &fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemPlanItem), Code: ptr("follow-up-window")}}, Text: ptr(w.Name)}
}
