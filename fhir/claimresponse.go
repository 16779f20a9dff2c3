package fhir

// This file is the one place the ClaimResponse mapping uses the
// library's authorization API.

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// The Da Vinci PAS canonical URLs and the X12 code systems the
// ClaimResponse mapping reads and writes (PAS STU 2, input/fsh/ClaimResponse.fsh
// and Quantity.fsh of github.com/HL7/davinci-pas).
const (
	pasBase = "http://hl7.org/fhir/us/davinci-pas/StructureDefinition/"
	// ExtPASReviewAction is PAS's reviewAction extension, on
	// ClaimResponse.item.adjudication: the payer's decision on the item.
	ExtPASReviewAction = pasBase + "extension-reviewAction"
	// ExtPASReviewActionCode is PAS's reviewActionCode extension, the
	// sub-extension of reviewAction holding the X12 HCR01 action code.
	ExtPASReviewActionCode = pasBase + "extension-reviewActionCode"
	// ExtPASItemPreAuthPeriod is PAS's itemPreAuthPeriod extension on
	// ClaimResponse.item: the days the item's authorization is valid.
	ExtPASItemPreAuthPeriod = pasBase + "extension-itemPreAuthPeriod"
	// ExtPASItemAuthorizedDetail is PAS's itemAuthorizedDetail extension
	// on ClaimResponse.item: what was authorized (code, revenue code,
	// quantity). R4's ClaimResponse.item has no element for them.
	ExtPASItemAuthorizedDetail = pasBase + "extension-itemAuthorizedDetail"
	// SystemX12Action is X12 element 306, the HCR01 action codes.
	SystemX12Action = "https://codesystem.x12.org/005010/306"
	// SystemX12Quantity is X12 element 673, the HSD01 quantity
	// qualifiers (the PASQuantity code's value set).
	SystemX12Quantity = "https://codesystem.x12.org/005010/673"
	// SystemNUBCRevenue is the NUBC revenue code system (PAS's
	// AHANUBCRevenueCodes value set).
	SystemNUBCRevenue = "https://www.nubc.org/CodeSystem/RevenueCodes"
	// ExtAuthorizedLevel is the extension of ours on ClaimResponse.item
	// that holds the level of care authorized ([SystemLevel] code): PAS
	// has no element for it.
	ExtAuthorizedLevel = Base + "/StructureDefinition/authorized-level"

	systemAdjudication = "http://terminology.hl7.org/CodeSystem/adjudication"
	systemClaimType    = "http://terminology.hl7.org/CodeSystem/claim-type"
	// the PAS examples of STU 1 wrote the 306 system over http
	systemX12ActionHTTP = "http://codesystem.x12.org/005010/306"
)

// ClaimResponse is a Da Vinci PAS ClaimResponse read as authorizations:
// one per item. It is safe for concurrent use as long as no one writes
// to it.
type ClaimResponse struct {
	// ID is the resource's id; empty when it has none.
	ID string
	// Created is when the payer wrote the response (ClaimResponse.created).
	Created time.Time
	// Authorizations are the items, in order: each has the response's
	// preAuthRef as Number, its insurer as Payer, its patient as Patient,
	// and the item's decision, period, quantity and codes.
	Authorizations []authorization.Authorization
}

// ClaimResponseOptions says how [DecodeClaimResponse] fills what a PAS
// ClaimResponse does not say.
type ClaimResponseOptions struct {
	// Level is the level of care authorized when an item has no
	// authorized-level extension of ours (PAS has no element for it).
	// Zero refuses such an item.
	Level iop.Level
}

// ErrNotCarried reports a field of an authorization that a PAS
// ClaimResponse has no element for (Requested, Expedited, PerWeek,
// NextReview, ReviewRequested): [EncodeClaimResponse] refuses it rather
// than drop it. It wraps [iop.ErrOutOfRange].
var ErrNotCarried = sentinel("not carried by a PAS ClaimResponse", iop.ErrOutOfRange)

