package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ruleIndex is the index of the default rule for dimension d, risk n.
func ruleIndex(d eligibility.Dimension, n int) int { return int(d-1)*eligibility.NumRisks + n }

func TestDefaultCriteriaValid(t *testing.T) {
	c := eligibility.DefaultCriteria()
	require.NoError(t, c.Validate())
	assert.True(t, c.Equal(eligibility.DefaultCriteria()))
	require.Len(t, c.Rules, eligibility.NumDimensions*eligibility.NumRisks)
	for i, r := range c.Rules {
		assert.NotEmpty(t, r.Cite.Source, "rules[%d] cited", i)
		assert.NotEmpty(t, r.Cite.Note, "rules[%d] says it is the library's reading", i)
		assert.Equal(t, i, ruleIndex(r.Dimension, r.Risk.Int()))
	}
	for _, m := range c.Modifiers {
		assert.NotEmpty(t, m.Cite.Source, "modifier %s cited", m.Modifier)
	}
	assert.Equal(t, "D3 risk 2: 2.1-2.5", c.Rules[ruleIndex(eligibility.Dimension3, 2)].String())
	rule, i, ok := c.RuleFor(eligibility.Dimension5, eligibility.Risk3)
	require.True(t, ok)
	assert.Equal(t, ruleIndex(eligibility.Dimension5, 3), i)
	assert.Equal(t, iop.Level25, rule.Min)
	_, i, ok = c.RuleFor(0, eligibility.Risk0)
	assert.False(t, ok)
	assert.Equal(t, -1, i)
}

func TestCriteriaJSONRoundTrip(t *testing.T) {
	c := eligibility.DefaultCriteria()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	got, err := eligibility.ParseCriteria(b)
	require.NoError(t, err)
	assert.True(t, c.Equal(got))
	again, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))

	clone := c.Clone()
	clone.Rules[0].Min = iop.Level1
	assert.Equal(t, iop.Level05, c.Rules[0].Min, "Clone shares no memory")
	assert.False(t, c.Equal(clone))
	assert.True(t, eligibility.Criteria{}.IsZero())
}

// parseEdited marshals the default criteria after edit and parses them back.
func parseEdited(t *testing.T, edit func(*eligibility.Criteria)) error {
	t.Helper()
	c := eligibility.DefaultCriteria()
	edit(&c)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	got, err := eligibility.ParseCriteria(b)
	assert.True(t, got.IsZero(), "no half-built criteria on error")
	return err
}

func TestParseCriteriaRefusesRules(t *testing.T) {
	d3r2 := ruleIndex(eligibility.Dimension3, 2)
	tests := []struct {
		name string
		edit func(*eligibility.Criteria)
		want []fieldWant
	}{
		{"a rating left unmapped", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules[:d3r2:d3r2], c.Rules[d3r2+1:]...)
		}, []fieldWant{{"rules", iop.ErrMissing}}},
		{"a rating mapped twice to different levels", func(c *eligibility.Criteria) {
			r := c.Rules[d3r2]
			r.Min = iop.Level25
			c.Rules = append(c.Rules, r)
		}, []fieldWant{{"rules[30]", iop.ErrDuplicate}}},
		{"the same rule twice", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules, c.Rules[d3r2])
		}, []fieldWant{{"rules[30]", iop.ErrDuplicate}}},
		{"a higher risk needing less care", func(c *eligibility.Criteria) {
			c.Rules[ruleIndex(eligibility.Dimension4, 3)].Min = iop.Level1
		}, []fieldWant{{"rules[18]", iop.ErrOrder}}},
		{"a rating that maps to nothing", func(c *eligibility.Criteria) {
			c.Rules[ruleIndex(eligibility.Dimension2, 1)].Min = iop.Level21
			c.Rules[ruleIndex(eligibility.Dimension2, 1)].Max = iop.Level1
		}, []fieldWant{{"rules[6]", iop.ErrOrder}, {"rules[7]", iop.ErrOrder}}},
		{"a rule with no levels", func(c *eligibility.Criteria) {
			c.Rules[0].Min, c.Rules[0].Max = 0, 0
		}, []fieldWant{{"rules[0].min", iop.ErrMissing}, {"rules[0].max", iop.ErrMissing}}},
		{"a level outside the criteria", func(c *eligibility.Criteria) {
			c.Rules[0].Max = iop.Level33
		}, []fieldWant{{"rules[0].max", iop.ErrUnknown}}},
		{"an uncited rule", func(c *eligibility.Criteria) {
			c.Rules[29].Cite = iop.Citation{}
		}, []fieldWant{{"rules[29].cite", iop.ErrMissing}}},
		{"a rule without a dimension", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules, eligibility.Criterion{Min: iop.Level1, Max: iop.Level1, Cite: c.Source})
		}, []fieldWant{{"rules[30].dimension", iop.ErrMissing}}},
		{"modifier rules", func(c *eligibility.Criteria) {
			c.Modifiers = append(c.Modifiers,
				eligibility.ModifierRule{Modifier: eligibility.ModifierImminentDanger, Floor: iop.Level4, Cite: c.Source},
				c.Modifiers[0],
				eligibility.ModifierRule{Floor: iop.Level33},
			)
		}, []fieldWant{
			{"modifiers[5].modifier", iop.ErrDuplicate},
			{"modifiers[6].modifier", iop.ErrDuplicate},
			{"modifiers[7].modifier", iop.ErrMissing},
			{"modifiers[7].floor", iop.ErrUnknown},
			{"modifiers[7].cite", iop.ErrMissing},
		}},
		{"every problem at once", func(c *eligibility.Criteria) {
			c.ID = ""
			c.Rules[0].Cite = iop.Citation{}
			c.Rules = c.Rules[:29]
		}, []fieldWant{{"id", iop.ErrMissing}, {"rules[0].cite", iop.ErrMissing}, {"rules", iop.ErrMissing}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireFields(t, parseEdited(t, tt.edit), tt.want...)
		})
	}
}

