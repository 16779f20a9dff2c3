package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newStore opens a store in memory, closed when the test ends.
func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), ":memory:")
	require.NoError(t, err)
	t.Cleanup(func() { assert.NoError(t, s.Close()) })
	return s
}

// nullText is the raw text a column must hold for v: NULL when null,
// otherwise v's String.
func nullText(v fmt.Stringer, null bool) sql.NullString {
	if null {
		return sql.NullString{}
	}
	return sql.NullString{String: v.String(), Valid: true}
}

// rawRows returns the rows of a query with every column read as raw text,
// and checks that each non-NULL column is stored as text.
func rawRows(t *testing.T, s *Store, query string, args ...any) [][]sql.NullString {
	t.Helper()
	rows, err := s.db.QueryContext(t.Context(), query, args...)
	require.NoError(t, err)
	defer rows.Close()
	cols, err := rows.Columns()
	require.NoError(t, err)
	var out [][]sql.NullString
	for rows.Next() {
		row := make([]sql.NullString, len(cols))
		dest := make([]any, len(cols))
		for i := range row {
			dest[i] = &row[i]
		}
		require.NoError(t, rows.Scan(dest...))
		out = append(out, row)
	}
	require.NoError(t, rows.Err())
	return out
}

// The values the tests store. Each comes from the library: its
// constructors, parsers and checkers.

func mustDate(t *testing.T, s string) date.Date {
	t.Helper()
	d, err := iop.ParseDate(s)
	require.NoError(t, err)
	return d
}

// testSessions is a week of sessions holding every service kind, every
// attendance, every delivery and an unset one, an unset start time and
// the first and last minutes of a day.
func testSessions(t *testing.T) []schedule.Session {
	t.Helper()
	monday := mustDate(t, "2025-03-03")
	var out []schedule.Session
	for i, k := range iop.All[iop.ServiceKind]() {
		start, err := schedule.ClockOf(8+i%10, 5*i%60)
		require.NoError(t, err)
		out = append(out, schedule.Session{
			Patient: "P-1", ID: fmt.Sprintf("S-%02d", i), Date: monday + date.Date(i%7), Start: start,
			Kind: k, Attendance: schedule.AttendanceAttended, Planned: iop.Minutes(30 + 15*i), Code: "90853",
		})
	}
	for i, a := range iop.All[schedule.Attendance]() {
		x := schedule.Session{
			Patient: "P-1", Date: monday, Start: schedule.MustParseClock("00:00"),
			Kind: iop.ServiceKindGroupTherapy, Attendance: a, Planned: 60,
		}
		if a == schedule.AttendancePartial {
			x.Attended = 59
		}
		x.ID = fmt.Sprintf("A-%d", i)
		out = append(out, x)
	}
	for i, d := range append([]iop.Delivery{0}, iop.All[iop.Delivery]()...) {
		out = append(out, schedule.Session{
			Patient: "P-1", ID: fmt.Sprintf("D-%d", i), Date: monday + 1, Start: schedule.MustParseClock("23:59"),
			Kind: iop.ServiceKindIndividualTherapy, Attendance: schedule.AttendanceAttended, Delivery: d, Planned: 1,
		})
	}
	// No start time, no ID, no code: all optional.
	out = append(out, schedule.Session{Patient: "P-1", Date: monday + 6, Kind: iop.ServiceKindOther,
		Attendance: schedule.AttendanceAbsent, Planned: iop.Hours(9)})
	parsed, err := schedule.ParseSessions([]byte(sessionsJSON))
	require.NoError(t, err)
	for _, x := range parsed {
		x.Patient = "P-1"
		out = append(out, x)
	}
	return out
}

// testAssessments are assessments holding every edition, population,
// modifier and risk in every dimension, notes, and dimensions left
// unrated.
func testAssessments(t *testing.T) []eligibility.Assessment {
	t.Helper()
	base := eligibility.Assessment{ID: "A-0", Edition: iop.Edition3, Date: mustDate(t, "2025-02-28"), Population: iop.PopulationAdult}
	var out []eligibility.Assessment
	add := func(a eligibility.Assessment) {
		a.ID = fmt.Sprintf("A-%d", len(out))
		out = append(out, a)
	}
	for _, r := range iop.All[eligibility.Risk]() {
		for _, d := range iop.All[eligibility.Dimension]() {
			a := base
			rs := [eligibility.NumDimensions]eligibility.Risk{}
			rs[d-1] = r
			var err error
			a.Ratings, err = eligibility.NewRatings(rs[0], rs[1], rs[2], rs[3], rs[4], rs[5])
			require.NoError(t, err)
			add(a)
		}
	}
	full, err := eligibility.NewRatings(4, 3, 2, 1, 0, 2)
	require.NoError(t, err)
	for i, d := range iop.All[eligibility.Dimension]() {
		full = full.With(d, eligibility.Rating{Risk: eligibility.Risk(i % 5), Note: fmt.Sprintf("N-%d", i)})
	}
	for _, e := range iop.All[iop.Edition]() {
		for _, p := range iop.All[iop.Population]() {
			a := base
			a.Edition, a.Population, a.Ratings = e, p, full
			add(a)
		}
	}
	for _, m := range iop.All[eligibility.Modifier]() {
		a := base
		a.Ratings, a.Modifiers = full, iop.SetOf[eligibility.Modifier](m)
		add(a)
	}
	a := base
	a.Ratings, a.Modifiers = full.Without(eligibility.Dimension2).Without(eligibility.Dimension5),
		iop.SetOf[eligibility.Modifier](iop.All[eligibility.Modifier]()...)
	add(a)
	add(base)                                    // nothing rated
	add(eligibility.Assessment{Date: base.Date}) // zero edition and population: NULL columns
	return out
}

