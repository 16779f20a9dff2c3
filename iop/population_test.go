package iop_test

import (
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAgeOn(t *testing.T) {
	d := func(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }
	tests := []struct {
		name      string
		birth, on date.Date
		want      int
	}{
		{"day before 18th birthday", d(2007, 6, 15), d(2025, 6, 14), 17},
		{"18th birthday", d(2007, 6, 15), d(2025, 6, 15), 18},
		{"born today", d(2025, 6, 15), d(2025, 6, 15), 0},
		{"leap-day birth, Feb 28 of a common year", d(2008, 2, 29), d(2026, 2, 28), 17},
		{"leap-day birth, Mar 1 of a common year", d(2008, 2, 29), d(2026, 3, 1), 18},
		{"leap-day birth, Feb 29 of a leap year", d(2008, 2, 29), d(2028, 2, 29), 20},
		{"leap-day birth, Feb 28 of a leap year", d(2008, 2, 29), d(2028, 2, 28), 19},
		{"Dec 31 birth on Jan 1", d(2006, 12, 31), d(2025, 1, 1), 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := iop.AgeOn(tt.birth, tt.on)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got, "AgeOn(%s, %s)", tt.birth, tt.on)
		})
	}
	_, err := iop.AgeOn(d(2025, 1, 2), d(2025, 1, 1))
	require.ErrorIs(t, err, iop.ErrOrder)
}

func TestPopulationOn(t *testing.T) {
	rules := ioprules.ASAM3Level21().Ages
	birth := date.New(2007, 6, 15)
	p, err := rules.PopulationOn(birth, date.New(2025, 6, 14))
	require.NoError(t, err)
	assert.Equal(t, iop.PopulationAdolescent, p, "the day before the 18th birthday")
	p, err = rules.PopulationOn(birth, date.New(2025, 6, 15))
	require.NoError(t, err)
	assert.Equal(t, iop.PopulationAdult, p, "on the 18th birthday")

	dc := ioprules.DCLevel21().Ages
	p, err = dc.PopulationOn(birth, date.New(2025, 6, 15))
	require.NoError(t, err)
	assert.Equal(t, iop.PopulationAdolescent, p, "DC counts people under 21 in the youth band")

	_, err = iop.AgeRules{}.PopulationOn(birth, date.New(2025, 6, 15))
	var fe *iop.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "ages.adult_age", fe.Field)
	require.ErrorIs(t, err, iop.ErrMissing)

	_, err = rules.PopulationOn(birth, birth-1)
	require.ErrorIs(t, err, iop.ErrOrder, "born after the day: the error its doc names")

	young := iop.AgeRules{AdultAge: 18, MinAge: 12}
	_, err = young.PopulationAt(11)
	require.ErrorIs(t, err, iop.ErrOutOfRange)
	p, err = young.PopulationAt(12)
	require.NoError(t, err)
	assert.Equal(t, iop.PopulationAdolescent, p)
}

func TestMayJoin(t *testing.T) {
	illinois := iop.AgeRules{AdultAge: 18, MinAge: 12, AdolescentMaxAge: 22, AdultMinAge: 16}
	plain := iop.AgeRules{AdultAge: 18}
	tests := []struct {
		rules iop.AgeRules
		age   int
		p     iop.Population
		want  bool
	}{
		{illinois, 11, iop.PopulationAdolescent, false},
		{illinois, 12, iop.PopulationAdolescent, true},
		{illinois, 22, iop.PopulationAdolescent, true},
		{illinois, 23, iop.PopulationAdolescent, false},
		{illinois, 15, iop.PopulationAdult, false},
		{illinois, 16, iop.PopulationAdult, true},
		{plain, 17, iop.PopulationAdolescent, true},
		{plain, 18, iop.PopulationAdolescent, false},
		{plain, 17, iop.PopulationAdult, false},
		{plain, 18, iop.PopulationAdult, true},
		{plain, 30, iop.Population(0), false},
		{iop.AgeRules{}, 30, iop.PopulationAdult, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.rules.MayJoin(tt.age, tt.p), "%+v.MayJoin(%d, %s)", tt.rules, tt.age, tt.p)
	}
}

func TestParsePopulation(t *testing.T) {
	for _, p := range iop.All[iop.Population]() {
		got, err := iop.Parse[iop.Population](p.String())
		require.NoError(t, err)
		assert.Equal(t, p, got)
	}
	_, err := iop.Parse[iop.Population]("Adult")
	require.ErrorIs(t, err, iop.ErrUnknown)
	assert.Equal(t, "%!Population(7)", iop.Population(7).String())
}
