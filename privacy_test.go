package ioprules_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ioprules/ioprules"
	"github.com/ioprules/ioprules/aftercare"
	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/eligibility"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/iop/group"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The markers injected into every input: a name, a birth date and a
// number, none of which may appear in any error or finding message (42 CFR
// Part 2). A record ID that holds them may come back as a finding's
// Subject, since the caller passed it as an ID, and a date accepted as a
// date of service as the finding's Day.
const (
	markerText   = "Jane Doe"
	markerDate   = "1980-01-02"
	markerNumber = "98765432109876543210"
)

func clean(t *testing.T, what, msg string) {
	t.Helper()
	for _, m := range []string{markerText, markerDate, markerNumber, "Jane", "1980"} {
		if strings.Contains(msg, m) {
			t.Errorf("%s: the message holds the input's %q:\n%s", what, m, msg)
			return
		}
	}
}

type jsonDecoder struct {
	name   string
	sample string // a file of examples/quickstart/sample, or inline JSON
	decode func([]byte) (iop.Findings, error)
}

func loadSample(t *testing.T, s string) []byte {
	t.Helper()
	if strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") {
		return []byte(s)
	}
	b, err := os.ReadFile("examples/quickstart/sample/" + s)
	require.NoError(t, err)
	return b
}

// decoders lists every JSON decoder of the library with a sample it
// accepts; decode also runs the checks on what it decoded, so that
// findings are looked at too.
func decoders(t *testing.T) []jsonDecoder {
	groups, err := group.NewChecker(ioprules.TIP47())
	require.NoError(t, err)
	weeks, err := schedule.NewChecker(ioprules.MedicareIOP2025())
	require.NoError(t, err)
	terms := authorization.CMS0057F()
	terms.LeadDays, terms.NoticeDays, terms.ReviewCite = 3, 2, iop.Citation{Source: "Payer X UR manual"}
	auths, err := authorization.NewChecker(ioprules.MedicareIOP2025().WithPart(terms))
	require.NoError(t, err)
	after, err := aftercare.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	elig, err := eligibility.NewChecker(ioprules.ASAM3Level21())
	require.NoError(t, err)
	week := schedule.ISOWeeks().Of(iop.MustParseDate("2025-03-03"))
	a, err := eligibility.ParseAssessment(loadSample(t, "eligibility-assessment.json"))
	require.NoError(t, err)
	d, err := elig.Decide(a)
	require.NoError(t, err)
	review, err := json.Marshal(eligibility.Review{Admitted: iop.MustParseDate("2025-01-06"), Current: d, Justification: "J-1"})
	require.NoError(t, err)
	discharge, err := json.Marshal(eligibility.DischargeReview{Final: d, Planned: true, NextLevel: iop.Level1})
	require.NoError(t, err)
	return []jsonDecoder{
		{"iop.ParseProfile", "state-profile.json", func(b []byte) (iop.Findings, error) {
			_, err := ioprules.ParseProfile(b)
			return nil, err
		}},
		{"group.ParseMeeting", "group-session.json", func(b []byte) (iop.Findings, error) {
			s, err := group.ParseMeeting(b)
			if err != nil {
				return nil, err
			}
			return groups.CheckMeeting(s)
		}},
		{"group.ParseRoster", "group-roster.json", func(b []byte) (iop.Findings, error) {
			r, err := group.ParseRoster(b)
			if err != nil {
				return nil, err
			}
			// A plan names the patients it cannot place by their record
			// IDs, which the caller passed as IDs: the rest of its words
			// are looked at.
			pl, err := groups.PlanRoster(r)
			for _, u := range pl.Unplaced {
				clean(t, "unplaced", (group.Unplaced{Of: u.Of, MinSize: u.MinSize, MaxSize: u.MaxSize, TooYoung: u.TooYoung}).String())
			}
			if err != nil {
				return nil, err
			}
			return nil, nil
		}},
		{"schedule.ParseSessions", "schedule-week.json", func(b []byte) (iop.Findings, error) {
			ss, err := schedule.ParseSessions(b)
			if err != nil {
				return nil, err
			}
			sum, err := weeks.Summarize(week, ss)
			if err != nil {
				return nil, err
			}
			return weeks.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: week.Start()})
		}},
		{"schedule.ParseClaimLines", claimLinesJSON, func(b []byte) (iop.Findings, error) {
			lines, err := schedule.ParseClaimLines(b)
			if err != nil {
				return nil, err
			}
			sum, err := weeks.SummarizeClaims(week, lines)
			if err != nil {
				return nil, err
			}
			fs, err := weeks.CheckWeek(&sum, schedule.Stay{Population: iop.PopulationAdult, Admitted: week.Start()})
			if err != nil {
				return nil, err
			}
			return weeks.AppendClaims(fs, lines)
		}},
		{"schedule.ParseTemplate", "schedule-template.json", func(b []byte) (iop.Findings, error) {
			_, err := schedule.ParseTemplate(b)
			return nil, err
		}},
		{"schedule.Stay", `{"population":"adult","admitted":"2025-03-03","discharged":"2025-04-30"}`, func(b []byte) (iop.Findings, error) {
			var e schedule.Stay
			return nil, json.Unmarshal(b, &e)
		}},
		{"eligibility.ParseAssessment", "eligibility-assessment.json", func(b []byte) (iop.Findings, error) {
			a, err := eligibility.ParseAssessment(b)
			if err != nil {
				return nil, err
			}
			d, err := elig.Decide(a)
			if err != nil {
				return nil, err
			}
			return elig.CheckDecision(&d)
		}},
		{"eligibility.ParseCriteria", "eligibility-criteria.json", func(b []byte) (iop.Findings, error) {
			_, err := eligibility.ParseCriteria(b)
			return nil, err
		}},
		{"eligibility.ParseRecommendation", `{"id":"R-1","source":"tool","edition":"3rd","date":"2025-03-03","population":"adult","level":"2.1"}`, func(b []byte) (iop.Findings, error) {
			r, err := eligibility.ParseRecommendation(b)
			if err != nil {
				return nil, err
			}
			d, err := elig.Recommended(r)
			if err != nil {
				return nil, err
			}
			return elig.CheckAdmission(&d, iop.Hours(9))
		}},
		{"authorization.ParseAuthorizations", authorizationsJSON, func(b []byte) (iop.Findings, error) {
			as, err := authorization.ParseAuthorizations(b)
			if err != nil {
				return nil, err
			}
			lines, err := schedule.ParseClaimLines([]byte(claimLinesJSON))
			if err != nil {
				return nil, err
			}
			fs, err := auths.CheckClaims(as, lines, iop.MustParseDate("2025-03-10"), 0)
			if err != nil {
				return nil, err
			}
			return auths.AppendTurnaround(fs, &as[0], time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC))
		}},
		{"eligibility.Review", string(review), func(b []byte) (iop.Findings, error) {
			var rv eligibility.Review
			if err := json.Unmarshal(b, &rv); err != nil {
				return nil, err
			}
			fs, err := elig.CheckContinuedStay(&rv)
			if err != nil {
				return nil, err
			}
			return elig.AppendTransfer(fs, &rv)
		}},
		{"eligibility.DischargeReview", string(discharge), func(b []byte) (iop.Findings, error) {
			var x eligibility.DischargeReview
			if err := json.Unmarshal(b, &x); err != nil {
				return nil, err
			}
			return elig.CheckDischargeReview(&x)
		}},
		{"iop.Finding", `{"code":"schedule.weekly-minutes.below-minimum","severity":"blocking","subject":"P-1","day":"2025-03-03","level":"2.5","ref":"fuh-7","need":540,"got":539,"unit":"minutes"}`, func(b []byte) (iop.Findings, error) {
			var f iop.Finding
			if err := json.Unmarshal(b, &f); err != nil {
				return nil, err
			}
			return nil, nil
		}},
		{"aftercare.ParseCase", "", func(b []byte) (iop.Findings, error) {
			c, err := aftercare.ParseCase(b)
			if err != nil {
				return nil, err
			}
			return after.CheckDischarge(c.Episode, c.Plan, iop.MustParseDate("2025-06-30"))
		}},
	}
}

