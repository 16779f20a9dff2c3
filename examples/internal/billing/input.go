package billing

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

// The input kinds (-input).
const (
	inputSessions = "sessions"
	inputClaims   = "claims"
)

// readOptions say how the input is read: its kind, the renames of its
// columns (-map) and the provider setting of every episode (-setting).
type readOptions struct {
	kind    string
	x12     bool // claims read from an X12 837I
	mapping map[string]string
	setting iop.Provider
	// maxErrors is how many rows refused are kept (-max-errors): 0 means
	// schedule.DefaultMaxErrors, a negative value all.
	maxErrors int
}

// input is what billingcheck read: the sessions or the claim lines, each
// patient's episode and certifications, and the rows it could not read.
type input struct {
	kind     string
	sessions []schedule.Session
	lines    []schedule.ClaimLine
	lineAt   []int // the line of the file each claim line starts on
	episodes map[string]schedule.Stay
	certs    map[string]schedule.Certifications // patients with certifications given
	derived  []string                           // patients whose episode was taken from their first day of service
	ignored  []string                           // the input's columns ignored, by name
	// rowErrors are the rows refused, by file and line: at most maxErrors
	// (negative: all); more counts those refused beyond them.
	rowErrors []rowError
	maxErrors int
	more      int
}

// refuseRow keeps a row refused, or counts it past maxErrors.
func (in *input) refuseRow(file string, re *schedule.RowError) { in.keep(rowError{file, re.Line, re}) }

// keep keeps a row (or segment) refused, or counts it past maxErrors.
func (in *input) keep(e rowError) {
	if in.maxErrors >= 0 && len(in.rowErrors) >= in.maxErrors {
		in.more++
		return
	}
	in.rowErrors = append(in.rowErrors, e)
}

// refused returns the number of rows refused, reported or not.
func (in *input) refused() int { return len(in.rowErrors) + in.more }

// rowError is a row that could not be read, the file it is in and the line
// it starts on.
type rowError struct {
	file string
	line int
	err  error
}

// String returns the error on one line: "sessions line 22: date: invalid date".
func (e rowError) String() string {
	return e.file + " " + strings.ReplaceAll(e.err.Error(), "\n", "; ")
}

// ioReader passes reads through and keeps the first error other than
// io.EOF: an I/O error in the episodes CSV is input that cannot be read,
// whatever encoding/csv makes of it.
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

// readInput reads the sessions or claim lines CSV, and the episodes CSV
// when there is one. A bad row is kept in rowErrors; a header that cannot
// be read, an input too large or an I/O error is an error.
func readInput(data, episodes io.Reader, opt readOptions) (*input, error) {
	in := &input{kind: cmp.Or(opt.kind, inputSessions), episodes: map[string]schedule.Stay{}, certs: map[string]schedule.Certifications{},
		maxErrors: cmp.Or(opt.maxErrors, schedule.DefaultMaxErrors)}
	if episodes != nil {
		er := &ioReader{r: episodes}
		err := in.readEpisodes(er, opt.setting)
		if er.err != nil {
			return nil, fmt.Errorf("%w: episodes: %w", errInput, er.err)
		}
		if err != nil {
			return nil, err
		}
	}
	first := map[string]date.Date{} // each patient's first day of service
	seen := func(patient string, d date.Date) {
		if f, ok := first[patient]; !ok || d < f {
			first[patient] = d
		}
	}
	// schedule's readers: the columns renamed, the others ignored.
	csvOpt := schedule.CSVOptions{Columns: opt.mapping, IgnoreExtra: true, MaxErrors: in.maxErrors}
	var err error
	switch {
	case opt.x12:
		err = in.readX12(data, seen)
	case in.kind == inputClaims:
		err = in.readClaims(data, csvOpt, seen)
	default:
		err = in.readSessions(data, csvOpt, seen)
	}
	if err != nil {
		return nil, err
	}
	for id, d := range first {
		if _, ok := in.episodes[id]; !ok {
			in.episodes[id] = schedule.Stay{Population: iop.PopulationAdult, Admitted: d, AdmissionAssumed: true, Setting: opt.setting}
			in.derived = append(in.derived, id)
		}
	}
	slices.Sort(in.derived)
	return in, nil
}

// readSessions reads the sessions CSV.
func (in *input) readSessions(r io.Reader, opt schedule.CSVOptions, seen func(string, date.Date)) error {
	cr, err := schedule.NewSessionReader(r, opt)
	if err != nil {
		return inputError(inputSessions, err)
	}
	in.ignored = cr.Extra()
	for s, err := range cr.All() {
		if err != nil {
			if err := in.refuse(inputSessions, err); err != nil {
				return err
			}
			continue
		}
		in.sessions = append(in.sessions, s)
		seen(s.Patient, s.Date)
	}
	return nil
}

// readClaims reads the claim-line CSV.
func (in *input) readClaims(r io.Reader, opt schedule.CSVOptions, seen func(string, date.Date)) error {
	cr, err := schedule.NewClaimReader(r, opt)
	if err != nil {
		return inputError(inputClaims, err)
	}
	in.ignored = cr.Extra()
	for l, err := range cr.All() {
		if err != nil {
			if err := in.refuse(inputClaims, err); err != nil {
				return err
			}
			continue
		}
		line, _ := cr.Lines()
		in.lines = append(in.lines, l)
		in.lineAt = append(in.lineAt, line)
	}
	in.refuseOtherPatients(inputClaims, func(at int, err error) error { return &schedule.RowError{Line: at, Err: err} })
	for _, l := range in.lines {
		seen(l.Patient, l.Date)
	}
	return nil
}