// EncodeClaimResponse writes c as a PAS ClaimResponse (JSON): status
// active, use preauthorization, type institutional when an authorization
// lists revenue codes (else professional), outcome complete, created
// c.Created, preAuthRef the authorizations' number, insurer
// "Organization/" + payer, patient "Patient/" + patient; preAuthPeriod
// when every item has the same period, else an itemPreAuthPeriod
// extension on each item; per item: itemSequence from 1, an
// itemAuthorizedDetail extension (productOrServiceCode, one coding per
// code, CPT or HCPCS by its shape; revenue, one coding per revenue code;
// quantity with its X12 HSD01 code), our authorized-level extension, and
// one adjudication, category submitted, with a reviewAction extension
// holding the X12 HCR01 code.
//
// It refuses (as [iop.FieldErrors] under "authorizations[i]") an
// authorization that does not validate, a payer or patient ID that is
// no FHIR id ("Organization/" + payer and "Patient/" + patient are
// references), one whose number, payer or
// patient differs from the first's ([iop.ErrOrder]), a decision time
// other than Created (zero for a pended one) ([iop.ErrOrder]), a code
// that is neither CPT nor HCPCS by its shape and a quantity without a
// unit ([ErrNoMapping]: PAS could not say it), and a field PAS does not
// carry ([ErrNotCarried]); a zero Created or no authorization at all
// ([iop.ErrMissing]).
func EncodeClaimResponse(c ClaimResponse) ([]byte, error) {
	var errs iop.FieldErrors
	if c.Created.IsZero() {
		errs.Add("created", iop.ErrMissing)
	}
	if len(c.Authorizations) == 0 {
		errs.Add("authorizations", iop.ErrMissing)
	}
	if c.ID != "" {
		errs.Add("id", checkID(c.ID))
	}
	for i := range c.Authorizations {
		a := &c.Authorizations[i]
		at := "authorizations[" + strconv.Itoa(i) + "]"
		errs.Add(at, a.Validate())
		for _, id := range [...]struct{ name, id string }{{"payer", a.Payer}, {"patient", a.Patient}} {
			if iop.CheckID(id.id) == nil { // else Validate said why
				errs.Add(at+"."+id.name, checkID(id.id))
			}
		}
		first := &c.Authorizations[0]
		if a.Number != first.Number {
			errs.Add(at+".number", iop.ErrOrder)
		}
		if a.Payer != first.Payer {
			errs.Add(at+".payer", iop.ErrOrder)
		}
		if a.Patient != first.Patient {
			errs.Add(at+".patient", iop.ErrOrder)
		}
		if a.Action == authorization.ActionPended && !a.Decided.IsZero() ||
			a.Action != authorization.ActionPended && !a.Decided.Equal(c.Created) {
			errs.Add(at+".decided", iop.ErrOrder)
		}
		for j, code := range a.Codes {
			if _, ok := codeSystem(code); code != "" && !ok {
				errs.Add(at+".codes["+strconv.Itoa(j)+"]", ErrNoMapping)
			}
		}
		if a.Quantity != 0 && a.Unit == 0 {
			errs.Add(at+".unit", ErrNoMapping)
		}
		for _, f := range [...]struct {
			name string
			set  bool
		}{
			{"requested", !a.Requested.IsZero()}, {"expedited", a.Expedited}, {"per_week", a.PerWeek != 0},
			{"next_review", a.NextReview != 0}, {"review_requested", a.ReviewRequested != 0},
		} {
			if f.set {
				errs.Add(at+"."+f.name, ErrNotCarried)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	as := c.Authorizations
	shared := true
	institutional := false
	for i := range as {
		shared = shared && as[i].Effective == as[0].Effective && as[i].Expiration == as[0].Expiration
		institutional = institutional || as[i].Revenue != [4]string{}
	}
	claimType := "professional"
	if institutional {
		claimType = "institutional"
	}
	r := fm.ClaimResponse{
		Status:     fm.FinancialResourceStatusCodesActive,
		Type:       fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(systemClaimType), Code: ptr(claimType)}}},
		Use:        fm.UsePreauthorization,
		Patient:    patientRef(as[0].Patient),
		Created:    instantText(c.Created),
		Insurer:    fm.Reference{Reference: ptr("Organization/" + as[0].Payer)},
		Outcome:    fm.ClaimProcessingCodesComplete,
		PreAuthRef: ptr(as[0].Number),
	}
	if c.ID != "" {
		r.Id = ptr(c.ID)
	}
	if shared {
		r.PreAuthPeriod = &fm.Period{Start: ptr(dateText(as[0].Effective)), End: ptr(dateText(as[0].Expiration))}
	}
	for i := range as {
		a := &as[i]
		it := fm.ClaimResponseItem{ItemSequence: i + 1}
		if !shared {
			it.Extension = append(it.Extension, fm.Extension{Url: ExtPASItemPreAuthPeriod,
				ValuePeriod: &fm.Period{Start: ptr(dateText(a.Effective)), End: ptr(dateText(a.Expiration))}})
		}
		it.Extension = append(it.Extension, authorizedDetail(a))
		it.Extension = append(it.Extension, fm.Extension{Url: ExtAuthorizedLevel, ValueCode: ptr(a.Level.String())})
		it.Adjudication = []fm.ClaimResponseItemAdjudication{{
			Category: fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(systemAdjudication), Code: ptr("submitted")}}},
			Extension: []fm.Extension{{Url: ExtPASReviewAction, Extension: []fm.Extension{{
				Url:                  ExtPASReviewActionCode,
				ValueCodeableConcept: &fm.CodeableConcept{Coding: []fm.Coding{{System: ptr(SystemX12Action), Code: ptr(a.Action.X12())}}},
			}}}},
		}}
		r.Item = append(r.Item, it)
	}
	return json.Marshal(r)
}

