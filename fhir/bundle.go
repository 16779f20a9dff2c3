package fhir

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// BundleOptions says how [DecodeBundle] reads the resources of a bundle.
type BundleOptions struct {
	// Location is the program's time zone, for Encounters; required when
	// the bundle holds one.
	Location *time.Location
	// Episode fills what an EHR's EpisodeOfCare does not say.
	Episode EpisodeOptions
	// Checker, unless it is the zero Checker, decides each
	// QuestionnaireResponse that answers a level
	// ([DecodeQuestionnaireResponse]).
	Checker eligibility.Checker
	// ClaimResponse fills what a PAS ClaimResponse does not say.
	ClaimResponse ClaimResponseOptions
}

// Bundle is what [DecodeBundle] read from a bundle, each kind of record in
// the order of the entries.
type Bundle struct {
	Episodes   []EpisodeOfCare
	Encounters []Encounter
	Responses  []QuestionnaireResponse
	Groups     []group.Meeting
	// ClaimResponses are the Da Vinci PAS ClaimResponses, as
	// [DecodeClaimResponse] reads them.
	ClaimResponses []ClaimResponse
}

// DecodeBundle reads the EpisodeOfCare, Encounter, QuestionnaireResponse,
// Group and ClaimResponse (Da Vinci PAS) resources of an R4 Bundle (JSON)
// of any type (a PAS response Bundle among them), each as its own
// decoder does; an Encounter that names a Group (this module's group
// extension) is read with that Group. Every other resource (Patient,
// Organization, Condition, ...) is reported as not mapped, at
// "entry[i].resource", and each resource's notes come back prefixed with
// its entry's path. What an entry holds beside its resource is noted too
// (its search, request, response, link, id and extensions), but for its
// fullUrl, which names the resource whose own id is read. Two Groups of one id are refused ([iop.ErrDuplicate]
// at the second's id): the Encounters name a Group by its id. A resource refused refuses the bundle, with the errors
// under its entry's path: the import is all or nothing.
func DecodeBundle(data []byte, o BundleOptions) (Bundle, Report, error) {
	var b fm.Bundle
	rep, err := decodeResource(data, "Bundle", &b, "type", "entry")
	if err != nil {
		return Bundle{}, nil, err
	}
	var (
		out    Bundle
		errs   iop.FieldErrors
		groups = map[string]*GroupSession{}
		order  []string
		gat    = map[string]string{}
		encAt  = map[string]string{} // the first Encounter of each Group
	)
	note := func(at string, r Report) {
		for _, n := range r {
			rep = append(rep, Note{Path: at + "." + n.Path, Kind: n.Kind})
		}
	}
	group := func(id string) *GroupSession {
		if g, ok := groups[id]; ok {
			return g
		}
		g := &GroupSession{}
		groups[id] = g
		order = append(order, id)
		return g
	}
	for i, e := range b.Entry {
		ent := "entry[" + strconv.Itoa(i) + "]"
		at := ent + ".resource"
		rep = entryNotes(rep, ent, &e)
		if len(e.Resource) == 0 {
			rep = append(rep, Note{Path: ent, Kind: NoteKindNotMapped})
			continue
		}
		var head struct {
			ResourceType string `json:"resourceType"`
			ID           string `json:"id"`
		}
		_ = json.Unmarshal(e.Resource, &head)
		switch head.ResourceType {
		case "EpisodeOfCare":
			ep, r, err := DecodeEpisode(e.Resource, o.Episode)
			if err != nil {
				errs.Add(at, err)
				continue
			}
			note(at, r)
			out.Episodes = append(out.Episodes, ep)
		case "Encounter":
			if id, ok := groupOf(e.Resource); ok {
				g := group(id)
				g.Encounters = append(g.Encounters, e.Resource)
				if _, ok := encAt[id]; !ok {
					encAt[id] = at
				}
				continue
			}
			enc, r, err := DecodeEncounter(e.Resource, o.Location)
			if err != nil {
				errs.Add(at, err)
				continue
			}
			note(at, r)
			out.Encounters = append(out.Encounters, enc)
		case "QuestionnaireResponse":
			q, r, err := DecodeQuestionnaireResponse(e.Resource, o.Checker)
			if err != nil {
				errs.Add(at, err)
				continue
			}
			note(at, r)
			out.Responses = append(out.Responses, q)
		case "ClaimResponse":
			c, r, err := DecodeClaimResponse(e.Resource, o.ClaimResponse)
			if err != nil {
				errs.Add(at, err)
				continue
			}
			note(at, r)
			out.ClaimResponses = append(out.ClaimResponses, c)
		case "Group":
			if _, dup := gat[head.ID]; dup { // which one to read? neither is dropped unsaid
				errs.Add(at+".id", iop.ErrDuplicate)
				continue
			}
			g := group(head.ID)
			g.Group = e.Resource
			gat[head.ID] = at
		default:
			rep = append(rep, Note{Path: at, Kind: NoteKindNotMapped})
		}
	}
	for _, id := range order {
		at, ok := gat[id]
		if !ok {
			errs.Add(encAt[id], errNoGroup)
			continue
		}
		s, r, err := DecodeGroup(*groups[id])
		if err != nil {
			errs.Add(at, err)
			continue
		}
		note(at, r)
		out.Groups = append(out.Groups, s)
	}
	if len(errs) > 0 {
		return Bundle{}, nil, errs
	}
	rep.sort()
	return out, rep, nil
}

// entryNotes appends the notes of what an entry holds beside its
// resource and fullUrl: its element id, link, search, request and
// response (R4 elements the mapping does not read) and extensions of
// others. A request is only noted: an entry's resource is read whatever
// the method a transaction would apply to it.
func entryNotes(rep Report, ent string, e *fm.BundleEntry) Report {
	if e.Id != nil {
		rep = append(rep, Note{Path: ent + ".id", Kind: NoteKindNotMapped})
	}
	for j := range e.Extension {
		rep = append(rep, Note{Path: ent + ".extension[" + strconv.Itoa(j) + "]", Kind: NoteKindExtension})
	}
	for _, el := range []struct {
		name string
		set  bool
	}{{"link", len(e.Link) > 0}, {"search", e.Search != nil}, {"request", e.Request != nil}, {"response", e.Response != nil}} {
		if el.set {
			rep = append(rep, Note{Path: ent + "." + el.name, Kind: NoteKindNotMapped})
		}
	}
	return rep
}

// groupOf returns the record ID of the Group an Encounter names with this
// module's group extension.
func groupOf(data []byte) (string, bool) {
	var e struct {
		Extension []fm.Extension `json:"extension"`
	}
	if json.Unmarshal(data, &e) != nil {
		return "", false
	}
	for _, x := range e.Extension {
		if x.Url == ExtGroup && x.ValueReference != nil && x.ValueReference.Reference != nil {
			return strings.CutPrefix(*x.ValueReference.Reference, "Group/")
		}
	}
	return "", false
}

// errNoGroup reports an Encounter of a Group the bundle does not hold.
var errNoGroup = impossible("an Encounter of a Group the bundle does not hold")
