package x12_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/ioprules/ioprules/x12"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var errDisk = errors.New("disk on fire")

// onceErr reads r, then returns err once, then io.EOF: a reader whose
// error is not sticky.
type onceErr struct {
	r    io.Reader
	err  error
	done bool
}

func (o *onceErr) Read(p []byte) (int, error) {
	n, err := o.r.Read(p)
	if errors.Is(err, io.EOF) {
		if !o.done {
			o.done = true
			return n, o.err
		}
	}
	return n, err
}

// readErrs reads r to its end under the default options.
func readErrs(t *testing.T, r io.Reader) ([]x12.Claim, []error) {
	t.Helper()
	xr, err := x12.NewReader(r, x12.Options{})
	require.NoError(t, err)
	var claims []x12.Claim
	var errs []error
	for c, err := range xr.All() {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		claims = append(claims, c)
	}
	return claims, errs
}

// A failing reader stops the reader with a *ReadError that holds its
// error, wherever the input breaks off and whether the error comes once
// or on every read: the claims of the sets whose SE was read before it
// are delivered, and nothing after it.
func TestReaderReadError(t *testing.T) {
	good := string(envelope(claimSegs...))
	setEnd := strings.Index(good, "SE*14*0001~") + len("SE*14*0001~")
	for cut := 0; cut <= len(good); cut++ {
		for name, r := range map[string]io.Reader{
			"sticky":         io.MultiReader(strings.NewReader(good[:cut]), iotest.ErrReader(errDisk)),
			"once":           &onceErr{r: strings.NewReader(good[:cut]), err: errDisk},
			"once, one byte": iotest.OneByteReader(&onceErr{r: strings.NewReader(good[:cut]), err: errDisk}),
			"with the data":  iotest.DataErrReader(&onceErr{r: strings.NewReader(good[:cut]), err: errDisk}),
		} {
			claims, errs := readErrs(t, r)
			var want []schedule.ClaimLine
			if cut >= setEnd {
				want = []schedule.ClaimLine{goodLine()}
			}
			require.Len(t, errs, 1, "%s, cut at %d: %v", name, cut, errs)
			var re *x12.ReadError
			require.ErrorAs(t, errs[0], &re, "%s, cut at %d", name, cut)
			require.ErrorIs(t, errs[0], errDisk)
			assert.Equal(t, "x12: reading: disk on fire", errs[0].Error())
			assert.Equal(t, want, linesOf(claims), "%s, cut at %d", name, cut)
		}
	}
}

// A read error while the reader skips a segment longer than its buffer
// stops it too.
func TestReaderReadErrorInLongSegment(t *testing.T) {
	in := openSet(4) + "NTE*ADD*" + strings.Repeat("A", 5000)
	for name, r := range map[string]io.Reader{
		"sticky": io.MultiReader(strings.NewReader(in), iotest.ErrReader(errDisk)),
		"once":   &onceErr{r: strings.NewReader(in), err: errDisk},
	} {
		claims, errs := readErrs(t, r)
		assert.Empty(t, claims, name)
		require.Len(t, errs, 1, name)
		var re *x12.ReadError
		require.ErrorAs(t, errs[0], &re, name)
		assert.Equal(t, &x12.ReadError{Err: errDisk}, re, name)
	}
}

// noProgress reads nothing and says nothing.
type noProgress struct{}

func (noProgress) Read([]byte) (int, error) { return 0, nil }

// A reader that returns no bytes and no error, a hundred times in a row,
// stops the reader with io.ErrNoProgress, as bufio does.
func TestReaderNoProgress(t *testing.T) {
	claims, errs := readErrs(t, noProgress{})
	assert.Empty(t, claims)
	require.Len(t, errs, 1)
	var re *x12.ReadError
	require.ErrorAs(t, errs[0], &re)
	require.ErrorIs(t, errs[0], io.ErrNoProgress)
	assert.Equal(t, "x12: reading: multiple Read calls return no data or error", errs[0].Error())
}

// liar returns a count of bytes it cannot have read.
type liar int

func (l liar) Read(p []byte) (int, error) { return len(p) + int(l), nil }

// A reader that returns an impossible count is a bug of the caller's:
// the reader panics, as bufio does.
func TestReaderImpossibleCount(t *testing.T) {
	for _, l := range []liar{1, liar(-1 << 20)} {
		r, err := x12.NewReader(l, x12.Options{})
		require.NoError(t, err)
		assert.PanicsWithValue(t, "x12: the underlying reader returned an impossible count", func() { _, _ = r.Read() })
	}
}

