package fhir_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var decided = time.Date(2026, 1, 5, 16, 2, 0, 0, time.UTC)

// authz is a certified 12-day authorization of S9480 under revenue code 0905.
func authz() authorization.Authorization {
	return authorization.Authorization{
		Number: "AUTH0001", Payer: "InsurerExample", Patient: "P1", Level: iop.Level21,
		Codes: [8]string{"S9480"}, Revenue: [4]string{"0905"}, Quantity: 12, Unit: authorization.QuantityUnitDays,
		Effective: day("2026-01-06"), Expiration: day("2026-02-02"), Action: authorization.ActionCertified, Decided: decided,
	}
}

func TestClaimResponseRoundTrip(t *testing.T) {
	with := func(f func(a *authorization.Authorization)) authorization.Authorization {
		a := authz()
		f(&a)
		return a
	}
	tests := []struct {
		name string
		as   []authorization.Authorization
	}{
		{"certified-days", []authorization.Authorization{authz()}},
		{"visits-cpt-no-revenue", []authorization.Authorization{with(func(a *authorization.Authorization) {
			a.Codes, a.Revenue, a.Unit, a.Quantity = [8]string{"90853", "H0015"}, [4]string{}, authorization.QuantityUnitVisits, 6
		})}},
		{"units-revenue-only", []authorization.Authorization{with(func(a *authorization.Authorization) {
			a.Codes, a.Revenue, a.Unit, a.Quantity = [8]string{}, [4]string{"0905", "0906"}, authorization.QuantityUnitUnits, 48
		})}},
		{"hours-php", []authorization.Authorization{with(func(a *authorization.Authorization) {
			a.Level, a.Unit, a.Quantity = iop.Level25, authorization.QuantityUnitHours, 120
		})}},
		{"partial-modified", []authorization.Authorization{
			with(func(a *authorization.Authorization) { a.Action = authorization.ActionPartial }),
			with(func(a *authorization.Authorization) {
				a.Action, a.Codes = authorization.ActionModified, [8]string{"90853"}
			}),
		}},
		{"items-with-their-own-periods", []authorization.Authorization{
			authz(),
			with(func(a *authorization.Authorization) {
				a.Codes, a.Expiration = [8]string{"90853"}, day("2026-01-19")
			}),
		}},
		{"pended-denied-cancelled", []authorization.Authorization{
			with(func(a *authorization.Authorization) {
				a.Action, a.Decided, a.Quantity, a.Unit = authorization.ActionPended, time.Time{}, 0, 0
			}),
			with(func(a *authorization.Authorization) {
				a.Action, a.Codes = authorization.ActionNotCertified, [8]string{"90853"}
			}),
			with(func(a *authorization.Authorization) {
				a.Action, a.Codes = authorization.ActionCancelled, [8]string{"H0015"}
			}),
		}},
		{"contact-payer-not-required", []authorization.Authorization{
			with(func(a *authorization.Authorization) { a.Action = authorization.ActionContactPayer }),
			with(func(a *authorization.Authorization) {
				a.Action, a.Codes, a.Quantity, a.Unit = authorization.ActionNotRequired, [8]string{"90853"}, 0, 0
			}),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := fhir.ClaimResponse{ID: "CR1", Created: decided, Authorizations: tt.as}
			data, err := fhir.EncodeClaimResponse(c)
			require.NoError(t, err)
			keep("claimresponse-"+tt.name+".json", data)
			got, rep, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{})
			require.NoError(t, err)
			assert.Empty(t, rep)
			assert.Equal(t, c, got)
		})
	}
}

