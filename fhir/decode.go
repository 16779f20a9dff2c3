package fhir

import (
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ioprules/ioprules/iop"
)

// MaxBytes is the largest resource or bundle a decoder of this package
// reads: 8 MiB. Larger input is refused with [iop.ErrTooLarge].
const MaxBytes = 8 << 20

// maxDepth bounds the nesting of the JSON a decoder reads, so that no
// input can exhaust the stack.
const maxDepth = 64

var (
	// ErrModifierExtension reports a modifierExtension: an extension that
	// changes the meaning of the element it is on. The mapping understands
	// none, and FHIR forbids reading an element whose modifier is not
	// understood, so the resource is refused. It wraps [iop.ErrUnknown].
	ErrModifierExtension = sentinel("modifier extension not understood", iop.ErrUnknown)
	// ErrResourceType reports a resource of another type than the decoder
	// reads, or none. It wraps [iop.ErrUnknown].
	ErrResourceType = sentinel("not the resource type read", iop.ErrUnknown)
	// ErrEnteredInError reports a resource whose status says it was
	// entered in error: it records nothing and is refused. It wraps
	// [iop.ErrUnknown].
	ErrEnteredInError = sentinel("entered in error", iop.ErrUnknown)
	// ErrImpossible reports facts of a resource that cannot all hold: a
	// status history that no episode of ours can have (active after
	// cancelled, on hold before active), which it says in its own words;
	// and, each in an error of its own words that wraps it ("impossible:
	// not the level the checker recommends"), a status that its moves or
	// its attendance contradict, a period not the minutes attended, a
	// Group's id, members or Encounters not its session's, an Encounter of
	// a Group the bundle does not hold, a level not the one recommended. It
	// wraps [iop.ErrOrder].
	ErrImpossible = sentinel("impossible sequence of statuses", iop.ErrOrder)
	// ErrNoMapping reports a code that has a meaning in its code system but
	// none of ours (a Colorado DUI education level, a TEDS reason read
	// back into a Colorado one). It wraps [iop.ErrUnknown].
	ErrNoMapping = sentinel("no mapping", iop.ErrUnknown)
)

// wrapErr is an error with its own words that wraps a sentinel.
type wrapErr struct {
	msg string
	err error
}

func (e *wrapErr) Error() string { return e.msg }
func (e *wrapErr) Unwrap() error { return e.err }

func sentinel(msg string, err error) error { return &wrapErr{msg: msg, err: err} }

// impossible returns an error that says what is impossible and wraps
// [ErrImpossible].
func impossible(what string) error { return &wrapErr{msg: "impossible: " + what, err: ErrImpossible} }

// node is one JSON value read by the pre-pass: an object keeps its members
// in order, so that positions can name members whose keys are not
// elements.
type node struct {
	kind    byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	members []member
	items   []node
	str     string // a string's or a number's text; never printed
}

type member struct {
	key string
	val node
}

// parseTree reads data as one JSON value, refusing a duplicate member and
// trailing data.
func parseTree(data []byte) (node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec, "", 0)
	if err != nil {
		return node{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return node{}, &iop.FieldError{Err: iop.ErrSyntax}
	}
	return n, nil
}

func readNode(dec *json.Decoder, path string, depth int) (node, error) {
	if depth > maxDepth {
		return node{}, &iop.FieldError{Field: path, Err: iop.ErrTooLarge}
	}
	tok, err := dec.Token()
	if err != nil {
		return node{}, &iop.FieldError{Field: path, Err: iop.ErrSyntax}
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := node{kind: 'o'}
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return node{}, &iop.FieldError{Field: path, Err: iop.ErrSyntax}
				}
				k, _ := kt.(string)
				at := join(path, "#"+strconv.Itoa(len(n.members)))
				if seen[k] {
					return node{}, &iop.FieldError{Field: at, Err: iop.ErrDuplicate}
				}
				seen[k] = true
				v, err := readNode(dec, at, depth+1)
				if err != nil {
					return node{}, err
				}
				n.members = append(n.members, member{key: k, val: v})
			}
			if _, err := dec.Token(); err != nil {
				return node{}, &iop.FieldError{Field: path, Err: iop.ErrSyntax}
			}
			return n, nil
		case '[':
			n := node{kind: 'a'}
			for dec.More() {
				v, err := readNode(dec, path+"["+strconv.Itoa(len(n.items))+"]", depth+1)
				if err != nil {
					return node{}, err
				}
				n.items = append(n.items, v)
			}
			if _, err := dec.Token(); err != nil {
				return node{}, &iop.FieldError{Field: path, Err: iop.ErrSyntax}
			}
			return n, nil
		}
	case string:
		return node{kind: 's', str: t}, nil
	case json.Number:
		return node{kind: 'n', str: string(t)}, nil
	case bool:
		return node{kind: 'b', str: strconv.FormatBool(t)}, nil
	case nil:
		return node{kind: 'z'}, nil
	}
	return node{}, &iop.FieldError{Field: path, Err: iop.ErrSyntax}
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// fieldInfo is one element of a samply struct: its JSON name, whether R4
// requires it (samply writes no omitempty on a required element), and
// its Go type.
type fieldInfo struct {
	name     string
	required bool
	index    int
}

