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
	"time"
	"unicode/utf8"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/rickb777/date/v2"
)

// DefaultLimit is the size, in bytes, above which [Decode] refuses input
// without reading it: 8 MiB, far above any profile, assessment or episode.
const DefaultLimit = 8 << 20

// maxDepth bounds the nesting of decoded values, so that hostile input cannot
// exhaust the stack.
const maxDepth = 64

// Report receives each error of a decoding: path is the dotted path from
// the top of the document ("weekly.adult.min", "members[3].id"), empty for
// the document as a whole; err wraps a sentinel of package errs, or is the
// error an UnmarshalText or UnmarshalJSON method returned. Neither holds
// input text: an unknown member is named by its position ("#3").
type Report func(path string, err error)

// ParseDate parses a date in the form YYYY-MM-DD strictly: the date must
// exist and its year be from 1 to 9999. It returns errs.InvalidDate
// otherwise.
func ParseDate(s string) (date.Date, error) {
	if len(s) != len(date.ISO8601) || s[:4] == "0000" {
		return date.Zero, errs.InvalidDate
	}
	d, err := date.Parse(date.ISO8601, s)
	if err != nil {
		return date.Zero, errs.InvalidDate
	}
	return d, nil
}

// Decode decodes data, which must hold exactly one JSON value of at most
// limit bytes (0 means [DefaultLimit]), into v, a non-nil pointer, and
// passes every error to report: it goes on past a bad member to report the
// next. Struct members are matched to fields by their json tag name (or the
// field name when untagged), case-sensitively. date.Date fields take a
// strict "YYYY-MM-DD" string, time.Time fields an RFC 3339 string (whose
// error, unlike time.Time's own, holds no input). Types with UnmarshalJSON
// or UnmarshalText methods decode themselves, except v itself. On error, v may be partly
// filled. It reports whether no error was found.
func Decode(data []byte, v any, limit int, report Report) bool {
	d := decoder{report: report}
	if limit <= 0 {
		limit = DefaultLimit
	}
	rv := reflect.ValueOf(v)
	switch {
	case rv.Kind() != reflect.Pointer || rv.IsNil():
		d.fail("", fmt.Errorf("%w: decode target is not a non-nil pointer", errs.Syntax))
	case len(data) > limit:
		d.fail("", fmt.Errorf("%w: above %d bytes", errs.TooLarge, limit))
	case !validText(data):
		d.fail("", errNotUTF8)
	default:
		dec := json.NewDecoder(bytes.NewReader(data))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			d.fail("", syntaxErr(err))
			break
		}
		if _, err := dec.Token(); err != io.EOF {
			d.fail("", fmt.Errorf("%w: data after the value", errs.Syntax))
			break
		}
		d.value("", raw, rv.Elem(), 0, true)
	}
	return !d.failed
}

// MaxErrors is how many errors Decode reports before it stops with one
// more, wrapping errs.TooLarge: a hostile document of 100,000 unknown keys
// costs 100 errors, not 100,000.
const MaxErrors = 100

type decoder struct {
	report Report
	n      int  // errors reported
	failed bool // an error was reported
	stop   bool // MaxErrors were reported: decode no further
}

func (d *decoder) fail(path string, err error) {
	if d.stop {
		return
	}
	d.failed = true
	if d.n++; d.n > MaxErrors {
		d.stop = true
		d.report("", fmt.Errorf("%w: more than %d errors, the rest not reported", errs.TooLarge, MaxErrors))
		return
	}
	d.report(path, err)
}

var (
	dateType          = reflect.TypeFor[date.Date]()
	timeType          = reflect.TypeFor[time.Time]()
	jsonUnmarshaler   = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler   = reflect.TypeFor[encoding.TextUnmarshaler]()
	rawMessageType    = reflect.TypeFor[json.RawMessage]()
	errNotString      = fmt.Errorf("%w: want a JSON string", errs.Syntax)
	errNotInstant     = fmt.Errorf("%w: want an RFC 3339 date and time", errs.Syntax)
	errNotObject      = fmt.Errorf("%w: want a JSON object", errs.Syntax)
	errNotArray       = fmt.Errorf("%w: want a JSON array", errs.Syntax)
	errTooDeep        = fmt.Errorf("%w: nested too deeply", errs.Syntax)
	errUnsupportedKey = fmt.Errorf("%w: unsupported map key type", errs.Syntax)
	errNotUTF8        = fmt.Errorf("%w: not valid UTF-8, or a \\u escape of half a surrogate pair", errs.Syntax)
)

