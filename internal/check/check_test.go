package check_test

import (
	"testing"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/memtest"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type thing struct {
	ID string `json:"id"`
	N  int    `json:"n"`
}

func (t *thing) UnmarshalJSON(b []byte) error { return check.Unmarshal(b, t) }

func (t *thing) Validate() error {
	if t.N < 0 {
		return iop.FieldErrors{{Field: "n", Err: iop.ErrOutOfRange}}
	}
	return nil
}

func TestParse(t *testing.T) {
	got, err := check.Parse[thing]([]byte(`{"id":"a","n":2}`))
	require.NoError(t, err)
	assert.Equal(t, thing{ID: "a", N: 2}, got)

	got, err = check.Parse[thing]([]byte(`{"id":"a","n":-1}`))
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	assert.Equal(t, thing{}, got, "a refused value is the zero value")

	_, err = check.Parse[thing]([]byte(`{"id":"a","x":1,"n":"two"}`))
	var errs iop.FieldErrors
	require.ErrorAs(t, err, &errs)
	assert.Len(t, errs, 2, "every error is kept")
}

func TestUnmarshalKeepsValueOnError(t *testing.T) {
	v := thing{ID: "keep"}
	require.Error(t, v.UnmarshalJSON([]byte(`{"n":"x"}`)))
	assert.Equal(t, thing{ID: "keep"}, v)
	require.NoError(t, v.UnmarshalJSON([]byte(`{"id":"b","n":1}`)))
	assert.Equal(t, thing{ID: "b", N: 1}, v)
}

func TestRules(t *testing.T) {
	table := []iop.Rule{
		{Code: "schedule.a", Severity: iop.SeverityBlocking, Summary: "a"},
		{Code: "schedule.b", Severity: iop.SeverityWarning, Summary: "b", Cite: iop.Citation{Source: "table"}},
	}
	p := iop.Profile{Rules: []iop.RuleSetting{
		{Code: "schedule.a", Off: true},
		{Code: "schedule.b", Severity: iop.SeverityInfo},
		{Code: "group.x", Severity: iop.SeverityInfo},
	}}
	r := check.New(table, &p)
	assert.False(t, r.On(0))
	assert.Equal(t, iop.SeverityInfo, r.Severity(1))
	fs := r.Add(nil, 0, iop.Finding{Subject: "P-1"})
	assert.Empty(t, fs, "a rule turned off adds nothing")
	fs = r.Add(fs, 1, iop.Finding{Subject: "P-1", Need: 3, Got: 2, Unit: iop.UnitCount})
	assert.Equal(t, iop.Findings{{Code: "schedule.b", Severity: iop.SeverityInfo, Subject: "P-1", Need: 3, Got: 2,
		Unit: iop.UnitCount}}, fs)
	assert.Equal(t, iop.NewRuleTable(
		iop.Rule{Code: "schedule.a", Summary: "a", Cite: iop.Citation{Source: "profile"}},
		iop.Rule{Code: "schedule.b", Severity: iop.SeverityInfo, Summary: "b", Cite: iop.Citation{Source: "table"}},
	), r.Table([]iop.Citation{{Source: "profile"}}), "the profile's severity and, where given, its citation")
}

// TestTie: a "not judged" rule takes the force of the rule it stands in
// for, off when that one is off, unless the profile names it itself.
func TestTie(t *testing.T) {
	table := []iop.Rule{
		{Code: "schedule.rule", Severity: iop.SeverityBlocking},
		{Code: "schedule.not-judged", Severity: iop.SeverityBlocking},
	}
	for _, tt := range []struct {
		name     string
		settings []iop.RuleSetting
		want     iop.Severity
	}{
		{"the default", nil, iop.SeverityBlocking},
		{"the rule a warning", []iop.RuleSetting{{Code: "schedule.rule", Severity: iop.SeverityWarning}}, iop.SeverityWarning},
		{"the rule off", []iop.RuleSetting{{Code: "schedule.rule", Off: true}}, 0},
		{"named itself", []iop.RuleSetting{{Code: "schedule.rule", Severity: iop.SeverityWarning}, {Code: "schedule.not-judged", Severity: iop.SeverityInfo}}, iop.SeverityInfo},
		{"turned off itself", []iop.RuleSetting{{Code: "schedule.not-judged", Off: true}}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := iop.Profile{Rules: tt.settings}
			r := check.New(table, &p)
			r.Tie(1, 0)
			assert.Equal(t, tt.want, r.Severity(1))
		})
	}
}

func TestZeroChecker(t *testing.T) {
	err := check.ZeroChecker()
	require.ErrorIs(t, err, iop.ErrMissing)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "checker", fe.Field)
	assert.NotErrorIs(t, err, iop.ErrUnknown)
}

