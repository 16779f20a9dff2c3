package iop_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// enum is what every enum of iop has.
type enum interface {
	comparable
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
}

// enumPtr is what a pointer to an enum of iop has.
type enumPtr[T any] interface {
	*T
	UnmarshalText([]byte) error
}

// testEnum holds an enum to one behaviour: every value of all round-trips
// through its name, its text and its JSON; the zero value is
// unset and not valid; an unknown name is refused with an error that does
// not hold it, and leaves the value unchanged.
func testEnum[T enum, P enumPtr[T]](t *testing.T, name string, all []T, parse func(string) (T, error)) {
	t.Run(name, func(t *testing.T) {
		require.NotEmpty(t, all)
		var zero T
		assert.Zero(t, zero)
		assert.False(t, zero.IsValid())
		_, err := zero.MarshalText()
		require.EqualError(t, err, "iop."+name+".MarshalText: unknown value", "the zero value has no text")
		seen := map[string]bool{}
		for _, v := range all {
			assert.True(t, v.IsValid(), "%v", v)
			assert.NotZero(t, v, "%v", v)
			s := v.String()
			assert.False(t, seen[s], "%s twice", s)
			seen[s] = true
			got, err := parse(s)
			require.NoError(t, err, s)
			assert.Equal(t, v, got, s)

			text, err := v.MarshalText()
			require.NoError(t, err)
			var back T
			require.NoError(t, P(&back).UnmarshalText(text))
			assert.Equal(t, v, back)

			b, err := json.Marshal(v)
			require.NoError(t, err)
			var jback T
			require.NoError(t, json.Unmarshal(b, &jback))
			assert.Equal(t, v, jback)

		}
		_, err = parse("Jane Doe")
		require.ErrorIs(t, err, iop.ErrUnknown)
		assert.NotContains(t, err.Error(), "Jane")
		keep := all[0]
		require.EqualError(t, P(&keep).UnmarshalText([]byte("Jane Doe")), "iop."+name+".UnmarshalText: unknown value")
		assert.Equal(t, all[0], keep, "unchanged on error")
		assert.NotEmpty(t, T(zero).String())
	})
}

func TestEnums(t *testing.T) {
	testEnum[iop.Severity](t, "Severity", iop.All[iop.Severity](), iop.Parse[iop.Severity])
	testEnum[iop.Unit](t, "Unit", iop.All[iop.Unit](), iop.Parse[iop.Unit])
	testEnum[iop.Level](t, "Level", iop.All[iop.Level](), iop.Parse[iop.Level])
	testEnum[iop.Edition](t, "Edition", iop.All[iop.Edition](), iop.Parse[iop.Edition])
	testEnum[iop.Population](t, "Population", iop.All[iop.Population](), iop.Parse[iop.Population])
	testEnum[iop.GroupKind](t, "GroupKind", iop.All[iop.GroupKind](), iop.Parse[iop.GroupKind])
	testEnum[iop.ServiceKind](t, "ServiceKind", iop.All[iop.ServiceKind](), iop.Parse[iop.ServiceKind])
	testEnum[iop.Delivery](t, "Delivery", iop.All[iop.Delivery](), iop.Parse[iop.Delivery])
	testEnum[iop.Provider](t, "Provider", iop.All[iop.Provider](), iop.Parse[iop.Provider])
	testEnum[iop.Reach](t, "Reach", iop.All[iop.Reach](), iop.Parse[iop.Reach])
}

// set is what every set of iop has.
type set interface {
	comparable
	String() string
	IsValid() bool
	MarshalText() ([]byte, error)
	MarshalJSON() ([]byte, error)
}

type setPtr[S any] interface {
	*S
	UnmarshalText([]byte) error
	UnmarshalJSON([]byte) error
}

