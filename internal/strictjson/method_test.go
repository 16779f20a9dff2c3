package strictjson_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/internal/errs"
	"github.com/ioprules/ioprules/internal/strictjson"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tier is an enum with UnmarshalText, as the module's enums have: it
// accepts exactly "low" and "high", and "" for the zero value, and
// MarshalText writes them.
type tier uint8

var errTier = errors.New("tier: unknown value")

func (t tier) MarshalText() ([]byte, error) {
	return []byte([]string{"", "low", "high"}[t]), nil
}

func (t *tier) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*t = 0
	case "low":
		*t = 1
	case "high":
		*t = 2
	default:
		return errTier
	}
	return nil
}

// shout has UnmarshalJSON: it takes a JSON string and keeps it in upper
// case, and refuses the string "bad", and any other JSON value, with
// errShout.
type shout string

var errShout = errors.New("shout: refused")

func (s *shout) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil || str == "bad" {
		return errShout
	}
	*s = shout(strings.ToUpper(str))
	return nil
}

type methods struct {
	Tier   tier            `json:"tier"`
	Tiers  []tier          `json:"tiers"`
	Shout  shout           `json:"shout"`
	ByTier map[tier]int    `json:"by_tier"`
	PTier  *tier           `json:"ptier"`
	ByInt  map[int]int     `json:"by_int"`
	Shouts []shout         `json:"shouts"`
	Named  map[string]tier `json:"named"`
}

// Fields with UnmarshalText or UnmarshalJSON decode themselves, at any
// depth: in a slice, behind a pointer, as a map's values and, for
// UnmarshalText, as a map's keys.
func TestDecodeMethods(t *testing.T) {
	var m methods
	require.Empty(t, decode([]byte(`{"tier":"high","tiers":["low","high"],"shout":"hi","by_tier":{"low":1,"high":2},
		"ptier":"low","shouts":["a","b"],"named":{"x":"high"}}`), &m))
	low, high := tier(1), tier(2)
	assert.Equal(t, methods{Tier: high, Tiers: []tier{low, high}, Shout: "HI", ByTier: map[tier]int{low: 1, high: 2},
		PTier: &low, Shouts: []shout{"A", "B"}, Named: map[string]tier{"x": high}}, m)
}

// A method's error is reported as the method returned it, under the
// field's path; a map key that its UnmarshalText refuses is named by its
// position, never by its text.
func TestDecodeMethodErrors(t *testing.T) {
	for _, tc := range []struct {
		json string
		want []issue
	}{
		{`{"tier":"medium"}`, []issue{{"tier", errTier}}},
		{`{"tier":2}`, []issue{{"tier", errNotString}}},
		{`{"tier":{}}`, []issue{{"tier", errNotString}}},
		{`{"tiers":["low","Jane","high",7]}`, []issue{{"tiers[1]", errTier}, {"tiers[3]", errNotString}}},
		{`{"shout":"bad"}`, []issue{{"shout", errShout}}},
		{`{"shouts":["ok","bad"]}`, []issue{{"shouts[1]", errShout}}},
		{`{"by_tier":{"low":1,"Jane Doe":2,"high":"x"}}`, []issue{{"by_tier.#1", errTier},
			{"by_tier.#2", want("int")}}},
		{`{"named":{"Jane Doe":"none"}}`, []issue{{"named.#0", errTier}}},
		{`{"ptier":"none"}`, []issue{{"ptier", errTier}}},
		// encoding/json takes integer keys; this package takes only string
		// keys and keys with UnmarshalText, and says so once for the map.
		{`{"by_int":{"1":1,"2":2}}`, []issue{{"by_int", errUnsupportedKey}}},
		{`{"by_int":{}}`, []issue{{"by_int", errUnsupportedKey}}},
	} {
		t.Run(tc.json, func(t *testing.T) {
			var m methods
			assert.Equal(t, tc.want, decode([]byte(tc.json), &m))
		})
	}
}

// A JSON null leaves a value with UnmarshalText zero (it is not passed to
// the method), and is passed to UnmarshalJSON, which decides.
func TestDecodeMethodNull(t *testing.T) {
	m := methods{Tier: 2, Shout: "KEEP"}
	require.Empty(t, decode([]byte(`{"tier":null,"shout":null}`), &m))
	assert.Equal(t, methods{}, m, "shout's method reads null as the empty string")
}

// The value Decode is called on does not decode itself with its own
// UnmarshalJSON (which calls Decode: it would never end); the same type
// deeper down does.
type self struct {
	Name shout  `json:"name"`
	Kids []self `json:"kids"`
	N    int    `json:"n"`
}

func (s *self) UnmarshalJSON(b []byte) error {
	var x self
	var first error
	strictjson.Decode(b, &x, 0, func(path string, err error) {
		if first == nil {
			first = err
		}
	})
	if first != nil {
		return first
	}
	x.N++ // marks a value its method decoded
	*s = x
	return nil
}