// authorizedDetail writes the itemAuthorizedDetail extension of a.
func authorizedDetail(a *authorization.Authorization) fm.Extension {
	x := fm.Extension{Url: ExtPASItemAuthorizedDetail}
	var codes, revenue []fm.Coding
	for _, c := range a.Codes {
		if sys, ok := codeSystem(c); ok {
			codes = append(codes, fm.Coding{System: ptr(sys), Code: ptr(c)})
		}
	}
	for _, c := range a.Revenue {
		if c != "" {
			revenue = append(revenue, fm.Coding{System: ptr(SystemNUBCRevenue), Code: ptr(c)})
		}
	}
	if len(codes) > 0 {
		x.Extension = append(x.Extension, fm.Extension{Url: "productOrServiceCode", ValueCodeableConcept: &fm.CodeableConcept{Coding: codes}})
	}
	if len(revenue) > 0 {
		x.Extension = append(x.Extension, fm.Extension{Url: "revenue", ValueCodeableConcept: &fm.CodeableConcept{Coding: revenue}})
	}
	if a.Unit != 0 {
		v := json.Number(strconv.Itoa(a.Quantity))
		x.Extension = append(x.Extension, fm.Extension{Url: "quantity", ValueQuantity: &fm.Quantity{
			Value: &v, Unit: ptr(a.Unit.String()), System: ptr(SystemX12Quantity), Code: ptr(a.Unit.X12()),
		}})
	}
	return x
}

