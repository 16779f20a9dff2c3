package schedule

import (
	"bytes"
	"fmt"
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
// validates each. It finds each element's bounds in data itself (strings
// and nesting only; the element's own syntax is the decoder's to check),
// so that it holds no copy of the input and at most one element's
// decoding at a time, an element being at most [MaxRowBytes]; it keeps
// the elements only while none has failed, and at most MaxErrors errors,
// after which it stops decoding and only counts the elements left.
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
		out       []T
		es, one   iop.FieldErrors
		dropped   int
		unchecked int
		failed    bool
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
	finish := func() error {
		if dropped > 0 {
			es = append(es, &iop.FieldError{Err: &MoreErrors{Reported: len(es), Unreported: dropped, Unchecked: unchecked}})
		}
		return es.Err()
	}
	syntax := func(at int) error {
		add("", fmt.Errorf("%w: malformed at byte %d", iop.ErrSyntax, at))
		return finish()
	}
	i := skipSpace(data, 0)
	switch {
	case i == len(data):
		return nil, syntax(i)
	case bytes.HasPrefix(data[i:], []byte("null")) && skipSpace(data, i+4) == len(data):
		return nil, nil // null, as encoding/json reads it into a slice
	case data[i] != '[':
		add("", errNotArray)
		return nil, es.Err()
	}
	i = skipSpace(data, i+1)
	for n := 0; i < len(data) && (n > 0 || data[i] != ']'); n++ {
		end := elementEnd(data, i)
		elem := bytes.TrimRight(data[i:end], " \t\r\n")
		if end == len(data) || len(elem) == 0 {
			return nil, syntax(end)
		}
		switch {
		case dropped > 0:
			unchecked++ // past the cap: counted, not decoded
		case len(elem) > MaxRowBytes:
			add("["+strconv.Itoa(n)+"]", errElementTooLarge)
		default:
			field := "[" + strconv.Itoa(n) + "]"
			var v T
			if err := P(&v).UnmarshalJSON(elem); err != nil {
				add(field, err)
			} else if !P(&v).valid() {
				add(field, P(&v).Validate())
			} else if !failed {
				out = append(out, v)
			}
		}
		i = end
		if data[i] == ']' {
			break
		}
		if data[i] != ',' {
			return nil, syntax(i)
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] == ']' {
			return nil, syntax(i) // a comma before the end
		}
	}
	if i == len(data) {
		return nil, syntax(i)
	}
	if skipSpace(data, i+1) != len(data) {
		add("", errAfterArray)
	}
	if err := finish(); err != nil {
		return nil, err
	}
	if out == nil {
		out = []T{}
	}
	return out, nil
}

var errElementTooLarge = fmt.Errorf("%w: an element above %d bytes", iop.ErrTooLarge, MaxRowBytes)

// skipSpace returns the index of the first byte of data from i that is not
// JSON white space.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// elementEnd returns the index of the ',' or ']' that ends the array
// element starting at data[i], skipping strings and nested values, or
// len(data) when the input ends first. A '}' out of place ends it too:
// the element is then malformed.
func elementEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = stringEnd(data, i+1)
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i
			}
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
	}
	return len(data)
}

// stringEnd returns the index of the quote that closes the JSON string
// whose text starts at data[i], or len(data).
func stringEnd(data []byte, i int) int {
	for i < len(data) {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return len(data)
		}
		q := i + j
		k := q
		for k > i && data[k-1] == '\\' {
			k--
		}
		if (q-k)%2 == 0 {
			return q
		}
		i = q + 1
	}
	return len(data)
}

// ParseSessions decodes a JSON array of sessions strictly and validates
// each. Errors name the element: "[3].minutes"; after [DefaultMaxErrors]
// errors it stops, and a [*MoreErrors] counts what it did not report.
// Input above [DefaultMaxBytes] is refused with [iop.ErrTooLarge], without
// being read, and an element above [MaxRowBytes] without being decoded;
// [ParseSessionsWith] sets other limits. Its memory is the input's, the
// result's and a small constant: it holds no copy of the input.
func ParseSessions(data []byte) ([]Session, error) { return ParseSessionsWith(data, ParseOptions{}) }

// ParseSessionsWith is [ParseSessions] with the limits of opt.
func ParseSessionsWith(data []byte, opt ParseOptions) ([]Session, error) {
	return parseArray[Session](data, opt)
}

// ParseClaimLines decodes a JSON array of claim lines strictly and
// validates each, as [ParseSessions] does for sessions, under the same
// limits; errors name the element ("[3].units").
func ParseClaimLines(data []byte) ([]ClaimLine, error) {
	return ParseClaimLinesWith(data, ParseOptions{})
}

// ParseClaimLinesWith is [ParseClaimLines] with the limits of opt.
func ParseClaimLinesWith(data []byte, opt ParseOptions) ([]ClaimLine, error) {
	return parseArray[ClaimLine](data, opt)
}
