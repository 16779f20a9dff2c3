package iop

import "github.com/ioprules/ioprules/internal/enum"

// Edition is an edition of The ASAM Criteria. The zero Edition is unset and
// not valid. Editions are comparable and safe for concurrent use.
type Edition uint8

// The editions of The ASAM Criteria the library knows.
const (
	_        Edition = iota
	Edition3         // 3rd edition, 2013
	Edition4         // 4th edition, 2023
)

var editionNames = []string{Edition3: "3rd", Edition4: "4th"}

// IsValid reports whether e is a known edition.
func (e Edition) IsValid() bool { return enum.Valid(editionNames, e) }

// IsZero reports whether e is unset.
func (e Edition) IsZero() bool { return e == 0 }

// String returns "3rd" or "4th", and "%!Edition(n)" for an invalid value.
func (e Edition) String() string { return enum.String(editionNames, e, "Edition") }

// Year returns the year the edition was published (2013, 2023), or 0.
func (e Edition) Year() int {
	switch e {
	case Edition3:
		return 2013
	case Edition4:
		return 2023
	}
	return 0
}

// ParseEdition parses "3rd" or "4th", exactly as [Edition.String] writes them.
func ParseEdition(s string) (Edition, error) {
	if e, ok := enum.Parse[Edition](editionNames, s); ok {
		return e, nil
	}
	return 0, &ParseError{Func: "iop.ParseEdition", Input: s, Err: ErrUnknownEdition}
}

// MarshalText implements [encoding.TextMarshaler]; an invalid edition is an error.
func (e Edition) MarshalText() ([]byte, error) {
	return enum.Text(e.IsValid(), e.String(), func() error {
		return &ParseError{Func: "iop.Edition.MarshalText", Input: e.String(), Err: ErrUnknownEdition}
	})
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEdition].
func (e *Edition) UnmarshalText(b []byte) error { return enum.Unmarshal(e, b, ParseEdition) }
