package iop

import (
	"github.com/ioprules/ioprules/internal/enum"
)

// Edition is an edition of The ASAM Criteria. The zero Edition is unset and
// not valid. Editions are comparable and safe for concurrent use.
type Edition uint8

// The editions of The ASAM Criteria the library knows.
const (
	_        Edition = iota
	Edition3         // 3rd edition, 2013
	Edition4         // 4th edition, 2023
)

var editions = enum.New[Edition]("Edition", "iop.Edition.UnmarshalText", enumFail, []string{Edition3: "3rd", Edition4: "4th"})

// IsValid reports whether e is a known value.
func (e Edition) IsValid() bool { return editions.Valid(e) }

// String returns "3rd" or "4th", and "%!Edition(n)" for an invalid value.
func (e Edition) String() string { return editions.String(e) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (e Edition) MarshalText() ([]byte, error) { return editions.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (e *Edition) UnmarshalText(b []byte) error { return editions.Unmarshal(e, b) }

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
