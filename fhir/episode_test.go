package fhir_test

import (
	"strings"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEpisodeRoundTrip(t *testing.T) {
	all := fullEvents()
	for n := 1; n <= len(all); n++ {
		ep := replay(t, "E1", all[:n])
		t.Run(ep.State().String(), func(t *testing.T) {
			data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: ep})
			require.NoError(t, err)
			keep("episode-"+ep.State().String()+".json", data)
			got, rep, err := fhir.DecodeEpisode(data, fhir.EpisodeOptions{})
			require.NoError(t, err)
			assert.Empty(t, rep)
			assert.Equal(t, "P1", got.Patient)
			assert.True(t, got.Episode.Equal(ep), "DecodeEpisode(EncodeEpisode(%v)) = %v", ep.Events(), got.Episode.Events())
		})
	}
	// closed without admission: cancelled
	ep := replay(t, "E2", []aftercare.Event{{Kind: aftercare.EventKindRefer, On: day("2025-01-06")}, {Kind: aftercare.EventKindClose, On: day("2025-01-09")}})
	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: ep})
	require.NoError(t, err)
	keep("episode-cancelled.json", data)
	assert.JSONEq(t, `{"resourceType":"EpisodeOfCare","id":"E2","status":"cancelled",
	 "statusHistory":[{"status":"planned","period":{"start":"2025-01-06","end":"2025-01-09"}},{"status":"cancelled","period":{"start":"2025-01-09"}}],
	 "patient":{"reference":"Patient/P1"},"period":{"start":"2025-01-06","end":"2025-01-09"},
	 "extension":[{"url":"https://ioprules.github.io/fhir/StructureDefinition/episode-event","extension":[{"url":"kind","valueCode":"refer"},{"url":"on","valueDate":"2025-01-06"}]},
	              {"url":"https://ioprules.github.io/fhir/StructureDefinition/episode-event","extension":[{"url":"kind","valueCode":"close"},{"url":"on","valueDate":"2025-01-09"}]}]}`, string(data))
	got, _, err := fhir.DecodeEpisode(data, fhir.EpisodeOptions{})
	require.NoError(t, err)
	assert.True(t, got.Episode.Equal(ep))
}

