package fhir_test

import (
	"github.com/ioprules/ioprules"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seeds adds the emitted resources whose names start with prefix, and the
// US Core bundle.
func seeds(f *testing.F, prefix string) {
	files, _ := filepath.Glob(filepath.Join(emittedDir, prefix+"*.json"))
	files = append(files, "testdata/uscore-bundle.json")
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"resourceType":"EpisodeOfCare","_status":1,"status":"x"}`))
}

// secret is planted in inputs: no error may echo it.
const secret = "Jane Q Secret"

func noEcho(t *testing.T, err error) {
	if err != nil {
		assert.NotContains(t, err.Error(), secret)
	}
}

func FuzzDecodeEpisode(f *testing.F) {
	seeds(f, "episode")
	f.Fuzz(func(t *testing.T, data []byte) {
		data = []byte(strings.ReplaceAll(string(data), "P1", secret))
		e, _, err := fhir.DecodeEpisode(data, fhir.EpisodeOptions{Level: iop.Level21})
		noEcho(t, err)
		if err != nil {
			return
		}
		out, err := fhir.EncodeEpisode(e)
		if err != nil { // an ID the decoder took and the encoder refuses
			t.Fatalf("EncodeEpisode of a decoded episode: %v", err)
		}
		back, _, err := fhir.DecodeEpisode(out, fhir.EpisodeOptions{})
		require.NoError(t, err)
		assert.True(t, back.Episode.Equal(e.Episode))
		assert.Equal(t, e.Patient, back.Patient)
	})
}

func FuzzDecodeEncounter(f *testing.F) {
	seeds(f, "encounter")
	f.Fuzz(func(t *testing.T, data []byte) {
		loc := time.FixedZone("program", -7*3600)
		e, _, err := fhir.DecodeEncounter(data, loc)
		noEcho(t, err)
		if err != nil {
			return
		}
		out, err := fhir.EncodeEncounter(e, loc)
		if err != nil {
			return // a code of another shape than CPT/HCPCS is refused on the way out
		}
		back, _, err := fhir.DecodeEncounter(out, loc)
		require.NoError(t, err)
		assert.Equal(t, e, back)
	})
}

func FuzzDecodeQuestionnaireResponse(f *testing.F) {
	seeds(f, "qr")
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, data []byte) {
		q, _, err := fhir.DecodeQuestionnaireResponse(data, ck)
		noEcho(t, err)
		if err != nil {
			return
		}
		out, err := fhir.EncodeQuestionnaireResponse(q)
		require.NoError(t, err)
		back, _, err := fhir.DecodeQuestionnaireResponse(out, ck)
		require.NoError(t, err)
		assert.Equal(t, q.Assessment, back.Assessment)
	})
}

func FuzzDecodeGroup(f *testing.F) {
	seeds(f, "group.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _, err := fhir.DecodeGroup(fhir.GroupSession{Group: data})
		noEcho(t, err)
		if err != nil {
			return
		}
		_, err = fhir.EncodeGroup(s)
		require.NoError(t, err)
	})
}

func FuzzDecodeBundle(f *testing.F) {
	seeds(f, "zzz")
	f.Fuzz(func(t *testing.T, data []byte) {
		_, rep, err := fhir.DecodeBundle(data, fhir.BundleOptions{Location: time.UTC})
		noEcho(t, err)
		for _, n := range rep {
			assert.NotContains(t, n.Path, secret)
		}
	})
}

func FuzzBHACodes(f *testing.F) {
	for _, s := range []string{"3.5-STIRT", "2.1", "DUI-1", "10", "011", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, code string) {
		if l, p, err := fhir.BHALevel(code); err == nil {
			assert.True(t, l.IsValid())
			back, ok := fhir.BHALevelCode(l, p)
			if ok && code != "3.5-STIRT" && code != "3.3" {
				lb, _, err := fhir.BHALevel(back)
				require.NoError(t, err)
				assert.Equal(t, l, lb)
			}
		}
		if r, err := fhir.BHAEndReason(code); err == nil {
			assert.True(t, r.IsValid())
		}
	})
}

func FuzzDecodeClaimResponse(f *testing.F) {
	seeds(f, "claimresponse")
	data, err := os.ReadFile("testdata/pas-claimresponse.json")
	require.NoError(f, err)
	f.Add(data)
	f.Add([]byte(strings.Replace(string(data), `"value": 12,`, `"value": 12, "comparator": "<=",`, 1))) // a code with "<": read as written, not as "\u003c="
	f.Fuzz(func(t *testing.T, data []byte) {
		data = []byte(strings.ReplaceAll(string(data), "AUTH0001", secret+"\x07"))
		c, rep, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{Level: iop.Level21})
		noEcho(t, err)
		if err != nil {
			return
		}
		for _, n := range rep {
			assert.NotContains(t, n.Path, secret)
		}
		out, err := fhir.EncodeClaimResponse(c)
		if err != nil {
			return // an EHR's items may differ in what one response must share on the way out (none here) or carry a code of another shape
		}
		back, _, err := fhir.DecodeClaimResponse(out, fhir.ClaimResponseOptions{})
		require.NoError(t, err)
		require.Len(t, back.Authorizations, len(c.Authorizations))
		assert.True(t, back.Created.Equal(c.Created))
		for i := range c.Authorizations {
			a, b := c.Authorizations[i], back.Authorizations[i]
			assert.True(t, a.Decided.Equal(b.Decided))
			a.Decided, b.Decided = time.Time{}, time.Time{}
			assert.Equal(t, a, b)
		}
	})
}

// FuzzNoteKind: a note kind reads back only from the name it writes, and
// any other text is refused without being echoed.
func FuzzNoteKind(f *testing.F) {
	for _, s := range []string{"not-mapped", "read-as", "", "Extension", secret} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var k fhir.NoteKind
		if err := k.UnmarshalText(data); err != nil {
			require.ErrorIs(t, err, iop.ErrUnknown)
			assert.Equal(t, "fhir.NoteKind.UnmarshalText: unknown value", err.Error())
			assert.Zero(t, k)
			return
		}
		text, err := k.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, string(data), string(text))
	})
}
