package fhir

// This file is the one place the QuestionnaireResponse mapping uses the
// library's eligibility API.

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// QuestionnaireURL and QuestionnaireVersion are the canonical URL and
// version of the Questionnaire this module publishes ([Questionnaire]).
const (
	QuestionnaireURL     = Base + "/Questionnaire/asam-assessment"
	QuestionnaireVersion = "1"
)

// The code systems of the assessment's answers.
const (
	SystemEdition    = Base + "/CodeSystem/asam-edition"
	SystemPopulation = Base + "/CodeSystem/population"
	SystemModifier   = Base + "/CodeSystem/assessment-modifier"
	SystemVariance   = Base + "/CodeSystem/variance-reason"
)

// Questionnaire returns the Questionnaire (R4 JSON) that the
// QuestionnaireResponses of this module answer: the edition, the day, the
// population, the six risk ratings 0-4 (D1 to D6, each with an optional
// note ID), the modifiers, and for a decision the recommended level (as
// ours and, where one exists, as Colorado BHA's ASAM level), the level
// given, the variance reason and its note.
func Questionnaire() []byte {
	choice, integer, str, dt := fm.QuestionnaireItemTypeChoice, fm.QuestionnaireItemTypeInteger, fm.QuestionnaireItemTypeString, fm.QuestionnaireItemTypeDate
	q := fm.Questionnaire{
		Id: ptr("asam-assessment"), Url: ptr(QuestionnaireURL), Version: ptr(QuestionnaireVersion),
		Name: ptr("ASAMAssessment"), Title: ptr("ASAM dimensional assessment and level of care decision"),
		Status: fm.PublicationStatusActive, SubjectType: []fm.ResourceType{fm.ResourceTypePatient},
	}
	add := func(linkID, text string, t fm.QuestionnaireItemType, required bool) {
		q.Item = append(q.Item, fm.QuestionnaireItem{LinkId: linkID, Text: ptr(text), Type: t, Required: ptr(required)})
	}
	add("edition", "ASAM Criteria edition", choice, true)
	add("date", "Day of the assessment", dt, true)
	add("population", "Population", choice, true)
	for _, d := range iop.All[eligibility.Dimension]() {
		add(d.String(), "Dimension "+d.String()[1:]+" risk rating (0-4)", integer, true)
		q.Item[len(q.Item)-1].Extension = []fm.Extension{
			{Url: "http://hl7.org/fhir/StructureDefinition/minValue", ValueInteger: ptr(0)},
			{Url: "http://hl7.org/fhir/StructureDefinition/maxValue", ValueInteger: ptr(4)},
		}
		add(d.String()+"-note", "Dimension "+d.String()[1:]+" note ID", str, false)
	}
	add("modifiers", "Modifiers found", choice, false)
	q.Item[len(q.Item)-1].Repeats = ptr(true)
	add("level", "Level of care recommended", choice, false)
	add("level-co", "Level of care recommended (Colorado BHA ASAM level)", choice, false)
	q.Item[len(q.Item)-1].AnswerValueSet = ptr("http://bha.colorado.gov/fhir/bha-ig/ValueSet/bha-asam-level-of-care-vs")
	add("given", "Level of care given", choice, false)
	add("variance-reason", "Why the level given differs", choice, false)
	add("variance-note", "Variance note ID", str, false)
	data, _ := json.Marshal(q)
	return data
}

// QuestionnaireResponse is an assessment, or a decision made on one, with
// the record ID of the patient it is about. Decision is zero for an
// assessment alone.
type QuestionnaireResponse struct {
	Patient    string
	Assessment eligibility.Assessment
	Decision   eligibility.Decision
}

func coding(system, code string) *fm.Coding { return &fm.Coding{System: ptr(system), Code: ptr(code)} }

// The answers that cannot all hold: each wraps [ErrImpossible].
var (
	errOtherAssessment = impossible("a decision on another assessment")
	errBHANoLevel      = impossible("a Colorado BHA level that is no level of ours")
	errBHAUnknown      = impossible("a code that is no Colorado BHA level")
	errBHAOtherLevel   = impossible("not the Colorado BHA level of the recommended level")
	errNotRecommended  = impossible("not the level the checker recommends for these answers")
)

