package schedule_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomSessions returns n sessions of patients p00..p(np-1) over span
// days from 2024-12-01, of every kind and attendance, about 1 in 20 invalid,
// grouped by patient (in order of ID when sorted) or not.
func randomSessions(r *rand.Rand, n, np, span int) []schedule.Session {
	kinds := iop.All[iop.ServiceKind]()
	out := make([]schedule.Session, n)
	for i := range out {
		s := schedule.Session{
			Patient: fmt.Sprintf("p%02d", r.IntN(np)),
			Date:    day(2024, 12, 1) + date.Date(r.IntN(span)),
			Planned: iop.Minutes(30 + r.IntN(180)),
			Kind:    kinds[r.IntN(len(kinds))],
		}
		s.Start, _ = schedule.ClockOf(8+r.IntN(8), r.IntN(60))
		switch r.IntN(5) {
		case 0:
			s.Attendance = schedule.AttendanceAbsent
		case 1:
			s.Attendance = schedule.AttendanceExcused
		case 2:
			s.Attendance, s.Attended = schedule.AttendancePartial, s.Planned-1-iop.Minutes(r.IntN(int(s.Planned)-1))
		default:
			s.Attendance = schedule.AttendanceAttended
		}
		if r.IntN(20) == 0 {
			s.Attended = s.Planned + 1 // invalid
		}
		if r.IntN(3) == 0 {
			s.Code = "H0015"
		}
		out[i] = s
	}
	return out
}

// reference summarises each patient-week of the valid sessions with
// Checker.Summarize, in order of patient ID and week: the slow twin of a
// Summarizer.
func reference(t *testing.T, ck schedule.Checker, weeksFor func(string) schedule.Weeks, sessions []schedule.Session) ([]schedule.WeekSummary, int) {
	byPatient := map[string][]schedule.Session{}
	invalid := 0
	for _, s := range sessions {
		if s.Validate() != nil {
			invalid++
			continue
		}
		byPatient[s.Patient] = append(byPatient[s.Patient], s)
	}
	var out []schedule.WeekSummary
	for _, id := range slices.Sorted(mapsKeys(byPatient)) {
		ws := weeksFor(id)
		var weeks []schedule.Week
		for _, s := range byPatient[id] {
			if w := ws.Of(s.Date); !slices.Contains(weeks, w) {
				weeks = append(weeks, w)
			}
		}
		slices.SortFunc(weeks, func(a, b schedule.Week) int { return cmp.Compare(a.Start(), b.Start()) })
		for _, w := range weeks {
			sum, err := ck.Summarize(w, byPatient[id])
			require.NoError(t, err)
			out = append(out, sum)
		}
	}
	return out, invalid
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestSummarizerMatchesReference(t *testing.T) {
	p := ioprules.MedicareIOP2025()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Counting.Codes = []string{"H0015"} }) // H0015 counts whatever the kind
	ck := checker(t, p)
	iso := func(string) schedule.Weeks { return schedule.ISOWeeks() }
	program := func(id string) schedule.Weeks {
		var n int
		_, _ = fmt.Sscanf(id, "p%d", &n)
		return must(schedule.ProgramWeeks(day(2024, 12, 1) + date.Date(n)))
	}
	r := rand.New(rand.NewPCG(7, 11))
	tests := []struct {
		name     string
		sessions []schedule.Session
		weeksFor func(string) schedule.Weeks
		order    string // "grouped", "shuffled", "mixed", "unsorted"
	}{
		{"few patients, many weeks", randomSessions(r, 3000, 3, 900), iso, ""},
		{"many patients, few weeks", randomSessions(r, 3000, 90, 20), iso, ""},
		{"program weeks per patient", randomSessions(r, 2000, 20, 120), program, ""},
		{"one patient over 80 weeks", randomSessions(r, 1000, 1, 560), iso, ""},
	}
	for _, tt := range tests {
		want, invalid := reference(t, ck, tt.weeksFor, tt.sessions)
		orders := map[string][]schedule.Session{}
		orders["as generated"] = tt.sessions
		grouped := slices.Clone(tt.sessions)
		slices.SortStableFunc(grouped, func(a, b schedule.Session) int { return cmp.Compare(a.Patient, b.Patient) })
		orders["grouped by ID"] = grouped
		reversed := slices.Clone(grouped)
		slices.Reverse(reversed)
		orders["grouped, IDs descending"] = reversed
		mixed := slices.Clone(grouped)
		mixed = append(mixed[len(mixed)/2:], mixed[:len(mixed)/2]...) // a patient split at the seam comes back
		mixed = append(mixed, grouped[0])
		orders["grouped, then one comes back"] = mixed
		for name, ss := range orders {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				wantHere, invalidHere := want, invalid
				if name == "grouped, then one comes back" {
					wantHere, invalidHere = reference(t, ck, tt.weeksFor, mixed)
				}
				sz, err := schedule.NewSummarizerFor(ck, tt.weeksFor)
				require.NoError(t, err)
				got, st := sz.Summarize(nil, ss)
				assert.Equal(t, wantHere, got)
				assert.Equal(t, schedule.BatchStats{Sessions: len(ss), Invalid: invalidHere, Patients: countPatients(wantHere), Weeks: len(wantHere)}, st)
				got2, st2 := sz.SummarizeSeq([]schedule.WeekSummary{{Patient: "keep"}}, slices.Values(ss))
				require.NotEmpty(t, got2)
				assert.Equal(t, schedule.WeekSummary{Patient: "keep"}, got2[0], "dst is appended to")
				assert.Equal(t, wantHere, got2[1:], "the iterator gives the same, and a reused Summarizer too")
				assert.Equal(t, st, st2)
			})
		}
	}
}

