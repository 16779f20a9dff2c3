package fhir_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func groupSession() group.Meeting {
	s := group.Meeting{
		ID: "G-0303", Kind: iop.GroupKindRelapsePrevention, Enrollment: group.EnrollmentClosed, Started: day("2025-02-03"),
		Focus: group.Focus{Ages: group.AgeFocus(1), CoOccurring: true, Cohort: "es"},
		Date:  day("2025-03-03"), Minutes: 90, Level: iop.Level21,
		Facilitators: []group.Facilitator{{ID: "S-1", Role: group.FacilitatorRoleLead, Credential: "LCSW", Licensed: true}, {ID: "S-2", Role: group.FacilitatorRole(2)}},
	}
	for i := 1; i <= 4; i++ {
		s.Participants = append(s.Participants, group.Participant{ID: "P-" + strconv.Itoa(i), Role: group.ParticipantRolePatient, Age: 30 + i,
			CoOccurring: true, Agreement: i != 4, Cohort: "es", Level: iop.Level21})
	}
	s.Participants[1].Joined = day("2025-02-10")
	s.Participants[2].Gender = group.Gender(1)
	s.Participants = append(s.Participants, group.Participant{ID: "F-1", Role: group.ParticipantRole(2), Age: 50, Agreement: true})
	return s
}

func TestGroupRoundTrip(t *testing.T) {
	s := groupSession()
	require.NoError(t, s.Validate())
	gs, err := fhir.EncodeGroup(s)
	require.NoError(t, err)
	keep("group.json", gs.Group)
	require.Len(t, gs.Encounters, 4)
	for i, e := range gs.Encounters {
		keep("group-encounter-"+strconv.Itoa(i)+".json", e)
	}
	assert.NotContains(t, string(gs.Group), "characteristic")
	got, rep, err := fhir.DecodeGroup(gs)
	require.NoError(t, err)
	assert.Empty(t, rep)
	assert.True(t, got.Equal(s), "DecodeGroup(EncodeGroup(s)) = %+v", got)

	// an Encounter missing, or one too many, is refused
	_, _, err = fhir.DecodeGroup(fhir.GroupSession{Group: gs.Group, Encounters: gs.Encounters[:3]})
	requireFieldErrors(t, err, []wantErr{{"extension[0].extension[13]: impossible: a patient of the session without an Encounter", fhir.ErrImpossible}})
}

func TestDecodeGroupFromEHR(t *testing.T) {
	g := []byte(`{"resourceType":"Group","id":"G-7","type":"person","actual":true,
	"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind","code":"process"}]},
	"characteristic":[{"code":{"text":"gender"},"valueBoolean":true,"exclude":false}],
	"member":[{"entity":{"reference":"Patient/P-1"}},{"entity":{"reference":"Patient/P-2"},"period":{"start":"2025-02-10"}}]}`)
	enc := func(p string) []byte {
		return []byte(`{"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		"subject":{"reference":"Patient/` + p + `"},"period":{"start":"2025-03-03","end":"2025-03-03"},
		"length":{"value":90,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}`)
	}
	got, rep, err := fhir.DecodeGroup(fhir.GroupSession{Group: g, Encounters: [][]byte{enc("P-1"), enc("P-2")}})
	require.NoError(t, err)
	want := group.Meeting{ID: "G-7", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: day("2025-03-03"), Minutes: 90,
		Participants: []group.Participant{{ID: "P-1", Role: group.ParticipantRolePatient}, {ID: "P-2", Role: group.ParticipantRolePatient, Joined: day("2025-02-10")}}}
	assert.True(t, got.Equal(want), "got %+v", got)
	assert.Equal(t, fhir.Report{{Path: "characteristic", Kind: fhir.NoteKindNotMapped}, {Path: "type", Kind: fhir.NoteKindReadAs}}, rep)

	_, _, err = fhir.DecodeGroup(fhir.GroupSession{Group: g, Encounters: [][]byte{enc("P-1"), enc("P-9")}})
	requireFieldErrors(t, err, []wantErr{{"member[1]: impossible: a patient of the session without an Encounter", fhir.ErrImpossible}})
}

// TestDecodeGroupLengthDecimal: an EHR's Encounter.length is a FHIR
// decimal, which R4 lets it write "90.0" or "9e1": each is 90 minutes
// (they were refused as out of range); a fraction is refused.
func TestDecodeGroupLengthDecimal(t *testing.T) {
	g := []byte(`{"resourceType":"Group","id":"G-7","type":"person","actual":true,
	"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind","code":"process"}]},
	"member":[{"entity":{"reference":"Patient/P-1"}}]}`)
	enc := func(v string) []byte {
		return []byte(`{"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		"subject":{"reference":"Patient/P-1"},"period":{"start":"2025-03-03","end":"2025-03-03"},
		"length":{"value":` + v + `,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}`)
	}
	want := group.Meeting{ID: "G-7", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: day("2025-03-03"), Minutes: 90,
		Participants: []group.Participant{{ID: "P-1", Role: group.ParticipantRolePatient}}}
	for _, v := range []string{"90", "90.0", "90.000", "9e1", "9E1", "9.0E+1", "900e-1", "0.9e2"} {
		got, _, err := fhir.DecodeGroup(fhir.GroupSession{Group: g, Encounters: [][]byte{enc(v)}})
		require.NoError(t, err, "length %s", v)
		assert.True(t, got.Equal(want), "length %s: got %+v", v, got)
	}
	for _, v := range []string{"90.5", "905e-1", "-90", "0", "0e5", "1e999999999999", "1e-999999999999"} {
		_, _, err := fhir.DecodeGroup(fhir.GroupSession{Group: g, Encounters: [][]byte{enc(v)}})
		var fes iop.FieldErrors
		require.ErrorAs(t, err, &fes, "length %s", v)
		assert.Equal(t, iop.FieldErrors{{Field: "encounters[0].length", Err: iop.ErrOutOfRange}}, fes, "length %s", v)
	}
}

