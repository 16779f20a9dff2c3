package schedule

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
)

// CSVOptions say how a CSV reader ([NewSessionReader], [NewClaimReader])
// reads a file's header. The zero CSVOptions reads the package's own
// column names, refuses a column it does not know, and applies
// [DefaultMaxBytes].
type CSVOptions struct {
	// Columns maps a file's column names to the reader's:
	// {"date_of_service": "date", "hcpcs": "code"}. A column of the file
	// named in Columns is read as the column it maps to; the others are
	// matched by their own names.
	Columns map[string]string
	// IgnoreExtra makes the reader skip the columns it does not know,
	// instead of refusing the header; Extra lists them by name.
	IgnoreExtra bool
	// MaxBytes is the size limit of the input, in bytes: 0 means
	// [DefaultMaxBytes], a negative value no limit. An input above it is
	// refused with [iop.ErrTooLarge]: at once when the reader knows its size
	// (a file, a bytes.Reader, a strings.Reader), else when reading crosses
	// it.
	MaxBytes int64
}

// The session columns, in the order [WriteCSV] writes them. A header row
// names the columns a file has, in any order; patient, date, start,
// minutes, kind and attendance are required, id, attended, code and
// delivery optional.
var csvColumns = [...]string{"patient", "id", "date", "start", "minutes", "kind", "attendance", "attended", "code", "delivery"}

const (
	colPatient = iota
	colID
	colDate
	colStart
	colMinutes
	colKind
	colAttendance
	colAttended
	colCode
	colDelivery
	numColumns
)

// sessionSchema is the schema of session files.
var sessionSchema = csvSchema{names: csvColumns[:], required: []bool{
	colPatient: true, colDate: true, colStart: true, colMinutes: true, colKind: true, colAttendance: true,
	colID: false, colAttended: false, colCode: false, colDelivery: false,
}, oneOf: [2]int{-1, -1}}

// csvSchema is the columns of one kind of file.
type csvSchema struct {
	names    []string
	required []bool
	oneOf    [2]int // two columns of which one at least is required; -1 when none
}

// columnIn returns the column of name in names, and -1 for another name.
func columnIn(names []string, name string) int {
	for c, n := range names {
		if n == name {
			return c
		}
	}
	return -1
}

// csvCore is what the session and claim readers share: the CSV reader,
// the columns and the input's accounting.
type csvCore struct {
	r          *csv.Reader
	col        []int // the index of each column in a row, -1 when absent
	extra      []string
	first      int // the first and last lines of the last row read
	last       int
	limit      int64
	count      *limitReader
	rec        []string // the last record read; nil after an error
	done       bool
	rowsOK     int
	rowsFailed int
}

// limitReader counts the bytes read and fails past a limit.
type limitReader struct {
	r     io.Reader
	n     int64
	limit int64 // negative: none
}

