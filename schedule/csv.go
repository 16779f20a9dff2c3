package schedule

import (
	"encoding/csv"
	"errors"
	"io"
	"iter"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// CSVOptions say how a CSV reader ([NewSessionReader], [NewClaimReader])
// reads a file's header, and its limits. The zero CSVOptions reads the
// package's own column names, refuses a column it does not know, sets no
// limit to the input's size (a reader holds one row at a time) and
// reports [DefaultMaxErrors] rows refused.
type CSVOptions struct {
	// Columns maps a file's column names to the reader's:
	// {"date_of_service": "date", "hcpcs": "code"}. A column of the file
	// named in Columns is read as the column it maps to; the others are
	// matched by their own names.
	Columns map[string]string
	// IgnoreExtra makes the reader skip the columns it does not know,
	// instead of refusing the header; Extra lists them.
	IgnoreExtra bool
	// MaxBytes is the size limit of the input, in bytes: 0 or a negative
	// value means none, since a reader's memory is bounded by a row
	// ([MaxRowBytes]) whatever the input's size. An input above a limit
	// is refused with [iop.ErrTooLarge]: at once when the reader knows its
	// size (a file, a bytes.Reader, a strings.Reader), else when reading
	// crosses it.
	MaxBytes int64
	// MaxErrors is how many rows refused the reader reports, each as a
	// [*RowError]: 0 means [DefaultMaxErrors], a negative value all. The
	// rows refused after them are counted, not reported, and the reader
	// returns a [*MoreErrors] with the count after its last row. It caps
	// the errors of the header too.
	MaxErrors int
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

// SessionReader reads sessions from CSV, one a row, after a header row that
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
//     after it;
//   - a [*MoreErrors], once, after the last row: more rows were refused
//     than [CSVOptions.MaxErrors], and counted, not reported; read on to
//     io.EOF;
//   - an [*IOError]: the input could not be read; stop;
//   - another error wrapping [iop.ErrTooLarge]: the input is above the
//     limit set ([CSVOptions.MaxBytes]); stop;
//   - [io.EOF]: the end of the input.
//
// Rows end at LF, CRLF or a lone CR (old Mac exports), inside quotes too:
// no cell of these exports may hold a line end. A quoted cell not closed on
// its line is refused: with the lines after it when they close it into one
// row of the header's number of cells (a notes column with line breaks),
// else alone, its quote a stray one, the next line read as a row. So a
// stray quote costs its own row, never the rows after it, and a file is
// never read as one giant header. A row above [MaxRowBytes] is refused
// without being held; a reader's memory is one row, whatever the input's
// size, and it sets no size limit unless asked.
//
// A byte order mark before the header is skipped. A header whose first
// row looks like data (a cell starting with a digit, or no cell naming a
// column) is refused with [ErrNoHeader]. No cell of the input is ever in
// an error: header cells are named by position ("header[7]"). A SessionReader
// is not safe for concurrent use.
type SessionReader struct {
	c *csvCore
}

// NewSessionReader reads the header row from r and returns a reader for
// the rows after it. The zero [CSVOptions] reads the package's column
// names, no extra column, with no size limit and [DefaultMaxErrors]; opt
// sets a column mapping, extra columns ignored, a size limit, another cap
// of errors. A header with an unknown column, a column twice, or without a
// required column is a [*RowError] for line 1: it names each column
// missing ("header: missing: column start"), and each unknown one by its
// position only ("header[7]: unknown field").
func NewSessionReader(r io.Reader, opt CSVOptions) (*SessionReader, error) {
	c, err := newCore(r, opt, &sessionSchema)
	if err != nil {
		return nil, err
	}
	return &SessionReader{c: c}, nil
}

// Extra returns the columns the reader skips ([CSVOptions.IgnoreExtra]),
// in the order of the header: each by its name when the cell is a plain
// column name (a letter, then letters, digits or '_', at most 64 bytes),
// else by its position, "header[7]", so that a row of data taken for a
// header never gives its cells back.
func (cr *SessionReader) Extra() []string { return append([]string(nil), cr.c.extra...) }

// Lines returns the first and last lines of the input the last row read
// (or refused) took; they differ when a quoted cell holds line breaks.
func (cr *SessionReader) Lines() (first, last int) { return cr.c.lines() }

// Read returns the next session; see [SessionReader] for what its errors mean.
func (cr *SessionReader) Read() (Session, error) {
	for {
		rec, err := cr.c.read()
		if err != nil {
			return Session{}, err
		}
		if cr.c.capped() {
			// Past the cap, a row refused is counted only: no errors built.
			if s, ok := cr.session(rec, nil); ok {
				s.Input = iop.InputLine(cr.c.row)
				return s, nil
			}
			cr.c.dropped++
			continue
		}
		var es iop.FieldErrors
		s, _ := cr.session(rec, &es)
		if len(es) == 0 {
			s.Input = iop.InputLine(cr.c.row)
			return s, nil
		}
		if err := cr.c.refuseRow(es); err != nil {
			return Session{}, err
		}
	}
}

// session reads the cells of a row as a session, adding every problem to
// es; with a nil es, it only reports whether the session is valid.
func (cr *SessionReader) session(rec []string, es *iop.FieldErrors) (Session, bool) {
	c := cr.c
	cell := func(col int) string { return c.cell(rec, col) }
	var s Session
	var bad [numColumns]bool // columns that could not be parsed
	failed := false
	var err error
	parsed := func(col int, err, reason error) {
		if err != nil {
			failed, bad[col] = true, true
			if es != nil {
				es.Add(csvColumns[col], reason)
			}
		}
	}
	s.Patient, s.ID, s.Code = check.CellValue(cell(colPatient)), check.CellValue(cell(colID)), cell(colCode)
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
		s.Kind, err = iop.Parse[iop.ServiceKind](v)
		parsed(colKind, err, iop.ErrUnknown)
	}
	if v := cell(colAttendance); v != "" {
		s.Attendance, err = iop.Parse[Attendance](v)
		parsed(colAttendance, err, iop.ErrUnknown)
	}
	if v := cell(colDelivery); v != "" {
		s.Delivery, err = iop.Parse[iop.Delivery](v)
		parsed(colDelivery, err, iop.ErrUnknown)
	}
	// Validate, leaving out what the columns that failed to parse would repeat.
	if !s.valid() {
		if es == nil {
			return s, false
		}
		var ves iop.FieldErrors
		s.validate(&ves)
		for _, fe := range ves {
			if col := columnIn(csvColumns[:], fe.Field); col >= 0 && bad[col] {
				continue
			}
			*es = append(*es, fe)
		}
		return s, false
	}
	return s, !failed
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
func (cr *SessionReader) All() iter.Seq2[Session, error] {
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
// [SessionReader] reads. A session that does not pass [Session.Validate] is an
// error, and nothing more is written. A patient or session ID that a
// spreadsheet would run as a formula (one that starts with =, +, -, @, a
// tab or a carriage return) is written with a single quote before it
// (OWASP's rule against CSV injection); the readers take the quote away
// again, so what WriteCSV writes reads as the same sessions.
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
		row[colPatient], row[colID], row[colCode] = check.SafeCell(s.Patient), check.SafeCell(s.ID), s.Code
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
