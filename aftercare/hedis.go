package aftercare

import (
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/internal/enum"
	"github.com/ioprules/ioprules/iop"
)

// Measure is a named follow-up measure of NCQA's HEDIS set: a window after
// an index event (a discharge, an emergency visit, the start of a new
// treatment episode) within which a follow-up contact must happen. Each
// measure has its own day convention: whether a contact on the index day
// itself counts. The zero Measure is unset and not valid.
type Measure uint8

// The HEDIS follow-up measures, by window.
const (
	_                    Measure = iota
	MeasureIETInitiation         // IET: treatment initiated on the episode date or in the 13 days after (14 days, index day counts)
	MeasureIETEngagement         // IET: 2 or more further services from the day after initiation through day 34
	MeasureFUA7                  // FUA: follow-up within 7 days of an ED visit for substance use (8 days, visit day counts)
	MeasureFUA30                 // FUA: follow-up within 30 days of an ED visit for substance use (31 days, visit day counts)
	MeasureFUM7                  // FUM: follow-up within 7 days of an ED visit for mental illness (8 days, visit day counts)
	MeasureFUM30                 // FUM: follow-up within 30 days of an ED visit for mental illness (31 days, visit day counts)
	MeasureFUH7                  // FUH: follow-up within 7 days after a hospitalization for mental illness (discharge day does not count)
	MeasureFUH30                 // FUH: follow-up within 30 days after a hospitalization for mental illness (discharge day does not count)
	MeasureFUI7                  // FUI: follow-up within 7 days after high-intensity SUD care (discharge day does not count)
	MeasureFUI30                 // FUI: follow-up within 30 days after high-intensity SUD care (discharge day does not count)
)

var measures = enum.New[Measure]("Measure", "aftercare.Measure.UnmarshalText", check.EnumFail, []string{
	MeasureIETInitiation: "iet-initiation",
	MeasureIETEngagement: "iet-engagement",
	MeasureFUA7:          "fua-7",
	MeasureFUA30:         "fua-30",
	MeasureFUM7:          "fum-7",
	MeasureFUM30:         "fum-30",
	MeasureFUH7:          "fuh-7",
	MeasureFUH30:         "fuh-30",
	MeasureFUI7:          "fui-7",
	MeasureFUI30:         "fui-30",
})

// IsValid reports whether m is a known measure.
func (m Measure) IsValid() bool { return measures.Valid(m) }

// String returns the measure's name ("fuh-7", "iet-initiation"), and
// "%!Measure(n)" for an invalid value.
func (m Measure) String() string { return measures.String(m) }