func TestEncodeClaimResponseShape(t *testing.T) {
	data, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided, Authorizations: []authorization.Authorization{authz()}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"resourceType":"ClaimResponse","status":"active",
	 "type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"institutional"}]},
	 "use":"preauthorization","patient":{"reference":"Patient/P1"},"created":"2026-01-05T16:02:00Z",
	 "insurer":{"reference":"Organization/InsurerExample"},"outcome":"complete","preAuthRef":"AUTH0001",
	 "preAuthPeriod":{"start":"2026-01-06","end":"2026-02-02"},
	 "item":[{"itemSequence":1,
	   "extension":[
	    {"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemAuthorizedDetail","extension":[
	      {"url":"productOrServiceCode","valueCodeableConcept":{"coding":[{"system":"http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets","code":"S9480"}]}},
	      {"url":"revenue","valueCodeableConcept":{"coding":[{"system":"https://www.nubc.org/CodeSystem/RevenueCodes","code":"0905"}]}},
	      {"url":"quantity","valueQuantity":{"value":12,"unit":"days","system":"https://codesystem.x12.org/005010/673","code":"DY"}}]},
	    {"url":"https://ioprules.github.io/fhir/StructureDefinition/authorized-level","valueCode":"2.1"}],
	   "adjudication":[{"category":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adjudication","code":"submitted"}]},
	     "extension":[{"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction","extension":[
	       {"url":"http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode",
	        "valueCodeableConcept":{"coding":[{"system":"https://codesystem.x12.org/005010/306","code":"A1"}]}}]}]}]}]}`, string(data))
}

func TestEncodeClaimResponseRefuses(t *testing.T) {
	other := authz()
	other.Payer, other.Expedited, other.Decided = "Other", true, decided.Add(time.Hour)
	bad := authz()
	bad.Quantity = 0
	_, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Authorizations: []authorization.Authorization{authz(), other, bad}})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	var got []string
	for _, fe := range fes {
		got = append(got, fe.Field)
	}
	assert.Equal(t, []string{"created", "authorizations[0].decided", "authorizations[1].payer", "authorizations[1].decided",
		"authorizations[1].expedited", "authorizations[2].quantity", "authorizations[2].decided"}, got)
	require.ErrorIs(t, err, fhir.ErrNotCarried)
}

func TestEncodeClaimResponseRefusesWhatPASCannotSay(t *testing.T) {
	letters := authz()
	letters.Codes = [8]string{"S9480", "ABCDE"}
	unitless := authz()
	unitless.Action, unitless.Unit = authorization.ActionNotCertified, 0
	_, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided, Authorizations: []authorization.Authorization{letters, unitless}})
	require.ErrorIs(t, err, fhir.ErrNoMapping)
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	require.Len(t, fes, 2)
	assert.Equal(t, "authorizations[0].codes[1]", fes[0].Field)
	assert.Equal(t, "authorizations[1].unit", fes[1].Field)
}

// TestDecodePASExample reads a ClaimResponse written from the PAS IG's
// ReferralAuthorizationResponseExample, made an IOP authorization: items
// with and without their own period, a partial certification, PAS
// extensions the mapping does not read, names in display and narrative
// fields, a primitive extension and an unknown element.
func TestDecodePASExample(t *testing.T) {
	data, err := os.ReadFile("testdata/pas-claimresponse.json")
	require.NoError(t, err)
	got, rep, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{Level: iop.Level21})
	require.NoError(t, err)
	created := time.Date(2026, 1, 5, 11, 2, 0, 0, time.FixedZone("", -5*3600))
	require.Len(t, got.Authorizations, 2)
	assert.True(t, got.Created.Equal(created))
	assert.True(t, got.Authorizations[0].Decided.Equal(created))
	got.Created = time.Time{}
	for i := range got.Authorizations {
		got.Authorizations[i].Decided = time.Time{}
	}
	base := authorization.Authorization{Number: "AUTH0001", Payer: "InsurerExample", Patient: "SubscriberExample", Level: iop.Level21}
	first, second := base, base
	first.Codes, first.Revenue, first.Quantity, first.Unit = [8]string{"S9480"}, [4]string{"0905"}, 12, authorization.QuantityUnitDays
	first.Effective, first.Expiration, first.Action = day("2026-01-06"), day("2026-02-02"), authorization.ActionPartial
	second.Codes, second.Quantity, second.Unit = [8]string{"90853"}, 6, authorization.QuantityUnitVisits
	second.Effective, second.Expiration, second.Action = day("2026-01-06"), day("2026-01-19"), authorization.ActionCertified
	assert.Equal(t, fhir.ClaimResponse{ID: "IOPAuthorizationResponse", Authorizations: []authorization.Authorization{first, second}}, got)
	assert.Equal(t, fhir.Report{
		{Path: "#19", Kind: fhir.NoteKindUnknownElement},
		{Path: "_status", Kind: fhir.NoteKindPrimitiveExtension},
		{Path: "extension[0]", Kind: fhir.NoteKindExtension},
		{Path: "identifier", Kind: fhir.NoteKindNotMapped},
		{Path: "item[0].adjudication[0].extension[0].extension[0]", Kind: fhir.NoteKindNotMapped},
		{Path: "item[0].extension[0]", Kind: fhir.NoteKindExtension},
		{Path: "item[0].extension[1]", Kind: fhir.NoteKindExtension},
		{Path: "item[1].adjudication[0].extension[0].extension[1]", Kind: fhir.NoteKindNotMapped},
		{Path: "item[1].noteNumber", Kind: fhir.NoteKindNotMapped},
		{Path: "meta", Kind: fhir.NoteKindNotMapped},
		{Path: "processNote", Kind: fhir.NoteKindNotMapped},
		{Path: "request", Kind: fhir.NoteKindNotMapped},
		{Path: "requestor", Kind: fhir.NoteKindNotMapped},
	}, rep)
	for _, n := range rep {
		assert.NotContains(t, n.Path, "Secret")
	}
}

func TestDecodeClaimResponseRefuses(t *testing.T) {
	example, err := os.ReadFile("testdata/pas-claimresponse.json")
	require.NoError(t, err)
	edit := func(old, new string) []byte {
		require.Contains(t, string(example), old)
		return []byte(strings.Replace(string(example), old, new, 1))
	}
	review := `"code": "A2", "display": "Certified - Partial"`
	tests := []struct {
		name string
		data []byte
		opts fhir.ClaimResponseOptions
		want error
		at   string
	}{
		{"missing preAuthRef", edit(`"preAuthRef": "AUTH0001",`, ""), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "preAuthRef"},
		{"preAuthRef not an ID", edit(`"preAuthRef": "AUTH0001"`, `"preAuthRef": "Jane Q Secret\u0007"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrSyntax, "preAuthRef"},
		{"unknown action code", edit(review, `"code": "Z9"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrUnknown,
			"item[0].adjudication[0].extension[0].extension[1].valueCodeableConcept.coding[0].code"},
		{"action code of another system", edit(`"https://codesystem.x12.org/005010/306", `+review, `"http://example.org/306", `+review), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing,
			"item[0].adjudication[0].extension[0].extension[1].valueCodeableConcept"},
		{"no reviewAction", edit(`"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction", "extension": [
          {"url": "number"`, `"url": "http://example.org/other", "extension": [
          {"url": "number"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "item[0].adjudication"},
		{"no level", example, fhir.ClaimResponseOptions{}, iop.ErrMissing, "item[0].level,item[1].level"},
		{"unknown unit", edit(`"code": "DY"`, `"code": "MJ"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrUnknown,
			"item[0].extension[2].extension[2].valueQuantity.code"},
		{"fractional quantity", edit(`"value": 12,`, `"value": 12.5,`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrOutOfRange,
			"item[0].extension[2].extension[2].valueQuantity.value"},
		{"no period", edit(`"preAuthPeriod": {"start": "2026-01-06", "end": "2026-02-02"},`, ""), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "preAuthPeriod"},
		{"period without end", edit(`"start": "2026-01-06", "end": "2026-02-02"`, `"start": "2026-01-06"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "preAuthPeriod.end"},
		{"day that does not exist", edit(`"end": "2026-02-02"`, `"end": "2026-02-30"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrInvalidDate, "preAuthPeriod.end"},
		{"created without a time", edit(`"2026-01-05T11:02:00-05:00"`, `"2026-01-05"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrInvalidDate, "created"},
		{"insurer by name only", edit(`"reference": "Organization/InsurerExample", `, ""), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "insurer.reference"},
		{"entered in error", edit(`"status": "active"`, `"status": "entered-in-error"`), fhir.ClaimResponseOptions{Level: iop.Level21}, fhir.ErrEnteredInError, "status"},
		{"a claim, not a preauthorization", edit(`"use": "preauthorization"`, `"use": "claim"`), fhir.ClaimResponseOptions{Level: iop.Level21}, fhir.ErrNoMapping, "use"},
		{"missing status", edit(`"status": "active",`, ""), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "status"},
		{"no period for either item", []byte(strings.Replace(string(edit(`{"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-itemPreAuthPeriod", "valuePeriod": {"start": "2026-01-06", "end": "2026-01-19"}},`, "")),
			`"preAuthPeriod": {"start": "2026-01-06", "end": "2026-02-02"},`, "", 1)),
			fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrMissing, "preAuthPeriod"},
		{"two reviewActions", edit(`"extension": [{"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction", "extension": [
          {"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode"`, `"extension": [{"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction", "extension": [{"url": "number", "valueString": "X"}]},
          {"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewAction", "extension": [
          {"url": "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/extension-reviewActionCode"`), fhir.ClaimResponseOptions{Level: iop.Level21}, iop.ErrDuplicate,
			"item[1].adjudication[0].extension[1],item[1].adjudication[0].extension[0].extension"},
		{"modifier extension", edit(`"itemSequence": 1,`, `"itemSequence": 1, "modifierExtension": [{"url": "http://example.org/m", "valueBoolean": true}],`),
			fhir.ClaimResponseOptions{Level: iop.Level21}, fhir.ErrModifierExtension, "item[0].modifierExtension"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fhir.DecodeClaimResponse(tt.data, tt.opts)
			require.ErrorIs(t, err, tt.want)
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			var at []string
			for _, fe := range fes {
				at = append(at, fe.Field)
			}
			assert.Equal(t, tt.at, strings.Join(at, ","))
			assert.NotContains(t, err.Error(), "Secret")
		})
	}
}

// TestClaimResponseActions reads every X12 HCR01 code the mapping knows,
// over https and over the http system of the PAS STU 1 examples.
func TestClaimResponseActions(t *testing.T) {
	for _, a := range []authorization.Action{
		authorization.ActionCertified, authorization.ActionPartial, authorization.ActionNotCertified, authorization.ActionPended,
		authorization.ActionModified, authorization.ActionCancelled, authorization.ActionContactPayer, authorization.ActionNotRequired,
	} {
		t.Run(a.X12(), func(t *testing.T) {
			x := authz()
			x.Action = a
			if a == authorization.ActionPended {
				x.Decided = time.Time{}
			}
			data, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided, Authorizations: []authorization.Authorization{x}})
			require.NoError(t, err)
			for _, sys := range []string{"https", "http"} {
				in := strings.Replace(string(data), "https://codesystem.x12.org/005010/306", sys+"://codesystem.x12.org/005010/306", 1)
				got, _, err := fhir.DecodeClaimResponse([]byte(in), fhir.ClaimResponseOptions{})
				require.NoError(t, err)
				require.Len(t, got.Authorizations, 1)
				assert.Equal(t, x, got.Authorizations[0])
			}
		})
	}
}

// TestDecodePASResponseBundle reads a PAS response Bundle (the
// ClaimResponse first, then the insurer and the patient), as
// ReferralAuthorizationResponseBundleExample of the IG has it.
func TestDecodePASResponseBundle(t *testing.T) {
	cr, err := os.ReadFile("testdata/pas-claimresponse.json")
	require.NoError(t, err)
	data := []byte(`{"resourceType":"Bundle","type":"collection","timestamp":"2026-01-05T11:02:00-05:00","entry":[
	 {"fullUrl":"http://example.org/fhir/ClaimResponse/IOPAuthorizationResponse","resource":` + string(cr) + `},
	 {"fullUrl":"http://example.org/fhir/Organization/InsurerExample","resource":{"resourceType":"Organization","id":"InsurerExample","name":"Jane Q Secret"}},
	 {"fullUrl":"http://example.org/fhir/Patient/SubscriberExample","resource":{"resourceType":"Patient","id":"SubscriberExample","name":[{"family":"Jane Q Secret"}]}}]}`)
	b, rep, err := fhir.DecodeBundle(data, fhir.BundleOptions{ClaimResponse: fhir.ClaimResponseOptions{Level: iop.Level21}})
	require.NoError(t, err)
	alone, alonerep, err := fhir.DecodeClaimResponse(cr, fhir.ClaimResponseOptions{Level: iop.Level21})
	require.NoError(t, err)
	assert.Equal(t, []fhir.ClaimResponse{alone}, b.ClaimResponses)
	want := fhir.Report{}
	for _, n := range alonerep {
		want = append(want, fhir.Note{Path: "entry[0].resource." + n.Path, Kind: n.Kind})
	}
	want = append(want, fhir.Note{Path: "entry[1].resource", Kind: fhir.NoteKindNotMapped}, fhir.Note{Path: "entry[2].resource", Kind: fhir.NoteKindNotMapped},
		fhir.Note{Path: "timestamp", Kind: fhir.NoteKindNotMapped})
	assert.Equal(t, want, rep)

	_, _, err = fhir.DecodeBundle([]byte(strings.Replace(string(data), `"preAuthRef": "AUTH0001",`, "", 1)), fhir.BundleOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Equal(t, "entry[0].resource.preAuthRef", fes[0].Field)
}

// TestClaimResponseCreatedFraction: created is a FHIR instant, which may
// hold a fraction of a second; it reads back the same instant (the
// fraction was dropped on the way out, so the decision time read back was
// another than the one encoded).
func TestClaimResponseCreatedFraction(t *testing.T) {
	for _, created := range []time.Time{
		decided.Add(250 * time.Millisecond),
		decided.Add(123456789 * time.Nanosecond).In(time.FixedZone("", -7*3600)),
		decided,
	} {
		a := authz()
		a.Decided = created
		data, err := fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: created, Authorizations: []authorization.Authorization{a}})
		require.NoError(t, err)
		got, _, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{})
		require.NoError(t, err)
		require.Len(t, got.Authorizations, 1)
		assert.True(t, got.Created.Equal(created), "created %v read back %v", created, got.Created)
		assert.True(t, got.Authorizations[0].Decided.Equal(created), "decided %v read back %v", created, got.Authorizations[0].Decided)
	}
}
