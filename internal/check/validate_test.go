package check_test

import (
	"fmt"
	"testing"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fe is the error a Validator adds under field: sentinel wrapped with the
// reason, so that the message reads "out of range: above 7".
func fe(field string, sentinel error, reason string) *iop.FieldError {
	return &iop.FieldError{Field: field, Err: fmt.Errorf("%w: %s", sentinel, reason)}
}

// assertErrs compares a Validator's errors with want as a whole (paths,
// sentinels, reasons, order), and its Err with want's (nil for none).
func assertErrs(t *testing.T, want iop.FieldErrors, v *check.Validator) {
	t.Helper()
	assert.Equal(t, want, v.Errs)
	assert.Equal(t, want.Err(), v.Err())
}

// NonNegative, AtMost and Count at their boundaries: 0 and max are
// accepted, -1 and max+1 refused, each under its field with the bound in
// the reason (a figure of the rule, never the value given).
func TestValidatorCounts(t *testing.T) {
	const max = 7
	neg := fe("n", iop.ErrOutOfRange, "negative")
	above := fe("n", iop.ErrOutOfRange, "above 7")
	for _, tc := range []struct {
		name string
		n    int
		// what each method reports for n
		nonNeg, atMost, count iop.FieldErrors
	}{
		{name: "min int32", n: -1 << 31, nonNeg: iop.FieldErrors{neg}, count: iop.FieldErrors{neg}},
		{name: "below zero", n: -1, nonNeg: iop.FieldErrors{neg}, count: iop.FieldErrors{neg}},
		{name: "zero", n: 0},
		{name: "one", n: 1},
		{name: "max", n: max},
		{name: "above max", n: max + 1, atMost: iop.FieldErrors{above}, count: iop.FieldErrors{above}},
		{name: "max int32", n: 1<<31 - 1, atMost: iop.FieldErrors{above}, count: iop.FieldErrors{above}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v check.Validator
			v.NonNegative("n", tc.n)
			assertErrs(t, tc.nonNeg, &v)

			v = check.Validator{}
			v.AtMost("n", tc.n, max)
			assertErrs(t, tc.atMost, &v)

			v = check.Validator{}
			v.Count("n", tc.n, max)
			assertErrs(t, tc.count, &v)
		})
	}
}

// A negative max refuses everything above it, zero included: AtMost does
// not reinterpret the bound.
func TestValidatorAtMostNegativeMax(t *testing.T) {
	var v check.Validator
	v.AtMost("n", 0, -1)
	v.AtMost("m", -1, -1)
	assertErrs(t, iop.FieldErrors{fe("n", iop.ErrOutOfRange, "above -1")}, &v)
}

// Cited refuses a rule group that is set and whose citation has no Source:
// a Title, Edition or Note alone is not a citation. A group that is not set
// needs none.
func TestValidatorCited(t *testing.T) {
	missing := iop.FieldErrors{fe("weekly.cite", iop.ErrMissing, "citation")}
	for _, tc := range []struct {
		name string
		set  bool
		cite iop.Citation
		want iop.FieldErrors
	}{
		{name: "unset, no citation", set: false},
		{name: "unset, cited", set: false, cite: iop.Citation{Source: "42 CFR 410.44"}},
		{name: "set, cited", set: true, cite: iop.Citation{Source: "42 CFR 410.44"}},
		{name: "set, no citation", set: true, want: missing},
		{name: "set, title only", set: true, cite: iop.Citation{Title: "Intensive outpatient services",
			Edition: "CY2024", Note: "n"}, want: missing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v check.Validator
			v.Cited("weekly.cite", tc.set, tc.cite)
			assertErrs(t, tc.want, &v)
		})
	}
}

// Band checks each end against [0, max] under field.min and field.max, and
// the order of the ends under field; a Max of zero means no maximum, so a
// band with a minimum and no maximum is in order.
func TestValidatorBand(t *testing.T) {
	const max = iop.Minutes(check.MinutesPerWeek)
	for _, tc := range []struct {
		name string
		band iop.Band
		want iop.FieldErrors
	}{
		{name: "zero", band: iop.Band{}},
		{name: "Medicare IOP band", band: iop.Band{Min: 9 * 60, Max: 19*60 + 59}},
		{name: "no maximum", band: iop.Band{Min: 9 * 60}},
		{name: "min equals max", band: iop.Band{Min: 9 * 60, Max: 9 * 60}},
		{name: "whole week", band: iop.Band{Min: max, Max: max}},
		{name: "min above max", band: iop.Band{Min: 9 * 60, Max: 9*60 - 1}, want: iop.FieldErrors{
			fe("weekly.adult", iop.ErrOrder, "min 9h00m, max 8h59m")}},
		{name: "negative min", band: iop.Band{Min: -1}, want: iop.FieldErrors{
			fe("weekly.adult.min", iop.ErrOutOfRange, "negative")}},
		{name: "max above a week", band: iop.Band{Min: 0, Max: max + 1}, want: iop.FieldErrors{
			fe("weekly.adult.max", iop.ErrOutOfRange, "above 10080")}},
		{name: "both ends above a week, out of order", band: iop.Band{Min: max + 2, Max: max + 1}, want: iop.FieldErrors{
			fe("weekly.adult.min", iop.ErrOutOfRange, "above 10080"),
			fe("weekly.adult.max", iop.ErrOutOfRange, "above 10080"),
			fe("weekly.adult", iop.ErrOrder, "min 168h02m, max 168h01m")}},
		{name: "negative max", band: iop.Band{Min: 0, Max: -60}, want: iop.FieldErrors{
			fe("weekly.adult.max", iop.ErrOutOfRange, "negative"),
			fe("weekly.adult", iop.ErrOrder, "min 0h00m, max -1h00m")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v check.Validator
			v.Band("weekly.adult", tc.band, max)
			assertErrs(t, tc.want, &v)
		})
	}
}

// Errors keep the order of the checks and every one is kept; Add takes a
// nested field error with the field as the prefix of its path and drops a
// nil error. The message is one line per error: paths and figures only.
func TestValidatorOrder(t *testing.T) {
	var v check.Validator
	v.Count("weekly.days", 8, 7)
	v.Cited("weekly.cite", true, iop.Citation{})
	v.NonNegative("daily.min", -5)
	v.Add("claims", &iop.FieldError{Field: "lines[2].units", Err: iop.ErrOutOfRange})
	v.Add("claims", nil)
	assertErrs(t, iop.FieldErrors{
		fe("weekly.days", iop.ErrOutOfRange, "above 7"),
		fe("weekly.cite", iop.ErrMissing, "citation"),
		fe("daily.min", iop.ErrOutOfRange, "negative"),
		{Field: "claims.lines[2].units", Err: iop.ErrOutOfRange},
	}, &v)
	require.ErrorIs(t, v.Err(), iop.ErrMissing)
	assert.EqualError(t, v.Err(), "weekly.days: out of range: above 7\n"+
		"weekly.cite: missing: citation\n"+
		"daily.min: out of range: negative\n"+
		"claims.lines[2].units: out of range")
}
