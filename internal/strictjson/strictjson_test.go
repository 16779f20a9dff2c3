package strictjson_test

import (
	"encoding/json"
	"testing"

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

func TestDecode(t *testing.T) {
	var o outer
	err := strictjson.Decode([]byte(`{"name":"a","in":{"n":1,"day":"2024-02-29"},"list":[{"n":2}],
		"ptr":{"n":3},"map":{"k":{"n":4}},"arr":[5,6],"Plain":7,"raw":{"x":1}}`), &o)
	require.NoError(t, err)
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
		{`{"in":{"day":"2025-02-29"}}`, "in.day", strictjson.ErrInvalidDate},
		{`{"in":{"day":"2025-2-28"}}`, "in.day", strictjson.ErrInvalidDate},
		{`{"in":{"day":20250228}}`, "in.day", strictjson.ErrSyntax},
		{`{"list":[{"n":1},{"m":2}]}`, "list[1].m", strictjson.ErrUnknownField},
		{`{"map":{"k":{"n":"x"}}}`, "map.k.n", strictjson.ErrSyntax},
		{`{"arr":[1]}`, "arr", strictjson.ErrSyntax},
		{`{"name":"a","name":"b"}`, "name", strictjson.ErrDuplicateField},
		{`{"Skip":"x"}`, "Skip", strictjson.ErrUnknownField},
		{`{"in":{"n":1}`, "", strictjson.ErrSyntax},
		{`{} x`, "", strictjson.ErrSyntax},
		{`{"list":{}}`, "list", strictjson.ErrSyntax},
		{`{"in":[]}`, "in", strictjson.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			var o outer
			err := strictjson.Decode([]byte(tt.json), &o)
			require.ErrorIs(t, err, tt.want)
			var fe *strictjson.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
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
	require.ErrorIs(t, strictjson.Decode(deep, &n), strictjson.ErrSyntax)
}

func TestDecodeTarget(t *testing.T) {
	var o outer
	require.ErrorIs(t, strictjson.Decode([]byte(`{}`), o), strictjson.ErrSyntax)
	require.ErrorIs(t, strictjson.Decode([]byte(`{}`), (*outer)(nil)), strictjson.ErrSyntax)
}

func TestWrap(t *testing.T) {
	require.NoError(t, strictjson.Wrap("a", nil))
	err := strictjson.Wrap("a", strictjson.Wrap("[2]", strictjson.Wrap("b", strictjson.ErrInvalidDate)))
	var fe *strictjson.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "a[2].b", fe.Field)
	assert.Equal(t, "a[2].b: invalid date", err.Error())
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"name":"a","in":{"n":1,"day":"2024-02-29"},"list":[{"n":2}],"ptr":{"n":3},"map":{"k":{"n":4}},"arr":[5,6]}`))
	f.Add([]byte(`{"in":{"day":"2025-02-30"}}`))
	f.Add([]byte(`{"a":1,"a":2}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o outer
		if err := strictjson.Decode(data, &o); err != nil {
			var fe *strictjson.FieldError
			require.ErrorAs(t, err, &fe)
			return
		}
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back outer
		require.NoError(t, strictjson.Decode(b, &back), "decoding our own encoding: %s", b)
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(b2))
	})
}
