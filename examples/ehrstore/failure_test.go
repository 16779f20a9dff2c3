package main

import (
	"bytes"
	"context"
	"database/sql"
	"strconv"
	"testing"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// PutSessions and PutFindings store a batch in one transaction: a value
// the adapters refuse anywhere in it stores nothing of it, and the error
// names the batch's index, never a value of the record.
func TestPutAllOrNothing(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	sessions := testSessions(t)
	require.Greater(t, len(sessions), 2)
	bad := append([]schedule.Session(nil), sessions...)
	bad[2].Kind = iop.ServiceKind(200)
	err := s.PutSessions(ctx, bad)
	require.ErrorIs(t, err, iop.ErrUnknown)
	var pe *iop.ParseError
	require.ErrorAs(t, err, &pe)
	require.EqualError(t, err, "ehrstore: sessions[2]: sql: converting argument $5 type: iop.ServiceKind.MarshalText: unknown value")
	for _, x := range sessions {
		got, err := s.Sessions(ctx, x.Patient)
		require.NoError(t, err)
		assert.Nil(t, got, "nothing of the batch stored: %s", x.Patient)
	}

	fs := testFindings(t)
	require.Greater(t, len(fs), 1)
	badFs := append(iop.Findings(nil), fs...)
	badFs[1].Severity = iop.Severity(200)
	err = s.PutFindings(ctx, badFs)
	require.ErrorIs(t, err, iop.ErrUnknown)
	require.EqualError(t, err, "ehrstore: findings[1]: sql: converting argument $2 type: iop.Severity.MarshalText: unknown value")
	assert.Equal(t, [][]sql.NullString{{{String: "0", Valid: true}}}, rawRows(t, s, `SELECT count(*) FROM findings`))

	// The same batches, valid, are stored whole.
	require.NoError(t, s.PutSessions(ctx, sessions))
	require.NoError(t, s.PutFindings(ctx, fs))
	assert.Equal(t, [][]sql.NullString{{{String: strconv.Itoa(len(sessions)), Valid: true}}}, rawRows(t, s, `SELECT count(*) FROM sessions`))
	assert.Equal(t, [][]sql.NullString{{{String: strconv.Itoa(len(fs)), Valid: true}}}, rawRows(t, s, `SELECT count(*) FROM findings`))
}

// A record not stored: the single reads are an error wrapping
// sql.ErrNoRows that names the table; the list reads are nil.
func TestNotStored(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	ctx := t.Context()
	_, err := s.Week(ctx, "P-1001", schedule.MustParseWeek("2025-W11"))
	require.ErrorIs(t, err, sql.ErrNoRows)
	require.EqualError(t, err, "ehrstore: week: sql: no rows in result set")
	_, err = s.Assessment(ctx, "A-9")
	require.ErrorIs(t, err, sql.ErrNoRows)
	require.EqualError(t, err, "ehrstore: assessment: sql: no rows in result set")
	_, err = s.Decision(ctx, "A-9")
	require.ErrorIs(t, err, sql.ErrNoRows)
	require.EqualError(t, err, "ehrstore: decision: sql: no rows in result set")
	_, err = s.Episode(ctx, "E-9")
	require.ErrorIs(t, err, sql.ErrNoRows)
	require.EqualError(t, err, "ehrstore: episode: sql: no rows in result set")

	sessions, err := s.Sessions(ctx, "P-9")
	require.NoError(t, err)
	assert.Nil(t, sessions)
	fs, err := s.Findings(ctx, "X-9")
	require.NoError(t, err)
	assert.Nil(t, fs)
	ids, err := s.PlacedAt(ctx, iop.Level35)
	require.NoError(t, err)
	assert.Nil(t, ids)
}

// A week that is not one (the zero Week) is refused before the database.
func TestPutWeekRefused(t *testing.T) {
	s := newStore(t)
	ctx := t.Context()
	err := s.PutWeek(ctx, schedule.WeekSummary{Patient: "P-1"})
	require.ErrorIs(t, err, iop.ErrMissing)
	require.EqualError(t, err, "ehrstore: week: schedule.Week.MarshalText: missing")
	_, err = s.Week(ctx, "P-1", schedule.Week{})
	require.ErrorIs(t, err, iop.ErrMissing)
	require.EqualError(t, err, "ehrstore: week: schedule.Week.MarshalText: missing")
	assert.Equal(t, [][]sql.NullString{{{String: "0", Valid: true}}}, rawRows(t, s, `SELECT count(*) FROM week_summaries`))
}

// Once the store is closed every call is an error that names the table.
func TestClosedStore(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	const closed = "sql: database is closed"
	w := schedule.MustParseWeek("2025-W10")
	for _, tc := range []struct {
		name string
		call func() error
		want string
	}{
		{"PutSessions", func() error { return s.PutSessions(ctx, testSessions(t)) }, "ehrstore: sessions: " + closed},
		{"Sessions", func() error { _, err := s.Sessions(ctx, "P-1001"); return err }, "ehrstore: sessions: " + closed},
		{"PutWeek", func() error { return s.PutWeek(ctx, testWeeks(t)[0]) }, "ehrstore: week: " + closed},
		{"Week", func() error { _, err := s.Week(ctx, "P-1001", w); return err }, "ehrstore: week: " + closed},
		{"PutAssessment", func() error { return s.PutAssessment(ctx, testAssessments(t)[0]) }, "ehrstore: assessment: " + closed},
		{"Assessment", func() error { _, err := s.Assessment(ctx, "A-1"); return err }, "ehrstore: assessment: " + closed},
		{"PutDecision", func() error { return s.PutDecision(ctx, testDecisions(t)[0]) }, "ehrstore: decision: " + closed},
		{"Decision", func() error { _, err := s.Decision(ctx, "A-1"); return err }, "ehrstore: decision: " + closed},
		{"PlacedAt", func() error { _, err := s.PlacedAt(ctx, iop.Level21); return err }, "ehrstore: decisions: " + closed},
		{"PutEpisode", func() error { return s.PutEpisode(ctx, testEpisodes(t)[0]) }, "ehrstore: episode: " + closed},
		{"Episode", func() error { _, err := s.Episode(ctx, "E-1"); return err }, "ehrstore: episode: " + closed},
		{"PutFindings", func() error { return s.PutFindings(ctx, testFindings(t)) }, "ehrstore: findings: " + closed},
		{"Findings", func() error { _, err := s.Findings(ctx, "X-1"); return err }, "ehrstore: findings: " + closed},
	} {
		require.EqualError(t, tc.call(), tc.want, tc.name)
	}
}

// Each step of the demonstration stops at the store's first error and
// returns it, having printed nothing of what it could not store or read.
func TestDemoStepsFail(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	require.NoError(t, err)
	require.NoError(t, s.Close())
	var out bytes.Buffer
	d := &demo{ctx: ctx, w: &out, s: s}
	for _, tc := range []struct {
		name string
		step func() error
		want string
	}{
		{"sessions", d.sessions, "ehrstore: sessions: sql: database is closed"},
		{"eligibility", d.eligibility, "ehrstore: assessment: sql: database is closed"},
		{"episode", d.episode, "ehrstore: episode: sql: database is closed"},
		{"refused", d.refused, "sql: database is closed"},
		{"findings", func() error {
			return d.findings("X-1", iop.Findings{{Code: aftercare.CodeOutreach, Severity: iop.SeverityWarning, Subject: "X-1"}})
		}, "ehrstore: findings: sql: database is closed"},
		{"raw", func() error { return d.raw(`SELECT 1`) }, "sql: database is closed"},
	} {
		require.EqualError(t, tc.step(), tc.want, tc.name)
	}
	assert.Equal(t, "\n== Episode E-3001, stored after each move and read back equal\n", out.String(),
		"the episode's heading only: it comes before the first store")
	require.EqualError(t, same("decision", false), "decision: read back different from what was stored")
	require.NoError(t, same("decision", true))
}

// A JSON body that is not JSON at all is refused by the decoder, and the
// error names the column, never its text.
func TestBodyNotJSON(t *testing.T) {
	s := newStore(t)
	seed(t, s)
	ctx := t.Context()
	for _, table := range []string{"week_summaries", "decisions", "episodes"} {
		_, err := s.db.ExecContext(ctx, `UPDATE `+table+` SET body = 'Jane Doe 1960-01-01'`)
		require.NoError(t, err, table)
	}
	_, err := s.Week(ctx, "P-1001", schedule.MustParseWeek("2025-W10"))
	require.ErrorIs(t, err, iop.ErrSyntax)
	require.EqualError(t, err, "ehrstore: week.body: invalid syntax: malformed at byte 1")
	_, err = s.Decision(ctx, "A-1")
	require.ErrorIs(t, err, iop.ErrSyntax)
	require.EqualError(t, err, "ehrstore: decision.body: invalid syntax: malformed at byte 1")
	_, err = s.Episode(ctx, "E-1")
	require.ErrorIs(t, err, iop.ErrSyntax)
	require.EqualError(t, err, "ehrstore: episode.body: invalid syntax: malformed at byte 1")
}

// The zero Episode is refused before the database: it was stored, under
// the ID "", as a body Episode refuses to read back.
func TestPutEpisodeZero(t *testing.T) {
	s := newStore(t)
	err := s.PutEpisode(t.Context(), aftercare.Episode{})
	require.ErrorIs(t, err, iop.ErrMissing)
	require.EqualError(t, err, "ehrstore: episode: missing")
	assert.Equal(t, [][]sql.NullString{{{String: "0", Valid: true}}}, rawRows(t, s, `SELECT count(*) FROM episodes`))
}
