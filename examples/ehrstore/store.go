package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// schema is the store's tables. They are STRICT, so every value has its
// column's declared type. (SQLite still turns an integer into text for a
// TEXT column, so STRICT alone would not catch an ordinal: the tests read
// each column back as raw text and compare it with the value's String.)
// An enum left at its zero value (unset) is NULL; a set is its names
// joined by commas ("" when empty); minutes are "1h00m"; dates are ISO
// 8601 text.
const schema = `
CREATE TABLE sessions (
	seq        INTEGER PRIMARY KEY,
	patient    TEXT NOT NULL,
	id         TEXT NOT NULL,  -- '' when the session has none
	date       TEXT NOT NULL,  -- ISO 8601
	start      TEXT,           -- schedule.Clock, "09:00"; NULL when unset
	kind       TEXT,           -- iop.ServiceKind
	attendance TEXT,           -- schedule.Attendance
	delivery   TEXT,           -- iop.Delivery; NULL is in person
	minutes    TEXT NOT NULL,  -- iop.Minutes, planned
	attended   TEXT NOT NULL,  -- iop.Minutes
	code       TEXT NOT NULL,
	input      TEXT            -- iop.Input, "input line 7"; NULL when not read from a file
) STRICT;
CREATE INDEX sessions_patient ON sessions (patient, date);

CREATE TABLE week_summaries (
	patient TEXT NOT NULL,
	week    TEXT NOT NULL,     -- schedule.Week, "2025-W10"
	minutes TEXT NOT NULL,     -- iop.Minutes counted
	body    TEXT NOT NULL,     -- the schedule.WeekSummary as JSON
	PRIMARY KEY (patient, week)
) STRICT;

CREATE TABLE assessments (
	id         TEXT PRIMARY KEY,
	edition    TEXT,           -- iop.Edition
	date       TEXT NOT NULL,  -- ISO 8601
	population TEXT,           -- iop.Population
	d1 TEXT, d1_note TEXT NOT NULL,  -- eligibility.Risk "0".."4"; NULL when not rated
	d2 TEXT, d2_note TEXT NOT NULL,
	d3 TEXT, d3_note TEXT NOT NULL,
	d4 TEXT, d4_note TEXT NOT NULL,
	d5 TEXT, d5_note TEXT NOT NULL,
	d6 TEXT, d6_note TEXT NOT NULL,
	modifiers  TEXT NOT NULL   -- eligibility.Modifiers
) STRICT;

CREATE TABLE decisions (
	id          TEXT PRIMARY KEY,  -- the assessment's (or recommendation's) ID
	source      TEXT NOT NULL,     -- the recommending tool; '' for the criteria
	recommended TEXT,              -- iop.Level
	placed      TEXT,              -- iop.Level
	drivers     TEXT NOT NULL,     -- eligibility.Dimensions
	body        TEXT NOT NULL      -- the eligibility.Decision as JSON
) STRICT;

CREATE TABLE episodes (
	id    TEXT PRIMARY KEY,
	state TEXT,                -- aftercare.State
	level TEXT,                -- iop.Level admitted to; NULL before admission
	body  TEXT NOT NULL        -- the aftercare.Episode as JSON
) STRICT;

CREATE TABLE findings (
	seq      INTEGER PRIMARY KEY,
	code     TEXT NOT NULL,    -- iop.Code
	severity TEXT,             -- iop.Severity
	scope    TEXT,             -- iop.FindingScope; NULL for the record the subject names
	subject  TEXT NOT NULL,
	line     INTEGER NOT NULL, -- the claim line; 0 when none
	day      TEXT,             -- ISO 8601; NULL when the finding has no day
	need     INTEGER NOT NULL,
	got      INTEGER NOT NULL,
	unit     TEXT,             -- iop.Unit
	level    TEXT,             -- iop.Level
	ref      TEXT NOT NULL,    -- the rule's words and citation are looked up by code
	input    TEXT              -- iop.Input, "segment 57"; NULL when none
) STRICT;
CREATE INDEX findings_subject ON findings (subject);
`

// Store keeps a program's records in SQLite. It is safe for concurrent
// use: it holds one connection, so statements run one at a time (an
// in-memory database exists per connection).
type Store struct {
	db *sql.DB
}

