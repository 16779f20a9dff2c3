package fhir_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func denver(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("America/Denver")
	require.NoError(t, err)
	return loc
}

func TestEncounterRoundTrip(t *testing.T) {
	base := schedule.Session{Patient: "P1", ID: "S1", Date: day("2025-03-04"), Start: schedule.MustParseClock("09:00"),
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Planned: 180, Code: "90853"}
	with := func(f func(*schedule.Session)) schedule.Session { s := base; f(&s); return s }
	tests := []struct {
		name    string
		s       schedule.Session
		episode string
	}{
		{"attended in person", base, "E1"},
		{"zero delivery", with(func(s *schedule.Session) { s.Delivery = 0 }), ""},
		{"partial by video", with(func(s *schedule.Session) {
			s.Attendance, s.Attended, s.Delivery = schedule.AttendancePartial, 95, iop.DeliveryVideo
		}), "E1"},
		{"audio only", with(func(s *schedule.Session) { s.Delivery = iop.DeliveryAudioOnly }), "E1"},
		{"absent", with(func(s *schedule.Session) { s.Attendance = schedule.AttendanceAbsent }), "E1"},
		{"excused, HCPCS, no ID", with(func(s *schedule.Session) {
			s.Attendance, s.Code, s.ID, s.Kind = schedule.AttendanceExcused, "H0015", "", iop.ServiceKindPsychoeducation
		}), "E1"},
		{"no code", with(func(s *schedule.Session) { s.Code = ""; s.Kind = iop.ServiceKindPeerSupport }), ""},
		{"ends at midnight", with(func(s *schedule.Session) { s.Start = schedule.MustParseClock("21:00") }), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fhir.Encounter{Session: tt.s, Episode: tt.episode}
			data, err := fhir.EncodeEncounter(in, denver(t))
			require.NoError(t, err)
			keep("encounter-"+tt.name+".json", data)
			got, rep, err := fhir.DecodeEncounter(data, denver(t))
			require.NoError(t, err)
			assert.Empty(t, rep)
			assert.Equal(t, in, got)
		})
	}
}

func TestEncounterShape(t *testing.T) {
	s := schedule.Session{Patient: "P1", ID: "S1", Date: day("2025-03-04"), Start: schedule.MustParseClock("09:00"),
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendancePartial, Attended: 95, Planned: 180, Code: "90853", Delivery: iop.DeliveryVideo}
	data, err := fhir.EncodeEncounter(fhir.Encounter{Session: s, Episode: "E1"}, denver(t))
	require.NoError(t, err)
	assert.JSONEq(t, `{"resourceType":"Encounter","id":"S1","status":"finished",
	"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"VR","display":"virtual"},
	"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90853"}]},{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/service-kind","code":"group"}]}],
	"subject":{"reference":"Patient/P1"},"episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],
	"period":{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T10:35:00-07:00"},
	"extension":[{"url":"https://ioprules.github.io/fhir/StructureDefinition/planned-length","valueDuration":{"value":180,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}},
	 {"url":"https://ioprules.github.io/fhir/StructureDefinition/attendance","valueCode":"partial"},
	 {"url":"https://ioprules.github.io/fhir/StructureDefinition/delivery","valueCode":"video"}]}`, string(data))
}

func TestDecodeEncounterFromEHR(t *testing.T) {
	// shaped like US Core's and Colorado BHA's Encounter examples
	data := []byte(`{"resourceType":"Encounter","id":"enc-1","meta":{"profile":["http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter"]},
	"extension":[{"url":"http://bha.colorado.gov/fhir/bha-ig/StructureDefinition/bha-action-type","valueCodeableConcept":{"coding":[{"code":"01"}]}}],
	"status":"finished","_status":{"id":"s1"},
	"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB","display":"ambulatory"},
	"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90834"}],"text":"Psychotherapy, 45 min"}],
	"subject":{"reference":"Patient/P1","display":"Amy Shaw"},
	"episodeOfCare":[{"reference":"EpisodeOfCare/E1"}],
	"participant":[{"individual":{"reference":"Practitioner/pr1"}}],
	"period":{"start":"2025-03-04T16:00:00Z","end":"2025-03-04T16:45:00Z"},
	"serviceProvider":{"reference":"Organization/o1"},"plannedStartDate":"2025-03-04"}`)
	got, rep, err := fhir.DecodeEncounter(data, denver(t))
	require.NoError(t, err)
	assert.Equal(t, fhir.Encounter{Episode: "E1", Session: schedule.Session{Patient: "P1", ID: "enc-1", Date: day("2025-03-04"),
		Start: schedule.MustParseClock("09:00"), Kind: iop.ServiceKindIndividualTherapy, Attendance: schedule.AttendanceAttended, Delivery: iop.DeliveryInPerson,
		Planned: 45, Code: "90834"}}, got)
	assert.Equal(t, fhir.Report{
		{Path: "#13", Kind: fhir.NoteKindUnknownElement},
		{Path: "_status", Kind: fhir.NoteKindPrimitiveExtension},
		{Path: "extension[0]", Kind: fhir.NoteKindExtension},
		{Path: "meta", Kind: fhir.NoteKindNotMapped},
		{Path: "participant", Kind: fhir.NoteKindNotMapped},
		{Path: "serviceProvider", Kind: fhir.NoteKindNotMapped},
		{Path: "type", Kind: fhir.NoteKindReadAs},
	}, rep)
}

