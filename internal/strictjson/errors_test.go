package strictjson_test

import (
	"fmt"

	"github.com/ioprules/ioprules/internal/errs"
)

// The errors Decode reports, built as it builds them, so that tests
// compare whole values: a sentinel of errs wrapped with a reason that holds
// no input text.
var (
	errNotString      = fmt.Errorf("%w: want a JSON string", errs.Syntax)
	errNotObject      = fmt.Errorf("%w: want a JSON object", errs.Syntax)
	errNotArray       = fmt.Errorf("%w: want a JSON array", errs.Syntax)
	errTooDeep        = fmt.Errorf("%w: nested too deeply", errs.Syntax)
	errUnsupportedKey = fmt.Errorf("%w: unsupported map key type", errs.Syntax)
	errNotUTF8        = fmt.Errorf("%w: not valid UTF-8, or a \\u escape of half a surrogate pair", errs.Syntax)
	errAfter          = fmt.Errorf("%w: data after the value", errs.Syntax)
	errMalformed      = fmt.Errorf("%w: malformed", errs.Syntax)
)

// want is the error of a JSON value of the wrong type for Go type typ.
func want(typ string) error { return fmt.Errorf("%w: want %s", errs.Syntax, typ) }

// malformedAt is the error of a syntax error found at byte offset n.
func malformedAt(n int) error { return fmt.Errorf("%w: malformed at byte %d", errs.Syntax, n) }
