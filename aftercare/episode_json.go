package aftercare

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/ioprules/ioprules/internal/strictjson"
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

// UnmarshalJSON decodes an episode strictly (unknown or duplicate fields,
// unknown kinds, reasons and levels, and dates that do not exist are
// errors) and rebuilds it with [Replay], so that a decoded episode is one
// the state machine could have produced. A refused event is reported as a
// [*FieldError] at "events[i]" (or the event's field) that wraps the
// [*MoveError]. null leaves e unchanged, as encoding/json does.
func (e *Episode) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	var v episodeJSON
	if err := strictjson.Decode(data, &v); err != nil {
		return err
	}
	if v.ID == "" {
		return &FieldError{Field: "id", Err: iop.ErrMissing}
	}
	if len(v.Events) == 0 {
		return &FieldError{Field: "events", Err: iop.ErrMissing}
	}
	ep, err := Replay(v.ID, v.Events)
	if err != nil {
		field := "id"
		var me *MoveError
		if errors.As(err, &me) && me.Index < len(v.Events) {
			field = "events[" + strconv.Itoa(me.Index) + "]"
			if fe, ok := me.Err.(*FieldError); ok {
				field += "." + fe.Field
			}
		}
		return &FieldError{Field: field, Err: err}
	}
	*e = ep
	return nil
}

// ParseEpisode decodes an episode from JSON as [Episode.UnmarshalJSON]
// does; null or an empty document is an error.
func ParseEpisode(data []byte) (Episode, error) {
	var e Episode
	if err := e.UnmarshalJSON(data); err != nil {
		return Episode{}, err
	}
	if e.IsZero() {
		return Episode{}, &FieldError{Err: iop.ErrMissing}
	}
	return e, nil
}