func countPatients(sums []schedule.WeekSummary) int {
	n := 0
	for i := range sums {
		if i == 0 || sums[i].Patient != sums[i-1].Patient {
			n++
		}
	}
	return n
}

func TestSummarizerUnplaced(t *testing.T) {
	ck := checker(t, ioprules.ASAM3Level21())
	none := func(id string) schedule.Weeks {
		if id == "p-nil" {
			return schedule.Weeks{}
		}
		return schedule.ISOWeeks()
	}
	sz, err := schedule.NewSummarizerFor(ck, none)
	require.NoError(t, err)
	noPatient, noDate, far, unschemed := at(mon, 60), at(0, 60), at(date.Max(), 60), at(mon, 60)
	noPatient.Patient, unschemed.Patient = "", "p-nil"
	bad := at(mon+1, 60)
	bad.Planned = -1
	later := at(mon, 1)
	later.Start = schedule.MustParseClock("13:00")
	tests := []struct {
		name     string
		sessions []schedule.Session
		want     schedule.BatchStats
		weeks    int
		first    int32 // sessions in the first summary
	}{
		{"in order", []schedule.Session{at(mon, 60), noPatient, noDate, far, unschemed, bad},
			schedule.BatchStats{Sessions: 6, Unplaced: 4, Invalid: 4, Patients: 1, Weeks: 1}, 1, 1},
		{"a patient comes back", []schedule.Session{unschemed, at(mon, 60), bad, noPatient, unschemed, at(mon+8, 60), noDate, far, later},
			schedule.BatchStats{Sessions: 9, Unplaced: 5, Invalid: 4, Patients: 1, Weeks: 2}, 2, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, st := sz.Summarize(nil, tt.sessions)
			assert.Equal(t, tt.want, st)
			require.Len(t, got, tt.weeks)
			assert.Equal(t, tt.first, got[0].Sessions, "an invalid session is in no summary")
		})
	}
	_, err = schedule.NewSummarizerFor(ck, nil)
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.NewSummarizer(ck, schedule.Weeks{})
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.NewSummarizerFor(schedule.Checker{}, none)
	require.ErrorIs(t, err, iop.ErrMissing)
	_, err = schedule.NewSummarizer(schedule.Checker{}, schedule.ISOWeeks())
	require.ErrorIs(t, err, iop.ErrMissing)
	empty, st := sz.Summarize(nil, nil)
	assert.Empty(t, empty)
	assert.Equal(t, schedule.BatchStats{}, st)
}

func TestSummarizerWideSpan(t *testing.T) {
	// Records of one patient two centuries apart come out in order of
	// week.
	ck := checker(t, ioprules.ASAM3Level21())
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	require.NoError(t, err)
	a, b := at(mon, 60), at(mon, 60)
	b.Patient = "p-0"
	late := at(day(2195, 3, 3), 60)
	ss := []schedule.Session{late, b, a, at(mon+7, 60), b}
	got, _ := sz.Summarize(nil, ss)
	require.Len(t, got, 4)
	assert.Equal(t, "p-0", got[0].Patient)
	assert.Equal(t, int32(1), got[0].Sessions, "the same session twice counts once")
	assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 60}, got[0].Duplicates)
	assert.Equal(t, []date.Date{mon, mon + 7, schedule.ISOWeeks().Of(day(2195, 3, 3)).Start()},
		[]date.Date{got[1].Week.Start(), got[2].Week.Start(), got[3].Week.Start()})
}

func TestSummarizerThenCheck(t *testing.T) {
	// The batch path feeds the week check: a billing engine's loop.
	ck := checker(t, ioprules.MedicareIOP2025())
	sz, err := schedule.NewSummarizer(ck, must(schedule.CalendarWeeks(time.Sunday)))
	require.NoError(t, err)
	ss := append(daysOf(180, 180, 180), daysOf(180, 180, 179)...)
	for i := range ss[12:] {
		ss[12+i].Patient = "p-2"
	}
	sums, _ := sz.Summarize(nil, ss)
	require.Len(t, sums, 2)
	var codes []iop.Code
	for _, s := range sums {
		codes = append(codes, checkSum(t, ck, s, adult()).Codes()...)
	}
	assert.Equal(t, []iop.Code{schedule.CodeWeeklyBelowMinimum}, codes)
}
