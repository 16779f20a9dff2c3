package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ioprules/ioprules/iop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// runWith runs the program and returns its exit status, stdout and stderr.
func runWith(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestEmbeddedSample(t *testing.T) {
	code, out, errOut := runWith("")
	assert.Equal(t, exitBlocking, code, "the sample has weeks that fall short")
	assert.Empty(t, errOut)
	golden(t, "sample", out)
}

func TestEmbeddedSampleProgramWeeks(t *testing.T) {
	code, out, errOut := runWith("", "-weeks", "program")
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	golden(t, "sample-program-weeks", out)
}

func TestFile(t *testing.T) {
	// ASAM 2.1 with a step-down allowance, an adolescent, bad rows in both
	// files, and a patient without an episode.
	code, out, errOut := runWith("", "-profile", "asam3-2.1", "-weeks", "sunday",
		"-episodes", filepath.Join("testdata", "stepdown-episodes.csv"), filepath.Join("testdata", "stepdown.csv"))
	assert.Equal(t, exitBlocking, code)
	assert.Empty(t, errOut)
	golden(t, "file", out)
}

func TestStdin(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "compliant.csv"))
	require.NoError(t, err)
	code, out, errOut := runWith(string(in), "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitOK, code, "a week across the year end that meets 9 hours: %s", out)
	assert.Empty(t, errOut)
	golden(t, "stdin", out)
}

func TestStdinMalformed(t *testing.T) {
	in := "patient,date,start,minutes,kind,attendance\n" +
		"p-1,2025-03-03,09:00,180,group,attended\n" +
		"p-1,2025-03-04,09:00,180,group\n" +
		"p-1,2025-03-05,09:00,180,group,attended\n" +
		"p-1,2025-03-06,09:00,180,group,attended\n"
	code, out, _ := runWith(in, "-profile", "asam3-2.1", "-")
	assert.Equal(t, exitBlocking, code, "a refused row fails the run, though the week meets 9 hours")
	assert.Contains(t, out, "  sessions line 3: invalid syntax: malformed CSV row: wrong number of fields\n")
	assert.Contains(t, out, "p-1      2025-W10  2025-03-03  9h00m    3     1-11---   ok\n", "the rows after it are checked")
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		in   string
		err  string
	}{
		{"unknown profile", []string{"-profile", "x"}, "", "billingcheck: unknown profile \"x\"; the built-in ones are " + builtinIDs() + "\n"},
		{"unknown weeks", []string{"-weeks", "fortnight"}, "", "billingcheck: unknown -weeks \"fortnight\": want iso, program or a weekday\n"},
		{"no such file", []string{filepath.Join("testdata", "none.csv")}, "", "billingcheck: open testdata/none.csv: no such file or directory\n"},
		{"no such episodes file", []string{"-episodes", filepath.Join("testdata", "none.csv")}, "", "billingcheck: open testdata/none.csv: no such file or directory\n"},
		{"a bad sessions header", []string{"-"}, "patient,date,when\n", "billingcheck: cannot read the input: sessions: line 1: header[2]: unknown field\nstart: missing\nminutes: missing\nkind: missing\nattendance: missing\n"},
		{"an empty input", []string{"-"}, "", "billingcheck: cannot read the input: sessions: line 1: header: missing\n"},
		{"a bad episodes header", []string{"-episodes", filepath.Join("testdata", "compliant.csv"), "-"}, "", "billingcheck: cannot read the input: episodes: the header must be patient,population,admitted,discharged,stepped_down,certified\n"},
		{"an unknown flag", []string{"-x"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith(tt.in, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			if tt.err != "" {
				assert.Equal(t, tt.err, errOut)
			} else {
				assert.Contains(t, errOut, "usage: billingcheck")
			}
		})
	}
	code, _, errOut := runWith("", "a.csv", "b.csv")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "usage: billingcheck")
}

// FuzzInput reads arbitrary sessions and episodes: it never panics, and
// every refused row names a line of its input.
func FuzzInput(f *testing.F) {
	sessions, err := os.ReadFile(filepath.Join("testdata", "stepdown.csv"))
	require.NoError(f, err)
	episodes, err := os.ReadFile(filepath.Join("testdata", "stepdown-episodes.csv"))
	require.NoError(f, err)
	f.Add(string(sessions), string(episodes))
	f.Add(sampleSessions, sampleEpisodes)
	f.Add("patient,date,start,minutes,kind,attendance\n\"", "patient,population,admitted,discharged,stepped_down,certified\n\"")
	f.Fuzz(func(t *testing.T, s, e string) {
		in, err := readInput(strings.NewReader(s), strings.NewReader(e))
		if err != nil {
			return
		}
		for _, re := range in.rowErrors {
			assert.NotEmpty(t, re.err.Error())
		}
		for _, ss := range in.sessions {
			require.NoError(t, ss.Validate())
		}
		for id, ep := range in.episodes {
			require.NoError(t, ep.Validate(), id)
		}
	})
}

// builtinIDs lists the built-in profiles' IDs as the usage error does.
func builtinIDs() string {
	var ids []string
	for _, p := range iop.Builtins() {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}