// testDecisions are decisions made by the criteria, placed at each level
// they allow, and decisions brought in from another tool, with ratings
// and without, at each level of their edition.
func testDecisions(t *testing.T) []eligibility.Decision {
	t.Helper()
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	var out []eligibility.Decision
	for _, a := range testAssessments(t) {
		if a.Validate() != nil || !a.Ratings.IsComplete() || a.Edition != iop.Edition3 {
			continue // the default criteria are the 3rd edition's
		}
		d, err := ck.Decide(a)
		require.NoError(t, err)
		out = append(out, d)
	}
	require.NotEmpty(t, out)
	// Each level the criteria allow, given for the first decision, with
	// each variance reason in turn.
	first := out[0]
	reasons := iop.All[eligibility.VarianceReason]()
	for i, l := range first.Levels() {
		placed, err := first.Place(l, reasons[i%len(reasons)], fmt.Sprintf("N-%d", i))
		require.NoError(t, err)
		out = append(out, placed)
	}
	ratings, err := eligibility.NewRatings(2, 1, 2, 3, 2, 1)
	require.NoError(t, err)
	for i, l := range iop.Levels(iop.Edition3) {
		r := eligibility.Recommendation{
			ID: fmt.Sprintf("R-%d", i), Source: "ASAM CONTINUUM", Edition: iop.Edition3,
			Date: mustDate(t, "2025-03-01"), Population: iop.PopulationAdult, Level: l,
		}
		if i%2 == 0 {
			r.Ratings, r.Modifiers = ratings, iop.SetOf[eligibility.Modifier](eligibility.ModifierSteppingDown)
		}
		if r.Validate() != nil {
			continue // withdrawal management and OTS are not placement levels
		}
		d, err := ck.Recommended(r)
		require.NoError(t, err)
		out = append(out, d)
		if l != iop.Level21 {
			placed, err := d.Place(iop.Level21, eligibility.VarianceReasonLevelNotAvailable, "")
			require.NoError(t, err)
			out = append(out, placed)
		}
	}
	return out
}

// testEpisodes are episodes stored after every move of a history that
// passes through every state, and one discharged for each reason.
func testEpisodes(t *testing.T) []aftercare.Episode {
	t.Helper()
	on := mustDate(t, "2025-01-06")
	ep, err := aftercare.Refer("E-1", on, true)
	require.NoError(t, err)
	out := []aftercare.Episode{ep}
	moves := []func(aftercare.Episode) (aftercare.Episode, error){
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Assess(on + 2) },
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Admit(on+7, iop.Level21) },
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Start(on + 8) },
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Hold(on + 28) },
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Resume(on + 35) },
		func(e aftercare.Episode) (aftercare.Episode, error) {
			return e.Discharge(on+63, aftercare.Discharge{Reason: aftercare.DischargeReasonCompleted, Planned: true,
				Step: aftercare.StepDown, ToLevel: iop.Level1, ReferredTo: "REF-9"})
		},
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.BeginAftercare(on + 64) },
		func(e aftercare.Episode) (aftercare.Episode, error) { return e.Close(on + 175) },
	}
	for _, move := range moves {
		ep, err = move(ep)
		require.NoError(t, err)
		out = append(out, ep)
	}
	for i, r := range iop.All[aftercare.DischargeReason]() {
		e, err := aftercare.Refer(fmt.Sprintf("E-R%d", i), on, false)
		require.NoError(t, err)
		for _, move := range moves[:3] {
			e, err = move(e)
			require.NoError(t, err)
		}
		planned, _ := r.Planning()
		e, err = e.Discharge(on+40, aftercare.Discharge{Reason: r, Planned: planned})
		require.NoError(t, err)
		out = append(out, e)
	}
	parsed, err := aftercare.ParseEpisode([]byte(`{"id":"E-P","events":[
		{"kind":"refer","on":"2025-02-03"},{"kind":"assess","on":"2025-02-04"},
		{"kind":"admit","on":"2025-02-10","level":"2.5"}]}`))
	require.NoError(t, err)
	return append(out, parsed)
}

// testWeeks are week summaries of each kind of week: ISO, calendar and
// program weeks.
func testWeeks(t *testing.T) []schedule.WeekSummary {
	t.Helper()
	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(t, err)
	sessions, err := schedule.ParseSessions([]byte(sessionsJSON))
	require.NoError(t, err)
	sunday, err := schedule.CalendarWeeks(time.Sunday)
	require.NoError(t, err)
	program, err := schedule.ProgramWeeks(mustDate(t, "2025-02-26"))
	require.NoError(t, err)
	var out []schedule.WeekSummary
	for _, ws := range []schedule.Weeks{schedule.ISOWeeks(), sunday, program} {
		sum, err := ck.Summarize(ws.Of(sessions[0].Date), sessions)
		require.NoError(t, err)
		out = append(out, sum)
	}
	return out
}

