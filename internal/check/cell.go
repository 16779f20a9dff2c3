package check

import "strings"

// formulaChars are the characters that make a spreadsheet take a cell as a
// formula when the cell starts with one (OWASP, CSV injection).
const formulaChars = "=+-@\t\r"

// formula reports whether s, after its leading single quotes, starts with
// a character of formulaChars.
func formula(s string) bool {
	i := 0
	for i < len(s) && s[i] == '\'' {
		i++
	}
	return i < len(s) && strings.IndexByte(formulaChars, s[i]) >= 0
}

// SafeCell returns s as a CSV writer writes a cell of the caller's text (a
// record ID): a cell that a spreadsheet would run as a formula, one that
// starts with =, +, -, @, a tab or a carriage return, gets a single quote
// before it (OWASP's rule against CSV injection), and so does one whose
// leading single quotes are followed by such a character, so that
// [CellValue] gives s back. Other cells are s.
func SafeCell(s string) string {
	if formula(s) {
		return "'" + s
	}
	return s
}

// CellValue returns the text of a cell [SafeCell] wrote: the single quote
// it put before a formula character taken away. Other cells are s. It
// does not allocate.
func CellValue(s string) string {
	if len(s) > 0 && s[0] == '\'' && formula(s) {
		return s[1:]
	}
	return s
}
