package strictjson_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeLimit decodes data into v under limit, and returns whether Decode
// said it succeeded and every error it reported.
func decodeLimit(data []byte, v any, limit int) (bool, []issue) {
	var out []issue
	ok := strictjson.Decode(data, v, limit, func(path string, err error) { out = append(out, issue{path, err}) })
	return ok, out
}

// The size limit: limit bytes are read, limit+1 refused unread; 0 and
// below mean DefaultLimit.
func TestDecodeLimitBoundary(t *testing.T) {
	doc := []byte(`{"name":"abcdef"}`) // 17 bytes
	tooLarge := func(n int) []issue {
		return []issue{{"", fmt.Errorf("%w: above %d bytes", errs.TooLarge, n)}}
	}
	for _, tc := range []struct {
		limit int
		want  []issue
	}{
		{limit: len(doc)},
		{limit: len(doc) + 1},
		{limit: len(doc) - 1, want: tooLarge(len(doc) - 1)},
		{limit: 1, want: tooLarge(1)},
		{limit: 0},
		{limit: -1},
	} {
		var o outer
		ok, got := decodeLimit(doc, &o, tc.limit)
		assert.Equal(t, tc.want, got, "limit %d", tc.limit)
		assert.Equal(t, tc.want == nil, ok, "limit %d: Decode's result", tc.limit)
		if tc.want == nil {
			assert.Equal(t, outer{Name: "abcdef"}, o, "limit %d", tc.limit)
		} else {
			assert.Equal(t, outer{}, o, "limit %d: refused unread", tc.limit)
		}
	}

	// DefaultLimit itself: a document of exactly 8 MiB is read, one byte
	// more is refused.
	big := func(n int) []byte {
		b := make([]byte, n)
		copy(b, `{"name":"`)
		for i := len(`{"name":"`); i < n-2; i++ {
			b[i] = 'x'
		}
		copy(b[n-2:], `"}`)
		return b
	}
	var o outer
	ok, got := decodeLimit(big(strictjson.DefaultLimit), &o, 0)
	assert.True(t, ok)
	assert.Empty(t, got)
	assert.Len(t, o.Name, strictjson.DefaultLimit-len(`{"name":""}`))
	ok, got = decodeLimit(big(strictjson.DefaultLimit+1), &o, 0)
	assert.False(t, ok)
	assert.Equal(t, tooLarge(strictjson.DefaultLimit), got)
}

// nest returns n arrays nested in each other: "[[[]]]" for 3.
func nest(n int) []byte {
	return []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
}

type tree []tree

// The depth limit: the top value is at depth 0 and each array, object
// member or pointer one deeper; a value at depth 64 is read, one at 65
// refused, once, at its path.
func TestDecodeDepthBoundary(t *testing.T) {
	var tr tree
	ok, got := decodeLimit(nest(65), &tr, 0) // innermost at depth 64
	assert.True(t, ok)
	assert.Empty(t, got)
	depth := 0
	for x := tr; len(x) > 0; x = x[0] {
		depth++
	}
	assert.Equal(t, 64, depth, "arrays holding an array")

	ok, got = decodeLimit(nest(66), &tr, 0) // innermost at depth 65
	assert.False(t, ok)
	assert.Equal(t, []issue{{strings.Repeat("[0]", 65), errTooDeep}}, got)

	// Deep hostile input costs one error, not one per level.
	ok, got = decodeLimit(nest(5000), &tr, 0)
	assert.False(t, ok)
	assert.Equal(t, []issue{{strings.Repeat("[0]", 65), errTooDeep}}, got)
}