const authorizationsJSON = `[
 {"number":"AUTH-1","payer":"PAYER-1","patient":"P-1","level":"2.1","codes":["G0410","90853"],"quantity":2,"unit":"units","per_week":1,
  "effective":"2025-03-03","expiration":"2025-03-11","action":"certified","requested":"2025-02-27T09:30:00Z","decided":"2025-02-28T11:00:00Z"}
]`

const claimLinesJSON = `[
 {"patient":"P-1","claim":"C-1","line":1,"date":"2025-03-03","revenue":"0915","code":"G0410","units":1,"bill_type":"0131","condition_codes":["92"]},
 {"patient":"P-1","claim":"C-1","line":2,"date":"2025-03-03","revenue":"0914","code":"90853","modifiers":["95"],"units":2,"minutes":"1h30m","bill_type":"0131","condition_codes":["92"]}
]`

// TestNoInputInMessages injects the markers into every string value, every
// key and every number of every decoder's sample, one place at a time, and
// asserts that no error and no finding message holds them.
func TestNoInputInMessages(t *testing.T) {
	catalog := ioprules.Catalog()
	for _, d := range decoders(t) {
		t.Run(d.name, func(t *testing.T) {
			sample := d.sample
			if d.name == "aftercare.ParseCase" {
				var cases []json.RawMessage
				require.NoError(t, json.Unmarshal(loadSample(t, "aftercare-cases.json"), &cases))
				sample = string(cases[0])
			}
			base := loadSample(t, sample)
			_, err := d.decode(base)
			require.NoError(t, err, "the sample must decode")
			var doc any
			dec := json.NewDecoder(bytes.NewReader(base))
			dec.UseNumber()
			require.NoError(t, dec.Decode(&doc))
			n := 0
			for mutated := range mutations(doc) {
				n++
				b, err := json.Marshal(mutated)
				require.NoError(t, err)
				fs, err := d.decode(b)
				if err != nil {
					clean(t, fmt.Sprintf("%s, mutation %d", d.name, n), err.Error())
				}
				for _, f := range fs {
					// A finding names the day of service it is about
					// (Finding.Day), as it names the record ID it was
					// passed: that date is the finding's subject, not
					// rejected input.
					msg := catalog.Message(f)
					if f.Day != 0 {
						msg = strings.ReplaceAll(msg, f.Day.String(), "<day>")
					}
					clean(t, fmt.Sprintf("%s, mutation %d, finding %s", d.name, n, f.Code), msg)
				}
			}
			assert.Positive(t, n)
		})
	}
}

