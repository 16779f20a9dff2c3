package schedule

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// MaxRowBytes is the longest row, line end excluded, the CSV readers
// read: a row of a session or claim-line export is under 200 bytes. A
// longer row is refused as a [*RowError] and skipped to its line end
// without being held, so that a reader's memory is bounded by this size,
// whatever the input.
const MaxRowBytes = 64 << 10

// DefaultMaxErrors is how many errors a call reports before it counts the
// rest without keeping them ([MoreErrors]): the rows a CSV reader refuses
// ([CSVOptions.MaxErrors]), the errors of a header, the errors of
// [ParseSessions] and [ParseClaimLines] ([ParseOptions.MaxErrors]).
const DefaultMaxErrors = 100

// The reasons of a row that is not well-formed CSV. Each wraps
// encoding/csv's error of the same kind, so that errors.Is(err,
// csv.ErrQuote) works as it did when the readers were built on it.
var (
	errQuoteLineEnd = fmt.Errorf("%w: a quoted cell is not closed on its line (no cell may hold a line end)", csv.ErrQuote)
	errQuoteAfter   = fmt.Errorf("%w: text after a closing quote", csv.ErrQuote)
	errRowTooLong   = fmt.Errorf("%w: a row above %d bytes", csv.ErrFieldCount, MaxRowBytes)
)

// csvCore is what the session and claim readers share: a reader of CSV
// rows in which every line end ends a row, the columns, and the input's
// accounting.
//
// A line ends at LF, CRLF or a lone CR, inside quotes or not: no cell of
// these exports may hold a line end, so a stray quote costs its own row
// only (refused with errQuoteLineEnd) and never swallows the rows after
// it; a file with old Mac line ends (CR) reads as rows, never as one
// header. Quotes follow RFC 4180 within a line: a quoted cell, "" for a
// quote in it; a quote in an unquoted cell is refused (csv.ErrBareQuote).
// Empty lines are skipped. Rows are held one at a time, in a buffer of
// [MaxRowBytes]: the reader's memory does not grow with the input.
type csvCore struct {
	src    *limitReader
	buf    []byte // the bytes read and not yet taken: buf[r:w]
	r, w   int
	rerr   error // the source's error; io.EOF at its end
	skipLF bool  // the last line ended with a CR: an LF next ends nothing
	start  int   // where the last line taken starts in buf
	line   int   // the number of the last line taken
	row    int   // the line of the last row read or refused
	rowEnd int   // its last line, when it took more than one (span)

	recBuf []byte   // the cells of the row, unquoted, end to end
	ends   []int    // the end of each cell in recBuf
	rec    []string // the cells of the last row
	fields int      // the number of cells of a row: the header's

	col   []int // the index of each column in a row, -1 when absent
	extra []string
	limit int64 // the size limit; 0 for none

	maxErrors int // the rows refused that are reported; negative: all
	refused   int // rows refused and reported
	dropped   int // rows refused beyond maxErrors, counted only
	done      bool
}

// limitReader counts the bytes read and fails past a limit.
type limitReader struct {
	r     io.Reader
	n     int64
	limit int64 // 0: none
}

var errLimit = errors.New("limit")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.limit > 0 && l.n > l.limit {
		return 0, errLimit
	}
	if l.limit > 0 && int64(len(p)) > l.limit-l.n+1 {
		p = p[:l.limit-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.limit > 0 && l.n > l.limit {
		return n, errLimit
	}
	return n, err
}

// sizeOf returns the size of what r holds still to be read, when r knows
// it.
func sizeOf(r io.Reader) (int64, bool) {
	switch v := r.(type) {
	case interface{ Len() int }:
		return int64(v.Len()), true
	case *os.File:
		fi, err := v.Stat()
		if err != nil || !fi.Mode().IsRegular() {
			return 0, false
		}
		pos, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false
		}
		return fi.Size() - pos, true
	}
	return 0, false
}

// maxErrorsOf returns the cap of errors an option n sets: 0 is
// [DefaultMaxErrors], a negative value none.
func maxErrorsOf(n int) int {
	if n == 0 {
		return DefaultMaxErrors
	}
	return n
}