// testFindings are the findings of real checks (a day below a payment
// tier has a Day, hours in another level's band a Level, a follow-up
// window a Day and a Ref), then copies of one holding every severity,
// unit and level, and a finding without a citation.
func testFindings(t *testing.T) iop.Findings {
	t.Helper()
	var fs iop.Findings
	sessions, err := schedule.ParseSessions([]byte(sessionsJSON))
	require.NoError(t, err)
	var heavy []schedule.Session
	for d := range 5 {
		for h := range 5 {
			heavy = append(heavy, schedule.Session{Patient: "P-1001", Date: sessions[0].Date + date.Date(d),
				Start: schedule.MustParseClock(fmt.Sprintf("%02d:00", 8+h)), Kind: iop.ServiceKindGroupTherapy,
				Attendance: schedule.AttendanceAttended, Planned: 60})
		}
	}
	episode := schedule.Stay{Population: iop.PopulationAdult, Admitted: mustDate(t, "2025-02-24"), Setting: iop.ProviderHospitalOutpatient}
	for _, c := range []struct {
		profile  iop.Profile
		sessions []schedule.Session
	}{
		{ioprules.MedicareIOP2025(), sessions},
		{ioprules.ASAM3Level21(), heavy},
	} {
		ck, err := schedule.NewChecker(c.profile)
		require.NoError(t, err)
		sum, err := ck.Summarize(schedule.ISOWeeks().Of(c.sessions[0].Date), c.sessions)
		require.NoError(t, err)
		fs, err = ck.AppendWeek(fs, &sum, episode)
		require.NoError(t, err)
	}

	ack, err := aftercare.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	eps := testEpisodes(t)
	discharged := eps[6]
	require.Equal(t, aftercare.StateDischarged, discharged.State())
	ev, ok := discharged.DischargeEvent()
	require.True(t, ok)
	plan := aftercare.Plan{Made: ev.On - 3, Contacts: []aftercare.Contact{{On: ev.On + 4, Status: aftercare.ContactStatusKept}}}
	fs, err = ack.AppendDischarge(fs, discharged, plan, ev.On+60)
	require.NoError(t, err)

	eck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	for _, d := range testDecisions(t) {
		v, err := eck.CheckVariance(&d)
		require.NoError(t, err)
		fs = append(fs, v...)
	}

	var withDay, withLevel, withRef bool
	for _, f := range fs {
		withDay = withDay || f.Day != 0
		withLevel = withLevel || f.Level != 0
		withRef = withRef || f.Ref != ""
	}
	require.True(t, withDay, "a finding with a Day")
	require.True(t, withLevel, "a finding with a Level")
	require.True(t, withRef, "a finding with a Ref")

	proto := fs[0]
	for _, s := range append([]iop.Severity{0}, iop.All[iop.Severity]()...) {
		f := proto
		f.Severity = s
		fs = append(fs, f)
	}
	for _, u := range append([]iop.Unit{0}, iop.All[iop.Unit]()...) {
		f := proto
		f.Unit = u
		fs = append(fs, f)
	}
	for _, l := range append([]iop.Level{0}, iop.All[iop.Level]()...) {
		f := proto
		f.Level = l
		fs = append(fs, f)
	}
	f := proto
	f.Day, f.Need, f.Got = 0, -1, 1<<40
	fs = append(fs, f)
	for i := range fs {
		fs[i].Subject = "X-1" // one subject, so that Findings returns them all
	}
	return fs
}

