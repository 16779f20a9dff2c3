package schedule_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sess returns an attended group session of p-1 with ID id on day d from
// hh:mm for m minutes.
func sess(id string, d date.Date, hhmm string, m iop.Minutes) schedule.Session {
	s := at(d, m)
	s.ID, s.Start = id, schedule.MustParseClock(hhmm)
	return s
}

func TestDuplicatesCountOnce(t *testing.T) {
	// Issue 12's case: three 1-hour sessions on each of two days, and one
	// more repeated three times, is 7 hours, not 9: below the minimum.
	asam := ioprules.ASAM3Level21()
	ck := checker(t, asam)
	ss := []schedule.Session{
		sess("s1", mon, "09:00", 60), sess("s2", mon, "10:00", 60), sess("s3", mon, "11:00", 60),
		sess("s4", mon+1, "09:00", 60), sess("s5", mon+1, "10:00", 60), sess("s6", mon+1, "11:00", 60),
		sess("s7", mon+2, "09:00", 60), sess("s7", mon+2, "09:00", 60), sess("s7", mon+2, "09:00", 60),
	}
	sum := summarize(t, ck, mon, ss...)
	assert.Equal(t, iop.Minutes(420), sum.Minutes)
	assert.Equal(t, schedule.Repeats{Sessions: 2, Minutes: 120, First: "s7"}, sum.Duplicates)
	assert.Equal(t, int32(7), sum.Sessions)
	got := checkSum(t, ck, sum, adult())
	assert.Equal(t, iop.Findings{
		finding(schedule.CodeSessionDuplicate, iop.Finding{Subject: "s7", Got: 120, Unit: iop.UnitMinutes}),
		finding(schedule.CodeWeeklyBelowMinimum, minutes(540, 420)),
	}, got)
	require.ErrorIs(t, got.BlockingErr(), schedule.CodeWeeklyBelowMinimum, "the week blocks")

	t.Run("the same patient, date, start and kind, without IDs", func(t *testing.T) {
		a, b := sess("", mon, "09:00", 60), sess("", mon, "09:00", 90)
		sum := summarize(t, ck, mon, a, b)
		assert.Equal(t, iop.Minutes(90), sum.Minutes, "the longer is kept")
		assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 60}, sum.Duplicates)
		got := checkSum(t, ck, sum, adult())
		require.NotEmpty(t, got)
		assert.Equal(t, finding(schedule.CodeSessionDuplicate, iop.Finding{Subject: "p-1", Got: 60, Unit: iop.UnitMinutes}), got[0],
			"without a session ID the finding names the patient")
	})
	t.Run("the same session ID on another day", func(t *testing.T) {
		sum := summarize(t, ck, mon, sess("s1", mon, "09:00", 60), sess("s1", mon+3, "13:00", 60))
		assert.Equal(t, iop.Minutes(60), sum.Minutes)
		assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 60, First: "s1"}, sum.Duplicates)
	})
	t.Run("another kind at the same time is an overlap, not a duplicate", func(t *testing.T) {
		b := sess("s2", mon, "09:00", 60)
		b.Kind = iop.ServiceKindIndividualTherapy
		sum := summarize(t, ck, mon, sess("s1", mon, "09:00", 60), b)
		assert.Equal(t, iop.Minutes(60), sum.Minutes)
		assert.Equal(t, [7]uint16{1}, sum.DayServices, "a session that adds no time is no service")
		assert.Equal(t, schedule.Repeats{Sessions: 1, Minutes: 60, First: "s2", With: "s1"}, sum.Overlaps)
	})
}

