package x12_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/x12"
)

// FuzzReader holds, for any input: no panic; every service line (SV2
// segment) seen is read or refused, and when the input is one readable
// interchange, the SV2 segments in it are exactly those; no error holds a
// name, a birth date or a member ID of the input's NM1 and DMG segments.
func FuzzReader(f *testing.F) {
	sample, err := os.ReadFile("testdata/claims.x12")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sample)
	f.Add(rewrite(sample, '|', '>', '!', '\''))
	f.Add(bytes.ReplaceAll(sample, []byte("~\n"), []byte("~\r\n")))
	f.Add(envelope(claimSegs...))
	f.Add(envelope(with(7, "")...))
	f.Add(envelope(with(11, "")...))
	f.Add(envelope(with(10, "SV2*0905*HC:G0410:GT:95:59:XU:descr*300*DA*1.00")...))
	f.Add(envelope(insert(4, "REF"+strings.Repeat("*1", x12.DefaultMaxElements))...)) // as many elements as the limit: read
	f.Add(envelope(insert(4, "DMG"+strings.Repeat("*1", x12.DefaultMaxElements))...))
	f.Add([]byte("ISA*00*"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := x12.Options{MaxErrors: 5, PatientFromMemberID: len(data)%2 == 0}
		r, err := x12.NewReader(bytes.NewReader(data), opt)
		if err != nil {
			t.Fatal(err)
		}
		lines, claims, fatal := 0, 0, false
		for {
			c, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				msg := err.Error()
				for _, marker := range []string{"DOE", "JANE", "ROE", "RICHARD", "JUNIOR", "19600101", "19581231", "20010704", "1EG4TE5MK73", "M-77", "ELM STREET"} {
					if strings.Contains(msg, marker) {
						t.Fatalf("error %q holds input text %q", msg, marker)
					}
				}
				var se *x12.SegmentError
				var le *x12.LimitError
				switch {
				case errors.As(err, &se) && se.ID == "" && se.Segment == 1,
					errors.Is(err, iop.ErrTooLarge) && !errors.As(err, &se):
					fatal = true
				case errors.As(err, &le):
				case errors.As(err, &se):
					if se.Segment < 1 {
						t.Fatalf("error %v names no segment", err)
					}
				default:
					t.Fatalf("untyped error %v", err)
				}
				continue
			}
			claims++
			lines += len(c.Lines)
			if len(c.Lines) != len(c.LineSegments) {
				t.Fatalf("claim with %d lines and %d positions", len(c.Lines), len(c.LineSegments))
			}
			for _, l := range c.Lines {
				if err := l.Validate(); err != nil {
					t.Fatalf("line read that is not valid: %v", err)
				}
			}
		}
		st := r.Stats()
		if st.ServiceLines != st.LinesRead+st.LinesRefused {
			t.Fatalf("service lines %d, read %d, refused %d", st.ServiceLines, st.LinesRead, st.LinesRefused)
		}
		if st.LinesRead != lines || st.Claims != claims {
			t.Fatalf("stats %+v, lines delivered %d in %d claims", st, lines, claims)
		}
		if n, ok := countSV2(data); ok && !fatal && n != st.ServiceLines {
			t.Fatalf("SV2 segments in the input %d, seen %d", n, st.ServiceLines)
		}
	})
}

// countSV2 counts the SV2 segments of data up to its IEA, an independent
// reading for a single interchange whose segments are all within the
// default limits; ok is false for another input.
func countSV2(data []byte) (int, bool) {
	if len(data) < 106 || string(data[:3]) != "ISA" {
		return 0, false
	}
	sep, rep, comp, term := data[3], data[82], data[104], data[105]
	for _, p := range []int{3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103} {
		if data[p] != sep {
			return 0, false
		}
	}
	seps := []byte{sep, rep, comp, term}
	for i, c := range seps {
		if c == ' ' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || bytes.IndexByte(seps[i+1:], c) >= 0 ||
			i < 3 && (c == '\r' || c == '\n') {
			return 0, false
		}
	}
	n := 0
	for i, seg := range bytes.Split(data[106:], []byte{term}) {
		seg = bytes.TrimLeft(seg, "\r\n \t")
		if term == '\n' {
			seg = bytes.TrimSuffix(seg, []byte("\r"))
		}
		if len(seg) > x12.DefaultMaxSegmentBytes || bytes.Count(seg, []byte{sep}) > x12.DefaultMaxElements ||
			bytes.HasPrefix(seg, []byte("ISA")) || i > 0 && bytes.Contains(seg, []byte("ISA")) && len(seg) > 0 && seg[0] == 'I' {
			return 0, false
		}
		if bytes.HasPrefix(seg, []byte{'S', 'V', '2', sep}) || string(seg) == "SV2" {
			n++
		}
		if bytes.HasPrefix(seg, []byte{'I', 'E', 'A', sep}) || string(seg) == "IEA" {
			return n, true // what follows the interchange is not read
		}
	}
	return n, true
}