func TestDecodeEpisodeFromEHR(t *testing.T) {
	ehr := func(history string, status string) []byte {
		return []byte(`{"resourceType":"EpisodeOfCare","id":"E9","meta":{"profile":["http://bha.colorado.gov/fhir/bha-ig/StructureDefinition/bha-episode"]},
		"status":"` + status + `","statusHistory":[` + history + `],
		"type":[{"coding":[{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-episode-identifier-cs","code":"09"}]}],
		"patient":{"reference":"Patient/P9"},"_status":{"extension":[{"url":"http://example.org/x","valueString":"secret"}]}}`)
	}
	h := func(status, start string) string {
		return `{"status":"` + status + `","period":{"start":"` + start + `"}}`
	}
	tests := []struct {
		name    string
		data    []byte
		opts    fhir.EpisodeOptions
		want    []aftercare.Event
		report  fhir.Report
		wantErr error
		at      string
	}{
		{
			name: "planned active onhold active",
			data: ehr(h("planned", "2025-01-06")+","+h("active", "2025-01-13")+","+h("onhold", "2025-02-03")+","+h("active", "2025-02-10"), "active"),
			want: []aftercare.Event{
				{Kind: aftercare.EventKindRefer, On: day("2025-01-06")},
				{Kind: aftercare.EventKindAssess, On: day("2025-01-13")},
				{Kind: aftercare.EventKindAdmit, On: day("2025-01-13"), Level: iop.Level21},
				{Kind: aftercare.EventKindStart, On: day("2025-01-13")},
				{Kind: aftercare.EventKindHold, On: day("2025-02-03")},
				{Kind: aftercare.EventKindResume, On: day("2025-02-10")},
			},
			report: fhir.Report{{Path: "_status", Kind: fhir.NoteKindPrimitiveExtension}, {Path: "meta", Kind: fhir.NoteKindNotMapped}},
		},
		{
			name:   "waitlist read as planned",
			data:   ehr(h("waitlist", "2025-01-06"), "waitlist"),
			want:   []aftercare.Event{{Kind: aftercare.EventKindRefer, On: day("2025-01-06")}},
			report: fhir.Report{{Path: "_status", Kind: fhir.NoteKindPrimitiveExtension}, {Path: "meta", Kind: fhir.NoteKindNotMapped}, {Path: "statusHistory[0].status", Kind: fhir.NoteKindReadAs}},
		},
		{
			name: "finished with the discharge given",
			data: ehr(h("active", "2025-01-13")+","+h("finished", "2025-03-10"), "finished"),
			opts: fhir.EpisodeOptions{Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonOther}},
			want: []aftercare.Event{
				{Kind: aftercare.EventKindRefer, On: day("2025-01-13")},
				{Kind: aftercare.EventKindAssess, On: day("2025-01-13")},
				{Kind: aftercare.EventKindAdmit, On: day("2025-01-13"), Level: iop.Level21},
				{Kind: aftercare.EventKindStart, On: day("2025-01-13")},
				{Kind: aftercare.EventKindDischarge, On: day("2025-03-10"), Discharge: aftercare.Discharge{Reason: aftercare.DischargeReasonOther}},
			},
			report: fhir.Report{{Path: "_status", Kind: fhir.NoteKindPrimitiveExtension}, {Path: "meta", Kind: fhir.NoteKindNotMapped}},
		},
		{name: "finished without a discharge", data: ehr(h("active", "2025-01-13")+","+h("finished", "2025-03-10"), "finished"), wantErr: iop.ErrMissing, at: "statusHistory[1].status"},
		{name: "active after finished", data: ehr(h("active", "2025-01-13")+","+h("finished", "2025-03-10")+","+h("active", "2025-03-12"), "active"), opts: fhir.EpisodeOptions{Discharge: completed()}, wantErr: fhir.ErrImpossible, at: "statusHistory[2].status"},
		{name: "onhold before active", data: ehr(h("planned", "2025-01-06")+","+h("onhold", "2025-01-13"), "onhold"), wantErr: fhir.ErrImpossible, at: "statusHistory[1].status"},
		{name: "cancelled after active", data: ehr(h("active", "2025-01-06")+","+h("cancelled", "2025-01-13"), "cancelled"), wantErr: fhir.ErrImpossible, at: "statusHistory[1].status"},
		{name: "entered in error", data: ehr(h("planned", "2025-01-06"), "entered-in-error"), wantErr: fhir.ErrEnteredInError, at: "status"},
		{name: "dates backwards", data: ehr(h("planned", "2025-01-06")+","+h("active", "2025-01-02"), "active"), wantErr: aftercare.ErrDateBackwards, at: "statusHistory[1].status"},
		{name: "date that does not exist", data: ehr(h("planned", "2025-02-30"), "planned"), wantErr: iop.ErrInvalidDate, at: "statusHistory[0].period.start"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeEpisode(tt.data, tt.opts)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				var fes iop.FieldErrors
				require.ErrorAs(t, err, &fes)
				require.Len(t, fes, 1)
				assert.Equal(t, tt.at, fes[0].Field)
				assert.NotContains(t, err.Error(), "secret")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Episode.Events())
			assert.Equal(t, "P9", got.Patient)
			assert.Equal(t, tt.report, rep)
		})
	}
}