func TestOverlapsCountOnce(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	tests := []struct {
		name     string
		sessions []schedule.Session
		minutes  iop.Minutes
		services uint16
		overlaps schedule.Repeats
	}{
		{"back to back", []schedule.Session{sess("a", mon, "09:00", 60), sess("b", mon, "10:00", 60)}, 120, 2, schedule.Repeats{}},
		{"half an hour overlapped", []schedule.Session{sess("a", mon, "09:00", 60), sess("b", mon, "09:30", 60)}, 90, 2,
			schedule.Repeats{Sessions: 1, Minutes: 30, First: "b", With: "a"}},
		{"one within another", []schedule.Session{sess("a", mon, "09:00", 180), sess("b", mon, "10:00", 30)}, 180, 1,
			schedule.Repeats{Sessions: 1, Minutes: 30, First: "b", With: "a"}},
		// 42 CFR 410.44 pays services furnished (issue 23): three sessions
		// of an hour a minute apart are 62 minutes and one service, the
		// others adding a minute each, below Medicare's 16 of their own.
		{"a minute apart: one service", []schedule.Session{sess("a", mon, "09:00", 60),
			func() schedule.Session {
				x := sess("b", mon, "09:01", 60)
				x.Kind = iop.ServiceKindIndividualTherapy
				return x
			}(),
			func() schedule.Session {
				x := sess("c", mon, "09:02", 60)
				x.Kind = iop.ServiceKindPsychoeducation
				return x
			}()}, 62, 1,
			schedule.Repeats{Sessions: 2, Minutes: 118, First: "b", With: "a"}},
		{"16 minutes of its own is a service, 15 is not", []schedule.Session{sess("a", mon, "09:00", 60),
			sess("b", mon, "09:30", 46), sess("c", mon, "10:01", 30)}, 91, 2,
			schedule.Repeats{Sessions: 2, Minutes: 45, First: "b", With: "a"}},
		{"the same start, the longer first", []schedule.Session{sess("b", mon, "09:00", 30), sess("a", mon, "09:00", 60)}, 60, 1,
			schedule.Repeats{}}, // same kind and start: a duplicate
		{"a partial attendance is its attended time from the start", []schedule.Session{
			{Patient: "p-1", ID: "a", Date: mon, Start: schedule.MustParseClock("09:00"), Planned: 120, Attended: 30,
				Kind: iop.ServiceKindGroupTherapy, Attendance: schedule.AttendancePartial},
			sess("b", mon, "09:45", 60)}, 90, 2, schedule.Repeats{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, order := range [][]schedule.Session{tt.sessions, reversedOf(tt.sessions)} {
				sum := summarize(t, ck, mon, order...)
				assert.Equal(t, tt.minutes, sum.Minutes)
				assert.Equal(t, tt.services, sum.DayServices[0])
				assert.Equal(t, tt.overlaps, sum.Overlaps)
			}
		})
	}
	sum := summarize(t, ck, mon, tt0()...)
	got := checkSum(t, ck, sum, adult())
	require.NotEmpty(t, got)
	assert.Equal(t, finding(schedule.CodeSessionOverlap, iop.Finding{Subject: "b", Ref: "a", Got: 30, Unit: iop.UnitMinutes}), got[0],
		"the overlap names both sessions")
}

func tt0() []schedule.Session {
	return []schedule.Session{sess("a", mon, "09:00", 60), sess("b", mon, "09:30", 60), sess("c", mon, "11:00", 60)}
}

func reversedOf(ss []schedule.Session) []schedule.Session {
	out := slices.Clone(ss)
	slices.Reverse(out)
	return out
}

// mutate returns ss with one row duplicated, split in two, or the rows
// shuffled, as r chooses.
func mutate(r *rand.Rand, ss []schedule.Session) []schedule.Session {
	out := slices.Clone(ss)
	if len(out) == 0 {
		return out
	}
	i := r.IntN(len(out))
	switch r.IntN(3) {
	case 0:
		out = slices.Insert(out, r.IntN(len(out)+1), out[i])
	case 1:
		s := out[i]
		if s.Attendance != schedule.AttendanceAttended || s.Planned < 2 {
			return out
		}
		k := 1 + iop.Minutes(r.IntN(int(s.Planned)-1))
		a, b := s, s
		a.Planned = k
		b.Planned = s.Planned - k
		b.Start, _ = schedule.ClockOf(int(s.Start.Minutes()+k)/60, int(s.Start.Minutes()+k)%60)
		out[i] = a
		out = slices.Insert(out, i+1, b)
	default:
		r.Shuffle(len(out), func(a, b int) { out[a], out[b] = out[b], out[a] })
	}
	return out
}