// TestRoundTrip stores every stored type and reads it back equal.
func TestRoundTrip(t *testing.T) {
	ctx := t.Context()
	t.Run("sessions", func(t *testing.T) {
		s := newStore(t)
		want := testSessions(t)
		require.NoError(t, s.PutSessions(ctx, want))
		got, err := s.Sessions(ctx, "P-1")
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
	t.Run("weeks", func(t *testing.T) {
		s := newStore(t)
		var kinds []schedule.WeekKind
		for _, want := range testWeeks(t) {
			require.NoError(t, s.PutWeek(ctx, want))
			got, err := s.Week(ctx, want.Patient, want.Week)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			kinds = append(kinds, want.Week.Kind())
		}
		assert.ElementsMatch(t, iop.All[schedule.WeekKind](), kinds)
	})
	t.Run("assessments", func(t *testing.T) {
		s := newStore(t)
		for _, want := range testAssessments(t) {
			require.NoError(t, s.PutAssessment(ctx, want))
			got, err := s.Assessment(ctx, want.ID)
			require.NoError(t, err)
			assert.Equal(t, want, got)
		}
	})
	t.Run("decisions", func(t *testing.T) {
		s := newStore(t)
		var sources []string
		for _, want := range testDecisions(t) {
			require.NoError(t, s.PutDecision(ctx, want))
			got, err := s.Decision(ctx, want.Assessment().ID)
			require.NoError(t, err)
			assert.Equal(t, want, got)
			sources = append(sources, want.Source())
		}
		assert.Contains(t, sources, "ASAM CONTINUUM", "a decision from Checker.Recommended")
	})
	t.Run("episodes", func(t *testing.T) {
		s := newStore(t)
		var states []aftercare.State
		for _, want := range testEpisodes(t) {
			require.NoError(t, s.PutEpisode(ctx, want))
			got, err := s.Episode(ctx, want.ID())
			require.NoError(t, err)
			assert.True(t, want.Equal(got), "Episode %s after %d moves", want.ID(), want.Len())
			if !slices.Contains(states, want.State()) {
				states = append(states, want.State())
			}
		}
		assert.ElementsMatch(t, iop.All[aftercare.State](), states)
	})
	t.Run("findings", func(t *testing.T) {
		s := newStore(t)
		want := testFindings(t)
		require.NoError(t, s.PutFindings(ctx, want))
		got, err := s.Findings(ctx, "X-1")
		require.NoError(t, err)
		assert.Equal(t, want, got)
	})
	t.Run("no findings", func(t *testing.T) {
		s := newStore(t)
		got, err := s.Findings(ctx, "X-1")
		require.NoError(t, err)
		assert.Nil(t, got)
	})
}

// TestPlacedAt queries the decisions by a level column, with the level as
// the query's argument.
func TestPlacedAt(t *testing.T) {
	s := newStore(t)
	last := map[string]eligibility.Decision{} // a decision replaces the one stored for its assessment
	for _, d := range testDecisions(t) {
		require.NoError(t, s.PutDecision(t.Context(), d))
		last[d.Assessment().ID] = d
	}
	want := map[iop.Level][]string{}
	for id, d := range last {
		want[d.Placed()] = append(want[d.Placed()], id)
	}
	for _, l := range iop.All[iop.Level]() {
		got, err := s.PlacedAt(t.Context(), l)
		require.NoError(t, err)
		var ids []string
		if len(want[l]) > 0 {
			ids = slices.Sorted(slices.Values(want[l]))
		}
		assert.Equal(t, ids, got, "PlacedAt(%s)", l)
	}
}

// TestColumnsHoldText reads every enum, set, minutes, date, time and week
// column back as raw text: each holds the value's text form (its String),
// or NULL for an unset enum, never the library's internal number.
func TestColumnsHoldText(t *testing.T) {
	ctx := t.Context()
	s := newStore(t)

	sessions := testSessions(t)
	require.NoError(t, s.PutSessions(ctx, sessions))
	rows := rawRows(t, s, `SELECT date, start, kind, attendance, delivery, minutes, attended
		FROM sessions ORDER BY seq`)
	require.Len(t, rows, len(sessions))
	for i, x := range sessions {
		want := []sql.NullString{
			nullText(x.Date, false), nullText(x.Start, x.Start.IsZero()), nullText(x.Kind, x.Kind == 0),
			nullText(x.Attendance, x.Attendance == 0), nullText(x.Delivery, x.Delivery == 0),
			nullText(x.Planned, false), nullText(x.Attended, false),
		}
		assert.Equal(t, want, rows[i], "sessions[%d]", i)
	}

	for _, sum := range testWeeks(t) {
		require.NoError(t, s.PutWeek(ctx, sum))
		rows := rawRows(t, s, `SELECT week, minutes FROM week_summaries WHERE week = ?`, sum.Week.String())
		assert.Equal(t, [][]sql.NullString{{nullText(sum.Week, false), nullText(sum.Minutes, false)}}, rows)
	}

	for _, a := range testAssessments(t) {
		require.NoError(t, s.PutAssessment(ctx, a))
		want := []sql.NullString{nullText(a.Edition, a.Edition == 0), nullText(a.Date, false),
			nullText(a.Population, a.Population == 0)}
		for _, d := range iop.All[eligibility.Dimension]() {
			r, ok := a.Ratings.Of(d)
			want = append(want, nullText(r.Risk, !ok), sql.NullString{String: r.Note, Valid: true})
		}
		want = append(want, nullText(a.Modifiers, false))
		rows := rawRows(t, s, `SELECT edition, date, population, d1, d1_note, d2, d2_note, d3, d3_note,
			d4, d4_note, d5, d5_note, d6, d6_note, modifiers FROM assessments WHERE id = ?`, a.ID)
		assert.Equal(t, [][]sql.NullString{want}, rows, "assessment %s", a.ID)
	}

	for _, d := range testDecisions(t) {
		require.NoError(t, s.PutDecision(ctx, d))
		rows := rawRows(t, s, `SELECT recommended, placed, drivers FROM decisions WHERE id = ?`, d.Assessment().ID)
		want := []sql.NullString{nullText(d.Recommended(), d.Recommended() == 0),
			nullText(d.Placed(), d.Placed() == 0), nullText(d.Drivers(), false)}
		assert.Equal(t, [][]sql.NullString{want}, rows, "decision %s", d.Assessment().ID)
	}

	for _, e := range testEpisodes(t) {
		require.NoError(t, s.PutEpisode(ctx, e))
		rows := rawRows(t, s, `SELECT state, level FROM episodes WHERE id = ?`, e.ID())
		want := []sql.NullString{nullText(e.State(), false), nullText(e.Level(), e.Level() == 0)}
		assert.Equal(t, [][]sql.NullString{want}, rows, "episode %s", e.ID())
	}

	fs := testFindings(t)
	require.NoError(t, s.PutFindings(ctx, fs))
	rows = rawRows(t, s, `SELECT severity, day, unit, level FROM findings ORDER BY seq`)
	require.Len(t, rows, len(fs))
	for i, f := range fs {
		want := []sql.NullString{nullText(f.Severity, f.Severity == 0), nullText(f.Day, f.Day == 0),
			nullText(f.Unit, f.Unit == 0), nullText(f.Level, f.Level == 0)}
		assert.Equal(t, want, rows[i], "findings[%d]", i)
	}

	// Every column the library's values fill is stored as text: STRICT
	// tables keep the type, and no Valuer handed over a number.
	for _, c := range []struct{ table, column string }{
		{"sessions", "start"}, {"sessions", "kind"}, {"sessions", "attendance"}, {"sessions", "delivery"},
		{"sessions", "minutes"}, {"sessions", "attended"}, {"week_summaries", "week"},
		{"week_summaries", "minutes"}, {"assessments", "edition"}, {"assessments", "population"},
		{"assessments", "d1"}, {"assessments", "d6"}, {"assessments", "modifiers"},
		{"decisions", "recommended"}, {"decisions", "placed"}, {"decisions", "drivers"},
		{"episodes", "state"}, {"episodes", "level"}, {"findings", "severity"}, {"findings", "unit"},
		{"findings", "level"},
	} {
		rows := rawRows(t, s, `SELECT DISTINCT typeof(`+c.column+`) FROM `+c.table+` WHERE `+c.column+` IS NOT NULL`)
		assert.Equal(t, [][]sql.NullString{{{String: "text", Valid: true}}}, rows, "%s.%s", c.table, c.column)
	}
}

// sqlValue is an enum or set type of the library, or minutes: stored
// through the store's text adapters (sqlEnum, sqlText), read back through
// sqlScan.
type sqlValue interface {
	comparable
	encoding.TextMarshaler
	fmt.Stringer
}

// roundTripValues stores each of values in a TEXT column of its own and
// reads it back: the column holds its String (NULL for the zero value of
// an enum, when zeroIsNull), and the value scanned is the value stored.
func roundTripValues[T sqlValue, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, values []T, zeroIsNull bool) {
	t.Helper()
	s := newStore(t)
	ctx := t.Context()
	_, err := s.db.ExecContext(ctx, `CREATE TABLE vals (seq INTEGER PRIMARY KEY, v TEXT) STRICT`)
	require.NoError(t, err)
	for _, v := range values {
		arg := sqlText(v)
		if zeroIsNull {
			arg = sqlEnum(v)
		}
		_, err := s.db.ExecContext(ctx, `INSERT INTO vals (v) VALUES (?)`, arg)
		require.NoError(t, err, "%v", v)
	}
	raw := rawRows(t, s, `SELECT v FROM vals ORDER BY seq`)
	require.Len(t, raw, len(values))
	rows, err := s.db.QueryContext(ctx, `SELECT v FROM vals ORDER BY seq`)
	require.NoError(t, err)
	defer rows.Close()
	var zero T
	for i := 0; rows.Next(); i++ {
		var got T
		require.NoError(t, rows.Scan(sqlScan[T, P](&got)))
		assert.Equal(t, values[i], got)
		assert.Equal(t, nullText(values[i], zeroIsNull && values[i] == zero), raw[i][0], "%T %v", values[i], values[i])
	}
	require.NoError(t, rows.Err())
}

// withZero returns the zero value followed by values.
func withZero[T any](values []T) []T {
	var zero T
	return append([]T{zero}, values...)
}

// setsOf returns the empty set, the set of each value alone and the set
// of them all.
func setsOf[E, S any](values []E, of func(...E) S) []S {
	out := []S{of()}
	for _, v := range values {
		out = append(out, of(v))
	}
	return append(out, of(values...))
}

// TestEveryValueRoundTrips stores every value of every enum and set type
// of the library, and minutes, through a column.
func TestEveryValueRoundTrips(t *testing.T) {
	weekdays := []time.Weekday{time.Sunday, time.Monday, time.Tuesday, time.Wednesday, time.Thursday,
		time.Friday, time.Saturday}
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"iop.Level", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Level]()), true) }},
		{"iop.Edition", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Edition]()), true) }},
		{"iop.Population", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Population]()), true) }},
		{"iop.ServiceKind", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.ServiceKind]()), true) }},
		{"iop.Delivery", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Delivery]()), true) }},
		{"iop.Severity", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Severity]()), true) }},
		{"iop.Unit", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Unit]()), true) }},
		{"aftercare.Measure", func(t *testing.T) { roundTripValues(t, withZero(iop.All[aftercare.Measure]()), true) }},
		{"iop.Provider", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Provider]()), true) }},
		{"iop.Reach", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.Reach]()), true) }},
		{"iop.GroupKind", func(t *testing.T) { roundTripValues(t, withZero(iop.All[iop.GroupKind]()), true) }},
		{"schedule.DayCount", func(t *testing.T) { roundTripValues(t, withZero(iop.All[schedule.DayCount]()), true) }},
		{"schedule.PartialWeek", func(t *testing.T) { roundTripValues(t, withZero(iop.All[schedule.PartialWeek]()), true) }},
		{"iop.Deliveries", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[iop.Delivery](), iop.SetOf[iop.Delivery]), false)
		}},
		{"iop.GroupKinds", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[iop.GroupKind](), iop.SetOf[iop.GroupKind]), false)
		}},
		{"iop.ServiceKinds", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[iop.ServiceKind](), iop.SetOf[iop.ServiceKind]), false)
		}},
		{"iop.Settings", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[iop.Provider](), iop.SetOf[iop.Provider]), false)
		}},
		{"iop.Minutes", func(t *testing.T) {
			roundTripValues(t, []iop.Minutes{0, 1, 59, 60, 539, iop.Hours(9), iop.Hours(20) - 1, -90, 1<<31 - 1}, false)
		}},
		{"schedule.Attendance", func(t *testing.T) { roundTripValues(t, withZero(iop.All[schedule.Attendance]()), true) }},
		{"schedule.WeekKind", func(t *testing.T) { roundTripValues(t, withZero(iop.All[schedule.WeekKind]()), true) }},
		{"schedule.Weekdays", func(t *testing.T) { roundTripValues(t, setsOf(weekdays, schedule.WeekdaysOf), false) }},
		{"eligibility.Risk", func(t *testing.T) { roundTripValues(t, iop.All[eligibility.Risk](), false) }},
		{"eligibility.Dimension", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[eligibility.Dimension]()), true)
		}},
		{"eligibility.Dimensions", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[eligibility.Dimension](), iop.SetOf[eligibility.Dimension]), false)
		}},
		{"eligibility.Role", func(t *testing.T) { roundTripValues(t, withZero(iop.All[eligibility.Role]()), true) }},
		{"eligibility.Modifier", func(t *testing.T) { roundTripValues(t, withZero(iop.All[eligibility.Modifier]()), true) }},
		{"eligibility.Modifiers", func(t *testing.T) {
			roundTripValues(t, setsOf(iop.All[eligibility.Modifier](), iop.SetOf[eligibility.Modifier]), false)
		}},
		{"eligibility.VarianceReason", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[eligibility.VarianceReason]()), true)
		}},
		{"eligibility.Progress", func(t *testing.T) { roundTripValues(t, withZero(iop.All[eligibility.Progress]()), true) }},
		{"eligibility.Direction", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[eligibility.Direction]()), true)
		}},
		{"aftercare.State", func(t *testing.T) { roundTripValues(t, withZero(iop.All[aftercare.State]()), true) }},
		{"aftercare.EventKind", func(t *testing.T) { roundTripValues(t, withZero(iop.All[aftercare.EventKind]()), true) }},
		{"aftercare.DischargeReason", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[aftercare.DischargeReason]()), true)
		}},
		{"aftercare.Step", func(t *testing.T) { roundTripValues(t, withZero(iop.All[aftercare.Step]()), true) }},
		{"aftercare.ContactStatus", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[aftercare.ContactStatus]()), true)
		}},
		{"group.AgeFocus", func(t *testing.T) { roundTripValues(t, withZero(iop.All[group.AgeFocus]()), true) }},
		{"group.Gender", func(t *testing.T) { roundTripValues(t, withZero(iop.All[group.Gender]()), true) }},
		{"group.Enrollment", func(t *testing.T) { roundTripValues(t, withZero(iop.All[group.Enrollment]()), true) }},
		{"group.ParticipantRole", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[group.ParticipantRole]()), true)
		}},
		{"group.FacilitatorRole", func(t *testing.T) {
			roundTripValues(t, withZero(iop.All[group.FacilitatorRole]()), true)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// TestInvalidValueNotStored checks that a value outside its type's range
// is refused by its text adapter, so it never reaches the database.
func TestInvalidValueNotStored(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	for _, v := range []driver.Valuer{sqlEnum(iop.Level(200)), sqlEnum(iop.ServiceKind(200)), sqlText(eligibility.Risk(5)),
		sqlText(iop.Set[eligibility.Modifier](1 << 15)), sqlEnum(aftercare.State(200)), sqlEnum(iop.Severity(200))} {
		_, err := s.db.ExecContext(ctx, `INSERT INTO findings (code, severity, subject, need, got, ref)
			VALUES ('x', ?, 'X-1', 0, 0, '')`, v)
		require.ErrorIs(t, err, iop.ErrUnknown, "%T", v)
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "%T", v)
	}
	rows := rawRows(t, s, `SELECT count(*) FROM findings`)
	assert.Equal(t, [][]sql.NullString{{{String: "0", Valid: true}}}, rows)
}

// seed stores one value of each type, under the IDs the refusal tests
// change: patient P-1001, assessment A-1, decision A-1, episode E-1,
// week 2025-W10 and findings about X-1.
func seed(t *testing.T, s *Store) {
	t.Helper()
	ctx := t.Context()
	sessions, err := schedule.ParseSessions([]byte(sessionsJSON))
	require.NoError(t, err)
	require.NoError(t, s.PutSessions(ctx, sessions))
	require.NoError(t, s.PutWeek(ctx, testWeeks(t)[0]))
	var decided eligibility.Decision
	for _, d := range testDecisions(t) {
		if d.Assessment().ID == "A-1" {
			decided = d
			break
		}
	}
	require.False(t, decided.IsZero())
	require.NoError(t, s.PutAssessment(ctx, decided.Assessment()))
	require.NoError(t, s.PutDecision(ctx, decided))
	require.NoError(t, s.PutEpisode(ctx, testEpisodes(t)[2]))
	require.NoError(t, s.PutFindings(ctx, testFindings(t)))
}

// TestUnknownTextRefused changes a stored column to text the library does
// not know: reading it back is an *iop.ParseError wrapping the sentinel
// for the reason, and the message does not hold the text.
func TestUnknownTextRefused(t *testing.T) {
	ctx := context.Background()
	readSessions := func(s *Store) error { _, err := s.Sessions(ctx, "P-1001"); return err }
	readWeek := func(s *Store) error {
		_, err := s.Week(ctx, "P-1001", schedule.MustParseWeek("2025-W10"))
		return err
	}
	readAssessment := func(s *Store) error { _, err := s.Assessment(ctx, "A-1"); return err }
	readDecision := func(s *Store) error { _, err := s.Decision(ctx, "A-1"); return err }
	readEpisode := func(s *Store) error { _, err := s.Episode(ctx, "E-1"); return err }
	readFindings := func(s *Store) error { _, err := s.Findings(ctx, "X-1"); return err }
	tests := []struct {
		name   string
		update string // sets the column to text
		text   string // the text set
		read   func(*Store) error
		want   error
	}{
		{"sessions.kind", `UPDATE sessions SET kind = ?`, "yoga", readSessions, iop.ErrUnknown},
		{"sessions.kind ordinal", `UPDATE sessions SET kind = ?`, "1", readSessions, iop.ErrUnknown},
		{"sessions.attendance", `UPDATE sessions SET attendance = ?`, "late", readSessions, iop.ErrUnknown},
		{"sessions.delivery", `UPDATE sessions SET delivery = ?`, "fax", readSessions, iop.ErrUnknown},
		{"sessions.minutes", `UPDATE sessions SET minutes = ?`, "60", readSessions, iop.ErrSyntax},
		{"sessions.attended", `UPDATE sessions SET attended = ?`, "1:00", readSessions, iop.ErrSyntax},
		{"sessions.date", `UPDATE sessions SET date = ?`, "2025-02-30", readSessions, iop.ErrInvalidDate},
		{"week_summaries.minutes", `UPDATE week_summaries SET minutes = ?`, "375", readWeek, iop.ErrSyntax},
		{"assessments.edition", `UPDATE assessments SET edition = ?`, "5th", readAssessment, iop.ErrUnknown},
		{"assessments.population", `UPDATE assessments SET population = ?`, "elder", readAssessment, iop.ErrUnknown},
		{"assessments.d1", `UPDATE assessments SET d1 = ?`, "5", readAssessment, iop.ErrUnknown},
		{"assessments.modifiers", `UPDATE assessments SET modifiers = ?`, "co-occurring,lunar", readAssessment, iop.ErrUnknown},
		{"assessments.date", `UPDATE assessments SET date = ?`, "2024-13-01", readAssessment, iop.ErrInvalidDate},
		{"decisions.recommended", `UPDATE decisions SET recommended = ?`, "6", readDecision, iop.ErrUnknown},
		{"decisions.placed", `UPDATE decisions SET placed = ?`, "2.2", readDecision, iop.ErrUnknown},
		{"decisions.drivers", `UPDATE decisions SET drivers = ?`, "D7", readDecision, iop.ErrUnknown},
		{"episodes.state", `UPDATE episodes SET state = ?`, "lost", readEpisode, iop.ErrUnknown},
		{"episodes.level", `UPDATE episodes SET level = ?`, "II.1", readEpisode, iop.ErrUnknown},
		{"findings.severity", `UPDATE findings SET severity = ?`, "fatal", readFindings, iop.ErrUnknown},
		{"findings.unit", `UPDATE findings SET unit = ?`, "hours", readFindings, iop.ErrUnknown},
		{"findings.level", `UPDATE findings SET level = ?`, "2.2", readFindings, iop.ErrUnknown},
		{"findings.day", `UPDATE findings SET day = ?`, "2025-02-29", readFindings, iop.ErrInvalidDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			seed(t, s)
			require.NoError(t, tt.read(s), "before the change")
			_, err := s.db.ExecContext(t.Context(), tt.update, tt.text)
			require.NoError(t, err)
			err = tt.read(s)
			require.ErrorIs(t, err, tt.want)
			var pe *iop.ParseError
			require.ErrorAs(t, err, &pe)
			assert.NotContains(t, err.Error(), tt.text)
		})
	}
}

