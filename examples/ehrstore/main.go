// Command ehrstore stores the values of ioprules in a real database and
// reads them back: a week of sessions and its summary, an assessment,
// a decision made by the criteria and one brought in from another tool,
// an episode of care after each move, and the findings of the weekly and
// discharge checks. It uses SQLite through the pure-Go driver
// modernc.org/sqlite, with STRICT tables, on a database in memory.
//
// Every enum, set and minutes column is written through the library's
// driver.Valuer and read back through its sql.Scanner, so the database
// holds the text form ("2.1", "group", "1h00m"), never the library's
// internal numbering. The program prints what it stored, as the raw text
// of the columns, and checks that each value read back is equal to the
// one stored. It prints record IDs only, never dates or other detail.
//
//	cd examples/ehrstore && go run .
package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/rickb777/date/v2"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ehrstore:", err)
		os.Exit(1)
	}
}

// sessionsJSON is one patient's week of sessions, as an EHR exports them.
const sessionsJSON = `[
{"patient":"P-1001","id":"S-01","date":"2025-03-03","start":"09:00","kind":"group","attendance":"attended","minutes":"1h00m","code":"90853"},
{"patient":"P-1001","id":"S-02","date":"2025-03-03","start":"10:00","kind":"individual","attendance":"attended","minutes":"1h00m","code":"90834"},
{"patient":"P-1001","id":"S-03","date":"2025-03-03","start":"11:00","kind":"psychoeducation","attendance":"attended","minutes":"1h00m"},
{"patient":"P-1001","id":"S-04","date":"2025-03-04","start":"09:00","kind":"group","attendance":"attended","delivery":"video","minutes":"1h00m","code":"90853"},
{"patient":"P-1001","id":"S-05","date":"2025-03-04","start":"10:00","kind":"group","attendance":"partial","minutes":"1h00m","attended":"0h45m","code":"90853"},
{"patient":"P-1001","id":"S-06","date":"2025-03-05","start":"09:00","kind":"group","attendance":"absent","minutes":"1h30m","code":"90853"},
{"patient":"P-1001","id":"S-07","date":"2025-03-05","start":"11:00","kind":"family","attendance":"excused","minutes":"1h00m","code":"90847"},
{"patient":"P-1001","id":"S-08","date":"2025-03-06","start":"09:00","kind":"group","attendance":"attended","minutes":"1h30m","code":"90853"},
{"patient":"P-1001","id":"S-09","date":"2025-03-06","start":"11:00","kind":"medication","attendance":"attended","delivery":"audio-only","minutes":"0h30m"},
{"patient":"P-1001","id":"S-10","date":"2025-03-06","start":"13:00","kind":"individual","attendance":"attended","minutes":"1h00m","code":"90834"},
{"patient":"P-1001","id":"S-11","date":"2025-03-06","start":"15:00","kind":"recreation","attendance":"attended","minutes":"1h00m"}
]`

// demo holds what the steps share.
type demo struct {
	ctx context.Context
	w   io.Writer
	s   *Store
}

func run(w io.Writer) error {
	ctx := context.Background()
	s, err := Open(ctx, ":memory:")
	if err != nil {
		return err
	}
	defer s.Close()
	d := &demo{ctx: ctx, w: w, s: s}
	fmt.Fprintln(w, "ehrstore: SQLite (modernc.org/sqlite) in memory, STRICT tables")
	for _, step := range []func() error{d.sessions, d.eligibility, d.episode, d.refused} {
		if err := step(); err != nil {
			return err
		}
	}
	return s.Close()
}

