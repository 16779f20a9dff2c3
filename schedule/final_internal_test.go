package schedule

import (
	"testing"
	"time"

	"github.com/rickb777/date/v2"
	"github.com/stretchr/testify/assert"
)

// TestFinalLines checks the final answer of an export against the rules
// read in RULES.md §2: a replacement (frequency 7) supersedes the claim it
// names, a void (8) removes it, an exact repeat is reported naming both
// lines and counts once or twice as asked, an IOP claim (92) overlapping a
// PHP claim (41) of the patient is reported (MM13222, as NAHRI summarises
// it).
func TestFinalLines(t *testing.T) {
	mar := func(d int) date.Date { return date.New(2025, time.March, d) }
	ln := func(claim string, line, d int, code, billType, cond string) ClaimLine {
		return ClaimLine{Patient: "p-1", Claim: claim, Line: line, Date: mar(d), Code: code, Units: 1,
			BillType: billType, ConditionCodes: [4]string{cond}}
	}
	named := func(l ClaimLine, replaces string) ClaimLine { l.Replaces = replaces; return l }
	cases := []struct {
		name   string
		lines  []ClaimLine
		once   bool
		keep   []bool
		events []claimEvent
	}{
		{
			name:  "an original alone stands",
			lines: []ClaimLine{ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 10, "G0411", "0131", "92")},
			keep:  []bool{true, true},
		},
		{
			name: "a replacement under the claim's own ID supersedes it on its days",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 10, "G0411", "0131", "92"),
				ln("c-1", 1, 10, "G0410", "0137", "92"), ln("c-1", 2, 10, "G0411", "0137", "92"), ln("c-1", 3, 10, "90834", "0137", "92"),
			},
			keep:   []bool{false, false, true, true, true},
			events: []claimEvent{{kind: eventReplaced, line: 0, other: 2, day: mar(10)}},
		},
		{
			name: "a replacement before its original in the input still supersedes it",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0137", "92"),
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 10, "G0411", "0131", "92"),
			},
			keep:   []bool{true, false, false},
			events: []claimEvent{{kind: eventReplaced, line: 1, other: 0, day: mar(10)}},
		},
		{
			name: "a replacement covers only its own days of an interim series",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0132", "92"), ln("c-1", 2, 17, "G0410", "0132", "92"),
				ln("c-1", 1, 17, "G0411", "0137", "92"),
			},
			keep:   []bool{true, false, true},
			events: []claimEvent{{kind: eventReplaced, line: 0, other: 2, day: mar(10)}},
		},
		{
			name: "a replacement naming another claim supersedes all of it",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 11, "G0411", "0131", "92"),
				named(ln("c-2", 1, 10, "G0410", "0137", "92"), "c-1"),
			},
			keep:   []bool{false, false, true},
			events: []claimEvent{{kind: eventReplaced, line: 0, other: 2, day: mar(10)}},
		},
		{
			name: "a void removes the claim and counts nothing itself",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 10, "G0411", "0131", "92"),
				named(ln("c-3", 1, 10, "G0410", "0138", "92"), "c-1"),
			},
			keep:   []bool{false, false, false},
			events: []claimEvent{{kind: eventVoided, line: 0, other: 2, day: mar(10)}},
		},
		{
			name: "a replacement and a void of one claim: the void wins",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"),
				ln("c-1", 1, 10, "G0410", "0137", "92"),
				ln("c-1", 1, 10, "G0410", "0138", "92"),
			},
			keep: []bool{false, false, false},
			events: []claimEvent{
				{kind: eventReplaced, line: 0, other: 1, day: mar(10)},
				{kind: eventVoided, line: 1, other: 2, day: mar(10)},
			},
		},
		{
			name:   "a replacement naming a claim not in the input is reported",
			lines:  []ClaimLine{named(ln("c-2", 1, 10, "G0410", "0137", "92"), "c-9")},
			keep:   []bool{true},
			events: []claimEvent{{kind: eventReplacesUnknown, line: 0, other: -1, day: mar(10)}},
		},
		{
			name: "an exact repeat on another claim counts twice and is reported",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-4", 1, 10, "G0410", "0131", "92"),
			},
			keep:   []bool{true, true},
			events: []claimEvent{{kind: eventRepeat, line: 1, other: 0, day: mar(10)}},
		},
		{
			name: "an exact repeat counts once when the profile says so",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 10, "G0410", "0131", "92"),
			},
			once:   true,
			keep:   []bool{true, false},
			events: []claimEvent{{kind: eventRepeat, line: 1, other: 0, day: mar(10)}},
		},
		{
			name: "a repeat with modifier 59 is another service",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"),
				func() ClaimLine { l := ln("c-1", 2, 10, "G0410", "0131", "92"); l.Modifiers[0] = "59"; return l }(),
			},
			keep: []bool{true, true},
		},
		{
			name:  "the same claim and line twice is the input duplicate, not a repeat",
			lines: []ClaimLine{ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 1, 10, "G0410", "0131", "92")},
			keep:  []bool{true, true},
		},
		{
			name: "an IOP claim overlapping a PHP claim",
			lines: []ClaimLine{
				ln("c-1", 1, 10, "G0410", "0131", "92"), ln("c-1", 2, 12, "G0410", "0131", "92"),
				ln("c-5", 1, 12, "G0411", "0131", "41"),
			},
			keep:   []bool{true, true, true},
			events: []claimEvent{{kind: eventIOPPHPOverlap, line: 0, other: 2, day: mar(12)}},
		},
		{
			// Under IOP rules (92) the PHP claim's line is no program
			// line: the IOP line that repeats it is kept even with
			// repeats counted once, and only the overlap is reported.
			name: "an IOP line the same as a PHP claim's line is no repeat",
			lines: []ClaimLine{
				ln("c-5", 1, 10, "G0410", "0131", "41"),
				ln("c-1", 1, 10, "G0410", "0131", "92"),
			},
			once:   true,
			keep:   []bool{true, true},
			events: []claimEvent{{kind: eventIOPPHPOverlap, line: 1, other: 0, day: mar(10)}},
		},
		{
			name: "an IOP claim the day after a PHP claim does not overlap",
			lines: []ClaimLine{
				ln("c-5", 1, 10, "G0411", "0131", "41"),
				ln("c-1", 1, 11, "G0410", "0131", "92"),
			},
			keep: []bool{true, true},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			keep := make([]bool, len(c.lines))
			events := finalLines(c.lines, keep, c.once, "92", true, nil)
			assert.Equal(t, c.keep, keep, "kept lines")
			assert.Equal(t, c.events, events, "events")
		})
	}
}

