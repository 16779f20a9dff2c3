package aftercare

import (
	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
)

// IndexEvent is the event a follow-up window counts from. The zero
// IndexEvent is the discharge from the program: a program's or payer's
// follow-up rule. Each HEDIS measure has its own index event, never the
// discharge from an IOP (RULES.md §6): IET counts from the start of a new
// treatment episode (the IOP admission is often the initiation itself),
// FUI and FUH from the discharge of a higher level of care (the IOP intake
// is the follow-up), FUA and FUM from an emergency department visit.
// IndexEvents are comparable and safe for concurrent use.
type IndexEvent uint8

// The index events.
const (
	_                              IndexEvent = iota // the program's discharge
	IndexEventEpisodeStart                           // the start of the treatment episode: the IOP admission
	IndexEventHigherLevelDischarge                   // the discharge from inpatient, residential or withdrawal management care before the IOP ([Case.PriorDischarge])
	IndexEventEDVisit                                // an emergency department visit ([Case.EDVisit])
)

var indexEvents = enum.New[IndexEvent]("IndexEvent", "aftercare.IndexEvent.UnmarshalText", check.EnumFail, []string{
	IndexEventEpisodeStart: "episode-start", IndexEventHigherLevelDischarge: "higher-level-discharge", IndexEventEDVisit: "ed-visit",
})

// IsValid reports whether e is a known index event (the zero IndexEvent,
// the program's discharge, is not one: it is the default).
func (e IndexEvent) IsValid() bool { return indexEvents.Valid(e) }

// String returns "episode-start", "higher-level-discharge" or "ed-visit",
// and "%!IndexEvent(n)" otherwise.
func (e IndexEvent) String() string { return indexEvents.String(e) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (e IndexEvent) MarshalText() ([]byte, error) { return indexEvents.Marshal(e) }

// UnmarshalText implements [encoding.TextUnmarshaler]: the names
// [IndexEvent.String] writes.
func (e *IndexEvent) UnmarshalText(b []byte) error { return indexEvents.Unmarshal(e, b) }