func TestCountingCannotBeInflated(t *testing.T) {
	// Duplicating, splitting or reordering any row never raises the time
	// counted, and the batch path gives what the single-week path gives.
	p := ioprules.MedicareIOP2025()
	ck := checker(t, p)
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(3, 5))
	w := schedule.ISOWeeks().Of(mon)
	ids := []string{"", "s1", "s2", "s3"}
	for n := range 300 {
		var base []schedule.Session
		for range 1 + r.IntN(12) {
			s := sess(ids[r.IntN(len(ids))], mon+date.Date(r.IntN(7)), "08:00", iop.Minutes(15+r.IntN(180)))
			s.Start, _ = schedule.ClockOf(8+r.IntN(8), 15*r.IntN(4))
			s.Kind = []iop.ServiceKind{iop.ServiceKindGroupTherapy, iop.ServiceKindIndividualTherapy, iop.ServiceKindRecreation}[r.IntN(3)]
			if r.IntN(4) == 0 {
				s.Attendance, s.Attended = schedule.AttendancePartial, s.Planned/2
			}
			base = append(base, s)
		}
		want, err := ck.Summarize(w, base)
		require.NoError(t, err)
		in := base
		for range 1 + r.IntN(4) {
			in = mutate(r, in)
			got, err := ck.Summarize(w, in)
			require.NoError(t, err)
			require.LessOrEqual(t, got.Minutes, want.Minutes, "input %d: a mutation raised the time counted", n)
			batch, _ := sz.Summarize(nil, in)
			require.Len(t, batch, 1)
			require.Equal(t, got, batch[0], "input %d: batch and single week differ", n)
			shuffled := slices.Clone(in)
			r.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
			again, err := ck.Summarize(w, shuffled)
			require.NoError(t, err)
			require.Equal(t, got, again, "input %d: the order changed the summary", n)
		}
	}
}

func TestRecordIDsAndDates(t *testing.T) {
	ck := checker(t, ioprules.MedicareIOP2025())
	bad := func(mod func(*schedule.Session)) schedule.Session {
		s := sess("s1", mon, "09:00", 60)
		mod(&s)
		return s
	}
	tests := []struct {
		name string
		s    schedule.Session
		want map[string]string
	}{
		{"invalid UTF-8 in the patient ID", bad(func(s *schedule.Session) { s.Patient = "p\xff1" }),
			map[string]string{"patient": "invalid syntax: not valid UTF-8"}},
		{"a newline in the session ID", bad(func(s *schedule.Session) { s.ID = "s\n1" }),
			map[string]string{"id": "invalid syntax: control or format character"}},
		{"the replacement character, which JSON makes of invalid UTF-8", bad(func(s *schedule.Session) { s.Patient = "p\uFFFD" }),
			map[string]string{"patient": "invalid syntax: holds the replacement character (invalid UTF-8)"}},
		{"year 0", bad(func(s *schedule.Session) { s.Date = day(0, 1, 1) }),
			map[string]string{"date": "out of range: a service date is from 1970-01-01 to 2199-12-31"}},
		{"an unknown delivery", bad(func(s *schedule.Session) { s.Delivery = 9 }),
			map[string]string{"delivery": "unknown value"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, fieldErrors(t, tt.s.Validate()))
			_, err := ck.Summarize(schedule.ISOWeeks().Of(tt.s.Date), []schedule.Session{tt.s})
			want := map[string]string{}
			for f, r := range tt.want {
				want["sessions[0]."+f] = r
			}
			assert.Equal(t, want, fieldErrors(t, err))
			sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
			require.NoError(t, err)
			sums, st := sz.Summarize(nil, []schedule.Session{tt.s})
			assert.Empty(t, sums)
			assert.Equal(t, 1, st.Invalid)
		})
	}
	t.Run("JSON and CSV refuse the same IDs", func(t *testing.T) {
		_, err := schedule.ParseSessions([]byte(`[{"patient":"p\ud800","date":"2025-03-03","start":"09:00","minutes":"1h00m","kind":"group","attendance":"attended"}]`))
		require.ErrorIs(t, err, iop.ErrSyntax)
		_, err = schedule.ParseSessions([]byte("[{\"patient\":\"p\xff\",\"date\":\"2025-03-03\",\"start\":\"09:00\",\"minutes\":\"1h00m\",\"kind\":\"group\",\"attendance\":\"attended\"}]"))
		require.ErrorIs(t, err, iop.ErrSyntax)
		cr, err := schedule.NewSessionReader(strings.NewReader("patient,date,start,minutes,kind,attendance\np\xff,2025-03-03,09:00,60,group,attended\n"), schedule.CSVOptions{})
		require.NoError(t, err)
		_, err = cr.Read()
		require.ErrorIs(t, err, iop.ErrSyntax)
	})
	t.Run("End saturates", func(t *testing.T) {
		s := sess("s1", mon, "23:00", 1<<31-1)
		assert.Equal(t, iop.Minutes(1<<31-1), s.End())
	})
}