// validText reports whether data is valid UTF-8 with no \u escape of an
// unpaired surrogate. encoding/json would turn both into U+FFFD, so that two
// different record IDs ("\xff", "\xfe") would decode to the same one.
func validText(data []byte) bool {
	if !utf8.Valid(data) {
		return false
	}
	for i := 0; i+1 < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		if data[i+1] != 'u' {
			i++ // an escaped character, possibly a backslash
			continue
		}
		r, ok := hex4(data[i+2:])
		switch {
		case !ok:
			return false
		case r >= 0xdc00 && r <= 0xdfff:
			return false // a low surrogate without its high one
		case r >= 0xd800 && r <= 0xdbff:
			if len(data) < i+12 || data[i+6] != '\\' || data[i+7] != 'u' {
				return false
			}
			lo, ok := hex4(data[i+8:])
			if !ok || lo < 0xdc00 || lo > 0xdfff {
				return false
			}
			i += 11
		default:
			i += 5
		}
	}
	return true
}

func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// syntaxErr describes a decoding error by the type wanted and the byte
// offset, never by the value found.
func syntaxErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Errorf("%w: want %s", errs.Syntax, te.Type)
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: malformed at byte %d", errs.Syntax, se.Offset)
	}
	return fmt.Errorf("%w: malformed", errs.Syntax)
}

// Join returns the path of field under prefix: "a.b", "a[2]".
func Join(prefix, field string) string {
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

// value decodes raw into v. top is true for the value Decode was called
// on, whose own UnmarshalJSON method must not be called again.
func (d *decoder) value(path string, raw json.RawMessage, v reflect.Value, depth int, top bool) {
	if d.stop {
		return
	}
	if depth > maxDepth {
		d.fail(path, errTooDeep)
		return
	}
	isNull := bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
	switch {
	case v.Type() == dateType:
		d.date(path, raw, v, isNull)
		return
	case v.Type() == timeType:
		d.instant(path, raw, v, isNull)
		return
	case v.Type() == rawMessageType:
		v.SetBytes(bytes.Clone(raw))
		return
	case !top && v.CanAddr() && d.method(path, raw, v, isNull):
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if isNull {
			v.SetZero()
			return
		}
		elem := reflect.New(v.Type().Elem())
		d.value(path, raw, elem.Elem(), depth+1, false)
		v.Set(elem)
	case reflect.Struct:
		if !isNull {
			d.object(path, raw, v, depth)
		}
	case reflect.Slice:
		if isNull {
			v.SetZero()
			return
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			d.fail(path, errNotArray)
			return
		}
		out := reflect.MakeSlice(v.Type(), len(elems), len(elems))
		for i, e := range elems {
			d.value(path+"["+strconv.Itoa(i)+"]", e, out.Index(i), depth+1, false)
		}
		v.Set(out)
	case reflect.Array:
		// A fixed-size array takes up to its length; the rest stay zero
		// (a claim line's four modifiers, of which most are unused).
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil || len(elems) > v.Len() {
			d.fail(path, fmt.Errorf("%w: want a JSON array of at most %d", errs.Syntax, v.Len()))
			return
		}
		v.SetZero()
		for i, e := range elems {
			d.value(path+"["+strconv.Itoa(i)+"]", e, v.Index(i), depth+1, false)
		}
	case reflect.Map:
		if isNull {
			v.SetZero()
			return
		}
		d.object(path, raw, v, depth)
	default:
		// Scalars: encoding/json checks the JSON type and the range.
		target := reflect.New(v.Type())
		if err := json.Unmarshal(raw, target.Interface()); err != nil {
			d.fail(path, syntaxErr(err))
			return
		}
		v.Set(target.Elem())
	}
}

func (d *decoder) date(path string, raw json.RawMessage, v reflect.Value, isNull bool) {
	if isNull {
		v.SetInt(0)
		return
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		d.fail(path, errNotString)
		return
	}
	day, err := ParseDate(s)
	if err != nil {
		d.fail(path, err)
		return
	}
	v.SetInt(int64(day))
}

// instant decodes an RFC 3339 date and time into time.Time v, as
// time.Time's UnmarshalJSON does, but with an error that does not hold the
// input.
func (d *decoder) instant(path string, raw json.RawMessage, v reflect.Value, isNull bool) {
	if isNull {
		v.SetZero()
		return
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		d.fail(path, errNotString)
		return
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		d.fail(path, errNotInstant)
		return
	}
	v.Set(reflect.ValueOf(t))
}

// method decodes v with its UnmarshalJSON or UnmarshalText method, and
// reports whether it had one.
func (d *decoder) method(path string, raw json.RawMessage, v reflect.Value, isNull bool) bool {
	p := v.Addr()
	if p.Type().Implements(jsonUnmarshaler) {
		if err := p.Interface().(json.Unmarshaler).UnmarshalJSON(raw); err != nil {
			d.fail(path, err)
		}
		return true
	}
	if !p.Type().Implements(textUnmarshaler) || v.Kind() == reflect.Pointer {
		return false
	}
	if isNull {
		v.SetZero()
		return true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		d.fail(path, errNotString)
		return true
	}
	if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		d.fail(path, err)
	}
	return true
}

