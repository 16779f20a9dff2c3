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

// TestPrepassNested: the pre-pass holds nested elements to R4 too: a
// required element missing inside a backbone element, an unknown member
// inside a datatype, a primitive extension inside an array item.
func TestPrepassNested(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		want   iop.FieldErrors
		report fhir.Report
	}{
		{
			name: "statusHistory without period",
			data: `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","statusHistory":[{"status":"planned"}],"patient":{"reference":"Patient/P1"}}`,
			want: iop.FieldErrors{{Field: "statusHistory[0].period", Err: iop.ErrMissing}},
		},
		{
			name: "extension without url",
			data: `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","extension":[{"valueString":"x"}],"patient":{"reference":"Patient/P1"},"period":{"start":"2025-01-06"}}`,
			want: iop.FieldErrors{{Field: "extension[0].url", Err: iop.ErrMissing}},
		},
		{
			name: "empty array",
			data: `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","statusHistory":[],"patient":{"reference":"Patient/P1"}}`,
			want: iop.FieldErrors{{Field: "statusHistory", Err: iop.ErrSyntax}},
		},
		{
			name: "number for a string",
			data: `{"resourceType":"EpisodeOfCare","id":7,"status":"planned","patient":{"reference":"Patient/P1"}}`,
			want: iop.FieldErrors{{Field: "id", Err: iop.ErrSyntax}},
		},
		{
			name: "nested unknown and primitive extension",
			data: `{"resourceType":"EpisodeOfCare","id":"E1","status":"planned","statusHistory":[{"status":"planned","_status":{"id":"x"},"period":{"start":"2025-01-06","Jane Doe":1}}],"patient":{"reference":"Patient/P1","_reference":{"id":"y"}}}`,
			report: fhir.Report{
				{Path: "patient._reference", Kind: fhir.NoteKindPrimitiveExtension},
				{Path: "statusHistory[0]._status", Kind: fhir.NoteKindPrimitiveExtension},
				{Path: "statusHistory[0].period.#1", Kind: fhir.NoteKindUnknownElement},
			},
		},
		{
			name: "not UTF-8",
			data: "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"E\xff\"}",
			want: iop.FieldErrors{{Err: iop.ErrSyntax}},
		},
		{
			name: "trailing data",
			data: `{"resourceType":"EpisodeOfCare"} {}`,
			want: iop.FieldErrors{{Err: iop.ErrSyntax}},
		},
		{
			name: "too deep",
			data: `{"resourceType":"EpisodeOfCare","extension":` + strings.Repeat(`[{"extension":`, 70) + `[]` + strings.Repeat(`}]`, 70) + `}`,
			want: iop.FieldErrors{{Field: "#1" + strings.Repeat("[0].#0", 32), Err: iop.ErrTooLarge}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, rep, err := fhir.DecodeEpisode([]byte(tt.data), fhir.EpisodeOptions{})
			if tt.want == nil {
				require.NoError(t, err)
				assert.Equal(t, tt.report, rep)
				return
			}
			var fes iop.FieldErrors
			require.ErrorAs(t, err, &fes)
			assert.Equal(t, tt.want, fes)
			assert.NotContains(t, err.Error(), "Jane")
		})
	}
}

// TestEpisodeEditedByEHR: a resource this module wrote whose status an EHR
// changed without a move of ours is refused, not silently believed.
func TestEpisodeEditedByEHR(t *testing.T) {
	ep := replay(t, "E1", fullEvents()[:4])
	data, err := fhir.EncodeEpisode(fhir.EpisodeOfCare{Patient: "P1", Episode: ep})
	require.NoError(t, err)
	edited := strings.Replace(string(data), `"status":"active","statusHistory"`, `"status":"finished","statusHistory"`, 1)
	require.NotEqual(t, string(data), edited)
	_, _, err = fhir.DecodeEpisode([]byte(edited), fhir.EpisodeOptions{})
	requireFieldErrors(t, err, []wantErr{{"status: impossible: not the status the episode's moves give", fhir.ErrImpossible}})

	// a move our machine refuses (a start dated before the admission), in our own extension
	bad := strings.Replace(string(data), `"valueDate":"2025-01-14"`, `"valueDate":"2025-01-01"`, 1)
	_, _, err = fhir.DecodeEpisode([]byte(bad), fhir.EpisodeOptions{})
	var fes iop.FieldErrors
	require.ErrorAs(t, err, &fes)
	require.Len(t, fes, 1)
	assert.Equal(t, "extension", fes[0].Field)
	assert.ErrorIs(t, err, aftercare.ErrDateBackwards)
}

func TestBHACodes(t *testing.T) {
	tests := []struct {
		code string
		lvl  iop.Level
		pop  iop.Population
		err  error
	}{
		{"3.5-STIRT", iop.Level35, iop.PopulationAdult, nil},
		{"3.5-INP", iop.Level35, iop.PopulationAdolescent, nil},
		{"3.7-WMADOL", iop.Level37WM, iop.PopulationAdolescent, nil},
		{"2.1", iop.Level21, 0, nil},
		{"1", iop.Level1, 0, nil},
		{"OTS", iop.LevelOTS, 0, nil},
		{"DUI-1", 0, 0, fhir.ErrNoMapping},
		{"DA", 0, 0, fhir.ErrNoMapping},
		{"2.1 ", 0, 0, iop.ErrUnknown},
	}
	for _, tt := range tests {
		l, p, err := fhir.BHALevel(tt.code)
		if tt.err != nil {
			require.ErrorIs(t, err, tt.err, "BHALevel(%q)", tt.code)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, tt.lvl, l, "BHALevel(%q)", tt.code)
		assert.Equal(t, tt.pop, p, "BHALevel(%q)", tt.code)
	}
	for _, tt := range []struct {
		l    iop.Level
		p    iop.Population
		code string
		ok   bool
	}{
		{iop.Level35, iop.PopulationAdult, "3.5", true}, {iop.Level35, iop.PopulationAdolescent, "3.5-INP", true},
		{iop.Level37WM, iop.PopulationAdolescent, "3.7-WMADOL", true}, {iop.Level33, iop.PopulationAdult, "3.3", true},
		{iop.Level33, iop.PopulationAdolescent, "", false}, {iop.Level27, iop.PopulationAdult, "", false}, {iop.Level4, iop.PopulationAdult, "", false},
	} {
		code, ok := fhir.BHALevelCode(tt.l, tt.p)
		assert.Equal(t, tt.code, code, "BHALevelCode(%v, %v)", tt.l, tt.p)
		assert.Equal(t, tt.ok, ok, "BHALevelCode(%v, %v)", tt.l, tt.p)
	}
	reasons := []aftercare.DischargeReason{0, aftercare.DischargeReasonTerminated, aftercare.DischargeReasonLeftAgainstAdvice, aftercare.DischargeReasonLeftAgainstAdvice,
		aftercare.DischargeReasonOther, aftercare.DischargeReasonTerminated, aftercare.DischargeReasonOther, aftercare.DischargeReasonOther, aftercare.DischargeReasonOther,
		aftercare.DischargeReasonIncarcerated, aftercare.DischargeReasonDied, aftercare.DischargeReasonOther}
	for n := 1; n <= 11; n++ {
		r, err := fhir.BHAEndReason(itoa(n))
		require.NoError(t, err)
		assert.Equal(t, reasons[n], r, "BHAEndReason(%d)", n)
	}
	for _, bad := range []string{"0", "12", "01x", "", "-1", "01", "011", "00"} {
		_, err := fhir.BHAEndReason(bad)
		require.ErrorIs(t, err, iop.ErrUnknown, "BHAEndReason(%q)", bad)
	}
}