// TestColumnsMustAgree changes a queryable column so that it no longer
// matches the JSON stored with it: reading the row is an error.
func TestColumnsMustAgree(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		update string
		read   func(*Store) error
	}{
		{"decisions.placed", `UPDATE decisions SET placed = '3.1'`,
			func(s *Store) error { _, err := s.Decision(ctx, "A-1"); return err }},
		{"decisions.source", `UPDATE decisions SET source = 'CO-Triage'`,
			func(s *Store) error { _, err := s.Decision(ctx, "A-1"); return err }},
		{"episodes.state", `UPDATE episodes SET state = 'closed'`,
			func(s *Store) error { _, err := s.Episode(ctx, "E-1"); return err }},
		{"week_summaries.minutes", `UPDATE week_summaries SET minutes = '9h00m'`,
			func(s *Store) error {
				_, err := s.Week(ctx, "P-1001", schedule.MustParseWeek("2025-W10"))
				return err
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			seed(t, s)
			_, err := s.db.ExecContext(t.Context(), tt.update)
			require.NoError(t, err)
			assert.ErrorIs(t, tt.read(s), errDisagree)
		})
	}
}

// TestTamperedBodyRefused changes the JSON of a decision and an episode
// so that it is no longer one the library makes: the decoders refuse it.
func TestTamperedBodyRefused(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	ctx := t.Context()
	tamper := func(table, old, new string) {
		t.Helper()
		res, err := s.db.ExecContext(ctx, `UPDATE `+table+` SET body = replace(body, ?1, ?2)
			WHERE instr(body, ?1) > 0`, old, new)
		require.NoError(t, err)
		n, err := res.RowsAffected()
		require.NoError(t, err)
		require.Equal(t, int64(1), n, "%s holds %s", table, old)
	}
	tamper("decisions", `"recommended":"0.5"`, `"recommended":"4"`)
	_, err := s.Decision(ctx, "A-1")
	var fe iop.FieldErrors
	require.ErrorAs(t, err, &fe)

	tamper("episodes", `"kind":"assess"`, `"kind":"start"`)
	_, err = s.Episode(ctx, "E-1")
	var me *aftercare.MoveError
	assert.ErrorAs(t, err, &me)
}

