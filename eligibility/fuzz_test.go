package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzAssessmentJSON decodes assessments: whatever decodes marshals and
// decodes back to the same value and the same bytes, and deciding on it and
// checking the decision never panics.
func FuzzAssessmentJSON(f *testing.F) {
	f.Add([]byte(assessmentJSON))
	f.Add([]byte(`{"ratings":{"D1":{"risk":4}},"modifiers":["imminent-danger"]}`))
	f.Add([]byte(`{"id":"A","edition":"4th","population":"adolescent","date":"2024-02-29"}`))
	f.Add([]byte(`{"date":"2025-02-30"}`))
	f.Add([]byte(`{"ratings":{"D1":{"risk":null}},"modifiers":null}`))
	f.Add([]byte(`[]`))
	c := eligibility.DefaultCriteria()
	p := iop.ASAM3Level21()
	f.Fuzz(func(t *testing.T, data []byte) {
		var a eligibility.Assessment
		if err := a.UnmarshalJSON(data); err != nil {
			return
		}
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var back eligibility.Assessment
		require.NoError(t, back.UnmarshalJSON(b))
		assert.Equal(t, a, back)
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))

		d, err := c.Decide(a)
		if err != nil {
			return
		}
		_ = d.Findings()
		_, err = json.Marshal(d)
		require.NoError(t, err)
		_ = eligibility.CheckAdmission(d, p, iop.Hours(9))
		rv := eligibility.Review{Admitted: a.Date, Previous: d, Current: d, Progress: eligibility.ProgressMade}
		_ = eligibility.CheckContinuedStay(rv, p)
		_ = eligibility.CheckTransfer(rv, p)
		_ = eligibility.CheckDischarge(eligibility.Discharge{Final: d, Planned: true}, p)
	})
}

// FuzzCriteriaJSON decodes criteria: whatever decodes marshals and decodes
// back to equal criteria and the same bytes; validating and deciding with
// them never panics, and criteria that validate decide every valid
// assessment.
func FuzzCriteriaJSON(f *testing.F) {
	def, err := json.Marshal(eligibility.DefaultCriteria())
	require.NoError(f, err)
	f.Add(def)
	f.Add([]byte(`{"id":"x","title":"t","edition":"3rd","source":{"source":"s"},"levels":["1","2.1"],` +
		`"rules":[{"dimension":"D1","risk":0,"min":"1","max":"2.1","cite":{"source":"s"}}],` +
		`"modifiers":[{"modifier":"imminent-danger","floor":"2.1","cite":{"source":"s"}}]}`))
	f.Add([]byte(`{"levels":["4","0.5"],"rules":[{"dimension":"D6","risk":4,"min":"4","max":"0.5"}]}`))
	f.Add([]byte(`{"rules":[{}],"modifiers":[{}],"levels":[]}`))
	a := assess(f, iopRisks, eligibility.ModImminentDanger, eligibility.ModCoOccurring)
	f.Fuzz(func(t *testing.T, data []byte) {
		var c eligibility.Criteria
		if err := c.UnmarshalJSON(data); err != nil {
			return
		}
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var back eligibility.Criteria
		require.NoError(t, back.UnmarshalJSON(b))
		assert.True(t, c.Equal(back), "round trip")
		again, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again))

		valid := c.Validate() == nil
		d, err := c.Decide(a)
		if valid && c.Edition == a.Edition && (c.Population == 0 || c.Population == a.Population) {
			require.NoError(t, err, "valid criteria decide every valid assessment")
			assert.True(t, d.Recommended().IsValid())
		}
		if err == nil {
			_ = d.Findings()
			_, _ = c.Moves([]eligibility.Assessment{a, a})
		}
	})
}

// FuzzParseText checks that every enum's Parse accepts exactly what its
// String writes.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"D1", "D6", "0", "4", "imminent-danger", "payer-authorized-lower", "goals-met", "up", "", "D7", "5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := eligibility.ParseDimension(s); err == nil {
			assert.Equal(t, s, d.String())
		}
		if r, err := eligibility.ParseRisk(s); err == nil {
			assert.Equal(t, s, r.String())
			var j eligibility.Risk
			require.NoError(t, j.UnmarshalJSON([]byte(s)))
			assert.Equal(t, r, j)
		}
		if m, err := eligibility.ParseModifier(s); err == nil {
			assert.Equal(t, s, m.String())
		}
		if v, err := eligibility.ParseVarianceReason(s); err == nil {
			assert.Equal(t, s, v.String())
		}
		if p, err := eligibility.ParseProgress(s); err == nil {
			assert.Equal(t, s, p.String())
		}
		if d, err := eligibility.ParseDirection(s); err == nil {
			assert.Equal(t, s, d.String())
		}
	})
}
