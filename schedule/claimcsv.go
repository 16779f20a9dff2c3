package schedule

import (
	"errors"
	"io"
	"iter"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// The claim-line columns. patient, claim, line and date are required, and
// code or revenue; the others are optional. Modifiers and condition codes
// are one a column: modifier1 to modifier4, condition1 to condition4.
var claimColumns = [...]string{"patient", "claim", "line", "date", "revenue", "code",
	"modifier1", "modifier2", "modifier3", "modifier4", "units", "place_of_service", "minutes",
	"bill_type", "condition1", "condition2", "condition3", "condition4", "replaces"}

const (
	ccPatient = iota
	ccClaim
	ccLine
	ccDate
	ccRevenue
	ccCode
	ccModifier1
	ccModifier2
	ccModifier3
	ccModifier4
	ccUnits
	ccPOS
	ccMinutes
	ccBillType
	ccCondition1
	ccCondition2
	ccCondition3
	ccCondition4
	ccReplaces
	numClaimColumns
)

var claimSchema = csvSchema{names: claimColumns[:], required: func() []bool {
	r := make([]bool, numClaimColumns)
	r[ccPatient], r[ccClaim], r[ccLine], r[ccDate] = true, true, true, true
	return r
}(), oneOf: [2]int{ccCode, ccRevenue}}

// ClaimReader reads claim lines from CSV, one a row, after a header row
// that names the columns (any order; map other names with
// [CSVOptions.Columns]):
//
//	patient,claim,line,date,revenue,code,modifier1,units,place_of_service,bill_type,condition1
//	p-001,c-77,1,2025-03-03,0905,G0410,,2,,0131,92
//
// patient, claim, line and date are required, and code or revenue; units
// is 1 when the column or the cell is empty; minutes is whole minutes;
// replaces, optional, is the claim ID a replacement (type of bill
// frequency 7) or void (8) names when it is not its own
// ([ClaimLine.Replaces]), checked as claim IDs are. A patient, claim or
// replaces cell that starts with a single quote before =, +, -, @, a tab
// or a carriage return (a cell neutralised against spreadsheet formulas)
// is read without that quote. Each line read carries the physical line
// of the input its row starts on ([ClaimLine.Input]).
// Every row is checked with [ClaimLine.Validate]. Rows, limits and errors
// are those of a [SessionReader], and mean the same. A ClaimReader allocates
// one string per row, and is not safe for concurrent use.
type ClaimReader struct {
	c *csvCore
}

// NewClaimReader reads the header row from r under opt and returns a
// reader for the claim lines after it. An error names each column missing,
// and each unknown one by its position, unless opt.IgnoreExtra.
func NewClaimReader(r io.Reader, opt CSVOptions) (*ClaimReader, error) {
	c, err := newCore(r, opt, &claimSchema)
	if err != nil {
		return nil, err
	}
	return &ClaimReader{c: c}, nil
}

// Extra returns the columns the reader skips, as [SessionReader.Extra] does.
func (cr *ClaimReader) Extra() []string { return append([]string(nil), cr.c.extra...) }

// Lines returns the first and last lines of the input the last row read
// (or refused) took.
func (cr *ClaimReader) Lines() (first, last int) { return cr.c.lines() }

// Read returns the next claim line; see [SessionReader] for what its errors
// mean.
func (cr *ClaimReader) Read() (ClaimLine, error) {
	for {
		rec, err := cr.c.read()
		if err != nil {
			return ClaimLine{}, err
		}
		l, es := cr.line(rec, !cr.c.capped())
		if len(es) == 0 && l.valid() {
			l.Input = iop.InputLine(cr.c.row)
			return l, nil
		}
		if cr.c.capped() {
			cr.c.dropped++ // past the cap: counted only, no errors built
			continue
		}
		if err := cr.c.refuseRow(es); err != nil {
			return ClaimLine{}, err
		}
	}
}

// line reads the cells of a row as a claim line, with every problem when
// report is set; otherwise the caller checks the line with valid.
func (cr *ClaimReader) line(rec []string, report bool) (ClaimLine, iop.FieldErrors) {
	col := cr.c.col
	cell := func(i int) string {
		if j := col[i]; j >= 0 {
			return rec[j]
		}
		return ""
	}
	var l ClaimLine
	var es iop.FieldErrors
	var err error
	l.Patient, l.Claim = check.CellValue(cell(ccPatient)), check.CellValue(cell(ccClaim))
	if v := cell(ccLine); v != "" {
		n, ok := parseInt(v)
		if !ok {
			es.Add("line", errWholeNumber)
		}
		l.Line = int(n)
	}
	if v := cell(ccDate); v != "" {
		var ok bool
		if l.Date, ok = parseDate(v); !ok {
			es.Add("date", iop.ErrInvalidDate)
		}
	}
	l.Revenue, l.Code = cell(ccRevenue), cell(ccCode)
	for i := range 4 {
		l.Modifiers[i] = cell(ccModifier1 + i)
		l.ConditionCodes[i] = cell(ccCondition1 + i)
	}
	l.Units = 1
	if v := cell(ccUnits); v != "" {
		n, ok := parseInt(v)
		if !ok {
			es.Add("units", errWholeNumber)
		}
		l.Units = int(n)
	}
	l.PlaceOfService, l.BillType = cell(ccPOS), cell(ccBillType)
	l.Replaces = check.CellValue(cell(ccReplaces))
	if v := cell(ccMinutes); v != "" {
		if l.Minutes, err = parseMinutes(v); err != nil {
			es.Add("minutes", errNumber)
		}
	}
	if report && len(es) == 0 && !l.valid() {
		es.Add("", l.Validate())
	}
	return l, es
}

// All returns an iterator over the rest of the rows, as [SessionReader.All]
// does.
func (cr *ClaimReader) All() iter.Seq2[ClaimLine, error] {
	return func(yield func(ClaimLine, error) bool) {
		for {
			l, err := cr.Read()
			if errors.Is(err, io.EOF) {
				return
			}
			if !yield(l, err) || cr.c.done {
				return
			}
		}
	}
}