// DecodeClaimResponse reads a Da Vinci PAS ClaimResponse (JSON) as one
// authorization per item: every item carries its own decision (PAS puts
// the reviewAction on item.adjudication), and may carry its own period
// and quantity, so items are never merged, even when they share their
// terms.
//
// Each authorization has: Number the response's preAuthRef (required);
// Payer the ID of insurer.reference ("Organization/ID"; never a display
// name); Patient the ID of patient.reference ("Patient/ID"); Action the
// X12 HCR01 code of the item's reviewAction (in
// item.adjudication.extension, system X12 306 over https or http: A1, A2,
// A3, A4, A6, C, CT, NA); Effective and Expiration the item's
// itemPreAuthPeriod, else the response's preAuthPeriod (start and end
// both required, end the last day covered); Codes, Revenue, Quantity and
// Unit from the item's itemAuthorizedDetail (productOrServiceCode codings
// in CPT or HCPCS, revenue codings in NUBC, quantity a whole number with
// an X12 HSD01 code DY, VS, FL or HS); Level our authorized-level
// extension, else [ClaimResponseOptions.Level]; Decided created, which
// must be an instant with its offset (zero for a pended item).
//
// Refused: a status other than active (entered-in-error with
// [ErrEnteredInError]; draft and cancelled with [ErrNoMapping]), a use
// other than preauthorization ([ErrNoMapping]), a missing preAuthRef,
// period, item, reviewAction or action code ([iop.ErrMissing]), an
// unknown action or unit code ([iop.ErrUnknown]), two reviewActions on
// one item, or two itemPreAuthPeriod, itemAuthorizedDetail or
// authorized-level extensions ([iop.ErrDuplicate]), what the pre-pass refuses, and an
// authorization that does not validate (its field named under the item:
// "item[0].quantity"). Reported, not read: R4 elements the mapping does
// not read (identifier, requestor, request, addItem, item.noteNumber,
// item.detail, adjudication reason, amount and value, an outcome other
// than complete, a type other than professional or institutional, an adjudication
// without reviewAction), the reviewAction's number, reasonCode and
// secondSurgicalOpinionFlag, codings of other systems, and every other
// extension. Errors and notes hold paths, never input text.
func DecodeClaimResponse(data []byte, o ClaimResponseOptions) (ClaimResponse, Report, error) {
	var r fm.ClaimResponse
	rep, err := decodeResource(data, "ClaimResponse", &r,
		"id", "status", "type", "use", "patient", "created", "insurer", "outcome", "preAuthRef", "preAuthPeriod", "item", "extension")
	if err != nil {
		return ClaimResponse{}, nil, err
	}
	d := crDecoder{rep: rep}
	var out ClaimResponse
	if r.Id != nil {
		out.ID = *r.Id
		if !isFHIRID(out.ID) {
			d.errs.Add("id", iop.ErrSyntax)
		}
	}
	switch r.Status {
	case fm.FinancialResourceStatusCodesActive:
	case fm.FinancialResourceStatusCodesEnteredInError:
		d.errs.Add("status", ErrEnteredInError)
	default:
		d.errs.Add("status", ErrNoMapping)
	}
	if r.Use != fm.UsePreauthorization {
		d.errs.Add("use", ErrNoMapping)
	}
	if r.Outcome != fm.ClaimProcessingCodesComplete { // queued, partial, error: the items' decisions are what is read
		d.note("outcome", NoteKindNotMapped)
	}
	if len(r.Type.Coding) != 1 || r.Type.Text != nil || !isCoding(r.Type.Coding[0], systemClaimType, "professional") && !isCoding(r.Type.Coding[0], systemClaimType, "institutional") {
		d.note("type", NoteKindNotMapped)
	}
	var number string
	if r.PreAuthRef == nil {
		d.errs.Add("preAuthRef", iop.ErrMissing)
	} else if err := iop.CheckID(*r.PreAuthRef); err != nil {
		d.errs.Add("preAuthRef", plainID(err))
	} else {
		number = *r.PreAuthRef
	}
	patient, err := readRef(&r.Patient, "Patient/")
	d.errs.Add("patient.reference", err)
	payer, err := readRef(&r.Insurer, "Organization/")
	d.errs.Add("insurer.reference", err)
	created, err := instantOf(r.Created)
	d.errs.Add("created", err)
	out.Created = created
	for i := range r.Extension {
		d.rep = append(d.rep, Note{Path: "extension[" + strconv.Itoa(i) + "]", Kind: NoteKindExtension})
	}
	if len(r.Item) == 0 {
		d.errs.Add("item", iop.ErrMissing)
	}
	for i := range r.Item {
		a := d.item(&r.Item[i], "item["+strconv.Itoa(i)+"]", r.PreAuthPeriod, o)
		a.Number, a.Payer, a.Patient = number, payer, patient
		if a.Action != authorization.ActionPended {
			a.Decided = created
		}
		out.Authorizations = append(out.Authorizations, a)
	}
	if len(d.errs) > 0 {
		return ClaimResponse{}, nil, d.errs
	}
	for i := range out.Authorizations {
		d.errs.Add("item["+strconv.Itoa(i)+"]", out.Authorizations[i].Validate())
	}
	if len(d.errs) > 0 {
		return ClaimResponse{}, nil, d.errs
	}
	d.rep.sort()
	return out, d.rep, nil
}

// crDecoder gathers the errors and notes of one ClaimResponse.
type crDecoder struct {
	errs iop.FieldErrors
	rep  Report
}

func (d *crDecoder) note(path string, k NoteKind) { d.rep = append(d.rep, Note{Path: path, Kind: k}) }