func fieldsOf(t reflect.Type) []fieldInfo {
	out := make([]fieldInfo, 0, t.NumField())
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		out = append(out, fieldInfo{name: name, required: !strings.Contains(opts, "omitempty"), index: i})
	}
	return out
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	numberType      = reflect.TypeFor[json.Number]()
	rawType         = reflect.TypeFor[json.RawMessage]()
	characteristic  = "GroupCharacteristic"
)

// prepass is the walk of the JSON tree against the samply type it will be
// decoded into: it reports members samply would drop and refuses what
// samply would accept wrongly.
type prepass struct {
	report Report
	errs   iop.FieldErrors
	types  map[reflect.Type]*typeInfo // per decode: no state outlives a call
}

// typeInfo is the elements of a samply struct, by name.
type typeInfo struct {
	fields []fieldInfo
	byName map[string]fieldInfo
}

func (p *prepass) info(t reflect.Type) *typeInfo {
	if ti, ok := p.types[t]; ok {
		return ti
	}
	if p.types == nil {
		p.types = map[reflect.Type]*typeInfo{}
	}
	ti := &typeInfo{fields: fieldsOf(t)}
	ti.byName = make(map[string]fieldInfo, len(ti.fields))
	for _, f := range ti.fields {
		ti.byName[f.name] = f
	}
	p.types[t] = ti
	return ti
}