var errLimit = errors.New("limit")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.limit >= 0 && l.n > l.limit {
		return 0, errLimit
	}
	if l.limit >= 0 && int64(len(p)) > l.limit-l.n+1 {
		p = p[:l.limit-l.n+1]
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	if l.limit >= 0 && l.n > l.limit {
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

// newCore reads the header row from r under opt and schema.
func newCore(r io.Reader, opt CSVOptions, schema *csvSchema) (*csvCore, error) {
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	if limit > 0 {
		if n, ok := sizeOf(r); ok && n > limit {
			return nil, &iop.FieldError{Err: tooLarge(limit)}
		}
	}
	for from, to := range opt.Columns {
		if columnIn(schema.names, to) < 0 {
			_ = from
			return nil, &iop.FieldError{Field: "options.columns", Err: fmt.Errorf("%w: a column maps to a name the reader does not read", iop.ErrUnknown)}
		}
	}
	lr := &limitReader{r: r, limit: limit}
	if limit < 0 {
		lr.limit = -1
	}
	br := bufio.NewReaderSize(lr, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		_, _ = br.Discard(3) // a byte order mark, as spreadsheets write
	}
	c := &csvCore{r: csv.NewReader(br), col: make([]int, len(schema.names)), count: lr, limit: limit}
	c.r.ReuseRecord = true
	header, err := c.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &RowError{Line: 1, Err: &iop.FieldError{Field: "header", Err: iop.ErrMissing}}
		}
		return nil, c.fail(nil, err)
	}
	headerLine, _ := c.r.FieldPos(0)
	for i := range c.col {
		c.col[i] = -1
	}
	plain := true // every header cell is a plain name: one may be named in an error
	for _, name := range header {
		plain = plain && plainName(name)
	}
	var es iop.FieldErrors
	for i, name := range header {
		target := name
		if to, ok := opt.Columns[name]; ok {
			target = to
		}
		col := columnIn(schema.names, target)
		field := "header[" + strconv.Itoa(i) + "]"
		switch {
		case col < 0 && opt.IgnoreExtra:
			c.extra = append(c.extra, name)
		case col < 0 && plain:
			es.Add(field, fmt.Errorf("%w: column %q", iop.ErrUnknownField, name))
		case col < 0:
			es.Add(field, iop.ErrUnknownField)
		case c.col[col] >= 0:
			es.Add(field, fmt.Errorf("%w: column %s", iop.ErrDuplicate, schema.names[col]))
		default:
			c.col[col] = i
		}
	}
	for col, i := range c.col {
		if i < 0 && schema.required[col] {
			es.Add("header", fmt.Errorf("%w: column %s", iop.ErrMissing, schema.names[col]))
		}
	}
	if a, b := schema.oneOf[0], schema.oneOf[1]; a >= 0 && c.col[a] < 0 && c.col[b] < 0 {
		es.Add("header", fmt.Errorf("%w: column %s or %s", iop.ErrMissing, schema.names[a], schema.names[b]))
	}
	if err := es.Err(); err != nil {
		return nil, &RowError{Line: headerLine, Err: err}
	}
	return c, nil
}

// plainName reports whether a header cell is a plain column name: a
// letter, then letters, digits, '_' or ' ', at most 64 bytes. A header with
// other cells is likely a data row: its cells are never named in errors.
func plainName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '_' || c == ' ')) {
			return false
		}
	}
	return true
}

// fail turns an error of the CSV reader into the reader's error: a
// [*RowError] for a malformed row (with the lines it took), an error
// wrapping [iop.ErrTooLarge] past the limit, and the underlying reader's
// error, wrapped, for an I/O error.
func (c *csvCore) fail(rec []string, err error) error {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errLimit):
		c.done = true
		return &iop.FieldError{Err: tooLarge(c.limit)}
	case errors.As(err, &pe) && errors.Is(pe.Err, errLimit):
		c.done = true
		return &iop.FieldError{Err: tooLarge(c.limit)}
	case errors.As(err, &pe):
		c.rowsFailed++
		c.first, c.last, c.rec = pe.StartLine, pe.Line, nil
		if rec != nil && errors.Is(pe.Err, csv.ErrFieldCount) {
			c.first, c.last = c.span(rec)
		}
		re := &RowError{Line: c.first, Err: fmt.Errorf("%w: %w", errMalformedRow, pe.Err)}
		if c.last > c.first {
			re.EndLine = c.last
		}
		return re
	}
	c.done = true
	return &IOError{Err: err}
}

// read returns the next record, io.EOF at the end, or the error of a row
// that cannot be read.
func (c *csvCore) read() ([]string, error) {
	if c.done {
		return nil, io.EOF
	}
	rec, err := c.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			c.done = true
			return nil, io.EOF
		}
		return nil, c.fail(rec, err)
	}
	c.first, c.last, c.rec = 0, 0, rec // the lines are found when asked
	return rec, nil
}

// lines returns the first and last lines of the last row.
func (c *csvCore) lines() (first, last int) {
	if c.first == 0 && len(c.rec) > 0 {
		c.first, c.last = c.span(c.rec)
	}
	return c.first, c.last
}

// span returns the first and last lines of the record just read: the last
// field starts on a line and runs over the line breaks it holds.
func (c *csvCore) span(rec []string) (first, last int) {
	first, _ = c.r.FieldPos(0) // after a Read that returned rec only: FieldPos panics otherwise
	last, _ = c.r.FieldPos(len(rec) - 1)
	return first, last + strings.Count(rec[len(rec)-1], "\n")
}

