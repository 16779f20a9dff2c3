package iop_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSet(t *testing.T) {
	s := iop.SetOf(iop.DeliveryVideo, iop.DeliveryInPerson, 0, 200)
	assert.Equal(t, "in-person,video", s.String())
	assert.True(t, s.Has(iop.DeliveryVideo))
	assert.False(t, s.Has(iop.DeliveryAudioOnly))
	assert.False(t, s.Has(0))
	assert.True(t, s.IsValid())
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []iop.Delivery{iop.DeliveryInPerson, iop.DeliveryVideo}, slices.Collect(s.All()))
	assert.Empty(t, iop.Set[iop.Delivery](0).String())

	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["in-person","video"]`, string(b), "a list of names, never bits")
	var back iop.Set[iop.Delivery]
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	b, err = json.Marshal(iop.Set[iop.Delivery](0))
	require.NoError(t, err)
	assert.JSONEq(t, `[]`, string(b))

	text, err := s.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "in-person,video", string(text))
	got, err := iop.Parse[iop.Set[iop.Delivery]]("video,in-person")
	require.NoError(t, err, "any order")
	assert.Equal(t, s, got)
	got, err = iop.Parse[iop.Set[iop.Delivery]]("")
	require.NoError(t, err)
	assert.Equal(t, iop.Set[iop.Delivery](0), got, `"" is the empty set`)

	stray := s | 1<<9
	assert.False(t, stray.IsValid())
	assert.Equal(t, "in-person,video,%!Set(0x200)", stray.String(), "stray bits are shown, not dropped")
	_, err = stray.MarshalText()
	require.ErrorIs(t, err, iop.ErrUnknown)
	_, err = json.Marshal(stray)
	require.ErrorIs(t, err, iop.ErrUnknown)
}

func TestSetRefuses(t *testing.T) {
	tests := []struct {
		text  string
		want  error
		field string
	}{
		{"video,video", iop.ErrDuplicate, "[1]"},
		{"video,Jane Doe", iop.ErrUnknown, "[1]"},
		{"video,", iop.ErrUnknown, "[1]"},
		{" video", iop.ErrUnknown, "[0]"},
	}
	for _, tt := range tests {
		s := iop.SetOf(iop.DeliveryAudioOnly)
		err := s.UnmarshalText([]byte(tt.text))
		require.ErrorIs(t, err, tt.want, "UnmarshalText(%q)", tt.text)
		var fe *iop.FieldError
		require.ErrorAs(t, err, &fe)
		assert.Equal(t, tt.field, fe.Field)
		assert.NotContains(t, err.Error(), "Jane", "the error does not hold the input")
		assert.Equal(t, iop.SetOf(iop.DeliveryAudioOnly), s, "unchanged on error")
	}
	var s iop.Set[iop.Delivery]
	require.ErrorIs(t, json.Unmarshal([]byte(`["video","video"]`), &s), iop.ErrDuplicate)
	require.ErrorIs(t, json.Unmarshal([]byte(`"video"`), &s), iop.ErrSyntax)
	require.ErrorIs(t, json.Unmarshal([]byte(`["Jane Doe"]`), &s), iop.ErrUnknown)
}

func TestAll(t *testing.T) {
	assert.Equal(t, []iop.Population{iop.PopulationAdult, iop.PopulationAdolescent}, iop.All[iop.Population]())
	assert.Len(t, iop.All[iop.Level](), 19)
}

func TestParse(t *testing.T) {
	l, err := iop.Parse[iop.Level]("2.1")
	require.NoError(t, err)
	assert.Equal(t, iop.Level21, l)
	_, err = iop.Parse[iop.Level]("Jane Doe")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "iop.Level.UnmarshalText: unknown value", err.Error())
	m, err := iop.Parse[iop.Minutes]("1h30m")
	require.NoError(t, err, "any type with UnmarshalText")
	assert.Equal(t, iop.Minutes(90), m)
}

// FuzzSet checks that a set's text form round-trips and that no error
// repeats the input.
func FuzzSet(f *testing.F) {
	for _, s := range []string{"", "video", "in-person,video", "video,video", "Jane Doe", "audio-only,in-person,video"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := iop.Parse[iop.Set[iop.ServiceKind]](in)
		if err != nil {
			if len(in) >= 4 && strings.Contains(err.Error(), in) {
				t.Errorf("the error %q repeats the input", err.Error())
			}
			return
		}
		text, err := s.MarshalText()
		require.NoError(t, err)
		again, err := iop.Parse[iop.Set[iop.ServiceKind]](string(text))
		require.NoError(t, err)
		assert.Equal(t, s, again)
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var back iop.Set[iop.ServiceKind]
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, s, back)
	})
}