// sessions stores a week of sessions, its summary and the findings of the
// weekly check under Medicare's IOP benefit.
func (d *demo) sessions() error {
	sessions, err := schedule.ParseSessions([]byte(sessionsJSON))
	if err != nil {
		return err
	}
	if err := d.s.PutSessions(d.ctx, sessions); err != nil {
		return err
	}
	back, err := d.s.Sessions(d.ctx, "P-1001")
	if err != nil {
		return err
	}
	if err := same("sessions", slices.Equal(back, sessions)); err != nil {
		return err
	}
	fmt.Fprintf(d.w, "\n== Sessions of P-1001: %d stored, %d read back equal\n", len(sessions), len(back))
	if err := d.raw(`SELECT id, start, kind, attendance, delivery, minutes, attended, code
		FROM sessions ORDER BY seq`); err != nil {
		return err
	}

	ck, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	if err != nil {
		return err
	}
	week := schedule.ISOWeeks().Of(sessions[0].Date)
	sum, err := ck.Summarize(week, sessions)
	if err != nil {
		return err
	}
	if err := d.s.PutWeek(d.ctx, sum); err != nil {
		return err
	}
	sumBack, err := d.s.Week(d.ctx, "P-1001", week)
	if err != nil {
		return err
	}
	if err := same("week summary", sumBack == sum); err != nil {
		return err
	}
	fmt.Fprintf(d.w, "\n== Week summary of P-1001 (%s): read back equal\n", ck.Profile().ID)
	if err := d.raw(`SELECT patient, minutes FROM week_summaries`); err != nil {
		return err
	}

	fs, err := ck.CheckWeek(&sum, schedule.Stay{
		Population: iop.PopulationAdult, Admitted: date.New(2025, 2, 24), Setting: iop.ProviderHospitalOutpatient,
	})
	if err != nil {
		return err
	}
	return d.findings("P-1001", fs)
}

// eligibility stores an assessment, the decision the criteria make on it,
// and a decision brought in from another tool.
func (d *demo) eligibility() error {
	ck, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	if err != nil {
		return err
	}
	ratings, err := eligibility.NewRatings(1, 2, 2, 1, 2, 1)
	if err != nil {
		return err
	}
	ratings = ratings.With(eligibility.Dimension3, eligibility.Rating{Risk: 2, Note: "N-31"})
	a := eligibility.Assessment{
		ID: "A-2001", Edition: iop.Edition3, Date: date.New(2025, 2, 20), Population: iop.PopulationAdult,
		Ratings: ratings, Modifiers: iop.SetOf[eligibility.Modifier](eligibility.ModifierCoOccurring),
	}
	if err := d.s.PutAssessment(d.ctx, a); err != nil {
		return err
	}
	aBack, err := d.s.Assessment(d.ctx, a.ID)
	if err != nil {
		return err
	}
	if err := same("assessment", aBack == a); err != nil {
		return err
	}
	fmt.Fprintln(d.w, "\n== Assessment A-2001: read back equal, from its columns alone")
	if err := d.raw(`SELECT id, edition, population, d1, d2, d3, d3_note, d4, d5, d6, modifiers
		FROM assessments`); err != nil {
		return err
	}

	decided, err := ck.Decide(a)
	if err != nil {
		return err
	}
	placed, err := decided.Place(iop.Level25, eligibility.VarianceReasonClinicalJudgement, "N-40")
	if err != nil {
		return err
	}
	rec, err := ck.Recommended(eligibility.Recommendation{
		ID: "R-2002", Source: "ASAM CONTINUUM", Edition: iop.Edition3, Date: date.New(2025, 2, 21),
		Population: iop.PopulationAdult, Level: iop.Level21, Ratings: ratings,
	})
	if err != nil {
		return err
	}
	recPlaced, err := rec.Place(iop.Level1, eligibility.VarianceReasonPatientPreference, "N-52")
	if err != nil {
		return err
	}
	for _, dec := range []eligibility.Decision{placed, recPlaced} {
		if err := d.s.PutDecision(d.ctx, dec); err != nil {
			return err
		}
		back, err := d.s.Decision(d.ctx, dec.Assessment().ID)
		if err != nil {
			return err
		}
		if err := same("decision", back == dec); err != nil {
			return err
		}
	}
	fmt.Fprintln(d.w, "\n== Decisions A-2001 (criteria) and R-2002 (another tool): read back equal")
	if err := d.raw(`SELECT id, source, recommended, placed, drivers FROM decisions ORDER BY id`); err != nil {
		return err
	}
	ids, err := d.s.PlacedAt(d.ctx, iop.Level25)
	if err != nil {
		return err
	}
	fmt.Fprintf(d.w, "  placed at level %s: %s\n", iop.Level25, strings.Join(ids, ", "))
	return nil
}