// newCore reads the header row from r under opt and schema.
func newCore(r io.Reader, opt CSVOptions, schema *csvSchema) (*csvCore, error) {
	limit := max(opt.MaxBytes, 0)
	if limit > 0 {
		if n, ok := sizeOf(r); ok && n > limit {
			return nil, &iop.FieldError{Err: tooLarge(limit)}
		}
	}
	for _, to := range opt.Columns {
		if columnIn(schema.names, to) < 0 {
			return nil, &iop.FieldError{Field: "options.columns", Err: fmt.Errorf("%w: a column maps to a name the reader does not read", iop.ErrUnknown)}
		}
	}
	c := &csvCore{src: &limitReader{r: r, limit: limit}, buf: make([]byte, MaxRowBytes+1), limit: limit,
		col: make([]int, len(schema.names)), maxErrors: maxErrorsOf(opt.MaxErrors)}
	if err := c.fill(); err != nil {
		return nil, err
	}
	if bytes.HasPrefix(c.buf[c.r:c.w], []byte("\uFEFF")) {
		c.r += 3 // a byte order mark, as spreadsheets write
	}
	line, long, err := c.next()
	for err == nil && !long && len(line) == 0 {
		line, long, err = c.next() // empty lines before the header
	}
	switch {
	case err != nil && errors.Is(err, io.EOF):
		return nil, &RowError{Line: max(c.line, 1), Err: &iop.FieldError{Field: "header", Err: iop.ErrMissing}}
	case err != nil:
		return nil, err
	case long:
		return nil, c.malformed(errRowTooLong)
	}
	if err := c.parse(line); err != nil {
		return nil, c.malformed(err)
	}
	c.fields = len(c.ends)
	if err := c.header(opt, schema); err != nil {
		return nil, &RowError{Line: c.row, Err: err}
	}
	return c, nil
}

// header reads the header row just parsed.
func (c *csvCore) header(opt CSVOptions, schema *csvSchema) error {
	for i := range c.col {
		c.col[i] = -1
	}
	header := c.cells()
	known := 0
	for _, name := range header {
		if to, ok := opt.Columns[name]; ok {
			name = to
		}
		if columnIn(schema.names, name) >= 0 {
			known++
		} else if name != "" && name[0] >= '0' && name[0] <= '9' {
			known = -len(header) // a date, a time or a number: data
		}
	}
	if known <= 0 {
		return &iop.FieldError{Field: "header", Err: ErrNoHeader}
	}
	var es iop.FieldErrors
	limit := maxErrorsOf(opt.MaxErrors)
	dropped := 0
	add := func(field string, err error) {
		if limit >= 0 && len(es) >= limit {
			dropped++
			return
		}
		es.Add(field, err)
	}
	for i, name := range header {
		target := name
		if to, ok := opt.Columns[name]; ok {
			target = to
		}
		col := columnIn(schema.names, target)
		field := "header[" + strconv.Itoa(i) + "]"
		switch {
		case col < 0 && opt.IgnoreExtra:
			if !plainName(name) {
				name = field // a cell that is not a column name is named by its place
			}
			c.extra = append(c.extra, name)
		case col < 0:
			add(field, iop.ErrUnknownField)
		case c.col[col] >= 0:
			add(field, fmt.Errorf("%w: column %s", iop.ErrDuplicate, schema.names[col]))
		default:
			c.col[col] = i
		}
	}
	for col, i := range c.col {
		if i < 0 && schema.required[col] {
			add("header", fmt.Errorf("%w: column %s", iop.ErrMissing, schema.names[col]))
		}
	}
	if a, b := schema.oneOf[0], schema.oneOf[1]; a >= 0 && c.col[a] < 0 && c.col[b] < 0 {
		add("header", fmt.Errorf("%w: column %s or %s", iop.ErrMissing, schema.names[a], schema.names[b]))
	}
	if dropped > 0 {
		es.Add("header", &MoreErrors{Reported: len(es), Unreported: dropped})
	}
	return es.Err()
}

// plainName reports whether a header cell is a plain column name: a
// letter, then letters, digits or '_', at most 64 bytes. Only such a cell
// is ever given back ([SessionReader.Extra]); others are named by their place.
func plainName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '_')) {
			return false
		}
	}
	return true
}

// fill reads more of the input into buf, after moving what is left to
// its start. It returns an error that ends the reading: the input above
// the limit, or an I/O error; io.EOF is kept in rerr.
func (c *csvCore) fill() error {
	if c.rerr != nil {
		return nil
	}
	if c.r > 0 {
		c.w = copy(c.buf, c.buf[c.r:c.w])
		c.r = 0
	}
	return c.readMore()
}

// readMore reads more of the input into buf after w, without moving what
// it holds, as fill does.
func (c *csvCore) readMore() error {
	for tries := 0; c.w < len(c.buf) && c.rerr == nil; tries++ {
		n, err := c.src.Read(c.buf[c.w:])
		c.w += n
		switch {
		case err == nil && n == 0 && tries < 100:
			continue
		case err == nil && n == 0:
			err = io.ErrNoProgress
			c.done, c.rerr = true, err
			return &IOError{Err: err}
		case errors.Is(err, errLimit):
			c.done = true
			return &iop.FieldError{Err: tooLarge(c.limit)}
		case errors.Is(err, io.EOF):
			c.rerr = io.EOF
		case err != nil:
			c.done = true
			c.rerr = err
			return &IOError{Err: err}
		}
		if n > 0 {
			return nil
		}
	}
	return nil
}