// object decodes the members of a JSON object into struct or map v. A
// member given twice is reported at its second place; duplicates are found
// with a set, so the cost is linear in the members.
func (d *decoder) object(path string, raw json.RawMessage, v reflect.Value, depth int) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		d.fail(path, errNotObject)
		return
	}
	isMap := v.Kind() == reflect.Map
	if isMap && !d.mapKeyOK(path, v.Type()) {
		return
	}
	var out reflect.Value
	if isMap {
		out = reflect.MakeMap(v.Type())
	}
	seen := make(map[string]struct{})
	for i := 0; dec.More() && !d.stop; i++ {
		tok, err := dec.Token()
		if err != nil {
			d.fail(path, syntaxErr(err))
			return
		}
		name, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			d.fail(path, syntaxErr(err))
			return
		}
		field := -1
		if !isMap {
			field = fieldIndex(v.Type(), name)
		}
		// A member is named in a path only when it is a field of the
		// schema; otherwise by its position, since a key may be anything.
		mp := Join(path, "#"+strconv.Itoa(i))
		if field >= 0 {
			mp = Join(path, name)
		}
		if _, dup := seen[name]; dup {
			d.fail(mp, errs.Duplicate)
			continue
		}
		seen[name] = struct{}{}
		switch {
		case isMap:
			d.mapEntry(mp, name, val, out, depth)
		case field < 0:
			d.fail(mp, errs.UnknownField)
		default:
			d.value(mp, val, v.Field(field), depth+1, false)
		}
	}
	if isMap {
		v.Set(out)
	}
}

func (d *decoder) mapKeyOK(path string, t reflect.Type) bool {
	if reflect.PointerTo(t.Key()).Implements(textUnmarshaler) || t.Key().Kind() == reflect.String {
		return true
	}
	d.fail(path, errUnsupportedKey)
	return false
}

func (d *decoder) mapEntry(path, name string, raw json.RawMessage, out reflect.Value, depth int) {
	t := out.Type()
	key := reflect.New(t.Key()).Elem()
	if u, ok := key.Addr().Interface().(encoding.TextUnmarshaler); ok {
		if err := u.UnmarshalText([]byte(name)); err != nil {
			d.fail(path, err)
			return
		}
	} else {
		key.SetString(name)
	}
	val := reflect.New(t.Elem()).Elem()
	d.value(path, raw, val, depth+1, false)
	out.SetMapIndex(key, val)
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