// cell returns column col of rec, "" when the file has no such column.
func (c *csvCore) cell(rec []string, col int) string {
	if i := c.col[col]; i >= 0 {
		return rec[i]
	}
	return ""
}

// refuse returns the RowError of the row just read.
func (c *csvCore) refuse(es iop.FieldErrors) error {
	c.rowsFailed++
	first, last := c.lines()
	re := &RowError{Line: first, Err: es}
	if last > first {
		re.EndLine = last
	}
	return re
}

// IOError reports an error of the reader a CSV reader reads from: the
// input could not be read (a directory, a closed pipe, a disk error). Err
// is the reader's own error; errors.Is and errors.As see through it.
type IOError struct {
	Err error
}

// Error returns "reading CSV: " and the reader's error.
func (e *IOError) Error() string { return "reading CSV: " + e.Err.Error() }

// Unwrap returns the reader's error.
func (e *IOError) Unwrap() error { return e.Err }

// CSVReader reads sessions from CSV, one a row, after a header row that
// names the columns:
//
//	patient,id,date,start,minutes,kind,attendance,attended,code,delivery
//	p-001,s-1,2025-01-06,09:00,180,group,attended,,H0015,in-person
//
// Dates are YYYY-MM-DD and must exist; start is HH:MM; minutes and attended
// are whole minutes; kind, attendance and delivery are the names
// [iop.ServiceKind.String], [Attendance.String] and [iop.Delivery.String]
// write. Every row is checked with [Session.Validate], the same checks as
// JSON ([ParseSessions]): record IDs by [iop.CheckID], dates by
// [iop.CheckServiceDate].
//
// What a reader returns, and what to do next:
//   - a session: use it, and call Read again;
//   - a [*RowError]: the row (its lines: Line to EndLine) was refused, with
//     every problem it has and no cell value; call Read again for the rows
//     after it. An unterminated quote swallows the rest of the input into
//     one row: its RowError gives the range of lines;
//   - an [*IOError]: the input could not be read; stop;
//   - an error wrapping [iop.ErrTooLarge]: the input is above the limit
//     ([CSVOptions.MaxBytes]); stop;
//   - [io.EOF]: the end of the input.
//
// A byte order mark before the header is skipped. A CSVReader is not safe
// for concurrent use.
type CSVReader struct {
	c *csvCore
}

// NewCSVReader reads the header row from r and returns a reader for the
// rows after it, with the zero [CSVOptions]: the package's column names, no
// extra column, [DefaultMaxBytes]. A header with an unknown column, a
// column twice, or without a required column is a [*RowError] for line 1.
func NewCSVReader(r io.Reader) (*CSVReader, error) { return NewSessionReader(r, CSVOptions{}) }

// NewSessionReader is [NewCSVReader] with options: a column mapping, extra
// columns ignored, another size limit. An error names each column missing
// ("header: missing: column start"), and each unknown one by its position,
// with its name when the header is made of plain names.
func NewSessionReader(r io.Reader, opt CSVOptions) (*CSVReader, error) {
	c, err := newCore(r, opt, &sessionSchema)
	if err != nil {
		return nil, err
	}
	return &CSVReader{c: c}, nil
}

// Extra returns the names of the columns the reader skips
// ([CSVOptions.IgnoreExtra]), in the order of the header.
func (cr *CSVReader) Extra() []string { return append([]string(nil), cr.c.extra...) }

// Lines returns the first and last lines of the input the last row read
// (or refused) took; they differ when a quoted cell holds line breaks.
func (cr *CSVReader) Lines() (first, last int) { return cr.c.lines() }