// next returns the next line, without its line end, and its number in
// c.row. A line longer than MaxRowBytes is skipped to its end and
// reported as long. It returns io.EOF at the end of the input, or the
// error that ends the reading.
func (c *csvCore) next() (line []byte, long bool, err error) {
	for {
		if c.r == c.w {
			if c.rerr != nil {
				return nil, false, io.EOF
			}
			if err := c.fill(); err != nil {
				return nil, false, err
			}
			continue
		}
		if c.skipLF {
			c.skipLF = false
			if c.buf[c.r] == '\n' {
				c.r++
				continue
			}
		}
		data := c.buf[c.r:c.w]
		c.start = c.r
		i := bytes.IndexByte(data, '\n')
		end := len(data)
		if i >= 0 {
			end = i
		}
		if j := bytes.IndexByte(data[:end], '\r'); j >= 0 {
			i = j
		}
		if i < 0 && c.rerr == nil {
			if c.r > 0 || c.w < len(c.buf) {
				if err := c.fill(); err != nil {
					return nil, false, err
				}
				continue
			}
			// A full buffer without a line end: a row too long, skipped.
			c.line++
			c.row, c.rowEnd = c.line, 0
			return nil, true, c.skipLine()
		}
		c.line++
		c.row, c.rowEnd = c.line, 0
		if i < 0 { // the last line, without a line end
			c.r = c.w
			return data, false, nil
		}
		c.skipLF = data[i] == '\r'
		c.r += i + 1
		return data[:i], false, nil
	}
}

// skipLine drops the input up to the end of the current line, which is not
// held.
func (c *csvCore) skipLine() error {
	for {
		data := c.buf[c.r:c.w]
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
			c.skipLF = data[i] == '\r'
			c.r += i + 1
			return nil
		}
		c.r = c.w
		if c.rerr != nil {
			return nil
		}
		if err := c.fill(); err != nil {
			return err
		}
	}
}

// parse splits a line into cells, unquoting them, into recBuf and ends.
func (c *csvCore) parse(line []byte) error {
	c.recBuf, c.ends = c.recBuf[:0], c.ends[:0]
	for {
		if len(line) > 0 && line[0] == '"' {
			line = line[1:]
			for {
				i := bytes.IndexByte(line, '"')
				if i < 0 {
					return errQuoteLineEnd
				}
				c.recBuf = append(c.recBuf, line[:i]...)
				line = line[i+1:]
				if len(line) > 0 && line[0] == '"' {
					c.recBuf = append(c.recBuf, '"')
					line = line[1:]
					continue
				}
				break
			}
			c.ends = append(c.ends, len(c.recBuf))
			if len(line) == 0 {
				return nil
			}
			if line[0] != ',' {
				return errQuoteAfter
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
			return csv.ErrBareQuote
		}
		c.recBuf = append(c.recBuf, cell...)
		c.ends = append(c.ends, len(c.recBuf))
		if i < 0 {
			return nil
		}
		line = line[i+1:]
	}
}

// cells returns the cells of the row just parsed, as substrings of one
// string: one allocation per row.
func (c *csvCore) cells() []string {
	s := string(c.recBuf)
	c.rec = c.rec[:0]
	from := 0
	for _, end := range c.ends {
		c.rec = append(c.rec, s[from:end])
		from = end
	}
	return c.rec
}

// malformed returns the RowError of a row that is not well-formed CSV.
func (c *csvCore) malformed(err error) *RowError {
	return &RowError{Line: c.row, Err: fmt.Errorf("%w: %w", errMalformedRow, err)}
}

// read returns the cells of the next row, io.EOF at the end, the error of
// a row that cannot be read ([*RowError]), or the error that ends the
// reading. After MaxErrors rows refused, the next are counted, not
// reported, and a [*MoreErrors] comes before io.EOF.
func (c *csvCore) read() ([]string, error) {
	for {
		if c.done {
			return nil, io.EOF
		}
		line, long, err := c.next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				c.done = true
				if c.dropped > 0 {
					return nil, &MoreErrors{Reported: c.refused, Unreported: c.dropped}
				}
			}
			return nil, err
		}
		if len(line) == 0 && !long {
			continue // an empty line
		}
		var bad error
		switch {
		case long:
			bad = errRowTooLong
		default:
			bad = c.parse(line)
			if bad == nil && len(c.ends) != c.fields {
				bad = csv.ErrFieldCount
			}
		}
		if bad != nil {
			endLine := 0
			if bad == errQuoteLineEnd {
				endLine = c.span()
			}
			if c.capped() {
				c.dropped++ // counted only: no error built
				continue
			}
			re := c.malformed(bad)
			re.EndLine = endLine
			c.refused++
			return nil, re
		}
		return c.cells(), nil
	}
}

