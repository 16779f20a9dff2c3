package fhir

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ioprules/ioprules/iop"
)

// NoteKind is why a decoder did not read part of a resource. The zero
// NoteKind is not valid.
type NoteKind uint8

// The kinds of note.
const (
	_ NoteKind = iota
	// NoteKindUnknownElement is a member that is no element of the
	// resource in FHIR R4 (a later version's element, a typo): named by its
	// position ("#7"), since its key may be anything.
	NoteKindUnknownElement
	// NoteKindPrimitiveExtension is the "_x" member of a primitive element
	// x: its extensions and id are not read (the value of x is).
	NoteKindPrimitiveExtension
	// NoteKindExtension is an extension the mapping does not read.
	NoteKindExtension
	// NoteKindNotMapped is an element of R4 the mapping does not read.
	NoteKindNotMapped
	// NoteKindReadAs is a value read as the nearest one of ours: a
	// "waitlist" episode read as a referral awaiting assessment.
	NoteKindReadAs
)

var noteKinds = [...]string{
	NoteKindUnknownElement: "unknown-element", NoteKindPrimitiveExtension: "primitive-extension",
	NoteKindExtension: "extension", NoteKindNotMapped: "not-mapped", NoteKindReadAs: "read-as",
}

// String returns the kind's name ("unknown-element"), and "%!NoteKind(n)"
// for an invalid value.
func (k NoteKind) String() string {
	if k == 0 || int(k) >= len(noteKinds) {
		return "%!NoteKind(" + itoa(int(k)) + ")"
	}
	return noteKinds[k]
}

// IsValid reports whether k is a known kind.
func (k NoteKind) IsValid() bool { return k != 0 && int(k) < len(noteKinds) }

// MarshalText implements [encoding.TextMarshaler].
func (k NoteKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, errNoteKind
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]: it reads a name
// MarshalText writes, so that a [Report] kept as JSON reads back. Any
// other text is an [*iop.ParseError] wrapping [iop.ErrUnknown], without
// the text.
func (k *NoteKind) UnmarshalText(b []byte) error {
	for i, name := range noteKinds {
		if i > 0 && string(b) == name {
			*k = NoteKind(i)
			return nil
		}
	}
	return &iop.ParseError{Func: "fhir.NoteKind.UnmarshalText", Err: iop.ErrUnknown}
}

// Note is one part of a resource that a decoder did not read: the path of
// the element ("statusHistory[1]._status", "#4") and why. A note never
// holds the content of what it names. Note is comparable.
type Note struct {
	Path string   `json:"path"`
	Kind NoteKind `json:"kind"`
}

// Report is what a decoder dropped from the resource it read, in path
// order: empty when it read everything. Dropping is never silent.
type Report []Note

func (r Report) has(path string) bool {
	for _, n := range r {
		if n.Path == path {
			return true
		}
	}
	return false
}

func (r Report) sort() {
	slices.SortStableFunc(r, func(a, b Note) int { return comparePaths(a.Path, b.Path) })
}

// comparePaths orders paths part by part, runs of digits as numbers, so
// that "entry[2]" comes before "entry[10]".
func comparePaths(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Compare(len(na), len(nb)); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