// EncodeQuestionnaireResponse writes q as a US Core QuestionnaireResponse
// (JSON) answering [Questionnaire]: id the assessment's record ID, status
// completed, subject the patient, authored the day of the assessment, one
// item per answer. With a decision (whose assessment must be q.Assessment
// or q.Assessment zero) it adds the recommended level, the Colorado BHA
// level where one exists, the level given and the variance. It refuses an
// assessment [eligibility.Assessment.Validate] refuses, and an assessment
// ID or patient ID that is no FHIR id (1 to 64 letters, digits, '-' or
// '.'; [iop.CheckID] first).
func EncodeQuestionnaireResponse(q QuestionnaireResponse) ([]byte, error) {
	a := q.Assessment
	if !q.Decision.IsZero() {
		if a.IsZero() {
			a = q.Decision.Assessment()
		} else if a != q.Decision.Assessment() {
			return nil, iop.FieldErrors{{Field: "decision", Err: errOtherAssessment}}
		}
	}
	var errs iop.FieldErrors
	errs.Add("patient", checkID(q.Patient))
	if err := a.Validate(); err != nil {
		errs.Add("assessment", err)
	} else {
		errs.Add("assessment.id", checkID(a.ID))
	}
	if len(errs) > 0 {
		return nil, errs
	}
	r := fm.QuestionnaireResponse{
		Id: ptr(a.ID), Questionnaire: ptr(QuestionnaireURL + "|" + QuestionnaireVersion),
		Status: fm.QuestionnaireResponseStatusCompleted, Subject: ptr(patientRef(q.Patient)),
		Authored: ptr(dateText(a.Date)),
	}
	item := func(linkID string, ans ...fm.QuestionnaireResponseItemAnswer) {
		r.Item = append(r.Item, fm.QuestionnaireResponseItem{LinkId: linkID, Answer: ans})
	}
	item("edition", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemEdition, a.Edition.String())})
	item("date", fm.QuestionnaireResponseItemAnswer{ValueDate: ptr(dateText(a.Date))})
	item("population", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemPopulation, a.Population.String())})
	for _, d := range iop.All[eligibility.Dimension]() {
		rt, _ := a.Ratings.Of(d)
		item(d.String(), fm.QuestionnaireResponseItemAnswer{ValueInteger: ptr(rt.Risk.Int())})
		if rt.Note != "" {
			item(d.String()+"-note", fm.QuestionnaireResponseItemAnswer{ValueString: ptr(rt.Note)})
		}
	}
	var mods []fm.QuestionnaireResponseItemAnswer
	for _, m := range iop.All[eligibility.Modifier]() {
		if a.Modifiers.Has(m) {
			mods = append(mods, fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemModifier, m.String())})
		}
	}
	if len(mods) > 0 {
		item("modifiers", mods...)
	}
	if d := q.Decision; !d.IsZero() {
		item("level", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemLevel, d.Recommended().String())})
		if code, ok := BHALevelCode(d.Recommended(), a.Population); ok {
			item("level-co", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemBHALevel, code)})
		}
		if v := d.Variance(); !v.IsZero() {
			item("given", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemLevel, v.Given.String())})
			if v.Reason != 0 {
				item("variance-reason", fm.QuestionnaireResponseItemAnswer{ValueCoding: coding(SystemVariance, v.Reason.String())})
			}
			if v.Note != "" {
				item("variance-note", fm.QuestionnaireResponseItemAnswer{ValueString: ptr(v.Note)})
			}
		}
	}
	return json.Marshal(r)
}

