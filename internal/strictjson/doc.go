// Package strictjson decodes JSON strictly and reports every error with the
// path of the field that failed. Unknown members, duplicate members,
// trailing data, values of the wrong type, integers out of range, dates that
// do not exist and input above a size limit are errors; encoding/json does
// not name the field for errors that UnmarshalText or UnmarshalJSON methods
// return, and it rolls "2025-02-30" forward to March 2nd; this package does
// neither. No error holds input text: an unknown or repeated key is named by
// its position among its object's members ("profile.#3"), a rejected number
// by the type wanted.
//
// The errors go to a [Report] function, so that package iop can collect them
// as its own FieldErrors without this package importing it.
package strictjson
