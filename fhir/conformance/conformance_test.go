package conformance_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/fhir/go/fhirversion"
	"github.com/google/fhir/go/jsonformat"
	"github.com/google/fhir/go/jsonformat/errorreporter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/proto"
)

// TestEmittedResourcesAreValidR4 reads every resource the fhir module's
// tests emit (its testdata/emitted, which those tests keep equal to what
// they emit) with google/fhir's validating R4 unmarshaller, and marshals
// a clone of each back (jsonformat's Marshal changes the message it is
// given).
func TestEmittedResourcesAreValidR4(t *testing.T) {
	files, err := filepath.Glob("../testdata/emitted/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	require.NoError(t, err)
	m, err := jsonformat.NewMarshaller(false, "", "", fhirversion.R4)
	require.NoError(t, err)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			msg, err := u.Unmarshal(data)
			require.NoError(t, err)
			out, err := m.Marshal(proto.Clone(msg))
			require.NoError(t, err)
			assert.NotEmpty(t, out)
		})
	}
}

// TestValidatorRefuses shows that the validator is not lenient: a
// resource without its required status, with a code outside its value
// set, a date that does not exist or an unknown element is refused.
func TestValidatorRefuses(t *testing.T) {
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	require.NoError(t, err)
	for name, doc := range map[string]string{
		"no status": `{"resourceType":"EpisodeOfCare","patient":{"reference":"Patient/P1"}}`,
		"bad code":  `{"resourceType":"EpisodeOfCare","status":"paused","patient":{"reference":"Patient/P1"}}`,
		"bad date":  `{"resourceType":"EpisodeOfCare","status":"active","patient":{"reference":"Patient/P1"},"period":{"start":"2025-02-30"}}`,
		"unknown":   `{"resourceType":"EpisodeOfCare","status":"active","patient":{"reference":"Patient/P1"},"colour":"red"}`,
	} {
		t.Run(name, func(t *testing.T) {
			er := errorreporter.NewBasicErrorReporter()
			_, err := u.UnmarshalWithErrorReporter([]byte(doc), er)
			refused := len(er.Errors)
			if err != nil {
				refused++
			}
			assert.Positive(t, refused, "google/fhir accepted %s", name)
		})
	}
}

// TestUSCoreBundleIsRealR4 checks that the hand-written US Core bundle the
// fhir module imports is valid R4 but for what it holds on purpose: entry
// 4's R5 element (virtualService), which the fhir module reports as
// unknown and google/fhir refuses.
func TestUSCoreBundleIsRealR4(t *testing.T) {
	data, err := os.ReadFile("../testdata/uscore-bundle.json")
	require.NoError(t, err)
	var b struct {
		Entry []struct {
			Resource json.RawMessage `json:"resource"`
		} `json:"entry"`
	}
	require.NoError(t, json.Unmarshal(data, &b))
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	require.NoError(t, err)
	var refused []int
	for i, e := range b.Entry {
		er := errorreporter.NewBasicErrorReporter()
		if _, err := u.UnmarshalWithErrorReporter(e.Resource, er); err != nil || len(er.Errors) > 0 {
			refused = append(refused, i)
		}
	}
	assert.Equal(t, []int{4}, refused)
}

// TestPASClaimResponseIsRealR4 checks that the hand-written PAS
// ClaimResponse the fhir module imports is valid R4 but for its member
// "colour", there on purpose: the fhir module reports it as unknown and
// google/fhir refuses it.
func TestPASClaimResponseIsRealR4(t *testing.T) {
	data, err := os.ReadFile("../testdata/pas-claimresponse.json")
	require.NoError(t, err)
	u, err := jsonformat.NewUnmarshaller("UTC", fhirversion.R4)
	require.NoError(t, err)
	refused := func(doc []byte) bool {
		er := errorreporter.NewBasicErrorReporter()
		_, err := u.UnmarshalWithErrorReporter(doc, er)
		return err != nil || len(er.Errors) > 0
	}
	assert.True(t, refused(data))
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(data, &m))
	require.Contains(t, m, "colour")
	delete(m, "colour")
	clean, err := json.Marshal(m)
	require.NoError(t, err)
	assert.False(t, refused(clean))
}