func FuzzParseDate(f *testing.F) {
	// The CSV readers' date parser accepts exactly what iop.ParseDate does.
	for _, s := range []string{"2024-02-29", "2025-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2025-13-01", "2025-1-01", "+025-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, werr := iop.ParseDate(s)
		got, ok := schedule.ParseDateForTest(s)
		require.Equal(t, werr == nil, ok, "%q", s)
		if ok {
			require.Equal(t, want, got)
		}
	})
}

// canonical returns ss sorted as a day's schedule lists them: by date,
// start, the later end first, then kind, the order in which
// Checker.Summarize adds them up without ordering them first.
func canonical(ss []schedule.Session) []schedule.Session {
	out := slices.Clone(ss)
	slices.SortStableFunc(out, func(a, b schedule.Session) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Start.Minutes(), b.Start.Minutes()),
			-cmp.Compare(a.Start.Minutes()+a.AttendedMinutes(), b.Start.Minutes()+b.AttendedMinutes()), cmp.Compare(a.Kind, b.Kind))
	})
	return out
}

func TestSummarizeInOrderMatchesBatch(t *testing.T) {
	// Sessions in order take the single-week path's fast passes (one for
	// the common week, one for any week in order); out of order, or with a
	// session ID repeated, they are ordered first. Every path must count
	// what the batch path counts.
	p := ioprules.MedicareIOP2025()
	p = withBenefit(p, func(b *schedule.Benefit) { b.Counting.Codes = []string{"H0015"} })
	p = withBenefit(p, func(b *schedule.Benefit) {
		b.Counting.Telehealth, b.Counting.TelehealthCite = iop.SetOf[iop.Delivery](iop.DeliveryVideo), b.Counting.Cite
	})
	ck := checker(t, p)
	sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(17, 19))
	w := schedule.ISOWeeks().Of(mon)
	for n := range 2000 {
		simple := n%2 == 0 // the common week: in full, in person, no overlap
		var ss []schedule.Session
		for i := range 1 + r.IntN(40) {
			id := ""
			switch r.IntN(4) {
			case 0:
			case 1:
				if n%3 == 0 {
					id = fmt.Sprintf("s%d", r.IntN(6)) // repeated at times
				}
			case 2:
				id = fmt.Sprintf("r%08x", r.Uint32()) // unique, at random
			default:
				id = fmt.Sprintf("s-%04d", 100+i) // unique
			}
			s := sess(id, mon+date.Date(r.IntN(7)), "08:00", iop.Minutes(15+r.IntN(120)))
			s.Start, _ = schedule.ClockOf(7+r.IntN(12), 15*r.IntN(4))
			if !simple {
				s.Kind = []iop.ServiceKind{iop.ServiceKindGroupTherapy, iop.ServiceKindIndividualTherapy, iop.ServiceKindRecreation}[r.IntN(3)]
				switch r.IntN(6) {
				case 0:
					s.Attendance, s.Attended = schedule.AttendancePartial, s.Planned/2
				case 1:
					s.Attendance = schedule.AttendanceAbsent
				case 2:
					s.Delivery = []iop.Delivery{iop.DeliveryInPerson, iop.DeliveryVideo, iop.DeliveryAudioOnly}[r.IntN(3)]
				case 3:
					s.Code = "H0015"
				}
			}
			ss = append(ss, s)
		}
		if simple {
			// Lay each day's sessions end to end, or nearly: a minute apart,
			// or overlapped by one.
			ss = canonical(ss)
			for i := 1; i < len(ss); i++ {
				if prev := ss[i-1]; prev.Date == ss[i].Date {
					end := prev.Start.Minutes() + prev.Planned + iop.Minutes(r.IntN(3)-1)
					if end+ss[i].Planned > 24*60 {
						ss = ss[:i]
						break
					}
					ss[i].Start, _ = schedule.ClockOf(int(end)/60, int(end)%60)
				}
			}
		}
		batch, _ := sz.Summarize(nil, ss)
		require.Len(t, batch, 1)
		for _, in := range [][]schedule.Session{canonical(ss), ss, reversedOf(ss)} {
			got, err := ck.Summarize(w, in)
			require.NoError(t, err)
			require.Equal(t, batch[0], got, "input %d: batch and single week differ", n)
		}
	}
}

