package aftercare

import (
	"slices"
	"strconv"

	"github.com/ioprules/ioprules/internal/check"
	"github.com/ioprules/ioprules/iop"
	"github.com/rickb777/date/v2"
)

// Case is one episode with its aftercare plan: the unit
// [Checker.Measure] counts. The zero Plan means no plan was made. In JSON
// a case is {"episode":{...},"plan":{...}}, the plan left out when zero.
type Case struct {
	Episode Episode `json:"episode"`
	Plan    Plan    `json:"plan,omitzero"`
	// PriorDischarge is the day the person was discharged from the level
	// of care before the IOP (inpatient, residential, withdrawal
	// management): the index event of HEDIS FUI and FUH, which the IOP
	// admission follows up. Zero when there was none.
	PriorDischarge date.Date `json:"prior_discharge,omitzero"`
	// EDVisit is the day of an emergency department visit the caller
	// records: the index event of HEDIS FUA and FUM. Zero when none.
	EDVisit date.Date `json:"ed_visit,omitzero"`
}

// indexDay returns the day of index event e for the case, and false when
// the case has none.
func (c *Case) indexDay(e IndexEvent) (date.Date, bool) {
	var d date.Date
	switch e {
	case IndexEventEpisodeStart:
		if ev, ok := c.Episode.AdmissionEvent(); ok {
			d = ev.On
		}
	case IndexEventHigherLevelDischarge:
		d = c.PriorDischarge
	case IndexEventEDVisit:
		d = c.EDVisit
	}
	return d, d != date.Zero
}

