// Package checktest is the test helper every checking package shares: it
// proves that each code of the package's rule table is produced by some
// test, and that each finding carries the severity the table or the
// profile's setting gives it.
package checktest