func TestDecodeEncounterRefuses(t *testing.T) {
	enc := func(status, class, period string) []byte {
		return []byte(`{"resourceType":"Encounter","status":"` + status + `","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"` + class + `"},
		"subject":{"reference":"Patient/P1"},"period":` + period + `}`)
	}
	ok := `{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T10:00:00-07:00"}`
	tests := []struct {
		name string
		data []byte
		want iop.FieldErrors
	}{
		{"in progress", enc("in-progress", "AMB", ok), iop.FieldErrors{{Field: "status", Err: fhir.ErrNoMapping}}},
		{"entered in error", enc("entered-in-error", "AMB", ok), iop.FieldErrors{{Field: "status", Err: fhir.ErrEnteredInError}}},
		{"inpatient", enc("finished", "IMP", ok), iop.FieldErrors{{Field: "class", Err: fhir.ErrNoMapping}}},
		{"no start", enc("finished", "AMB", `{"end":"2025-03-04T10:00:00-07:00"}`), iop.FieldErrors{{Field: "period.start", Err: iop.ErrMissing}}},
		{"end before start", enc("finished", "AMB", `{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T08:00:00-07:00"}`), iop.FieldErrors{{Field: "period.end", Err: iop.ErrOrder}}},
		{"finished without an end", enc("finished", "AMB", `{"start":"2025-03-04T09:00:00-07:00"}`), iop.FieldErrors{{Field: "period.end", Err: iop.ErrMissing}}},
		{"cancelled without a planned length", enc("cancelled", "AMB", `{"start":"2025-03-04T09:00:00-07:00"}`), iop.FieldErrors{{Field: "extension", Err: iop.ErrMissing}}},
		{"cancelled with time attended", []byte(`{"resourceType":"Encounter","status":"cancelled","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		"subject":{"reference":"Patient/P1"},"period":{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T10:00:00-07:00"},
		"extension":[{"url":"https://ioprules.github.io/fhir/StructureDefinition/planned-length","valueDuration":{"value":60,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}]}`),
			iop.FieldErrors{{Field: "period", Err: fhir.ErrImpossible}}},
		{"crosses midnight", enc("finished", "AMB", `{"start":"2025-03-04T23:00:00-07:00","end":"2025-03-05T01:00:00-07:00"}`), iop.FieldErrors{{Field: "period.minutes", Err: iop.ErrOutOfRange}}},
		{"no class", []byte(`{"resourceType":"Encounter","status":"finished"}`), iop.FieldErrors{{Field: "class", Err: iop.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fhir.DecodeEncounter(tt.data, denver(t))
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			require.Len(t, fes, len(tt.want))
			for i, w := range tt.want {
				assert.Equal(t, w.Field, fes[i].Field)
				assert.ErrorIs(t, fes[i].Err, w.Err, "at %s", w.Field)
			}
		})
	}
}

// A period that is not the time the status says was attended is refused,
// and the error says so.
func TestDecodeEncounterPeriodNotAttended(t *testing.T) {
	data := []byte(`{"resourceType":"Encounter","status":"cancelled","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
	"subject":{"reference":"Patient/P1"},"period":{"start":"2025-03-04T09:00:00-07:00","end":"2025-03-04T10:00:00-07:00"},
	"extension":[{"url":"https://ioprules.github.io/fhir/StructureDefinition/planned-length","valueDuration":{"value":60,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}]}`)
	_, _, err := fhir.DecodeEncounter(data, denver(t))
	requireFieldErrors(t, err, []wantErr{{"period: impossible: the period's length is not the time attended that the attendance or the status gives (none when cancelled)", fhir.ErrImpossible}})
}

// TestDecodeEncounterSeconds: an EHR's period may hold seconds, which a
// session (a start on a minute, whole minutes attended) does not: they
// are dropped and noted at the element (they were dropped unreported).
func TestDecodeEncounterSeconds(t *testing.T) {
	enc := func(start, end string) []byte {
		return []byte(`{"resourceType":"Encounter","id":"enc-1","status":"finished",
		"class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90834"}]}],
		"subject":{"reference":"Patient/P1"},"period":{"start":"` + start + `","end":"` + end + `"}}`)
	}
	want := func(planned iop.Minutes) fhir.Encounter {
		return fhir.Encounter{Session: schedule.Session{Patient: "P1", ID: "enc-1", Date: day("2025-03-04"),
			Start: schedule.MustParseClock("09:00"), Kind: iop.ServiceKindIndividualTherapy, Attendance: schedule.AttendanceAttended,
			Delivery: iop.DeliveryInPerson, Planned: planned, Code: "90834"}}
	}
	typeNote := fhir.Note{Path: "type", Kind: fhir.NoteKindReadAs}
	for _, tt := range []struct {
		start, end string
		want       fhir.Encounter
		rep        fhir.Report
	}{
		{"2025-03-04T16:00:00Z", "2025-03-04T16:45:00Z", want(45), fhir.Report{typeNote}},
		{"2025-03-04T16:00:00.000Z", "2025-03-04T16:45:00.000Z", want(45), fhir.Report{typeNote}},
		{"2025-03-04T16:00:30Z", "2025-03-04T16:45:30Z", want(45), fhir.Report{{Path: "period.start", Kind: fhir.NoteKindReadAs}, typeNote}},
		{"2025-03-04T16:00:00Z", "2025-03-04T16:45:59Z", want(45), fhir.Report{{Path: "period.end", Kind: fhir.NoteKindReadAs}, typeNote}},
		{"2025-03-04T16:00:00.5Z", "2025-03-04T16:45:00Z", want(44), fhir.Report{{Path: "period.end", Kind: fhir.NoteKindReadAs}, {Path: "period.start", Kind: fhir.NoteKindReadAs}, typeNote}},
	} {
		got, rep, err := fhir.DecodeEncounter(enc(tt.start, tt.end), denver(t))
		require.NoError(t, err, "%s %s", tt.start, tt.end)
		assert.Equal(t, tt.want, got, "%s %s", tt.start, tt.end)
		assert.Equal(t, tt.rep, rep, "%s %s", tt.start, tt.end)
	}
}