// DecodeQuestionnaireResponse reads a QuestionnaireResponse to
// [Questionnaire] as an assessment. With a checker (not the zero Checker) and a "level" answer
// it also decides: the decision is ck's ([eligibility.Checker.Decide]) on
// the assessment read, which must recommend the level answered
// ([ErrImpossible] otherwise: the response was decided on other
// criteria), placed at the level given with its variance. It refuses a
// response to another questionnaire, a status other than completed or
// amended, a missing or repeated answer, a rating outside 0-4, a code not
// of its system, and an assessment that does not validate; items it does
// not know are reported, and so are the decision's answers (level,
// level-co, given, variance) when it does not decide (no checker, or no
// level answered), a variance without a level given, and an authored
// that is not the day answered (the assessment's day is its "date"
// answer).
func DecodeQuestionnaireResponse(data []byte, ck eligibility.Checker) (QuestionnaireResponse, Report, error) {
	var r fm.QuestionnaireResponse
	rep, err := decodeResource(data, "QuestionnaireResponse", &r, "id", "questionnaire", "status", "subject", "authored", "item")
	if err != nil {
		return QuestionnaireResponse{}, nil, err
	}
	var errs iop.FieldErrors
	if r.Questionnaire == nil || strings.TrimSuffix(*r.Questionnaire, "|"+QuestionnaireVersion) != QuestionnaireURL {
		errs.Add("questionnaire", ErrNoMapping)
	}
	switch r.Status {
	case fm.QuestionnaireResponseStatusCompleted, fm.QuestionnaireResponseStatusAmended:
	case fm.QuestionnaireResponseStatusEnteredInError:
		errs.Add("status", ErrEnteredInError)
	default:
		errs.Add("status", ErrNoMapping)
	}
	var out QuestionnaireResponse
	if r.Subject == nil {
		errs.Add("subject", iop.ErrMissing)
	} else {
		p, err := readPatientRef(r.Subject)
		errs.Add("subject.reference", err)
		out.Patient = p
	}
	a := &out.Assessment
	if r.Id == nil {
		errs.Add("id", iop.ErrMissing)
	} else if a.ID = *r.Id; !isFHIRID(a.ID) {
		errs.Add("id", iop.ErrSyntax)
	}
	answers := map[string][]fm.QuestionnaireResponseItemAnswer{}
	at := map[string]string{}
	for i, it := range r.Item {
		p := "item[" + strconv.Itoa(i) + "]"
		if _, dup := answers[it.LinkId]; dup {
			errs.Add(p, iop.ErrDuplicate)
			continue
		}
		if len(it.Item) > 0 {
			rep = append(rep, Note{Path: p + ".item", Kind: NoteKindNotMapped})
		}
		answers[it.LinkId], at[it.LinkId] = it.Answer, p
	}
	one := func(link string, required bool) (*fm.QuestionnaireResponseItemAnswer, string) {
		ans, ok := answers[link]
		delete(answers, link)
		switch {
		case !ok && required:
			errs.Add("item('"+link+"')", iop.ErrMissing) // link is one of ours, never the input's
		case !ok:
		case len(ans) != 1:
			errs.Add(at[link]+".answer", iop.ErrOutOfRange)
		default:
			return &ans[0], at[link] + ".answer[0]"
		}
		return nil, ""
	}
	code := func(link, system string, v textUnmarshaler, required bool) bool {
		ans, p := one(link, required)
		if ans == nil {
			return false
		}
		if ans.ValueCoding == nil || ans.ValueCoding.System == nil || *ans.ValueCoding.System != system {
			errs.Add(p+".valueCoding", iop.ErrUnknown)
			return false
		}
		errs.Add(p+".valueCoding.code", textInto(ans.ValueCoding.Code, v))
		return true
	}
	str := func(link string) string {
		ans, p := one(link, false)
		if ans == nil {
			return ""
		}
		if ans.ValueString == nil {
			errs.Add(p+".valueString", iop.ErrMissing)
			return ""
		}
		return *ans.ValueString
	}
	code("edition", SystemEdition, &a.Edition, true)
	if ans, p := one("date", true); ans != nil {
		errs.Add(p+".valueDate", dateInto(ans.ValueDate, &a.Date))
	}
	code("population", SystemPopulation, &a.Population, true)
	for _, d := range iop.All[eligibility.Dimension]() {
		ans, p := one(d.String(), true)
		note := str(d.String() + "-note")
		if ans == nil {
			continue
		}
		if ans.ValueInteger == nil {
			errs.Add(p+".valueInteger", iop.ErrMissing)
			continue
		}
		risk, err := eligibility.RiskOf(*ans.ValueInteger)
		if err != nil {
			errs.Add(p+".valueInteger", iop.ErrOutOfRange)
			continue
		}
		a.Ratings = a.Ratings.With(d, eligibility.Rating{Risk: risk, Note: note})
	}
	if ans, ok := answers["modifiers"]; ok {
		delete(answers, "modifiers")
		var ms []eligibility.Modifier
		for j, an := range ans {
			var m eligibility.Modifier
			p := at["modifiers"] + ".answer[" + strconv.Itoa(j) + "].valueCoding"
			if an.ValueCoding == nil || an.ValueCoding.System == nil || *an.ValueCoding.System != SystemModifier {
				errs.Add(p, iop.ErrUnknown)
				continue
			}
			errs.Add(p+".code", textInto(an.ValueCoding.Code, &m))
			ms = append(ms, m)
		}
		a.Modifiers = iop.SetOf[eligibility.Modifier](ms...)
	}
	var level, given iop.Level
	var reason eligibility.VarianceReason
	hasLevel := code("level", SystemLevel, &level, false)
	var bha string
	if ans, p := one("level-co", false); ans != nil {
		if ans.ValueCoding == nil || ans.ValueCoding.System == nil || *ans.ValueCoding.System != SystemBHALevel || ans.ValueCoding.Code == nil {
			errs.Add(p+".valueCoding", iop.ErrUnknown)
		} else {
			bha = *ans.ValueCoding.Code
		}
	}
	code("given", SystemLevel, &given, false)
	code("variance-reason", SystemVariance, &reason, false)
	vnote := str("variance-note")
	for link := range answers {
		rep = append(rep, Note{Path: at[link], Kind: NoteKindNotMapped})
	}
	if len(errs) > 0 {
		return QuestionnaireResponse{}, nil, errs
	}
	if err := a.Validate(); err != nil {
		return QuestionnaireResponse{}, nil, prefix("item", err)
	}
	if r.Authored != nil { // the day of the assessment is its "date" answer
		if d, err := dateOf(*r.Authored); err != nil || d != a.Date {
			rep = append(rep, Note{Path: "authored", Kind: NoteKindNotMapped})
		}
	}
	if bha != "" {
		switch l, _, err := BHALevel(bha); {
		case errors.Is(err, ErrNoMapping):
			return QuestionnaireResponse{}, nil, iop.FieldErrors{{Field: at["level-co"], Err: errBHANoLevel}}
		case err != nil:
			return QuestionnaireResponse{}, nil, iop.FieldErrors{{Field: at["level-co"], Err: errBHAUnknown}}
		case hasLevel && l != level:
			return QuestionnaireResponse{}, nil, iop.FieldErrors{{Field: at["level-co"], Err: errBHAOtherLevel}}
		}
	}
	if hasLevel && !ck.IsZero() {
		d, err := ck.Decide(*a)
		if err != nil {
			return QuestionnaireResponse{}, nil, prefix("item", err)
		}
		if d.Recommended() != level {
			return QuestionnaireResponse{}, nil, iop.FieldErrors{{Field: at["level"], Err: errNotRecommended}}
		}
		if given != 0 {
			if d, err = d.Place(given, reason, vnote); err != nil {
				return QuestionnaireResponse{}, nil, prefix(at["given"], err)
			}
		}
		out.Decision = d
	}
	// what is not decided on is reported, not dropped: the decision's
	// answers without a checker or a level, the variance without a level
	// given
	var unread []string
	switch {
	case !hasLevel || ck.IsZero():
		unread = []string{"level", "level-co", "given", "variance-reason", "variance-note"}
	case given == 0:
		unread = []string{"variance-reason", "variance-note"}
	}
	for _, link := range unread {
		if p, ok := at[link]; ok {
			rep = append(rep, Note{Path: p, Kind: NoteKindNotMapped})
		}
	}
	rep.sort()
	return out, rep, nil
}