func TestCriteriaErrorMessages(t *testing.T) {
	c := eligibility.DefaultCriteria()
	r := c.Rules[12]
	r.Min = iop.Level25
	c.Rules = append(c.Rules[1:], r)
	assert.Equal(t, "rules[29]: duplicate: maps the rating of rules[11] to other levels\n"+
		"rules: missing: no rule maps D1 risk 0", c.Validate().Error())
}

func TestCriteriaValidateFields(t *testing.T) {
	tests := []struct {
		name string
		edit func(*eligibility.Criteria)
		want []fieldWant
	}{
		{"identity", func(c *eligibility.Criteria) {
			c.ID, c.Title, c.Edition, c.Source = "", "", 0, iop.Citation{}
		}, []fieldWant{{"id", iop.ErrMissing}, {"title", iop.ErrMissing}, {"edition", iop.ErrMissing}, {"source", iop.ErrMissing}}},
		{"unknown edition and population", func(c *eligibility.Criteria) { c.Edition, c.Population = 7, 7 },
			[]fieldWant{{"edition", iop.ErrUnknown}, {"population", iop.ErrUnknown}}},
		{"adolescents in the 4th edition", func(c *eligibility.Criteria) {
			c.Edition, c.Population = iop.Edition4, iop.PopulationAdolescent
			c.Levels = []iop.Level{iop.Level10, iop.Level15, iop.Level21, iop.Level25, iop.Level31, iop.Level35, iop.Level37, iop.Level4}
			for i := range c.Rules {
				for _, l := range []*iop.Level{&c.Rules[i].Min, &c.Rules[i].Max} {
					switch *l {
					case iop.Level05:
						*l = iop.Level10
					case iop.Level1:
						*l = iop.Level15
					}
				}
			}
		}, []fieldWant{{"population", iop.ErrOutOfRange}}},
		{"levels", func(c *eligibility.Criteria) {
			c.Levels = append(c.Levels, iop.Level2WM, iop.Level15, iop.Level25, 0)
		}, []fieldWant{
			{"levels[8]", iop.ErrOutOfRange}, {"levels[9]", iop.ErrOutOfRange},
			{"levels[10]", iop.ErrOrder}, {"levels[11]", iop.ErrUnknown},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := eligibility.DefaultCriteria()
			tt.edit(&c)
			requireFields(t, c.Validate(), tt.want...)
		})
	}
	t.Run("no levels", func(t *testing.T) {
		c := eligibility.DefaultCriteria()
		c.Levels = nil
		var got iop.FieldErrors
		require.ErrorAs(t, c.Validate(), &got)
		require.Len(t, got, 1+2*len(c.Rules)+3, "every rule's levels and every floor are outside the criteria")
		assert.Equal(t, "levels", got[0].Field)
		require.ErrorIs(t, got[0], iop.ErrMissing)
		assert.Equal(t, "rules[0].min", got[1].Field)
	})
}

func TestParseCriteriaRefusesJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []fieldWant
	}{
		{"unknown field", `{"id":"x","weights":[]}`, []fieldWant{{"#1", iop.ErrUnknownField}}},
		{"unknown level", `{"levels":["2.2"]}`, []fieldWant{{"levels[0]", iop.ErrUnknown}}},
		{"unknown dimension", `{"rules":[{"dimension":"D9","risk":1}]}`, []fieldWant{{"rules[0].dimension", iop.ErrUnknown}}},
		{"fractional risk", `{"rules":[{"dimension":"D1","risk":1.5}]}`, []fieldWant{{"rules[0].risk", iop.ErrUnknown}}},
		{"risk left out", `{"rules":[{"dimension":"D1","min":"1"}]}`, []fieldWant{{"rules[0].risk", iop.ErrMissing}}},
		{"unknown modifier", `{"modifiers":[{"modifier":"homeless"}]}`, []fieldWant{{"modifiers[0].modifier", iop.ErrUnknown}}},
		{"not an object", `[]`, []fieldWant{{"", iop.ErrSyntax}}},
		{"every error", `{"levels":["2.2","9"],"rules":[{"dimension":"D9"},{"risk":7}]}`, []fieldWant{
			{"levels[0]", iop.ErrUnknown}, {"levels[1]", iop.ErrUnknown},
			{"rules[0].dimension", iop.ErrUnknown}, {"rules[0].risk", iop.ErrMissing}, {"rules[1].risk", iop.ErrUnknown},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := eligibility.ParseCriteria([]byte(tt.in))
			requireFields(t, err, tt.want...)
			assert.True(t, c.IsZero())
		})
	}
}
