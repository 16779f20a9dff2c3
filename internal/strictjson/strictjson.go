package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/rickb777/date/v2"
)

// Sentinel errors wrapped by [FieldError].
var (
	// ErrUnknownField reports a JSON member the type does not have.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateField reports a JSON member given twice.
	ErrDuplicateField = errors.New("duplicate field")
	// ErrSyntax reports malformed JSON or a value of the wrong JSON type.
	ErrSyntax = errors.New("invalid JSON")
	// ErrInvalidDate reports a date that is not a real calendar date in
	// ISO 8601 form (YYYY-MM-DD).
	ErrInvalidDate = errors.New("invalid date")
)

// maxDepth bounds the nesting of decoded values, so that hostile input cannot
// exhaust the stack.
const maxDepth = 64

// FieldError reports an invalid field. Field is a dotted path from the top
// of the decoded document; it is empty when the document as a whole is bad.
// The error never holds the field's value, which may identify a person.
type FieldError struct {
	Field string
	Err   error
}

// Error returns "field: reason".
func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Err.Error()
	}
	return e.Field + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

// Wrap places err under the field path name: a *FieldError gets name as a
// prefix of its path, any other error becomes a *FieldError for name.
func Wrap(name string, err error) error {
	if err == nil {
		return nil
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: join(name, fe.Field), Err: fe.Err}
	}
	return &FieldError{Field: name, Err: err}
}

func join(prefix, field string) string {
	switch {
	case prefix == "":
		return field
	case field == "":
		return prefix
	case strings.HasPrefix(field, "["):
		return prefix + field
	}
	return prefix + "." + field
}

// ParseDate parses a date in the form YYYY-MM-DD strictly: the date must
// exist. It returns [ErrInvalidDate] otherwise.
func ParseDate(s string) (date.Date, error) {
	d, err := date.Parse(date.ISO8601, s)
	if err != nil || len(s) != len(date.ISO8601) {
		return date.Zero, ErrInvalidDate
	}
	return d, nil
}

// Decode decodes data, which must hold exactly one JSON value, into v, a
// non-nil pointer. Struct members are matched to fields by their json tag
// name (or the field name when untagged), case-sensitively. date.Date fields
// take a strict "YYYY-MM-DD" string. Types with UnmarshalJSON or
// UnmarshalText methods decode themselves; a method's error is reported as a
// *FieldError at that field. On error, v may be partly filled.
func Decode(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &FieldError{Err: fmt.Errorf("%w: decode target is not a non-nil pointer", ErrSyntax)}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return &FieldError{Err: syntaxErr(err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return &FieldError{Err: fmt.Errorf("%w: data after the value", ErrSyntax)}
	}
	return decodeValue("", raw, rv.Elem(), 0, true)
}

var (
	dateType          = reflect.TypeFor[date.Date]()
	jsonUnmarshaler   = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler   = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
	errNotString      = fmt.Errorf("%w: want a JSON string", ErrSyntax)
	errNotObject      = fmt.Errorf("%w: want a JSON object", ErrSyntax)
	errNotArray       = fmt.Errorf("%w: want a JSON array", ErrSyntax)
	errTooDeep        = fmt.Errorf("%w: nested too deeply", ErrSyntax)
	errUnsupportedKey = fmt.Errorf("%w: unsupported map key type", ErrSyntax)
)

func syntaxErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%w: want %s, got JSON %s", ErrSyntax, te.Type, te.Value)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: malformed at byte %d", ErrSyntax, se.Offset)
	}
	return fmt.Errorf("%w: malformed", ErrSyntax)
}

func fail(path string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: join(path, fe.Field), Err: fe.Err}
	}
	return &FieldError{Field: path, Err: err}
}

