package fhir_test

import (
	"github.com/ioprules/ioprules"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/fhir"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func assessment(t testing.TB, id string, pop iop.Population, risks ...eligibility.Risk) eligibility.Assessment {
	t.Helper()
	rs, err := eligibility.NewRatings(risks[0], risks[1], risks[2], risks[3], risks[4], risks[5])
	require.NoError(t, err)
	rs = rs.With(iop.All[eligibility.Dimension]()[2], eligibility.Rating{Risk: risks[2], Note: "N-3"})
	return eligibility.Assessment{ID: id, Edition: iop.Edition3, Date: day("2025-03-03"), Population: pop, Ratings: rs,
		Modifiers: iop.SetOf[eligibility.Modifier](eligibility.ModifierCoOccurring)}
}

func TestQuestionnaireResponseRoundTrip(t *testing.T) {
	keep("questionnaire.json", fhir.Questionnaire())
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	a := assessment(t, "A-1", iop.PopulationAdult, 1, 0, 1, 2, 2, 1)

	data, err := fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Assessment: a})
	require.NoError(t, err)
	keep("qr-assessment.json", data)
	got, rep, err := fhir.DecodeQuestionnaireResponse(data, eligibility.Checker{})
	require.NoError(t, err)
	assert.Empty(t, rep)
	assert.Equal(t, fhir.QuestionnaireResponse{Patient: "P1", Assessment: a}, got)

	d, err := ck.Decide(a)
	require.NoError(t, err)
	for _, tt := range []struct {
		name string
		d    func() eligibility.Decision
	}{
		{"recommended", func() eligibility.Decision { return d }},
		{"variance", func() eligibility.Decision {
			v, err := d.Place(iop.Level1, eligibility.VarianceReasonPatientPreference, "N-9")
			require.NoError(t, err)
			return v
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := fhir.QuestionnaireResponse{Patient: "P1", Decision: tt.d()}
			data, err := fhir.EncodeQuestionnaireResponse(in)
			require.NoError(t, err)
			keep("qr-decision-"+tt.name+".json", data)
			got, rep, err := fhir.DecodeQuestionnaireResponse(data, ck)
			require.NoError(t, err)
			assert.Empty(t, rep)
			assert.Equal(t, a, got.Assessment)
			assert.Equal(t, in.Decision, got.Decision)
		})
	}
}

func TestQuestionnaireResponseColoradoLevel(t *testing.T) {
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	d, err := ck.Decide(assessment(t, "A-2", iop.PopulationAdult, 1, 0, 1, 2, 2, 1))
	require.NoError(t, err)
	data, err := fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Decision: d})
	require.NoError(t, err)
	assert.Contains(t, string(data), `{"linkId":"level-co","answer":[{"valueCoding":{"system":"http://bha.colorado.gov/fhir/bha-ig/CodeSystem/bha-asam-level-of-care-cs","code":"2.1"}}]}`)
}

