package billing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestView checks the page's view of the sample against the JSON report:
// every patient-week once, those with a blocking finding first, then
// warnings, then the others, each group in the report's order; pages that
// join up; and the chart's hours in patient and week order.
func TestView(t *testing.T) {
	rs, ok, err := NewRules("medicare-iop")
	require.NoError(t, err)
	require.True(t, ok)
	_, ws, err := ParseWeeks("iso")
	require.NoError(t, err)
	rep, err := Check(strings.NewReader(sampleSessions), strings.NewReader(sampleEpisodes), Options{Rules: rs, Weeks: ws})
	require.NoError(t, err)
	out := jsonReport(t, "medicare-iop", "iso", Options{}, sampleSessions, sampleEpisodes)
	type key struct{ patient, week, result string }
	var byResult [4][]key
	var order []key
	for line := range strings.Lines(out) {
		var w struct {
			Patient string `json:"patient"`
			Week    string `json:"week"`
			Result  string `json:"result"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &w))
		k := key{w.Patient, w.Week, w.Result}
		order = append(order, k)
		r := map[string]int{"blocking": 0, "warning": 1, "info": 2, "ok": 3}[w.Result]
		byResult[r] = append(byResult[r], k)
	}
	var want []key
	for _, ks := range byResult {
		want = append(want, ks...)
	}
	require.NotEmpty(t, byResult[0], "the sample has a blocking week")

	all := rep.Weeks(0, 1000)
	var got []key
	for _, w := range all {
		got = append(got, key{w.Patient, w.Week, w.Result})
	}
	assert.Equal(t, want, got)
	assert.Equal(t, append(rep.Weeks(0, 5), rep.Weeks(5, 1000)...), all, "pages join up")
	assert.Empty(t, rep.Weeks(len(all), 10))
	assert.Empty(t, rep.Weeks(-1, 0))

	v := rep.View()
	assert.Equal(t, len(all), v.Weeks)
	assert.Equal(t, 5, v.ChartPatients)
	require.Len(t, v.Hours, len(order))
	for i, h := range v.Hours {
		assert.Equal(t, order[i].patient, h.Patient)
		assert.Equal(t, order[i].week, h.Week)
	}
}

func TestGuessInput(t *testing.T) {
	tests := []struct {
		name, data string
		columns    map[string]string
		want       string
	}{
		{"sessions", "patient,date,start,minutes,kind,attendance\n", nil, InputSessions},
		{"claims", "patient,claim,line,date,code\n", nil, InputClaims},
		{"claims with a byte order mark, quoted", "\uFEFFpatient,\"claim\",line\r\n", nil, InputClaims},
		{"claims renamed", "member,claim_id,line\n", map[string]string{"claim_id": "claim"}, InputClaims},
		{"empty", "", nil, InputSessions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, GuessInput([]byte(tt.data), tt.columns))
		})
	}
}
