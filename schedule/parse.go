package schedule

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// ParseOptions are the limits of [ParseSessionsWith] and
// [ParseClaimLinesWith]. The zero ParseOptions is the limits of
// [ParseSessions] and [ParseClaimLines].
type ParseOptions struct {
	// MaxBytes is the size limit of the input, in bytes: 0 means
	// [DefaultMaxBytes], a negative value none. A JSON document is held
	// whole, so its size is what bounds the memory of a parse.
	MaxBytes int64
	// MaxErrors is how many errors the parse reports: 0 means
	// [DefaultMaxErrors], a negative value all. The errors after them are
	// counted, not kept, and a [*MoreErrors] with the count is the last
	// error of the list.
	MaxErrors int
}

var (
	errNotArray   = fmt.Errorf("%w: want a JSON array", iop.ErrSyntax)
	errAfterArray = fmt.Errorf("%w: data after the array", iop.ErrSyntax)
)

// jsonRecord is what parseArray needs of an element type.
type jsonRecord[T any] interface {
	*T
	UnmarshalJSON([]byte) error
	valid() bool
	Validate() error
}

// parseArray decodes a JSON array element by element, strictly, and
// validates each: it holds one element's bytes at a time besides data,
// keeps the elements only while none has failed, and at most MaxErrors
// errors. Memory is that of the result, which a valid element's bytes
// exceed, plus a constant.
func parseArray[T any, P jsonRecord[T]](data []byte, opt ParseOptions) ([]T, error) {
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	if limit > 0 && int64(len(data)) > limit {
		return nil, &iop.FieldError{Err: tooLarge(limit)}
	}
	maxErrors := maxErrorsOf(opt.MaxErrors)
	var (
		out      []T
		es, one  iop.FieldErrors
		dropped  int
		failed   bool
		raw      json.RawMessage
		elements int
	)
	add := func(field string, err error) {
		failed, out = true, nil
		one = one[:0]
		one.Add(field, err)
		for _, fe := range one {
			if maxErrors >= 0 && len(es) >= maxErrors {
				dropped++
				continue
			}
			es = append(es, fe)
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	switch {
	case err != nil:
		return nil, &iop.FieldError{Err: jsonSyntax(err)}
	case tok == nil:
		return nil, nil // null, as encoding/json reads it
	case tok != json.Delim('['):
		return nil, &iop.FieldError{Err: errNotArray}
	}
	for dec.More() {
		raw = raw[:0]
		if err := dec.Decode(&raw); err != nil {
			add("", jsonSyntax(err))
			return nil, es.Err()
		}
		field := "[" + strconv.Itoa(elements) + "]"
		elements++
		var v T
		if err := P(&v).UnmarshalJSON(raw); err != nil {
			add(field, err)
			continue
		}
		if !P(&v).valid() {
			add(field, P(&v).Validate())
			continue
		}
		if !failed {
			out = append(out, v)
		}
	}
	if _, err := dec.Token(); err != nil {
		add("", jsonSyntax(err))
	} else if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		add("", errAfterArray)
	}
	if dropped > 0 {
		es = append(es, &iop.FieldError{Err: &MoreErrors{Reported: len(es), Unreported: dropped}})
	}
	if err := es.Err(); err != nil {
		return nil, err
	}
	if out == nil {
		out = []T{}
	}
	return out, nil
}

// jsonSyntax returns the error of malformed JSON, without its text.
func jsonSyntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Errorf("%w: malformed at byte %d", iop.ErrSyntax, se.Offset)
	}
	return fmt.Errorf("%w: malformed", iop.ErrSyntax)
}

// ParseSessions decodes a JSON array of sessions strictly and validates
// each. Errors name the element: "[3].minutes"; at most
// [DefaultMaxErrors] are reported, then a [*MoreErrors] counts the rest.
// Input above [DefaultMaxBytes] is refused with [iop.ErrTooLarge], without
// being read; [ParseSessionsWith] sets other limits.
func ParseSessions(data []byte) ([]Session, error) { return ParseSessionsWith(data, ParseOptions{}) }

// ParseSessionsLimit is [ParseSessions] with a size limit of limit bytes
// instead of [DefaultMaxBytes].
func ParseSessionsLimit(data []byte, limit int64) ([]Session, error) {
	return ParseSessionsWith(data, ParseOptions{MaxBytes: limit})
}

// ParseSessionsWith is [ParseSessions] with the limits of opt.
func ParseSessionsWith(data []byte, opt ParseOptions) ([]Session, error) {
	return parseArray[Session](data, opt)
}

// ParseClaimLines decodes a JSON array of claim lines strictly and
// validates each, as [ParseSessions] does for sessions; errors name the
// element ("[3].units"). Input above [DefaultMaxBytes] is refused with
// [iop.ErrTooLarge].
func ParseClaimLines(data []byte) ([]ClaimLine, error) {
	return ParseClaimLinesWith(data, ParseOptions{})
}

// ParseClaimLinesWith is [ParseClaimLines] with the limits of opt.
func ParseClaimLinesWith(data []byte, opt ParseOptions) ([]ClaimLine, error) {
	return parseArray[ClaimLine](data, opt)
}