func TestDecodeQuestionnaireResponseRefuses(t *testing.T) {
	qr := func(items string) []byte {
		return []byte(`{"resourceType":"QuestionnaireResponse","id":"A-1","questionnaire":"` + fhir.QuestionnaireURL + `","status":"completed",
		"subject":{"reference":"Patient/P1"},"item":[` + items + `]}`)
	}
	base := `{"linkId":"edition","answer":[{"valueCoding":{"system":"` + fhir.SystemEdition + `","code":"3rd"}}]},
	{"linkId":"date","answer":[{"valueDate":"2025-03-03"}]},
	{"linkId":"population","answer":[{"valueCoding":{"system":"` + fhir.SystemPopulation + `","code":"adult"}}]},
	{"linkId":"D1","answer":[{"valueInteger":1}]},{"linkId":"D2","answer":[{"valueInteger":0}]},{"linkId":"D3","answer":[{"valueInteger":1}]},
	{"linkId":"D4","answer":[{"valueInteger":2}]},{"linkId":"D5","answer":[{"valueInteger":2}]}`
	tests := []struct {
		name string
		data []byte
		want iop.FieldErrors
	}{
		{"risk 5", qr(base + `,{"linkId":"D6","answer":[{"valueInteger":5}]}`), iop.FieldErrors{{Field: "item[8].answer[0].valueInteger", Err: iop.ErrOutOfRange}}},
		{"D6 missing", qr(base), iop.FieldErrors{{Field: "item('D6')", Err: iop.ErrMissing}}},
		{"other questionnaire", []byte(`{"resourceType":"QuestionnaireResponse","id":"A-1","questionnaire":"http://x/Q","status":"completed","subject":{"reference":"Patient/P1"}}`),
			iop.FieldErrors{{Field: "questionnaire", Err: fhir.ErrNoMapping}, {Field: "item('edition')", Err: iop.ErrMissing}, {Field: "item('date')", Err: iop.ErrMissing},
				{Field: "item('population')", Err: iop.ErrMissing}, {Field: "item('D1')", Err: iop.ErrMissing}, {Field: "item('D2')", Err: iop.ErrMissing}, {Field: "item('D3')", Err: iop.ErrMissing},
				{Field: "item('D4')", Err: iop.ErrMissing}, {Field: "item('D5')", Err: iop.ErrMissing}, {Field: "item('D6')", Err: iop.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := fhir.DecodeQuestionnaireResponse(tt.data, eligibility.Checker{})
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.Equal(t, tt.want, fes)
		})
	}
}

// TestDecodeQuestionnaireResponseUndecidedReported: a response with a
// decision read without a checker keeps the assessment and reports each
// of the decision's answers it does not read (the level given, the
// variance reason and note were dropped unreported).
func TestDecodeQuestionnaireResponseUndecidedReported(t *testing.T) {
	_, v, data := placedResponse(t)
	got, rep, err := fhir.DecodeQuestionnaireResponse(data, eligibility.Checker{})
	require.NoError(t, err)
	assert.Equal(t, fhir.QuestionnaireResponse{Patient: "P1", Assessment: v.Assessment()}, got)
	assert.Equal(t, fhir.Report{
		{Path: "item[11]", Kind: fhir.NoteKindNotMapped}, // level
		{Path: "item[12]", Kind: fhir.NoteKindNotMapped}, // level-co
		{Path: "item[13]", Kind: fhir.NoteKindNotMapped}, // given
		{Path: "item[14]", Kind: fhir.NoteKindNotMapped}, // variance-reason
		{Path: "item[15]", Kind: fhir.NoteKindNotMapped}, // variance-note
	}, rep)
}

// TestDecodeQuestionnaireResponseAuthored: authored on another day than
// the "date" answer (which is the assessment's day) is noted (it was
// dropped unreported); the same day, with or without a time, is read.
func TestDecodeQuestionnaireResponseAuthored(t *testing.T) {
	a := assessment(t, "A-1", iop.PopulationAdult, 1, 0, 1, 2, 2, 1)
	data, err := fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Assessment: a})
	require.NoError(t, err)
	for _, tt := range []struct {
		authored string
		rep      fhir.Report
	}{
		{`"2025-03-03"`, nil},
		{`"2025-03-03T15:04:05-07:00"`, nil},
		{`"2025-03-04"`, fhir.Report{{Path: "authored", Kind: fhir.NoteKindNotMapped}}},
		{`"2025-03"`, fhir.Report{{Path: "authored", Kind: fhir.NoteKindNotMapped}}},
	} {
		edited := strings.Replace(string(data), `"authored":"2025-03-03"`, `"authored":`+tt.authored, 1)
		require.Contains(t, string(data), `"authored":"2025-03-03"`)
		got, rep, err := fhir.DecodeQuestionnaireResponse([]byte(edited), eligibility.Checker{})
		require.NoError(t, err, tt.authored)
		assert.Equal(t, a, got.Assessment, tt.authored)
		assert.Equal(t, tt.rep, rep, tt.authored)
	}
}

// placedResponse returns ASAM 2.1's checker, a decision placed a level
// below the recommendation for the patient's preference (variance note
// N-9), and that decision encoded as a QuestionnaireResponse of P1.
func placedResponse(t *testing.T) (eligibility.Checker, eligibility.Decision, []byte) {
	t.Helper()
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	a := assessment(t, "A-1", iop.PopulationAdult, 1, 0, 1, 2, 2, 1)
	d, err := ck.Decide(a)
	require.NoError(t, err)
	v, err := d.Place(iop.Level1, eligibility.VarianceReasonPatientPreference, "N-9")
	require.NoError(t, err)
	data, err := fhir.EncodeQuestionnaireResponse(fhir.QuestionnaireResponse{Patient: "P1", Decision: v})
	require.NoError(t, err)
	return ck, v, data
}