func TestDecodeEpisodeRefuses(t *testing.T) {
	tests := []struct {
		name string
		data string
		want iop.FieldErrors
	}{
		{"no status", `{"resourceType":"EpisodeOfCare","id":"E1","patient":{"reference":"Patient/P1"}}`,
			iop.FieldErrors{{Field: "status", Err: iop.ErrMissing}}},
		{"no patient", `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","period":{"start":"2025-01-06"}}`,
			iop.FieldErrors{{Field: "patient", Err: iop.ErrMissing}}},
		{"unknown status", `{"resourceType":"EpisodeOfCare","id":"E1","status":"Jane Doe","patient":{"reference":"Patient/P1"}}`,
			iop.FieldErrors{{Field: "status", Err: iop.ErrUnknown}}},
		{"modifier extension", `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","patient":{"reference":"Patient/P1"},"modifierExtension":[{"url":"http://x","valueBoolean":true}]}`,
			iop.FieldErrors{{Field: "modifierExtension", Err: fhir.ErrModifierExtension}}},
		{"wrong resource", `{"resourceType":"Encounter","id":"E1"}`,
			iop.FieldErrors{{Field: "resourceType", Err: fhir.ErrResourceType}}},
		{"duplicate member", `{"resourceType":"EpisodeOfCare","id":"E1","id":"E2"}`,
			iop.FieldErrors{{Field: "#2", Err: iop.ErrDuplicate}}},
		{"null", `{"resourceType":"EpisodeOfCare","id":null}`,
			iop.FieldErrors{{Field: "id", Err: iop.ErrSyntax}, {Field: "status", Err: iop.ErrMissing}, {Field: "patient", Err: iop.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fhir.DecodeEpisode([]byte(tt.data), fhir.EpisodeOptions{})
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.Equal(t, tt.want, fes)
			assert.NotContains(t, err.Error(), "Jane")
		})
	}
}

// TestDecodeEpisodeTypeNotRead: of an EpisodeOfCare's type, the first
// level is read; every other coding, its text, and a level after it that
// disagrees are noted (they were dropped unreported), and so is a type of
// our own resource that is not the one its moves give (the moves' level
// is read).
func TestDecodeEpisodeTypeNotRead(t *testing.T) {
	ehr := func(types string) []byte {
		return []byte(`{"resourceType":"EpisodeOfCare","id":"E9","status":"active",
		"statusHistory":[{"status":"active","period":{"start":"2025-01-13"}}],"type":[` + types + `],"patient":{"reference":"Patient/P9"}}`)
	}
	coding := func(system, code string) string { return `{"system":"` + system + `","code":"` + code + `"}` }
	snomed := coding("http://snomed.info/sct", "Jane Q Secret")
	for _, tt := range []struct {
		name  string
		types string
		level iop.Level
		rep   fhir.Report
	}{
		{"a level alone", `{"coding":[` + coding(fhir.SystemLevel, "2.1") + `]}`, iop.Level21, nil},
		{"a level in two systems", `{"coding":[` + coding(fhir.SystemLevel, "2.1") + `,` + coding(fhir.SystemBHALevel, "2.1") + `]},{"coding":[` + coding(fhir.SystemBHAEpisode, "09") + `]}`, iop.Level21, nil},
		{"another system and a text", `{"coding":[` + snomed + `,` + coding(fhir.SystemBHALevel, "2.5") + `],"text":"Jane Q Secret"}`, iop.Level25,
			fhir.Report{{Path: "type[0].coding[0]", Kind: fhir.NoteKindNotMapped}, {Path: "type[0].text", Kind: fhir.NoteKindNotMapped}}},
		{"two levels", `{"coding":[` + coding(fhir.SystemLevel, "2.1") + `]},{"coding":[` + coding(fhir.SystemBHALevel, "3.1") + `]}`, iop.Level21,
			fhir.Report{{Path: "type[1].coding[0]", Kind: fhir.NoteKindNotMapped}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeEpisode(ehr(tt.types), fhir.EpisodeOptions{})
			require.NoError(t, err)
			assert.Equal(t, tt.level, got.Episode.Level())
			assert.Equal(t, tt.rep, rep)
		})
	}

	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: replay(t, "E1", fullEvents()[:4])})
	require.NoError(t, err)
	edited := strings.Replace(string(data), `"code":"2.1"}`, `"code":"3.1"}`, 1)
	require.NotEqual(t, string(data), edited)
	got, rep, err := fhir.DecodeEpisode([]byte(edited), fhir.EpisodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, iop.Level21, got.Episode.Level())
	assert.Equal(t, fhir.Report{{Path: "type", Kind: fhir.NoteKindNotMapped}}, rep)
}
