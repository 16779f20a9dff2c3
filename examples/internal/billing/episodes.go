package billing

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// The episodes CSV is read under the limits of schedule's readers: a line
// end (LF, CRLF or a lone CR) ends a row, quotes or not, so a stray quote
// costs its own row; a row above schedule.MaxRowBytes is refused without
// being held; the rows refused are capped by Options.MaxErrors
// (billingcheck's -max-errors). Its memory is one row, and the episodes
// read.

var (
	errQuoteLineEnd = fmt.Errorf("%w: a quoted cell is not closed on its line (no cell may hold a line end)", csv.ErrQuote)
	errRowTooLong   = fmt.Errorf("%w: a row above %d bytes", csv.ErrFieldCount, schedule.MaxRowBytes)
)

// eachRow calls fn with each row of r that is not empty, by its line: its
// cells, or the reason it is not well-formed CSV. It returns an error of r
// other than io.EOF, or nil once fn returns false.
func eachRow(r io.Reader, fn func(line int, cells []string, err error) bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	var cells []string
	n, long, prevCR := 0, false, false
	emit := func() bool {
		n++
		defer func() { buf, long = buf[:0], false }()
		switch {
		case long:
			return fn(n, nil, errRowTooLong)
		case len(buf) == 0:
			return true
		}
		var err error
		cells, err = splitRow(cells[:0], buf)
		return fn(n, cells, err)
	}
	for {
		c, err := br.ReadByte()
		if err != nil {
			if len(buf) > 0 || long {
				emit()
			}
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if c == '\n' && prevCR {
			prevCR = false
			continue
		}
		prevCR = c == '\r'
		switch {
		case c == '\n' || c == '\r':
			if !emit() {
				return nil
			}
		case long:
		case len(buf) >= schedule.MaxRowBytes:
			long = true
		default:
			buf = append(buf, c)
		}
	}
}

// splitRow appends the cells of one line of CSV to dst: RFC 4180 quoting
// within the line, no quote in an unquoted cell.
func splitRow(dst []string, line []byte) ([]string, error) {
	for {
		if len(line) > 0 && line[0] == '"' {
			var cell []byte
			line = line[1:]
			for {
				i := bytes.IndexByte(line, '"')
				if i < 0 {
					return dst, errQuoteLineEnd
				}
				cell = append(cell, line[:i]...)
				line = line[i+1:]
				if len(line) > 0 && line[0] == '"' {
					cell, line = append(cell, '"'), line[1:]
					continue
				}
				break
			}
			dst = append(dst, string(cell))
			if len(line) == 0 {
				return dst, nil
			}
			if line[0] != ',' {
				return dst, csv.ErrQuote
			}
			line = line[1:]
			continue
		}
		i := bytes.IndexByte(line, ',')
		cell := line
		if i >= 0 {
			cell = line[:i]
		}
		if bytes.IndexByte(cell, '"') >= 0 {
			return dst, csv.ErrBareQuote
		}
		dst = append(dst, string(cell))
		if i < 0 {
			return dst, nil
		}
		line = line[i+1:]
	}
}

// malformedRow is the error of a row of the episodes CSV that is not
// well-formed, worded as schedule's readers word theirs.
func malformedRow(line int, err error) *schedule.RowError {
	return &schedule.RowError{Line: line, Err: fmt.Errorf("%w: malformed CSV row: %w", iop.ErrSyntax, err)}
}