// item reads one item; errors go to d.errs under at.
func (d *crDecoder) item(it *fm.ClaimResponseItem, at string, period *fm.Period, o ClaimResponseOptions) authorization.Authorization {
	a := authorization.Authorization{Level: o.Level}
	if it.NoteNumber != nil {
		d.note(at+".noteNumber", NoteKindNotMapped)
	}
	if it.Detail != nil {
		d.note(at+".detail", NoteKindNotMapped)
	}
	periodAt := "preAuthPeriod"
	seen := map[string]bool{}
	for j, x := range it.Extension {
		xat := at + ".extension[" + strconv.Itoa(j) + "]"
		switch x.Url {
		case ExtPASItemPreAuthPeriod, ExtPASItemAuthorizedDetail, ExtAuthorizedLevel:
			if seen[x.Url] { // two periods, details or levels for one item: which one?
				d.errs.Add(xat, iop.ErrDuplicate)
				continue
			}
			seen[x.Url] = true
		}
		switch x.Url {
		case ExtPASItemPreAuthPeriod:
			if x.ValuePeriod == nil {
				d.errs.Add(xat+".valuePeriod", iop.ErrMissing)
				continue
			}
			period, periodAt = x.ValuePeriod, xat+".valuePeriod"
		case ExtPASItemAuthorizedDetail:
			d.detail(&x, xat, &a)
		case ExtAuthorizedLevel:
			if err := textInto(x.ValueCode, &a.Level); err != nil {
				d.errs.Add(xat+".valueCode", err)
			}
		default:
			d.note(xat, NoteKindExtension)
		}
	}
	var perr iop.FieldErrors
	if period == nil {
		perr.Add(periodAt, iop.ErrMissing)
	} else {
		perr.Add(periodAt+".start", dateInto(period.Start, &a.Effective))
		perr.Add(periodAt+".end", dateInto(period.End, &a.Expiration))
	}
	for _, e := range perr { // the response's period is reported once, not per item
		if periodAt != "preAuthPeriod" || !slices.ContainsFunc(d.errs, func(f *iop.FieldError) bool { return f.Field == e.Field }) {
			d.errs = append(d.errs, e)
		}
	}
	found := false
	for j, adj := range it.Adjudication {
		jat := at + ".adjudication[" + strconv.Itoa(j) + "]"
		review := -1
		for k, x := range adj.Extension {
			if x.Url != ExtPASReviewAction {
				d.note(jat+".extension["+strconv.Itoa(k)+"]", NoteKindExtension)
				continue
			}
			if review >= 0 || found {
				d.errs.Add(jat+".extension["+strconv.Itoa(k)+"]", iop.ErrDuplicate)
				continue
			}
			review = k
		}
		if review < 0 {
			d.note(jat, NoteKindNotMapped)
			continue
		}
		found = true
		if adj.Reason != nil {
			d.note(jat+".reason", NoteKindNotMapped)
		}
		if adj.Amount != nil {
			d.note(jat+".amount", NoteKindNotMapped)
		}
		if adj.Value != nil {
			d.note(jat+".value", NoteKindNotMapped)
		}
		d.reviewAction(&adj.Extension[review], jat+".extension["+strconv.Itoa(review)+"]", &a)
	}
	if !found {
		d.errs.Add(at+".adjudication", iop.ErrMissing)
	}
	return a
}

// reviewAction reads PAS's reviewAction extension: its code is the
// action.
func (d *crDecoder) reviewAction(x *fm.Extension, at string, a *authorization.Authorization) {
	seen := false
	for k, s := range x.Extension {
		sat := at + ".extension[" + strconv.Itoa(k) + "]"
		switch s.Url {
		case ExtPASReviewActionCode, "code":
			if seen {
				d.errs.Add(sat, iop.ErrDuplicate)
				continue
			}
			seen = true
			code, cat, ok := codingOf(s.ValueCodeableConcept, SystemX12Action, systemX12ActionHTTP)
			if !ok {
				d.errs.Add(sat+".valueCodeableConcept", iop.ErrMissing)
				continue
			}
			act, ok := actionOfX12(code)
			if !ok {
				d.errs.Add(sat+".valueCodeableConcept."+cat+".code", iop.ErrUnknown)
				continue
			}
			a.Action = act
		case "number", "reasonCode", "secondSurgicalOpinionFlag":
			d.note(sat, NoteKindNotMapped)
		default:
			d.note(sat, NoteKindExtension)
		}
	}
	if !seen {
		d.errs.Add(at+".extension", iop.ErrMissing)
	}
}