func (p *prepass) walk(n node, t reflect.Type, path string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.kind == 'z' {
		p.errs.Add(path, iop.ErrSyntax) // FHIR JSON has no null values
		return
	}
	if t == rawType { // a Bundle entry's resource: decoded on its own
		if n.kind != 'o' {
			p.errs.Add(path, iop.ErrSyntax)
		}
		return
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) && t.Kind() != reflect.Struct {
		// a samply code: decode it alone, so that its error (which
		// quotes the input) never leaves, and the path is known
		raw := quote(nil, n.str)
		if n.kind != 's' || json.Unmarshal(raw, reflect.New(t).Interface()) != nil {
			p.errs.Add(path, iop.ErrUnknown)
		}
		return
	}
	if t == numberType {
		if n.kind != 'n' {
			p.errs.Add(path, iop.ErrSyntax)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.kind != 'o' {
			p.errs.Add(path, iop.ErrSyntax)
			return
		}
		p.object(n, t, path)
	case reflect.Slice:
		if n.kind != 'a' || len(n.items) == 0 {
			p.errs.Add(path, iop.ErrSyntax) // FHIR JSON has no empty arrays
			return
		}
		for i, it := range n.items {
			p.walk(it, t.Elem(), path+"["+strconv.Itoa(i)+"]")
		}
	case reflect.String:
		if n.kind != 's' {
			p.errs.Add(path, iop.ErrSyntax)
		}
	case reflect.Bool:
		if n.kind != 'b' {
			p.errs.Add(path, iop.ErrSyntax)
		}
	case reflect.Int:
		if _, err := strconv.ParseInt(n.str, 10, 32); n.kind != 'n' || err != nil {
			p.errs.Add(path, iop.ErrSyntax)
		}
	default:
		p.errs.Add(path, iop.ErrSyntax)
	}
}

func (p *prepass) object(n node, t reflect.Type, path string) {
	ti := p.info(t)
	fields, byName := ti.fields, ti.byName
	present := make(map[string]bool, len(n.members))
	for i, m := range n.members {
		if path == "" && m.key == "resourceType" {
			continue
		}
		if base, ok := strings.CutPrefix(m.key, "_"); ok {
			if _, known := byName[base]; known {
				p.report = append(p.report, Note{Path: join(path, m.key), Kind: NoteKindPrimitiveExtension})
				continue
			}
		}
		f, ok := byName[m.key]
		if !ok {
			p.report = append(p.report, Note{Path: join(path, "#"+strconv.Itoa(i)), Kind: NoteKindUnknownElement})
			continue
		}
		present[m.key] = true
		if m.key == "modifierExtension" {
			p.errs.Add(join(path, m.key), ErrModifierExtension)
			continue
		}
		ft := t.Field(f.index).Type
		if ft.Name() == characteristic || ft.Kind() == reflect.Slice && ft.Elem().Name() == characteristic {
			// samply writes every value[x] of a characteristic: the
			// mapping never reads one, and says so.
			p.report = append(p.report, Note{Path: join(path, m.key), Kind: NoteKindNotMapped})
			continue
		}
		p.walk(m.val, ft, join(path, m.key))
	}
	for _, f := range fields {
		if f.required && !present[f.name] {
			p.errs.Add(join(path, f.name), iop.ErrMissing)
		}
	}
}

// decodeResource decodes data, one resource of type resourceType, into v
// (a pointer to a samply struct) through the pre-pass. reads names the
// top-level elements the mapping reads; every other element present is
// reported as not mapped. It returns what was dropped, or the errors that
// refuse the resource (with element paths, never input text).
func decodeResource(data []byte, resourceType string, v any, reads ...string) (Report, error) {
	if len(data) > MaxBytes {
		return nil, iop.FieldErrors{{Err: iop.ErrTooLarge}}
	}
	if !utf8.Valid(data) {
		return nil, iop.FieldErrors{{Err: iop.ErrSyntax}}
	}
	tree, err := parseTree(data)
	if err != nil {
		return nil, iop.FieldErrors{err.(*iop.FieldError)}
	}
	return decodeNode(tree, resourceType, v, reads...)
}

func decodeNode(tree node, resourceType string, v any, reads ...string) (Report, error) {
	if tree.kind != 'o' {
		return nil, iop.FieldErrors{{Err: iop.ErrSyntax}}
	}
	rt, ok := tree.get("resourceType")
	if !ok || rt.kind != 's' || rt.str != resourceType {
		return nil, iop.FieldErrors{{Field: "resourceType", Err: ErrResourceType}}
	}
	var p prepass
	p.walk(tree, reflect.TypeOf(v).Elem(), "")
	if len(p.errs) > 0 {
		return nil, p.errs
	}
	for i, m := range tree.members {
		if m.key == "resourceType" || contains(reads, m.key) || strings.HasPrefix(m.key, "_") {
			continue
		}
		if p.report.has(m.key) {
			continue
		}
		if _, known := p.info(reflect.TypeOf(v).Elem()).byName[m.key]; known {
			p.report = append(p.report, Note{Path: m.key, Kind: NoteKindNotMapped})
		} else if !p.report.has("#" + strconv.Itoa(i)) {
			p.report = append(p.report, Note{Path: "#" + strconv.Itoa(i), Kind: NoteKindUnknownElement})
		}
	}
	raw := tree.encode(nil)
	if err := json.Unmarshal(raw, v); err != nil {
		return nil, iop.FieldErrors{{Err: iop.ErrSyntax}}
	}
	p.report.sort()
	return p.report, nil
}

func contains(s []string, k string) bool {
	for _, x := range s {
		if x == k {
			return true
		}
	}
	return false
}

func (n node) get(key string) (node, bool) {
	for _, m := range n.members {
		if m.key == key {
			return m.val, true
		}
	}
	return node{}, false
}

// encode writes n back as JSON without the members samply must not see:
// GroupCharacteristic is never handed to samply (it would fill every
// value[x]); other unknown members samply ignores by itself.
func (n node) encode(b []byte) []byte {
	switch n.kind {
	case 'o':
		b = append(b, '{')
		first := true
		for _, m := range n.members {
			if m.key == "characteristic" {
				continue
			}
			if !first {
				b = append(b, ',')
			}
			first = false
			b = strconv.AppendQuote(b, m.key)
			b = append(b, ':')
			b = m.val.encode(b)
		}
		return append(b, '}')
	case 'a':
		b = append(b, '[')
		for i, it := range n.items {
			if i > 0 {
				b = append(b, ',')
			}
			b = it.encode(b)
		}
		return append(b, ']')
	case 's':
		return quote(b, n.str)
	case 'n':
		return append(b, n.str...)
	case 'b':
		return append(b, n.str...)
	}
	return append(b, "null"...)
}

// quote appends s as a JSON string, escaping only what JSON requires (a
// quote, a backslash, control characters): json.Marshal also escapes
// "<", ">" and "&", and samply's code types read their JSON by cutting
// the quotes off, so a comparator "<=" written "\u003c=" would be no
// code of theirs. s is valid UTF-8 (it was read by encoding/json).
func quote(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

var errNoteKind = sentinel("invalid note kind", iop.ErrUnknown)
