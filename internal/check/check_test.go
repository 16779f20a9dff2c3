package check_test

import (
	"testing"

	"github.com/ioprules/ioprules/internal/check"
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

func TestZeroChecker(t *testing.T) {
	err := check.ZeroChecker()
	require.ErrorIs(t, err, iop.ErrMissing)
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "checker", fe.Field)
	assert.NotErrorIs(t, err, iop.ErrUnknown)
}