// EnumFail gives the *iop.ParseError of the function alone when there is
// no field, and wraps it in an *iop.FieldError under the field otherwise;
// the message names the function and the reason, never the input.
func TestEnumFail(t *testing.T) {
	err := check.EnumFail("eligibility.Risk.UnmarshalText", "", iop.ErrUnknown)
	assert.Equal(t, &iop.ParseError{Func: "eligibility.Risk.UnmarshalText", Err: iop.ErrUnknown}, err)
	require.EqualError(t, err, "eligibility.Risk.UnmarshalText: unknown value")

	err = check.EnumFail("eligibility.Dimension.UnmarshalText", "dimensions[2]", iop.ErrUnknown)
	assert.Equal(t, &iop.FieldError{Field: "dimensions[2]",
		Err: &iop.ParseError{Func: "eligibility.Dimension.UnmarshalText", Err: iop.ErrUnknown}}, err)
	require.ErrorIs(t, err, iop.ErrUnknown)
	var pe *iop.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "eligibility.Dimension.UnmarshalText", pe.Func)
	assert.EqualError(t, err, "dimensions[2]: eligibility.Dimension.UnmarshalText: unknown value")
}

// Own: no findings is nil (not an empty slice), an error drops every
// finding (all or nothing), and findings are a copy that does not share
// the caller's stack buffer.
func TestOwn(t *testing.T) {
	f1 := iop.Finding{Code: "schedule.a", Severity: iop.SeverityBlocking, Subject: "P-1", Need: 3, Got: 2}
	f2 := iop.Finding{Code: "schedule.b", Severity: iop.SeverityWarning, Subject: "P-2"}

	fs, err := check.Own(nil, nil)
	require.NoError(t, err)
	assert.Nil(t, fs)

	var buf [check.OnceCap]iop.Finding
	fs, err = check.Own(buf[:0], nil)
	require.NoError(t, err)
	assert.Nil(t, fs, "an empty buffer gives nil")

	fail := &iop.FieldError{Field: "sessions[0].date", Err: iop.ErrMissing}
	fs, err = check.Own(append(buf[:0], f1), fail)
	require.ErrorIs(t, err, iop.ErrMissing)
	assert.Same(t, fail, err, "the error as given")
	assert.Nil(t, fs, "no findings with an error")

	in := append(buf[:0], f1, f2)
	fs, err = check.Own(in, nil)
	require.NoError(t, err)
	assert.Equal(t, iop.Findings{f1, f2}, fs)
	require.Len(t, fs, 2)
	assert.Equal(t, 2, cap(fs), "the copy is just big enough")
	buf[0] = iop.Finding{}
	assert.Equal(t, f1, fs[0], "the copy does not share the buffer")
}

// Own allocates nothing when there are no findings and once when there
// are.
func TestOwnAllocs(t *testing.T) {
	if memtest.Race {
		t.Skip("the race detector allocates")
	}
	var buf [check.OnceCap]iop.Finding
	f := iop.Finding{Code: "schedule.a", Severity: iop.SeverityBlocking}
	assert.Equal(t, 0, int(testing.AllocsPerRun(100, func() { _, _ = check.Own(buf[:0], nil) })))
	assert.Equal(t, 1, int(testing.AllocsPerRun(100, func() { _, _ = check.Own(append(buf[:0], f, f, f), nil) })))
}

// Alnum: exactly n bytes, each a digit or (unless digits) an upper-case
// ASCII letter; the characters either side of each range are refused.
func TestAlnum(t *testing.T) {
	for _, tc := range []struct {
		s      string
		n      int
		digits bool
		want   bool
	}{
		{"H0015", 5, false, true},
		{"90853", 5, false, true},
		{"G0410", 5, true, false},
		{"0905", 4, true, true},
		{"09Z5", 4, false, true},
		{"0AZ9", 4, false, true},
		{"", 0, false, true},
		{"", 5, false, false},
		{"H001", 5, false, false},
		{"H00155", 5, false, false},
		{"h0015", 5, false, false},
		{"H001z", 5, false, false},
		{"H001/", 5, false, false}, // '0'-1
		{"H001:", 5, false, false}, // '9'+1
		{"H001@", 5, false, false}, // 'A'-1
		{"H001[", 5, false, false}, // 'Z'+1
		{"H001 ", 5, false, false},
		{"H00\x00", 4, false, false},
		{"É001", 5, false, false}, // five bytes, not five characters of the set
		{"0905", 5, true, false},
		{"A905", 4, true, false},
	} {
		assert.Equal(t, tc.want, check.Alnum(tc.s, tc.n, tc.digits), "Alnum(%q, %d, %t)", tc.s, tc.n, tc.digits)
	}
}