func TestSummarizeChecksEverySession(t *testing.T) {
	// A session out of order sends the rest to be ordered first: those
	// after it are checked all the same.
	ck := checker(t, ioprules.MedicareIOP2025())
	w := schedule.ISOWeeks().Of(mon)
	other := sess("", mon+2, "09:00", 60)
	other.Patient = "p-2"
	bad := sess("", mon+3, "09:00", 60)
	bad.Planned = -5
	ss := []schedule.Session{sess("", mon+1, "09:00", 60), sess("", mon, "09:00", 60), other, bad}
	for _, in := range [][]schedule.Session{ss, canonical(ss)} {
		sum, err := ck.Summarize(w, in)
		var es iop.FieldErrors
		require.ErrorAs(t, err, &es)
		assert.Len(t, es, 2, "%v", err)
		assert.Equal(t, schedule.WeekSummary{}, sum)
	}
}

// FuzzSummarizePaths holds every counting path to one answer: the one-pass
// path of the common week and the one-pass path in order, when they take a
// week, count what the ordering path counts; so do the batch Summarizer
// and any order of the same sessions. Each 8 bytes of the input make one
// session of patient "p-1" in the week of mon, or just outside it.
func FuzzSummarizePaths(f *testing.F) {
	f.Add(commonWeekSeed)
	f.Add([]byte{0, 16, 36, 3, 1, 0, 0, 0, 0, 52, 36, 3, 1, 0, 0, 0, 2, 16, 36, 3, 1, 0, 1, 0})
	f.Add([]byte{1, 16, 36, 3, 1, 0, 0, 0, 1, 16, 36, 3, 1, 0, 0, 0, 1, 20, 24, 4, 2, 9, 2, 1})
	f.Add([]byte{3, 40, 60, 1, 3, 5, 3, 0, 3, 44, 20, 2, 4, 0, 3, 2, 7, 0, 1, 9, 1, 0, 0, 0})
	ck := checker(f, pathsProfile())
	w := schedule.ISOWeeks().Of(mon)
	f.Fuzz(func(t *testing.T, data []byte) {
		ss := fuzzSessions(data)
		simple, simpleOK, ordered, orderedOK, orderedInvalid, sorted, err := schedule.SummarizePathsForTest(ck, w, ss)
		if err != nil {
			assert.False(t, simpleOK, "the common-week path took a week with a session that is not valid")
			assert.True(t, orderedInvalid || !orderedOK, "the in-order path took a week with a session that is not valid")
			return
		}
		assert.False(t, orderedInvalid, "the in-order path refused a valid week")
		if simpleOK {
			assert.Equal(t, sorted, simple, "the common-week path and the ordering path differ")
		}
		if orderedOK {
			assert.Equal(t, sorted, ordered, "the in-order path and the ordering path differ")
		}
		got, err := ck.Summarize(w, reversedOf(ss))
		require.NoError(t, err)
		assert.Equal(t, sorted, got, "another order of the same sessions")
		sz, err := schedule.NewSummarizer(ck, schedule.ISOWeeks())
		require.NoError(t, err)
		batch, _ := sz.Summarize(nil, ss)
		for _, b := range batch {
			if b.Week == w {
				assert.Equal(t, sorted, b, "the batch path and the ordering path differ")
			}
		}
	})
}

