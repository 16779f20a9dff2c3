package schedule

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The CSV columns, in the order [WriteCSV] writes them. A header row names
// the columns a file has, in any order; patient, date, start, minutes, kind
// and attendance are required, id, attended and code optional.
var csvColumns = [...]string{"patient", "id", "date", "start", "minutes", "kind", "attendance", "attended", "code"}

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
	numColumns
)

// columnOf returns the column of a Session field's JSON name, which is also
// the column's name, and -1 for another name.
func columnOf(field string) int {
	for c, name := range csvColumns {
		if name == field {
			return c
		}
	}
	return -1
}

func csvRequired(c int) bool { return c != colID && c != colAttended && c != colCode }

// CSVReader reads sessions from CSV, one a row, after a header row that
// names the columns:
//
//	patient,id,date,start,minutes,kind,attendance,attended,code
//	p-001,s-1,2025-01-06,09:00,180,group,attended,,H0015
//
// Dates are YYYY-MM-DD and must exist; start is HH:MM; minutes and attended
// are whole minutes; kind and attendance are the names
// [iop.ServiceKind.String] and [Attendance.String] write. Every row is
// checked with [Session.Validate].
//
// A row that cannot be read is reported as a [*RowError] with its line
// number and every problem it has ([iop.FieldErrors] naming the columns),
// and reading goes on with the next row; the messages hold no cell values. A CSVReader is not safe for concurrent
// use.
type CSVReader struct {
	r   *csv.Reader
	col [numColumns]int // the index of each column in a row, -1 when absent
}

// NewCSVReader reads the header row from r and returns a reader for the
// rows after it. A header with an unknown column, a column twice, or
// without a required column is a [*RowError] for line 1.
func NewCSVReader(r io.Reader) (*CSVReader, error) {
	cr := &CSVReader{r: csv.NewReader(r)}
	cr.r.ReuseRecord = true
	header, err := cr.r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &RowError{Line: 1, Err: &iop.FieldError{Field: "header", Err: iop.ErrMissing}}
		}
		return nil, &RowError{Line: 1, Err: csvSyntax(err)}
	}
	for i := range cr.col {
		cr.col[i] = -1
	}
	var es iop.FieldErrors
	for i, name := range header {
		c := 0
		for c < numColumns && csvColumns[c] != name {
			c++
		}
		field := "header[" + strconv.Itoa(i) + "]"
		switch {
		case c == numColumns:
			es.Add(field, iop.ErrUnknownField)
		case cr.col[c] >= 0:
			es.Add(field, iop.ErrDuplicate)
		default:
			cr.col[c] = i
		}
	}
	for c, i := range cr.col {
		if i < 0 && csvRequired(c) {
			es.Add(csvColumns[c], iop.ErrMissing)
		}
	}
	if err := es.Err(); err != nil {
		return nil, &RowError{Line: 1, Err: err}
	}
	return cr, nil
}

// csvSyntax returns the reason of an encoding/csv error, without the
// position (the RowError has the line), wrapping [iop.ErrSyntax] and
// encoding/csv's own sentinel (csv.ErrQuote, csv.ErrFieldCount, ...).
func csvSyntax(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w: %w", errMalformedRow, pe.Err)
	}
	return errMalformedRow
}

// Read returns the next session. At the end of the input it returns
// [io.EOF]. A row that cannot be read gives a [*RowError]; call Read again
// for the rows after it. An error of the underlying reader is returned as
// it is.
func (cr *CSVReader) Read() (Session, error) {
	rec, err := cr.r.Read()
	if err != nil {
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			return Session{}, io.EOF
		case errors.As(err, &pe):
			return Session{}, &RowError{Line: pe.StartLine, Err: csvSyntax(err)}
		}
		return Session{}, err
	}
	line, _ := cr.r.FieldPos(0) // after a successful Read only: FieldPos panics otherwise
	cell := func(c int) string {
		if i := cr.col[c]; i >= 0 {
			return rec[i]
		}
		return ""
	}
	var s Session
	var es iop.FieldErrors
	var bad [numColumns]bool // columns that could not be parsed
	// parsed records a cell that failed to parse with its reason; the Parse
	// functions leave the zero value on failure.
	parsed := func(c int, err, reason error) {
		if err != nil {
			es.Add(csvColumns[c], reason)
			bad[c] = true
		}
	}
	s.Patient, s.ID, s.Code = cell(colPatient), cell(colID), cell(colCode)
	if v := cell(colDate); v != "" {
		s.Date, err = iop.ParseDate(v)
		parsed(colDate, err, iop.ErrInvalidDate)
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
	// Validate, leaving out what the columns that failed to parse would repeat.
	if !s.valid() {
		var ves iop.FieldErrors
		s.validate(&ves)
		for _, fe := range ves {
			if c := columnOf(fe.Field); c >= 0 && bad[c] {
				continue
			}
			es = append(es, fe)
		}
	}
	if err := es.Err(); err != nil {
		return Session{}, &RowError{Line: line, Err: err}
	}
	return s, nil
}

// parseMinutes parses whole minutes in canonical decimal form: no sign but
// '-', no leading zero.
func parseMinutes(v string) (iop.Minutes, error) {
	n, err := strconv.ParseInt(v, 10, 32)
	if err != nil || v[0] == '+' || (len(v) > 1 && v[0] == '0') {
		return 0, errNumber
	}
	return iop.Minutes(n), nil
}

// All returns an iterator over the rest of the rows: each session, or the
// error of a row that cannot be read. It stops at the end of the input or
// after an error of the underlying reader.
func (cr *CSVReader) All() iter.Seq2[Session, error] {
	return func(yield func(Session, error) bool) {
		for {
			s, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RowError
			if !yield(s, err) || (err != nil && !errors.As(err, &re)) {
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
		if err := cw.Write(row[:]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