// mutations yields copies of doc with one place replaced by a marker: each
// string value (by the text marker with the date, and by the date alone),
// each number, and each object key.
func mutations(doc any) func(yield func(any) bool) {
	return func(yield func(any) bool) {
		var walk func(v any, set func(any) any) bool
		walk = func(v any, set func(any) any) bool {
			switch x := v.(type) {
			case string:
				return yield(set(markerText+" "+markerDate)) && yield(set(markerDate))
			case json.Number:
				return yield(set(json.Number(markerNumber)))
			case []any:
				for i := range x {
					ok := walk(x[i], func(nv any) any {
						c := append([]any(nil), x...)
						c[i] = nv
						return set(c)
					})
					if !ok {
						return false
					}
				}
			case map[string]any:
				for k := range x {
					renamed := map[string]any{}
					for k2, v2 := range x {
						renamed[k2] = v2
					}
					delete(renamed, k)
					renamed[markerText] = x[k]
					if !yield(set(renamed)) {
						return false
					}
					ok := walk(x[k], func(nv any) any {
						c := map[string]any{}
						for k2, v2 := range x {
							c[k2] = v2
						}
						c[k] = nv
						return set(c)
					})
					if !ok {
						return false
					}
				}
			}
			return true
		}
		walk(doc, func(v any) any { return v })
	}
}

// TestNoInputInCSVMessages puts the markers into every cell of every row
// of the sessions and claim-line CSV samples, one column at a time.
func TestNoInputInCSVMessages(t *testing.T) {
	base, err := os.ReadFile("examples/quickstart/sample/schedule-sessions.csv")
	require.NoError(t, err)
	checkCSV(t, string(base), func(r io.Reader) (func(yield func(error) bool), error) {
		cr, err := schedule.NewSessionReader(r, schedule.CSVOptions{})
		if err != nil {
			return nil, err
		}
		return errorsOf(cr.All()), nil
	})
	claims := "patient,claim,line,date_of_service,revenue,code,modifiers,units,place_of_service,minutes,bill_type,condition_codes,clinician\n" +
		"P-1,C-1,1,2025-03-03,0915,G0410,,1,,,0131,92,Dr X\n" +
		"P-1,C-1,2,2025-03-03,0914,90834,95,1,10,45,0131,92,Dr Y\n"
	checkCSV(t, claims, func(r io.Reader) (func(yield func(error) bool), error) {
		cr, err := schedule.NewClaimReader(r, schedule.CSVOptions{Columns: map[string]string{"date_of_service": "date"}, IgnoreExtra: true})
		if err != nil {
			return nil, err
		}
		return errorsOf(cr.All()), nil
	})
}

func errorsOf[T any](seq func(yield func(T, error) bool)) func(yield func(error) bool) {
	return func(yield func(error) bool) {
		for _, err := range seq {
			if err != nil && !yield(err) {
				return
			}
		}
	}
}

func checkCSV(t *testing.T, base string, read func(io.Reader) (func(yield func(error) bool), error)) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(base), "\n")
	cols := len(strings.Split(lines[0], ","))
	for col := range cols {
		for _, marker := range []string{markerText + " " + markerDate, markerDate, markerNumber, `"` + markerText} {
			var b strings.Builder
			b.WriteString(lines[0] + "\n")
			for _, line := range lines[1:] {
				cells := strings.Split(line, ",")
				cells[col] = marker
				b.WriteString(strings.Join(cells, ",") + "\n")
			}
			errs, err := read(strings.NewReader(b.String()))
			if err != nil {
				clean(t, "header", err.Error())
				continue
			}
			for err := range errs {
				clean(t, fmt.Sprintf("column %d", col), err.Error())
			}
		}
	}
}