// MarshalText implements [encoding.TextMarshaler]; an invalid value is an error.
func (m Measure) MarshalText() ([]byte, error) { return measures.Marshal(m) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it accepts exactly what String writes.
func (m *Measure) UnmarshalText(b []byte) error { return measures.Unmarshal(m, b) }

// Window returns the measure's follow-up window, with its day convention
// and citation, named by the measure. The window counts from the index
// event: for the library's use after an IOP discharge, the discharge (HEDIS
// has no measure of follow-up after an IOP or PHP discharge; a profile
// lists the measures it holds a program to).
func (m Measure) Window() FollowUpWindow {
	w := FollowUpWindow{Name: m.String(), Measure: m}
	switch m {
	case MeasureIETInitiation:
		w.Days, w.SameDayCounts, w.Cite = 13, true, citeIET()
	case MeasureIETEngagement:
		w.Days, w.Contacts, w.After, w.Cite = 34, 2, MeasureIETInitiation.String(), citeIET()
	case MeasureFUA7, MeasureFUA30:
		w.SameDayCounts, w.Cite = true, citeHEDIS("Follow-Up After Emergency Department Visit for Substance Use (FUA)",
			"ages 13 and older; a follow-up on the date of the ED visit counts: 7 days spans 8 days, 30 days 31",
			"https://www.ncqa.org/hedis/measures/follow-up-after-emergency-department-visit-for-substance-use/")
	case MeasureFUM7, MeasureFUM30:
		w.SameDayCounts, w.Cite = true, citeHEDIS("Follow-Up After Emergency Department Visit for Mental Illness (FUM)",
			"ages 6 and older; a follow-up on the date of the ED visit counts",
			"https://www.ncqa.org/hedis/measures/follow-up-after-emergency-department-visit-for-mental-illness/")
	case MeasureFUH7, MeasureFUH30:
		w.Cite = citeHEDIS("Follow-Up After Hospitalization for Mental Illness (FUH)",
			"ages 6 and older; a follow-up on the discharge date does not count",
			"https://www.ncqa.org/hedis/measures/follow-up-after-hospitalization-for-mental-illness/")
	case MeasureFUI7, MeasureFUI30:
		w.Cite = citeHEDIS("Follow-Up After High-Intensity Care for Substance Use Disorder (FUI)",
			"ages 13 and older; the follow-up must be on a date after the discharge",
			"https://www.ncqa.org/hedis/measures/follow-up-after-high-intensity-care-for-substance-use-disorder/")
	default:
		return FollowUpWindow{}
	}
	switch m {
	case MeasureIETInitiation, MeasureIETEngagement:
		w.Index = IndexEventEpisodeStart
	case MeasureFUA7, MeasureFUA30, MeasureFUM7, MeasureFUM30:
		w.Index = IndexEventEDVisit
	case MeasureFUH7, MeasureFUH30, MeasureFUI7, MeasureFUI30:
		w.Index = IndexEventHigherLevelDischarge
	}
	switch m {
	case MeasureFUA7, MeasureFUM7, MeasureFUH7, MeasureFUI7:
		w.Days = 7
	case MeasureFUA30, MeasureFUM30, MeasureFUH30, MeasureFUI30:
		w.Days = 30
	}
	return w
}

func citeHEDIS(title, note, url string) iop.Citation {
	return iop.Citation{
		Source: "NCQA HEDIS", Title: title, Edition: "measurement years 2024-2026", URL: url,
		Note: note + "; read from NCQA's measure description and health-plan tip sheets that restate the technical specifications (secondary), not the licensed specification",
	}
}

func citeIET() iop.Citation {
	return iop.Citation{
		Source: "NCQA HEDIS", Title: "Initiation and Engagement of Substance Use Disorder Treatment (IET)",
		Edition: "measurement years 2024-2026",
		URL:     "https://www.ncqa.org/hedis/measures/initiation-and-engagement-of-substance-use-disorder-treatment/",
		Note:    "ages 13 and older; initiation on the episode date or in the 13 days after; engagement: 2 or more further services through 34 days after initiation; secondary reading (tip sheets), not the licensed specification",
	}
}

// FollowUpOf returns the follow-up part of the measures ms, in order.
func FollowUpOf(ms ...Measure) FollowUp {
	var r FollowUp
	for _, m := range ms {
		r.Windows = append(r.Windows, m.Window())
	}
	return r
}

// DischargeFollowUp returns follow-up windows after the discharge from
// the program, of the given lengths in days ("discharge-7",
// "discharge-30"; a contact on the discharge day does not count), as a
// program's or a payer's rule cited by cite. It is not a HEDIS measure:
// each HEDIS measure counts from its own index event (IET from the start
// of a new treatment episode, often the IOP admission itself; FUI and FUH
// from the discharge of a higher level, which the IOP admission follows
// up; FUA and FUM from an emergency department visit), never from an IOP
// discharge (RULES.md §6).
func DischargeFollowUp(cite iop.Citation, days ...int) FollowUp {
	var r FollowUp
	for _, d := range days {
		r.Windows = append(r.Windows, FollowUpWindow{Name: "discharge-" + strconv.Itoa(d), Days: d, Cite: cite})
	}
	return r
}
