package fhir_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantErr is one field error expected: its whole message (the path and
// the reason's words, never input text) and the sentinel it wraps.
type wantErr struct {
	text string
	is   error
}

// requireFieldErrors requires err to be iop.FieldErrors saying exactly
// want, in order.
func requireFieldErrors(t *testing.T, err error, want []wantErr) {
	t.Helper()
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	var got, texts []string
	for _, fe := range fes {
		got = append(got, fe.Error())
	}
	for _, w := range want {
		texts = append(texts, w.text)
	}
	require.Equal(t, texts, got)
	for i, w := range want {
		require.ErrorIs(t, fes[i], w.is, "%s", w.text)
	}
}

// edited returns s with each pair of edits (old, new) applied once; old
// must be in s.
func edited(t *testing.T, s string, edits ...string) []byte {
	t.Helper()
	for i := 0; i+1 < len(edits); i += 2 {
		require.Contains(t, s, edits[i])
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	return []byte(s)
}

const (
	pasDetail   = `"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemAuthorizedDetail"`
	pasQuantity = `{"url":"quantity","valueQuantity":{"value":12,"unit":"days","system":"https://codesystem.x12.org/005010/673","code":"DY"}}`
	pasRevenue  = `{"url":"revenue","valueCodeableConcept":{"coding":[{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0905"}]}}`
	pasProduct  = `{"url":"productOrServiceCode","valueCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"S9480"}]}}`
	pasCode     = `{"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode","valueCodeableConcept":{"coding":[{"system":"https://codesystem.x12.org/005010/306","code":"A1"}]}}`
	pasLevel    = `{"url":"https://ioprules.github.io/fhir/StructureDefinition/authorized-level","valueCode":"2.1"}`
	pasCategory = `"category":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adjudication","code":"submitted"}]}`

	atDetail = "item[0].extension[0].extension"
	atReview = "item[0].adjudication[0].extension[0].extension"
)

// DecodeClaimResponse refuses, element by element, what a PAS
// ClaimResponse must not say, and reports what it does not read: the
// whole list of errors, each with its path and sentinel, or the whole
// authorization and report.
func TestDecodeClaimResponseElements(t *testing.T) {
	base, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{ID: "CR1", Created: decided, Authorizations: []authorization.Authorization{authz()}})
	require.NoError(t, err)
	s := string(base)
	with := func(f func(a *authorization.Authorization)) []authorization.Authorization {
		a := authz()
		f(&a)
		return []authorization.Authorization{a}
	}
	tests := []struct {
		name string
		data []byte
		want []wantErr
		as   []authorization.Authorization // read when want is nil
		rep  fhir.Report
	}{
		{name: "as written", data: base, as: []authorization.Authorization{authz()}},
		{name: "two authorized levels", data: edited(t, s, pasLevel, pasLevel+`,{"url":"https://ioprules.github.io/fhir/StructureDefinition/authorized-level","valueCode":"2.5"}`),
			want: []wantErr{{"item[0].extension[2]: duplicate", iop.ErrDuplicate}}},
		{name: "two authorized details", data: edited(t, s, pasLevel, pasLevel+`,{`+pasDetail+`,"extension":[`+pasRevenue+`]}`),
			want: []wantErr{{"item[0].extension[2]: duplicate", iop.ErrDuplicate}}},
		{name: "outcome queued", data: edited(t, s, `"outcome":"complete"`, `"outcome":"queued"`), as: []authorization.Authorization{authz()},
			rep: fhir.Report{{Path: "outcome", Kind: fhir.NoteKindNotMapped}}},
		{name: "type professional", data: edited(t, s, `"code":"institutional"`, `"code":"professional"`), as: []authorization.Authorization{authz()}},
		{name: "type pharmacy", data: edited(t, s, `"code":"institutional"`, `"code":"pharmacy"`), as: []authorization.Authorization{authz()},
			rep: fhir.Report{{Path: "type", Kind: fhir.NoteKindNotMapped}}},
		{name: "type with a text", data: edited(t, s, `"code":"institutional"}]`, `"code":"institutional"}],"text":"Jane Q Secret"`), as: []authorization.Authorization{authz()},
			rep: fhir.Report{{Path: "type", Kind: fhir.NoteKindNotMapped}}},
		{name: "text with quotes, a backslash, a line break and <&>", data: edited(t, s, `"code":"S9480"`, `"code":"S9480","display":"\"IOP\" \\ per diem\n<&>\u0001"`),
			as: []authorization.Authorization{authz()}},
		{name: "draft", data: edited(t, s, `"status":"active"`, `"status":"draft"`),
			want: []wantErr{{"status: no mapping", fhir.ErrNoMapping}}},
		{name: "no item", data: edited(t, s, s[strings.Index(s, `,"item":[`):strings.Index(s, `,"resourceType"`)], ""),
			want: []wantErr{{"item: missing", iop.ErrMissing}}},
		{name: "patient of another type", data: edited(t, s, `"Patient/P1"`, `"Group/P1"`),
			want: []wantErr{{"patient.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "patient of a path", data: edited(t, s, `"Patient/P1"`, `"Patient/P1/_history/2"`),
			want: []wantErr{{"patient.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "id with a control character", data: edited(t, s, `"id":"CR1"`, `"id":"CR\u00071"`),
			want: []wantErr{{"id: invalid syntax", iop.ErrSyntax}}},
		{name: "item period without its period", data: edited(t, s, `"item":[{"extension":[`, `"item":[{"extension":[{"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemPreAuthPeriod","valueString":"x"},`),
			want: []wantErr{{"item[0].extension[0].valuePeriod: missing", iop.ErrMissing}}},
		{name: "level unknown", data: edited(t, s, `"valueCode":"2.1"`, `"valueCode":"2.2"`),
			want: []wantErr{{"item[0].extension[1].valueCode: unknown value", iop.ErrUnknown}}},
		{name: "level without its code", data: edited(t, s, `"valueCode":"2.1"`, `"valueString":"2.1"`),
			want: []wantErr{{"item[0].extension[1].valueCode: missing", iop.ErrMissing}}},
		{name: "two action codes", data: edited(t, s, pasCode, pasCode+`,{"url":"code","valueCodeableConcept":{"coding":[{"system":"https://codesystem.x12.org/005010/306","code":"A3"}]}}`),
			want: []wantErr{{atReview + "[1]: duplicate", iop.ErrDuplicate}}},
		{name: "action code without its concept", data: edited(t, s, pasCode, `{"url":"code","valueString":"A1"}`),
			want: []wantErr{{atReview + "[0].valueCodeableConcept: missing", iop.ErrMissing}}},
		{name: "reviewAction without its code", data: edited(t, s, pasCode, `{"url":"number","valueString":"n"}`),
			want: []wantErr{{atReview + ": missing", iop.ErrMissing}}},
		{name: "a detail twice", data: edited(t, s, pasQuantity, pasQuantity+","+pasRevenue),
			want: []wantErr{{atDetail + "[3]: duplicate", iop.ErrDuplicate}}},
		{name: "quantity without its quantity", data: edited(t, s, pasQuantity, `{"url":"quantity","valueInteger":12}`),
			want: []wantErr{{atDetail + "[2].valueQuantity: missing", iop.ErrMissing}}},
		{name: "quantity with a comparator <", data: edited(t, s, `"valueQuantity":{"value":12,`, `"valueQuantity":{"value":12,"comparator":"<",`),
			want: []wantErr{{atDetail + "[2].valueQuantity.comparator: no mapping", fhir.ErrNoMapping}}},
		{name: "quantity with a comparator >=", data: edited(t, s, `"valueQuantity":{"value":12,`, `"valueQuantity":{"value":12,"comparator":">=",`),
			want: []wantErr{{atDetail + "[2].valueQuantity.comparator: no mapping", fhir.ErrNoMapping}}},
		{name: "quantity with a comparator that is none", data: edited(t, s, `"valueQuantity":{"value":12,`, `"valueQuantity":{"value":12,"comparator":"=<",`),
			want: []wantErr{{atDetail + "[2].valueQuantity.comparator: unknown value", iop.ErrUnknown}}},
		{name: "quantity with a comparator <=", data: edited(t, s, `"valueQuantity":{"value":12,`, `"valueQuantity":{"value":12,"comparator":"<=",`),
			want: []wantErr{{atDetail + "[2].valueQuantity.comparator: no mapping", fhir.ErrNoMapping}}},
		{name: "quantity without its value", data: edited(t, s, `"valueQuantity":{"value":12,`, `"valueQuantity":{`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: missing", iop.ErrMissing}}},
		{name: "quantity in exponent form", data: edited(t, s, `"value":12,`, `"value":12e0,`), as: []authorization.Authorization{authz()}},
		{name: "quantity in exponent form 1.2E+1", data: edited(t, s, `"value":12,`, `"value":1.2E+1,`), as: []authorization.Authorization{authz()}},
		{name: "quantity in exponent form 120e-1", data: edited(t, s, `"value":12,`, `"value":120e-1,`), as: []authorization.Authorization{authz()}},
		{name: "quantity a fraction in exponent form", data: edited(t, s, `"value":12,`, `"value":125e-1,`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: out of range", iop.ErrOutOfRange}}},
		{name: "quantity negative", data: edited(t, s, `"value":12,`, `"value":-12,`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: out of range", iop.ErrOutOfRange}}},
		{name: "quantity of eight digits", data: edited(t, s, `"value":12,`, `"value":10000000,`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: out of range", iop.ErrOutOfRange}}},
		{name: "quantity of eight digits in exponent form", data: edited(t, s, `"value":12,`, `"value":1e7,`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: out of range", iop.ErrOutOfRange}}},
		{name: "quantity of a huge exponent", data: edited(t, s, `"value":12,`, `"value":1e999999999999,`),
			want: []wantErr{{atDetail + "[2].valueQuantity.value: out of range", iop.ErrOutOfRange}}},
		{name: "quantity of seven digits", data: edited(t, s, `"value":12,`, `"value":9999999,`),
			want: []wantErr{{"item[0].quantity: out of range: from 0 to 1048576", iop.ErrOutOfRange}}},
		{name: "quantity 12.00", data: edited(t, s, `"value":12,`, `"value":12.00,`), as: []authorization.Authorization{authz()}},
		{name: "quantity without its code", data: edited(t, s, `,"code":"DY"`, ``),
			want: []wantErr{{atDetail + "[2].valueQuantity.code: missing", iop.ErrMissing}}},
		{name: "quantity of another system", data: edited(t, s, `"system":"https://codesystem.x12.org/005010/673"`, `"system":"http://unitsofmeasure.org"`),
			want: []wantErr{{atDetail + "[2].valueQuantity.system: no mapping", fhir.ErrNoMapping}}},
		{name: "codes without their concept", data: edited(t, s, pasProduct, `{"url":"productOrServiceCode","valueString":"S9480"}`),
			want: []wantErr{{atDetail + "[0].valueCodeableConcept: missing", iop.ErrMissing}}},
		{name: "a coding without its code", data: edited(t, s, `"code":"0905"`, `"display":"0905"`),
			want: []wantErr{{atDetail + "[1].valueCodeableConcept.coding[0].code: missing", iop.ErrMissing}}},
		{name: "five revenue codes", data: edited(t, s, `"code":"0905"}]`, `"code":"0905"},`+`{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0906"},{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0907"},{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0912"},`+`{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0913"}]`),
			want: []wantErr{{atDetail + "[1].valueCodeableConcept.coding[4]: out of range", iop.ErrOutOfRange}}},
		{name: "four revenue codes", data: edited(t, s, `"code":"0905"}]`, `"code":"0905"},`+`{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0906"},{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0907"},`+`{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0913"}]`),
			as: with(func(a *authorization.Authorization) { a.Revenue = [4]string{"0905", "0906", "0907", "0913"} })},
		{name: "what is not read", data: edited(t, s,
			`"code":"0905"}]`, `"code":"0905"},{"system":"http://example.org/local","code":"L1"}],"text":"IOP"`,
			pasQuantity, pasQuantity+`,{"url":"modifier","valueString":"x"}`,
			pasCode, pasCode+`,{"url":"number","valueString":"n"},{"url":"http://example.org/x","valueString":"y"}`,
			pasCategory, pasCategory+`,"reason":{"text":"why"},"amount":{"value":1,"currency":"USD"},"value":2`,
			`"itemSequence":1,`, `"itemSequence":1,"noteNumber":[1],"detail":[{"detailSequence":1,"adjudication":[{"category":{"text":"x"}}]}],`),
			as: []authorization.Authorization{authz()},
			rep: fhir.Report{
				{Path: "item[0].adjudication[0].amount", Kind: fhir.NoteKindNotMapped},
				{Path: atReview + "[1]", Kind: fhir.NoteKindNotMapped},
				{Path: atReview + "[2]", Kind: fhir.NoteKindExtension},
				{Path: "item[0].adjudication[0].reason", Kind: fhir.NoteKindNotMapped},
				{Path: "item[0].adjudication[0].value", Kind: fhir.NoteKindNotMapped},
				{Path: "item[0].detail", Kind: fhir.NoteKindNotMapped},
				{Path: atDetail + "[1].valueCodeableConcept.coding[1]", Kind: fhir.NoteKindNotMapped},
				{Path: atDetail + "[1].valueCodeableConcept.text", Kind: fhir.NoteKindNotMapped},
				{Path: atDetail + "[3]", Kind: fhir.NoteKindNotMapped},
				{Path: "item[0].noteNumber", Kind: fhir.NoteKindNotMapped},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeClaimResponse(tt.data, fhir.ClaimResponseOptions{})
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.ClaimResponse{}, got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, fhir.ClaimResponse{ID: "CR1", Created: decided, Authorizations: tt.as}, got)
			assert.Equal(t, tt.rep, rep)
		})
	}
}

// EncodeClaimResponse refuses a response of no authorization, and
// authorizations that do not share their number and patient.
func TestEncodeClaimResponseRefusesMixed(t *testing.T) {
	_, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided})
	requireFieldErrors(t, err, []wantErr{{"authorizations: missing", iop.ErrMissing}})

	other := authz()
	other.Number, other.Patient = "AUTH0002", "P2"
	_, err = fhir.EncodeClaimResponse(fhir.ClaimResponse{ID: "CR\x01", Created: decided, Authorizations: []authorization.Authorization{authz(), other}})
	requireFieldErrors(t, err, []wantErr{
		{"id: invalid syntax: control or format character", iop.ErrSyntax},
		{"authorizations[1].number: out of order", iop.ErrOrder},
		{"authorizations[1].patient: out of order", iop.ErrOrder},
	})
}

// The extensions of encounterJSON, each with the comma that follows it.
const (
	encPlanned    = `{"url":"https://ioprules.github.io/fhir/StructureDefinition/planned-length","valueDuration":{"value":180,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}},`
	encAttendance = `{"url":"https://ioprules.github.io/fhir/StructureDefinition/attendance","valueCode":"partial"},`
	encDelivery   = `{"url":"https://ioprules.github.io/fhir/StructureDefinition/delivery","valueCode":"video"}`
)

// encounterJSON is the Encounter of a partial session by video, as
// EncodeEncounter writes it (TestEncounterShape), in an order of our own.
const encounterJSON = `{"resourceType":"Encounter","id":"S1","status":"finished",` +
	`"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"VR","display":"virtual"},` +
	`"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90853"}]},{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/service-kind","code":"group"}]}],` +
	`"subject":{"reference":"Patient/P1"},"episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],` +
	`"period":{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T10:35:00-07:00"},` +
	`"extension":[` + encPlanned + encAttendance + encDelivery + `]}`

// DecodeEncounter refuses, element by element, what a session cannot be,
// and reports what it does not read.
func TestDecodeEncounterElements(t *testing.T) {
	partial := fhir.Encounter{Episode: "E1", Session: schedule.Session{Patient: "P1", ID: "S1", Date: day("2025-03-04"), Start: schedule.MustParseClock("09:00"),
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendancePartial, Attended: 95, Planned: 180, Code: "90853", Delivery: iop.DeliveryVideo}}
	s := encounterJSON
	tests := []struct {
		name string
		data []byte
		want []wantErr
		enc  fhir.Encounter // read when want is nil
		rep  fhir.Report
	}{
		{name: "as written", data: []byte(s), enc: partial},
		{name: "two planned lengths", data: edited(t, s, encPlanned, encPlanned+strings.Replace(encPlanned, "180", "60", 1)),
			want: []wantErr{{"extension[1]: duplicate", iop.ErrDuplicate}}},
		{name: "two attendances", data: edited(t, s, encAttendance, encAttendance+strings.Replace(encAttendance, "partial", "attended", 1)),
			want: []wantErr{{"extension[2]: duplicate", iop.ErrDuplicate}}},
		{name: "class of no system", data: edited(t, s, `"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode",`, ``),
			want: []wantErr{{"class: unknown value", iop.ErrUnknown}}},
		{name: "no subject", data: edited(t, s, `"subject":{"reference":"Patient/P1"},`, ``),
			want: []wantErr{{"subject: missing", iop.ErrMissing}}},
		{name: "subject by display only", data: edited(t, s, `"subject":{"reference":"Patient/P1"}`, `"subject":{"display":"Jane Q Secret"}`),
			want: []wantErr{{"subject.reference: missing", iop.ErrMissing}}},
		{name: "subject a group", data: edited(t, s, `"Patient/P1"`, `"Group/P1"`),
			want: []wantErr{{"subject.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "episode of another type", data: edited(t, s, `"EpisodeOfCare/E1"`, `"Encounter/E1"`),
			want: []wantErr{{"episodeOfCare[0].reference: invalid syntax", iop.ErrSyntax}}},
		{name: "episode by display only", data: edited(t, s, `{"reference":"EpisodeOfCare/E1"}`, `{"display":"IOP"}`),
			want: []wantErr{{"episodeOfCare[0].reference: invalid syntax", iop.ErrSyntax}}},
		{name: "a second episode", data: edited(t, s, `{"reference":"EpisodeOfCare/E1"}`, `{"reference":"EpisodeOfCare/E1"},{"reference":"EpisodeOfCare/E2"}`),
			enc: partial, rep: fhir.Report{{Path: "episodeOfCare[1]", Kind: fhir.NoteKindNotMapped}}},
		{name: "a CPT system for an HCPCS code", data: edited(t, s, `"code":"90853"`, `"code":"H0015"`),
			want: []wantErr{{"type[0].coding[0].code: unknown value", iop.ErrUnknown}}},
		{name: "a kind of ours unknown", data: edited(t, s, `"code":"group"`, `"code":"choir"`),
			want: []wantErr{{"type[1].coding[0].code: unknown value", iop.ErrUnknown}}},
		{name: "codings not read", data: edited(t, s, `{"system":"http://www.ama-assn.org/go/cpt","code":"90853"}`,
			`{"system":"http://www.ama-assn.org/go/cpt","code":"90853"},{"code":"x"},{"system":"http://snomed.info/sct","code":"y"}`),
			enc: partial, rep: fhir.Report{{Path: "type[0].coding[1]", Kind: fhir.NoteKindNotMapped}, {Path: "type[0].coding[2]", Kind: fhir.NoteKindNotMapped}}},
		{name: "start without a time", data: edited(t, s, `"start":"2025-03-04T09:00:00-07:00"`, `"start":"2025-03-04"`),
			want: []wantErr{{"period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "start without an offset", data: edited(t, s, `"start":"2025-03-04T09:00:00-07:00"`, `"start":"2025-03-04T09:00:00"`),
			want: []wantErr{{"period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "end that is no instant", data: edited(t, s, `"end":"2025-03-04T10:35:00-07:00"`, `"end":"2025-03-04T25:35:00-07:00"`),
			want: []wantErr{{"period.end: invalid date", iop.ErrInvalidDate}}},
		{name: "planned length in hours", data: edited(t, s, `"value":180,"unit":"min","system":"http://unitsofmeasure.org","code":"min"`, `"value":3,"unit":"h","system":"http://unitsofmeasure.org","code":"h"`),
			want: []wantErr{{"extension[0].valueDuration: unknown value", iop.ErrUnknown}}},
		{name: "planned length of no system", data: edited(t, s, `"system":"http://unitsofmeasure.org",`, ``),
			want: []wantErr{{"extension[0].valueDuration: unknown value", iop.ErrUnknown}}},
		{name: "planned length 0", data: edited(t, s, `"value":180`, `"value":0`),
			want: []wantErr{{"extension[0].valueDuration: out of range", iop.ErrOutOfRange}}},
		{name: "planned length 180.5", data: edited(t, s, `"value":180`, `"value":180.5`),
			want: []wantErr{{"extension[0].valueDuration: out of range", iop.ErrOutOfRange}}},
		{name: "planned length without a value", data: edited(t, s, `"value":180,`, ``),
			want: []wantErr{{"extension[0].valueDuration: missing", iop.ErrMissing}}},
		{name: "planned length without its duration", data: edited(t, s, encPlanned, `{"url":"https://ioprules.github.io/fhir/StructureDefinition/planned-length","valueInteger":180},`),
			want: []wantErr{{"extension[0].valueDuration: missing", iop.ErrMissing}}},
		{name: "delivery unknown", data: edited(t, s, `"valueCode":"video"`, `"valueCode":"smoke signals"`),
			want: []wantErr{{"extension[2].valueCode: unknown value", iop.ErrUnknown}}},
		{name: "attendance unknown", data: edited(t, s, `"valueCode":"partial"`, `"valueCode":"late"`),
			want: []wantErr{{"extension: unknown value", iop.ErrUnknown}}},
		{name: "absent, yet finished", data: edited(t, s, `"valueCode":"partial"`, `"valueCode":"absent"`),
			want: []wantErr{{"status: impossible: the status contradicts the attendance (cancelled when absent or excused, else finished)", fhir.ErrImpossible}}},
		{name: "an extension of others", data: edited(t, s, encDelivery, encDelivery+`,{"url":"http://example.org/x","valueString":"Jane Q Secret"}`),
			enc: partial, rep: fhir.Report{{Path: "extension[3]", Kind: fhir.NoteKindExtension}}},
		{name: "planned length alone: attended less is partial", data: edited(t, s, encAttendance, ``, `,`+encDelivery, ``),
			enc: partial},
		{name: "planned length alone: attended all is attended", data: edited(t, s, encAttendance, ``, `,`+encDelivery, ``, `"end":"2025-03-04T10:35:00-07:00"`, `"end":"2025-03-04T12:00:00-07:00"`),
			enc: func() fhir.Encounter {
				e := partial
				e.Session.Attendance, e.Session.Attended = schedule.AttendanceAttended, 0
				return e
			}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeEncounter(tt.data, denver(t))
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.Encounter{}, got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.enc, got)
			assert.Equal(t, tt.rep, rep)
		})
	}
	_, _, err := fhir.DecodeEncounter([]byte(s), nil)
	requireFieldErrors(t, err, []wantErr{{"location: missing", iop.ErrMissing}})
}

// EncodeEncounter refuses no time zone, an episode ID that is not one and
// a billing code of neither CPT's nor HCPCS's shape.
func TestEncodeEncounterRefuses(t *testing.T) {
	s := schedule.Session{Patient: "P1", ID: "S1", Date: day("2025-03-04"), Start: schedule.MustParseClock("09:00"),
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Planned: 180, Code: "90853"}
	_, err := fhir.EncodeEncounter(fhir.Encounter{Session: s, Episode: "E\x01"}, nil)
	requireFieldErrors(t, err, []wantErr{
		{"location: missing", iop.ErrMissing},
		{"episode: invalid syntax: control or format character", iop.ErrSyntax},
	})
	for _, code := range []string{"9085", "908533", "9085X", "H001"} {
		s.Code = code
		_, err = fhir.EncodeEncounter(fhir.Encounter{Session: s}, denver(t))
		var fes iop.FieldErrors
		require.ErrorAs(t, err, &fes, code)
		assert.Equal(t, "session.code", fes[len(fes)-1].Field, code)
	}
}

// DecodeEpisode refuses a resource of ours whose moves (episode-event
// extensions) or statuses do not hold together, element by element.
func TestDecodeEpisodeOwnElements(t *testing.T) {
	ep := replay(t, "E1", fullEvents())
	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: ep})
	require.NoError(t, err)
	s := string(data)
	const (
		reason = `{"url":"reason","valueCoding":{"system":"https://ioprules.github.io/fhir/CodeSystem/teds-discharge-reason","code":"1"}}`
		last   = `,{"status":"finished","period":{"start":"2025-03-10"}}`
		event  = `"url":"https://ioprules.github.io/fhir/StructureDefinition/episode-event"}],"status"`
	)
	tests := []struct {
		name string
		data []byte
		want []wantErr
		rep  fhir.Report // read when want is nil
	}{
		{name: "as written", data: data},
		{name: "no statusHistory", data: edited(t, s, s[strings.Index(s, `"statusHistory":[`):strings.Index(s, `"type":[`)], ``)},
		{name: "an extension of others", data: edited(t, s, event, `"url":"https://ioprules.github.io/fhir/StructureDefinition/episode-event"},{"url":"http://example.org/x","valueString":"Jane Q Secret"}],"status"`),
			rep: fhir.Report{{Path: "extension[9]", Kind: fhir.NoteKindExtension}}},
		{name: "no id", data: edited(t, s, `"id":"E1",`, ``), want: []wantErr{{"id: missing", iop.ErrMissing}}},
		{name: "patient of another type", data: edited(t, s, `"Patient/P1"`, `"Group/P1"`), want: []wantErr{{"patient.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "patient by display", data: edited(t, s, `"patient":{"reference":"Patient/P1"}`, `"patient":{"display":"Jane Q Secret"}`),
			want: []wantErr{{"patient.reference: missing", iop.ErrMissing}}},
		{name: "a history entered in error", data: edited(t, s, `{"status":"onhold"`, `{"status":"entered-in-error"`),
			want: []wantErr{{"statusHistory[2].status: entered in error", fhir.ErrEnteredInError}}},
		{name: "a history one short", data: edited(t, s, last, ``), want: []wantErr{{"statusHistory: impossible: not as many statuses as the episode's moves give", fhir.ErrImpossible}}},
		{name: "a history of other statuses", data: edited(t, s, `{"status":"onhold"`, `{"status":"active"`),
			want: []wantErr{{"statusHistory[2].status: impossible: not the status the episode's moves give", fhir.ErrImpossible}}},
		{name: "a move's kind twice", data: edited(t, s, `{"url":"kind","valueCode":"assess"}`, `{"url":"kind","valueCode":"assess"},{"url":"kind","valueCode":"admit"}`),
			want: []wantErr{{"extension[1].extension[1]: duplicate", iop.ErrDuplicate}}},
		{name: "a move on a day that does not exist", data: edited(t, s, `"valueDate":"2025-01-08"`, `"valueDate":"2025-02-29"`),
			want: []wantErr{{"extension[1].extension[1]: invalid date", iop.ErrInvalidDate}}},
		{name: "a move on no day", data: edited(t, s, `{"url":"on","valueDate":"2025-01-08"}`, `{"url":"on","valueString":"2025-01-08"}`),
			want: []wantErr{{"extension[1].extension[1]: missing", iop.ErrMissing}}},
		{name: "a move of an unknown kind", data: edited(t, s, `"valueCode":"assess"`, `"valueCode":"triage"`),
			want: []wantErr{{"extension[1].extension[0]: unknown value", iop.ErrUnknown}}},
		{name: "a level unknown", data: edited(t, s, `{"url":"level","valueCode":"2.1"}`, `{"url":"level","valueCode":"2.2"}`),
			want: []wantErr{{"extension[2].extension[2]: unknown value", iop.ErrUnknown}}},
		{name: "a court order that says nothing", data: edited(t, s, `{"url":"courtOrdered","valueBoolean":true}`, `{"url":"courtOrdered","valueString":"yes"}`),
			want: []wantErr{{"extension[0].extension[2]: missing", iop.ErrMissing}}},
		{name: "a reason of another system", data: edited(t, s, `"system":"https://ioprules.github.io/fhir/CodeSystem/teds-discharge-reason"`, `"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-end-of-treatment-reason-cs"`),
			want: []wantErr{{"extension[6].extension[2]: missing", iop.ErrMissing}}},
		{name: "a reason without its coding", data: edited(t, s, reason, `{"url":"reason","valueCode":"1"}`),
			want: []wantErr{{"extension[6].extension[2]: missing", iop.ErrMissing}}},
		{name: "a reason not a number", data: edited(t, s, `teds-discharge-reason","code":"1"`, `teds-discharge-reason","code":"one"`),
			want: []wantErr{{"extension[6].extension[2]: unknown value", iop.ErrUnknown}}},
		{name: "a reason 0", data: edited(t, s, `teds-discharge-reason","code":"1"`, `teds-discharge-reason","code":"0"`),
			want: []wantErr{{"extension[6].extension[2]: out of range", iop.ErrOutOfRange}}},
		{name: "a reason 8", data: edited(t, s, `teds-discharge-reason","code":"1"`, `teds-discharge-reason","code":"8"`),
			want: []wantErr{{"extension[6].extension[2]: out of range", iop.ErrOutOfRange}}},
		{name: "a reason 01", data: edited(t, s, `teds-discharge-reason","code":"1"`, `teds-discharge-reason","code":"01"`),
			want: []wantErr{{"extension[6].extension[2]: unknown value", iop.ErrUnknown}}},
		{name: "planned that says nothing", data: edited(t, s, `{"url":"planned","valueBoolean":true}`, `{"url":"planned","valueCode":"true"}`),
			want: []wantErr{{"extension[6].extension[3]: missing", iop.ErrMissing}}},
		{name: "a step unknown", data: edited(t, s, `{"url":"step","valueCode":"down"}`, `{"url":"step","valueCode":"sideways"}`),
			want: []wantErr{{"extension[6].extension[4]: unknown value", iop.ErrUnknown}}},
		{name: "a level stepped to unknown", data: edited(t, s, `{"url":"toLevel","valueCode":"1"}`, `{"url":"toLevel","valueCode":"one"}`),
			want: []wantErr{{"extension[6].extension[5]: unknown value", iop.ErrUnknown}}},
		{name: "a referral without its ID", data: edited(t, s, `{"url":"referredTo","valueString":"R-77"}`, `{"url":"referredTo","valueCode":"R-77"}`),
			want: []wantErr{{"extension[6].extension[6]: missing", iop.ErrMissing}}},
		{name: "a detail of no move", data: edited(t, s, `{"url":"referredTo","valueString":"R-77"}`, `{"url":"referredTo","valueString":"R-77"},{"url":"note","valueString":"Jane Q Secret"}`),
			want: []wantErr{{"extension[6].extension[7]: unknown value", iop.ErrUnknown}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeEpisode(tt.data, fhir.EpisodeOptions{})
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.EpisodeOfCare{}, got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "P1", got.Patient)
			assert.Equal(t, ep.Events(), got.Episode.Events())
			assert.True(t, got.Episode.Equal(ep))
			assert.Equal(t, tt.rep, rep)
		})
	}
}

// DecodeEpisode replays an EHR's statuses: from its history, completed by
// its status and the last entry's end or the period; the level from its
// type (ours, BHA's ASAM level, BHA's episode type 09) or the options.
func TestDecodeEpisodeEHRStatuses(t *testing.T) {
	ehr := func(status, history, types, period string) []byte {
		s := `{"resourceType":"EpisodeOfCare","id":"E9","status":"` + status + `"`
		if history != "" {
			s += `,"statusHistory":[` + history + `]`
		}
		if types != "" {
			s += `,"type":[{"coding":[` + types + `]}]`
		}
		if period != "" {
			s += `,"period":` + period
		}
		return []byte(s + `,"patient":{"reference":"Patient/P9"}}`)
	}
	const bha09 = `{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-episode-identifier-cs","code":"09"}`
	admitted := func(on string, l iop.Level) []aftercare.Event {
		return []aftercare.Event{{Kind: aftercare.EventKindRefer, On: day(on)}, {Kind: aftercare.EventKindAssess, On: day(on)},
			{Kind: aftercare.EventKindAdmit, On: day(on), Level: l}, {Kind: aftercare.EventKindStart, On: day(on)}}
	}
	tests := []struct {
		name string
		data []byte
		opt  fhir.EpisodeOptions
		want []wantErr
		evs  []aftercare.Event // read when want is nil
	}{
		{name: "status after the last entry's end", data: ehr("active", `{"status":"planned","period":{"start":"2025-01-06","end":"2025-01-13"}}`, bha09, ""),
			evs: append([]aftercare.Event{{Kind: aftercare.EventKindRefer, On: day("2025-01-06")}}, admitted("2025-01-13", iop.Level21)[1:]...)},
		{name: "last entry's end that does not exist", data: ehr("active", `{"status":"planned","period":{"start":"2025-01-06","end":"2025-01-32"}}`, bha09, ""),
			want: []wantErr{{"statusHistory[0].period.end: invalid date", iop.ErrInvalidDate}}},
		{name: "status from the period's start", data: ehr("active", "", bha09, `{"start":"2025-01-13"}`), evs: admitted("2025-01-13", iop.Level21)},
		{name: "period's start that does not exist", data: ehr("active", "", bha09, `{"start":"2025-02-29"}`),
			want: []wantErr{{"period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "period's start before 1970", data: ehr("active", "", bha09, `{"start":"1969-12-31"}`),
			want: []wantErr{{"period.start: out of range: a service date is from 1970-01-01 to 2199-12-31", iop.ErrOutOfRange}}},
		{name: "period's start of a month only", data: ehr("active", "", bha09, `{"start":"2025-01"}`),
			want: []wantErr{{"period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "period's start with a time", data: ehr("active", "", bha09, `{"start":"2025-01-13T23:30:00-07:00"}`), evs: admitted("2025-01-13", iop.Level21)},
		{name: "period's start with a time that is none", data: ehr("active", "", bha09, `{"start":"2025-01-13T24:30:00-07:00"}`),
			want: []wantErr{{"period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "cancelled on the period's end", data: ehr("cancelled", "", "", `{"start":"2025-01-06","end":"2025-01-09"}`),
			evs: []aftercare.Event{{Kind: aftercare.EventKindRefer, On: day("2025-01-09")}, {Kind: aftercare.EventKindClose, On: day("2025-01-09")}}},
		{name: "period's end that does not exist", data: ehr("cancelled", "", "", `{"start":"2025-01-06","end":"2025-04-31"}`),
			want: []wantErr{{"period.end: invalid date", iop.ErrInvalidDate}}},
		{name: "finished with nothing before", data: ehr("finished", "", bha09, `{"start":"2025-01-06","end":"2025-03-10"}`), opt: fhir.EpisodeOptions{Discharge: completed()},
			want: []wantErr{{"status: impossible sequence of statuses", fhir.ErrImpossible}}},
		{name: "no history and no period", data: ehr("planned", "", "", ""), want: []wantErr{{"period: missing", iop.ErrMissing}}},
		{name: "a level of ours", data: ehr("active", "", `{"system":"https://ioprules.github.io/fhir/CodeSystem/level","code":"2.5"}`, `{"start":"2025-01-13"}`),
			evs: admitted("2025-01-13", iop.Level25)},
		{name: "a BHA level", data: ehr("active", "", `{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs","code":"2.5"}`, `{"start":"2025-01-13"}`),
			evs: admitted("2025-01-13", iop.Level25)},
		{name: "codes of no level, then one", data: ehr("active", "",
			`{"code":"2.1"},{"system":"https://ioprules.github.io/fhir/CodeSystem/level","code":"9.9"},{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs","code":"DUI-1"},`+
				`{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-episode-identifier-cs","code":"01"},{"system":"http://snomed.info/sct","code":"2.1"},`+
				`{"system":"https://ioprules.github.io/fhir/CodeSystem/level","code":"1"}`, `{"start":"2025-01-13"}`),
			evs: admitted("2025-01-13", iop.Level1)},
		{name: "the options' level", data: ehr("active", "", "", `{"start":"2025-01-13"}`), opt: fhir.EpisodeOptions{Level: iop.Level25},
			evs: admitted("2025-01-13", iop.Level25)},
		{name: "a type's level over the options'", data: ehr("active", "", bha09, `{"start":"2025-01-13"}`), opt: fhir.EpisodeOptions{Level: iop.Level25},
			evs: admitted("2025-01-13", iop.Level21)},
		{name: "no level", data: ehr("active", "", `{"code":"2.1"}`, `{"start":"2025-01-13"}`), want: []wantErr{{"type: missing", iop.ErrMissing}}},
		{name: "a move the episode refuses", data: ehr("active", `{"status":"planned","period":{"start":"2025-01-13"}},{"status":"active","period":{"start":"2025-01-06"}}`, bha09, ""),
			want: []wantErr{{"statusHistory[1].status: aftercare: event 1 (assess) from referred: out of order: date before the previous move", aftercare.ErrDateBackwards}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := fhir.DecodeEpisode(tt.data, tt.opt)
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.EpisodeOfCare{}, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "P9", got.Patient)
			assert.Equal(t, tt.evs, got.Episode.Events())
		})
	}
}

// EncodeEpisode refuses the zero episode and a patient ID that is none.
func TestEncodeEpisodeRefuses(t *testing.T) {
	_, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{})
	requireFieldErrors(t, err, []wantErr{{"patient: missing", iop.ErrMissing}, {"episode: missing", iop.ErrMissing}})
	_, err = fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P\n1", Episode: replay(t, "E1", fullEvents()[:1])})
	requireFieldErrors(t, err, []wantErr{{"patient: invalid syntax: control or format character", iop.ErrSyntax}})
}

// groupEHR is an EHR's Group of two patients (TestDecodeGroupFromEHR),
// and ehrVisit an Encounter of one of them.
const groupEHR = `{"resourceType":"Group","id":"G-7","type":"person","actual":true,` +
	`"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind","code":"process"}]},` +
	`"member":[{"entity":{"reference":"Patient/P-1"}},{"entity":{"reference":"Patient/P-2"},"period":{"start":"2025-02-10"}}]}`

func ehrVisit(patient string) string {
	return `{"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},` +
		`"subject":{"reference":"Patient/` + patient + `"},"period":{"start":"2025-03-03","end":"2025-03-03"},` +
		`"length":{"value":90,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}`
}

// DecodeGroup refuses, element by element, an EHR's Group and Encounters
// that are not one group session, and reports what it does not read.
func TestDecodeGroupEHRElements(t *testing.T) {
	v1, v2 := ehrVisit("P-1"), ehrVisit("P-2")
	want := group.Meeting{ID: "G-7", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: day("2025-03-03"), Minutes: 90,
		Participants: []group.Participant{{ID: "P-1", Role: group.ParticipantRolePatient}, {ID: "P-2", Role: group.ParticipantRolePatient, Joined: day("2025-02-10")}}}
	g := groupEHR
	tests := []struct {
		name   string
		group  []byte
		visits []string
		want   []wantErr
		rep    fhir.Report // with the meeting read when want is nil
	}{
		{name: "as written", group: []byte(g), visits: []string{v1, v2}, rep: fhir.Report{{Path: "type", Kind: fhir.NoteKindReadAs}}},
		{name: "a group of devices, not actual", group: edited(t, g, `"type":"person","actual":true`, `"type":"device","actual":false`), visits: []string{v1, v2},
			want: []wantErr{{"type: no mapping", fhir.ErrNoMapping}, {"actual: no mapping", fhir.ErrNoMapping}}},
		{name: "no id", group: edited(t, g, `"id":"G-7",`, ``), visits: []string{v1, v2}, want: []wantErr{{"id: missing", iop.ErrMissing}}},
		{name: "a member not a patient", group: edited(t, g, `"Patient/P-1"`, `"Practitioner/P-1"`), visits: []string{v1, v2},
			want: []wantErr{{"member[0].entity.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "a member inactive", group: edited(t, g, `{"entity":{"reference":"Patient/P-1"}}`, `{"entity":{"reference":"Patient/P-1"},"inactive":true}`), visits: []string{v1, v2},
			want: []wantErr{{"member[0].inactive: no mapping", fhir.ErrNoMapping}}},
		{name: "a member joined on a day that does not exist", group: edited(t, g, `"2025-02-10"`, `"2025-02-31"`), visits: []string{v1, v2},
			want: []wantErr{{"member[1].period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "an extension of others", group: edited(t, g, `"id":"G-7",`, `"id":"G-7","extension":[{"url":"http://example.org/x","valueString":"Jane Q Secret"}],`), visits: []string{v1, v2},
			rep: fhir.Report{{Path: "extension[0]", Kind: fhir.NoteKindExtension}, {Path: "type", Kind: fhir.NoteKindReadAs}}},
		{name: "no code of ours", group: edited(t, g, `"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind",`, ``), visits: []string{v1, v2},
			want: []wantErr{{"code: missing", iop.ErrMissing}}},
		{name: "a code of ours unknown", group: edited(t, g, `"code":"process"`, `"code":"choir"`), visits: []string{v1, v2},
			want: []wantErr{{"code: missing", iop.ErrMissing}}},
		{name: "no code", group: edited(t, g, `"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind","code":"process"}]},`, ``), visits: []string{v1, v2},
			want: []wantErr{{"code: missing", iop.ErrMissing}}},
		{name: "no Encounter", group: []byte(g), want: []wantErr{{"encounters: missing", iop.ErrMissing}}},
		{name: "an Encounter that is not one", group: []byte(g), visits: []string{v1, `{"resourceType":"Patient"}`},
			want: []wantErr{{"encounters[1].resourceType: not the resource type read", fhir.ErrResourceType}}},
		{name: "an Encounter cancelled", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"finished"`, `"cancelled"`, 1)},
			want: []wantErr{{"encounters[1].status: no mapping", fhir.ErrNoMapping}}},
		{name: "an Encounter of no subject", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"subject":{"reference":"Patient/P-2"},`, ``, 1)},
			want: []wantErr{{"encounters[1].subject: missing", iop.ErrMissing}}},
		{name: "an Encounter of a group", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"Patient/P-2"`, `"Group/G-7"`, 1)},
			want: []wantErr{{"encounters[1].subject.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "an Encounter of no period", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"period":{"start":"2025-03-03","end":"2025-03-03"},`, ``, 1)},
			want: []wantErr{{"encounters[1].period.start: missing", iop.ErrMissing}}},
		{name: "an Encounter on a day that does not exist", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"start":"2025-03-03"`, `"start":"2025-03-33"`, 1)},
			want: []wantErr{{"encounters[1].period.start: invalid date", iop.ErrInvalidDate}}},
		{name: "an Encounter's length in hours", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"code":"min"}`, `"code":"h"}`, 1)},
			want: []wantErr{{"encounters[1].length: unknown value", iop.ErrUnknown}}},
		{name: "two Encounters of one patient", group: []byte(g), visits: []string{v1, v2, v1},
			want: []wantErr{{"encounters[2].subject: duplicate", iop.ErrDuplicate}}},
		{name: "Encounters on two days", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"start":"2025-03-03"`, `"start":"2025-03-04"`, 1)},
			want: []wantErr{{"encounters[1].period.start: impossible: not the day of the group's other Encounters", fhir.ErrImpossible}}},
		{name: "Encounters of two lengths", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"value":90`, `"value":60`, 1)},
			want: []wantErr{{"encounters[1].length: impossible: not the length of the group's other Encounters", fhir.ErrImpossible}}},
		{name: "an Encounter of no member", group: []byte(g), visits: []string{v1, v2, ehrVisit("P-3")},
			want: []wantErr{{"encounters[2].subject: impossible: not a patient of the session", fhir.ErrImpossible}}},
		{name: "a member of no Encounter", group: []byte(g), visits: []string{v1},
			want: []wantErr{{"member[1]: impossible: a patient of the session without an Encounter", fhir.ErrImpossible}}},
		{name: "a member twice", group: edited(t, g, `{"entity":{"reference":"Patient/P-1"}}`, `{"entity":{"reference":"Patient/P-1"}},{"entity":{"reference":"Patient/P-1"}}`), visits: []string{v1, v2},
			want: []wantErr{{"member[1].entity.reference: duplicate", iop.ErrDuplicate}}},
		{name: "a member who joined after the session", group: edited(t, g, `"period":{"start":"2025-02-10"}`, `"period":{"start":"2025-03-10"}`), visits: []string{v1, v2},
			want: []wantErr{{"member[1].period.start: out of order: joined after the session date", iop.ErrOrder}}},
		{name: "Encounters longer than a day", group: []byte(g), visits: []string{strings.Replace(v1, `"value":90`, `"value":1441`, 1), strings.Replace(v2, `"value":90`, `"value":1441`, 1)},
			want: []wantErr{{"encounters[0].length: out of range: above a day", iop.ErrOutOfRange}}},
		{name: "what an Encounter holds that is not read", group: []byte(g), visits: []string{v1, strings.Replace(v2, `"status":"finished"`, `"status":"finished","priority":{"text":"x"},"Jane Q Secret":1`, 1)},
			rep: fhir.Report{{Path: "encounters[1].#3", Kind: fhir.NoteKindUnknownElement}, {Path: "encounters[1].priority", Kind: fhir.NoteKindNotMapped}, {Path: "type", Kind: fhir.NoteKindReadAs}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var encs [][]byte
			for _, v := range tt.visits {
				encs = append(encs, []byte(v))
			}
			got, rep, err := fhir.DecodeGroup(fhir.GroupSession{Group: tt.group, Encounters: encs})
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.True(t, got.Equal(group.Meeting{}), "got %+v", got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(want), "got %+v", got)
			assert.Equal(t, tt.rep, rep)
		})
	}
}

// DecodeGroup refuses a Group of ours whose group-session extension does
// not mirror a session, or whose members are not the session's patients.
func TestDecodeGroupOwnElements(t *testing.T) {
	s := groupSession()
	gs, err := fhir.EncodeGroup(s)
	require.NoError(t, err)
	g := string(gs.Group)
	const enrollment = `{"url":"enrollment","valueString":"closed"}`
	tests := []struct {
		name  string
		group []byte
		encs  [][]byte
		want  []wantErr
		rep   fhir.Report // with s read when want is nil
	}{
		{name: "as written", group: gs.Group},
		{name: "an extension of others", group: edited(t, g, `"url":"https://ioprules.github.io/fhir/StructureDefinition/group-session"}]`,
			`"url":"https://ioprules.github.io/fhir/StructureDefinition/group-session"},{"url":"http://example.org/x","valueString":"Jane Q Secret"}]`),
			rep: fhir.Report{{Path: "extension[1]", Kind: fhir.NoteKindExtension}}},
		{name: "a detail of no value", group: edited(t, g, enrollment, `{"url":"enrollment"}`),
			want: []wantErr{{"extension[0].extension[3]: missing", iop.ErrMissing}}},
		{name: "a nested detail of no value", group: edited(t, g, `{"url":"ages","valueString":"adolescent"}`, `{"url":"ages"}`),
			want: []wantErr{{"extension[0].extension[2].extension[0]: missing", iop.ErrMissing}}},
		{name: "a detail twice", group: edited(t, g, enrollment, enrollment+`,{"url":"enrollment","valueString":"open"}`),
			want: []wantErr{{"extension[0].extension[4]: duplicate", iop.ErrDuplicate}}},
		{name: "a detail the session refuses", group: edited(t, g, `{"url":"kind","valueString":"relapse-prevention"}`, `{"url":"kind","valueString":"karaoke"}`),
			want: []wantErr{{"extension[0].extension[1]: iop.GroupKind.UnmarshalText: unknown value", iop.ErrUnknown}}},
		{name: "a detail of no value after an extension of others", group: edited(t, g, `"extension":[{"extension":[{"url":"id"`, `"extension":[{"url":"http://example.org/x","valueString":"Jane Q Secret"},{"extension":[{"url":"id"`, enrollment, `{"url":"enrollment"}`),
			want: []wantErr{{"extension[1].extension[3]: missing", iop.ErrMissing}}},
		{name: "a detail missing", group: edited(t, g, `{"url":"date","valueString":"2025-03-03"},`, ``),
			want: []wantErr{{"extension[0].extension('date'): missing", iop.ErrMissing}}},
		{name: "a detail unknown", group: edited(t, g, enrollment, enrollment+`,{"url":"Jane Q Secret","valueString":"x"}`),
			want: []wantErr{{"extension[0].extension[4]: unknown field", iop.ErrUnknownField}}},
		{name: "a nested detail the session refuses", group: edited(t, g, `{"url":"ages","valueString":"adolescent"}`, `{"url":"ages","valueString":"toddler"}`),
			want: []wantErr{{"extension[0].extension[2].extension[0]: group.AgeFocus.UnmarshalText: unknown value", iop.ErrUnknown}}},
		{name: "a participant's detail the session refuses", group: edited(t, g, `{"url":"joined","valueString":"2025-02-10"}`, `{"url":"joined","valueString":"2025-03-10"}`),
			want: []wantErr{{"extension[0].extension[11].extension[5]: out of order: joined after the session date", iop.ErrOrder}}},
		{name: "an id not the session's", group: edited(t, g, `{"id":"G-0303"`, `{"id":"G-0304"`),
			want: []wantErr{{"id: impossible: not the id of the session in the group-session extension", fhir.ErrImpossible}}},
		{name: "a member not the session's", group: edited(t, g, `,{"entity":{"reference":"Patient/P-4"}}`, ``),
			want: []wantErr{{"member: impossible: fewer members than the session has patients", fhir.ErrImpossible}}},
		{name: "a member more", group: edited(t, g, `{"entity":{"reference":"Patient/P-4"}}`, `{"entity":{"reference":"Patient/P-4"}},{"entity":{"reference":"Patient/P-5"}}`),
			want: []wantErr{{"member[4]: impossible: a member who is not a patient of the session", fhir.ErrImpossible}}},
		{name: "members in another order", group: edited(t, g, `{"entity":{"reference":"Patient/P-1"}},{"entity":{"reference":"Patient/P-2"},"period":{"start":"2025-02-10"}}`, `{"entity":{"reference":"Patient/P-2"},"period":{"start":"2025-02-10"}},{"entity":{"reference":"Patient/P-1"}}`),
			want: []wantErr{{"member[0].entity.reference: impossible: not the session's patient in this place (members are its patients, in order)", fhir.ErrImpossible}}},
		{name: "an Encounter of no patient of the session", group: gs.Group, encs: append(append([][]byte(nil), gs.Encounters...), []byte(ehrVisit("P-9"))),
			want: []wantErr{{"encounters[4].subject: impossible: not a patient of the session", fhir.ErrImpossible}}},
		{name: "an Encounter on another day", group: gs.Group,
			encs: append(append([][]byte(nil), gs.Encounters[:3]...), []byte(strings.Replace(string(gs.Encounters[3]), `"start":"2025-03-03"`, `"start":"2025-03-04"`, 1))),
			want: []wantErr{{"encounters[3].period.start: impossible: not the day of the session", fhir.ErrImpossible}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			encs := tt.encs
			if encs == nil {
				encs = gs.Encounters
			}
			got, rep, err := fhir.DecodeGroup(fhir.GroupSession{Group: tt.group, Encounters: encs})
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.True(t, got.Equal(s), "got %+v", got)
			assert.Equal(t, tt.rep, rep)
		})
	}
	bad := s
	bad.Minutes = -1
	_, err = fhir.EncodeGroup(bad)
	requireFieldErrors(t, err, []wantErr{{"minutes: out of range: negative", iop.ErrOutOfRange}})
}

// A Bundle is read all or nothing: a resource refused refuses it, under
// its entry's path; an entry without a resource and a resource of no
// mapping are noted.
func TestDecodeBundleElements(t *testing.T) {
	ep, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: replay(t, "E1", fullEvents()[:2])})
	require.NoError(t, err)
	gs, err := fhir.EncodeGroup(groupSession())
	require.NoError(t, err)
	bundle := func(resources ...string) []byte {
		s := `{"resourceType":"Bundle","type":"collection","entry":[`
		for i, r := range resources {
			if i > 0 {
				s += ","
			}
			if r == "" {
				s += `{"fullUrl":"urn:uuid:1"}`
				continue
			}
			s += `{"resource":` + r + `}`
		}
		return []byte(s + `]}`)
	}
	opt := fhir.BundleOptions{Location: denver(t)}
	tests := []struct {
		name string
		data []byte
		want []wantErr
		rep  fhir.Report
	}{
		{name: "an entry of no resource", data: bundle(string(ep), ""), rep: fhir.Report{{Path: "entry[1]", Kind: fhir.NoteKindNotMapped}}},
		{name: "an episode refused", data: bundle(strings.Replace(string(ep), `"status":"planned",`, ``, 1)),
			want: []wantErr{{"entry[0].resource.status: missing", iop.ErrMissing}}},
		{name: "an Encounter refused", data: bundle(string(ep), strings.Replace(encounterJSON, `"subject":{"reference":"Patient/P1"},`, ``, 1)),
			want: []wantErr{{"entry[1].resource.subject: missing", iop.ErrMissing}}},
		{name: "an Encounter whose extensions are no list", data: bundle(strings.Replace(encounterJSON, `"extension":[`+encPlanned+encAttendance+encDelivery+`]`, `"extension":{}`, 1)),
			want: []wantErr{{"entry[0].resource.extension: invalid syntax", iop.ErrSyntax}}},
		{name: "Encounters of a Group not in the bundle", data: bundle(string(gs.Encounters[0])),
			want: []wantErr{{"entry[0].resource: impossible: an Encounter of a Group the bundle does not hold", fhir.ErrImpossible}}},
		{name: "a Group refused", data: bundle(strings.Replace(string(gs.Group), `"type":"person"`, `"type":"device"`, 1), string(gs.Encounters[0])),
			want: []wantErr{{"entry[0].resource.type: no mapping", fhir.ErrNoMapping}}},
		{name: "a resource that is no object", data: bundle(`["EpisodeOfCare"]`),
			want: []wantErr{{"entry[0].resource: invalid syntax", iop.ErrSyntax}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeBundle(tt.data, opt)
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.Bundle{}, got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			require.Len(t, got.Episodes, 1)
			assert.Equal(t, "P1", got.Episodes[0].Patient)
			assert.True(t, got.Episodes[0].Episode.Equal(replay(t, "E1", fullEvents()[:2])))
			assert.Equal(t, fhir.Bundle{Episodes: got.Episodes}, got)
			assert.Equal(t, tt.rep, rep)
		})
	}
}

// The pre-pass holds each JSON value to its element's type, refuses what
// is no JSON object or too large, and says so with the element's path.
func TestPrepassTypes(t *testing.T) {
	g := groupEHR
	visits := [][]byte{[]byte(ehrVisit("P-1")), []byte(ehrVisit("P-2"))}
	tests := []struct {
		name string
		data []byte
		want []wantErr
	}{
		{name: "a string for a bool", data: edited(t, g, `"actual":true`, `"actual":"true"`), want: []wantErr{{"actual: invalid syntax", iop.ErrSyntax}}},
		{name: "a decimal for an integer", data: edited(t, g, `"actual":true,`, `"actual":true,"quantity":2.5,`), want: []wantErr{{"quantity: invalid syntax", iop.ErrSyntax}}},
		{name: "an integer above 32 bits", data: edited(t, g, `"actual":true,`, `"actual":true,"quantity":2147483648,`), want: []wantErr{{"quantity: invalid syntax", iop.ErrSyntax}}},
		{name: "an integer of 32 bits", data: edited(t, g, `"actual":true,`, `"actual":true,"quantity":2147483647,`)},
		{name: "a string for an object", data: edited(t, g, `"period":{"start":"2025-02-10"}`, `"period":"2025-02-10"`), want: []wantErr{{"member[1].period: invalid syntax", iop.ErrSyntax}}},
		{name: "a string for a code", data: edited(t, g, `"type":"person"`, `"type":7`), want: []wantErr{{"type: unknown value", iop.ErrUnknown}}},
		{name: "an array", data: []byte(`[` + g + `]`), want: []wantErr{{"invalid syntax", iop.ErrSyntax}}},
		{name: "a string", data: []byte(`"Group"`), want: []wantErr{{"invalid syntax", iop.ErrSyntax}}},
		{name: "no resourceType", data: edited(t, g, `"resourceType":"Group",`, ``), want: []wantErr{{"resourceType: not the resource type read", fhir.ErrResourceType}}},
		{name: "above MaxBytes", data: append(edited(t, g, `}]}`, `}]`), append([]byte(`,"text":{"status":"generated","div":"`), append(bytes.Repeat([]byte("x"), fhir.MaxBytes), `"}}`...)...)...),
			want: []wantErr{{"input too large", iop.ErrTooLarge}}},
		{name: "unclosed", data: []byte(g[:len(g)-1]), want: []wantErr{{"invalid syntax", iop.ErrSyntax}}},
		{name: "a member without its value", data: []byte(`{"resourceType":"Group","id":}`), want: []wantErr{{"#1: invalid syntax", iop.ErrSyntax}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fhir.DecodeGroup(fhir.GroupSession{Group: tt.data, Encounters: visits})
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			requireFieldErrors(t, err, tt.want)
		})
	}
	_, _, err := fhir.DecodeGroup(fhir.GroupSession{Group: []byte(g), Encounters: [][]byte{visits[0], edited(t, string(visits[1]), `"value":90`, `"value":"90"`)}})
	requireFieldErrors(t, err, []wantErr{{"encounters[1].length.value: invalid syntax", iop.ErrSyntax}})
}

// NoteKind's text forms, and the sentinels' words and the iop sentinels
// they wrap.
func TestNoteKindAndSentinels(t *testing.T) {
	for k, want := range map[fhir.NoteKind]string{
		fhir.NoteKindUnknownElement: "unknown-element", fhir.NoteKindPrimitiveExtension: "primitive-extension", fhir.NoteKindExtension: "extension",
		fhir.NoteKindNotMapped: "not-mapped", fhir.NoteKindReadAs: "read-as",
	} {
		assert.Equal(t, want, k.String())
		assert.True(t, k.IsValid(), want)
		text, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(text))
		var back fhir.NoteKind
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, k, back)
	}
	for _, text := range []string{"", "Not-Mapped", "not-mapped ", "%!NoteKind(0)", "Jane Q Secret"} {
		k := fhir.NoteKindReadAs
		err := k.UnmarshalText([]byte(text))
		require.ErrorIs(t, err, iop.ErrUnknown, text)
		assert.Equal(t, "fhir.NoteKind.UnmarshalText: unknown value", err.Error())
		assert.Equal(t, fhir.NoteKindReadAs, k, "unchanged on error")
	}
	for _, k := range []fhir.NoteKind{0, fhir.NoteKindReadAs + 1, 255} {
		assert.Equal(t, "%!NoteKind("+itoa(int(k))+")", k.String())
		assert.False(t, k.IsValid(), k.String())
		text, err := k.MarshalText()
		require.ErrorIs(t, err, iop.ErrUnknown)
		assert.Equal(t, "invalid note kind", err.Error())
		assert.Nil(t, text)
	}
	data, err := json.Marshal(fhir.Report{{Path: "#3", Kind: fhir.NoteKindUnknownElement}})
	require.NoError(t, err)
	assert.JSONEq(t, `[{"path":"#3","kind":"unknown-element"}]`, string(data))
	var back fhir.Report
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, fhir.Report{{Path: "#3", Kind: fhir.NoteKindUnknownElement}}, back, "a Report kept as JSON reads back")
	_, err = json.Marshal(fhir.Note{Path: "x"})
	require.ErrorIs(t, err, iop.ErrUnknown)

	for _, tt := range []struct {
		err  error
		text string
		is   error
	}{
		{fhir.ErrModifierExtension, "modifier extension not understood", iop.ErrUnknown},
		{fhir.ErrResourceType, "not the resource type read", iop.ErrUnknown},
		{fhir.ErrEnteredInError, "entered in error", iop.ErrUnknown},
		{fhir.ErrImpossible, "impossible sequence of statuses", iop.ErrOrder},
		{fhir.ErrNoMapping, "no mapping", iop.ErrUnknown},
		{fhir.ErrNotCarried, "not carried by a PAS ClaimResponse", iop.ErrOutOfRange},
	} {
		assert.Equal(t, tt.text, tt.err.Error())
		require.ErrorIs(t, tt.err, tt.is, tt.text)
		assert.Equal(t, tt.is, errors.Unwrap(tt.err), tt.text)
	}
}

// DecodeQuestionnaireResponse refuses, answer by answer, what an
// assessment or decision cannot be, and reports what it does not read.
func TestDecodeQuestionnaireResponseElements(t *testing.T) {
	ck, v, data := placedResponse(t)
	a := v.Assessment()
	s := string(data)
	const (
		d1       = `{"linkId":"D1","answer":[{"valueInteger":1}]}`
		level    = `{"linkId":"level","answer":[{"valueCoding":{"system":"https://ioprules.github.io/fhir/CodeSystem/level","code":"2.1"}}]}`
		levelCO  = `"code":"2.1"}}]},{"linkId":"given"`
		modifier = `"system":"https://ioprules.github.io/fhir/CodeSystem/assessment-modifier","code":"co-occurring"`
	)
	decided := fhir.QuestionnaireResponse{Patient: "P1", Assessment: a, Decision: v}
	tests := []struct {
		name string
		data []byte
		ck   eligibility.Checker
		want []wantErr
		got  fhir.QuestionnaireResponse // read when want is nil
		rep  fhir.Report
	}{
		{name: "as written", data: data, ck: ck, got: decided},
		{name: "amended", data: edited(t, s, `"status":"completed"`, `"status":"amended"`), ck: ck, got: decided},
		{name: "without a checker", data: data, got: fhir.QuestionnaireResponse{Patient: "P1", Assessment: a},
			rep: fhir.Report{ // level, level-co, given, variance-reason, variance-note
				{Path: "item[11]", Kind: fhir.NoteKindNotMapped}, {Path: "item[12]", Kind: fhir.NoteKindNotMapped}, {Path: "item[13]", Kind: fhir.NoteKindNotMapped},
				{Path: "item[14]", Kind: fhir.NoteKindNotMapped}, {Path: "item[15]", Kind: fhir.NoteKindNotMapped},
			}},
		{name: "an item of no mapping", data: edited(t, s, `]}],"resourceType"`, `]},{"linkId":"Jane Q Secret","answer":[{"valueString":"x"}]}],"resourceType"`), ck: ck, got: decided,
			rep: fhir.Report{{Path: "item[16]", Kind: fhir.NoteKindNotMapped}}},
		{name: "an item of items", data: edited(t, s, d1, `{"linkId":"D1","answer":[{"valueInteger":1}],"item":[{"linkId":"x"}]}`), ck: ck, got: decided,
			rep: fhir.Report{{Path: "item[3].item", Kind: fhir.NoteKindNotMapped}}},
		{name: "in progress", data: edited(t, s, `"status":"completed"`, `"status":"in-progress"`), want: []wantErr{{"status: no mapping", fhir.ErrNoMapping}}},
		{name: "entered in error", data: edited(t, s, `"status":"completed"`, `"status":"entered-in-error"`), want: []wantErr{{"status: entered in error", fhir.ErrEnteredInError}}},
		{name: "no subject", data: edited(t, s, `"subject":{"reference":"Patient/P1"},`, ``), want: []wantErr{{"subject: missing", iop.ErrMissing}}},
		{name: "a subject not a patient", data: edited(t, s, `"Patient/P1"`, `"Group/P1"`), want: []wantErr{{"subject.reference: invalid syntax", iop.ErrSyntax}}},
		{name: "no id", data: edited(t, s, `"id":"A-1",`, ``), want: []wantErr{{"id: missing", iop.ErrMissing}}},
		{name: "a questionnaire of another version", data: edited(t, s, `asam-assessment|1"`, `asam-assessment|2"`), want: []wantErr{{"questionnaire: no mapping", fhir.ErrNoMapping}}},
		{name: "an item twice", data: edited(t, s, d1, d1+","+d1), want: []wantErr{{"item[4]: duplicate", iop.ErrDuplicate}}},
		{name: "two answers to one", data: edited(t, s, d1, `{"linkId":"D1","answer":[{"valueInteger":1},{"valueInteger":2}]}`),
			want: []wantErr{{"item[3].answer: out of range", iop.ErrOutOfRange}}},
		{name: "an edition of another system", data: edited(t, s, `"system":"https://ioprules.github.io/fhir/CodeSystem/asam-edition"`, `"system":"http://example.org/edition"`),
			want: []wantErr{{"item[0].answer[0].valueCoding: unknown value", iop.ErrUnknown}}},
		{name: "an edition unknown", data: edited(t, s, `"code":"3rd"`, `"code":"5th"`),
			want: []wantErr{{"item[0].answer[0].valueCoding.code: unknown value", iop.ErrUnknown}}},
		{name: "a date that does not exist", data: edited(t, s, `"valueDate":"2025-03-03"`, `"valueDate":"2025-02-29"`),
			want: []wantErr{{"item[1].answer[0].valueDate: invalid date", iop.ErrInvalidDate}}},
		{name: "a rating as text", data: edited(t, s, d1, `{"linkId":"D1","answer":[{"valueString":"1"}]}`),
			want: []wantErr{{"item[3].answer[0].valueInteger: missing", iop.ErrMissing}}},
		{name: "a rating -1", data: edited(t, s, d1, `{"linkId":"D1","answer":[{"valueInteger":-1}]}`),
			want: []wantErr{{"item[3].answer[0].valueInteger: out of range", iop.ErrOutOfRange}}},
		{name: "a note as a number", data: edited(t, s, `{"valueString":"N-3"}`, `{"valueInteger":3}`),
			want: []wantErr{{"item[6].answer[0].valueString: missing", iop.ErrMissing}}},
		{name: "a modifier of another system", data: edited(t, s, modifier, `"system":"http://example.org/m","code":"co-occurring"`),
			want: []wantErr{{"item[10].answer[0].valueCoding: unknown value", iop.ErrUnknown}}},
		{name: "a modifier unknown", data: edited(t, s, modifier, `"system":"https://ioprules.github.io/fhir/CodeSystem/assessment-modifier","code":"hungry"`),
			want: []wantErr{{"item[10].answer[0].valueCoding.code: unknown value", iop.ErrUnknown}}},
		{name: "a BHA level of another system", data: edited(t, s, `"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs"`, `"system":"http://example.org/asam"`),
			want: []wantErr{{"item[12].answer[0].valueCoding: unknown value", iop.ErrUnknown}}},
		{name: "a BHA level not the level", data: edited(t, s, levelCO, `"code":"3.1"}}]},{"linkId":"given"`), ck: ck,
			want: []wantErr{{"item[12]: impossible: not the Colorado BHA level of the recommended level", fhir.ErrImpossible}}},
		{name: "a BHA level of no level of ours", data: edited(t, s, levelCO, `"code":"DA"}}]},{"linkId":"given"`), ck: ck,
			want: []wantErr{{"item[12]: impossible: a Colorado BHA level that is no level of ours", fhir.ErrImpossible}}},
		{name: "a BHA level not in its system", data: edited(t, s, levelCO, `"code":"9.9"}}]},{"linkId":"given"`), ck: ck,
			want: []wantErr{{"item[12]: impossible: a code that is no Colorado BHA level", fhir.ErrImpossible}}},
		{name: "a level the checker does not recommend", data: edited(t, s, level, strings.Replace(level, `"2.1"`, `"2.5"`, 1), levelCO, `"code":"2.5"}}]},{"linkId":"given"`), ck: ck,
			want: []wantErr{{"item[11]: impossible: not the level the checker recommends for these answers", fhir.ErrImpossible}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeQuestionnaireResponse(tt.data, tt.ck)
			if tt.want != nil {
				requireFieldErrors(t, err, tt.want)
				assert.Equal(t, fhir.QuestionnaireResponse{}, got)
				assert.Nil(t, rep)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.got, got)
			assert.Equal(t, tt.rep, rep)
		})
	}

	// an assessment and a decision on another
	other := assessment(t, "A-2", iop.PopulationAdult, 1, 0, 1, 2, 2, 1)
	_, err := fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Assessment: other, Decision: v})
	requireFieldErrors(t, err, []wantErr{{"decision: impossible: a decision on another assessment", fhir.ErrImpossible}})
	_, err = fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Assessment: a})
	requireFieldErrors(t, err, []wantErr{{"patient: missing", iop.ErrMissing}})
}

// TestDecodeBundleEntryNotes: what an entry holds beside its resource is
// noted, by path only, and its fullUrl is not (it names the resource).
func TestDecodeBundleEntryNotes(t *testing.T) {
	ep, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: replay(t, "E1", fullEvents()[:2])})
	require.NoError(t, err)
	data := []byte(`{"resourceType":"Bundle","type":"transaction","entry":[{"id":"x1","fullUrl":"urn:uuid:Jane-Q-Secret",` +
		`"extension":[{"url":"http://example.org/a","valueString":"Jane Q Secret"}],"link":[{"relation":"self","url":"http://example.org/E1"}],` +
		`"search":{"mode":"match"},"request":{"method":"PUT","url":"EpisodeOfCare/E1"},"response":{"status":"200"},"resource":` + string(ep) + `}]}`)
	got, rep, err := fhir.DecodeBundle(data, fhir.BundleOptions{})
	require.NoError(t, err)
	require.Len(t, got.Episodes, 1)
	assert.Equal(t, fhir.Report{
		{Path: "entry[0].extension[0]", Kind: fhir.NoteKindExtension},
		{Path: "entry[0].id", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[0].link", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[0].request", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[0].response", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[0].search", Kind: fhir.NoteKindNotMapped},
	}, rep)
}
