package billing

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An input is X12 when it starts with ISA, after a byte order mark and
// line breaks as package x12 reads it (a file saved by an editor that
// writes a BOM was refused with -input x12, "no ISA segment", and taken
// for a CSV without it, though the x12 reader reads it); the reader returned
// gives the whole input back, whatever was peeked.
func TestIsX12(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", false},
		{"IS", false},
		{"ISA", true},
		{"ISA*00*", true},
		{"isa*00*", false},
		{" ISA*00*", false},
		{"\uFEFFISA*00*", true}, // what the x12 reader skips before the ISA: a BOM, line breaks
		{"\r\n\nISA*00*", true},
		{"\uFEFF\r\nISA*00*", true},
		{"\uFEFF\r\n", false},
		{"\uFEFF", false},
		{strings.Repeat("\r\n", 100) + "ISA*00*", true},
		{"\uFEFF\uFEFFISA*00*", false},
		{"\n\uFEFFISA*00*", false},
		{"patient,claim,line\n", false},
	} {
		r, ok := IsX12(strings.NewReader(tc.in))
		assert.Equal(t, tc.want, ok, "IsX12(%q)", tc.in)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		assert.Equal(t, tc.in, string(b), "IsX12(%q) reads the whole input", tc.in)
	}
}

// x12Options are the options the X12 tests check with.
func x12Options(t *testing.T, maxErrors int) Options {
	t.Helper()
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	return Options{Input: InputClaims, X12: true, Rules: rs, Weeks: schedule.ISOWeeks(), MaxErrors: maxErrors}
}

// sampleSet splits the sample 837I into its ISA and GS segments, its one
// transaction set (ST to SE, 140 segments, the 11th line of c-5003 refused
// at its segment 139 for its date) and its trailers.
func sampleSet(t *testing.T) (head, set string) {
	t.Helper()
	x := SampleX12()
	i, j := strings.Index(x, "ST*837*"), strings.Index(x, "GE*1*101~")
	require.Positive(t, i)
	require.Greater(t, j, i)
	return x[:i], x[i:j]
}

// The rows refused in an 837I are capped and counted as a CSV's are:
// every set is read, whatever the number of errors before it, so each
// claim is checked and Refused counts each line refused. Before the fix
// the x12 reader's own cap (100 errors) ended the reading: the claim
// lines after the 101st error were never checked, Refused said 101
// whatever the number past it, and with -max-errors -1 a row at no line
// said "x12 x12: 100 errors reported, ...".
func TestX12ErrorsCapped(t *testing.T) {
	head, set := sampleSet(t)
	refusal := func(k int) ViewRefusal { // the refusal of set k (from 1)
		seg := 141 + 140*(k-1)
		return ViewRefusal{File: "x12", Line: seg,
			Message: "x12 segment " + strconv.Itoa(seg) + " (DTP), element 3: invalid date: want CCYYMMDD"}
	}
	for _, tc := range []struct {
		name           string
		sets           int
		maxErrors      int
		reported, more int
	}{
		{"one set", 1, 0, 1, 0},
		{"at the x12 reader's cap", 100, 0, 100, 0},
		{"past the x12 reader's cap", 101, 0, 100, 1},
		{"two past the x12 reader's cap", 102, 0, 100, 2},
		{"all reported", 101, -1, 101, 0},
		{"a cap of 1", 3, 1, 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := head + strings.Repeat(set, tc.sets) + "GE*" + strconv.Itoa(tc.sets) + "*101~IEA*1*000000101~"
			rep, err := Check(strings.NewReader(in), nil, x12Options(t, tc.maxErrors))
			require.NoError(t, err)
			v := rep.View()
			assert.Equal(t, 28*tc.sets, v.Records, "every set's claim lines are read")
			assert.Equal(t, 3, v.Claims)
			assert.Equal(t, tc.sets, rep.Refused())
			require.Len(t, v.Refused, tc.reported)
			assert.Equal(t, refusal(1), v.Refused[0])
			assert.Equal(t, refusal(tc.reported), v.Refused[tc.reported-1])
			assert.Equal(t, tc.more, v.MoreRefused)
			assert.True(t, rep.Failed())
		})
	}
}

// Input that is not an interchange, whose ISA cannot be read or that
// fails to be read is input that cannot be read: an error wrapping
// ErrInput that names the input kind and the reason, never its text.
func TestX12InputErrors(t *testing.T) {
	diskGone := errors.New("disk gone")
	for _, tc := range []struct {
		name string
		in   io.Reader
		want string
	}{
		{"a CSV", strings.NewReader(sampleClaims), "cannot read the input: x12: not an X12 interchange (no ISA segment)"},
		{"empty", strings.NewReader(""), "cannot read the input: x12: not an X12 interchange (no ISA segment)"},
		{"a BOM, then not an ISA", strings.NewReader("\uFEFF\r\npatient,claim"), "cannot read the input: x12: not an X12 interchange (no ISA segment)"},
		{"an ISA cut short", strings.NewReader("ISA*00*DOE JANE 19600101"), "cannot read the input: x12: segment 1: invalid syntax: not an ISA segment of 106 characters with its separators in place"},
		{"an I/O error after the ISA", io.MultiReader(strings.NewReader(sampleX12[:300]), iotest.ErrReader(diskGone)), "cannot read the input: x12: disk gone"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := Check(tc.in, nil, x12Options(t, 0))
			require.ErrorIs(t, err, ErrInput)
			assert.Nil(t, rep)
			assert.EqualError(t, err, tc.want)
		})
	}
}

// An 837I saved with a byte order mark and a line break before its ISA
// is checked as the same file without them: with -input x12 it was
// refused as "not an X12 interchange (no ISA segment)".
func TestX12ByteOrderMark(t *testing.T) {
	want, err := Check(strings.NewReader(sampleX12), nil, x12Options(t, 0))
	require.NoError(t, err)
	for _, prefix := range []string{"\uFEFF", "\uFEFF\r\n", "\n\n"} {
		got, err := Check(strings.NewReader(prefix+sampleX12), nil, x12Options(t, 0))
		require.NoError(t, err, "%q", prefix)
		assert.Equal(t, want.View(), got.View(), "%q", prefix)
	}
}
