package iop

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"github.com/rickb777/date/v2"
)

// profileIdentity is the JSON of a profile without its parts, in the
// order a profile is written: its fields come first in the document, the
// parts after them, the rule settings last.
type profileIdentity struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Level   Level     `json:"level"`
	Edition Edition   `json:"edition,omitzero"`
	From    date.Date `json:"from"`
	Until   date.Date `json:"until,omitzero"`
	Source  Citation  `json:"source"`
	Scope   Scope     `json:"scope"`
	Ages    AgeRules  `json:"ages,omitzero"`
}

// profileRules is the JSON of a profile's rule settings.
type profileRules struct {
	Rules []RuleSetting `json:"rules,omitzero"`
}

var (
	identityType = reflect.TypeFor[profileIdentity]()
	rulesType    = reflect.TypeFor[profileRules]()
)

// reservedKeys are the JSON keys of a profile's own fields: no part may
// use one as its Package.
func reserved(key string) bool {
	for _, t := range [...]reflect.Type{identityType, rulesType} {
		for i := range t.NumField() {
			if name, _, _ := cutComma(t.Field(i).Tag.Get("json")); name == key {
				return true
			}
		}
	}
	return false
}

func cutComma(tag string) (string, string, bool) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:], true
		}
	}
	return tag, "", false
}

// documentType returns the struct type of a profile's JSON document with
// the parts of the given types, each under its package's key: the
// identity's fields, one field per part, and the rule settings. It
// returns an error naming a part whose key is empty, reserved, or taken by
// an earlier part.
func documentType(parts []Part, field string) (reflect.Type, error) {
	var errs FieldErrors
	fields := reflect.VisibleFields(identityType)
	for i, pt := range parts {
		if pt == nil {
			errs.Add(field+"["+strconv.Itoa(i)+"]", ErrMissing)
			continue
		}
		key := pt.Package()
		switch {
		case key == "" || reserved(key):
			errs.Add(field+"["+strconv.Itoa(i)+"]", fmt.Errorf("%w: part package %q", ErrUnknown, key))
			continue
		}
		dup := false
		for _, prev := range parts[:i] {
			dup = dup || (prev != nil && prev.Package() == key)
		}
		if dup {
			errs.Add(key, ErrDuplicate)
			continue
		}
		fields = append(fields, reflect.StructField{
			Name: "Part" + strconv.Itoa(i),
			Type: reflect.TypeOf(pt),
			Tag:  reflect.StructTag(`json:"` + key + `"`),
		})
	}
	fields = append(fields, reflect.VisibleFields(rulesType)...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for i := range fields {
		fields[i].Index, fields[i].Offset = nil, 0
	}
	return reflect.StructOf(fields), nil
}

// MarshalJSON writes p as one JSON document: its identity, each part
// under its package's key ("schedule": {...}), then its rule settings. A
// profile with two parts of one package, or a part whose package is a
// key of the profile's own, is an error.
func (p Profile) MarshalJSON() ([]byte, error) {
	t, err := documentType(p.Parts, "parts")
	if err != nil {
		return nil, err
	}
	doc := reflect.New(t).Elem()
	id := profileIdentity{ID: p.ID, Title: p.Title, Level: p.Level, Edition: p.Edition, From: p.From,
		Until: p.Until, Source: p.Source, Scope: p.Scope, Ages: p.Ages}
	idv := reflect.ValueOf(id)
	n := identityType.NumField()
	for i := range n {
		doc.Field(i).Set(idv.Field(i))
	}
	for i, pt := range p.Parts {
		doc.Field(n + i).Set(reflect.ValueOf(pt))
	}
	doc.Field(n + len(p.Parts)).Set(reflect.ValueOf(p.Rules))
	return json.Marshal(doc.Interface())
}

// ParseProfile decodes a profile from JSON strictly and validates it
// ([Profile.Validate]). kinds are the parts the document may hold, one
// value of each part type (schedule.Benefit{}, ...): a member whose key is
// the Package of a kind decodes into a part of that kind, and is added to
// the profile in the order of kinds; any other member that is not a field
// of Profile is refused. An unknown field, a value of the wrong type, an
// unknown level, a date that does not exist ("2025-02-30") or a rule that
// Validate refuses is an error naming the field ([FieldErrors]:
// "schedule.weekly.adult.min"). Input above 8 MiB is refused with
// [ErrTooLarge]. A refused profile comes back as the zero Profile.
//
// The root package's ParseProfile passes every checking package's kind.
func ParseProfile(data []byte, kinds ...Part) (Profile, error) {
	var p Profile
	if err := p.decode(data, kinds); err != nil {
		return Profile{}, err
	}
	if err := p.Validate(); err != nil {
		return Profile{}, err
	}
	return p, nil
}

// UnmarshalJSON decodes a profile without parts, strictly, as
// [ParseProfile] does with no kinds, and does not validate it: a member
// holding a part is an unknown field. Use ParseProfile with the part kinds
// to read a whole profile.
func (p *Profile) UnmarshalJSON(data []byte) error {
	var q Profile
	if err := q.decode(data, nil); err != nil {
		return err
	}
	*p = q
	return nil
}

// decode decodes data into p, strictly, with parts of the given kinds.
func (p *Profile) decode(data []byte, kinds []Part) error {
	t, err := documentType(kinds, "kinds")
	if err != nil {
		return err
	}
	doc := reflect.New(t)
	if err := decodeJSON(data, doc.Interface()); err != nil {
		return err
	}
	// The document is valid JSON with no repeated member: read which part
	// keys it has, so that a part given as {} is kept.
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(data, &keys); err != nil {
		return &FieldError{Err: fmt.Errorf("%w: %w", ErrSyntax, err)}
	}
	d := doc.Elem()
	var id profileIdentity
	idv := reflect.ValueOf(&id).Elem()
	n := identityType.NumField()
	for i := range n {
		idv.Field(i).Set(d.Field(i))
	}
	q := Profile{ID: id.ID, Title: id.Title, Level: id.Level, Edition: id.Edition, From: id.From,
		Until: id.Until, Source: id.Source, Scope: id.Scope, Ages: id.Ages}
	for i, k := range kinds {
		if _, ok := keys[k.Package()]; ok {
			q.Parts = append(q.Parts, d.Field(n+i).Interface().(Part))
		}
	}
	q.Rules = d.Field(n + len(kinds)).Interface().([]RuleSetting)
	*p = q
	return nil
}
