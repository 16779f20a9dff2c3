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
	assert.Equal(t, "D3 risk 2: 2.1-2.5", c.Rules[ruleIndex(eligibility.D3, 2)].String())
	rule, i, ok := c.RuleFor(eligibility.D5, eligibility.Risk3)
	require.True(t, ok)
	assert.Equal(t, ruleIndex(eligibility.D5, 3), i)
	assert.Equal(t, iop.Level25, rule.Min)
	_, i, ok = c.RuleFor(eligibility.D5, 0)
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
}

// parseEdited marshals the default criteria after edit and parses them back.
func parseEdited(t *testing.T, edit func(*eligibility.Criteria)) error {
	t.Helper()
	c := eligibility.DefaultCriteria()
	edit(&c)
	b, err := json.Marshal(c)
	require.NoError(t, err)
	got, err := eligibility.ParseCriteria(b)
	assert.True(t, got.Equal(eligibility.Criteria{}), "no half-built criteria on error")
	return err
}

func TestParseCriteriaRefusesRules(t *testing.T) {
	type re = eligibility.RuleError
	d3r2 := ruleIndex(eligibility.D3, 2)
	tests := []struct {
		name string
		edit func(*eligibility.Criteria)
		want iop.Errors
	}{
		{"a rating left unmapped", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules[:d3r2:d3r2], c.Rules[d3r2+1:]...)
		}, iop.Errors{
			&re{Field: "rules", Dimension: eligibility.D3, Risk: eligibility.Risk2, Err: eligibility.ErrUnmapped},
		}},
		{"a rating mapped twice to different levels", func(c *eligibility.Criteria) {
			r := c.Rules[d3r2]
			r.Min = iop.Level25
			c.Rules = append(c.Rules, r)
		}, iop.Errors{
			&re{Field: "rules[30]", Dimension: eligibility.D3, Risk: eligibility.Risk2, With: "rules[12]", Err: eligibility.ErrContradiction},
		}},
		{"the same rule twice", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules, c.Rules[d3r2])
		}, iop.Errors{
			&re{Field: "rules[30]", Dimension: eligibility.D3, Risk: eligibility.Risk2, With: "rules[12]", Err: eligibility.ErrDuplicateRule},
		}},
		{"a higher risk needing less care", func(c *eligibility.Criteria) {
			c.Rules[ruleIndex(eligibility.D4, 3)].Min = iop.Level1
		}, iop.Errors{
			&re{Field: "rules[18]", Dimension: eligibility.D4, Risk: eligibility.Risk3, With: "rules[17]", Err: eligibility.ErrContradiction},
		}},
		{"a rating that maps to nothing", func(c *eligibility.Criteria) {
			c.Rules[ruleIndex(eligibility.D2, 1)].Min = iop.Level21
			c.Rules[ruleIndex(eligibility.D2, 1)].Max = iop.Level1
		}, iop.Errors{
			&re{Field: "rules[6]", Dimension: eligibility.D2, Risk: eligibility.Risk1, Err: eligibility.ErrMapsToNothing},
			&re{Field: "rules[7]", Dimension: eligibility.D2, Risk: eligibility.Risk2, With: "rules[6]", Err: eligibility.ErrContradiction},
		}},
		{"a rule with no levels", func(c *eligibility.Criteria) {
			c.Rules[0].Min, c.Rules[0].Max = 0, 0
		}, iop.Errors{
			&re{Field: "rules[0].min", Dimension: eligibility.D1, Risk: eligibility.Risk0, Err: eligibility.ErrMapsToNothing},
			&re{Field: "rules[0].max", Dimension: eligibility.D1, Risk: eligibility.Risk0, Err: eligibility.ErrMapsToNothing},
		}},
		{"a level outside the criteria", func(c *eligibility.Criteria) {
			c.Rules[0].Max = iop.Level33
		}, iop.Errors{
			&re{Field: "rules[0].max", Dimension: eligibility.D1, Risk: eligibility.Risk0, Err: eligibility.ErrLevelNotInCriteria},
		}},
		{"an uncited rule", func(c *eligibility.Criteria) {
			c.Rules[29].Cite = iop.Citation{}
		}, iop.Errors{
			&re{Field: "rules[29].cite", Dimension: eligibility.D6, Risk: eligibility.Risk4, Err: iop.ErrMissingCitation},
		}},
		{"a rule without dimension or rating", func(c *eligibility.Criteria) {
			c.Rules = append(c.Rules, eligibility.Rule{Min: iop.Level1, Max: iop.Level1, Cite: c.Source})
		}, iop.Errors{
			&re{Field: "rules[30].dimension", Err: iop.ErrMissing},
			&re{Field: "rules[30].risk", Err: iop.ErrMissing},
		}},
		{"modifier rules", func(c *eligibility.Criteria) {
			c.Modifiers = append(c.Modifiers,
				eligibility.ModifierRule{Modifier: eligibility.ModImminentDanger, Floor: iop.Level4, Cite: c.Source},
				c.Modifiers[0],
				eligibility.ModifierRule{Floor: iop.Level33},
			)
		}, iop.Errors{
			&re{Field: "modifiers[5]", Modifier: eligibility.ModImminentDanger, With: "modifiers[1]", Err: eligibility.ErrContradiction},
			&re{Field: "modifiers[6]", Modifier: eligibility.ModWithdrawalMonitoring, With: "modifiers[0]", Err: eligibility.ErrDuplicateRule},
			&re{Field: "modifiers[7].modifier", Err: iop.ErrMissing},
			&re{Field: "modifiers[7].floor", Err: eligibility.ErrLevelNotInCriteria},
			&re{Field: "modifiers[7].cite", Err: iop.ErrMissingCitation},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := parseEdited(t, tt.edit)
			var got iop.Errors
			require.ErrorAs(t, err, &got)
			assert.Equal(t, tt.want, got)
			var first *eligibility.RuleError
			require.ErrorAs(t, err, &first)
			assert.Equal(t, tt.want[0], first)
		})
	}
}

