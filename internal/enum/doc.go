// Package enum holds the name-table logic shared by the library's enums:
// each enum keeps a table of names indexed by value, with index 0 (unset)
// empty, and its String, Parse and text methods call these helpers.
package enum