// testSet holds a set to one behaviour: the set of all values and each
// single value round-trip through text and JSON; the empty set is
// zero; a set with an unknown name is refused.
func testSet[S set, P setPtr[S], E comparable](t *testing.T, name string, all []E, of func(...E) S, has func(S, E) bool, values func(S) []E, parse func(string) (S, error)) {
	t.Run(name, func(t *testing.T) {
		var empty S
		assert.Zero(t, empty)
		assert.Empty(t, values(empty))
		cases := []S{empty, of(all...)}
		for _, e := range all {
			cases = append(cases, of(e))
		}
		for _, s := range cases {
			assert.True(t, s.IsValid())
			got, err := parse(s.String())
			require.NoError(t, err, s.String())
			assert.Equal(t, s, got)
			text, err := s.MarshalText()
			require.NoError(t, err)
			var back S
			require.NoError(t, P(&back).UnmarshalText(text))
			assert.Equal(t, s, back)
			b, err := s.MarshalJSON()
			require.NoError(t, err)
			var jback S
			require.NoError(t, P(&jback).UnmarshalJSON(b))
			assert.Equal(t, s, jback)
		}
		full := of(all...)
		assert.Equal(t, all, values(full))
		for _, e := range all {
			assert.True(t, has(full, e))
			assert.False(t, has(empty, e))
		}
		_, err := parse("Jane Doe")
		require.ErrorIs(t, err, iop.ErrUnknown)
		var bad S
		require.Error(t, P(&bad).UnmarshalJSON([]byte(`["Jane Doe"]`)))
	})
}

func TestSets(t *testing.T) {
	testSet[iop.Set[iop.ServiceKind]](t, "ServiceKinds", iop.All[iop.ServiceKind](), iop.SetOf[iop.ServiceKind], iop.Set[iop.ServiceKind].Has, members[iop.ServiceKind], iop.Parse[iop.Set[iop.ServiceKind]])
	testSet[iop.Set[iop.GroupKind]](t, "GroupKinds", iop.All[iop.GroupKind](), iop.SetOf[iop.GroupKind], iop.Set[iop.GroupKind].Has, members[iop.GroupKind], iop.Parse[iop.Set[iop.GroupKind]])
	testSet[iop.Set[iop.Delivery]](t, "Deliveries", iop.All[iop.Delivery](), iop.SetOf[iop.Delivery], iop.Set[iop.Delivery].Has, members[iop.Delivery], iop.Parse[iop.Set[iop.Delivery]])
	testSet[iop.Set[iop.Provider]](t, "Settings", iop.All[iop.Provider](), iop.SetOf[iop.Provider], iop.Set[iop.Provider].Has, members[iop.Provider], iop.Parse[iop.Set[iop.Provider]])
}

func TestBand(t *testing.T) {
	b := iop.Band{Min: 540, Max: 1199}
	for _, tt := range []struct {
		m    iop.Minutes
		want int
	}{{539, -1}, {540, 0}, {1199, 0}, {1200, 1}} {
		assert.Equal(t, tt.want, b.Compare(tt.m), "Compare(%s)", tt.m)
		assert.Equal(t, tt.want == 0, b.Contains(tt.m), "Contains(%s)", tt.m)
	}
	assert.Equal(t, 0, iop.Band{Min: 540}.Compare(100000), "no maximum")
}

func TestProfileSetting(t *testing.T) {
	p := iop.Profile{Rules: []iop.RuleSetting{
		{Code: "x.a", Severity: iop.SeverityInfo},
		{Code: "x.b", Off: true},
	}}
	sev, on := p.Setting(iop.Rule{Code: "x.a", Severity: iop.SeverityBlocking})
	assert.Equal(t, iop.SeverityInfo, sev)
	assert.True(t, on)
	_, on = p.Setting(iop.Rule{Code: "x.b", Severity: iop.SeverityBlocking})
	assert.False(t, on)
	sev, on = p.Setting(iop.Rule{Code: "x.c", Severity: iop.SeverityWarning})
	assert.Equal(t, iop.SeverityWarning, sev, "the table's severity")
	assert.True(t, on)
}

func TestFindingHelpers(t *testing.T) {
	fs := sample()
	assert.True(t, fs[0].IsBlocking())
	assert.False(t, fs[2].IsBlocking())
	assert.True(t, iop.Finding{}.IsZero())
	assert.False(t, fs[0].IsZero())
	same := iop.Findings{{Code: "x", Subject: "a", Need: 2}, {Code: "x", Subject: "a", Need: 1, Got: 3}, {Code: "x", Subject: "a", Need: 1, Got: 2}}
	assert.Equal(t, iop.Findings{same[2], same[1], same[0]}, same.Sorted(), "the same code and subject: by need, then got")
}