// episode stores an episode of care after each move, then the findings of
// its discharge check.
func (d *demo) episode() error {
	ep, err := aftercare.Refer("E-3001", date.New(2025, 2, 10), false)
	if err != nil {
		return err
	}
	fmt.Fprintln(d.w, "\n== Episode E-3001, stored after each move and read back equal")
	discharged := date.New(2025, 4, 18)
	moves := []aftercare.Event{
		{Kind: aftercare.EventKindAssess, On: date.New(2025, 2, 14)},
		{Kind: aftercare.EventKindAdmit, On: date.New(2025, 2, 24), Level: iop.Level21},
		{Kind: aftercare.EventKindStart, On: date.New(2025, 2, 25)},
		{Kind: aftercare.EventKindDischarge, On: discharged, Discharge: aftercare.Discharge{
			Reason: aftercare.DischargeReasonCompleted, Planned: true, Step: aftercare.StepDown, ToLevel: iop.Level1,
		}},
	}
	for i := 0; ; i++ {
		if err := d.s.PutEpisode(d.ctx, ep); err != nil {
			return err
		}
		back, err := d.s.Episode(d.ctx, ep.ID())
		if err != nil {
			return err
		}
		if err := same("episode", back.Equal(ep)); err != nil {
			return err
		}
		if err := d.raw(`SELECT id, state, level FROM episodes`); err != nil {
			return err
		}
		if i == len(moves) {
			break
		}
		if ep, err = ep.Apply(moves[i]); err != nil {
			return err
		}
	}

	ck, err := aftercare.NewChecker(ioprules.ASAM3Level21())
	if err != nil {
		return err
	}
	plan := aftercare.Plan{
		Made: discharged - 4, GroupSessionsPerWeek: 1, CounselingPerMonth: 2,
		Contacts: []aftercare.Contact{{On: discharged + 5, Status: aftercare.ContactStatusScheduled}},
	}
	fs, err := ck.CheckDischarge(ep, plan, discharged)
	if err != nil {
		return err
	}
	return d.findings("E-3001", fs)
}

// refused shows that text the library does not know is refused on reading,
// with the library's typed error, which does not hold the text.
func (d *demo) refused() error {
	if _, err := d.s.db.ExecContext(d.ctx, `UPDATE sessions SET kind = 'yoga' WHERE id = 'S-11'`); err != nil {
		return err
	}
	_, err := d.s.Sessions(d.ctx, "P-1001")
	var pe *iop.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, iop.ErrUnknown) {
		return fmt.Errorf("an unknown kind was not refused: %w", err)
	}
	fmt.Fprintln(d.w, "\n== A session whose kind was changed to text the library does not know")
	fmt.Fprintf(d.w, "  refused: %v\n", err)
	return nil
}

// findings stores findings about subject, reads them back and prints
// their columns.
func (d *demo) findings(subject string, fs iop.Findings) error {
	if err := d.s.PutFindings(d.ctx, fs); err != nil {
		return err
	}
	back, err := d.s.Findings(d.ctx, subject)
	if err != nil {
		return err
	}
	if err := same("findings", slices.Equal(back, fs)); err != nil {
		return err
	}
	fmt.Fprintf(d.w, "\n== Findings about %s: %d stored, %d read back equal\n", subject, len(fs), len(back))
	return d.raw(`SELECT code, severity, day IS NOT NULL AS has_day, need, got, unit, level, ref
		FROM findings WHERE subject = ? ORDER BY seq`, subject)
}

// raw prints the rows of a query as the database holds them: each column
// as its text, NULL as NULL.
func (d *demo) raw(query string, args ...any) error {
	rows, err := d.s.db.QueryContext(d.ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]sql.NullString, len(cols))
	dest := make([]any, len(cols))
	for i := range vals {
		dest[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return err
		}
		var b strings.Builder
		b.WriteString(" ")
		for i, v := range vals {
			text := "NULL"
			if v.Valid {
				text = fmt.Sprintf("%q", v.String)
			}
			fmt.Fprintf(&b, " %s=%s", cols[i], text)
		}
		fmt.Fprintln(d.w, b.String())
	}
	return rows.Err()
}

// same returns an error naming what was read back different from what was
// stored.
func same(what string, equal bool) error {
	if !equal {
		return fmt.Errorf("%s: read back different from what was stored", what)
	}
	return nil
}