// TestDecodeGroupEncounterNotRead: what a group session's Encounter holds
// beyond what EncodeGroup writes (an id, class VR, another type, an
// extension of others) is reported, not dropped unsaid (none of it was
// reported); an Encounter whose group extension names another Group is
// refused.
func TestDecodeGroupEncounterNotRead(t *testing.T) {
	gs, err := fhir.EncodeGroup(groupSession())
	require.NoError(t, err)
	edit := func(i int, old, new string) fhir.GroupSession {
		t.Helper()
		e := string(gs.Encounters[i])
		edited := strings.Replace(e, old, new, 1)
		require.NotEqual(t, e, edited)
		out := fhir.GroupSession{Group: gs.Group, Encounters: slices.Clone(gs.Encounters)}
		out.Encounters[i] = []byte(edited)
		return out
	}
	ext := `{"url":"https://ioprules.github.io/fhir/StructureDefinition/group"`
	for _, tt := range []struct {
		name string
		gs   fhir.GroupSession
		rep  fhir.Report
	}{
		{"an id", edit(1, `{"extension":`, `{"id":"V-2","extension":`), fhir.Report{{Path: "encounters[1].id", Kind: fhir.NoteKindNotMapped}}},
		{"class VR", edit(0, `"code":"AMB","display":"ambulatory"`, `"code":"VR"`), fhir.Report{{Path: "encounters[0].class", Kind: fhir.NoteKindNotMapped}}},
		{"a CPT type", edit(2, `"type":[`, `"type":[{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"90853"}]},`),
			fhir.Report{{Path: "encounters[2].type[0]", Kind: fhir.NoteKindNotMapped}}},
		{"an extension of others", edit(3, `"extension":[`, `"extension":[{"url":"http://ehr.example/x","valueString":"Jane Q Secret"},`),
			fhir.Report{{Path: "encounters[3].extension[0]", Kind: fhir.NoteKindExtension}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := fhir.DecodeGroup(tt.gs)
			require.NoError(t, err)
			assert.True(t, got.Equal(groupSession()))
			assert.Equal(t, tt.rep, rep)
		})
	}
	_, _, err = fhir.DecodeGroup(edit(2, ext+`,"valueReference":{"reference":"Group/G-0303"}`, ext+`,"valueReference":{"reference":"Group/G-0304"}`))
	requireFieldErrors(t, err, []wantErr{{"encounters[2].extension[0].valueReference: impossible: an Encounter of another Group", fhir.ErrImpossible}})
}

// TestDecodeGroupMembersNotRead: a member's period.end (when the patient
// left), active false and a quantity that is not the number of members
// are noted (they were dropped unreported): the session holds none of
// them.
func TestDecodeGroupMembersNotRead(t *testing.T) {
	g := `{"resourceType":"Group","id":"G-7","type":"person","actual":true,"active":true,"quantity":2,
	"code":{"coding":[{"system":"https://ioprules.github.io/fhir/CodeSystem/group-kind","code":"process"}]},
	"member":[{"entity":{"reference":"Patient/P-1"}},{"entity":{"reference":"Patient/P-2"},"period":{"start":"2025-02-10"}}]}`
	enc := func(p string) []byte {
		return []byte(`{"resourceType":"Encounter","status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
		"subject":{"reference":"Patient/` + p + `"},"period":{"start":"2025-03-03","end":"2025-03-03"},
		"length":{"value":90,"unit":"min","system":"http://unitsofmeasure.org","code":"min"}}`)
	}
	want := group.Meeting{ID: "G-7", Kind: iop.GroupKindProcess, Enrollment: group.EnrollmentOpen, Date: day("2025-03-03"), Minutes: 90,
		Participants: []group.Participant{{ID: "P-1", Role: group.ParticipantRolePatient}, {ID: "P-2", Role: group.ParticipantRolePatient, Joined: day("2025-02-10")}}}
	readAs := fhir.Note{Path: "type", Kind: fhir.NoteKindReadAs}
	for _, tt := range []struct {
		name     string
		old, new string
		rep      fhir.Report
	}{
		{"as written", "", "", fhir.Report{readAs}},
		{"a member who left", `"start":"2025-02-10"}`, `"start":"2025-02-10","end":"2025-02-28"}`,
			fhir.Report{{Path: "member[1].period.end", Kind: fhir.NoteKindNotMapped}, readAs}},
		{"inactive", `"active":true`, `"active":false`, fhir.Report{{Path: "active", Kind: fhir.NoteKindNotMapped}, readAs}},
		{"another quantity", `"quantity":2`, `"quantity":12`, fhir.Report{{Path: "quantity", Kind: fhir.NoteKindNotMapped}, readAs}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := g
			if tt.old != "" {
				data = strings.Replace(g, tt.old, tt.new, 1)
				require.NotEqual(t, g, data)
			}
			got, rep, err := fhir.DecodeGroup(fhir.GroupSession{Group: []byte(data), Encounters: [][]byte{enc("P-1"), enc("P-2")}})
			require.NoError(t, err)
			assert.True(t, got.Equal(want), "got %+v", got)
			assert.Equal(t, tt.rep, rep)
		})
	}
}