func TestFindingUnmarshalStrict(t *testing.T) {
	var f iop.Finding
	require.NoError(t, json.Unmarshal([]byte(`{"code":"x","severity":"info","day":"2025-03-03","level":"2.1","unit":"days","need":1,"got":2}`), &f))
	assert.Equal(t, iop.Finding{Code: "x", Severity: iop.SeverityInfo, Day: iop.MustParseDate("2025-03-03"), Level: iop.Level21, Unit: iop.UnitDays, Need: 1, Got: 2}, f)
	keep := f
	for _, tc := range []struct{ json, field string }{
		{`{"code":"x","summary":"words"}`, "#1"},
		{`{"code":"x","day":"2025-02-30"}`, "day"},
		{`{"code":"x","severity":"fatal"}`, "severity"},
		{`{"code":"x","code":"y"}`, "code"},
	} {
		err := f.UnmarshalJSON([]byte(tc.json))
		var fe *iop.FieldError
		require.ErrorAs(t, err, &fe, tc.json)
		assert.Equal(t, tc.field, fe.Field, tc.json)
		assert.Equal(t, keep, f, "unchanged on error")
	}
}

func TestFieldErrorsLenAndProfileError(t *testing.T) {
	es := iop.FieldErrors{{Field: "a", Err: iop.ErrMissing}}
	assert.Equal(t, 1, es.Len())
	// The day judged is input (a birth date in the wrong column would be
	// one): a field of the error, never in its message.
	on := iop.MustParseDate("2025-01-01")
	_, err := iop.Profiles{}.AsOf(iop.Level21, on)
	assert.Equal(t, "iop: level 2.1: no profile in force on the day judged", err.Error())
	var pe *iop.ProfileError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, iop.ProfileError{Level: iop.Level21, On: on, Err: iop.ErrNoProfile}, *pe)
	two := iop.Profiles{{ID: "a", Level: iop.Level21, From: on}, {ID: "b", Level: iop.Level21, From: on}}
	_, err = two.AsOf(iop.Level21, on)
	assert.Equal(t, "iop: level 2.1: more than one profile in force on the day judged", err.Error())
}

func TestDeliveryOf(t *testing.T) {
	for _, tc := range []struct {
		pos  string
		mods []string
		want iop.Delivery
	}{
		{"11", nil, iop.DeliveryInPerson},
		{"", nil, iop.DeliveryInPerson},
		{"02", nil, iop.DeliveryVideo},
		{"10", nil, iop.DeliveryVideo},
		{"11", []string{"95"}, iop.DeliveryVideo},
		{"11", []string{"GT"}, iop.DeliveryVideo},
		{"10", []string{"93"}, iop.DeliveryAudioOnly},
		{"11", []string{"25", "FQ"}, iop.DeliveryAudioOnly},
		{"11", []string{"95", "93"}, iop.DeliveryAudioOnly},
		{"11", []string{"HQ"}, iop.DeliveryInPerson},
	} {
		assert.Equal(t, tc.want, iop.DeliveryOf(tc.pos, tc.mods...), "DeliveryOf(%q, %q)", tc.pos, tc.mods)
	}
}

// members lists the values in s.
func members[E iop.Enum](s iop.Set[E]) []E { return slices.Collect(s.All()) }

// TestZeroErrorsDoNotPanic: the package doc says nothing in it panics on
// any input but the MustParse functions; the zero value of each error
// type (a caller's expected error in a test, say) is input too.
func TestZeroErrorsDoNotPanic(t *testing.T) {
	var nilField *iop.FieldError
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&iop.FieldError{}, "invalid"},
		{&iop.FieldError{Field: "schedule.weekly"}, "schedule.weekly: invalid"},
		{nilField, "invalid"},
		{&iop.ParseError{Func: "iop.Level.UnmarshalText"}, "iop.Level.UnmarshalText: invalid"},
		{&iop.ProfileError{}, "iop: level %!Level(0): invalid on the day judged"},
		{&iop.ProfileError{Profile: "p", From: iop.MustParseDate("2025-01-01")}, "iop: profile p: invalid on the day judged (in force from 2025-01-01)"},
		{iop.FieldErrors{nil, {Field: "a", Err: iop.ErrMissing}}, "invalid\na: missing"},
	} {
		assert.Equal(t, tc.want, tc.err.Error())
	}
	l := iop.FieldErrors{{Field: "b"}, nil, {Field: "a"}}
	l.Sort()
	assert.Equal(t, iop.FieldErrors{nil, {Field: "a"}, {Field: "b"}}, l)
	var got iop.FieldErrors
	got.Add("x", iop.FieldErrors{nil, {Field: "a", Err: iop.ErrMissing}})
	got.Add("y", nilField)
	assert.Equal(t, iop.FieldErrors{{Field: "x.a", Err: iop.ErrMissing}}, got)
	require.ErrorIs(t, iop.FieldErrors{nil, {Field: "a", Err: iop.ErrMissing}}, iop.ErrMissing)
}
