package main

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

// input is what billingcheck read: the sessions, each patient's episode and
// certifications, and the rows it could not read.
type input struct {
	sessions  []schedule.Session
	episodes  map[string]schedule.Episode
	certs     map[string]schedule.Certifications // patients with certifications given
	derived   []string                           // patients whose episode was taken from their sessions
	ignored   []string                           // the sessions CSV's columns ignored, by name
	rowErrors []rowError
}

// rowError is a row that could not be read, and the file it is in.
type rowError struct {
	file string
	err  error
}

// String returns the error on one line: "sessions line 22: date: invalid date".
func (e rowError) String() string {
	return e.file + " " + strings.ReplaceAll(e.err.Error(), "\n", "; ")
}

// ioReader passes reads through and keeps the first error other than
// io.EOF: an I/O error is input that cannot be read, whatever a CSV
// reader makes of it.
type ioReader struct {
	r   io.Reader
	err error
}

func (r *ioReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && r.err == nil {
		r.err = err
	}
	return n, err
}

// readInput reads the sessions CSV, and the episodes CSV when there is one.
// A bad row is kept in rowErrors; a header that cannot be read, or an I/O
// error, is an error (with the input read so far: its columns ignored).
// mapping renames the sessions CSV's columns.
func readInput(sessions, episodes io.Reader, mapping map[string]string) (*input, error) {
	in := &input{episodes: map[string]schedule.Episode{}, certs: map[string]schedule.Certifications{}}
	if episodes != nil {
		er := &ioReader{r: episodes}
		err := in.readEpisodes(er)
		if er.err != nil {
			return nil, fmt.Errorf("%w: episodes: %w", errInput, er.err)
		}
		if err != nil {
			return nil, err
		}
	}
	sr := &ioReader{r: sessions}
	if err := in.readSessions(sr, mapping); sr.err != nil {
		return in, fmt.Errorf("%w: sessions: %w", errInput, sr.err)
	} else if err != nil {
		return in, err
	}
	return in, nil
}

// readSessions reads the sessions CSV.
func (in *input) readSessions(r io.Reader, mapping map[string]string) error {
	cr, src, err := newSessionReader(r, mapping)
	if src != nil {
		in.ignored = src.ignored
	}
	if err != nil {
		return fmt.Errorf("%w: sessions: %w", errInput, err)
	}
	first := map[string]date.Date{}
	var refused []*schedule.RowError
	defer func() {
		// The rows the projector refused, in line order with the others.
		refused = append(refused, src.rowErrors()...)
		slices.SortStableFunc(refused, func(a, b *schedule.RowError) int { return cmp.Compare(a.Line, b.Line) })
		for _, re := range refused {
			in.rowErrors = append(in.rowErrors, rowError{"sessions", re})
		}
	}()
	for s, err := range cr.All() {
		var re *schedule.RowError
		switch {
		case errors.As(err, &re):
			refused = append(refused, re)
			continue
		case err != nil:
			return fmt.Errorf("%w: sessions: %w", errInput, err)
		}
		in.sessions = append(in.sessions, s)
		if d, ok := first[s.Patient]; !ok || s.Date < d {
			first[s.Patient] = s.Date
		}
	}
	for id, d := range first {
		if _, ok := in.episodes[id]; !ok {
			in.episodes[id] = schedule.Episode{Population: iop.Adult, Admitted: d}
			in.derived = append(in.derived, id)
		}
	}
	slices.Sort(in.derived)
	return nil
}

// The columns of the episodes CSV.
var episodeColumns = []string{"patient", "population", "admitted", "discharged", "stepped_down", "certified"}

// readEpisodes reads the episodes CSV: a header row with episodeColumns in
// this order, then one row per patient.
func (in *input) readEpisodes(r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(episodeColumns)
	header, err := cr.Read()
	if err != nil || !slices.Equal(header, episodeColumns) {
		return fmt.Errorf("%w: episodes: the header must be %s", errInput, strings.Join(episodeColumns, ","))
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			in.rowErrors = append(in.rowErrors, rowError{"episodes", &schedule.RowError{Line: pe.StartLine, Err: fmt.Errorf("%w: malformed CSV row: %w", iop.ErrSyntax, pe.Err)}})
			continue
		}
		if err != nil {
			return fmt.Errorf("%w: episodes: %w", errInput, err)
		}
		line, _ := cr.FieldPos(0)
		if err := in.episodeRow(rec); err != nil {
			in.rowErrors = append(in.rowErrors, rowError{"episodes", &schedule.RowError{Line: line, Err: err}})
		}
	}
}

// episodeRow reads one row of the episodes CSV, reporting every problem.
func (in *input) episodeRow(rec []string) error {
	var errs iop.FieldErrors
	field := errs.Add
	patient := rec[0]
	if patient == "" {
		field("patient", iop.ErrMissing)
	} else if _, dup := in.episodes[patient]; dup {
		field("patient", iop.ErrDuplicate)
	}
	var e schedule.Episode
	if p, err := iop.ParsePopulation(rec[1]); err != nil {
		field("population", iop.ErrUnknown)
	} else {
		e.Population = p
	}
	dates := []*date.Date{&e.Admitted, &e.Discharged, &e.SteppedDown}
	for i, d := range dates {
		if rec[2+i] == "" {
			continue
		}
		v, err := iop.ParseDate(rec[2+i])
		if err != nil {
			field(episodeColumns[2+i], iop.ErrInvalidDate)
			continue
		}
		*d = v
	}
	var certs []date.Date
	if rec[5] != "" {
		for i, s := range strings.Split(rec[5], ";") {
			d, err := iop.ParseDate(s)
			if err != nil {
				field("certified["+strconv.Itoa(i)+"]", iop.ErrInvalidDate)
				continue
			}
			certs = append(certs, d)
		}
	}
	if len(errs) == 0 {
		if err := e.Validate(); err != nil {
			return err
		}
	}
	c := schedule.Certifications{Admitted: e.Admitted, Signed: certs}
	if len(errs) == 0 && len(certs) > 0 {
		if err := c.Validate(); err != nil {
			return err
		}
	}
	if err := errs.Err(); err != nil {
		return err
	}
	in.episodes[patient] = e
	if len(certs) > 0 {
		in.certs[patient] = c
	}
	return nil
}