// span is called when the line just taken ends inside a quoted cell. When
// the lines after it close the cell and make, with it, one well-formed row
// of the header's number of cells, at most MaxRowBytes long (a quoted cell
// that holds line breaks, as a notes column may), the row is taken whole:
// span returns its last line, for a RowError of lines Line to EndLine.
// Otherwise the line is a row of its own, its quote a stray one, and the
// lines after it are read as rows: span returns 0. No cell may hold a
// line end, so the row is refused either way; what span decides is only
// which lines it costs.
func (c *csvCore) span() int {
	end, lineEnds, cells, endCR, ok := rowEnd(c.buf[c.start:c.w], c.rerr != nil)
	if !ok && end < 0 && c.start > 0 && c.rerr == nil {
		// The row runs past what buf holds: move it to the start of buf,
		// read as much as fits, and look again.
		n := copy(c.buf, c.buf[c.start:c.w])
		c.r -= c.start
		c.w, c.start = n, 0
		if err := c.readMore(); err != nil {
			return 0 // the error comes back from the next read
		}
		end, lineEnds, cells, endCR, ok = rowEnd(c.buf[c.start:c.w], c.rerr != nil)
	}
	if !ok || cells != c.fields || lineEnds == 0 {
		return 0
	}
	c.r = c.start + end
	c.skipLF = endCR
	c.line = c.row + lineEnds
	c.rowEnd = c.line
	return c.line
}

// rowEnd parses the row at the start of data as RFC 4180 does, line ends
// allowed in quoted cells, and returns the index after it (after its line
// end), the number of line ends inside its quoted cells, its number of
// cells and whether it ends with a CR. ok is false when the row is not
// well-formed, or does not end within data (atEOF says whether data
// holds the rest of the input): end is then -1.
func rowEnd(data []byte, atEOF bool) (end, lineEnds, cells int, endCR, ok bool) {
	i := 0
	for {
		cells++
		if i < len(data) && data[i] == '"' {
			for i++; ; i++ {
				if i >= len(data) {
					return -1, 0, 0, false, false
				}
				switch data[i] {
				case '"':
					if i+1 < len(data) && data[i+1] == '"' {
						i++
						continue
					}
				case '\r':
					if i+1 < len(data) && data[i+1] == '\n' {
						i++
					}
					lineEnds++
					continue
				case '\n':
					lineEnds++
					continue
				default:
					continue
				}
				break
			}
			i++ // the closing quote
		} else {
			for i < len(data) && data[i] != ',' && data[i] != '\n' && data[i] != '\r' {
				if data[i] == '"' {
					return 0, 0, 0, false, false
				}
				i++
			}
		}
		switch {
		case i >= len(data) && !atEOF:
			return -1, 0, 0, false, false
		case i >= len(data):
			return i, lineEnds, cells, false, true
		case data[i] == ',':
			i++
		case data[i] == '\n' || data[i] == '\r':
			return i + 1, lineEnds, cells, data[i] == '\r', true
		default:
			return 0, 0, 0, false, false // text after a closing quote
		}
	}
}

// refuse returns the error of a row refused, or nil when MaxErrors rows
// were reported already: it is then counted only.
func (c *csvCore) refuse(re *RowError) error {
	if c.maxErrors >= 0 && c.refused >= c.maxErrors {
		c.dropped++
		return nil
	}
	c.refused++
	return re
}

// capped reports whether MaxErrors rows refused were reported: the next are
// counted only.
func (c *csvCore) capped() bool { return c.maxErrors >= 0 && c.refused >= c.maxErrors }

// refuseRow returns the error of the row just read, whose cells fail es,
// or nil when it is counted only (see refuse).
func (c *csvCore) refuseRow(es iop.FieldErrors) error {
	return c.refuse(&RowError{Line: c.row, Err: es})
}

// lines returns the first and last lines of the last row: one line, or
// more for a row refused for a quoted cell over several lines (span).
func (c *csvCore) lines() (first, last int) { return c.row, max(c.row, c.rowEnd) }

// cell returns column col of rec, "" when the file has no such column.
func (c *csvCore) cell(rec []string, col int) string {
	if i := c.col[col]; i >= 0 {
		return rec[i]
	}
	return ""
}