// Read returns the next session; see [CSVReader] for what its errors mean.
func (cr *CSVReader) Read() (Session, error) {
	rec, err := cr.c.read()
	if err != nil {
		return Session{}, err
	}
	c := cr.c
	cell := func(col int) string { return c.cell(rec, col) }
	var s Session
	var es iop.FieldErrors
	var bad [numColumns]bool // columns that could not be parsed
	parsed := func(col int, err, reason error) {
		if err != nil {
			es.Add(csvColumns[col], reason)
			bad[col] = true
		}
	}
	s.Patient, s.ID, s.Code = cell(colPatient), cell(colID), cell(colCode)
	if v := cell(colDate); v != "" {
		var ok bool
		if s.Date, ok = parseDate(v); !ok {
			parsed(colDate, iop.ErrInvalidDate, iop.ErrInvalidDate)
		}
	}
	if v := cell(colStart); v != "" {
		s.Start, err = ParseClock(v)
		parsed(colStart, err, errClockSyntax)
	}
	if v := cell(colMinutes); v != "" {
		s.Planned, err = parseMinutes(v)
		parsed(colMinutes, err, errNumber)
	}
	if v := cell(colAttended); v != "" {
		s.Attended, err = parseMinutes(v)
		parsed(colAttended, err, errNumber)
	}
	if v := cell(colKind); v != "" {
		s.Kind, err = iop.ParseServiceKind(v)
		parsed(colKind, err, iop.ErrUnknown)
	}
	if v := cell(colAttendance); v != "" {
		s.Attendance, err = ParseAttendance(v)
		parsed(colAttendance, err, iop.ErrUnknown)
	}
	if v := cell(colDelivery); v != "" {
		s.Delivery, err = iop.ParseDelivery(v)
		parsed(colDelivery, err, iop.ErrUnknown)
	}
	// Validate, leaving out what the columns that failed to parse would repeat.
	if !s.valid() {
		var ves iop.FieldErrors
		s.validate(&ves)
		for _, fe := range ves {
			if col := columnIn(csvColumns[:], fe.Field); col >= 0 && bad[col] {
				continue
			}
			es = append(es, fe)
		}
	}
	if len(es) > 0 {
		return Session{}, c.refuse(es)
	}
	c.rowsOK++
	return s, nil
}

// parseMinutes parses whole minutes in canonical decimal form: no sign but
// '-', no leading zero.
func parseMinutes(v string) (iop.Minutes, error) {
	n, ok := parseInt(v)
	if !ok || n < -1<<31 || n > 1<<31-1 {
		return 0, errNumber
	}
	return iop.Minutes(n), nil
}

// parseInt parses a decimal integer in canonical form ('-' allowed, no '+',
// no leading zero), of at most 10 digits, without allocating.
func parseInt(v string) (int64, bool) {
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	if v == "" || len(v) > 10 || (v[0] == '0' && (len(v) > 1 || neg)) {
		return 0, false
	}
	var n int64
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// All returns an iterator over the rest of the rows: each session, or the
// error of a row that cannot be read. It stops at the end of the input, or
// after an error that ends the reading ([*IOError], [iop.ErrTooLarge]).
func (cr *CSVReader) All() iter.Seq2[Session, error] {
	return func(yield func(Session, error) bool) {
		for {
			s, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(s, err) || cr.c.done {
				return
			}
		}
	}
}

// WriteCSV writes a header row and one row per session, in the form
// [CSVReader] reads. A session that does not pass [Session.Validate] is an
// error, and nothing more is written.
func WriteCSV(w io.Writer, sessions iter.Seq[Session]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvColumns[:]); err != nil {
		return err
	}
	var row [numColumns]string
	for s := range sessions {
		if err := s.Validate(); err != nil {
			return err
		}
		row[colPatient], row[colID], row[colCode] = s.Patient, s.ID, s.Code
		row[colDate], row[colStart] = s.Date.String(), s.Start.String()
		row[colMinutes] = strconv.Itoa(int(s.Planned))
		row[colAttended] = ""
		if s.Attended != 0 {
			row[colAttended] = strconv.Itoa(int(s.Attended))
		}
		row[colKind], row[colAttendance] = s.Kind.String(), s.Attendance.String()
		row[colDelivery] = ""
		if s.Delivery != 0 {
			row[colDelivery] = s.Delivery.String()
		}
		if err := cw.Write(row[:]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
