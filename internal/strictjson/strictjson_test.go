package strictjson_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type inner struct {
	N    int       `json:"n"`
	Day  date.Date `json:"day,omitzero"`
	Skip string    `json:"-"`
}

type outer struct {
	Name  string           `json:"name"`
	In    inner            `json:"in"`
	List  []inner          `json:"list"`
	Ptr   *inner           `json:"ptr"`
	Map   map[string]inner `json:"map"`
	Arr   [2]int           `json:"arr"`
	Plain int
	Raw   json.RawMessage `json:"raw"`
}

type issue struct {
	path string
	err  error
}

// decode decodes data into v and returns every error reported.
func decode(data []byte, v any) []issue {
	var out []issue
	strictjson.Decode(data, v, 0, func(path string, err error) { out = append(out, issue{path, err}) })
	return out
}

func TestDecode(t *testing.T) {
	var o outer
	got := decode([]byte(`{"name":"a","in":{"n":1,"day":"2024-02-29"},"list":[{"n":2}],
		"ptr":{"n":3},"map":{"k":{"n":4}},"arr":[5,6],"Plain":7,"raw":{"x":1}}`), &o)
	require.Empty(t, got)
	assert.Equal(t, outer{
		Name: "a", In: inner{N: 1, Day: date.New(2024, 2, 29)}, List: []inner{{N: 2}},
		Ptr: &inner{N: 3}, Map: map[string]inner{"k": {N: 4}}, Arr: [2]int{5, 6}, Plain: 7,
		Raw: json.RawMessage(`{"x":1}`),
	}, o)
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		json  string
		field string
		want  error
	}{
		{`{"in":{"day":"2025-02-29"}}`, "in.day", errs.InvalidDate},
		{`{"in":{"day":"2025-2-28"}}`, "in.day", errs.InvalidDate},
		{`{"in":{"day":"0000-01-01"}}`, "in.day", errs.InvalidDate},
		{`{"in":{"day":20250228}}`, "in.day", errs.Syntax},
		{`{"list":[{"n":1},{"m":2}]}`, "list[1].#0", errs.UnknownField},
		{`{"map":{"k":{"n":"x"}}}`, "map.#0.n", errs.Syntax},
		{`{"arr":[1,2,3]}`, "arr", errs.Syntax},
		{`{"name":"a","name":"b"}`, "name", errs.Duplicate},
		{`{"Skip":"x"}`, "#0", errs.UnknownField},
		{`{"in":{"n":1}`, "", errs.Syntax},
		{`{} x`, "", errs.Syntax},
		{`{"list":{}}`, "list", errs.Syntax},
		{`{"in":[]}`, "in", errs.Syntax},
		{`{"in":{"n":99999999999999999999}}`, "in.n", errs.Syntax},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			var o outer
			got := decode([]byte(tt.json), &o)
			require.Len(t, got, 1)
			assert.Equal(t, tt.field, got[0].path)
			require.ErrorIs(t, got[0].err, tt.want)
			assert.NotContains(t, got[0].err.Error(), "99999", "a rejected number is not quoted")
		})
	}
}

// Every error is reported, not only the first.
func TestDecodeReportsEverything(t *testing.T) {
	var o outer
	got := decode([]byte(`{"name":1,"in":{"n":"x","day":"2025-02-30","q":1},"list":[{"n":true}],"zz":0}`), &o)
	var paths []string
	for _, g := range got {
		paths = append(paths, g.path)
	}
	assert.Equal(t, []string{"name", "in.n", "in.day", "in.#2", "list[0].n", "#3"}, paths)
}

func TestDecodeDepth(t *testing.T) {
	type node struct {
		Next *node `json:"next"`
	}
	deep := []byte(`{"next":`)
	for range 100 {
		deep = append(deep, []byte(`{"next":`)...)
	}
	deep = append(deep, []byte(`null`)...)
	for range 101 {
		deep = append(deep, '}')
	}
	var n node
	got := decode(deep, &n)
	require.NotEmpty(t, got)
	require.ErrorIs(t, got[0].err, errs.Syntax)
}

func TestDecodeTarget(t *testing.T) {
	var o outer
	got := decode([]byte(`{}`), o)
	require.Len(t, got, 1)
	require.ErrorIs(t, got[0].err, errs.Syntax)
	got = decode([]byte(`{}`), (*outer)(nil))
	require.Len(t, got, 1)
	require.ErrorIs(t, got[0].err, errs.Syntax)
}

// Invalid UTF-8 and unpaired surrogate escapes are refused: encoding/json
// would read "\xff" and "\xfe" (or "\ud800" and "\udc00") as the same
// U+FFFD, merging two records.
func TestDecodeRefusesInvalidText(t *testing.T) {
	for _, in := range []string{"{\"name\":\"P\xff\"}", `{"name":"P\ud800"}`, `{"name":"P\udc00"}`, `{"name":"P\ud800\u0041"}`, `{"name":"P\u12"}`} {
		var o outer
		got := decode([]byte(in), &o)
		require.Len(t, got, 1, "%q", in)
		require.ErrorIs(t, got[0].err, errs.Syntax, "%q", in)
	}
	for _, in := range []string{`{"name":"P\ud83d\ude00"}`, `{"name":"P\\ud800"}`, `{"name":"Zo\u00eb"}`, "{\"name\":\"Zoë\"}"} {
		var o outer
		assert.Empty(t, decode([]byte(in), &o), "%q", in)
	}
}

func TestDecodeShortArray(t *testing.T) {
	o := outer{Arr: [2]int{7, 8}}
	require.Empty(t, decode([]byte(`{"arr":[5]}`), &o))
	assert.Equal(t, [2]int{5, 0}, o.Arr, "the rest of a fixed array is zero")
}

