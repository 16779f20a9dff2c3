package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
)

// maxHeader is the longest header row read, in bytes.
const maxHeader = 1 << 20

// sessionSource is the sessions CSV as schedule.CSVReader reads it: with
// the file's columns renamed by -map, a UTF-8 byte order mark dropped, and
// the columns it does not read ignored.
//
// schedule.CSVReader reads a header of its own column names only, so the
// header row is rewritten here; when the file has other columns, every row
// is rewritten without them (a projector), keeping each row on the line it
// was on in the file, so that the reader's line numbers are the file's.
type sessionSource struct {
	ignored []string // the columns ignored, by their names in the file
	proj    *projector
}

// rowErrors returns the rows that the projector could not read (a
// malformed row never reaches schedule's reader).
func (s *sessionSource) rowErrors() []*schedule.RowError {
	if s.proj == nil {
		return nil
	}
	return s.proj.errs
}

// newSessionReader returns a reader of the sessions CSV r, with its
// columns renamed by mapping and the columns it does not read ignored.
func newSessionReader(r io.Reader, mapping map[string]string) (*schedule.CSVReader, *sessionSource, error) {
	src := &sessionSource{}
	br := bufio.NewReader(r)
	raw, lines, err := readHeaderRow(br)
	if err != nil {
		return nil, nil, err
	}
	header, err := csv.NewReader(bytes.NewReader(raw)).Read()
	if err != nil || len(header) == 0 {
		// Not a header this can read: the reader says what is wrong.
		cr, err := schedule.NewCSVReader(io.MultiReader(bytes.NewReader(raw), br))
		return cr, src, err
	}
	known := sessionColumnSet()
	var (
		names   []string // the header schedule's reader gets
		keep    []int    // the columns it gets, by index in the file
		changed bool     // whether the header row is rewritten
		es      iop.FieldErrors
		seen    = map[string]bool{}
	)
	for i, h := range header {
		if i == 0 {
			if n, ok := strings.CutPrefix(h, "\uFEFF"); ok {
				h, changed = n, true
			}
		}
		name := h
		if to, ok := mapping[h]; ok {
			name, changed = to, true
		}
		switch {
		case !known[name]:
			src.ignored = append(src.ignored, h)
			continue
		case seen[name]:
			es.Add("header["+strconv.Itoa(i)+"]", iop.ErrDuplicate)
		}
		seen[name] = true
		names = append(names, name)
		keep = append(keep, i)
	}
	if err := es.Err(); err != nil {
		return nil, src, &schedule.RowError{Line: 1, Err: err}
	}
	if !changed && len(src.ignored) == 0 {
		cr, err := schedule.NewCSVReader(io.MultiReader(bytes.NewReader(raw), br))
		return cr, src, err
	}
	// The new header, then as many empty lines as the file's header row
	// had beyond one (encoding/csv skips empty lines).
	var b bytes.Buffer
	cw := csv.NewWriter(&b)
	cw.Write(names) //nolint:errcheck // writes to a bytes.Buffer do not fail
	cw.Flush()
	b.WriteString(strings.Repeat("\n", max(0, lines-strings.Count(b.String(), "\n"))))
	var rest io.Reader = br
	if len(src.ignored) > 0 {
		src.proj = newProjector(br, keep, len(header), lines)
		rest = src.proj
	}
	cr, err := schedule.NewCSVReader(io.MultiReader(&b, rest))
	return cr, src, err
}

// readHeaderRow returns the bytes of the first CSV row of r (its lines
// until the quotes balance) and the number of lines they take. Empty lines
// before it are kept in the bytes and counted.
func readHeaderRow(r *bufio.Reader) (raw []byte, lines int, err error) {
	quotes := 0
	for {
		line, err := r.ReadSlice('\n')
		raw = append(raw, line...)
		if len(line) > 0 && line[len(line)-1] == '\n' {
			lines++
		}
		quotes += bytes.Count(line, []byte{'"'})
		switch {
		case len(raw) > maxHeader:
			return nil, 0, &schedule.RowError{Line: 1, Err: &iop.FieldError{Field: "header", Err: iop.ErrTooLarge}}
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			return raw, lines, nil
		case err != nil:
			return nil, 0, err
		}
		if quotes%2 == 0 && len(bytes.TrimSpace(raw)) > 0 {
			return raw, lines, nil
		}
	}
}

// A projector reads the rows after the header and writes them again with
// only the columns kept, each on the line it was on.
type projector struct {
	cr   *csv.Reader
	keep []int
	from int // the line of the file the projector's first line is
	line int // the line of the file the next byte written is on
	buf  bytes.Buffer
	cw   *csv.Writer
	rec  []string
	errs []*schedule.RowError
	done bool
}

func newProjector(r io.Reader, keep []int, fields, headerLines int) *projector {
	p := &projector{cr: csv.NewReader(r), keep: keep, from: headerLines, line: headerLines + 1}
	p.cr.FieldsPerRecord = fields
	p.cr.ReuseRecord = true
	p.cw = csv.NewWriter(&p.buf)
	p.rec = make([]string, len(keep))
	return p
}

func (p *projector) Read(b []byte) (int, error) {
	for p.buf.Len() == 0 {
		if p.done {
			return 0, io.EOF
		}
		p.next()
	}
	return p.buf.Read(b)
}

// next projects the next row into buf.
func (p *projector) next() {
	rec, err := p.cr.Read()
	var pe *csv.ParseError
	switch {
	case errors.Is(err, io.EOF):
		p.done = true
		return
	case errors.As(err, &pe):
		p.errs = append(p.errs, &schedule.RowError{Line: p.from + pe.StartLine,
			Err: fmt.Errorf("%w: malformed CSV row: %w", iop.ErrSyntax, pe.Err)})
		return
	case err != nil:
		// An I/O error: the reader beneath keeps it for readInput.
		p.done = true
		return
	}
	line, _ := p.cr.FieldPos(0)
	line += p.from
	if line > p.line {
		p.buf.WriteString(strings.Repeat("\n", line-p.line))
		p.line = line
	}
	for i, c := range p.keep {
		p.rec[i] = rec[c]
	}
	start := p.buf.Len()
	p.cw.Write(p.rec) //nolint:errcheck // writes to a bytes.Buffer do not fail
	p.cw.Flush()
	p.line += bytes.Count(p.buf.Bytes()[start:], []byte{'\n'})
}
