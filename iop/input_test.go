package iop_test

import (
	"encoding/json"
	"math"
	"testing"
	"unsafe"

	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An Input is a CSV row's line or an X12 segment's position, written
// "input line 12" or "segment 57", at its boundaries.
func TestInput(t *testing.T) {
	for _, tc := range []struct {
		in            iop.Input
		line, segment int
		text          string
	}{
		{iop.Input{}, 0, 0, ""},
		{iop.InputLine(0), 0, 0, ""},
		{iop.InputLine(-3), 0, 0, ""},
		{iop.InputSegment(0), 0, 0, ""},
		{iop.InputLine(1), 1, 0, "input line 1"},
		{iop.InputLine(12), 12, 0, "input line 12"},
		{iop.InputSegment(1), 0, 1, "segment 1"},
		{iop.InputSegment(57), 0, 57, "segment 57"},
		{iop.InputLine(math.MaxInt32), math.MaxInt32, 0, "input line 2147483647"},
		{iop.InputLine(math.MaxInt32 + 1), math.MaxInt32, 0, "input line 2147483647"},
		{iop.InputSegment(math.MaxInt), 0, math.MaxInt32, "segment 2147483647"},
	} {
		assert.Equal(t, tc.line, tc.in.Line(), "%q", tc.text)
		assert.Equal(t, tc.segment, tc.in.Segment(), "%q", tc.text)
		assert.Equal(t, tc.text, tc.in.String())
		assert.Equal(t, tc.text == "", tc.in.IsZero(), "%q", tc.text)
		var back iop.Input
		require.NoError(t, back.UnmarshalText([]byte(tc.text)), "%q", tc.text)
		assert.Equal(t, tc.in, back, "%q", tc.text)
	}
	assert.NotEqual(t, iop.InputLine(5), iop.InputSegment(5))
	for _, bad := range []string{"line 1", "input line 0", "segment 0", "segment 01", "segment +1", "segment -1", "input line ",
		"segment 2147483648", "segment 99999999999", "Segment 1", "segment 1 ", " segment 1"} {
		in := iop.InputLine(7)
		require.ErrorIs(t, in.UnmarshalText([]byte(bad)), iop.ErrSyntax, "%q", bad)
		assert.Equal(t, iop.InputLine(7), in, "unchanged on error: %q", bad)
	}
}

// A finding says where its record was read, after the claim line and
// before the day, in its String, its message, its JSON and its log value;
// Input keeps a Finding at 96 bytes (its size before Input was added).
func TestFindingInput(t *testing.T) {
	f := iop.Finding{Code: codeDays, Severity: iop.SeverityWarning, Subject: "c-2", Line: 3, Day: date.New(2025, 3, 4),
		Ref: "c-1#1", Input: iop.InputLine(12)}
	assert.Equal(t, "test.days.too-few [c-2] line 3 at input line 12 on 2025-03-04 (c-1#1)", f.String())
	assert.Equal(t, "too few service days line 3 at input line 12 on 2025-03-04 (c-1#1)", sampleTable().Message(f))
	f.Input = iop.InputSegment(57)
	assert.Equal(t, "test.days.too-few [c-2] line 3 at segment 57 on 2025-03-04 (c-1#1)", f.String())
	b, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"test.days.too-few","severity":"warning","subject":"c-2","day":"2025-03-04","line":3,
		"ref":"c-1#1","input":"segment 57"}`, string(b))
	var back iop.Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f, back)
	var bad iop.Finding
	require.ErrorIs(t, json.Unmarshal([]byte(`{"code":"x","severity":"info","input":"row 3"}`), &bad), iop.ErrSyntax)
	assert.Equal(t, uintptr(96), unsafe.Sizeof(iop.Finding{}))
	assert.Equal(t, uintptr(4), unsafe.Sizeof(iop.Input{}))
}
