package fhir

import (
	"slices"
	"strings"
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
	slices.SortStableFunc(r, func(a, b Note) int { return strings.Compare(a.Path, b.Path) })
}