func TestCriteriaValidateFields(t *testing.T) {
	type fe = iop.FieldError
	tests := []struct {
		name string
		edit func(*eligibility.Criteria)
		want iop.Errors
	}{
		{"identity", func(c *eligibility.Criteria) {
			c.ID, c.Title, c.Edition, c.Source = "", "", 0, iop.Citation{}
		}, iop.Errors{
			&fe{Field: "id", Err: iop.ErrMissing}, &fe{Field: "title", Err: iop.ErrMissing},
			&fe{Field: "edition", Err: iop.ErrMissing}, &fe{Field: "source", Err: iop.ErrMissingCitation},
		}},
		{"unknown edition and population", func(c *eligibility.Criteria) { c.Edition, c.Population = 7, 7 }, iop.Errors{
			&fe{Field: "edition", Err: iop.ErrUnknownEdition}, &fe{Field: "population", Err: iop.ErrUnknownPopulation},
		}},
		{"adolescents in the 4th edition", func(c *eligibility.Criteria) {
			c.Edition, c.Population = iop.Edition4, iop.Adolescent
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
		}, iop.Errors{&fe{Field: "population", Err: eligibility.ErrPopulationNotInEdition}}},
		{"levels", func(c *eligibility.Criteria) {
			c.Levels = append(c.Levels, iop.Level2WM, iop.Level15, iop.Level25, 0)
		}, iop.Errors{
			&fe{Field: "levels[8]", Err: eligibility.ErrWithdrawalAxis},
			&fe{Field: "levels[9]", Err: iop.ErrLevelNotInEdition},
			&fe{Field: "levels[10]", Err: eligibility.ErrLevelOrder},
			&fe{Field: "levels[11]", Err: iop.ErrUnknownLevel},
		}},
		{"no levels", func(c *eligibility.Criteria) { c.Levels = nil }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := eligibility.DefaultCriteria()
			tt.edit(&c)
			err := c.Validate()
			var got iop.Errors
			require.ErrorAs(t, err, &got)
			if tt.want == nil {
				// Without levels every rule's levels are outside the criteria.
				require.NotEmpty(t, got)
				assert.Equal(t, &fe{Field: "levels", Err: iop.ErrMissing}, got[0])
				var re *eligibility.RuleError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, &eligibility.RuleError{Field: "rules[0].min", Dimension: eligibility.D1, Risk: eligibility.Risk0,
					Err: eligibility.ErrLevelNotInCriteria}, re)
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestParseCriteriaRefusesJSON(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		field string
		err   error
	}{
		{"unknown field", `{"id":"x","weights":[]}`, "weights", iop.ErrUnknownField},
		{"unknown level", `{"levels":["2.2"]}`, "levels[0]", iop.ErrUnknownLevel},
		{"unknown dimension", `{"rules":[{"dimension":"D9"}]}`, "rules[0].dimension", eligibility.ErrUnknownDimension},
		{"fractional risk", `{"rules":[{"dimension":"D1","risk":1.5}]}`, "rules[0].risk", eligibility.ErrUnknownRisk},
		{"unknown modifier", `{"modifiers":[{"modifier":"homeless"}]}`, "modifiers[0].modifier", eligibility.ErrUnknownModifier},
		{"not an object", `[]`, "", iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eligibility.ParseCriteria([]byte(tt.in))
			require.ErrorIs(t, err, tt.err)
			var fe *iop.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
		})
	}
}

func TestRuleErrorMessage(t *testing.T) {
	tests := []struct {
		err  eligibility.RuleError
		want string
	}{
		{eligibility.RuleError{Field: "rules[30]", Dimension: eligibility.D3, Risk: eligibility.Risk2, With: "rules[12]", Err: eligibility.ErrContradiction},
			"eligibility: rule D3 risk 2 (rules[30]): contradictory rules: conflicts with rules[12]"},
		{eligibility.RuleError{Field: "rules", Dimension: eligibility.D3, Risk: eligibility.Risk2, Err: eligibility.ErrUnmapped},
			"eligibility: rule D3 risk 2 (rules): risk rating mapped by no rule"},
		{eligibility.RuleError{Field: "modifiers[1].floor", Modifier: eligibility.ModImminentDanger, Err: eligibility.ErrLevelNotInCriteria},
			"eligibility: rule imminent-danger (modifiers[1].floor): level of care not in the criteria's levels"},
		{eligibility.RuleError{Field: "rules[3].risk", Err: iop.ErrMissing},
			"eligibility: rule rules[3].risk: missing"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
}