// TestRepeatsPastTheQuickLook checks that the repeats are found whether
// or not maybeRepeats looks at the lines: with smallWeek lines it looks,
// with one more it leaves the finding to the sort; either way the repeat
// of the first line by the last is reported, and lines that share only
// their date or only their code are not.
func TestRepeatsPastTheQuickLook(t *testing.T) {
	day := func(d int) date.Date { return date.New(2025, time.March, 3) + date.Date(d%7) }
	for _, n := range []int{smallWeek, smallWeek + 1} {
		lines := make([]ClaimLine, n)
		for i := range lines {
			// distinct lines: each (day, code) once; the same day or the
			// same code as another line, never both.
			lines[i] = ClaimLine{Patient: "p-1", Claim: "c-1", Line: i + 1, Date: day(i), Code: "G04" + string(rune('A'+i/7)) + "0", Units: 1}
		}
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		assert.Equal(t, n > smallWeek, maybeRepeats(lines, idx), "%d distinct lines", n)
		keep := make([]bool, n)
		for i := range keep {
			keep[i] = true
		}
		assert.Empty(t, repeats(lines, []claimRun{{from: 0, to: n}}, keep, false, "", nil), "%d distinct lines", n)

		lines[n-1].Date, lines[n-1].Code = lines[0].Date, lines[0].Code
		assert.True(t, maybeRepeats(lines, idx), "%d lines, the last repeating the first", n)
		assert.Equal(t, []claimEvent{{kind: eventRepeat, line: n - 1, other: 0, day: lines[0].Date}},
			repeats(lines, []claimRun{{from: 0, to: n}}, keep, false, "", nil), "%d lines, the last repeating the first", n)
	}
}