// UnmarshalJSON decodes a case strictly: the episode as
// [Episode.UnmarshalJSON] does (replaying its history), the plan as
// [Plan.UnmarshalJSON] does (a document that is not valid UTF-8 is refused
// whole). It reports every error of the decoding, as
// [iop.FieldErrors] ("episode.events[2].on", "plan.made"), and leaves c
// unchanged on error. It does not validate the plan, and null leaves c
// unchanged: [ParseCase] does both.
func (c *Case) UnmarshalJSON(data []byte) error {
	var v Case
	if err := decode(data, &v); err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCase decodes a case from JSON as [Case.UnmarshalJSON] does, and
// refuses a case without an episode ("episode" wrapping [iop.ErrMissing])
// or with a plan that [Plan.Validate] refuses ("plan.<field>"): the error
// is [iop.FieldErrors] with every error found. A refused case comes back
// as the zero Case.
func ParseCase(data []byte) (Case, error) {
	var c Case
	if err := decode(data, &c); err != nil {
		return Case{}, err
	}
	var errs iop.FieldErrors
	if c.Episode.IsZero() {
		errs.Add("episode", iop.ErrMissing)
	}
	errs.Add("plan", c.Plan.Validate())
	if len(errs) > 0 {
		return Case{}, errs
	}
	return c, nil
}

// Rate is a share: Met of Eligible. The zero Rate has nothing eligible.
type Rate struct {
	// Name names what is counted: a follow-up window's name, or
	// "completion".
	Name     string `json:"name"`
	Met      int    `json:"met"`
	Eligible int    `json:"eligible"`
}

// Percent returns Met as a percentage of Eligible, and false when nothing
// is eligible.
func (r Rate) Percent() (float64, bool) {
	if r.Eligible <= 0 {
		return 0, false
	}
	return 100 * float64(r.Met) / float64(r.Eligible), true
}

// Measures are the figures programs report over many episodes: how many
// were discharged and why, and, for each follow-up window of the profile,
// the share of discharges followed up within it.
type Measures struct {
	// Discharges counts the episodes with a discharge.
	Discharges int `json:"discharges"`
	// Completed, Transferred and Planned count the discharges with
	// [DischargeReasonCompleted], with [DischargeReasonTransferred], and planned ones.
	Completed   int `json:"completed"`
	Transferred int `json:"transferred"`
	Planned     int `json:"planned"`
	// FollowUp holds one rate per window of the profile, in its order.
	// A discharge is eligible for a window once the window has closed or
	// been met by the day judged; discharges for death and steps up to
	// more intensive care are left out, as HEDIS leaves them out.
	FollowUp []Rate `json:"follow_up"`
}

// Completion returns the completion rate: discharges with
// [DischargeReasonCompleted] of all discharges, as TEDS-D reports it.
func (m Measures) Completion() Rate {
	return Rate{Name: "completion", Met: m.Completed, Eligible: m.Discharges}
}

// Window returns the rate of the follow-up window named name.
func (m Measures) Window(name string) (Rate, bool) {
	for _, r := range m.FollowUp {
		if r.Name == name {
			return r, true
		}
	}
	return Rate{}, false
}

// Measure computes the measures over cases with the follow-up windows of
// the Checker's profile, as of day asOf. A window counted from the
// program's discharge counts the episodes with a discharge; a HEDIS
// window counts from its measure's own index event ([IndexEvent]: the
// episode's admission for IET, [Case.PriorDischarge] for FUI and FUH,
// [Case.EDVisit] for FUA and FUM), the IOP admission being a contact kept
// on its day, in every case that has the event. The error is [iop.FieldErrors] with every error of
// [Plan.Validate] of the cases counted, at "cases[i].plan.<field>"; the
// Measures are then zero. The zero Checker returns an error. Measure
// allocates the FollowUp slice of its result and, for windows counted
// from an index event, a few small slices per case.
func (ck Checker) Measure(cases []Case, asOf date.Date) (Measures, error) {
	if ck.r == nil {
		return Measures{}, check.ZeroChecker()
	}
	var errs iop.FieldErrors
	for i := range cases {
		if _, ok := cases[i].Episode.DischargeEvent(); !ok {
			continue
		}
		if err := cases[i].Plan.Validate(); err != nil {
			errs.Add("cases["+strconv.Itoa(i)+"].plan", err)
		}
	}
	if len(errs) > 0 {
		return Measures{}, errs
	}
	ws := ck.r.followUp.Windows
	m := Measures{FollowUp: make([]Rate, len(ws))}
	for i, w := range ws {
		m.FollowUp[i].Name = w.Name
	}
	var buf [maxStackWindows]windowResult
	// The windows counted from the program's discharge, and those counted
	// from a HEDIS measure's own index event, apart.
	disch, dIdx := ws, []int(nil) // all from the discharge: no copy
	indexed := slices.ContainsFunc(ws, func(w FollowUpWindow) bool { return w.Index != 0 })
	if indexed {
		disch = nil
		for j, w := range ws {
			if w.Index == 0 {
				disch, dIdx = append(disch, w), append(dIdx, j)
			}
		}
	}
	for i := range cases {
		c := &cases[i]
		if indexed {
			m.indexed(c, ws, asOf)
		}
		ev, ok := c.Episode.DischargeEvent()
		if !ok {
			continue
		}
		d := ev.Discharge
		m.Discharges++
		if d.Reason == DischargeReasonCompleted {
			m.Completed++
		}
		if d.Reason == DischargeReasonTransferred {
			m.Transferred++
		}
		if d.Planned {
			m.Planned++
		}
		if !followUpApplies(d) {
			continue
		}
		for k, r := range evalWindows(buf[:0], disch, ev.On, c.Plan.Contacts, asOf) {
			j := k
			if dIdx != nil {
				j = dIdx[k]
			}
			if r.met != 0 {
				m.FollowUp[j].Met++
			}
			if r.met != 0 || r.closed {
				m.FollowUp[j].Eligible++
			}
		}
	}
	return m, nil
}

// indexed counts case c in the windows of ws that count from a HEDIS
// measure's own index event, when the case has that event: the IOP
// admission is a contact kept on its day (the initiation of IET, the
// follow-up of FUI, FUH, FUA and FUM), with the plan's contacts.
func (m *Measures) indexed(c *Case, ws []FollowUpWindow, asOf date.Date) {
	var contacts []Contact
	for _, e := range [...]IndexEvent{IndexEventEpisodeStart, IndexEventHigherLevelDischarge, IndexEventEDVisit} {
		from, ok := c.indexDay(e)
		if !ok {
			continue
		}
		var group []FollowUpWindow
		var idx []int
		for j, w := range ws {
			if w.Index == e {
				group, idx = append(group, w), append(idx, j)
			}
		}
		if len(group) == 0 {
			continue
		}
		if contacts == nil {
			if adm, ok := c.Episode.AdmissionEvent(); ok {
				contacts = append(contacts, Contact{On: adm.On, Status: ContactStatusKept})
			}
			contacts = append(contacts, c.Plan.Contacts...)
			slices.SortStableFunc(contacts, func(a, b Contact) int { return int(a.On - b.On) })
		}
		for k, r := range evalWindows(nil, group, from, contacts, asOf) {
			j := idx[k]
			if r.met != 0 {
				m.FollowUp[j].Met++
			}
			if r.met != 0 || r.closed {
				m.FollowUp[j].Eligible++
			}
		}
	}
}