func TestDecodeTopIgnoresOwnMethod(t *testing.T) {
	var s self
	require.Empty(t, decode([]byte(`{"name":"a","kids":[{"name":"b","kids":[{"name":"c"}]}]}`), &s))
	assert.Equal(t, self{Name: "A", Kids: []self{{Name: "B", N: 1, Kids: []self{{Name: "C", N: 1}}}}}, s)

	// UnmarshalJSON of a kid reports its own first error; Decode reports it
	// under the kid's path.
	assert.Equal(t, []issue{{"kids[1]", errs.UnknownField}},
		decode([]byte(`{"kids":[{},{"x":1}]}`), &s))
}

// rich has a field of every kind Decode reads differently.
type rich struct {
	O    outer     `json:"o"`
	M    methods   `json:"m"`
	At   time.Time `json:"at"`
	Tree tree      `json:"tree"`
	Rich *rich     `json:"rich"`
}

// jsonNames returns the JSON names of the fields of struct type t and of
// the struct types it holds, at any depth.
func jsonNames(t reflect.Type, into map[string]bool) {
	for i := 0; i < 8 && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array ||
		t.Kind() == reflect.Map); i++ {
		t = t.Elem() // a tree is a slice of itself: a few steps are enough
	}
	if t.Kind() != reflect.Struct || t.PkgPath() != reflect.TypeFor[rich]().PkgPath() {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		n, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if n == "" {
			n = f.Name
		}
		if !into[n] {
			into[n] = true
			jsonNames(f.Type, into)
		}
	}
}

var (
	indexRE = regexp.MustCompile(`\[[0-9]+\]`)
	digitRE = regexp.MustCompile(`[0-9]+`)
	posRE   = regexp.MustCompile(`^#[0-9]+$`)
)

// FuzzDecodeHoldsNoInput: whatever the input, an error's path is made of
// the schema's member names, positions (#3) and indices ([3]), and its
// message, with its figures taken out, is one of a fixed set: no error
// carries input text (42 CFR Part 2: a key or a value may be a name). A
// document that decodes gives the same value when decoded again from its
// own encoding.
func FuzzDecodeHoldsNoInput(f *testing.F) {
	names := map[string]bool{}
	jsonNames(reflect.TypeFor[rich](), names)
	messages := map[string]bool{errTier.Error(): true, errShout.Error(): true}
	for _, e := range []error{errNotString, errNotObject, errNotArray, errTooDeep, errUnsupportedKey, errNotUTF8,
		errAfter, errMalformed, malformedAt(0), errs.InvalidDate, errs.UnknownField, errs.Duplicate,
		fmt.Errorf("%w: want a JSON array of at most 2", errs.Syntax),
		fmt.Errorf("%w: want an RFC 3339 date and time", errs.Syntax),
		fmt.Errorf("%w: above 0 bytes", errs.TooLarge),
		fmt.Errorf("%w: more than 0 errors, the rest not reported", errs.TooLarge),
		want("int"), want("string"), want("json.RawMessage"),
	} {
		messages[digitRE.ReplaceAllString(e.Error(), "0")] = true
	}
	for _, s := range []string{
		`{"o":{"name":"a","in":{"n":1,"day":"2024-02-29"},"list":[{"n":2}],"ptr":{"n":3},"map":{"k":{"n":4}},"arr":[5,6]}}`,
		`{"m":{"tier":"high","tiers":["low"],"shout":"x","by_tier":{"low":1},"ptier":"low","by_int":{},"named":{"k":"high"}}}`,
		`{"at":"2026-03-02T09:30:00-05:00","tree":[[],[[]]],"rich":{"rich":{"name":"b"}}}`,
		`{"Jane":1,"Jane":2,"m":{"by_tier":{"Jane Doe":1}},"o":{"in":{"day":"1980-02-30"}},"at":"Jane"}`,
		`{"o":{"name":"\ud800","raw":{"a":1,"a":1}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var r rich
		ok, got := decodeLimit(data, &r, 4096)
		assert.Equal(t, len(got) == 0, ok, "Decode's result")
		for _, g := range got {
			if members := indexRE.ReplaceAllString(g.path, ""); members != "" {
				for part := range strings.SplitSeq(members, ".") {
					assert.True(t, names[part] || posRE.MatchString(part), "path %q: %q is not a name of the schema", g.path, part)
				}
			}
			msg := digitRE.ReplaceAllString(g.err.Error(), "0")
			assert.True(t, messages[msg], "path %q: message %q", g.path, g.err)
		}
		if !ok {
			return
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var back rich
		ok, got = decodeLimit(b, &back, 0)
		require.True(t, ok, "decoding our own encoding %s: %v", b, got)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(b2))
	})
}