// MaxErrors errors are reported as they are; the one after is replaced by
// a single errs.TooLarge for the document, and nothing more is reported.
func TestDecodeMaxErrorsBoundary(t *testing.T) {
	doc := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"name":"x"`)
		for i := range n {
			fmt.Fprintf(&b, `,"k%d":1`, i)
		}
		b.WriteString(`,"name":"y"}`)
		return []byte(b.String())
	}
	unknown := func(n int) []issue {
		out := make([]issue, n)
		for i := range out {
			out[i] = issue{fmt.Sprintf("#%d", i+1), errs.UnknownField}
		}
		return out
	}

	var o outer
	ok, got := decodeLimit(doc(strictjson.MaxErrors-1), &o, 0)
	assert.False(t, ok)
	assert.Equal(t, append(unknown(strictjson.MaxErrors-1),
		issue{"name", errs.Duplicate}), got, "MaxErrors errors, the last a duplicate")

	ok, got = decodeLimit(doc(strictjson.MaxErrors), &o, 0)
	assert.False(t, ok)
	assert.Equal(t, append(unknown(strictjson.MaxErrors),
		issue{"", fmt.Errorf("%w: more than %d errors, the rest not reported", errs.TooLarge, strictjson.MaxErrors)}),
		got, "the duplicate is the error past MaxErrors")

	// The same in an array: its elements past the limit are not decoded.
	var b strings.Builder
	b.WriteString(`{"list":[1`)
	for range strictjson.MaxErrors + 50 {
		b.WriteString(`,1`)
	}
	b.WriteString(`]}`)
	ok, got = decodeLimit([]byte(b.String()), &o, 0)
	assert.False(t, ok)
	require.Len(t, got, strictjson.MaxErrors+1)
	assert.Equal(t, issue{"list[99]", errNotObject}, got[strictjson.MaxErrors-1])
	assert.Equal(t, issue{"", fmt.Errorf("%w: more than %d errors, the rest not reported", errs.TooLarge, strictjson.MaxErrors)},
		got[strictjson.MaxErrors])
}

// Members are matched to fields by their exact name: encoding/json would
// take "Name" and "NAME" for "name". A member given twice is refused at its
// second place even when its key is spelt with escapes; an unknown member
// given twice is unknown, then a duplicate. Paths name members of the
// schema, and others only by position.
func TestDecodeMembers(t *testing.T) {
	for _, tc := range []struct {
		json string
		want []issue
	}{
		{`{"Name":"a"}`, []issue{{"#0", errs.UnknownField}}},
		{`{"NAME":"a","name":"b"}`, []issue{{"#0", errs.UnknownField}}},
		{`{"name":"a","\u006eame":"b"}`, []issue{{"name", errs.Duplicate}}},
		{`{"Jane":1,"Jane":2}`, []issue{{"#0", errs.UnknownField}, {"#1", errs.Duplicate}}},
		{`{"in":{"n":1,"n":2},"in":{}}`, []issue{{"in.n", errs.Duplicate}, {"in", errs.Duplicate}}},
		{`{"map":{"Jane Doe":{},"Jane Doe":{}}}`, []issue{{"map.#1", errs.Duplicate}}},
		{`{"map":{"k":{"n":1,"Jane":2}}}`, []issue{{"map.#0.#1", errs.UnknownField}}},
		{`{"Skip":"x","skip":"y","-":"z"}`, []issue{{"#0", errs.UnknownField}, {"#1", errs.UnknownField},
			{"#2", errs.UnknownField}}},
		{`{"in":{"N":1}}`, []issue{{"in.#0", errs.UnknownField}}},
		{`{"Plain":1,"plain":2}`, []issue{{"#1", errs.UnknownField}}},
	} {
		t.Run(tc.json, func(t *testing.T) {
			var o outer
			assert.Equal(t, tc.want, decode([]byte(tc.json), &o))
		})
	}
}

// unexported fields are never set, even by a member of their name.
func TestDecodeUnexported(t *testing.T) {
	type rec struct {
		ID     string `json:"id"`
		secret string
	}
	var r rec
	assert.Equal(t, []issue{{"#1", errs.UnknownField}}, decode([]byte(`{"id":"a","secret":"b"}`), &r))
	assert.Equal(t, rec{ID: "a"}, r)
}

// JSON null: a pointer, slice, map, date or RawMessage... becomes its zero
// value; a struct is left as it was (as encoding/json does).
func TestDecodeNull(t *testing.T) {
	o := outer{
		Name: "keep", In: inner{N: 1, Day: date.New(2025, 1, 2)}, List: []inner{{N: 2}}, Ptr: &inner{N: 3},
		Map: map[string]inner{"k": {}}, Arr: [2]int{4, 5},
	}
	require.Empty(t, decode([]byte(`{"in":{"n":1,"day":null},"list":null,"ptr":null,"map":null,"arr":null}`), &o))
	assert.Equal(t, outer{Name: "keep", In: inner{N: 1}, Arr: [2]int{}}, o)

	o = outer{In: inner{N: 7}}
	require.Empty(t, decode([]byte(`{"in":null}`), &o))
	assert.Equal(t, outer{In: inner{N: 7}}, o, "a struct keeps its value")
}

// The errors of malformed input and of values of the wrong type: each at
// the path of the value, saying what was wanted or the byte offset where
// the syntax broke, never what was found.
func TestDecodeSyntax(t *testing.T) {
	for _, tc := range []struct {
		json string
		want []issue
	}{
		{``, []issue{{"", errMalformed}}},
		{` `, []issue{{"", errMalformed}}},
		{`{"name":`, []issue{{"", errMalformed}}},
		{`{"name":}`, []issue{{"", malformedAt(9)}}},
		{`{"name" "Jane"}`, []issue{{"", malformedAt(9)}}},
		{`{"name":"Jane"}}`, []issue{{"", errAfter}}},
		{`{"name":"Jane"} {}`, []issue{{"", errAfter}}},
		{`{"name":"Jane"} x`, []issue{{"", errAfter}}},
		{`{"name":"Jane"}` + "\n\t ", nil},
		{`[]`, []issue{{"", errNotObject}}},
		{`"Jane"`, []issue{{"", errNotObject}}},
		{`null`, nil},
		{`{"name":19800102}`, []issue{{"name", want("string")}}},
		{`{"in":{"n":1.5}}`, []issue{{"in.n", want("int")}}},
		{`{"in":{"n":1e2}}`, []issue{{"in.n", want("int")}}},
		{`{"in":{"n":9223372036854775808}}`, []issue{{"in.n", want("int")}}},
		{`{"in":{"n":-9223372036854775808}}`, nil},
		{`{"in":"Jane"}`, []issue{{"in", errNotObject}}},
		{`{"list":"Jane"}`, []issue{{"list", errNotArray}}},
		{`{"list":[1]}`, []issue{{"list[0]", errNotObject}}},
		{`{"ptr":[]}`, []issue{{"ptr", errNotObject}}},
		{`{"map":[]}`, []issue{{"map", errNotObject}}},
		{`{"arr":{}}`, []issue{{"arr", fmt.Errorf("%w: want a JSON array of at most 2", errs.Syntax)}}},
		{`{"arr":[1,"x"]}`, []issue{{"arr[1]", want("int")}}},
		{`{"in":{"day":"Jane Doe"}}`, []issue{{"in.day", errs.InvalidDate}}},
		{`{"in":{"day":19800102}}`, []issue{{"in.day", errNotString}}},
	} {
		t.Run(tc.json, func(t *testing.T) {
			var o outer
			ok, got := decodeLimit([]byte(tc.json), &o, 0)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.want == nil, ok, "Decode's result")
		})
	}
}

// Invalid text at its boundaries: \u escapes with upper- or lower-case hex
// digits; a high surrogate must be followed by a \u escape of a low one; an
// escape cut short by the end of the input is refused before it is parsed.
func TestDecodeEscapes(t *testing.T) {
	for _, tc := range []struct {
		json string
		name string // the decoded name, when the text is valid
		bad  bool
	}{
		{json: `{"name":"\u00E9\u00e9"}`, name: "éé"},
		{json: `{"name":"\uD83D\uDE00"}`, name: "😀"},
		{json: `{"name":"\uDBFF\uDFFF"}`, name: "\U0010FFFF"},
		{json: `{"name":"\uD7FF\uE000"}`, name: "\ud7ff\ue000"},
		{json: `{"name":"\\\\uD800"}`, name: `\\uD800`},
		{json: `{"name":"\uDC00"}`, bad: true},
		{json: `{"name":"\uDFFF"}`, bad: true},
		{json: `{"name":"\uD800"}`, bad: true},
		{json: `{"name":"\uDBFF"}`, bad: true},
		{json: `{"name":"\uD800\uD800"}`, bad: true},
		{json: `{"name":"\uD800\uE000"}`, bad: true},
		{json: `{"name":"\uD800\n\uDC00"}`, bad: true},
		{json: `{"name":"\uDG00"}`, bad: true},
		{json: `"\u12`, bad: true},
		{json: `"\uD800\uDC0`, bad: true},
		{json: `"\uD800\u`, bad: true},
	} {
		t.Run(tc.json, func(t *testing.T) {
			var o outer
			got := decode([]byte(tc.json), &o)
			if tc.bad {
				assert.Equal(t, []issue{{"", errNotUTF8}}, got)
				return
			}
			assert.Empty(t, got)
			assert.Equal(t, outer{Name: tc.name}, o)
		})
	}
}

// A RawMessage is a copy: changing the input afterwards does not change
// the value decoded.
func TestDecodeRawIsCopied(t *testing.T) {
	data := []byte(`{"raw":{"x":1}}`)
	var o outer
	require.Empty(t, decode(data, &o))
	copy(data[7:], `{"y":2}`)
	assert.Equal(t, outer{Raw: json.RawMessage(`{"x":1}`)}, o)
}