// TestAdaptersRefuse reads the columns whose types have no Scan of their
// own (dates, start times, weeks) from text the library refuses, NULL and
// numbers: each is an *iop.ParseError wrapping the reason.
func TestAdaptersRefuse(t *testing.T) {
	var (
		d date.Date
		c schedule.Clock
		w schedule.Week
	)
	tests := []struct {
		name string
		src  any
		dst  sql.Scanner
		want error
	}{
		{"date impossible", "2025-02-30", dateScanner{dst: &d}, iop.ErrInvalidDate},
		{"date leap day of a common year", "2025-02-29", dateScanner{dst: &d}, iop.ErrInvalidDate},
		{"date not ISO", "03/03/2025", dateScanner{dst: &d}, iop.ErrInvalidDate},
		{"date NULL", nil, dateScanner{dst: &d}, iop.ErrMissing},
		{"date number", int64(20150), dateScanner{dst: &d, null: true}, iop.ErrSyntax},
		{"clock number", int64(540), clockScanner{dst: &c}, iop.ErrSyntax},
		{"week NULL", nil, weekScanner{dst: &w}, iop.ErrMissing},
		{"week number", int64(10), weekScanner{dst: &w}, iop.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			err := s.db.QueryRowContext(t.Context(), `SELECT ?`, tt.src).Scan(tt.dst)
			require.ErrorIs(t, err, tt.want)
			var pe *iop.ParseError
			assert.ErrorAs(t, err, &pe)
		})
	}
	for _, text := range []string{"24:00", "9:00", "09:60", ""} {
		s := newStore(t)
		err := s.db.QueryRowContext(t.Context(), `SELECT ?`, text).Scan(clockScanner{dst: &c})
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "clock %q", text)
	}
	for _, text := range []string{"2025-W54", "2025-W1", "2025-02-30/P1W", ""} {
		s := newStore(t)
		err := s.db.QueryRowContext(t.Context(), `SELECT ?`, text).Scan(weekScanner{dst: &w})
		var pe *iop.ParseError
		require.ErrorAs(t, err, &pe, "week %q", text)
	}
	assert.Zero(t, d)
	assert.Zero(t, c)
	assert.Zero(t, w)
}

