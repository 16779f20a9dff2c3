package eligibility

import (
	"strconv"

	"github.com/ioprules/ioprules/iop"
)

// The citations of this package. Each function returns a fresh value: there
// is no package state. See the package documentation's References.

// readingNote says how a level range was drawn from a risk description.
const readingNote = "the level range for the rating is this library's reading of the public descriptions, not ASAM's criteria text"

// citeMinnRisk cites Minnesota's public risk descriptions (0-4) of
// dimension d and the treatment planning decision that goes with each.
func citeMinnRisk(d Dimension, levelsFrom string) iop.Citation {
	n := strconv.Itoa(int(d))
	return iop.Citation{
		Source:  "Minn. R. 9530.6622, subp. " + n + " (dimension " + n + " risk descriptions 0-4 and treatment planning decisions); levels: " + levelsFrom,
		Edition: "Rule 25 placement criteria, in use until 2022-07-01; Minnesota DHS Behavioral Health e-Memo (2022) allows providers to keep using the risk descriptions",
		Note:    readingNote,
	}
}

// levelsPPC names the source of the level ranges of most rules: the
// admission criteria by dimension of the earlier, public-domain-quoted ASAM
// editions, which state manuals reproduce, and the placement rule of
// Minnesota.
const levelsPPC = "ASAM PPC-2R (2001) adult admission criteria by dimension for levels I-IV, as state placement grids reproduce them; Minn. R. 9530.6620 (address the highest risk first)"

// levelsNotIV adds the PPC statement that dimensions 4-6 alone do not
// qualify a person for level IV.
const levelsNotIV = levelsPPC + "; problems in dimensions 4-6 alone do not qualify for level IV"

// levelsSAMHSA is SAMHSA's statement of whom IOP serves.
const levelsSAMHSA = "SAMHSA Advisory (2021): IOP serves people at minimal risk in withdrawal, health and psychological conditions"

// levelsMinn is Minnesota's placement rule for dimensions 1-3.
const levelsMinn = "Minn. R. 9530.6620 (services for dimensions 1-3 only together with treatment)"

func citeSAMHSAAdvisory() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA Advisory, Clinical Issues in Intensive Outpatient Treatment for Substance Use Disorders (IOP as primary care, step-down from 24-hour care, step-up from outpatient)",
		Edition: "2021, based on TIP 47",
	}
}

func citeTIP47() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA TIP 47, Substance Abuse: Clinical Issues in Intensive Outpatient Treatment, ch. 1 (IOT in the continuum of care; continuing care)",
		Edition: "2006",
	}
}

func citeWithdrawalInIOP() iop.Citation {
	return iop.Citation{
		Source:  "12VAC30-130-5090 (Virginia Medicaid ARTS, ASAM level 2.1: withdrawal management provided as necessary); Minn. R. 9530.6622, subp. 1 (withdrawal monitoring for ratings 1-2)",
		Edition: "as read 2025",
	}
}

func citeCoOccurring() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA TIP 42, Substance Use Disorder Treatment for People With Co-Occurring Disorders (co-occurring capable programs)",
		Edition: "2020 revision",
	}
}

func citeImminentDanger() iop.Citation {
	return iop.Citation{
		Source:  "The ASAM Criteria: imminent danger calls for 24-hour care, as state manuals summarise it; Minn. R. 9530.6622, subps. 1-3 (ratings 3-4 describe danger to self or others)",
		Edition: "3rd edition (2013); Rule 25, in use until 2022-07-01",
		Note:    "24-hour medically monitored care (3.7) as the floor is this library's reading",
	}
}

func citeUnsupportiveEnvironment() iop.Citation {
	return iop.Citation{
		Source:  "ASAM PPC-2R (2001) level II.1 admission criteria, dimension 6: an environment that does not support recovery, with which the person can cope given a structured program",
		Edition: "as state placement grids reproduce it",
		Note:    "intensive outpatient (2.1) as the floor is this library's reading",
	}
}

func citeFailedLowerLevel() iop.Citation {
	c := citeSAMHSAAdvisory()
	c.Note = "intensive outpatient (2.1) as the floor after outpatient care has not worked is this library's reading"
	return c
}

func citeVariance() iop.Citation {
	return iop.Citation{
		Source:  "County of San Diego BHS, Adult Initial Level of Care Assessment, DMC-ODS form F104c: recommended level, actual level and the reason for any discrepancy",
		Edition: "July 2019",
	}
}

func citeNextAvailable() iop.Citation {
	return iop.Citation{
		Source:  "Anthem Clinical UM Guideline CG-BEH-04, Substance-Related and Addictive Disorder Treatment: where the indicated level is not available, the next more intensive available level",
		Edition: "effective 2015-05-11",
	}
}

func citeContinuedStay() iop.Citation {
	return iop.Citation{
		Source:  "Anthem Clinical UM Guideline CG-BEH-04: continuing a level depends on the persistence of the findings that led to admission and on the person-centered treatment plan",
		Edition: "effective 2015-05-11",
	}
}

// citeLibrary cites a rule that is this library's own consistency check.
func citeLibrary(note string) iop.Citation {
	return iop.Citation{Source: "ioprules eligibility", Edition: "v0", Note: note}
}

// The catalog citations of the rules in the rule table that the
// functions above do not give: each is the general source of its rule. A
// checker's rule table cites the profile's rule group instead when the
// profile has one; a decision cites the rules of the criteria it applied.

func citeRaisedByModifier() iop.Citation {
	return iop.Citation{
		Source:  "Minn. R. 9530.6620 (placement addresses the highest risk); ASAM PPC-2R (2001) admission criteria as state placement grids reproduce them",
		Edition: "Rule 25, in use until 2022-07-01; PPC-2R 2001",
		Note:    "the decision cites the criteria's modifier rule that set the floor",
	}
}

func citeWeeklyHours() iop.Citation {
	return iop.Citation{
		Source:  "SAMHSA Advisory, Clinical Issues in Intensive Outpatient Treatment for Substance Use Disorders (at least 9 hours a week for adults, 6 for adolescents); The ASAM Criteria level 2.1 band, below level 2.5's 20 hours, as payer policies quote it",
		Edition: "2021; ASAM 3rd edition (2013)",
		Note:    "the band comes from the profile applied, and a checker's rule table cites the profile's weekly rules; Medicare's IOP rules (42 CFR 410.44) set a 9-hour minimum and no maximum",
	}
}

func citeStayLimit() iop.Citation {
	c := citeContinuedStay()
	c.Note = "the day after which a written justification is due comes from the profile applied (a state or payer rule); a checker's rule table cites the profile's stay rules"
	return c
}

func citeTypicalStay() iop.Citation {
	c := citeTIP47()
	c.Note = "the typical length of stay comes from the profile applied; a checker's rule table cites the profile's stay rules"
	return c
}

func citeStepDown() iop.Citation {
	c := citeTIP47()
	c.Note = "the number of weeks comes from the profile applied; several state manuals allow fewer weekly hours for 1-2 weeks after a step-down (unconfirmed as a general rule); a checker's rule table cites the profile's step-down rules"
	return c
}

func citePatientCriteria() iop.Citation {
	return iop.Citation{Source: "42 CFR 410.44(c) (IOP), 410.43(c) (PHP): the patients the program is for",
		Edition: "as amended by the CY2024 OPPS final rule (88 FR 81540)",
		Note:    "paragraph (c) of either section not read in a stored copy; the criteria as Medicare contractors state them (NGS IOP page; Noridian JF PHP page, both read 2026-12-07); a profile's patient rules cite their own source"}
}
