package iop

import (
	"database/sql/driver"

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

var editions = enum.New[Edition]("Edition", "iop.ParseEdition", enumFail, []string{Edition3: "3rd", Edition4: "4th"})

// AllEditions returns every edition, in order.
func AllEditions() []Edition { return editions.Values() }

// IsValid reports whether e is a known value.
func (e Edition) IsValid() bool { return editions.Valid(e) }

// IsZero reports whether e is unset.
func (e Edition) IsZero() bool { return e == 0 }

// String returns "3rd" or "4th", and "%!Edition(n)" for an invalid value.
func (e Edition) String() string { return editions.String(e) }

// ParseEdition parses "3rd" or "4th", exactly as [Edition.String] writes it.
func ParseEdition(s string) (Edition, error) { return editions.Parse(s) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (e Edition) MarshalText() ([]byte, error) { return editions.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseEdition].
func (e *Edition) UnmarshalText(b []byte) error { return editions.Unmarshal(e, b) }

// Value implements [driver.Valuer]: the name, never the number.
func (e Edition) Value() (driver.Value, error) { return editions.Store(e) }

// Scan implements [database/sql.Scanner] with [ParseEdition].
func (e *Edition) Scan(src any) error { return editions.Load(e, src) }

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