// Open opens the SQLite database named by dsn (":memory:" for a new one in
// memory) and creates the schema.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("ehrstore: open: %w", err)
	}
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, schema); err != nil {
		return nil, errors.Join(fmt.Errorf("ehrstore: schema: %w", err), db.Close())
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// PutSessions stores sessions, in order, in one transaction.
func (s *Store) PutSessions(ctx context.Context, sessions []schedule.Session) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("ehrstore: sessions: %w", err)
	}
	for i, x := range sessions {
		_, err := tx.ExecContext(ctx, `INSERT INTO sessions
			(patient, id, date, start, kind, attendance, delivery, minutes, attended, code, input)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			x.Patient, x.ID, dateValue(x.Date), clockValue(x.Start), sqlEnum(x.Kind), sqlEnum(x.Attendance), sqlEnum(x.Delivery),
			sqlText(x.Planned), sqlText(x.Attended), x.Code, sqlEnum(x.Input))
		if err != nil {
			return errors.Join(fmt.Errorf("ehrstore: sessions[%d]: %w", i, err), tx.Rollback())
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ehrstore: sessions: %w", err)
	}
	return nil
}

// Sessions returns the sessions of a patient in the order they were stored.
func (s *Store) Sessions(ctx context.Context, patient string) ([]schedule.Session, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT
		patient, id, date, start, kind, attendance, delivery, minutes, attended, code, input
		FROM sessions WHERE patient = ? ORDER BY seq`, patient)
	if err != nil {
		return nil, fmt.Errorf("ehrstore: sessions: %w", err)
	}
	defer rows.Close()
	var out []schedule.Session
	for rows.Next() {
		var x schedule.Session
		err := rows.Scan(&x.Patient, &x.ID, dateScanner{dst: &x.Date}, clockScanner{dst: &x.Start},
			sqlScan(&x.Kind), sqlScan(&x.Attendance), sqlScan(&x.Delivery), sqlScan(&x.Planned), sqlScan(&x.Attended), &x.Code, sqlScan(&x.Input))
		if err != nil {
			return nil, fmt.Errorf("ehrstore: sessions[%d]: %w", len(out), err)
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ehrstore: sessions: %w", err)
	}
	return out, nil
}

// PutWeek stores a patient's week summary, replacing the one stored for
// the same patient and week.
func (s *Store) PutWeek(ctx context.Context, sum schedule.WeekSummary) error {
	week, err := weekValue(sum.Week)
	if err != nil {
		return fmt.Errorf("ehrstore: week: %w", err)
	}
	body, err := json.Marshal(sum)
	if err != nil {
		return fmt.Errorf("ehrstore: week: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO week_summaries
		(patient, week, minutes, body) VALUES (?, ?, ?, ?)`, sum.Patient, week, sqlText(sum.Minutes), string(body))
	if err != nil {
		return fmt.Errorf("ehrstore: week: %w", err)
	}
	return nil
}

// Week returns the summary of a patient's week. The week and minutes
// columns are read back too, and must agree with the JSON.
func (s *Store) Week(ctx context.Context, patient string, w schedule.Week) (schedule.WeekSummary, error) {
	week, err := weekValue(w)
	if err != nil {
		return schedule.WeekSummary{}, fmt.Errorf("ehrstore: week: %w", err)
	}
	var (
		col     schedule.WeekSummary
		body    string
		summary schedule.WeekSummary
	)
	err = s.db.QueryRowContext(ctx, `SELECT patient, week, minutes, body FROM week_summaries
		WHERE patient = ? AND week = ?`, patient, week).
		Scan(&col.Patient, weekScanner{dst: &col.Week}, sqlScan(&col.Minutes), &body)
	if err != nil {
		return schedule.WeekSummary{}, fmt.Errorf("ehrstore: week: %w", err)
	}
	// The type's own strict decoder, not json.Unmarshal: encoding/json's
	// syntax check quotes the character it stopped at, stored text.
	if err := summary.UnmarshalJSON([]byte(body)); err != nil {
		return schedule.WeekSummary{}, fmt.Errorf("ehrstore: week.body: %w", err)
	}
	if col.Patient != summary.Patient || col.Week != summary.Week || col.Minutes != summary.Minutes {
		return schedule.WeekSummary{}, fmt.Errorf("ehrstore: week: %w", errDisagree)
	}
	return summary, nil
}

// PutAssessment stores an assessment, replacing the one with its ID.
func (s *Store) PutAssessment(ctx context.Context, a eligibility.Assessment) error {
	args := []any{a.ID, sqlEnum(a.Edition), dateValue(a.Date), sqlEnum(a.Population)}
	for _, d := range iop.All[eligibility.Dimension]() {
		if r, ok := a.Ratings.Of(d); ok {
			args = append(args, sqlText(r.Risk), r.Note)
		} else {
			args = append(args, nil, "")
		}
	}
	args = append(args, sqlText(a.Modifiers))
	_, err := s.db.ExecContext(ctx, `INSERT OR REPLACE INTO assessments
		(id, edition, date, population, d1, d1_note, d2, d2_note, d3, d3_note,
		 d4, d4_note, d5, d5_note, d6, d6_note, modifiers)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, args...)
	if err != nil {
		return fmt.Errorf("ehrstore: assessment: %w", err)
	}
	return nil
}

// Assessment returns the assessment with the given ID, built from its
// columns alone.
func (s *Store) Assessment(ctx context.Context, id string) (eligibility.Assessment, error) {
	var (
		a     eligibility.Assessment
		risks [eligibility.NumDimensions]sqlNull[eligibility.Risk, *eligibility.Risk]
		notes [eligibility.NumDimensions]string
	)
	dest := []any{&a.ID, sqlScan(&a.Edition), dateScanner{dst: &a.Date}, sqlScan(&a.Population)}
	for i := range risks {
		dest = append(dest, &risks[i], &notes[i])
	}
	dest = append(dest, sqlScan(&a.Modifiers))
	err := s.db.QueryRowContext(ctx, `SELECT id, edition, date, population,
		d1, d1_note, d2, d2_note, d3, d3_note, d4, d4_note, d5, d5_note, d6, d6_note, modifiers
		FROM assessments WHERE id = ?`, id).Scan(dest...)
	if err != nil {
		return eligibility.Assessment{}, fmt.Errorf("ehrstore: assessment: %w", err)
	}
	for i, d := range iop.All[eligibility.Dimension]() {
		if risks[i].Valid {
			a.Ratings = a.Ratings.With(d, eligibility.Rating{Risk: risks[i].V, Note: notes[i]})
		}
	}
	return a, nil
}

// PutDecision stores a decision under its assessment's ID, replacing the
// one stored there (a decision placed after it was made replaces it).
func (s *Store) PutDecision(ctx context.Context, d eligibility.Decision) error {
	body, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("ehrstore: decision: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO decisions
		(id, source, recommended, placed, drivers, body) VALUES (?, ?, ?, ?, ?, ?)`,
		d.Assessment().ID, d.Source(), sqlEnum(d.Recommended()), sqlEnum(d.Placed()), sqlText(d.Drivers()), string(body))
	if err != nil {
		return fmt.Errorf("ehrstore: decision: %w", err)
	}
	return nil
}

// Decision returns the decision stored under an assessment's ID, decoded
// from its JSON; the queryable columns are read back too and must agree
// with it.
func (s *Store) Decision(ctx context.Context, id string) (eligibility.Decision, error) {
	var (
		source              string
		recommended, placed iop.Level
		drivers             iop.Set[eligibility.Dimension]
		body                string
		d                   eligibility.Decision
	)
	err := s.db.QueryRowContext(ctx, `SELECT source, recommended, placed, drivers, body
		FROM decisions WHERE id = ?`, id).Scan(&source, sqlScan(&recommended), sqlScan(&placed), sqlScan(&drivers), &body)
	if err != nil {
		return eligibility.Decision{}, fmt.Errorf("ehrstore: decision: %w", err)
	}
	if err := d.UnmarshalJSON([]byte(body)); err != nil { // strict, quoting nothing, as for the week
		return eligibility.Decision{}, fmt.Errorf("ehrstore: decision.body: %w", err)
	}
	if source != d.Source() || recommended != d.Recommended() || placed != d.Placed() || drivers != d.Drivers() {
		return eligibility.Decision{}, fmt.Errorf("ehrstore: decision: %w", errDisagree)
	}
	return d, nil
}

// PlacedAt returns the IDs of the decisions that placed a person at level
// l, in ID order: a query on a column with a library value as its
// argument.
func (s *Store) PlacedAt(ctx context.Context, l iop.Level) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM decisions WHERE placed = ? ORDER BY id`, sqlEnum(l))
	if err != nil {
		return nil, fmt.Errorf("ehrstore: decisions: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ehrstore: decisions: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ehrstore: decisions: %w", err)
	}
	return ids, nil
}

// PutEpisode stores an episode, replacing the one with its ID: an episode
// is stored again after each move. The zero Episode (no move, no ID) is
// refused with an error wrapping iop.ErrMissing: Episode could not read it
// back.
func (s *Store) PutEpisode(ctx context.Context, e aftercare.Episode) error {
	if e.IsZero() {
		return fmt.Errorf("ehrstore: episode: %w", iop.ErrMissing)
	}
	body, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("ehrstore: episode: %w", err)
	}
	_, err = s.db.ExecContext(ctx, `INSERT OR REPLACE INTO episodes (id, state, level, body)
		VALUES (?, ?, ?, ?)`, e.ID(), sqlEnum(e.State()), sqlEnum(e.Level()), string(body))
	if err != nil {
		return fmt.Errorf("ehrstore: episode: %w", err)
	}
	return nil
}

// Episode returns the episode with the given ID, replayed from its JSON;
// the state and level columns are read back too and must agree with it.
func (s *Store) Episode(ctx context.Context, id string) (aftercare.Episode, error) {
	var (
		state aftercare.State
		level iop.Level
		body  string
	)
	err := s.db.QueryRowContext(ctx, `SELECT state, level, body FROM episodes WHERE id = ?`, id).
		Scan(sqlScan(&state), sqlScan(&level), &body)
	if err != nil {
		return aftercare.Episode{}, fmt.Errorf("ehrstore: episode: %w", err)
	}
	e, err := aftercare.ParseEpisode([]byte(body))
	if err != nil {
		return aftercare.Episode{}, fmt.Errorf("ehrstore: episode.body: %w", err)
	}
	if state != e.State() || level != e.Level() {
		return aftercare.Episode{}, fmt.Errorf("ehrstore: episode: %w", errDisagree)
	}
	return e, nil
}

// PutFindings stores findings, in order, in one transaction.
func (s *Store) PutFindings(ctx context.Context, fs iop.Findings) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("ehrstore: findings: %w", err)
	}
	for i, f := range fs {
		_, err = tx.ExecContext(ctx, `INSERT INTO findings
			(code, severity, scope, subject, line, day, need, got, unit, level, ref, input)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			f.Code, sqlEnum(f.Severity), scopeValue(f.Scope), f.Subject, f.Line, dayValue(f.Day), f.Need, f.Got, sqlEnum(f.Unit), sqlEnum(f.Level), f.Ref, sqlEnum(f.Input))
		if err != nil {
			return errors.Join(fmt.Errorf("ehrstore: findings[%d]: %w", i, err), tx.Rollback())
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("ehrstore: findings: %w", err)
	}
	return nil
}

// Findings returns the findings about a subject in the order they were
// stored; nil when there are none.
func (s *Store) Findings(ctx context.Context, subject string) (iop.Findings, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT
		code, severity, scope, subject, line, day, need, got, unit, level, ref, input
		FROM findings WHERE subject = ? ORDER BY seq`, subject)
	if err != nil {
		return nil, fmt.Errorf("ehrstore: findings: %w", err)
	}
	defer rows.Close()
	var out iop.Findings
	for rows.Next() {
		var f iop.Finding
		err := rows.Scan(&f.Code, sqlScan(&f.Severity), scopeScanner{dst: &f.Scope}, &f.Subject, &f.Line, dateScanner{dst: &f.Day, null: true},
			&f.Need, &f.Got, sqlScan(&f.Unit), sqlScan(&f.Level), &f.Ref, sqlScan(&f.Input))
		if err != nil {
			return nil, fmt.Errorf("ehrstore: findings[%d]: %w", len(out), err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ehrstore: findings: %w", err)
	}
	return out, nil
}