// TestDateOwnScanRolls records why dates do not use date.Date's own Scan:
// it accepts a date that does not exist and rolls it forward, where
// iop.ParseDate refuses it.
func TestDateOwnScanRolls(t *testing.T) {
	var d date.Date
	require.NoError(t, d.Scan("2025-02-30"))
	assert.Equal(t, "2025-03-02", d.String())
	_, err := iop.ParseDate("2025-02-30")
	assert.ErrorIs(t, err, iop.ErrInvalidDate)
}

// TestRoundTripInput: a session read from a file, and a finding drawn
// from one, carry where they were read (iop.Input); the store keeps it (it
// was dropped: a session read back from the store had lost its CSV line,
// a finding its X12 segment). NULL is a record not read from a file.
func TestRoundTripInput(t *testing.T) {
	ctx := t.Context()
	s := newStore(t)
	r, err := schedule.NewSessionReader(strings.NewReader("patient,id,date,start,minutes,kind,attendance,attended,code,delivery\n"+
		"P-7,S-1,2025-03-03,09:00,180,group,attended,,90853,in-person\n"+
		"P-7,S-2,2025-03-04,09:00,180,group,partial,95,90853,video\n"), schedule.CSVOptions{})
	require.NoError(t, err)
	var sessions []schedule.Session
	for {
		x, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		sessions = append(sessions, x)
	}
	require.Len(t, sessions, 2)
	require.Equal(t, iop.InputLine(3), sessions[1].Input)
	sessions = append(sessions, schedule.Session{Patient: "P-7", Date: mustDate(t, "2025-03-05"), Kind: iop.ServiceKindOther,
		Attendance: schedule.AttendanceAbsent, Planned: 60}) // built in code: no Input
	require.NoError(t, s.PutSessions(ctx, sessions))
	got, err := s.Sessions(ctx, "P-7")
	require.NoError(t, err)
	assert.Equal(t, sessions, got)

	fs := iop.Findings{
		{Code: "billing.units.mismatch", Severity: iop.SeverityBlocking, Subject: "C-1", Line: 2, Input: iop.InputSegment(57)},
		{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityWarning, Subject: "C-1", Input: iop.InputLine(12)},
		{Code: "schedule.weekly-minutes.below-minimum", Severity: iop.SeverityWarning, Subject: "C-1"},
	}
	require.NoError(t, s.PutFindings(ctx, fs))
	gotFs, err := s.Findings(ctx, "C-1")
	require.NoError(t, err)
	assert.Equal(t, fs, gotFs)
	assert.Equal(t, [][]sql.NullString{{{String: "input line 2", Valid: true}}, {{String: "input line 3", Valid: true}}, {{}}},
		rawRows(t, s, `SELECT input FROM sessions ORDER BY seq`))
	assert.Equal(t, [][]sql.NullString{{{String: "segment 57", Valid: true}}, {{String: "input line 12", Valid: true}}, {{}}},
		rawRows(t, s, `SELECT input FROM findings ORDER BY seq`))
}
