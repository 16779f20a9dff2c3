package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ioprules/ioprules/authorization"
	"github.com/ioprules/ioprules/iop"
	"github.com/ioprules/ioprules/schedule"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// golden compares got with testdata/day.golden, rewriting it with -update.
func golden(t *testing.T, day, got string) {
	t.Helper()
	path := filepath.Join("testdata", day+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// runWith runs the program and returns its exit status, stdout and stderr.
func runWith(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestRun checks the program's output on three days (the day before a
// review falls due, the day it does, the day after) against
// testdata/*.golden, and that the day judged by default is 2026-03-16.
// Run with -update to rewrite them after a deliberate change.
func TestRun(t *testing.T) {
	for _, day := range []string{"2026-03-15", "2026-03-16", "2026-03-17"} {
		t.Run(day, func(t *testing.T) {
			code, out, errOut := runWith("-today", day)
			assert.Equal(t, 0, code)
			assert.Empty(t, errOut)
			golden(t, day, out)
		})
	}
	code, out, errOut := runWith()
	assert.Equal(t, 0, code)
	assert.Empty(t, errOut)
	golden(t, "2026-03-16", out)
}

const usage = "Usage of utilization:\n  -today string\n    \tthe day judged, YYYY-MM-DD (default \"2026-03-16\")\n"

// The flags: -today takes a day that exists, written YYYY-MM-DD (exit 1
// otherwise, nothing on stdout; the message quotes the flag's value, the
// operator's own, as package time words it); -h gives the usage (exit 0);
// a flag it does not know is a usage error (exit 2).
func TestRunFlags(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		errOut string
	}{
		{"help", []string{"-h"}, 0, usage},
		{"an unknown flag", []string{"-day", "2026-03-16"}, 2, "flag provided but not defined: -day\n" + usage},
		{"-today without a value", []string{"-today"}, 2, "flag needs an argument: -today\n" + usage},
		{"a day that does not exist", []string{"-today", "2026-02-29"}, 1, "utilization: parsing time \"2026-02-29\": day out of range\n"},
		{"a month that does not exist", []string{"-today", "2026-13-01"}, 1, "utilization: parsing time \"2026-13-01\": month out of range\n"},
		{"a day in another form", []string{"-today", "16/03/2026"}, 1, "utilization: parsing time \"16/03/2026\" as \"2006-01-02\": cannot parse \"16/03/2026\" as \"2006\"\n"},
		{"an empty day", []string{"-today", ""}, 1, "utilization: parsing time \"\" as \"2006-01-02\": cannot parse \"\" as \"2006\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runWith(tc.args...)
			assert.Equal(t, tc.code, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.errOut, errOut)
		})
	}
}

// sampleFS is the embedded sample with the files given replaced (a nil
// content removes the file).
func sampleFS(t *testing.T, replace map[string][]byte) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range []string{"sample/payer-profile.json", "sample/authorizations.json", "sample/sessions.json"} {
		data, err := fs.ReadFile(sample, name)
		require.NoError(t, err)
		m[name] = &fstest.MapFile{Data: data}
	}
	for name, data := range replace {
		if data == nil {
			delete(m, name)
			continue
		}
		m[name] = &fstest.MapFile{Data: data}
	}
	return m
}