// errOtherPatient refuses a claim line of another patient than its claim.
var errOtherPatient = fmt.Errorf("%w: not the patient of the claim's first line", iop.ErrOutOfRange)

// refuseOtherPatients refuses each claim line whose patient is not that of
// its claim's first line (the lowest line number, then the first in the
// file), on its line of the file: the library's claim checks refuse a
// claim naming two patients as a whole, and the other lines of the claim
// are checked without it. file names the input in the refusals, and
// refusal makes the error of a line at a position of the input.
func (in *input) refuseOtherPatients(file string, refusal func(at int, err error) error) {
	first := map[string]int{} // the index of each claim's first line
	for i, l := range in.lines {
		if j, ok := first[l.Claim]; !ok || l.Line < in.lines[j].Line {
			first[l.Claim] = i
		}
	}
	// Each claim's patient, taken before the lines are compacted below
	// (which overwrites the lines the indices above point to).
	patient := make(map[string]string, len(first))
	for c, i := range first {
		patient[c] = in.lines[i].Patient
	}
	var refused []rowError
	n, more := 0, 0
	for i, l := range in.lines {
		if l.Patient != patient[l.Claim] {
			at := in.lineAt[i]
			if in.maxErrors >= 0 && len(refused) >= in.maxErrors {
				more++ // beyond the cap, whatever the order: counted only
				continue
			}
			refused = append(refused, rowError{file, at, refusal(at, &iop.FieldError{Field: "patient", Err: errOtherPatient})})
			continue
		}
		in.lines[n], in.lineAt[n] = l, in.lineAt[i]
		n++
	}
	in.lines, in.lineAt = in.lines[:n], in.lineAt[:n]
	if len(refused) > 0 {
		// In line order with the rows refused when read.
		in.rowErrors = append(in.rowErrors, refused...)
		from := slices.IndexFunc(in.rowErrors, func(e rowError) bool { return e.file == file })
		slices.SortStableFunc(in.rowErrors[from:], func(a, b rowError) int { return cmp.Compare(a.line, b.line) })
	}
	in.more += more
	if in.maxErrors >= 0 && len(in.rowErrors) > in.maxErrors {
		in.more += len(in.rowErrors) - in.maxErrors
		in.rowErrors = in.rowErrors[:in.maxErrors]
	}
}

// refuse keeps a row refused by one of schedule's readers, and returns
// any other error (an I/O error, an input too large) as input that cannot
// be read.
func (in *input) refuse(file string, err error) error {
	var re *schedule.RowError
	var more *schedule.MoreErrors
	switch {
	case errors.As(err, &re):
		in.refuseRow(file, re)
	case errors.As(err, &more):
		in.more += more.Unreported // the reader's own cap: counted, not reported
	default:
		return inputError(file, err)
	}
	return nil
}

// inputError is an error that stops the reading of file: a header refused,
// an I/O error (said as the reader beneath said it), an input too large.
func inputError(file string, err error) error {
	var ioe *schedule.IOError
	if errors.As(err, &ioe) {
		err = ioe.Err
	}
	return fmt.Errorf("%w: %s: %w", errInput, file, err)
}

// The columns of the episodes CSV.
var episodeColumns = []string{"patient", "population", "admitted", "discharged", "stepped_down", "certified"}

// readEpisodes reads the episodes CSV: a header row with episodeColumns in
// this order, then one row per patient (see eachRow for its limits).
func (in *input) readEpisodes(r io.Reader, setting iop.Provider) error {
	header := true
	var headerErr error
	err := eachRow(r, func(line int, rec []string, err error) bool {
		if header {
			header = false
			if err != nil || !slices.Equal(rec, episodeColumns) {
				headerErr = fmt.Errorf("%w: episodes: the header must be %s", errInput, strings.Join(episodeColumns, ","))
				return false
			}
			return true
		}
		switch {
		case err != nil:
			in.refuseRow("episodes", malformedRow(line, err))
		case len(rec) != len(episodeColumns):
			in.refuseRow("episodes", malformedRow(line, csv.ErrFieldCount))
		default:
			if err := in.episodeRow(rec, setting); err != nil {
				in.refuseRow("episodes", &schedule.RowError{Line: line, Err: err})
			}
		}
		return true
	})
	if header && err == nil {
		headerErr = fmt.Errorf("%w: episodes: the header must be %s", errInput, strings.Join(episodeColumns, ","))
	}
	if err != nil {
		return fmt.Errorf("%w: episodes: %w", errInput, err)
	}
	return headerErr
}

// episodeRow reads one row of the episodes CSV, reporting every problem.
func (in *input) episodeRow(rec []string, setting iop.Provider) error {
	var errs iop.FieldErrors
	field := errs.Add
	patient := rec[0]
	if err := iop.CheckID(patient); err != nil {
		field("patient", err) // missing, too long, a control character
	} else if _, dup := in.episodes[patient]; dup {
		field("patient", iop.ErrDuplicate)
	}
	e := schedule.Stay{Setting: setting}
	if p, err := iop.Parse[iop.Population](rec[1]); err != nil {
		field("population", iop.ErrUnknown)
	} else {
		e.Population = p
	}
	// The export's stepped_down column is the day of a step-down from the
	// program (level 2.1) to outpatient care (level 1): the one step-down
	// record the library reads ([iop.StepDown]).
	var stepped date.Date
	dates := []*date.Date{&e.Admitted, &e.Discharged, &stepped}
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
	if stepped != date.Zero {
		e.StepDown = iop.StepDown{Date: stepped, From: iop.Level21, To: iop.Level1}
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
