package fhir_test

import (
	"github.com/ioprules/ioprules"
	"os"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeBundleUSCore imports a bundle shaped like the US Core and
// Colorado BHA examples (with extensions, a primitive extension, an R5
// element and resources the mapping does not read): every record comes
// in, and every thing dropped is in the report, by path only.
func TestDecodeBundleUSCore(t *testing.T) {
	data, err := os.ReadFile("testdata/uscore-bundle.json")
	require.NoError(t, err)
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	b, rep, err := fhir.DecodeBundle(data, fhir.BundleOptions{Location: denver(t), Checker: ck})
	require.NoError(t, err)

	require.Len(t, b.Episodes, 1)
	assert.Equal(t, "p-7", b.Episodes[0].Patient)
	assert.Equal(t, []aftercare.Event{
		{Kind: aftercare.EventKindRefer, On: day("2025-02-24")},
		{Kind: aftercare.EventKindAssess, On: day("2025-03-03")},
		{Kind: aftercare.EventKindAdmit, On: day("2025-03-03"), Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: day("2025-03-03")},
	}, b.Episodes[0].Episode.Events())
	assert.Equal(t, []fhir.Encounter{
		{Episode: "ep-1", Session: schedule.Session{Patient: "p-7", ID: "enc-1", Date: day("2025-03-03"), Start: schedule.MustParseClock("17:00"),
			Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Delivery: iop.DeliveryInPerson, Planned: 180, Code: "90853"}},
		{Episode: "ep-1", Session: schedule.Session{Patient: "p-7", ID: "enc-2", Date: day("2025-03-05"), Start: schedule.MustParseClock("17:00"),
			Kind: iop.ServiceKindIndividualTherapy, Attendance: schedule.AttendanceAttended, Delivery: iop.DeliveryVideo, Planned: 45, Code: "90834"}},
	}, b.Encounters)
	require.Len(t, b.Responses, 1)
	assert.Equal(t, iop.Level21, b.Responses[0].Decision.Recommended())
	assert.Empty(t, b.Groups)

	assert.Equal(t, fhir.Report{
		{Path: "entry[0].resource", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[1].resource", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[2].resource._status", Kind: fhir.NoteKindPrimitiveExtension},
		{Path: "entry[2].resource.extension[0]", Kind: fhir.NoteKindExtension},
		{Path: "entry[2].resource.managingOrganization", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[2].resource.meta", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[3].resource.identifier", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[3].resource.meta", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[3].resource.participant", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[3].resource.serviceProvider", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[3].resource.type", Kind: fhir.NoteKindReadAs},
		{Path: "entry[4].resource.#9", Kind: fhir.NoteKindUnknownElement},
		{Path: "entry[4].resource.meta", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[4].resource.type", Kind: fhir.NoteKindReadAs},
		{Path: "entry[5].resource", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[6].resource.author", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[6].resource.item[10]", Kind: fhir.NoteKindNotMapped},
		{Path: "entry[6].resource.meta", Kind: fhir.NoteKindNotMapped},
		{Path: "id", Kind: fhir.NoteKindNotMapped},
		{Path: "meta", Kind: fhir.NoteKindNotMapped},
		{Path: "timestamp", Kind: fhir.NoteKindNotMapped},
	}, rep)
}

func TestDecodeBundleGroupAndRefusal(t *testing.T) {
	gs, err := fhir.EncodeGroup(groupSession())
	require.NoError(t, err)
	entries := `{"resource":` + string(gs.Group) + `}`
	for _, e := range gs.Encounters {
		entries += `,{"resource":` + string(e) + `}`
	}
	b, rep, err := fhir.DecodeBundle([]byte(`{"resourceType":"Bundle","type":"collection","entry":[`+entries+`]}`), fhir.BundleOptions{})
	require.NoError(t, err)
	assert.Empty(t, rep)
	require.Len(t, b.Groups, 1)
	assert.True(t, b.Groups[0].Equal(groupSession()))

	_, _, err = fhir.DecodeBundle([]byte(`{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"EpisodeOfCare","id":"e","patient":{"reference":"Patient/p"}}}]}`), fhir.BundleOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, iop.FieldErrors{{Field: "entry[0].resource.status", Err: iop.ErrMissing}}, fes)
}

// TestDecodeBundleDuplicateGroup: two Groups of one id are refused at the
// second's id (the second replaced the first, which was dropped without a
// note).
func TestDecodeBundleDuplicateGroup(t *testing.T) {
	gs, err := fhir.EncodeGroup(groupSession())
	require.NoError(t, err)
	entries := `{"resource":` + string(gs.Group) + `},{"resource":` + string(gs.Group) + `}`
	for _, e := range gs.Encounters {
		entries += `,{"resource":` + string(e) + `}`
	}
	_, _, err = fhir.DecodeBundle([]byte(`{"resourceType":"Bundle","type":"collection","entry":[`+entries+`]}`), fhir.BundleOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	assert.Equal(t, iop.FieldErrors{{Field: "entry[1].resource.id", Err: iop.ErrDuplicate}}, fes)
}
