package fhir_test

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	fm "github.com/samply/golang-fhir-models/fhir-models/fhir"
)

// The decoders beside the baseline they guard: samply's own unmarshal,
// which reads the same bytes without the pre-pass (and without its
// refusals and report).
func benchData(b *testing.B, name string) []byte {
	data, err := os.ReadFile(emittedDir + "/" + name)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkDecodeEncounter(b *testing.B) {
	data := benchData(b, "encounter-partial-by-video.json")
	loc := time.FixedZone("program", -7*3600)
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := fhir.DecodeEncounter(data, loc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineSamplyEncounter(b *testing.B) {
	data := benchData(b, "encounter-partial-by-video.json")
	b.ReportAllocs()
	for b.Loop() {
		var e fm.Encounter
		if err := json.Unmarshal(data, &e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeEpisode(b *testing.B) {
	data := benchData(b, "episode-closed.json")
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := fhir.DecodeEpisode(data, fhir.EpisodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineSamplyEpisode(b *testing.B) {
	data := benchData(b, "episode-closed.json")
	b.ReportAllocs()
	for b.Loop() {
		var e fm.EpisodeOfCare
		if err := json.Unmarshal(data, &e); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeClaimResponse(b *testing.B) {
	data, err := os.ReadFile("testdata/pas-claimresponse.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := fhir.DecodeClaimResponse(data, fhir.ClaimResponseOptions{Level: iop.Level21}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineSamplyClaimResponse(b *testing.B) {
	data, err := os.ReadFile("testdata/pas-claimresponse.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var c fm.ClaimResponse
		if err := json.Unmarshal(data, &c); err != nil {
			b.Fatal(err)
		}
	}
}
