package billing

import _ "embed"

var (
	//go:embed sample/sessions.csv
	sampleSessions string
	//go:embed sample/episodes.csv
	sampleEpisodes string
	//go:embed sample/claims.csv
	sampleClaims string
	//go:embed sample/claims.x12
	sampleX12 string
)

// SampleSessions is the sample export of sessions: five patients' sessions
// over four weeks, with SampleEpisodes their episodes.
func SampleSessions() string { return sampleSessions }

// SampleEpisodes is the episodes CSV of SampleSessions.
func SampleEpisodes() string { return sampleEpisodes }

// SampleClaims is the sample export of claim lines: three Medicare IOP
// claims, whose date column is named date_of_service (read it with
// SampleClaimsColumns).
func SampleClaims() string { return sampleClaims }

// SampleX12 is the claims of SampleClaims as an X12 837I interchange.
func SampleX12() string { return sampleX12 }

// SampleClaimsColumns is the renames SampleClaims is read with: its
// export names the date column as billing systems do.
const SampleClaimsColumns = "date_of_service=date"
