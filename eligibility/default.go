package eligibility

import "github.com/ioprules/ioprules/iop"

// DefaultCriteria returns the criteria this library builds from public
// sources, for the ASAM 3rd edition (2013), adults and adolescents. They are
// not ASAM's criteria: ASAM's text and decision software are proprietary
// and not shipped. Every rule cites its source; the package documentation
// says which rule comes from which.
//
// Levels: 0.5, 1, 2.1, 2.5, 3.1, 3.5, 3.7, 4 (3.3, for adults with
// cognitive impairment, is left to clinical judgement; withdrawal
// management is recorded as a modifier, not placed). Ratings map to levels
// as follows (Min-Max):
//
//	risk  D1       D2       D3       D4       D5       D6
//	0     0.5-1    0.5-1    0.5-1    0.5-1    0.5-1    0.5-1
//	1     0.5-2.1  0.5-2.1  0.5-2.1  1-2.1    1-2.1    1-2.1
//	2     2.1-2.5  1-2.5    2.1-2.5  2.1-2.5  2.1-2.5  2.1-3.1
//	3     3.7      3.7      2.5-3.7  2.5-3.5  2.5-3.5  3.1-3.5
//	4     4        4        4        3.5      3.5      3.1-3.5
//
// Modifiers: imminent danger sets a floor of 3.7; an unsupportive
// environment and a failed lower level set a floor of 2.1; withdrawal
// monitoring and co-occurring conditions set none but are reported with
// the decision. Each call returns a new value.
func DefaultCriteria() Criteria {
	type span struct{ min, max iop.Level }
	const (
		l05, l1, l21, l25 = iop.Level05, iop.Level1, iop.Level21, iop.Level25
		l31, l35, l37, l4 = iop.Level31, iop.Level35, iop.Level37, iop.Level4
	)
	table := [NumDimensions][NumRisks]span{
		{{l05, l1}, {l05, l21}, {l21, l25}, {l37, l37}, {l4, l4}},  // D1
		{{l05, l1}, {l05, l21}, {l1, l25}, {l37, l37}, {l4, l4}},   // D2
		{{l05, l1}, {l05, l21}, {l21, l25}, {l25, l37}, {l4, l4}},  // D3
		{{l05, l1}, {l1, l21}, {l21, l25}, {l25, l35}, {l35, l35}}, // D4
		{{l05, l1}, {l1, l21}, {l21, l25}, {l25, l35}, {l35, l35}}, // D5
		{{l05, l1}, {l1, l21}, {l21, l31}, {l31, l35}, {l31, l35}}, // D6
	}
	rules := make([]Criterion, 0, NumDimensions*NumRisks)
	for d := Dimension1; d <= Dimension6; d++ {
		for r := Risk0; r <= Risk4; r++ {
			s := table[d-1][r]
			rules = append(rules, Criterion{Dimension: d, Risk: r, Min: s.min, Max: s.max, Cite: defaultCite(d, r)})
		}
	}
	return Criteria{
		ID:      "ioprules-public-3rd-v1",
		Title:   "Level-of-care criteria from public sources, ASAM 3rd edition dimensions",
		Edition: iop.Edition3,
		Source: iop.Citation{
			Source:  "Minn. R. 9530.6620-9530.6622; ASAM PPC-2R (2001) placement grids as state manuals reproduce them; SAMHSA TIP 47 (2006) and Advisory (2021)",
			Edition: "ioprules v0",
			Note:    "built from public sources; not The ASAM Criteria, whose text and software are proprietary: load licensed criteria with ParseCriteria",
		},
		Levels: []iop.Level{l05, l1, l21, l25, l31, l35, l37, l4},
		Rules:  rules,
		Modifiers: []ModifierRule{
			{Modifier: ModifierWithdrawalMonitoring, Cite: citeWithdrawalInIOP()},
			{Modifier: ModifierImminentDanger, Floor: l37, Cite: citeImminentDanger()},
			{Modifier: ModifierCoOccurring, Cite: citeCoOccurring()},
			{Modifier: ModifierUnsupportiveEnvironment, Floor: l21, Cite: citeUnsupportiveEnvironment()},
			{Modifier: ModifierFailedLowerLevel, Floor: l21, Cite: citeFailedLowerLevel()},
		},
	}
}

// defaultCite returns the citation of the default rule for rating r of
// dimension d: the risk description it reads, and where its level range
// comes from.
func defaultCite(d Dimension, r Risk) iop.Citation {
	safety := d.Role() == RoleSafety
	switch {
	case safety && r == Risk0:
		// Dimensions 1-3 do not call for treatment by themselves.
		return citeMinnRisk(d, levelsMinn)
	case safety && r == Risk1:
		return citeMinnRisk(d, levelsMinn+"; "+levelsSAMHSA)
	case !safety && r >= Risk3:
		return citeMinnRisk(d, levelsNotIV)
	}
	return citeMinnRisk(d, levelsPPC)
}