// MaxBytes is the size of the input read: one byte more stops the reader
// with iop.ErrTooLarge, an error that names the limit only.
func TestReaderMaxBytesExact(t *testing.T) {
	good := envelope(claimSegs...)
	for _, tt := range []struct {
		max   int64
		lines []schedule.ClaimLine
		want  []string
	}{
		{max: int64(len(good)), lines: []schedule.ClaimLine{goodLine()}},
		{max: int64(len(good)) - 1, lines: []schedule.ClaimLine{goodLine()}, want: []string{"input too large: input above " + itoa(len(good)-1) + " bytes"}},
		{max: 200, want: []string{"input too large: input above 200 bytes"}},
		{max: 105, want: []string{"input too large: input above 105 bytes"}},
		{max: 0, lines: []schedule.ClaimLine{goodLine()}},
		{max: -1, lines: []schedule.ClaimLine{goodLine()}},
	} {
		claims, errs, _ := readAll(t, good, x12.Options{MaxBytes: tt.max})
		var got []string
		for _, err := range errs {
			require.ErrorIs(t, err, iop.ErrTooLarge)
			var se *x12.SegmentError
			var re *x12.ReadError
			assert.False(t, errors.As(err, &se) || errors.As(err, &re), "MaxBytes %d: %T", tt.max, err)
			got = append(got, err.Error())
		}
		assert.Equal(t, tt.want, got, "MaxBytes %d", tt.max)
		assert.Equal(t, tt.lines, linesOf(claims), "MaxBytes %d", tt.max)
	}
}

// After MaxErrors errors the reader reports no more: the claims of a set
// before the error past the limit are delivered, those after it are
// counted as not read, and the last error, a *LimitError, says how many.
func TestReaderLimitError(t *testing.T) {
	second := []string{"CLM*c-2*300***13:A:1**A*Y*Y", "DTP*434*RD8*20250303-20250303", "CL1*2*1*30", "REF*EA*p-2",
		"LX*1", "SV2*0905*HC:G0410*300*UN*0", "LX*2", "SV2*0905*HC:G0410*300*UN*0", "LX*3", "SV2*0905*HC:G0410*300*UN*1"}
	good := string(envelope(claimSegs...))
	tests := []struct {
		name  string
		data  []byte
		want  []errAt
		limit x12.LimitError
		text  string
		lines []schedule.ClaimLine
		stats x12.Stats
	}{
		{name: "trailers", data: []byte(strings.Replace(good, "GE*1*7", "GE*2*8", 1)),
			want:  []errAt{{17, 1, 0, "GE", "segment 17 (GE), element 1: envelope does not match: number of transaction sets in the group does not match"}},
			limit: x12.LimitError{Reported: 1, NotReported: 1}, text: "x12: 1 errors reported, 1 more not reported, 0 service lines not read",
			lines: []schedule.ClaimLine{goodLine()},
			stats: x12.Stats{Segments: 18, Sets: 1, Claims: 1, ServiceLines: 1, LinesRead: 1, Errors: 1, ErrorsNotReported: 1}},
		{name: "lines of a set", data: envelope(append(append([]string(nil), claimSegs...), second...)...),
			want:  []errAt{{21, 5, 0, "SV2", "segment 21 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}},
			limit: x12.LimitError{Reported: 1, NotReported: 1, LinesNotRead: 1}, text: "x12: 1 errors reported, 1 more not reported, 1 service lines not read",
			lines: []schedule.ClaimLine{goodLine()},
			stats: x12.Stats{Segments: 28, Sets: 1, Claims: 1, ServiceLines: 4, LinesRead: 1, LinesRefused: 3, Errors: 1, ErrorsNotReported: 1}},
		{name: "a second set", data: []byte(good + string(envelope(second...))),
			want:  []errAt{{27, 5, 0, "SV2", "segment 27 (SV2), element 5: out of range: units are a whole number from 1 to 1440"}},
			limit: x12.LimitError{Reported: 1, NotReported: 1, LinesNotRead: 1}, text: "x12: 1 errors reported, 1 more not reported, 1 service lines not read",
			lines: []schedule.ClaimLine{goodLine()},
			stats: x12.Stats{Segments: 34, Sets: 2, Claims: 1, ServiceLines: 4, LinesRead: 1, LinesRefused: 3, Errors: 1, ErrorsNotReported: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, errs, stats := readAll(t, tt.data, x12.Options{MaxErrors: 1})
			require.Len(t, errs, 2)
			assert.Equal(t, tt.want, positions(t, errs[:1]))
			var le *x12.LimitError
			require.ErrorAs(t, errs[1], &le)
			require.ErrorIs(t, errs[1], x12.ErrTooManyErrors)
			assert.Equal(t, tt.limit, *le)
			assert.Equal(t, tt.text, errs[1].Error())
			assert.Equal(t, tt.lines, linesOf(claims))
			assert.Equal(t, tt.stats, stats)
		})
	}
}
