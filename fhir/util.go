package fhir

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ioprules/ioprules/iop"
)

func itoa(n int) string { return strconv.Itoa(n) }

func ptr[T any](v T) *T { return &v }

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// wholeDecimal reads a FHIR decimal, the text of a JSON number, that
// holds a whole number from 0 with at most maxDigits (up to 18) digits,
// in any of the forms R4 allows ("90", "90.0", "9e1", "9.0E+1",
// "900e-1"). Text that is no decimal is [iop.ErrSyntax]; a fraction, a
// negative value or more digits is [iop.ErrOutOfRange]. "-0" is 0.
func wholeDecimal(s string, maxDigits int) (int64, error) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	mant, exp, hasExp := strings.Cut(strings.ReplaceAll(s, "E", "e"), "e")
	intPart, frac, hasFrac := strings.Cut(mant, ".")
	if !digitsOnly(intPart) || hasFrac && !digitsOnly(frac) {
		return 0, iop.ErrSyntax
	}
	k := -len(frac) // the value is the digits × 10^k
	if hasExp {
		e := strings.TrimPrefix(strings.TrimPrefix(exp, "+"), "-")
		if !digitsOnly(e) {
			return 0, iop.ErrSyntax
		}
		if e = strings.TrimLeft(e, "0"); len(e) > 4 { // beyond any digit count
			e = "9999"
		}
		x, _ := strconv.Atoi("0" + e)
		if strings.HasPrefix(exp, "-") {
			x = -x
		}
		k += x
	}
	digits := strings.TrimLeft(intPart+frac, "0")
	switch {
	case digits == "":
		return 0, nil
	case neg:
		return 0, iop.ErrOutOfRange
	case k < 0:
		if -k > len(digits) || strings.Trim(digits[len(digits)+k:], "0") != "" {
			return 0, iop.ErrOutOfRange // a fraction
		}
		digits = digits[:len(digits)+k]
	case k > 0:
		if len(digits)+k > maxDigits {
			return 0, iop.ErrOutOfRange
		}
		digits += strings.Repeat("0", k)
	}
	if len(digits) > min(maxDigits, 18) {
		return 0, iop.ErrOutOfRange
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, iop.ErrSyntax
	}
	return v, nil
}

func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// errNotFHIRID reports a record ID that FHIR cannot carry as an id.
var errNotFHIRID = sentinel("invalid syntax: not a FHIR id (1 to 64 letters, digits, '-' or '.')", iop.ErrSyntax)

// maxFHIRID is the longest id R4's id datatype allows.
const maxFHIRID = 64

// isFHIRID reports whether id is a FHIR id (the R4 datatype: 1 to
// [maxFHIRID] of A-Z, a-z, 0-9, "-" and "."), as a resource's id and the
// ID of a literal reference ("Patient/" + id) must be.
func isFHIRID(id string) bool {
	if id == "" || len(id) > maxFHIRID {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// checkID checks a record ID that an encoder writes as an id or in a
// literal reference: [iop.CheckID]'s error, else [errNotFHIRID] for an ID
// of ours that is no FHIR id ("P 1", "a/b", "p_1", 65 bytes): written,
// it would make the resource invalid, and its reference one no decoder
// reads. Neither error holds the ID.
func checkID(id string) error {
	if err := iop.CheckID(id); err != nil {
		return err
	}
	if !isFHIRID(id) {
		return errNotFHIRID
	}
	return nil
}