// decodeValue decodes raw into v. top is true for the value Decode was
// called on, whose own UnmarshalJSON method must not be called again.
func decodeValue(path string, raw json.RawMessage, v reflect.Value, depth int, top bool) error {
	if depth > maxDepth {
		return fail(path, errTooDeep)
	}
	isNull := bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
	if v.Type() == dateType {
		if isNull {
			v.SetInt(0)
			return nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return fail(path, errNotString)
		}
		d, err := ParseDate(s)
		if err != nil {
			return fail(path, err)
		}
		v.SetInt(int64(d))
		return nil
	}
	if v.Type() == rawMessageType {
		v.SetBytes(bytes.Clone(raw))
		return nil
	}
	if !top && v.CanAddr() {
		p := v.Addr()
		if p.Type().Implements(jsonUnmarshaler) {
			if err := p.Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
				return fail(path, err)
			}
			return nil
		}
		if p.Type().Implements(textUnmarshaler) && v.Kind() != reflect.Pointer {
			if isNull {
				v.SetZero()
				return nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return fail(path, errNotString)
			}
			if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				return fail(path, err)
			}
			return nil
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull {
			v.SetZero()
			return nil
		}
		elem := reflect.New(v.Type().Elem())
		if err := decodeValue(path, raw, elem.Elem(), depth+1, false); err != nil {
			return err
		}
		v.Set(elem)
		return nil
	case reflect.Struct:
		if isNull {
			return nil
		}
		return decodeStruct(path, raw, v, depth)
	case reflect.Slice:
		if isNull {
			v.SetZero()
			return nil
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return fail(path, errNotArray)
		}
		out := reflect.MakeSlice(v.Type(), len(elems), len(elems))
		for i, e := range elems {
			if err := decodeValue(path+"["+strconv.Itoa(i)+"]", e, out.Index(i), depth+1, false); err != nil {
				return err
			}
		}
		v.Set(out)
		return nil
	case reflect.Array:
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil || len(elems) != v.Len() {
			return fail(path, fmt.Errorf("%w: want a JSON array of %d", ErrSyntax, v.Len()))
		}
		for i, e := range elems {
			if err := decodeValue(path+"["+strconv.Itoa(i)+"]", e, v.Index(i), depth+1, false); err != nil {
				return err
			}
		}
		return nil
	case reflect.Map:
		if isNull {
			v.SetZero()
			return nil
		}
		return decodeMap(path, raw, v, depth)
	}
	// Scalars: encoding/json checks the JSON type and the range.
	target := reflect.New(v.Type())
	if err := json.Unmarshal(raw, target.Interface()); err != nil {
		return fail(path, syntaxErr(err))
	}
	v.Set(target.Elem())
	return nil
}

type member struct {
	name string
	raw  json.RawMessage
}

// members lists an object's members in input order, refusing duplicates.
func members(path string, raw json.RawMessage) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, fail(path, errNotObject)
	}
	var out []member
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fail(path, syntaxErr(err))
		}
		name, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, fail(join(path, name), syntaxErr(err))
		}
		for _, m := range out {
			if m.name == name {
				return nil, fail(join(path, name), ErrDuplicateField)
			}
		}
		out = append(out, member{name, val})
	}
	return out, nil
}

func decodeStruct(path string, raw json.RawMessage, v reflect.Value, depth int) error {
	ms, err := members(path, raw)
	if err != nil {
		return err
	}
	t := v.Type()
	for _, m := range ms {
		i := fieldIndex(t, m.name)
		if i < 0 {
			return fail(join(path, m.name), ErrUnknownField)
		}
		if err := decodeValue(join(path, m.name), m.raw, v.Field(i), depth+1, false); err != nil {
			return err
		}
	}
	return nil
}

// fieldIndex returns the index of the exported field whose JSON name is name.
func fieldIndex(t reflect.Type, name string) int {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		n, _, _ := strings.Cut(tag, ",")
		if n == "" {
			n = f.Name
		}
		if n == name {
			return i
		}
	}
	return -1
}

func decodeMap(path string, raw json.RawMessage, v reflect.Value, depth int) error {
	ms, err := members(path, raw)
	if err != nil {
		return err
	}
	t := v.Type()
	out := reflect.MakeMapWithSize(t, len(ms))
	for _, m := range ms {
		key := reflect.New(t.Key()).Elem()
		kp := join(path, m.name)
		switch {
		case reflect.PointerTo(t.Key()).Implements(textUnmarshaler):
			if err := key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(m.name)); err != nil {
				return fail(kp, err)
			}
		case t.Key().Kind() == reflect.String:
			key.SetString(m.name)
		default:
			return fail(kp, errUnsupportedKey)
		}
		val := reflect.New(t.Elem()).Elem()
		if err := decodeValue(kp, m.raw, val, depth+1, false); err != nil {
			return err
		}
		out.SetMapIndex(key, val)
	}
	v.Set(out)
	return nil
}
