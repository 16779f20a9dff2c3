package fhir_test

import (
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// notFHIRIDs are record IDs iop.CheckID accepts that are no FHIR id (R4:
// 1 to 64 letters, digits, '-' or '.'). Written as an id or in a literal
// reference they made an invalid resource, and "a/b" one that the decoder
// refused: encode then decode failed for a valid record.
var notFHIRIDs = []string{"a/b", "P 1", "p_1", "Jane Q Secret", "é1", strings.Repeat("a", 65)}

// TestEncodersRefuseNonFHIRIDs: every encoder refuses such an ID at the
// field that holds it, without the ID in the error; an ID of 64 bytes of
// the id alphabet round-trips.
func TestEncodersRefuseNonFHIRIDs(t *testing.T) {
	notID := "invalid syntax: not a FHIR id (1 to 64 letters, digits, '-' or '.')"
	loc := time.FixedZone("program", -7*3600)
	session := schedule.Session{Patient: "P1", ID: "S1", Date: day("2025-03-04"), Start: schedule.MustParseClock("09:00"),
		Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendanceAttended, Planned: 180, Code: "90853"}
	for _, id := range notFHIRIDs {
		t.Run(id, func(t *testing.T) {
			check := func(err error, field string) {
				t.Helper()
				requireFieldErrors(t, err, []wantErr{{field + ": " + notID, iop.ErrSyntax}})
				assert.NotContains(t, err.Error(), id)
			}
			_, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: id, Episode: replay(t, "E1", fullEvents())})
			check(err, "patient")
			_, err = fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: replay(t, id, fullEvents())})
			check(err, "episode.id")

			s := session
			s.Patient = id
			_, err = fhir.EncodeEncounter(fhir.Encounter{Session: s}, loc)
			check(err, "session.patient")
			s = session
			s.ID = id
			_, err = fhir.EncodeEncounter(fhir.Encounter{Session: s}, loc)
			check(err, "session.id")
			_, err = fhir.EncodeEncounter(fhir.Encounter{Session: session, Episode: id}, loc)
			check(err, "episode")

			g := groupSession()
			g.ID = id
			_, err = fhir.EncodeGroup(g)
			check(err, "id")
			g = groupSession()
			g.Participants[1].ID = id
			_, err = fhir.EncodeGroup(g)
			check(err, "participants[1].id")

			a := assessment(t, "A-1", iop.PopulationAdult, 1, 0, 1, 2, 2, 1)
			_, err = fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: id, Assessment: a})
			check(err, "patient")
			a.ID = id
			_, err = fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Assessment: a})
			check(err, "assessment.id")

			az := authz()
			az.Payer = id
			_, err = fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided, Authorizations: []authorization.Authorization{az}})
			check(err, "authorizations[0].payer")
			az = authz()
			az.Patient = id
			_, err = fhir.EncodeClaimResponse(fhir.ClaimResponse{Created: decided, Authorizations: []authorization.Authorization{az}})
			check(err, "authorizations[0].patient")
			_, err = fhir.EncodeClaimResponse(fhir.ClaimResponse{ID: id, Created: decided, Authorizations: []authorization.Authorization{authz()}})
			check(err, "id")

			plan := aftercare.Plan{Made: day("2025-03-07"), GroupSessionsPerWeek: 2}
			_, err = fhir.EncodeCarePlan(fhir.CarePlan{ID: id, Patient: "P1", Plan: plan})
			check(err, "id")
			_, err = fhir.EncodeCarePlan(fhir.CarePlan{ID: "CP1", Patient: id, Plan: plan})
			check(err, "patient")
		})
	}

	long := strings.Repeat("A-1.", 16)
	require.Len(t, long, 64)
	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: long, Episode: replay(t, long, fullEvents())})
	require.NoError(t, err)
	back, _, err := fhir.DecodeEpisode(data, fhir.EpisodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, long, back.Patient)
	assert.Equal(t, long, back.Episode.ID())
}

// TestDecodersRefuseNonFHIRIDs: a resource whose id is no FHIR id is
// refused at "id" (the encoders could not write it back), without the id.
func TestDecodersRefuseNonFHIRIDs(t *testing.T) {
	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: replay(t, "E1", fullEvents())})
	require.NoError(t, err)
	bad := strings.Replace(string(data), `"id":"E1"`, `"id":"Jane Q Secret"`, 1)
	require.NotEqual(t, string(data), bad)
	_, _, err = fhir.DecodeEpisode([]byte(bad), fhir.EpisodeOptions{})
	requireFieldErrors(t, err, []wantErr{{"id: invalid syntax", iop.ErrSyntax}})
	assert.NotContains(t, err.Error(), "Jane")
}
