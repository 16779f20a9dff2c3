package aftercare

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
)

// episodeJSON is the JSON form of an episode: its record ID and history.
type episodeJSON struct {
	ID     string  `json:"id"`
	Events []Event `json:"events"`
}

// MarshalJSON encodes the episode as its record ID and its history:
//
//	{"id":"E1","events":[{"kind":"refer","on":"2025-01-06"},...]}
//
// The zero Episode encodes as null.
func (e Episode) MarshalJSON() ([]byte, error) {
	if e.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(episodeJSON{ID: e.id, Events: e.events})
}

// UnmarshalJSON decodes an episode strictly (unknown or duplicate members,
// unknown kinds, reasons and levels, and dates that do not exist are
// errors; a document that is not valid UTF-8 is refused whole, so that no
// record ID is altered on the way in) and rebuilds it with [Replay], so
// that a decoded episode is one the state machine could have produced: its
// record ID, referral ID and dates are checked as [Refer] and
// [Episode.Apply] check them. The error is [iop.FieldErrors]
// with every error of the decoding; when the document decodes, the first
// move the state machine refuses is reported at "events[i]" (or at the
// event's field, "events[i].on") wrapping the [*MoveError]. null leaves e
// unchanged, as encoding/json does; on error e is unchanged too.
func (e *Episode) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var v episodeJSON
	if err := decode(data, &v); err != nil {
		return err
	}
	var errs iop.FieldErrors
	errs.Add("id", iop.CheckID(v.ID))
	if len(v.Events) == 0 {
		errs.Add("events", iop.ErrMissing)
	}
	if len(errs) > 0 {
		return errs
	}
	ep, err := Replay(v.ID, v.Events)
	if err != nil {
		return refusedAt(err)
	}
	*e = ep
	return nil
}

// refusedAt places the [*MoveError] err of a replay at the path of the
// event it refused, one error per field of the event when the event itself
// is malformed.
func refusedAt(err error) error {
	me, ok := err.(*MoveError)
	if !ok {
		return err
	}
	var errs iop.FieldErrors
	at := "events[" + strconv.Itoa(me.Index) + "]"
	fes, ok := me.Err.(iop.FieldErrors)
	if !ok || me.Index == 0 && len(fes) == 1 && fes[0].Field == "id" {
		if ok {
			at = "id"
		}
		errs.Add(at, me)
		return errs
	}
	for _, fe := range fes {
		one := *me
		one.Err = fe.Err
		errs.Add(at+"."+fe.Field, &one)
	}
	return errs
}

// decode decodes data strictly into v with [check.Decode], which refuses
// a document that is not valid UTF-8 (RFC 8259 §8.1): a decoder would turn
// each invalid byte of a record ID into U+FFFD, and two IDs that differ
// only there would become one.
func decode(data []byte, v any) error { return check.Decode(data, v) }

// ParseEpisode decodes an episode from JSON as [Episode.UnmarshalJSON]
// does; null or an empty document is an error. A refused document gives
// the zero Episode.
func ParseEpisode(data []byte) (Episode, error) {
	var e Episode
	if err := e.UnmarshalJSON(data); err != nil {
		return Episode{}, err
	}
	if e.IsZero() {
		return Episode{}, iop.FieldErrors{{Err: iop.ErrMissing}}
	}
	return e, nil
}
