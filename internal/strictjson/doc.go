// Package strictjson decodes JSON strictly and names the field that failed.
// Unknown members, duplicate members, trailing data, values of the wrong
// type, integers out of range and dates that do not exist are errors of type
// [*FieldError], whose Field is the dotted path to the member
// ("weekly.adult.min", "members[3].record_id"). encoding/json does not name
// the field for errors that UnmarshalText or UnmarshalJSON methods return,
// and it rolls "2025-02-30" forward to March 2nd; this package does neither.
//
// The library's types call [Decode] from their UnmarshalJSON methods.
package strictjson