// A sample file that is missing or refused stops the screen with an error
// that names the file and the field, never a value of it (a patient's
// name typed where an ID goes, a birth date where a day goes); nothing is
// written before the files are read.
func TestReportInputErrors(t *testing.T) {
	const auth = `{"number": "AUTH-9", "payer": "PAYER-X", "patient": "p-9", "level": "2.1", "codes": ["H0015"],
	   "quantity": 10, "unit": "days", "effective": "2026-03-02", "expiration": "2026-03-20",
	   "action": "certified", "requested": "2026-02-26T10:00:00-05:00", "decided": "2026-02-27T15:30:00-05:00"}`
	for _, tc := range []struct {
		name    string
		replace map[string][]byte
		want    string
	}{
		{"no payer profile", map[string][]byte{"sample/payer-profile.json": nil},
			"open sample/payer-profile.json: file does not exist"},
		{"a payer profile with a key of no part", map[string][]byte{"sample/payer-profile.json": []byte(`{"id": "x", "Jane Doe": 1}`)},
			"payer profile: #1: unknown field"},
		{"no authorizations", map[string][]byte{"sample/authorizations.json": nil},
			"open sample/authorizations.json: file does not exist"},
		{"an authorization's day a birth date in another form", map[string][]byte{"sample/authorizations.json": []byte("[" + strings.Replace(auth, "2026-03-20", "01/01/1960", 1) + "]")},
			"authorizations: [0].expiration: invalid date"},
		{"an authorization's patient a name", map[string][]byte{"sample/authorizations.json": []byte("[" + auth + "," + strings.Replace(auth, `"p-9"`, `"Jane\nDoe"`, 1) + "]")},
			"authorizations: [1].patient: invalid syntax: control or format character"},
		{"no sessions", map[string][]byte{"sample/sessions.json": nil},
			"open sample/sessions.json: file does not exist"},
		{"a session's day a birth date", map[string][]byte{"sample/sessions.json": []byte(`[{"patient": "p-100", "id": "s-1", "date": "1960-02-30", "start": "09:00", "kind": "group", "attendance": "attended", "minutes": "3h00m", "code": "H0015"}]`)},
			"sessions: [0].date: invalid date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := report(&out, sampleFS(t, tc.replace), iop.MustParseDate("2026-03-16"))
			require.EqualError(t, err, tc.want)
			assert.Empty(t, out.String())
		})
	}
	var out bytes.Buffer
	require.NoError(t, report(&out, sampleFS(t, nil), iop.MustParseDate("2026-03-16")))
	golden(t, "2026-03-16", out.String())
}

// The status column: a decision that certifies nothing by its name; a
// review asked for by the day judged; else where the review day stands.
func TestStatus(t *testing.T) {
	today := iop.MustParseDate("2026-03-16")
	certified := authorization.Authorization{Action: authorization.ActionCertified}
	asked := func(d string) authorization.Authorization {
		a := certified
		a.ReviewRequested = iop.MustParseDate(d)
		return a
	}
	for _, tc := range []struct {
		name     string
		a        authorization.Authorization
		reviewBy string
		want     string
	}{
		{"pended", authorization.Authorization{Action: authorization.ActionPended}, "2026-03-16", "pended"},
		{"not certified", authorization.Authorization{Action: authorization.ActionNotCertified}, "", "not-certified"},
		{"cancelled", authorization.Authorization{Action: authorization.ActionCancelled}, "2026-03-17", "cancelled"},
		{"review asked yesterday", asked("2026-03-15"), "2026-03-10", "review asked 2026-03-15"},
		{"review asked today", asked("2026-03-16"), "2026-03-16", "review asked 2026-03-16"},
		{"review to be asked tomorrow: not yet asked", asked("2026-03-17"), "2026-03-16", "review due today"},
		{"no review day", certified, "", ""},
		{"review day long past", certified, "2026-01-01", "review past due"},
		{"review day yesterday", certified, "2026-03-15", "review past due"},
		{"review day today", certified, "2026-03-16", "review due today"},
		{"review day tomorrow", certified, "2026-03-17", "review due tomorrow"},
		{"review day in two days", certified, "2026-03-18", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r authorization.Remaining
			if tc.reviewBy != "" {
				r.ReviewBy = iop.MustParseDate(tc.reviewBy)
			}
			assert.Equal(t, tc.want, status(&tc.a, r, today))
		})
	}
	assert.Equal(t, "-", show(0))
	assert.Equal(t, "2026-03-16", show(today))
}

// weeksOf finds a patient's summaries among those sorted by patient: the
// first, one in the middle, the last, and none.
func TestWeeksOf(t *testing.T) {
	w := func(patient, week string) schedule.WeekSummary {
		return schedule.WeekSummary{Patient: patient, Week: schedule.MustParseWeek(week)}
	}
	weeks := []schedule.WeekSummary{w("p-1", "2026-W10"), w("p-2", "2026-W10"), w("p-2", "2026-W11"), w("p-3", "2026-W11")}
	assert.Equal(t, weeks[:1], weeksOf(weeks, "p-1"))
	assert.Equal(t, weeks[1:3], weeksOf(weeks, "p-2"))
	assert.Equal(t, weeks[3:], weeksOf(weeks, "p-3"))
	assert.Empty(t, weeksOf(weeks, "p-0"))
	assert.Empty(t, weeksOf(weeks, "p-20"))
	assert.Empty(t, weeksOf(weeks, "p-4"))
	assert.Empty(t, weeksOf(nil, "p-1"))
}
