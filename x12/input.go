package x12

import (
	"bufio"
	"bytes"
	"io"
)

// input is the reader's buffered input. Its methods are those of
// [bufio.Reader] the reader uses (Peek, Discard, ReadSlice, ReadByte),
// with the same results, errors and reads of the underlying reader; what
// differs is that their common case, the bytes asked for already in the
// buffer, is small enough to be inlined in the segment loop, and that
// peek and skipBlank leave the underlying reader's error for the reads
// (readSlice, discard) that follow: the reader peeks ahead and drops what
// peek says, and an error that the underlying reader returns once must
// not be lost with it.
type input struct {
	buf  []byte
	rd   io.Reader
	r, w int   // buf[r:w] is buffered
	err  error // the underlying reader's error, returned once
}

// maxEmptyReads is the most reads of no bytes and no error in a row
// before [io.ErrNoProgress], as bufio has it.
const maxEmptyReads = 100

// newInput returns an input of rd with a buffer of size bytes.
func newInput(rd io.Reader, size int) *input {
	return &input{buf: make([]byte, size), rd: rd}
}

// readErr returns the error of the underlying reader, once.
func (b *input) readErr() error {
	err := b.err
	b.err = nil
	return err
}

// fill reads a new chunk into the buffer, the buffered bytes moved to
// its start first.
func (b *input) fill() {
	if b.r > 0 {
		copy(b.buf, b.buf[b.r:b.w])
		b.w -= b.r
		b.r = 0
	}
	for range maxEmptyReads {
		n, err := b.rd.Read(b.buf[b.w:])
		if n < 0 || n > len(b.buf)-b.w {
			panic("x12: the underlying reader returned an impossible count")
		}
		b.w += n
		if err != nil {
			b.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	b.err = io.ErrNoProgress
}

// peek returns the next n bytes without reading them, as
// [bufio.Reader.Peek].
func (b *input) peek(n int) ([]byte, error) {
	if n <= b.w-b.r {
		return b.buf[b.r : b.r+n], nil
	}
	return b.peekFill(n)
}

// peekFill is peek when the buffer holds fewer than n bytes.
func (b *input) peekFill(n int) ([]byte, error) {
	for b.w-b.r < n && b.w-b.r < len(b.buf) && b.err == nil {
		b.fill()
	}
	if n > len(b.buf) {
		return b.buf[b.r:b.w], bufio.ErrBufferFull
	}
	var err error
	if avail := b.w - b.r; avail < n {
		n = avail
		err = b.err // kept for the read that needs the bytes: a caller that peeks may drop it
		if err == nil {
			err = bufio.ErrBufferFull
		}
	}
	return b.buf[b.r : b.r+n], err
}

// discard skips the next n bytes, as [bufio.Reader.Discard].
func (b *input) discard(n int) (int, error) {
	if n == 0 {
		return 0, nil
	}
	remain := n
	for {
		skip := b.w - b.r
		if skip == 0 {
			b.fill()
			skip = b.w - b.r
		}
		skip = min(skip, remain)
		b.r += skip
		remain -= skip
		if remain == 0 {
			return n, nil
		}
		if b.err != nil {
			return n - remain, b.readErr()
		}
	}
}

// readSlice reads up to the first delim, included, as
// [bufio.Reader.ReadSlice]: the bytes are the buffer's, valid until the
// next read.
func (b *input) readSlice(delim byte) ([]byte, error) {
	if i := bytes.IndexByte(b.buf[b.r:b.w], delim); i >= 0 {
		line := b.buf[b.r : b.r+i+1]
		b.r += i + 1
		return line, nil
	}
	return b.readSliceFill(delim)
}

// readSliceFill is readSlice when the buffer holds no delim.
func (b *input) readSliceFill(delim byte) (line []byte, err error) {
	s := 0 // where to search from
	for {
		if i := bytes.IndexByte(b.buf[b.r+s:b.w], delim); i >= 0 {
			i += s
			line = b.buf[b.r : b.r+i+1]
			b.r += i + 1
			return line, nil
		}
		if b.err != nil {
			line = b.buf[b.r:b.w]
			b.r = b.w
			return line, b.readErr()
		}
		if b.w-b.r >= len(b.buf) {
			b.r = b.w
			return b.buf, bufio.ErrBufferFull
		}
		s = b.w - b.r
		b.fill()
	}
}

// skipBlank skips line breaks, as a loop of [bufio.Reader.ReadByte] that
// unreads the first other byte.
func (b *input) skipBlank() { b.skip(false) }

// skipSpace skips line breaks, spaces and tabs.
func (b *input) skipSpace() { b.skip(true) }

// skip skips line breaks, and spaces and tabs too when spaces.
func (b *input) skip(spaces bool) {
	for {
		for b.r == b.w {
			if b.err != nil {
				return // the error kept for the read that follows
			}
			b.fill()
		}
		if c := b.buf[b.r]; c != '\r' && c != '\n' && (!spaces || c != ' ' && c != '\t') {
			return
		}
		b.r++
	}
}