func TestDecodeLimit(t *testing.T) {
	var o outer
	var got []issue
	ok := strictjson.Decode([]byte(`{"name":"abcdef"}`), &o, 10, func(p string, err error) { got = append(got, issue{p, err}) })
	assert.False(t, ok)
	require.Len(t, got, 1)
	require.ErrorIs(t, got[0].err, errs.TooLarge)
}

// Duplicate-key detection is linear: ten times the keys cost about ten
// times the time, not a hundred (a quadratic scan would). The bound is a
// ratio of the best of five runs each, measured in one run, with room for
// a machine shared with other work (seen at 50x under heavy load).
func TestDecodeManyKeys(t *testing.T) {
	doc := func(n int) []byte {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"k%d":1`, i)
		}
		b.WriteString("}")
		return []byte(b.String())
	}
	run := func(n int) time.Duration {
		data := doc(n)
		best := time.Duration(1<<63 - 1)
		for range 5 {
			start := time.Now()
			m := map[string]int{}
			got := decode(data, &m)
			best = min(best, time.Since(start))
			require.Empty(t, got)
			require.Len(t, m, n)
		}
		return best
	}
	small, large := run(10000), run(100000)
	assert.Less(t, large, 75*small, "100,000 keys took %v, 10,000 took %v", large, small)
}

// A document with 100,000 unknown members is refused with MaxErrors
// errors and one more that says the rest were not reported.
func TestDecodeStopsAfterMaxErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"name":"x"`)
	for i := range 100000 {
		fmt.Fprintf(&b, `,"k%d":1`, i)
	}
	b.WriteString("}")
	data := []byte(b.String())
	// It stops: refusing the document costs a fraction of reading every
	// member of it (into a map that takes any key), measured as the best of
	// three runs of each in this run, so that a loaded machine does not fail
	// the test (a wall-clock bound did).
	best := func(f func()) time.Duration {
		d := time.Duration(1<<63 - 1)
		for range 3 {
			start := time.Now()
			f()
			d = min(d, time.Since(start))
		}
		return d
	}
	var got []issue
	refuse := best(func() {
		var o outer
		got = decode(data, &o)
	})
	require.Len(t, got, strictjson.MaxErrors+1)
	require.ErrorIs(t, got[0].err, errs.UnknownField)
	require.ErrorIs(t, got[strictjson.MaxErrors].err, errs.TooLarge)
	read := best(func() {
		m := map[string]any{}
		require.Empty(t, decode(data, &m))
	})
	t.Logf("refused in %v, read whole in %v", refuse, read)
	assert.Less(t, refuse, read/4, "refused in %v, read whole in %v", refuse, read)
}

func TestJoin(t *testing.T) {
	assert.Equal(t, "a[2].b", strictjson.Join(strictjson.Join("a", "[2]"), "b"))
	assert.Equal(t, "b", strictjson.Join("", "b"))
	assert.Equal(t, "a", strictjson.Join("a", ""))
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"name":"a","in":{"n":1,"day":"2024-02-29"},"list":[{"n":2}],"ptr":{"n":3},"map":{"k":{"n":4}},"arr":[5,6]}`))
	f.Add([]byte(`{"in":{"day":"2025-02-30"}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o outer
		if got := decode(data, &o); len(got) > 0 {
			for _, g := range got {
				require.True(t, errors.Is(g.err, errs.Syntax) || errors.Is(g.err, errs.InvalidDate) ||
					errors.Is(g.err, errs.UnknownField) || errors.Is(g.err, errs.Duplicate), "unexpected error %v", g.err)
			}
			return
		}
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back outer
		require.Empty(t, decode(b, &back), "decoding our own encoding: %s", b)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}

func manyKeys(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"name":"x"`)
	for i := range n {
		fmt.Fprintf(&b, `,"k%d":1`, i)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// BenchmarkDecode100kKeysRefused: a 1.1 MB object of 100,000 unknown keys
// into a struct (refused after MaxErrors).
func BenchmarkDecode100kKeysRefused(b *testing.B) {
	data := manyKeys(100000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var o outer
		strictjson.Decode(data, &o, 0, func(string, error) {})
	}
}

// BenchmarkDecode100kKeysMap: the same object decoded into a map (every key
// kept, duplicates looked for).
func BenchmarkDecode100kKeysMap(b *testing.B) {
	data := manyKeys(100000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		m := map[string]json.RawMessage{}
		strictjson.Decode(data, &m, 0, func(string, error) {})
	}
}

// A time.Time takes RFC 3339, as its own UnmarshalJSON does, but an error
// holds none of the input.
func TestDecodeInstant(t *testing.T) {
	type rec struct {
		At time.Time `json:"at"`
	}
	var r rec
	require.Empty(t, decode([]byte(`{"at":"2026-03-02T09:30:00-05:00"}`), &r))
	assert.True(t, r.At.Equal(time.Date(2026, 3, 2, 14, 30, 0, 0, time.UTC)))
	_, off := r.At.Zone()
	assert.Equal(t, -5*3600, off)
	require.Empty(t, decode([]byte(`{"at":null}`), &r))
	assert.True(t, r.At.IsZero())
	for _, in := range []string{`{"at":"Jane Doe 1980-01-02"}`, `{"at":"1980-01-02"}`, `{"at":19800102}`} {
		got := decode([]byte(in), &r)
		require.Len(t, got, 1)
		assert.Equal(t, "at", got[0].path)
		require.ErrorIs(t, got[0].err, errs.Syntax)
		assert.NotContains(t, got[0].err.Error(), "1980")
		assert.NotContains(t, got[0].err.Error(), "Jane")
	}
}