// commonWeekSeed is a common week: 3 hours on Monday, Wednesday and
// Friday, in full and in order, the last with a session ID.
var commonWeekSeed = []byte{1, 8, 36, 1, 0, 0, 0, 0, 3, 8, 36, 1, 0, 0, 0, 0, 5, 8, 36, 1, 0, 0, 0, 2}

// pathsProfile is the Medicare IOP profile that also counts H0015 and
// video: every branch of the counting is reachable.
func pathsProfile() iop.Profile {
	return withBenefit(ioprules.MedicareIOP2025(), func(b *schedule.Benefit) {
		b.Counting.Codes = []string{"H0015"}
		b.Counting.Telehealth, b.Counting.TelehealthCite = iop.SetOf[iop.Delivery](iop.DeliveryVideo), b.Counting.Cite
	})
}

// fuzzSessions makes a session of patient "p-1" of each 8 bytes of data,
// in the week of mon or a day either side, at most 64.
func fuzzSessions(data []byte) []schedule.Session {
	kinds := iop.All[iop.ServiceKind]()
	deliveries := []iop.Delivery{0, iop.DeliveryInPerson, iop.DeliveryVideo, iop.DeliveryAudioOnly}
	ids := []string{"", "", "a", "b", "c"}
	var ss []schedule.Session
	for len(data) >= 8 && len(ss) < 64 {
		b := data[:8]
		data = data[8:]
		s := schedule.Session{
			Patient: "p-1", ID: ids[int(b[7])%len(ids)],
			Date:    mon - 1 + date.Date(b[0]%9),
			Planned: iop.Minutes(int(b[2]) * 5 % 301),
			Kind:    kinds[int(b[3])%len(kinds)],
		}
		s.Start, _ = schedule.ClockOf(int(b[1])%24, 5*(int(b[1])/24%12))
		switch b[4] % 4 {
		case 0:
			s.Attendance = schedule.AttendanceAttended
		case 1:
			s.Attendance = schedule.AttendanceAbsent
		case 2:
			s.Attendance, s.Attended = schedule.AttendancePartial, s.Planned*iop.Minutes(b[5]%4)/4
		default:
			s.Attendance = schedule.AttendanceExcused
		}
		s.Delivery = deliveries[int(b[6])%len(deliveries)]
		if b[5]&0x80 != 0 {
			s.Code = "H0015"
		}
		ss = append(ss, s)
	}
	return ss
}

// TestSummarizePathsTaken: the fuzz target's comparisons are not vacuous:
// the common week takes both one-pass paths, and a week out of order
// neither.
func TestSummarizePathsTaken(t *testing.T) {
	ck := checker(t, pathsProfile())
	w := schedule.ISOWeeks().Of(mon)
	ss := fuzzSessions(commonWeekSeed)
	require.Len(t, ss, 3)
	simple, simpleOK, ordered, orderedOK, invalid, sorted, err := schedule.SummarizePathsForTest(ck, w, ss)
	require.NoError(t, err)
	assert.True(t, simpleOK)
	assert.True(t, orderedOK)
	assert.False(t, invalid)
	assert.Equal(t, iop.Minutes(540), sorted.Minutes)
	assert.Equal(t, sorted, simple)
	assert.Equal(t, sorted, ordered)
	_, simpleOK, _, orderedOK, _, _, err = schedule.SummarizePathsForTest(ck, w, reversedOf(ss))
	require.NoError(t, err)
	assert.False(t, simpleOK)
	assert.False(t, orderedOK)
}
