package eligibility

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// decodeJSON decodes data strictly into v, as every UnmarshalJSON of the
// package does, and returns every error as [iop.FieldErrors]. Input above
// 8 MiB, the default limit of the module's strict decoder, is refused with
// an error wrapping [iop.ErrTooLarge]. Input that is
// not valid UTF-8 is refused as a whole before decoding: encoding/json would
// turn each invalid byte into U+FFFD, so that two record IDs differing only
// in invalid bytes would become one.
func decodeJSON(data []byte, v any) error { return check.Decode(data, v) }

// checkID adds the problem of the record ID id, at field, to errs: an ID
// that [iop.CheckID] refuses. An empty ID is reported only when required.
func checkID(errs *iop.FieldErrors, field, id string, required bool) {
	if id == "" && !required {
		return
	}
	if err := iop.CheckID(id); err != nil {
		errs.Add(field, err)
	}
}
