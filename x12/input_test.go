package x12

import (
	"bufio"
	"bytes"
	"io"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// result is what one operation on a buffered input gave.
type result struct {
	Op   byte
	N    int
	Data string
	Err  error
}

// FuzzInput holds that the reader's buffered input gives what a
// bufio.Reader of the same size gives, operation by operation (peek,
// discard, readSlice), over readers that return their bytes in pieces
// and their error with the last ones or after them. ops gives the
// operations: each byte's low two bits the kind, the rest its argument.
func FuzzInput(f *testing.F) {
	f.Add([]byte("ISA*1~GS*2~\r\nST*3~SE*4~"), []byte{0, 1, 2, 4<<2 | 1, 30<<2 | 1, 2, 2, 17 << 2, 16 << 2, 3, 3, 2, 0})
	f.Add(bytes.Repeat([]byte("0123456789"), 10), []byte{40<<2 | 1, 2, 2, 15 << 2, 3, 63<<2 | 1, 63<<2 | 1, 2})
	f.Add([]byte("\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\n\r\nABC~"), []byte{3, 2, 3, 3})
	f.Add([]byte("AB~CDE"), []byte{2, 2, 2, 0})
	f.Add([]byte("AB~ \t\r\n \t\n\r  \t\t\r\n CD~\n  "), []byte{2, 1<<2 | 3, 2, 0<<2 | 3, 1<<2 | 3, 0})
	f.Add([]byte(""), []byte{0, 1, 2, 3})
	f.Fuzz(func(t *testing.T, data, ops []byte) {
		for name, mk := range map[string]func(io.Reader) io.Reader{
			"whole":     func(r io.Reader) io.Reader { return r },
			"one byte":  iotest.OneByteReader,
			"half":      iotest.HalfReader,
			"data, err": iotest.DataErrReader,
		} {
			const size = 16
			in := newInput(mk(bytes.NewReader(data)), size)
			br := bufio.NewReaderSize(mk(bytes.NewReader(data)), size)
			for i, op := range ops {
				arg := int(op >> 2)
				var got, want result
				switch op & 3 {
				case 0:
					b, err := in.peek(arg)
					got = result{0, len(b), string(b), err}
					b, err = br.Peek(arg)
					want = result{0, len(b), string(b), err}
				case 1:
					n, err := in.discard(arg)
					got = result{1, n, "", err}
					n, err = br.Discard(arg)
					want = result{1, n, "", err}
				case 2:
					b, err := in.readSlice('~')
					got = result{2, len(b), string(b), err}
					b, err = br.ReadSlice('~')
					want = result{2, len(b), string(b), err}
				case 3: // skipBlank (skipSpace, arg odd) is a loop of ReadByte that unreads the first other byte
					spaces := arg&1 == 1
					if spaces {
						in.skipSpace()
					} else {
						in.skipBlank()
					}
					for {
						c, err := br.ReadByte()
						if err != nil {
							break
						}
						if c != '\r' && c != '\n' && (!spaces || c != ' ' && c != '\t') {
							_ = br.UnreadByte()
							break
						}
					}
					b, err := in.peek(1)
					got = result{3, len(b), string(b), err}
					b, err = br.Peek(1)
					want = result{3, len(b), string(b), err}
				}
				if got != want {
					t.Fatalf("%s: operation %d: got %+v, bufio gives %+v", name, i, got, want)
				}
			}
		}
	})
}

// keyOf is one to one on strings of 1 to 7 bytes (with their length)
// and never 0 for them; str gives each code back equal, from its caches
// or not.
func TestKeyOfAndStr(t *testing.T) {
	seen := map[uint64]string{}
	r := &Reader{intern: map[string]string{}}
	for n := 1; n <= 12; n++ {
		for _, last := range []byte{0, '1', '2', 0xff} {
			b := append(bytes.Repeat([]byte{'0'}, n-1), last)
			if n <= 7 {
				k := keyOf(b)
				require.NotZero(t, k)
				prev, dup := seen[k]
				require.False(t, dup, "keyOf(%q) = keyOf(%q)", b, prev)
				seen[k] = string(b)
			}
			assert.Equal(t, string(b), r.str(b))
			assert.Equal(t, string(b), r.str(b)) // from the cache
		}
	}
	assert.Empty(t, r.str(nil))
}

// knownID names the 837I's segment IDs and nothing else.
func TestKnownID(t *testing.T) {
	for id, want := range map[string]string{
		"ISA": "ISA", "SV2": "SV2", "FRM": "FRM", "GS": "GS", "K3": "K3", "HI": "HI",
		"": "", "S": "", "SV": "", "ISAX": "", "DOE": "", "A": "", "M ": "", " SV": "", "N3 N4": "",
	} {
		assert.Equal(t, want, knownID([]byte(id)), "knownID(%q)", id)
	}
}

// limitReader gives at most limit bytes and one more, then errLimit on
// every read; with no limit it is its reader.
func TestLimitReader(t *testing.T) {
	l := &limitReader{r: bytes.NewReader([]byte("0123456789")), limit: 4}
	p := make([]byte, 3)
	n, err := l.Read(p)
	require.NoError(t, err)
	assert.Equal(t, "012", string(p[:n]))
	n, err = l.Read(p)
	assert.Equal(t, "34", string(p[:n]))
	require.ErrorIs(t, err, errLimit)
	n, err = l.Read(p)
	assert.Zero(t, n)
	require.ErrorIs(t, err, errLimit)

	l = &limitReader{r: bytes.NewReader([]byte("0123")), limit: 4}
	got, err := io.ReadAll(l)
	require.NoError(t, err)
	assert.Equal(t, "0123", string(got))

	l = &limitReader{r: bytes.NewReader([]byte("0123")), limit: 0}
	got, err = io.ReadAll(l)
	require.NoError(t, err)
	assert.Equal(t, "0123", string(got))
}