// detail reads PAS's itemAuthorizedDetail extension.
func (d *crDecoder) detail(x *fm.Extension, at string, a *authorization.Authorization) {
	seen := map[string]bool{}
	for k, s := range x.Extension {
		sat := at + ".extension[" + strconv.Itoa(k) + "]"
		if seen[s.Url] {
			d.errs.Add(sat, iop.ErrDuplicate)
			continue
		}
		seen[s.Url] = true
		switch s.Url {
		case "productOrServiceCode":
			d.codings(s.ValueCodeableConcept, sat+".valueCodeableConcept", a.Codes[:], func(sys string) bool {
				return sys == SystemCPT || slices.Contains(hcpcsSystems, sys)
			})
		case "revenue":
			d.codings(s.ValueCodeableConcept, sat+".valueCodeableConcept", a.Revenue[:], func(sys string) bool { return sys == SystemNUBCRevenue })
		case "quantity":
			q := s.ValueQuantity
			if q == nil {
				d.errs.Add(sat+".valueQuantity", iop.ErrMissing)
				continue
			}
			qat := sat + ".valueQuantity"
			if q.Comparator != nil {
				d.errs.Add(qat+".comparator", ErrNoMapping)
			}
			if q.Value == nil {
				d.errs.Add(qat+".value", iop.ErrMissing)
			} else if n, err := wholeNumber(string(*q.Value)); err != nil {
				d.errs.Add(qat+".value", err)
			} else {
				a.Quantity = n
			}
			switch {
			case q.Code == nil || q.System == nil:
				d.errs.Add(qat+".code", iop.ErrMissing)
			case *q.System != SystemX12Quantity:
				d.errs.Add(qat+".system", ErrNoMapping)
			default:
				u, ok := unitOfX12(*q.Code)
				if !ok {
					d.errs.Add(qat+".code", iop.ErrUnknown)
				}
				a.Unit = u
			}
		default:
			d.note(sat, NoteKindNotMapped)
		}
	}
}

// codings copies the codes of cc whose system ok accepts into dst, in
// order; others are noted. More codes than dst holds are refused.
func (d *crDecoder) codings(cc *fm.CodeableConcept, at string, dst []string, ok func(string) bool) {
	if cc == nil {
		d.errs.Add(at, iop.ErrMissing)
		return
	}
	n := 0
	for i, c := range cc.Coding {
		cat := at + ".coding[" + strconv.Itoa(i) + "]"
		if c.System == nil || !ok(*c.System) {
			d.note(cat, NoteKindNotMapped)
			continue
		}
		if c.Code == nil {
			d.errs.Add(cat+".code", iop.ErrMissing)
			continue
		}
		if n == len(dst) {
			d.errs.Add(cat, iop.ErrOutOfRange)
			continue
		}
		dst[n] = *c.Code
		n++
	}
	if cc.Text != nil {
		d.note(at+".text", NoteKindNotMapped)
	}
}

// codingOf finds the first coding of cc in one of systems: its code and
// its path ("coding[1]").
func codingOf(cc *fm.CodeableConcept, systems ...string) (code, at string, ok bool) {
	if cc == nil {
		return "", "", false
	}
	for i, c := range cc.Coding {
		if c.System != nil && c.Code != nil && slices.Contains(systems, *c.System) {
			return *c.Code, "coding[" + strconv.Itoa(i) + "]", true
		}
	}
	return "", "", false
}

func actionOfX12(code string) (authorization.Action, bool) {
	for a := authorization.Action(1); a.IsValid(); a++ {
		if a.X12() == code {
			return a, true
		}
	}
	return 0, false
}

func unitOfX12(code string) (authorization.QuantityUnit, bool) {
	for u := authorization.QuantityUnit(1); u.IsValid(); u++ {
		if u.X12() == code {
			return u, true
		}
	}
	return 0, false
}

// wholeNumber reads a FHIR decimal that is a whole number of at most
// seven digits, in any form R4 allows ("10", "10.0", "1e1"): a fraction,
// a negative value and eight digits are [iop.ErrOutOfRange].
func wholeNumber(s string) (int, error) {
	n, err := wholeDecimal(s, 7)
	return int(n), err
}

// readRef reads the ID of a reference "Type/ID"; never its display.
func readRef(ref *fm.Reference, typ string) (string, error) {
	if ref.Reference == nil {
		return "", iop.ErrMissing
	}
	id, ok := strings.CutPrefix(*ref.Reference, typ)
	if !ok || !isFHIRID(id) {
		return "", iop.ErrSyntax
	}
	return id, nil
}

// plainID keeps the sentinel of an iop.CheckID error.
func plainID(err error) error {
	if err == nil {
		return nil
	}
	return plain(err)
}
